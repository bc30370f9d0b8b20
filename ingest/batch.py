"""Read and check many reports: walk folders for readable files, then import and check each one.  Files that
take long to parse (PDF, Word, Excel, web pages, OCR) are read by up to `jobs` threads at once: each opens its
file through ingest.read_report, whose parser runs in a sandboxed child process, so `jobs` children parse in
parallel while the threads wait for them (building the report from what a child found is ~1/5 of an import).
Our own files are read meanwhile: here, or, when there are many of them, by `jobs` worker processes, each
reading and checking its share (the checking, mostly the narrative rules, is what takes the time).

A file that cannot be read is one entry with its reason; nothing stops the batch but the caller's cancel.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as connection_wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, cast

from model.batch import BatchEntry, attach_prior, priors_by_organ
from model.engine import check
from model.rollup import Rollup, roll_up

from . import sandbox
from .api import read_report
from .formats import NATIVE_SUFFIX, kind_of_suffix, readable_suffixes
from .result import IngestError

Priors = dict  # organ key → [(file, last year's report)], see model.batch.priors_by_organ


# ---------------------------------------------------------------- which files

def _wanted(name: str) -> bool:
    """A file a walk picks up: a readable kind, not hidden, not an Office lock file (~$报告.docx).  Pictures
    are not walked (a folder's logos, seals and screenshots are no reports, and OCR takes seconds a page); a
    photo or scan named explicitly is read."""
    suffix = Path(name).suffix.lower()
    return (not name.startswith((".", "~$"))) and suffix in readable_suffixes() and kind_of_suffix(suffix) != "image"


def _walk(folder: Path) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):  # does not follow links to folders: no loops
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(root, f) for f in sorted(files) if _wanted(f)]
    return found


def find_reports(paths: Iterable[str | os.PathLike]) -> list[str]:
    """The files to read: each folder walked (recursively, readable kinds only); a file named
    explicitly is always read, whatever its name (a missing one becomes an entry saying so)."""
    out: list[str] = []
    for p in map(Path, paths):
        out += _walk(p) if p.is_dir() else [str(p)]
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- one file

def read_one(path: str, priors: Priors | None = None, cancelled: Callable[[], bool] | None = None) -> BatchEntry:
    """Import and check one file; never raises.  Once cancelled() is true its parser child is ended."""
    try:
        result = read_report(path, cancelled=cancelled)
    except IngestError as e:
        return BatchEntry(path, error=str(e))
    except Exception as e:  # noqa: BLE001 - a reader bug is one row; the batch goes on
        return BatchEntry(path, error=f"{Path(path).name}：读取时出错（{type(e).__name__}：{str(e)[:80]}）")
    report = result.report
    prior_file = attach_prior(report, priors) if priors else None
    return BatchEntry(path, report, check(report), kind=result.kind_label, notes=len(result.problems),
                      prior_file=prior_file)


# ---------------------------------------------------------------- many files

def default_jobs() -> int:
    return os.cpu_count() or 1


def _is_native(path: str) -> bool:
    return path.lower().endswith(NATIVE_SUFFIX)


def iter_batch(files: list[str], jobs: int | None = None, priors: Priors | None = None,
               cancelled: Callable[[], bool] = lambda: False) -> Iterator[BatchEntry]:
    """Entries as they are ready (not in file order); stops early once `cancelled()` is true.

    The files parsed for 0.1–1 s each are read by `jobs` threads when there are several, each waiting for its
    sandboxed parser, while our own (~1 ms each) are read in this thread or by worker processes."""
    jobs = jobs or default_jobs()
    slow = [f for f in files if not _is_native(f)]
    natives = [f for f in files if _is_native(f)]
    if jobs <= 1 or len(slow) <= 1:
        yield from _in_process(slow, priors, cancelled)
        yield from _natives(natives, jobs, priors, cancelled)
        return
    yield from _pooled(slow, natives, jobs, priors, cancelled)


def _in_process(files: list[str], priors: Priors | None, cancelled: Callable[[], bool]) -> Iterator[BatchEntry]:
    for f in files:
        if cancelled():
            return
        yield read_one(f, priors, cancelled)


def _pooled(slow: list[str], natives: list[str], jobs: int, priors: Priors | None,
            cancelled: Callable[[], bool]) -> Iterator[BatchEntry]:
    # threads, not worker processes: the parsing already runs in a child process per file, and a worker
    # process would first have to start an interpreter and its own sandbox server (longer than a PDF takes)
    pool = ThreadPoolExecutor(max_workers=min(jobs, len(slow)), thread_name_prefix="nianbao-batch")
    try:
        file_of: dict[Future, str] = {pool.submit(read_one, f, priors, cancelled): f for f in slow}
        yield from _natives(natives, jobs, priors, cancelled)
        pending = set(file_of)
        while pending and not cancelled():
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in done:
                yield _worker_entry(fut, file_of[fut])
    finally:
        pool.shutdown(wait=not cancelled(), cancel_futures=True)


def _worker_entry(fut: Future, path: str) -> BatchEntry:
    try:
        return fut.result()
    except Exception as e:  # noqa: BLE001 - read_one never raises; a bug there takes only its own file with it
        return BatchEntry(path, error=f"{Path(path).name}：读取时出错（{type(e).__name__}）")


# ---------------------------------------------------------------- our own files, many of them

# Below this many of our own files they are read here: a worker process takes 0.1 s (forked) to 0.5 s (spawned,
# as on Windows and in the bundle) to start, and a file ~0.5 ms to read and check.
WORKERS_FROM = 1000
SEND_EVERY = 16  # files a process takes at once, and the entries a worker sends at once (each send costs a
# round of pickling and a wake-up; each take a look at the shared counter)


def _natives(files: list[str], jobs: int, priors: Priors | None,
             cancelled: Callable[[], bool]) -> Iterator[BatchEntry]:
    if jobs <= 1 or len(files) < WORKERS_FROM:
        yield from _in_process(files, priors, cancelled)
        return
    yield from _in_workers(files, jobs, priors, cancelled)


def _take(counter: Any, files: list[str]) -> list[str]:
    """The next SEND_EVERY files nobody has taken (the counter is shared by this process and its workers)."""
    with counter.get_lock():
        first = counter.value
        counter.value = first + SEND_EVERY
    return files[first:first + SEND_EVERY]


def _in_workers(files: list[str], jobs: int, priors: Priors | None,
                cancelled: Callable[[], bool]) -> Iterator[BatchEntry]:
    """jobs - 1 worker processes and this one read and check the files, each taking the next few from a shared
    counter whenever it is free (a worker that starts late or is slowed down holds nobody up); the workers send
    their entries in groups, received here between this process's own files.  The files of a worker that could
    not start or died are read here afterwards."""
    unread = dict.fromkeys(files)
    counter = sandbox.shared_counter()
    workers = _Workers(jobs - 1, files, counter, priors)
    try:
        while not cancelled() and (mine := _take(counter, files)):
            for entry in _in_process(mine, priors, cancelled):
                unread.pop(entry.file, None)
                yield entry
                # after each file: a worker whose group waits in a full pipe is blocked until it is received
                yield from workers.received(unread, wait=0)
        while workers.busy() and not cancelled():
            yield from workers.received(unread, wait=0.2)
    finally:
        workers.end(killed=cancelled())
    yield from _in_process(list(unread), priors, cancelled)


class _Workers:
    """The worker processes of _in_workers and the pipes their entries come through."""

    def __init__(self, n: int, files: list[str], counter: Any, priors: Priors | None) -> None:
        self.conns: list[Connection[Any, list[BatchEntry]]] = []
        self.procs: list[BaseProcess] = []
        for _ in range(n):
            try:
                conn, proc = sandbox.start_child(_read_taken, files, counter, priors)
            except OSError:
                break  # their files are taken by this process
            self.conns.append(conn)
            self.procs.append(proc)

    def busy(self) -> bool:
        return bool(self.conns)

    def received(self, unread: dict[str, None], wait: float) -> Iterator[BatchEntry]:
        """The entries the workers have sent (waiting up to `wait` seconds for some when none has)."""
        if not self.conns:
            return
        # wait() returns some of the objects it was given: here only connections
        for conn in cast("list[Connection[Any, list[BatchEntry]]]", connection_wait(self.conns, timeout=wait)):
            try:
                entries = conn.recv()
            except (EOFError, OSError):  # the worker is done (or died: its unread files are read at the end)
                self.conns.remove(conn)
                conn.close()
                continue
            for e in entries:
                unread.pop(e.file, None)
                yield e

    def end(self, killed: bool) -> None:
        for conn in self.conns:
            conn.close()
        for proc in self.procs:
            if killed:
                proc.kill()
            sandbox.end_child(proc)


def _read_taken(conn: Connection[list[BatchEntry], Any], files: list[str], counter: Any,
                priors: Priors | None) -> None:
    """A worker process: take files from the shared counter until none is left, read and check them and
    send their entries."""
    try:
        while mine := _take(counter, files):
            conn.send([read_one(f, priors) for f in mine])
    except (OSError, EOFError):
        pass  # the batch was cancelled and the pipe closed
    finally:
        conn.close()


def run_batch(files: list[str], jobs: int | None = None, priors: Priors | None = None,
              progress: Callable[[int, int, str], None] | None = None,
              cancelled: Callable[[], bool] = lambda: False) -> list[BatchEntry]:
    """Every entry, in the order of `files`; progress(done, total, file just read) after each one."""
    entries: dict[str, BatchEntry] = {}
    for e in iter_batch(files, jobs, priors, cancelled):
        entries[e.file] = e
        if progress:
            progress(len(entries), len(files), e.file)
    return [entries[f] for f in files if f in entries]


def read_priors(files: list[str], jobs: int | None = None, progress: Callable[[int, int, str], None] | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> tuple[Priors, list[BatchEntry]]:
    """Last year's reports among `files`, by organ, and the entries of all of them (for their errors)."""
    entries = run_batch(files, jobs, None, progress, cancelled)
    return priors_by_organ([(e.file, e.report) for e in entries if e.report]), entries


# ---------------------------------------------------------------- the whole batch

@dataclass
class BatchOutcome:
    entries: list[BatchEntry]  # in file order
    rollup: Rollup
    prior_entries: list[BatchEntry] = field(default_factory=list)
    cancelled: bool = False

    @property
    def has_errors(self) -> bool:
        """Some report has an error, or some file could not be read."""
        return any(not e.ok or e.counts()["error"] for e in self.entries)

    def to_json(self) -> dict:
        """batch --json (interfaces.md)."""
        return {"reports": [e.to_json() for e in self.entries],
                "rollup": {"count": self.rollup.count, "cells": self.rollup.sums_json()}}


def check_batch(paths: list[str], prior_paths: Sequence[str] = (), jobs: int | None = None,
                progress: Callable[[int, int, str], None] | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> BatchOutcome:
    """Read last year's reports (when given), then read and check every report under `paths` and roll
    them up.  progress(done, total, file) counts last year's files and this year's together."""
    prior_files = find_reports(prior_paths) if prior_paths else []
    files = find_reports(paths)
    total = len(prior_files) + len(files)
    step = (lambda done, _n, f: progress(done, total, f)) if progress else None
    priors: Priors = {}
    prior_entries: list[BatchEntry] = []
    if prior_files:
        priors, prior_entries = read_priors(prior_files, jobs, step, cancelled)
    offset = len(prior_entries)
    step2 = (lambda done, _n, f: progress(offset + done, total, f)) if progress else None
    entries = run_batch(files, jobs, priors, step2, cancelled)
    rollup = roll_up([(e.file, e.report) for e in entries if e.report],
                     [(e.file, e.error or "") for e in entries if not e.report])
    return BatchOutcome(entries, rollup, prior_entries, cancelled())
