"""A web page → document items: text blocks as lines, <table> as grids (no entity expansion risk:
html.parser knows only the fixed HTML entities).

html.parser is pure Python (~10^5 tags a second) and each closed table hands its items to the one
around it, so a hostile page is bounded here: at most MAX_EVENTS tags and text runs and MAX_TABLE_DEPTH
nested tables, refused within a few seconds.  Files are read in the sandboxed child (read_html), which also
reads by OCR the tables a saved page shows as pictures (pictures.read_with_pictures)."""
from __future__ import annotations

import base64
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ..result import IngestError
from . import cellines

if TYPE_CHECKING:
    from PIL.Image import Image

_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "tr", "title",
          "blockquote", "pre", "dd", "dt", "header", "footer", "ul", "ol", "hr"}
_SKIP = {"script", "style", "noscript", "template", "head"}


def looks_like_html(text: str) -> bool:
    low = text[:4096].lower()
    return any(t in low for t in ("<html", "<!doctype html", "<body", "<table", "<div", "<p>", "<p "))


_PARAGRAPHS = {"p", "div"}  # blocks that hold one cell's text where a page gives a table a block per cell
_EMPTY_PARAGRAPH = ("empty paragraph", None)  # a block with no text (「<p>&nbsp;</p>」), kept only to find empty cells


class _Paragraph:
    """Marks a <p> or <div> that closes with no text in its items (a page's empty cell, or a spacer)."""

    def __init__(self) -> None:
        self.start: int | None = None  # len(items) where the innermost open block began

    def opened(self, items: list[tuple]) -> None:
        self.start = len(items)

    def closed(self, items: list[tuple]) -> None:
        if self.start is not None and not any(k == "line" for k, _ in items[self.start:]):
            items.append(_EMPTY_PARAGRAPH)
        self.start = None  # an enclosing block holds this one: no mark of its own


class _Cell:
    def __init__(self, colspan: int) -> None:
        self.colspan = colspan
        self.parts: list[str] = []  # text of the current line
        self.items: list[tuple] = []  # finished lines and nested tables
        self.paragraph = _Paragraph()

    def flush(self) -> None:
        text = re.sub(r"[ \t\r\n]+", " ", "".join(self.parts)).strip()  # the page source's own line breaks
        self.parts = []
        if text:
            self.items.append(("line", text))


class _Table:
    def __init__(self) -> None:
        self.rows: list[list[_Cell | None]] = []
        self.cell: _Cell | None = None


MAX_HTML_CHARS = 8_000_000  # a web page's markup around the report may be much larger than its text
MAX_EVENTS = 300_000  # tags and text runs; a real report page has a few thousand
MAX_TABLE_DEPTH = 16  # a page lays out with a table or two inside another, never more
MAX_DATA_CELL = 300  # characters: a longer cell holds running text, so its table only lays out the page


def _is_layout(rows: list[list]) -> bool:
    """A table used to lay out the page (the report's text and its tables inside cells), not a table of
    figures: a cell holding another table, a section heading among other text, or long running text."""
    from ..sections import heading_of

    for row in rows:
        for c in row:
            if c is None:
                continue
            if any(k == "table" for k, _ in c.items):
                return True
            lines = [t for k, t in c.items if k == "line"]
            if sum(map(len, lines)) > MAX_DATA_CELL:
                return True
            if len(lines) > 1 and any(len(t) <= 60 and heading_of(t) for t in lines[:50]):
                return True
    return False


class _TooComplex(Exception):
    """The page is beyond the bounds above; str() says which, in Chinese."""


