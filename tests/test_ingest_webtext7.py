"""Web pages as text, the shapes a seventh, held-out set of published reports showed (towns, 街道, 园区,
统计局, 卫生健康局, 教育局, 审计局, 司法局, 交通运输局 and 开发区 pages from 陕西, 广东, 吉林, 浙江, 四川, 河北,
天津, 湖北, 海南, 重庆, 江苏 and others, 2019–2025; 43 pages, most of them cut short in table 二 or early in
table 三, 16 of them in the 2019 trial form).  No figure was read wrong.  Of the first 34, 14 of the 504 cells a
clerk reads without doubt were left blank (named); of the last 9, kept unseen until the end, 2 of 202 (named).
These tests hold them now read.

- Each cell a paragraph with one blank line between, no bar at all, and an empty cell only one more blank line
  (「一、本年新收政府信息公开申请数量」, seven blank lines, 「0」: six empty cells, then 总计): the figure could not
  be placed and the row was left blank.  Where one blank line between cells is the rule and some gaps are
  longer, each blank line more is an empty cell (ingest/readers/cellines.py, 「gapped」).  Text of a PDF has
  blank lines between cells too, but also lines side by side and page numbers: such a run is not taken; a
  page with two blank lines for an empty cell (tests/test_ingest_webtext4.py) gives rows too long, still
  blank and named.
- The last 9: 「行政處罰 | 0 | 0 | 0」 under the 2021 header 「本年處理決定數量」 (the 2019 form's three cells kept):
  whichever is the count, it is 0; read with a note.  Any other figure, or an empty cell among them, leaves
  the row blank and named.
- Held as they read: each cell on a line with a line 「|」 after it and each row ended by a line of bars
  (「||」, 「|||||」 after a block's heading); table 二 with no 「第二十条第(一)项」 line above its header; a fee of
  six decimals (「190.457379」); a row of table 三 cut after six of its seven figures (blank and named); table
  四 from a page-turning viewer's text of a PDF, its header one character per line and its fifteen figures
  on one line, and 「四、结转下年度继续办理」 with its seven figures on its line.
- Left as they are: table 二's 第(一)项 in the 2019 trial form (「本年新制作数量 | 本年新公开数量 |
  对外公开总数量」) is not the 2021 form's 制发 / 废止 / 现行有效 and stays blank with its note; rows whose empty
  cells a page drops altogether (「规章」 then one 「0」 under three columns) stay blank and named.

Reports come from tests/factories through the grids and shapes of tests/test_ingest_webtext.py; every cell
must read back exactly, and what is not read is blank and named, never a wrong figure.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from ingest import read_text
from model import schema as S
from tests.test_ingest_webtext import (
    COL,
    EMPTY,
    ROW,
    SHAPES,
    _page,
    _report,
    _t2_grid,
    _t3_grid,
    _t4_grid,
    _table_cells,
)
from tests.test_ingest_webtext2 import assert_cut_in_table_three_reads_no_wrong_figure, traditional
from tests.test_ingest_webtext4 import paragraphs


def gapped(grid) -> list[str]:
    """Each cell a paragraph with a blank line after it, an empty cell only a blank line; merged places leave
    nothing."""
    out = []
    for row in grid:
        for cell in row:
            if cell not in (COL, ROW):
                out.extend([cell.replace("\n", ""), ""] if cell else [""])
    return out


def separated_with_row_bars(grid) -> list[str]:
    """Each cell on its own line with a line 「|」 after it, each row ended by a line of bars: two, and one more
    for each place merged into the row's cells (「|||||」 after 「第二十条第(一)项」)."""
    out = []
    for row in grid:
        for cell in row:
            if cell not in (COL, ROW):
                out.extend([cell.replace("\n", ""), "|"] if cell else ["|"])
        out.append("|" * (row.count(COL) + 2))
    return out


def _full(grid) -> list[list[str]]:
    return [[("0" if c == EMPTY else c) for c in row] for row in grid]


