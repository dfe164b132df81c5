#!/usr/bin/env bash
# Checks that Fabric itself (the peers' validation, not the chaincode) enforces the registry
# chaincode's endorsement policy (network/policy.env):
#   1. a write endorsed by the Exchange peer alone must be invalidated at commit with
#      ENDORSEMENT_POLICY_FAILURE                                          -> decides PASS/FAIL
#   2. control: the same write endorsed by Registry + Exchange must commit VALID
#   3. info: the same write endorsed by the Registry peer alone (reported, not judged)
# Needs a running network (scripts/network.sh up). The write used is CC_POLICY_PROBE_ARGS from
# network/policy.env, or the first argument (peer CLI JSON, e.g. '{"Args":["supply:add","1"]}');
# it must be a function the submitting org's admin may call and whose simulation succeeds.
#   scripts/network-policy-check.sh ['{"Args":[...]}']
# Prints one line "POLICY-CHECK PASS: ..." or "POLICY-CHECK FAIL: ..."; exit status 0 / 1.
set -uo pipefail
START_EPOCH="$(date +%s.%N)"
# shellcheck source=network-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/network-lib.sh"

PROBE="${1:-${CC_POLICY_PROBE_ARGS:-}}"
[ -n "$PROBE" ] || { echo "POLICY-CHECK FAIL: no probe (set CC_POLICY_PROBE_ARGS in network/policy.env or pass one)"; exit 1; }
[ -f "$RUNTIME/network.json" ] || { echo "POLICY-CHECK FAIL: network not ready (no $RUNTIME/network.json; run scripts/network.sh up)"; exit 1; }
fabric_home

# invoke SUBMITTER ENDORSER... : prints the commit outcome (VALID, a validation code, or
# ENDORSE_ERROR: message) of one transaction endorsed by exactly the given orgs' peers.
invoke() {
  local submitter="$1"; shift
  local out
  # shellcheck disable=SC2046
  out="$(CARBON_CLI_LOGGING=info peer_cli "$submitter" chaincode invoke -C "$CHANNEL_NAME" -n "$CC_NAME" -c "$PROBE" \
           $(orderer_flags) $(peer_flags "$@") --waitForEvent --waitForEventTimeout 30s 2>&1)"
  if grep -q 'Chaincode invoke successful' <<<"$out"; then echo VALID
  elif code="$(grep -o 'transaction invalidated with status ([A-Z_]*)' <<<"$out" | grep -o '([A-Z_]*)' | tr -d '()')" && [ -n "$code" ]; then echo "$code"
  else echo "ENDORSE_ERROR: $(tr '\n' ' ' <<<"$out" | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-400)"
  fi
}

log "policy: $CC_ENDORSEMENT_POLICY"
log "probe: $PROBE"
exchange_only="$(invoke exchange exchange)"
log "endorsed by Exchange only        -> $exchange_only"
control="$(invoke exchange registry exchange)"
log "endorsed by Registry + Exchange  -> $control"
registry_only="$(invoke registry registry)"
log "endorsed by Registry only (info) -> $registry_only"

if [ "$exchange_only" = ENDORSEMENT_POLICY_FAILURE ] && [ "$control" = VALID ]; then
  echo "POLICY-CHECK PASS: Exchange-only endorsement rejected at commit with ENDORSEMENT_POLICY_FAILURE; Registry+Exchange committed VALID (Registry-only: $registry_only)"
  exit 0
fi
echo "POLICY-CHECK FAIL: Exchange-only -> $exchange_only (want ENDORSEMENT_POLICY_FAILURE); Registry+Exchange -> $control (want VALID)"
exit 1
