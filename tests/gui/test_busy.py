"""Never frozen: reading a file and exporting run off the UI thread; the window keeps repainting, a progress
dialog offers 取消, and a cancelled open leaves the report in the window untouched."""
import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from ingest import ImportResult
from model import fileformat


def _slow_reader(sample_copy, seconds, started):
    def read_report(path, progress=None, cancelled=None):
        started.append(threading.current_thread() is not threading.main_thread())
        time.sleep(seconds)
        return ImportResult(fileformat.load(sample_copy), [], "上年.pdf", "pdf")
    return read_report


def test_an_import_keeps_the_event_loop_running(window, dialogs, sample_copy, tmp_path, monkeypatch):
    started: list[bool] = []
    monkeypatch.setattr("gui.window.read_report", _slow_reader(sample_copy, 1.2, started))
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    src = tmp_path / "上年.pdf"
    src.write_bytes(b"%PDF-1.4")
    assert window.open_path(str(src)) is True
    timer.stop()
    assert started == [True]  # read on a worker thread
    assert len(ticks) >= 10  # the UI thread went on handling events all along
    assert max(b - a for a, b in zip(ticks, ticks[1:])) < 0.5


def test_cancel_leaves_the_open_report_untouched(window, dialogs, sample_copy, tmp_path, monkeypatch):
    monkeypatch.setattr("gui.window.read_report", _slow_reader(sample_copy, 3, []))
    doc = window.doc

    def press_cancel():
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if boxes:
            next(b for b in boxes[0].findChildren(QPushButton) if b.text() == "取消").click()
        else:
            QTimer.singleShot(100, press_cancel)

    QTimer.singleShot(100, press_cancel)
    src = tmp_path / "上年.pdf"
    src.write_bytes(b"%PDF-1.4")
    t0 = time.monotonic()
    assert window.open_path(str(src)) is False
    assert time.monotonic() - t0 < 2.5  # returned at 取消, not when the reader finished
    assert window.doc is doc and "已取消" in window.note.text()


def test_export_runs_off_the_ui_thread(window, dialogs, tmp_path, monkeypatch):
    seen: list[bool] = []

    def export_report(report, kind, path, force=False):
        seen.append(threading.current_thread() is not threading.main_thread())
        assert report is not window.doc.report  # a copy: the clerk may go on editing meanwhile

    monkeypatch.setattr("gui.window.export_report", export_report)
    dialogs.save_path = str(tmp_path / "年报.pdf")
    assert window.export("pdf") is True
    assert seen == [True]
