#!/usr/bin/env bash
# Onboards an organisation (a new province) into the running channel, without restarting anyone:
#
#   scripts/network-onboard.sh <entry.json>     e.g. network/onboard/provincesd.json
#
# <entry.json> is the organisation's own roster entry (schema: network/README.md; it is not in the
# genesis roster network/organisations.json). The steps, each by the party that performs it:
#   1. keys      the organisation's own step, `scripts/org.sh <entry.json> init`: its CA, TLS CA,
#                peer, admin and chaincode server identities in its own directory; it publishes
#                public/<org>/ (certificates only).
#   2. update    the Registry's admin fetches the channel configuration; the organisation's group
#                (Readers/Writers/Admins/Endorsement, its MSP from public/<org>/msp, its anchor
#                peer) and the application's LifecycleEndorsement and Endorsement policies (a
#                majority of the governing organisations, now with the new one) are taken from
#                the channel configtxgen makes of the roster plus the entry (network/roster.jq
#                `configtx`, the generator of the genesis block); configtxlator computes the
#                update. The update travels from admin to admin: each signs it on its own host with
#                its own admin MSP (`peer channel signconfigtx`), until a majority of the channel's
#                application organisations (/Channel/Application/Admins: MAJORITY Admins) signed;
#                the last signer submits it. The orderers check the signatures.
#   3. hosts     the entry is recorded in $RUNTIME/onboarded/ (from then on every script's roster
#                has the organisation); the hosts map is rewritten in every host (running
#                processes read /etc/hosts anew) and the organisation's host is created (netns).
#   4. snapshot  an existing peer (CARBON_ONBOARD_SNAPSHOT_FROM, default the Registry's) takes a
#                ledger snapshot at a block after the update; it is handed to the organisation.
#   5. join      the organisation's chaincode server and peer start on its host; its admin installs
#                its package and joins the channel from the snapshot (`peer channel joinbysnapshot`:
#                no replay of the blocks before it); its peer pulls the blocks after it.
#   6. chaincode a new chaincode definition (sequence + 1, `network.sh upgrade`) whose endorsement
#                policy names the new organisation's peer: the lifecycle majority approves, the
#                Registry commits, the remaining organisations (the new one among them) approve.
#   7. account   for a province, the Registry creates its authority account PROVINCE-<code>
#                (admin:bootstrap), endorsed by the Registry's and the new organisation's peers.
#   8. describe  network.json is rewritten with the organisation (a gateway started from it can
#                serve it: `java -jar gateway-app.jar --network network.json --orgs <Org>`); the
#                running gateways keep their copy. Done when every peer's gossip sees all others.
# Steps already done are skipped (a second run changes nothing). Prints the time of each step and
# "ONBOARDED <Org> in N s (...)" last.
#
# Environment: CARBON_ONBOARD_SIGNERS (space-separated organisation keys, in signing order; default
# the Registry, then the roster order), CARBON_ONBOARD_SIGNATURES (how many collect the update;
# default the majority the channel requires — fewer is refused by the orderers, which
# scripts/network-onboard-check.sh shows), CARBON_ONBOARD_SNAPSHOT_FROM (default the Registry).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
entry_arg="${1:-}"
if [ -z "$entry_arg" ] || [ ! -f "$entry_arg" ]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2
fi
ENTRY="$(cd "$(dirname "$entry_arg")" && pwd)/$(basename "$entry_arg")"
T_START="$(date +%s.%N)"
# network.sh's functions and the roster (with the organisations onboarded so far); sourced again
# once the entry is recorded, so that from then on the new organisation is one of ORGS.
# shellcheck source=network.sh
CARBON_NETWORK_FUNCTIONS=1 . "$here/network.sh"
START_EPOCH="$T_START"

KEY="$(jq -r '.name | ascii_downcase' "$ENTRY")"
NAME="$(jq -r .name "$ENTRY")"; MSP="$(jq -r .mspId "$ENTRY")"
ROLE="$(jq -r .role "$ENTRY")"; PROVINCE="$(jq -r '.province // ""' "$ENTRY")"
W="$ARTIFACTS/onboard/$KEY"          # the update, its signatures: public material only
mkdir -p "$W"
[ -f "$RUNTIME/network.json" ] || die "the network is not up ($RUNTIME/network.json)"
fabric_home
CTL="$FABRIC_BIN/configtxlator"
[ -x "$CTL" ] || die "$CTL missing: run scripts/install-fabric.sh (it builds configtxlator)"
STEPS=()
step_done() { STEPS+=("$1 $(secs "$2") s"); log "step $1 done in $(secs "$2") s"; }

