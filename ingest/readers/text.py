"""Plain text (pdftotext output, text copied from a web page, Markdown) → document items."""
from __future__ import annotations

import re

from ..result import IngestError

_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (covers GBK/GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise IngestError(f"{name}：无法识别文字编码（不是 UTF-8 或 GBK 文本）") from None


def text_items(text: str) -> list[tuple]:
    """Lines; runs of Markdown table lines become tables; form feeds become page breaks."""
    items: list[tuple] = []
    table: list[list[str]] = []

    def flush():
        if table:
            items.append(("table", [list(r) for r in table]))
            table.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        pages = raw.split("\f")
        for k, line in enumerate(pages):
            if k:
                flush()
                items.append(("page", None))
            s = line.strip()
            if s.startswith("|") and s.count("|") >= 2:
                if _MD_RULE.match(s):
                    continue
                cells = s.strip("|").split("|")
                table.append([c.strip() for c in cells])
                continue
            flush()
            items.append(("line", line.rstrip()))
    flush()
    return items
