"""Web pages as text, the shapes and words a sixth, held-out set of published reports showed (towns, 街道,
园区, 国资委, 信访局, 气象局, schools' and transport bureaus' pages from 江苏, 重庆, 陕西, 湖南, 黑龙江, 云南,
山东, 贵州, 天津 and others, 2019–2025; 33 pages, most of them cut short after table 二 or early in table 三):
no figure was read wrong; 9 of the 430 cells a clerk reads without doubt were left blank (named), and these
tests hold them now read.

- Table 二 printed half in the 2019 trial form: 「第二十条第(一)项」 under 「本年新 | 本年新 | 对外公开总数量」 but
  「第二十条第(八)项」 under the 2021 header 「本年收费金额(单位:万元)」.  The whole table was taken as the 2019
  form and 行政事业性收费's amount left blank; the fee row's own header now decides (its 2019 header
  「上一年项目数量 | 本年增/减」 still leaves it blank).
- A long label with one character wrong, 「行政事业型收费」: the row was not found; it is read with a label note.
  Four-character labels (「行政许可」 「行政处罚」) are still only taken as printed.
- Table 三 with a group's rows printed without their own labels (「（二）部分公开… | 0 |…| （三）不予公开 | 0 | 0 | …」
  and no 「1.属于国家秘密」): the row above ran on into the group's figures (70 for 7) and was left blank.  A group
  label printed after a row's figures now ends that row; the group's rows stay blank and named.
- Held as they read: each row led by a line 「| 」 and its cells indented, padded and ended by 「  | 」; rows
  ended by bars where the table had a fifth, empty column (「规章 | 0 | 0 | 0 | |」); table 三's 「总计」 printed in
  the third header row after 「其他」, its place in the second row left empty.

Reports come from tests/factories through the grids and shapes of tests/test_ingest_webtext.py; every cell
must read back exactly, and what is not read is blank and named, never a wrong figure.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from ingest import read_text
from model import schema as S
from tests.test_ingest_webtext import COL, EMPTY, ROW, SHAPES, _page, _report, _t2_grid, _t3_grid, _table_cells
from tests.test_ingest_webtext5 import NEW_SHAPES as FIFTH_SHAPES


def padded_bar_led(grid) -> list[str]:
    """Each row led by a line 「| 」; each cell on its own line, indented by a space and ended by 「  | 」; the
    places a merged cell spans as bars on the row's last line."""
    out = []
    for row in grid:
        out.append("| ")
        cells = [c.replace("\n", "") for c in row if c not in (COL, ROW)]
        for k, cell in enumerate(cells):
            line = f" {cell}  | " if cell else "| "
            if k == len(cells) - 1 and row.count(COL):
                line += "|" * row.count(COL)
            out.append(line)
    return out


def rows_with_trailing_bars(grid) -> list[str]:
    """A row per line ending in the bars of the places merged to its right and one more for an empty last
    column (「规章 | 0 | 0 | 0 | |」)."""
    out = []
    for row in grid:
        cells = ["" if c == ROW else c.replace("\n", " ") for c in row if c != COL]
        out.append(" | ".join(cells) + " | " + "|" * (row.count(COL) + 1))
    return out


NEW_SHAPES = {"padded_bar_led": padded_bar_led, "trailing_bars": rows_with_trailing_bars}
ALL = {**SHAPES, **FIFTH_SHAPES, **NEW_SHAPES}


def _full(grid) -> list[list[str]]:
    return [[("0" if c == EMPTY else c) for c in row] for row in grid]


def _printed_in_full(rep, shape, t2_grid=None) -> str:
    text = _page(rep, shape, _full(t2_grid or _t2_grid(rep)))
    grid = _t3_grid(rep)
    return text.replace("\n".join(shape(grid)), "\n".join(shape(_full(grid))))


def _t3_total_in_third_row(rep) -> list[list[str]]:
    """「总计」 printed after 「其他」 in the third header row, its place in the second row empty."""
    grid = _t3_grid(rep)
    grid[1][-1] = EMPTY
    grid[2][-1] = "总计"
    return grid


def _t2_first_block_2019(rep) -> list[list[str]]:
    """第二十条第(一)项 in the 2019 trial form's columns (its figures are not the 2021 form's); the rest 2021."""
    grid = _full(_t2_grid(rep))
    at = next(i for i, row in enumerate(grid) if row[0] == S.T2_CONTENT_LABEL)
    grid[at] = [S.T2_CONTENT_LABEL, "本年新", "本年新", "对外公开总数量"]
    return grid


