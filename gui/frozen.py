"""冻结窗格: a table's header rows and label columns stay in view while its figures scroll, as in Excel.

The grid keeps only its figures: the header rows and label columns are hidden in it and its viewport is
inset by their size (viewport margins).  Three small QTableViews of the same model, with the same delegate
and spans, fill the margins: the corner, the header rows (following the grid's horizontal scrolling) and the
label columns (following its vertical scrolling).  Nothing lies over the grid's viewport, so Qt scrolls it
by copying pixels and repaints only the strip that comes into view, and the grid's own scrollTo keeps the
current cell clear of the frozen parts.  The grid's indexes, selection and editing are untouched."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QTableView

if TYPE_CHECKING:
    from .grid_view import GridView


class FrozenPart(QTableView):
    def __init__(self, grid: GridView, follow_x: bool, follow_y: bool):
        super().__init__(grid)
        self.grid = grid
        self.setModel(grid.model())
        # a painter of its own: a shared delegate would send the grid's editor signals here as well
        self.delegate = type(grid.delegate)(grid)
        self.setItemDelegate(self.delegate)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setGridStyle(grid.gridStyle())
        self.setWordWrap(True)
        for sp in grid.grid_model.table.spans:
            if sp.rowspan > 1 or sp.colspan > 1:
                self.setSpan(sp.row, sp.col, sp.rowspan, sp.colspan)
        self.follow_x, self.follow_y = follow_x, follow_y
        if follow_x:
            grid.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        if follow_y:
            grid.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)

    def copy_sizes(self, widths: list[int], heights: list[int]) -> None:
        for c, w in enumerate(widths):
            self.setColumnWidth(c, w)
        for r, h in enumerate(heights):
            self.setRowHeight(r, h)
        self.horizontalScrollBar().setValue(self.grid.horizontalScrollBar().value() if self.follow_x else 0)
        self.verticalScrollBar().setValue(self.grid.verticalScrollBar().value() if self.follow_y else 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.delegate.exposed = event.rect()  # a tall group label draws only the part being repainted
        super().paintEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # the wheel over a frozen part scrolls the figures
        self.grid.wheelEvent(event)


class FrozenPanes:
    """The frozen header rows (top), label columns (left) and their corner around one GridView's figures."""

    def __init__(self, grid: GridView, rows: int, cols: int):
        self.grid, self.rows, self.cols = grid, rows, cols
        self.widths: list[int] = []  # every column's width and row's height, hidden ones too (Qt says 0 for
        self.heights: list[int] = []  # a hidden section)
        self.top = FrozenPart(grid, follow_x=True, follow_y=False) if rows else None
        self.left = FrozenPart(grid, follow_x=False, follow_y=True) if cols else None
        self.corner = FrozenPart(grid, follow_x=False, follow_y=False) if rows and cols else None
        # each view shows only its own quadrant, so all of them scroll by the same amounts
        for r in range(rows):
            for view in (grid, self.left):
                if view is not None:
                    view.setRowHidden(r, True)
        for c in range(cols):
            for view in (grid, self.top):
                if view is not None:
                    view.setColumnHidden(c, True)

    def parts(self) -> list[FrozenPart]:
        return [p for p in (self.top, self.left, self.corner) if p is not None]

    def height(self) -> int:
        return sum(self.heights[:self.rows])

    def width(self) -> int:
        return sum(self.widths[:self.cols])

    def place(self, widths: list[int], heights: list[int]) -> None:
        """Size the frozen parts and set them in the grid's viewport margins, with these section sizes."""
        self.widths, self.heights = list(widths), list(heights)
        grid = self.grid
        old = grid.viewportMargins()
        outer = grid.viewport().geometry().adjusted(-old.left(), -old.top(), 0, 0)  # viewport and margins
        h, w = min(self.height(), outer.height()), min(self.width(), outer.width())
        grid.setViewportMargins(w, h, 0, 0)
        for part in self.parts():
            part.copy_sizes(self.widths, self.heights)
        vp = grid.viewport().geometry()
        if self.top is not None:
            self.top.setGeometry(vp.x(), vp.y() - h, vp.width(), h)
        if self.left is not None:
            self.left.setGeometry(vp.x() - w, vp.y(), w, vp.height())
        if self.corner is not None:
            self.corner.setGeometry(vp.x() - w, vp.y() - h, w, h)
        for part in self.parts():
            part.show()
