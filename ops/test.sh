#!/usr/bin/env bash
# Runs the whole test suite: unit, integration (real SQLite), browser (Chromium) and interoperability (age CLI,
# Node) tests, then the storage-bound tests (storage, reporting, mailbox, cases, keys, audit) again on a real
# PostgreSQL server it starts on loopback. Installs what the tests need when it is missing, then builds with
# warnings as errors.
# Usage: ops/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Crypto]
#   With arguments, runs only those tests, on SQLite, or on PostgreSQL with INTAKE_TEST_DATABASE=PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

ops/lib/test-prerequisites.sh
ops/lib/client-bundle.sh

# The tests that go through the database, run on both engines (less those about the SQLite file: trait Engine=Sqlite).
postgres_tests="FullyQualifiedName~Intake.Tests.Web.Reporting|FullyQualifiedName~Intake.Tests.Web.Cases|FullyQualifiedName~Intake.Tests.Web.KeyModel|FullyQualifiedName~Intake.Tests.Web.Foundation.EngineStorageTests|FullyQualifiedName~Intake.Tests.Web.Foundation.JobLeaseTests|FullyQualifiedName~Intake.Tests.Web.Foundation.SharedLimitsTests|FullyQualifiedName~Intake.Tests.Web.Availability.SubmissionFloodTests|FullyQualifiedName~Intake.Tests.Web.Availability.SignInGateTests|FullyQualifiedName~Intake.Tests.Web.Availability.SignInProofTests|FullyQualifiedName~Intake.Tests.Web.Availability.MailboxFloodTests|FullyQualifiedName~Intake.Tests.Web.Accounts.Audit|FullyQualifiedName~Intake.Tests.Web.Accounts.KeyHierarchy|FullyQualifiedName~Intake.Tests.Web.Accounts.SignIn|FullyQualifiedName~PostgreSQL"

results=$(mktemp -d)
. ops/lib/test-postgres.sh
trap 'stop_test_postgres; rm -rf "$results"' EXIT
start_test_postgres
status=0
export DOTNET_USE_POLLING_FILE_WATCHER=true  # many test hosts; see IntakeApplicationFactory
# A test that hangs is reported with its stack after 10 minutes instead of holding CI to its time limit.
run_tests() {
  dotnet test Intake.sln -c Release -nologo --blame-hang-timeout 10m --results-directory "$results" "$@" || status=$?
}
if [ $# -gt 0 ]; then
  run_tests --logger "trx;LogFilePrefix=intake" "$@"
else
  INTAKE_TEST_DATABASE=Sqlite run_tests --logger "trx;LogFilePrefix=intake"
  echo "The storage-bound tests again, on PostgreSQL:"
  INTAKE_TEST_DATABASE=PostgreSQL run_tests --no-build --logger "trx;LogFilePrefix=intake-postgresql" --filter "($postgres_tests)&Engine!=Sqlite"
fi

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
