"""Autosave to a recovery slot while the report has unsaved changes, and offer it back after a crash.

Each running window owns one slot, guarded by a QLockFile: numbered copies of the report (`ID.N.nianbao`), for
each copy a journal of the edits made since it (`ID.N.journal`), and a small note naming the original file
(`ID.json`).  A slot whose lock is stale (its process died) is a crash leftover: its newest copy that reads,
with the journals from that copy's number on replayed (lines hold absolute values, so replaying one more than
needed is harmless).  A clean close or a save removes the slot.

The window never waits for the disk: a copy and every journal line are written at once (a killed process
loses nothing written), and one worker thread forces them to disk (fsync: milliseconds, far more on a busy
or rotating disk) and only then removes the copy and journals the newer copy replaces.  So a power cut costs
at most the last second of typing, and a copy it tore leaves the previous one to recover from.
"""
from __future__ import annotations

import json
import os
import queue
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from PySide6.QtCore import QLockFile, QStandardPaths, QTimer

from model import fileformat, journal
from model.report import Report

AUTOSAVE_MS = 30_000
JOURNAL_SYNC_MS = 1_000  # the most typing a power cut may cost; a killed process loses nothing written
ENV_DIR = "NIANBAO_RECOVERY_DIR"
_NUMBERED = re.compile(r"\.(\d+)\.(nianbao|journal)$")


CLOSE_WAIT = 5.0  # seconds closing waits for the disk; a stuck one (a network drive) must not keep the program open


class _DiskWorker:
    """One daemon thread doing the slot's disk work in the order given.  Daemon: a disk that never answers
    cannot keep the program from exiting (what it had not written stays a leftover, offered at the next start)."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._run, name="nianbao-recovery", daemon=True)
        self.thread.start()

    def submit(self, fn: Callable[..., object], *args: object) -> None:
        self._jobs.put((fn, args))

    def wait(self, timeout: float) -> bool:
        """True once everything submitted so far is done; False after `timeout` seconds."""
        done = threading.Event()
        self._jobs.put((done.set, ()))
        return done.wait(timeout)

    def stop(self) -> None:
        """End the thread once everything submitted so far is done (a closed slot leaves no thread behind)."""
        self._jobs.put(None)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            fn, args = job
            try:
                fn(*args)
            except Exception:  # noqa: BLE001 - the jobs report the disk's errors; a bug in one must not stop the rest
                pass


def recovery_dir() -> Path:
    env = os.environ.get(ENV_DIR)
    if env:
        d = Path(env)
    else:
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
        d = Path(base or Path.home() / ".nianbao") / "recovery"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _numbered(folder: Path, rid: str, kind: str) -> list[tuple[int, Path]]:
    """The slot's copies or journals by number, oldest first; a file of the earlier, unnumbered layout
    (ID.nianbao, ID.journal) counts as number 0."""
    found = [(0, p) for p in (folder / f"{rid}.{kind}",) if p.is_file()]
    for p in folder.glob(f"{rid}.*.{kind}"):
        m = _NUMBERED.search(p.name)
        if m and p.name == f"{rid}.{m.group(1)}.{kind}":
            found.append((int(m.group(1)), p))
    return sorted(found)


def _slot_files(folder: Path, rid: str, below: float = float("inf")) -> list[Path]:
    """The slot's copies and journals, those numbered below `below` only if given."""
    return [p for n, p in _numbered(folder, rid, "nianbao") + _numbered(folder, rid, "journal") if n < below]


@dataclass
class Leftover:
    folder: Path
    rid: str
    original: str | None
    saved_at: float  # when the last edit it holds was written

    @property
    def lock_path(self) -> Path:
        return self.folder / f"{self.rid}.lock"

    def load(self) -> Report:
        """The newest copy that reads, with the edits of its journal and of every later one replayed."""
        copies = _numbered(self.folder, self.rid, "nianbao")
        first_error: Exception | None = None
        for number, path in reversed(copies):
            try:
                report = fileformat.load(path)
            except (OSError, fileformat.FileFormatError) as e:  # torn by a power cut: the one before it
                first_error = first_error or e
                continue
            for n, jpath in _numbered(self.folder, self.rid, "journal"):
                if n >= number:
                    journal.replay(report, _lines(jpath))
            return report
        raise first_error or fileformat.FileFormatError("没有自动保存的副本")

    def discard(self) -> None:
        for p in _slot_files(self.folder, self.rid) + [self.folder / f"{self.rid}.json", self.lock_path]:
            _remove(p)


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


