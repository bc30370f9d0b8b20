"""The spreadsheet view of one table: official layout, Excel-like keys, copy/paste, trace outlines."""
from __future__ import annotations

from collections.abc import Iterable
from time import perf_counter
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QPointF,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QPolygon,
    QResizeEvent,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from model.findings import Finding
from model.schema import CELLS, Span
from model.values import BadValue, format_value, parse_cell

from . import theme
from .cell_editor import CellEditor
from .clipboard import parse_block, to_tsv
from .frozen import FrozenPanes
from .grid_model import TableModel

if TYPE_CHECKING:
    from .grid_model import AnyIndex

_SELECTED = QStyle.StateFlag.State_Selected.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_CENTER = Qt.AlignmentFlag.AlignCenter
_CORNER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
_MARKED = frozenset(("error", "warning", "explained"))
_TYPING_TRIGGERS = (QAbstractItemView.EditTrigger.AnyKeyPressed, QAbstractItemView.EditTrigger.EditKeyPressed,
                    QAbstractItemView.EditTrigger.DoubleClicked)
FROZEN_TABLES = ("t3", "t4")  # tall or wide enough to scroll; 二 fits on any screen
_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_ROTATE = set("（）()《》〈〉「」【】〔〕")  # characters turned 90° in vertical text, as in print


