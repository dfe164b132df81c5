# Shared definitions of the carbon Fabric network, sourced by scripts/network.sh and
# scripts/network-policy-check.sh (not executable on its own).
#
# Locations (all outside the repository):
#   CARBON_RUNTIME    processes' data, logs, PID files, generated core.yaml, network.json
#                     (default /tmp/carbon-fabric; removed by `network.sh down`)
#   CARBON_ARTIFACTS  kept across down/up so certificates issued from the org CAs stay valid
#                     (default ~/.cache/carbon-registry/network; removed by `down --purge`):
#                       orgs/<org>/   each organisation's own directory: its CA, TLS CA, peer,
#                                     orderer, admin and chaincode-server keys (scripts/org.sh init);
#                                     nothing in it belongs to another organisation
#                       public/<org>/ what the organisation publishes: MSP (CA and TLS CA
#                                     certificates, NodeOU configuration), its orderers'
#                                     certificates, its roster entry; never a private key
#                       configtx.yaml, the genesis block, the chaincode package: made from public/ only
#   CARBON_CHAINCODE_JAR  the chaincode server jar (default chaincode/target/chaincode-server.jar)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NET_DIR="$REPO_ROOT/network"
RUNTIME="${CARBON_RUNTIME:-/tmp/carbon-fabric}"
ARTIFACTS="${CARBON_ARTIFACTS:-${XDG_CACHE_HOME:-$HOME/.cache}/carbon-registry/network}"
ORGS_HOME="$ARTIFACTS/orgs"
PUBLIC="$ARTIFACTS/public"
# loopback: every process on 127.0.0.1 (development); netns: one simulated host per organisation
# (a network namespace <prefix>-<org> with the organisation's roster address on a bridge; see
# scripts/network.sh hosts-up). Every namespace, bridge and veth is named with CARBON_NS_PREFIX
# (default cn), so that two networks on one machine do not collide; network namespace names are
# global on the machine.
LAYOUT="${CARBON_LAYOUT:-loopback}"
case "$LAYOUT" in loopback|netns) ;; *) echo "CARBON_LAYOUT must be loopback or netns" >&2; exit 1;; esac
NS_PREFIX="${CARBON_NS_PREFIX:-cn}"
[[ "$NS_PREFIX" =~ ^[a-z][a-z0-9]{0,5}$ ]] || { echo "CARBON_NS_PREFIX: 1-6 lower-case letters or digits" >&2; exit 1; }
SWITCH_NS="$NS_PREFIX-net"       # holds the bridge: the simulated LAN of the organisations' hosts
BRIDGE="${NS_PREFIX}br"
OPS_NS="$NS_PREFIX-ops"          # the operator's console and the test clients (gateways under test)
OPS_ADDRESS=198.18.0.2
CC_JAR_DEFAULT="$REPO_ROOT/chaincode/target/chaincode-server.jar"
# The shade plugin names the attached jar <artifactId>-<version>-server.jar unless told otherwise:
# take chaincode-server.jar if present, else the newest chaincode-*-server.jar.
default_cc_jar() {
  if [ -f "$CC_JAR_DEFAULT" ]; then echo "$CC_JAR_DEFAULT"; return; fi
  local j; j="$(ls -1t "$REPO_ROOT"/chaincode/target/chaincode-*-server.jar 2>/dev/null | head -n1)"
  echo "${j:-$CC_JAR_DEFAULT}"
}
CC_JAR="${CARBON_CHAINCODE_JAR:-$(default_cc_jar)}"

