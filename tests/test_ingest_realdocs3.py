"""The Word template in circulation printed to PDF, round 4: tables whose figures are mostly 0 (表三 of a few
applicant kinds, 表四 of a few cases), zeros printed empty, 「0」 or 「/」.  The organs and figures are made up.

- 表三 with fewer than three complete rows (rows of seven figures) had no columns to place its other rows by,
  and 表四 with fewer than fifteen figures could not be split: they were left blank and named.  Both are now
  placed by the header's columns (「自然人」「商业企」…「总计」, 「结果」「维持」…「总计」 three times): each header
  word that is part of a column's heading stands over its column, and a figure goes to the column it stands
  under (a third of a column off at most) when every figure of the table does, and its row adds up (表四: each
  group adds up, or prints only 0).  A header cell alone on its line (「其他」 beside cells that wrap) is placed
  in columns like a figure alone, and the lines of a table standing out into the page's left margin are
  measured from the leftmost of them (from the body's edge their indent was cut to none, and their columns
  moved).  Only lines laid out from a PDF's (or OFD's) words are read so: in other text (a PDF-to-text tool's)
  how wide a character is is not known, and the header's words cannot be set against the figures.
- A row of 「0」 and 「/」 on the template's two lines that adds up in both orders was left blank: when each
  of its figures stands under its own header column, in the columns' order, that order is read.
- A label wrapped around its figures' line behind the characters of a group label printed one a line
  (「…已获取信」 | 「理」 and the figures | 「息」) was noted as a wording slip: the characters after the part
  matched complete it.
- 表二: a row's first figure too must come within STOP_TEXT label characters (round 3, for 表三): 表二 reads
  the same with and without it (12 layouts × 4 kinds of report × 3 seeds, 0 wrong, the same blanks).

Measured on 35 layouts (tests/pdf_layouts.py and variations: zeros empty, 「/」, 「0」 or mixed, group labels
one character a line, landscape, page breaks, 表二 combined or captioned), 3 seeds each of dense reports and
of sparse reports with applicants of one kind, of any kinds and of six (表二 and 表四 mostly 0 there):
blank 7605 → 1010 cells, wrong 0 → 0.  Sparse of one kind 3918 → 604, of any kinds 3092 → 324, of six kinds
575 → 62, dense 20 → 20.  The template's layouts (wrapped labels, 总计 at the top, zeros empty or mixed) and
narrow columns (header cells a character or two a line) 358 → 15 and 504 → 16 each (what is left is 表二's
rows with empty cells); 12-point text with narrow columns 483 → 382 (its header's stacked characters are read
as one word, 「会公」, whose centre is off its column: the header is not used).
"""
from __future__ import annotations

import random

import pytest

from ingest import read_report
from ingest.readers.layout import lines_of, page_items
from ingest.stream import build
from ingest.tables import read_t4
from model import schema as S
from tests.factories import consistent_report
from tests.pdf_layouts import Layout, draw_report, score

_TEMPLATE = dict(wrap_labels=True, top_totals=True)


def _mostly_zero(report, rng: random.Random) -> None:
    """表四 of a few cases (most parts 0) and 表二 mostly 0, as in a small organ's report."""
    for g, _ in S.T4_GROUPS:
        parts = [0 if rng.random() < 0.8 else rng.randint(1, 9) for _ in S.T4_PART_COLS]
        report.cells.update({S.t4(g, c): v for c, v in zip(S.T4_PART_COLS, parts)})
        report.cells[S.t4(g, "tot")] = sum(parts)
    for cid in S.TABLE_CELL_IDS:
        if cid.startswith("t2.") and rng.random() < 0.6:
            report.cells[cid] = type(report.cells[cid])(0)


def _read_back(layout: Layout, seed: int, tmp_path, applicants: int = 1):
    rng = random.Random(seed)
    report = consistent_report(rng, maxv=30, sparse=True, applicants=applicants)
    _mostly_zero(report, rng)
    path = tmp_path / f"realdocs3_{seed}.pdf"
    printed = draw_report(report, layout, path, rng)
    return score(report, path, printed), read_report(path), printed


def _blank(res, printed: dict, table: str) -> list[str]:
    """Cells of the table left blank though a figure was printed in them."""
    return [c for c in S.TABLE_CELL_IDS if c.startswith(table + ".") and res.report.cells.get(c) is None
            and printed.get(c) != ""]


@pytest.mark.parametrize("layout, seeds", [
    (Layout(**_TEMPLATE, zeros=""), (0, 1, 2)),
    (Layout(**_TEMPLATE, zeros="mixed", t3_break=14), (0, 3)),
    (Layout(landscape=True, **_TEMPLATE, zeros="", t3_break=9), (1,)),
    (Layout(narrow=4.0, zeros=""), (0,)),  # header cells wrapped a character or two a line
])
def test_a_mostly_zero_table_is_placed_by_its_header_columns(layout, seeds, tmp_path):
    for seed in seeds:  # applicants of one kind: no row of seven figures, no complete row to place by
        s, res, printed = _read_back(layout, seed, tmp_path)
        assert s.wrong == s.unnamed == 0, (seed, str(s), s.wrong_cells[:4])
        assert not _blank(res, printed, "t3") and not _blank(res, printed, "t4"), (seed, str(s))


def test_a_row_of_0_and_slash_in_two_lines_under_its_header_columns_is_read(tmp_path):
    s, res, printed = _read_back(Layout(**_TEMPLATE, zeros="mixed", t3_break=14), 6, tmp_path, applicants=6)
    assert s.wrong == s.unnamed == 0 and not _blank(res, printed, "t3"), (str(s), s.wrong_cells[:4])
    assert not [p for p in res.problems if "按列的顺序和印出的顺序都合计相符" in p.message]


