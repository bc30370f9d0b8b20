"""Web pages as text, the shapes and words a fifth, held-out set of published reports showed (湖北, 吉林, 陕西,
广东, 江西, 辽宁, 内蒙古 and others, 2020–2025): of 30 pages no figure was read wrong; these tests hold the
layouts met there and the two that left cells blank which a clerk reads without doubt.

- Each row led by a lone 「|」 line, its cells one per line ending in 「 |」, and the places a merged cell spans
  as bars on the last cell's own line (「行政许可 |」「0 | ||」): the run of cells broke at that line, and a
  row's empty cells (lone 「|」 lines) were lost, so the row came out short and blank.
- A table copied with tabs between cells, the places a merged cell covers above given as leading tabs
  (「\\t\\t2.其他法律行政法规禁止公开\\t4\\t\\t\\t\\t\\t\\t4」): such a line was not taken as a row, its empty cells
  were lost, and the row was left blank.
- 「规章」 printed with its label cell empty: three figures under 「现行有效件数」 right before 「行政规范性文件」
  are the form's first row (read, with a note); with a blank among them the row stays blank and named.
- Held as they read: a header cell wrapped onto a second row of its own (「商业 | 科研 |」 then 「企业 | 机构 |」),
  each cell a paragraph with figures indented by spaces, 「第二十条第」 with the item left out, 「第二十条(一)项」,
  「本年收费金额单位:万元」, 「现行有效件数 (历史累计)」, and cells run together with no separator
  (「规章000」), where what cannot be split for certain is blank and named.

Reports come from tests/factories through the grids and shapes of tests/test_ingest_webtext.py; every cell
must read back exactly, and what is not read is blank and named, never a wrong figure.
"""
from __future__ import annotations

import pytest

from ingest import read_text
from model import schema as S
from tests.test_ingest_webtext import COL, EMPTY, ROW, _page, _report, _t2_grid, _t3_grid, _t4_grid, _table_cells
from tests.test_ingest_webtext4 import SHAPES as EARLIER_SHAPES


def bars_on_the_last_cell(grid) -> list[str]:
    """Each row led by a lone 「|」 line, its cells one per line ending in 「 |」 (an empty cell a lone 「|」), the
    places the row's merged cells span as bars on its last cell's line."""
    out = []
    for row in grid:
        out.append("|")
        cells = [c.replace("\n", " ") for c in row if c not in (COL, ROW)]
        for k, cell in enumerate(cells):
            line = f"{cell} |" if cell else "|"
            if k == len(cells) - 1 and row.count(COL):
                line += " " + "|" * row.count(COL)
            out.append(line)
    return out


def tabbed(grid) -> list[str]:
    """A row per line, cells separated by tabs; an empty cell and a place covered from above are empty
    cells, places covered from the left are left out."""
    return ["\t".join("" if c == ROW else c.replace("\n", "") for c in row if c != COL) for row in grid]


def wrapped_header_rows(grid) -> list[str]:
    """A row per line (「规章 | 0 | 0 | 0 |」); a row whose cells wrap their words prints the second halves as a
    row of their own (「商业 | 科研 | … |」 then 「企业 | 机构 |」)."""
    out = []
    for row in grid:
        cells = ["" if c == ROW else c for c in row if c != COL]
        if any("\n" in c for c in cells):
            out.append(" | ".join(c.split("\n")[0] for c in cells if c) + " |")
            out.append(" | ".join(c.split("\n")[1] for c in cells if "\n" in c) + " |")
            continue
        line = " | ".join(cells) + " |"
        out.append(("| " + line) if not cells[0] else line)
    return out


def indented_paragraphs(grid) -> list[str]:
    """Each cell a paragraph, a blank line after it; figures indented by one or two spaces."""
    out = []
    for row in grid:
        for k, cell in enumerate(c for c in row if c not in (COL, ROW)):
            text = cell.replace("\n", "")
            out.extend([(" " * (1 + k % 2) + text) if text.isdigit() else text, ""])
    return out