class GridDelegate(QStyledItemDelegate):
    """Paints every position itself: state colours, light parts of broken formulas, outlines."""

    def __init__(self, view: GridView):
        super().__init__(view)
        self.view = view
        self.painted: dict[str, float] | None = None  # bench hook: cell id → perf_counter of last paint
        self._colours: tuple[int, QColor, QColor, QColor] | None = None  # (palette key, base, text, overlay)
        self._small: dict[QFont, QFont] = {}  # the font of last year's values, per font of this year's
        self._texts: dict[tuple[QFont, str], QStaticText] = {}  # laid out once per font and text
        self.exposed: QRect | None = None  # the area its view is repainting, when the view says (frozen parts)

    def colours(self) -> tuple[QColor, QColor, QColor]:
        """(base, text, selection overlay) from the view's palette, cached: painting runs per cell."""
        pal = self.view.palette()
        key = pal.cacheKey()
        if self._colours is None or self._colours[0] != key:
            hl = QColor(pal.highlight().color())
            hl.setAlpha(70)
            self._colours = (key, QColor(pal.base().color()), QColor(pal.text().color()), hl)
        return self._colours[1:]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        model = cast(TableModel, index.model())  # this delegate paints TableModel views only
        sp = model.table.span_at(index.row(), index.column())
        if sp is None:
            return
        rect = option.rect
        base, ink, overlay = self.colours()
        cid = sp.cell
        if cid:
            state, primary = model.state(cid)
            if state is None:
                painter.fillRect(rect, theme.COMPUTED_BG if model.computed(cid) else base)
            elif primary:
                painter.fillRect(rect, theme.background(state))
            else:
                painter.fillRect(rect, theme.LIGHT_ERROR if state == "error" else theme.LIGHT_WARNING)
            state_flags = option.state.value  # an int: Python-level enum arithmetic per cell is slow
            if state_flags & _SELECTED:
                painter.fillRect(rect, overlay)
            if primary and state in _MARKED:
                self._corner(painter, rect, theme.strong(state))
            value = model.doc.report.cells.get(cid)
            painter.setPen(ink)
            font = painter.font()
            if value is not None:
                text = self._static(font, format_value(value))
                size = text.size()
                painter.drawStaticText(QPointF(rect.x() + (rect.width() - size.width()) / 2,
                                               rect.y() + (rect.height() - size.height()) / 2), text)
            if self.view.show_prior:
                self._prior(painter, rect, font, model.prior_text(cid))
            if cid in self.view.traced:
                painter.setPen(QPen(theme.TRACE, 2))
                painter.drawRect(rect.adjusted(1, 1, -2, -2))
            if state_flags & _HAS_FOCUS:
                painter.setPen(QPen(ink, 2))
                painter.drawRect(rect.adjusted(1, 1, -2, -2))
            if self.painted is not None:
                self.painted[cid] = perf_counter()
            return
        painter.fillRect(rect, theme.HEADER_BG if sp.role in ("header", "note") else theme.LABEL_BG)
        painter.setPen(ink)
        if sp.vertical:
            self._vertical(painter, rect, sp.text, self.exposed or rect)
            return
        self._label(painter, rect, sp)

    @staticmethod
    def _label(painter: QPainter, rect: QRect, sp: Span) -> None:
        flags = Qt.TextFlag.TextWordWrap | (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                            if sp.role == "label" else Qt.AlignmentFlag.AlignCenter)
        painter.save()
        if sp.role == "note":
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 0.85)
            painter.setFont(font)
        painter.drawText(rect.adjusted(5, 2, -5, -2), int(flags), sp.text)
        painter.restore()

    def _static(self, font: QFont, text: str) -> QStaticText:
        """`text` laid out in `font` once: drawText lays a string out again on every call."""
        key = (font, text)
        laid = self._texts.get(key)
        if laid is None:
            if len(self._texts) > 5000:  # figures typed over a long session: start afresh
                self._texts.clear()
            laid = self._texts[key] = QStaticText(text)
            laid.setTextFormat(Qt.TextFormat.PlainText)
            laid.prepare(QTransform(), font)
        return laid

    def _prior(self, painter: QPainter, rect: QRect, font: QFont, last: str) -> None:
        """Last year's value, small and faint in the bottom-right corner."""
        if not last:
            return
        small = self._small.get(font)
        if small is None:
            small = self._small[font] = QFont(font)
            small.setPointSizeF(max(6.0, font.pointSizeF() * 0.72))
        painter.setFont(small)  # set back by hand: save()/restore() of the whole state costs more per cell
        painter.setPen(theme.PRIOR_INK)
        text = self._static(small, last)
        size = text.size()
        painter.drawStaticText(QPointF(rect.right() - 2 - size.width(), rect.bottom() - size.height()), text)
        painter.setFont(font)

    @staticmethod
    def _corner(painter: QPainter, rect: QRect, colour: QColor) -> None:
        s = max(5, rect.height() // 4)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygon([QPoint(rect.right() - s, rect.top()), QPoint(rect.right(), rect.top()),
                                      QPoint(rect.right(), rect.top() + s)]))
        painter.restore()

    @staticmethod
    def _vertical(painter: QPainter, rect: QRect, text: str, shown: QRect) -> None:
        """One character per line, top to bottom, brackets turned as in the printed form."""
        fm = painter.fontMetrics()
        line = fm.height()
        total = line * len(text)
        if total > rect.height() - 4:  # not enough room: wrap instead
            painter.drawText(rect.adjusted(2, 2, -2, -2),
                             int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWrapAnywhere), text)
            return
        y = rect.top() + (rect.height() - total) // 2
        # a group label spans many rows: a scroll that uncovers a strip of it draws only the characters there
        for ch in text:
            box = QRect(rect.left(), y, rect.width(), line)
            if box.adjusted(0, -1, 0, 1).intersects(shown):
                GridDelegate._character(painter, box, ch)
            y += line

    @staticmethod
    def _character(painter: QPainter, box: QRect, ch: str) -> None:
        if ch not in _ROTATE:
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, ch)
            return
        side = box.height()
        painter.save()
        painter.translate(box.center().x(), box.top() + side / 2)
        painter.rotate(90)
        painter.drawText(QRect(-side // 2, -side // 2, side, side), Qt.AlignmentFlag.AlignCenter, ch)
        painter.restore()

    def createEditor(self, parent, option, index):
        cid = self.view.grid_model.cell_at(index.row(), index.column())
        return CellEditor(cid, parent) if cid is not None else None  # only figures are editable (flags)

    def setEditorData(self, editor, index):
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.selectAll()  # the typed key replaces the value, as in Excel (F2: see GridView.edit)

    def setModelData(self, editor, model, index):
        reason = editor.problem()
        if reason:  # focus left the cell with a value that cannot be taken: the old value stays
            self.view.message.emit(f"未采用：{reason}（已恢复原值）")
            return
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Enter / Tab with a value that cannot be taken: the editor stays open and says why."""
        if (isinstance(editor, CellEditor) and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and event.key() in _COMMIT_KEYS):
            reason = editor.problem()
            if reason:
                editor.refuse(reason)
                self.view.message.emit(reason)
                return True
        return super().eventFilter(editor, event)


class GridView(QTableView):
    """One of t2, t3, t4.  Signals carry messages for the window's status bar and dialogs."""

    message = Signal(str)  # a short status message
    refused = Signal(str, list)  # title, [Chinese lines]: values that were not taken (the window shows them)
    cell_changed = Signal(object)  # the current figure cell id (or None)
    explain_requested = Signal(object)  # Finding: a warning of the cell under the mouse wants a 说明

    def __init__(self, model: TableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.frozen: FrozenPanes | None = None  # set once the view is built
        self.traced: set[str] = set()
        self.show_prior = True  # last year's value faint in each cell (「显示上年数」)
        self.setModel(model)
        self.delegate = GridDelegate(self)
        self.setItemDelegate(self.delegate)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setTabKeyNavigation(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        for sp in model.table.spans:
            if sp.rowspan > 1 or sp.colspan > 1:
                self.setSpan(sp.row, sp.col, sp.rowspan, sp.colspan)
        model.rejected.connect(lambda cid, msg: self.message.emit(f"未采用：{msg}"))
        model.modelReset.connect(self.fit)
        table = model.table
        if table.id in FROZEN_TABLES:
            self.frozen = FrozenPanes(self, table.header_rows, table.label_cols)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.fit()

    def set_show_prior(self, on: bool) -> None:
        self.show_prior = on
        self.viewport().update()

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction("复制\tCtrl+C", self.copy_selection)
        menu.addAction("粘贴\tCtrl+V", lambda: self.paste_text(QGuiApplication.clipboard().text()))
        menu.addAction("清除\tDelete", self.clear_selection_cells)
        warnings = self.explainable_at(pos)
        if warnings:
            menu.addSeparator()
        for f in warnings:
            short = f.message if len(f.message) <= 30 else f.message[:29] + "…"
            menu.addAction(f"{'修改' if f.explanation else '填写'}说明：{short}",
                           lambda f=f: self.explain_requested.emit(f))
        menu.exec(self.viewport().mapToGlobal(pos))

    def explainable_at(self, pos: QPoint) -> list[Finding]:
        """The warnings of the figure cell at `pos` that a 说明 can explain (errors must be fixed)."""
        cell = self.grid_model.cell_at(self.rowAt(pos.y()), self.columnAt(pos.x()))
        if cell is None:
            return []
        return [f for f in self.grid_model.doc.checker.findings_for(cell) if f.severity == "warning"]

    @property
    def grid_model(self) -> TableModel:
        return cast(TableModel, self.model())

    # -------------------------------------------------------------- geometry

    def _units(self) -> tuple[int, int, int]:
        fm = QFontMetrics(self.font())
        em = fm.horizontalAdvance("中")
        return em, max(fm.horizontalAdvance("00000") + 12, int(em * 3)), int(em * 5.5)

    def column_widths(self, avail: int) -> list[int]:
        """Widths from the form's weights filling `avail`; when that is too narrow, the figure columns keep
        a readable minimum and the label columns give way (their labels wrap), so figures stay in view."""
        table = self.grid_model.table
        weights = table.col_weights
        em, lo, hi = self._units()
        unit = min(hi, avail / sum(weights))
        if unit >= lo or table.label_cols == 0:
            unit = max(unit, lo)
            return [int(w * unit) for w in weights]
        label_w = weights[:table.label_cols]
        value_w = weights[table.label_cols:]
        rest = max(avail - sum(value_w) * lo, sum(label_w) * em * 2)
        return [int(w / sum(label_w) * rest) for w in label_w] + [int(w * lo) for w in value_w]

    def fit(self) -> None:
        """Column widths from the form's weights, filling the width; rows tall enough for their labels."""
        table = self.grid_model.table
        margins = self.viewportMargins()  # the frozen parts' room: the table is as wide as viewport and margins
        widths = self.column_widths(max(self.viewport().width() + margins.left(), 200) - 2)
        for c, w in enumerate(widths):
            self.setColumnWidth(c, w)
        fm = QFontMetrics(self.font())
        base = int(fm.height() * 1.7)
        heights = [base] * table.nrows
        for sp in table.spans:
            if sp.rowspan != 1 or not sp.text:
                continue
            w = sum(widths[sp.col:sp.col + sp.colspan]) - 10
            box = fm.boundingRect(QRect(0, 0, max(w, 10), 10000),
                                  int(Qt.TextFlag.TextWordWrap), sp.text)
            heights[sp.row] = max(heights[sp.row], box.height() + 10)
        # multi-row header/note spans: grow their last row if the rows together are too short
        for sp in table.spans:
            if sp.rowspan > 1 and sp.text and not sp.vertical:
                w = sum(widths[sp.col:sp.col + sp.colspan]) - 10
                f = QFontMetrics(self.font())
                need = f.boundingRect(QRect(0, 0, max(w, 10), 10000),
                                      int(Qt.TextFlag.TextWordWrap),
                                      sp.text).height() + 10
                have = sum(heights[sp.row:sp.row + sp.rowspan])
                if need > have:
                    heights[sp.row + sp.rowspan - 1] += need - have
            elif sp.vertical:
                need = fm.height() * len(sp.text) + 8
                have = sum(heights[sp.row:sp.row + sp.rowspan])
                if need > have:
                    extra = (need - have) // sp.rowspan + 1
                    for r in range(sp.row, sp.row + sp.rowspan):
                        heights[r] += extra
        for r, h in enumerate(heights):
            self.setRowHeight(r, h)
        if self.frozen is not None:
            self.frozen.place(widths, heights)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def content_width(self) -> int:
        """The width of the columns that scroll (the frozen label columns are beside the viewport)."""
        return sum(self.columnWidth(c) for c in range(self.grid_model.table.ncols))

    # -------------------------------------------------------------- navigation

    def next_cell(self, row: int, col: int, dr: int, dc: int) -> tuple[int, int] | None:
        """The next figure position from (row, col) in direction (dr, dc), skipping labels and span interiors."""
        table = self.grid_model.table
        sp = table.span_at(row, col)
        if sp is not None:
            if dc > 0:
                col = sp.col + sp.colspan - 1
            if dr > 0:
                row = sp.row + sp.rowspan - 1
        r, c = row + dr, col + dc
        while 0 <= r < table.nrows and 0 <= c < table.ncols:
            s = table.span_at(r, c)
            if s is not None and s.cell and (s.row, s.col) != (sp.row if sp else -1, sp.col if sp else -1):
                return s.row, s.col
            r, c = r + dr, c + dc
        return None

    def first_cell(self) -> tuple[int, int]:
        table = self.grid_model.table
        return table.position_of(table.cells[0])

    def moveCursor(self, action, modifiers):
        cur = self.currentIndex()
        if not cur.isValid():
            return self.model().index(*self.first_cell())
        A = QAbstractItemView.CursorAction
        step = {A.MoveUp: (-1, 0), A.MoveDown: (1, 0), A.MoveLeft: (0, -1), A.MoveRight: (0, 1),
                A.MoveNext: (0, 1), A.MovePrevious: (0, -1)}.get(action)
        if step is None:
            return super().moveCursor(action, modifiers)
        nxt = self.next_cell(cur.row(), cur.column(), *step)
        if nxt is None and action in (A.MoveNext, A.MovePrevious):  # Tab at the row's end: next row
            table = self.grid_model.table
            cells = list(table.cells)
            cid = self.grid_model.cell_at(cur.row(), cur.column())
            if cid in cells:
                i = cells.index(cid) + (1 if action == A.MoveNext else -1)
                if 0 <= i < len(cells):
                    nxt = table.position_of(cells[i])
        return self.model().index(*nxt) if nxt else cur

    def neighbour(self, dr: int, dc: int) -> QModelIndex | None:
        """The next figure cell from the current one in direction (dr, dc), if any."""
        cur = self.currentIndex()
        nxt = self.next_cell(cur.row(), cur.column(), dr, dc) if cur.isValid() else None
        return self.model().index(*nxt) if nxt else None

    def move_current(self, dr: int, dc: int) -> None:
        target = self.neighbour(dr, dc)
        if target is not None:
            self.setCurrentIndex(target)

    def edit(self, index, trigger=None, event=None):
        if trigger is None:  # the public slot edit(index)
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        cid = self.grid_model.cell_at(index.row(), index.column()) if index.isValid() else None
        if not opened and cid and self.grid_model.computed(cid) and trigger in _TYPING_TRIGGERS:
            self.message.emit("此合计由「自动合计」按分项计算，不能直接修改（可在「编辑」菜单关闭自动合计）")
        if opened and trigger != QAbstractItemView.EditTrigger.AnyKeyPressed:
            ed = QApplication.focusWidget()  # Qt selects the whole text of a new editor; F2 edits in place
            if isinstance(ed, QLineEdit) and ed.parent() is self.viewport():
                ed.deselect()
                ed.end(False)
        return opened

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Text committed by a Chinese IME (full-width digits come this way) replaces the cell, like typing."""
        cur = self.currentIndex()
        text = event.commitString()
        if (self.state() != QAbstractItemView.State.EditingState and text and not event.preeditString()
                and cur.isValid() and self.model().flags(cur) & Qt.ItemFlag.ItemIsEditable):
            if self.edit(cur, QAbstractItemView.EditTrigger.EditKeyPressed, None):
                ed = QApplication.focusWidget()
                if isinstance(ed, QLineEdit) and ed.parent() is self.viewport():
                    ed.setText(text)
                    event.accept()
                    return
        super().inputMethodEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        H = QAbstractItemDelegate.EndEditHint
        # Enter goes down as in Excel; Tab / Shift+Tab go right / left
        step = {H.SubmitModelCache: (1, 0), H.EditNextItem: (0, 1), H.EditPreviousItem: (0, -1)}.get(hint)
        target = self.neighbour(*step) if step else None
        if target is not None:
            # scroll while the editor is still open: Qt scrolls by copying pixels only where no repaint is
            # pending, and a closed editor leaves one over its cell, so scrolling after closing it would
            # repaint the whole table instead of the strip that comes into view
            self.scrollTo(target)
        super().closeEditor(editor, H.NoHint if hint in (H.EditNextItem, H.EditPreviousItem) else hint)
        if target is not None:
            self.setCurrentIndex(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_text(QGuiApplication.clipboard().text())
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_selection_cells()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_current(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1, 0)
                return
            if key == Qt.Key.Key_Escape and self.traced:
                self.set_traced(set())
                return
        super().keyPressEvent(event)

    # QAbstractItemView repaints the whole viewport on every focus change (for inactive selection
    # colours, which this delegate does not use), and QWidget repaints the frame and the scroll bars.
    # Closing a cell editor returns focus here, so that would repaint ~200 cells per keystroke; only the
    # current cell's focus frame changes, so only it is repainted.
    def focusInEvent(self, event: QFocusEvent) -> None:
        event.accept()
        cur = self.currentIndex()
        editable = cur.isValid() and bool(self.model().flags(cur) & Qt.ItemFlag.ItemIsEditable)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, editable)  # IME typing opens the editor
        if cur.isValid():
            self.viewport().update(self.visualRect(cur))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        event.accept()
        cur = self.currentIndex()
        if cur.isValid():
            self.viewport().update(self.visualRect(cur))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.traced:
            self.set_traced(set())
        super().mousePressEvent(event)

    def _current_changed(self, cur: QModelIndex, _prev: QModelIndex) -> None:
        self.cell_changed.emit(self.grid_model.cell_at(cur.row(), cur.column()) if cur.isValid() else None)

    # -------------------------------------------------------------- selection helpers

    def selected_cells(self) -> list[str]:
        out = []
        for idx in self.selectionModel().selectedIndexes():
            cid = self.grid_model.cell_at(idx.row(), idx.column())
            if cid and cid not in out:
                out.append(cid)
        if not out:
            cur = self.currentIndex()
            cid = self.grid_model.cell_at(cur.row(), cur.column()) if cur.isValid() else None
            if cid:
                out.append(cid)
        return out

    def select_cells(self, cells: Iterable[str], current: str | None = None) -> None:
        """Select these cells (of this table) and make `current` (or the first) current."""
        model = self.grid_model
        mine = [c for c in cells if c in model._mine]
        if not mine:
            return
        sel = QItemSelection()
        for cid in mine:
            idx = model.index_of(cid)
            sel.select(idx, idx)
        cur = model.index_of(current if current is not None and current in mine else mine[0])
        self.selectionModel().setCurrentIndex(cur, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(cur)

    def set_traced(self, cells: set[str]) -> None:
        old = self.traced
        self.traced = set(cells) & self.grid_model._mine
        for cid in old | self.traced:
            self.update(self.grid_model.index_of(cid))

    # -------------------------------------------------------------- clipboard and clearing

    def copy_selection(self) -> str:
        """Copy the rectangle around the selected figures as tab-separated text; returns it."""
        model = self.grid_model
        idxs = [i for i in self.selectionModel().selectedIndexes() if model.cell_at(i.row(), i.column())]
        if not idxs:
            cur = self.currentIndex()
            if not cur.isValid() or not model.cell_at(cur.row(), cur.column()):
                return ""
            idxs = [cur]
        chosen = {(i.row(), i.column()) for i in idxs}
        rows = sorted({r for r, _ in chosen})
        cols = sorted({c for _, c in chosen})
        out = []
        for r in rows:
            line = []
            for c in cols:
                cid = model.cell_at(r, c)
                sp = model.table.span_at(r, c)
                anchor = sp is not None and (sp.row, sp.col) == (r, c)
                if (r, c) in chosen and cid and anchor:
                    line.append(format_value(model.doc.report.cells.get(cid)))
                elif any((r, cc) in chosen for cc in cols):
                    line.append("")
            out.append(line)
        text = to_tsv(out)
        QGuiApplication.clipboard().setText(text)
        self.message.emit(f"已复制 {len(chosen)} 个单元格")
        return text

    def paste_text(self, text: str) -> dict:
        """Paste a block into the grid from the current cell (or fill a selection with one value).

        Good values go in as ONE undo step; refused values are named in one message."""
        model = self.grid_model
        rows = [r for r in parse_block(text)]
        if not rows or not any(rows):
            self.message.emit("剪贴板中没有可粘贴的数字")
            return {}
        cur = self.currentIndex()
        cur_cell = model.cell_at(cur.row(), cur.column()) if cur.isValid() else None
        if not cur_cell:
            self.message.emit("请先选中要粘贴到的单元格")
            return {}
        targets: list[tuple[str, str]] = []
        selected = self.selected_cells()
        if len(rows) == 1 and len(rows[0]) == 1 and len(selected) > 1:
            targets = [(cid, rows[0][0]) for cid in selected]
        else:
            # paste at the top-left of the selection, as Excel does
            chosen = sorted(model.table.position_of(c) for c in selected) if len(selected) > 1 else None
            start = min(chosen, key=lambda p: (p[0], p[1])) if chosen else model.table.position_of(cur_cell)
            targets, outside = self._block_targets(rows, start)
            if outside:
                self.message.emit(f"有 {outside} 个值超出表格，未粘贴")
        good: dict = {}
        bad: list[str] = []
        for cid, tok in targets:
            try:
                good[cid] = parse_cell(cid, tok)
            except BadValue as e:
                bad.append(f"{CELLS[cid].label}：{e}")
        if good:
            model.doc.set_cells(good, label=f"粘贴 {len(good)} 个单元格")
            self.select_cells(list(good), current=next(iter(good)))
        if bad:
            self.refused.emit(f"有 {len(bad)} 个值未粘贴", bad)
        self.message.emit(f"已粘贴 {len(good)} 个值" + (f"，{len(bad)} 个值未被接受" if bad else ""))
        return good

    def _block_targets(self, rows: list[list[str]], start: tuple[int, int]) -> tuple[list[tuple[str, str]], int]:
        """(cell id, text) for a pasted block laid out from `start` over the figure cells (labels skipped),
        and how many non-empty values fell outside the table."""
        model = self.grid_model
        targets: list[tuple[str, str]] = []
        outside = 0
        row_pos: tuple[int, int] | None = start
        for line in rows:
            if row_pos is None:
                outside += len([t for t in line if t != ""])
                continue
            pos: tuple[int, int] | None = row_pos
            for tok in line:
                if pos is None:
                    if tok != "":
                        outside += 1
                    continue
                cid = model.cell_at(*pos)  # next_cell yields figure positions only
                if cid is not None:
                    targets.append((cid, tok))
                pos = self.next_cell(pos[0], pos[1], 0, 1)
            row_pos = self.next_cell(row_pos[0], row_pos[1], 1, 0)
        return targets, outside

    def clear_selection_cells(self) -> None:
        cells = [c for c in self.selected_cells() if self.grid_model.doc.report.cells.get(c) is not None]
        if cells:
            self.grid_model.doc.set_cells({c: None for c in cells}, label=f"清除 {len(cells)} 个单元格")


def prior_toggle(parent: QObject, grids: Iterable[GridView]) -> QAction:
    """「显示上年数」: last year's value faint in every cell of `grids` (a live collection), on by default."""
    action = QAction("显示上年数", parent)
    action.setCheckable(True)
    action.setChecked(True)
    action.setStatusTip("在每个单元格右下角淡色显示上年报告的数字（需有上年报告）")

    def show(on: bool) -> None:
        for g in grids:
            g.set_show_prior(on)

    action.toggled.connect(show)
    return action
