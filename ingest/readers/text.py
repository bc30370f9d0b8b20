"""Plain text (pdftotext output, text copied from a web page, Markdown) → document items."""
from __future__ import annotations

import html
import re

from ..result import IngestError
from . import cellines

_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (covers GBK/GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    from ..sniff import utf16_without_bom

    enc = utf16_without_bom(data[:8192])
    if enc:
        return data.decode(enc, errors="replace")
    for enc in ("utf-8", "gb18030"):
        text = _whole_or_cut(data, enc)
        if text is not None:
            return text
    raise IngestError(f"{name}：无法识别文字编码（不是 UTF-8 或 GBK 文本）")


def _whole_or_cut(data: bytes, enc: str) -> str | None:
    """data in enc, or None; a file cut off inside its last character (a download or copy that stopped
    midway) loses that character only, rather than being read in the other encoding or refused."""
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        if e.end < len(data) or e.start < len(data) - 3:
            return None
        try:
            return data[:e.start].decode(enc)
        except UnicodeDecodeError:
            return None


_BR = re.compile(r"<br\s*/?>", re.I)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


def text_items(text: str) -> list[tuple]:
    """Lines; Markdown tables and one-cell-per-line tables (below) become tables; form feeds page breaks."""
    return _tab_cells(_lines_and_markdown(text))


def _web_residue(line: str, in_cell: bool = False) -> str:
    """Markdown converted from a web page keeps 「<br>」 inside cells and entities such as 「&nbsp;」."""
    if "<" in line:
        line = _BR.sub("\n" if in_cell else " ", line)
    if "&" in line:
        line = _ENTITY.sub(lambda m: html.unescape(m.group()), line)
    return line


def _tab_cells(items: list[tuple]) -> list[tuple]:
    """Text copied from a Word or web table often gives one cell per line, each starting with a tab, and
    a blank line between rows.  Such blocks become grid rows, so that an empty cell keeps its column."""
    out: list[tuple] = []
    block: list[str] = []
    rows: list[list[str]] = []

    def end_block() -> None:
        nonlocal block
        if block and block[0].startswith("\t") and sum(1 for l in block if l.startswith("\t")) >= 2:
            cells: list[str] = []
            for line in block:
                if line.startswith("\t"):
                    cells.append(line[1:].strip().replace("\u3000", ""))
                else:  # a cell's text wrapped onto the next line
                    cells[-1] = (cells[-1] + "\n" + line.strip()).strip()
            rows.append(cells)
        else:
            flush_rows()
            out.extend(("line", l) for l in block)
        block = []

    def flush_rows() -> None:
        if rows:
            out.append(("table", [list(r) for r in rows]))
            rows.clear()

    for kind, content in items:
        if kind == "line" and (content.strip() or content.startswith("\t")):
            block.append(content)  # a line of just a tab is an empty cell, not a break between rows
            continue
        end_block()
        if kind == "line":
            out.append((kind, content))
            continue
        flush_rows()
        out.append((kind, content))
    end_block()
    flush_rows()
    return out


def _lines_and_markdown(text: str) -> list[tuple]:
    items: list[tuple] = []
    table: list[list[str]] = []

    def flush() -> None:
        if table:
            items.append(("table", [list(r) for r in table]))
            table.clear()

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:  # a line break written as a tag is a line break
        text = "\n".join(l if _bar_row(l.strip()) else _BR.sub("\n", l) for l in text.split("\n"))
    for part in cellines.split(text.split("\n")):
        if isinstance(part, list):  # a table given one cell per line (ingest/readers/cellines.py)
            flush()
            items.append(("table", [[_web_residue(c, in_cell=True).strip() for c in r] for r in part]))
            continue
        for k, line in enumerate(part.split("\f")):
            if k:
                flush()
                items.append(("page", None))
            row = _table_row(line)
            if row is not None:
                if row:
                    table.append(row)
                continue
            flush()
            items.append(("line", _web_residue(line).rstrip(" \r")))
    flush()
    return items


def _bar_row(s: str) -> bool:
    """A table row of Markdown (「| 规章 | 0 | 0 | 0 |」) or as some pages give it, without the leading bar
    (「规章 | 0 | 0 | 0 |」)."""
    return s.count("|") >= 2 and (s.startswith("|") or s.endswith("|"))


def _table_row(line: str) -> list[str] | None:
    """The cells of a line that is a table row ([] for a Markdown rule line), else None."""
    s = line.strip()
    if _bar_row(s):
        if _MD_RULE.match(s):
            return []
        cells = s.strip("|").split("|")
        return [_web_residue(c, in_cell=True).strip() for c in cells]
    inner = _web_residue(line).strip(" \u3000\r").rstrip("\t")
    if inner.count("\t") >= 2 and not inner.startswith("\t"):
        # a table row copied from a web page or Word: cells separated by tabs, empty ones kept
        return [c.strip() for c in inner.split("\t")]
    if inner.startswith("\t") and inner.lstrip("\t").count("\t") >= 2:
        # the same row under a merged cell (「\t\t2.其他法律行政法规禁止公开\t4\t\t…」): the places the merged
        # cell covers come first as empty cells; a line of one tab and one cell is the one-cell-per-line kind
        return [c.strip() for c in inner.split("\t")]
    return None
