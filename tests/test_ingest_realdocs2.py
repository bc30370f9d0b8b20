"""The Word template in circulation printed to PDF (tests/realdocs1 has its shapes), with most of 表三 0 as real
reports have it (tests/factories.consistent_report's sparse): rows whose one applicant figure stands alone on
the line under the label's first line, beside which 总计 is printed.  The organs and figures are made up.

- A line holding one figure and nothing else was placed by its indent, two spaces a character width, not in
  the columns of a table's rows (three a character width): such rows were left blank and named, 12 to 25
  cells a report.  A figure alone on its line is now placed in columns (ingest/readers/layout.py), and its row
  is laid out by the columns of the table's complete rows when exactly one column is near it and the row adds
  up (its 总计 printed, the figure equal to it); else it stays blank and named.  Complete rows are rows of
  seven on one line, or now also on the template's two lines taken in their columns' order (a table with
  most figures 0 and zeros printed 「/」 or 「0」 may have no row of seven on one line).
- Rows placed by their columns whose figures stand among the wrapped label's text were then dropped as
  figures of other rows (their empty cells made the row's sum unknown): an empty cell counts as 0 there.
- A row of zeros printed 「0」 and 「/」 in two lines was read in the printed order when that was not the
  columns' order (「0 / 0 / / 0 0」 reads as zeros in any order, but its 「/」s are in other cells): such a row
  adds up in both orders and is left blank like any other.
- A row printed empty took the figures of the row after it whose label was not found (a group label's
  characters printed across it): a row's first figure too must come within a few label characters of it.
"""
from __future__ import annotations

import random

import pytest

from ingest import read_report
from ingest.readers.layout import lines_of, page_items
from model import schema as S
from tests.factories import consistent_report
from tests.pdf_layouts import Layout, draw_report, score

_TEMPLATE = Layout(wrap_labels=True, top_totals=True, zeros="")


def _read_back(layout: Layout, seed: int, tmp_path, **sparse):
    rng = random.Random(seed)
    report = consistent_report(rng, maxv=30, sparse=True, **sparse)
    path = tmp_path / f"realdocs2_{seed}.pdf"
    return score(report, path, draw_report(report, layout, path, rng))


def _word(x: float, top: float, text: str) -> dict:
    return {"x0": x, "x1": x + 4.5 * len(text), "top": top, "bottom": top + 9, "text": text, "size": 9}


def test_a_figure_alone_on_its_line_stands_in_the_columns_of_the_rows():
    body = [_word(72, 100 + 12 * i, "本报告由某市人民政府办公室编制，统计期限自一月一日起。") for i in range(3)]
    row = [_word(100, 200, "1.属于国家秘密"), _word(300, 200, "12"), _word(400, 200, "34")]
    alone = [_word(400, 212, "34")]
    items, _ = page_items([lines_of(body + row + alone)])
    lines = [text for kind, text in items if kind == "line" and "34" in text]
    assert len(lines) == 2 and lines[0].rindex("34") == lines[1].rindex("34"), lines


@pytest.mark.parametrize("layout, seeds", [
    (_TEMPLATE, (0, 2, 3, 7)),
    # (seed 5: no row of seven on one line; the rows of seven on two lines, in their columns, give the columns)
    (Layout(wrap_labels=True, top_totals=True, zeros="mixed", t3_break=14), (0, 2, 3, 5, 6)),
])
def test_a_figure_alone_under_its_total_is_read_in_its_column(layout, seeds, tmp_path):
    for seed in seeds:  # reports with applicants of every kind: lone figures in every column
        s = _read_back(layout, seed, tmp_path, applicants=6)
        assert s.wrong == s.unnamed == s.blank == 0, (seed, str(s), s.wrong_cells[:4])


def test_a_row_of_0_and_slash_in_two_lines_is_never_read_in_the_printed_order(tmp_path):
    s = _read_back(Layout(wrap_labels=True, top_totals=True, zeros="mixed", t3_break=14), 4, tmp_path, applicants=6)
    assert s.wrong == s.unnamed == 0 and s.blank <= 7, (str(s), s.wrong_cells[:4])


def test_a_row_printed_empty_does_not_take_the_figures_of_a_row_not_found(tmp_path):
    layout = Layout(landscape=True, wrap_labels=True, top_totals=True, zeros="", t3_break=20)
    s = _read_back(layout, 24, tmp_path)
    assert s.wrong == s.unnamed == 0, (str(s), s.wrong_cells[:4])


def test_a_figure_alone_whose_row_does_not_add_up_stays_blank(tmp_path):
    rng = random.Random(0)
    report = consistent_report(rng, maxv=30, sparse=True, applicants=6)
    lone = [r for r in S.T3_LEAF_ROWS
            if sum(report.cells[S.t3(r, c)] != 0 for c in S.T3_PART_COLS) == 1 and len(S.T3_ROW_LABEL[r]) > 8]
    assert lone
    rid = lone[0]
    report.cells[S.t3(rid, "tot")] += 1  # the source's own slip: its 总计 one more than its one figure
    path = tmp_path / "slip.pdf"
    draw_report(report, _TEMPLATE, path, rng)
    res = read_report(path)
    named = {c for p in res.problems for c in p.cells}
    cells = S.t3_row_cells(rid)
    assert all(res.report.cells.get(c) is None for c in cells[:-1]), [res.report.cells.get(c) for c in cells]
    assert set(cells[:-1]) <= named
