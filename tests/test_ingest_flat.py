"""A page whose text lost every line break (some CMS pages, document-sharing sites): ingest/flat.py puts the
breaks back when the usual read finds no report (no title and no heading).

Measured before ingest/flat.py (the usual read, which cuts run-on lines in ingest/runon.py):
- generated reports (tests/test_ingest_webtext grids, four shapes) flattened with bold headings (「**一、…」)
  or tab-indented paragraphs: 0 headings, 109–116 of 200 table cells; now 6 headings, 200 cells, 0 wrong;
- the real text tests/data/samples/seeds/002 flattened: 0 headings and 185 of 200 cells (its tabs make the
  line a table row); now 6 headings (5 with the breaks removed outright) and 200 cells, 0 wrong;
- a report of text only with bold headings, flattened: 「没有找到年度报告的内容」; now its six parts.
Flattened texts the usual read already reads (plain generated pages: 6 headings, 109–120 cells) do not go
through the fallback and read as before.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest import read_text
from ingest.api import build_report
from ingest.readers.text import text_items
from ingest.result import IngestError
from model import schema as S
from tests.test_ingest_webtext import SHAPES, _page, _report, _table_cells

SEEDS = Path(__file__).parent / "data" / "samples" / "seeds"
BOLD = ("一、总体情况", "二、主动", "三、收到", "四、政府", "五、存在", "六、其他")
JOINERS = {"space": " ", "nothing": ""}


def bold_headings(page: str) -> str:
    for heading in BOLD:
        page = page.replace(heading, "**" + heading)
    return page


def tab_indented(page: str) -> str:
    return "\n".join("\t" + line for line in page.split("\n"))


MARKUP = {"bold": bold_headings, "tabs": tab_indented}


def flattened(page: str, joiner: str) -> str:
    return page.replace("\r\n", "\n").replace("\n", joiner)


def usual_read(text: str):
    """The read without the fallback."""
    return build_report(text_items(text), "粘贴的文字", "text")


def _same(a, b) -> None:
    assert a.report.cells == b.report.cells
    assert a.report.sections == b.report.sections
    assert a.report.headings == b.report.headings
    assert a.report.meta == b.report.meta
    assert [p.message for p in a.problems] == [p.message for p in b.problems]


def _wrong(got: dict, want: dict) -> dict:
    return {c: (v, want.get(c)) for c, v in got.items() if v is not None and c in want and want[c] != v}


@pytest.mark.parametrize("joiner", JOINERS, ids=str)
@pytest.mark.parametrize("markup", MARKUP, ids=str)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("seed", range(3))
def test_a_flattened_generated_report_reads_its_sections_and_no_cell_wrong(seed, shape, markup, joiner):
    rep = _report(seed)
    text = flattened(MARKUP[markup](_page(rep, SHAPES[shape])), JOINERS[joiner])
    assert not usual_read(text).report.headings  # what failed before
    result = read_text(text)
    assert set(result.report.headings) == {s.id for s in S.SECTIONS}, result.summary()
    assert result.report.meta.title == "示范市人民政府2025年政府信息公开工作年度报告"
    assert result.report.sections["s1"] == "2025年，本机关主动公开政府信息128条。"
    assert result.report.sections["s6"] == "本年度未收取信息处理费。"
    got, want = _table_cells(result.report), _table_cells(rep)
    assert not _wrong(got, want)
    assert sum(v is not None for v in got.values()) >= 200  # measured: every cell


@pytest.mark.parametrize("joiner", JOINERS, ids=str)
def test_a_flattened_real_text_with_tabs_reads_its_sections_and_no_cell_wrong(joiner):
    text = (SEEDS / "002_75fd27514a3859df.txt").read_text(encoding="utf-8")
    want = {c: v for c, v in _table_cells(read_text(text).report).items() if v is not None}
    flat = flattened(text, JOINERS[joiner])
    assert not usual_read(flat).report.headings  # before: no heading, 185 cells
    result = read_text(flat)
    assert len(result.report.headings) >= 5  # measured: 6 with spaces, 5 with nothing between the lines
    got = _table_cells(result.report)
    assert not _wrong(got, want)
    assert sum(v is not None for v in got.values()) >= 200  # measured


def test_a_flattened_report_of_text_only_no_longer_gives_the_error():
    text = flattened(bold_headings("\n".join([
        "示范县人民政府2025年政府信息公开工作年度报告",
        "本报告根据《中华人民共和国政府信息公开条例》编制。",
        "一、总体情况", "2025年，本机关认真贯彻落实政务公开各项要求。" * 12,
        "二、主动公开政府信息情况", "本年主动公开各类信息。",
        "三、收到和处理政府信息公开申请情况", "本年未收到申请。",
        "四、政府信息公开行政复议、行政诉讼情况", "本年无复议和诉讼。",
        "五、存在的主要问题及改进情况", "公开内容还不够全面。（一）加强培训。（二）完善制度。",
        "六、其他需要报告的事项", "无。"])), "")
    with pytest.raises(IngestError, match="没有找到年度报告的内容"):
        usual_read(text)
    result = read_text(text)
    assert set(result.report.headings) == {s.id for s in S.SECTIONS}
    assert result.report.sections["s5"].startswith("公开内容还不够全面。")


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("joiner", [None, " "], ids=["as printed", "flattened"])
def test_a_page_that_reads_without_the_fallback_reads_as_before(seed, joiner):
    page = _page(_report(seed), SHAPES["rows"])
    text = page if joiner is None else flattened(page, joiner)
    _same(read_text(text), usual_read(text))


@pytest.mark.parametrize("seed_file", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_a_real_text_reads_as_before(seed_file):
    text = seed_file.read_text(encoding="utf-8")
    _same(read_text(text), usual_read(text))


@pytest.mark.parametrize("joiner", JOINERS, ids=str)
def test_a_flattened_text_that_is_no_report_still_gives_the_one_line_error(joiner):
    text = flattened("\n".join(["房屋租赁合同", "甲方将其所有的房屋出租给乙方使用，租期为一年。" * 10,
                                "一、租金", "每月租金为二千元，按月支付。" * 10, "二、押金", "押金为一个月租金。" * 10]),
                     JOINERS[joiner])
    with pytest.raises(IngestError) as err:
        read_text(text)
    assert "没有找到年度报告的内容" in str(err.value)
    assert "\n" not in str(err.value)
