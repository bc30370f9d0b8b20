"""Autosave to a recovery file while the report has unsaved changes, and offer it back after a crash.

Each running window owns one recovery slot (a .nianbao copy plus a small JSON note naming the original
file), guarded by a QLockFile.  A slot whose lock is stale (its process died) is a crash leftover.
A clean close or a save removes the slot.
"""
from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from model import fileformat
from model.report import Report

AUTOSAVE_MS = 30_000
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

    def load(self) -> Report:
        return fileformat.load(self.report_path)

    def discard(self) -> None:
        for p in (self.report_path, self.note_path, self.lock_path):
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
        self.lock = QLockFile(str(self.folder / f"{self.id}.lock"))
        self.lock.setStaleLockTime(0)
        self.lock.tryLock(100)

    def write(self, report: Report, original: str | None) -> None:
        fileformat.atomic_write(self.report_path, fileformat.dumps(report).encode("utf-8"), backup=False)
        note = {"original": original, "saved_at": time.time()}
        fileformat.atomic_write(self.note_path, json.dumps(note, ensure_ascii=False).encode("utf-8"),
                                backup=False)

    def clear(self) -> None:
        for p in (self.report_path, self.note_path):
            try:
                p.unlink()
            except OSError:
                pass

    def close(self) -> None:
        self.clear()
        self.lock.unlock()


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
