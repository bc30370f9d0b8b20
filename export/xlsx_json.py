"""The hidden sheet that carries the report itself, so that re-opening our own workbook loses nothing.
Its layout is model.embedded's; this module puts it into an openpyxl workbook (ingest/readers/xlsx.py takes
it out again, on the one open path)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from model.embedded import CHUNK, to_rows
from model.embedded import SHEET as DATA_SHEET
from model.fileformat import dumps
from model.report import Report

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

__all__ = ["CHUNK", "DATA_SHEET", "write_data_sheet"]


def write_data_sheet(wb: Workbook, report: Report) -> None:
    ws = wb.create_sheet(DATA_SHEET)
    for i, row in enumerate(to_rows(dumps(report)), start=1):
        for j, value in enumerate(row, start=1):
            c = ws.cell(i, j)
            c.value = value
            if isinstance(value, str):
                c.data_type = "s"  # JSON never starts with '=', but never let it be read as a formula
    ws.sheet_state = "hidden"
    ws.protection.sheet = True  # stops accidental edits in Excel/WPS; not a secret
