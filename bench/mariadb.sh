# Sourced by the bench scripts: a MariaDB for the bench. Uses the server of ADPILOT_BENCH_MYSQL when set (a
# MySqlConnector connection string without Database); otherwise starts one on a free loopback port in a temporary
# directory, configured as test.sh does, and stops it when the script exits. The sourcing script sets BENCH_NAME.

log() { printf '[bench/%s] %s\n' "$BENCH_NAME" "$*"; }

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
  TMP=$(mktemp -d /tmp/adpilot-bench.XXXXXX)
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

