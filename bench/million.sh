#!/usr/bin/env bash
# A project with a million checks on SQLite: 1,000 created through the API, multiplied to
# 1,000,000 in SQL, then a fresh daemon answers the project-wide requests:
#   GET /api/v3/checks/ (seconds, bytes, the daemon's peak RSS, ping latency meanwhile),
#   4 concurrent project badges, the badges list, a ?slug= look-up, a unique_key look-up,
#   an upsert by name, and the Prometheus metrics.
#
#   bench/million.sh            # results are appended to bench/results/million-<time>.txt
#
# Needs sqlite3 (apt-get install sqlite3), python3 and curl. Sends traffic to 127.0.0.1 only.
# Takes about five minutes and 2 GB of disk (kept under a temporary directory, then deleted).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
port="${BENCH_PORT:-18790}"
copies="${BENCH_COPIES:-999}"   # each API-created check gets this many copies

if ! command -v sqlite3 >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq sqlite3 >/dev/null; else echo "bench: install sqlite3" >&2; exit 1; fi
fi
"$root/mychecks" --version >/dev/null   # builds when needed
mkdir -p "$here/results"
report="$here/results/million-$(date -u +%Y%m%dT%H%M%SZ).txt"
work="$(mktemp -d)"
url="http://127.0.0.1:$port"
export DATA_DIR="$work" HTTP_LISTEN="127.0.0.1:$port" SMTP_LISTEN="" SITE_ROOT="$url" \
       PING_ENDPOINT="$url/ping/" PROMETHEUS_ENABLED=True
unset DB DB_NAME DB_HOST DB_USER
db="$work/mychecks.sqlite"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

started_in=""
start_daemon() {
  local t0; t0="$(date +%s%N)"
  "$root/mychecks" serve > "$work/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do curl -sf "$url/api/v3/status/" >/dev/null && break; sleep 0.1; done
  started_in="$(( ($(date +%s%N) - t0) / 1000000 )) ms"
}
stop_daemon() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
peak_rss_mib() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
say() { echo "$*" | tee -a "$report"; }

"$root/mychecks" createsuperuser --email bench@example.org --password-stdin <<< "bench-password" >/dev/null
keys="$("$root/mychecks" apikeys --email bench@example.org)"
key="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["api_key"])' <<< "$keys")"
ro_key="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["api_key_readonly"])' <<< "$keys")"
project="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["project"])' <<< "$keys")"

start_daemon
echo "== creating 1000 checks through the API"
ping_code="$(python3 "$here/million.py" setup "$url" "$key" 1000)"
stop_daemon

echo "== multiplying them by $((copies + 1)) in SQL"
t0="$(date +%s)"
sqlite3 "$db" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $copies),
     now(ms) AS (SELECT CAST(strftime('%s', 'now') AS INTEGER) * 1000)
INSERT INTO checks (code, project_id, name, slug, tags, description, created, kind, timeout,
    grace, schedule, tz, filter_subject, filter_body, filter_http_body, filter_default_fail,
    start_kw, success_kw, failure_kw, methods, manual_resume, badge_key, n_pings, last_ping,
    last_start, last_start_rid, last_duration_ms, has_confirmation_link, alert_after, status)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
         || substr(lower(hex(randomblob(2))), 2) || '-a' || substr(lower(hex(randomblob(2))), 2)
         || '-' || lower(hex(randomblob(6))),
       c.project_id, c.name || '-' || n.i, c.slug || '-' || n.i, c.tags, c.description,
       c.created,
       CASE WHEN n.i % 100 = 0 THEN 'cron' ELSE 'simple' END, c.timeout, c.grace,
       '*/5 * * * *', c.tz, 0, 0, 0, 0, '', '', '', '', 0,
       lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
         || substr(lower(hex(randomblob(2))), 2) || '-b' || substr(lower(hex(randomblob(2))), 2)
         || '-' || lower(hex(randomblob(6))),
       1,
       now.ms - CASE (c.id + n.i) % 3 WHEN 0 THEN 3600000 WHEN 1 THEN 88200000 ELSE 259200000 END,
       NULL, NULL, NULL, 0,
       CASE WHEN (c.id + n.i) % 3 = 2 OR n.i % 100 = 0 THEN NULL
            ELSE now.ms - CASE (c.id + n.i) % 3 WHEN 0 THEN 3600000 ELSE 88200000 END
                 + (c.timeout + c.grace) * 1000 END,
       CASE WHEN (c.id + n.i) % 3 = 2 THEN 'down' ELSE 'up' END
