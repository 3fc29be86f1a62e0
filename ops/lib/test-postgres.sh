#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests: initdb in a temporary directory, listening on loopback only
# (a free port and a socket in that directory), trust authentication for its one role "intake". Sourced by
# ops/test.sh, which then finds the server at $INTAKE_TEST_POSTGRES; stop_test_postgres stops it and deletes the
# directory. Debian's postgresql package is installed by ops/lib/test-prerequisites.sh. As root, the server runs
# as the package's postgres user (PostgreSQL refuses to run as root).

start_test_postgres() {
  local bin speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  # "durable" keeps PostgreSQL's own durability settings (for benchmarks that compare with SQLite's synchronous=FULL).
  [ "${1:-}" = durable ] && speed=""
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql); the PostgreSQL tests need it." >&2
    return 1
  fi
  TEST_POSTGRES_DIR=$(mktemp -d /tmp/intake-postgres.XXXXXX)
  local port run=()
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$TEST_POSTGRES_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$TEST_POSTGRES_DIR/data" -U intake --auth=trust -E UTF8 --locale=C.UTF-8 >"$TEST_POSTGRES_DIR/initdb.log" 2>&1 \
    || { cat "$TEST_POSTGRES_DIR/initdb.log" >&2; return 1; }
  # A test server: durability settings off for speed unless asked (a killed Intake process, which the crash tests
  # cause, does not need them: the server keeps running), many databases at once.
  "${run[@]}" "$bin/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -l "$TEST_POSTGRES_DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $TEST_POSTGRES_DIR $speed -c max_connections=400 -c shared_buffers=64MB" >/dev/null \
    || { cat "$TEST_POSTGRES_DIR/server.log" >&2; return 1; }
  TEST_POSTGRES_BIN=$bin
  export INTAKE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=intake;Database=postgres;Maximum Pool Size=20"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$port"
}

stop_test_postgres() {
  [ -n "${TEST_POSTGRES_DIR:-}" ] || return 0
  local run=()
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$TEST_POSTGRES_BIN/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$TEST_POSTGRES_DIR"
  TEST_POSTGRES_DIR=
}
