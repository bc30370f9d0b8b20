"""Figures of a scanned table that the text detector reads badly, put right from the words' geometry alone
(ocr.py reads the page and the gaps found here): specks and marks read as characters, figures a mark joins,
and the places of cells whose figure the detector missed (a lone thin 「1」, small figures in wide cells), to be
cut out and read alone."""
from __future__ import annotations

import re

FIGURE = re.compile(r"\d[\d,.]*")
LOW_CONFIDENCE = 0.8  # a figure read with less is named when a sum of its table fails

# a scanned table's specks, rules and shading read as characters: a lone mark read with little confidence
# (「福」「品」「Q」「、」 at 0.04–0.25; a real word of one character reads at 0.9 and more), dropped so that the
# cell, if it holds a figure, is read again alone (gap_places); a figure with a mark beside it
# (「0°」「0:」「.0」「X0」), the figure; two figures a mark joins (「0:0」), two.  Units and markers are no marks
# (「2024年」 and 「第3」 stay as they are).
SPECK = 0.3
# (two marks on a side only when neither is a character, 「.0-.」: 「3.其他」 is a label)
_MARKED_FIGURE = re.compile(r"(?P<mark>[^\d\s年月日件条项个次万元%％第共计（(）)]?|[^\d\s\u4e00-\u9fff（(）)]{2})"
                            r"(?P<fig>\d{1,6})\.?"
                            r"(?P<after>[^\d\s年月日件条项个次万元%％（(）)]?|[^\d\s\u4e00-\u9fff（(）)]{2})")
_JOINED_FIGURES = re.compile(r"(\d{1,6})[:：°·,，、\s](\d{1,6})")
# specks read as punctuation alone (「.」「..」「：」「·」), whatever their confidence: in a row of figures no cell
# holds one (「/」 and 「-」 for an empty cell are no marks)
_MARKS_ONLY = re.compile(r"[.．。:：·•,，、'‘’\"`]+")
_GLUED_ORDINAL = re.compile(r"^(\d{1,2})(?=[\u4e00-\u9fff]{4})(?![年月日时分秒件条项个次万元号名家类人位份篇期批场轮本部张种天周])")
_FIGURE_AND_UNIT = re.compile(r"\d{1,6}[年月日件条项个次万元]")


