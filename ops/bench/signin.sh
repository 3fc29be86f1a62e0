#!/usr/bin/env bash
# The server's work per staff sign-in: passphrase + TOTP (scrypt at the production work factor) against a passkey
# (WebAuthn assertion check and the PRF-sealed identity), in one process, interleaved. See ops/bench/README.md, "Sign-in".
# Usage: ops/bench/signin.sh [--runs 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build ops/bench/Intake.LoadBench/Intake.LoadBench.csproj -c Release -nologo -v quiet
exec dotnet ops/bench/Intake.LoadBench/bin/Release/net10.0/Intake.LoadBench.dll signin "$@"
