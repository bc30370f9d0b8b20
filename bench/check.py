"""Prints how long checking takes: a full check of a filled report, one incremental re-check after a
single edit, and the text rules on the largest sample narrative.  Targets: full < 2 ms, incremental < 100 µs,
a 3,000-character section's text rules < 20 ms.  Figures are medians of many runs, in microseconds."""
from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model import schema as S  # noqa: E402
from model.checks import figure_checks  # noqa: E402
from model.document import Document  # noqa: E402
from model.engine import Checker, default_checks  # noqa: E402
from model.text.checks import text_checks  # noqa: E402
from model.values import number  # noqa: E402
from tests.factories import consistent_report  # noqa: E402


def median_us(fn: Callable[..., object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e6


def largest_sample_text() -> dict[str, str] | None:
    """The narrative of the largest real sample, through the importer when it is there."""
    seeds = sorted((ROOT.parent / "shared" / "samples" / "real-pdf").glob("*.layout.txt"))
    seeds += sorted((ROOT.parent / "shared" / "samples" / "seeds").glob("*.txt"))
    if not seeds:
        return None
    try:
        import ingest

        biggest = max(seeds, key=lambda p: p.stat().st_size)
        return ingest.read_report(str(biggest)).report.sections
    except Exception:  # the importer is optional for this figure
        return None


def main() -> None:
    report = consistent_report(random.Random(1))
    report.cells["t3.r1.tot"] = number(report.cells["t3.r1.tot"]) + 1  # a finding or two, as in real life
    report.cells["t4.after.tot"] = number(report.cells["t4.after.tot"]) + 2
    figures = figure_checks()
    full = median_us(lambda: Checker(report, figures), 300)
    print(f"full check, figure rules ({len(figures)} checks): {full:8.0f} µs  (target < 2000)")
    full_all = median_us(lambda: Checker(report, default_checks()), 300)
    print(f"full check, all rules ({len(default_checks())} checks):  {full_all:8.0f} µs")

    doc = Document(report)
    rng = random.Random(2)
    cells = [c for c in S.TABLE_CELL_IDS if S.CELLS[c].kind == S.COUNT]
    times = []
    for _ in range(2000):
        cid = rng.choice(cells)
        value = rng.randint(0, 60)
        report.cells[cid] = value
        t = time.perf_counter()
        doc.checker.update((cid,))
        times.append(time.perf_counter() - t)
    print(f"incremental re-check after one edit: median {statistics.median(times) * 1e6:6.0f} µs, "
          f"p95 {sorted(times)[int(len(times) * .95)] * 1e6:6.0f} µs  (target < 100)")

    checks = text_checks()
    sections = largest_sample_text()
    if not checks:
        print("text rules: none registered yet")
    elif sections is None:
        print("text rules: no sample narrative could be read")
    else:
        report.sections = sections
        size = max(len(t) for t in sections.values())
        t = median_us(lambda: Checker(report, checks), 50)
        print(f"text rules on the largest sample ({size} characters in its longest section): {t:8.0f} µs "
              "(target < 20000)")
        one = Checker(report, checks)
        longest = max(sections, key=lambda s: len(sections[s]))
        t = median_us(lambda: one.update((f"section.{longest}",)), 50)
        print(f"text rules after an edit of that section: {t:8.0f} µs")
        # a 3,000-character section one: the sample text repeated, with a changing character so no cache helps
        base = sections[longest]
        long_text = (base * (3000 // max(len(base), 1) + 1))[:3000]
        counter = iter(range(10**9))

        def edit_long() -> None:
            report.sections[longest] = long_text[:-6] + f"{next(counter):06d}"
            one.update((f"section.{longest}",))

        t = median_us(edit_long, 30)
        print(f"text rules after an edit of a 3,000-character section: {t:8.0f} µs (target < 20000)")


if __name__ == "__main__":
    main()
