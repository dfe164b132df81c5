#!/usr/bin/env bash
# The one test command (README, .ci/run): every unit, contract and HTTP test on the embedded
# ledger, a schemathesis run against the gateway's /openapi.json, then the end-to-end suite on a
# real Fabric network that this script brings up and tears down: by default the production shape,
# one simulated host (network namespace) per organisation with its own keys, orderer and chaincode
# server (CARBON_LAYOUT=netns; needs root; CARBON_NS_PREFIX names the namespaces, default cn).
# Prints a progress line per long step.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
start=$(date +%s)
log() { printf '[test %s +%ss] %s\n' "$(date +%H:%M:%S)" "$(( $(date +%s) - start ))" "$*"; }

# Tools the network scripts use; present on these machines, installed when missing.
missing=()
for c in jq yq curl setsid python3 openssl ip; do command -v "$c" >/dev/null 2>&1 || missing+=("$c"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} (apt)"
  pkgs=(); for c in "${missing[@]}"; do case "$c" in setsid) pkgs+=(util-linux) ;; python3) pkgs+=(python3 python3-venv) ;; ip) pkgs+=(iproute2) ;; *) pkgs+=("$c") ;; esac; done
  (apt-get update -qq && apt-get install -y -qq "${pkgs[@]}") >/dev/null
fi
command -v mvn >/dev/null || { echo "test: Maven (mvn) not found" >&2; exit 1; }
command -v java >/dev/null || { echo "test: Java 17 not found" >&2; exit 1; }

log "1/6 building the Fabric tools from the Go module proxy (cached after the first run)"
scripts/install-fabric.sh >/dev/null

log "installing chromium for the page test (cached)"; scripts/install-chromium.sh
log "2/6 unit, contract, property and HTTP tests on the embedded ledger (with the authorisation matrix and the crash tests); building the jars"
mvn -B -ntp install

log "3/6 schemathesis against /openapi.json, two identities, fixed seed (any 5xx or answer off the description fails)"
scripts/fuzz.sh

export CARBON_RUNTIME="${CARBON_RUNTIME:-/tmp/carbon-fabric}"
export CARBON_LAYOUT="${CARBON_LAYOUT:-netns}"
export CARBON_NS_PREFIX="${CARBON_NS_PREFIX:-cn}"
# CARBON_MACHINE_LOCK=<file>: hold that lock (flock) from here to the end, so that on a shared
# machine only one Fabric network runs at a time while the builds above run freely.
if [ -n "${CARBON_MACHINE_LOCK:-}" ]; then
  log "waiting for the machine lock $CARBON_MACHINE_LOCK"
  exec 9>>"$CARBON_MACHINE_LOCK"; flock 9
  log "machine lock taken"
fi
# The suite needs a fresh ledger (it closes compliance years): a network left up is reset.
if scripts/network.sh status >/dev/null 2>&1; then
  log "4/6 resetting the Fabric network that was up in $CARBON_RUNTIME"
  scripts/network.sh down >/dev/null
fi
log "4/6 bringing up the Fabric network ($CARBON_LAYOUT: 7 organisations each with its own keys and peer — the Audit organisation and the settlement Bank among them —, 4 SmartBFT orderers run by MEE, Registry, Exchange and ProvinceHB, chaincode as a service)"
trap 'log "tearing the Fabric network down"; scripts/network.sh down >/dev/null 2>&1 || true' EXIT
scripts/network.sh up
scripts/network.sh status
scripts/org-keys-check.sh
scripts/org-keys-check.sh --self-test
scripts/network-policy-check.sh

log "5/6 the end-to-end suite on the real Fabric network (gateway in Fabric mode)"
# In the netns layout the gateways under test run on the operator's host (<prefix>-ops), which
# reaches the organisations' hosts only through the simulated LAN (no network there: Maven offline).
in_ops=(); [ "$CARBON_LAYOUT" = netns ] && in_ops=(scripts/network.sh in ops)
"${in_ops[@]}" mvn -B -ntp -o -pl gateway-app failsafe:integration-test failsafe:verify \
  -Dfabric.network="$CARBON_RUNTIME/network.json"

log "6/6 operations and faults on the running network: back up and restore a peer (snapshot vs replay), upgrade the chaincode while writes flow, onboard ProvinceSD into the running channel (a config update signed by a majority of admins, a snapshot join), then kill -9 orderers, a peer, a chaincode server, cut a host off"
scripts/network-backup-check.sh
scripts/network-upgrade-check.sh
scripts/network-onboard-check.sh
scripts/network-fault-check.sh
scripts/network.sh status | tail -n 2

log "all tests passed in $(( $(date +%s) - start ))s"
