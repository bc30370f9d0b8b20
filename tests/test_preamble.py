"""The preamble (前言): text between the title and 一、, read, checked, exported and carried to next year."""
import pytest

from ingest import read_report, read_text
from model import schema as S
from model.engine import check
from model.fileformat import dumps, loads
from model.nextyear import new_from_prior
from tests.conftest import REAL_PDF

TEXT = """示范县人民政府2024年政府信息公开工作年度报告
发布日期：2025-01-20　来源：县政府办
本报告依据《中华人民共和国信息公开条例》编制。报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。
一、总体情况
2024年，本县推进政务公开。
二、主动公开政府信息情况
五、存在的主要问题及改进情况
（一）存在问题。一是形式单一。
（二）改进情况。一是丰富形式。
六、其他需要报告的事项
本年度未收取信息处理费。
"""


def test_preamble_is_read_without_page_fields():
    rep = read_text(TEXT, "web.txt").report
    assert rep.sections["s0"].startswith("本报告依据")
    assert "发布日期" not in rep.sections["s0"] and rep.meta.year == 2024


def test_statute_and_year_are_checked_in_the_preamble():
    rep = read_text(TEXT, "web.txt").report
    found = [f for f in check(rep) if f.span and f.span[0] == "s0"]
    assert {f.rule for f in found} >= {"S.STATUTE", "N.YEAR"}
    for f in found:
        assert 0 <= f.span[1] < f.span[2] <= len(rep.sections["s0"])


@pytest.mark.parametrize("name", ["hongze_2023.pdf", "huaian_city_2024.layout.txt"])
def test_real_reports_keep_their_preamble(name):
    rep = read_report(REAL_PDF / name).report
    assert rep.sections["s0"].startswith("本报告由")
    assert "统计期限" in rep.sections["s0"] and "一、" not in rep.sections["s0"]


def test_preamble_survives_the_file_and_next_year():
    rep = read_text(TEXT, "web.txt").report
    back = loads(dumps(rep))
    assert back.sections["s0"] == rep.sections["s0"]
    nxt = new_from_prior(rep)
    assert nxt.sections["s0"] == rep.sections["s0"] and nxt.prior.sections["s0"] == rep.sections["s0"]
    assert S.TEXT_SECTIONS[0] == S.PREAMBLE.id
