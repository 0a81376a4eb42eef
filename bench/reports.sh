#!/usr/bin/env bash
# Report queries benchmark on SQLite and MariaDB: seeds 20 accounts x 25 campaigns x 4 ad sets x 2 ads x 500 days
# (2,000,000 ad-day rows) per database, then prints p50/p95 of summary, metrics and breakdown over 7/30/90/365 days at
# each scope, as a service call and through the real host's HTTP API (started as a child process). Arguments go to the
# bench (--accounts N, --days N, --iterations N, --warmup N, --providers sqlite,mysql). Uses the server of
# ADPILOT_BENCH_MYSQL when set (a MySqlConnector connection string without Database); otherwise starts its own MariaDB
# on a free loopback port in a temporary directory, configured as test.sh does, and stops it afterwards. Extra build
# arguments can be given in ADPILOT_BENCH_BUILD_ARGS (e.g. --no-dependencies). Exit code: the bench's, or 2 when setup fails.
set -uo pipefail
cd "$(dirname "$0")/.."

log() { printf '[bench/reports.sh] %s\n' "$*"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

TMP=""
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  if [ -n "$TMP" ]; then rm -rf "$TMP"; fi
}
trap cleanup EXIT

start_mariadb() {
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    log "installing mariadb-server"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq mariadb-server >/dev/null || { log "apt-get install failed"; exit 2; }
  fi
  command -v python3 >/dev/null 2>&1 || { log "python3 is needed to find a free port"; exit 2; }
  TMP=$(mktemp -d /tmp/adpilot-bench-reports.XXXXXX)
  local port; port=$(free_port)
  mariadb-install-db --no-defaults --datadir="$TMP/mysql" --user=root --auth-root-authentication-method=normal --skip-test-db >"$TMP/mariadb-install.log" 2>&1 \
    || { log "mariadb-install-db failed"; cat "$TMP/mariadb-install.log"; exit 2; }
  /usr/sbin/mariadbd --no-defaults --datadir="$TMP/mysql" --socket="$TMP/mysqld.sock" --port="$port" --bind-address=127.0.0.1 \
    --user=root --pid-file="$TMP/mysqld.pid" --log-error="$TMP/mariadb.log" --skip-name-resolve \
    --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 --max-connections=500 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    mariadb --no-defaults --protocol=TCP -h127.0.0.1 -P"$port" -uroot -e 'select 1' >/dev/null 2>&1 && break
    sleep 0.1
  done
  mariadb --no-defaults --protocol=TCP -h127.0.0.1 -P"$port" -uroot -e 'select 1' >/dev/null 2>&1 || { log "MariaDB did not start"; cat "$TMP/mariadb.log"; exit 2; }
  export ADPILOT_BENCH_MYSQL="Server=127.0.0.1;Port=$port;User=root;Password=;"
  # Lets the bench report the server's share of the CPU.
  export ADPILOT_BENCH_SERVER_PID="$SERVER_PID"
  log "MariaDB on 127.0.0.1:$port"
}

if [ -n "${ADPILOT_BENCH_MYSQL:-}" ]; then
  log "using the server of ADPILOT_BENCH_MYSQL"
else
  start_mariadb
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building"
# shellcheck disable=SC2086 # ADPILOT_BENCH_BUILD_ARGS is a list of arguments
dotnet build bench/AdPilot.Bench.Reports -c Release -nologo -v quiet ${ADPILOT_BENCH_BUILD_ARGS:-} || { log "build failed"; exit 2; }
# shellcheck disable=SC2086
dotnet build src/AdPilot.Web -c Release -nologo -v quiet ${ADPILOT_BENCH_BUILD_ARGS:-} || { log "build failed"; exit 2; }
dotnet bench/AdPilot.Bench.Reports/bin/Release/net10.0/AdPilot.Bench.Reports.dll --host src/AdPilot.Web/bin/Release/net10.0/AdPilot.Web.dll "$@"
