#!/bin/bash
# The .deb for 统信 UOS / 银河麒麟 Kylin (and any Debian-based desktop), in the UOS application layout:
#   /opt/apps/<appid>/files/      the onedir bundle (read-only; the program writes only to the user's folders)
#   /opt/apps/<appid>/entries/    applications/<appid>.desktop, icons/hicolor/…, mime/packages/<appid>.xml
#   /opt/apps/<appid>/info        the UOS application manifest (JSON)
#   /usr/bin/nianbao              symlink, so `nianbao check …` works in a terminal
# UOS reads entries/ itself; on Kylin and plain Debian postinst links the entries into /usr/share.
#
#   make-deb.sh BUNDLE_DIR VERSION OUT_DIR
set -euo pipefail
BUNDLE=$1 VERSION=$2 OUT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
APPID=org.nianbao.nianbao
DEBARCH=$(dpkg --print-architecture)
case "$DEBARCH" in amd64) UOSARCH=amd64 ;; arm64) UOSARCH=arm64 ;; *) UOSARCH=$DEBARCH ;; esac
WORK=$(dirname "$BUNDLE")/deb
APPDIR=/opt/apps/$APPID
rm -rf "$WORK" && mkdir -p "$WORK/DEBIAN" "$WORK$APPDIR"

cp -a "$BUNDLE" "$WORK$APPDIR/files"
chmod -R go-w,a+rX "$WORK$APPDIR/files"

E=$WORK$APPDIR/entries
mkdir -p "$E/applications" "$E/icons/hicolor/scalable/apps" "$E/icons/hicolor/256x256/apps" "$E/mime/packages"
cp "$ROOT/resources/icons/nianbao.svg" "$E/icons/hicolor/scalable/apps/$APPID.svg"
cp "$ROOT/resources/icons/nianbao.png" "$E/icons/hicolor/256x256/apps/$APPID.png"
cat > "$E/applications/$APPID.desktop" <<EOF
[Desktop Entry]
Type=Application
Version=1.0
Name=nianbao
Name[zh_CN]=政府信息公开工作年度报告
GenericName=Annual report of government information disclosure
GenericName[zh_CN]=年度报告编写与校核
Comment=Draft, check and export the annual government information disclosure report
Comment[zh_CN]=编写、校核并导出政府信息公开工作年度报告（离线使用）
Keywords=report;disclosure;nianbao;
Keywords[zh_CN]=年度报告;政府信息公开;年报;校核;
Exec=$APPDIR/files/nianbao %f
TryExec=$APPDIR/files/nianbao
Icon=$APPID
Terminal=false
StartupNotify=true
StartupWMClass=nianbao
Categories=Office;
MimeType=application/x-nianbao;
Actions=open-with;

[Desktop Action open-with]
Name=Open with nianbao
Name[zh_CN]=用 nianbao 打开
Exec=$APPDIR/files/nianbao %f
EOF
cat > "$E/mime/packages/$APPID.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-nianbao">
    <comment>Annual government information disclosure report</comment>
    <comment xml:lang="zh_CN">政府信息公开工作年度报告（用 nianbao 打开）</comment>
    <sub-class-of type="application/json"/>
    <icon name="org.nianbao.nianbao"/>
    <glob pattern="*.nianbao"/>
  </mime-type>
</mime-info>
EOF
cat > "$WORK$APPDIR/info" <<EOF
{
    "appid": "$APPID",
    "name": "nianbao",
    "version": "$VERSION",
    "arch": ["$UOSARCH"],
    "permissions": {
        "autostart": false, "notification": false, "trayicon": false, "clipboard": true,
        "account": false, "bluetooth": false, "camera": false, "audio_record": false, "installed_apps": false
    }
}
EOF
mkdir -p "$WORK/usr/bin"
ln -s "$APPDIR/files/nianbao" "$WORK/usr/bin/nianbao"

