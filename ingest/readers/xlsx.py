"""Excel .xlsx (openpyxl, read-only).  Our own file carries the report as JSON in the hidden sheet
「nianbao」 (cells A1, A2 … concatenated): read losslessly.  Any other workbook laid out like the
official tables is read by its labels: every sheet becomes lines (rows with one text cell) and tables."""
from __future__ import annotations

from ..result import IngestError
from ..zipguard import check_xml_parts

OWN_SHEET = "nianbao"
MAX_ROWS = 5000
MAX_COLS = 60


def read_xlsx(path: str, name: str):
    check_xml_parts(path, name)
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:
        raise IngestError(f"{name}：Excel 文件已损坏，无法打开（{type(e).__name__}）") from None
    try:
        if OWN_SHEET in wb.sheetnames:
            own = _own_json(wb[OWN_SHEET], name)
            if own is not None:
                return ("nianbao", own)
        items: list[tuple] = []
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            items.append(("sheet", ws.title))
            table: list[list] = []
            for n, row in enumerate(ws.iter_rows(max_col=MAX_COLS, values_only=True)):
                if n >= MAX_ROWS:
                    break
                cells = [_text(v) for v in row]
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
        return ("doc", items, None)
    finally:
        wb.close()


OWN_MARKER = "nianbao-json"  # A1 of the data sheet; B1 the number of pieces in A2 …
MAX_PIECES = 2000


def _own_json(ws, name: str) -> str | None:
    """The JSON our exporter stored (export/xlsx_json.py writes it); None if the sheet is not ours."""
    rows = ws.iter_rows(min_col=1, max_col=2, values_only=True)
    head = next(rows, None)
    if not head or head[0] != OWN_MARKER:
        return None
    count = head[1] if len(head) > 1 else None
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_PIECES:
        raise IngestError(f"{name}：本程序导出的数据页已损坏（分段数无效）")
    pieces = []
    for row in rows:
        if len(pieces) == count:
            break
        v = row[0] if row else None
        pieces.append("" if v is None else str(v))
    if len(pieces) != count:
        raise IngestError(f"{name}：本程序导出的数据页不完整（应有 {count} 段，只有 {len(pieces)} 段）")
    return "".join(pieces)


def _text(v) -> str:
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
