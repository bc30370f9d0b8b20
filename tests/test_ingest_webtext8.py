"""Web pages as text and as saved pages, the shapes an eighth set of published reports showed (towns, 乡, 街道,
开发区 and 住建, 交通, 卫健, 司法, 林业, 政务服务 and 房屋征收 offices from 陕西, 湖北, 湖南, 江苏, 浙江, 广东, 吉林,
重庆, 天津, 四川, 江西, 山东, 辽宁, 北京, 内蒙古 and others, 2019–2025; 40 pages, most of them cut short in table 二 or
early in table 三, 9 of them in the 2019 trial form).  Each page was read as the text saved from it and as a
small .html built from that text the way CMS pages mark tables up (a <table> for rows the text gives one to a
line, else one <p> per cell with an empty <p> for an empty cell).

- Text: no figure wrong, no cell a clerk reads without doubt left blank, before and after (31 pages worked,
  681 cells; 9 kept unseen until the end, 73 cells).
- Pages as .html: of the 31 worked, 15 of 658 cells were left blank (named), 0 wrong; now 0 blank, 0 wrong.
  The 9 unseen: 0 of 73 blank before and after.  What was blank: table 三 given one <p> per cell with an empty
  cell an empty <p> (「一、本年新收政府信息公开申请数量」「56」, five empty <p>, 「56」).  The reader dropped the
  empty paragraphs, so the row's two figures stood under no certain column and the row was blank.  A run of
  paragraphs from a table's first line is now read as the text reader reads the same page as text (each
  cell a paragraph, an empty cell one blank line more: ingest/readers/cellines.py, 「gapped」), keeping its
  empty cells; empty paragraphs anywhere else are dropped as before.  The same held for the page's content in
  the cell of a table that lays the page out (older CMS pages), and for <div> blocks in place of <p>: both
  are read so now.
- Held as they read: 「规章000」 run together (0 0 0), 「规 章」 with a space, a rules row with its label cell
  empty, 「现行有效件」 cut short, 「第二十条第」 with the item left out, a row ended by its bar on the next line
  (「规章 | 0 | 0 | 0」 then 「|」), a 2019 decision row 「行政许可 | 0 | +21 | 776」 (776), 「-」 under the 2019
  form's 处理决定数量 (不适用 in a page, blank and named in its text; neither is a figure).
- Left as they are: table 二's 第(一)项 in the 2019 trial form (「本年新制作数量 | 本年新公开数量 |
  对外公开总数量」): 对外公开总数量 counts documents repealed since, so it is not 现行有效件数, and the form has
  no 本年废止件数; the three stay blank with the note.  A page that drops empty cells altogether
  (「规章」「0」「行政规范性文件」「第二十条第(五)项」) gives no column for its one figure: blank and named.

Reports come from tests/factories through the grids of tests/test_ingest_webtext.py and the paragraph shapes of
tests/test_ingest_webtext7.py; every cell must read back exactly, and what is not read is blank and named,
never a wrong figure.
"""
from __future__ import annotations

import pytest

from ingest import read_text
from model import schema as S
from tests.test_ingest_webtext import COL, EMPTY, _page, _report, _t3_grid, _table_cells
from tests.test_ingest_webtext7 import gapped, gapped_with_merged_places

EMPTY_PARAGRAPHS = {"nbsp": "<p>&nbsp;</p>", "bare": "<p></p>", "br": "<p><br/></p>",
                    "span": '<p style="text-align:center"><span style="font-size:16px">&nbsp;</span></p>'}


def as_web_page(text_page: str, empty: str = EMPTY_PARAGRAPHS["nbsp"]) -> str:
    """A page of gapped text (tests/test_ingest_webtext7.py) as the page behind it: each paragraph a <p>, the
    blank line after a paragraph its end, and each blank line more an empty <p>."""
    out = []
    after_paragraph = False
    for line in text_page.split("\n"):
        if line.strip():
            out.append(f'<p style="text-indent:2em">{line}</p>')
            after_paragraph = True
        elif after_paragraph:
            after_paragraph = False  # the paragraph's own end
        else:
            out.append(empty)
    return '<html><head><meta charset="utf-8"><title>年度报告</title></head><body><div class="TRS_Editor">' + \
        "\n".join(out) + "</div></body></html>"


def in_a_layout_table(page: str) -> str:
    """The same page with its content in the one cell of a table that lays the page out (older CMS pages)."""
    return page.replace('<div class="TRS_Editor">', '<table width="100%"><tr><td class="content"><div>').replace(
        "</div></body>", "</div></td></tr></table></body>")


def as_div_blocks(page: str) -> str:
    """The same page with each paragraph a <div> rather than a <p>."""
    return page.replace('<p style="text-indent:2em">', "<div>").replace("<p>&nbsp;</p>", "<div>&nbsp;</div>").replace(
        "</p>", "</div>")


