#!/usr/bin/env bash
# Builds the Hyperledger Fabric tools (peer, orderer, configtxgen, osnadmin, cryptogen) from the Go
# module proxy into a cache outside the repository, keyed by version. A second run finds the
# binaries and returns at once. Prints the Fabric home directory on its last line.
#
# Version choice: the pinned v3.1.5 commit first, then the v2.5.16 LTS commit; the Go module proxy
# reachable from these machines answers 403 for both (see README, "Fabric version"), so the script
# falls back to the newest Fabric 3 commit the proxy serves (main after v3.1.4, 2026-04-23).
set -euo pipefail

CANDIDATES=(
  "v3.1.5|86c1172bec37e6590c6b1ae6f847833df48d65fc"
  "v2.5.16|f871cf92a026aba7b12e6f06d71ded3e6e659d71"
  "main-2190a1c8e067|v1.4.0-rc1.0.20260423151550-2190a1c8e067"
)
if [ -n "${FABRIC_VERSION:-}" ]; then CANDIDATES=("custom|$FABRIC_VERSION"); fi
CACHE_ROOT="${CARBON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/carbon-registry}"
TOOLS=(peer orderer configtxgen osnadmin cryptogen)

log() { printf '[install-fabric %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

command -v go >/dev/null 2>&1 || { echo "install-fabric: Go toolchain not found on PATH (need Go >= 1.26)" >&2; exit 1; }

complete() {
  local home="$1"
  for t in "${TOOLS[@]}"; do [ -x "$home/bin/$t" ] || return 1; done
  [ -f "$home/config/core.yaml" ] && [ -f "$home/config/orderer.yaml" ]
}

# A cached build of any candidate, in order of preference, is used as it is.
for c in "${CANDIDATES[@]}"; do
  home="$CACHE_ROOT/fabric-${c%%|*}"
  if complete "$home"; then log "Fabric ${c%%|*} cached in $home"; echo "$home"; exit 0; fi
done

start=$(date +%s)
for c in "${CANDIDATES[@]}"; do
  label="${c%%|*}"; version="${c#*|}"
  home="$CACHE_ROOT/fabric-$label"
  work="$home/src"
  mkdir -p "$work" "$home/bin" "$home/config"
  log "resolving github.com/hyperledger/fabric@$version ($label) through $(go env GOPROXY | cut -d, -f1) ..."
  if ! (cd "$work" && GOFLAGS=-mod=mod go mod download -json "github.com/hyperledger/fabric@$version" >"$work/download.json" 2>"$work/download.err"); then
    log "not served: $(grep -m1 -o 'server response:.*\|invalid version.*' "$work/download.err" "$work/download.json" 2>/dev/null | head -n1)"
    rm -rf "$home"
    continue
  fi
  cat >"$work/go.mod" <<MOD
module carbonregistry/fabricbuild

go 1.26

require github.com/hyperledger/fabric $version
MOD
  printf '//go:build tools\n\npackage tools\n\n' >"$work/tools.go"
  for t in "${TOOLS[@]}"; do printf 'import _ "github.com/hyperledger/fabric/cmd/%s"\n' "$t" >>"$work/tools.go"; done
  log "resolving Fabric's dependencies (first run: a few minutes) ..."
  (cd "$work" && go mod tidy >"$work/tidy.log" 2>&1) || { log "go mod tidy failed:"; tail -5 "$work/tidy.log" >&2; exit 1; }
  for t in "${TOOLS[@]}"; do
    log "building $t ($label) ... $(( $(date +%s) - start ))s so far"
    (cd "$work" && CGO_ENABLED=1 go build -trimpath -o "$home/bin/$t" "github.com/hyperledger/fabric/cmd/$t")
  done
  src="$(cd "$work" && go list -m -f '{{.Dir}}' github.com/hyperledger/fabric)"
  # Fabric's shipped defaults, used as an operator uses a release's config/ directory.
  cp "$src/sampleconfig/core.yaml" "$src/sampleconfig/orderer.yaml" "$home/config/"
  chmod u+w "$home/config/"*
  echo "$label $version" >"$home/VERSION"
  complete "$home" || { echo "install-fabric: tools missing after the build in $home" >&2; exit 1; }
  log "Fabric $label built in $(( $(date +%s) - start ))s into $home"
  echo "$home"
  exit 0
done
echo "install-fabric: no Fabric version could be resolved through the Go module proxy (tried: ${CANDIDATES[*]})" >&2
exit 1
