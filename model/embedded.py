"""How a workbook carries the report itself: the .nianbao JSON in cells of one hidden sheet.

Excel keeps at most 32767 characters in a cell, so the text is split over column A from row 2 on;
A1 names the format and B1 the number of pieces, so a truncated or edited sheet is noticed instead of
half-read.  The exporter writes these rows and every reader reads them back through this one module.
"""
from __future__ import annotations

from collections.abc import Iterable

from .fileformat import FileFormatError

SHEET = "nianbao"
MARKER = "nianbao-json"
CHUNK = 32000  # below Excel's 32767-character cell limit
MAX_PIECES = 2000


def to_rows(text: str) -> list[tuple]:
    """The rows of the sheet: (MARKER, n) then one (piece,) per row."""
    pieces = [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]
    return [(MARKER, len(pieces))] + [(p,) for p in pieces]


def from_rows(rows: Iterable[tuple], name: str) -> str | None:
    """The JSON text from the sheet's rows (column A, B values); None when the sheet is not ours.

    Raises FileFormatError naming the file when the sheet is ours but damaged."""
    it = iter(rows)
    head = next(it, None)
    if not head or head[0] != MARKER:
        return None
    count = head[1] if len(head) > 1 else None
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_PIECES:
        raise FileFormatError(f"{name}：nianbao 数据页已损坏（分段数无效）")
    pieces: list[str] = []
    for row in it:
        if len(pieces) == count:
            break
        v = row[0] if row else None
        pieces.append("" if v is None else str(v))
    if len(pieces) != count:
        raise FileFormatError(f"{name}：nianbao 数据页不完整（应有 {count} 段，只有 {len(pieces)} 段）")
    return "".join(pieces)
