#!/usr/bin/env bash
# Builds the Hyperledger Fabric tools (peer, orderer, configtxgen, configtxlator, osnadmin, cryptogen)
# from the Go module proxy into a cache outside the repository, keyed by version. A second run finds
# the binaries and returns at once; a cached build that lacks a tool added to TOOLS later (e.g.
# configtxlator, for the channel configuration updates of scripts/network-onboard.sh) gets only
# that tool, built from the same Fabric version. Prints the Fabric home directory on its last line.
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
TOOLS=(peer orderer configtxgen configtxlator osnadmin cryptogen)

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

# A cached build that misses only some tools (TOOLS grew since it was made) is completed with the
# same version rather than replaced by another candidate: all tools of one home come from one commit.
for c in "${CANDIDATES[@]}"; do
  home="$CACHE_ROOT/fabric-${c%%|*}"
  if [ -x "$home/bin/peer" ] && [ -f "$home/VERSION" ]; then
    log "Fabric ${c%%|*} cached in $home without $(for t in "${TOOLS[@]}"; do [ -x "$home/bin/$t" ] || printf '%s ' "$t"; done)- building the missing tools"
    CANDIDATES=("$c"); break
  fi
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
    [ -x "$home/bin/peer" ] || rm -rf "$home"   # never delete a cached build
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
    [ -x "$home/bin/$t" ] && continue
    log "building $t ($label) ... $(( $(date +%s) - start ))s so far"
    (cd "$work" && CGO_ENABLED=1 go build -trimpath -o "$home/bin/$t" "github.com/hyperledger/fabric/cmd/$t")
  done
  src="$(cd "$work" && go list -m -f '{{.Dir}}' github.com/hyperledger/fabric)"
  # Fabric's shipped defaults, used as an operator uses a release's config/ directory.
  # (Kept when present: running networks read them; completing a cached build must not rewrite them.)
  for f in core.yaml orderer.yaml; do
    [ -f "$home/config/$f" ] || { cp "$src/sampleconfig/$f" "$home/config/"; chmod u+w "$home/config/$f"; }
  done
  echo "$label $version" >"$home/VERSION"
  complete "$home" || { echo "install-fabric: tools missing after the build in $home" >&2; exit 1; }
  log "Fabric $label built in $(( $(date +%s) - start ))s into $home"
  echo "$home"
  exit 0
done
echo "install-fabric: no Fabric version could be resolved through the Go module proxy (tried: ${CANDIDATES[*]})" >&2
exit 1
