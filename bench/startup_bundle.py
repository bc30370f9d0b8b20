"""Start-up of the frozen bundle against `python main.py`: process start → window shown (offscreen, the
bundled sample, --screenshot), median of N runs each, alternating.  The bundle is dist/nianbao-*-linux-*.tar.xz
(extracted once into build/bench-bundle) or, when given, a bundle folder:

    .venv/bin/python bench/startup_bundle.py [--runs 7] [BUNDLE_DIR]

Prints "no bundle built" when there is none (make bundle builds it).
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def find_bundle(arg: str | None) -> Path | None:
    if arg:
        return Path(arg)
    tars = sorted((ROOT / "dist").glob(f"nianbao-*-linux-{platform.machine()}.tar.xz"), key=lambda p: p.stat().st_mtime)
    if not tars:
        return None
    tar = tars[-1]
    dest = ROOT / "build" / "bench-bundle"
    stamp = dest / ".from"
    if not (stamp.is_file() and stamp.read_text() == f"{tar.name} {tar.stat().st_mtime}"):
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir(parents=True)
        with tarfile.open(tar) as t:
            try:
                t.extractall(dest, filter="tar")
            except TypeError:  # Python without extraction filters
                t.extractall(dest)
        stamp.write_text(f"{tar.name} {tar.stat().st_mtime}")
    (folder,) = [p for p in dest.iterdir() if p.is_dir()]
    return folder


def shown_after(cmd: list[str]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, NIANBAO_PRINT_SHOWN="1", QT_QPA_PLATFORM="offscreen", HOME=tmp,
                   XDG_CONFIG_HOME=f"{tmp}/cfg", XDG_DATA_HOME=f"{tmp}/data", NIANBAO_RECOVERY_DIR=f"{tmp}/rec")
        t0 = time.time()
        proc = subprocess.run(cmd + ["--screenshot", f"{tmp}/shot.png"], cwd=tmp, env=env, capture_output=True,
                              text=True, timeout=120)
        for line in proc.stdout.splitlines():
            if line.startswith("shown "):
                return float(line.split()[1]) - t0
    raise SystemExit(f"no 'shown' line from {' '.join(cmd)}: rc={proc.returncode} {proc.stderr[-500:]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("bundle", nargs="?")
    args = ap.parse_args()
    bundle = find_bundle(args.bundle)
    if bundle is None:
        print("start-up of the bundle: no bundle built (make bundle)")
        return
    exe = bundle / ("nianbao.exe" if sys.platform == "win32" else "nianbao")
    source = [sys.executable, str(ROOT / "main.py")]
    shown_after([str(exe)])  # first run of each fills the OS file cache; not counted
    shown_after(source)
    frozen, plain = [], []
    for _ in range(args.runs):
        frozen.append(shown_after([str(exe)]))
        plain.append(shown_after(source))
    f, p = statistics.median(frozen), statistics.median(plain)
    print(f"start → window shown, median of {args.runs}: bundle {f:.3f} s (max {max(frozen):.3f}), "
          f"python main.py {p:.3f} s (max {max(plain):.3f}); bundle/python = {f / p:.2f}"
          f"  ({'ok' if f <= p * 1.05 else 'SLOWER'}: target bundle no slower than python)")


if __name__ == "__main__":
    main()
