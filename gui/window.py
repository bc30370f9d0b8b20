"""The editor window: navigation, the part editors, the findings panel, menus, files, recovery."""
from __future__ import annotations

import copy
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from export import TARGETS, ExportError, export_report
from ingest import ImportResult, IngestError, read_report
from model import fileformat, journal
from model.document import Change, Document
from model.findings import Finding
from model.nextyear import new_from_prior
from model.oserrors import WRITE, problem
from model.report import Meta, Report
from model.rules import RULES
from model.schema import CELLS, SECTION_BY_ID, TABLES, TEXT_SECTIONS
from model.totals import total_changes
from model.values import format_value

from . import dialogs, theme
from .batch_window import BatchWindow, show_batch_window  # noqa: I001 - kept apart from the imports others edit
from .busy import Cancelled, run_waiting
from .files import OPEN_FILTER, SAVE_FILTER
from .findings_panel import FindingsPanel
from .findings_text import status_text
from .grid_model import TableModel
from .grid_view import GridView, prior_toggle
from .help import GuideDialog, install_help_menu
from .meta_page import MetaPage
from .operations import Progress
from .parts import META, PART_INDEX, PARTS, part_of
from .printing import install_print_actions
from .recovery import AUTOSAVE_MS, RecoverySlot
from .status_line import StatusLine
from .text_page import TextSectionPage

APP_NAME = "政府信息公开工作年度报告"
MAX_RECENT = 8


def _dot(colour: QColor | None, size: int = 12, dpr: float = 1.0) -> QIcon:
    pm = QPixmap(int(size * dpr), int(size * dpr))  # drawn at device pixels: sharp on HiDPI screens
    pm.setDevicePixelRatio(dpr)
    pm.fill(Qt.GlobalColor.transparent)
    if colour is not None:
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(colour)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(1, 1, size - 2, size - 2)
        p.end()
    return QIcon(pm)


