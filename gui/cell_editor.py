"""The editor of one figure cell.  A value that cannot be taken keeps the editor open on the cell, its text
selected and marked, with the reason beside it — as Excel's data validation does — so no keystroke is lost
to a message box; Esc gives the old value back."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QToolTip, QWidget

from model.schema import CELLS
from model.values import BadValue, parse_cell

from . import theme

_INVALID_STYLE = "QLineEdit {{ background: {bg}; border: 2px solid {fg}; }}"


class CellEditor(QLineEdit):
    def __init__(self, cell_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.cell_id = cell_id
        self.reason = ""  # why the current text was refused; "" while it is not marked
        self.setFrame(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.textEdited.connect(lambda _text: self.clear_mark())

    def problem(self) -> str:
        """Why the text cannot be taken ("" when it can)."""
        try:
            parse_cell(self.cell_id, self.text())
        except BadValue as e:
            return f"{CELLS[self.cell_id].label}：{e}"
        return ""

    def refuse(self, reason: str) -> None:
        """Stay open on the cell, mark it, select the text so the next keys replace it, say why beside it."""
        self.reason = reason
        bg, fg = theme.STATE_COLOURS["error"]
        self.setStyleSheet(_INVALID_STYLE.format(bg=bg.name(), fg=fg.name()))
        self.setToolTip(reason)
        self.selectAll()
        self.setFocus()
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), reason, self)

    def clear_mark(self) -> None:
        if self.reason:
            self.reason = ""
            self.setStyleSheet("")
            self.setToolTip("")
            QToolTip.hideText()