def _t2_fees_2019(grid) -> list[list[str]]:
    """The fee block in the 2019 form too: 「上一年项目数量 | 本年增/减」 and two counts."""
    at = next(i for i, row in enumerate(grid) if row[0] == "行政事业性收费")
    grid[at - 1] = [S.T2_CONTENT_LABEL, "上一年项目数量", "本年增/减", COL]
    grid[at] = ["行政事业性收费", "3", "1", COL]
    return grid


def _t2_misspelt(rep, wrong: str, right: str) -> list[list[str]]:
    grid = _full(_t2_grid(rep))
    for row in grid:
        if row[0] == right:
            row[0] = wrong
    return grid


FEES = S.t2("fees", "amount")
RULES_AND_NORMATIVE = tuple(S.t2(r, c) for r in ("rules", "normative") for c in ("issued", "repealed", "in_force"))


def test_the_shapes_print_what_the_pages_printed():
    """(else the tests below would prove nothing about these layouts)"""
    rep = _report(0)
    padded = _page(rep, padded_bar_led)
    assert "\n| \n 规章  | \n" in padded and "  | |||\n" in padded
    lines = _printed_in_full(rep, rows_with_trailing_bars).split("\n")
    assert any(line.startswith("规章 | ") and line.endswith(" | |") and line.count("|") == 5 for line in lines)
    moved = "\n".join(SHAPES["rows"](_t3_total_in_third_row(rep)))
    assert "其他 | 总计 |" in moved
    hybrid = _page(rep, SHAPES["rows"], _t2_first_block_2019(rep))
    assert "对外公开总数量" in hybrid and "本年收费金额" in hybrid


@pytest.mark.parametrize("shape", NEW_SHAPES, ids=str)
@pytest.mark.parametrize("seed", range(3))
def test_every_cell_reads_back(shape, seed):
    rep = _report(seed)
    result = read_text(_printed_in_full(rep, NEW_SHAPES[shape]))
    want = _table_cells(rep)
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()


@pytest.mark.parametrize("shape", ["rows", "markdown", "terminated", "separated", "trailing_bars"])
def test_table_three_with_its_total_in_the_third_header_row_reads_back(shape):
    rep = _report(1)
    page = _page(rep, ALL[shape], _full(_t2_grid(rep)))
    page = page.replace("\n".join(ALL[shape](_t3_grid(rep))), "\n".join(ALL[shape](_full(_t3_total_in_third_row(rep)))))
    result = read_text(page)
    want = {c: v for c, v in _table_cells(rep).items() if c.startswith("t3.")}
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()


@pytest.mark.parametrize("shape", ALL, ids=str)
def test_the_fee_under_the_2021_header_is_read_when_the_first_block_is_2019(shape):
    """The 2019 block stays blank and named; the fee row under 「本年收费金额」 is read."""
    rep = _report(2)
    rep.cells[FEES] = Decimal("12.5")
    result = read_text(_page(rep, ALL[shape], _t2_first_block_2019(rep)))
    got = result.report.cells
    assert got.get(FEES) == Decimal("12.5"), result.summary()
    assert not any(c in got for c in RULES_AND_NORMATIVE)
    assert set(RULES_AND_NORMATIVE) <= {c for p in result.problems for c in p.cells}
    for rid in ("license", "penalty", "coercion"):
        assert got.get(S.t2(rid, "decisions")) == rep.cells[S.t2(rid, "decisions")]


@pytest.mark.parametrize("shape", ["rows", "markdown", "terminated", "separated"])
def test_the_fee_under_the_2019_header_stays_blank_and_named(shape):
    """「上一年项目数量 | 本年增/减」: neither figure is an amount."""
    rep = _report(2)
    result = read_text(_page(rep, ALL[shape], _t2_fees_2019(_t2_first_block_2019(rep))))
    assert FEES not in result.report.cells
    assert FEES in {c for p in result.problems for c in p.cells}


