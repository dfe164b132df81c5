# Shared definitions of the carbon Fabric network, sourced by scripts/network.sh and
# scripts/network-policy-check.sh (not executable on its own).
#
# Locations (all outside the repository):
#   CARBON_RUNTIME    processes' data, logs, PID files, generated core.yaml, network.json
#                     (default /tmp/carbon-fabric; removed by `network.sh down`)
#   CARBON_ARTIFACTS  crypto material, channel genesis block, chaincode package; kept across
#                     down/up so certificates issued from the org CAs stay valid
#                     (default ~/.cache/carbon-registry/network; removed by `down --purge`)
#   CARBON_CHAINCODE_JAR  the chaincode server jar (default chaincode/target/chaincode-server.jar)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NET_DIR="$REPO_ROOT/network"
RUNTIME="${CARBON_RUNTIME:-/tmp/carbon-fabric}"
ARTIFACTS="${CARBON_ARTIFACTS:-${XDG_CACHE_HOME:-$HOME/.cache}/carbon-registry/network}"
CRYPTO="$ARTIFACTS/crypto"
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

# Organisations: key -> display name, MSP id, domain. The key's upper case prefixes the ports.
ORGS=(mee registry exchange provincehb provincegd)
declare -A ORG_NAME=([mee]=MEE [registry]=Registry [exchange]=Exchange [provincehb]=ProvinceHB [provincegd]=ProvinceGD)
declare -A ORG_MSP=([mee]=MEEMSP [registry]=RegistryMSP [exchange]=ExchangeMSP [provincehb]=ProvinceHBMSP [provincegd]=ProvinceGDMSP)
ORDERERS=(orderer0 orderer1 orderer2 orderer3)
ORDERER_DOMAIN=orderer.carbon.local
CCAAS_DOMAIN=ccaas.carbon.local

org_domain() { echo "$1.carbon.local"; }
port_of() { local v="${1^^}_$2"; echo "${!v}"; }          # port_of mee PEER_PORT
peer_host() { echo "peer0.$(org_domain "$1")"; }
peer_dir() { echo "$CRYPTO/peerOrganizations/$(org_domain "$1")/peers/$(peer_host "$1")"; }
org_dir() { echo "$CRYPTO/peerOrganizations/$(org_domain "$1")"; }
admin_dir() { echo "$(org_dir "$1")/users/Admin@$(org_domain "$1")"; }
orderer_host() { echo "$1.$ORDERER_DOMAIN"; }
orderer_dir() { echo "$CRYPTO/ordererOrganizations/$ORDERER_DOMAIN/orderers/$1.$ORDERER_DOMAIN"; }
orderer_admin_dir() { echo "$CRYPTO/ordererOrganizations/$ORDERER_DOMAIN/users/Admin@$ORDERER_DOMAIN"; }
orderer_tlsca() { echo "$CRYPTO/ordererOrganizations/$ORDERER_DOMAIN/tlsca/tlsca.$ORDERER_DOMAIN-cert.pem"; }
ccaas_tls_dir() { echo "$CRYPTO/peerOrganizations/$CCAAS_DOMAIN/peers/registry.$CCAAS_DOMAIN/tls"; }

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
  env FABRIC_CFG_PATH="$RUNTIME/config" \
      FABRIC_LOGGING_SPEC="${CARBON_CLI_LOGGING:-warning}" \
      CORE_PEER_LOCALMSPID="${ORG_MSP[$org]}" \
      CORE_PEER_MSPCONFIGPATH="${CLI_MSP_DIR:-$(admin_dir "$org")/msp}" \
      CORE_PEER_ADDRESS="$HOST:$(port_of "$org" PEER_PORT)" \
      CORE_PEER_TLS_ENABLED=true \
      CORE_PEER_TLS_ROOTCERT_FILE="$(peer_dir "$org")/tls/ca.crt" \
      "$FABRIC_BIN/peer" "$@"
}

# Orderer connection flags for peer CLI commands that submit transactions.
orderer_flags() { echo "-o $HOST:$ORDERER0_PORT --tls --cafile $(orderer_tlsca)"; }

# --peerAddresses/--tlsRootCertFiles flags for the given orgs.
peer_flags() {
  local o
  for o in "$@"; do
    printf -- '--peerAddresses %s --tlsRootCertFiles %s ' "$HOST:$(port_of "$o" PEER_PORT)" "$(peer_dir "$o")/tls/ca.crt"
  done
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
