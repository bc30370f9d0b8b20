"""Lines of text rebuilt from positioned words, for the fixed-layout formats (PDF, OFD): words that overlap
vertically form a line, a line's indent is measured from the body's left edge in character widths.

A word is a dict: x0, x1, top, bottom (distances from the page's top-left corner, any one unit) and text,
with size (the font size, same unit) when known, ruled when a table's rule stands after it, and unit when
a table's columns are to be measured in one width for the whole page (OCR: a box's height is no font size)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

Line = tuple[float, float, str]  # (left edge, font size, text)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FIGURE = re.compile(r"^[\d.,/／]+$")


def page_items(page_lines: Sequence[Sequence[Line]]) -> tuple[list[tuple], int]:
    """("line", text) items, indented by two spaces a character width, with ("page", None) between pages;
    and the number of characters read."""
    items: list[tuple] = []
    margin = _left_margin(page_lines)
    table_margin = _columns_margin(page_lines, margin)
    running = _running_lines(page_lines)
    chars = 0
    for k, lines in enumerate(page_lines):
        if k:
            items.append(("page", None))
        for i, (x0, size, text) in enumerate(lines):
            if (i == 0 or i == len(lines) - 1) and _running_key(text) in running:
                continue
            items.append(("line", " " * _indent(x0, size, text, table_margin if _in_columns(text) else margin)
                          + text))
            chars += len(text)
    return items, chars


RUNNING_PAGES = 0.5  # the share of pages (two at least) a line must head or foot, the same each time, to be
# a running header or footer


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _running_lines(page_lines: Sequence[Sequence[Line]]) -> set[str]:
    """Running headers and footers: the same words (page numbers aside) as the first or last line of several
    pages.  Left in, the report's title and year in a header would join the last row of a table broken
    over the page."""
    ends = Counter(key for lines in page_lines if lines
                   for key in {_running_key(lines[0][2]), _running_key(lines[-1][2])})
    least = max(2.0, RUNNING_PAGES * len(page_lines))
    return {key for key, n in ends.items()
            if n >= least and len(_CJK.findall(key)) >= 2 and len(key) <= 60}


def lines_of(words: Iterable[dict]) -> list[Line]:
    """Words into lines by vertical overlap (numbers centred in a cell share the line of their label)."""
    lines: list[list] = []  # [top, bottom, [words]]
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        h = max(w["bottom"] - w["top"], 0.1)
        placed = False
        for ln in lines[-4:]:
            overlap = min(ln[1], w["bottom"]) - max(ln[0], w["top"])
            if overlap >= 0.5 * min(h, ln[1] - ln[0]):
                ln[2].append(w)
                ln[0], ln[1] = min(ln[0], w["top"]), max(ln[1], w["bottom"])
                placed = True
                break
        if not placed:
            lines.append([w["top"], w["bottom"], [w]])
    out = []
    for top, bottom, ws in sorted(lines, key=lambda ln: ln[0]):
        ws.sort(key=lambda w: w["x0"])
        size = Counter(round(w.get("size", bottom - top)) for w in ws).most_common(1)[0][0] or 10
        unit = ws[0].get("unit") or size
        text = _joined(ws, size, unit)
        # a table's row is placed in columns of the unit, so that its figures' columns agree with other rows'
        out.append((ws[0]["x0"], float(unit if _in_columns(text) else size), text))
    return out


_CELL_GAP = 0.5  # a gap between words this many characters wide or wider parts two cells of a table
# a table row's column, in characters: a third, finer than a figure's digit (half a character), so that a
# figure takes fewer columns than it covers and the two spaces kept between figures seldom push the next one on
_COLUMN = 1 / 3


def _joined(ws: list[dict], size: float, unit: float) -> str:
    """The line's words joined: run together, one space apart, or across a cell's gap placed at the column
    their left edge stands at (_COLUMN of the unit: the font size, or the page's one unit that OCR gives its
    words), as pdftotext -layout does, so that a figure keeps
    its column when a cell beside it is empty.  A cell's gap: a wide one, or any space between two figures
    (narrow figure columns; a rule between them).  Two spaces at least: one reads as text run together."""
    text = ws[0]["text"]
    for a, b in zip(ws, ws[1:]):
        gap = b["x0"] - a["x1"]
        apart = gap > 0.15 * size or a.get("ruled")
        wide = gap > _CELL_GAP * size
        if wide or (apart and _FIGURE.match(a["text"]) and _FIGURE.match(b["text"])):
            column = round((b["x0"] - ws[0]["x0"]) / (unit * _COLUMN))
            text += " " * max(2, column - len(text)) + b["text"]
        else:
            text += (" " if apart else "") + b["text"]
    return text


def _indent(x0: float, size: float, text: str, margin: float | None) -> int:
    """Spaces before the line: two a character width.  A line whose words stand in columns (a table's row,
    two spaces or more inside it, or a figure alone: a cell's) is placed in the columns its words are placed
    in (_COLUMN), so that a figure's column agrees between rows that start in different cells."""
    if margin is None:
        return 0
    chars = (x0 - margin) / max(size, 1.0)
    return max(0, round(chars / _COLUMN) if _in_columns(text) else 2 * round(chars))


_LONE_FIGURE = re.compile(r"^(?:\d[\d,.]*|[/／])$")
_LONE_HEADING = re.compile(r"^[\u4e00-\u9fff]{2,6}$")


def _in_columns(text: str) -> bool:
    """A line of a table's cells: words apart across a cell's gap, a figure alone (a row's figure on a line
    of its own, beside a label that wraps), or a short word alone (a column's heading, 「其他」 or 「总计」, on
    a line of its own where the header's other cells wrap: it tells where its column stands)."""
    return "  " in text or bool(_LONE_FIGURE.match(text) or _LONE_HEADING.match(text))


def _columns_margin(page_lines: Sequence[Sequence[Line]], margin: float | None) -> float | None:
    """Where lines laid out in columns are measured from: the body's left edge, or the leftmost such line's
    when a table stands out into the margin (measured from the body's edge, a line starting left of it would
    lose its columns: no indent is less than none)."""
    starts = [x0 for lines in page_lines for x0, _, text in lines if _in_columns(text)]
    return min([margin, *starts]) if margin is not None and starts else margin


def _left_margin(page_lines: Sequence[Sequence[Line]]) -> float | None:
    xs = Counter(round(x0) for lines in page_lines for x0, _, text in lines if len(text) > 8)
    if not xs:
        return None
    # the body's left edge: the smallest x among the frequent line starts
    common = [x for x, n in xs.most_common(6) if n >= 3]
    return float(min(common)) if common else float(xs.most_common(1)[0][0])