# Depends: only what the bundle does not carry, found from the bundle itself (elfcheck needed)
declare -A PKG=(
    [libc.so.6]="libc6 (>= 2.28)" [libm.so.6]="libc6 (>= 2.28)" [libdl.so.2]="libc6 (>= 2.28)"
    [libpthread.so.0]="libc6 (>= 2.28)" [librt.so.1]="libc6 (>= 2.28)" [libutil.so.1]="libc6 (>= 2.28)"
    [libresolv.so.2]="libc6 (>= 2.28)" [ld-linux-x86-64.so.2]="libc6 (>= 2.28)" [ld-linux-aarch64.so.1]="libc6 (>= 2.28)"
    [libGL.so.1]=libgl1 [libEGL.so.1]=libegl1 [libOpenGL.so.0]=libopengl0 [libGLX.so.0]=libglx0
    [libxcb.so.1]=libxcb1 [libdrm.so.2]=libdrm2 [libsystemd.so.0]=libsystemd0 [libpng16.so.16]=libpng16-16 [libX11.so.6]=libx11-6 [libX11-xcb.so.1]=libx11-xcb1
    [libcups.so.2]=libcups2  # QtPrintSupport: 打印 and 打印预览
)
deps=("fontconfig-config")  # the bundled libfontconfig reads /etc/fonts (every desktop has it)
missing=()
while read -r so; do
    [ -n "$so" ] || continue
    if [ -n "${PKG[$so]:-}" ]; then deps+=("${PKG[$so]}"); else missing+=("$so"); fi
done < <(python3 "$HERE/elfcheck.py" needed "$BUNDLE")
if [ ${#missing[@]} -gt 0 ]; then
    echo "make-deb: the bundle needs system libraries with no package in the map: ${missing[*]}" >&2
    exit 1
fi
DEPENDS=$(printf '%s\n' "${deps[@]}" | sort -u | paste -sd, | sed 's/,/, /g')

cat > "$WORK/DEBIAN/control" <<EOF
Package: $APPID
Version: $VERSION
Architecture: $DEBARCH
Maintainer: nianbao <nianbao@localhost>
Installed-Size: $(du -sk "$WORK$APPDIR" | cut -f1)
Depends: $DEPENDS
Section: utils
Priority: optional
Homepage: https://localhost/nianbao
Description: 政府信息公开工作年度报告 编写与校核
 nianbao drafts, checks and exports the annual government information
 disclosure report (政府信息公开工作年度报告). Fully offline; Python, Qt and
 the Chinese fonts are inside the package.
EOF
cat > "$WORK/DEBIAN/postinst" <<EOF
#!/bin/sh
set -e
# UOS reads /opt/apps/*/entries itself; elsewhere (Kylin, Debian) link the entries into /usr/share.
E=$APPDIR/entries
link() { [ -e "\$2" ] || [ -L "\$2" ] || { mkdir -p "\$(dirname "\$2")"; ln -s "\$1" "\$2"; }; }
link \$E/applications/$APPID.desktop /usr/share/applications/$APPID.desktop
link \$E/icons/hicolor/scalable/apps/$APPID.svg /usr/share/icons/hicolor/scalable/apps/$APPID.svg
link \$E/icons/hicolor/256x256/apps/$APPID.png /usr/share/icons/hicolor/256x256/apps/$APPID.png
link \$E/mime/packages/$APPID.xml /usr/share/mime/packages/$APPID.xml
command -v update-mime-database >/dev/null && update-mime-database /usr/share/mime || true
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
exit 0
EOF
cat > "$WORK/DEBIAN/postrm" <<EOF
#!/bin/sh
set -e
if [ "\$1" = remove ] || [ "\$1" = purge ]; then
    for f in /usr/share/applications/$APPID.desktop /usr/share/icons/hicolor/scalable/apps/$APPID.svg \\
             /usr/share/icons/hicolor/256x256/apps/$APPID.png /usr/share/mime/packages/$APPID.xml; do
        if [ -L "\$f" ]; then rm -f "\$f"; fi
    done
    command -v update-mime-database >/dev/null && update-mime-database /usr/share/mime || true
    command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
fi
exit 0
EOF
chmod 0755 "$WORK/DEBIAN/postinst" "$WORK/DEBIAN/postrm"
DEB=$OUT/${APPID}_${VERSION}_${DEBARCH}.deb
dpkg-deb --root-owner-group -Zxz --build "$WORK" "$DEB" >/dev/null
echo "== $DEB: $(du -m "$DEB" | cut -f1) MB; Depends: $DEPENDS"
