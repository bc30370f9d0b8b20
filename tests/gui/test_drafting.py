"""The window: 「按表格生成」 in 一, 「已过期」 after a figure changes, 「刷新」, undo; last year's value in
every cell, with its toggle; the X.JUMP factor on the 基本信息 page."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from gui.grid_model import PRIOR_ROLE
from gui.parts import PART_INDEX
from model import fileformat
from model.document import Document
from model.drafting import draft_section
from model.report import Prior

R1_NP, R1_TOT = "t3.r1.np", "t3.r1.tot"


def _s1(w, qtbot):
    w.nav.setCurrentRow(PART_INDEX["s1"])
    page = w.texts["s1"]
    cur = page.editor.textCursor()
    cur.movePosition(QTextCursor.MoveOperation.End)
    page.editor.setTextCursor(cur)
    return page


def _bump(w, by=1):
    r = w.doc.report
    w.doc.set_cells({R1_NP: r.cells[R1_NP] + by, R1_TOT: r.cells[R1_TOT] + by}, "输入")


def test_generate_edit_figure_out_of_date_refresh_undo(window, qtbot):
    page = _s1(window, qtbot)
    bar = page.draft_bar
    before = window.doc.report.sections["s1"]
    qtbot.mouseClick(bar.generate_button, Qt.MouseButton.LeftButton)
    generated = window.doc.report.sections["s1"]
    paragraph = draft_section(window.doc.report, "s1")
    assert generated == before + "\n" + paragraph and page.editor.toPlainText() == generated
    assert window.doc.report.generated["s1"].text == paragraph
    assert bar.banner.isHidden() and bar.refresh_button.isHidden()
    # a figure changes: the paragraph is out of date, not rewritten
    _bump(window)
    assert window.doc.report.sections["s1"] == generated
    assert not bar.banner.isHidden() and "已过期" in bar.banner.text() and "自然人" in bar.banner.text()
    # one click refreshes it in place
    qtbot.mouseClick(bar.refresh_button, Qt.MouseButton.LeftButton)
    refreshed = window.doc.report.sections["s1"]
    assert refreshed == before + "\n" + draft_section(window.doc.report, "s1") and refreshed != generated
    assert bar.banner.isHidden()
    # one undo restores the previous text (and the paragraph is out of date again)
    window.undo()
    assert window.doc.report.sections["s1"] == generated and page.editor.toPlainText() == generated
    assert "已过期" in bar.banner.text() and not bar.banner.isHidden()
    window.undo()  # the figure
    window.undo()  # the generation
    assert window.doc.report.sections["s1"] == before and "s1" not in window.doc.report.generated
    assert bar.banner.isHidden()


def test_an_edited_paragraph_is_refreshed_only_after_asking(window, qtbot, dialogs):
    page = _s1(window, qtbot)
    qtbot.mouseClick(page.draft_bar.generate_button, Qt.MouseButton.LeftButton)
    edited = window.doc.report.sections["s1"].replace("全年共收到政府信息公开申请52件，其中", "全年我办共收到政府信息公开申请52件，其中")
    window.doc.set_section("s1", edited)
    _bump(window)
    assert "段落已修改" in page.draft_bar.banner.text()
    from PySide6.QtWidgets import QMessageBox
    dialogs.answers = [QMessageBox.StandardButton.No]
    qtbot.mouseClick(page.draft_bar.refresh_button, Qt.MouseButton.LeftButton)
    assert window.doc.report.sections["s1"] == edited and len(dialogs.of("question")) == 1
    qtbot.mouseClick(page.draft_bar.refresh_button, Qt.MouseButton.LeftButton)  # default answer: Yes
    text = window.doc.report.sections["s1"]
    assert "全年我办共收到" in text and draft_section(window.doc.report, "s1") in text
    assert page.draft_bar.banner.isHidden()


def test_generated_paragraph_is_marked_in_the_editor(window, qtbot):
    page = _s1(window, qtbot)
    qtbot.mouseClick(page.draft_bar.generate_button, Qt.MouseButton.LeftButton)
    record = window.doc.report.generated["s1"]
    start = page.editor.toPlainText().index(record.text)
    marked = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in page.editor.extraSelections()]
    assert (start, start + len(record.text)) in marked


def _with_prior(sample_copy):
    report = fileformat.load(sample_copy)
    last = dict(report.cells)
    last[R1_NP] = 7
    report.prior = Prior(year=2024, organ=report.meta.organ, cells=last)
    return Document(report, path=str(sample_copy))


def test_prior_values_shown_in_cells_and_toggled(make_window, sample_copy, qtbot):
    w = make_window(document=_with_prior(sample_copy))
    w.nav.setCurrentRow(PART_INDEX["s3"])
    model, grid = w.models["t3"], w.grids["t3"]
    idx = model.index_of(R1_NP)
    assert model.data(idx, PRIOR_ROLE) == "7"
    assert "上年：7" in model.data(idx, Qt.ItemDataRole.ToolTipRole)
    rect = grid.visualRect(idx)
    shown = grid.viewport().grab(rect).toImage()
    assert w.act_show_prior.isChecked() and grid.show_prior
    w.act_show_prior.trigger()
    assert not grid.show_prior and not w.grids["t4"].show_prior
    qtbot.wait(10)
    hidden = grid.viewport().grab(rect).toImage()
    assert shown != hidden  # the faint 7 is gone
    w.act_show_prior.trigger()
    qtbot.wait(10)
    assert grid.viewport().grab(rect).toImage() != hidden


def test_jump_finding_and_factor_on_the_meta_page(make_window, sample_copy, qtbot):
    doc = _with_prior(sample_copy)  # 自然人 40 this year, 7 last year: beyond ×3
    w = make_window(document=doc)
    assert any(f.rule == "X.JUMP" and R1_NP in f.cells for f in doc.checker.findings())
    w.meta_page.jump.setValue(6.0)
    assert doc.report.jump_factor == Decimal(6)
    assert not any(f.rule == "X.JUMP" and R1_NP in f.cells for f in doc.checker.findings())
    w.undo()
    assert doc.report.jump_factor == Decimal(3) and w.meta_page.jump.value() == 3.0
