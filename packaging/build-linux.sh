#!/bin/bash
# make bundle: the Linux onedir bundle (tar.xz) and the UOS/Kylin .deb, built inside a Debian 11 (bullseye,
# glibc 2.31) chroot so that nothing in the bundle needs a newer glibc than 2.31.
#
# Runs as root on a Debian machine (x86_64 or aarch64).  Cached between runs in /var/cache/nianbao-build (the
# chroot with its own Python 3.11 built from Debian's source package, ~2 GB; NIANBAO_BUILD_CACHE to move it;
# delete it to start from scratch).  Kept outside the source tree: setuptools and pytest walk the tree, and a
# chroot's absolute symlinks and mounted /proc would lead them astray.  Output: dist/nianbao-<version>-linux-<arch>.tar.xz and dist/nianbao_<version>_<debarch>.deb
#
#   packaging/build-linux.sh            everything
#   packaging/build-linux.sh chroot     only the cached chroot + Python (slow the first time, ~15 min)
#   packaging/build-linux.sh repackage  skip PyInstaller: check, pack and smoke-test build/stage/nianbao again
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${NIANBAO_BUILD_CACHE:-/var/cache/nianbao-build}
CHROOT=$CACHE/root
SUITE=bullseye
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
PYPREFIX=/opt/py311           # inside the chroot
VENV=/opt/venv                # inside the chroot
ARCH=$(uname -m)              # x86_64 | aarch64
VERSION=$(sed -n 's/^version *= *"\(.*\)"/\1/p' "$ROOT/pyproject.toml" | head -1)
DIST=$ROOT/dist
STAGE=$ROOT/build/stage       # host-side work folder for the bundle copy, the deb tree and smoke tests

log() { printf '\n== %s\n' "$*"; }

[ "$(id -u)" = 0 ] || { echo "make bundle needs root (debootstrap, chroot)"; exit 1; }

