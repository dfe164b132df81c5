#!/usr/bin/env bash
# Faults on the running network, each under a bounded load of write transactions, one after the other:
#   orderer-1      kill -9 one orderer (orderer3, ProvinceHB's): SmartBFT (3 of 4) keeps ordering
#   orderer-2      kill -9 a second one (orderer2, Exchange's): below quorum, ordering stops cleanly
#                  (the submit fails, no node crashes); it resumes when one returns (orderer3 restarted)
#   peer           kill -9 the Exchange's peer: a write endorsed by Registry + Exchange fails at
#                  endorsement, Registry + MEE (another organisation allowed by the policy) commits
#   chaincode      kill the MEE's chaincode server (netns: its own; loopback: the shared one): writes
#                  endorsed by MEE fail, Registry + Exchange commit; MEE's answer again after restart
#   link           cut ProvinceGD's host off (netns only) and heal it: writes go on; it catches up
# The load is the policy check's probe (CC_POLICY_PROBE_ARGS, an idempotent write) submitted by a
# Registry client through the peer CLI, waiting for its commit. After each fault every peer must
# reach the same height and give the same answer to the readiness query (the supply) within 90 s.
# Prints one line per fault (attempted / succeeded / failed, max latency during the fault, time to
# recover) and "FAULT-CHECK PASS" or "FAULT-CHECK FAIL: ..."; exit status 0 / 1.
#
# Not (yet) the issue's full suite: the load is not settlements through the gateway, so there is no
# per-trade ledger check, and the gateway-kill fault is missing.
set -uo pipefail
START_EPOCH="$(date +%s.%N)"
# shellcheck source=network-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/network-lib.sh"
net="$(dirname "${BASH_SOURCE[0]}")/network.sh"
fail() { echo "FAULT-CHECK FAIL: $*"; exit 1; }
[ -f "$RUNTIME/network.json" ] || fail "network not ready (no $RUNTIME/network.json)"
fabric_home
MSPTMP="$(mktemp -d)"; trap 'rm -rf "$MSPTMP"' EXIT
issue_client "$REGISTRY_ORG" "$CC_POLICY_PROBE_ROLE" "$MSPTMP/msp" || fail "could not issue a client certificate"
MEE_ORG="$(org_of_role MEE)"; EXCHANGE_ORG="$(org_of_role EXCHANGE)"

secs() { awk -v s="$1" -v n="$(date +%s.%N)" 'BEGIN{printf "%.2f", n-s}'; }
# submit ORDERER TIMEOUT ENDORSER...: sets SUBMIT to VALID or what went wrong, LAST_LATENCY to seconds
submit() {
  local o="$1" to="$2"; shift 2
  local t0 out; t0="$(date +%s.%N)"
  # shellcheck disable=SC2046
  out="$(CLI_MSP_DIR="$MSPTMP/msp" CARBON_CLI_LOGGING=info peer_cli "$REGISTRY_ORG" \
    chaincode invoke -C "$CHANNEL_NAME" -n "$CC_NAME" -c "$CC_POLICY_PROBE_ARGS" \
    -o "$(node_ip "${ORDERER_ORG[$o]}"):${ORDERER_PORT[$o]}" --tls --cafile "$(orderer_tlsca "$o")" \
    $(peer_flags "$@") --waitForEvent --waitForEventTimeout "${to}s" 2>&1)"
  LAST_LATENCY="$(secs "$t0")"
  if grep -q 'Chaincode invoke successful' <<<"$out"; then SUBMIT=VALID; return; fi
  SUBMIT="$(grep -o 'transaction invalidated with status ([A-Z_]*)\|timed out waiting for txid\|failed to send transaction\|error endorsing\|endorsement failure\|connection refused\|deadline exceeded\|SERVICE_UNAVAILABLE' <<<"$out" | head -n1)"
  [ -n "$SUBMIT" ] || SUBMIT="ERROR: $(grep -i 'error' <<<"$out" | head -n1 | cut -c1-160)"
}

