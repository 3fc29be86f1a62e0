#!/usr/bin/env bash
# Latency (p50/p95/p99) of the statistics pages and their CSV export, over HTTP against a real Intake process
# (Release, Kestrel) whose fresh data directory holds the inbox benchmark's 100 000 seeded cases, with a static file
# and /healthz as same-run references. Targets: page p95 < 200 ms, a year's CSV p95 < 1 s (exit code 3 if missed).
# Usage: ops/bench/statistics.sh [--cases 100000] [--requests 300] [--warmup 30] [--seed 1] [--log-level Warning]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build Intake.Web/Intake.Web.csproj -c Release -nologo -v quiet
dotnet build ops/bench/Intake.LoadBench/Intake.LoadBench.csproj -c Release -nologo -v quiet
exec dotnet ops/bench/Intake.LoadBench/bin/Release/net10.0/Intake.LoadBench.dll statistics \
  --web Intake.Web/bin/Release/net10.0/Intake.Web.dll "$@"