onboarded_file() { ls "$ONBOARDED_DIR"/*-"$KEY".json 2>/dev/null | head -n1; }
if [ -z "$(onboarded_file)" ]; then
  # The entry must fit the roster of the running channel: unique name, MSP id, domain, address,
  # province and ports; no orderers come with it.
  cand="$W/roster.json"; roster_merge "$ROSTER" "$ENTRY" >"$cand"
  errs="$(roster_jq -r --argjson reserved "[$CHAINCODE_SERVER_PORT]" 'include "roster"; roster_errors($reserved)[]' "$cand")"
  [ -z "$errs" ] || die "$ENTRY does not fit the roster:
$errs"
  [ -z "${ORG_NAME[$KEY]:-}" ] || die "$NAME is in the genesis roster: it is in the channel from its genesis block"
fi

# ---------------------------------------------------------------------------------------------
# 1. keys, at home
t="$(date +%s.%N)"
"$here/org.sh" "$ENTRY" init || die "scripts/org.sh $ENTRY init failed"
step_done keys "$t"

# ---------------------------------------------------------------------------------------------
# 2. the channel configuration update, signed by a majority of the admins, one after the other
ctl_json() { "$CTL" proto_decode --input "$1" --type "$2"; }
fetch_config() { # fetch_config OUT.pb: the newest configuration block, fetched by the Registry's admin
  peer_cli "$REGISTRY_ORG" channel fetch config "$1" -c "$CHANNEL_NAME" $(orderer_flags) >/dev/null 2>&1
}
config_of_block() { ctl_json "$1" common.Block | jq '.data.data[0].payload.data.config'; }
signers_of() { ctl_json "$1" common.Envelope | jq -r '[.payload.data.signatures[].signature_header.creator.mspid] | join(" ")'; }
no_versions() { jq -S 'walk(if type == "object" then del(.version) else . end)'; }

t="$(date +%s.%N)"
fetch_config "$W/config_block.pb" || die "fetching the channel configuration failed"
config_of_block "$W/config_block.pb" >"$W/config.json"
if jq -e --arg m "$MSP" '.channel_group.groups.Application.groups | has($m)' "$W/config.json" >/dev/null; then
  log "$MSP is already in the channel configuration (block $(ctl_json "$W/config_block.pb" common.Block | jq -r .header.number))"
  CONFIG_BLOCK="$(ctl_json "$W/config_block.pb" common.Block | jq -r .header.number)"
else
  # The target: the channel that configtxgen makes from the roster with the new entry (the
  # generator of the genesis block), with absolute paths to the published material.
  mkdir -p "$W/target"
  roster_merge "$ROSTER" "$ENTRY" >"$W/roster.json"
  yq -y -L "$NET_DIR" --slurpfile roster "$W/roster.json" --arg mode "$LAYOUT" --arg a "$ARTIFACTS" '
      include "roster"; configtx($roster[0]; $mode)
      | walk(if type == "object" then with_entries(
               if (.key | IN("MSPDir", "Identity", "ClientTLSCert", "ServerTLSCert")) and (.value | type) == "string"
                  and (.value | startswith("/") | not)
               then .value = "\($a)/\(.value)" else . end) else . end)' \
    "$CONFIGTX_TEMPLATE" >"$W/target/configtx.yaml"
  "$FABRIC_BIN/configtxgen" -configPath "$W/target" -profile CarbonChannelBFT -channelID "$CHANNEL_NAME" \
    -outputBlock "$W/target/channel.block" >"$W/target/configtxgen.log" 2>&1 \
    || die "configtxgen (target channel) failed: $(tail -n 3 "$W/target/configtxgen.log")"
  config_of_block "$W/target/channel.block" >"$W/target.json"
  # Every organisation already in the channel must be as the roster describes it: the update
  # then changes nothing but the new group and the application's two majority policies.
  for m in $(jq -r '.channel_group.groups.Application.groups | keys[]' "$W/config.json"); do
    a="$(jq --arg m "$m" '.channel_group.groups.Application.groups[$m]' "$W/config.json" | no_versions)"
    b="$(jq --arg m "$m" '.channel_group.groups.Application.groups[$m]' "$W/target.json" | no_versions)"
    [ "$a" = "$b" ] || die "$m in the channel differs from its roster entry and published MSP (not touched by this update; fix that first)"
  done
  jq --slurpfile t "$W/target.json" --arg m "$MSP" '
      ($t[0].channel_group.groups.Application) as $ta
    | .channel_group.groups.Application.groups[$m] = $ta.groups[$m]
    | .channel_group.groups.Application.policies.LifecycleEndorsement = $ta.policies.LifecycleEndorsement
    | .channel_group.groups.Application.policies.Endorsement = $ta.policies.Endorsement' \
    "$W/config.json" >"$W/modified.json"
  "$CTL" proto_encode --input "$W/config.json" --type common.Config --output "$W/config.pb"
  "$CTL" proto_encode --input "$W/modified.json" --type common.Config --output "$W/modified.pb"
  "$CTL" compute_update --channel_id "$CHANNEL_NAME" --original "$W/config.pb" --updated "$W/modified.pb" \
    --output "$W/update.pb" || die "configtxlator compute_update failed"
  ctl_json "$W/update.pb" common.ConfigUpdate >"$W/update.json"
  jq -n --arg ch "$CHANNEL_NAME" --slurpfile u "$W/update.json" \
    '{payload: {header: {channel_header: {channel_id: $ch, type: 2}}, data: {config_update: $u[0]}}}' >"$W/update_envelope.json"
  "$CTL" proto_encode --input "$W/update_envelope.json" --type common.Envelope --output "$W/update_envelope.pb"
  lep() { jq -c '.channel_group.groups.Application.policies.LifecycleEndorsement.policy.value.rule.n_out_of
                 | {n, of: (.rules | length)}' "$1"; }
  log "update computed: adds $MSP (anchor peer $(jq -r --arg m "$MSP" '.channel_group.groups.Application.groups[$m].values.AnchorPeers.value.anchor_peers[0] | "\(.host):\(.port)"' "$W/modified.json")), LifecycleEndorsement $(lep "$W/config.json") -> $(lep "$W/modified.json")"

  # Who must sign: /Channel/Application/Admins, MAJORITY of the application organisations' Admins.
  rule="$(jq -r '.channel_group.groups.Application.policies.Admins.policy.value | "\(.rule) \(.sub_policy)"' "$W/config.json")"
  [ "$rule" = "MAJORITY Admins" ] || die "the application's Admins policy is '$rule', not MAJORITY Admins"
  members="$(jq '.channel_group.groups.Application.groups | length' "$W/config.json")"
  need=$(( members / 2 + 1 ))
  want="${CARBON_ONBOARD_SIGNATURES:-$need}"
  declare -A in_channel=()
  for m in $(jq -r '.channel_group.groups.Application.groups | keys[]' "$W/config.json"); do in_channel[$m]=1; done
  signers=()
  for o in ${CARBON_ONBOARD_SIGNERS:-$REGISTRY_ORG ${ORGS[*]}}; do
    [ -n "${ORG_MSP[$o]:-}" ] && [ -n "${in_channel[${ORG_MSP[$o]}]:-}" ] || continue
    [[ " ${signers[*]} " == *" $o "* ]] || signers+=("$o")
  done
  [ "${#signers[@]}" -ge "$want" ] || die "only ${#signers[@]} organisations to sign (${signers[*]}), $want wanted"
  signers=("${signers[@]:0:$want}")
  log "the update needs the signatures of $need of the $members organisations' admins; collecting $want: ${signers[*]}"
  # The envelope travels from one admin to the next (here: a copy per step in signatures/); each
  # adds its signature on its own host with its own admin MSP.
  rm -rf "$W/signatures"; mkdir -p "$W/signatures"
  prev="$W/update_envelope.pb"; i=0
  for o in "${signers[@]}"; do
    i=$((i + 1)); f="$W/signatures/$i-$o.pb"
    cp "$prev" "$f"
    out="$(peer_cli "$o" channel signconfigtx -f "$f" 2>&1)" || die "$o: signconfigtx failed: $out"
    got="$(signers_of "$f")"
    [ "$(wc -w <<<"$got")" = "$i" ] || die "after $o signed, the update carries the signatures of: $got"
    log "signed by ${ORG_NAME[$o]}'s admin on its host ($i of $want): $got"
    prev="$f"
  done
  submitter="${signers[$((want - 1))]}"
  # `peer channel update` signs once more as the submitter, who signed already: counted once.
  out="$(peer_cli "$submitter" channel update -f "$prev" -c "$CHANNEL_NAME" $(orderer_flags) 2>&1)" \
    || die "the orderers refused the configuration update signed by $want organisations ($(signers_of "$prev")): $(grep -o 'error authorizing update.*\|BAD_REQUEST.*\|FORBIDDEN.*' <<<"$out" | head -n1)"
  log "update submitted by ${ORG_NAME[$submitter]}'s admin"
  deadline=$(( $(date +%s) + 60 ))
  until fetch_config "$W/config_block.new.pb" \
      && config_of_block "$W/config_block.new.pb" | jq -e --arg m "$MSP" '.channel_group.groups.Application.groups | has($m)' >/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || die "the channel configuration has no $MSP 60 s after the update"
    sleep 0.3
  done
  CONFIG_BLOCK="$(ctl_json "$W/config_block.new.pb" common.Block | jq -r .header.number)"
  # every peer of the channel has the new configuration
  for o in "${ORGS[@]}"; do
    until h="$(height_of "$o")" && [ "${h:-0}" -gt "$CONFIG_BLOCK" ]; do
      [ "$(date +%s)" -lt "$deadline" ] || die "peer-$o at height ${h:-?}, the update is block $CONFIG_BLOCK"
      sleep 0.3
    done
  done
  log "$MSP is in the channel configuration from block $CONFIG_BLOCK (every peer has it)"
fi
step_done update "$t"

# ---------------------------------------------------------------------------------------------
# 3. the organisation in the roster of the running channel; its host and the hosts map
t="$(date +%s.%N)"
if [ -z "$(onboarded_file)" ]; then
  mkdir -p "$ONBOARDED_DIR"
  cp "$ENTRY" "$ONBOARDED_DIR/$(printf '%02d' $(( $(ls "$ONBOARDED_DIR" | wc -l) + 1 )))-$KEY.json"
fi
# shellcheck source=network.sh
CARBON_NETWORK_FUNCTIONS=1 . "$here/network.sh"
START_EPOCH="$T_START"
[ -n "${ORG_NAME[$KEY]:-}" ] || die "$KEY is not in the roster after recording it in $ONBOARDED_DIR"
if [ "$LAYOUT" = netns ]; then hosts_up; fi
step_done hosts "$t"

# The organisation's chaincode server starts now (its JVM takes longest), while the peer joins.
ensure_packages
unit="$(cc_unit_of "$KEY")"
proc_ours "$unit" || start_chaincode "$unit"

# ---------------------------------------------------------------------------------------------
# 4. + 5. a snapshot of an existing peer after the update; the new peer joins from it
T_JOIN=""
if peer_cli "$KEY" channel getinfo -c "$CHANNEL_NAME" >/dev/null 2>&1; then
  log "peer-$KEY is a member of '$CHANNEL_NAME' already"
else
  t="$(date +%s.%N)"
  from="${CARBON_ONBOARD_SNAPSHOT_FROM:-$REGISTRY_ORG}"
  [ "$from" != "$KEY" ] && [ -n "${ORG_NAME[$from]:-}" ] || die "CARBON_ONBOARD_SNAPSHOT_FROM: not an organisation of the channel: $from"
  snap="$(cmd_snapshot "$from" | tail -n1)" || die "snapshot of peer-$from failed"
  [ -f "$snap/_snapshot_signable_metadata.json" ] || die "no snapshot from peer-$from"
  [ "$(basename "$snap" | sed 's/.*-//')" -ge "$CONFIG_BLOCK" ] || die "the snapshot $snap is older than the update (block $CONFIG_BLOCK)"
  # handed over to the new organisation (on a real network: copied to its host, and its hash
  # compared with the snapshot hash other organisations' peers report for the same block)
  recv="$RUNTIME/received/$KEY/$(basename "$snap")"
  rm -rf "$recv"; mkdir -p "$(dirname "$recv")"; cp -r "$snap" "$recv"
  step_done snapshot "$t"

  t="$(date +%s.%N)"
  proc_ours "peer-$KEY" || start_peer "$KEY"
  wait_http_ok "http://$(node_ip "$KEY"):$(port_of "$KEY" PEER_OPS_PORT)/healthz" "peer-$KEY" 60 "$KEY"
  # The install right after the peer's start failed in 2 of 13 onboardings (2026-12-03), the CLI
  # printing its usage text — an error before the command ran, as a connection the peer does not
  # take yet gives; the error line itself was not captured then. So: tried again for up to 60 s,
  # each failure logged with its error line.
  deadline=$(( $(date +%s) + 60 ))
  until out="$(peer_cli "$KEY" lifecycle chaincode install "$(cc_package "$KEY")" 2>&1)" \
      || peer_cli "$KEY" lifecycle chaincode queryinstalled --output json 2>/dev/null | jq -e --arg id "$(cc_pkgid "$KEY")" \
           '.installed_chaincodes // [] | any(.package_id == $id)' >/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || die "peer-$KEY: chaincode install failed: $(grep -m1 '^Error' <<<"$out")"
    log "peer-$KEY: install not taken yet ($(grep -m1 '^Error' <<<"$out" | cut -c1-200)); again in 1 s"
    sleep 1
  done
  tj="$(date +%s.%N)"
  out="$(peer_cli "$KEY" channel joinbysnapshot --snapshotpath "$recv" 2>&1)" || die "peer-$KEY: joinbysnapshot $recv failed: $out"
  top=0; deadline=$(( $(date +%s) + 300 ))
  for o in "${ORGS[@]}"; do [ "$o" = "$KEY" ] && continue; h="$(height_of "$o")"; [ "${h:-0}" -gt "$top" ] && top="$h"; done
  until h="$(height_of "$KEY")" && [ "${h:-0}" -ge "$top" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || die "peer-$KEY at height ${h:-?} of $top after 300 s"
    sleep 0.3
  done
  T_JOIN="$(secs "$tj")"
  log "peer-$KEY joined from the snapshot of peer-$from at block $(basename "$snap" | sed 's/.*-//') and caught up to height $h in $T_JOIN s"
  step_done join "$t"
fi

# ---------------------------------------------------------------------------------------------
# 6. a chaincode definition whose endorsement policy names the new organisation's peer
t="$(date +%s.%N)"
committed="$(peer_cli "$REGISTRY_ORG" lifecycle chaincode querycommitted -C "$CHANNEL_NAME" -n "$CC_NAME" --output json 2>/dev/null || echo '{}')"
if jq -r '.validation_parameter // ""' <<<"$committed" | base64 -d 2>/dev/null | grep -a "$MSP" >/dev/null \
   && jq -e --arg m "$MSP" '.approvals[$m] == true' <<<"$committed" >/dev/null; then
  log "the committed definition (sequence $(jq -r .sequence <<<"$committed")) already names $MSP and $NAME approved it"
else
  cmd_upgrade
fi
wait_port "$CHAINCODE_SERVER_PORT" "$unit" 180 "$(cc_owner "$unit")"
query_until_ok "$KEY" $(( $(date +%s) + READY_TIMEOUT )) >/dev/null || die "the chaincode does not answer through peer-$KEY"
log "the chaincode answers through peer-$KEY (policy $CC_ENDORSEMENT_POLICY)"
step_done chaincode "$t"

# ---------------------------------------------------------------------------------------------
# 7. the province's authority account, created by the Registry with the new peer's endorsement
if [ "$ROLE" = PROVINCE ]; then
  t="$(date +%s.%N)"
  cli="$(mktemp -d)"
  issue_client "$REGISTRY_ORG" REGISTRY "$cli/msp" || { rm -rf "$cli"; die "could not issue a Registry client certificate"; }
  args="$(jq -cn --arg p "$PROVINCE" '{Args: ["admin:bootstrap", ({provinces: [$p]} | tojson)]}')"
  out="$(CLI_MSP_DIR="$cli/msp" CARBON_CLI_LOGGING=info peer_cli "$REGISTRY_ORG" chaincode invoke -C "$CHANNEL_NAME" -n "$CC_NAME" \
         -c "$args" $(orderer_flags) $(peer_flags "$REGISTRY_ORG" "$KEY") --waitForEvent --waitForEventTimeout 60s 2>&1)"
  rm -rf "$cli"
  grep -q 'Chaincode invoke successful' <<<"$out" || die "admin:bootstrap of $PROVINCE failed: $(grep -i 'error' <<<"$out" | head -n2)"
  status="$(peer_cli "$KEY" chaincode query -C "$CHANNEL_NAME" -n "$CC_NAME" -c '{"Args":["admin:status"]}' 2>&1)"
  jq -e --arg a "PROVINCE-$PROVINCE" '.authorityAccounts | index($a)' <<<"$status" >/dev/null \
    || die "PROVINCE-$PROVINCE is not among the authority accounts peer-$KEY reports: $status"
  log "authority account PROVINCE-$PROVINCE on the ledger (admin:bootstrap endorsed by peer-$REGISTRY_ORG and peer-$KEY)"
  step_done account "$t"
fi

# ---------------------------------------------------------------------------------------------
# 8. the description gateways start from; every peer sees every other
t="$(date +%s.%N)"
write_network_json
wait_discovery
step_done describe "$t"
log "ONBOARDED $NAME ($MSP) in $(secs "$T_START") s (${STEPS[*]}${T_JOIN:+; snapshot join and catch-up $T_JOIN s}); $RUNTIME/network.json lists it"