def run_together(grid) -> list[str]:
    """A row per line, its cells run together with no separator (「规章000」)."""
    return ["    " + "".join("" if c == ROW else c.replace("\n", "") for c in row if c != COL) for row in grid]


NEW_SHAPES = {"bars_on_the_last_cell": bars_on_the_last_cell, "tabbed": tabbed, "wrapped_rows": wrapped_header_rows,
              "indented_paragraphs": indented_paragraphs}


def _full(grid) -> list[list[str]]:
    return [[("0" if c == EMPTY else c) for c in row] for row in grid]


def _printed_in_full(rep, shape) -> str:
    """The page with every cell printed (the zeros an agency would leave empty written as 0)."""
    text = _page(rep, shape, _full(_t2_grid(rep)))
    for grid in (_t3_grid(rep), _t4_grid(rep)):
        text = text.replace("\n".join(shape(grid)), "\n".join(shape(_full(grid))))
    return text


def _assert_no_wrong_figure(rep, result) -> None:
    got, want = _table_cells(result.report), _table_cells(rep)
    assert {c: got[c] for c in got} == {c: want[c] for c in got}, result.summary()
    named = {c for p in result.problems for c in p.cells}
    assert all(c in got or c in named for c in want), [c for c in want if c not in got and c not in named]


def test_the_shapes_print_what_the_pages_printed():
    """(else the tests below would prove nothing about these layouts)"""
    rep = _report(0)
    bars = _page(rep, bars_on_the_last_cell)
    assert "\n行政许可 |\n" in bars and "| ||\n" in bars and "\n|\n|\n" in bars
    tabs = _page(rep, tabbed)
    assert any(line.startswith("\t\t") and line.count("\t") > 8 for line in tabs.split("\n"))
    assert "\t\t\t" in tabs  # empty cells
    wrapped = _page(rep, wrapped_header_rows)
    assert "\n企业 | 机构 |\n" in wrapped
    assert "\n 0\n" in _page(rep, indented_paragraphs) or "\n  0\n" in _page(rep, indented_paragraphs)
    assert "规章" + "".join(str(rep.cells[S.t2("rules", c)]) for c in ("issued", "repealed", "in_force")) in \
        _page(rep, run_together)


@pytest.mark.parametrize("shape", NEW_SHAPES, ids=str)
@pytest.mark.parametrize("seed", range(3))
def test_every_cell_reads_back(shape, seed):
    rep = _report(seed)
    result = read_text(_printed_in_full(rep, NEW_SHAPES[shape]))
    want = _table_cells(rep)
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()


@pytest.mark.parametrize("shape", ["bars_on_the_last_cell", "tabbed", "wrapped_rows"])
@pytest.mark.parametrize("seed", range(3))
def test_every_cell_reads_back_where_agencies_leave_zeros_empty(shape, seed):
    """These layouts mark an empty cell (a lone 「|」, a tab between tabs): the row keeps its columns, and the
    法人或其他组织 cells of a row whose 自然人 is its 总计 are 0, as in the earlier layouts."""
    rep = _report(seed)
    result = read_text(_page(rep, NEW_SHAPES[shape]))
    want = _table_cells(rep)
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()


@pytest.mark.parametrize("seed", range(3))
def test_paragraphs_with_empty_cells_give_no_wrong_figure(seed):
    """An empty cell printed as nothing at all: a row short of figures stays blank and is named."""
    rep = _report(seed)
    _assert_no_wrong_figure(rep, read_text(_page(rep, indented_paragraphs)))


@pytest.mark.parametrize("seed", range(3))
def test_cells_run_together_give_no_wrong_figure(seed):
    """「规章3213」: what the form's identities cannot split for certain is blank and named."""
    rep = _report(seed)
    result = read_text(_printed_in_full(rep, run_together))
    _assert_no_wrong_figure(rep, result)
    assert sum(c.startswith("t3.") for c in _table_cells(result.report)) == len(S.T3_ROW_IDS) * 7


