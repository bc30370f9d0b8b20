"""基本信息: 机关全称, 报告年度, 机关层级, 发布日期 (and the title they make)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from model.document import Change, Document
from model.schema import LEVELS

from .findings_text import one_line

NO_YEAR = 1999  # the spin box's 「未填」 value


class MetaPage(QWidget):
    refused = Signal(str, list)

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = document
        self.organ = QLineEdit()
        self.organ.setPlaceholderText("如：某某市某某区人民政府办公室")
        self.year = QSpinBox()
        self.year.setRange(NO_YEAR, 2200)
        self.year.setSpecialValueText("未填")
        self.level = QComboBox()
        for key, label in LEVELS.items():
            self.level.addItem(label, key)
        self.published = QLineEdit()
        self.published.setPlaceholderText("YYYY-MM-DD")
        self.jump = QDoubleSpinBox()  # X.JUMP's factor
        self.jump.setRange(1.5, 100)
        self.jump.setDecimals(1)
        self.jump.setSingleStep(0.5)
        self.jump.setSuffix(" 倍")
        self.jump.setToolTip("本年数与上年数相差超过此倍数（且其一不小于10）时，提示「与上年相比变化较大」")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.issues = QLabel()
        self.issues.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("机关全称", self.organ)
        form.addRow("报告年度", self.year)
        form.addRow("机关层级", self.level)
        form.addRow("发布日期", self.published)
        form.addRow("与上年相比变化较大", self.jump)
        form.addRow("报告标题", self.title)
        form.addRow("", self.issues)
        self._loading = False
        self.organ.editingFinished.connect(lambda: self._set("organ", self.organ.text().strip()))
        self.year.valueChanged.connect(lambda v: self._set("year", None if v == NO_YEAR else v))
        self.level.currentIndexChanged.connect(lambda _i: self._set("level", self.level.currentData()))
        self.published.editingFinished.connect(self._published)
        self.jump.valueChanged.connect(self._jump_factor)
        document.subscribe(self._on_change)
        self.load()

    def set_document(self, document: Document) -> None:
        self.doc.unsubscribe(self._on_change)
        self.doc = document
        document.subscribe(self._on_change)
        self.load()

    def load(self) -> None:
        m = self.doc.report.meta
        self._loading = True
        self.organ.setText(m.organ)
        self.year.setValue(m.year if m.year is not None else NO_YEAR)
        i = self.level.findData(m.level)
        self.level.setCurrentIndex(max(i, 0))
        self.published.setText(m.published or "")
        self.jump.setValue(float(self.doc.report.jump_factor))
        self._loading = False
        self.title.setText(self.doc.report.title)
        meta_findings = [f for f in self.doc.checker.findings() if not f.cells and not f.span]
        self.issues.setText("\n".join(one_line(f) for f in meta_findings))

    def _on_change(self, change: Change) -> None:
        # the findings shown here (year, title, deadline) depend on meta and text, their 说明 on explanations
        if any(t[0] in ("meta", "section", "prior", "explanation", "jump_factor") for t in change.targets):
            self.load()

    def _set(self, name: str, value: str | int | None) -> None:
        if self._loading:
            return
        if getattr(self.doc.report.meta, name) != value:
            self.doc.set_meta(name, value)

    def _jump_factor(self, value: float) -> None:
        factor = Decimal(str(round(value, 1))).normalize()
        if not self._loading and factor != self.doc.report.jump_factor:
            self.doc.apply([(("jump_factor", ""), factor)], "设置与上年对比的倍数", merge_key="jump_factor")

    def _published(self) -> None:
        text = self.published.text().strip().replace("/", "-").replace(".", "-")
        if not text:
            self._set("published", None)
            return
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            self.refused.emit("日期无效", [f"发布日期「{self.published.text()}」应写作 YYYY-MM-DD，如 2026-01-20"])
            self.published.setText(self.doc.report.meta.published or "")
            return
        self._set("published", day.isoformat())