def _printed_in_full(rep, shape) -> str:
    text = _page(rep, shape, _full(_t2_grid(rep)))
    for grid in (_t3_grid(rep), _t4_grid(rep)):
        text = text.replace("\n".join(shape(grid)), "\n".join(shape(_full(grid))))
    return text



def _assert_reads_back(rep, page: str):
    """The page read as the program does; every table cell of the report read back exactly."""
    result = read_text(page)
    want = _table_cells(rep)
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()
    return result

def test_the_shapes_print_what_the_pages_printed():
    """(else the tests below would prove nothing about these layouts)"""
    rep = _report(0)
    page = _page(rep, gapped)
    assert "|" not in page
    row = next(r for r in S.T3_LEAF_ROWS if not any(rep.cells[S.t3(r, c)] for c in S.T3_PART_COLS[1:]))
    label = S.T3_ROW_LABEL[row]
    natural = rep.cells[S.t3(row, "np")]
    assert f"{label}\n\n{natural}\n\n\n\n\n\n\n{natural}\n\n" in page  # 自然人, five empty cells, 总计
    bars = _page(rep, separated_with_row_bars, _full(_t2_grid(rep)))
    issued = rep.cells[S.t2("rules", "issued")]
    assert "\n第二十条第(一)项\n|\n|||||\n信息内容\n|\n" in bars and f"\n规章\n|\n{issued}\n|\n" in bars


@pytest.mark.parametrize("seed", range(4))
def test_every_cell_reads_back_from_gapped_paragraphs(seed):
    rep = _report(seed)
    result = _assert_reads_back(rep, _printed_in_full(rep, gapped))
    assert set(result.report.headings) == {s.id for s in S.SECTIONS}


@pytest.mark.parametrize("seed", range(4))
def test_every_cell_reads_back_where_agencies_leave_zeros_empty(seed):
    """Each blank line more than the one between cells is an empty cell: the row keeps its columns, and the
    empty 法人或其他组织 cells of a row whose 自然人 makes its 总计 are 0 as in the other shapes."""
    rep = _report(seed)
    _assert_reads_back(rep, _page(rep, gapped))


@pytest.mark.parametrize("seed", range(2))
def test_every_cell_reads_back_from_gapped_paragraphs_in_traditional_characters(seed):
    """「第二十條第（一）項」「本列數據的勾稽關係」: the tables start where they do in simplified characters."""
    rep = _report(seed)
    _assert_reads_back(rep, traditional(_page(rep, gapped)))


def test_a_row_printing_only_its_total_reads_as_on_the_page():
    """The page met: 「一、本年新收政府信息公开申请数量」, six empty cells, 「0」."""
    rep = _report(1)
    grid = _t3_grid(rep)
    r1 = next(i for i, row in enumerate(grid) if row[0] == S.T3_ROW_LABEL["r1"])
    for col in S.T3_COL_IDS:
        rep.cells[S.t3("r1", col)] = 0
    grid[r1] = grid[r1][:3] + [EMPTY] * 6 + ["0"]
    page = _page(rep, gapped).replace("\n".join(gapped(_t3_grid(rep))), "\n".join(gapped(grid)))
    assert f"{S.T3_ROW_LABEL['r1']}\n\n\n\n\n\n\n\n0\n" in page
    result = read_text(page)
    assert {c: result.report.cells.get(c) for c in S.t3_row_cells("r1")} == dict.fromkeys(S.t3_row_cells("r1"), 0)


def gapped_with_merged_places(grid) -> list[str]:
    """The same, with each place a merged cell covers printed as an empty paragraph as well."""
    out = []
    for row in grid:
        for cell in row:
            out.extend([""] if cell in (COL, ROW, EMPTY) else [cell.replace("\n", ""), ""])
    return out


@pytest.mark.parametrize("seed", range(3))
def test_merged_places_printed_as_empty_paragraphs_read_back(seed):
    """A blank before a row's figures (the places its label spans) or after them (a group label's places
    below) keeps every figure in its column."""
    rep = _report(seed)
    _assert_reads_back(rep, _page(rep, gapped_with_merged_places))


