"""The three tables as web pages give them when a page is taken as text (a crawler's text, a browser's copy,
「另存为文本」): one cell per line ending in 「 |」 with lone 「|」 for empty cells and lines of bars where merged
cells were; one cell per line with a line 「|」 after each; a row per line with or without the leading bar.

Reports come from tests/factories (every identity holds) with some rows printed the way agencies print
zeros, as empty cells: the five 法人或其他组织 cells of a row whose 自然人 equals 总计, which the readers take
as 0 (they add up to 0 and no count is negative).  Any other empty cell stays blank and is named: a row that
prints only its 总计 gives that figure and six blanks.  The renderer below is written for these tests: a table is a grid of cells, a
merged cell's other places marked as column-span or row-span, and each shape renders that grid its own way.
"""
from __future__ import annotations

import random

import pytest

from ingest import read_text
from model import schema as S
from model.values import format_value
from tests.factories import consistent_report

COL = "<colspan>"  # a place a merged cell covers to its right
ROW = "<rowspan>"  # a place a merged cell covers below it
EMPTY = ""


# ---------------------------------------------------------------- reports with zeros printed as empty cells


def _report(seed: int):
    """A consistent report in which some result rows are all 0 and some have no 法人或其他组织 applicant."""
    rng = random.Random(seed)
    rep = consistent_report(rng, maxv=9)
    cells = rep.cells
    leaves = list(S.T3_LEAF_ROWS)
    rng.shuffle(leaves)
    for row in leaves[:6]:  # nothing in the row
        for col in S.T3_PART_COLS:
            cells[S.t3(row, col)] = 0
    for row in leaves[6:12]:  # natural persons only
        for col in S.T3_PART_COLS[1:]:
            cells[S.t3(row, col)] = 0
    for col in S.T3_PART_COLS:  # the identities again: LEAF_SUM, then BALANCE through 一
        closed = sum(cells[S.t3(r, col)] for r in S.T3_LEAF_ROWS)
        cells[S.t3("r3_7", col)] = closed
        cells[S.t3("r2", col)] = min(cells[S.t3("r2", col)], closed + cells[S.t3("r4", col)])
        cells[S.t3("r1", col)] = closed + cells[S.t3("r4", col)] - cells[S.t3("r2", col)]
    for row in S.T3_ROW_IDS:
        cells[S.t3(row, "tot")] = sum(cells[S.t3(row, c)] for c in S.T3_PART_COLS)
    return rep


def _printed_row(rep, row: str) -> list[str]:
    """A row of 三 as agencies print it: no 法人或其他组织 applicant, those five cells left empty."""
    shown = [format_value(rep.cells[S.t3(row, c)]) for c in S.T3_COL_IDS]
    if not any(rep.cells[S.t3(row, c)] for c in S.T3_PART_COLS[1:]):
        return shown[:1] + [EMPTY] * 5 + shown[6:]
    return shown


# ---------------------------------------------------------------- the official tables as grids


def _t2_grid(rep) -> list[list[str]]:
    grid = []
    for block in S.T2_BLOCKS:
        grid.append([block.heading.replace("（", "(").replace("）", ")"), COL, COL, COL])
        head = [S.T2_CONTENT_LABEL, *block.col_labels]
        grid.append(head + [COL] * (4 - len(head)))
        for rid, label in block.rows:
            figs = [format_value(rep.cells[S.t2(rid, c)]) for c in block.cols]
            grid.append([label, *figs] + [COL] * (3 - len(figs)))
    return grid


def _t3_grid(rep) -> list[list[str]]:
    """Ten columns: three of labels (the results group, a group of 三, a row) and the seven figures."""
    legal = ["商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他"]  # header words wrapped in their cells
    grid = [[S.T3_NOTE, COL, COL, S.T3_APPLICANT] + [COL] * 6,
            [ROW, ROW, ROW, "自然人", S.T3_LEGAL, COL, COL, COL, COL, "总计"],
            [ROW, ROW, ROW, ROW, *legal, ROW]]
    for rid, label in S.T3_HEAD_ROWS:
        grid.append([label, COL, COL, *_printed_row(rep, rid)])
    first = True
    for item in S.T3_RESULTS:
        results = S.T3_RESULTS_GROUP if first else ROW
        first = False
        if isinstance(item, S.T3Group):
            for k, (rid, label) in enumerate(item.rows):
                grid.append([results if k == 0 else ROW, item.label if k == 0 else ROW, label,
                             *_printed_row(rep, rid)])
                results = ROW
        else:
            rid, label = item
            grid.append([results, label, COL, *_printed_row(rep, rid)])
    for rid, label in S.T3_TAIL_ROWS:
        grid.append([label, COL, COL, *_printed_row(rep, rid)])
    return grid


