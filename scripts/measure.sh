#!/usr/bin/env bash
# Reliability figures of one run on the embedded ledger (a gateway process, fsync on): write latency
# p50/p99 idle, with 4 event readers that never read and with 2 callers looping on /ledger/verify;
# what the limits refuse under a flood of 500 bodies that never finish, and how long /health and
# another caller wait meanwhile; log bytes per request. A measurement, not a test: it prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f gateway-app/target/gateway-app.jar ] && [ -d gateway-app/target/test-classes ] || mvn -B -ntp -q install -DskipTests
java -Dwrites="${WRITES:-300}" -cp gateway-app/target/gateway-app.jar:gateway-app/target/test-classes \
  cn.ets.registry.gateway.bench.ReliabilityMeasurement 2>&1 | grep -v " INFO "
