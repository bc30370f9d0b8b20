"""The real window, driven offscreen: live checking, findings, paste, undo, totals, files, recovery."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from gui import theme
from gui.grid_model import STATE_ROLE
from gui.parts import PART_INDEX
from model import fileformat
from model.document import Document
from model.schema import t3

from .conftest import B


def _goto(w, part, cell=None):
    w.show_part(part)
    grid = w.current_grid()
    if cell:
        grid.select_cells([cell])  # explicit ClearAndSelect: immune to modifier state left by other tests
    grid.setFocus()
    return grid


def _state(w, cell):
    table = cell.split(".")[0]
    m = w.models[table]
    return m.data(m.index_of(cell), STATE_ROLE)


def _type_into(qtbot, grid, text):
    qtbot.keyClicks(grid, text[0])  # the first key opens the editor, like Excel, and replaces the value
    editor = QApplication.focusWidget()
    assert editor is not grid, "typing did not open an editor"
    qtbot.keyClicks(editor, text[1:])
    assert editor.text() == text
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)


def test_sample_opens_clean(window):
    assert window.doc.checker.counts()["error"] == 0
    assert window.doc.checker.findings() == []
    assert "*" not in window.windowTitle()
    assert "report.nianbao" in window.windowTitle()


def test_typing_figures_paints_the_right_cells_and_updates_panel(qtbot, window):
    grid = _goto(window, "s3", t3("r1", "np"))
    model = grid.grid_model
    repainted: list = []
    resets: list = []
    model.dataChanged.connect(lambda a, b: repainted.append(model.cell_at(a.row(), a.column())))
    model.modelReset.connect(lambda: resets.append(1))
    _type_into(qtbot, grid, "41")
    assert window.doc.report.cells[t3("r1", "np")] == 41
    # row total (reported side) and the column balance break
    assert _state(window, t3("r1", "tot")) == "error"
    assert _state(window, t3("r3_7", "np")) == "error" or _state(window, t3("r4", "np")) == "error"
    assert _state(window, t3("r2", "biz")) is None  # an unrelated cell stays clean
    bg = model.data(model.index_of(t3("r1", "tot")), Qt.ItemDataRole.BackgroundRole)
    assert bg == theme.background("error")
    # exactly the affected cells were repainted, no model reset
    assert not resets
    assert t3("r1", "np") in repainted and t3("r1", "tot") in repainted
    assert t3("r2", "biz") not in repainted
    assert len(repainted) < 40
    # Enter moved down
    assert model.cell_at(grid.currentIndex().row(), grid.currentIndex().column()) == t3("r2", "np")
    # panel, title, nav mark
    # 2 in the table, and the text's 「申请人中，自然人40件」 no longer agrees (N.RECEIVED)
    qtbot.waitUntil(lambda: window.panel.summary.text().startswith("错误 3"))
    tops = [window.panel.tree.topLevelItem(i).text(0) for i in range(window.panel.tree.topLevelItemCount())]
    assert tops[0] == "错误（3）"
    assert "*" in window.windowTitle()
    qtbot.waitUntil(lambda: window.nav.item(PART_INDEX["s3"]).data(Qt.ItemDataRole.UserRole + 1) == "error")
    assert window.nav.item(PART_INDEX["s4"]).data(Qt.ItemDataRole.UserRole + 1) is None


def test_typed_bad_value_keeps_the_editor_and_no_keystroke_is_lost(qtbot, window, dialogs):
    """The clerk's path from the issue: abc, Enter; then 41, Enter lands in the same cell; ↓ moves in the grid."""
    grid = _goto(window, "s3", t3("r1", "res"))
    qtbot.keyClicks(grid, "a")
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "bc")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert grid.state() == grid.State.EditingState and QApplication.focusWidget() is editor
    assert editor.reason and "abc" in editor.toolTip() + editor.text() and editor.selectedText() == "abc"
    assert "科研机构" in window.note.text() or "abc" in window.note.text()
    assert not dialogs.of("warning") and not dialogs.of("critical")  # no modal box while typing
    qtbot.keyClicks(editor, "41")  # the selection is replaced, as in Excel
    assert editor.text() == "41" and not editor.reason
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)
    assert window.doc.report.cells[t3("r1", "res")] == 41
    model = grid.grid_model
    assert model.cell_at(grid.currentIndex().row(), grid.currentIndex().column()) == t3("r2", "res")
    assert QApplication.focusWidget() is grid
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert window.stack.currentWidget() is window.pages["s3"]  # ↓ stayed in the grid, the page did not switch
    assert model.cell_at(grid.currentIndex().row(), grid.currentIndex().column()) == t3("r3_1", "res")


