#!/usr/bin/env bash
# Onboards a province into the running channel (scripts/network-onboard.sh) and proves it:
#   1. a gateway of MEE is started on MEE's own host BEFORE the onboarding (netns: in MEE's
#      namespace, listening on its address; the operator's console calls it over the simulated LAN);
#   2. the configuration update signed by one admin fewer than the majority is refused by the
#      orderers (and the province is not in the channel); then the onboarding proper: the update
#      signed by a majority of the admins, one after the other, each on its own host;
#   3. no process of the other organisations was restarted (same PIDs, alive), MEE's gateway neither;
#      the keys still stay home (scripts/org-keys-check.sh, with the new organisation's directory);
#      every host resolves the new peer's name (netns);
#   4. a NEW gateway of the province on the province's own host (`gateway-app.jar --network
#      network.json --orgs <Org>`), from the
#      network.json the onboarding rewrote, serves its identity province-<code>; through the REST API
#      (the calls the end-to-end suite makes for HB): MEE's gateway (started before) issues and
#      distributes to PROVINCE-<code>; the province opens a unit, is refused a unit of another
#      province (403), allocates to its unit from its account; the holdings are exact, supply is
#      balanced;
#   5. every peer, the new one included, reaches the same height and the same supply answer;
#   6. the new peer is rebuilt by replaying from the genesis block (`network.sh restore <org>
#      --replay`, as scripts/network-backup-check.sh measures it), for comparison with its
#      snapshot join, and again has the Registry peer's height and state.
#   scripts/network-onboard-check.sh [ENTRY]   (default network/onboard/provincesd.json)
# Needs the gateway jar (gateway-app/target/gateway-app.jar; CARBON_GATEWAY_JAR). Prints
# "ONBOARD-CHECK PASS: ..." with the times, or "ONBOARD-CHECK FAIL: ..."; exit status 0 / 1.
set -uo pipefail
START_EPOCH="$(date +%s.%N)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=network-lib.sh
. "$here/network-lib.sh"
fail() { echo "ONBOARD-CHECK FAIL: $*"; exit 1; }
entry="${1:-$NET_DIR/onboard/provincesd.json}"
[ -f "$entry" ] || fail "no roster entry $entry"
key="$(jq -r '.name | ascii_downcase' "$entry")"; name="$(jq -r .name "$entry")"
msp="$(jq -r .mspId "$entry")"; code="$(jq -r '.province // ""' "$entry")"
[ "$(jq -r .role "$entry")" = PROVINCE ] && [ -n "$code" ] || fail "$entry is not a PROVINCE entry"
[ -f "$RUNTIME/network.json" ] || fail "network not ready (no $RUNTIME/network.json)"
[ -z "${ORG_NAME[$key]:-}" ] || fail "$name is in the channel already (genesis roster or $ONBOARDED_DIR): the check onboards it, on a network without it"
fabric_home
JAR="${CARBON_GATEWAY_JAR:-$REPO_ROOT/gateway-app/target/gateway-app.jar}"
[ -f "$JAR" ] || fail "no gateway jar $JAR (mvn -pl gateway-app package)"

