#!/usr/bin/env bash
# DvP settlement with the settlement bank (the exchange posts, the bank confirms: post → settled, two
# transactions) and pre-trade reservations (reserve; reserve then a trade citing it) beside
# single-step settlement, disjoint accounts, through the REST gateway on the embedded ledger and on
# the real Fabric network in the same run. Brings the network up if it is not (and down afterwards).
#   scripts/dvp-bench.sh [--trades 200] [--concurrency 16]
exec "$(dirname "$0")/benchmark.sh" --dvp "$@"
