#!/usr/bin/env bash
# shellcheck disable=SC2015  # "A && B || fail" is meant: fail when either does not hold
# Builds the Debian packages into installers/target/:
#   mychecks_<version>_<arch>.deb        the daemon, the `mychecks` command and their own Java runtime
#   mychecks-admin_<version>_<arch>.deb  the JavaFX admin console
# Run by installers/pom.xml in the package phase of `mvn -B -Pdist package`; runs alone too once
# http-server (and admin-desktop) are packaged.
#
# Steps: jdeps + jlink a runtime for each package; jpackage --type deb with the resource dir
# src/deb/<package>/ (control template and maintainer scripts); then src/deb/finish-deb.sh adds
# the files jpackage cannot place outside /opt (see there). The runtimes and the files staged
# under target/deb-work/root-<package>/ are not Debian-specific; src/deb/ is.
#
# Environment (the pom sets the first three):
#   MYCHECKS_VERSION         the Maven version (default: read from ../pom.xml)
#   MYCHECKS_DEB_VERSION     the package version (default: MYCHECKS_VERSION without -SNAPSHOT)
#   MYCHECKS_ADMIN_INPUT     directory with admin-desktop-*.jar and lib/ (default:
#                            ../admin-desktop/target). Without the admin-desktop module and without
#                            this, the admin package is skipped with a warning.
#   MYCHECKS_DEB_MAINTAINER  the maintainer's email address (Maintainer: Mychecks <address>)
#   MYCHECKS_DEB_XZ_LEVEL    xz level of the packages, 0-9 (default 6; 1 builds 20 s faster and
#                            makes the daemon's package 3 MB bigger)
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
installers=$(dirname "$src")
root=$(dirname "$installers")
target=$installers/target
work=$target/deb-work

log() { echo "[installers] $(date +%T) $*"; }
die() {
  echo "[installers] ERROR: $*" >&2
  exit 1
}

maven_version=${MYCHECKS_VERSION:-}
if [ -z "$maven_version" ]; then
  maven_version=$(sed -n 's|^  <version>\(.*\)</version>.*|\1|p' "$root/pom.xml" | head -1)
fi
version=${MYCHECKS_DEB_VERSION:-${maven_version%-SNAPSHOT}}
[[ $version =~ ^[0-9][A-Za-z0-9.+~]*$ ]] \
  || die "bad package version '$version': a digit first, then letters, digits, '.', '+' or '~'"
maintainer=${MYCHECKS_DEB_MAINTAINER:-maintainers@mychecks.invalid}
xz_level=${MYCHECKS_DEB_XZ_LEVEL:-6}

jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
missing=()
for tool in "${jdk_bin}jdeps" "${jdk_bin}jlink" "${jdk_bin}jpackage" dpkg-deb fakeroot objcopy; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] \
  || die "missing ${missing[*]}: install a full JDK 17 and 'apt-get install binutils fakeroot'"
arch=$(dpkg --print-architecture)

# --- inputs ---------------------------------------------------------------------------------
daemon_jar=$root/http-server/target/http-server-$maven_version.jar
daemon_lib=$root/http-server/target/lib
[ -f "$daemon_jar" ] && [ -d "$daemon_lib" ] \
  || die "$daemon_jar or its lib/ is missing: build with 'mvn -B -Pdist package' from the repository root"

admin_input=${MYCHECKS_ADMIN_INPUT:-}
admin_jar=
if [ -n "$admin_input" ] || [ -f "$root/admin-desktop/pom.xml" ]; then
  admin_input=${admin_input:-$root/admin-desktop/target}
  admin_jar=$(find "$admin_input" -maxdepth 1 -name 'admin-desktop-*.jar' \
    ! -name '*-sources.jar' ! -name '*-tests.jar' ! -name '*-javadoc.jar' | head -1)
  [ -n "$admin_jar" ] && [ -d "$admin_input/lib" ] \
    || die "no admin-desktop-*.jar with a lib/ directory in $admin_input"
else
  log "WARNING: no admin-desktop module yet: the mychecks-admin package is NOT built"
fi

