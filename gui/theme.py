"""Colours of the states a cell or a finding can be in; one place, so grid, panel and text agree."""
from __future__ import annotations

from PySide6.QtGui import QColor

# state → (cell background, strong colour for marks, underlines and outlines)
STATE_COLOURS = {
    "error": (QColor(255, 205, 205), QColor(200, 30, 30)),
    "warning": (QColor(255, 232, 180), QColor(215, 135, 0)),
    "explained": (QColor(226, 240, 226), QColor(70, 140, 70)),
    "info": (QColor(238, 242, 249), QColor(120, 130, 150)),  # blank: subtly marked as incomplete
}
LIGHT_ERROR = QColor(255, 232, 232)  # a non-primary cell of a broken formula
LIGHT_WARNING = QColor(255, 243, 218)
HEADER_BG = QColor(238, 240, 244)
LABEL_BG = QColor(250, 250, 250)
COMPUTED_BG = QColor(236, 244, 250)  # a total that 自动合计 computes, as a template's formula cell
TRACE = QColor(30, 100, 230)
PRIOR_INK = QColor(135, 140, 155)  # last year's value, faint beside this year's
GENERATED_BG = QColor(234, 243, 255)  # a paragraph 「按表格生成」 wrote
STATE_LABEL = {"error": "错误", "warning": "警告", "explained": "已说明", "info": "提示"}


def background(state: str | None) -> QColor | None:
    return STATE_COLOURS[state][0] if state in STATE_COLOURS else None


def strong(state: str | None) -> QColor:
    return STATE_COLOURS.get(state or "info", STATE_COLOURS["info"])[1]