def test_escape_gives_the_old_value_back_after_a_refusal(qtbot, window, dialogs):
    grid = _goto(window, "s3", t3("r1", "np"))
    qtbot.keyClicks(grid, "x")
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.reason and grid.state() == grid.State.EditingState
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)
    assert window.doc.report.cells[t3("r1", "np")] == 40
    assert grid.grid_model.cell_at(grid.currentIndex().row(), grid.currentIndex().column()) == t3("r1", "np")


def test_full_width_digits_typed(qtbot, window):
    grid = _goto(window, "s3", t3("r2", "np"))
    assert grid.grid_model.setData(grid.grid_model.index_of(t3("r2", "np")), "１２")
    assert window.doc.report.cells[t3("r2", "np")] == 12


def test_clicking_a_finding_selects_and_outlines_its_cells(qtbot, window):
    window.doc.set_cells({t3("r1", "np"): 41})
    window.panel.flush()
    window.show_part("meta")
    f = next(f for f in window.doc.checker.findings() if f.rule == "T3.BALANCE")
    item = window.panel.item_for(f.key)
    tree = window.panel.tree
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_part() == "s3"
    grid = window.current_grid()
    assert set(grid.selected_cells()) == set(f.cells)
    assert grid.traced == set(f.cells)
    cur = grid.currentIndex()
    assert grid.grid_model.cell_at(cur.row(), cur.column()) == (f.primary or f.cells)[0]


