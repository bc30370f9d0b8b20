"""文件 → 批量校核…: the supervisor's window.  Pick this year's folder (and optionally last year's), watch the
files being read, cancel; the result is the 总览 as a sortable table; double-click opens a report in the
editor; 导出汇总表 writes the workbook (总览, 问题清单, 汇总)."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from export import ExportError
from ingest.batch import BatchOutcome, check_batch
from model.batch import BatchEntry, overview_columns, worst_first

from .operations import BackgroundOp, Progress

if TYPE_CHECKING:
    from .grid_model import AnyIndex
    from .window import MainWindow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_BG = QColor("#FFC7CE")
UNREAD_BG = QColor("#D9D9D9")
WINDOW_TITLE = "批量校核"


def _shown(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return format(v, "f")
    return str(v)


class OverviewModel(QAbstractTableModel):
    """The 总览 columns (model.batch.overview_columns) over a batch's entries, values worked out once."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.columns = overview_columns()
        self.entries: list[BatchEntry] = []
        self._values: list[list[object]] = []

    def set_entries(self, entries: list[BatchEntry]) -> None:
        self.beginResetModel()
        self.columns = overview_columns(with_prior=any(e.prior_file for e in entries))
        self.entries = worst_first(entries)
        self._values = [[c.get(e) for c in self.columns] for e in self.entries]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].head
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        v = self._values[index.row()][index.column()]
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _shown(v) if col.head != "文件" else Path(entry.file).name
        if role == SORT_ROLE:
            if not col.number:
                return _shown(v)
            return float(v) if isinstance(v, (int, float, Decimal)) else float("-inf")  # empty cells first
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.error or entry.file
        if role == Qt.ItemDataRole.BackgroundRole:
            return _row_brush(entry)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _row_brush(entry: BatchEntry) -> QBrush | None:
    if not entry.ok:
        return QBrush(UNREAD_BG)
    if entry.counts()["error"]:
        return QBrush(ERROR_BG)
    return None


