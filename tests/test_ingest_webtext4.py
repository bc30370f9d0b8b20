"""Web pages as text, the shapes and labels a fourth, held-out set of published reports showed (湖南, 吉林, 海南,
浙江, 云南 and others, 2019–2025): the readers took every figure of them, so these tests hold that reading.

- Each cell a paragraph of its own, a blank line between, no bar at all: merged places leave nothing and an
  empty cell only one more blank line, which places no figure (a row short of figures stays blank, named).
- The form's words as some pages print them: 「第二十条  第(一)项」 with spaces inside, 「本年 制发件数」 broken by
  a space, a header cut short (「现行有效件」), 「规范性文件」 for 「行政规范性文件」.
- 「| 规章 | 0 | 0 | |」: a row whose last cell is empty keeps that cell blank; the notes now name it, as they
  name 表三's (表二 and 表四 left such a cell blank unnamed).

Reports come from tests/factories through the grids and shapes of tests/test_ingest_webtext.py; every cell
must read back exactly, and what is not read is blank and named, never a wrong figure.
"""
from __future__ import annotations

import pytest

from ingest import read_text
from model import schema as S
from tests.test_ingest_webtext import COL, EMPTY, ROW, _page, _report, _t2_grid, _t3_grid, _t4_grid, _table_cells
from tests.test_ingest_webtext2 import ALL_SHAPES, assert_cut_in_table_three_reads_no_wrong_figure


def paragraphs(grid) -> list[str]:
    """Each cell a paragraph with a blank line after it; merged places leave nothing, an empty cell a blank line."""
    out = []
    for row in grid:
        for cell in row:
            if cell not in (COL, ROW):
                out.extend([cell.replace("\n", ""), ""])
    return out


def _printed_in_full(rep, shape) -> str:
    """The page with every cell printed (the zeros an agency would leave empty written as 0)."""
    def full(grid):
        return [[("0" if c == EMPTY else c) for c in row] for row in grid]
    text = _page(rep, shape, full(_t2_grid(rep)))
    for grid in (_t3_grid(rep), _t4_grid(rep)):
        text = text.replace("\n".join(shape(grid)), "\n".join(shape(full(grid))))
    return text


def test_the_paragraph_pages_print_no_bar_and_the_full_ones_no_empty_cell():
    """(else the tests below would prove nothing about the shape)"""
    rep = _report(0)
    page = _page(rep, paragraphs)
    assert "|" not in page and "\n\n\n\n" in page  # empty cells are blank lines
    full = _printed_in_full(rep, paragraphs)
    assert "\n\n\n\n" not in full.split("三、收到和处理")[1]


@pytest.mark.parametrize("seed", range(4))
def test_every_cell_reads_back_from_paragraphs(seed):
    rep = _report(seed)
    result = read_text(_printed_in_full(rep, paragraphs))
    want = _table_cells(rep)
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()
    assert set(result.report.headings) == {s.id for s in S.SECTIONS}


@pytest.mark.parametrize("seed", range(3))
def test_paragraphs_with_empty_cells_give_no_wrong_figure(seed):
    """The agencies' empty cells as blank lines only: a row short of figures stays blank and is named."""
    rep = _report(seed)
    result = read_text(_page(rep, paragraphs))
    got = _table_cells(result.report)
    want = _table_cells(rep)
    assert {c: got[c] for c in got} == {c: want[c] for c in got}
    assert all(c in got for c in want if c.startswith(("t2.", "t4.")))
    named = {c for p in result.problems for c in p.cells}
    assert all(c in got or c in named for c in want if c.startswith("t3."))
    assert sum(c.startswith("t3.") for c in got) >= 7 * 8  # the rows printed in full are read


@pytest.mark.parametrize("cut", [0.3, 0.55, 0.8])
def test_paragraphs_cut_off_in_table_three_give_no_wrong_figure(cut):
    rep = _report(1)
    assert_cut_in_table_three_reads_no_wrong_figure(rep, _printed_in_full(rep, paragraphs),
                                                    ("三、收到和处理", "四、政府信息公开行政复议"), cut)


