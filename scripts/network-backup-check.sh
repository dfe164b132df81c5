#!/usr/bin/env bash
# Back up and restore a peer on the running network, and compare with a rebuild by replay:
#   1. `network.sh snapshot ORG`: a ledger snapshot of ORG's peer at its last block;
#   2. `network.sh restore ORG`: the peer is rebuilt from nothing, joins from that snapshot, catches
#      up with the orderers; its height and its answer to the readiness query (the supply) must equal
#      the Registry peer's;
#   3. `network.sh restore ORG --replay`: the same rebuild from the genesis block (every block
#      replayed), for comparison.
#   scripts/network-backup-check.sh [ORG]   (default provincegd)
# Prints "BACKUP-CHECK PASS: ..." with the times, or "BACKUP-CHECK FAIL: ..."; exit status 0 / 1.
set -uo pipefail
START_EPOCH="$(date +%s.%N)"
# shellcheck source=network-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/network-lib.sh"
net="$(dirname "${BASH_SOURCE[0]}")/network.sh"
org="${1:-provincegd}"
fail() { echo "BACKUP-CHECK FAIL: $*"; exit 1; }
[ -n "${ORG_NAME[$org]:-}" ] || fail "no organisation $org"
[ "$org" != "$REGISTRY_ORG" ] || fail "the Registry's peer is the reference; back up another"
fabric_home

same_as_registry() {
  local a b; a="$(peer_state "$REGISTRY_ORG")"; b="$(peer_state "$org")"
  [[ "$a" != \?* ]] || fail "after $1: peer-$REGISTRY_ORG does not answer ($a)"
  [ "$a" = "$b" ] || fail "after $1: peer-$org has height/block/state $b, peer-$REGISTRY_ORG $a"
  echo "${a%%/*}"
}

t="$(date +%s.%N)"
snap="$("$net" snapshot "$org" | tail -n1)" || fail "snapshot of $org"
t_snap="$(secs "$t")"; [ -d "$snap" ] || fail "no snapshot directory"
t="$(date +%s.%N)"
"$net" restore "$org" "$snap" >&2 || fail "restore of $org from $snap"
t_restore="$(secs "$t")"
h="$(same_as_registry "restore from the snapshot")" || { echo "$h"; exit 1; }  # fail ran in the subshell: its message is in h
t="$(date +%s.%N)"
"$net" restore "$org" --replay >&2 || fail "rebuild of $org by replay"
t_replay="$(secs "$t")"
h2="$(same_as_registry "rebuild by replay")" || { echo "$h2"; exit 1; }
echo "BACKUP-CHECK PASS: peer-$org snapshot at block $(basename "$snap" | sed 's/.*-//') in ${t_snap} s ($(du -sh "$snap" | cut -f1)); rebuilt from it and caught up to height $h in ${t_restore} s; rebuilt by replaying from the genesis block to height $h2 in ${t_replay} s; height and state equal the Registry peer's after each"
