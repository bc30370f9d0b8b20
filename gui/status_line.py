"""The status bar's two texts (the current cell's findings, short notes) side by side, 3/5 and 2/5 of the line.

Both change on every keystroke, so they are kept cheap.  The labels sit in a widget without a layout, placed
by hand: a QLabel whose text changes asks its parent's layout to lay out again, and inside the status bar that
re-lays out and repaints the whole bar and then the main window; here the request stops at this widget.  And
the cell's text is not mouse-selectable (that makes QLabel keep a text document, rebuilt and laid out at each
new text, half a millisecond a keystroke): its right-click menu copies it instead."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

CELL_SHARE = 3 / 5  # the cell's findings keep 3/5 of the line, a note 2/5, however long either is
GAP = 6


def _plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # no rich-text layout on every update
    return label


class StatusLine(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.cell = _plain_label(self)
        copy = QAction("复制", self.cell)
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(self.cell.text()))
        self.cell.addAction(copy)
        self.cell.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.note = _plain_label(self)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(0, self.cell.sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        w, h = self.width(), self.height()
        split = int((w - GAP) * CELL_SHARE)
        self.cell.setGeometry(0, 0, split, h)
        self.note.setGeometry(split + GAP, 0, max(0, w - split - GAP), h)
