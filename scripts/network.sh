#!/usr/bin/env bash
# The carbon-market Fabric network as native processes (no Docker): one peer per organisation of the
# roster network/organisations.json (today MEE, Registry, Exchange, ProvinceHB, ProvinceGD, Audit, Bank),
# 4 SmartBFT orderers run by MEE, the Registry, the Exchange and ProvinceHB, channel "carbon",
# chaincode "registry" run as a service. Each organisation's keys are made by its own step
# (scripts/org.sh <org> init); the channel is built from what they publish.
# CARBON_LAYOUT=netns: each organisation on its own simulated host (network namespace, own address,
# own chaincode server); loopback (default): everything on 127.0.0.1, one chaincode JVM.
#
#   scripts/network.sh up                 start (or resume) and deploy; idempotent
#   scripts/network.sh down [--keep|--purge]
#                                         stop what `up` started and remove the simulated hosts;
#                                         --keep keeps ledgers and logs, --purge also deletes keys and packages
#   scripts/network.sh status             processes with PID, RSS, liveness
#   scripts/network.sh logs [NAME] [-f]   tail a process log (no NAME: list logs)
#   scripts/network.sh cc-restart [--build]
#                                         restart only the chaincode JVM(s) (--build: rebuild the jar)
#   scripts/network.sh snapshot ORG       back up ORG's peer ledger (Fabric snapshot)
#   scripts/network.sh restore ORG [DIR|--replay]
#                                         rebuild ORG's peer from a snapshot (or by replay), catch up
#   scripts/network.sh upgrade [VERSION]  a new chaincode definition (sequence + 1), majority first
#   scripts/network.sh kill NAME | start NAME
#                                         kill -9 one process / start it again on its data
#   scripts/network.sh in ORG|ops CMD...  run CMD on an organisation's (or the operator's) host
#   scripts/network.sh link-down|link-up ORG
#                                         cut ORG's host off the simulated LAN / heal it (netns)
#   scripts/network.sh hosts-up|hosts-down
#                                         only the simulated hosts (namespaces, bridge, veths, hosts map)
#
# Environment: CARBON_RUNTIME, CARBON_ARTIFACTS, CARBON_CHAINCODE_JAR, CARBON_LAYOUT, CARBON_NS_PREFIX
# (see scripts/network-lib.sh), CARBON_CC_JAVA_OPTS (chaincode JVM options), CARBON_PEER_LOGGING,
# CARBON_PEER_HISTORY (true|false: the peers' history database), CARBON_ORDERER_LOGGING,
# CARBON_READY_TIMEOUT (seconds, default 180). Layout and network.json: network/README.md.
set -euo pipefail
START_EPOCH="$(date +%s.%N)"
# shellcheck source=network-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/network-lib.sh"

PIDS="$RUNTIME/pids"
LOGS="$RUNTIME/logs"
BLOCK="$ARTIFACTS/$CHANNEL_NAME.block"
READY_TIMEOUT="${CARBON_READY_TIMEOUT:-180}"

all_names() {
  local n
  for n in "${ORDERERS[@]}"; do echo "$n"; done
  for n in "${ORGS[@]}"; do echo "peer-$n"; done
  cc_units
  extra_names
}

