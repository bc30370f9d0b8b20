"""Prints how long the exports take, against the way clerks make a PDF today (LibreOffice converting a
workbook: `soffice --headless --convert-to pdf`).  Targets: each export < 300 ms; ≥ 5× faster than LibreOffice.

The report is resources/samples/sample.nianbao when it exists, else the test fixture (淮安市 2024 figures
with narrative).  "first" is the first export in a fresh process (imports, font loading, subsetting);
"warm" is the median of later ones, as in the window where the clerk exports more than once.
LibreOffice runs cold each time (one process per conversion, as a clerk or a script runs it), with a
profile made beforehand so its one-off first-start set-up is not counted.
"""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import resources  # noqa: E402

SAMPLE = resources.path("samples", "sample.nianbao")
RUNS = 9
LO_RUNS = 3


def load_report():
    if SAMPLE.is_file():
        from model.fileformat import load

        return load(SAMPLE), SAMPLE.name
    from tests.test_export_sample import sample_report

    return sample_report(), "tests/test_export_sample.py (淮安市 2024)"


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def bench_exports(report, out: Path) -> dict[str, tuple[float, float]]:
    from export.pdf import write_pdf
    from export.xlsx import write_xlsx

    results = {}
    for name, fn, path in (("xlsx", write_xlsx, out / "r.xlsx"), ("pdf", write_pdf, out / "r.pdf")):
        first = timed(lambda: fn(report, path))
        warm = statistics.median(timed(lambda: fn(report, path)) for _ in range(RUNS))
        results[name] = (first, warm)
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
        lo = bench_libreoffice(out / "r.xlsx", out)
    print(f"report: {source}")
    for name, (first, warm) in res.items():
        ok = "ok" if warm < 0.3 else "SLOW"
        print(f"{name:5s} export: first {first * 1000:7.1f} ms   warm {warm * 1000:7.1f} ms   (target < 300 ms: {ok})")
    if lo is None:
        print("LibreOffice: not installed, no comparison")
        return 0
    print(f"LibreOffice xlsx → pdf: {lo * 1000:7.1f} ms (median of {LO_RUNS})")
    for name, (first, warm) in res.items():
        print(f"ratio LibreOffice / our {name}: first {lo / first:5.1f}×   warm {lo / warm:5.1f}×   (target ≥ 5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
