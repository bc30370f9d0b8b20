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
from typing import cast

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
# round of pickling and a wake-up)


def _natives(files: list[str], jobs: int, priors: Priors | None,
             cancelled: Callable[[], bool]) -> Iterator[BatchEntry]:
    if jobs <= 1 or len(files) < WORKERS_FROM:
        yield from _in_process(files, priors, cancelled)
        return
    yield from _in_workers(files, jobs, priors, cancelled)


class _Shares:
    """The files not yet given out, SEND_EVERY at a time, to this process and its workers alike."""

    def __init__(self, files: list[str]) -> None:
        self.files, self.given = files, 0

    def next(self) -> list[str]:
        share = self.files[self.given:self.given + SEND_EVERY]
        self.given += len(share)
        return share


AHEAD = 2  # shares a worker holds at once: the next is at hand while its entries travel back


def _in_workers(files: list[str], jobs: int, priors: Priors | None,
                cancelled: Callable[[], bool]) -> Iterator[BatchEntry]:
    """jobs - 1 worker processes and this one read and check the files, SEND_EVERY at a time, each taking the
    next share whenever it is free (a worker that starts late or is slowed down holds nobody up).  Shares go out
    from here: a worker sends back the entries of one and is given another (no shared memory, which a locked-down
    /dev/shm refuses).  The files of a worker that could not start or died are read here afterwards."""
    unread = dict.fromkeys(files)
    shares = _Shares(files)
    workers = _Workers(jobs - 1, priors, shares)
    try:
        while not cancelled() and (mine := shares.next()):
            for entry in _in_process(mine, priors, cancelled):
                unread.pop(entry.file, None)
                yield entry
                # after each file: a worker waiting for its next share, or blocked on a full pipe, goes on
                yield from workers.received(unread, wait=0)
        while workers.busy() and not cancelled():
            yield from workers.received(unread, wait=0.2)
    finally:
        workers.end(killed=cancelled())
    yield from _in_process(list(unread), priors, cancelled)


class _Workers:
    """The worker processes of _in_workers, the pipes to them and how many shares each holds."""

    def __init__(self, n: int, priors: Priors | None, shares: _Shares) -> None:
        self.shares = shares
        self.held: dict[Connection[list[str], list[BatchEntry]], int] = {}
        self.procs: list[BaseProcess] = []
        for _ in range(n):
            try:
                conn, proc = sandbox.start_child(_read_given, priors, duplex=True)
            except OSError:
                break  # their files are read by this process
            self.held[conn] = 0
            self.procs.append(proc)
            for _ in range(AHEAD):
                self._give(conn)

    def busy(self) -> bool:
        return bool(self.held)

    def _give(self, conn: Connection[list[str], list[BatchEntry]]) -> None:
        """The next share, or an empty one once none is left and the worker holds none (it then ends)."""
        share = self.shares.next()
        if not share and self.held[conn]:
            return
        try:
            conn.send(share)
        except OSError:  # the worker died: its files are read at the end
            self._drop(conn)
            return
        self.held[conn] += 1 if share else 0

    def _drop(self, conn: Connection[list[str], list[BatchEntry]]) -> None:
        self.held.pop(conn, None)
        conn.close()

    def received(self, unread: dict[str, None], wait: float) -> Iterator[BatchEntry]:
        """The entries the workers have sent (waiting up to `wait` seconds for some when none has)."""
        if not self.held:
            return
        # wait() returns some of the objects it was given: here only connections
        ready = cast("list[Connection[list[str], list[BatchEntry]]]", connection_wait(list(self.held), timeout=wait))
        for conn in ready:
            try:
                entries = conn.recv()
            except (EOFError, OSError):  # the worker is done (or died: its unread files are read at the end)
                self._drop(conn)
                continue
            self.held[conn] -= 1
            for e in entries:
                unread.pop(e.file, None)
                yield e
            self._give(conn)

    def end(self, killed: bool) -> None:
        for conn in list(self.held):
            self._drop(conn)
        for proc in self.procs:
            if killed:
                proc.kill()
            sandbox.end_child(proc)


def _read_given(conn: Connection[list[BatchEntry], list[str]], priors: Priors | None) -> None:
    """A worker process: read and check each share it is given and send its entries back, until it is given
    an empty one."""
    try:
        while files := conn.recv():
            conn.send([read_one(f, priors) for f in files])
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
