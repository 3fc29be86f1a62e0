#!/usr/bin/env bash
# Runs the whole test suite: unit, integration (real SQLite), browser (Chromium) and interoperability (age CLI,
# Node) tests. Installs what the tests need when it is missing, then builds with warnings as errors.
# Usage: ops/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Crypto]
set -euo pipefail
cd "$(dirname "$0")/.."

ops/lib/test-prerequisites.sh
ops/lib/client-bundle.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
export DOTNET_USE_POLLING_FILE_WATCHER=true  # many test hosts; see IntakeApplicationFactory
# A test that hangs is reported with its stack after 10 minutes instead of holding CI to its time limit.
dotnet test Intake.sln -c Release -nologo --blame-hang-timeout 10m --logger "trx;LogFilePrefix=intake" --results-directory "$results" "$@" || status=$?

# One closing line any CI can read: "N passed, N failed, N skipped".
summarize() {
  local passed=0 failed=0 skipped=0 f counters
  for f in "$results"/*.trx; do
    [ -f "$f" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$f" | head -n1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
    x=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${x:-0}))
    t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
    e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${t:-0} - ${e:-0}))
  done
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
}
summarize
exit $status
