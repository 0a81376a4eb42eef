#!/usr/bin/env bash
# Report queries benchmark on SQLite and MariaDB: seeds 20 accounts x 25 campaigns x 4 ad sets x 2 ads x 500 days
# (2,000,000 ad-day rows) per database, then prints p50/p95 of summary, metrics and breakdown over 7/30/90/365 days at
# each scope, as a service call and through the real host's HTTP API (started as a child process). Arguments go to the
# bench (--accounts N, --days N, --iterations N, --warmup N, --providers sqlite,mysql). Uses the server of
# ADPILOT_BENCH_MYSQL when set (a MySqlConnector connection string without Database); otherwise starts its own MariaDB
# on a free loopback port in a temporary directory, configured as test.sh does, and stops it afterwards. Extra build
# arguments can be given in ADPILOT_BENCH_BUILD_ARGS (e.g. --no-dependencies). Exit code: the bench's, or 2 when setup fails.
# Every measured process is warmed with rounds of all cases until steady before timing (--warmup-rounds, --warmup-seconds).
# A small, quick run: bench/reports.sh --accounts 2 --days 120 --iterations 10 --warmup-rounds 5 --windows 7,90
# Before/after: ADPILOT_BENCH_BEFORE=<git ref> (e.g. 02707ee) builds that commit's AdPilot.Web from `git archive` in a
# temporary directory and measures it through HTTP with the same cases, seed and warm-up, in extra columns.
set -uo pipefail
cd "$(dirname "$0")/.."

BENCH_NAME=reports.sh
# shellcheck source=bench/mariadb.sh
. bench/mariadb.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building"
# shellcheck disable=SC2086 # ADPILOT_BENCH_BUILD_ARGS is a list of arguments
dotnet build bench/AdPilot.Bench.Reports -c Release -nologo -v quiet ${ADPILOT_BENCH_BUILD_ARGS:-} || { log "build failed"; exit 2; }
# shellcheck disable=SC2086
dotnet build src/AdPilot.Web -c Release -nologo -v quiet ${ADPILOT_BENCH_BUILD_ARGS:-} || { log "build failed"; exit 2; }
BEFORE_ARGS=()
if [ -n "${ADPILOT_BENCH_BEFORE:-}" ]; then
  BEFORE_DIR=$(mktemp -d /tmp/adpilot-bench-before.XXXXXX)
  trap 'cleanup; rm -rf "$BEFORE_DIR"' EXIT
  log "building $ADPILOT_BENCH_BEFORE for the before columns"
  git archive "$ADPILOT_BENCH_BEFORE" | tar -x -C "$BEFORE_DIR" || { log "git archive $ADPILOT_BENCH_BEFORE failed"; exit 2; }
  dotnet build "$BEFORE_DIR/src/AdPilot.Web" -c Release -nologo -v quiet || { log "build of $ADPILOT_BENCH_BEFORE failed"; exit 2; }
  BEFORE_ARGS=(--host-before "$BEFORE_DIR/src/AdPilot.Web/bin/Release/net10.0/AdPilot.Web.dll")
fi
dotnet bench/AdPilot.Bench.Reports/bin/Release/net10.0/AdPilot.Bench.Reports.dll --host src/AdPilot.Web/bin/Release/net10.0/AdPilot.Web.dll "${BEFORE_ARGS[@]}" "$@"
