#!/usr/bin/env bash
# Chat transports benchmark (issue 13, Performance (a) and (c)). Starts the Release app (Development, for the dev token;
# embedded defaults otherwise, its own SQLite data folder) with its agent on tools/chat/fake-openai.mjs, a model that
# answers at once, and runs bench/chat/chat-bench.mjs (Node, the `ws` client) in a separate process:
#   (c) /api/chat overhead: N sequential text-only turns (default 100, after 10 untimed) through POST /api/chat and over
#       one /ws/chat socket, beside the fake model alone and a plain authenticated GET: p50/p95 ms;
#   (a) idle /ws/chat connections held by the app: opens 1,000 then C (default 5,000), and reads the app's resident
#       memory (VmRSS) before and after, settled for 3 s: memory per connection.
# Usage: bench/chat.sh [C connections] [N turns] (N ≤ 150: each of the two users spends its signup gift, ~0.55 credits a turn). Extra build arguments in ADPILOT_BENCH_BUILD_ARGS (e.g. --no-dependencies).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CONNECTIONS=${1:-5000}
TURNS=${2:-100}
log() { printf '[bench/chat.sh] %s\n' "$*"; }
# shellcheck source=tools/lib/app.sh
. tools/lib/app.sh
use_tmp adpilot-bench-chat
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log "building"
# shellcheck disable=SC2086 # ADPILOT_BENCH_BUILD_ARGS is a list of arguments
dotnet build src/AdPilot.Web -c Release -nologo -v quiet ${ADPILOT_BENCH_BUILD_ARGS:-} >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log"; log "build failed"; exit 2; }
MODULES="${ADPILOT_TOOLS_DIR:-$HOME/.cache/adpilot-tools}/chat-clients"
npm_tool "$MODULES" ai@7.0.173 ws@8.23.0
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

MODEL_PORT=$(free_port)
node tools/chat/fake-openai.mjs "$MODEL_PORT" >"$TMP/model.log" 2>&1 &
PIDS+=($!)
BASE="http://127.0.0.1:$(free_port)"
start_app "$BASE" Agent__Provider=openai Agent__Model=gpt-4o-mini Agent__BaseUrl="http://127.0.0.1:$MODEL_PORT/v1" Agent__ApiKey=fake-key \
  RateLimit__PermitsPerMinute=1000000 Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning
APP=${PIDS[-1]}
PAT=$(access_token "$BASE" bench-chat@example.com '["read","write"]') || { log "creating the access token failed"; exit 1; }
WS_PAT=$(access_token "$BASE" bench-ws@example.com '["read","write"]') || { log "creating the access token failed"; exit 1; }
export ADPILOT_URL="$BASE" ADPILOT_TOKEN="$PAT" ADPILOT_WS_TOKEN="$WS_PAT" ADPILOT_MODEL_URL="http://127.0.0.1:$MODEL_PORT/v1" ADPILOT_CHAT_MODULES="$MODULES"
log "AdPilot (pid $APP) on $BASE; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"

echo
echo "## (c) /api/chat and /ws/chat against a model that answers at once ($TURNS sequential turns each)"
echo
node bench/chat/chat-bench.mjs latency "$TURNS" || { log "latency run failed"; tail -30 "$TMP/app.log"; exit 1; }

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$APP/status"; }
idle_case() {
  local n=$1 before after opened
  sleep 3
  before=$(rss_kb)
  coproc IDLE { node bench/chat/chat-bench.mjs idle "$n" 2>&1; }
  read -r opened <&"${IDLE[0]}"
  case "$opened" in open*) ;; *) log "idle client: $opened"; exit 1 ;; esac
  sleep 3
  after=$(rss_kb)
  local fds; fds=$(find "/proc/$APP/fd" -type l 2>/dev/null | wc -l)
  echo "close" >&"${IDLE[1]}"
  wait "$IDLE_PID" 2>/dev/null
  printf '| %s | %s | %s | %s | %s | %s |\n' "$n" "${opened#open $n in }" "$((before / 1024))" "$((after / 1024))" \
    "$(( (after - before) * 1024 / n / 1024 ))" "$fds"
}

echo
echo "## (a) idle /ws/chat connections held by one node (goal: 5,000 at ≤ 64 KB each)"
echo
echo "| connections | opened in | app RSS before MB | app RSS with them MB | KB per connection | app fds open |"
echo "|---:|---:|---:|---:|---:|---:|"
idle_case 1000
idle_case "$CONNECTIONS"
echo
log "load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
