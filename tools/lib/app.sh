# Shell helpers the test script and the tool checks share. Source it, then call use_tmp NAME first: it makes $TMP and
# the $PIDS list, whose processes are stopped (and $TMP removed) when the script exits.
# shellcheck shell=bash

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

use_tmp() {
  TMP=$(mktemp -d "/tmp/$1.XXXXXX")
  PIDS=()
  trap _stop_and_clean EXIT
}

_stop_and_clean() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$TMP"
}

# npm_tool DIR PACKAGE@VERSION…: installs the packages into DIR (a cache folder outside the repo) once.
npm_tool() {
  local dir=$1; shift
  local marker; marker="$dir/.installed-$(echo "$*" | tr ' /@' '_-_')"
  [ -f "$marker" ] && return 0
  log "installing $* into $dir"
  mkdir -p "$dir" && npm install --prefix "$dir" --no-audit --no-fund --silent "$@" >"$TMP/npm.log" 2>&1 \
    || { log "npm install $* failed"; cat "$TMP/npm.log"; exit 2; }
  touch "$marker"
}

# start_app BASE_URL [NAME=VALUE…]: the Release build with its embedded defaults, in Development (which turns on the
# e-mail-only dev token, never in Production), with its own data folder in $TMP and these settings as environment
# variables; waits until it is live. Its log is $TMP/app.log.
start_app() {
  local base=$1; shift
  local dll; dll="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/src/AdPilot.Web/bin/Release/net10.0/AdPilot.Web.dll"
  [ -f "$dll" ] || { log "build first: dotnet build AdPilot.slnx -c Release"; exit 2; }
  (cd "$(dirname "$dll")" && exec env ASPNETCORE_ENVIRONMENT=Development DataDirectory="$TMP/data" "$@" dotnet "$dll" --urls "$base") >"$TMP/app.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do curl -sf -o /dev/null "$base/health/live" && break; sleep 0.1; done
  curl -sf -o /dev/null "$base/health/live" || { log "AdPilot did not start"; cat "$TMP/app.log"; exit 1; }
}

# access_token BASE_URL EMAIL SCOPES_JSON: prints a personal access token of that user, made without a browser (the dev
# token, then POST /api/v1/users/me/tokens); fails when either step does.
access_token() {
  local jwt
  jwt=$(curl -sf -X POST "$1/api/v1/auth/dev-token" -H 'Content-Type: application/json' -d "{\"email\":\"$2\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])') || return 1
  curl -sf -X POST "$1/api/v1/users/me/tokens" -H "Authorization: Bearer $jwt" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$2\",\"scopes\":$3,\"expiresInDays\":1}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])'
}
