"""Excel .xlsx (openpyxl, read-only).  Our own file carries the report as JSON in the hidden sheet
「nianbao」 (cells A1, A2 … concatenated): read losslessly.  Any other workbook laid out like the
official tables is read by its labels: every sheet becomes lines (rows with one text cell) and tables."""
from __future__ import annotations

from collections.abc import Iterable
from typing import IO, TYPE_CHECKING

from model.embedded import SHEET as OWN_SHEET
from model.embedded import from_rows
from model.fileformat import FileFormatError

from ..result import IngestError
from ..zipguard import check_xml_parts

if TYPE_CHECKING:  # openpyxl is imported where a file is read (the sandbox child)
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

MAX_ROWS = 5000
MAX_COLS = 60


def read_xlsx(path: str, name: str) -> tuple[str, str] | tuple[str, list[tuple], None]:
    check_xml_parts(path, name)
    # a file object: openpyxl refuses a path whose suffix is not .xlsx (a workbook saved as 「.xls」)
    with open(path, "rb") as fh:
        return _read_workbook(fh, name)


def _read_workbook(fh: IO[bytes], name: str) -> tuple[str, str] | tuple[str, list[tuple], None]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(fh, read_only=True, data_only=True)
    except Exception:
        raise IngestError(f"{name}：Excel 文件已损坏，无法打开") from None
    try:
        own_sheet = wb[OWN_SHEET] if OWN_SHEET in wb.sheetnames else None
        if own_sheet is not None and hasattr(own_sheet, "iter_rows"):  # a chart sheet of that name is not ours
            own = _own_json(own_sheet, name)
            if own is not None:
                return ("nianbao", own)
        sheets = ((ws.title, ws.iter_rows(max_col=MAX_COLS, values_only=True))
                  for ws in wb.worksheets if ws.sheet_state == "visible")
        return ("doc", grid_items(sheets), None)
    finally:
        wb.close()


def grid_items(sheets: Iterable[tuple[str, Iterable[tuple | list]]]) -> list[tuple]:
    """The document items of a workbook's visible sheets, given as (title, rows of cell values): a row with
    one text cell is a line, other rows gather into tables.  Every spreadsheet reader feeds this."""
    items: list[tuple] = []
    for title, rows in sheets:
        items.append(("sheet", title))
        items.extend(_sheet_items(rows))
    return items


def _sheet_items(rows: Iterable[tuple | list]) -> list[tuple]:
    items: list[tuple] = []
    table: list[list] = []
    for n, row in enumerate(rows):
        if n >= MAX_ROWS:
            break
        cells = [_text(v) for v in row[:MAX_COLS]]
        while cells and cells[-1] == "":
            cells.pop()
        filled = [c for c in cells if c]
        if not filled:
            continue
        if len(filled) == 1 and not _is_number(filled[0]) and len(filled[0]) > 1 and len(cells) <= 2:
            if table:
                items.append(("table", table))
                table = []
            items.extend(("line", line) for line in filled[0].split("\n"))
        else:
            table.append(cells)
    if table:
        items.append(("table", table))
    return items


def _own_json(ws: ReadOnlyWorksheet, name: str) -> str | None:
    """The JSON our exporter stored (layout: model.embedded); None if the sheet is not ours."""
    try:
        # the stubs bind ReadOnlyWorksheet.iter_rows to Worksheet's
        return from_rows(ws.iter_rows(min_col=1, max_col=2, values_only=True), name)  # type: ignore[misc]
    except FileFormatError as e:
        raise IngestError(str(e)) from None


def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v).strip()


def _is_number(s: str) -> bool:
    try:
        float(s.replace(",", ""))
        return True
    except ValueError:
        return False
