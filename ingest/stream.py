"""A table region as one stream: label characters in a comparison key, figures placed between them.

Every shape a report arrives in (pdftotext lines, layout text, Markdown, one cell per line, Word and PDF
tables) becomes the same thing: the labels' characters concatenated (spaces, line breaks and page
furniture removed) and the figures recorded at the position in that string where they occurred.  A
figure then belongs to the row whose label starts before it.  Grid cells remember their grid row, and
empty grid cells are kept as blanks, so that a table with empty cells keeps its columns.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from .textnorm import is_page_furniture, label_key, nfkc

BLANK = ""


@dataclass
class Fig:
    pos: int  # position in Stream.key where the figure occurred
    text: str  # the figure as printed (NFKC); BLANK for an empty grid cell
    group: object = None  # grid row identity, None for running text
    line: int | None = None  # running text: which line the figure is on
    col: float | None = None  # running text: the figure's centre, in characters from the line start
    page: int = 0  # running text: the page it is on (a scan's columns move from page to page)

    @property
    def blank(self) -> bool:
        return self.text == BLANK


@dataclass
class Stream:
    key: str = ""
    shown: list[str] = field(default_factory=list)  # printed form of each key position (for S.LABELS)
    figs: list[Fig] = field(default_factory=list)
    marks: dict[str, int] = field(default_factory=dict)  # name → key position (section headings)
    positions: list[int] = field(default_factory=list)  # Fig.pos of every figure, ascending
    key_len: int = 0  # length of the key built so far
    lines_seen: int = 0  # running-text lines so far (a figure's line number)
    pages_seen: int = 0  # page breaks so far (a figure's page)
    read_by_ocr: bool = False  # the text was recognised from a picture (OCR loses a lone ordinal, 「二、」)
    # lines laid out by ingest/readers/layout.py (PDF, OFD: laid_out): each label word's (key start, key end,
    # page, line, centre), the centre in the columns of its line as the eye sees it (a table header's cells:
    # where their columns stand; other text's columns do not say how wide a character is)
    laid_out: bool = False
    words_placed: list[tuple[int, int, int, int, float]] = field(default_factory=list)
    _key_parts: list[str] = field(default_factory=list)

    def _add_label(self, printed: str) -> None:
        k = label_key(printed)
        if not k:
            return
        self._key_parts.append(k)
        # shown: one entry per key char; the printed text is kept on the first char of the piece
        self.shown.append(printed)
        self.shown.extend([""] * (len(k) - 1))
        self.key_len += len(k)

    def finish(self) -> Stream:
        self.key = "".join(self._key_parts)
        self.positions = [f.pos for f in self.figs]
        return self

    def figs_in(self, lo: int, hi: int) -> list[Fig]:
        """Figures with lo < pos <= hi (binary search: hostile input may hold millions)."""
        return self.figs[bisect_right(self.positions, lo):bisect_right(self.positions, hi)]

    def first_fig_from(self, pos: int) -> Fig | None:
        i = bisect_left(self.positions, pos)
        return self.figs[i] if i < len(self.figs) else None

    def mark(self, name: str) -> None:
        self.marks.setdefault(name, self.key_len)

    def add_fig(self, text: str, group: object = None, at: tuple[int, float] | None = None) -> None:
        line, col = at if at else (None, None)
        self.figs.append(Fig(self.key_len, text, group, line=line, col=col, page=self.pages_seen))

    # ---------------------------------------------------------------- tokenising

    def add_text(self, text: str, group: object = None, line_no: int | None = None) -> None:
        """Running text: figures are the digit runs and 「/」 standing alone; all else is label."""
        t = nfkc(text)
        columns = "\t" not in t  # character columns mean something (pdftotext -layout)

        def at(a: int, b: int) -> tuple[int, float] | None:
            return (line_no, (a + b) / 2) if columns and line_no is not None else None
        i, n = 0, len(t)
        while i < n:
            m = _TOKEN.match(t, i)
            assert m is not None  # (?P<other>.) with re.S matches any character
            kind = m.lastgroup
            s = m.group()
            if kind == "ws":
                i = m.end()
                continue
            if kind == "signed":  # 「本年增/减」 of the 2019 form: kept so that the columns stay in place
                self.add_fig(s, group, at(m.start(), m.end()))
                i = m.end()
                continue
            if kind == "num":
                # 「…0002.其他法律」: the last digit numbers the next row label
                nm = _NUMBERING.match(t, m.end())
                if nm and "." not in s and "," not in s:
                    if len(s) > 1:
                        self.add_fig(s[:-1], group, at(m.start(), m.end() - 1))
                    self._add_label(s[-1] + nm.group(1))
                    i = nm.end()
                    continue
                self.add_fig(s, group, at(m.start(), m.end()))
                i = m.end()
                continue
            if kind == "parnum":  # 「（1）属于国家秘密」: a row number, not a figure
                self._add_label(s)
                i = m.end()
                continue
            if kind == "na":
                before_ok = m.start() == 0 or t[m.start() - 1].isspace()
                after_ok = m.end() == n or t[m.end()].isspace()
                # a web page that runs cells together runs 「/」 into the figures too (「/161/」): the mark
                # is a cell, and the digits beside it must not be split across it
                glued_to_figure = len(s) <= 2 and ((m.start() > 0 and t[m.start() - 1].isdigit())
                                                   or (m.end() < n and t[m.end()].isdigit()))
                if (before_ok and after_ok) or glued_to_figure:
                    self.add_fig("/", group, at(m.start(), m.end()))
                    i = m.end()
                    continue
            # label text up to the next space or digit
            run = _LABEL_RUN.match(t, i)  # always matches (a * pattern): possibly empty
            j = run.end() if run else i
            if j == i:
                j = i + 1
            start = self.key_len
            self._add_label(t[i:j])
            if self.laid_out and columns and line_no is not None and self.key_len > start:
                self.words_placed.append((start, self.key_len, self.pages_seen, line_no, _seen_centre(t, i, j)))
            i = j

    def add_line(self, line: str) -> None:
        if is_page_furniture(line):
            return
        self.lines_seen += 1
        self.add_text(line, line_no=self.lines_seen)

    def add_grid(self, rows: list[list[str | None]], table_no: int) -> None:
        """A table: None is the continuation of a merged cell (skipped), '' an empty cell (a blank)."""
        for r, row in enumerate(rows):
            group = (table_no, r)
            for cell in row:
                if cell is None:
                    continue
                c = nfkc(str(cell)).strip()
                if not c:
                    self.figs.append(Fig(self.key_len, BLANK, group))
                elif _ALL_FIGS.match(c):
                    for part in c.split():
                        self.add_fig("/" if _NA_ONLY.match(part) else part, group)
                else:
                    self.add_text(c, group)


def _seen_centre(t: str, i: int, j: int) -> float:
    """The centre of t[i:j] in the columns of its line (ingest/readers/layout.py: a third of a character; a word
    starts at its column, and within it a wide character takes three columns, any other about one and a half)."""
    return i + sum(3.0 if unicodedata.east_asian_width(ch) in "WF" else 1.5 for ch in t[i:j]) / 2


_TOKEN = re.compile(r"(?P<ws>\s+)|(?P<signed>(?<!\S)[+\-－]\d+(?:\.\d+)?(?!\S))|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)"
                    r"|(?P<parnum>\(\d{1,2}\)(?=[ \t\u3000]*[^\s\d/／—–―─\-－(]))"
                    r"|(?P<na>[/／—–―─\-－]+)|(?P<other>.)", re.S)
_NUMBERING = re.compile(r"([.、．])\s*(?=[^\d\s/／—–―─\-－])")  # \s: a grid cell 「1.<br>信访…」
_LABEL_RUN = re.compile(r"[^\s\d/／—–―─\-－]*")
_ALL_FIGS = re.compile(r"^(?:(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[/／—–―─\-－]{1,2})(?:\s+|$))+$")
_NA_ONLY = re.compile(r"^[/／—–―─\-－]{1,2}$")


def build(items: Iterable[tuple], marks_at: dict[int, str] | None = None, read_by_ocr: bool = False,
          laid_out: bool = False) -> Stream:
    """items: ("line", text) or ("table", rows) in document order.  marks_at: item index → mark name.
    laid_out: the lines are ingest/readers/layout.py's (Stream.words_placed)."""
    s = Stream(read_by_ocr=read_by_ocr, laid_out=laid_out)
    tno = 0
    for i, (kind, content) in enumerate(items):
        if marks_at and i in marks_at:
            s.mark(marks_at[i])
            continue  # the heading line itself holds no figure
        if kind == "table":
            tno += 1
            s.add_grid(content, tno)
        elif kind == "line":
            s.add_line(content)
        elif kind == "page":
            s.pages_seen += 1
    return s.finish()