TMP="$(mktemp -d)"; GW_PIDS=(); declare -A GW_PID=()
cleanup() { local p; for p in "${GW_PIDS[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

declare -A GW_AT=()   # gateway port -> the address:port the operator's console calls
# start_gateway ORG KEY ADDRESS PORT: ORG's gateway on ORG's own host, as each organisation runs its
# own (netns: in its namespace, listening on its address; loopback: 127.0.0.1), from network.json as
# it is now.
start_gateway() {
  local org="$1" okey="$2" addr="$3" port="$4"
  [ "$LAYOUT" = netns ] || addr=127.0.0.1
  GW_AT[$port]="$addr:$port"
  gateway_up "$okey" "$TMP/gw-$org.pid" "$TMP/gw-$org.log" "http://$addr:$port" -Xmx256m -XX:+UseSerialGC -jar "$JAR" \
    --network "$RUNTIME/network.json" --orgs "$org" --host "$addr" --port "$port" --data-dir "$TMP/gw-$org" \
    || fail "the gateway of $org did not start"
  GW_PID[$org]="$(cat "$TMP/gw-$org.pid")"; GW_PIDS+=("${GW_PID[$org]}")
}
token() { jq -r --arg n "$2" '.identities[] | select(.name == $n) | .token' "$TMP/gw-$1/credentials.json"; }
# call METHOD PORT TOKEN PATH [BODY]: sets CODE and BODY
call() {
  CODE="$(in_ops curl -s -m 120 -o "$TMP/body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $3" \
    -H 'Content-Type: application/json' ${5:+--data "$5"} "http://${GW_AT[$2]}$4")"
  BODY="$(cat "$TMP/body" 2>/dev/null)"
}
expect() { [ "$CODE" = "$1" ] || fail "$2: HTTP $CODE (want $1): $BODY"; }

# --- 1. the processes as they are, and MEE's gateway, before the onboarding
declare -A BEFORE=()
for f in "$RUNTIME"/pids/*.pid; do BEFORE[$(basename "$f" .pid)]="$(cat "$f")"; done
MEE_NAME="${ORG_NAME[$(org_of_role MEE)]}"
start_gateway "$MEE_NAME" "$(org_of_role MEE)" "${ORG_ADDRESS[$(org_of_role MEE)]}" 18181
mee_tok="$(token "$MEE_NAME" mee)"; [ -n "$mee_tok" ] || fail "no mee identity in MEE's gateway"

# --- 2. fewer signatures than the majority: refused; then the onboarding
members=${#ORGS[@]}; need=$(( members / 2 + 1 ))
if CARBON_ONBOARD_SIGNATURES=$((need - 1)) "$here/network-onboard.sh" "$entry" >"$TMP/minority.log" 2>&1; then
  fail "a configuration update signed by $((need - 1)) of $members admins was accepted"
fi
grep -q 'orderers refused the configuration update' "$TMP/minority.log" || fail "the minority attempt failed otherwise: $(tail -n 3 "$TMP/minority.log")"
refused="$(grep -o "refused the configuration update signed by.*" "$TMP/minority.log" | sed "s/ -- error applying config update.*DeltaSet: /: /" | cut -c1-300)"
echo "  $refused"
[ ! -e "$ONBOARDED_DIR" ] || ! ls "$ONBOARDED_DIR" | grep -- "-$key.json" >/dev/null || fail "$name recorded as onboarded after a refused update"

t0="$(date +%s.%N)"
"$here/network-onboard.sh" "$entry" >"$TMP/onboard.log" 2>&1 || { tail -n 30 "$TMP/onboard.log"; fail "network-onboard.sh failed"; }
t_onboard="$(secs "$t0")"
grep -E 'signed by|submitted|update computed|in the channel configuration|joined from|committed by|authority account|step .* done|ONBOARDED' "$TMP/onboard.log" | sed 's/^/  /'
last="$(ls "$ARTIFACTS/onboard/$key/signatures/"*.pb | sort -n | tail -n1)"
signers="$("$FABRIC_BIN/configtxlator" proto_decode --input "$last" --type common.Envelope \
           | jq -r '[.payload.data.signatures[].signature_header.creator.mspid] | unique | join(",")')"
[ "$(tr ',' '\n' <<<"$signers" | wc -l)" -ge "$need" ] || fail "the submitted update carries signatures of $signers only ($need needed)"
t_join="$(grep -o 'snapshot join and catch-up [0-9.]* s' "$TMP/onboard.log" | grep -o '[0-9.]*' | head -n1)"

# --- 3. nobody else restarted; keys stay home
for n in "${!BEFORE[@]}"; do
  [ "$(cat "$RUNTIME/pids/$n.pid" 2>/dev/null)" = "${BEFORE[$n]}" ] && kill -0 "${BEFORE[$n]}" 2>/dev/null \
    || fail "$n was restarted or stopped during the onboarding (pid ${BEFORE[$n]} -> $(cat "$RUNTIME/pids/$n.pid" 2>/dev/null))"
done
kill -0 "${GW_PID[$MEE_NAME]}" 2>/dev/null || fail "MEE's gateway stopped during the onboarding"
keys="$("$here/org-keys-check.sh" "$ARTIFACTS")" || fail "keys: $keys"
[ -d "$ARTIFACTS/orgs/$key" ] || fail "no $ARTIFACTS/orgs/$key"

# the roster of the running channel now has the province
# shellcheck source=network-lib.sh
. "$here/network-lib.sh"
[ -n "${ORG_NAME[$key]:-}" ] || fail "$key is not in the roster after the onboarding"
jq -e --arg n "$name" --arg c "$code" '.organizations[] | select(.name == $n and .province == $c)' "$RUNTIME/network.json" >/dev/null \
  || fail "network.json does not list $name"
if [ "$LAYOUT" = netns ]; then  # every host (and the operator's) resolves the new peer's name
  for o in "${ORGS[@]}" ops; do
    a="$(if [ "$o" = ops ]; then ip netns exec "$OPS_NS" getent hosts "$(peer_host "$key")"; else in_org "$o" getent hosts "$(peer_host "$key")"; fi | awk '{print $1}')"
    [ "$a" = "${ORG_ADDRESS[$key]}" ] || fail "the host of $o resolves $(peer_host "$key") to '${a}', not ${ORG_ADDRESS[$key]}"
  done
fi

# --- 4. the province's own new gateway; the REST calls
start_gateway "$name" "$key" "$(jq -r .address "$entry")" 18182
sd_tok="$(token "$name" "province-$code")"; [ -n "$sd_tok" ] || fail "no identity province-$code in $name's gateway"
call GET 18182 "$sd_tok" /api/v1/whoami; expect 200 "whoami"
jq -e --arg c "$code" '.role == "PROVINCE" and .province == $c' <<<"$BODY" >/dev/null || fail "whoami: $BODY"
run="$(date +%s)"; unit="$code-POWER-$run"; P=""
# a vintage whose parameters are published (a fresh network has the seeded 2023 and 2024; the
# end-to-end suite publishes later ones)
for v in 2026 2025 2024; do call GET 18181 "$mee_tok" "/api/v1/parameters/$v"; [ "$CODE" = 200 ] && { P="CEA-$v"; break; }; done
[ -n "$P" ] || fail "no parameters published for 2024-2026: $BODY"
call POST 18181 "$mee_tok" /api/v1/issuances "{\"requestId\":\"onb-iss-$run\",\"product\":\"$P\",\"quantity\":5000}"
expect 201 "MEE issues $P (gateway started before the onboarding)"
call POST 18181 "$mee_tok" /api/v1/distributions "{\"requestId\":\"onb-dist-$run\",\"product\":\"$P\",\"from\":\"MEE\",\"to\":\"PROVINCE-$code\",\"quantity\":5000}"
expect 201 "MEE distributes to PROVINCE-$code"
t_rest="$(date +%s.%N)"
call POST 18182 "$sd_tok" /api/v1/accounts "{\"id\":\"$unit\",\"type\":\"UNIT\",\"name\":\"$unit\",\"province\":\"$code\",\"sector\":\"POWER\"}"
expect 201 "province-$code opens the unit $unit"
jq -e '.token | length > 0' <<<"$BODY" >/dev/null || fail "the unit got no token: $BODY"
call POST 18182 "$sd_tok" /api/v1/accounts "{\"id\":\"HB-X-$run\",\"type\":\"UNIT\",\"name\":\"x\",\"province\":\"HB\",\"sector\":\"POWER\"}"
expect 403 "province-$code opening a unit of HB"
call POST 18182 "$sd_tok" /api/v1/distributions "{\"requestId\":\"onb-alloc-$run\",\"product\":\"$P\",\"from\":\"PROVINCE-$code\",\"to\":\"$unit\",\"quantity\":3000}"
expect 201 "province-$code allocates to $unit"
t_rest="$(secs "$t_rest")"
call GET 18182 "$sd_tok" "/api/v1/accounts/$unit"; expect 200 "the unit's account"
held="$(jq -r --arg p "$P" '[.holdings[] | select(.product == $p) | .quantity] | add // 0' <<<"$BODY")"
[ "$held" = 3000 ] || fail "$unit holds $held $P, want 3000: $BODY"
call GET 18182 "$sd_tok" "/api/v1/accounts/PROVINCE-$code"; expect 200 "PROVINCE-$code"
left="$(jq -r --arg p "$P" '[.holdings[] | select(.product == $p) | .quantity] | add // 0' <<<"$BODY")"
[ "$left" = 2000 ] || fail "PROVINCE-$code holds $left $P, want 2000: $BODY"
call GET 18181 "$mee_tok" /api/v1/supply; expect 200 "supply"
jq -e '.products | length > 0 and all(.balanced == true)' <<<"$BODY" >/dev/null || fail "supply not balanced: $BODY"

# --- 5. every peer at the same height and state
state="$(peers_converge 90)" || fail "$state"
height="${state%%/*}"

# --- 6. the same peer rebuilt by replay, for comparison
t0="$(date +%s.%N)"
"$here/network.sh" restore "$key" --replay >"$TMP/replay.log" 2>&1 || { tail -n 5 "$TMP/replay.log"; fail "rebuild of peer-$key by replay"; }
t_replay="$(secs "$t0")"
[ "$(peer_state "$key")" = "$(peer_state "$REGISTRY_ORG")" ] || fail "after the replay peer-$key has $(peer_state "$key"), peer-$REGISTRY_ORG $(peer_state "$REGISTRY_ORG")"
mem="$("$here/network.sh" status | awk '$1 == "TOTAL" {print $NF}')"
rss="$("$here/network.sh" status | awk -v k="$key" '$1 == "peer-" k || $1 == "chaincode-" k {s += $4} END {print s + 0}')"

echo "ONBOARD-CHECK PASS: $name onboarded in ${t_onboard} s (config update signed by $signers, a majority of $members; $((need - 1)) signatures refused), its peer joined from a snapshot and caught up in ${t_join:-?} s vs ${t_replay} s to rebuild it by replaying from block 0 (height $height); no other process restarted; its new gateway: unit $unit opened, 3000 $P allocated to it (MEE's gateway, started before, distributed to PROVINCE-$code), supply balanced, REST calls of the province ${t_rest} s; every peer (${#ORGS[@]}) at height $height with the same state; its peer and chaincode server ${rss} MB (network ${mem} MB); ${keys#KEYS-CHECK PASS: }"