FROM checks c, n, now;
COMMIT;
SQL
total="$(sqlite3 "$db" 'SELECT count(*) FROM checks')"
say "== $(date -u +%FT%TZ) million-check bench, SQLite: $total checks (SQL multiply $(( $(date +%s) - t0 )) s)"

start_daemon
say "daemon start (fills unique_key of the copied rows): $started_in, rss=$(rss_mib) MiB"

stop="$work/stop"
python3 "$here/million.py" pinger "$url/ping/$ping_code" "$stop" > "$work/pings.txt" &
pinger=$!
sleep 1
list="$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' -H "X-Api-Key: $key" "$url/api/v3/checks/")"
touch "$stop"; wait "$pinger"
say "GET /api/v3/checks/: status seconds bytes = $list; daemon peak rss=$(peak_rss_mib) MiB"
say "pings during the list: $(cat "$work/pings.txt")"
again="$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' -H "X-Api-Key: $key" "$url/api/v3/checks/")"
say "GET /api/v3/checks/ again (warm): status seconds bytes = $again; daemon peak rss=$(peak_rss_mib) MiB"

slug="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "X-Api-Key: $key" "$url/api/v3/checks/?slug=m-500-$copies")"
say "GET /api/v3/checks/?slug=m-500-$copies: status seconds = $slug"
tagged="$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' -H "X-Api-Key: $key" "$url/api/v3/checks/?tag=nightly")"
say "GET /api/v3/checks/?tag=nightly: status seconds bytes = $tagged"
uk="$(curl -s -H "X-Api-Key: $ro_key" "$url/api/v3/checks/?slug=m-999-$((copies / 2 + 1))" | python3 -c 'import json,sys; print(json.load(sys.stdin)["checks"][0]["unique_key"])')"
byuk="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "X-Api-Key: $ro_key" "$url/api/v3/checks/$uk")"
say "GET /api/v3/checks/<unique_key> (read-only key): status seconds = $byuk"
upsert="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "X-Api-Key: $key" -X POST \
  -d '{"name": "m-7-7", "unique": ["name"], "grace": 3600}' "$url/api/v3/checks/")"
say "POST /api/v3/checks/ unique=[name] (existing): status seconds = $upsert"
blist="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "X-Api-Key: $key" "$url/api/v3/badges/")"
say "GET /api/v3/badges/: status seconds = $blist"
mapfile -t badge_urls < <(python3 "$here/million.py" badges "$url" "$key")
say "4 concurrent project badges (*, prod, web, db), status seconds bytes:"
python3 "$here/million.py" timed "${badge_urls[@]}" | sed 's/^/  /' | tee -a "$report"
say "the same 4 again (kept 5 s):"
python3 "$here/million.py" timed "${badge_urls[@]}" | sed 's/^/  /' | tee -a "$report"
sleep 6
say "8 concurrent badges of 4 tags after expiry:"
python3 "$here/million.py" timed "${badge_urls[@]}" "${badge_urls[@]}" | sed 's/^/  /' | tee -a "$report"
metrics="$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' "$url/projects/$project/metrics/$ro_key")"
say "Prometheus metrics: status seconds bytes = $metrics"
say "daemon peak rss over the whole run=$(peak_rss_mib) MiB (JVM options: ${MYCHECKS_JAVA_OPTS:-launcher default})"
stop_daemon
echo "results: $report"