# Processes with a PID file that the roster no longer names (it was edited while the network ran):
# still listed by `status` and stopped by `down`.
extra_names() {
  local f n known=" $(cc_units | tr '\n' ' ') ${ORDERERS[*]} ${ORGS[*]/#/peer-} "
  for f in "$PIDS"/*.pid; do
    [ -e "$f" ] || continue
    n="$(basename "$f" .pid)"
    [[ "$known" == *" $n "* ]] || echo "$n"
  done
}

# ---------------------------------------------------------------------------------------------
# processes

# start_proc NAME ORG BINARY [ENV=VALUE ...] -- ARGS...
# Starts BINARY on ORG's host in its own session with a clean environment plus the given variables;
# records the PID in $PIDS/NAME.pid and the binary in $PIDS/NAME.bin (checked before any signal is
# sent). `ip netns exec` and setsid exec the binary, so the PID is the binary's.
start_proc() {
  local name="$1" org="$2" bin="$3"; shift 3
  local -a envs=() args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  args=("$@")
  mkdir -p "$PIDS" "$LOGS"
  # A simple command (not the in_org function) in the background: $! is then the binary's PID.
  local on_host=(); [ "$LAYOUT" = netns ] && on_host=(ip netns exec "$(org_ns "$org")")
  "${on_host[@]}" setsid env -i PATH="$PATH" HOME="$HOME" TMPDIR="${TMPDIR:-/tmp}" "${envs[@]}" "$bin" "${args[@]}" \
    >>"$LOGS/$name.log" 2>&1 </dev/null 9>&- &
  local pid=$!
  echo "$pid" >"$PIDS/$name.pid"
  echo "$bin" >"$PIDS/$name.bin"
}

proc_pid() { cat "$PIDS/$1.pid" 2>/dev/null || true; }

# True when the PID file's process is alive and still runs the recorded binary.
proc_ours() {
  local name="$1" pid bin exe
  pid="$(proc_pid "$name")"; pid_alive "$pid" || return 1
  bin="$(cat "$PIDS/$name.bin" 2>/dev/null || true)"
  [ -n "$bin" ] || return 1
  exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
  [ "$exe" = "$(readlink -f "$bin")" ] || tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -F "$bin" >/dev/null
}

rss_mb() { awk '/^VmRSS:/{printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "-"; }

wait_http_ok() { # wait_http_ok URL NAME TIMEOUT ORG (ORG: on whose host to ask)
  local url="$1" name="$2" deadline=$(( $(date +%s) + $3 ))
  until in_org "$4" curl -sf -o /dev/null "$url"; do
    proc_ours "$name" || die "$name exited during start-up; last log lines:
$(tail -n 15 "$LOGS/$name.log" 2>/dev/null)"
    [ "$(date +%s)" -lt "$deadline" ] || die "$name not healthy at $url after $3 s (log: $LOGS/$name.log)"
    sleep 0.1
  done
}

wait_port() { # wait_port PORT NAME TIMEOUT ORG (a port on ORG's host)
  local port="$1" name="$2" deadline=$(( $(date +%s) + $3 )) ip; ip="$(node_ip "$4")"
  until in_org "$4" bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$ip" "$port" 2>/dev/null; do
    proc_ours "$name" || die "$name exited during start-up; last log lines:
$(tail -n 20 "$LOGS/$name.log" 2>/dev/null)"
    [ "$(date +%s)" -lt "$deadline" ] || die "$name does not listen on $port after $3 s (log: $LOGS/$name.log)"
    sleep 0.2
  done
}

# ---------------------------------------------------------------------------------------------
# artifacts (kept across down/up)

inputs_hash() { cat "$@" | sha256sum | cut -c1-16; }

# Each organisation's cryptogen input and configtx.yaml are generated from the roster
# (network/organisations.json, network/roster.jq, network/configtx.template.yaml) into $GEN at every
# `up`; they are checked against the roster (every organisation and orderer present, nothing else,
# each organisation's input its own only) before anything is made from them. Each organisation then
# runs its own step (scripts/org.sh <org> init: keys and certificates in orgs/<org>, certificates
# published in public/<org>), and the genesis block is made from the published material only. The
# genesis block is keyed by the hash of configtx.yaml and of every organisation's crypto hash, so
# a change of the roster that changes them remakes it (refused while ledgers exist).
GEN="$ARTIFACTS/generated"
generate_config() {
  local errs
  errs="$(roster_errors)" || die "cannot read the roster $ROSTER"
  [ -z "$errs" ] || die "network/organisations.json is invalid:
$errs"
  roster_generate "$GEN" || die "generating the organisations' crypto-config and configtx.yaml from the roster failed"
  errs="$(roster_check_generated "$GEN")"
  [ -z "$errs" ] || die "the generated configuration does not match the roster:
$errs"
  log "generated each organisation's crypto-config and configtx.yaml ($LAYOUT) from the roster (${#ORGS[@]} organisations, ${#ORDERERS[@]} orderers)"
}

# Every organisation runs its own init (idempotent; it refuses to remake material under a ledger).
ensure_crypto() {
  local org
  for org in "${ORGS[@]}"; do "$REPO_ROOT/scripts/org.sh" "$org" init || die "scripts/org.sh $org init failed"; done
}

ensure_block() {
  local org h; h="$(for org in "${GENESIS_ORGS[@]}"; do cat "$(org_home "$org")/crypto.hash"; done | cat - "$GEN/configtx.yaml" | sha256sum | cut -c1-16)"
  if [ -f "$BLOCK" ] && [ "$(cat "$ARTIFACTS/block.hash" 2>/dev/null)" = "$h" ]; then
    log "channel genesis block exists ($BLOCK)"; return
  fi
  [ ! -d "$RUNTIME/peers" ] || die "the channel configuration changed (network/organisations.json or configtx.template.yaml) but ledgers exist in $RUNTIME: run 'down' first"
  log "generating the genesis block of channel '$CHANNEL_NAME' (SmartBFT) from the organisations' public material ..."
  cp "$GEN/configtx.yaml" "$ARTIFACTS/configtx.yaml"
  "$FABRIC_BIN/configtxgen" -configPath "$ARTIFACTS" -profile CarbonChannelBFT -channelID "$CHANNEL_NAME" \
    -outputBlock "$BLOCK" >"$ARTIFACTS/configtxgen.log" 2>&1 || die "configtxgen failed: $(tail -n 5 "$ARTIFACTS/configtxgen.log")"
  echo "$h" >"$ARTIFACTS/block.hash"
}

# The CCaaS packages, one per organisation that runs a chaincode server (loopback: the Registry
# only): metadata.json {"type":"ccaas"} + code.tar.gz holding connection.json, whose address is the
# template {{.ccaddr}} filled by the builder from CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG, and whose
# root certificate is the TLS CA of that organisation (public material). Built reproducibly (sorted
# entries, fixed mtimes and owners, gzip -n): same inputs, same package id.
ensure_packages() {
  local unit owner pkg tmp
  mkdir -p "$ARTIFACTS/packages"
  for unit in $(cc_units); do
    owner="$(cc_owner "$unit")"; pkg="$ARTIFACTS/packages/$owner-$CC_LABEL.tgz"
    if [ -f "$pkg" ] && [ -s "$pkg.pkgid" ] && cmp -s "$pkg.root" "$(public_tlsca "$owner")"; then continue; fi
    tmp="$(mktemp -d)"
    jq -n --rawfile root "$(public_tlsca "$owner")" '{
        address: "{{.ccaddr}}", dial_timeout: "10s",
        tls_required: true, client_auth_required: false, root_cert: $root }' >"$tmp/connection.json"
    jq -n --arg lbl "$CC_LABEL" '{"type": "ccaas", "label": $lbl}' >"$tmp/metadata.json"
    local tarflags=(--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=ustar)
    tar "${tarflags[@]}" -C "$tmp" -cf - connection.json | gzip -n >"$tmp/code.tar.gz"
    tar "${tarflags[@]}" -C "$tmp" -cf - metadata.json code.tar.gz | gzip -n >"$pkg"
    rm -rf "$tmp"
    FABRIC_CFG_PATH="$FABRIC_HOME/config" "$FABRIC_BIN/peer" lifecycle chaincode calculatepackageid "$pkg" >"$pkg.pkgid"
    cp "$(public_tlsca "$owner")" "$pkg.root"
    log "chaincode package of $owner built: $(cat "$pkg.pkgid")"
  done
}

# The peers' core.yaml: Fabric's default with no Docker endpoint and our CCaaS builder.
write_core_yaml() {
  mkdir -p "$RUNTIME/config"
  yq -y --arg builder "$NET_DIR/builders/ccaas" '
      .vm.endpoint = ""
    | .chaincode.externalBuilders = [{name: "carbon-ccaas", path: $builder,
                                      propagateEnvironment: ["CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG"]}]' \
    "$FABRIC_HOME/config/core.yaml" >"$RUNTIME/config/core.yaml"
}

# ---------------------------------------------------------------------------------------------
# starting the processes

start_orderer() {
  local o="$1" dir; dir="$(orderer_dir "$1")"
  local data="$RUNTIME/orderers/$o"; mkdir -p "$data"
  local tlsca; tlsca="$(orderer_tlsca "$o")"
  local ip; ip="$(node_ip "${ORDERER_ORG[$o]}")"
  start_proc "$o" "${ORDERER_ORG[$o]}" "$FABRIC_BIN/orderer" \
    FABRIC_CFG_PATH="$FABRIC_HOME/config" \
    FABRIC_LOGGING_SPEC="${CARBON_ORDERER_LOGGING:-info:orderer.common.broadcast=error:grpc,comm.grpc.server=warning}" \
    ORDERER_GENERAL_LISTENADDRESS="$ip" ORDERER_GENERAL_LISTENPORT="${ORDERER_PORT[$o]}" \
    ORDERER_GENERAL_LOCALMSPID="$(orderer_msp "$o")" ORDERER_GENERAL_LOCALMSPDIR="$dir/msp" \
    ORDERER_GENERAL_TLS_ENABLED=true \
    ORDERER_GENERAL_TLS_PRIVATEKEY="$dir/tls/server.key" ORDERER_GENERAL_TLS_CERTIFICATE="$dir/tls/server.crt" \
    ORDERER_GENERAL_TLS_ROOTCAS="[$dir/tls/ca.crt]" \
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$dir/tls/server.crt" \
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$dir/tls/server.key" \
    ORDERER_GENERAL_BOOTSTRAPMETHOD=none \
    ORDERER_FILELEDGER_LOCATION="$data/ledger" \
    ORDERER_CONSENSUS_WALDIR="$data/wal" ORDERER_CONSENSUS_SNAPDIR="$data/snapshot" \
    ORDERER_CHANNELPARTICIPATION_ENABLED=true \
    ORDERER_ADMIN_LISTENADDRESS="$ip:${ORDERER_ADMIN_PORT[$o]}" ORDERER_ADMIN_TLS_ENABLED=true \
    ORDERER_ADMIN_TLS_CERTIFICATE="$dir/tls/server.crt" ORDERER_ADMIN_TLS_PRIVATEKEY="$dir/tls/server.key" \
    ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$tlsca]" \
    ORDERER_OPERATIONS_LISTENADDRESS="$ip:${ORDERER_OPS_PORT[$o]}" ORDERER_METRICS_PROVIDER=prometheus \
    -- start
}

start_peer() {
  local org="$1" dir; dir="$(peer_dir "$1")"
  local port; port="$(port_of "$org" PEER_PORT)"
  local data="$RUNTIME/peers/$org"; mkdir -p "$data"
  local ip ep; ip="$(node_ip "$org")"; ep="$(peer_endpoint "$org")"
  start_proc "peer-$org" "$org" "$FABRIC_BIN/peer" \
    FABRIC_CFG_PATH="$RUNTIME/config" \
    FABRIC_LOGGING_SPEC="${CARBON_PEER_LOGGING:-info:grpc,comm.grpc.server=warning}" \
    CORE_PEER_ID="$(peer_host "$org")" CORE_PEER_NETWORKID=carbon \
    CORE_PEER_LISTENADDRESS="$ip:$port" CORE_PEER_ADDRESS="$ep" \
    CORE_PEER_CHAINCODELISTENADDRESS="$ip:$(port_of "$org" PEER_CC_PORT)" \
    CORE_PEER_CHAINCODEADDRESS="$ip:$(port_of "$org" PEER_CC_PORT)" \
    CORE_PEER_GOSSIP_BOOTSTRAP="$ep" CORE_PEER_GOSSIP_EXTERNALENDPOINT="$ep" \
    CORE_PEER_GOSSIP_RECONNECTINTERVAL=2s \
    CORE_PEER_LOCALMSPID="${ORG_MSP[$org]}" CORE_PEER_MSPCONFIGPATH="$dir/msp" \
    CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_CLIENTAUTHREQUIRED=false \
    CORE_PEER_TLS_CERT_FILE="$dir/tls/server.crt" CORE_PEER_TLS_KEY_FILE="$dir/tls/server.key" \
    CORE_PEER_TLS_ROOTCERT_FILE="$dir/tls/ca.crt" \
    CORE_PEER_TLS_CLIENTCERT_FILE="$dir/tls/server.crt" CORE_PEER_TLS_CLIENTKEY_FILE="$dir/tls/server.key" \
    CORE_PEER_FILESYSTEMPATH="$data" CORE_LEDGER_SNAPSHOTS_ROOTDIR="$data/snapshots" \
    CORE_LEDGER_STATE_STATEDATABASE=goleveldb \
    CORE_LEDGER_HISTORY_ENABLEHISTORYDATABASE="${CARBON_PEER_HISTORY:-true}" \
    CORE_OPERATIONS_LISTENADDRESS="$ip:$(port_of "$org" PEER_OPS_PORT)" CORE_METRICS_PROVIDER=prometheus \
    CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG="{\"ccaddr\":\"$(cc_address "$org")\"}" \
    -- node start
}

# start_chaincode UNIT: a chaincode server JVM on its organisation's host, with that organisation's
# TLS identity and package id (see cc_units). The shim 2.5.10 server takes its TLS key pair from
# CORE_TLS_CLIENT_KEY_FILE / CORE_TLS_CLIENT_CERT_FILE (PEM files); its start-up validation also
# insists on CORE_TLS_CLIENT_KEY_PATH / CORE_TLS_CLIENT_CERT_PATH (base64 of the PEM) and
# CORE_PEER_TLS_ROOTCERT_FILE, which only the client mode uses. No client authentication.
start_chaincode() {
  local unit="$1" owner; owner="$(cc_owner "$1")"
  local tls; tls="$(ccaas_tls_dir "$owner")"
  local d="$RUNTIME/$unit"; mkdir -p "$d"
  # Run a private copy, so rebuilding chaincode/target under a running network cannot pull the jar
  # from under the JVM (timestamps kept for the class-data-sharing archive).
  cp -p "$CC_JAR" "$d/chaincode-server.jar"
  base64 -w0 "$tls/server.key" >"$d/server.key.b64"
  base64 -w0 "$tls/server.crt" >"$d/server.crt.b64"
  local java; java="$(command -v java)"
  # Class-data sharing: the first run of a given jar records its loaded classes at JVM exit (on
  # `down`); later runs map that archive and start faster. CARBON_CC_CDS=0 turns it off.
  local cds="" key jsa
  if [ "${CARBON_CC_CDS:-1}" = 1 ]; then
    key="$(stat -c '%s-%Y' "$CC_JAR")-$(java -version 2>&1 | head -n1 | cksum | cut -d' ' -f1)"
    jsa="$ARTIFACTS/cds/chaincode-$key.jsa"; mkdir -p "$ARTIFACTS/cds"
    if [ -s "$jsa" ]; then cds="-XX:SharedArchiveFile=$jsa -Xlog:cds=off,cds+dynamic=off"
    else find "$ARTIFACTS/cds" -name 'chaincode-*.jsa' -delete; cds="-XX:ArchiveClassesAtExit=$jsa -Xlog:cds=off,cds+dynamic=off"; fi
  fi
  # shellcheck disable=SC2086
  start_proc "$unit" "$owner" "$java" \
    CHAINCODE_SERVER_ADDRESS="$(node_ip "$owner"):$CHAINCODE_SERVER_PORT" CORE_CHAINCODE_ID_NAME="$(cc_pkgid "$owner")" \
    CORE_PEER_TLS_ENABLED=true \
    CORE_TLS_CLIENT_KEY_FILE="$tls/server.key" CORE_TLS_CLIENT_CERT_FILE="$tls/server.crt" \
    CORE_TLS_CLIENT_KEY_PATH="$d/server.key.b64" CORE_TLS_CLIENT_CERT_PATH="$d/server.crt.b64" \
    CORE_PEER_TLS_ROOTCERT_FILE="$tls/ca.crt" \
    CORE_CHAINCODE_LOGGING_LEVEL="${CARBON_CC_LOGGING:-INFO}" \
    -- ${CARBON_CC_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError} $cds -jar "$d/chaincode-server.jar"
}

start_chaincodes() {
  local unit
  for unit in $(cc_units); do start_chaincode "$unit"; done
  log "started the chaincode server JVM(s) $(cc_units | tr '\n' ' ')($CC_JAR)"
}

# ---------------------------------------------------------------------------------------------
# simulated hosts (layout netns): one network namespace per organisation, <prefix>-<org>, with its
# roster address on eth0, a veth to the bridge <prefix>br that lives in its own namespace
# <prefix>-net (so no route to 198.18.0.0/24 appears on the machine itself, and two networks with
# different prefixes do not collide), and the operator's namespace <prefix>-ops (198.18.0.2).
# Host names resolve through the generated hosts map ($RUNTIME/hosts, installed as
# /etc/netns/<ns>/hosts, which `ip netns exec` mounts over /etc/hosts).

# host_specs: "<ns> <address>" per simulated host.
host_specs() {
  local org
  for org in "${ORGS[@]}"; do echo "$(org_ns "$org") ${ORG_ADDRESS[$org]}"; done
  echo "$OPS_NS $OPS_ADDRESS"
}

ns_exists() { ip netns list 2>/dev/null | awk '{print $1}' | grep -x "$1" >/dev/null; }

hosts_up() {
  command -v ip >/dev/null || { log "installing iproute2 (apt)"; (apt-get update -qq && apt-get install -y -qq iproute2) >/dev/null; }
  [ "$(id -u)" = 0 ] || die "the netns layout needs root (network namespaces)"
  mkdir -p "$RUNTIME"
  { echo "127.0.0.1 localhost"
    roster_jq -r --arg ops "$OPS_ADDRESS" 'include "roster"; hosts_map($ops)' "$ROSTER"; } >"$RUNTIME/hosts"
  if ! ns_exists "$SWITCH_NS"; then
    ip netns add "$SWITCH_NS"
    ip -n "$SWITCH_NS" link set lo up
    ip -n "$SWITCH_NS" link add "$BRIDGE" type bridge
    ip -n "$SWITCH_NS" link set "$BRIDGE" up
  fi
  local ns addr octet
  while read -r ns addr; do
    mkdir -p "/etc/netns/$ns"; cp "$RUNTIME/hosts" "/etc/netns/$ns/hosts"
    ns_exists "$ns" && continue
    octet="${addr##*.}"
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip link add "${NS_PREFIX}v$octet" type veth peer name "${NS_PREFIX}e$octet"
    ip link set "${NS_PREFIX}e$octet" netns "$ns"
    ip -n "$ns" link set "${NS_PREFIX}e$octet" name eth0
    ip -n "$ns" addr add "$addr/24" dev eth0
    ip -n "$ns" link set eth0 up
    ip link set "${NS_PREFIX}v$octet" netns "$SWITCH_NS"
    ip -n "$SWITCH_NS" link set "${NS_PREFIX}v$octet" master "$BRIDGE" up
  done < <(host_specs)
  log "simulated hosts up: $(host_specs | awk '{printf "%s=%s ", $1, $2}')(bridge $BRIDGE in $SWITCH_NS)"
}

# Removes every namespace, veth and hosts map of this prefix, also after a crash (what is left of
# them is found by name, not from this run's records); processes still inside are killed first.
hosts_down() {
  command -v ip >/dev/null || return 0
  local ns pids n=0 l
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^$NS_PREFIX-[a-z0-9]+$"); do
    pids="$(ip netns pids "$ns" 2>/dev/null | tr '\n' ' ')"
    # shellcheck disable=SC2086
    [ -z "${pids// /}" ] || { kill -KILL $pids 2>/dev/null || true; log "killed processes left in $ns: $pids"; }
    ip netns del "$ns" 2>/dev/null || true
    rm -rf "/etc/netns/$ns"; n=$((n + 1))
  done
  for l in $(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1 | grep -E "^${NS_PREFIX}(v|e)[0-9]+$|^${BRIDGE}$"); do
    ip link del "$l" 2>/dev/null || true
  done
  [ "$n" -eq 0 ] || log "removed $n network namespace(s) $NS_PREFIX-*"
}

# Link faults of a simulated host: link-down ORG / link-up ORG (the veth on the bridge side).
cmd_link() {
  local org="$2"; [ -n "${ORG_ADDRESS[$org]:-}" ] || die "usage: network.sh link-down|link-up <org>"
  [ "$LAYOUT" = netns ] || die "link faults need CARBON_LAYOUT=netns"
  ip -n "$SWITCH_NS" link set "${NS_PREFIX}v${ORG_ADDRESS[$org]##*.}" "$1"
  log "$org's host: link $1"
}

# ---------------------------------------------------------------------------------------------
# channel and chaincode

# The channel participation API of orderer O, as the admin of the organisation that runs it (mutual TLS).
osnadmin() {
  local o="$1"; shift
  local adm; adm="$(admin_dir "${ORDERER_ORG[$o]}")"
  in_org "${ORDERER_ORG[$o]}" "$FABRIC_BIN/osnadmin" channel "$@" -o "$(node_ip "${ORDERER_ORG[$o]}"):${ORDERER_ADMIN_PORT[$o]}" --ca-file "$(orderer_tlsca "$o")" \
    --client-cert "$adm/tls/client.crt" --client-key "$adm/tls/client.key"
}

# osn_info ORDERER: the channel's participation info (JSON) if the orderer is a member, else fails.
osn_info() {
  local out; out="$(osnadmin "$1" list --channelID "$CHANNEL_NAME" 2>&1)" || return 1
  [ "$(head -n1 <<<"$out")" = "Status: 200" ] || return 1
  sed -n '2,$p' <<<"$out"
}

join_orderers() {
  local o pids=()
  for o in "${ORDERERS[@]}"; do
    if osn_info "$o" >/dev/null; then continue; fi
    ( out="$(osnadmin "$o" join --channelID "$CHANNEL_NAME" --config-block "$BLOCK" 2>&1)"
      [ "$(head -n1 <<<"$out")" = "Status: 201" ] || { echo "$o: $out" >&2; exit 1; } ) &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || die "osnadmin channel join failed"; done
  if [ ${#pids[@]} -eq 0 ]; then log "orderers already members of '$CHANNEL_NAME'"
  else log "${#pids[@]} orderer(s) joined '$CHANNEL_NAME' (osnadmin channel join)"; fi
  # wait until every consenter reports the channel active
  local deadline=$(( $(date +%s) + 60 )) st
  for o in "${ORDERERS[@]}"; do
    until st="$(osn_info "$o" | jq -r '.status + "/" + .consensusRelation' 2>/dev/null)" && [ "$st" = "active/consenter" ]; do
      [ "$(date +%s)" -lt "$deadline" ] || die "$o: channel status '$st' (log: $LOGS/$o.log)"
      sleep 0.2
    done
  done
  log "the ${#ORDERERS[@]} consenters report '$CHANNEL_NAME' active"
}

join_peers() {
  local org pids=() n=0
  for org in "${ORGS[@]}"; do
    if peer_cli "$org" channel getinfo -c "$CHANNEL_NAME" >/dev/null 2>&1; then continue; fi
    ( out="$(peer_cli "$org" channel join -b "$BLOCK" 2>&1)" || { echo "$org: $out" >&2; exit 1; } ) &
    pids+=($!); n=$((n + 1))
  done
  for p in "${pids[@]}"; do wait "$p" || die "peer channel join failed"; done
  [ "$n" -eq 0 ] && log "peers already members of '$CHANNEL_NAME'" || log "$n peer(s) joined '$CHANNEL_NAME'"
}

# Every peer's gossip must see every other peer, or the peer gateway cannot plan cross-org
# endorsements (discovery answers from gossip membership).
wait_discovery() {
  local deadline=$(( $(date +%s) + 90 )) org n want=$(( ${#ORGS[@]} - 1 ))
  for org in "${ORGS[@]}"; do
    while :; do
      n="$(in_org "$org" curl -sf "http://$(node_ip "$org"):$(port_of "$org" PEER_OPS_PORT)/metrics" 2>/dev/null \
           | awk -v ch="$CHANNEL_NAME" '$1 ~ /^gossip_membership_total_peers_known\{/ && index($1, "channel=\"" ch "\"") {print $2}' | head -n1)"
      [ "${n:-0}" -ge "$want" ] && break
      [ "$(date +%s)" -lt "$deadline" ] || die "gossip: peer-$org sees only ${n:-0} of $want other peers (log: $LOGS/peer-$org.log)"
      sleep 0.5
    done
  done
  log "gossip: every peer sees the $want others"
}

build_jar_if_missing() {
  [ -f "$CC_JAR" ] && return 0
  if [ -n "${CARBON_CHAINCODE_JAR:-}" ]; then die "CARBON_CHAINCODE_JAR=$CC_JAR does not exist"; fi
  log "chaincode jar missing"
  build_jar_bg
}

build_jar_bg() {
  command -v mvn >/dev/null || die "mvn not found"
  log "building the chaincode jar in the background (mvn -q -pl chaincode -am package -DskipTests)"
  mkdir -p "$LOGS"
  ( cd "$REPO_ROOT" && mvn -q -pl chaincode -am package -DskipTests ) >"$LOGS/mvn.log" 2>&1 9>&- &
  MVN_PID=$!
}

wait_jar() {
  if [ -n "${MVN_PID:-}" ]; then
    wait "$MVN_PID" || die "chaincode build failed (log: $LOGS/mvn.log): $(tail -n 5 "$LOGS/mvn.log")"
    MVN_PID=""
    CC_JAR="$(default_cc_jar)"
    log "chaincode jar built: $CC_JAR"
  fi
  [ -f "$CC_JAR" ] || die "no chaincode jar at $CC_JAR"
}

install_chaincode() {
  local org pids=() n=0
  for org in "${ORGS[@]}"; do
    if peer_cli "$org" lifecycle chaincode queryinstalled --output json 2>/dev/null \
         | jq -e --arg id "$(cc_pkgid "$org")" '.installed_chaincodes // [] | any(.package_id == $id)' >/dev/null; then continue; fi
    ( out="$(peer_cli "$org" lifecycle chaincode install "$(cc_package "$org")" 2>&1)" || { echo "$org: $out" >&2; exit 1; } ) &
    pids+=($!); n=$((n + 1))
  done
  for p in "${pids[@]}"; do wait "$p" || die "chaincode install failed"; done
  [ "$n" -eq 0 ] && log "package already installed on every peer" || log "package installed on $n peer(s)"
}

committed_sequence() {
  peer_cli "$REGISTRY_ORG" lifecycle chaincode querycommitted -C "$CHANNEL_NAME" -n "$CC_NAME" --output json 2>/dev/null \
    | jq -r '.sequence // 0' 2>/dev/null || echo 0
}

approve_and_commit() {
  local seq; seq="$(committed_sequence)"; seq="${seq:-0}"
  if [ "$seq" -ge "$CC_SEQUENCE" ]; then log "chaincode '$CC_NAME' sequence $seq already committed"; return; fi
  local def=(-C "$CHANNEL_NAME" -n "$CC_NAME" -v "$CC_VERSION" --sequence "$CC_SEQUENCE" --signature-policy "$CC_ENDORSEMENT_POLICY")
  local ready org pids=() n=0
  # shellcheck disable=SC2046
  ready="$(peer_cli "$REGISTRY_ORG" lifecycle chaincode checkcommitreadiness "${def[@]}" --output json 2>/dev/null || echo '{}')"
  for org in "${ORGS[@]}"; do
    if jq -e --arg m "${ORG_MSP[$org]}" '.approvals[$m] == true' <<<"$ready" >/dev/null 2>&1; then continue; fi
    # shellcheck disable=SC2046
    ( out="$(peer_cli "$org" lifecycle chaincode approveformyorg "${def[@]}" --package-id "$(cc_pkgid "$org")" \
               $(orderer_flags) --waitForEventTimeout 60s 2>&1)" || { echo "$org: $out" >&2; exit 1; } ) &
    pids+=($!); n=$((n + 1))
  done
  for p in "${pids[@]}"; do wait "$p" || die "approveformyorg failed"; done
  log "definition approved by $n org(s) (sequence $CC_SEQUENCE, policy $CC_ENDORSEMENT_POLICY)"
  # shellcheck disable=SC2046
  peer_cli "$REGISTRY_ORG" lifecycle chaincode commit "${def[@]}" $(orderer_flags) $(peer_flags "${ORGS[@]}") \
    --waitForEventTimeout 60s >"$LOGS/commit.log" 2>&1 || die "chaincode commit failed: $(tail -n 5 "$LOGS/commit.log")"
  log "chaincode definition '$CC_NAME' committed on '$CHANNEL_NAME'"
}

# upgrade [VERSION]: a new definition of the chaincode (sequence + 1, VERSION default "<current>.<sequence>",
# same packages and endorsement policy) while the network serves: the Registry and then the other
# governing organisations (roster.jq governs) approve one by one until the lifecycle policy's majority is reached, the
# Registry commits it with the approving organisations' endorsements, then the remaining
# organisations approve (until they do, their peers do not endorse the chaincode). Prints the times.
cmd_upgrade() {
  [ -f "$RUNTIME/network.json" ] || die "the network is not up"
  fabric_home
  local t0; t0="$(date +%s.%N)"
  local seq; seq="$(committed_sequence)"; [ "${seq:-0}" -gt 0 ] || die "no committed definition of '$CC_NAME'"
  local next=$((seq + 1)) version="${1:-$CC_VERSION.$((seq))}"
  local def=(-C "$CHANNEL_NAME" -n "$CC_NAME" -v "$version" --sequence "$next" --signature-policy "$CC_ENDORSEMENT_POLICY")
  local order=("$REGISTRY_ORG") o
  for o in "${ORGS[@]}"; do [ "$o" != "$REGISTRY_ORG" ] && governs "$o" && order+=("$o"); done
  local governing=${#order[@]}
  for o in "${ORGS[@]}"; do governs "$o" || order+=("$o"); done
  local need=$(( governing / 2 + 1 )) approved=() i=0
  approve_one() { # shellcheck disable=SC2046
    peer_cli "$1" lifecycle chaincode approveformyorg "${def[@]}" --package-id "$(cc_pkgid "$1")" \
      $(orderer_flags) --waitForEventTimeout 60s >/dev/null 2>&1 || die "$1: approveformyorg (sequence $next) failed"
  }
  while [ ${#approved[@]} -lt "$need" ]; do
    o="${order[$i]}"; i=$((i + 1))
    approve_one "$o"; approved+=("$o")
    log "sequence $next approved by ${ORG_NAME[$o]} (${#approved[@]} of the $need needed)"
  done
  local ready; ready="$(peer_cli "$REGISTRY_ORG" lifecycle chaincode checkcommitreadiness "${def[@]}" --output json 2>/dev/null || echo '{}')"
  log "commit readiness: $(jq -c '.approvals' <<<"$ready" 2>/dev/null)"
  # shellcheck disable=SC2046
  peer_cli "$REGISTRY_ORG" lifecycle chaincode commit "${def[@]}" $(orderer_flags) $(peer_flags "${approved[@]}") \
    --waitForEventTimeout 60s >"$LOGS/upgrade.log" 2>&1 || die "commit of sequence $next failed: $(tail -n 5 "$LOGS/upgrade.log")"
  local committed; committed="$(awk -v s="$t0" -v n="$(date +%s.%N)" 'BEGIN{printf "%.1f", n-s}')"
  log "sequence $next (version $version) committed by ${ORG_NAME[$REGISTRY_ORG]} after ${#approved[@]} approvals in ${committed} s"
  for ((; i < ${#order[@]}; i++)); do approve_one "${order[$i]}"; done
  log "upgrade to sequence $next done in $(awk -v s="$t0" -v n="$(date +%s.%N)" 'BEGIN{printf "%.1f", n-s}') s (every organisation approved)"
}

# A query through every peer, one peer after the other: each peer opens its stream to the
# chaincode server on its first invocation. They must not connect at the same time: the Java shim
# (2.5.10) keeps the register/ready handshake state in one object shared by all connections of the
# server, so concurrent (re)connections make it drop messages and the peer's invocation then hangs
# until chaincode.executetimeout (30 s; seen here when warming up the peers in parallel).
query_until_ok() { # query_until_ok ORG DEADLINE
  local out
  until out="$(peer_cli "$1" chaincode query -C "$CHANNEL_NAME" -n "$CC_NAME" -c "$CC_READY_ARGS" 2>&1)"; do
    local unit; unit="$(cc_unit_of "$1")"
    proc_ours "$unit" || { echo "the chaincode server $unit exited; last log lines:
$(tail -n 20 "$LOGS/$unit.log")" >&2; return 1; }
    [ "$(date +%s)" -lt "$2" ] || { echo "query on $1 still failing after ${READY_TIMEOUT}s: $out" >&2; return 1; }
    sleep 0.3
  done
  echo "$out"
}

wait_query() {
  local deadline=$(( $(date +%s) + READY_TIMEOUT )) org out
  out="$(query_until_ok "$REGISTRY_ORG" "$deadline")" || die "chaincode not answering"
  log "first query answered (peer-$REGISTRY_ORG): $(head -c 200 <<<"$out")"
  for org in "${ORGS[@]}"; do
    [ "$org" = "$REGISTRY_ORG" ] && continue
    query_until_ok "$org" "$deadline" >/dev/null || die "chaincode not answering through peer-$org"
  done
  log "every peer answers $CC_READY_ARGS"
}

write_network_json() {
  local org tmp="$RUNTIME/network.json.tmp" orgs="[]" ords="[]" o
  for org in "${ORGS[@]}"; do
    local od pd ad; od="$(org_dir "$org")"; pd="$(peer_dir "$org")"; ad="$(admin_dir "$org")"
    orgs="$(jq --arg name "${ORG_NAME[$org]}" --arg msp "${ORG_MSP[$org]}" --arg domain "$(org_domain "$org")" \
      --arg role "${ORG_ROLE[$org]}" --arg province "${ORG_PROVINCE[$org]}" \
      --arg ep "$(node_ip "$org"):$(port_of "$org" PEER_PORT)" --arg host "$(peer_host "$org")" \
      --arg tlsroot "$(public_tlsca "$org")" --arg ops "$(node_ip "$org"):$(port_of "$org" PEER_OPS_PORT)" \
      --arg pkg "$(cc_pkgid "$org")" --arg ccaddr "$(cc_address "$org")" --arg home "$(org_home "$org")" \
      --arg cacert "$od/ca/ca.$(org_domain "$org")-cert.pem" --arg cakey "$od/ca/priv_sk" \
      --arg tlscacert "$od/tlsca/tlsca.$(org_domain "$org")-cert.pem" --arg tlscakey "$od/tlsca/priv_sk" \
      --arg admcert "$ad/msp/signcerts/Admin@$(org_domain "$org")-cert.pem" --arg admkey "$ad/msp/keystore/priv_sk" \
      --arg mspdir "$od/msp" \
      '. + [{name: $name, mspId: $msp, domain: $domain, role: $role}
             + (if $province == "" then {} else {province: $province} end)
             + {peer: {endpoint: $ep, hostnameOverride: $host, tlsRootCert: $tlsroot, operations: $ops},
             chaincode: {packageId: $pkg, server: $ccaddr}, home: $home,
             ca: {cert: $cacert, key: $cakey},
             tlsCa: {cert: $tlscacert, key: $tlscakey},
             admin: {cert: $admcert, key: $admkey},
             mspDir: $mspdir,
             nodeOUs: {client: "client", peer: "peer", admin: "admin", orderer: "orderer"}}]' <<<"$orgs")"
  done
  for o in "${ORDERERS[@]}"; do
    local oip; oip="$(node_ip "${ORDERER_ORG[$o]}")"
    ords="$(jq --arg name "$o" --arg ep "$oip:${ORDERER_PORT[$o]}" --arg adm "$oip:${ORDERER_ADMIN_PORT[$o]}" --arg host "$(orderer_host "$o")" \
      --arg tlsroot "$(orderer_tlsca "$o")" --arg org "${ORG_NAME[${ORDERER_ORG[$o]}]}" --arg msp "$(orderer_msp "$o")" \
      '. + [{name: $name, organisation: $org, mspId: $msp, endpoint: $ep, adminEndpoint: $adm, hostnameOverride: $host, tlsRootCert: $tlsroot}]' <<<"$ords")"
  done
  jq -n --argjson orgs "$orgs" --argjson ords "$ords" --arg ch "$CHANNEL_NAME" --arg cc "$CC_NAME" \
    --arg ver "$CC_VERSION" --argjson seq "$CC_SEQUENCE" --arg pol "$CC_ENDORSEMENT_POLICY" \
    --arg runtime "$RUNTIME" --arg artifacts "$ARTIFACTS" \
    --arg fabric "$FABRIC_HOME" --arg layout "$LAYOUT" \
    '{schemaVersion: 1, channel: $ch,
      chaincode: {name: $cc, version: $ver, sequence: $seq, endorsementPolicy: $pol},
      organizations: $orgs,
      layout: $layout, orderer: {consensus: "BFT", nodes: $ords},
      runtimeDir: $runtime, artifactsDir: $artifacts, fabricHome: $fabric}' >"$tmp"
  mv "$tmp" "$RUNTIME/network.json"
}

# ---------------------------------------------------------------------------------------------
# commands

cmd_up() {
  mkdir -p "$RUNTIME"
  exec 9>"$RUNTIME/.lock"
  flock -n 9 || die "another network.sh is working on $RUNTIME"
  local n alive=0 dead=()
  for n in $(all_names); do
    [ -f "$PIDS/$n.pid" ] || continue
    if proc_ours "$n"; then alive=$((alive + 1)); else dead+=("$n"); fi
  done
  if [ "$alive" -gt 0 ] && [ ${#dead[@]} -eq 0 ] && [ -f "$RUNTIME/network.json" ]; then
    log "the network is already up ($alive processes, $RUNTIME/network.json); 'status' lists them"; return 0
  fi
  if [ "$alive" -gt 0 ] && [ ${#dead[@]} -gt 0 ]; then
    die "the network is partly up (not running: ${dead[*]}); run 'scripts/network.sh down' first"
  fi
  if [ "$alive" -gt 0 ]; then
    die "the processes run but the last 'up' did not reach ready (see 'logs'); run 'scripts/network.sh down' first"
  fi
  rm -f "$PIDS"/*.pid "$PIDS"/*.bin "$RUNTIME/network.json"
  for c in jq yq curl setsid java openssl; do command -v "$c" >/dev/null || die "$c not found on PATH"; done
  [ "$LAYOUT" = loopback ] || hosts_up
  local resumed=no; [ -d "$RUNTIME/peers" ] && resumed=yes
  log "starting the carbon network (layout $LAYOUT, runtime $RUNTIME, artifacts $ARTIFACTS, resume: $resumed)"
  fabric_home
  log "Fabric: $FABRIC_HOME ($(cut -d' ' -f1 "$FABRIC_HOME/VERSION" 2>/dev/null))"
  mkdir -p "$LOGS" "$PIDS"
  build_jar_if_missing
  generate_config
  ensure_crypto
  ensure_block
  ensure_packages
  # The JVM's start-up (classpath scan of the contract router) is the longest step: start it first.
  if [ -z "${MVN_PID:-}" ]; then start_chaincodes; fi
  write_core_yaml
  for o in "${ORDERERS[@]}"; do start_orderer "$o"; done
  for org in "${ORGS[@]}"; do start_peer "$org"; done
  log "started ${#ORDERERS[@]} orderers and ${#ORGS[@]} peers"
  for o in "${ORDERERS[@]}"; do
    wait_http_ok "http://$(node_ip "${ORDERER_ORG[$o]}"):${ORDERER_OPS_PORT[$o]}/healthz" "$o" 60 "${ORDERER_ORG[$o]}"
  done
  log "orderers healthy"
  for org in "${ORGS[@]}"; do wait_http_ok "http://$(node_ip "$org"):$(port_of "$org" PEER_OPS_PORT)/healthz" "peer-$org" 60 "$org"; done
  log "peers healthy"

  join_orderers
  join_peers
  install_chaincode
  approve_and_commit
  if [ -n "${MVN_PID:-}" ]; then wait_jar; start_chaincodes; fi
  local unit
  for unit in $(cc_units); do wait_port "$CHAINCODE_SERVER_PORT" "$unit" 180 "$(cc_owner "$unit")"; done
  log "chaincode server(s) listening: $(cc_units | tr '\n' ' ')"
  wait_query
  wait_discovery
  write_network_json
  log "READY in $(elapsed) s: layout $LAYOUT, channel '$CHANNEL_NAME', chaincode '$CC_NAME'; description: $RUNTIME/network.json"
}

cmd_down() {
  local mode="${1:-}" n pid sig
  case "$mode" in ""|--keep|--purge) ;; *) die "usage: network.sh down [--keep|--purge]";; esac
  local names; mapfile -t names < <(cc_units); for n in "${ORGS[@]}"; do names+=("peer-$n"); done; names+=("${ORDERERS[@]}")
  while read -r n; do [ -n "$n" ] && names+=("$n"); done < <(extra_names)
  local stopped=()
  for n in "${names[@]}"; do
    if proc_ours "$n"; then pid="$(proc_pid "$n")"; kill -TERM "$pid" 2>/dev/null || true; stopped+=("$n:$pid"); fi
  done
  local deadline=$(( $(date +%s) + 15 ))
  for n in "${stopped[@]}"; do
    pid="${n#*:}"
    while pid_alive "$pid" && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.1; done
    if pid_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; log "${n%%:*} ($pid) killed after 15 s"; fi
  done
  rm -f "$PIDS"/*.pid "$PIDS"/*.bin
  log "stopped ${#stopped[@]} process(es)"
  hosts_down
  if [ "$mode" = --keep ]; then
    rm -f "$RUNTIME/network.json"
    log "kept ledgers and logs in $RUNTIME"
  else
    rm -rf "$RUNTIME"; log "removed $RUNTIME"
  fi
  if [ "$mode" = --purge ]; then rm -rf "$ARTIFACTS"; log "removed $ARTIFACTS (crypto material, genesis block, package)"; fi
  log "down in $(elapsed) s"
}

# Restarts only the chaincode JVM (e.g. after rebuilding the jar; the package and its id stay the
# same) and reconnects the peers one by one.
cmd_cc_restart() {
  exec 9>"$RUNTIME/.lock"
  flock -n 9 || die "another network.sh is working on $RUNTIME"
  [ -f "$RUNTIME/network.json" ] || die "the network is not up"
  fabric_home
  local pid unit
  for unit in $(cc_units); do
    pid="$(proc_pid "$unit")"
    proc_ours "$unit" || continue
    kill -TERM "$pid"
    local deadline=$(( $(date +%s) + 15 ))
    while pid_alive "$pid" && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.1; done
    pid_alive "$pid" && kill -KILL "$pid"
    log "stopped the chaincode server $unit ($pid)"
  done
  if [ "${1:-}" = --build ]; then
    [ -z "${CARBON_CHAINCODE_JAR:-}" ] || die "--build with CARBON_CHAINCODE_JAR set"
    build_jar_bg; wait_jar
  fi
  [ -f "$CC_JAR" ] || die "no chaincode jar at $CC_JAR"
  start_chaincodes
  for unit in $(cc_units); do wait_port "$CHAINCODE_SERVER_PORT" "$unit" 180 "$(cc_owner "$unit")"; done
  wait_query
  log "chaincode restarted in $(elapsed) s"
}

# ---------------------------------------------------------------------------------------------
# single processes (faults and recovery): kill -9 one, start it again with its data

cmd_kill() {
  local name="${1:-}" pid; [ -n "$name" ] && all_names | grep -x "$name" >/dev/null || die "usage: network.sh kill <name> (one of: $(all_names | tr '\n' ' '))"
  proc_ours "$name" || die "$name is not running"
  pid="$(proc_pid "$name")"; kill -KILL "$pid"
  while pid_alive "$pid"; do sleep 0.05; done
  log "$name ($pid) killed (SIGKILL)"
}

cmd_start() {
  local name="${1:-}"; [ -n "$name" ] && all_names | grep -x "$name" >/dev/null || die "usage: network.sh start <name>"
  [ -f "$RUNTIME/network.json" ] || die "the network is not up"
  proc_ours "$name" && { log "$name is running"; return 0; }
  fabric_home
  case "$name" in
    peer-*) start_peer "${name#peer-}"
            wait_http_ok "http://$(node_ip "${name#peer-}"):$(port_of "${name#peer-}" PEER_OPS_PORT)/healthz" "$name" 60 "${name#peer-}" ;;
    chaincode*) start_chaincode "$name"; wait_port "$CHAINCODE_SERVER_PORT" "$name" 180 "$(cc_owner "$name")" ;;
    *) start_orderer "$name"
       wait_http_ok "http://$(node_ip "${ORDERER_ORG[$name]}"):${ORDERER_OPS_PORT[$name]}/healthz" "$name" 60 "${ORDERER_ORG[$name]}" ;;
  esac
  log "$name started again (pid $(proc_pid "$name"))"
}

# ---------------------------------------------------------------------------------------------
# back up and restore a peer (Fabric ledger snapshots)

height_of() { # height_of ORG: the block height of ORG's peer on the channel (empty if unknown)
  peer_cli "$1" channel getinfo -c "$CHANNEL_NAME" 2>/dev/null | sed -n 's/^Blockchain info: //p' | jq -r '.height // empty' 2>/dev/null || true
}

# snapshot ORG: asks ORG's peer for a snapshot of its ledger at its last committed block, waits for
# it and copies it to $ARTIFACTS/backups/<org>/<channel>-<block>; prints that directory last.
cmd_snapshot() {
  local org="${1:-}"; [ -n "${ORG_NAME[$org]:-}" ] || die "usage: network.sh snapshot <org>"
  [ -f "$RUNTIME/network.json" ] || die "the network is not up"
  fabric_home
  local t0; t0="$(date +%s.%N)"
  local done_dir="$RUNTIME/peers/$org/snapshots/completed/$CHANNEL_NAME"
  local before; before="$(ls "$done_dir" 2>/dev/null | sort -n | tail -n1 || true)"
  peer_cli "$org" snapshot submitrequest -c "$CHANNEL_NAME" -b 0 --peerAddress "$(node_ip "$org"):$(port_of "$org" PEER_PORT)" \
    --tlsRootCertFile "$(public_tlsca "$org")" >/dev/null || die "snapshot request to peer-$org refused"
  local deadline=$(( $(date +%s) + 120 )) last=""
  while :; do
    last="$(ls "$done_dir" 2>/dev/null | sort -n | tail -n1 || true)"
    if [ -n "$last" ] && [ "$last" != "$before" ] && [ -f "$done_dir/$last/_snapshot_signable_metadata.json" ]; then break; fi
    [ "$(date +%s)" -lt "$deadline" ] || die "no snapshot from peer-$org after 120 s (log: $LOGS/peer-$org.log)"
    sleep 0.2
  done
  local dest="$ARTIFACTS/backups/$org/$CHANNEL_NAME-$last"
  rm -rf "$dest"; mkdir -p "$(dirname "$dest")"; cp -r "$done_dir/$last" "$dest"
  log "snapshot of peer-$org at block $last ($(du -sh "$dest" | cut -f1)) in $(awk -v s="$t0" -v n="$(date +%s.%N)" 'BEGIN{printf "%.1f", n-s}') s: $dest"
  echo "$dest"
}

# restore ORG [SNAPSHOT_DIR | --replay]: rebuilds ORG's peer from nothing — its ledger is moved aside
# (kept as peers/<org>.replaced-<time>), the peer restarts empty, joins the channel from the snapshot
# (default: the newest in $ARTIFACTS/backups/<org>) or, with --replay, from the genesis block,
# gets its chaincode package installed again and catches up with the orderers; done when its height
# reaches the other peers' and its chaincode answers. Prints the time it took.
cmd_restore() {
  local org="${1:-}" from="${2:-}"; [ -n "${ORG_NAME[$org]:-}" ] || die "usage: network.sh restore <org> [SNAPSHOT_DIR|--replay]"
  [ -f "$RUNTIME/network.json" ] || die "the network is not up"
  fabric_home
  if [ -z "$from" ]; then from="$(ls -d "$ARTIFACTS/backups/$org/$CHANNEL_NAME"-* 2>/dev/null | sort -t- -k2 -n | tail -n1 || true)"; fi
  [ -n "$from" ] || die "no snapshot of peer-$org in $ARTIFACTS/backups/$org (network.sh snapshot $org)"
  local t0; t0="$(date +%s.%N)"
  local pid; pid="$(proc_pid "peer-$org")"
  if proc_ours "peer-$org"; then
    kill -TERM "$pid"; while pid_alive "$pid"; do sleep 0.1; done
  fi
  mv "$RUNTIME/peers/$org" "$RUNTIME/peers/$org.replaced-$(date +%s)"
  start_peer "$org"
  wait_http_ok "http://$(node_ip "$org"):$(port_of "$org" PEER_OPS_PORT)/healthz" "peer-$org" 60 "$org"
  # The package first (a peer replaying from the genesis block was seen to stall ~60 s on the block
  # that commits the chaincode definition; installing first did not change that — cause not found).
  peer_cli "$org" lifecycle chaincode install "$(cc_package "$org")" >/dev/null 2>&1 || die "peer-$org: chaincode install failed"
  if [ "$from" = --replay ]; then
    peer_cli "$org" channel join -b "$BLOCK" >/dev/null 2>&1 || die "peer-$org: channel join failed"
  else
    [ -f "$from/_snapshot_signable_metadata.json" ] || die "$from is not a ledger snapshot"
    peer_cli "$org" channel joinbysnapshot --snapshotpath "$from" >/dev/null 2>&1 || die "peer-$org: joinbysnapshot $from failed"
  fi
  local want=0 h o deadline=$(( $(date +%s) + 300 ))
  for o in "${ORGS[@]}"; do [ "$o" = "$org" ] && continue; h="$(height_of "$o")"; [ "${h:-0}" -gt "$want" ] && want="$h"; done
  until h="$(height_of "$org")" && [ "${h:-0}" -ge "$want" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || die "peer-$org at height ${h:-?} of $want after 300 s"
    sleep 0.3
  done
  local caught; caught="$(awk -v s="$t0" -v n="$(date +%s.%N)" 'BEGIN{printf "%.1f", n-s}')"
  query_until_ok "$org" "$deadline" >/dev/null || die "chaincode not answering through the restored peer-$org"
  log "peer-$org restored from $( [ "$from" = --replay ] && echo "the genesis block (replay)" || echo "snapshot $(basename "$from")" ): height $h (others: $want) after ${caught} s, its chaincode answering after $(awk -v s="$t0" -v n="$(date +%s.%N)" 'BEGIN{printf "%.1f", n-s}') s"
}

cmd_status() {
  local n pid state rss total=0 up=0 count=0
  printf '%-18s %8s %-6s %8s  %s\n' NAME PID STATE RSS_MB LOG
  for n in $(all_names); do
    [ -f "$PIDS/$n.pid" ] || continue
    count=$((count + 1))
    pid="$(proc_pid "$n")"
    if proc_ours "$n"; then state=alive; rss="$(rss_mb "$pid")"; total=$((total + rss)); up=$((up + 1)); else state=dead; rss=-; fi
    printf '%-18s %8s %-6s %8s  %s\n' "$n" "$pid" "$state" "$rss" "$LOGS/$n.log"
  done
  if [ "$count" -eq 0 ]; then echo "not running (no PID files in $PIDS)"; return 3; fi
  printf '%-18s %8s %-6s %8s\n' TOTAL "" "$up/$count" "$total"
  if [ -f "$RUNTIME/network.json" ]; then echo "ready: $RUNTIME/network.json"; else echo "not ready (no network.json)"; fi
  [ "$up" -eq "$count" ]
}

cmd_logs() {
  local name="${1:-}" follow=""
  [ "${2:-}" = -f ] || [ "${1:-}" = -f ] && follow=-f
  [ "$name" = -f ] && name="${2:-}"
  if [ -z "$name" ]; then
    echo "logs in $LOGS:"; ls -1 "$LOGS" 2>/dev/null | sed 's/\.log$//;s/^/  /'; return 0
  fi
  [ -f "$LOGS/$name.log" ] || die "no log '$name' in $LOGS (try: network.sh logs)"
  tail -n "${LINES_TO_SHOW:-100}" $follow "$LOGS/$name.log"
}

# scripts/network-onboard.sh sources this file for its functions (CARBON_NETWORK_FUNCTIONS=1): no command then.
[ "${CARBON_NETWORK_FUNCTIONS:-}" = 1 ] && return 0

case "${1:-}" in
  up) cmd_up ;;
  down) shift; cmd_down "${1:-}" ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  cc-restart) shift; cmd_cc_restart "${1:-}" ;;
  snapshot) shift; cmd_snapshot "${1:-}" ;;
  upgrade) shift; cmd_upgrade "${1:-}" ;;
  kill) shift; cmd_kill "${1:-}" ;;
  start) shift; cmd_start "${1:-}" ;;
  restore) shift; cmd_restore "${1:-}" "${2:-}" ;;
  hosts-up) hosts_up ;;
  hosts-down) hosts_down ;;
  link-down) cmd_link down "${2:-}" ;;
  link-up) cmd_link up "${2:-}" ;;
  in) shift; org="${1:-}"; shift; [ "$org" = ops ] && { in_ops "$@"; exit; }; in_org "$org" "$@" ;;
  *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2 ;;
esac
