#!/usr/bin/env bash
# Submissions per second and p99 latency of the report form without JavaScript at 64 concurrent clients, against
# a real Intake process on loopback (SQLite, synchronous=FULL), with two references measured in the same run: a
# static file and /healthz. Then the server's memory while a 1 GiB attachment streams in.
# Usage: ops/bench/submit.sh [--clients 64] [--seconds 15] [--warmup 3] [--attachment-mib 1024] [--log-level Warning]
#   [--nodes 2]: that many Intake processes on one PostgreSQL database (INTAKE_BENCH_POSTGRES) behind a round-robin
#   TCP proxy, through which every scenario goes (ops/bench/database.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build Intake.Web/Intake.Web.csproj -c Release -nologo -v quiet
dotnet build ops/bench/Intake.LoadBench/Intake.LoadBench.csproj -c Release -nologo -v quiet
exec dotnet ops/bench/Intake.LoadBench/bin/Release/net10.0/Intake.LoadBench.dll \
  --web Intake.Web/bin/Release/net10.0/Intake.Web.dll "$@"
