#!/usr/bin/env bash
# The browser's sealing time with post-quantum hybrid recipients against X25519, measured in the same Chromium page
# and run: the npm age-encryption package (as the report form and the mailbox use it) seals items to two
# recipients of each kind. Usage: ops/bench/browser-seal.sh [--items 20] [--rounds 3] [--sizes 1024,1048576]
# Needs npm ci (the package and esbuild) and Debian's chromium. See ops/bench/README.md.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$repo/ops/bench/Intake.Bench/Intake.Bench.csproj"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$repo/node_modules/.bin/esbuild" "$repo/ops/bench/browser/seal-bench.js" --bundle --format=iife --target=es2020 --log-level=warning --outfile="$work/seal-bench.js"
if ! log="$(dotnet build "$project" -c Release --nologo -v quiet 2>&1)"; then
  echo "$log" >&2
  exit 1
fi

"$repo/ops/bench/Intake.Bench/bin/Release/net10.0/Intake.Bench" browser-seal "$work/seal-bench.js" "$@"