def _t2_worded(rep, variant: str) -> list[list[str]]:
    """Table 二 with the words as the held-out pages printed them."""
    grid = _t2_grid(rep)
    for row in grid:
        if variant == "item_left_out" and row[0].startswith("第二十条第"):
            row[0] = "第二十条第"
        if variant == "no_second_di" and row[0].startswith("第二十条第"):
            row[0] = row[0].replace("第二十条第", "第二十条")
        row[1:] = [c.replace("本年收费金额（单位：万元）", "本年收费金额单位:万元") if variant == "fee_unit_bare" else c
                   for c in row[1:]]
        if variant == "cumulative":
            row[1:] = [c.replace("现行有效件数", "现行有效件数 (历史累计)") for c in row[1:]]
    return grid


@pytest.mark.parametrize("shape", {**EARLIER_SHAPES, **NEW_SHAPES}, ids=str)
@pytest.mark.parametrize("variant", ["item_left_out", "no_second_di", "fee_unit_bare", "cumulative"])
def test_table_two_reads_back_with_the_words_as_pages_print_them(shape, variant):
    rep = _report(2)
    shapes = {**EARLIER_SHAPES, **NEW_SHAPES}
    grid = _t2_worded(rep, variant)
    assert grid != _t2_grid(rep)
    result = read_text(_page(rep, shapes[shape], _full(grid)))
    want = {c: v for c, v in _table_cells(rep).items() if c.startswith("t2.")}
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()


RULES = tuple(S.t2("rules", c) for c in ("issued", "repealed", "in_force"))


def _rules_row_unlabelled(rep) -> tuple[list, int]:
    """Table 二's grid with the 规章 row's label left out, and where that row is."""
    grid = _full(_t2_grid(rep))
    at = next(i for i, row in enumerate(grid) if row[0] == "规章")
    grid[at][0] = EMPTY
    return grid, at


@pytest.mark.parametrize("shape", {**EARLIER_SHAPES, **NEW_SHAPES}, ids=str)
def test_the_rules_row_printed_without_its_label_is_read_with_a_note(shape):
    rep = _report(1)
    grid, _ = _rules_row_unlabelled(rep)
    result = read_text(_page(rep, {**EARLIER_SHAPES, **NEW_SHAPES}[shape], grid))
    want = {c: v for c, v in _table_cells(rep).items() if c.startswith("t2.")}
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()
    assert any(set(RULES) <= set(p.cells) and "规章" in p.message for p in result.problems)


@pytest.mark.parametrize("shape", ["rows", "markdown", "tabbed"])
def test_the_unlabelled_rules_row_with_an_empty_cell_stays_blank_and_named(shape):
    """「| | 5 | | 7 |」: two figures for three columns; which is which is not known."""
    rep = _report(1)
    grid, at = _rules_row_unlabelled(rep)
    grid[at][2] = EMPTY
    result = read_text(_page(rep, {**EARLIER_SHAPES, **NEW_SHAPES}[shape], grid))
    got = result.report.cells
    assert not any(c in got for c in RULES)
    named = {c for p in result.problems for c in p.cells}
    assert set(RULES) <= named
    assert all(got.get(S.t2("normative", c)) == rep.cells[S.t2("normative", c)]
               for c in ("issued", "repealed", "in_force"))


def test_words_between_the_header_and_the_figures_leave_the_rules_row_blank():
    """Three figures after the header but with words of their own (a line of prose, another row's label)
    are not an unlabelled 规章 row."""
    rep = _report(1)
    grid = _full(_t2_grid(rep))
    at = next(i for i, row in enumerate(grid) if row[0] == "规章")
    grid[at][0] = "其他文件"
    result = read_text(_page(rep, EARLIER_SHAPES["rows"], grid))
    assert not any(c in result.report.cells for c in RULES)
    assert set(RULES) <= {c for p in result.problems for c in p.cells}
