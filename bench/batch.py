"""Prints the batch's throughput: 1,000 native reports read, checked and rolled up, against a bare Python pass
that json.loads and json.dumps the same files (target: at most 3× that time), three times: with figures only;
with the figures and text of the real reports we hold (tests/data: the seeds and the two published PDFs, read
by the importer; 700–1,900 characters of narrative each), every file a copy of its own; and with long
generated narratives of 5,000–10,000 characters (a stress case: the text rules then dominate); each with
--jobs 1 (read here) and N, the number of cores (from ingest.batch.WORKERS_FROM files on, N - 1 worker processes
and this one take the files a few at a time: the bare pass uses one core, the batch all of them, as a supervisor's
run does).  Then PDFs per second with
--jobs 1 and N (and how many sandboxed readers were at work at once: on a busy machine more of
them need not mean more PDFs per second).

    .venv/bin/python bench/batch.py [N_NATIVE] [N_PDF]
"""
from __future__ import annotations

import json
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import sandbox  # noqa: E402
from ingest.batch import WORKERS_FROM, default_jobs, run_batch  # noqa: E402
from model.fileformat import save  # noqa: E402
from model.rollup import roll_up  # noqa: E402
from tests.conftest import REAL_PDF, SEEDS  # noqa: E402
from tests.factories import consistent_report  # noqa: E402
from tests.narratives import narrative as make_narrative  # noqa: E402


def make_natives(folder: Path, n: int, narrative: bool) -> tuple[list[str], int]:
    """n filled reports and their narratives' mean length; with narrative, each report gets a text of its own
    (its figures drafted, the seed reports' sentences with other numbers: no cache shared between files)."""
    files, chars = [], 0
    for i in range(n):
        rng = random.Random(i)
        rep = consistent_report(rng)
        rep.meta.organ = f"示范县第{i}局"
        if narrative:
            rep.sections = make_narrative(rng, rep, rng.randint(5000, 10000), tricky=0.1)
            chars += sum(len(t) for t in rep.sections.values())
        path = folder / f"{i:04d}.nianbao"
        save(rep, path)
        files.append(str(path))
    return files, chars // n


def real_texts() -> list:
    """The real reports we hold, as the importer reads them (figures, narrative, findings and all)."""
    import ingest

    sources = sorted(SEEDS.glob("*.txt")) + sorted(REAL_PDF.glob("*.pdf"))
    return [ingest.read_report(p).report for p in sources]


def make_real_copies(folder: Path, n: int) -> tuple[list[str], int]:
    """n files, each one of the real reports with spaces put after one of its sentences, as many as make this
    copy's text its own: the same findings, but no section's text shared between files (nothing cached for one
    helps another, as in a folder of different organs' reports)."""
    reports, files, chars = real_texts(), [], 0
    for i in range(n):
        rng = random.Random(i)
        base = reports[i % len(reports)]
        rep = replace(base, sections={sid: _spaced(rng, text, 1 + i // len(reports))
                                      for sid, text in base.sections.items()})
        chars += sum(len(t) for t in rep.sections.values())
        path = folder / f"{i:04d}.nianbao"
        save(rep, path)
        files.append(str(path))
    return files, chars // n


def _spaced(rng: random.Random, text: str, spaces: int) -> str:
    """The text with a run of `spaces` spaces after one of its sentences (a distinct count per copy of a report:
    where the copies of one report put them can coincide, how many they put cannot)."""
    ends = [i + 1 for i, ch in enumerate(text) if ch == "。"] or [0]
    at = rng.choice(ends)
    return text[:at] + " " * spaces + text[at:]


def timed(fn: Callable[..., object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def bare_pass(files: list[str]) -> None:
    for f in files:
        json.dumps(json.loads(Path(f).read_bytes()))


def batch_pass(files: list[str], jobs: int) -> None:
    entries = run_batch(files, jobs)
    roll_up([(e.file, e.report) for e in entries if e.report])
    assert all(e.ok for e in entries)


def natives(n: int, corpus: str, jobs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if corpus == "real":
            files, chars = make_real_copies(Path(tmp), n)
            what = f"the real reports' figures and text ({chars:,} characters of narrative on average)"
        else:
            files, chars = make_natives(Path(tmp), n, corpus == "long")
            what = (f"figures and generated narratives of {chars:,} characters on average" if corpus == "long"
                    else "figures only, empty narrative")
        print(f"{n} native files, {what}:")
        bare_pass(files)  # warm the file cache for both passes alike
        run_batch(files[:1], jobs)  # the worker processes' fork server starts once per program
        counts = sorted({1, jobs})
        bare, best = float("inf"), dict.fromkeys(counts, float("inf"))
        for _ in range(3):  # best of several, taken in turns: the machine is shared and its load changes
            bare = min(bare, *(timed(lambda: bare_pass(files)) for _ in range(2)))
            for j in counts:
                best[j] = min(best[j], timed(lambda j=j: batch_pass(files, j)))
        print(f"  bare json.loads + json.dumps: {n / bare:7.0f} files/s")
        for j in counts:
            how = "read here" if j == 1 or n < WORKERS_FROM else f"this process and {j - 1} worker{'s' if j > 2 else ''}"
            print(f"  batch --jobs {j} (read, check, roll up; {how}): {n / best[j]:7.0f} reports/s  "
                  f"{best[j] / bare:4.1f}× the bare pass (target ≤ 3×)")


class ReaderClock:
    """Adds up the time the sandboxed readers run (ingest.sandbox.run_reader, called by the batch's threads):
    that sum over the wall time is how many readers were at work at once on average."""

    def __init__(self) -> None:
        self.busy = 0.0
        self.lock = threading.Lock()
        self.real = sandbox.run_reader

    def __enter__(self) -> ReaderClock:
        def timed_reader(*args, **kwargs):
            t = time.perf_counter()
            try:
                return self.real(*args, **kwargs)
            finally:
                with self.lock:
                    self.busy += time.perf_counter() - t
        sandbox.run_reader = timed_reader
        return self

    def __exit__(self, *exc: object) -> None:
        sandbox.run_reader = self.real


def pdfs(n: int, jobs: int) -> None:
    sources = sorted(REAL_PDF.glob("*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(n):
            dst = Path(tmp) / f"{i:03d}.pdf"
            shutil.copy(sources[i % len(sources)], dst)
            files.append(str(dst))
        run_batch(files[:1], 1)  # the sandbox's fork server starts once per program: not part of either run
        for j in sorted({1, jobs}):
            with ReaderClock() as clock:
                t = timed(lambda j=j: run_batch(files, j))
            print(f"PDF, --jobs {j}: {n / t:5.2f} PDFs/s ({n} files in {t:.1f} s; "
                  f"{clock.busy / t:.1f} sandboxed readers at work at once on average)")


def main() -> None:
    n_native = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    n_pdf = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    jobs = default_jobs()
    print(f"cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} (other programs' work slows both runs)")
    if n_native:
        for corpus in ("figures", "real", "long"):
            natives(n_native, corpus, jobs)
    if n_pdf:
        pdfs(n_pdf, jobs)


if __name__ == "__main__":
    main()
