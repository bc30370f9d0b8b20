"""Fixtures for driving the real window offscreen: no dialog ever blocks, files and settings in tmp."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from gui.app import SAMPLE

B = QMessageBox.StandardButton


class Dialogs:
    """Records every message box and answers questions from a queue (default: Yes / Discard)."""

    def __init__(self):
        self.calls: list[tuple[str, str, str]] = []
        self.answers: list = []
        self.save_path: str = ""
        self.open_path: str = ""
        self.text: tuple[str, bool] = ("", False)

    def _question(self, parent, title, text, buttons=None, default=None):
        self.calls.append(("question", title, text))
        if self.answers:
            return self.answers.pop(0)
        if buttons is not None and (buttons & B.Discard):
            return B.Discard
        return B.Yes

    def _box(self, kind):
        def f(parent, title, text, *a, **k):
            self.calls.append((kind, title, text))
            return B.Ok
        return f

    def of(self, kind: str) -> list[tuple[str, str, str]]:
        return [c for c in self.calls if c[0] == kind]


@pytest.fixture
def dialogs(monkeypatch):
    d = Dialogs()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(d._question))
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(d._box(kind)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (d.save_path, "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (d.open_path, "")))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: d.text))

    def confirm_import(parent, name, summary):
        d.calls.append(("import", name, summary))
        return d.answers.pop(0) == B.Yes if d.answers else True
    monkeypatch.setattr("gui.dialogs.confirm_import", confirm_import)
    return d


@pytest.fixture
def recovery_dir(tmp_path, monkeypatch):
    d = tmp_path / "recovery"
    monkeypatch.setenv("NIANBAO_RECOVERY_DIR", str(d))
    return d


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    p = tmp_path / "report.nianbao"
    shutil.copy(SAMPLE, p)
    return p


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, dialogs, recovery_dir, settings):
    from gui.window import MainWindow
    from model import fileformat
    from model.document import Document

    def make(path: Path | None = None, document=None):
        doc = document if document is not None else Document(fileformat.load(path), path=str(path))
        w = MainWindow(doc, settings=settings)
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        return w
    return make


@pytest.fixture
def window(make_window, sample_copy):
    return make_window(sample_copy)
