#!/usr/bin/env bash
# Anomaly detection benchmark: seeds 20 accounts x 500 campaigns x 365 days of campaign-day rows (3,650,000) in a
# temporary SQLite database, then times two hourly runs of the detector (the first opens episodes and raises their
# notifications; the second only updates them). Argument: the number of accounts (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/AdPilot.Bench.Anomaly -c Release -nologo -v quiet
dotnet bench/AdPilot.Bench.Anomaly/bin/Release/net10.0/AdPilot.Bench.Anomaly.dll "$@"
