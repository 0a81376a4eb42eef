#!/usr/bin/env bash
# Public landing page benchmark (issue 15, Performance). Starts the Release app with its embedded defaults and its own
# data folder: first in Development, only to sign a user in (the dev token), create a page from the lead-generation
# template through POST /api/v1/landing-pages and publish it; then again on the same data in Production, and measures
# with wrk GET /p/{slug} beside the same bytes served by the same host as a static file (a copy of the build output
# with the published HTML added to its static web assets: MapStaticAssets, as the app serves its own CSS and JS).
# Warm-up first, then D seconds per endpoint with the same threads and connections. Prints the page's size, its
# Cache-Control/ETag and whether it loads any external render-blocking resource (<link rel=stylesheet>, <script src>),
# and a table of requests/s and latency; writes bench/results/landing-<date>.md with the machine's state.
# Goal: /p/{slug} within 2x of the host's static-file throughput for the same bytes.
# Usage: bench/landing.sh [seconds per endpoint, default 10] [connections, default 32] [warm-up seconds, default 3]
# Extra build arguments in ADPILOT_BENCH_BUILD_ARGS (e.g. --no-dependencies). Needs wrk (apt-get install -y wrk).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-32}
WARMUP=${3:-3}
THREADS=2
SLUG=bench-landing
log() { printf '[bench/landing.sh] %s\n' "$*" >&2; }
# shellcheck source=tools/lib/app.sh
. tools/lib/app.sh
use_tmp adpilot-bench-landing
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v wrk >/dev/null || { log "wrk is not installed: apt-get install -y wrk"; exit 2; }

log "building"
# shellcheck disable=SC2086 # ADPILOT_BENCH_BUILD_ARGS is a list of arguments
dotnet build src/AdPilot.Web -c Release -nologo -v quiet ${ADPILOT_BENCH_BUILD_ARGS:-} >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log"; log "build failed"; exit 2; }

