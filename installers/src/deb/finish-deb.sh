#!/usr/bin/env bash
# Finishes a .deb made by jpackage, which can only fill /opt/<name>: adds a tree of files that
# live elsewhere (/usr/bin, /etc, /lib/systemd/system, ...), declares every file under /etc a
# dpkg conffile, refreshes Installed-Size, adds md5sums, and rebuilds the package with root as
# owner of every file (postinst hands /etc/mychecks to the mychecks group via dpkg-statoverride).
# Usage: finish-deb.sh JPACKAGE_DEB EXTRA_ROOT OUTPUT_DEB [XZ_LEVEL]
set -euo pipefail
[ $# -eq 3 ] || [ $# -eq 4 ] || {
  echo "usage: $0 JPACKAGE_DEB EXTRA_ROOT OUTPUT_DEB [XZ_LEVEL]" >&2
  exit 2
}
in=$1 extra=$2 out=$3 level=${4:-6}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pkg=$tmp/pkg

dpkg-deb -R "$in" "$pkg"
cp -a "$extra/." "$pkg/"

if [ -d "$pkg/etc" ]; then
  (cd "$pkg" && find etc -type f | sed 's|^|/|' | sort) >>"$pkg/DEBIAN/conffiles"
fi
size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$pkg/DEBIAN/control"
(cd "$pkg" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 md5sum \
  | sed 's|  \./|  |') >"$pkg/DEBIAN/md5sums"
chmod 0644 "$pkg/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Zxz -z"$level" --build "$pkg" "$out" >/dev/null
