#!/usr/bin/env bash
# The registry's benchmark (a benchmark, not a test): every scenario of issue 12 through the REST
# gateway — no-op submit and evaluate baselines, single settlements on spread accounts, one hot
# seller (100 trades posted at once), batches of 10/100/1,000 trades, the compliance-deadline burst
# (300 and 3,600 units surrendering at once) — on the embedded ledger and on the Fabric network, one
# table with ratios to the no-op of the same run, and a calibration line (ECDSA sign/verify) at the
# start and the end.
#
#   scripts/bench.sh [--quick] [--json FILE] [--embedded-only] [--fabric-only] [--clients N]
#
# Uses the network of CARBON_RUNTIME (default /tmp/carbon-fabric) if it is up; otherwise brings one
# up with scripts/network.sh and takes it down afterwards. --quick: fewer operations and the burst at
# 300 units only (under 5 minutes on a 2-core machine). Extra JVM flags for the gateway: BENCH_JAVA_OPTS
# (e.g. -Dcarbon.fabric.readYourWrites=false, -Dcarbon.settlement.groupCommit=false).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARBON_RUNTIME="${CARBON_RUNTIME:-/tmp/carbon-fabric}"
args=(); fabric=1
while [ $# -gt 0 ]; do
  case "$1" in
    --embedded-only) fabric=0 ;;
    --fabric-only) args+=(--skip-embedded) ;;
    --json) args+=(--json "$(realpath -m "$2")"); shift ;;
    *) args+=("$1") ;;
  esac
  shift
done
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
if [ ! -d gateway-app/target/test-classes ] || [ ! -f gateway-app/target/gateway-app.jar ]; then
  log "building (mvn install -DskipTests)"; mvn -B -ntp -q install -DskipTests
fi
cp_file=gateway-app/target/bench-classpath.txt
[ -f "$cp_file" ] || mvn -B -ntp -q -pl gateway-app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file"
if [ "$fabric" = 1 ]; then
  if ! scripts/network.sh status >/dev/null 2>&1; then
    log "no network up in $CARBON_RUNTIME: bringing one up (scripts/network.sh up)"
    scripts/network.sh up
    trap 'log "taking the network down"; scripts/network.sh down >/dev/null 2>&1 || true' EXIT
  fi
  args+=(--network "$CARBON_RUNTIME/network.json" --runtime "$CARBON_RUNTIME")
fi
log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
# The exchange is one caller posting up to 100 trades at once (hot seller): its share of the gateway is raised to 128.
java -Dcarbon.http.perCaller=128 ${BENCH_JAVA_OPTS:-} -cp "gateway-app/target/test-classes:gateway-app/target/classes:$(cat "$cp_file")" \
  cn.ets.registry.gateway.bench.RegistryBench "${args[@]}" 2>&1 | grep -v -E " (INFO|DEBUG) |^SLF4J"