def _word(x: float, top: float, text: str, size: float = 9) -> dict:
    return {"x0": x, "x1": x + size * (len(text) if text[0] > "~" else len(text) / 2), "top": top,
            "bottom": top + size, "text": text, "size": size}


def _t4_page(figures: list[tuple[float, str]], left: float = 60) -> list:
    """A page whose body stands at x 100 and whose 表四 (fifteen columns 30 wide from left) prints the given
    figures (x offset in its cell, text) under a header of two lines: 「结果」 over 「维持」, … 「总计」."""
    body = [_word(100, 100 + 14 * i, "本机关认真贯彻落实政府信息公开工作各项要求，稳步推进。") for i in range(4)]
    head = [_word(100, 170, "四、政府信息公开行政复议、行政诉讼情况"), _word(left + 60, 185, "行政复议"),
            _word(left + 270, 185, "行政诉讼")]
    firsts = ("结果", "结果", "其他", "尚未", "总计")
    seconds = ("维持", "纠正", "结果", "审结", "")
    for j in range(15):
        centre = left + 30 * j + 15
        head.append(_word(centre - 9, 200, firsts[j % 5]))
        if seconds[j % 5]:
            head.append(_word(centre - 9, 212, seconds[j % 5]))
    row = [_word(left + 30 * j + dx, 228, text) for j, (dx, text) in enumerate(figures) if text]
    return body + head + row + [_word(100, 260, "五、存在的主要问题及改进情况")]


def _read_t4(words: list) -> dict:
    items, _ = page_items([lines_of(words)])
    stream = build(items, laid_out=True)
    return read_t4(stream, 0).cells


def test_table_4_printed_with_empty_cells_is_read_by_its_header_columns():
    # (the table stands out into the page's margin, left of the body's edge)
    figs = [(12.75, "2"), (0, ""), (0, ""), (12.75, "1"), (12.75, "3")] + [(0, "")] * 5 + \
           [(0, ""), (12.75, "4"), (0, ""), (0, ""), (12.75, "4")]
    cells = _read_t4(_t4_page(figs))
    assert cells == {S.t4("review", "upheld"): 2, S.t4("review", "corrected"): 0, S.t4("review", "other"): 0,
                     S.t4("review", "pending"): 1, S.t4("review", "tot"): 3, S.t4("after", "upheld"): 0,
                     S.t4("after", "corrected"): 4, S.t4("after", "other"): 0, S.t4("after", "pending"): 0,
                     S.t4("after", "tot"): 4}, cells


def test_table_4_whose_figures_do_not_stand_under_the_header_stays_blank():
    # figures half a column right of the header's words (a header laid out for other columns): between two
    figs = [(27.75, "2"), (0, ""), (0, ""), (27.75, "1"), (27.75, "3")] + [(0, "")] * 5 + \
           [(0, ""), (27.75, "4"), (0, ""), (0, ""), (27.75, "4")]
    assert _read_t4(_t4_page(figs)) == {}


def test_table_4_group_that_does_not_add_up_stays_blank():
    figs = [(12.75, "2"), (0, ""), (0, ""), (12.75, "1"), (12.75, "5")] + [(0, "")] * 10
    assert _read_t4(_t4_page(figs)) == {}  # 2 + 1 is not 5: which column is empty cannot be trusted


def test_a_table_standing_into_the_margin_keeps_its_columns():
    body = [_word(100, 100 + 14 * i, "本报告由某市人民政府办公室编制，统计期限自一月一日起。") for i in range(4)]
    rows = [_word(60, 200, "12"), _word(150, 200, "34"), _word(150, 212, "34")]
    items, _ = page_items([lines_of(body + rows)])
    lines = [text for kind, text in items if kind == "line" and "34" in text]
    assert len(lines) == 2 and lines[0].rindex("34") == lines[1].rindex("34"), lines


@pytest.mark.parametrize("layout", [Layout(t2_combined=True, zeros=""), Layout(t2_captions_above=True, zeros="mixed"),
                                    Layout(t2_combined=True, **_TEMPLATE, zeros="mixed")])
def test_table_2_of_mostly_zero_figures_reads_no_figure_wrong(layout, tmp_path):
    s, res, printed = _read_back(layout, 1, tmp_path, applicants=0)
    assert s.wrong == s.unnamed == 0, (str(s), s.wrong_cells[:4])


def test_a_label_wrapped_around_its_figures_behind_a_vertical_group_label_is_no_slip(tmp_path):
    rng = random.Random(0)
    report = consistent_report(rng, maxv=30)
    path = tmp_path / "vertical.pdf"
    printed = draw_report(report, Layout(groups="vertical"), path, rng)
    s = score(report, path, printed)
    res = read_report(path)
    assert s.wrong == s.blank == 0, str(s)
    assert not [m for rule, _, m in res.report.import_notes if rule == "S.LABELS"]


def test_text_laid_out_by_another_tool_is_not_placed_by_its_header(tmp_path):
    # the same lines pasted as text (a PDF-to-text tool's): how wide its characters are is not known, so the
    # header's words cannot be set against the figures
    from ingest import read_text
    from ingest.readers.pdf import read_pdf

    rng = random.Random(0)
    report = consistent_report(rng, maxv=30, sparse=True, applicants=1)
    path = tmp_path / "pasted.pdf"
    draw_report(report, Layout(**_TEMPLATE, zeros=""), path, rng)
    lines = [text for kind, text in read_pdf(str(path), path.name)[1] if kind == "line"]
    res = read_text("\n".join(lines))
    assert not [p for p in res.problems if "表头各列" in p.message]
    wrong = [c for c in S.TABLE_CELL_IDS if res.report.cells.get(c) not in (None, report.cells.get(c))]
    assert not wrong, wrong
