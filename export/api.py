"""The one export path, used by the command line and the window: which formats there are, and writing one
of them — refused while the report has errors unless the clerk insists (then the PDF says 草稿)."""
from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass

from model.engine import Checker
from model.report import Report

from .errors import ExportError


@dataclass(frozen=True)
class Target:
    kind: str  # the command line's flag (--xlsx) and the window's action
    label: str  # 「Excel」, 「网页」
    suffix: str
    dialog_filter: str
    writer: str  # "module:function", imported on use: reportlab and openpyxl are slow to import

    @property
    def action(self) -> str:
        """The window's menu item: 「导出 Excel…」, 「导出网页…」 (a space only before a Latin name)."""
        return f"导出{' ' if self.label.isascii() else ''}{self.label}…"

    def named(self, path: str) -> str:
        """The path with this kind's suffix added unless it already has one the dialog offers (「.htm」 stays)."""
        offered = re.findall(r"\*(\.\w+)", self.dialog_filter)
        return path if os.path.splitext(path)[1].lower() in offered else path + self.suffix

    def write(self, report: Report, path: str | os.PathLike) -> None:
        module, function = self.writer.split(":")
        try:
            writer = getattr(importlib.import_module(module), function)
        except ImportError:  # an incomplete installation: one line, not a traceback
            raise ExportError(f"本程序缺少{self.label}导出组件（{module}），请重新安装") from None
        writer(report, path)


TARGETS: dict[str, Target] = {t.kind: t for t in (
    Target("xlsx", "Excel", ".xlsx", "Excel 工作簿 (*.xlsx)", "export.xlsx:write_xlsx"),
    Target("pdf", "PDF", ".pdf", "PDF 文件 (*.pdf)", "export.pdf:write_pdf"),
    Target("docx", "Word", ".docx", "Word 文档 (*.docx)", "export.docx:write_docx"),
    Target("html", "网页", ".html", "网页 (*.html *.htm)", "export.html:write_html"),
)}


class ExportRefused(ExportError):
    """The report still has errors and the export was not forced."""

    def __init__(self, errors: int):
        super().__init__(f"报告仍有 {errors} 项错误，未导出")
        self.errors = errors


def error_count(report: Report) -> int:
    return Checker(report).counts()["error"]


def export_report(report: Report, kind: str, path: str | os.PathLike, force: bool = False) -> None:
    """Write `report` as `kind` to `path`.  Raises ExportRefused while it has errors (unless force) and
    ExportError (one Chinese line) when the file cannot be made; an existing file is replaced atomically."""
    errors = error_count(report)
    if errors and not force:
        raise ExportRefused(errors)
    TARGETS[kind].write(report, path)
