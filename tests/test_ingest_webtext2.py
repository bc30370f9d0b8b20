"""Web pages as text, the shapes a second, held-out set of published reports showed.

- The page in traditional characters: government sites offer a 繁體 view of every page, and mirrors copy it
  (「第二十條第（一）項」「本年新收政府信息公開申請數量」).  The page below is converted the way such a view
  converts, character by character, with the usual Taiwan forms (為 發 係 隻 後 複 製 範).
- Each row led by a lone 「|」 line, then its cells one per line ending in 「 |」 (some sites' text of a table).
- A page cut off after the heading 三 whose part 一 holds a sentence with seven figures under 「（一）主动公开」,
  a near-spelling of the row 「（一）予以公开」: no figure of that sentence becomes a cell.

Reports come from tests/factories through the grids and shapes of tests/test_ingest_webtext.py; every cell
must read back exactly, and what is not read is blank, never a wrong figure.
"""
from __future__ import annotations

import pytest

from ingest import read_text
from model import schema as S
from model.report import Report
from tests.test_ingest_webtext import COL, ROW, SHAPES, _page, _report, _table_cells

# what a 繁體 view writes for the simplified characters of the page (the standard Taiwan forms)
_TRADITIONAL = str.maketrans(dict(zip(
    "万业为举于会体关内决况制办务动区华单发只后国处复够审将属废开强当总执护报据数无机权条构没现确稳类系纠纳"
    "组织经结统继续维编缴罚范获补规计认议许讼访诉询请费转过还这进问项题额",
    "萬業為舉於會體關內決況製辦務動區華單發隻後國處複夠審將屬廢開強當總執護報據數無機權條構沒現確穩類係糾納"
    "組織經結統繼續維編繳罰範獲補規計認議許訟訪訴詢請費轉過還這進問項題額")))


def traditional(text: str) -> str:
    return text.translate(_TRADITIONAL)


def bar_led(grid) -> list[str]:
    """Each row starts with a line that is a lone 「|」, then its cells one per line ending in 「 |」, an empty cell
    a lone 「|」, a row's merged places one line of bars after its cells."""
    out = []
    for row in grid:
        out.append("|")
        for cell in row:
            if cell not in (COL, ROW):
                out.append(f"{cell} |" if cell else "|")
        if row.count(COL):
            out.append("|" * row.count(COL))
    return out


ALL_SHAPES = {**SHAPES, "bar_led": bar_led}


def test_the_page_is_converted():
    """The converted page holds no label of the form as printed in simplified characters (else the tests
    below would prove nothing about traditional ones)."""
    page = traditional(_page(_report(0), SHAPES["terminated"]))
    for label in ("第二十条", "本年新收政府信息公开申请数量", "行政复议", "收到和处理政府信息公开申请情况", "总计"):
        assert label not in page
    assert "第二十條" in page and "本年新收政府信息公開申請數量" in page


@pytest.mark.parametrize("shape", ALL_SHAPES, ids=str)
@pytest.mark.parametrize("seed", range(3))
def test_every_cell_reads_back_from_a_traditional_page(shape, seed):
    rep = _report(seed)
    result = read_text(traditional(_page(rep, ALL_SHAPES[shape])))
    want = _table_cells(rep)
    got = _table_cells(result.report)
    assert {c: got.get(c) for c in want} == want, result.summary()
    assert set(result.report.headings) == {s.id for s in S.SECTIONS}
    assert any("繁体字" in p.message for p in result.problems)  # the clerk is told
    assert result.report.meta.year == 2025


@pytest.mark.parametrize("seed", range(3))
def test_every_cell_reads_back_with_rows_led_by_a_bar(seed):
    rep = _report(seed)
    result = read_text(_page(rep, bar_led))
    want = _table_cells(rep)
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()
    assert not any("繁体字" in p.message for p in result.problems)


@pytest.mark.parametrize("shape", ALL_SHAPES, ids=str)
@pytest.mark.parametrize("cut", [0.3, 0.55, 0.8])
def test_a_traditional_page_cut_off_in_table_three_gives_no_wrong_figure(shape, cut):
    rep = _report(1)
    page = traditional(_page(rep, ALL_SHAPES[shape]))
    assert_cut_in_table_three_reads_no_wrong_figure(rep, page, ("三、收到和處理", "四、政府信息公開行政複議"), cut)


def assert_cut_in_table_three_reads_no_wrong_figure(rep: Report, page: str, heads: tuple[str, str], cut: float) -> None:
    """The page cut at `cut` of the way from 三's heading to 四's: every figure read is right, 表二 whole, and each
    cell of 表三 read or named in the notes."""
    start, end = page.index(heads[0]), page.index(heads[1])
    result = read_text(page[:start + int((end - start) * cut)])
    got = _table_cells(result.report)
    want = _table_cells(rep)
    assert {c: got[c] for c in got} == {c: want[c] for c in got}
    assert sum(c.startswith("t2.") for c in got) == sum(c.startswith("t2.") for c in want)
    named = {c for p in result.problems for c in p.cells}
    assert all(c in got or c in named for c in want if c.startswith("t3."))


