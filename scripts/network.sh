#!/usr/bin/env bash
# The carbon-market Fabric network as native processes on 127.0.0.1 (no Docker):
# the SmartBFT orderers and one peer per organisation (LevelDB) of the roster
# network/organisations.json (today 4 orderers; MEE, Registry, Exchange, ProvinceHB, ProvinceGD),
# channel "carbon", chaincode "registry" run as a service by one JVM.
#
#   scripts/network.sh up                 start (or resume) and deploy; idempotent
#   scripts/network.sh down [--keep|--purge]
#                                         stop what `up` started; --keep keeps ledgers and logs,
#                                         --purge also deletes crypto material and the package
#   scripts/network.sh status             processes with PID, RSS, liveness
#   scripts/network.sh logs [NAME] [-f]   tail a process log (no NAME: list logs)
#   scripts/network.sh cc-restart [--build]
#                                         restart only the chaincode JVM (--build: rebuild the jar)
#
# Environment: CARBON_RUNTIME, CARBON_ARTIFACTS, CARBON_CHAINCODE_JAR (see scripts/network-lib.sh),
# CARBON_CC_JAVA_OPTS (chaincode JVM options), CARBON_PEER_LOGGING, CARBON_ORDERER_LOGGING,
# CARBON_READY_TIMEOUT (seconds, default 180). Layout and network.json: network/README.md.
set -euo pipefail
START_EPOCH="$(date +%s.%N)"
# shellcheck source=network-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/network-lib.sh"

PIDS="$RUNTIME/pids"
LOGS="$RUNTIME/logs"
CC_PKG="$ARTIFACTS/$CC_LABEL.tgz"
CC_PKGID_FILE="$ARTIFACTS/$CC_LABEL.pkgid"
BLOCK="$ARTIFACTS/$CHANNEL_NAME.block"
READY_TIMEOUT="${CARBON_READY_TIMEOUT:-180}"

all_names() {
  local n
  for n in "${ORDERERS[@]}"; do echo "$n"; done
  for n in "${ORGS[@]}"; do echo "peer-$n"; done
  echo chaincode
  extra_names
}