def test_paste_block_from_excel_is_one_undo_step(qtbot, window, dialogs):
    grid = _goto(window, "s3", t3("r3_3_1", "np"))
    before = dict(window.doc.report.cells)
    QGuiApplication.clipboard().setText("1\t2\t3\r\n4\t5\t6\r\n")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    got = {c: window.doc.report.cells[c] for c in (t3("r3_3_1", "np"), t3("r3_3_1", "biz"), t3("r3_3_1", "res"),
                                                    t3("r3_3_2", "np"), t3("r3_3_2", "biz"), t3("r3_3_2", "res"))}
    assert list(got.values()) == [1, 2, 3, 4, 5, 6]
    assert not dialogs.of("warning")
    # undo with Ctrl+Z restores all six at once; Ctrl+Y brings them back
    window.activateWindow()
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.report.cells == before
    qtbot.keyClick(grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.report.cells[t3("r3_3_2", "res")] == 6
    window.undo()
    assert window.doc.report.cells == before


def test_paste_refuses_bad_values_and_keeps_good_ones(qtbot, window, dialogs):
    grid = _goto(window, "s3", t3("r3_3_1", "np"))
    grid.paste_text("7，abc，３\n-2 8 x9\n")
    c = window.doc.report.cells
    assert c[t3("r3_3_1", "np")] == 7 and c[t3("r3_3_1", "res")] == 3
    assert c[t3("r3_3_1", "biz")] == 0  # refused: unchanged
    assert c[t3("r3_3_2", "biz")] == 8
    msg = dialogs.of("warning")[0][2]
    assert "abc" in msg and "-2" in msg and "x9" in msg
    assert window.doc.undo_label().startswith("粘贴")


def test_copy_selection_as_tsv(qtbot, window):
    grid = _goto(window, "s3")
    grid.select_cells([t3("r1", "np"), t3("r1", "biz"), t3("r2", "np"), t3("r2", "biz")])
    assert grid.copy_selection() == "40\t6\n2\t1\n"
    assert QGuiApplication.clipboard().text() == "40\t6\n2\t1\n"


def test_delete_clears_selection_in_one_step(qtbot, window):
    grid = _goto(window, "s3")
    cells = [t3("r1", "np"), t3("r1", "biz")]
    grid.select_cells(cells)
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert all(window.doc.report.cells.get(c) is None for c in cells)
    window.undo()
    assert window.doc.report.cells[t3("r1", "np")] == 40 and window.doc.report.cells[t3("r1", "biz")] == 6


def test_tab_moves_right_arrows_skip_labels(qtbot, window):
    grid = _goto(window, "s3", t3("r1", "tot"))
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    cur = grid.currentIndex()
    assert grid.grid_model.cell_at(cur.row(), cur.column()) == t3("r2", "np")
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    cur = grid.currentIndex()
    assert grid.grid_model.cell_at(cur.row(), cur.column()) == t3("r2", "np")  # labels are skipped
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    cur = grid.currentIndex()
    assert grid.grid_model.cell_at(cur.row(), cur.column()) == t3("r3_1", "np")


def test_compute_totals_asks_applies_one_step(qtbot, window, dialogs):
    window.doc.set_cells({t3("r3_1", "np"): 20, t3("r3_1", "biz"): 4}, label="两格")
    assert any(f.rule == "T3.ROW_TOTAL" for f in window.doc.checker.findings())
    dialogs.answers = [B.Yes]
    changes = window.compute_totals()
    assert changes[t3("r3_1", "tot")] == 27
    assert changes[t3("r3_7", "np")] == 41
    assert window.doc.report.cells[t3("r3_7", "tot")] == 54
    assert not any(f.rule in ("T3.ROW_TOTAL", "T3.LEAF_SUM") for f in window.doc.checker.findings())
    q = dialogs.of("question")[-1][2]
    assert "→ 27" in q
    window.undo()
    assert window.doc.report.cells[t3("r3_1", "tot")] == 24
    assert window.doc.undo_label() == "两格"
    # declining changes nothing
    dialogs.answers = [B.No]
    assert window.compute_totals() == {}
    assert window.doc.report.cells[t3("r3_1", "tot")] == 24


def test_corrupt_file_leaves_open_report_untouched(window, dialogs, tmp_path):
    bad = tmp_path / "坏文件.nianbao"
    bad.write_bytes(b'{"format": "nianbao", "version": 1, "cells": {"t3.r1.np": "abc"}}')
    doc = window.doc
    window.doc.set_cells({t3("r1", "np"): 41})
    assert window.open_path(str(bad)) is False
    assert window.doc is doc and doc.report.cells[t3("r1", "np")] == 41
    err = dialogs.of("critical")[0][2]
    assert "坏文件.nianbao" in err
    garbage = tmp_path / "垃圾.nianbao"
    garbage.write_bytes(b"\x00\xff" * 100)
    assert window.open_path(str(garbage)) is False
    assert window.doc is doc
    assert "垃圾.nianbao" in dialogs.of("critical")[1][2]


def test_save_and_title(window, dialogs, tmp_path):
    window.doc.set_cells({t3("r1", "np"): 41})
    assert window.windowTitle().startswith("report.nianbao*")
    assert window.save()
    assert "*" not in window.windowTitle()
    assert fileformat.load(window.doc.path).cells[t3("r1", "np")] == 41
    dialogs.save_path = str(tmp_path / "另存")
    assert window.save_as()
    assert window.doc.path.endswith("另存.nianbao")
    assert window.recent_files()[0].endswith("另存.nianbao")


def test_crash_then_restart_offers_restore(qtbot, make_window, sample_copy, dialogs, recovery_dir):
    from gui.app import offer_recovery

    w1 = make_window(sample_copy)
    w1.doc.set_cells({t3("r1", "np"): 41, t3("r1", "tot"): 53})
    w1.texts["s5"].editor.setPlainText("新的问题与改进。")
    assert w1.autosave()
    # simulate a crash: the process "dies" with its recovery copy on disk and its lock released
    w1._autosave.stop()
    w1.recovery.lock.unlock()
    w1.recovery = None
    w1.doc.mark_saved()
    w2 = make_window(document=Document())
    dialogs.answers = [B.Yes]
    assert offer_recovery(w2)
    assert w2.doc.report.cells[t3("r1", "np")] == 41
    assert w2.doc.report.sections["s5"] == "新的问题与改进。"
    assert w2.doc.path == str(sample_copy)
    assert "*" in w2.windowTitle()
    assert not list(recovery_dir.glob("*.nianbao"))  # taken, so not offered again
    w3 = make_window(document=Document())
    assert not offer_recovery(w3)


def test_clean_close_leaves_no_recovery(qtbot, make_window, sample_copy, dialogs, recovery_dir):
    w = make_window(sample_copy)
    w.doc.set_cells({t3("r1", "np"): 41})
    assert w.autosave()
    assert list(recovery_dir.glob("*.nianbao"))
    dialogs.answers = [B.Discard]
    w.close()
    assert not list(recovery_dir.glob("*.nianbao"))


def test_close_with_unsaved_changes_asks(window, dialogs):
    window.doc.set_cells({t3("r1", "np"): 41})
    dialogs.answers = [B.Cancel]
    assert window.close() is False
    assert dialogs.of("question")
    dialogs.answers = [B.Discard]
    assert window.close() is True


def test_new_from_prior(window, dialogs, sample_copy):
    assert window.new_from_prior_path(str(sample_copy))
    r = window.doc.report
    assert r.meta.year == 2026
    assert r.cells[t3("r2", "np")] == 3 and r.cells[t3("r2", "tot")] == 4
    assert r.prior.year == 2025
    assert "*" in window.windowTitle() and window.doc.path is None


def test_explanation_from_panel(qtbot, window, dialogs):
    # (not 现行有效 itself: the sample's text states 「现行有效25件」, which a changed figure would contradict too)
    window.doc.set_cells({"t2.normative.repealed": 0})
    window.panel.flush()
    f = next(f for f in window.doc.checker.findings() if f.rule == "X.IN_FORCE")
    tree = window.panel.tree
    assert not window.panel.explain_button.isEnabled()  # nothing selected yet
    tree.setCurrentItem(window.panel.item_for(f.key))
    assert window.panel.explain_button.isEnabled()
    tree.clearSelection()  # the current item stays, but no finding is selected any more
    assert not window.panel.explain_button.isEnabled()
    tree.setCurrentItem(tree.topLevelItem(0))  # a group heading
    assert not window.panel.explain_button.isEnabled()
    tree.setCurrentItem(window.panel.item_for(f.key))
    dialogs.text = ("本年清理文件时恢复1件。", True)
    window.panel.explain_button.click()
    assert window.doc.report.explanations[f.key] == "本年清理文件时恢复1件。"
    assert _state(window, "t2.normative.in_force") == "explained"
    window.undo()
    assert _state(window, "t2.normative.in_force") == "warning"


def test_explanation_from_a_cell_context_menu(qtbot, window, dialogs):
    # (not 现行有效 itself: the sample's text states 「现行有效25件」, which a changed figure would contradict too)
    window.doc.set_cells({"t2.normative.repealed": 0})
    grid = window.grids["t2"]
    window.show_part("s2")
    idx = grid.grid_model.index_of("t2.normative.in_force")
    pos = grid.visualRect(idx).center()
    offered = grid.explainable_at(pos)
    assert [f.rule for f in offered] == ["X.IN_FORCE"]
    assert grid.explainable_at(grid.visualRect(grid.grid_model.index_of("t2.license.decisions")).center()) == []
    dialogs.text = ("文件清理。", True)
    with qtbot.waitSignal(grid.explain_requested):
        grid.explain_requested.emit(offered[0])
    assert window.doc.report.explanations[offered[0].key] == "文件清理。"
    assert _state(window, "t2.normative.in_force") == "explained"


def test_export_asks_when_errors_and_calls_writer(window, dialogs, tmp_path, monkeypatch):
    import sys
    import types

    calls = []
    fake = types.ModuleType("export.xlsx")
    fake.write_xlsx = lambda report, path: calls.append(path)
    monkeypatch.setitem(sys.modules, "export.xlsx", fake)
    dialogs.save_path = str(tmp_path / "out")
    window.doc.set_cells({t3("r1", "np"): 41})
    dialogs.answers = [B.No]
    assert window.export("xlsx") is False and not calls
    dialogs.answers = [B.Yes]
    assert window.export("xlsx") is True
    assert calls == [str(tmp_path / "out.xlsx")]


def test_undo_restores_text_section(qtbot, window):
    page = window.texts["s5"]
    window.show_part("s5")
    old = page.editor.toPlainText()
    page.editor.setPlainText(old + "补充。")
    assert page.pending()
    qtbot.waitUntil(lambda: not page.pending(), timeout=2000)
    assert window.doc.report.sections["s5"].endswith("补充。")
    window.undo()
    assert page.editor.toPlainText() == old


def test_overview_count_label(window):
    page = window.texts["s1"]
    page.editor.setPlainText("2025年，本机关收到申请52件（PDF格式）。")
    assert page.count.text() == "18 / 1000 字"


# a program of its own holding the window `w` on the file argv[2]; the edits and the way it dies follow
CHILD_WINDOW = r"""
import os, signal, sys
sys.path.insert(0, sys.argv[1])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from gui.app import make_app
from gui.window import MainWindow
from model import fileformat
from model.document import Document
app = make_app()
w = MainWindow(Document(fileformat.load(sys.argv[2]), path=sys.argv[2]))
"""

CRASHING_CHILD = CHILD_WINDOW + r"""
w.doc.set_cells({"t3.r1.np": 77})
assert w.autosave()
os._exit(3)  # the process dies: no close, no cleanup
"""


def _run_child(script: str, sample_copy, recovery_dir) -> int:
    """The child program run on the sample's copy with the tests' recovery folder; its return code."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, NIANBAO_RECOVERY_DIR=str(recovery_dir))
    return subprocess.run([sys.executable, "-c", script, root, str(sample_copy)], env=env, timeout=60).returncode


def test_real_process_crash_is_recovered(make_window, sample_copy, dialogs, recovery_dir):
    from gui.app import offer_recovery

    assert _run_child(CRASHING_CHILD, sample_copy, recovery_dir) == 3
    w = make_window(document=Document())
    dialogs.answers = [B.Yes]
    assert offer_recovery(w)
    assert w.doc.report.cells[t3("r1", "np")] == 77 and w.doc.path == str(sample_copy)


def test_f2_edits_in_place_typing_replaces(qtbot, window):
    grid = _goto(window, "s3", t3("r1", "np"))
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not grid and editor.text() == "40" and not editor.hasSelectedText()
    qtbot.keyClicks(editor, "1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)
    assert window.doc.report.cells[t3("r1", "np")] == 401
    window.undo()
    _type_into(qtbot, _goto(window, "s3", t3("r1", "np")), "9")
    assert window.doc.report.cells[t3("r1", "np")] == 9


def test_t3_fits_1366_without_horizontal_scrolling(window):
    window.resize(1366, 768)
    grid = _goto(window, "s3")
    QApplication.processEvents()
    assert grid.content_width() <= grid.viewport().width()
    assert not grid.horizontalScrollBar().isVisible()


def test_tooltip_and_status_bar_show_the_cell_findings(qtbot, window):
    window.doc.set_cells({t3("r1", "np"): 41})
    grid = _goto(window, "s3", t3("r1", "tot"))
    m = grid.grid_model
    tip = m.data(m.index_of(t3("r1", "tot")), Qt.ItemDataRole.ToolTipRole)
    assert "总计列不等于各类申请人之和" in tip
    assert "总计列不等于各类申请人之和" in window.cell_status.text()
    label = m.data(m.index(3, 0), Qt.ItemDataRole.DisplayRole)
    assert label == "一、本年新收政府信息公开申请数量"
    assert not (m.flags(m.index(3, 0)) & Qt.ItemFlag.ItemIsEditable)


def test_chinese_ime_full_width_digits_open_the_editor(qtbot, window):
    from PySide6.QtGui import QInputMethodEvent

    grid = _goto(window, "s3", t3("r2", "np"))
    assert grid.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    ev = QInputMethodEvent()
    ev.setCommitString("１２")
    QApplication.sendEvent(grid, ev)
    editor = QApplication.focusWidget()
    assert editor is not grid and editor.text() == "１２"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)
    assert window.doc.report.cells[t3("r2", "np")] == 12


def test_new_report_recent_menu_and_autosave_timer(window, dialogs, sample_copy):
    assert window._autosave.isActive() and window._autosave.interval() == 30_000
    assert window.autosave() is False  # nothing unsaved: no recovery copy
    window.add_recent(str(sample_copy))
    window._fill_recent()
    names = [a.text() for a in window.recent_menu.actions()]
    assert names == ["report.nianbao"]
    window.new_report()
    assert window.doc.report.cells == {} and window.current_part() == "meta"
    assert window.windowTitle().startswith("未命名")
    qa = window.doc.checker.counts()
    assert qa["info"] > 100  # blanks are marked as incomplete
    m = window.models["t3"]
    assert m.data(m.index_of(t3("r1", "np")), STATE_ROLE) == "info"


def test_meta_form_edits_are_undoable(window, dialogs):
    page = window.meta_page
    page.organ.setText("示范市另一区人民政府办公室")
    page.organ.editingFinished.emit()
    assert window.doc.report.meta.organ == "示范市另一区人民政府办公室"
    assert "示范市另一区人民政府办公室2025年" in page.title.text()
    page.level.setCurrentIndex(page.level.findData("county"))
    assert window.doc.report.meta.level == "county"
    page.published.setText("2026/13/40")
    page.published.editingFinished.emit()
    assert window.doc.report.meta.published == "2026-01-20" and dialogs.of("warning")
    window.undo()
    window.undo()
    assert window.doc.report.meta.organ == "示范市示范区人民政府办公室"
    assert page.organ.text() == "示范市示范区人民政府办公室"


KILLED_CHILD = CHILD_WINDOW + r"""
w.doc.set_cells({"t3.r1.np": 77})
w.doc.set_cells({"t3.r1.tot": 89})
w.texts["s5"].editor.setPlainText("崩溃前刚写的一句。")
w.texts["s5"].flush()
w.doc.set_meta("organ", "改过的机关")
w.doc.set_cells({"t3.r2.np": 5})
w.doc.undo()
os.kill(os.getpid(), signal.SIGKILL)  # no autosave ran: only the journal holds the later edits
"""


def test_kill_9_right_after_edits_loses_nothing(make_window, sample_copy, dialogs, recovery_dir):
    import signal

    from gui.app import offer_recovery

    before = fileformat.load(sample_copy).cells.get(t3("r2", "np"))
    assert _run_child(KILLED_CHILD, sample_copy, recovery_dir) == -signal.SIGKILL
    w = make_window(document=Document())
    dialogs.answers = [B.Yes]
    assert offer_recovery(w)
    r = w.doc.report
    assert r.cells[t3("r1", "np")] == 77 and r.cells[t3("r1", "tot")] == 89
    assert r.sections["s5"] == "崩溃前刚写的一句。" and r.meta.organ == "改过的机关"
    assert r.cells.get(t3("r2", "np")) == before  # the undone edit stays undone


def test_meta_page_shows_the_explanation_at_once(window, dialogs):
    window.doc.set_meta("published", "2099-12-31")  # past every deadline: N.DEADLINE, a warning
    page = window.meta_page
    f = next(f for f in window.doc.checker.findings() if f.rule == "N.DEADLINE")
    assert "[警告]" in page.issues.text()
    window.doc.set_explanation(f.key, "经批准延期发布。")
    assert "[警告]" not in page.issues.text() and "[已说明]" in page.issues.text()


def test_status_line_parts_never_overlap_or_squeeze_each_other(window, qtbot):
    window.resize(1024, 700)
    window.show_part("s3")
    window.doc.set_cells({t3("r1", "np"): 41})
    grid = window.current_grid()
    grid.setCurrentIndex(grid.grid_model.index_of(t3("r1", "np")))
    window.show_message("已根据「" + "某" * 80 + ".nianbao」新建 2025 年度报告：正文沿用上年，上年结转已填入，请逐项更新")
    qtbot.wait(10)
    cell, note, counts = window.cell_status.geometry(), window.note.geometry(), window.counts.geometry()
    assert cell.right() < note.left() and note.right() < counts.left()
    assert cell.width() >= 1.3 * note.width()  # the cell's findings keep the larger share
    assert window.note.toolTip().endswith("请逐项更新")


def test_leaving_a_refused_value_keeps_the_old_one_without_a_box(qtbot, window, dialogs):
    grid = _goto(window, "s3", t3("r1", "np"))
    qtbot.keyClicks(grid, "y")
    window.show_part("s4")  # focus leaves the cell with text that is no number
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState)
    assert window.doc.report.cells[t3("r1", "np")] == 40
    assert "已恢复原值" in window.note.text() and not dialogs.of("warning")


def test_auto_totals_in_a_new_report_follow_typing_and_one_undo(qtbot, window, dialogs):
    window.new_report()
    assert window.doc.report.auto_totals and window.act_auto_totals.isChecked()
    grid = _goto(window, "s3", t3("r1", "np"))
    _type_into(qtbot, grid, "40")
    grid.select_cells([t3("r1", "biz")])
    _type_into(qtbot, grid, "12")
    cells = window.doc.report.cells
    assert cells[t3("r1", "tot")] == 52
    model = grid.grid_model
    assert not model.flags(model.index_of(t3("r1", "tot"))) & Qt.ItemFlag.ItemIsEditable
    grid.select_cells([t3("r1", "tot")])
    qtbot.keyClicks(grid, "7")  # typing on a computed total opens no editor and says why
    assert grid.state() != grid.State.EditingState and "自动合计" in window.note.text()
    window.undo()
    assert cells.get(t3("r1", "biz")) is None and cells[t3("r1", "tot")] == 40


def test_turning_auto_totals_on_and_fixing_a_total_by_its_formula(qtbot, window, dialogs):
    assert not window.doc.report.auto_totals  # an opened report keeps its printed totals
    window.doc.set_cells({t3("r1", "tot"): 60})
    window.panel.flush()
    f = next(f for f in window.doc.checker.findings() if f.rule == "T3.ROW_TOTAL")
    window.panel.tree.setCurrentItem(window.panel.item_for(f.key))
    assert window.panel.fix_button.isEnabled()
    window.panel.fix_button.click()
    assert window.doc.report.cells[t3("r1", "tot")] == 52
    window.panel.flush()
    assert not window.panel.fix_button.isEnabled()
    window.doc.set_cells({t3("r1", "tot"): 60})
    window.act_auto_totals.trigger()
    assert window.doc.report.auto_totals and window.doc.report.cells[t3("r1", "tot")] == 52
    window.undo()
    assert not window.act_auto_totals.isChecked() and window.doc.report.cells[t3("r1", "tot")] == 60


def test_file_menu_exports_word_and_web_page(window, dialogs, tmp_path):
    """「导出 Word…」 and 「导出网页…」 are in the 文件 menu, and each writes its file."""
    from PySide6.QtWidgets import QMenu

    file_menu = window.menuBar().findChildren(QMenu)[0]
    texts = [a.text() for a in file_menu.actions()]
    assert "导出 Word…" in texts and "导出网页…" in texts
    for kind, suffix in (("docx", ".docx"), ("html", ".html")):
        dialogs.save_path = str(tmp_path / f"out-{kind}")
        window.act_export[kind].trigger()
        assert (tmp_path / f"out-{kind}{suffix}").stat().st_size > 0


def test_damaged_recent_setting_means_no_recent_files(make_window, settings, sample_copy):
    # a hand-edited settings file's 「recent=5」 reads back as a number, not a list: it must not stop the start
    settings.setValue("recent", 5)
    w = make_window(sample_copy)
    assert w.recent_files() == []
    w.add_recent(str(sample_copy))
    assert w.recent_files() == [str(sample_copy.resolve())]
