#!/usr/bin/env bash
# shellcheck disable=SC2015  # "A && B || fail" is meant: fail when either does not hold
# Packaging test: builds the .deb packages, installs them on this machine, runs the service the
# way systemd would, uses it through the command line and the Management API, upgrades to a
# higher version, removes, purges, and checks that nothing is left. Takes a few minutes.
#
# Needs root on Debian (dpkg, apt-get; missing curl, jq, systemd-analyze are installed) and free
# ports 8000 and 2525. Refuses to run when mychecks is installed or has left data behind: it
# purges what it installs, also when it fails. Run from anywhere:
#   installers/src/test/package-test.sh
# Environment: MYCHECKS_MVN_ARGS  extra Maven arguments for the builds (e.g. -o)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
started=$SECONDS

log() { echo "[pkg] $(((SECONDS - started) / 60))m$(((SECONDS - started) % 60))s $*"; }
fail() {
  echo "[pkg] FAILED: $*" >&2
  exit 1
}

# shellcheck disable=SC2206
mvn_args=(-B -Pdist package -DskipTests -Dmychecks.deb.xz.level=1 ${MYCHECKS_MVN_ARGS:-})
unit=/lib/systemd/system/mychecks.service
conf=/etc/mychecks/mychecks.conf
data=/var/lib/mychecks
base=http://127.0.0.1:8000
target=installers/target
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
tmp=$(mktemp -d)
daemon_pid=
installed=

# --- helpers ----------------------------------------------------------------------------------
pkg_state() { dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || echo not-installed; }

apt_get() {
  DEBIAN_FRONTEND=noninteractive apt-get -y -q -o Dpkg::Options::=--force-confdef \
    -o Dpkg::Options::=--force-confold "$@" >"$tmp/apt.log" 2>&1 || {
    tail -40 "$tmp/apt.log" >&2
    fail "apt-get $*"
  }
}

stop_daemon() {
  if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill "$daemon_pid"
    for _ in $(seq 1 30); do
      kill -0 "$daemon_pid" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$daemon_pid" 2>/dev/null || true
  fi
  wait "$daemon_pid" 2>/dev/null || true
  daemon_pid=
}

