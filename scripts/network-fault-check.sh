#!/usr/bin/env bash
# Faults under a settlement load (issue 9 §3). A real gateway in Fabric mode runs on the Exchange's
# own host (netns: its namespace, listening on its address) with its own data dir, and the load comes
# from the operator's host over the simulated LAN; the exchange (its identity from the gateway's
# credentials.json) posts a bounded load of POST /api/v1/settlements through it — scripts/fault-load.py,
# one worker per seller/buyer pair of Hubei units, $FAULT_RATE new trades a second at most, each trade
# sent again unchanged (same tradeId and body) after no answer, a 5xx, a 429 or a retryable CONFLICT.
# While it runs, each of these in turn:
#   orderer-1  kill -9 one orderer (orderer3, ProvinceHB's): SmartBFT (3 of 4) keeps ordering; restarted
#   peer       kill -9 the Exchange's peer: the gateway endorses through the Registry's peer with
#              another organisation the policy allows (MEE); restarted
#   chaincode  kill the Exchange's chaincode server (netns: its own JVM; loopback: the shared one):
#              likewise; restarted
#   gateway    kill -9 the gateway and start it again on the same data dir: the client replays its
#              in-flight trades and every one ends exactly once
#   link       cut ProvinceGD's host off (netns only) for twice FAULT_HOLD and heal it: the gateway waits
#              once (10 s) for its commits, then goes on without it until it has caught up
#   orderer-2  kill -9 orderer3 and then a second one (orderer2, Exchange's): below quorum, ordering
#              stops cleanly (no node crashes, the trades wait or fail retryably); it resumes when
#              orderer3 returns (orderer2 is restarted afterwards)
# After each: every trade answered 2xx is on the ledger (GET /settlements/{id}); every trade that met
# an error is absent or its replay reports the first result ("replayed": true, same record); each
# seller's and buyer's holding equals its start minus / plus the trades on the ledger over every phase
# (exactly once); GET /supply/audit is balanced; every peer reaches the same height, block hash and
# supply within 90 s. Prints one line per fault (attempted / succeeded / retried / failed, p50 and p99
# latency of the trades started in the fault's window, time until the client was served normally again,
# time until the peers were equal) and "FAULT-CHECK PASS" or "FAULT-CHECK FAIL: ..."; exit status 0 / 1.
# Environment: FAULT_RATE (trades/s, default 5), FAULT_PAIRS (workers, default 6), FAULT_HOLD (seconds
# a fault lasts before it is healed, default 10), CARBON_FAULT_PORT (the gateway's port, default 18480).
set -uo pipefail
START_EPOCH="$(date +%s.%N)"
# shellcheck source=network-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/network-lib.sh"
net="$(dirname "${BASH_SOURCE[0]}")/network.sh"
load_py="$REPO_ROOT/scripts/fault-load.py"
jar="$REPO_ROOT/gateway-app/target/gateway-app.jar"
RATE="${FAULT_RATE:-5}" PAIRS="${FAULT_PAIRS:-6}" HOLD="${FAULT_HOLD:-10}" PORT="${CARBON_FAULT_PORT:-18480}"
fail() { echo "FAULT-CHECK FAIL: $*"; exit 1; }
[ -f "$RUNTIME/network.json" ] || fail "network not ready (no $RUNTIME/network.json)"
[ -f "$jar" ] || fail "no $jar (mvn -pl chaincode,gateway-app install -DskipTests)"
fabric_home
WORK="$(mktemp -d)"; GW_DATA="$WORK/gateway"; GW_LOG="$RUNTIME/logs/fault-gateway.log"; GW_PID=""
cleanup() { [ -n "$GW_PID" ] && kill -KILL "$GW_PID" 2>/dev/null; touch "$WORK/stop"; rm -rf "$WORK"; }
trap cleanup EXIT
EXCHANGE_ORG="$(org_of_role EXCHANGE)"
GW_HOST=127.0.0.1; [ "$LAYOUT" = netns ] && GW_HOST="${ORG_ADDRESS[$EXCHANGE_ORG]}"
URL="http://$GW_HOST:$PORT"

now() { date +%s.%N; }

# The gateway on the Exchange's host, with all organisations' identities for the test's sake (it opens
# the load's accounts as Hubei and funds them as MEE), its PID the JVM's own (exec), so kill -9 hits
# the gateway alone.
gateway_start() {
  mkdir -p "$GW_DATA"
  gateway_up "$EXCHANGE_ORG" "$WORK/gateway.pid" "$GW_LOG" "$URL" -Xmx512m -jar "$jar" \
    --network "$RUNTIME/network.json" --data-dir "$GW_DATA" --host "$GW_HOST" --port "$PORT" || fail "the gateway did not start"
  GW_PID="$(cat "$WORK/gateway.pid")"
}