class MainWindow(QMainWindow):
    # added by install_print_actions (printing.py) and install_help_menu (help.py)
    act_preview: QAction
    act_print: QAction
    act_guide: QAction
    act_about: QAction
    _guide: GuideDialog | None = None  # the one guide window, once opened
    batch_window: BatchWindow | None = None  # added by show_batch_window (batch_window.py)

    def __init__(self, document: Document | None = None, settings: QSettings | None = None):
        super().__init__()
        self.doc = document or Document(Report(meta=Meta(year=dt.date.today().year - 1)))
        self.settings = settings or QSettings("nianbao", "nianbao")
        self.native = True  # the path is a .nianbao we may save back to
        self.display_name: str | None = None
        # False while rendering --screenshot: nothing may wait for a click (problems go to stderr)
        self.interactive = True
        self.recovery: RecoverySlot | None = None

        self._build_nav()
        self._build_pages()
        self._build_central()
        self._build_findings_dock()
        self._build_status_bar()
        self._build_actions()
        self.nav.currentRowChanged.connect(self._part_changed)
        self.nav.setCurrentRow(PART_INDEX["s3"] if self.doc.report.cells else 0)
        self._start_timers()
        self.refresh_marks()
        self.update_title()
        self.resize(self._default_size())

    # -------------------------------------------------------------- building

    def _build_nav(self) -> None:
        """The list of parts on the left, each with a dot for its worst finding."""
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(12, 12))
        self._marked: dict[str, tuple[str | None, float]] = {}  # part → (state, pixel ratio) its dot shows
        for pid, label in PARTS:
            item = QListWidgetItem(_dot(None), label)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            self.nav.addItem(item)
        fm = self.nav.fontMetrics()
        self.nav.setFixedWidth(max(fm.horizontalAdvance(l) for _, l in PARTS) // 2 + fm.horizontalAdvance("中") * 4)
        self.nav.setWordWrap(True)

    def _build_pages(self) -> None:
        """One page per part: the metadata form, a text editor per section, a grid per table."""
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.meta_page = MetaPage(self.doc)
        self.models: dict[str, TableModel] = {}
        self.grids: dict[str, GridView] = {}
        self.texts: dict[str, TextSectionPage] = {}
        for pid, label in PARTS:
            if pid == META:
                page = self._titled("基本信息", self.meta_page)
            elif pid in TEXT_SECTIONS:
                page = self._build_text_page(pid)
            else:
                table = SECTION_BY_ID[pid].table
                assert table is not None  # the parts that are neither 基本信息 nor text are the tables
                page = self._titled(label, self._build_grid(table))
            self.pages[pid] = page
            self.stack.addWidget(page)
        self.meta_page.refused.connect(self.show_refused)

    def _build_text_page(self, pid: str) -> TextSectionPage:
        page = self.texts[pid] = TextSectionPage(pid, self.doc)
        page.message.connect(self.show_message)
        page.refused.connect(self.show_refused)
        page.undo_requested.connect(self.undo)
        page.redo_requested.connect(self.redo)
        return page

    def _build_grid(self, tid: str) -> GridView:
        model = self.models[tid] = TableModel(tid, self.doc, self)
        grid = self.grids[tid] = GridView(model)
        grid.message.connect(self.show_message)
        grid.explain_requested.connect(self.explain)
        grid.refused.connect(self.show_refused)
        grid.cell_changed.connect(self._cell_changed)
        return grid

    def _build_central(self) -> None:
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_findings_dock(self) -> None:
        self.panel = FindingsPanel(self.doc)
        self.panel.activated.connect(self.jump_to_finding)
        self.panel.explain_requested.connect(self.explain)
        self.panel.fix_requested.connect(self.fix_by_formula)
        self.dock = QDockWidget("问题清单", self)
        self.dock.setObjectName("findings")
        self.dock.setWidget(self.panel)
        # closable, so 视图 → 问题清单 (F4) hides it and the tables take the whole width
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                              | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        em = self.fontMetrics().horizontalAdvance("中")
        self.resizeDocks([self.dock], [em * 20], Qt.Orientation.Horizontal)

    def _build_status_bar(self) -> None:
        # the current cell's findings and short notes are two labels (QStatusBar's temporary messages
        # would hide or overlap the cell's findings); a long text is clipped (the full text in its tooltip)
        line = StatusLine()
        self.cell_status, self.note = line.cell, line.note
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)  # no rich-text layout on every update
        self.statusBar().addWidget(line, 1)
        self.statusBar().addPermanentWidget(self.counts)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.timeout.connect(self.note.clear)

    def _start_timers(self) -> None:
        """Marks refreshed shortly after a change (edits coalesce); the recovery copy saved periodically."""
        self._marks = QTimer(self)
        self._marks.setSingleShot(True)
        self._marks.setInterval(60)
        self._marks.timeout.connect(self.refresh_marks)
        self.doc.subscribe(self._on_change)
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()

    @staticmethod
    def _titled(title: str, body: QWidget) -> QWidget:
        w = QWidget()
        lab = QLabel(title)
        f = lab.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        lab.setFont(f)
        lay = QVBoxLayout(w)
        lay.setContentsMargins(6, 6, 2, 4)  # narrow sides: on a small screen every pixel goes to the table
        lay.addWidget(lab)
        lay.addWidget(body, 1)
        return w

    def _default_size(self) -> QSize:
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            return QSize(1280, 760)
        return QSize(min(1440, int(screen.width() * 0.92)), min(900, int(screen.height() * 0.9)))

    def _act(self, text: str, slot: Callable[..., object],
             shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
             tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setStatusTip(tip)
        a.triggered.connect(lambda _checked=False: slot())
        return a

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.act_new = self._act("新建", self.new_report, K.New)
        self.act_open = self._act("打开…", self.open_dialog, K.Open, "打开 .nianbao，或导入 PDF、Word、Excel、网页文本")
        self.act_prior = self._act("从上年报告新建…", self.new_from_prior_dialog, None,
                                   "选择上年的报告（任意可导入的格式），生成本年报告")
        self.act_batch = self._act("批量校核…", lambda: show_batch_window(self), None,
                                   "校核一个文件夹中的全部报告，导出汇总表")
        self.act_save = self._act("保存", self.save, K.Save)
        self.act_save_as = self._act("另存为…", self.save_as, K.SaveAs)
        self.act_export = {kind: self._act(t.action, lambda k=kind: self.export(k))
                           for kind, t in TARGETS.items()}
        self.act_quit = self._act("退出", self.close, K.Quit)
        self.act_undo = self._act("撤销", self.undo, K.Undo)
        self.act_redo = self._act("重做", self.redo, QKeySequence("Ctrl+Y"))
        for a in (self.act_undo, self.act_redo):  # the menu names the step; the tool button keeps its width
            a.setIconText(a.text())
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_copy = self._act("复制\tCtrl+C", lambda: self._grid_call("copy_selection"))
        self.act_paste = self._act("粘贴\tCtrl+V", self._paste_menu)
        self.act_clear = self._act("清除\tDelete", lambda: self._grid_call("clear_selection_cells"))
        self.act_totals = self._act("计算合计", self.compute_totals, QKeySequence("Ctrl+T"),
                                    "按分项重新计算总计列、（七）总计行和表四的总计")
        self.act_show_prior = prior_toggle(self, self.grids.values())
        m = self.menuBar().addMenu("文件(&F)")
        for a in (self.act_new, self.act_open, self.act_prior):
            m.addAction(a)
        m.addAction(self.act_batch)
        self.recent_menu = m.addMenu("最近打开")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addSeparator()
        for a in (self.act_save, self.act_save_as):
            m.addAction(a)
        m.addSeparator()
        for a in self.act_export.values():
            m.addAction(a)
        m.addSeparator()
        install_print_actions(self, m)
        m.addSeparator()
        m.addAction(self.act_quit)
        e = self.menuBar().addMenu("编辑(&E)")
        e.aboutToShow.connect(self.name_undo_steps)
        for a in (self.act_undo, self.act_redo):
            e.addAction(a)
        e.addSeparator()
        for a in (self.act_copy, self.act_paste, self.act_clear):
            e.addAction(a)
        e.addSeparator()
        e.addAction(self.act_totals)
        self.act_auto_totals = e.addAction("自动合计")
        self.act_auto_totals.setCheckable(True)
        self.act_auto_totals.setStatusTip("各总计随分项自动计算，不能直接修改（新建的报告默认打开；导入的报告保留原文数字）")
        self.act_auto_totals.toggled.connect(self._auto_totals_toggled)
        v = self.menuBar().addMenu("视图(&V)")
        self.act_findings = self.dock.toggleViewAction()
        self.act_findings.setShortcut(QKeySequence("F4"))
        self.act_findings.setStatusTip("显示或收起问题清单（收起后表格使用整个宽度）")
        v.addAction(self.act_findings)
        v.addAction(self.act_show_prior)
        install_help_menu(self)
        tb = self.addToolBar("常用")
        tb.setObjectName("main")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_open, self.act_save, self.act_undo, self.act_redo, self.act_totals,
                  *self.act_export.values()):
            tb.addAction(a)

    # -------------------------------------------------------------- document switching

    def set_document(self, doc: Document, native: bool = True, unsaved: bool = False,
                     name: str | None = None) -> None:
        """Show `doc`.  `name`: the title for a report without a file (the bundled sample)."""
        self.doc.unsubscribe(self._on_change)
        for grid in self.grids.values():
            grid.set_traced(set())
        self.doc = doc
        for model in self.models.values():
            model.set_document(doc)
        for page in self.texts.values():
            page.set_document(doc)
        self.meta_page.set_document(doc)
        self.panel.set_document(doc)
        doc.subscribe(self._on_change)
        self.native = native
        if unsaved:  # imported, restored or made from last year: not saved anywhere yet
            doc.mark_modified()
        self.display_name = name
        if self.recovery is not None:
            self.recovery.clear()
        self.refresh_marks()
        self.update_title()
        self.cell_status.clear()

    @property
    def modified(self) -> bool:
        return self.doc.modified

    def update_title(self) -> None:
        name = Path(self.doc.path).name if self.doc.path else (self.display_name or "未命名")
        self.setWindowTitle(f"{name}{'*' if self.modified else ''} - {APP_NAME}")
        self.act_auto_totals.blockSignals(True)
        self.act_auto_totals.setChecked(self.doc.report.auto_totals)
        self.act_auto_totals.blockSignals(False)
        self.act_undo.setEnabled(self.doc.can_undo())
        self.act_redo.setEnabled(self.doc.can_redo())

    def name_undo_steps(self) -> None:
        """「撤销 输入 自然人」 in the menu and the tool buttons' tooltips: named with the refresh shortly after the
        edits and when the menu opens, not on every keystroke (a changed action re-lays out the tool bar)."""
        self.act_undo.setText(f"撤销 {self.doc.undo_label()}" if self.doc.can_undo() else "撤销")
        self.act_redo.setText(f"重做 {self.doc.redo_label()}" if self.doc.can_redo() else "重做")

    def _on_change(self, change: Change) -> None:
        self._journal(change)
        self.update_title()
        self._marks.start()
        grid = self.current_grid()
        if grid is not None:
            cur = grid.currentIndex()
            cid = grid.grid_model.cell_at(cur.row(), cur.column()) if cur.isValid() else None
            if cid and cid in (change.cells | change.findings_changed):
                self._cell_changed(cid)

    def refresh_marks(self) -> None:
        """The refresh shortly after a burst of edits: each part's mark in the list, the counts, undo's name."""
        self.name_undo_steps()
        worst: dict[str, str] = {}
        for f in self.doc.checker.findings():
            if f.explained or f.severity not in ("error", "warning"):
                continue
            p = part_of(f)
            if worst.get(p) != "error":
                worst[p] = f.severity
        dpr = self.devicePixelRatioF()
        for i, (pid, _) in enumerate(PARTS):
            item = self.nav.item(i)
            state = worst.get(pid)
            if self._marked.get(pid) == (state, dpr):  # unchanged: no new icon, no repaint of the list
                continue
            self._marked[pid] = (state, dpr)
            item.setIcon(_dot(theme.strong(state) if state else None, dpr=dpr))
            item.setData(Qt.ItemDataRole.UserRole + 1, state)
            item.setToolTip({"error": "此部分有错误", "warning": "此部分有警告"}.get(state or "", ""))
        c = self.doc.checker.counts()
        self.counts.setText(f"错误 {c['error']}　警告 {c['warning']}　提示 {c['info']}")

    # -------------------------------------------------------------- parts

    def current_part(self) -> str:
        return PARTS[max(self.nav.currentRow(), 0)][0]

    def current_grid(self) -> GridView | None:
        pid = self.current_part()
        table = SECTION_BY_ID[pid].table if pid in SECTION_BY_ID else None
        return self.grids.get(table) if table else None

    def show_part(self, pid: str) -> None:
        self.nav.setCurrentRow(PART_INDEX[pid])

    def _part_changed(self, row: int) -> None:
        self.flush_texts()
        pid = PARTS[row][0]
        self.stack.setCurrentWidget(self.pages[pid])
        grid = self.current_grid()
        if grid is not None:
            if not grid.currentIndex().isValid():
                grid.setCurrentIndex(grid.model().index(*grid.first_cell()))
            grid.setFocus()
        elif pid in self.texts:
            self.texts[pid].editor.setFocus()
        self.cell_status.clear()

    def flush_texts(self) -> None:
        for page in self.texts.values():
            page.flush()

    def _set_status(self, text: str) -> None:
        self.cell_status.setText(text)
        self.cell_status.setToolTip(text)

    def _cell_changed(self, cid: str | None) -> None:
        if cid is None:
            self.cell_status.clear()
            return
        self._set_status(status_text(cid, self.doc.checker.findings_for(cid), self.doc.report.cells.get(cid)))

    # -------------------------------------------------------------- findings

    def jump_to_finding(self, f: Finding) -> None:
        """Show the part, select and outline every cell of the formula (or select the text span).

        The cells of a text finding are outlined in their grid too, for when the clerk looks there."""
        pid = part_of(f)
        for grid in self.grids.values():
            grid.set_traced(set(f.cells))
        self.show_part(pid)
        first = (f.primary or f.cells or (None,))[0]
        table = CELLS[first].table if first in CELLS else None
        if f.span and pid in self.texts:
            self.texts[pid].select_span(f.span[1], f.span[2])
        elif table in self.grids:
            grid = self.grids[table]
            grid.select_cells(f.cells, current=first)
            grid.setFocus()
        elif table == "fee" and first is not None and pid in self.texts:
            ed = self.texts[pid].fee_edits[first]
            ed.setFocus()
            ed.selectAll()
        elif pid in self.texts:
            self.texts[pid].editor.setFocus()
        self._set_status(f"{RULES[f.rule].title}：{f.message}")

    def explain(self, f: Finding) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, "填写说明", f"{RULES[f.rule].title}\n{f.message}\n\n说明（保存在报告中，清空即删除）：",
            f.explanation or "")
        if ok:
            self.doc.set_explanation(f.key, text.strip() or None)
            self.panel.flush()

    # -------------------------------------------------------------- editing

    def undo(self) -> None:
        self.flush_texts()
        if self.doc.can_undo():
            ch = self.doc.undo()
            self.show_message(f"已撤销：{ch.label}")

    def redo(self) -> None:
        self.flush_texts()
        if self.doc.can_redo():
            ch = self.doc.redo()
            self.show_message(f"已重做：{ch.label}")

    def _grid_call(self, name: str) -> None:
        grid = self.current_grid()
        if grid is not None:
            getattr(grid, name)()

    def _paste_menu(self) -> None:
        from PySide6.QtGui import QGuiApplication
        grid = self.current_grid()
        if grid is not None:
            grid.paste_text(QGuiApplication.clipboard().text())

    def _auto_totals_toggled(self, on: bool) -> None:
        if on != self.doc.report.auto_totals:
            self.flush_texts()
            change = self.doc.set_auto_totals(on)
            fixed = len(change.cells)
            self.show_message(f"自动合计已打开{f'，已按分项修改 {fixed} 个合计（可撤销）' if fixed else ''}" if on
                              else "自动合计已关闭：各总计可直接修改")

    def fix_by_formula(self, f: Finding) -> dict:
        """「按公式修正」: the totals of one finding set to what their parts give, as one undo step."""
        changes = {c: v for c, v in total_changes(self.doc.report).items() if c in f.cells}
        if changes:
            self.doc.set_cells(changes, label="按公式修正")
            self.show_message(f"已按公式修正 {len(changes)} 个合计（可撤销）")
        return changes

    def compute_totals(self) -> dict:
        """「计算合计」: show what would change, ask, apply as one undo step.  Returns what was applied."""
        self.flush_texts()
        changes = total_changes(self.doc.report)
        if not changes:
            QMessageBox.information(self, "计算合计", "所有合计均与分项一致，无需修改。")
            return {}
        lines = [f"{CELLS[c].label}：{format_value(self.doc.report.cells.get(c)) or '空'} → {format_value(v)}"
                 for c, v in changes.items()]
        shown = "\n".join(lines[:20]) + (f"\n……另有 {len(lines) - 20} 项" if len(lines) > 20 else "")
        answer = QMessageBox.question(
            self, "计算合计", f"将按分项重新计算以下 {len(changes)} 个合计：\n\n{shown}\n\n是否修改？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return {}
        self.doc.set_cells(changes, label="计算合计")
        by_table: dict[str, list[str]] = {}
        for c in changes:
            by_table.setdefault(CELLS[c].table, []).append(c)
        grid = self.current_grid()
        if grid is None or grid.grid_model.table.id not in by_table:
            table = max(by_table, key=lambda t: len(by_table[t]))
            self.show_part(TABLES[table].section)
            grid = self.grids[table]
        grid.select_cells(by_table.get(grid.grid_model.table.id, []))
        self.show_message(f"计算合计：已修改 {len(changes)} 个合计（可撤销）")
        return changes

    def fit_to_width(self) -> bool:
        """On a narrow screen (1024 px, or large scaling) the tables come first: when 三 would not fit beside
        the findings panel, the panel gets narrower, or collapses when it would become too narrow to read (F4
        brings it back).  True when it was collapsed."""
        grid = self.grids["t3"]
        if not self.dock.isVisible() or self.dock.isFloating() or grid.content_width() <= grid.viewport().width():
            return False
        narrower = self.dock.width() - (grid.content_width() - grid.viewport().width()) - 4
        readable = max(self.fontMetrics().horizontalAdvance("中") * 14, self.dock.minimumSizeHint().width())
        if narrower >= readable:  # still wide enough to read a finding
            self.resizeDocks([self.dock], [narrower], Qt.Orientation.Horizontal)
            return False
        short = grid.content_width() - grid.viewport().width() - self.dock.width()
        self.dock.hide()
        if short > 0:  # not even the whole width: the list of parts gives up what it can spare (it wraps)
            em = self.fontMetrics().horizontalAdvance("中")
            self.nav.setFixedWidth(max(em * 7, self.nav.width() - short - 4))
        self.show_message("窗口较窄，已收起问题清单（按 F4 或「视图 → 问题清单」再显示）")
        return True

    # -------------------------------------------------------------- messages

    def show_message(self, text: str) -> None:
        self.note.setText(text)
        self.note.setToolTip(text)
        self._note_timer.start(8000)

    def show_refused(self, title: str, lines: list) -> None:
        shown = "\n".join(lines[:15]) + (f"\n……另有 {len(lines) - 15} 项" if len(lines) > 15 else "")
        self.show_message(f"{title}：{lines[0] if lines else ''}")
        QMessageBox.warning(self, title, shown)

    # -------------------------------------------------------------- files

    def maybe_save(self) -> bool:
        """Before the report is replaced or the window closes: ask about unsaved changes."""
        self.flush_texts()
        if not self.modified:
            return True
        B = QMessageBox.StandardButton
        answer = QMessageBox.question(self, APP_NAME, "报告有未保存的修改，是否保存？",
                                      B.Save | B.Discard | B.Cancel, B.Save)
        if answer == B.Save:
            return self.save()
        return answer == B.Discard

    def new_report(self) -> None:
        if not self.maybe_save():
            return
        self.set_document(Document(Report(meta=Meta(year=dt.date.today().year - 1), auto_totals=True)))
        self.show_part(META)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "打开年度报告", self._last_dir(), OPEN_FILTER)
        if path:
            self.open_path(path)

    def _read(self, path: str) -> ImportResult | None:
        """Read a file for the window; a dialog names the problem and None is returned on failure."""
        try:
            opened = self._wait(f"正在读取「{Path(path).name}」…",
                                lambda progress: read_report(path, progress=_pages_shown(progress),
                                                             cancelled=progress.cancelled if progress else None))
        except Cancelled:
            self.show_message(f"已取消打开「{Path(path).name}」")
            return None
        except IngestError as e:
            self._problem("无法打开", str(e))
            return None
        except Exception as e:  # noqa: BLE001 - a reader bug must not take the open report with it
            self._problem("无法打开", f"「{Path(path).name}」：读取时出错，{problem(e)}")
            return None
        if not opened.native and self.interactive and not dialogs.confirm_import(
                self, Path(path).name, opened.summary() or "已读取。"):
            return None
        return opened

    def _problem(self, title: str, text: str) -> None:
        if self.interactive:
            QMessageBox.critical(self, title, text)
        else:
            print(text, file=sys.stderr)

    def open_path(self, path: str) -> bool:
        """Open a .nianbao or import another file.  On failure the open report is untouched."""
        opened = self._read(path)
        if opened is None:
            return False
        if not self.maybe_save():
            return False
        if opened.native:
            self.set_document(Document(opened.report, path=str(Path(path).resolve())))
        else:
            self.set_document(Document(opened.report), native=False, unsaved=True)
        self.add_recent(path)
        self.show_part("s3" if opened.report.cells else META)
        self.show_message(f"已打开「{Path(path).name}」")
        return True

    def new_from_prior_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择上年的年度报告", self._last_dir(), OPEN_FILTER)
        if path:
            self.new_from_prior_path(path)

    def new_from_prior_path(self, path: str) -> bool:
        opened = self._read(path)
        if opened is None:
            return False
        if not self.maybe_save():
            return False
        report = new_from_prior(opened.report)
        self.set_document(Document(report), native=True, unsaved=True)
        self.show_part(META)
        self.show_message(f"已根据「{Path(path).name}」新建 {report.meta.year or ''} 年度报告：正文沿用上年，"
                          "上年结转已填入，请逐项更新")
        return True

    def save(self) -> bool:
        self.flush_texts()
        if not self.doc.path or not self.native:
            return self.save_as()
        return self._write(self.doc.path)

    def save_as(self) -> bool:
        self.flush_texts()
        m = self.doc.report.meta
        suggest = self.doc.path if (self.doc.path and self.native) else str(
            Path(self._last_dir()) / f"{m.organ or '年度报告'}{m.year or ''}.nianbao")
        path, _ = QFileDialog.getSaveFileName(self, "另存为", suggest, SAVE_FILTER)
        if not path:
            return False
        if not path.lower().endswith(".nianbao"):
            path += ".nianbao"
        return self._write(path)

    def _write(self, path: str) -> bool:
        try:
            fileformat.save(self.doc.report, path)
        except (OSError, fileformat.FileFormatError) as e:
            why = problem(e, WRITE) if isinstance(e, OSError) else str(e)
            QMessageBox.critical(self, "保存失败", f"无法保存到「{Path(path).name}」：{why}")
            return False
        self.doc.path = str(Path(path).resolve())
        self.doc.mark_saved()
        self.native = True
        if self.recovery is not None:
            self.recovery.clear()
        self.add_recent(path)
        self.update_title()
        self.show_message(f"已保存到「{Path(path).name}」")
        return True

    def export(self, kind: str) -> bool:
        """导出 through export.export_report, the path the command line takes too."""
        self.flush_texts()
        target = TARGETS[kind]
        force = False
        if self.doc.checker.has_errors():
            n = self.doc.checker.counts()["error"]
            answer = QMessageBox.question(
                self, "导出", f"报告仍有 {n} 个错误未改正。\n仍要导出吗？（PDF、Word 和网页将标注「草稿（校核未通过）」）",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            force = True
        base = Path(self.doc.path).stem if self.doc.path else (self.doc.report.title or "年度报告")
        path, _ = QFileDialog.getSaveFileName(self, f"导出 {target.label}",
                                              str(Path(self._last_dir()) / f"{base}{target.suffix}"),
                                              target.dialog_filter)
        if not path:
            return False
        path = target.named(path)
        report = copy.deepcopy(self.doc.report)  # the worker writes this copy; the clerk may go on editing
        try:
            self._wait(f"正在导出「{Path(path).name}」…", lambda _progress: export_report(report, kind, path, force=force))
        except Cancelled:
            self.show_message("已取消导出（已写出的文件不受影响）")
            return False
        except ExportError as e:
            QMessageBox.critical(self, "导出失败", str(e))
            return False
        self.show_message(f"已导出「{Path(path).name}」")
        return True

    def _wait(self, label: str, work: Callable[[Progress | None], Any]) -> Any:
        """Slow work off the UI thread with a progress dialog (取消) while the window repaints; in screenshot
        mode, in line."""
        if not self.interactive:
            return work(None)
        return run_waiting(self, APP_NAME, label, work)

    def _last_dir(self) -> str:
        if self.doc.path:
            return str(Path(self.doc.path).parent)
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)):  # a damaged setting (a number, say) means no recent files
            return []
        return [v for v in value if isinstance(v, str)]

    def add_recent(self, path: str) -> None:
        p = str(Path(path).resolve())
        items = [p] + [x for x in self.recent_files() if x != p]
        self.settings.setValue("recent", items[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        if not files:
            a = self.recent_menu.addAction("（无）")
            a.setEnabled(False)
        for f in files:
            a = self.recent_menu.addAction(Path(f).name)
            a.setToolTip(f)
            a.triggered.connect(lambda _c=False, p=f: self.open_path(p))

    # -------------------------------------------------------------- recovery

    def autosave(self) -> bool:
        """Write the recovery copy if there are unsaved changes (every 30 s)."""
        self.flush_texts()
        return self._write_recovery_copy()

    def _write_recovery_copy(self) -> bool:
        if not self.modified:
            return False
        try:
            if self.recovery is None:
                self.recovery = RecoverySlot()
            self.recovery.write(self.doc.report, self.doc.path if self.native else None)
        except OSError as e:
            self.show_message(f"自动保存失败：{problem(e, WRITE)}")
            return False
        return True

    def _journal(self, change: Change) -> None:
        """Every edit reaches the recovery journal at once; a copy is made first when there is none."""
        if not change.targets:
            return
        if not self.modified:  # undone back to the saved state: nothing to recover
            if self.recovery is not None:
                self.recovery.clear()
            return
        lines = [journal.entry(kind, key, self.doc.get((kind, key))) for kind, key in change.targets]
        if self.recovery is None or not self.recovery.has_copy or None in lines:
            self._write_recovery_copy()  # the copy holds this edit too
            return
        try:
            self.recovery.append([line for line in lines if line is not None])
        except OSError as e:
            self.show_message(f"自动保存失败：{problem(e, WRITE)}")

    def restore(self, report: Report, original: str | None) -> None:
        """Take a recovered report: it keeps the original file name and counts as unsaved."""
        self.set_document(Document(report, path=original), native=True, unsaved=True)
        self.show_message("已恢复上次未保存的修改，请检查后保存")

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self._autosave.stop()
        if self.recovery is not None:
            self.recovery.close()
            self.recovery = None
        event.accept()


def _pages_shown(progress):
    """A scanned file is read page by page by OCR (seconds each): 「第 k/n 页」 in the open dialog."""
    if progress is None:
        return None
    return lambda k, n, what: progress.report(k - 1, n, f"文字识别（OCR）第 {k}/{n} {what}…")
