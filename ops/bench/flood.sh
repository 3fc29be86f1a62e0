#!/usr/bin/env bash
# The flood benchmark: a real Intake process on loopback with its production defaults, first unattacked, then with
# attackers at full speed on anonymous submissions with attachments, random mailbox lookups and sign-ins (random
# usernames, and a known one), while a legitimate reporter submits and reads their mailbox and a handler signs in
# from a browser used before. Prints the legitimate actions' success and p50/p99 for both runs, what the attackers
# got, and the attachment disk use against the quota. See ops/bench/README.md, "Flood".
# Usage: ops/bench/flood.sh [--seconds 30] [--attackers 4] [--attachment-kib 1024] [--quota-mb 100]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build Intake.Web/Intake.Web.csproj -c Release -nologo -v quiet
dotnet build ops/bench/Intake.LoadBench/Intake.LoadBench.csproj -c Release -nologo -v quiet
exec dotnet ops/bench/Intake.LoadBench/bin/Release/net10.0/Intake.LoadBench.dll flood \
  --web Intake.Web/bin/Release/net10.0/Intake.Web.dll "$@"