@pytest.mark.parametrize("seed", range(3))
def test_two_blank_lines_for_an_empty_cell_give_no_wrong_figure(seed):
    """Where an empty cell shows as two blank lines more, the rows come out too long: blank and named."""
    rep = _report(seed)
    result = read_text(_page(rep, paragraphs))
    got, want = _table_cells(result.report), _table_cells(rep)
    assert {c: got[c] for c in got} == {c: want[c] for c in got}
    named = {c for p in result.problems for c in p.cells}
    assert all(c in got or c in named for c in want)


@pytest.mark.parametrize("cut", [0.3, 0.55, 0.8])
def test_gapped_paragraphs_cut_off_in_table_three_give_no_wrong_figure(cut):
    rep = _report(2)
    assert_cut_in_table_three_reads_no_wrong_figure(rep, _page(rep, gapped), ("三、收到和处理", "四、政府信息公开行政复议"), cut)


def test_text_paragraphs_around_a_gapped_table_stay_text():
    """The table ends at the next heading: the paragraphs of part 一 and 五 are the sections' text."""
    rep = _report(0)
    page = _page(rep, gapped).replace("\n", "\n\n")
    result = read_text(page)
    assert result.report.sections["s1"] == "2025年，本机关主动公开政府信息128条。"
    assert result.report.sections["s5"] == "公开内容还不够全面，下一步将加以改进。"
    want = _table_cells(rep)
    got = result.report.cells
    assert {c: got[c] for c in want if c in got} == {c: want[c] for c in want if c in got}


@pytest.mark.parametrize("seed", range(3))
def test_every_cell_reads_back_from_cells_with_row_bars(seed):
    rep = _report(seed)
    _assert_reads_back(rep, _printed_in_full(rep, separated_with_row_bars))


@pytest.mark.parametrize("shape", ["rows", "markdown", "terminated", "separated"])
def test_table_two_without_its_first_block_heading_reads_back(shape):
    """The page starts table 二 at 「信息内容 | 本年制发件数 | …」, no 「第二十条第(一)项」 line above."""
    rep = _report(1)
    grid = _full(_t2_grid(rep))
    page = _page(rep, SHAPES[shape], grid)
    page = page.replace("\n".join(SHAPES[shape](grid)), "\n".join(SHAPES[shape](grid[1:])))
    assert "第二十条第(一)项" not in page
    result = read_text(page)
    want = {c: v for c, v in _table_cells(rep).items() if c.startswith("t2.")}
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()


FEES = S.t2("fees", "amount")


@pytest.mark.parametrize("shape", ["rows", "markdown", "terminated", "separated"])
def test_a_fee_of_six_decimals_reads_as_printed(shape):
    rep = _report(0)
    rep.cells[FEES] = Decimal("190.457379")
    result = read_text(_page(rep, SHAPES[shape], _full(_t2_grid(rep))))
    assert result.report.cells.get(FEES) == Decimal("190.457379"), result.summary()


@pytest.mark.parametrize("shape", ["rows", "markdown"])
def test_a_page_cut_inside_a_row_of_table_three_leaves_that_row_blank_and_named(shape):
    """「7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 |」 and the page ends: six figures for seven columns."""
    rep = _report(2)
    grid = _full(_t3_grid(rep))
    at = next(i for i, row in enumerate(grid) if row[2] == S.T3_ROW_LABEL["r3_3_7"])
    page = _page(rep, SHAPES[shape], _full(_t2_grid(rep)))
    page = page.split("三、收到和处理")[0] + "三、收到和处理政府信息公开申请情况\n" + \
        "\n".join(SHAPES[shape](grid[:at] + [grid[at][:-1]])) + "\n"
    result = read_text(page)
    got, want = result.report.cells, _table_cells(rep)
    assert not any(c in got for c in S.t3_row_cells("r3_3_7"))
    assert set(S.t3_row_cells("r3_3_7")) <= {c for p in result.problems for c in p.cells}
    before = S.T3_ROW_IDS[:S.T3_ROW_IDS.index("r3_3_7")]
    assert {c: got.get(c) for r in before for c in S.t3_row_cells(r)} == {c: want[c] for r in before for c in S.t3_row_cells(r)}


