#!/usr/bin/env bash
# Runs the registry: builds the gateway jar if it is missing, then starts it on the embedded
# ledger (state in ./data unless --data-dir is given). Any option of the gateway may follow.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f gateway-app/target/gateway-app.jar ]; then
  echo "[run] building gateway-app/target/gateway-app.jar (first run only)"
  mvn -B -ntp -q install -DskipTests
fi
# the data dir holds keys, tokens and the ledger: files it creates are the owner's alone
umask 077
exec java -jar gateway-app/target/gateway-app.jar "$@"
