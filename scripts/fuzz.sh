#!/usr/bin/env bash
# Fuzzes the gateway's REST API from its own /openapi.json with schemathesis (from PyPI, kept in a
# virtualenv under ~/.cache/carbon-registry), as two identities with a fixed seed, on a fresh
# embedded ledger. Fails on any 5xx and on any answer that /openapi.json does not describe
# (status, content type, body schema). Bounded: --max-examples per operation and --max-time per identity.
# One worker: with two, hypothesis parses lambda sources in two threads at once and Python 3.11.7's
# ast module fails with "AST constructor recursion depth mismatch" (CPython gh-106905, fixed in
# 3.11.8) — a crash of the fuzzer, not of the gateway, which failed CI once.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=4.32.5
HYPOTHESIS=6.170.17
SEED="${FUZZ_SEED:-20261202}"
EXAMPLES="${FUZZ_EXAMPLES:-25}"
MAX_TIME="${FUZZ_MAX_TIME:-75}"
VENV="${CARBON_CACHE:-$HOME/.cache/carbon-registry}/schemathesis-$VERSION"
if [ ! -x "$VENV/bin/st" ]; then
  echo "[fuzz] installing schemathesis $VERSION into $VENV (first run only)"
  python3 -m venv "$VENV" 2>/dev/null || {
    (apt-get update -qq && apt-get install -y -qq python3-venv) >/dev/null
    python3 -m venv "$VENV"
  }
  # hypothesis pinned too: schemathesis accepts a range, and a new hypothesis must not change a run.
  "$VENV/bin/pip" install -q "schemathesis==$VERSION" "hypothesis==$HYPOTHESIS"
fi
JAR=gateway-app/target/gateway-app.jar
[ -f "$JAR" ] || mvn -B -ntp -q install -DskipTests

work=$(mktemp -d)
java -jar "$JAR" --port 0 --data-dir "$work/data" --no-fsync >"$work/gateway.log" 2>&1 &
pid=$!
stop() {
  local rc=$?
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  rm -rf "$work"
  exit $rc
}
trap stop EXIT
url=
for _ in $(seq 240); do
  url=$(grep -o 'gateway listening on http://[0-9.]*:[0-9]*' "$work/gateway.log" | head -1 | sed 's/gateway listening on //') || true
  [ -n "$url" ] && curl -sf "$url/health" >/dev/null && break
  kill -0 $pid 2>/dev/null || { cat "$work/gateway.log"; exit 1; }
  sleep 0.5
done
[ -n "$url" ] || { echo "[fuzz] the gateway did not start" >&2; cat "$work/gateway.log"; exit 1; }

status=0
for who in mee province-HB; do
  token=$(jq -r --arg n "$who" '.identities[] | select(.name==$n) | .token' "$work/data/credentials.json")
  echo "[fuzz] schemathesis as $who (seed $SEED, at most $EXAMPLES cases per operation, $MAX_TIME s)"
  "$VENV/bin/st" run "$url/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --seed "$SEED" --max-examples "$EXAMPLES" --max-time "$MAX_TIME" --workers 1 \
    --phases examples,coverage,fuzzing --request-timeout 30 \
    --exclude-path /api/v1/events \
    --report junit --report-dir "$work/report-$who" || status=$?
done
echo "[fuzz] gateway log: $(grep -c 'method=' "$work/gateway.log") requests, $(wc -c <"$work/gateway.log") bytes"
exit $status
