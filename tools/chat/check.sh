#!/usr/bin/env bash
# The chat transports against clients that are not .NET: starts the built app (Release, embedded defaults, its own data
# folder, a free loopback port) with its agent on tools/chat/fake-openai.mjs (an OpenAI-compatible model that answers
# at once, with one tool call), makes a user and a personal access token without a browser (the Development-only dev
# token, then POST /api/v1/users/me/tokens), and runs
#   1. parse-ui-stream.mjs: POST /api/chat read by the AI SDK's own parser (npm `ai`), every chunk validated, the tool
#      and text parts in order;
#   2. ws-chat.mjs: one turn over /ws/chat with the `ws` client.
# Exits non-zero on any failure. The npm packages are cached in ${ADPILOT_TOOLS_DIR:-~/.cache/adpilot-tools}.
# Usage: tools/chat/check.sh   (after `dotnet build AdPilot.slnx -c Release`)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/tools/chat"
MODULES="${ADPILOT_TOOLS_DIR:-$HOME/.cache/adpilot-tools}/chat-clients"
log() { printf '[chat-check] %s\n' "$*"; }
# shellcheck source=tools/lib/app.sh
. "$ROOT/tools/lib/app.sh"
use_tmp adpilot-chat

npm_tool "$MODULES" ai@7.0.173 ws@8.23.0

MODEL_PORT=$(free_port)
node "$HERE/fake-openai.mjs" "$MODEL_PORT" >"$TMP/model.log" 2>&1 &
PIDS+=($!)
BASE="http://127.0.0.1:$(free_port)"
start_app "$BASE" Agent__Provider=openai Agent__Model=gpt-4o-mini Agent__BaseUrl="http://127.0.0.1:$MODEL_PORT/v1" Agent__ApiKey=fake-key
log "AdPilot on $BASE, its model on 127.0.0.1:$MODEL_PORT"
PAT=$(access_token "$BASE" chat-check@example.com '["read","write"]') || { log "creating the access token failed"; exit 1; }

status=0
export ADPILOT_URL="$BASE" ADPILOT_TOKEN="$PAT" ADPILOT_CHAT_MODULES="$MODULES"
node "$HERE/parse-ui-stream.mjs" || status=1
node "$HERE/ws-chat.mjs" >"$TMP/ws.log" 2>&1 && log "/ws/chat: $(grep -c '"type":"text_delta"' "$TMP/ws.log") text deltas, turn finished" \
  || { status=1; cat "$TMP/ws.log"; }
[ "$status" -eq 0 ] && log "chat clients: all checks passed" || { log "chat clients: FAILED"; tail -50 "$TMP/app.log"; }
exit "$status"
