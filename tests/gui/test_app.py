"""Start-up: display detection, fonts, screenshot, clipboard parsing, imports through ingest."""
from __future__ import annotations

import sys

from PySide6.QtGui import QFontDatabase

from gui import app as gui_app
from gui.clipboard import parse_block, to_tsv


def test_display_detection(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(k, raising=False)
    assert gui_app.display_available() is False
    monkeypatch.setenv("DISPLAY", ":0")
    assert gui_app.display_available() is True
    monkeypatch.delenv("DISPLAY")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert gui_app.display_available() is True


def test_run_without_display_exits_2_with_one_line(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(k, raising=False)
    assert gui_app.run(None, None) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "check" in err and "export" in err and "import" in err


def test_bundled_font_draws_chinese(qapp):
    families = gui_app.install_fonts(qapp)
    bundled = [f for f in families if f.startswith("Nianbao") or "CJK" in f]
    assert bundled, families
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(bundled[-1])
    assert qapp.font().families()[-1] == families[-1]


def test_screenshot(qapp, tmp_path, recovery_dir):
    out = tmp_path / "shot.png"
    assert gui_app.run(None, str(out)) == 0
    assert out.stat().st_size > 10_000


def test_clipboard_shapes():
    assert parse_block("1\t2\t3\r\n4\t\t6\r\n") == [["1", "2", "3"], ["4", "", "6"]]
    assert parse_block("1,234 5，6、7\n") == [["1,234", "5", "6", "7"]]
    assert parse_block("3,4,5") == [["3", "4", "5"]]
    assert parse_block("\n\n") == []
    assert to_tsv([["1", ""], ["2", "3"]]) == "1\t\n2\t3\n"


def test_import_shows_summary_before_use(window, dialogs, tmp_path, monkeypatch, sample_copy):
    from ingest import ImportProblem, ImportResult, IngestError
    from ingest.result import UNREADABLE
    from model import fileformat

    from .conftest import B

    def read_report(path, progress=None, cancelled=None):
        if path.endswith("bad.pdf"):
            raise IngestError("「bad.pdf」不是有效的 PDF 文件")
        r = fileformat.load(sample_copy)
        r.cells["t3.r1.np"] = 7
        return ImportResult(r, [ImportProblem(UNREADABLE, "第三部分（七）总计一行无法读取，已留空")], "上年报告.pdf", "pdf")

    monkeypatch.setattr("gui.window.read_report", read_report)
    src = tmp_path / "上年报告.pdf"
    src.write_bytes(b"%PDF-1.4")
    doc = window.doc
    dialogs.answers = [B.Cancel]
    assert window.open_path(str(src)) is False and window.doc is doc
    assert "需要核对（1 项）" in dialogs.of("import")[0][2] and dialogs.of("import")[0][1] == "上年报告.pdf"
    dialogs.answers = [B.Yes]
    assert window.open_path(str(src)) is True
    assert window.doc.report.cells["t3.r1.np"] == 7
    assert window.doc.path is None and "*" in window.windowTitle()
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"xx")
    doc = window.doc
    assert window.open_path(str(bad)) is False and window.doc is doc
    assert "bad.pdf" in dialogs.of("critical")[-1][2]


def test_real_import_of_a_seed(window, dialogs):
    """Through the real ingest package: a web-text seed opens after its summary is shown."""
    from tests.conftest import SEEDS, sample_files

    seed = sample_files(SEEDS, "*.txt")[0]
    assert window.open_path(str(seed)) is True
    kind, name, summary = dialogs.of("import")[0]
    assert name == seed.name and "表格数字" in summary
    assert window.doc.report.cells and window.doc.path is None
    assert not window.native and "*" in window.windowTitle()


def test_real_export_from_window(window, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "年报.xlsx")
    assert window.export("xlsx") is True
    assert (tmp_path / "年报.xlsx").stat().st_size > 5000
    dialogs.save_path = str(tmp_path / "年报.pdf")
    assert window.export("pdf") is True
    assert (tmp_path / "年报.pdf").read_bytes().startswith(b"%PDF")
    assert not dialogs.of("question")  # a clean report exports without asking


def test_start_without_a_file_reopens_the_last_report_the_sample_only_first(qtbot, sample_copy, dialogs):
    from PySide6.QtCore import QSettings

    from gui.app import STARTED_KEY, build_window

    QSettings("nianbao", "nianbao").clear()
    first = build_window(None, reopen_last=True)
    qtbot.addWidget(first)
    assert first.display_name == "示例报告" and first.doc.report.cells
    second = build_window(None, reopen_last=True)  # started before, nothing opened since: a blank report
    qtbot.addWidget(second)
    assert second.display_name is None and not second.doc.report.cells
    second.add_recent(str(sample_copy))
    third = build_window(None, reopen_last=True)
    qtbot.addWidget(third)
    assert third.doc.path == str(sample_copy.resolve())
    assert QSettings("nianbao", "nianbao").value(STARTED_KEY, False, type=bool)
    sample_copy.unlink()  # the last report is gone: a blank report, not the sample and no error box
    fourth = build_window(None, reopen_last=True)
    qtbot.addWidget(fourth)
    assert fourth.display_name is None and not dialogs.of("critical")
    QSettings("nianbao", "nianbao").clear()


def test_open_names_a_symlink_loop_and_a_denied_file_in_chinese(window, dialogs, tmp_path, monkeypatch):
    import errno
    import os

    from model.fileformat import save
    from model.report import Report

    a, b = tmp_path / "a.nianbao", tmp_path / "b.nianbao"
    os.symlink(b, a)
    os.symlink(a, b)
    assert window.open_path(str(a)) is False
    err = dialogs.of("critical")[-1][2]
    assert "循环" in err and "不存在" not in err and "找不到" not in err
    real = tmp_path / "c.nianbao"
    save(Report(), real)

    def denied(*_a, **_k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("ingest.api.open", denied, raising=False)  # the file cannot be opened for reading
    assert window.open_path(str(real)) is False
    err = dialogs.of("critical")[-1][2]
    assert "没有读取权限" in err and "Permission" not in err
