"""Autosave to a recovery file while the report has unsaved changes, and offer it back after a crash.

Each running window owns one recovery slot (a .nianbao copy, a journal of the edits made since that copy,
and a small JSON note naming the original file), guarded by a QLockFile.  A slot whose lock is stale (its
process died) is a crash leftover: the copy with its journal replayed.  A clean close or a save removes it.
The journal is written at every edit and forced to disk at most a second later, so a crash loses at most
the last second of typing; the full copy is rewritten every 30 s and the journal started afresh.
"""
from __future__ import annotations

import json
import os
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths, QTimer

from model import fileformat, journal
from model.report import Report

AUTOSAVE_MS = 30_000
JOURNAL_SYNC_MS = 1_000  # the most typing a power cut may cost; a killed process loses nothing written
ENV_DIR = "NIANBAO_RECOVERY_DIR"


def recovery_dir() -> Path:
    env = os.environ.get(ENV_DIR)
    if env:
        d = Path(env)
    else:
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
        d = Path(base or Path.home() / ".nianbao") / "recovery"
    d.mkdir(parents=True, exist_ok=True)
    return d


@dataclass
class Leftover:
    report_path: Path
    note_path: Path
    lock_path: Path
    original: str | None
    saved_at: float

    @property
    def journal_path(self) -> Path:
        return self.report_path.with_suffix(".journal")

    def load(self) -> Report:
        """The copy with the edits of its journal replayed."""
        report = fileformat.load(self.report_path)
        try:
            lines = self.journal_path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            lines = []
        journal.replay(report, lines)
        return report

    def discard(self) -> None:
        for p in (self.report_path, self.note_path, self.lock_path, self.journal_path):
            try:
                p.unlink()
            except OSError:
                pass


class RecoverySlot:
    def __init__(self, folder: Path | None = None):
        self.folder = folder or recovery_dir()
        self.id = uuid.uuid4().hex[:12]
        self.report_path = self.folder / f"{self.id}.nianbao"
        self.note_path = self.folder / f"{self.id}.json"
        self.journal_path = self.folder / f"{self.id}.journal"
        self.lock = QLockFile(str(self.folder / f"{self.id}.lock"))
        self.lock.setStaleLockTime(0)
        self.lock.tryLock(100)
        self._journal = None  # the open journal file, after the first edit since the copy
        self._syncing: threading.Thread | None = None  # the fsync under way
        self._sync = QTimer()
        self._sync.setSingleShot(True)
        self._sync.setInterval(JOURNAL_SYNC_MS)
        self._sync.timeout.connect(self.sync)

    @property
    def has_copy(self) -> bool:
        return self.report_path.is_file()

    def write(self, report: Report, original: str | None) -> None:
        """A full copy; the journal starts afresh (its edits are in the copy)."""
        fileformat.atomic_write(self.report_path, fileformat.dumps(report).encode("utf-8"), backup=False)
        note = {"original": original, "saved_at": time.time()}
        fileformat.atomic_write(self.note_path, json.dumps(note, ensure_ascii=False).encode("utf-8"),
                                backup=False)
        self._close_journal()
        self.journal_path.unlink(missing_ok=True)

    def append(self, lines: list[str]) -> None:
        """Journal lines of one edit: written now (a killed process keeps them), on disk within a second."""
        if self._journal is None:
            self._journal = open(self.journal_path, "a", encoding="utf-8")  # noqa: SIM115 - kept open
        self._journal.write("".join(line + "\n" for line in lines))
        self._journal.flush()
        if not self._sync.isActive():
            self._sync.start()

    def sync(self) -> None:
        """Force the journal to disk in a worker thread: fsync waits for the disk (milliseconds, more on a busy
        one), and the window must not wait with it between two keystrokes."""
        if self._journal is None:
            return
        if self._syncing is not None and self._syncing.is_alive():
            self._sync.start()  # the disk is slow: the lines written since go down with the next one
            return
        self._syncing = threading.Thread(target=_fsync, args=(self._journal.fileno(),), daemon=True)
        self._syncing.start()

    def _close_journal(self) -> None:
        self._sync.stop()
        if self._syncing is not None:
            self._syncing.join()  # never close the file under a running fsync
            self._syncing = None
        if self._journal is not None:
            _fsync(self._journal.fileno())
            self._journal.close()
            self._journal = None

    def clear(self) -> None:
        self._close_journal()
        for p in (self.report_path, self.note_path, self.journal_path):
            try:
                p.unlink()
            except OSError:
                pass

    def close(self) -> None:
        self.clear()
        self.lock.unlock()


def _fsync(fd: int) -> None:
    try:
        os.fsync(fd)
    except OSError:
        pass


def leftovers(folder: Path | None = None) -> list[Leftover]:
    """Recovery files of windows that did not close cleanly (their lock is not held by a live process)."""
    folder = folder or recovery_dir()
    out = []
    for note in sorted(folder.glob("*.json")):
        rid = note.stem
        report = folder / f"{rid}.nianbao"
        lock_path = folder / f"{rid}.lock"
        if not report.is_file():
            continue
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another running window owns it
        lock.unlock()
        try:
            data = json.loads(note.read_text(encoding="utf-8"))
            original = data.get("original") if isinstance(data.get("original"), str) else None
            saved_at = float(data.get("saved_at", 0))
        except (OSError, ValueError, TypeError, AttributeError):
            original, saved_at = None, 0.0
        out.append(Leftover(report, note, lock_path, original, saved_at))
    out.sort(key=lambda x: -x.saved_at)
    return out