# Processes with a PID file that the roster no longer names (it was edited while the network ran):
# still listed by `status` and stopped by `down`.
extra_names() {
  local f n known=" chaincode ${ORDERERS[*]} ${ORGS[*]/#/peer-} "
  for f in "$PIDS"/*.pid; do
    [ -e "$f" ] || continue
    n="$(basename "$f" .pid)"
    [[ "$known" == *" $n "* ]] || echo "$n"
  done
}

# ---------------------------------------------------------------------------------------------
# processes

# start_proc NAME BINARY [ENV=VALUE ...] -- ARGS...
# Starts BINARY in its own session with a clean environment plus the given variables; records the
# PID in $PIDS/NAME.pid and the binary in $PIDS/NAME.bin (checked before any signal is sent).
start_proc() {
  local name="$1" bin="$2"; shift 2
  local -a envs=() args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  args=("$@")
  mkdir -p "$PIDS" "$LOGS"
  setsid env -i PATH="$PATH" HOME="$HOME" TMPDIR="${TMPDIR:-/tmp}" "${envs[@]}" "$bin" "${args[@]}" \
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
  [ "$exe" = "$(readlink -f "$bin")" ] || tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$bin"
}

rss_mb() { awk '/^VmRSS:/{printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "-"; }

wait_http_ok() { # wait_http_ok URL NAME TIMEOUT
  local url="$1" name="$2" deadline=$(( $(date +%s) + $3 ))
  until curl -sf -o /dev/null "$url"; do
    proc_ours "$name" || die "$name exited during start-up; last log lines:
$(tail -n 15 "$LOGS/$name.log" 2>/dev/null)"
    [ "$(date +%s)" -lt "$deadline" ] || die "$name not healthy at $url after $3 s (log: $LOGS/$name.log)"
    sleep 0.1
  done
}

wait_port() { # wait_port PORT NAME TIMEOUT
  local port="$1" name="$2" deadline=$(( $(date +%s) + $3 ))
  until (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; do
    proc_ours "$name" || die "$name exited during start-up; last log lines:
$(tail -n 20 "$LOGS/$name.log" 2>/dev/null)"
    [ "$(date +%s)" -lt "$deadline" ] || die "$name does not listen on $port after $3 s (log: $LOGS/$name.log)"
    sleep 0.2
  done
}

# ---------------------------------------------------------------------------------------------
# artifacts (kept across down/up)

inputs_hash() { cat "$@" | sha256sum | cut -c1-16; }

# crypto-config.yaml and configtx.yaml are generated from the roster (network/organisations.json,
# network/roster.jq, network/configtx.template.yaml) into $GEN at every `up`; when the crypto
# material or the genesis block is (re)made from them, they are first checked against the roster
# (every organisation and orderer present, nothing else) and copied into $ARTIFACTS. The
# hashes are those of the generated files, so any change of the roster, the template or the
# generator that changes them regenerates what depends on them, and nothing else does (a new
# peer or orderer port remakes the genesis block but keeps the certificates; an operations port
# changes neither).
GEN="$ARTIFACTS/generated"
generate_config() {
  local errs
  errs="$(roster_errors)" || die "cannot read the roster $ROSTER"
  [ -z "$errs" ] || die "network/organisations.json is invalid:
$errs"
  roster_generate "$GEN" || die "generating crypto-config.yaml / configtx.yaml from the roster failed"
  log "generated crypto-config.yaml and configtx.yaml from the roster (${#ORGS[@]} organisations, ${#ORDERERS[@]} orderers)"
}

GEN_CHECKED=no
check_generated() {
  [ "$GEN_CHECKED" = no ] || return 0
  local errs; errs="$(roster_check_generated "$GEN")"
  [ -z "$errs" ] || die "the generated configuration does not match the roster:
$errs"
  GEN_CHECKED=yes
}

ensure_crypto() {
  local h; h="$(inputs_hash "$GEN/crypto-config.yaml")"
  if [ -d "$CRYPTO" ] && [ "$(cat "$ARTIFACTS/crypto.hash" 2>/dev/null)" = "$h" ]; then
    log "crypto material exists ($CRYPTO)"; return
  fi
  [ ! -d "$RUNTIME/peers" ] || die "the organisations' crypto configuration changed (network/organisations.json) but ledgers exist in $RUNTIME: run 'down' first"
  check_generated
  log "generating crypto material with cryptogen ..."
  rm -rf "$CRYPTO" "$BLOCK" "$CC_PKG" "$CC_PKGID_FILE"
  mkdir -p "$ARTIFACTS"
  cp "$GEN/crypto-config.yaml" "$ARTIFACTS/crypto-config.yaml"
  "$FABRIC_BIN/cryptogen" generate --config="$ARTIFACTS/crypto-config.yaml" --output="$CRYPTO" >"$ARTIFACTS/cryptogen.log" 2>&1 \
    || die "cryptogen failed: $(tail -n 5 "$ARTIFACTS/cryptogen.log")"
  echo "$h" >"$ARTIFACTS/crypto.hash"
}

ensure_block() {
  local h; h="$(inputs_hash "$GEN/configtx.yaml" "$ARTIFACTS/crypto.hash")"
  if [ -f "$BLOCK" ] && [ "$(cat "$ARTIFACTS/block.hash" 2>/dev/null)" = "$h" ]; then
    log "channel genesis block exists ($BLOCK)"; return
  fi
  [ ! -d "$RUNTIME/peers" ] || die "the channel configuration changed (network/organisations.json or configtx.template.yaml) but ledgers exist in $RUNTIME: run 'down' first"
  check_generated
  log "generating the genesis block of channel '$CHANNEL_NAME' (SmartBFT) ..."
  cp "$GEN/configtx.yaml" "$ARTIFACTS/configtx.yaml"
  "$FABRIC_BIN/configtxgen" -configPath "$ARTIFACTS" -profile CarbonChannelBFT -channelID "$CHANNEL_NAME" \
    -outputBlock "$BLOCK" >"$ARTIFACTS/configtxgen.log" 2>&1 || die "configtxgen failed: $(tail -n 5 "$ARTIFACTS/configtxgen.log")"
  echo "$h" >"$ARTIFACTS/block.hash"
}

# The CCaaS package: metadata.json {"type":"ccaas"} + code.tar.gz holding connection.json, whose
# address is the template {{.ccaddr}} filled by the builder from CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG.
# Built reproducibly (sorted entries, fixed mtimes and owners, gzip -n): same inputs, same package id.
ensure_package() {
  if [ -f "$CC_PKG" ] && [ -s "$CC_PKGID_FILE" ]; then
    CC_PKGID="$(cat "$CC_PKGID_FILE")"; log "chaincode package exists ($CC_PKGID)"; return
  fi
  local tmp; tmp="$(mktemp -d)"
  jq -n --rawfile root "$(ccaas_tls_dir)/ca.crt" '{
      address: "{{.ccaddr}}", dial_timeout: "10s",
      tls_required: true, client_auth_required: false, root_cert: $root }' >"$tmp/connection.json"
  jq -n --arg lbl "$CC_LABEL" '{"type": "ccaas", "label": $lbl}' >"$tmp/metadata.json"
  local tarflags=(--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=ustar)
  tar "${tarflags[@]}" -C "$tmp" -cf - connection.json | gzip -n >"$tmp/code.tar.gz"
  tar "${tarflags[@]}" -C "$tmp" -cf - metadata.json code.tar.gz | gzip -n >"$CC_PKG"
  rm -rf "$tmp"
  CC_PKGID="$(FABRIC_CFG_PATH="$FABRIC_HOME/config" "$FABRIC_BIN/peer" lifecycle chaincode calculatepackageid "$CC_PKG")"
  echo "$CC_PKGID" >"$CC_PKGID_FILE"
  log "chaincode package built: $CC_PKGID"
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
  start_proc "$o" "$FABRIC_BIN/orderer" \
    FABRIC_CFG_PATH="$FABRIC_HOME/config" \
    FABRIC_LOGGING_SPEC="${CARBON_ORDERER_LOGGING:-info:orderer.common.broadcast=error:grpc,comm.grpc.server=warning}" \
    ORDERER_GENERAL_LISTENADDRESS="$HOST" ORDERER_GENERAL_LISTENPORT="${ORDERER_PORT[$o]}" \
    ORDERER_GENERAL_LOCALMSPID="$ORDERER_MSP" ORDERER_GENERAL_LOCALMSPDIR="$dir/msp" \
    ORDERER_GENERAL_TLS_ENABLED=true \
    ORDERER_GENERAL_TLS_PRIVATEKEY="$dir/tls/server.key" ORDERER_GENERAL_TLS_CERTIFICATE="$dir/tls/server.crt" \
    ORDERER_GENERAL_TLS_ROOTCAS="[$dir/tls/ca.crt]" \
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$dir/tls/server.crt" \
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$dir/tls/server.key" \
    ORDERER_GENERAL_BOOTSTRAPMETHOD=none \
    ORDERER_FILELEDGER_LOCATION="$data/ledger" \
    ORDERER_CONSENSUS_WALDIR="$data/wal" ORDERER_CONSENSUS_SNAPDIR="$data/snapshot" \
    ORDERER_CHANNELPARTICIPATION_ENABLED=true \
    ORDERER_ADMIN_LISTENADDRESS="$HOST:${ORDERER_ADMIN_PORT[$o]}" ORDERER_ADMIN_TLS_ENABLED=true \
    ORDERER_ADMIN_TLS_CERTIFICATE="$dir/tls/server.crt" ORDERER_ADMIN_TLS_PRIVATEKEY="$dir/tls/server.key" \
    ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$dir/tls/ca.crt]" \
    ORDERER_OPERATIONS_LISTENADDRESS="$HOST:${ORDERER_OPS_PORT[$o]}" ORDERER_METRICS_PROVIDER=prometheus \
    -- start
}

start_peer() {
  local org="$1" dir; dir="$(peer_dir "$1")"
  local port; port="$(port_of "$org" PEER_PORT)"
  local data="$RUNTIME/peers/$org"; mkdir -p "$data"
  start_proc "peer-$org" "$FABRIC_BIN/peer" \
    FABRIC_CFG_PATH="$RUNTIME/config" \
    FABRIC_LOGGING_SPEC="${CARBON_PEER_LOGGING:-info:grpc,comm.grpc.server=warning}" \
    CORE_PEER_ID="$(peer_host "$org")" CORE_PEER_NETWORKID=carbon \
    CORE_PEER_LISTENADDRESS="$HOST:$port" CORE_PEER_ADDRESS="$HOST:$port" \
    CORE_PEER_CHAINCODELISTENADDRESS="$HOST:$(port_of "$org" PEER_CC_PORT)" \
    CORE_PEER_CHAINCODEADDRESS="$HOST:$(port_of "$org" PEER_CC_PORT)" \
    CORE_PEER_GOSSIP_BOOTSTRAP="$HOST:$port" CORE_PEER_GOSSIP_EXTERNALENDPOINT="$HOST:$port" \
    CORE_PEER_GOSSIP_RECONNECTINTERVAL=2s \
    CORE_PEER_LOCALMSPID="${ORG_MSP[$org]}" CORE_PEER_MSPCONFIGPATH="$dir/msp" \
    CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_CLIENTAUTHREQUIRED=false \
    CORE_PEER_TLS_CERT_FILE="$dir/tls/server.crt" CORE_PEER_TLS_KEY_FILE="$dir/tls/server.key" \
    CORE_PEER_TLS_ROOTCERT_FILE="$dir/tls/ca.crt" \
    CORE_PEER_TLS_CLIENTCERT_FILE="$dir/tls/server.crt" CORE_PEER_TLS_CLIENTKEY_FILE="$dir/tls/server.key" \
    CORE_PEER_FILESYSTEMPATH="$data" CORE_LEDGER_SNAPSHOTS_ROOTDIR="$data/snapshots" \
    CORE_LEDGER_STATE_STATEDATABASE=goleveldb \
    CORE_OPERATIONS_LISTENADDRESS="$HOST:$(port_of "$org" PEER_OPS_PORT)" CORE_METRICS_PROVIDER=prometheus \
    CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG="{\"ccaddr\":\"$HOST:$CHAINCODE_SERVER_PORT\"}" \
    -- node start
}

# One JVM serves every peer. The shim 2.5.10 server takes its TLS key pair from
# CORE_TLS_CLIENT_KEY_FILE / CORE_TLS_CLIENT_CERT_FILE (PEM files); its start-up validation also
# insists on CORE_TLS_CLIENT_KEY_PATH / CORE_TLS_CLIENT_CERT_PATH (base64 of the PEM) and
# CORE_PEER_TLS_ROOTCERT_FILE, which only the client mode uses. No client authentication.
start_chaincode() {
  local tls; tls="$(ccaas_tls_dir)"
  local d="$RUNTIME/chaincode"; mkdir -p "$d"
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
  start_proc chaincode "$java" \
    CHAINCODE_SERVER_ADDRESS="$HOST:$CHAINCODE_SERVER_PORT" CORE_CHAINCODE_ID_NAME="$CC_PKGID" \
    CORE_PEER_TLS_ENABLED=true \
    CORE_TLS_CLIENT_KEY_FILE="$tls/server.key" CORE_TLS_CLIENT_CERT_FILE="$tls/server.crt" \
    CORE_TLS_CLIENT_KEY_PATH="$d/server.key.b64" CORE_TLS_CLIENT_CERT_PATH="$d/server.crt.b64" \
    CORE_PEER_TLS_ROOTCERT_FILE="$tls/ca.crt" \
    CORE_CHAINCODE_LOGGING_LEVEL="${CARBON_CC_LOGGING:-INFO}" \
    -- ${CARBON_CC_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError} $cds -jar "$d/chaincode-server.jar"
}

# ---------------------------------------------------------------------------------------------
# channel and chaincode

osnadmin() {
  local o="$1"; shift
  local adm; adm="$(orderer_admin_dir)"
  "$FABRIC_BIN/osnadmin" channel "$@" -o "$HOST:${ORDERER_ADMIN_PORT[$o]}" --ca-file "$(orderer_tlsca)" \
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
      n="$(curl -sf "http://$HOST:$(port_of "$org" PEER_OPS_PORT)/metrics" 2>/dev/null \
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
         | jq -e --arg id "$CC_PKGID" '.installed_chaincodes // [] | any(.package_id == $id)' >/dev/null; then continue; fi
    ( out="$(peer_cli "$org" lifecycle chaincode install "$CC_PKG" 2>&1)" || { echo "$org: $out" >&2; exit 1; } ) &
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
    ( out="$(peer_cli "$org" lifecycle chaincode approveformyorg "${def[@]}" --package-id "$CC_PKGID" \
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

# A query through every peer, one peer after the other: each peer opens its stream to the
# chaincode server on its first invocation. They must not connect at the same time: the Java shim
# (2.5.10) keeps the register/ready handshake state in one object shared by all connections of the
# server, so concurrent (re)connections make it drop messages and the peer's invocation then hangs
# until chaincode.executetimeout (30 s; seen here when warming up the peers in parallel).
query_until_ok() { # query_until_ok ORG DEADLINE
  local out
  until out="$(peer_cli "$1" chaincode query -C "$CHANNEL_NAME" -n "$CC_NAME" -c "$CC_READY_ARGS" 2>&1)"; do
    proc_ours chaincode || { echo "the chaincode server exited; last log lines:
$(tail -n 20 "$LOGS/chaincode.log")" >&2; return 1; }
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
      --arg ep "$HOST:$(port_of "$org" PEER_PORT)" --arg host "$(peer_host "$org")" \
      --arg tlsroot "$pd/tls/ca.crt" --arg ops "$HOST:$(port_of "$org" PEER_OPS_PORT)" \
      --arg cacert "$od/ca/ca.$(org_domain "$org")-cert.pem" --arg cakey "$od/ca/priv_sk" \
      --arg tlscacert "$od/tlsca/tlsca.$(org_domain "$org")-cert.pem" --arg tlscakey "$od/tlsca/priv_sk" \
      --arg admcert "$ad/msp/signcerts/Admin@$(org_domain "$org")-cert.pem" --arg admkey "$ad/msp/keystore/priv_sk" \
      --arg mspdir "$od/msp" \
      '. + [{name: $name, mspId: $msp, domain: $domain,
             peer: {endpoint: $ep, hostnameOverride: $host, tlsRootCert: $tlsroot, operations: $ops},
             ca: {cert: $cacert, key: $cakey},
             tlsCa: {cert: $tlscacert, key: $tlscakey},
             admin: {cert: $admcert, key: $admkey},
             mspDir: $mspdir,
             nodeOUs: {client: "client", peer: "peer", admin: "admin", orderer: "orderer"}}]' <<<"$orgs")"
  done
  for o in "${ORDERERS[@]}"; do
    ords="$(jq --arg name "$o" --arg ep "$HOST:${ORDERER_PORT[$o]}" --arg adm "$HOST:${ORDERER_ADMIN_PORT[$o]}" --arg host "$(orderer_host "$o")" \
      --arg tlsroot "$(orderer_tlsca)" \
      '. + [{name: $name, endpoint: $ep, adminEndpoint: $adm, hostnameOverride: $host, tlsRootCert: $tlsroot}]' <<<"$ords")"
  done
  jq -n --argjson orgs "$orgs" --argjson ords "$ords" --arg ch "$CHANNEL_NAME" --arg cc "$CC_NAME" \
    --arg ver "$CC_VERSION" --argjson seq "$CC_SEQUENCE" --arg pol "$CC_ENDORSEMENT_POLICY" --arg pkg "$CC_PKGID" \
    --arg ccaddr "$HOST:$CHAINCODE_SERVER_PORT" --arg runtime "$RUNTIME" --arg artifacts "$ARTIFACTS" \
    --arg fabric "$FABRIC_HOME" --arg ordmsp "$ORDERER_MSP" \
    '{schemaVersion: 1, channel: $ch,
      chaincode: {name: $cc, version: $ver, sequence: $seq, endorsementPolicy: $pol, packageId: $pkg, server: $ccaddr},
      organizations: $orgs,
      orderer: {mspId: $ordmsp, consensus: "BFT", nodes: $ords},
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
  for c in jq yq curl setsid java; do command -v "$c" >/dev/null || die "$c not found on PATH"; done
  local resumed=no; [ -d "$RUNTIME/peers" ] && resumed=yes
  log "starting the carbon network (runtime $RUNTIME, artifacts $ARTIFACTS, resume: $resumed)"
  fabric_home
  log "Fabric: $FABRIC_HOME ($(cut -d' ' -f1 "$FABRIC_HOME/VERSION" 2>/dev/null))"
  mkdir -p "$LOGS" "$PIDS"
  build_jar_if_missing
  generate_config
  ensure_crypto
  ensure_block
  ensure_package
  # The JVM's start-up (classpath scan of the contract router) is the longest step: start it first.
  if [ -z "${MVN_PID:-}" ]; then start_chaincode; log "started the chaincode server JVM ($CC_JAR)"; fi
  write_core_yaml
  for o in "${ORDERERS[@]}"; do start_orderer "$o"; done
  for org in "${ORGS[@]}"; do start_peer "$org"; done
  log "started ${#ORDERERS[@]} orderers and ${#ORGS[@]} peers"
  for o in "${ORDERERS[@]}"; do wait_http_ok "http://$HOST:${ORDERER_OPS_PORT[$o]}/healthz" "$o" 60; done
  log "orderers healthy"
  for org in "${ORGS[@]}"; do wait_http_ok "http://$HOST:$(port_of "$org" PEER_OPS_PORT)/healthz" "peer-$org" 60; done
  log "peers healthy"

  join_orderers
  join_peers
  install_chaincode
  approve_and_commit
  if [ -n "${MVN_PID:-}" ]; then wait_jar; start_chaincode; log "started the chaincode server JVM ($CC_JAR)"; fi
  wait_port "$CHAINCODE_SERVER_PORT" chaincode 120
  log "chaincode server listening on $HOST:$CHAINCODE_SERVER_PORT"
  wait_query
  wait_discovery
  write_network_json
  log "READY in $(elapsed) s: channel '$CHANNEL_NAME', chaincode '$CC_NAME' ($CC_PKGID); description: $RUNTIME/network.json"
}

cmd_down() {
  local mode="${1:-}" n pid sig
  case "$mode" in ""|--keep|--purge) ;; *) die "usage: network.sh down [--keep|--purge]";; esac
  local names=(chaincode); for n in "${ORGS[@]}"; do names+=("peer-$n"); done; names+=("${ORDERERS[@]}")
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
  CC_PKGID="$(cat "$CC_PKGID_FILE")"
  local pid; pid="$(proc_pid chaincode)"
  if proc_ours chaincode; then
    kill -TERM "$pid"
    local deadline=$(( $(date +%s) + 15 ))
    while pid_alive "$pid" && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.1; done
    pid_alive "$pid" && kill -KILL "$pid"
    log "stopped the chaincode server ($pid)"
  fi
  if [ "${1:-}" = --build ]; then
    [ -z "${CARBON_CHAINCODE_JAR:-}" ] || die "--build with CARBON_CHAINCODE_JAR set"
    build_jar_bg; wait_jar
  fi
  [ -f "$CC_JAR" ] || die "no chaincode jar at $CC_JAR"
  start_chaincode
  log "started the chaincode server JVM ($CC_JAR)"
  wait_port "$CHAINCODE_SERVER_PORT" chaincode 120
  wait_query
  log "chaincode restarted in $(elapsed) s"
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

case "${1:-}" in
  up) cmd_up ;;
  down) shift; cmd_down "${1:-}" ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  cc-restart) shift; cmd_cc_restart "${1:-}" ;;
  *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2 ;;
esac
