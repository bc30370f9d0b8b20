"""Prints how long the exports take, against the way clerks make a PDF today (LibreOffice converting a
workbook: `soffice --headless --convert-to pdf`).  Targets: each export < 300 ms; ≥ 5× faster than LibreOffice.

The report is resources/samples/sample.nianbao when it exists, else the test fixture (淮安市 2024 figures
with narrative).  For each format (Excel, PDF, Word, web page):
  first    the first export in this process (imports, font loading, subsetting);
  warm     the median of later ones, as in the window where the clerk exports more than once;
  process  the whole command `main.py export FILE --pdf OUT` in a new process (start-up, imports, reading
           the file, checking it, the export), median of PROCESS_RUNS, with the font cache as the
           program leaves it; "no cache" is one run with an empty font cache (the very first export).
LibreOffice runs cold each time (one process per conversion, as a clerk or a script runs it), with a
profile made beforehand so its one-off first-start set-up is not counted.  The processes run with
bytecode caching on, as an installed program does.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from model.report import Report

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import resources  # noqa: E402

SAMPLE = resources.path("samples", "sample.nianbao")
RUNS = 9
LO_RUNS = 3
PROCESS_RUNS = 5
FORMATS = ("xlsx", "pdf", "docx", "html")


def load_report():
    if SAMPLE.is_file():
        from model.fileformat import load

        return load(SAMPLE), SAMPLE.name
    from tests.test_export_sample import sample_report

    return sample_report(), "tests/test_export_sample.py (淮安市 2024)"


def timed(fn: Callable[..., object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def bench_exports(report: Report, out: Path) -> dict[str, tuple[float, float]]:
    from export.api import TARGETS

    results = {}
    for name in FORMATS:
        path = out / f"r{TARGETS[name].suffix}"
        write = partial(TARGETS[name].write, report, path)
        first = timed(write)
        warm = statistics.median(timed(write) for _ in range(RUNS))
        results[name] = (first, warm)
    return results


def _process_env(cache: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if cache is not None:
        env["NIANBAO_CACHE_DIR"] = str(cache)
    return env


def bench_processes(report: Report, out: Path) -> dict[str, tuple[float, float]]:
    """format → (median whole-process time, one run with an empty font cache)."""
    from model.fileformat import save

    src = out / "r.nianbao"
    save(report, src)
    results = {}
    for name in FORMATS:
        cmd = [sys.executable, str(ROOT / "main.py"), "export", str(src), f"--{name}", str(out / f"p.{name}"),
               "--force"]
        run = partial(subprocess.run, cmd, capture_output=True, check=True, timeout=120)
        run(env=_process_env())  # bytecode and font cache as an installed program has them
        warm = statistics.median(timed(partial(run, env=_process_env())) for _ in range(PROCESS_RUNS))
        cold = timed(partial(run, env=_process_env(out / f"empty-cache-{name}")))
        results[name] = (warm, cold)
    return results


def bench_libreoffice(xlsx: Path, out: Path) -> float | None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        return None
    profile = out / "lo-profile"
    cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", "pdf", "--outdir", str(out / "lo"), str(xlsx)]
    subprocess.run(cmd, capture_output=True, check=True, timeout=300)  # creates the profile
    times = [timed(lambda: subprocess.run(cmd, capture_output=True, check=True, timeout=300))
             for _ in range(LO_RUNS)]
    return statistics.median(times)


def main() -> int:
    report, source = load_report()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        res = bench_exports(report, out)
        proc = bench_processes(report, out)
        lo = bench_libreoffice(out / "r.xlsx", out)
    print(f"report: {source}")
    for name, (first, warm) in res.items():
        ok = "ok" if warm < 0.3 else "SLOW"
        whole, cold = proc[name]
        print(f"{name:5s} export: first {first * 1000:7.1f} ms   warm {warm * 1000:7.1f} ms   (target < 300 ms: {ok})"
              f"   process {whole * 1000:7.1f} ms (no cache {cold * 1000:7.1f} ms)")
    if lo is None:
        print("LibreOffice: not installed, no comparison")
        return 0
    print(f"LibreOffice xlsx → pdf: {lo * 1000:7.1f} ms (median of {LO_RUNS}, one process each)")
    for name, (first, warm) in res.items():
        whole, cold = proc[name]
        print(f"ratio LibreOffice / our {name:4s}: first {lo / first:5.1f}×   warm {lo / warm:5.1f}×   "
              f"process {lo / whole:5.1f}× (no cache {lo / cold:4.1f}×)   (target ≥ 5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
