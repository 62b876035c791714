#!/usr/bin/env bash
# Completes the .deb jpackage made: adds the menu entry and the XDG autostart entry (the client
# starts at every user's login) as files the package owns, so `dpkg -r` removes them, and puts
# our prerm (stop the running clients) in place of jpackage's empty script templates. No postrm:
# dpkg keeps a package with one in "config-files" state after `dpkg -r`; menu caches follow
# /usr/share/applications through desktop-file-utils' dpkg trigger.
# usage: deb-desktop.sh PACKAGE.deb SOURCE-DIR
set -euo pipefail
deb=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root

dpkg-deb -R "$deb" "$root"
install -D -m 0644 "$src/certgate-agent.desktop" "$root/usr/share/applications/certgate-agent.desktop"
install -D -m 0644 "$src/certgate-agent-autostart.desktop" "$root/etc/xdg/autostart/certgate-agent.desktop"
rm -f "$root/DEBIAN/preinst" "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
install -m 0755 "$src/prerm" "$root/DEBIAN/prerm"

# Files under /etc are not listed as conffiles on purpose: the autostart entry must go with
# `dpkg -r`, not only with --purge.
rm -f "$root/DEBIAN/conffiles"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
  | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$root/DEBIAN/control"

fakeroot dpkg-deb --build --root-owner-group "$root" "$deb" >/dev/null
echo "deb-desktop: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version) with menu and autostart entries"
