"""问题清单: every finding grouped by severity with counts; click jumps, 说明 for warnings."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.document import Change, Document
from model.findings import Finding
from model.rules import RULES
from model.totals import total_changes

from . import theme
from .findings_text import state_of

GROUPS = ("error", "warning", "explained", "info")
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped message at the panel's current width."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree
        self._sizes: dict[tuple, QSize] = {}  # (font, width, text) → size: wrapping a text is measured once

    def sizeHint(self, option, index):
        depth = 1 if index.parent().isValid() else 0
        width = max(self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - 12, 40)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        key = (QFont(option.font), width, text)  # a copy: option.font is the option's own, gone after the call
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 2000:
                self._sizes.clear()
            box = option.fontMetrics.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), text)
            size = self._sizes[key] = QSize(width, box.height() + 6)
        return size


class FindingsPanel(QWidget):
    activated = Signal(object)  # Finding
    explain_requested = Signal(object)  # Finding
    fix_requested = Signal(object)  # Finding whose totals should follow their parts (按公式修正)

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = document
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        # one column as wide as the panel, so long messages wrap instead of running off the edge
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.viewport().installEventFilter(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # the counts wrap rather than hold the panel wide on a small screen
        self.explain_button = QPushButton("填写说明…")
        self.explain_button.setEnabled(False)
        self.explain_button.setToolTip("为选中的警告填写说明（保存在报告文件中）")
        self.fix_button = QPushButton("按公式修正")
        self.fix_button.setEnabled(False)
        self.fix_button.setToolTip("把选中问题中的合计改为按分项计算的数（可撤销）")
        buttons = QHBoxLayout()  # below the counts, so the panel can be narrow on a small screen
        buttons.addStretch(1)
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.explain_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.summary)
        lay.addLayout(buttons)
        lay.addWidget(self.tree, 1)
        self._by_key: dict[str, Finding] = {}
        self._items: dict[str, QTreeWidgetItem] = {}  # finding key → its row
        self._shape: list[tuple[str, str]] | None = None  # (group, key) of each finding as the list shows them
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.explain_button.clicked.connect(self._explain)
        self.fix_button.clicked.connect(self._fix)
        # rebuilding the list is coalesced: a burst of edits rebuilds it once, after the grid repainted
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self.rebuild)
        document.subscribe(self._on_change)
        self.rebuild()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.tree.scheduleDelayedItemsLayout()  # re-wrap the messages at the new width
        return super().eventFilter(obj, event)

    def set_document(self, document: Document) -> None:
        self.doc.unsubscribe(self._on_change)
        self.doc = document
        document.subscribe(self._on_change)
        self.rebuild()

    def _on_change(self, change: Change) -> None:
        if change.findings_changed or any(t[0] in ("section", "meta", "explanation", "prior")
                                          for t in change.targets):
            self._timer.start()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.rebuild()

    def rebuild(self) -> None:
        findings = self.doc.checker.findings()
        shape = [(state_of(f), f.key) for f in findings]
        if shape == self._shape:  # the same findings in the same groups: only their numbers may differ
            self._retext(findings)
        else:
            self._build(findings)
            self._shape = shape
        self._selection_changed()  # clear() drops the selection without always saying so
        c = self.doc.checker.counts()
        summary = (f"错误 {c['error']} · 警告 {c['warning']} · 已说明 {c['explained']} · 提示 {c['info']}"
                   if findings else "未发现问题")
        if self.summary.text() != summary:
            self.summary.setText(summary)

    @staticmethod
    def _text(f: Finding) -> str:
        return f"{RULES[f.rule].title}：{f.message}"

    def _retext(self, findings: list[Finding]) -> None:
        """Change the texts that changed, in place: rebuilding the list re-lays out and repaints all of it."""
        for f in findings:
            item = self._items[f.key]
            self._by_key[f.key] = f
            text, tip = self._text(f), self._tooltip(f)
            if item.text(0) != text:
                item.setText(0, text)
            if item.toolTip(0) != tip:
                item.setToolTip(0, tip)

    def _build(self, findings: list[Finding]) -> None:
        current = self.tree.currentItem()
        selected = current.data(0, KEY_ROLE) if current else None
        expanded = {top.data(0, KEY_ROLE): top.isExpanded() for top in self._groups()}
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        self._by_key = {}
        self._items = {}
        groups: dict[str, list[Finding]] = {g: [] for g in GROUPS}
        for f in findings:
            groups[state_of(f)].append(f)
        keep = None
        for g in GROUPS:
            if not groups[g]:
                continue
            top = QTreeWidgetItem([f"{theme.STATE_LABEL[g]}（{len(groups[g])}）"])
            top.setData(0, KEY_ROLE, f"group:{g}")
            top.setForeground(0, QBrush(theme.strong(g)))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for f in groups[g]:
                item = QTreeWidgetItem([self._text(f)])
                item.setData(0, KEY_ROLE, f.key)
                item.setToolTip(0, self._tooltip(f))
                top.addChild(item)
                self._by_key[f.key] = f
                self._items[f.key] = item
                if f.key == selected:
                    keep = item
            top.setExpanded(expanded.get(f"group:{g}", g != "info"))
        self.tree.setUpdatesEnabled(True)
        if keep is not None:
            self.tree.setCurrentItem(keep)

    @staticmethod
    def _tooltip(f: Finding) -> str:
        r = RULES[f.rule]
        lines = [f"{f.rule}　{r.title}", f"规则：{r.formula}", f.message]
        if f.explanation:
            lines.append(f"说明：{f.explanation}")
        return "\n".join(lines)

    def _groups(self) -> list[QTreeWidgetItem]:
        """The top-level items, one per severity group."""
        tops = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [top for top in tops if top is not None]

    def items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for top in self._groups():
            children = (top.child(j) for j in range(top.childCount()))
            out.extend(child for child in children if child is not None)
        return out

    def item_for(self, key: str) -> QTreeWidgetItem | None:
        for it in self.items():
            if it.data(0, KEY_ROLE) == key:
                return it
        return None

    def _clicked(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        f = self._by_key.get(item.data(0, KEY_ROLE))
        if f is not None:
            self.activated.emit(f)

    def _selected(self) -> Finding | None:
        """The one finding selected (not a group heading, not the current item left over after the selection
        was cleared)."""
        items = self.tree.selectedItems()
        return self._by_key.get(items[0].data(0, KEY_ROLE)) if len(items) == 1 else None

    def selected_finding(self) -> Finding | None:
        """The selected finding if it may take a 说明: errors must be corrected, not explained."""
        f = self._selected()
        return f if f is not None and f.severity != "error" else None

    def fixable_finding(self) -> Finding | None:
        """The selected finding if one of its totals differs from what its parts give."""
        f = self._selected()
        return f if f is not None and set(f.cells) & set(total_changes(self.doc.report)) else None

    def _selection_changed(self) -> None:
        self.explain_button.setEnabled(self.selected_finding() is not None)
        self.fix_button.setEnabled(self.fixable_finding() is not None)

    def _fix(self) -> None:
        f = self.fixable_finding()
        if f is not None:
            self.fix_requested.emit(f)

    def _explain(self) -> None:
        f = self.selected_finding()
        if f is not None:
            self.explain_requested.emit(f)
