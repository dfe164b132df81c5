#!/usr/bin/env bash
# Audit throughput (issue 8): writes embedded ledgers of 10^4, 10^5 and 10^6 transactions and
# audits each with the code of `java -jar gateway-app.jar audit`; with --fabric, also writes
# 10^4 transactions on the real network (brought up if it is not) and audits the whole chain from
# the Audit organisation's own peer. Prints transactions/s and the share of CPU spent on
# signatures, of one run. Usage: scripts/audit-bench.sh [--sizes 10000,100000,1000000] [--fabric]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=10000,100000,1000000
fabric=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --fabric) fabric=1; shift ;;
    *) echo "usage: $0 [--sizes N,N,...] [--fabric]" >&2; exit 2 ;;
  esac
done
[ -f gateway-app/target/gateway-app.jar ] && [ -d gateway-app/target/test-classes ] || mvn -B -ntp -q install -DskipTests
args=(--transactions "$sizes" --threads "$(nproc)")
if [ "$fabric" = 1 ]; then
  export CARBON_RUNTIME="${CARBON_RUNTIME:-/tmp/carbon-fabric}"
  if ! scripts/network.sh status >/dev/null 2>&1; then
    scripts/network.sh up
    trap 'scripts/network.sh down >/dev/null 2>&1 || true' EXIT
  fi
  args+=(--fabric-network "$CARBON_RUNTIME/network.json")
fi
export CORE_CHAINCODE_LOGGING_LEVEL=WARNING
java -Xmx8g -cp gateway-app/target/gateway-app.jar:gateway-app/target/test-classes \
  cn.ets.registry.gateway.bench.AuditBenchmark "${args[@]}" 2>&1 | grep -v " INFO "