def _t2_as_printed(rep, variant: str) -> list[list[str]]:
    """Table 二 with the form's words as the held-out pages printed them."""
    grid = _t2_grid(rep)
    for row in grid:
        if variant == "spaced_heading" and row[0].startswith("第二十条第"):
            row[0] = row[0].replace("第二十条第", "第二十条  第")
        if variant == "spaced_header":
            row[1:] = [c.replace("本年制发件数", "本年 制发件数").replace("本年废止件数", "本年 废止件数") for c in row[1:]]
        if variant == "cut_header":
            row[1:] = [c.replace("现行有效件数", "现行有效件") for c in row[1:]]
        if variant == "short_label" and row[0] == "行政规范性文件":
            row[0] = "规范性文件"
    return grid


SHAPES = {**ALL_SHAPES, "paragraphs": paragraphs}


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("variant", ["spaced_heading", "spaced_header", "cut_header", "short_label"])
def test_table_two_reads_back_with_the_words_as_pages_print_them(shape, variant):
    rep = _report(2)
    result = read_text(_page(rep, SHAPES[shape], _t2_as_printed(rep, variant)))
    want = {c: v for c, v in _table_cells(rep).items() if c.startswith("t2.")}
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()


@pytest.mark.parametrize("shape", ["rows", "markdown"])
def test_a_row_whose_last_cell_is_empty_keeps_it_blank_and_named(shape):
    """「| 规章 | 0 | 0 | |」: 现行有效件数 is not printed; it is not taken from the next row, and the notes
    name it (as they name 表三's empty cells)."""
    rep = _report(0)
    grid = _t2_grid(rep)
    at = next(i for i, row in enumerate(grid) if row[0] == "规章")
    grid[at][3] = EMPTY
    result = read_text(_page(rep, SHAPES[shape], grid))
    got = result.report.cells
    assert "t2.rules.in_force" not in got
    assert [got.get(S.t2("rules", c)) for c in ("issued", "repealed")] == [rep.cells[S.t2("rules", c)]
                                                                        for c in ("issued", "repealed")]
    assert all(got.get(S.t2("normative", c)) == rep.cells[S.t2("normative", c)]
               for c in ("issued", "repealed", "in_force"))
    assert any("t2.rules.in_force" in p.cells for p in result.problems)


@pytest.mark.parametrize("shape", ["terminated", "rows"])
def test_table_four_s_empty_cells_that_nothing_fills_are_named(shape):
    """「| 1 | | | | 2 |」 for 直接起诉: the printed figures fall short of 总计, so the empty cells stay blank, and
    the notes name them."""
    rep = _report(3)
    rep.cells.update({S.t4("direct", "upheld"): 1, S.t4("direct", "tot"): 2})
    for c in ("corrected", "other", "pending"):
        rep.cells.pop(S.t4("direct", c), None)
    result = read_text(_page(rep, SHAPES[shape]))
    gaps = [S.t4("direct", c) for c in ("corrected", "other", "pending")]
    assert not any(c in result.report.cells for c in gaps)
    assert any(set(gaps) <= set(p.cells) and "空白" in p.message for p in result.problems)


def test_table_two_s_empty_cells_in_several_rows_are_named_in_one_note():
    rep = _report(0)
    grid = _t2_grid(rep)
    for label, col in (("规章", 3), ("行政规范性文件", 1)):
        grid[next(i for i, row in enumerate(grid) if row[0] == label)][col] = EMPTY
    result = read_text(_page(rep, SHAPES["rows"], grid))
    notes = [p for p in result.problems if p.message.startswith("表二") and "空白" in p.message]
    assert len(notes) == 1 and set(notes[0].cells) == {"t2.rules.in_force", "t2.normative.issued"}
    assert not {"t2.rules.in_force", "t2.normative.issued"} & set(result.report.cells)