class BatchWindow(QWidget):
    def __init__(self, open_report: Callable[[str], object] | None = None, parent: QWidget | None = None,
                 interactive: bool = True):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(WINDOW_TITLE)
        self.open_report = open_report
        self.interactive = interactive  # False in tests and screenshots: never a blocking dialog
        self.outcome: BatchOutcome | None = None
        self.op: BackgroundOp | None = None
        self.export_op: BackgroundOp | None = None
        self.folder = QLineEdit()
        self.prior = QLineEdit()
        self.prior.setPlaceholderText("可选：上年报告所在文件夹（按机关名称对应，做跨年度校核和同比）")
        self.model = OverviewModel(self)
        self.proxy = QSortFilterProxyModel(self)  # sorts the overview's rows for the view
        self.table = self._table()
        self.progress = QProgressBar()
        self.status = QLabel("选择本年报告所在的文件夹（含子文件夹），然后点「开始校核」。")
        self.status.setWordWrap(True)
        self.start_button = QPushButton("开始校核")
        self.cancel_button = QPushButton("取消")
        self.export_button = QPushButton("导出汇总表…")
        self._lay_out()
        self._set_running(False)
        self.resize(1200, 640)

    # -------------------------------------------------------------- building

    def _table(self) -> QTableView:
        proxy = self.proxy
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as given: worst first
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.verticalHeader().setVisible(False)
        view.doubleClicked.connect(self._open_row)
        return view

    def _pick_row(self, grid: QGridLayout, row: int, label: str, edit: QLineEdit, title: str) -> None:
        button = QPushButton("选择…")
        button.clicked.connect(lambda: self._choose_folder(edit, title))
        grid.addWidget(QLabel(label), row, 0)
        grid.addWidget(edit, row, 1)
        grid.addWidget(button, row, 2)

    def _lay_out(self) -> None:
        grid = QGridLayout()
        self._pick_row(grid, 0, "本年报告文件夹：", self.folder, "选择本年报告所在的文件夹")
        self._pick_row(grid, 1, "上年报告文件夹：", self.prior, "选择上年报告所在的文件夹")
        buttons = QHBoxLayout()
        for b in (self.start_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.export_button)
        self.start_button.clicked.connect(lambda: self.start())
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(lambda: self.export())
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        lay.addLayout(buttons)
        lay.addWidget(self.status)
        lay.addWidget(self.table, 1)

    def _choose_folder(self, edit: QLineEdit, title: str) -> None:
        path = QFileDialog.getExistingDirectory(self, title, edit.text() or str(Path.home()))
        if path:
            edit.setText(path)

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.export_button.setEnabled(not running and self.outcome is not None)
        self.progress.setVisible(running)

    # -------------------------------------------------------------- running

    def start(self, folder: str | None = None, prior: str | None = None) -> bool:
        """Read and check every report under the folder, off the UI thread; False when there is nothing to do."""
        folder = folder if folder is not None else self.folder.text().strip()
        prior = prior if prior is not None else self.prior.text().strip()
        self.folder.setText(folder)
        self.prior.setText(prior)
        problem = self._folder_problem(folder, prior)
        if problem:
            self._tell(problem)
            return False
        self.status.setText("正在查找报告文件…")
        self.progress.setRange(0, 0)

        def work(p: Progress) -> BatchOutcome:
            return check_batch([folder], [prior] if prior else [], progress=p.report, cancelled=p.cancelled)

        self.op = BackgroundOp(self, work, self._finished).on_progress(self._progressed)
        self.op.on_failure(lambda e: self._failed(e))
        self._set_running(True)
        self.op.run()
        return True

    @staticmethod
    def _folder_problem(folder: str, prior: str) -> str | None:
        if not folder:
            return "请先选择本年报告所在的文件夹。"
        if not Path(folder).is_dir():
            return f"{folder}：文件夹不存在。"
        if prior and not Path(prior).is_dir():
            return f"{prior}：上年报告文件夹不存在。"
        return None

    def cancel(self) -> None:
        if self.op is not None and self.op.running:
            self.op.cancel()
            self.status.setText("正在取消…（正在读取的文件读完后停止）")

    def _progressed(self, done: int, total: int, file: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(f"已读取 {done}/{total}：{Path(file).name}")

    def _finished(self, outcome: BatchOutcome) -> None:
        self.outcome = outcome
        self.model.set_entries(outcome.entries)
        self.table.resizeColumnsToContents()
        self._set_running(False)
        self.status.setText(self.summary())

    def _failed(self, e: Exception) -> None:
        self._set_running(False)
        self._tell(f"批量校核未完成：{e}")

    def summary(self) -> str:
        o = self.outcome
        if o is None:
            return ""
        with_errors = sum(1 for e in o.entries if e.ok and e.counts()["error"])
        unread = sum(1 for e in o.entries if not e.ok)
        head = "已取消，以下为已读取的部分。" if o.cancelled else ""
        return (f"{head}共 {len(o.entries)} 个文件：汇总 {o.rollup.count} 份报告，其中有错误的 {with_errors} 份；"
                f"无法读取 {unread} 个。双击一行可在编辑窗口中打开该报告。")

    # -------------------------------------------------------------- results

    def _open_row(self, index: QModelIndex) -> None:
        row = self.proxy.mapToSource(index).row()
        entry = self.model.entries[row]
        if not entry.ok:
            self._tell(entry.error or "无法读取")
        elif self.open_report is not None:
            self.open_report(entry.file)

    def export(self, path: str | None = None) -> bool:
        """Write the workbook off the UI thread (hundreds of reports take seconds); True when started."""
        if self.outcome is None:
            return False
        if path is None:
            start = str(Path(self.folder.text() or Path.home()) / "汇总.xlsx")
            path, _ = QFileDialog.getSaveFileName(self, "导出汇总表", start, "Excel 工作簿 (*.xlsx)")
            if not path:
                return False
        from export.batch_xlsx import write_batch_xlsx

        entries, rollup = self.outcome.entries, self.outcome.rollup
        self.export_button.setEnabled(False)
        self.status.setText(f"正在写出汇总表：{path}…")
        self.export_op = BackgroundOp(self, lambda _p: write_batch_xlsx(entries, rollup, path),
                                      lambda _r: self._exported(path))
        self.export_op.on_failure(self._export_failed).run()
        return True

    def _exported(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(f"{self.summary()}\n已导出汇总表：{path}")

    def _export_failed(self, e: Exception) -> None:
        self.export_button.setEnabled(True)
        self._tell(str(e) if isinstance(e, ExportError) else f"导出汇总表失败：{type(e).__name__}：{e}")

    def _tell(self, text: str) -> None:
        self.status.setText(text)
        if self.interactive:
            QMessageBox.information(self, WINDOW_TITLE, text)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)


def show_batch_window(main: MainWindow) -> BatchWindow:
    """The editor's 文件 → 批量校核…: one batch window per editor window, brought to the front."""
    win = main.batch_window
    if win is None:
        win = BatchWindow(open_report=main.open_path, parent=main, interactive=main.interactive)
        main.batch_window = win
    win.show()
    win.raise_()
    win.activateWindow()
    return win