def figures_freed(words: list[dict]) -> list[dict]:
    """Words without the specks; in a row of a table's figures (two or more read clean), figures freed of
    their marks, each so read unsure (named if a sum of its table then fails)."""
    heights = sorted(w["size"] for w in words if FIGURE.fullmatch(w["text"]))
    figure_height = heights[len(heights) // 2] if heights else 0.0
    words = [w for w in words if not _speck(w, figure_height)]
    figures = [w for w in words if FIGURE.fullmatch(w["text"])]
    words = [w for w in words if not _read_twice(w, figures)]
    out: list[dict] = []
    for row in _rows_of(words):
        clean = sum(1 for w in row if FIGURE.fullmatch(w["text"]))
        if clean >= 2:
            row = [w for w in row if not _a_mark_or_a_misread_unit(w) and not _a_speck_between_figures(w, row)]
        for w in row:
            if clean < 2:
                out.append(w)
            elif not FIGURE.fullmatch(w["text"]):
                # (a figure freed of its mark can be a speck itself: 「·1」 read at 0.24, a third of a figure tall)
                out += [f for f in _freed(_with_its_point(w) if clean >= 3 else w) if not _speck(f, figure_height)]
            elif not _a_stray_decimal(w, row):
                out.append(_without_a_dot(w, row))
    return out


def _with_its_point(w: dict) -> dict:
    """A label in a row of three figures or more whose 「3.」 lost its point (「3补正后申请内容仍不明确」: a small
    print's point is a speck's size): the label's, not a figure of the row before.  (Not a count: 「3名」「12月」.)"""
    return {**w, "text": _GLUED_ORDINAL.sub(r"\1.", w["text"])}


def _a_mark_or_a_misread_unit(w: dict) -> bool:
    """In a row of figures: punctuation alone (a speck), or a figure read unsurely with a unit (「3元」 for 31: a
    table's cells print no unit), dropped so that its cell is read again alone."""
    text = w["text"]
    return bool(_MARKS_ONLY.fullmatch(text)) or (w["conf"] < LOW_CONFIDENCE and bool(_FIGURE_AND_UNIT.fullmatch(text)))


def _read_twice(w: dict, figures: list[dict]) -> bool:
    """A figure whose box lies over another figure's (by half the smaller one across, a third down) and was
    read with less confidence: the detector read one cell twice (「7.」 at 0.41 half over 「0」 at 0.67)."""
    if not FIGURE.fullmatch(w["text"]):
        return False
    return any(v is not w and v["conf"] > w["conf"] and _over(w, v, "x0", "x1", 0.5) and _over(w, v, "top", "bottom", 0.3)
               for v in figures)


def _over(a: dict, b: dict, lo: str, hi: str, share: float) -> bool:
    """a and b overlap between lo and hi by `share` of the smaller one or more."""
    overlap = min(a[hi], b[hi]) - max(a[lo], b[lo])
    return overlap > share * min(a[hi] - a[lo], b[hi] - b[lo])


def _a_speck_between_figures(w: dict, row: list[dict]) -> bool:
    """One character read unsurely between two of a row's figures (「学」 at 0.35): a speck, no cell's text
    (a label stands before the figures; one written down a cell, 「本」「年」, too)."""
    if len(w["text"]) != 1 or w["conf"] >= LOW_CONFIDENCE or w["text"].isdigit():
        return False
    figures = [v for v in row if FIGURE.fullmatch(v["text"])]
    return any(v["x1"] <= w["x0"] for v in figures) and any(v["x0"] >= w["x1"] for v in figures)


def _a_stray_decimal(w: dict, row: list[dict]) -> bool:
    """「12.0」 among whole numbers (「108 2 12.0 0 0 0 110」): a speck read as a digit and a point, dropped so
    that its cell is read again alone; a row of amounts has decimals in more than one cell or stands alone."""
    if "." not in w["text"].rstrip("."):
        return False
    whole = [v for v in row if v is not w and FIGURE.fullmatch(v["text"]) and "." not in v["text"].rstrip(".")]
    return len(whole) >= 2


def _without_a_dot(w: dict, row: list[dict]) -> dict:
    """「0.」 in a row of figures: a speck read as a full stop (which would part the row's figures from one
    another), unless label text (no figure in it, marked or not: 「95-」 is a figure) follows it (「3.」 numbering
    the label after it); an unsure one first in the row is left as it is (「4.」 read at 0.37 for a 6 beside a
    speck, where a label's number would stand: the row is left blank rather than read with a 4)."""
    after = [v for v in row if v["x0"] >= w["x1"]]
    first = not any(FIGURE.fullmatch(v["text"]) for v in row if v["x1"] <= w["x0"])
    if not w["text"].endswith(".") or (first and w["conf"] < LOW_CONFIDENCE) \
            or any(not any(c.isdigit() for c in v["text"]) for v in after):
        return w
    return {**w, "text": w["text"].rstrip(".")}


def _speck(w: dict, figure_height: float) -> bool:
    """A mark of one character read with little confidence; a figure read with as little (its cell is read
    again alone), or a tiny one beside full-sized figures."""
    text, conf = w["text"], w["conf"]
    if FIGURE.fullmatch(text):
        return conf < SPECK or (conf < LOW_CONFIDENCE and w["size"] < 0.5 * figure_height)
    # punctuation alone and smaller than a figure (「..」 under a row, which would join it as 「0..」)
    return (len(text) == 1 and conf < SPECK) or (bool(_MARKS_ONLY.fullmatch(text)) and w["size"] < 0.8 * figure_height)


def _freed(w: dict) -> list[dict]:
    text = w["text"]
    joined = _JOINED_FIGURES.fullmatch(text)
    if joined:
        cut = w["x0"] + (w["x1"] - w["x0"]) * joined.end(1) / len(text)
        return [_unsure(w, joined.group(1), w["x0"], cut), _unsure(w, joined.group(2), cut, w["x1"])]
    m = _MARKED_FIGURE.fullmatch(text)
    if m and (m.group("mark") or m.group("after")):
        return [_unsure(w, m.group("fig"), w["x0"], w["x1"])]
    return [w]


def _unsure(w: dict, text: str, x0: float, x1: float) -> dict:
    return {**w, "text": text, "x0": x0, "x1": x1, "conf": min(w["conf"], LOW_CONFIDENCE - 0.01)}


def _rows_of(words: list[dict]) -> list[list[dict]]:
    """Words side by side (overlapping vertically by half their height), in reading order."""
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: w["top"]):
        if rows and w["top"] < rows[-1][0]["bottom"] - 0.5 * w["size"]:
            rows[-1].append(w)
        else:
            rows.append([w])
    return rows


def gap_places(words: list[dict]) -> list[tuple[float, list[dict]]]:
    """The detector misses a lone 「1」 in a table cell (too thin to be a text box), and small figures in wide
    cells.  The places (x, the row's words) where a cell seems to hold a figure no word has: under a column
    the other rows fill, a figure of a fuller row of the same table, a step of an evenly spaced row, or a
    cell of the row above (a header's) for a row that has a label and fewer figures."""
    figures = [w for w in words if FIGURE.fullmatch(w["text"])]
    columns = _columns(figures)
    bands = _bands(figures)
    out = []
    for band in bands:
        for x in _merged(columns + _places_in_a_fuller_row(band, bands) + _places_by_pitch(band, words), band):
            if not any(_under(w, x) for w in band):
                out.append((x, band))
    taken = figures + [{**band[0], "x0": x - 1, "x1": x + 1} for x, band in out]  # a place is read once
    rows = _rows_of(words)
    for i, row in enumerate(rows):
        out += [(x, row) for x in _places_under_a_header(row, rows[max(0, i - 4):i]) if not _figure_near(x, row, taken)]
    return out


