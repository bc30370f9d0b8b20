#!/usr/bin/env python3
"""Checks of the ELF files in a Linux bundle (binutils' objdump; no Python packages needed).

    elfcheck.py glibc --max 2.31 BUNDLE    fail (exit 1) when any file needs a GLIBC symbol version > 2.31;
                                           prints the highest GLIBC / GLIBCXX / CXXABI versions found
    elfcheck.py needed BUNDLE              the shared libraries the bundle needs from the system
                                           (DT_NEEDED of its files that are not in the bundle), one a line
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

VERSION_RE = re.compile(r"\b(GLIBC|GLIBCXX|CXXABI)_(\d+(?:\.\d+)*)\b")


def elf_files(root: Path):
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            p = Path(dirpath) / name
            if p.is_symlink() or not p.is_file():
                continue
            with open(p, "rb") as f:
                if f.read(4) == b"\x7fELF":
                    yield p


def _v(s: str) -> tuple[int, ...]:
    return tuple(int(x) for x in s.split("."))


def required_versions(path: Path) -> dict[str, tuple[int, ...]]:
    """The highest version per family among the symbols `path` imports (*UND* in objdump -T)."""
    out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
    best: dict[str, tuple[int, ...]] = {}
    for line in out.splitlines():
        if "*UND*" not in line:
            continue
        for fam, ver in VERSION_RE.findall(line):
            if _v(ver) > best.get(fam, ()):
                best[fam] = _v(ver)
    return best


def needed(path: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
    return [ln.split()[1] for ln in out.splitlines() if ln.strip().startswith("NEEDED")]


def cmd_glibc(args) -> int:
    limit = _v(args.max)
    top: dict[str, tuple[tuple[int, ...], str]] = {}
    bad = []
    n = 0
    for p in elf_files(Path(args.bundle)):
        n += 1
        for fam, ver in required_versions(p).items():
            if ver > top.get(fam, ((), ""))[0]:
                top[fam] = (ver, str(p.relative_to(args.bundle)))
            if fam == "GLIBC" and ver > limit:
                bad.append((ver, p))
    for fam, (ver, where) in sorted(top.items()):
        print(f"highest {fam}_{'.'.join(map(str, ver))}  ({where})")
    print(f"{n} ELF files checked")
    if bad:
        for ver, p in sorted(bad, reverse=True):
            print(f"NEEDS GLIBC_{'.'.join(map(str, ver))} > {args.max}: {p}", file=sys.stderr)
        return 1
    print(f"ok: no file needs GLIBC newer than {args.max}")
    return 0


def cmd_needed(args) -> int:
    root = Path(args.bundle)
    files = list(elf_files(root))
    present = {p.name for p in root.rglob("*")}
    wanted = sorted({n for p in files for n in needed(p)} - present)
    print("\n".join(wanted))
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("glibc")
    g.add_argument("--max", default="2.31")
    g.add_argument("bundle")
    n = sub.add_parser("needed")
    n.add_argument("bundle")
    args = p.parse_args()
    return cmd_glibc(args) if args.cmd == "glibc" else cmd_needed(args)


if __name__ == "__main__":
    sys.exit(main())