# ------------------------------------------------------------------ host tools
need=()
for t in debootstrap:debootstrap xz:xz-utils objdump:binutils dpkg-deb:dpkg pdftoppm:poppler-utils; do
    command -v "${t%%:*}" >/dev/null || need+=("${t#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
    log "apt-get install ${need[*]}"
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

# ------------------------------------------------------------------ mounts (always undone)
MOUNTS=()
mount_in() {  # mount_in SRC DEST [options…]
    local src=$1 dest=$CHROOT$2; shift 2
    mkdir -p "$dest"
    mountpoint -q "$dest" || { mount "$@" "$src" "$dest"; MOUNTS+=("$dest"); }
}
cleanup() {
    local i
    for ((i=${#MOUNTS[@]}-1; i>=0; i--)); do umount -l "${MOUNTS[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
in_chroot() { chroot "$CHROOT" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
    PIP_CERT=/build/host-ca.crt PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_DEFAULT_TIMEOUT=180 "$@"; }

# ------------------------------------------------------------------ 1. the bullseye chroot
CHROOT_PKGS=build-essential,ca-certificates,xz-utils,binutils,pkg-config,libssl-dev,zlib1g-dev,libbz2-dev,libffi-dev,liblzma-dev,libsqlite3-dev,uuid-dev,libncurses-dev,libreadline-dev,libgdbm-dev,libexpat1-dev
# the libraries PySide6's Qt loads (PyInstaller copies the ones it may carry into the bundle)
QT_RUNTIME="libgl1 libegl1 libopengl0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxcb-shm0 libxcb-sync1 libxcb-render0 libxcb-util1 libxrender1 libsm6 libice6"
if [ ! -e "$CHROOT/.nianbao-base" ]; then
    log "debootstrap $SUITE into $CHROOT (first run only)"
    mkdir -p "$CACHE"
    debootstrap --variant=minbase --include="$CHROOT_PKGS" "$SUITE" "$CHROOT" "$MIRROR"
    touch "$CHROOT/.nianbao-base"
fi
cp -L /etc/resolv.conf "$CHROOT/etc/resolv.conf"   # pip reaches PyPI from inside
# pip inside uses the host's CA bundle (the same as Debian's, plus any local proxy CA the host trusts)
mkdir -p "$CHROOT/build" && cp -L "${PIP_CERT:-/etc/ssl/certs/ca-certificates.crt}" "$CHROOT/build/host-ca.crt"
mount_in proc /proc -t proc
mount_in /dev /dev --bind
mount_in sysfs /sys -t sysfs
if [ ! -e "$CHROOT/.nianbao-qtlibs" ]; then
    log "Qt runtime libraries in the chroot"
    in_chroot apt-get update -q
    # shellcheck disable=SC2086
    in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $QT_RUNTIME
    touch "$CHROOT/.nianbao-qtlibs"
fi

# ------------------------------------------------------------------ 2. Python 3.11 from Debian's source package
# Built so that it needs no GLIBC newer than 2.28 (统信 UOS 20): bullseye's glibc is 2.31, but libpython uses
# only four newer symbols: exp/log/pow (+ exp2/log2 in math), re-versioned in 2.29, are linked to their old
# versions (packaging/glibc-compat.h), and sem_clockwait (2.30) is configured out (Python then uses
# sem_timedwait, as on glibc < 2.30).
PYMARK=$CHROOT$PYPREFIX/.nianbao-glibc228
if [ ! -x "$CHROOT$PYPREFIX/bin/python3.11" ] || [ ! -e "$PYMARK" ]; then
    SRC=$CACHE/src
    mkdir -p "$SRC"
    if ! ls "$SRC"/python3.11_*.orig.tar.* >/dev/null 2>&1; then
        log "apt-get source python3.11 (bookworm deb-src, download only)"
        if ! apt-get source --print-uris python3.11 2>/dev/null | grep -q orig.tar; then
            printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
                "$MIRROR" > /etc/apt/sources.list.d/nianbao-bookworm-src.sources
            apt-get update -q
        fi
        (cd "$SRC" && apt-get source --download-only python3.11)
    fi
    TARBALL=$(ls "$SRC"/python3.11_*.orig.tar.* | head -1)
    log "build CPython from $(basename "$TARBALL") inside the chroot (--enable-shared, no PGO, glibc 2.28 symbols)"
    rm -rf "$CHROOT/build/cpython" "$CHROOT$PYPREFIX" && mkdir -p "$CHROOT/build/cpython" "$CHROOT$PYPREFIX/include"
    cp "$ROOT/packaging/glibc-compat.h" "$CHROOT$PYPREFIX/include/nianbao-glibc-compat.h"
    tar -xf "$TARBALL" -C "$CHROOT/build/cpython" --strip-components=1
    in_chroot sh -c "cd /build/cpython && ./configure --prefix=$PYPREFIX --enable-shared --with-ensurepip=install \
        ac_cv_func_sem_clockwait=no CFLAGS='-include $PYPREFIX/include/nianbao-glibc-compat.h' \
        LDFLAGS=-Wl,-rpath,$PYPREFIX/lib >/build/cpython-configure.log && make -j$(nproc) >/build/cpython-make.log 2>&1 \
        && make install >/build/cpython-install.log 2>&1"
    rm -rf "$CHROOT/build/cpython" "$CHROOT$VENV"
    touch "$PYMARK"
fi
# the default build keeps debug info (-g): 29 MB of libpython alone; the bundle needs none of it
in_chroot sh -c "strip --strip-debug $PYPREFIX/lib/libpython3.11.so.1.0 $PYPREFIX/lib/python3.11/lib-dynload/*.so"
in_chroot $PYPREFIX/bin/python3.11 -c 'import ssl, lzma, bz2, sqlite3, ctypes, zlib; print("python ok")'

# ------------------------------------------------------------------ 3. the build venv (pinned by the constraints file)
CONSTRAINTS=$ROOT/packaging/constraints.txt
if [ ! -e "$CHROOT$VENV/.stamp" ] || ! cmp -s "$CONSTRAINTS" "$CHROOT$VENV/.stamp" || [ "$ROOT/pyproject.toml" -nt "$CHROOT$VENV/.stamp" ]; then
    log "build venv ($CONSTRAINTS)"
    rm -rf "$CHROOT$VENV"
    in_chroot $PYPREFIX/bin/python3.11 -m venv $VENV
    cp "$CONSTRAINTS" "$CHROOT/build/constraints.txt"
    # the project's own dependencies (pyproject) + PyInstaller, all pinned by the constraints file
    python3 - "$ROOT/pyproject.toml" > "$CHROOT/build/requirements.txt" <<'EOF'
import sys, tomllib
print("\n".join(tomllib.load(open(sys.argv[1], "rb"))["project"]["dependencies"] + ["pyinstaller"]))
EOF
    in_chroot $VENV/bin/python -m pip install --quiet --upgrade pip
    in_chroot $VENV/bin/python -m pip install --quiet -c /build/constraints.txt -r /build/requirements.txt
    cp "$CONSTRAINTS" "$CHROOT$VENV/.stamp"
fi
# rapidocr_onnxruntime is installed for its models only (ingest/readers/ocr_engine.py runs them on numpy and
# onnxruntime): its other dependencies go before PyInstaller runs, also from a venv cached by an earlier
# build, so that nothing can drag them into the bundle (OpenCV with its libraries alone was 155 MB); the spec
# excludes them too
in_chroot $VENV/bin/python -m pip uninstall --quiet -y opencv-python opencv-python-headless shapely pyclipper PyYAML
[ "${1:-}" = chroot ] && { log "chroot ready"; exit 0; }

rm -rf "$STAGE/deb"
BUNDLE=$STAGE/nianbao
if [ "${1:-}" != repackage ]; then
# ------------------------------------------------------------------ 4. PyInstaller inside the chroot
log "PyInstaller (packaging/nianbao.spec) in the chroot"
rm -rf "$CHROOT/build/src" "$CHROOT/build/out"
mkdir -p "$CHROOT/build/src"
tar -C "$ROOT" --exclude=./build --exclude=./dist --exclude=./.venv --exclude=./.git --exclude='__pycache__' \
    --exclude=./.hypothesis --exclude=./out -cf - . | tar -C "$CHROOT/build/src" -xf -
in_chroot sh -c "cd /build/src && $VENV/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath /build/out/dist --workpath /build/out/work packaging/nianbao.spec"
mkdir -p "$ROOT/build"  # a fresh clone has no build/ yet
in_chroot $VENV/bin/python -m pip freeze > "$ROOT/build/bundle-freeze.txt"

rm -rf "$STAGE" && mkdir -p "$STAGE"
mv "$CHROOT/build/out/dist/nianbao" "$BUNDLE"
cp "$ROOT/build/bundle-freeze.txt" "$BUNDLE/_internal/BUILD-VERSIONS.txt"
fi
mkdir -p "$DIST"

# ------------------------------------------------------------------ 5. checks on the bundle
log "glibc check: no file may need GLIBC > 2.31 (Debian 11, Kylin V10); also told: > 2.28 (UOS 20)?"
python3 "$ROOT/packaging/elfcheck.py" glibc --max 2.31 "$BUNDLE"
python3 "$ROOT/packaging/elfcheck.py" glibc --max 2.28 "$BUNDLE" | tail -1 || echo "(some files need GLIBC > 2.28: UOS 20 would not run it)"
log "size: $(du -sm "$BUNDLE" | cut -f1) MB"

# ------------------------------------------------------------------ 6. tar.xz and .deb
TARNAME=nianbao-$VERSION-linux-$ARCH
rm -f "$DIST/$TARNAME.tar.xz"
log "tar.xz"
tar -C "$STAGE" --owner=0 --group=0 --transform "s,^nianbao,$TARNAME," -cf - nianbao | xz -T0 -6 > "$DIST/$TARNAME.tar.xz"
log "$DIST/$TARNAME.tar.xz: $(du -m "$DIST/$TARNAME.tar.xz" | cut -f1) MB"
bash "$ROOT/packaging/make-deb.sh" "$BUNDLE" "$VERSION" "$DIST"

# ------------------------------------------------------------------ 7. smoke tests of what was built (in the chroot)
# a pristine minimal bullseye (cached) into a copy of which the .deb is installed
if [ ! -e "$CACHE/clean/.nianbao-clean" ]; then
    log "debootstrap a clean minimal $SUITE for the .deb test (first run only)"
    rm -rf "$CACHE/clean"
    debootstrap --variant=minbase "$SUITE" "$CACHE/clean" "$MIRROR"
    touch "$CACHE/clean/.nianbao-clean"
fi
bash "$ROOT/packaging/smoke-linux.sh" "$CHROOT" "$DIST/$TARNAME.tar.xz" "$(ls -t "$DIST"/*.deb | head -1)"
log "done: $(ls "$DIST")"
