#!/usr/bin/env bash
# Settlement throughput through the REST gateway on the embedded ledger and on the real Fabric
# network: disjoint accounts vs one hot seller, single posts vs the batch endpoint. Brings the
# network up if it is not (and down again afterwards). Prints figures and ratios of one run.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARBON_RUNTIME="${CARBON_RUNTIME:-/tmp/carbon-fabric}"
[ -f gateway-app/target/gateway-app.jar ] && [ -d gateway-app/target/test-classes ] || mvn -B -ntp -q install -DskipTests
started=0
if ! scripts/network.sh status >/dev/null 2>&1; then
  scripts/network.sh up
  started=1
  trap 'scripts/network.sh down >/dev/null 2>&1 || true' EXIT
fi
echo "[bench] RSS of the network's processes before the run:"
scripts/network.sh status || true
java -cp gateway-app/target/gateway-app.jar:gateway-app/target/test-classes cn.ets.registry.gateway.bench.SettlementBenchmark \
  --network "$CARBON_RUNTIME/network.json" "$@" 2>&1 | grep -v " INFO " 
echo "[bench] RSS after the run:"
scripts/network.sh status || true