SETTINGS=(RateLimit__PermitsPerMinute=1000000 Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning)
BASE="http://127.0.0.1:$(free_port)"
start_app "$BASE" "${SETTINGS[@]}"
PAT=$(access_token "$BASE" bench-landing@example.com '["read","write"]') || { log "creating the access token failed"; exit 1; }
api() { curl -sf -H "Authorization: Bearer $PAT" -H 'Content-Type: application/json' "$@"; }
ID=$(api -X POST "$BASE/api/v1/landing-pages" -d "{\"name\":\"Bench\",\"slug\":\"$SLUG\",\"template\":\"lead_generation\",\"language\":\"en\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || { log "creating the page failed"; tail -20 "$TMP/app.log"; exit 1; }
api -X POST "$BASE/api/v1/landing-pages/$ID/publish" -o /dev/null || { log "publishing page $ID failed"; tail -20 "$TMP/app.log"; exit 1; }
mkdir -p "$TMP/static"
curl -sf -o "$TMP/static/landing.html" "$BASE/p/$SLUG" || { log "GET /p/$SLUG failed"; tail -20 "$TMP/app.log"; exit 1; }
kill "${PIDS[-1]}" && wait "${PIDS[-1]}" 2>/dev/null
unset 'PIDS[-1]'

# The measured host: a copy of the build output whose static web assets include the published page's bytes, in
# Production, on the same data folder.
cp -r src/AdPilot.Web/bin/Release/net10.0 "$TMP/app"
python3 bench/landing/static_copy.py "$TMP/app" "$TMP/static/landing.html" bench/landing.html || { log "adding the static copy failed"; exit 2; }
(cd "$TMP/app" && exec env DataDirectory="$TMP/data" ASPNETCORE_ENVIRONMENT=Production "${SETTINGS[@]}" dotnet "$TMP/app/AdPilot.Web.dll" --urls "$BASE") >"$TMP/app.log" 2>&1 &
PIDS+=($!)
APP=${PIDS[-1]}
for _ in $(seq 1 300); do curl -sf -o /dev/null "$BASE/health/live" && break; sleep 0.1; done
curl -sf -o "$TMP/page.html" -D "$TMP/page.headers" "$BASE/p/$SLUG" || { log "GET /p/$SLUG failed in Production"; tail -20 "$TMP/app.log"; exit 1; }
curl -sf -o "$TMP/static.html" "$BASE/bench/landing.html" || { log "the static copy is not served"; tail -20 "$TMP/app.log"; exit 1; }
cmp -s "$TMP/static.html" "$TMP/page.html" || { log "the static copy differs from the page"; exit 1; }

BYTES=$(stat -c %s "$TMP/static/landing.html")
header() { awk -v h="$1" 'BEGIN{IGNORECASE=1} index(tolower($0), tolower(h) ":")==1 {sub(/^[^:]*: */,""); sub(/\r$/,""); print}' "$TMP/page.headers"; }
STYLESHEETS=$(grep -oiE '<link[^>]*rel=["'\'']?stylesheet[^>]*>' "$TMP/static/landing.html" | grep -ciE 'href=' || true)
SCRIPTS=$(grep -oiE '<script[^>]*src=[^>]*>' "$TMP/static/landing.html" | wc -l)
IMPORTS=$(grep -oiE '@import' "$TMP/static/landing.html" | wc -l)
BLOCKING=$([ "$STYLESHEETS" -eq 0 ] && [ "$SCRIPTS" -eq 0 ] && [ "$IMPORTS" -eq 0 ] && echo "none" \
  || echo "$STYLESHEETS stylesheet link(s), $SCRIPTS script src, $IMPORTS CSS @import")
BUDGET=$([ "$BYTES" -lt 51200 ] && echo "under" || echo "OVER")

# run URL: warm-up, then the measured run; prints "req/s|avg|p50|p99|transfer/s|non-2xx|socket errors".
run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$1" >/dev/null 2>&1
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$1" 2>&1 | tee -a "$TMP/wrk.log" | awk '
    /^ +Latency/ && !avg {avg=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /^Requests\/sec/ {rps=$2} /^Transfer\/sec/ {mbs=$2}
    /Non-2xx/ {bad=$NF}
    /Socket errors/ {sub(/.*Socket errors: /, ""); errs=$0}
    END {printf "%s|%s|%s|%s|%s|%s|%s\n", rps, avg, p50, p99, mbs, bad ? bad : 0, errs ? errs : "none"}'
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "AdPilot (pid $APP, Production) on $BASE; $(nproc) cores; load average $LOAD_BEFORE before the runs"
PAGE=$(run "$BASE/p/$SLUG")
STATIC=$(run "$BASE/bench/landing.html")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
RATIO=$(python3 -c "
import sys
p, s = (float(x.split('|')[0] or 0) for x in sys.argv[1:])
print(f'**{s / p:.2f}×** (goal ≤ 2×: {\"met\" if s / p <= 2 else \"NOT met\"})' if p else 'n/a (no page requests completed)')" "$PAGE" "$STATIC")

row() { IFS='|' read -r rps avg p50 p99 mbs bad errs <<<"$2"; printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$rps" "$avg" "$p50" "$p99" "$mbs" "$bad" "$errs"; }
REPORT=$(cat <<MD
# Landing page benchmark, $(date -u +%Y-%m-%d) (bench/landing.sh)

Commit $(git rev-parse --short HEAD). The lead-generation template (en), published through the REST API, served in
Production by the Release build (SQLite, embedded defaults), measured with $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2):
$THREADS threads, $CONNECTIONS connections, ${WARMUP} s warm-up then ${SECONDS_PER_RUN} s per endpoint, no Accept-Encoding.
Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')); load average $LOAD_BEFORE
before the runs, $LOAD_AFTER after (/proc/loadavg; the machine is shared: other work was running).

- Published HTML: **$BYTES bytes**, $BUDGET the 50 KB budget; Cache-Control \`$(header Cache-Control)\`, ETag \`$(header ETag)\`.
- External render-blocking resources (\`<link rel=stylesheet>\`, \`<script src>\`, CSS \`@import\`): **$BLOCKING**.

| endpoint | requests/s | latency avg | p50 | p99 | transfer/s | non-2xx | socket errors |
|---|---:|---:|---:|---:|---:|---:|---|
$(row "GET /p/$SLUG (published page)" "$PAGE")
$(row "GET /bench/landing.html (same bytes, static file)" "$STATIC")

Static-file requests/s ÷ page requests/s: $RATIO.
MD
)
echo "$REPORT"
mkdir -p bench/results
OUT="bench/results/landing-$(date -u +%Y-%m-%d).md"
echo "$REPORT" >"$ROOT/$OUT"
log "wrote $OUT"
