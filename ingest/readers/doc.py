"""Word 97–2003 .doc and WPS 文字 .wps (the same binary structure): the main text from the piece table of
the WordDocument stream, cut into paragraphs and table cells.  A cell ends with 0x07; the 0x07 whose
paragraph is marked TTP ends the row, and that paragraph's sprmTDefTable gives the cells' edges and merges,
so a merged cell counts once, as in the .docx reader.  [MS-DOC] 2.5 FIB, 2.9.38 Clx, 2.4.1 text."""
from __future__ import annotations

import struct
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..result import IngestError
from .doc_numbering import DocNumbering
from .doc_pictures import PictureLocations, picture_file
from .doc_props import Para, Paragraphs
from .doc_tables import TableBuilder
from .ole import ENCRYPTED, open_ole, read_stream
from .pictures import load_picture, read_with_pictures

if TYPE_CHECKING:
    from PIL.Image import Image

MAX_STREAM = 64 * 1024 * 1024
MAX_CHARS = 3_000_000
MAX_ITEMS = 200_000
FIB_IDENT = 0xA5EC
WORD97 = 0x00C1  # nFib of Word 97; Word 6/95 (nFib 101–105) lay the FIB out differently
# FibRgFcLcb97 pairs used here
FC_PLCF_BTE_CHPX, FC_PLCF_BTE_PAPX, FC_CLX, FC_PLF_LST, FC_PLF_LFO = 12, 13, 33, 73, 74
PARA_END, CELL_END, LINE_BREAK, PAGE_BREAK, PICTURE = "\r", "\x07", "\x0b", "\x0c", "\x01"
FIELD_BEGIN, FIELD_SEP, FIELD_END = "\x13", "\x14", "\x15"
# str.translate looks characters up by code point: keyed by the characters themselves nothing was dropped
_DROP: dict[int, str | None] = {ord(c): None for c in "\x01\x02\x03\x04\x05\x06\x08\x1f"}  # pictures, footnote marks, soft hyphens
_DROP.update({0x1e: "-", 0xa0: " "})  # non-breaking hyphen and space


@dataclass
class Fib:
    table_stream: str
    ccp_text: int
    clx: tuple[int, int]
    papx: tuple[int, int]
    chpx: tuple[int, int]
    lists: tuple[int, int]
    overrides: tuple[int, int]


@dataclass
class Piece:
    cp: int  # first character position
    end: int
    fc: int  # byte offset of the first character in the WordDocument stream
    compressed: bool  # 8-bit (cp1252) rather than UTF-16


def read_doc(path: str, name: str, tell: Callable[[tuple], None] | None = None
             ) -> tuple[str, list[tuple], None] | tuple[str, list[tuple], list, dict]:
    """("doc", items, None); the tables the document shows as inline pictures are read by OCR when its text
    lacks them, and a fourth part says what OCR read."""
    ole = open_ole(path, name)
    try:
        word = read_stream(ole, "WordDocument", name, MAX_STREAM)
        fib = read_fib(word, name)
        table = read_stream(ole, fib.table_stream, name, MAX_STREAM)
        data = read_stream(ole, "Data", name, MAX_STREAM)
    finally:
        ole.close()
    pieces = read_pieces(table, fib, name)
    text = main_text(word, pieces, fib.ccp_text)
    props = Paragraphs(word, table, data, *fib.papx)
    numbering = DocNumbering(table, fib.lists, fib.overrides)
    starts = [p.cp for p in pieces]
    locations = PictureLocations(word, table, *fib.chpx)
    items = document_items(text, lambda cp: props.at(fc_of(pieces, starts, cp)), numbering.label, name,
                           lambda cp: locations.at(fc_of(pieces, starts, cp)))
    return read_with_pictures(items, lambda ref: _picture(data, int(ref)), name, tell)


def _picture(data: bytes, offset: int) -> Image | None:
    file = picture_file(data, offset)
    return load_picture(file) if file else None


def read_fib(word: bytes, name: str) -> Fib:
    if len(word) < 154 or struct.unpack_from("<H", word, 0)[0] != FIB_IDENT:
        raise IngestError(f"{name}：Word 97-2003 文件已损坏（文件头无效）")
    nfib, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 10)[0]
    if nfib < WORD97:
        raise IngestError(f"{name}：是 Word 95 或更早（或早期 WPS）的格式，无法直接读取；"
                          "请在 Office 或 WPS 中另存为 .docx 后再导入")
    if flags & 0x0100:
        raise IngestError(f"{name}：{ENCRYPTED}")
    csw = struct.unpack_from("<H", word, 32)[0]
    lw = 34 + 2 * csw  # cslw, then fibRgLw
    cslw = struct.unpack_from("<H", word, lw)[0]
    fc_lcb = lw + 2 + 4 * cslw + 2  # after cbRgFcLcb
    if fc_lcb + 8 * (FC_PLF_LFO + 1) > len(word) or cslw < 4:
        raise IngestError(f"{name}：Word 97-2003 文件已损坏（文件头不完整）")

    def pair(i: int) -> tuple[int, int]:
        return struct.unpack_from("<II", word, fc_lcb + 8 * i)

    ccp_text = struct.unpack_from("<i", word, lw + 2 + 4 * 3)[0]
    return Fib("1Table" if flags & 0x0200 else "0Table", max(0, ccp_text), pair(FC_CLX), pair(FC_PLCF_BTE_PAPX),
               pair(FC_PLCF_BTE_CHPX), pair(FC_PLF_LST), pair(FC_PLF_LFO))


