#!/usr/bin/env bash
# Latency (p50/p95/p99) of the case inbox and of a case page with a 10-message thread, over HTTP against a real
# Intake process (Release, Kestrel) whose fresh data directory holds 100 000 seeded cases, with a static file and
# /healthz as same-run references. Targets: inbox p95 < 100 ms, case page p95 < 150 ms (exit code 3 if missed).
# Usage: ops/bench/inbox.sh [--cases 100000] [--threads 50] [--requests 300] [--warmup 30] [--seed 1] [--log-level Warning]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build Intake.Web/Intake.Web.csproj -c Release -nologo -v quiet
dotnet build ops/bench/Intake.LoadBench/Intake.LoadBench.csproj -c Release -nologo -v quiet
exec dotnet ops/bench/Intake.LoadBench/bin/Release/net10.0/Intake.LoadBench.dll inbox \
  --web Intake.Web/bin/Release/net10.0/Intake.Web.dll "$@"