# load NAME N ORDERER ENDORSER...: N sequential submits; records attempted/succeeded/failed/max latency
load() {
  local name="$1" n="$2" o="$3"; shift 3
  local i r ok=0 bad=0 max=0
  for ((i = 0; i < n; i++)); do
    submit "$o" 20 "$@"; r="$SUBMIT"
    if [ "$r" = VALID ]; then ok=$((ok + 1)); else bad=$((bad + 1)); LAST_ERR="$r"; fi
    max="$(awk -v a="$max" -v b="$LAST_LATENCY" 'BEGIN{print (b > a) ? b : a}')"
  done
  LOAD_OK=$ok; LOAD_BAD=$bad; LOAD_MAX=$max
}

peer_state() { # height and readiness-answer hash of ORG's peer
  local h q
  h="$(peer_cli "$1" channel getinfo -c "$CHANNEL_NAME" 2>/dev/null | sed -n 's/^Blockchain info: //p' | jq -r .height 2>/dev/null)"
  q="$(peer_cli "$1" chaincode query -C "$CHANNEL_NAME" -n "$CC_NAME" -c "$CC_READY_ARGS" 2>/dev/null | sha256sum | cut -c1-12)"
  echo "${h:-?}/$q"
}
# converge: every peer at the same height and state within 90 s; prints the seconds it took
converge() {
  local t0 deadline org first s all; t0="$(date +%s.%N)"; deadline=$(( $(date +%s) + 90 ))
  while :; do
    all=""; first=""
    for org in "${ORGS[@]}"; do s="$(peer_state "$org")"; all+="$org=$s "; [ -z "$first" ] && first="$s"; [ "$s" = "$first" ] || first=MISMATCH; done
    if [ "$first" != MISMATCH ] && [[ "$first" != \?* ]]; then secs "$t0"; return 0; fi
    [ "$(date +%s)" -lt "$deadline" ] || { echo "peers differ after 90 s: $all"; return 1; }
    sleep 1
  done
}

report() { printf 'FAULT %-10s attempted %2d succeeded %2d failed %2d  max latency %6ss  recovered in %ss  %s\n' "$@"; }
R=(); note() { R+=("$(report "$@")"); echo "${R[-1]}"; }

converge >/dev/null || fail "the peers differ before any fault"
load baseline 3 orderer0 "$REGISTRY_ORG" "$EXCHANGE_ORG"
[ "$LOAD_OK" = 3 ] || fail "baseline: $LOAD_BAD of 3 failed ($LAST_ERR)"
note baseline 3 "$LOAD_OK" "$LOAD_BAD" "$LOAD_MAX" 0 ""

# 1. one orderer down: BFT keeps ordering
"$net" kill orderer3 >/dev/null
load orderer-1 5 orderer0 "$REGISTRY_ORG" "$EXCHANGE_ORG"
[ "$LOAD_OK" = 5 ] || fail "with orderer3 down, $LOAD_BAD of 5 writes failed ($LAST_ERR)"
c="$(converge)" || fail "after orderer-1: $c"
note orderer-1 5 "$LOAD_OK" "$LOAD_BAD" "$LOAD_MAX" "$c" "3 of 4 consenters order"