rm -rf "$work"
rm -f "$target"/mychecks_*.deb "$target"/mychecks-admin_*.deb
mkdir -p "$work"

# --- runtimes -------------------------------------------------------------------------------
# Each runtime holds what jdeps finds in the application's jars plus a fixed list. The daemon's:
# TLS with EC keys (SMTP, webhooks), extra charsets (email). jdeps cannot read the JavaFX jars
# reliably, so they are left out of its class path and the console's list names what JavaFX
# needs (java.desktop, java.xml and java.scripting for FXML, jdk.unsupported, jdk.jfr).
daemon_base=java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml
daemon_base=$daemon_base,jdk.charsets,jdk.crypto.ec,jdk.unsupported
admin_base=java.base,java.desktop,java.logging,java.naming,java.sql,java.xml,java.management
admin_base=$admin_base,jdk.unsupported,jdk.crypto.ec,java.net.http,jdk.jfr,java.scripting,jdk.charsets

modules() { # base-list main-jar lib-dir
  local class_path found
  class_path=$(find "$3" -maxdepth 1 -name '*.jar' ! -name 'javafx-*' | sort | paste -sd: -)
  log "jdeps: modules $(basename "$2") needs" >&2
  found=$("${jdk_bin}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 -q \
    --class-path "$class_path" "$2") || die "jdeps failed on $2"
  tr ',' '\n' <<<"$1,$found" | sort -u | paste -sd, -
}

make_runtime() { # name modules
  log "jlink: runtime for $1 ($2)"
  "${jdk_bin}jlink" --add-modules "$2" --strip-debug --no-header-files --no-man-pages \
    --strip-native-commands --output "$work/runtime-$1"
}
daemon_modules=$(modules "$daemon_base" "$daemon_jar" "$daemon_lib")
make_runtime mychecks "$daemon_modules"
# The daemon runs headless (java.desktop is there for java.beans): without the X11 and sound
# parts of AWT its package needs no X or ALSA libraries.
rm -f "$work/runtime-mychecks/lib/"{libawt_xawt.so,libjawt.so,libsplashscreen.so,libjsound.so}
if [ -n "$admin_jar" ]; then
  admin_modules=$(modules "$admin_base" "$admin_jar" "$admin_input/lib")
  make_runtime mychecks-admin "$admin_modules"
fi

# --- files outside /opt (any Linux package format) --------------------------------------------
stage=$work/root-mychecks
install -d -m 0755 "$stage/usr/bin" "$stage/lib/systemd/system" "$stage/usr/share/polkit-1/rules.d"
install -d -m 0750 "$stage/etc/mychecks"
install -m 0755 "$src/linux/mychecks" "$stage/usr/bin/mychecks"
install -m 0644 "$src/linux/50-mychecks.rules" "$stage/usr/share/polkit-1/rules.d/50-mychecks.rules"

# The settings template with the installed appliance's values; postinst adds SECRET_KEY.
conf=$stage/etc/mychecks/mychecks.conf
sed -e 's|^#DATA_DIR=.*|DATA_DIR=/var/lib/mychecks|' \
  -e 's|^#HTTP_LISTEN=.*|HTTP_LISTEN=0.0.0.0:8000|' \
  -e 's|^#SMTP_LISTEN=.*|SMTP_LISTEN=0.0.0.0:2525|' \
  "$root/config/mychecks.conf" >"$conf"
chmod 0640 "$conf"
for line in DATA_DIR=/var/lib/mychecks HTTP_LISTEN=0.0.0.0:8000 SMTP_LISTEN=0.0.0.0:2525 '#SECRET_KEY='; do
  [ "$(grep -c "^$line\$" "$conf")" -eq 1 ] || die "config/mychecks.conf: no single '$line' line after the edits"
done

# The unit: started through /usr/bin/mychecks (same settings as the command line); files it
# creates are for the mychecks group too (umask 0007, a setgid data directory).
unit=$stage/lib/systemd/system/mychecks.service
sed -e 's|^ExecStart=/opt/mychecks/bin/mychecks |ExecStart=/usr/bin/mychecks |' \
  -e 's|^UMask=.*|UMask=0007|' \
  -e 's|^StateDirectoryMode=.*|StateDirectoryMode=2770|' \
  "$root/config/systemd/mychecks.service" >"$unit"
chmod 0644 "$unit"
for line in 'ExecStart=/usr/bin/mychecks serve' UMask=0007 StateDirectoryMode=2770 User=mychecks \
  NoNewPrivileges=yes ProtectSystem=strict ReadWritePaths=/var/lib/mychecks Restart=on-failure \
  EnvironmentFile=-/etc/mychecks/mychecks.conf; do
  grep -qx -- "$line" "$unit" || die "config/systemd/mychecks.service: no '$line' line after the edits"
done

if [ -n "$admin_jar" ]; then
  stage=$work/root-mychecks-admin
  install -d -m 0755 "$stage/usr/bin" "$stage/usr/share/desktop-directories"
  ln -s /opt/mychecks-admin/bin/mychecks-admin "$stage/usr/bin/mychecks-admin"
fi

# --- packages -------------------------------------------------------------------------------
# JVM options: the defaults of the source-checkout launcher ../mychecks (keep them in step).
daemon_java_options=(-XX:+UseParallelGC -Xss512k -Xms32m -Xmx192m -Xmn16m
  -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m -XX:MaxDirectMemorySize=64m
  -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=2000 -XX:+ExitOnOutOfMemoryError
  -Djava.awt.headless=true "-Dmychecks.version=$version")

jpackage_deb() { # name input-dir runtime main-jar main-class [jpackage options...]
  local name=$1 input=$2 main_jar=$3 main_class=$4
  shift 4
  log "jpackage: $name $version"
  fakeroot true 2>/dev/null || die "fakeroot does not work here"
  PATH="$work/bin:$PATH" "${jdk_bin}jpackage" --type deb --dest "$work/jpackage-$name" --name "$name" \
    --app-version "$version" --vendor Mychecks --linux-package-name "$name" \
    --linux-deb-maintainer "$maintainer" --input "$input" --main-jar "$main_jar" \
    --main-class "$main_class" --runtime-image "$work/runtime-$name" --install-dir /opt \
    --resource-dir "$src/deb/$name" --license-file "$root/LICENSE" \
    --copyright "Copyright (c) 2026, the Mychecks authors" "$@"
  log "finish-deb: ${name}_${version}_${arch}.deb"
  "$src/deb/finish-deb.sh" "$work/jpackage-$name"/*.deb "$work/root-$name" \
    "$target/${name}_${version}_${arch}.deb" "$xz_level"
}

# finish-deb.sh unpacks jpackage's .deb again: let jpackage's dpkg-deb skip compressing it.
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec %s -Znone "$@"\n' "$(command -v dpkg-deb)" >"$work/bin/dpkg-deb"
chmod 0755 "$work/bin/dpkg-deb"

mkdir -p "$work/input-mychecks"
cp "$daemon_jar" "$daemon_lib"/*.jar "$work/input-mychecks/"
java_options=()
for option in "${daemon_java_options[@]}"; do java_options+=(--java-options "$option"); done
jpackage_deb mychecks "$work/input-mychecks" "$(basename "$daemon_jar")" \
  io.mychecks.http.cli.Mychecks --description "Mychecks cron job monitoring: daemon and command line" \
  "${java_options[@]}"

if [ -n "$admin_jar" ]; then
  mkdir -p "$work/input-mychecks-admin"
  cp "$admin_jar" "$admin_input/lib"/*.jar "$work/input-mychecks-admin/"
  jpackage_deb mychecks-admin "$work/input-mychecks-admin" "$(basename "$admin_jar")" \
    io.mychecks.desktop.Launcher --description "Mychecks admin console" \
    --icon "$root/admin-desktop/src/main/resources/io/mychecks/desktop/icon.png" --linux-shortcut --linux-menu-group "System;Monitor;" \
    --java-options "-Dmychecks.version=$version"
fi

for deb in "$target"/mychecks*_"${version}"_"$arch".deb; do
  log "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"
done
