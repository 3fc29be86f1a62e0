#!/usr/bin/env bash
# Cost of the post-quantum hybrid recipient (mlkem768x25519) against X25519 in Intake.Crypto,
# measured in the same run: header bytes per stanza, seal and open time per item.
# Usage: ops/bench/recipients.sh [--items 200] [--rounds 5] [--size-kib 4] [--recipients 2]
# Needs the .NET SDK only; writes nothing to disk. See ops/bench/README.md.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$repo/ops/bench/Intake.Bench/Intake.Bench.csproj"

if ! log="$(dotnet build "$project" -c Release --nologo -v quiet 2>&1)"; then
  echo "$log" >&2
  exit 1
fi

exec "$repo/ops/bench/Intake.Bench/bin/Release/net10.0/Intake.Bench" recipients "$@"
