"""Slow work the clerk waits for (reading a PDF or a scan, exporting) runs on a worker thread through
BackgroundOp while a progress dialog with 取消 is shown and the window keeps repainting; the caller still
gets the result in line, so open/export read as plain steps."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from .operations import BackgroundOp, Progress

SHOW_AFTER_MS = 400  # quicker work finishes without a dialog flashing up


class Cancelled(Exception):
    """The clerk pressed 取消: the work's result, when it comes, is dropped."""


def run_waiting(parent: QWidget | None, title: str, label: str, work: Callable[[Progress], Any]) -> Any:
    """work(progress) on a worker thread; returns its result or raises its exception (Cancelled on 取消)."""
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def finish(key: str, value: Any) -> None:
        outcome.setdefault(key, value)
        loop.quit()

    dialog = _dialog(parent, title, label)
    op = BackgroundOp(parent, work, lambda result: finish("result", result))
    op.on_failure(lambda error: finish("error", error))
    op.on_progress(lambda done, total, text: _show_progress(dialog, done, total, text))
    def cancel() -> None:
        op.cancel()
        finish("error", Cancelled())

    dialog.canceled.connect(cancel)
    op.run()
    QTimer.singleShot(SHOW_AFTER_MS, lambda: None if outcome else dialog.show())
    if not op.done:
        loop.exec()
    dialog.reset()
    dialog.deleteLater()
    if "error" in outcome and "result" not in outcome:
        raise outcome["error"]
    return outcome.get("result")


def _dialog(parent: QWidget | None, title: str, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, "取消", 0, 0, parent)  # 0, 0: busy until the work reports its steps
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(24 * 3600 * 1000)  # shown by run_waiting's own timer (Qt shows it only on setValue)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def _show_progress(dialog: QProgressDialog, done: int, total: int, text: str) -> None:
    if total > 0:
        dialog.setMaximum(total)
        dialog.setValue(done)
    if text:
        dialog.setLabelText(text)
