"""The hidden sheet that carries the report itself, so that re-opening our own workbook loses nothing.

The sheet holds model.fileformat.dumps(report) split over cells of column A (Excel keeps at most
32767 characters in a cell); A1 names the format and B1 the number of pieces, so a truncated or
edited sheet is noticed instead of half-read.
"""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

from model.fileformat import FileFormatError, dumps, loads
from model.report import Report

DATA_SHEET = "nianbao"
MARKER = "nianbao-json"
CHUNK = 32000  # below Excel's 32767-character cell limit
MAX_XLSX_BYTES = 50 * 1024 * 1024  # a real workbook is ~50 KB; bounds memory on hostile files
MAX_PIECES = 2000
MAX_UNPACKED = 300 * 1024 * 1024  # a zip bomb is refused before openpyxl inflates it


def write_data_sheet(wb, report: Report) -> None:
    text = dumps(report)
    ws = wb.create_sheet(DATA_SHEET)
    pieces = [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]
    ws.cell(1, 1, MARKER)
    ws.cell(1, 2, len(pieces))
    for i, piece in enumerate(pieces, start=2):
        c = ws.cell(i, 1)
        c.value = piece
        c.data_type = "s"  # JSON never starts with '=', but never let it be read as a formula
    ws.sheet_state = "hidden"
    ws.protection.sheet = True  # stops accidental edits in Excel/WPS; not a secret


def read_own_xlsx(path: str | os.PathLike) -> Report | None:
    """The report stored in a workbook nianbao wrote; None when the workbook has no nianbao sheet.

    Raises FileFormatError (one Chinese line naming the file) for an unreadable workbook or a broken sheet.
    """
    p = Path(path)
    name = p.name
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise FileFormatError(f"{p}：文件不存在") from None
    except OSError as e:
        raise FileFormatError(f"{p}：无法读取（{e.strerror or e}）") from None
    if size > MAX_XLSX_BYTES:
        raise FileFormatError(f"{name}：文件过大（{size // 1024} KB），不是年度报告工作簿")
    try:
        with zipfile.ZipFile(p) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise FileFormatError(f"{name}：不是有效的 Excel 工作簿（{type(e).__name__}）") from None
    if unpacked > MAX_UNPACKED:
        raise FileFormatError(f"{name}：工作簿解压后过大（{unpacked // (1024 * 1024)} MB），不是年度报告工作簿")
    try:
        from openpyxl import load_workbook

        wb = load_workbook(p, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, AttributeError) as e:
        raise FileFormatError(f"{name}：不是有效的 Excel 工作簿（{type(e).__name__}）") from None
    except OSError as e:
        raise FileFormatError(f"{name}：无法读取（{e.strerror or e}）") from None
    except Exception as e:  # openpyxl raises many kinds on hostile XML; none may crash the program
        raise FileFormatError(f"{name}：工作簿已损坏（{type(e).__name__}）") from None
    try:
        if DATA_SHEET not in wb.sheetnames:
            return None
        ws = wb[DATA_SHEET]
        try:
            rows = ws.iter_rows(min_row=1, max_col=2, values_only=True)
            head = next(rows, None)
            if not head or head[0] != MARKER:
                return None
            count = head[1] if len(head) > 1 else None
            if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_PIECES:
                raise FileFormatError(f"{name}：nianbao 数据页已损坏（分段数无效）")
            pieces = []
            for row in rows:
                if len(pieces) == count:
                    break
                v = row[0] if row else None
                pieces.append("" if v is None else str(v))
        except FileFormatError:
            raise
        except Exception as e:
            raise FileFormatError(f"{name}：nianbao 数据页无法读取（{type(e).__name__}）") from None
        if len(pieces) != count:
            raise FileFormatError(f"{name}：nianbao 数据页不完整（应有 {count} 段，只有 {len(pieces)} 段）")
        return loads("".join(pieces), name)
    finally:
        wb.close()
