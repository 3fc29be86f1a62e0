#!/usr/bin/env bash
# Submissions per second and p99 of the report form without JavaScript on each database engine, in one run: the
# same benchmark as ops/bench/submit.sh (with its static-file and /healthz references) against an Intake process
# on SQLite, then against one on PostgreSQL (a throw-away server on loopback as the tests start it, but with
# fsync and synchronous commit on, as SQLite runs with synchronous=FULL), then against two Intake processes on one
# PostgreSQL database behind a round-robin TCP proxy (the references go through the proxy too).
# Usage: ops/bench/database.sh [--clients 64] [--seconds 15] [--warmup 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/lib/test-postgres.sh
trap stop_test_postgres EXIT
start_test_postgres durable
echo "## SQLite"
ops/bench/submit.sh --attachment-mib 0 "$@"
echo
echo "## PostgreSQL"
INTAKE_BENCH_POSTGRES="$INTAKE_TEST_POSTGRES" ops/bench/submit.sh --attachment-mib 0 "$@"
echo
echo "## PostgreSQL, two nodes"
INTAKE_BENCH_POSTGRES="$INTAKE_TEST_POSTGRES" ops/bench/submit.sh --attachment-mib 0 --nodes 2 "$@"