@pytest.mark.parametrize("shape", ALL, ids=str)
def test_a_long_label_with_one_character_wrong_is_read_with_a_note(shape):
    rep = _report(1)
    rep.cells[FEES] = Decimal("3.2")
    result = read_text(_page(rep, ALL[shape], _t2_misspelt(rep, "行政事业型收费", "行政事业性收费")))
    assert result.report.cells.get(FEES) == Decimal("3.2"), result.summary()
    assert any(FEES in cells and "行政事业型收费" in msg for _, cells, msg in result.report.import_notes)


@pytest.mark.parametrize("wrong", ["行政许认", "行政外罚"])
def test_a_short_label_with_one_character_wrong_is_not_guessed(wrong):
    """Four characters, one wrong: which row it is not certain enough; blank and named."""
    rep = _report(1)
    right = "行政许可" if wrong == "行政许认" else "行政处罚"
    cell = S.t2("license" if right == "行政许可" else "penalty", "decisions")
    result = read_text(_page(rep, SHAPES["rows"], _t2_misspelt(rep, wrong, right)))
    assert cell not in result.report.cells
    assert cell in {c for p in result.problems for c in p.cells}


@pytest.mark.parametrize("shape", NEW_SHAPES, ids=str)
@pytest.mark.parametrize("seed", range(3))
def test_every_cell_reads_back_where_agencies_leave_zeros_empty(shape, seed):
    """Both layouts mark an empty cell (a line 「| 」, a bar between bars): the row keeps its columns."""
    rep = _report(seed)
    result = read_text(_page(rep, NEW_SHAPES[shape]))
    want = _table_cells(rep)
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()


def _t3_group_without_row_labels(rep, gid: str) -> list[list[str]]:
    """Table 三 with one group's rows printed without their own labels: the group label, then their figures."""
    grid = _full(_t3_grid(rep))
    labels = {label for _, label in S.T3_GROUPS[gid].rows}
    for row in grid:
        if len(row) > 2 and row[2] in labels:
            row[2] = COL
    return grid


@pytest.mark.parametrize("shape", ["terminated", "separated", "rows", "markdown", "bars_on_the_last_cell", "tabbed",
                                   "padded_bar_led"])
@pytest.mark.parametrize("gid", ["r3_3", "r3_5"])
def test_a_group_whose_rows_print_no_labels_leaves_the_row_above_its_figures(shape, gid):
    """「（二）部分公开 | 0 |…| 0 | （三）不予公开 | 0 | 0 | …」 with no 「1.属于国家秘密」: the group label ends the row
    above (it was left blank, its seven figures run into the group's); the group's rows stay blank and named."""
    rep = _report(2)
    page = _page(rep, ALL[shape], _full(_t2_grid(rep)))
    page = page.replace("\n".join(ALL[shape](_t3_grid(rep))), "\n".join(ALL[shape](_t3_group_without_row_labels(rep, gid))))
    result = read_text(page)
    got, want = result.report.cells, _table_cells(rep)
    above = S.T3_ROW_IDS[S.T3_ROW_IDS.index(S.T3_GROUPS[gid].rows[0][0]) - 1]
    assert {c: got.get(c) for c in S.t3_row_cells(above)} == {c: want[c] for c in S.t3_row_cells(above)}, result.summary()
    assert {c: got[c] for c in got if c.startswith("t3.")} == {c: want[c] for c in got if c.startswith("t3.")}
    named = {c for p in result.problems for c in p.cells}
    group_cells = [c for r, _ in S.T3_GROUPS[gid].rows for c in S.t3_row_cells(r)]
    assert all(c in named for c in group_cells if c not in got)


@pytest.mark.parametrize("shape", ALL, ids=str)
@pytest.mark.parametrize("cut", [5, 12, 20, 26])
def test_table_three_split_by_a_page_break_with_its_header_repeated_reads_back(shape, cut):
    """A page break inside table 三 that prints the three header rows again (none of the 33 pages had one; the
    brief names it a weak spot): every cell still reads back."""
    rep = _report(3)
    grid = _full(_t3_grid(rep))
    page = _page(rep, ALL[shape], _full(_t2_grid(rep)))
    page = page.replace("\n".join(ALL[shape](_t3_grid(rep))), "\n".join(ALL[shape](grid[:cut] + grid[:3] + grid[cut:])))
    assert page.count("申请人情况") == 2
    result = read_text(page)
    want = {c: v for c, v in _table_cells(rep).items() if c.startswith("t3.")}
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()