class RecoverySlot:
    def __init__(self, folder: Path | None = None):
        self.folder = folder or recovery_dir()
        self.id = uuid.uuid4().hex[:12]
        self.note_path = self.folder / f"{self.id}.json"
        self.lock = QLockFile(str(self.folder / f"{self.id}.lock"))
        self.lock.setStaleLockTime(0)
        self.lock.tryLock(100)
        self.number = 0  # of the newest copy; never reused, so the worker's removals never meet a newer file
        self.has_copy = False  # a copy of the report's current state plus the journal (cleared on save)
        self._original: str | None = None  # as written in the note
        self._journal: IO[str] | None = None  # the newest copy's journal, open after its first edit
        self._disk = _DiskWorker()
        self._failure: OSError | None = None  # the worker's last failure, reported at the next write
        self._sync = QTimer()
        self._sync.setSingleShot(True)
        self._sync.setInterval(JOURNAL_SYNC_MS)
        self._sync.timeout.connect(self.sync)

    def copy_path(self, number: int) -> Path:
        return self.folder / f"{self.id}.{number}.nianbao"

    def journal_path(self, number: int) -> Path:
        return self.folder / f"{self.id}.{number}.journal"

    def write(self, report: Report, original: str | None) -> None:
        """A new copy, written now (about a millisecond); the edits from here on go to its own journal."""
        self._report_failure()
        data = fileformat.dumps(report).encode("utf-8")
        number = self.number + 1
        if not self.has_copy or original != self._original:
            self._write_note(original)
        with open(self.copy_path(number), "wb") as fh:
            fh.write(data)
        previous, self._journal = self._journal, None
        self.number, self.has_copy = number, True
        self._sync.stop()
        self._disk.submit(self._guarded, self._settle, number, previous)

    def append(self, lines: list[str]) -> None:
        """Journal lines of one edit: written now (a killed process keeps them), on disk within a second."""
        self._report_failure()
        if self._journal is None:
            self._journal = open(self.journal_path(self.number), "a", encoding="utf-8")  # noqa: SIM115 - kept open
        self._journal.write("".join(line + "\n" for line in lines))
        self._journal.flush()
        if not self._sync.isActive():
            self._sync.start()

    def sync(self) -> None:
        """Force the journal to disk in the worker thread."""
        if self._journal is not None:
            self._disk.submit(self._guarded, _fsync_file, self._journal)

    def clear(self) -> None:
        """Remove the slot's copies and journals (after what the worker has still to do); the note stays for the
        next copy (alone it is no leftover)."""
        self._sync.stop()
        self._disk.submit(self._guarded, self._remove_copies, self.number, self._journal)
        self._journal, self.has_copy = None, False

    def close(self) -> None:
        self.clear()
        if self._disk.wait(CLOSE_WAIT):
            _remove(self.note_path)
        self._disk.stop()
        self.lock.unlock()

    # ---- in the worker thread, in the order submitted

    def _settle(self, number: int, previous: IO[str] | None) -> None:
        """The new copy and the previous journal on disk; then what the copy replaces is removed."""
        if previous is not None:
            _fsync_file(previous)
            previous.close()
        _fsync_path(self.copy_path(number))
        _fsync_path(self.note_path)
        _fsync_folder(self.folder)
        for path in _slot_files(self.folder, self.id, below=number):
            _remove(path)

    def _remove_copies(self, upto: int, open_journal: IO[str] | None) -> None:
        if open_journal is not None:
            open_journal.close()
        for path in _slot_files(self.folder, self.id, below=upto + 1):
            _remove(path)

    def _guarded(self, fn: Callable[..., object], *args: object) -> None:
        try:
            fn(*args)
        except OSError as e:
            self._failure = e

    # ---- in the window's thread

    def _write_note(self, original: str | None) -> None:
        note = {"original": original}
        self.note_path.write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
        self._original = original

    def _report_failure(self) -> None:
        failure, self._failure = self._failure, None
        if failure is not None:
            raise failure


def _fsync_file(fh: IO[str]) -> None:
    if not fh.closed:
        os.fsync(fh.fileno())


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """The new names on disk too (POSIX; Windows cannot open a folder this way, and its rename is durable)."""
    if os.name != "posix":
        return
    try:
        _fsync_path(folder)
    except OSError:
        pass


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def leftovers(folder: Path | None = None) -> list[Leftover]:
    """Recovery slots of windows that did not close cleanly (their lock is not held by a live process),
    newest first."""
    folder = folder or recovery_dir()
    out = []
    for rid in sorted({_NUMBERED.sub("", p.name) if _NUMBERED.search(p.name) else p.stem
                       for p in folder.glob("*.nianbao")}):
        files = _slot_files(folder, rid)
        if not any(p.suffix == ".nianbao" for p in files):
            continue
        lock = QLockFile(str(folder / f"{rid}.lock"))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another running window owns it
        lock.unlock()
        out.append(Leftover(folder, rid, _original(folder / f"{rid}.json"), _last_written(files)))
    out.sort(key=lambda x: -x.saved_at)
    return out


def _original(note: Path) -> str | None:
    try:
        data = json.loads(note.read_text(encoding="utf-8"))
        return data.get("original") if isinstance(data.get("original"), str) else None
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def _last_written(files: list[Path]) -> float:
    times = []
    for p in files:
        try:
            times.append(p.stat().st_mtime)
        except OSError:
            pass
    return max(times, default=0.0)
