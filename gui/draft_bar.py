"""「按表格生成」 above a text section (一 and 六), and the banner that says its paragraph is out of date.

Generating writes the paragraph at the cursor (or refreshes the one written before, in place) and keeps
the record of it in the report, as one undo step.  A generated paragraph is never rewritten by itself:
when a figure changes the banner says 「已过期」 and offers 「刷新」; when the clerk has edited the
paragraph, refreshing asks before it adds the new one beside it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QTextEdit, QWidget

from model.drafted import draft_state, place
from model.schema import SECTION_BY_ID

from . import theme

if TYPE_CHECKING:
    from .text_page import TextSectionPage

LABEL = "按表格生成"


class DraftBar(QWidget):
    def __init__(self, page: TextSectionPage):
        super().__init__(page)
        self.page = page
        self.generate_button = QPushButton(LABEL)
        self.generate_button.setToolTip("用表二、表三、表四和信息处理费的数字写出段落，插入光标处"
                                        "（已生成过的段落就地更新）")
        self.generate_button.clicked.connect(self.generate)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"color: {theme.strong('warning').name()};")
        self.refresh_button = QPushButton("刷新")
        self.refresh_button.setToolTip("按现在的表格数字重新生成该段落")
        self.refresh_button.clicked.connect(self.generate)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.generate_button)
        row.addWidget(self.banner, 1)
        row.addWidget(self.refresh_button)
        row.addStretch()
        self.update_state()

    @property
    def section(self) -> str:
        return self.page.section

    def update_state(self) -> None:
        """Show 「已过期」 while a figure the generated paragraph was made from has changed."""
        state = draft_state(self.page.doc.report, self.section)
        if state.stale:
            edited = "" if state.found else "（段落已修改）"
            self.banner.setText(f"已过期{edited}：生成后表格数字有变动 —— {state.describe()}")
        else:
            self.banner.setText("")
        self.banner.setVisible(state.stale)
        self.refresh_button.setVisible(state.stale)

    def generate(self) -> None:
        """Write the paragraph at the cursor, or refresh the one generated before (one undo step)."""
        page = self.page
        page.flush()
        report = page.doc.report
        state = draft_state(report, self.section)
        if state.generated and not state.found and not self._insert_beside_edited():
            return
        text, record, start = place(report, self.section, page.editor.textCursor().position())
        if not record.text:
            page.message.emit("表格中所需的数字尚未填写，无法按表格生成")
            return
        page.doc.apply([(("section", self.section), text), (("generated", self.section), record)], LABEL)
        cursor = page.editor.textCursor()
        cursor.setPosition(min(start + len(record.text), len(page.editor.toPlainText())))
        page.editor.setTextCursor(cursor)
        page.message.emit(f"已按表格生成{SECTION_BY_ID[self.section].heading}的段落（可撤销）")

    def _insert_beside_edited(self) -> bool:
        answer = QMessageBox.question(
            self, LABEL, "上次生成的段落已被修改，无法在原处更新。\n"
            "在光标处插入按现在的表格数字生成的段落吗？（您修改过的文字保留，可自行删去）")
        return answer == QMessageBox.StandardButton.Yes


def generated_selection(page: TextSectionPage) -> list[QTextEdit.ExtraSelection]:
    """A light background under the generated paragraph while it is unedited, so the clerk sees it."""
    report = page.doc.report
    record = report.generated.get(page.section)
    text = page.editor.toPlainText()
    if record is None or not record.text or record.text not in text:
        return []
    start = text.index(record.text)
    sel = QTextEdit.ExtraSelection()
    fmt = QTextCharFormat()
    fmt.setBackground(theme.GENERATED_BG)
    fmt.setToolTip("按表格生成的段落：表格数字变动后会提示「已过期」")
    sel.format = fmt
    cur = QTextCursor(page.editor.document())
    cur.setPosition(start)
    cur.setPosition(start + len(record.text), QTextCursor.MoveMode.KeepAnchor)
    sel.cursor = cur
    return [sel]