cleanup() {
  local status=$?
  stop_daemon
  if [ "$status" -ne 0 ] && [ -s "$tmp/daemon.log" ]; then
    echo "[pkg] last lines of the service's output:" >&2
    tail -30 "$tmp/daemon.log" >&2
  fi
  if [ -n "$installed" ]; then
    local pkgs=()
    for p in mychecks-admin mychecks; do
      [ "$(pkg_state "$p")" = not-installed ] || pkgs+=("$p")
    done
    if [ ${#pkgs[@]} -gt 0 ]; then
      echo "[pkg] cleaning up: apt-get purge ${pkgs[*]}" >&2
      DEBIAN_FRONTEND=noninteractive apt-get -y -q purge "${pkgs[@]}" >/dev/null 2>&1 || true
    fi
  fi
  rm -rf "$tmp"
  if [ "$status" -eq 0 ]; then
    log "passed"
  else
    echo "[pkg] FAILED (exit $status)" >&2
  fi
}
trap cleanup EXIT

# Starts the unit's ExecStart the way systemd would: its user and group, no new privileges, its
# umask and working directory, a clean environment with Environment= and then EnvironmentFile=.
start_daemon() {
  local exec_start user group umask wd env_file line home
  exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
  user=$(sed -n 's/^User=//p' "$unit")
  group=$(sed -n 's/^Group=//p' "$unit")
  umask=$(sed -n 's/^UMask=//p' "$unit")
  wd=$(sed -n 's/^WorkingDirectory=//p' "$unit")
  env_file=$(sed -n 's/^EnvironmentFile=-\{0,1\}//p' "$unit")
  home=$(getent passwd "$user" | cut -d: -f6)
  local env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "HOME=$home"
    "USER=$user" "LOGNAME=$user")
  # shellcheck disable=SC2207
  env+=($(sed -n 's/^Environment=//p' "$unit"))
  while IFS= read -r line; do
    case "$line" in
      '' | '#'*) continue ;;
    esac
    local key=${line%%=*} value=${line#*=}
    case "$value" in
      \"*\") value=${value:1:${#value}-2} ;;
      \'*\') value=${value:1:${#value}-2} ;;
    esac
    env+=("$key=$value")
  done <"$env_file"
  [ -n "$exec_start" ] && [ -n "$user" ] || fail "no ExecStart= or User= in $unit"
  log "starting ExecStart as $user: $exec_start"
  # shellcheck disable=SC2086
  (cd "${wd:-/}" && umask "${umask:-0022}" && exec env -i "${env[@]}" setpriv --reuid="$user" \
    --regid="${group:-$user}" --init-groups --no-new-privs -- $exec_start) >"$tmp/daemon.log" 2>&1 &
  daemon_pid=$!
  for _ in $(seq 1 60); do
    kill -0 "$daemon_pid" 2>/dev/null || fail "the service exited (see its output below)"
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base/" || true)
    if [ "$code" != 000 ]; then
      [ "$code" -lt 500 ] || fail "GET / answered $code"
      log "the service answers on $base/ ($code)"
      return 0
    fi
    sleep 1
  done
  fail "the service did not answer on $base/ within 60 s"
}

api() { # method path [json]; prints the body, fails unless 2xx
  local code
  code=$(curl -sS -o "$tmp/body" -w '%{http_code}' -X "$1" -H "X-Api-Key: $api_key" \
    ${3:+-H 'Content-Type: application/json' --data "$3"} "$base$2") || fail "$1 $2: no answer"
  [[ $code == 2* ]] || fail "$1 $2 answered $code: $(head -c 300 "$tmp/body")"
  echo "$code" >"$tmp/code"
  cat "$tmp/body"
}

assert_mode() { # path owner:group mode
  local actual
  actual=$(stat -c '%U:%G %a' "$1")
  [ "$actual" = "$2 $3" ] || fail "$1 is $actual, expected $2 $3"
}

# --- 0. preconditions -------------------------------------------------------------------------
[ "$(id -u)" -eq 0 ] || fail "run as root (it installs and purges packages)"
command -v dpkg >/dev/null && command -v apt-get >/dev/null || fail "needs dpkg and apt-get"
for p in mychecks mychecks-admin; do
  [ "$(pkg_state "$p")" = not-installed ] \
    || fail "$p is installed ($(pkg_state "$p")): this test would purge it; run 'apt-get purge mychecks-admin mychecks' first"
done
for path in /etc/mychecks "$data" /opt/mychecks; do
  [ ! -e "$path" ] || fail "$path exists: this test would delete it"
done
! getent passwd mychecks >/dev/null || fail "a mychecks user exists: this test would delete it"
for port in 8000 2525; do
  ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "port $port is in use"
done
if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
  log "apt-get update (no package lists yet)"
  apt_get update
fi
tools=()
command -v curl >/dev/null || tools+=(curl)
command -v jq >/dev/null || tools+=(jq)
command -v systemd-analyze >/dev/null || tools+=(systemd)
# the polkit rule's decisions are checked with node; the console is started under Xvfb
command -v node >/dev/null || tools+=(nodejs)
command -v xvfb-run >/dev/null || tools+=(xvfb xauth)
if [ ${#tools[@]} -gt 0 ]; then
  log "installing ${tools[*]}"
  apt_get install "${tools[@]}"
fi

# --- 1. build and install ---------------------------------------------------------------------
log "building: mvn ${mvn_args[*]}"
mvn "${mvn_args[@]}" >"$tmp/build.log" 2>&1 || {
  tail -60 "$tmp/build.log" >&2
  fail "the build failed"
}
grep '^\[installers\]' "$tmp/build.log" || true
debs=("$target"/mychecks_*_"$arch".deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one mychecks_*_$arch.deb in $target"
version=$(basename "${debs[0]}" | sed "s/^mychecks_\(.*\)_$arch\.deb\$/\1/")
admin_deb=$target/mychecks-admin_${version}_$arch.deb
[ -f "$admin_deb" ] || fail "$admin_deb was not built"
debs+=("$admin_deb")
for deb in "${debs[@]}"; do log "built $deb ($(du -h "$deb" | cut -f1))"; done
dpkg-deb -f "${debs[0]}" Depends | grep -Eq 'libx11|libgtk|libasound|xdg-utils' \
  && fail "the mychecks package depends on GUI libraries: $(dpkg-deb -f "${debs[0]}" Depends)"

log "apt-get install ${debs[*]}"
installed=yes
apt_get install "${debs[@]/#/./}"
[ "$(pkg_state mychecks)" = installed ] || fail "mychecks is $(pkg_state mychecks)"

# --- 2. what got installed --------------------------------------------------------------------
log "checking the installed files"
getent passwd mychecks >/dev/null && getent group mychecks >/dev/null || fail "no mychecks user or group"
assert_mode "$data" mychecks:mychecks 2770
assert_mode /etc/mychecks root:mychecks 2770
assert_mode "$conf" root:mychecks 660
dpkg-query -W -f='${Conffiles}\n' mychecks | grep -q " $conf " || fail "$conf is not a conffile"
for line in DATA_DIR=/var/lib/mychecks HTTP_LISTEN=0.0.0.0:8000 SMTP_LISTEN=0.0.0.0:2525; do
  grep -qx "$line" "$conf" || fail "$conf has no $line line"
done
secret_line=$(grep '^SECRET_KEY=' "$conf") || fail "$conf has no SECRET_KEY line"
[ "$(grep -c '^#\{0,1\}SECRET_KEY=' "$conf")" -eq 1 ] || fail "$conf has more than one SECRET_KEY line"
[ ${#secret_line} -ge $((11 + 50)) ] || fail "SECRET_KEY is shorter than 50 characters"
[ -x /usr/bin/mychecks ] || fail "no /usr/bin/mychecks"
rules=/usr/share/polkit-1/rules.d/50-mychecks.rules
[ -f "$rules" ] || fail "no polkit rule $rules"
# the rule's decisions, with a stand-in for polkit's JavaScript API
node -e '
    const fs = require("fs"); let rule;
    const polkit = { Result: { YES: "yes", NOT_HANDLED: null }, addRule: (f) => { rule = f; } };
    new Function("polkit", fs.readFileSync(process.argv[1], "utf8"))(polkit);
    const ask = (id, unit, verb, group) => rule(
      { id, lookup: (k) => ({ unit, verb })[k] }, { isInGroup: (g) => g === group });
    const m = "org.freedesktop.systemd1.manage-units";
    const ok = ask(m, "mychecks.service", "restart", "mychecks") === "yes"
      && ask(m, "mychecks.service", "stop", "mychecks") === "yes"
      && ask(m, "ssh.service", "stop", "mychecks") === null
      && ask(m, "mychecks.service", "start", "users") === null
      && ask("org.freedesktop.systemd1.manage-unit-files", "mychecks.service", "start", "mychecks") === null;
    process.exit(ok ? 0 : 1);' "$rules" || fail "the polkit rule decides wrongly"
[ -L /usr/bin/mychecks-admin ] && [ -x /usr/bin/mychecks-admin ] || fail "no /usr/bin/mychecks-admin"
ls /usr/share/applications/*mychecks-admin*.desktop >/dev/null 2>&1 || fail "no menu entry"
dpkg-query -W -f='${Depends}\n' mychecks-admin | grep -q 'libgtk-3-0' || fail "mychecks-admin does not depend on libgtk-3-0"
dpkg-query -W -f='${Status}\n' libgtk-3-0 | grep -q 'ok installed' || fail "libgtk-3-0 did not come along"

log "systemd-analyze verify $unit"
systemd-analyze verify "$unit" >"$tmp/verify.log" 2>&1 || {
  cat "$tmp/verify.log" >&2
  fail "systemd-analyze verify $unit"
}
grep -i 'mychecks' "$tmp/verify.log" && fail "systemd-analyze verify complains about the unit"
for line in User=mychecks NoNewPrivileges=yes ProtectSystem=strict ReadWritePaths=/var/lib/mychecks \
  Restart=on-failure UMask=0007 EnvironmentFile=-/etc/mychecks/mychecks.conf; do
  grep -qx "$line" "$unit" || fail "$unit has no $line line"
done

# --- 3. run and use it ------------------------------------------------------------------------
[ "$(mychecks --version)" = "mychecks $version" ] || fail "mychecks --version says: $(mychecks --version)"
start_daemon
log "createsuperuser and apikeys as root (the command drops to the mychecks user)"
printf 'password123\n' | mychecks createsuperuser --email admin@example.org --password-stdin
keys=$(mychecks apikeys --email admin@example.org)
api_key=$(jq -er .api_key <<<"$keys") || fail "no api_key in: $keys"
leftovers=$(find "$data" \( ! -user mychecks -o ! -group mychecks -o -perm /o=rwx \) -print)
[ -z "$leftovers" ] || fail "files in $data not owned by mychecks:mychecks or open to others: $leftovers"

log "Management API: create a check, ping it, read it back"
created=$(api POST /api/v3/checks/ '{"name":"pkgtest"}')
[ "$(cat "$tmp/code")" = 201 ] || fail "POST /api/v3/checks/ answered $(cat "$tmp/code"), expected 201"
ping_url=$(jq -er .ping_url <<<"$created") || fail "no ping_url in: $created"
answer=$(curl -fsS "$ping_url") || fail "ping $ping_url failed"
[ "$answer" = OK ] || fail "ping answered '$answer'"
check=
for _ in $(seq 1 10); do
  check=$(api GET /api/v3/checks/ | jq -c '.checks[] | select(.name == "pkgtest")')
  [ "$(jq -r '"\(.n_pings) \(.status)"' <<<"$check")" = "1 up" ] && break
  sleep 1
done
[ "$(jq -r '"\(.n_pings) \(.status)"' <<<"$check")" = "1 up" ] || fail "after one ping: $check"

log "the console starts under Xvfb as a member of the mychecks group (20 s)"
mkdir -p "$tmp/fxhome" && chown nobody "$tmp/fxhome"
status=0
(cd "$tmp" && timeout 20 xvfb-run -a -s '-ac -nolisten tcp' setpriv --reuid=nobody --regid=nogroup \
  --groups=mychecks env HOME="$tmp/fxhome" _JAVA_OPTIONS="-Duser.home=$tmp/fxhome -XX:-UsePerfData" \
  /usr/bin/mychecks-admin) >"$tmp/console.log" 2>&1 || status=$?
if [ "$status" -ne 124 ] || grep -q 'Exception' "$tmp/console.log"; then
  cat "$tmp/console.log" >&2
  fail "the console stopped (exit $status) or threw an exception"
fi

# --- 4. upgrade -------------------------------------------------------------------------------
conf_sum=$(md5sum <"$conf")
stop_daemon
new_version=$version.1
log "building version $new_version"
mvn "${mvn_args[@]}" "-Dmychecks.deb.version=$new_version" >"$tmp/build.log" 2>&1 || {
  tail -60 "$tmp/build.log" >&2
  fail "the build of $new_version failed"
}
upgrade=("./$target/mychecks_${new_version}_$arch.deb" "./$target/mychecks-admin_${new_version}_$arch.deb")
log "apt-get install ${upgrade[*]}"
apt_get install "${upgrade[@]}"
for p in mychecks mychecks-admin; do
  [ "$(dpkg-query -W -f='${Version}' "$p")" = "$new_version" ] || fail "$p was not upgraded"
done
[ "$(md5sum <"$conf")" = "$conf_sum" ] || fail "the upgrade changed $conf"
[ "$(mychecks --version)" = "mychecks $new_version" ] || fail "after the upgrade, mychecks --version says: $(mychecks --version)"
[ "$(grep '^SECRET_KEY=' "$conf")" = "$secret_line" ] || fail "the upgrade changed SECRET_KEY"
! ls /etc/mychecks/*.dpkg-* >/dev/null 2>&1 || fail "dpkg left $(ls /etc/mychecks/*.dpkg-*)"
assert_mode "$data" mychecks:mychecks 2770
assert_mode /etc/mychecks root:mychecks 2770
assert_mode "$conf" root:mychecks 660
start_daemon
api GET /api/v3/checks/ | jq -e '.checks[] | select(.name == "pkgtest" and .n_pings == 1)' >/dev/null \
  || fail "the check is gone after the upgrade"
stop_daemon

# --- 5. remove, then purge --------------------------------------------------------------------
log "apt-get remove: data and settings stay"
apt_get remove mychecks-admin mychecks
[ "$(pkg_state mychecks)" = config-files ] || fail "after remove mychecks is $(pkg_state mychecks)"
[ -f "$data/mychecks.sqlite" ] && [ -f "$conf" ] || fail "remove deleted the data or the settings"
[ ! -e /usr/bin/mychecks ] && [ ! -e /opt/mychecks ] && [ ! -e "$unit" ] || fail "remove left the program"

log "apt-get purge: nothing left"
apt_get purge mychecks-admin mychecks
for p in mychecks mychecks-admin; do
  [ "$(pkg_state "$p")" = not-installed ] || fail "after purge $p is $(pkg_state "$p")"
  ! dpkg -L "$p" >/dev/null 2>&1 || fail "dpkg still lists files of $p"
done
for path in /opt/mychecks /opt/mychecks-admin /etc/mychecks "$data" /usr/bin/mychecks \
  /usr/bin/mychecks-admin "$rules" "$unit" /etc/systemd/system/multi-user.target.wants/mychecks.service \
  /tmp/hsperfdata_mychecks; do
  [ ! -e "$path" ] && [ ! -L "$path" ] || fail "purge left $path"
done
! ls /usr/share/applications/*mychecks* >/dev/null 2>&1 || fail "purge left a menu entry"
! getent passwd mychecks >/dev/null || fail "purge left the mychecks user"
! getent group mychecks >/dev/null || fail "purge left the mychecks group"
! dpkg-statoverride --list | grep -q mychecks || fail "purge left a dpkg-statoverride"
installed=
