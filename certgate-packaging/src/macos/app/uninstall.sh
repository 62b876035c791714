#!/bin/sh
# Removes the CertGate client from macOS: stops it in every user's session, removes the
# LaunchAgent, the app and the installer's receipt. Each user's own
# ~/Library/Application Support/CertGate stays. Run: sudo sh "<this file>"
set -e
[ "$(id -u)" = 0 ] || { echo "run it with sudo" >&2; exit 1; }
for uid in $(ps -axo uid= -o comm= | awk '/loginwindow/ {print $1}' | sort -u); do
  launchctl bootout "gui/$uid/${mac.launch.agent.label}" 2>/dev/null || true
done
rm -f "/Library/LaunchAgents/${mac.launch.agent.label}.plist"
rm -rf "${mac.install.dir}/${mac.app.name}.app"
pkgutil --forget "${mac.package.identifier}" >/dev/null 2>&1 || true
echo "CertGate client removed"
