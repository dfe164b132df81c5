#!/usr/bin/env bash
# One organisation's own step: what an organisation of the carbon network runs on its own host.
#
#   scripts/org.sh <org> init      make the organisation's CA and TLS CA, its peer's, its orderers'
#                                  (if it runs any), its admin's and its chaincode server's keys and
#                                  certificates in its own directory ($CARBON_ARTIFACTS/orgs/<org>),
#                                  then publish what the others need (public/<org>: MSP certificates,
#                                  TLS CA certificate, NodeOU configuration, its orderers' enrollment
#                                  and TLS certificates, its roster entry). Idempotent.
#   scripts/org.sh <org> public    list the published files
#   scripts/org.sh <entry.json> init|public
#                                  the same for an organisation that is not in the genesis roster
#                                  (network/organisations.json): its own roster entry, e.g. a province
#                                  that joins the running channel (scripts/network-onboard.sh)
#
# <org> is the roster key (lower-case name: mee, registry, provincehb, ...). Nothing here reads
# another organisation's directory: keys stay home, only public material is exchanged to build the
# channel (scripts/network.sh reads public/ only). scripts/org-keys-check.sh verifies it.
set -euo pipefail
START_EPOCH="$(date +%s.%N)"
org="${1:-}"; cmd="${2:-}"
if [[ "$org" == *.json ]]; then
  [ -f "$org" ] || { echo "org.sh: no roster entry $org" >&2; exit 1; }
  export CARBON_ROSTER_EXTRA="$(cd "$(dirname "$org")" && pwd)/$(basename "$org")${CARBON_ROSTER_EXTRA:+:$CARBON_ROSTER_EXTRA}"
  org="$(jq -r '.name | ascii_downcase' "$org")"
fi
# shellcheck source=network-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/network-lib.sh"

if [ -n "${CARBON_ROSTER_EXTRA:-}" ]; then
  # An entry from outside the roster must fit it (unique names, MSP id, domain, address, ports).
  errs="$(roster_errors)" || die "cannot read the roster $ROSTER"
  [ -z "$errs" ] || die "the roster with $CARBON_ROSTER_EXTRA is invalid:
$errs"
fi
[ -n "$org" ] && [ -n "${ORG_NAME[$org]:-}" ] || die "usage: org.sh <org>|<entry.json> init|public  (<org>: ${ORGS[*]})"
home="$(org_home "$org")"
pub="$PUBLIC/$org"
dom="$(org_domain "$org")"

# issue_tls_server DIR CN: a TLS server key pair signed by the organisation's TLS CA, valid for CN,
# the organisation's address, 127.0.0.1 and localhost (DIR/server.key, server.crt, ca.crt).
issue_tls_server() {
  local dir="$1" cn="$2" tlsca; tlsca="$(org_dir "$org")/tlsca"
  mkdir -p "$dir"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/server.key" 2>/dev/null
  cat >"$dir/ext.cnf" <<EOF
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
subjectAltName=DNS:$cn,IP:${ORG_ADDRESS[$org]},IP:127.0.0.1,DNS:localhost
EOF
  openssl req -new -key "$dir/server.key" -subj "/C=CN/O=$dom/CN=$cn" -out "$dir/server.csr" 2>/dev/null
  openssl x509 -req -in "$dir/server.csr" -CA "$tlsca/tlsca.$dom-cert.pem" -CAkey "$tlsca/priv_sk" \
    -set_serial "0x$(openssl rand -hex 12)" -days 3650 -sha256 -extfile "$dir/ext.cnf" -out "$dir/server.crt" 2>/dev/null
  cp "$tlsca/tlsca.$dom-cert.pem" "$dir/ca.crt"
  rm -f "$dir/server.csr" "$dir/ext.cnf"
}

cmd_init() {
  command -v openssl >/dev/null || die "openssl not found"
  fabric_home
  local gen="$home/generated" h
  mkdir -p "$gen"
  org_crypto_config "$org" >"$gen/crypto-config.yaml"
  org_orderer_config "$org" >"$gen/orderer-config.yaml"
  h="$(cat "$gen/crypto-config.yaml" "$gen/orderer-config.yaml" | sha256sum | cut -c1-16)"
  if [ -d "$home/crypto" ] && [ "$(cat "$home/crypto.hash" 2>/dev/null)" = "$h" ] && [ -f "$pub/organisation.json" ]; then
    log "$org: keys and certificates exist ($home)"; return 0
  fi
  [ ! -d "$RUNTIME/peers/$org" ] || die "$org: its crypto configuration changed but its ledger exists in $RUNTIME: run 'network.sh down' first"
  log "$org: generating its CA, TLS CA and node identities in $home ..."
  rm -rf "$home/crypto" "$home/chaincode" "$pub"
  "$FABRIC_BIN/cryptogen" generate --config="$gen/crypto-config.yaml" --output="$home/crypto" >"$gen/cryptogen.log" 2>&1 \
    || die "cryptogen failed: $(tail -n 5 "$gen/cryptogen.log")"
  if [ -s "$gen/orderer-config.yaml" ]; then
    # The organisation's orderers get their certificates from the same CA and TLS CA (OU=orderer):
    # cryptogen extends an orderer organisation whose ca/ and tlsca/ already exist.
    local od="$home/crypto/ordererOrganizations/$dom"
    mkdir -p "$od"
    cp -r "$(org_dir "$org")/ca" "$(org_dir "$org")/tlsca" "$(org_dir "$org")/msp" "$od/"
    "$FABRIC_BIN/cryptogen" extend --input="$home/crypto" --config="$gen/orderer-config.yaml" >>"$gen/cryptogen.log" 2>&1 \
      || die "cryptogen extend (orderers) failed: $(tail -n 5 "$gen/cryptogen.log")"
    rm -rf "$od/ca" "$od/tlsca"   # the CA keys stay in one place
  fi
  issue_tls_server "$(ccaas_tls_dir "$org")" "$(ccaas_host "$org")"
  echo "$h" >"$home/crypto.hash"
  publish
  log "$org: initialised; published $(find "$pub" -type f | wc -l) public files in $pub"
}

# Only certificates and configuration leave the organisation's directory.
publish() {
  local src; src="$(org_dir "$org")/msp"
  rm -rf "$pub"; mkdir -p "$pub/msp"
  cp -r "$src/cacerts" "$src/tlscacerts" "$src/config.yaml" "$pub/msp/"
  local o d
  for o in "${ORDERERS[@]}"; do
    [ "${ORDERER_ORG[$o]}" = "$org" ] || continue
    d="$(orderer_dir "$o")"; mkdir -p "$pub/orderers/$o"
    cp "$d/msp/signcerts/$(orderer_host "$o")-cert.pem" "$pub/orderers/$o/cert.pem"
    cp "$d/tls/server.crt" "$pub/orderers/$o/tls.pem"
  done
  org_entry "$org" | jq . >"$pub/organisation.json"
  if find "$pub" -type f -exec grep -l 'PRIVATE KEY' {} + 2>/dev/null | grep . >/dev/null; then die "$org: a private key reached $pub"; fi
}

case "$cmd" in
  init) cmd_init ;;
  public) find "$pub" -type f | sort ;;
  *) die "usage: org.sh <org> init|public" ;;
esac
