"""Import times: a seed text (target < 50 ms) and the 6-page real PDF (target < 2 s).

    .venv/bin/python bench/ingest.py
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT.parent / "shared" / "samples"


def timed(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), max(times)


def main() -> None:
    from ingest import read_report, read_text

    read_text("一、总体情况\n无")  # imports and first-call caches are not part of an import
    rows = []
    for path in sorted((SAMPLES / "seeds").glob("*.txt")):
        med, worst = timed(lambda p=path: read_report(p), 20)
        rows.append((f"seed text {path.name}", med, worst, 0.050))
    for path in sorted((SAMPLES / "real-pdf").glob("*.layout.txt")):
        med, worst = timed(lambda p=path: read_report(p), 20)
        rows.append((f"pdftotext -layout {path.name}", med, worst, 0.050))
    for path in sorted((SAMPLES / "real-pdf").glob("*.pdf")):
        med, worst = timed(lambda p=path: read_report(p), 5)
        rows.append((f"PDF {path.name}", med, worst, 2.0))
    rows += ofd_rows(read_report)
    print(f"{'import':58} {'median':>9} {'max':>9} {'target':>8}")
    for name, med, worst, target in rows:
        flag = "ok" if med < target else "SLOW"
        print(f"{name:58} {med * 1000:8.1f}ms {worst * 1000:8.1f}ms {target * 1000:6.0f}ms {flag}")


def ofd_rows(read_report) -> list[tuple]:
    """The real PDFs as OFD (written by the tests' OFD writer): the same 2 s target as the PDF."""
    import tempfile

    from tests.ofd_writer import pdf_to_ofd

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((SAMPLES / "real-pdf").glob("*.pdf")):
            ofd = Path(tmp) / (path.stem + ".ofd")
            pdf_to_ofd(path, ofd)
            med, worst = timed(lambda p=ofd: read_report(p), 5)
            rows.append((f"OFD {ofd.name}", med, worst, 2.0))
    return rows


if __name__ == "__main__":
    main()
