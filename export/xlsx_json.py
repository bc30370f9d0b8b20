"""The hidden sheet that carries the report itself, so that re-opening our own workbook loses nothing.
Its layout is model.embedded's; this module puts it into and takes it out of an openpyxl workbook."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

from model.embedded import CHUNK, SHEET as DATA_SHEET, from_rows, to_rows
from model.fileformat import FileFormatError, dumps, loads
from model.oserrors import file_problem, problem
from model.report import Report

__all__ = ["CHUNK", "DATA_SHEET", "read_own_xlsx", "write_data_sheet"]
MAX_XLSX_BYTES = 50 * 1024 * 1024  # a real workbook is ~50 KB; bounds memory on hostile files
MAX_UNPACKED = 300 * 1024 * 1024  # a zip bomb is refused before openpyxl inflates it


def write_data_sheet(wb, report: Report) -> None:
    ws = wb.create_sheet(DATA_SHEET)
    for i, row in enumerate(to_rows(dumps(report)), start=1):
        for j, value in enumerate(row, start=1):
            c = ws.cell(i, j)
            c.value = value
            if isinstance(value, str):
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
    except OSError as e:
        raise FileFormatError(file_problem(p, e)) from None
    if size > MAX_XLSX_BYTES:
        raise FileFormatError(f"{name}：文件过大（{size // 1024} KB），不是年度报告工作簿")
    try:
        with zipfile.ZipFile(p) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except OSError as e:
        raise FileFormatError(file_problem(name, e)) from None
    except (zipfile.BadZipFile, ValueError):
        raise FileFormatError(f"{name}：不是有效的 Excel 工作簿") from None
    if unpacked > MAX_UNPACKED:
        raise FileFormatError(f"{name}：工作簿解压后过大（{unpacked // (1024 * 1024)} MB），不是年度报告工作簿")
    try:
        from openpyxl import load_workbook

        wb = load_workbook(p, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, AttributeError):
        raise FileFormatError(f"{name}：不是有效的 Excel 工作簿") from None
    except OSError as e:
        raise FileFormatError(file_problem(name, e)) from None
    except Exception:  # openpyxl raises many kinds on hostile XML; none may crash the program
        raise FileFormatError(f"{name}：工作簿已损坏") from None
    try:
        if DATA_SHEET not in wb.sheetnames:
            return None
        ws = wb[DATA_SHEET]
        try:
            text = from_rows(ws.iter_rows(min_row=1, max_col=2, values_only=True), name)
        except FileFormatError:
            raise
        except Exception as e:
            raise FileFormatError(f"{name}：nianbao 数据页无法读取，{problem(e)}") from None
        return None if text is None else loads(text, name)
    finally:
        wb.close()
