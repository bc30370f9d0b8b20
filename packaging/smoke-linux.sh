#!/bin/bash
# Smoke test of the built Linux bundle and .deb inside Debian 11 (glibc 2.31), as a user who is not root,
# with the bundle read-only and an empty environment:
#   check, import of a real published PDF (the reader child process), a scan of its table page read by OCR,
#   export of PDF and xlsx, export of Word and the web page and reading them back, a batch of 1,000 files
#   (worker processes), --screenshot;
#   then the .deb installed with dpkg -i into a clean bullseye chroot and `nianbao check` run there.
#
#   smoke-linux.sh CHROOT TARBALL [DEB]     (CHROOT: the build chroot, with its Qt runtime libraries)
# NIANBAO_SMOKE_PDF: the real PDF to import (default: tests/data/samples/real-pdf/huaian_city_2024.pdf);
# NIANBAO_SMOKE_SCAN_PAGE: its page drawn as a scan for OCR (default 4, table 三 of that PDF).
set -euo pipefail
CHROOT=$1 TARBALL=$2 DEB=${3:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PDF=${NIANBAO_SMOKE_PDF:-$ROOT/tests/data/samples/real-pdf/huaian_city_2024.pdf}
T=/tmp/nianbao-smoke
SCAN_PAGE=${NIANBAO_SMOKE_SCAN_PAGE:-4}  # the page of the real PDF that holds table 三
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }

echo "== smoke test in $CHROOT (bundle read-only, user nobody, env -i)"
rm -rf "$CHROOT$T" && mkdir -p "$CHROOT$T/home" "$CHROOT$T/work"
tar -C "$CHROOT$T" -xJf "$TARBALL"
B=$T/$(basename "$TARBALL" .tar.xz)
chmod -R a-w "$CHROOT$B"
if [ -f "$PDF" ]; then cp "$PDF" "$CHROOT$T/work/real.pdf"; else echo "(no real PDF at $PDF: importing the bundle's own export instead)"; fi
chown -R nobody:nogroup "$CHROOT$T/home" "$CHROOT$T/work"
touch "$CHROOT$T/.start"
SAMPLE=$B/_internal/resources/samples/sample.nianbao
run() {  # run as nobody in an empty environment; prints the command's output
    echo "\$ nianbao $*"
    chroot --userspec=nobody:nogroup "$CHROOT" /usr/bin/env -i HOME=$T/home PATH=/usr/bin:/bin \
        QT_QPA_PLATFORM=offscreen /bin/sh -c "cd $T/work && \"\$0\" \"\$@\"" "$B/nianbao" "$@"
}
run check "$SAMPLE" || fail "check of the sample"
if [ ! -f "$CHROOT$T/work/real.pdf" ]; then run export "$SAMPLE" --pdf real.pdf || fail "export for import"; fi
run import real.pdf -o imported.nianbao || fail "import of a PDF"
rc=0; run check imported.nianbao || rc=$?
[ $rc -le 1 ] || fail "check of the imported report (exit $rc)"
# a scanned page (table 三 of the real PDF drawn as a grey 200-dpi picture) read by the bundled OCR models
pdftoppm -r 200 -gray -png -singlefile -f "$SCAN_PAGE" -l "$SCAN_PAGE" "$CHROOT$T/work/real.pdf" "$CHROOT$T/work/scan"
chown nobody:nogroup "$CHROOT$T/work/scan.png"
run import scan.png -o scan.nianbao || fail "import of a scanned page (OCR)"
grep -q '"t3\.r1\.np"' "$CHROOT$T/work/scan.nianbao" || fail "OCR read no figure of table 三 from the scan"
run export "$SAMPLE" --pdf sample.pdf --xlsx sample.xlsx || fail "export of PDF and xlsx"
run export imported.nianbao --force --pdf imported.pdf --xlsx imported.xlsx || fail "export of the imported report"
# the readers the sandbox imports by name must be in the bundle: Word and web page back through their readers
run export "$SAMPLE" --docx sample.docx --html sample.html || fail "export of Word and web page"
run check sample.docx || fail "import of a Word file"
run check sample.html || fail "import of a web page"
# the supervisor's batch over 1,000 of our files: checked by worker processes the bundle spawns of itself
mkdir "$CHROOT$T/work/many"
for i in $(seq -w 1 1000); do cp "$CHROOT$SAMPLE" "$CHROOT$T/work/many/$i.nianbao"; done
chown -R nobody:nogroup "$CHROOT$T/work/many"
rc=0; run batch many --jobs 2 --json | tail -n +2 > "$CHROOT$T/work/batch.json" || rc=$?
[ $rc -le 1 ] || fail "batch of 1,000 files (exit $rc)"
python3 -c "import json, sys; d = json.load(open(sys.argv[1])); assert d['rollup']['count'] == 1000, d['rollup']['count']" \
    "$CHROOT$T/work/batch.json" || fail "batch: not every file of the 1,000 was read and summed"
