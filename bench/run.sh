#!/usr/bin/env bash
# Mychecks benchmark, as users load it: a freshly started `./mychecks serve` with its default
# launcher (no warm-up), 1,000 checks pinged in random order by wrk on the same cores. Measures
# ping throughput and latency, acknowledged vs stored pings, GET /api/v3/checks/ throughput with
# 8 connections, the web UI's checks page of that project (one browser, median latency), the daemon's memory (RSS idle after start, peak under load, from /proc), the
# /fail -> webhook delay and the late-check alert delay, on SQLite and on PostgreSQL.
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

wait_up() {
  for _ in $(seq 150); do curl -sf "$1/api/v3/status/" >/dev/null && return 0; sleep 0.2; done
  echo "bench: the daemon did not come up" >&2
  return 1
}

# the JVM under the launcher (the script execs java, so it is usually the same pid)
java_pid() {
  local p="$1" child
  if [ "$(cat /proc/"$p"/comm 2>/dev/null)" = java ]; then echo "$p"; return; fi
  child="$(pgrep -P "$p" java | head -1 || true)"
  echo "${child:-$p}"
}

# one line of /proc/<pid>/status in MiB (VmRSS: now; VmHWM: the peak so far)
rss_mib() {
  awk -v k="$2:" '$1==k {printf "%.0f", $2/1024}' /proc/"$1"/status
}

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

  # a first daemon makes the checks; the measured one then starts cold
  "$root/mychecks" serve > "$work/setup.log" 2>&1 &
  local pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
  wait_up "$url"
  echo "== $db: creating 1000 checks"
  python3 "$here/bench.py" setup "$url" "$key" 1000 "$work/codes.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true

  "$root/mychecks" serve > "$work/serve.log" 2>&1 &
  pid=$!
  wait_up "$url"
  sleep 2
  local daemon; daemon="$(java_pid "$pid")"
  local rss_idle; rss_idle="$(rss_mib "$daemon" VmRSS)"
  local before; before="$(python3 "$here/bench.py" count "$url" "$key")"
  CODES_FILE="$work/codes.txt" wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/ping.lua" "$url" > "$work/wrk.txt"
  local rss_pings; rss_pings="$(rss_mib "$daemon" VmHWM)"
  local after; after="$(python3 "$here/bench.py" count "$url" "$key")"
  API_KEY="$key" wrk -t2 -c8 -d"$duration" --latency -s "$here/api.lua" "$url" > "$work/api.txt"
  local rss_api; rss_api="$(rss_mib "$daemon" VmHWM)"
  # the web UI's checks page of the 1,000-check project, one browser at a time
  local session page
  read -r session page <<< "$(python3 "$here/bench.py" login "$url" bench@example.org bench-password)"
  SESSION="$session" PAGE="$page" wrk -t1 -c1 -d"$duration" --latency -s "$here/page.lua" "$url" > "$work/page.txt"

  local total non2xx rps p50 p99
  total="$(awk '/requests in/ {print $1}' "$work/wrk.txt")"
  non2xx="$(awk '/Non-2xx/ {print $5}' "$work/wrk.txt")"; non2xx="${non2xx:-0}"
  rps="$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")"
  p50="$(awk '$1=="50%" {print $2}' "$work/wrk.txt")"
  p99="$(awk '$1=="99%" {print $2}' "$work/wrk.txt")"
  local acked=$((total - non2xx)) stored=$((after - before))
  local lost=$((acked > stored ? acked - stored : 0))
  local api_rps api_p99 api_bad
  api_rps="$(awk '/Requests\/sec/ {print $2}' "$work/api.txt")"
  api_p99="$(awk '$1=="99%" {print $2}' "$work/api.txt")"
  api_bad="$(awk '/Non-2xx/ {print $5}' "$work/api.txt")"; api_bad="${api_bad:-0}"
  local page_p50 page_p99 page_rps page_bad
  page_p50="$(awk '$1=="50%" {print $2}' "$work/page.txt")"
  page_p99="$(awk '$1=="99%" {print $2}' "$work/page.txt")"
  page_rps="$(awk '/Requests\/sec/ {print $2}' "$work/page.txt")"
  page_bad="$(awk '/Non-2xx/ {print $5}' "$work/page.txt")"; page_bad="${page_bad:-0}"
  {
    echo "db=$db pings_per_s=$rps p50=$p50 p99=$p99 requests=$total non_2xx=$non2xx acknowledged=$acked stored=$stored lost=$lost"
    echo "db=$db api_checks_per_s=$api_rps api_p99=$api_p99 api_non_2xx=$api_bad"
    echo "db=$db checks_page_p50=$page_p50 checks_page_p99=$page_p99 checks_page_per_s=$page_rps checks_page_non_2xx=$page_bad"
    echo "db=$db rss_idle_mib=$rss_idle rss_peak_pings_mib=$rss_pings rss_peak_with_api_mib=$rss_api"
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
