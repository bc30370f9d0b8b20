"""Excel 97–2003 .xls, WPS 表格 .et and OpenDocument .ods (python-calamine, which finds the format from the
content): the visible sheets go through the same grid reader as .xlsx, and a workbook nianbao wrote (its
hidden 「nianbao」 sheet, kept by a conversion to .xls or .ods) is read losslessly."""
from __future__ import annotations

import struct
import zipfile
from typing import TYPE_CHECKING

from model.embedded import SHEET as OWN_SHEET
from model.embedded import from_rows
from model.fileformat import FileFormatError

from ..result import IngestError
from ..zipguard import check_xml_parts
from .odt import refuse_encrypted
from .ole import ENCRYPTED, open_ole, read_stream
from .xlsx import MAX_COLS, MAX_ROWS, grid_items

if TYPE_CHECKING:  # calamine is imported where a file is read (the sandbox child)
    from python_calamine import CalamineWorkbook

MAX_STREAM = 64 * 1024 * 1024
FILEPASS, EOF_RECORD = 0x002F, 0x000A  # BIFF record types


def read_calc(path: str, name: str) -> tuple[str, str] | tuple[str, list[tuple], None]:
    if _zipped(path):
        check_xml_parts(path, name)
        with zipfile.ZipFile(path) as z:
            refuse_encrypted(z, name)
    else:
        _check_biff(path, name)
    from python_calamine import SheetVisibleEnum

    book = _open(path, name)
    with book:
        names = book.sheet_names
        if OWN_SHEET in names:
            own = _own_json(_rows(book, OWN_SHEET, name), name)
            if own is not None:
                return ("nianbao", own)
        visible = [m.name for m in book.sheets_metadata if m.visible == SheetVisibleEnum.Visible]
        return ("doc", grid_items((n, _rows(book, n, name)) for n in visible), None)


def _zipped(path: str) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def _check_biff(path: str, name: str) -> None:
    """Before calamine reads a compound file: its sector chains are sound (open_ole), and the workbook
    has no FILEPASS record (an opening password), which calamine would only report as an unknown format."""
    ole = open_ole(path, name)
    try:
        stream = "Workbook" if ole.exists("Workbook") else "Book"
        globals_ = read_stream(ole, stream, name, MAX_STREAM)
    finally:
        ole.close()
    pos = 0
    while pos + 4 <= len(globals_):
        kind, size = struct.unpack_from("<HH", globals_, pos)
        if kind == FILEPASS:
            raise IngestError(f"{name}：{ENCRYPTED}")
        if kind == EOF_RECORD:
            return
        pos += 4 + size


def _open(path: str, name: str) -> CalamineWorkbook:
    from python_calamine import CalamineWorkbook

    try:
        with open(path, "rb") as fh:
            return CalamineWorkbook.from_filelike(fh)
    except Exception as e:  # calamine raises its own error types (CalamineError, XlsError …) as strings
        text = str(e)
        if "password" in text.lower() or "encrypt" in text.lower():
            raise IngestError(f"{name}：{ENCRYPTED}") from None
        if "detect" in text.lower():  # calamine tried every format and names none of its errors
            raise IngestError(f"{name}：表格文件已损坏或格式不受支持，无法打开") from None
        raise IngestError(f"{name}：表格文件已损坏，无法打开（{text[:60]}）") from None


def _rows(book: CalamineWorkbook, sheet: str, name: str) -> list[list]:
    try:
        rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False, nrows=MAX_ROWS)
    except Exception as e:
        raise IngestError(f"{name}：工作表「{sheet[:20]}」已损坏，无法读取（{str(e)[:60]}）") from None
    return [[_plain(v) for v in row[:MAX_COLS]] for row in rows]


def _plain(v: object) -> object:
    """calamine's values as openpyxl gives them: whole numbers as int, empty cells as None."""
    if v == "":
        return None
    if isinstance(v, float) and v.is_integer() and abs(v) < 2 ** 53:
        return int(v)
    return v


def _own_json(rows: list[list], name: str) -> str | None:
    try:
        return from_rows((tuple(r[:2]) for r in rows), name)
    except FileFormatError as e:
        raise IngestError(str(e)) from None