# converge: every peer at the same height, block and state within 90 s; prints the seconds it took
converge() { local t0 out; t0="$(now)"; out="$(peers_converge 90)" || { echo "$out"; return 1; }; secs "$t0"; }

# A phase: the load starts, FAULT runs (a function that sets FAULT_AT and HEAL_AT and may fail), the
# load goes on until 5 clean trades (first attempt, ≤ 2 s) started after the heal (or 240 s), stops; then
# the peers must converge and the invariants hold. Records the figures in R.
R=(); FIGS=(); PREVIOUS=()
phase() {
  local name="$1" fault="$2" note="$3" out="$WORK/$1.jsonl" loadpid conv fig
  rm -f "$WORK/stop"; LATE_NOTE=""
  in_ops python3 "$load_py" load "$WORK/state.json" "$name" "$out" "$WORK/stop" "$RATE" &
  loadpid=$!
  sleep 3
  "$fault" || { touch "$WORK/stop"; wait "$loadpid"; fail "$name: $FAULT_ERR"; }
  if ! in_ops python3 "$load_py" wait "$out" "$HEAL_AT" 5 240; then
    # not recovered after the heal: a phase may have a last resort (orderer-2: the second orderer back too)
    declare -F "${fault}_late" >/dev/null && "${fault}_late" && in_ops python3 "$load_py" wait "$out" "$HEAL_AT" 5 180 \
      || { touch "$WORK/stop"; wait "$loadpid"; fail "$name: the client was not served normally again within 240 s of the heal"; }
  fi
  touch "$WORK/stop"; wait "$loadpid"
  conv="$(converge)" || fail "after $name: $conv"
  fig="$(in_ops python3 "$load_py" verify "$WORK/state.json" "$name" "$out" "$FAULT_AT" "$HEAL_AT" "${PREVIOUS[@]}")"
  local rc=$?
  [ -n "$fig" ] || fail "$name: the verification gave no answer"
  R+=("$(jq -r --arg conv "$conv" --arg note "$note$LATE_NOTE" '
      def s: (. * 10 | round / 10 | tostring) + " s";
      def ms: if . == null then "–" else (. * 1000 | round | tostring) + " ms" end;
      "FAULT \(.phase | . + " " * (10 - length)) attempted \(.attempted) succeeded \(.succeeded) retried \(.retried) failed \(.failed) (answered replayed \(.replayed))  p50 \(.p50 | ms) p99 \(.p99 | ms)  \(if .recoveredAfterFault == null then "no client-visible outage" else "served normally again \(.recoveredAfterFault | s) after the fault, \(.recoveredAfterHeal | s) after the heal" end); peers equal \($conv) s later; errors \(.errors | to_entries | map("\(.key)×\(.value)") | join(", ") | if . == "" then "none" else . end); \($note)"' <<<"$fig")")
  echo "${R[-1]}"
  FIGS+=("$(jq -c --arg conv "$conv" '. + {conv: $conv}' <<<"$fig")")
  [ "$rc" = 0 ] || fail "$name: $(jq -r '.violations | join("; ")' <<<"$fig")"
  PREVIOUS+=("$out")
}

kill_and_restart() { # kill_and_restart NAME [SECONDS]: kill -9, hold, start again
  FAULT_AT="$(now)"; "$net" kill "$1" >/dev/null || { FAULT_ERR="cannot kill $1"; return 1; }
  sleep "${2:-$HOLD}"
  HEAL_AT="$(now)"; "$net" start "$1" >/dev/null || { FAULT_ERR="$1 does not start again"; return 1; }
}
f_none() { FAULT_AT="$(now)"; sleep "$HOLD"; HEAL_AT="$(now)"; }
f_orderer1() { kill_and_restart orderer3; }
f_peer() { kill_and_restart "peer-$EXCHANGE_ORG"; }
f_chaincode() { kill_and_restart "$(cc_unit_of "$EXCHANGE_ORG")"; }
f_gateway() {
  FAULT_AT="$(now)"; kill -KILL "$GW_PID"; while pid_alive "$GW_PID"; do sleep 0.05; done
  sleep 2
  HEAL_AT="$(now)"; gateway_start
}
f_link() {
  FAULT_AT="$(now)"; "$net" link-down "$GD" >/dev/null || { FAULT_ERR="link-down failed"; return 1; }
  sleep $((2 * HOLD)) # longer than the gateway's 10 s read-your-writes wait: what comes after it shows
  HEAL_AT="$(now)"; "$net" link-up "$GD" >/dev/null
}
f_orderer2() {
  "$net" kill orderer3 >/dev/null || { FAULT_ERR="cannot kill orderer3"; return 1; }
  FAULT_AT="$(now)"; "$net" kill orderer2 >/dev/null || { FAULT_ERR="cannot kill orderer2"; return 1; }
  sleep "$HOLD"
  local st; st="$("$net" status 2>/dev/null || true)"
  for o in orderer0 orderer1; do grep -q "^$o .*alive" <<<"$st" || { FAULT_ERR="$o died while the quorum was lost"; return 1; }; done
  if grep -q '"t1"' "$WORK/orderer-2.jsonl" 2>/dev/null && \
     jq -se --argjson at "$FAULT_AT" 'map(select(.t0 > $at + 1 and .attempts == 1 and .status >= 200 and .status < 300)) | length > 0' "$WORK/orderer-2.jsonl" >/dev/null; then
    FAULT_ERR="a trade committed at its first attempt with 2 of 4 consenters"; return 1
  fi
  HEAL_AT="$(now)"; "$net" start orderer3 >/dev/null || { FAULT_ERR="orderer3 does not start again"; return 1; }
}
f_orderer2_late() { # SmartBFT's view change among the three has been seen to take ~2 min here
  "$net" start orderer2 >/dev/null || return 1
  LATE_NOTE=" — NOT resumed with 3 of 4 within 240 s; orderer2 restarted $(secs "$HEAL_AT") s after orderer3"
}

log "fault check: gateway on the Exchange's host ($URL, log $GW_LOG), $PAIRS pairs, at most $RATE trades/s"
converge >/dev/null || fail "the peers differ before any fault"
gateway_start
log "gateway up (pid $GW_PID); preparing the load's accounts"
in_ops python3 "$load_py" setup "$WORK/state.json" "$URL" "$GW_DATA/credentials.json" "$PAIRS" \
  "FL$(date +%s | tail -c 7)" || fail "setting up the load failed (log: $GW_LOG)"

phase baseline f_none "no fault"
phase orderer-1 f_orderer1 "orderer3 (ProvinceHB's) killed, 3 of 4 consenters order; restarted after ${HOLD} s"
phase peer f_peer "peer-$EXCHANGE_ORG killed: endorsed through the Registry's peer with MEE; restarted after ${HOLD} s"
phase chaincode f_chaincode "$(cc_unit_of "$EXCHANGE_ORG") killed: endorsed through the Registry's peer with MEE; restarted after ${HOLD} s"
phase gateway f_gateway "gateway killed (-9), restarted after 2 s on its data dir; in-flight trades replayed"
if [ "$LAYOUT" = netns ]; then
  GD=""; for o in "${ORGS[@]}"; do [ "${ORG_ROLE[$o]}" = PROVINCE ] && GD="$o"; done
  phase link f_link "$GD's host cut off, healed after $((2 * HOLD)) s"
fi
phase orderer-2 f_orderer2 "orderer3 and orderer2 killed: no quorum for ${HOLD} s; orderer3 restarted, orderer2 after"
"$net" start orderer2 >/dev/null || fail "orderer2 does not start again"
conv="$(converge)" || fail "after orderer2's restart: $conv"
# the figures as one table (README, "Faults")
printf '%-10s %9s %9s %7s %6s %8s %8s %21s %11s\n' fault attempted succeeded retried failed p50_ms p99_ms recovered_s:fault/heal peers_equal
for f in "${FIGS[@]}"; do
  jq -r '[.phase, .attempted, .succeeded, .retried, .failed, ((.p50 // 0) * 1000 | round), ((.p99 // 0) * 1000 | round),
          (if .recoveredAfterFault == null then "-" else "\(.recoveredAfterFault * 10 | round / 10)/\(.recoveredAfterHeal * 10 | round / 10)" end), .conv]
         | @tsv' <<<"$f" | awk -F'\t' '{printf "%-10s %9s %9s %7s %6s %8s %8s %21s %11s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9}'
done
echo "FAULT-CHECK PASS: ${#R[@]} phases in $(elapsed) s; after each every 2xx trade on the ledger exactly once, every errored trade absent or replayed with its first result, supply balanced, every peer at the same height and state"
