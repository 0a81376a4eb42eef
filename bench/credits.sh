#!/usr/bin/env bash
# Credit ledger benchmark on MariaDB: deductions per second with 32 concurrent workers on one hot account and spread
# over 1,000 accounts, then the ledger invariants; first as service calls, then the same end to end through the real
# host's MCP server (deduct_credit, one MCP client per account). Arguments go to the bench (--seconds N, --workers N, --accounts N,
# --warmup N, --seed N). Uses the server of ADPILOT_BENCH_MYSQL when set (a MySqlConnector connection string without
# Database); otherwise starts its own MariaDB on a free loopback port in a temporary directory, configured as test.sh
# does, and stops it afterwards. Extra build arguments can be given in ADPILOT_BENCH_BUILD_ARGS (e.g. --no-dependencies).
# Exit code: the bench's (non-zero when an invariant is violated), or 2 when setup fails.
set -uo pipefail
cd "$(dirname "$0")/.."

BENCH_NAME=credits.sh
# shellcheck source=bench/mariadb.sh
. bench/mariadb.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building"
# shellcheck disable=SC2086 # ADPILOT_BENCH_BUILD_ARGS is a list of arguments
dotnet build bench/AdPilot.Bench.Credits -c Release -nologo -v quiet ${ADPILOT_BENCH_BUILD_ARGS:-} || { log "build failed"; exit 2; }
# The MCP cases run the same load through the real host's /mcp (a child process over the same database).
# shellcheck disable=SC2086
dotnet build src/AdPilot.Web -c Release -nologo -v quiet ${ADPILOT_BENCH_BUILD_ARGS:-} || { log "build failed"; exit 2; }
dotnet bench/AdPilot.Bench.Credits/bin/Release/net10.0/AdPilot.Bench.Credits.dll --host src/AdPilot.Web/bin/Release/net10.0/AdPilot.Web.dll "$@"
