#!/usr/bin/env bash
# Checks that Fabric itself (the peers' commit-time validation, not the chaincode) enforces the
# registry chaincode's endorsement policy (network/policy.env):
#   1. a transaction endorsed by the Exchange peer alone must be invalidated at commit with
#      ENDORSEMENT_POLICY_FAILURE                                           -> decides PASS/FAIL
#   2. control: the same transaction endorsed by Registry + Exchange must commit VALID
#   3. info: the same transaction endorsed by the Registry peer alone (reported, not judged)
# Needs a running network (scripts/network.sh up).
#
# The transaction is CC_POLICY_PROBE_ARGS (network/policy.env; or the first argument, peer CLI
# JSON). It is submitted by a throw-away client certificate of org CC_POLICY_PROBE_ORG carrying the
# Fabric CA attribute role=CC_POLICY_PROBE_ROLE, issued here with that org's CA key (OU=client, as
# the gateway issues its users' certificates). Its simulation must succeed on the endorsing peers.
#   scripts/network-policy-check.sh ['{"Args":[...]}']
# Prints one line "POLICY-CHECK PASS: ..." or "POLICY-CHECK FAIL: ..."; exit status 0 / 1.
set -uo pipefail
START_EPOCH="$(date +%s.%N)"
# shellcheck source=network-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/network-lib.sh"

PROBE="${1:-${CC_POLICY_PROBE_ARGS:-}}"
SUBMITTER="${CC_POLICY_PROBE_ORG:-$REGISTRY_ORG}"
EXCHANGE_ORG="$(org_of_role EXCHANGE || true)"
ROLE="${CC_POLICY_PROBE_ROLE:-REGISTRY}"
fail() { echo "POLICY-CHECK FAIL: $*"; exit 1; }
[ -n "$REGISTRY_ORG" ] && [ -n "$EXCHANGE_ORG" ] || fail "the roster (network/organisations.json) needs a REGISTRY and an EXCHANGE organisation"
[ -n "${ORG_MSP[$SUBMITTER]:-}" ] || fail "CC_POLICY_PROBE_ORG=$SUBMITTER is not an organisation key of the roster (${ORGS[*]})"
[ -n "$PROBE" ] || fail "no probe (set CC_POLICY_PROBE_ARGS in network/policy.env or pass one)"
[ -f "$RUNTIME/network.json" ] || fail "network not ready (no $RUNTIME/network.json; run scripts/network.sh up)"
fabric_home

MSPTMP="$(mktemp -d)"; trap 'rm -rf "$MSPTMP"' EXIT
issue_client "$SUBMITTER" "$ROLE" "$MSPTMP/msp" || fail "could not issue a client certificate for $SUBMITTER"

# invoke ENDORSER... : the commit outcome (VALID, a validation code, or ENDORSE_ERROR: message) of
# one transaction endorsed by exactly the given orgs' peers.
invoke() {
  local out code
  # shellcheck disable=SC2046
  out="$(CLI_MSP_DIR="$MSPTMP/msp" CARBON_CLI_LOGGING=info peer_cli "$SUBMITTER" chaincode invoke \
           -C "$CHANNEL_NAME" -n "$CC_NAME" -c "$PROBE" $(orderer_flags) $(peer_flags "$@") \
           --waitForEvent --waitForEventTimeout 30s 2>&1)"
  if grep -q 'Chaincode invoke successful' <<<"$out"; then echo VALID; return; fi
  code="$(grep -o 'transaction invalidated with status ([A-Z_]*)' <<<"$out" | grep -o '([A-Z_]*)' | tr -d '()')"
  if [ -n "$code" ]; then echo "$code"; return; fi
  echo "ENDORSE_ERROR: $(grep -v ' WARN \| INFO ' <<<"$out" | tr '\n' ' ' | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-400)"
}

log "policy: $CC_ENDORSEMENT_POLICY"
log "probe: $PROBE submitted by a ${ORG_MSP[$SUBMITTER]} client with role=$ROLE"
exchange_only="$(invoke "$EXCHANGE_ORG")"
log "endorsed by Exchange only        -> $exchange_only"
control="$(invoke "$REGISTRY_ORG" "$EXCHANGE_ORG")"
log "endorsed by Registry + Exchange  -> $control"
registry_only="$(invoke "$REGISTRY_ORG")"
log "endorsed by Registry only (info) -> $registry_only"

if [ "$exchange_only" = ENDORSEMENT_POLICY_FAILURE ] && [ "$control" = VALID ]; then
  echo "POLICY-CHECK PASS: Exchange-only endorsement rejected at commit with ENDORSEMENT_POLICY_FAILURE; Registry+Exchange committed VALID (Registry-only: $registry_only)"
  exit 0
fi
fail "Exchange-only -> $exchange_only (want ENDORSEMENT_POLICY_FAILURE); Registry+Exchange -> $control (want VALID)"
