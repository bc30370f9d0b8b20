"""文件 → 批量校核…: the window reads a folder off the UI thread, shows the 总览 sortable, opens a report on
double-click, exports the workbook, and can be cancelled."""
from __future__ import annotations

import random

from PySide6.QtCore import Qt

from gui.batch_window import BatchWindow
from gui.operations import BackgroundOp
from model.fileformat import save
from tests.factories import consistent_report


def _folder(tmp_path, n: int = 3):
    d = tmp_path / "reports"
    d.mkdir()
    for i in range(n):
        rep = consistent_report(random.Random(i))
        rep.meta.organ = f"第{i}局"
        if i == 1:
            rep.cells["t3.r1.tot"] += 5
        save(rep, d / f"{i}.nianbao")
    (d / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    return d


def _run(qtbot, win: BatchWindow, folder) -> None:
    assert win.start(str(folder), "")
    qtbot.waitUntil(lambda: win.op.done, timeout=60000)


def test_folder_checked_worst_first_sortable_and_double_click_opens(qtbot, tmp_path):
    opened = []
    win = BatchWindow(open_report=opened.append, interactive=False)
    qtbot.addWidget(win)
    _run(qtbot, win, _folder(tmp_path))
    m = win.model
    assert m.rowCount() == 4
    heads = [c.head for c in m.columns]
    names = [m.index(r, 0).data() for r in range(4)]
    assert names[:2] == ["broken.pdf", "1.nianbao"]  # unreadable first, then the report with errors
    assert m.index(1, heads.index("错误")).data() != "0"
    view = win.table
    view.sortByColumn(heads.index("机关"), Qt.SortOrder.DescendingOrder)
    shown = [view.model().index(r, heads.index("机关")).data() for r in range(4)]
    assert shown == ["第2局", "第1局", "第0局", ""]
    first = view.model().index(0, 0)
    view.doubleClicked.emit(first)
    assert opened and opened[0].endswith("2.nianbao")
    assert "共 4 个文件" in win.status.text() and "无法读取 1 个" in win.status.text()
    out = tmp_path / "汇总.xlsx"
    assert win.export(str(out))
    qtbot.waitUntil(lambda: win.export_op.done, timeout=60000)
    assert out.stat().st_size > 0 and "已导出汇总表" in win.status.text()
    assert win.export(str(tmp_path / "no-such-folder" / "x.xlsx"))  # one line, no traceback
    qtbot.waitUntil(lambda: win.export_op.done, timeout=60000)
    assert "所在文件夹不存在" in win.status.text() and win.export_button.isEnabled()


def test_cancel_stops_the_batch(qtbot, tmp_path):
    win = BatchWindow(interactive=False)
    qtbot.addWidget(win)
    assert win.start(str(_folder(tmp_path, 30)), "")
    win.cancel()
    qtbot.waitUntil(lambda: win.op.done, timeout=60000)
    assert win.outcome.cancelled
    assert "已取消" in win.status.text()
    assert win.start_button.isEnabled() and not win.cancel_button.isEnabled()


def test_missing_folder_is_one_line_not_a_crash(qtbot, tmp_path):
    win = BatchWindow(interactive=False)
    qtbot.addWidget(win)
    assert not win.start(str(tmp_path / "none"), "")
    assert "不存在" in win.status.text()


def test_background_op_reports_progress_and_failure_on_the_ui_thread(qtbot):
    seen, failed, done = [], [], []

    def work(p):
        for i in range(3):
            p.report(i + 1, 3, f"f{i}")
        return "ok"

    op = BackgroundOp(None, work, done.append).on_progress(lambda *a: seen.append(a)).run()
    qtbot.waitUntil(lambda: op.done, timeout=10000)
    assert done == ["ok"] and seen[-1] == (3, 3, "f2")

    def boom(p):
        raise ValueError("坏了")

    op = BackgroundOp(None, boom, done.append).on_failure(failed.append).run()
    qtbot.waitUntil(lambda: op.done, timeout=10000)
    assert [str(e) for e in failed] == ["坏了"]


def test_menu_opens_the_batch_window(window):
    assert window.act_batch in window.menuBar().actions()[0].menu().actions()
    window.act_batch.trigger()
    assert window.batch_window.isVisible()
    window.batch_window.close()
