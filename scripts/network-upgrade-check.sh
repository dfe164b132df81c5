#!/usr/bin/env bash
# Upgrades the chaincode definition (`network.sh upgrade`: sequence + 1, majority approval first)
# while writes keep flowing: a Registry client submits the policy probe (an idempotent write,
# endorsed by the Registry and the Exchange, who approve first) one after another during the whole
# upgrade. Every write must commit VALID, or fail with MVCC_READ_CONFLICT — the retryable code of a
# write endorsed under the old definition and validated after the new one — and then succeed when
# sent again. Afterwards every organisation's peer answers under the new sequence.
#   scripts/network-upgrade-check.sh
# Prints "UPGRADE-CHECK PASS: ..." or "UPGRADE-CHECK FAIL: ..."; exit status 0 / 1.
set -uo pipefail
START_EPOCH="$(date +%s.%N)"
# shellcheck source=network-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/network-lib.sh"
net="$(dirname "${BASH_SOURCE[0]}")/network.sh"
fail() { echo "UPGRADE-CHECK FAIL: $*"; exit 1; }
[ -f "$RUNTIME/network.json" ] || fail "network not ready (no $RUNTIME/network.json)"
fabric_home
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
issue_client "$REGISTRY_ORG" "$CC_POLICY_PROBE_ROLE" "$TMP/msp" || fail "could not issue a client certificate"
EXCHANGE_ORG="$(org_of_role EXCHANGE)"
sequence() { peer_cli "$REGISTRY_ORG" lifecycle chaincode querycommitted -C "$CHANNEL_NAME" -n "$CC_NAME" --output json 2>/dev/null | jq -r .sequence; }
before="$(sequence)"

# one write: prints VALID or the validation code / error, and its latency
write() {
  local t0 out; t0="$(date +%s.%N)"
  # shellcheck disable=SC2046
  out="$(CLI_MSP_DIR="$TMP/msp" CARBON_CLI_LOGGING=info peer_cli "$REGISTRY_ORG" chaincode invoke -C "$CHANNEL_NAME" -n "$CC_NAME" \
    -c "$CC_POLICY_PROBE_ARGS" $(orderer_flags) $(peer_flags "$REGISTRY_ORG" "$EXCHANGE_ORG") \
    --waitForEvent --waitForEventTimeout 30s 2>&1)"
  local lat; lat="$(awk -v s="$t0" -v n="$(date +%s.%N)" 'BEGIN{printf "%.2f", n-s}')"
  if grep -q 'Chaincode invoke successful' <<<"$out"; then echo "VALID $lat"; return; fi
  local code; code="$(grep -o 'transaction invalidated with status ([A-Z_]*)' <<<"$out" | grep -o '([A-Z_]*)' | tr -d '()')"
  echo "${code:-ERROR:$(grep -i error <<<"$out" | head -n1 | tr ' ' '_' | cut -c1-120)} $lat"
}

# the load: writes until the upgrade is done; a write that fails is sent again once at once
( while [ ! -f "$TMP/stop" ]; do
    r="$(write)"; echo "$r" >>"$TMP/results"
    if [ "${r%% *}" != VALID ]; then echo "retry $(write)" >>"$TMP/results"; fi
  done ) &
loader=$!
sleep 2
t0="$(date +%s.%N)"
"$net" upgrade >"$TMP/upgrade.log" 2>&1 || { touch "$TMP/stop"; wait "$loader"; cat "$TMP/upgrade.log"; fail "network.sh upgrade failed"; }
took="$(awk -v s="$t0" -v n="$(date +%s.%N)" 'BEGIN{printf "%.1f", n-s}')"
sleep 2; touch "$TMP/stop"; wait "$loader"
grep 'sequence\|upgrade' "$TMP/upgrade.log" | sed 's/^/  /'

after="$(sequence)"
[ "$after" = $((before + 1)) ] || fail "sequence $before -> $after"
attempted="$(grep -vc '^retry' "$TMP/results")"
valid="$(grep -c '^VALID' "$TMP/results")"
failed="$(grep -v '^retry' "$TMP/results" | grep -vc '^VALID')"
bad="$(grep -v '^retry' "$TMP/results" | grep -v '^VALID\|^MVCC_READ_CONFLICT' | head -n3 | tr '\n' ';')"
retried_ok="$(grep -c '^retry VALID' "$TMP/results")"
max="$(grep -v '^retry' "$TMP/results" | awk '{if ($2 > m) m = $2} END {print m + 0}')"
[ -z "$bad" ] || fail "writes failed with a code that is not retryable: $bad"
[ "$retried_ok" = "$failed" ] || fail "$failed writes failed (MVCC_READ_CONFLICT), only $retried_ok succeeded when sent again"
[ "$attempted" -ge 3 ] || fail "only $attempted writes during the upgrade"
for o in "${ORGS[@]}"; do
  peer_cli "$o" chaincode query -C "$CHANNEL_NAME" -n "$CC_NAME" -c "$CC_READY_ARGS" >/dev/null 2>&1 || fail "peer-$o does not answer after the upgrade"
done
echo "UPGRADE-CHECK PASS: sequence $before -> $after in ${took} s while $attempted writes were sent: $valid VALID, $failed MVCC_READ_CONFLICT (retryable; $retried_ok succeeded when sent again), max latency ${max} s; every peer answers"