_VIEWER_T4_HEAD = """行政复议 行政诉讼
未经复议直接起诉 复议后起诉
结 结 其 尚
结 结 其 尚 结 结 其 尚
果 果 他 未
总计 果 果 他 未 总 果 果 他 未 总
维 纠 结 审
维 纠 结 审 计 维 纠 结 审 计
持 正 果 结
持 正 果 结 持 正 果 结"""


def test_table_four_from_a_page_turning_viewer_reads_back():
    """A PDF shown by a page-turning viewer: table 四's header one character per column and line, its fifteen
    figures on one line, and table 三's last row with its seven figures on its label's line."""
    rep = _report(3)
    page = _page(rep, SHAPES["rows"], _full(_t2_grid(rep)))
    t4 = " ".join(str(rep.cells[S.t4(g, c)]) for g, _ in S.T4_GROUPS for c, _ in S.T4_COLS)
    r4 = " ".join(str(rep.cells[S.t3("r4", c)]) for c in S.T3_COL_IDS)
    head, rest = page.split("四、政府信息公开行政复议、行政诉讼情况\n")
    tail = rest[rest.index("五、存在的主要问题"):]
    head = head.replace("\n".join(SHAPES["rows"](_t3_grid(rep))), "\n".join(SHAPES["rows"](_full(_t3_grid(rep))[:-1])))
    page = (head + f"{S.T3_ROW_LABEL['r4']} {r4}\n四、政府信息公开行政复议、行政诉讼情况\n"
            + "本年度未出现申请行政复议、提起行政诉讼的情况。\n" + _VIEWER_T4_HEAD + f"\n{t4}\n" + tail)
    result = read_text(page)
    want = {c: v for c, v in _table_cells(rep).items() if c.startswith("t4.") or c.startswith("t3.r4.")}
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()


def _t2_decision_row_in_three_columns(rep, rid: str, figures: list[str]) -> list[list[str]]:
    """A 2021 header 「本年处理决定数量」 over a row printed with the 2019 form's three cells."""
    grid = _full(_t2_grid(rep))
    label = next(lab for b in S.T2_BLOCKS for r, lab in b.rows if r == rid)
    at = next(i for i, row in enumerate(grid) if row[0] == label)
    grid[at] = [label, *figures]
    return grid


@pytest.mark.parametrize("shape", ["rows", "markdown", "terminated", "separated"])
@pytest.mark.parametrize("rid", ["penalty", "coercion"])
def test_a_decision_row_of_three_zeros_under_the_2021_header_is_0_with_a_note(shape, rid):
    """「行政处罚 | 0 | 0 | 0」 under 「本年处理决定数量」: whichever of the three is the count, it is 0."""
    rep = _report(1)
    rep.cells[S.t2(rid, "decisions")] = 0
    result = read_text(_page(rep, SHAPES[shape], _t2_decision_row_in_three_columns(rep, rid, ["0", "0", "0"])))
    cell = S.t2(rid, "decisions")
    assert result.report.cells.get(cell) == 0, result.summary()
    assert any(cell in p.cells and p.kind == "note" for p in result.problems)
    want = {c: v for c, v in _table_cells(rep).items() if c.startswith("t2.")}
    assert {c: result.report.cells.get(c) for c in want} == want


@pytest.mark.parametrize("shape", ["rows", "terminated"])
@pytest.mark.parametrize("figures", [["0", "0", "5"], ["3", "0", "3"], ["/", "/", "/"], ["0", "0"]])
def test_a_decision_row_of_three_cells_with_any_other_figure_stays_blank_and_named(shape, figures):
    """A figure that is not 0, 「/」, or an empty cell among the three: which is the count is not known."""
    rep = _report(1)
    result = read_text(_page(rep, SHAPES[shape], _t2_decision_row_in_three_columns(rep, "penalty", figures + [""] * (3 - len(figures)))))
    cell = S.t2("penalty", "decisions")
    assert cell not in result.report.cells, result.summary()  # 「0 | 0 | 」: the empty cell may be the count
    assert cell in {c for p in result.problems for c in p.cells}
