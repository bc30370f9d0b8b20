"""A Qt table model over one table of the form (t2, t3, t4), fed by the Document.

The layout comes from model.schema.TABLES: every position of the grid is covered by one Span (a header,
a label, a vertical group label, the 勾稽关系 note or a figure cell).  Figures are read from the report and
their state from the checker, both O(1), so painting a cell never walks the findings.  After an edit the
Document tells us which cells changed value or findings and exactly those cells are repainted.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from model.document import Change, Document
from model.schema import CELLS, TABLES, Span, TableDef
from model.totals import TOTAL_CELLS
from model.values import BadValue, format_value, parse_cell

from . import theme
from .findings_text import cell_tooltip

if TYPE_CHECKING:
    from typing import TypeAlias

    from PySide6.QtCore import QPersistentModelIndex

    AnyIndex: TypeAlias = QModelIndex | QPersistentModelIndex  # what Qt hands a model's methods

CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell id of a figure position, else None
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # the span role: header, label, group, note, value
STATE_ROLE = Qt.ItemDataRole.UserRole + 3  # 'error', 'warning', 'explained', 'info' or None
PRIOR_ROLE = Qt.ItemDataRole.UserRole + 4  # last year's value of a figure, as shown ('' when none)

_FIGURE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
_LABEL_FLAGS = Qt.ItemFlag.ItemIsEnabled  # labels: read-only and not selectable
_COMPUTED_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # 自动合计's totals: read-only
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class TableModel(QAbstractTableModel):
    rejected = Signal(str, str)  # cell id, Chinese message: a typed value that was refused

    def __init__(self, table_id: str, document: Document, parent: QObject | None = None):
        super().__init__(parent)
        self.table: TableDef = TABLES[table_id]
        self.doc = document
        self._mine = set(self.table.cells)
        self._looks: dict[str, tuple[str | None, bool]] = {}  # cell id → (state, primary) as last painted
        document.subscribe(self._on_change)

    # -------------------------------------------------------------- document

    def set_document(self, document: Document) -> None:
        self.beginResetModel()
        self.doc.unsubscribe(self._on_change)
        self.doc = document
        self._looks.clear()
        document.subscribe(self._on_change)
        self.endResetModel()

    def _on_change(self, change: Change) -> None:
        cells = change.cells | change.findings_changed
        if ("auto_totals", "") in change.targets:  # totals turn computed (not editable) or back
            cells |= TOTAL_CELLS
        if any(kind == "prior" for kind, _ in change.targets):  # last year's figures: every cell
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        for cid in cells & self._mine:
            # a finding whose numbers changed but whose cells look the same needs no repaint: a figure in a
            # broken column changes the message of that column's finding, not how its 20 cells look
            look = self.state(cid)
            if cid in change.cells or self._looks.get(cid) != look:
                self._looks[cid] = look
                idx = self.index_of(cid)
                self.dataChanged.emit(idx, idx)

    def computed(self, cell_id: str) -> bool:
        """A total that 自动合计 computes: shown as computed and not editable, like a template's formula."""
        return cell_id in TOTAL_CELLS and self.doc.report.auto_totals

    # -------------------------------------------------------------- layout

    # not named span(): that is QAbstractItemModel's virtual, which returns a QSize to Qt
    def span_of(self, index: AnyIndex) -> Span | None:
        return self.table.span_at(index.row(), index.column()) if index.isValid() else None

    def index_of(self, cell_id: str) -> QModelIndex:
        r, c = self.table.position_of(cell_id)
        return self.index(r, c)

    def cell_at(self, row: int, col: int) -> str | None:
        sp = self.table.span_at(row, col)
        return sp.cell if sp is not None else None

    def state(self, cell_id: str) -> tuple[str | None, bool]:
        """(state, primary): primary is False when the cell is only a part of a broken formula whose
        reported side is elsewhere (painted lighter)."""
        checker = self.doc.checker
        state = checker.cell_severity(cell_id)
        if state not in ("error", "warning"):
            return state, True
        for f in checker.findings_for(cell_id):
            if f.severity == state and not f.explained and (not f.primary or cell_id in f.primary):
                return state, True
        return state, False

    def prior_text(self, cell_id: str) -> str:
        """Last year's value of the cell as shown, '' when there is none (a dict lookup: painting calls it)."""
        prior = self.doc.report.prior
        return format_value(prior.cells.get(cell_id)) if prior is not None else ""

    def _tooltip(self, cell_id: str) -> str:
        tip = cell_tooltip(cell_id, self.doc.checker.findings_for(cell_id))
        last = self.prior_text(cell_id)
        return f"{tip}\n上年：{last}" if last else tip

    # -------------------------------------------------------------- Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.table.nrows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.table.ncols

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        sp = self.table.span_at(index.row(), index.column())  # called for every painted cell: keep it cheap
        if sp is None:
            return _NO_FLAGS
        if not sp.cell:
            return _LABEL_FLAGS
        return _COMPUTED_FLAGS if self.computed(sp.cell) else _FIGURE_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        sp = self.span_of(index)
        if sp is None:
            return None
        anchor = index.row() == sp.row and index.column() == sp.col
        if role == Qt.ItemDataRole.DisplayRole:
            if not anchor:
                return None
            return format_value(self.doc.report.cells.get(sp.cell)) if sp.cell else sp.text
        if role == Qt.ItemDataRole.EditRole:
            return format_value(self.doc.report.cells.get(sp.cell)) if sp.cell else None
        if role == CELL_ROLE:
            return sp.cell
        if role == KIND_ROLE:
            return sp.role
        if role == PRIOR_ROLE:
            return self.prior_text(sp.cell) if sp.cell else None
        if role == STATE_ROLE:
            return self.doc.checker.cell_severity(sp.cell) if sp.cell else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if sp.role == "label" else _CENTER
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(sp.cell) if sp.cell else (sp.text or None)
        if role == Qt.ItemDataRole.BackgroundRole:
            if sp.cell:
                return theme.background(self.doc.checker.cell_severity(sp.cell))
            return theme.HEADER_BG if sp.role in ("header", "note") else theme.LABEL_BG
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if sp.cell:
                return f"{CELLS[sp.cell].label} {format_value(self.doc.report.cells.get(sp.cell))}"
            return sp.text
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        sp = self.span_of(index)
        if role != Qt.ItemDataRole.EditRole or sp is None or not sp.cell:
            return False
        try:
            parsed = parse_cell(sp.cell, value)
        except BadValue as e:
            self.rejected.emit(sp.cell, f"{CELLS[sp.cell].label}：{e}")
            return False
        self.doc.set_cells({sp.cell: parsed}, label=f"输入 {CELLS[sp.cell].label}")
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return None
