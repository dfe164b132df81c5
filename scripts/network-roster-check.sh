#!/usr/bin/env bash
# Checks the organisation roster (network/organisations.json) and what is generated from it,
# without starting anything:
#   1. the roster is valid (fields, roles, province codes, unique names / MSP ids / ports);
#   2. each organisation's crypto-config-<org>.yaml and configtx.yaml generated from it (into a temporary directory, or the
#      given DIR, e.g. "$CARBON_ARTIFACTS/generated" after `network.sh up`, which is read as is)
#      contain every roster organisation and orderer and nothing else, and the chaincode
#      endorsement policy names every organisation's peer.
#   scripts/network-roster-check.sh [DIR]
# Prints "ROSTER-CHECK PASS: ..." or the problems and "ROSTER-CHECK FAIL"; exit status 0 / 1.
set -uo pipefail
START_EPOCH="$(date +%s.%N)"
# shellcheck source=network-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/network-lib.sh"

fail() { printf '%s\n' "$@"; echo "ROSTER-CHECK FAIL"; exit 1; }
for c in jq yq; do command -v "$c" >/dev/null || fail "$c not found on PATH"; done

errs="$(roster_errors)" || fail "cannot read $ROSTER"
[ -z "$errs" ] || fail "$ROSTER is invalid:" "$errs"

dir="${1:-}"
if [ -z "$dir" ]; then
  dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
  roster_generate "$dir" || fail "generation failed"
fi
errs="$(roster_check_generated "$dir")"
[ -z "$errs" ] || fail "$errs"
echo "ROSTER-CHECK PASS: ${#ORGS[@]} organisations (${ORGS[*]}), ${#ORDERERS[@]} orderers in $dir (each organisation's crypto-config-<org>.yaml, configtx.yaml); policy $CC_ENDORSEMENT_POLICY"
