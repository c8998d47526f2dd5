#!/bin/sh
# The Linux download: the built folder with its menu entry, icon and installer script, as
# dist/flowin-<version>-linux-<machine>.tar.gz. Called by `make package` after PyInstaller.
set -eu
folder="$1"
version="$2"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cp "$root/packaging/linux/flowin.desktop" "$root/packaging/linux/install.sh" "$folder/"
cp "$root/flowin_desktop/resources/flowin.svg" "$folder/flowin.svg"
archive="flowin-$version-linux-$(uname -m).tar.gz"
tar -C "$(dirname "$folder")" -czf "$(dirname "$folder")/$archive" "$(basename "$folder")"
echo "$(dirname "$folder")/$archive"