# 2. a second one down: no quorum; ordering stops cleanly and resumes when one returns
"$net" kill orderer2 >/dev/null
submit orderer0 15 "$REGISTRY_ORG" "$EXCHANGE_ORG"; r="$SUBMIT"; lat="$LAST_LATENCY"
[ "$r" != VALID ] || fail "a write committed with 2 of 4 consenters"
st="$("$net" status 2>/dev/null || true)"
for o in orderer0 orderer1; do grep -q "^$o .*alive" <<<"$st" || fail "$o died while the quorum was lost"; done
t0="$(date +%s.%N)"
"$net" start orderer3 >/dev/null || fail "orderer3 does not start again"
# SmartBFT has to finish a view change among the three (timeouts with back-off: seen to take ~2 min
# here); give it 240 s, then bring the fourth back too and require ordering then.
n=0; resumed=""; deadline=$(( $(date +%s) + 240 ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  submit orderer0 20 "$REGISTRY_ORG" "$EXCHANGE_ORG"; n=$((n + 1))
  [ "$SUBMIT" = VALID ] && { resumed="$(secs "$t0")"; break; }
done
"$net" start orderer2 >/dev/null || fail "orderer2 does not start again"
if [ -z "$resumed" ]; then
  until submit orderer0 20 "$REGISTRY_ORG" "$EXCHANGE_ORG"; [ "$SUBMIT" = VALID ]; do
    n=$((n + 1)); [ "$(date +%s)" -lt $((deadline + 180)) ] || fail "ordering did not resume, not even with all four orderers back"
  done
  resumed="NOT with 3 of 4 within 240 s; $(secs "$t0")s after orderer3's restart, with all 4"
fi
c="$(converge)" || fail "after orderer-2: $c"
note orderer-2 "$((1 + n))" 1 "$n" "$lat" "$resumed" "2 of 4: the write failed after ${lat}s ($r), the other orderers alive; ordering resumed: $resumed"

# 3. one peer down: endorse through another organisation's peer
"$net" kill "peer-$EXCHANGE_ORG" >/dev/null
submit orderer0 20 "$REGISTRY_ORG" "$EXCHANGE_ORG"; r="$SUBMIT"
[ "$r" != VALID ] || fail "endorsed by a dead peer"
load peer 5 orderer0 "$REGISTRY_ORG" "$MEE_ORG"
[ "$LOAD_OK" = 5 ] || fail "Registry + MEE with the Exchange's peer down: $LOAD_BAD of 5 failed ($LAST_ERR)"
t0="$(date +%s.%N)"; "$net" start "peer-$EXCHANGE_ORG" >/dev/null || fail "peer-$EXCHANGE_ORG does not start again"
c="$(converge)" || fail "after peer: $c"
note peer 6 "$LOAD_OK" 1 "$LOAD_MAX" "$(secs "$t0")" "Registry+Exchange refused ($r); Registry+MEE 5/5"

# 4. one organisation's chaincode server down
unit="$(cc_unit_of "$MEE_ORG")"
"$net" kill "$unit" >/dev/null
submit orderer0 20 "$REGISTRY_ORG" "$MEE_ORG"; r="$SUBMIT"
if [ "$unit" = chaincode ]; then load chaincode 0 orderer0; else load chaincode 5 orderer0 "$REGISTRY_ORG" "$EXCHANGE_ORG"; fi
[ "$unit" = chaincode ] || [ "$LOAD_OK" = 5 ] || fail "with MEE's chaincode server down, Registry + Exchange: $LOAD_BAD of 5 failed ($LAST_ERR)"
t0="$(date +%s.%N)"; "$net" start "$unit" >/dev/null || fail "$unit does not start again"
n=0; until submit orderer0 30 "$REGISTRY_ORG" "$MEE_ORG"; [ "$SUBMIT" = VALID ]; do n=$((n + 1)); [ "$n" -lt 5 ] || fail "MEE's chaincode does not answer after its restart"; done
rec="$(secs "$t0")"
c="$(converge)" || fail "after chaincode: $c"
note chaincode "$((7 + n))" "$((LOAD_OK + 1))" "$((1 + n))" "$LOAD_MAX" "$rec" "Registry+MEE refused while down ($r)"

# 5. one organisation's host cut off and healed (netns)
if [ "$LAYOUT" = netns ]; then
  gd=""; for o in "${ORGS[@]}"; do [ "${ORG_ROLE[$o]}" = PROVINCE ] && gd="$o"; done
  "$net" link-down "$gd" >/dev/null
  load link 5 orderer0 "$REGISTRY_ORG" "$EXCHANGE_ORG"
  [ "$LOAD_OK" = 5 ] || fail "with $gd cut off: $LOAD_BAD of 5 failed ($LAST_ERR)"
  t0="$(date +%s.%N)"; "$net" link-up "$gd" >/dev/null
  c="$(converge)" || fail "after link: $c"
  note link 5 "$LOAD_OK" "$LOAD_BAD" "$LOAD_MAX" "$c" "$gd cut off during the load, caught up after healing"
fi
echo "FAULT-CHECK PASS: ${#R[@]} phases; after each every peer reached the same height and state"
