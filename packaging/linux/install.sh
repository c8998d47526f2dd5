#!/bin/sh
# Puts Flowin in your applications menu (for you alone, no administrator needed): run it once
# from the unpacked folder. To remove Flowin, delete this folder and
# ~/.local/share/applications/flowin.desktop.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
applications="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$applications"
sed -e "s|^Exec=.*|Exec=\"$here/flowin-desktop\" %u|" -e "s|^Icon=.*|Icon=$here/flowin.svg|" \
    "$here/flowin.desktop" > "$applications/flowin.desktop"
chmod +x "$applications/flowin.desktop"
# flowin://run/ID links (a notification's "Fix it in Flowin") open in this Flowin.
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default flowin.desktop x-scheme-handler/flowin || true
fi
echo "Flowin is in your applications menu now."