def read_pieces(table: bytes, fib: Fib, name: str) -> list[Piece]:
    """The piece table (Pcdt in the Clx), after any property runs (Prc) before it."""
    pos, end = fib.clx
    end += pos
    if end > len(table):
        raise IngestError(f"{name}：Word 97-2003 文件已损坏（文本索引超出范围）")
    while pos < end and table[pos] == 1:  # Prc: 0x01, cbGrpprl, grpprl
        pos += 3 + max(0, struct.unpack_from("<h", table, pos + 1)[0])
    if pos + 5 > end or table[pos] != 2:
        raise IngestError(f"{name}：Word 97-2003 文件已损坏（找不到文本索引）")
    lcb = struct.unpack_from("<I", table, pos + 1)[0]
    plc = table[pos + 5:pos + 5 + lcb]
    n = (len(plc) - 4) // 12
    if n <= 0:
        raise IngestError(f"{name}：Word 97-2003 文件已损坏（文本索引为空）")
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces = []
    for i in range(n):
        raw = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(raw & 0x40000000)
        fc = (raw & 0x3FFFFFFF) // 2 if compressed else raw & 0x3FFFFFFF
        pieces.append(Piece(cps[i], cps[i + 1], fc, compressed))
    return sorted(pieces, key=lambda p: p.cp)


def main_text(word: bytes, pieces: list[Piece], ccp_text: int) -> str:
    """The first ccp_text characters (the body; footnotes and headers follow it)."""
    out, total = [], 0
    for p in pieces:
        count = min(p.end, ccp_text) - p.cp
        if count <= 0:
            continue
        count = min(count, MAX_CHARS - total)
        if p.compressed:
            out.append(word[p.fc:p.fc + count].decode("cp1252", errors="replace"))
        else:
            out.append(word[p.fc:p.fc + 2 * count].decode("utf-16-le", errors="replace"))
        total += count
        if total >= MAX_CHARS:
            break
    return "".join(out)


def fc_of(pieces: list[Piece], starts: list[int], cp: int) -> int:
    """The byte offset in the WordDocument stream of the character at cp; starts: the pieces' first cps."""
    i = bisect_right(starts, cp) - 1
    if i >= 0 and cp < pieces[i].end:
        p = pieces[i]
        return p.fc + (cp - p.cp) * (1 if p.compressed else 2)
    return -1


def document_items(text: str, para_at: Callable[[int], Para], number: Callable[[int, int], str],
                   name: str, picture_at: Callable[[int], int | None] = lambda cp: None) -> list[tuple]:
    """Paragraphs as lines, table rows gathered into tables; para_at(cp) gives the paragraph properties
    of the mark at cp, number(ilfo, ilvl) a numbered paragraph's automatic number, picture_at(cp) where the
    inline picture at cp is in the Data stream (a ("picture", offset) item after its paragraph's lines)."""
    items: list[tuple] = []
    tables = TableBuilder()
    buf: list[str] = []
    pictures: list[tuple] = []
    for cp, ch in enumerate(_visible(text)):
        if ch is None:
            continue
        if ch == PICTURE and (where := picture_at(cp)) is not None:
            pictures.append(("picture", str(where)))
        if ch not in (PARA_END, CELL_END, PAGE_BREAK):
            buf.append(ch)
            continue
        para = "".join(buf).translate(_DROP)
        buf = []
        props = para_at(cp)
        if ch == CELL_END or props.in_table or props.inner:
            tables.add(ch == CELL_END, props, para)
            continue
        items.extend(tables.flush())
        if props.ilfo and para.strip():
            para = number(props.ilfo, props.ilvl) + para
        items.extend(("line", line) for line in para.split(LINE_BREAK))
        items += pictures
        pictures = []
        if len(items) > MAX_ITEMS:
            raise IngestError(f"{name}：Word 文件内容过多，不是一份年度报告")
    if buf:
        items.extend(tables.flush())
        items.append(("line", "".join(buf).translate(_DROP)))
    items.extend(tables.flush())
    return items


def _visible(text: str) -> Iterator[str | None]:
    """The characters as shown: a field's code (between its begin and separator marks) is hidden, its
    result kept; yields None in place of a hidden character so that positions stay those of the text."""
    in_code: list[bool] = []  # per open field: still in its code part
    hidden = 0  # how many open fields are in their code part
    for ch in text:
        if ch == FIELD_BEGIN:
            in_code.append(True)
            hidden += 1
            yield None
        elif ch == FIELD_SEP:
            if in_code and in_code[-1]:
                in_code[-1] = False
                hidden -= 1
            yield None
        elif ch == FIELD_END:
            if in_code and in_code.pop():
                hidden -= 1
            yield None
        elif hidden and ch not in (PARA_END, CELL_END):
            yield None
        else:
            yield ch