class _Parser(HTMLParser):
    def __init__(self, pictures: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.pictures = pictures  # ("picture", src) items where <img> stands (a table may be one)
        self.events = 0
        self.items: list[tuple] = []
        self.line: list[str] = []
        self.skip = 0
        self.tables: list[_Table] = []  # stack: a table inside a cell of the one below
        self.caption: list[str] | None = None  # <caption> often holds the section heading
        self.paragraph = _Paragraph()

    @property
    def cell(self) -> _Cell | None:
        return self.tables[-1].cell if self.tables else None

    def _emit(self, new: list[tuple]) -> None:
        """Items go into the enclosing cell, or into the document."""
        outer = self.cell
        if outer is not None:
            outer.flush()
            outer.items.extend(new)
        elif not self.tables:
            self.items.extend(new)

    def _flush_line(self) -> None:
        text = "".join(self.line)
        self.line = []
        for part in text.split("\n"):
            if part.strip():
                self.items.append(("line", part.strip()))

    def _count(self) -> None:
        self.events += 1
        if self.events > MAX_EVENTS:
            raise _TooComplex(f"网页标记过多（超过 {MAX_EVENTS // 10000} 万处），不是一份年度报告")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._count()
        if tag in _SKIP:
            self.skip += 1
            return
        if tag == "table":
            if self.cell is not None:
                self.cell.flush()
            else:
                self._flush_line()
            if len(self.tables) >= MAX_TABLE_DEPTH:
                raise _TooComplex(f"网页表格嵌套过深（超过 {MAX_TABLE_DEPTH} 层），不是一份年度报告")
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.tables:
            t = self.tables[-1]
            if not t.rows:
                t.rows.append([])
            span = dict(attrs).get("colspan")
            t.cell = _Cell(int(span) if span and span.isdigit() and 0 < int(span) < 50 else 1)
        elif tag == "caption" and self.tables and self.cell is None:
            self.caption = []
        elif tag == "img" and self.pictures and (src := dict(attrs).get("src")):
            self._picture(src)
        elif tag in _BLOCK:
            if self.cell is not None:
                self.cell.flush()
                if tag in _PARAGRAPHS:
                    self.cell.paragraph.opened(self.cell.items)
            elif not self.tables:
                self._flush_line()
                if tag in _PARAGRAPHS:
                    self.paragraph.opened(self.items)

    def handle_endtag(self, tag: str) -> None:
        self._count()
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "caption" and self.caption is not None:
            text = re.sub(r"\s+", " ", "".join(self.caption)).strip()
            if text:  # the heading comes before the table's rows
                self._emit_before_table(("line", text))
            self.caption = None
        elif tag in ("td", "th") and (c := self.cell) is not None:
            t = self.tables[-1]
            c.flush()
            t.rows[-1].append(c)
            t.rows[-1].extend([None] * (c.colspan - 1))
            t.cell = None
        elif tag == "table" and self.tables:
            t = self.tables.pop()
            if t.cell is not None:  # an unclosed cell
                t.cell.flush()
                t.rows[-1].append(t.cell)
            rows = [r for r in t.rows if r]
            if not rows:
                return
            if _is_layout(rows):
                self._emit([it for r in rows for c in r if c is not None for it in c.items])
            else:
                grid = [[None if c is None else "\n".join(x for k, x in c.items if k == "line") for c in r]
                        for r in rows]
                self._emit([("table", grid)])
        elif tag in _BLOCK:
            if self.cell is not None:
                self.cell.flush()
                if tag in _PARAGRAPHS:
                    self.cell.paragraph.closed(self.cell.items)
            elif not self.tables:
                self._flush_line()
                if tag in _PARAGRAPHS:
                    self.paragraph.closed(self.items)

    def _picture(self, src: str) -> None:
        if self.cell is not None:
            self.cell.flush()
            self.cell.items.append(("picture", src))
        elif not self.tables:
            self._flush_line()
            self.items.append(("picture", src))

    def _emit_before_table(self, item: tuple) -> None:
        """A caption: into the cell or document that holds the table being read."""
        if len(self.tables) >= 2 and self.tables[-2].cell is not None:
            c = self.tables[-2].cell
            c.flush()
            c.items.append(item)
        elif len(self.tables) == 1:
            self.items.append(item)

    def handle_data(self, data: str) -> None:
        self._count()
        if self.skip:
            return
        if self.caption is not None:
            self.caption.append(data)
        elif self.cell is not None:
            self.cell.parts.append(data)
        elif self.tables:
            pass  # text between cells
        else:
            self.line.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_items(text: str, name: str = "网页", pictures: bool = False) -> list[tuple]:
    """Document items of a page (with ("picture", src) where an <img> stands, if asked); IngestError naming
    `name` when the page is too large or too complex."""
    if len(text) > MAX_HTML_CHARS:
        raise IngestError(f"{name}：网页过大（{len(text) // 10000} 万字符），不是一份年度报告")
    p = _Parser(pictures)
    try:
        p.feed(text)
        _defuse_unterminated(p)
        p.close()
    except _TooComplex as e:
        raise IngestError(f"{name}：{e}") from None
    p._flush_line()
    return _paragraph_cells(p.items)


def _paragraph_cells(items: list[tuple]) -> list[tuple]:
    """A table a page gives as one paragraph per cell, an empty cell an empty paragraph (the page behind the
    「gapped」 text of ingest/readers/cellines.py) → a grid of one row, its empty cells kept, as the text
    reader makes it: dropped, the empty cells would leave a row's figures under no certain column.  Runs of
    that shape are found as in text, each paragraph taken as a line with a blank line after it and an empty
    paragraph as one blank line more; empty paragraphs anywhere else are dropped."""
    out: list[tuple] = []
    lines: list[str] = []  # the run of paragraphs being gathered, as text lines
    origin: list[int] = []  # for each line, the index in `run` of the item it comes from
    run: list[tuple] = []

    def flush() -> None:
        i = 0
        while i < len(lines):
            end, cells = cellines.gapped_table(lines, i)
            if cells:
                out.append(("table", [cells]))
                i = end
                continue
            k = origin[i]
            if run[k] is not _EMPTY_PARAGRAPH and (i == 0 or origin[i - 1] != k):
                out.append(run[k])
            i += 1
        lines.clear()
        origin.clear()
        run.clear()

    for item in items:
        if item is _EMPTY_PARAGRAPH or item[0] == "line":
            run.append(item)
            shown = [""] if item is _EMPTY_PARAGRAPH else [item[1], ""]
            lines.extend(shown)
            origin.extend([len(run) - 1] * len(shown))
        else:
            flush()
            out.append(item)
    flush()
    return out


def _defuse_unterminated(p: _Parser) -> None:
    """feed() stops at a construct with no end (「<a」 or 「<!--」 with no 「>」/「-->」 after it) and keeps
    the rest in `rawdata`; close() would then rescan to the end once for every later 「<」 (quadratic:
    minutes for a few MB).  A browser shows no such tail as markup either, so it is read as plain text."""
    rest = p.rawdata
    if "<" in rest:
        p.rawdata = ""
        p.handle_data(rest)


def read_html(path: str, name: str, tell: Callable[[tuple], None] | None = None
              ) -> tuple[str, list[tuple], None] | tuple[str, list[tuple], list, dict]:
    """A web page file, for the sandboxed child: ("doc", items, None) like the other readers; the tables a page
    shows as pictures saved beside it (「网页，全部」: page_files/…) or inside it (data:) are read by OCR when
    its text lacks them, and a fourth part says what OCR read."""
    from .pictures import read_with_pictures
    from .text import decode

    with open(path, "rb") as fh:
        data = fh.read()
    items = html_items(decode(data, name), name, pictures=True)
    folder = Path(path).resolve().parent
    return read_with_pictures(items, lambda src: _picture_beside(src, folder), name, tell)




def _picture_beside(src: str, folder: Path) -> Image | None:
    """The picture an <img src> names: inside the page (data:…;base64,…) or a file in the page's folder or
    below it (a saved page's own); nothing from elsewhere, nothing from the web."""
    from .pictures import MAX_PICTURE_BYTES, load_picture

    if src.startswith("data:"):
        head, _, body = src.partition(",")
        if ";base64" not in head or len(body) > MAX_PICTURE_BYTES * 4 // 3:
            return None
        try:
            return load_picture(base64.b64decode(body, validate=False))
        except ValueError:
            return None
    url = urlsplit(src)
    if url.scheme or url.netloc:
        return None
    try:
        file = (folder / unquote(url.path)).resolve()
        if not file.is_relative_to(folder) or not file.is_file() or file.stat().st_size > MAX_PICTURE_BYTES:
            return None
        return load_picture(file.read_bytes())
    except (OSError, ValueError):
        return None
