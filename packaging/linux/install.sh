#!/bin/sh
# Put Casefile into the desktop's menus and file associations, for this user
# (PREFIX=~/.local) or everyone (sudo PREFIX=/usr/local ./install.sh).
# Run from the unpacked bundle: Casefile/desktop/install.sh [--uninstall]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bundle=$(cd "$here/.." && pwd)
prefix=${PREFIX:-$HOME/.local}
id=org.casefile.Casefile

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$prefix/bin/casefile" "$prefix/bin/casefile-gui" \
        "$prefix/share/applications/$id.desktop" "$prefix/share/metainfo/$id.metainfo.xml" \
        "$prefix/share/mime/packages/$id.mime.xml"
  find "$prefix/share/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
else
  mkdir -p "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo" \
           "$prefix/share/mime/packages" "$prefix/share/icons"
  ln -sf "$bundle/casefile" "$prefix/bin/casefile"
  ln -sf "$bundle/casefile-gui" "$prefix/bin/casefile-gui"
  # Exec by full path: the desktop's PATH may not include $prefix/bin.
  sed "s|^Exec=casefile-gui|Exec=\"$bundle/casefile-gui\"|; s|^TryExec=casefile-gui|TryExec=$bundle/casefile-gui|" \
      "$here/$id.desktop" > "$prefix/share/applications/$id.desktop"
  cp "$here/$id.metainfo.xml" "$prefix/share/metainfo/"
  cp "$here/$id.mime.xml" "$prefix/share/mime/packages/"
  cp -R "$here/icons/hicolor" "$prefix/share/icons/"
fi
command -v update-mime-database >/dev/null && update-mime-database "$prefix/share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
echo "Casefile ${1:+un}installed under $prefix"
