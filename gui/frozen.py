"""冻结窗格: a table's header rows and label columns stay in view while its figures scroll, as in Excel.

Each frozen part is a small QTableView laid over the grid's viewport, showing the same model with the same
delegate and spans, and following the grid's scrolling in the other direction (Qt's "frozen column"
pattern).  The grid's own indexes, selection and editing are untouched; GridView.scrollTo keeps the current
cell from hiding under a frozen part."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QTableView


class FrozenPart(QTableView):
    def __init__(self, grid, follow_x: bool, follow_y: bool):
        super().__init__(grid)
        self.grid = grid
        self.setModel(grid.model())
        # a painter of its own: a shared delegate would send the grid's editor signals here as well
        self.setItemDelegate(type(grid.delegate)(grid))
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

    def copy_sizes(self) -> None:
        grid = self.grid
        for c in range(grid.model().columnCount()):
            self.setColumnWidth(c, grid.columnWidth(c))
        for r in range(grid.model().rowCount()):
            self.setRowHeight(r, grid.rowHeight(r))
        self.horizontalScrollBar().setValue(grid.horizontalScrollBar().value() if self.follow_x else 0)
        self.verticalScrollBar().setValue(grid.verticalScrollBar().value() if self.follow_y else 0)

    def wheelEvent(self, event) -> None:  # the wheel over a frozen part scrolls the figures
        self.grid.wheelEvent(event)


class FrozenPanes:
    """The frozen header rows (top), label columns (left) and their corner over one GridView."""

    def __init__(self, grid, rows: int, cols: int):
        self.grid, self.rows, self.cols = grid, rows, cols
        self.top = FrozenPart(grid, follow_x=True, follow_y=False) if rows else None
        self.left = FrozenPart(grid, follow_x=False, follow_y=True) if cols else None
        self.corner = FrozenPart(grid, follow_x=False, follow_y=False) if rows and cols else None

    def parts(self) -> list[FrozenPart]:
        return [p for p in (self.top, self.left, self.corner) if p is not None]

    def height(self) -> int:
        return sum(self.grid.rowHeight(r) for r in range(self.rows))

    def width(self) -> int:
        return sum(self.grid.columnWidth(c) for c in range(self.cols))

    def place(self) -> None:
        """Lay the parts over the viewport's top and left edges, with the grid's current sizes."""
        vp = self.grid.viewport().geometry()
        h, w = min(self.height(), vp.height()), min(self.width(), vp.width())
        for part in self.parts():
            part.copy_sizes()
        if self.top is not None:
            self.top.setGeometry(vp.x(), vp.y(), vp.width(), h)
        if self.left is not None:
            self.left.setGeometry(vp.x(), vp.y(), w, vp.height())
        if self.corner is not None:
            self.corner.setGeometry(vp.x(), vp.y(), w, h)
        for part in self.parts():
            part.raise_()
            part.show()

    def open_area(self):
        """The part of the grid's viewport (its own coordinates) that no frozen part covers."""
        vp = self.grid.viewport().rect()
        top = min(self.height(), vp.height()) if self.rows else 0
        left = min(self.width(), vp.width()) if self.cols else 0
        return vp.adjusted(left, top, 0, 0)

    def uncover(self, index) -> None:
        """Scroll so that `index` (a figure cell) is not hidden under a frozen part."""
        rect = self.grid.visualRect(index)
        if self.rows and index.row() >= self.rows and rect.top() < self.height():
            bar = self.grid.verticalScrollBar()
            bar.setValue(bar.value() - (self.height() - rect.top()))
        if self.cols and index.column() >= self.cols and rect.left() < self.width():
            bar = self.grid.horizontalScrollBar()
            bar.setValue(bar.value() - (self.width() - rect.left()))
