#!/usr/bin/env bash
# Throughput and memory benchmark of Intake.Crypto against the age CLI.
# Usage: ops/bench/crypto.sh [--size-mib 256] [--memory-mib 1024] [--runs 3]
#                            [--age /usr/bin/age] [--dir TMPDIR] [--skip-memory] [--check]
# Needs the .NET SDK, the age CLI on PATH (or --age) and about
# 3 x size + 2 x memory-size of free space in the temp directory.
# Temp files live in a fresh directory under $TMPDIR (default /tmp) and are
# deleted afterwards. See ops/bench/README.md.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$repo/ops/bench/Intake.Bench/Intake.Bench.csproj"

if ! log="$(dotnet build "$project" -c Release --nologo -v quiet 2>&1)"; then
  echo "$log" >&2
  exit 1
fi
bin="$repo/ops/bench/Intake.Bench/bin/Release/net10.0/Intake.Bench"

exec "$bin" --dir "${TMPDIR:-/tmp}" "$@"
