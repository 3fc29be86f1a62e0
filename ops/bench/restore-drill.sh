#!/usr/bin/env bash
# The restore drill, measured: a real Intake process takes reports with attachments, is backed up while it serves,
# and the backup is restored with the recovery identity into an empty directory. See ops/bench/README.md,
# "Restore drill".
# Usage: ops/bench/restore-drill.sh [--cases 1000] [--file-kib 64]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build Intake.Web/Intake.Web.csproj -c Release -nologo -v quiet
dotnet build ops/bench/Intake.LoadBench/Intake.LoadBench.csproj -c Release -nologo -v quiet
exec dotnet ops/bench/Intake.LoadBench/bin/Release/net10.0/Intake.LoadBench.dll drill \
  --web Intake.Web/bin/Release/net10.0/Intake.Web.dll "$@"
