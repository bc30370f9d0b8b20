"""Tables that a web page's text gives one cell per line, each cell marked by a bar or a blank line.

Three renderings are common when a page is taken as text (a crawler's text, a browser extension's copy):

- terminated: each cell on a line of its own ending in 「 |」; an empty cell is a line that is just 「|」; the
  places a spanned (merged) cell covers leave lines of bars only (「|||」), which hold no cell;
- separated: each cell on a line of its own with a line 「|」 after it; a 「|」 right after another closes
  an empty cell;
- gapped: no bar at all, each cell a paragraph with one blank line between, and an empty cell one more
  blank line (「一、本年新收政府信息公开申请数量」, seven blank lines, 「0」: six empty cells, then 总计).

None marks where a row ends, and a word may stand where a figure does (「未增未减」 in the 2019 form), so
rows are not guessed: such a run of lines becomes one grid row of its cells ('' an empty cell).  The table
readers take each label's figures up to the next label, as in running text, and an empty cell keeps its
place among them as in a Word or HTML table.
"""
from __future__ import annotations

import re

from ..script import fold
from ..sections import heading_of
from ..textnorm import is_page_furniture

MIN_CELLS = 6  # fewer bar-marked cells in a run are text that happens to end in a bar, not a table
# a figure, not words: a count, an amount, 「/」「—」, the 2019 form's 「减4」「-3」
_VALUE = re.compile(r"^(?:[增减+\-－]?\s*\d[\d,]*(?:\.\d+)?|[/／—–―─\-－]{1,2})$")
_BARS_ONLY = re.compile(r"\|{2,}")  # 「|||」: the columns a spanned cell covers (fullmatch)
_WRAPPED = 8  # 「商业」「企业」, 「本年新」「制作数量」: a short line before a cell's own is its first part


def split(lines: list[str]) -> list:
    """The lines in order, each run of one-cell-per-line table text replaced by a grid of one row (a list of lists).
    Each line is looked at a bounded number of times: a run too short to be a table stays text as a whole."""
    out: list = []
    i = 0
    while i < len(lines):
        end, cells = _terminated(lines, i)
        if end == i:
            end, cells = _separated(lines, i)
        if end == i:
            end, cells = _gapped(lines, i)
        end = max(end, i + 1)
        if sum(1 for c in cells if c) >= MIN_CELLS:
            out.append([cells])
        else:
            out.extend(lines[i:end])
        i = end
    return out


def _terminated(lines: list[str], i: int) -> tuple[int, list[str]]:
    """(end, cells) of the run of 「cell |」 lines (and lone or only bars) starting at i."""
    cells: list[str] = []
    j = i
    while j < len(lines):
        s = lines[j].strip()
        if cells and _wrapped(s) and j + 1 < len(lines) and _cell(lines[j + 1].strip()):
            cells.append(s + "\n" + lines[j + 1].strip()[:-1].strip())  # a header cell wrapped over two lines
            j += 2
            continue
        if _cell(s):
            cells.append(s[:-1].strip())
        elif _cell_then_spans(s):  # 「本年处理决定数量 | ||」: the places it spans as bars on its line
            cells.append(s.split("|", 1)[0].strip())
        elif s == "|":
            cells.append("")
        elif not _BARS_ONLY.fullmatch(s):
            break
        j += 1
    return j, cells


def _separated(lines: list[str], i: int) -> tuple[int, list[str]]:
    """(end, cells) of the run of cells each followed by a line 「|」 starting at i."""
    cells: list[str] = []
    j = i
    while j < len(lines):
        k = j
        while k < len(lines) and _is_text(lines[k]) and k - j < 2:
            k += 1
        if k >= len(lines) or lines[k].strip() != "|":
            break
        words = [lines[x].strip() for x in range(j, k)]
        if len(words) == 2 and not _wrapped(words[0]):
            break
        if not words and not cells:
            break  # a bar before any cell closes nothing
        cells.append("\n".join(words))
        j = k + 1
    return j, cells


def gapped_table(lines: list[str], i: int) -> tuple[int, list[str]]:
    """(end, cells) of a table of the gapped kind starting at line i, or (i, []) where none does: for a reader
    whose paragraphs are not text lines (a web page's <p> per cell, an empty cell an empty <p>) and which
    writes them out as text lines with the same blank lines between."""
    end, cells = _gapped(lines, i)
    if sum(1 for c in cells if c) >= MIN_CELLS:
        return end, cells
    return i, []


_TABLE_START = re.compile(r"^(?:[(（]?本列数据的勾稽关系|第二十条|行政复议$)")  # where table 二, 三 or 四 begins
_ENDS_SENTENCE = "。；;"
_LONGEST_CELL = 60  # a longer line is a paragraph of text (the longest row label has 33 characters)


def _gapped(lines: list[str], i: int) -> tuple[int, list[str]]:
    """(end, cells) of a table given as paragraphs from its first line at i up to the next heading or line
    of text; no cells unless the run is that shape throughout and some row shows an empty cell as an extra
    blank line, so that any other run keeps being read as the lines it is.  Text of a PDF (pdftotext without
    -layout) has blank lines between its cells too, but also lines next to each other (a label wrapped, a
    header) and page numbers: such a run is not taken."""
    if not _TABLE_START.match(fold(lines[i].strip())):  # a page in traditional characters too
        return i, []
    cells: list[str] = []
    gaps: list[int] = []  # blank lines before each cell but the first
    blank = 0
    j = i
    while j < len(lines):
        s = lines[j].strip()
        if not s:
            blank += 1
        elif "|" in s or len(s) > _LONGEST_CELL or s[-1] in _ENDS_SENTENCE or (cells and heading_of(fold(s))):
            break
        else:
            if cells:
                gaps.append(blank)
            cells.append(s)
            blank = 0
        j += 1
    end = j - blank  # the blank lines after the last cell are not the table's
    # one blank line between cells is the rule, an empty cell shows as one more, and nothing else is in the
    # run; else the run stays lines (as a whole: none of its lines starts a table of the other kinds)
    if not gaps or min(gaps) < 1 or gaps.count(1) * 2 < len(gaps) or max(gaps) < 2:
        return end, []
    if any("\f" in line or is_page_furniture(line) for line in lines[i:end]):
        return end, []
    out = [cells[0]]
    for gap, cell in zip(gaps, cells[1:]):
        out.extend([""] * (gap - 1))
        out.append(cell)
    return end, out


def _cell(s: str) -> bool:
    """A line 「规章 |」: words, then the one bar that ends the cell."""
    return s.endswith("|") and s.count("|") == 1 and bool(s[:-1].strip())


def _cell_then_spans(s: str) -> bool:
    """A line 「本年处理决定数量 | ||」: a cell, its bar, then the bars of the places it spans (some pages put
    them on the cell's line rather than on a line of their own)."""
    head, bar, rest = s.partition("|")
    return bool(bar) and bool(head.strip()) and bool(rest.strip()) and _BARS_ONLY.fullmatch(rest.replace(" ", "") + "|") is not None


def _wrapped(s: str) -> bool:
    """A short line of words with no bar: the first part of a cell wrapped onto the next line."""
    return 0 < len(s) <= _WRAPPED and "|" not in s and not _VALUE.match(s)


def _is_text(line: str) -> bool:
    s = line.strip()
    return bool(s) and "|" not in s