def _assert_reads_back(rep, page: str):
    result = read_text(page, "网页")
    want = _table_cells(rep)
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()
    return result


def _natural_only_row(rep) -> str:
    """A result row whose only applicants are natural persons: printed with five empty cells."""
    return next(r for r in S.T3_LEAF_ROWS
                if rep.cells[S.t3(r, "np")] and not any(rep.cells[S.t3(r, c)] for c in S.T3_PART_COLS[1:]))


def test_the_pages_print_what_the_pages_printed():
    """(else the tests below would prove nothing about the shape)"""
    rep = _report(0)
    page = as_web_page(_page(rep, gapped))
    row = _natural_only_row(rep)
    n = rep.cells[S.t3(row, "np")]
    label = S.T3_ROW_LABEL[row]
    assert f">{label}</p>\n" in page
    assert f">{n}</p>\n" + "<p>&nbsp;</p>\n" * 5 + f'<p style="text-indent:2em">{n}</p>' in page
    assert "|" not in page and "\n\n" not in page


@pytest.mark.parametrize("empty", EMPTY_PARAGRAPHS, ids=str)
@pytest.mark.parametrize("seed", range(3))
def test_every_cell_reads_back_from_a_paragraph_per_cell(seed, empty):
    rep = _report(seed)
    result = _assert_reads_back(rep, as_web_page(_page(rep, gapped), EMPTY_PARAGRAPHS[empty]))
    assert set(result.report.headings) == {s.id for s in S.SECTIONS}
    assert result.report.sections["s1"] == "2025年，本机关主动公开政府信息128条。"


@pytest.mark.parametrize("markup", [in_a_layout_table, as_div_blocks], ids=lambda f: f.__name__)
@pytest.mark.parametrize("seed", range(2))
def test_every_cell_reads_back_from_a_paragraph_per_cell_in_other_markup(seed, markup):
    rep = _report(seed)
    page = markup(as_web_page(_page(rep, gapped)))
    assert "<p>" not in page or "<td" in page
    result = _assert_reads_back(rep, page)
    assert result.report.sections["s1"] == "2025年，本机关主动公开政府信息128条。"


@pytest.mark.parametrize("seed", range(2))
def test_merged_places_given_as_empty_paragraphs_read_back(seed):
    rep = _report(seed)
    _assert_reads_back(rep, as_web_page(_page(rep, gapped_with_merged_places)))


def test_a_row_printing_only_its_first_figure_keeps_it_and_names_the_rest():
    """The page met: 「（一）予以公开」「18」 and six empty <p>, 总计 too: 18 is 自然人's, the rest blank and named."""
    rep = _report(1)
    grid = _t3_grid(rep)
    row = next(r for r in grid if S.T3_ROW_LABEL["r3_1"] in r)
    at = row.index(S.T3_ROW_LABEL["r3_1"]) + 1
    while row[at] == COL:  # the places the label spans
        at += 1
    printed = row[:at] + ["18"] + [EMPTY] * 6
    text = _page(rep, gapped).replace("\n".join(gapped([row])), "\n".join(gapped([printed])))
    result = read_text(as_web_page(text), "网页")
    cells = S.t3_row_cells("r3_1")
    assert result.report.cells.get(cells[0]) == 18
    assert all(result.report.cells.get(c) is None for c in cells[1:])
    named = {c for p in result.problems for c in p.cells}
    assert set(cells[1:]) <= named


def test_empty_paragraphs_between_text_paragraphs_stay_out_of_the_text():
    """Spacers between the paragraphs of part 一 and around the headings are no cells and no text."""
    rep = _report(2)
    text = _page(rep, gapped).replace("一、总体情况\n", "\n\n一、总体情况\n\n\n").replace(
        "2025年，本机关主动公开政府信息128条。\n", "2025年，本机关主动公开政府信息128条。\n\n\n")
    result = _assert_reads_back(rep, as_web_page(text))
    assert result.report.sections["s1"] == "2025年，本机关主动公开政府信息128条。"


@pytest.mark.parametrize("seed", range(2))
def test_an_empty_paragraph_after_every_cell_gives_no_wrong_figure(seed):
    """A page that puts a spacer after each cell: two blank lines between all cells is no table of this kind,
    and an empty cell there cannot be told from a spacer; whatever is read is right, the rest named."""
    rep = _report(seed)
    spaced = _page(rep, gapped).replace("\n\n", "\n\n\n")
    result = read_text(as_web_page(spaced), "网页")
    got, want = _table_cells(result.report), _table_cells(rep)
    assert {c: got[c] for c in got} == {c: want[c] for c in got}
    named = {c for p in result.problems for c in p.cells}
    assert set(want) - set(got) <= named
