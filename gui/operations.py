"""Slow work off the UI thread, with progress and cancel (after Anki's aqt/operations QueryOp).

    op = BackgroundOp(parent, work, on_done)   # work(progress) runs on a worker thread
    op.on_progress(fn)                          # fn(done, total, text) on the UI thread
    op.on_failure(fn)                           # fn(exception) on the UI thread (default: a message box)
    op.run(); … op.cancel()                     # op.done once on_done or on_failure has run

`work` must not touch widgets: it reports through `progress.report(done, total, text)` and stops early
when `progress.cancelled()` is true.  The callbacks always run on the UI thread (queued signals).
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

_RUNNING: set[BackgroundOp] = set()  # kept alive until finished, whatever the caller holds on to


class Progress:
    """What the work sees: a way to report and a way to learn it should stop."""

    def __init__(self, emit: Callable[[int, int, str], None]):
        self._emit = emit
        self._stop = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._emit(done, total, text)

    def cancelled(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        self._stop.set()


class BackgroundOp(QObject):
    # emitted on the worker thread; received by this object's own slots on the UI thread (queued), which
    # call the callbacks: so a callback may be any callable, a lambda included
    _progressed = Signal(int, int, str)
    _succeeded = Signal(object)
    _failed = Signal(object)

    def __init__(self, parent: QWidget | None, work: Callable[[Progress], Any], on_done: Callable[[Any], None]):
        super().__init__()
        self._parent = parent
        self._work = work
        self._on_done = on_done
        self._on_progress: Callable[[int, int, str], None] | None = None
        self._on_failure: Callable[[Exception], None] = self._show_failure
        self.progress = Progress(self._progressed.emit)
        self._progressed.connect(self._deliver_progress)
        self._succeeded.connect(self._deliver_result)
        self._failed.connect(self._deliver_failure)
        self._thread: threading.Thread | None = None
        self.done = False  # set on the UI thread once on_done or on_failure has run
        self._orphaned = False  # the parent window is gone: finish quietly
        if parent is not None:
            parent.destroyed.connect(self._orphan)

    def on_progress(self, fn: Callable[[int, int, str], None]) -> BackgroundOp:
        self._on_progress = fn
        return self

    def on_failure(self, fn: Callable[[Exception], None]) -> BackgroundOp:
        self._on_failure = fn
        return self

    def run(self) -> BackgroundOp:
        _RUNNING.add(self)
        self._thread = threading.Thread(target=self._main, name="nianbao-op", daemon=True)
        self._thread.start()
        return self

    def cancel(self) -> None:
        self.progress.cancel()

    @property
    def running(self) -> bool:
        return not self.done

    def _main(self) -> None:
        try:
            result = self._work(self.progress)
        except Exception as e:  # noqa: BLE001 - shown to the clerk on the UI thread, never a traceback
            self._failed.emit(e)
        else:
            self._succeeded.emit(result)

    def _deliver_progress(self, done: int, total: int, text: str) -> None:
        if self._on_progress is not None and not (self.done or self._orphaned):
            self._on_progress(done, total, text)

    def _deliver_result(self, result: object) -> None:
        self._finish(self._on_done, result)

    def _deliver_failure(self, e: Exception) -> None:
        self._finish(self._on_failure, e)

    def _orphan(self, *_args: object) -> None:
        self._orphaned = True
        self.cancel()

    def _finish(self, fn: Callable[[Any], None], arg: object) -> None:
        self.done = True
        _RUNNING.discard(self)
        if not self._orphaned:
            fn(arg)

    def _show_failure(self, e: Exception) -> None:
        QMessageBox.warning(self._parent, "操作未完成", str(e) or type(e).__name__)