def _t4_grid(rep) -> list[list[str]]:
    cols = [label for _, label in S.T4_COLS]
    return [["行政复议", COL, COL, COL, COL, S.T4_LAWSUIT] + [COL] * 9,
            [ROW] * 5 + ["未经复议直接起诉", COL, COL, COL, COL, "复议后起诉", COL, COL, COL, COL],
            cols * 3,
            [format_value(rep.cells.get(S.t4(g, c))) for g, _ in S.T4_GROUPS for c, _ in S.T4_COLS]]  # blank: empty


# ---------------------------------------------------------------- shapes


def terminated(grid) -> list[str]:
    """Each cell on its own line ending in 「 |」, an empty cell a lone 「|」, a row's merged places as one line of
    bars after its cells, the places covered from above not at all."""
    out = []
    for row in grid:
        for cell in row:
            if cell not in (COL, ROW):
                out.append(f"{cell} |" if cell else "|")
        spans = row.count(COL)
        if spans:
            out.append("|" * spans)
    return out


def separated(grid) -> list[str]:
    """Each cell on its own line(s) with a line 「|」 after it; merged places leave nothing."""
    out = []
    for row in grid:
        for cell in row:
            if cell not in (COL, ROW):
                out.extend(cell.split("\n") if cell else [])
                out.append("|")
    return out


def rows_without_leading_bar(grid) -> list[str]:
    """A row per line, 「规章 | 0 | 0 | 0 |」; places covered from above are empty cells (a row then starts with a
    bar), merged places to the right are left out."""
    out = []
    for row in grid:
        cells = ["" if c == ROW else c.replace("\n", " ") for c in row if c != COL]
        line = " | ".join(cells) + " |"
        out.append(("| " + line) if not cells[0] else line)
    return out


def markdown_with_span_bars(grid) -> list[str]:
    """Markdown rows with the merged places as bars run together at the row's end (「| 第二十条第(一)项 | |||」)."""
    out = []
    for row in grid:
        cells = ["" if c == ROW else c.replace("\n", " ") for c in row if c != COL]
        out.append("| " + " | ".join(cells) + " | " + "|" * row.count(COL))
    return out


SHAPES = {"terminated": terminated, "separated": separated, "rows": rows_without_leading_bar,
          "markdown": markdown_with_span_bars}


def _page(rep, shape, t2_grid=None) -> str:
    lines = ["示范市人民政府2025年政府信息公开工作年度报告",
             "本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限为2025年1月1日至12月31日。",
             "一、总体情况", "2025年，本机关主动公开政府信息128条。",
             "二、主动公开政府信息情况", *shape(t2_grid or _t2_grid(rep)),
             "三、收到和处理政府信息公开申请情况", *shape(_t3_grid(rep)),
             "四、政府信息公开行政复议、行政诉讼情况", *shape(_t4_grid(rep)),
             "五、存在的主要问题及改进情况", "公开内容还不够全面，下一步将加以改进。",
             "六、其他需要报告的事项", "本年度未收取信息处理费。"]
    return "\n".join(lines) + "\n"


def _table_cells(rep) -> dict:
    return {c: v for c, v in rep.cells.items() if c.startswith(("t2.", "t3.", "t4."))}


# ---------------------------------------------------------------- tests


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("seed", range(4))
def test_every_cell_reads_back(shape, seed):
    rep = _report(seed)
    result = read_text(_page(rep, SHAPES[shape]))
    got = _table_cells(result.report)
    want = _table_cells(rep)
    assert {c: got.get(c) for c in want} == want, result.summary()
    assert set(result.report.headings) == {s.id for s in S.SECTIONS}  # no heading swallowed by a table
    assert result.report.sections["s1"] == "2025年，本机关主动公开政府信息128条。"


def test_the_shapes_do_print_empty_cells():
    """The reports above do print rows with empty cells (else the tests would prove nothing about them)."""
    rep = _report(0)
    rows = [_printed_row(rep, r) for r in S.T3_ROW_IDS]
    assert sum(r[1:6] == [EMPTY] * 5 for r in rows) >= 10
    assert any(r[0] != "0" and r[1:6] == [EMPTY] * 5 for r in rows)
    assert "|\n|\n|\n|\n|" in "\n".join(terminated(_t3_grid(rep)))