t0=$(date +%s.%N)
run --screenshot $T/work/shot.png || fail "--screenshot"
echo "    (--screenshot took $(python3 -c "print(round($(date +%s.%N) - $t0, 2))") s)"
for f in sample.pdf sample.xlsx imported.pdf imported.xlsx shot.png; do
    [ -s "$CHROOT$T/work/$f" ] || fail "$f not written"
done
head -c 5 "$CHROOT$T/work/sample.pdf" | grep -q '%PDF-' || fail "sample.pdf is no PDF"
grep -aq FontFile2 "$CHROOT$T/work/sample.pdf" || fail "sample.pdf embeds no TrueType font"
[ -z "$(find "$CHROOT$B" -newer "$CHROOT$T/.start")" ] || fail "something was written into the bundle folder"
echo "written only under HOME and the work folder:"; (cd "$CHROOT$T" && find home work -type f | sort | sed 's/^/    /')
ls -la "$CHROOT$T/work" | sed 's/^/    /'

if [ -n "$DEB" ]; then
    CLEAN=$(dirname "$CHROOT")/clean
    [ -e "$CLEAN/etc/debian_version" ] || fail "no clean bullseye chroot at $CLEAN"
    D=$(dirname "$CHROOT")/deb-test
    echo "== dpkg -i $(basename "$DEB") in a copy of the clean bullseye chroot $CLEAN"
    rm -rf "$D" && cp -a "$CLEAN" "$D"
    cp -L /etc/resolv.conf "$D/etc/resolv.conf"
    cp "$DEB" "$D/tmp/"
    mount -t proc proc "$D/proc"
    trap 'umount -l "$D/proc" 2>/dev/null || true' EXIT
    chroot "$D" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive sh -c "
        apt-get update -q >/dev/null
        dpkg -i /tmp/$(basename "$DEB") || apt-get -f install -y -q --no-install-recommends
        dpkg -s org.nianbao.nianbao | grep -q 'Status: install ok installed'" || fail "dpkg -i"
    chroot "$D" dpkg -s org.nianbao.nianbao | grep -E '^(Status|Depends|Installed-Size)'
    cp "$CHROOT$SAMPLE" "$D/tmp/sample.nianbao"
    chroot --userspec=nobody:nogroup "$D" /usr/bin/env -i HOME=/tmp PATH=/usr/bin:/bin sh -c \
        'cd /tmp && nianbao check sample.nianbao' || fail "nianbao check after dpkg -i"
    chroot --userspec=nobody:nogroup "$D" /usr/bin/env -i HOME=/tmp PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen \
        sh -c 'cd /tmp && nianbao --screenshot /tmp/deb-shot.png' || fail "--screenshot after dpkg -i"
    umount -l "$D/proc"; trap - EXIT
    rm -rf "$D"
fi
echo "== smoke test passed"
