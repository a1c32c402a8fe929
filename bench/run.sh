#!/usr/bin/env bash
# Mychecks benchmark: ping throughput and latency with wrk, acknowledged vs stored pings,
# /fail -> webhook delay and late-check alert delay, on SQLite and on PostgreSQL.
#
#   bench/run.sh            # both databases
#   bench/run.sh sqlite     # one of them
#
# Needs wrk (apt-get install wrk), python3 and, for PostgreSQL, a server on 127.0.0.1:5432
# reachable as user postgres. Sends traffic to 127.0.0.1 only. Takes about 4 minutes per
# database (most of it waiting for late checks to go down).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
dbs=("${@:-sqlite postgres}")
read -r -a dbs <<< "${dbs[*]}"
duration="${BENCH_DURATION:-10s}"
connections="${BENCH_CONNECTIONS:-64}"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else echo "bench: install wrk" >&2; exit 1; fi
fi
"$root/mychecks" --version >/dev/null   # builds when needed
mkdir -p "$here/results"
report="$here/results/$(date -u +%Y%m%dT%H%M%SZ).txt"

run_one() {
  local db="$1" port="$2"
  local work; work="$(mktemp -d)"
  local url="http://127.0.0.1:$port"
  export DATA_DIR="$work" HTTP_LISTEN="127.0.0.1:$port" SMTP_LISTEN="" SITE_ROOT="$url" \
         PING_ENDPOINT="$url/ping/" INTEGRATIONS_ALLOW_PRIVATE_IPS=True
  unset DB DB_NAME DB_HOST DB_USER
  if [ "$db" = postgres ]; then
    export DB=postgres DB_HOST=127.0.0.1 DB_USER=postgres DB_NAME="mychecks_bench_$$"
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB_NAME" -c "CREATE DATABASE $DB_NAME" >/dev/null
  fi
  "$root/mychecks" createsuperuser --email bench@example.org --password-stdin <<< "bench-password" >/dev/null
  local key
  key="$("$root/mychecks" apikeys --email bench@example.org | python3 -c 'import json,sys; print(json.load(sys.stdin)["api_key"])')"
  "$root/mychecks" serve > "$work/serve.log" 2>&1 &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" RETURN
  for _ in $(seq 100); do curl -sf "$url/api/v3/status/" >/dev/null && break; sleep 0.2; done

  echo "== $db: creating 1000 checks"
  python3 "$here/bench.py" setup "$url" "$key" 1000 "$work/codes.txt"
  CODES_FILE="$work/codes.txt" wrk -t2 -c"$connections" -d3s -s "$here/ping.lua" "$url" >/dev/null   # warm-up
  local before; before="$(python3 "$here/bench.py" count "$url" "$key")"
  CODES_FILE="$work/codes.txt" wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/ping.lua" "$url" > "$work/wrk.txt"
  local after; after="$(python3 "$here/bench.py" count "$url" "$key")"
  local total non2xx rps p50 p99
  total="$(awk '/requests in/ {print $1}' "$work/wrk.txt")"
  non2xx="$(awk '/Non-2xx/ {print $5}' "$work/wrk.txt")"; non2xx="${non2xx:-0}"
  rps="$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")"
  p50="$(awk '$1=="50%" {print $2}' "$work/wrk.txt")"
  p99="$(awk '$1=="99%" {print $2}' "$work/wrk.txt")"
  local acked=$((total - non2xx)) stored=$((after - before))
  local lost=$((acked > stored ? acked - stored : 0))
  {
    echo "db=$db pings_per_s=$rps p50=$p50 p99=$p99 requests=$total non_2xx=$non2xx acknowledged=$acked stored=$stored lost=$lost"
    python3 "$here/bench.py" alerts "$url" "$key" "$url/ping/" | sed "s/^/db=$db /"
  } | tee -a "$report"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ "$db" = postgres ]; then psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null; fi
  rm -rf "$work"
}

port=18700
for db in "${dbs[@]}"; do
  run_one "$db" "$port"
  port=$((port + 1))
done
echo "results: $report"