def _emptied(page: str, row: str, shape: str, keep_total: bool) -> str:
    """The page with the row's 自然人 (and its 总计 unless keep_total) printed as empty cells."""
    lines = page.split("\n")
    at = next(i for i, l in enumerate(lines) if l.startswith(S.T3_ROW_LABEL[row]))
    figures = [i for i in range(at + 1, len(lines)) if lines[i].rstrip(" |").isdigit()][:2]
    for i in sorted(figures if not keep_total else figures[:1], reverse=True):
        if shape == "terminated":
            lines[i] = "|"
        else:  # a bar right after a bar closes an empty cell
            del lines[i]
    return "\n".join(lines)


@pytest.mark.parametrize("shape", ["terminated", "separated"])
@pytest.mark.parametrize("keep_total", [True, False], ids=["only_total", "nothing"])
def test_a_row_printed_with_its_applicant_cells_empty(shape, keep_total):
    """A row of 0s printed with its six applicant cells empty (and its 总计 0, or that empty too): with 总计 0
    printed the empty cells add up to 0, so each is 0 (named in a note); with 总计 empty too they are blank and
    named; nothing else moves."""
    rep = _report(1)
    row = next(r for r in S.T3_LEAF_ROWS if not rep.cells[S.t3(r, "tot")])
    result = read_text(_emptied(_page(rep, SHAPES[shape]), row, shape, keep_total))
    got = _table_cells(result.report)
    want = _table_cells(rep)
    cells = S.t3_row_cells(row)
    assert [got.get(c) for c in cells] == ([0] * 7 if keep_total else [None] * 7)
    named = {c for p in result.problems for c in p.cells}
    assert set(cells[:6] if keep_total else cells) <= named
    assert {c: got[c] for c in got} == {c: want[c] for c in got}
    assert len(got) == len(want) - (0 if keep_total else 7)


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("cut", [0.45, 0.6, 0.8])
def test_a_page_cut_off_in_table_three_gives_no_wrong_figure(shape, cut):
    """An excerpt that ends inside table 三 (a search result, a page saved half-loaded): what is read is right,
    and every cell not read is named."""
    rep = _report(2)
    page = _page(rep, SHAPES[shape])
    start = page.index("三、收到和处理")
    end = page.index("四、政府信息公开行政复议")
    text = page[:start + int((end - start) * cut)]
    result = read_text(text)
    got = _table_cells(result.report)
    want = _table_cells(rep)
    assert {c: got[c] for c in got} == {c: want[c] for c in got}
    assert sum(c.startswith("t3.") for c in got) >= 21  # the rows before the cut are read
    named = {c for p in result.problems for c in p.cells}
    assert all(c in got or c in named for c in want if c.startswith("t3."))


def test_old_form_fee_row_with_a_word_for_its_change_gives_no_amount():
    """The 2019 form's 行政事业性收费 row prints 上一年项目数量 and 本年增/减 (「未增未减」 in words), no amount: the
    one figure it shows is not 本年收费金额, and the row is named as the old format."""
    rep = _report(0)
    grid = _t2_grid(rep)
    at = next(i for i, row in enumerate(grid) if row[0] == "第二十条第(八)项")
    grid[at:] = [["第二十条第(八)项", COL, COL, COL], ["信息内容", "上一年项目数量", "本年增/减", COL],
                 ["行政事业性收费", "3", "未增未减", COL], ["第二十条第(九)项", COL, COL, COL],
                 ["信息内容", "采购项目数量", "采购总金额", COL], ["政府集中采购", "2", "14.5", COL]]
    result = read_text(_page(rep, terminated, grid))
    assert "t2.fees.amount" not in result.report.cells
    assert any(p.kind == "old_format" and "行政事业性收费" in p.message for p in result.problems)


@pytest.mark.parametrize("shape", ["terminated", "separated"])
def test_table_four_s_empty_cells_in_a_group_that_makes_its_total_are_zero(shape):
    """「| 3 | | | | 3 |」 for 行政复议: 结果纠正, 其他结果 and 尚未审结 add up to 0, so each is 0 (noted); a group
    whose printed figures fall short of its 总计 keeps its empty cells blank."""
    rep = _report(3)
    for g, (upheld, tot) in {"review": (3, 3), "direct": (1, 2)}.items():
        rep.cells.update({S.t4(g, "upheld"): upheld, S.t4(g, "tot"): tot})
        for c in ("corrected", "other", "pending"):
            rep.cells.pop(S.t4(g, c), None)
    result = read_text(_page(rep, SHAPES[shape]))
    got = result.report.cells
    assert [got.get(S.t4("review", c)) for c, _ in S.T4_COLS] == [3, 0, 0, 0, 3]
    assert [got.get(S.t4("direct", c)) for c, _ in S.T4_COLS] == [1, None, None, None, 2]
    assert any("表四" in p.message and "空白处均记为 0" in p.message and S.t4("review", "other") in p.cells
               for p in result.problems)
