#!/usr/bin/env bash
# The test command: the whole suite twice, first with the app tests on SQLite, then with
# them on PostgreSQL (127.0.0.1:5432, user postgres). Store and pruner contract tests run on
# both databases in each pass. Reports of the passes are kept apart in
# <module>/target/surefire-reports-sqlite and <module>/target/surefire-reports-postgres.
# Extra arguments go to Maven, e.g. ./test.sh -o (offline) or ./test.sh -Dtest='Ping*'.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

status=0

run_pass() {
  local name=$1
  shift
  rm -rf ./*/target/surefire-reports ./*/target/surefire-reports-"$name"
  echo "=== mychecks tests: pass on $name ==="
  if ! mvn -B -fae "$@" verify; then
    status=1
  fi
  local dir
  for dir in ./*/target/surefire-reports; do
    if [ -d "$dir" ]; then
      mv "$dir" "$dir-$name"
    fi
  done
}

run_pass sqlite -Dmychecks.test.db=sqlite "$@"
run_pass postgres -Dmychecks.test.db=postgres "$@"

if [ "$status" -ne 0 ]; then
  echo "=== mychecks tests: FAILED (see the Maven output above) ===" >&2
fi
exit "$status"
