#!/usr/bin/env bash
# Keys stay home: checks the organisations' directories made by scripts/org.sh <org> init.
#   1. every private key in orgs/<org>/ belongs to a certificate in orgs/<org>/ issued by <org>'s own
#      CA or TLS CA as <org> published them (or is the key of one of those CAs);
#   2. no private key is in two organisations' directories;
#   3. public/ holds no private key, and each organisation published its CA and TLS CA.
#
#   scripts/org-keys-check.sh [ARTIFACTS_DIR]   (default: network.sh's, $CARBON_ARTIFACTS or ~/.cache/carbon-registry/network)
#   scripts/org-keys-check.sh --self-test       plants another organisation's key in a copy of the
#                                               artifacts and expects the check to fail
# Prints "KEYS-CHECK PASS: ..." or the problems and "KEYS-CHECK FAIL"; exit status 0 / 1.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The artifacts directory network.sh uses (ARTIFACTS: $CARBON_ARTIFACTS or its default).
# shellcheck source=network-lib.sh
. "$here/network-lib.sh"

if [ "${1:-}" = --self-test ]; then
  src="$ARTIFACTS"
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  cp -r "$src/orgs" "$src/public" "$tmp/"
  a="$(ls "$tmp/orgs" | head -n1)"; b="$(ls "$tmp/orgs" | sed -n 2p)"
  key="$(grep -rl 'PRIVATE KEY' "$tmp/orgs/$b/crypto" | grep '/peers/.*/keystore/' | head -n1)"
  cert="$(ls "$(dirname "$key")/../signcerts/"*.pem)"
  mkdir -p "$tmp/orgs/$a/stray"; cp "$key" "$tmp/orgs/$a/stray/priv_sk"; cp "$cert" "$tmp/orgs/$a/stray/cert.pem"
  if out="$("$0" "$tmp")"; then echo "$out"; echo "KEYS-CHECK SELF-TEST FAIL: $b's peer key planted in $a's directory was not caught"; exit 1; fi
  echo "KEYS-CHECK SELF-TEST PASS: $b's peer key planted in $a's directory is caught: $(grep -m1 stray <<<"$out" | cut -c1-200)"
  exit 0
fi

dir="${1:-$ARTIFACTS}"
[ -d "$dir/orgs" ] && [ -d "$dir/public" ] || { echo "no orgs/ and public/ in $dir (scripts/org.sh <org> init)"; echo "KEYS-CHECK FAIL"; exit 1; }
problems=()
pubkey() { openssl pkey -in "$1" -pubout 2>/dev/null | sha256sum | cut -c1-32; }
certkey() { openssl x509 -in "$1" -noout -pubkey 2>/dev/null | sha256sum | cut -c1-32; }

declare -A OWNER   # public key digest -> org whose directory holds the private key
nkeys=0
for home in "$dir"/orgs/*/; do
  org="$(basename "$home")"
  cas=("$dir/public/$org"/msp/cacerts/*.pem "$dir/public/$org"/msp/tlscacerts/*.pem)
  for c in "${cas[@]}"; do [ -f "$c" ] || problems+=("$org published no CA / TLS CA certificate ($c)"); done
  cat "${cas[@]}" >"$home/.trust.pem" 2>/dev/null
  declare -A CERT_OF=()
  while IFS= read -r c; do
    k="$(certkey "$c")"; [ -n "$k" ] && CERT_OF[$k]="$c"
  done < <(grep -rl --include='*.pem' --include='*.crt' 'BEGIN CERTIFICATE' "$home")
  while IFS= read -r key; do
    nkeys=$((nkeys + 1))
    k="$(pubkey "$key")"; rel="${key#"$dir"/}"
    if [ -n "${OWNER[$k]:-}" ] && [ "${OWNER[$k]}" != "$org" ]; then problems+=("$rel: the same key is in ${OWNER[$k]}'s directory"); fi
    OWNER[$k]="$org"
    c="${CERT_OF[$k]:-}"
    if [ -z "$c" ]; then problems+=("$rel: no certificate of $org for this key"); continue; fi
    if ! openssl verify -CAfile "$home/.trust.pem" "$c" >/dev/null 2>&1; then
      problems+=("$rel: its certificate ${c#"$dir"/} is not issued by $org's published CA or TLS CA")
    fi
  done < <(grep -rl 'PRIVATE KEY' "$home" | grep -v '/\.trust\.pem$')
  unset CERT_OF
  rm -f "$home/.trust.pem"
done
while IFS= read -r f; do problems+=("${f#"$dir"/}: a private key in the public material"); done \
  < <(grep -rl 'PRIVATE KEY' "$dir/public" 2>/dev/null)

if [ ${#problems[@]} -gt 0 ]; then printf '%s\n' "${problems[@]}"; echo "KEYS-CHECK FAIL"; exit 1; fi
echo "KEYS-CHECK PASS: $nkeys private keys in $(ls -d "$dir"/orgs/*/ | wc -l) organisations' directories, each of its own organisation's CA; none in public/"