def _places_under_a_header(row: list[dict], above: list[list[dict]]) -> list[float]:
    """A row with a label and fewer figures after it than the fullest of the rows just above that have two or
    more cells apart to the right of the label (「行政规范性文件」 under 「本年制发件数 本年废止件数 现行有效件数」, whose
    3 0 8 the detector missed): the centres of those cells where no figure of this row stands (an empty place,
    as after a short last line of a paragraph, is read blank)."""
    labels = [w for w in row if not FIGURE.fullmatch(w["text"])]
    figures = [w for w in row if FIGURE.fullmatch(w["text"])]
    if not labels:
        return []
    label_end = max(w["x1"] for w in labels)
    if any(w["x0"] < label_end for w in figures):
        return []
    guides = [cells for cells in (sorted((w for w in guide if w["x0"] > label_end), key=lambda w: w["x0"])
                                  for guide in reversed(above)) if len(cells) >= 2 and _apart(cells)]
    if not guides:
        return []
    cells = max(guides, key=len)  # the fullest (the nearest of those): a row above may miss a figure too
    if len(cells) <= len(figures):
        return []
    return [x for x in ((w["x0"] + w["x1"]) / 2 for w in cells) if not any(_under(f, x) for f in figures)]


def _figure_near(x: float, row: list[dict], figures: list[dict]) -> bool:
    """A figure read at x within half a line of the row (a label of two lines beside a row of figures has
    those figures for its cells)."""
    top, bottom = min(w["top"] for w in row), max(w["bottom"] for w in row)
    margin = (bottom - top) / 2
    return any(_under(f, x) and f["top"] < bottom + margin and f["bottom"] > top - margin for f in figures)


def _apart(cells: list[dict]) -> bool:
    """Words standing in cells of their own: each half a character's width or more from the next."""
    return all(b["x0"] - a["x1"] > 0.5 * a["size"] for a, b in zip(cells, cells[1:]))


def _under(w: dict, x: float) -> bool:
    """The figure stands in the column centred at x."""
    return abs((w["x0"] + w["x1"]) / 2 - x) < w["size"] + (w["x1"] - w["x0"]) / 2


def _places_in_a_fuller_row(band: list[dict], bands: list[list[dict]]) -> list[float]:
    """The columns of a row just above or below with one or two figures more, whose figures stand over every
    figure of this one (「规章 _ 0 11」 over 「行政规范性文件 3 2 40」: a two-row table has no column of three)."""
    places: list[float] = []
    height = band[0]["bottom"] - band[0]["top"]
    for other in bands:
        near = abs(other[0]["top"] - band[0]["top"]) < 4 * height  # the same table, not one further down
        if near and 0 < len(other) - len(band) <= 2:
            centres = [(w["x0"] + w["x1"]) / 2 for w in other]
            if all(any(_under(w, x) for x in centres) for w in band):
                places += centres
    return places


def _places_by_pitch(band: list[dict], words: list[dict]) -> list[float]:
    """A row of evenly spaced figures (four or more: table 四's one row has no column above or below to go by):
    where two stand twice the usual distance apart, the place between; and a place before the first and
    after the last when no label stands there."""
    if len(band) < 4:
        return []
    centres = [(w["x0"] + w["x1"]) / 2 for w in band]
    steps = sorted(b - a for a, b in zip(centres, centres[1:]))
    pitch = steps[len(steps) // 2]
    if pitch <= 0:
        return []
    places = [a + k * (b - a) / round((b - a) / pitch) for a, b in zip(centres, centres[1:])
              if b - a > 1.6 * pitch for k in range(1, round((b - a) / pitch))]
    beside = [w for w in words if w not in band and w["top"] < band[0]["bottom"] and w["bottom"] > band[0]["top"]]
    if not any(w["x1"] <= band[0]["x0"] for w in beside):
        places.append(centres[0] - pitch)
    if not any(w["x0"] >= band[-1]["x1"] for w in beside):
        places.append(centres[-1] + pitch)
    return [x for x in places if x > 0]


def _merged(places: list[float], band: list[dict]) -> list[float]:
    """The places, one for each column (those within a figure's height of one another are one)."""
    size = band[0]["size"]
    out: list[float] = []
    for x in sorted(places):
        if not out or x - out[-1] > size:
            out.append(x)
    return out


def _bands(figures: list[dict]) -> list[list[dict]]:
    """Figures side by side, left to right; rows of two or more only."""
    return [sorted(row, key=lambda w: w["x0"]) for row in _rows_of(figures) if len(row) >= 2]


def _columns(figures: list[dict]) -> list[float]:
    """The centres of columns of figures: centres within a figure's height, three or more."""
    centres = sorted((w["x0"] + w["x1"]) / 2 for w in figures)
    size = sorted(w["size"] for w in figures)[len(figures) // 2] if figures else 0
    groups: list[list[float]] = []
    for c in centres:
        if groups and c - groups[-1][-1] <= size:
            groups[-1].append(c)
        else:
            groups.append([c])
    return [sum(g) / len(g) for g in groups if len(g) >= 3]
