#!/usr/bin/env bash
# Mychecks burst benchmark: N checks (default 9,999: with the first check createsuperuser makes,
# a project of 10,000, the default check limit) with a webhook, period 60 s and grace
# 60 s, all pinged at once; prints how long after its deadline each check's "down" webhook
# arrived (target: every one within 10 s). Takes about 4 minutes.
#
#   bench/burst.sh [sqlite|postgres] [N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
db="${1:-sqlite}"
n="${2:-9999}"
port=18710
work="$(mktemp -d)"
url="http://127.0.0.1:$port"
export DATA_DIR="$work" HTTP_LISTEN="127.0.0.1:$port" SMTP_LISTEN="" SITE_ROOT="$url" \
       PING_ENDPOINT="$url/ping/" INTEGRATIONS_ALLOW_PRIVATE_IPS=True
unset DB DB_NAME DB_HOST DB_USER
if [ "$db" = postgres ]; then
  export DB=postgres DB_HOST=127.0.0.1 DB_USER=postgres DB_NAME="mychecks_burst_$$"
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB_NAME" >/dev/null
fi
"$root/mychecks" createsuperuser --email burst@example.org --password-stdin <<< "burst-password" >/dev/null
key="$("$root/mychecks" apikeys --email burst@example.org | python3 -c 'import json,sys; print(json.load(sys.stdin)["api_key"])')"
"$root/mychecks" serve > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; [ "$db" = postgres ] && psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 150); do curl -sf "$url/api/v3/status/" >/dev/null && break; sleep 0.2; done
python3 "$here/bench.py" burst "$url" "$key" "$url/ping/" "$n" | sed "s/^/db=$db /"
