"""Editors of the narrative sections 一, 五, 六 (六 with the three 信息处理费 figures).

Typing is pushed to the Document 300 ms after the last keystroke, so the text checks run once per pause
and a burst of typing is one undo step.  Findings that point at a span of the text underline it in their
severity's colour; the panel selects the span when such a finding is clicked.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ingest.script import unify_radicals
from model.document import Change, Document
from model.drafting import DRAFT_SECTIONS
from model.findings import Finding
from model.schema import CELLS, FEE_FIELDS, PREAMBLE, SECTION_BY_ID
from model.text.wordcount import count_chars
from model.values import BadValue, format_value, parse_cell

from . import theme
from .draft_bar import DraftBar, generated_selection
from .findings_text import one_line, state_of

DEBOUNCE_MS = 300
BURST_GAP_S = 2.0  # pushes closer together than this are one undo step
OVERVIEW_LIMIT = 1000


class NarrativeEditor(QPlainTextEdit):
    """The section's text.  Text pasted or dropped in is written in ordinary characters: text copied from a PDF
    may hold the radicals its producer wrote for them (「⾏政复议」), which look the same but match no word the
    checks look for, and would go into the exported report as they are."""

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(unify_radicals(source.text()))
        else:
            super().insertFromMimeData(source)


class TextSectionPage(QWidget):
    message = Signal(str)
    refused = Signal(str, list)
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, section: str, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        self.doc = document
        self.heading = QLabel(SECTION_BY_ID[section].heading)
        f = self.heading.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.heading.setFont(f)
        self.count = QLabel()
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editor = NarrativeEditor()
        self.editor.setUndoRedoEnabled(False)  # undo goes through the Document, with everything else
        self.editor.installEventFilter(self)
        self.editor.setTabChangesFocus(True)
        font = self.editor.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)  # prose reads better a little larger than the UI
        self.editor.setFont(font)
        self.editor.document().setDocumentMargin(8)
        if section == PREAMBLE.id:
            self.editor.setPlaceholderText("标题之下、「一、总体情况」之前的说明（编制依据、统计期限、联系方式），没有可不填")
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        self.draft_bar = DraftBar(self) if section in DRAFT_SECTIONS else None
        if self.draft_bar is not None:
            lay.addWidget(self.draft_bar)
        lay.addWidget(self.editor, 1)
        self.fee_edits: dict[str, QLineEdit] = {}
        if section == "s6":
            box = QGroupBox("收取信息处理费情况")
            form = QFormLayout(box)
            for cid, label, _kind, _unit in FEE_FIELDS:
                ed = QLineEdit()
                ed.setPlaceholderText("未填写（未收取填 0）")
                ed.setObjectName(cid)
                ed.editingFinished.connect(lambda c=cid: self._fee_edited(c))
                self.fee_edits[cid] = ed
                form.addRow(label, ed)
            lay.addWidget(box)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._burst = 0
        self._last_push = 0.0
        self._loading = False
        self._marks_stale = False  # findings changed while the page was hidden
        self.editor.textChanged.connect(self._typed)
        document.subscribe(self._on_change)
        self.load()

    # -------------------------------------------------------------- document

    def set_document(self, document: Document) -> None:
        self._timer.stop()
        self.doc.unsubscribe(self._on_change)
        self.doc = document
        document.subscribe(self._on_change)
        self.load()

    def load(self) -> None:
        self._loading = True
        self.editor.setPlainText(self.doc.report.sections.get(self.section, ""))
        self._loading = False
        self._update_count()
        self._load_fees()
        self.underline()
        if self.draft_bar is not None:
            self.draft_bar.update_state()

    def _load_fees(self) -> None:
        for cid, ed in self.fee_edits.items():
            ed.setText(format_value(self.doc.report.cells.get(cid)))
            state = self.doc.checker.cell_severity(cid)
            bg = theme.background(state)
            ed.setStyleSheet(f"background: {bg.name()};" if bg is not None and state != "info" else "")
            ed.setToolTip("\n".join(one_line(f) for f in self.doc.checker.findings_for(cid)) or CELLS[cid].label)

    def _on_change(self, change: Change) -> None:
        for kind, key in change.targets:
            if kind == "section" and key == self.section:
                text = self.doc.report.sections.get(self.section, "")
                if text != self.editor.toPlainText():  # undo/redo or an outside change: show it
                    cur = self.editor.textCursor().position()
                    self._loading = True
                    self.editor.setPlainText(text)
                    self._loading = False
                    c = self.editor.textCursor()
                    c.setPosition(min(cur, len(text)))
                    self.editor.setTextCursor(c)
                    self._update_count()
        if self.fee_edits and (change.findings_changed | change.cells) & set(self.fee_edits):
            self._load_fees()
        if self.isVisible():
            self._refresh_marks()
        else:  # a page out of sight is brought up to date when shown, not on every keystroke in a grid
            self._marks_stale = True

    def _refresh_marks(self) -> None:
        self._marks_stale = False
        self.underline()
        if self.draft_bar is not None:
            self.draft_bar.update_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._marks_stale:
            self._refresh_marks()

    # -------------------------------------------------------------- typing

    def _typed(self) -> None:
        if self._loading:
            return
        self._update_count()
        self._timer.start()

    def flush(self) -> None:
        """Push pending typing to the Document now (before undo, save, switching parts)."""
        self._timer.stop()
        text = self.editor.toPlainText()
        if text == self.doc.report.sections.get(self.section, ""):
            return
        now = time.monotonic()
        if now - self._last_push > BURST_GAP_S:
            self._burst += 1
        self._last_push = now
        self.doc.apply([(("section", self.section), text)], f"修改{SECTION_BY_ID[self.section].heading}",
                       merge_key=f"section.{self.section}:{self._burst}")

    def pending(self) -> bool:
        return self._timer.isActive()

    def _update_count(self) -> None:
        n = count_chars(self.editor.toPlainText())
        if self.section == "s1":
            over = n > OVERVIEW_LIMIT
            self.count.setText(f"{n} / {OVERVIEW_LIMIT} 字")
            self.count.setStyleSheet(f"color: {theme.strong('warning').name()}; font-weight: bold;" if over else "")
        else:
            self.count.setText(f"{n} 字")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # let the window's undo/redo act on the Document instead of the editor's own stack
        if (obj is self.editor and isinstance(event, QKeyEvent)
                and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                if event.type() == QEvent.Type.KeyPress:
                    self.flush()
                    (self.undo_requested if event.matches(QKeySequence.StandardKey.Undo)
                     else self.redo_requested).emit()
                event.accept()
                return True
        return super().eventFilter(obj, event)

    # -------------------------------------------------------------- spans

    def span_findings(self) -> list[Finding]:
        return [f for f in self.doc.checker.findings() if f.span and f.span[0] == self.section]

    def underline(self) -> None:
        """Underline each finding's span in its severity's colour (stale spans are clipped to the text)."""
        sels = generated_selection(self)
        n = len(self.editor.toPlainText())
        for f in self.span_findings():
            if f.span is None:  # span_findings keeps only findings with a span
                continue
            _, start, end = f.span
            start, end = max(0, min(start, n)), max(0, min(end, n))
            if end <= start:
                continue
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline
                                  if f.severity == "error" else QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(theme.strong(state_of(f)))
            bg = theme.background(state_of(f))
            if bg is not None:
                fmt.setBackground(bg)  # a thin underline alone is easy to miss
            fmt.setToolTip(one_line(f))
            sel.format = fmt
            cur = QTextCursor(self.editor.document())
            cur.setPosition(start)
            cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur
            sels.append(sel)
        self.editor.setExtraSelections(sels)

    def select_span(self, start: int, end: int) -> None:
        n = len(self.editor.toPlainText())
        cur = self.editor.textCursor()
        cur.setPosition(max(0, min(start, n)))
        cur.setPosition(max(0, min(end, n)), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cur)
        self.editor.ensureCursorVisible()
        self.editor.setFocus()

    def underlined_ranges(self) -> list[tuple[int, int, str]]:
        """(start, end, colour name) of each underline, for tests."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.underlineColor().name())
                for s in self.editor.extraSelections()
                if s.format.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline]

    # -------------------------------------------------------------- fee figures

    def _fee_edited(self, cid: str) -> None:
        ed = self.fee_edits[cid]
        try:
            value = parse_cell(cid, ed.text())
        except BadValue as e:
            self.refused.emit("输入未被接受", [f"{CELLS[cid].label}：{e}"])
            ed.setText(format_value(self.doc.report.cells.get(cid)))
            return
        if value != self.doc.report.cells.get(cid) or type(value) is not type(self.doc.report.cells.get(cid)):
            self.doc.set_cells({cid: value}, label=f"输入 {CELLS[cid].label}")
