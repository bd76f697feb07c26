#!/usr/bin/env bash
# Install the built bundle on a Linux laptop: /opt/hervest, a `hervest` command, the menu
# entry and the icon. Run as root from the repository (or an unpacked release):
#   sudo packaging/install-linux.sh [dist/hervest]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bundle=${1:-$here/../dist/hervest}
[ -x "$bundle/hervest" ] || { echo "no built bundle at $bundle (run packaging/build.sh)" >&2; exit 1; }

rm -rf /opt/hervest
cp -a "$bundle" /opt/hervest
ln -sf /opt/hervest/hervest /usr/local/bin/hervest
install -Dm644 "$here/icons/hervest.png" /usr/share/icons/hicolor/256x256/apps/hervest.png
install -Dm644 "$here/../resources/icons/hervest.svg" /usr/share/icons/hicolor/scalable/apps/hervest.svg
install -Dm644 "$here/hervest.desktop" /usr/share/applications/hervest.desktop
command -v update-desktop-database >/dev/null && update-desktop-database -q || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
/opt/hervest/hervest --version