# Reads KEY=VALUE lines literally (the value is everything after the first '='; no quoting, so the
# same files serve as Java properties).
load_kv() {
  local k v
  while IFS='=' read -r k v || [ -n "$k" ]; do
    [[ "$k" =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
    printf -v "$k" '%s' "$v"
  done <"$1"
}
load_kv "$NET_DIR/ports.env"
load_kv "$NET_DIR/policy.env"
HOST="$CARBON_HOST"

# The organisation roster (network/organisations.json; schema in network/README.md) is the one
# source of the organisations, their MSP ids, domains, CA subjects and ports. It defines, keyed by
# the organisation's lower-case name (the key names processes, peer-<key>, and runtime dirs):
#   ORGS (roster order), ORG_NAME, ORG_MSP, ORG_ROLE, ORG_PROVINCE, ORG_DOMAIN, ORG_ADDRESS,
#   PEER_PORT, PEER_CC_PORT, PEER_OPS_PORT;
# and ORDERERS, ORDERER_ORG (the key of the organisation that runs it), ORDERER_PORT,
# ORDERER_ADMIN_PORT, ORDERER_OPS_PORT (keyed by orderer name). network/roster.jq holds the jq
# definitions.
GENESIS_ROSTER="$NET_DIR/organisations.json"
CONFIGTX_TEMPLATE="$NET_DIR/configtx.template.yaml"
roster_jq() { jq -L "$NET_DIR" "$@"; }
# Organisations that joined the running channel after its genesis (scripts/network-onboard.sh):
# their roster entries, one file each, in $RUNTIME/onboarded/ (named <n>-<key>.json, in onboarding
# order; they live as long as the channel's ledgers do). CARBON_ROSTER_EXTRA (entry files separated
# by ':') adds entries for one command, e.g. `scripts/org.sh <entry.json> init` before the
# organisation is in the channel. ROSTER is then the genesis roster with those entries appended (an
# entry already in it, identical, is not repeated), written to $ARTIFACTS/generated/; the genesis
# block is made from GENESIS_ROSTER only (GENESIS_ORGS).
ONBOARDED_DIR="$RUNTIME/onboarded"
roster_merge() { # roster_merge ROSTER ENTRY...: the roster with the entries appended (JSON)
  jq -s '.[0] as $r | reduce .[1:][] as $e ($r;
           if any(.organisations[]; . == $e) then . else .organisations += [$e] end)' "$@"
}
_roster_extra=()
for _f in "$ONBOARDED_DIR"/*.json; do [ -f "$_f" ] && _roster_extra+=("$_f"); done
IFS=: read -r -a _extra <<<"${CARBON_ROSTER_EXTRA:-}"; for _f in "${_extra[@]}"; do [ -n "$_f" ] && _roster_extra+=("$_f"); done
if [ ${#_roster_extra[@]} -gt 0 ]; then
  _merged="$(roster_merge "$GENESIS_ROSTER" "${_roster_extra[@]}")" || { echo "cannot merge the roster entries ${_roster_extra[*]}" >&2; exit 1; }
  mkdir -p "$ARTIFACTS/generated"
  ROSTER="$ARTIFACTS/generated/roster-$(sha256sum <<<"$_merged" | cut -c1-16).json"
  [ -f "$ROSTER" ] || { printf '%s\n' "$_merged" >"$ROSTER.$$" && mv "$ROSTER.$$" "$ROSTER"; }
else
  ROSTER="$GENESIS_ROSTER"
fi
unset _f _extra _merged _roster_extra
mapfile -t GENESIS_ORGS < <(roster_jq -r 'include "roster"; .organisations[] | org_key' "$GENESIS_ROSTER")
ORGS=(); ORDERERS=()
declare -A ORG_NAME ORG_MSP ORG_ROLE ORG_PROVINCE ORG_DOMAIN ORG_ADDRESS PEER_PORT PEER_CC_PORT PEER_OPS_PORT
declare -A ORDERER_ORG ORDERER_PORT ORDERER_ADMIN_PORT ORDERER_OPS_PORT
_roster_view="$(roster_jq -r 'include "roster"; shell_view' "$ROSTER")" \
  || { echo "cannot read the roster $ROSTER" >&2; exit 1; }
eval "$_roster_view"; unset _roster_view
CC_ENDORSEMENT_POLICY="$(roster_jq -r --arg t "$CC_ENDORSEMENT_POLICY_TEMPLATE" 'include "roster"; endorsement_policy($t)' "$ROSTER")"

# The roster's problems, one a line (none: valid).
roster_errors() {
  roster_jq -r --argjson reserved "[$CHAINCODE_SERVER_PORT]" 'include "roster"; roster_errors($reserved)[]' "$ROSTER"
}

# The key of the one organisation with the given role (MEE, REGISTRY, EXCHANGE).
org_of_role() {
  local o
  for o in "${ORGS[@]}"; do [ "${ORG_ROLE[$o]}" = "$1" ] && { echo "$o"; return 0; }; done
  return 1
}
REGISTRY_ORG="$(org_of_role REGISTRY || true)"

# Whether ORG's approval counts towards a chaincode definition (roster.jq's governs and
# lifecycle_policy): every organisation but the readers (AUDITOR) and the settlement bank.
governs() { case "${ORG_ROLE[$1]}" in AUDITOR | SETTLEMENT_BANK) return 1 ;; *) return 0 ;; esac; }

# The roster entry of organisation KEY (JSON).
org_entry() { roster_jq -c --arg k "$1" 'include "roster"; .organisations[] | select(org_key == $k)' "$ROSTER"; }

# org_crypto_config KEY / org_orderer_config KEY: the cryptogen input of one organisation's own
# step (scripts/org.sh KEY init): its peer organisation, and its orderers (empty if it runs none).
org_crypto_config() { org_entry "$1" | roster_jq 'include "roster"; org_crypto_config' | yq -y .; }
org_orderer_config() {
  local os; os="$(roster_jq -c --arg n "${ORG_NAME[$1]}" '[.orderers[] | select(.organisation == $n)]' "$ROSTER")"
  [ "$os" = "[]" ] && return 0
  org_entry "$1" | roster_jq --argjson os "$os" 'include "roster"; org_orderer_config($os)' | yq -y .
}

# roster_generate DIR: writes DIR/configtx.yaml (configtxgen; relative paths resolve against the
# artifacts directory, where only public/ is read) and DIR/crypto-config-<org>.yaml, each
# organisation's own cryptogen input, from the roster and the configtx template. The channel's
# genesis (configtx.yaml) is the genesis roster's; organisations onboarded later are added to the
# running channel by configuration updates (scripts/network-onboard.sh), never to its genesis block.
roster_generate() {
  local out="$1" gen="# GENERATED by scripts/network.sh from network/organisations.json (network/roster.jq); do not edit." org
  mkdir -p "$out"
  for org in "${ORGS[@]}"; do
    { echo "$gen"; org_crypto_config "$org"; } >"$out/crypto-config-$org.yaml.tmp" || return 1
    mv "$out/crypto-config-$org.yaml.tmp" "$out/crypto-config-$org.yaml"
  done
  { echo "$gen"
    echo "# Template: network/configtx.template.yaml. Layout: $LAYOUT."
    # CARBON_BATCH_TIMEOUT (e.g. 100ms): the orderers' batch timeout and SmartBFT's batch interval
    # instead of the template's, for measuring them (scripts/bench.sh); a change makes a new genesis.
    yq -y -L "$NET_DIR" --slurpfile roster "$GENESIS_ROSTER" --arg mode "$LAYOUT" --arg bt "${CARBON_BATCH_TIMEOUT:-}" \
      'include "roster"; configtx($roster[0]; $mode)
       | if $bt == "" then . else
           def timing: .BatchTimeout = $bt | .SmartBFT.RequestBatchMaxInterval = $bt;
           (.Orderer |= timing) | .Profiles |= map_values(if has("Orderer") then .Orderer |= timing else . end) end' \
      "$CONFIGTX_TEMPLATE"
  } >"$out/configtx.yaml.tmp" || return 1
  mv "$out/configtx.yaml.tmp" "$out/configtx.yaml"
}

# roster_check_generated DIR: problems of DIR/crypto-config-<org>.yaml, DIR/configtx.yaml and the
# endorsement policy against the roster, one a line (none: consistent). Every roster
# organisation and orderer must be in them, and nothing that is not in the roster; each
# organisation's cryptogen input must hold that organisation only.
roster_check_generated() {
  local dir="$1" org
  for org in "${ORGS[@]}"; do
    if [ -f "$dir/crypto-config-$org.yaml" ]; then
      yq . "$dir/crypto-config-$org.yaml" \
        | roster_jq -r --argjson o "$(org_entry "$org")" 'include "roster"; org_crypto_config_errors($o)'
    else echo "missing $dir/crypto-config-$org.yaml"; fi
  done
  if [ -f "$dir/configtx.yaml" ]; then
    yq . "$dir/configtx.yaml" | roster_jq -r --slurpfile r "$GENESIS_ROSTER" 'include "roster"; configtx_errors($r[0])'
  else echo "missing $dir/configtx.yaml"; fi
  roster_jq -r --arg p "$CC_ENDORSEMENT_POLICY" 'include "roster"; policy_errors($p)' "$ROSTER"
  return 0
}

# Paths. An organisation's own material is under $ORGS_HOME/<org> (only its processes and its
# admin read it); what another organisation needs of it is under $PUBLIC/<org>.
org_domain() { echo "${ORG_DOMAIN[$1]}"; }
port_of() { local -n _ports="$2"; echo "${_ports[$1]}"; }   # port_of mee PEER_PORT
org_home() { echo "$ORGS_HOME/$1"; }
peer_host() { echo "peer0.$(org_domain "$1")"; }
org_dir() { echo "$ORGS_HOME/$1/crypto/peerOrganizations/$(org_domain "$1")"; }
peer_dir() { echo "$(org_dir "$1")/peers/$(peer_host "$1")"; }
admin_dir() { echo "$(org_dir "$1")/users/Admin@$(org_domain "$1")"; }
public_tlsca() { echo "$PUBLIC/$1/msp/tlscacerts/tlsca.$(org_domain "$1")-cert.pem"; }
orderer_host() { echo "$1.$(org_domain "${ORDERER_ORG[$1]}")"; }
orderer_dir() { local org="${ORDERER_ORG[$1]}"; echo "$ORGS_HOME/$org/crypto/ordererOrganizations/$(org_domain "$org")/orderers/$(orderer_host "$1")"; }
orderer_msp() { echo "${ORG_MSP[${ORDERER_ORG[$1]}]}"; }
orderer_tlsca() { public_tlsca "${ORDERER_ORG[$1]}"; }
# The chaincode server's TLS identity, issued by the organisation's TLS CA (scripts/org.sh init).
ccaas_tls_dir() { echo "$ORGS_HOME/$1/chaincode/tls"; }
ccaas_host() { echo "chaincode.$(org_domain "$1")"; }

# Hosts. node_ip ORG: the address ORG's processes listen on; peer_endpoint ORG: how the others
# name ORG's peer (its TLS certificate carries both); in_org ORG CMD...: runs CMD on ORG's host.
org_ns() { echo "$NS_PREFIX-$1"; }
node_ip() { if [ "$LAYOUT" = netns ]; then echo "${ORG_ADDRESS[$1]}"; else echo "$HOST"; fi; }
peer_endpoint() { if [ "$LAYOUT" = netns ]; then echo "$(peer_host "$1"):$(port_of "$1" PEER_PORT)"; else echo "$HOST:$(port_of "$1" PEER_PORT)"; fi; }
in_org() { local org="$1"; shift; if [ "$LAYOUT" = netns ]; then ip netns exec "$(org_ns "$org")" "$@"; else "$@"; fi; }

# The chaincode servers. loopback: one JVM ("chaincode", run by the Registry, its TLS identity)
# serves every peer; netns: every organisation runs its own ("chaincode-<org>", its own TLS
# identity and package) on its own host, and its peer talks to it only.
cc_units() { local o; if [ "$LAYOUT" = netns ]; then for o in "${ORGS[@]}"; do echo "chaincode-$o"; done; else echo chaincode; fi; }
cc_unit_of() { if [ "$LAYOUT" = netns ]; then echo "chaincode-$1"; else echo chaincode; fi; }
cc_owner() { if [ "$1" = chaincode ]; then echo "$REGISTRY_ORG"; else echo "${1#chaincode-}"; fi; }
cc_address() { if [ "$LAYOUT" = netns ]; then echo "$(ccaas_host "$1"):$CHAINCODE_SERVER_PORT"; else echo "$HOST:$CHAINCODE_SERVER_PORT"; fi; }
# The package a peer installs: the one of the organisation that runs its chaincode server.
cc_package() { echo "$ARTIFACTS/packages/$(cc_owner "$(cc_unit_of "$1")")-$CC_LABEL.tgz"; }
cc_pkgid() { cat "$(cc_package "$1").pkgid"; }

START_EPOCH="${START_EPOCH:-$(date +%s.%N)}"
elapsed() { awk -v s="$START_EPOCH" -v n="$(date +%s.%N)" 'BEGIN{printf "%.1f", n-s}'; }
log() { printf '[network %s +%ss] %s\n' "$(date +%H:%M:%S)" "$(elapsed)" "$*"; }
die() { printf '[network %s +%ss] ERROR: %s\n' "$(date +%H:%M:%S)" "$(elapsed)" "$*" >&2; exit 1; }

fabric_home() {
  if [ -z "${FABRIC_HOME:-}" ]; then
    FABRIC_HOME="$("$REPO_ROOT/scripts/install-fabric.sh" 2>/dev/null | tail -n1)"
    [ -x "$FABRIC_HOME/bin/peer" ] || die "scripts/install-fabric.sh did not yield a Fabric home"
  fi
  FABRIC_BIN="$FABRIC_HOME/bin"
}

# Runs the peer CLI as ORG's admin (or the MSP in CLI_MSP_DIR) against ORG's peer: peer_cli ORG <args...>
peer_cli() {
  local org="$1"; shift
  in_org "$org" env FABRIC_CFG_PATH="$RUNTIME/config" \
      FABRIC_LOGGING_SPEC="${CARBON_CLI_LOGGING:-warning}" \
      CORE_PEER_LOCALMSPID="${ORG_MSP[$org]}" \
      CORE_PEER_MSPCONFIGPATH="${CLI_MSP_DIR:-$(admin_dir "$org")/msp}" \
      CORE_PEER_ADDRESS="$(node_ip "$org"):$(port_of "$org" PEER_PORT)" \
      CORE_PEER_TLS_ENABLED=true \
      CORE_PEER_TLS_ROOTCERT_FILE="$(peer_dir "$org")/tls/ca.crt" \
      "$FABRIC_BIN/peer" "$@"
}

# Orderer connection flags for peer CLI commands that submit transactions.
orderer_flags() { local o="${ORDERERS[0]}"; echo "-o $(node_ip "${ORDERER_ORG[$o]}"):${ORDERER_PORT[$o]} --tls --cafile $(orderer_tlsca "$o")"; }

# --peerAddresses/--tlsRootCertFiles flags for the given orgs.
peer_flags() {
  local o
  for o in "$@"; do
    printf -- '--peerAddresses %s --tlsRootCertFiles %s ' "$(node_ip "$o"):$(port_of "$o" PEER_PORT)" "$(public_tlsca "$o")"
  done
}

# issue_client ORG ROLE DIR: an MSP directory for a client of ORG whose certificate carries
# {"attrs":{"role":ROLE}} in extension 1.2.3.4.5.6.7.8.1 (the Fabric CA attribute format).
issue_client() {
  local org="$1" role="$2" dir="$3" od dom
  od="$(org_dir "$org")"; dom="$(org_domain "$org")"
  mkdir -p "$dir/signcerts" "$dir/keystore" "$dir/cacerts"
  cp "$od/msp/cacerts/"*.pem "$dir/cacerts/"
  cp "$od/msp/config.yaml" "$dir/config.yaml"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/keystore/priv_sk" 2>/dev/null || return 1
  local attrs; attrs="$(printf '{"attrs":{"role":"%s"}}' "$role" | od -An -tx1 | tr -d ' \n')"
  cat >"$dir/ext.cnf" <<EOF
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
1.2.3.4.5.6.7.8.1=DER:$attrs
EOF
  openssl req -new -key "$dir/keystore/priv_sk" -subj "/C=CN/O=$dom/OU=client/CN=policy-probe@$dom" -out "$dir/csr.pem" 2>/dev/null &&
  openssl x509 -req -in "$dir/csr.pem" -CA "$od/ca/ca.$dom-cert.pem" -CAkey "$od/ca/priv_sk" -set_serial "0x$(openssl rand -hex 8)" \
    -days 1 -sha256 -extfile "$dir/ext.cnf" -out "$dir/signcerts/cert.pem" 2>/dev/null
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# Seconds since T0 (a `date +%s.%N`), one decimal: secs T0
secs() { awk -v s="$1" -v n="$(date +%s.%N)" 'BEGIN{printf "%.1f", n-s}'; }

# What ORG's peer has committed, as "height/last-block-hash/state": its chain height, the first 12
# characters of its last block's hash and a digest of its answer to the readiness query (the
# supply); "?" where the peer does not answer. Two peers with the same line hold the same chain.
peer_state() {
  local info q
  info="$(peer_cli "$1" channel getinfo -c "$CHANNEL_NAME" 2>/dev/null | sed -n 's/^Blockchain info: //p' | jq -r '"\(.height)/\(.currentBlockHash[0:12])"' 2>/dev/null)"
  q="$(peer_cli "$1" chaincode query -C "$CHANNEL_NAME" -n "$CC_NAME" -c "$CC_READY_ARGS" 2>/dev/null | sha256sum | cut -c1-12)"
  echo "${info:-?}/$q"
}

# Waits until every peer of ORGS has the same peer_state (up to SECONDS, 90 by default) and prints
# it; otherwise prints every peer's state and fails: peers_converge [SECONDS]
peers_converge() {
  local deadline=$(( $(date +%s) + ${1:-90} )) org s first all
  while :; do
    all=""; first=""
    for org in "${ORGS[@]}"; do s="$(peer_state "$org")"; all+="$org=$s "; [ -z "$first" ] && first="$s"; [ "$s" = "$first" ] || first=MISMATCH; done
    if [ "$first" != MISMATCH ] && [[ "$first" != \?* ]]; then echo "$first"; return 0; fi
    [ "$(date +%s)" -lt "$deadline" ] || { echo "peers differ after ${1:-90} s: $all"; return 1; }
    sleep 1
  done
}

# Runs CMD on the operator's host, where the test clients run (as is on the loopback layout): in_ops CMD...
in_ops() { if [ "$LAYOUT" = netns ]; then ip netns exec "$OPS_NS" "$@"; else "$@"; fi; }

# Starts a gateway JVM on ORG's host, as each organisation runs its own: JAVA-ARGS are java's
# (options, -jar, the gateway's own arguments). The PID written to PIDFILE is the JVM's own (exec in
# a session of its own), so kill -9 of it stops the gateway alone. Waits up to 120 s for URL/health,
# asked from the operator's host; fails early if the JVM exits. Output is appended to LOG.
# gateway_up ORG PIDFILE LOG URL JAVA-ARGS...
gateway_up() {
  local org="$1" pidfile="$2" out="$3" url="$4" deadline=$(( $(date +%s) + 120 )) pid=""; shift 4
  rm -f "$pidfile"
  in_org "$org" setsid bash -c 'echo $$ >"$0"; exec java "$@"' "$pidfile" "$@" >>"$out" 2>&1 </dev/null &
  until in_ops curl -sf -o /dev/null "$url/health"; do
    [ -n "$pid" ] || pid="$(cat "$pidfile" 2>/dev/null)"
    if [ -n "$pid" ] && ! pid_alive "$pid"; then echo "the gateway on $org's host exited: $(tail -n 5 "$out")" >&2; return 1; fi
    [ "$(date +%s)" -lt "$deadline" ] || { echo "the gateway on $org's host did not answer $url/health within 120 s (log: $out)" >&2; return 1; }
    sleep 0.3
  done
}