def test_a_simplified_page_with_a_few_traditional_characters_is_left_as_it_is():
    """A quoted name in traditional characters does not make the page a traditional one."""
    rep = _report(0)
    page = _page(rep, SHAPES["rows"]).replace("2025年，本机关主动公开政府信息128条。",
                                             "2025年，本机关主动公开政府信息128条，转载《臺灣關係》一文。")
    result = read_text(page)
    assert result.report.sections["s1"] == "2025年，本机关主动公开政府信息128条，转载《臺灣關係》一文。"
    assert not any("繁体字" in p.message for p in result.problems)


def test_a_sentence_of_part_one_is_not_read_as_a_row_of_table_three():
    """The page ends after the heading 三 (a search result's excerpt).  Part 一's 「（一）主动公开」 is one edit
    from no row label, but two from 「（一）予以公开」, and its sentence has seven figures, the last their
    sum: table 三 stays blank, every row named."""
    rep = _report(0)
    page = _page(rep, SHAPES["rows"])
    page = page.replace("一、总体情况\n2025年，本机关主动公开政府信息128条。",
                        "一、总体情况\n（一）主动公开\n本年公开政策文件10条、工作动态20条、通知公告5条、人事信息3条、"
                        "财政信息2条、其他0条，合计40条。\n（二）依申请公开\n本年收到申请3件。")
    page = page[:page.index("三、收到和处理") + len("三、收到和处理政府信息公开申请情况\n")]
    result = read_text(page)
    got = _table_cells(result.report)
    assert not any(c.startswith(("t3.", "t4.")) for c in got)
    assert {c: got[c] for c in got} == {c: v for c, v in _table_cells(rep).items() if c in got}
    named = {c for p in result.problems for c in p.cells}
    assert all(c in named for c in S.TABLE_CELL_IDS if c.startswith("t3."))


def test_a_pdf_s_ruled_tables_in_traditional_characters_are_read():
    """A PDF gives its ruled tables as grids beside its text: in a traditional document the grids are written in
    simplified characters too (here table 三 is only in the grid, its text lost)."""
    from ingest.build import build_report
    from ingest.readers.text import text_items
    from tests.test_ingest_webtext import _t3_grid

    rep = _report(2)
    page = _page(rep, SHAPES["rows"])
    start, end = page.index("三、收到和处理"), page.index("四、政府信息公开行政复议")
    page = page[:start] + "三、收到和处理政府信息公开申请情况\n" + page[end:]
    grid = [[None if c in (COL, ROW) else traditional(c) for c in row] for row in _t3_grid(rep)]
    result = build_report(text_items(traditional(page)), "繁体.pdf", "pdf", grid_tables=[grid])
    want = _table_cells(rep)
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()


def test_figures_above_part_one_are_not_read_as_table_four():
    """A page whose tables were left empty (a template published as it was) and that has no table 四: a line of
    fifteen figures above part 一 (a page's hit counter) is no row of table 四."""
    lines = ["示范镇人民政府政府信息公开工作年度报告", "浏览次数：0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
             "一、总体情况", "本镇认真落实条例，主动公开政府信息。", "二、主动公开政府信息情况",
             "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "行政规范性文件",
             "三、收到和处理政府信息公开申请情况", S.T3_NOTE, "申请人情况", *(label for _, label in S.T3_HEAD_ROWS)]
    result = read_text("\n\n".join(lines) + "\n")
    assert not any(c.startswith(("t3.", "t4.")) for c in result.report.cells)


def test_a_traditional_page_writing_復_and_資訊_reads_its_review_claims_and_statute():
    """Some 繁體 views write 復 (not 複) in 行政復議, and a converter 資訊 for 信息: 「行政复议」 and the statute's
    name come back, so the narrative rules read them."""
    from model.engine import check

    body = ("示范县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n2024年，本府依照《中华人民共和国政府信息公开条例》"
            "做好公开工作。本年度未发生因政府信息公开引起的行政复议、行政诉讼。\n")
    page = traditional(body).replace("複", "復").replace("信息公開條例", "資訊公開條例")
    report = read_text(page).report
    assert "行政复议" in report.sections["s1"] and "《中华人民共和国政府信息公开条例》" in report.sections["s1"]
    assert not [f for f in check(report) if f.rule == "S.STATUTE"]


def test_place_names_in_traditional_characters_are_written_in_simplified_ones():
    """「義烏市」「烏魯木齊」「鳳陽縣」: the organ read from a traditional page is the one the form names."""
    from ingest.script import fold

    assert fold("義烏市人民政府、烏魯木齊市、鳳陽縣、嶽陽市、莊河市、麗水市、晉城市") == \
        "义乌市人民政府、乌鲁木齐市、凤阳县、岳阳市、庄河市、丽水市、晋城市"
