#!/usr/bin/env bash
# Data export benchmark on SQLite: builds one account with 2,000,000 metric rows and 1 GB of creatives (32 MB files of
# random bytes, in a temporary folder), runs the export job (DataExportService.RunAsync) and prints its duration, the
# ZIP's size and the process's peak resident set during the export. Arguments go to the bench: --rows N,
# --creatives-mb N, --file-mb N. A small, quick run: bench/export.sh --rows 200000 --creatives-mb 128
# Needs about 3x the creatives' size of free temporary disk (the store, the ZIP, the upload copy). Exit code: the
# bench's (non-zero when the export did not succeed), or 2 when the build fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "export.sh: building" >&2
# shellcheck disable=SC2086 # ADPILOT_BENCH_BUILD_ARGS is a list of arguments
dotnet build bench/AdPilot.Bench.Export -c Release -nologo -v quiet ${ADPILOT_BENCH_BUILD_ARGS:-} || { echo "export.sh: build failed" >&2; exit 2; }
dotnet bench/AdPilot.Bench.Export/bin/Release/net10.0/AdPilot.Bench.Export.dll "$@"
