"""Text sections: spans of findings underlined in their colour, clicking a finding selects the sentence,
debounced checking, 字数."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt

from gui import theme
from gui.app import SAMPLE
from gui.parts import PART_INDEX
from model import fileformat
from model.checks import FuncCheck
from model.document import Document
from model.engine import Checker, default_checks
from model.findings import Finding

CLAIM = re.compile(r"共收到政府信息公开申请(\d+)件")


def _claim_check():
    """A stand-in text rule: the received figure in 一 must equal t3.r1.tot (spans the sentence)."""
    def fn(report):
        text = report.sections.get("s1", "")
        m = CLAIM.search(text)
        if not m or int(m.group(1)) == report.cells.get("t3.r1.tot"):
            return ()
        start = text.rfind("。", 0, m.start()) + 1
        end = text.find("。", m.end()) + 1 or len(text)
        return (Finding("N.RECEIVED", ("t3.r1.tot",), f"正文称收到{m.group(1)}件", "N.RECEIVED:test",
                        span=("s1", start, end)),)
    return FuncCheck("TEST.CLAIM", "N.RECEIVED", ("section.s1", "t3.r1.tot"), fn)


def _doc():
    doc = Document(fileformat.load(SAMPLE))
    doc.checker = Checker(doc.report, checks=default_checks() + [_claim_check()])
    return doc


def test_span_underlined_and_click_selects_sentence(qtbot, make_window):
    doc = _doc()
    text = doc.report.sections["s1"]
    doc.set_cells({"t3.r1.tot": 53})
    w = make_window(document=doc)
    f = next(f for f in doc.checker.findings() if f.rule == "N.RECEIVED" and f.span)
    page = w.texts["s1"]
    _, start, end = f.span
    assert text[start:end].startswith("全年共收到政府信息公开申请52件")
    assert (start, end, theme.strong("error").name()) in page.underlined_ranges()
    # the finding jumps to 一 and selects the sentence
    w.panel.flush()
    item = w.panel.item_for(f.key)
    tree = w.panel.tree
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert w.current_part() == "s1"
    cur = page.editor.textCursor()
    assert (cur.selectionStart(), cur.selectionEnd()) == (start, end)
    # fixing the number in the text (typed, debounced) removes the finding and its underline
    page.editor.setPlainText(text.replace("共收到政府信息公开申请52件", "共收到政府信息公开申请53件"))
    assert page.underlined_ranges()  # not yet: checks wait for the pause
    qtbot.waitUntil(lambda: not page.underlined_ranges(), timeout=2000)
    assert not any(f.rule == "N.RECEIVED" for f in doc.checker.findings())


def test_typing_burst_is_one_undo_step(qtbot, make_window):
    doc = _doc()
    w = make_window(document=doc)
    page = w.texts["s5"]
    w.show_part("s5")
    old = page.editor.toPlainText()
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.editor, "ab")
    qtbot.waitUntil(lambda: not page.pending(), timeout=2000)
    qtbot.keyClicks(page.editor, "cd")
    qtbot.waitUntil(lambda: not page.pending(), timeout=2000)
    assert doc.report.sections["s5"] == old + "abcd"
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.report.sections["s5"] == old
    assert page.editor.toPlainText() == old


def test_fee_fields(qtbot, make_window, dialogs):
    doc = _doc()
    w = make_window(document=doc)
    ed = w.texts["s6"].fee_edits["fee.collected"]
    ed.setText("１２.５")
    ed.editingFinished.emit()
    assert str(doc.report.cells["fee.collected"]) == "12.5"
    assert any(f.rule == "FEE.BOUNDS" for f in doc.checker.findings())
    assert "background" in ed.styleSheet()
    ed.setText("很多")
    ed.editingFinished.emit()
    assert str(doc.report.cells["fee.collected"]) == "12.5"
    assert "很多" in dialogs.of("warning")[0][2]


def test_real_text_rule_span_follows_the_table(qtbot, make_window):
    """With the model's own text rules: a figure that no longer matches the text underlines the sentence."""
    doc = Document(fileformat.load(SAMPLE))
    w = make_window(document=doc)
    page = w.texts["s1"]
    assert page.underlined_ranges() == []
    doc.set_cells({"t3.r1.np": 41, "t3.r1.tot": 53})
    spans = [f.span for f in doc.checker.findings() if f.span and f.span[0] == "s1"]
    assert spans, "a text rule should point at the sentence of 一 that states the received figure"
    w.show_part("s1")  # a hidden page is brought up to date when it is shown
    assert [(s, e) for s, e, _ in page.underlined_ranges()] == [(s, e) for _, s, e in spans]
    assert "52" in doc.report.sections["s1"][spans[0][1]:spans[0][2]]
    qtbot.waitUntil(lambda: w.nav.item(PART_INDEX["s1"]).data(Qt.ItemDataRole.UserRole + 1) == "error")
    doc.undo()
    assert page.underlined_ranges() == []


def test_text_pasted_from_a_pdf_is_written_in_ordinary_characters(qtbot, make_window):
    """「⾏政复议」 copied from a PDF whose producer wrote radicals: pasted, it is 「行政复议」 in the section (the
    checks read it, the export prints it right)."""
    from PySide6.QtCore import QMimeData

    doc = _doc()
    w = make_window(document=doc)
    page = w.texts["s1"]
    w.show_part("s1")
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    mime = QMimeData()
    mime.setText("全年发生⾏政复议2件，⼈⺠群众满意。")
    page.editor.insertFromMimeData(mime)
    qtbot.waitUntil(lambda: not page.pending(), timeout=2000)
    assert doc.report.sections["s1"].endswith("全年发生行政复议2件，人民群众满意。")
