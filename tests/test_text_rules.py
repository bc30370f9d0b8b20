"""Each text rule with real phrasings, in a passing and a failing version, and the spans it reports."""
from __future__ import annotations

import json
import random
from decimal import Decimal

import pytest

from model import schema as S
from model.engine import Checker, check
from model.report import Meta, Prior, Report
from model.rules import RULES
from model.text.wordcount import count_chars
from model.values import from_json
from tests.conftest import EXPECTED

HUAIAN = json.loads((EXPECTED / "huaian_city_2024.json").read_text("utf-8"))

GOOD_S5 = "一是政策解读质量仍需提升。下一步，我市将加强政策解读。"
GOOD_S6 = "全年收取信息处理费0元。"


def report(s1: str = "", s5: str = GOOD_S5, s6: str = GOOD_S6, year: int = 2024, **cells) -> Report:
    """Huaian's true figures (r1 3119, r2 34, r3_7 3050, r4 103 …) with the given text."""
    values = {cid: from_json(cid, v) for cid, v in HUAIAN["cells"].items() if v is not None}
    for name, v in cells.items():
        values[name.replace("__", ".")] = v
    meta = Meta(organ="淮安市人民政府", year=year, level="prefecture")
    return Report(meta=meta, sections={"s1": s1, "s5": s5, "s6": s6}, cells=values)


def found(r: Report, rule: str):
    return [f for f in check(r) if f.rule == rule]


def spanned(r: Report, f) -> str:
    sid, a, b = f.span
    return r.sections[sid][a:b]


# ---------------------------------------------------------------- N.RECEIVED

def test_received_either_reading_passes():
    assert not found(report("2024 年，全市共受理政府信息公开申请 3119 件。"), "N.RECEIVED")
    assert not found(report("全市共收到政府信息公开申请3153件。"), "N.RECEIVED")  # 3119 + 34 carried over


def test_received_wrong_number_names_both_readings():
    r = report("2024年，共收到政府信息公开申请17件，同比增长20%。")
    [f] = found(r, "N.RECEIVED")
    assert f.severity == "error"
    assert "17" in f.message and "3119" in f.message and "3153" in f.message
    assert (f.expected, f.actual) == (3119, 17)
    assert spanned(r, f) == "共收到政府信息公开申请17件"
    assert "t3.r1.tot" in f.cells and "t3.r2.tot" in f.cells


def test_received_not_for_other_years_or_changes():
    r = report("共受理政府信息公开申请3119件，较上年增加200件。2023年收到政府信息公开申请2919件。")
    assert not found(r, "N.RECEIVED")


def test_received_skipped_while_the_table_is_blank():
    r = report("共收到政府信息公开申请17件。")
    del r.cells["t3.r1.tot"]
    assert not found(r, "N.RECEIVED")


def test_applicant_types():
    ok = report("共收到政府信息公开申请3119件，其中涉及自然人{}件。".format(HUAIAN["cells"]["t3.r1.np"]))
    assert not found(ok, "N.RECEIVED")
    bad = report("共收到政府信息公开申请3119件，其中涉及自然人1件。")
    [f] = found(bad, "N.RECEIVED")
    assert "自然人" in f.message and spanned(bad, f).endswith("自然人1件")


# ---------------------------------------------------------------- N.CLOSED

HUAIAN_S1 = ("2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到"
             "下年度答复），均在法定期限内予以答复。")


def test_closed_real_phrasing_passes():
    assert not found(report(HUAIAN_S1), "N.CLOSED")


def test_closed_wrong_numbers():
    r = report(HUAIAN_S1.replace("3050", "3000").replace("103 件", "10 件").replace("34 件", "30 件"))
    got = found(r, "N.CLOSED")
    assert len(got) == 3 and all(f.severity == "error" for f in got)
    assert [spanned(r, f) for f in got] == ["答复 3000 件", "含上年度结转申请 30 件", "另有 10 件顺延到下年度答复"]
    assert [f.cells for f in got] == [("t3.r3_7.tot",), ("t3.r2.tot",), ("t3.r4.tot",)]


def test_closed_completeness_claim_is_a_warning_when_applications_carry_over():
    text = ("2024年，卧龙区人民政府办公室共收到政府信息公开申请 3119件，除 7件未按照补正期限进行补正的外，"
            "其他均已按照法定时间依法依规予以回复。")
    r = report(text, **{"t3.r3_6_1.tot": 7})
    [f] = found(r, "N.CLOSED")
    assert f.severity == "warning" and "103" in f.message
    assert "其他均已按照法定时间依法依规予以回复" in spanned(r, f)
    r.explanations[f.key] = "结转的103件在次年1月答复"
    assert [g.explained for g in found(r, "N.CLOSED")] == [True]
    nothing_carried = report(text, **{"t3.r4.tot": 0, "t3.r3_6_1.tot": 7})
    assert not found(nothing_carried, "N.CLOSED")


# ---------------------------------------------------------------- N.CATEGORY

def cat_report(text: str) -> Report:
    return report(text, **{"t3.r3_1.tot": 30, "t3.r3_2.tot": 12, "t3.r3_7.tot": 81})


def test_category_and_percentage_pass():
    assert not found(cat_report("其中予以公开及部分公开42件，占51.85%。"), "N.CATEGORY")
    assert not found(cat_report("予以公开30件，占37.0%；部分公开12件。"), "N.CATEGORY")


def test_category_wrong_count_and_wrong_percentage():
    r = cat_report("申请办理中，予以公开及部分公开43件。")
    [f] = found(r, "N.CATEGORY")
    assert f.actual == 43 and f.expected == 42 and spanned(r, f) == "予以公开及部分公开43件"
    r = cat_report("申请办理中，予以公开及部分公开42件，占50%。")
    [f] = found(r, "N.CATEGORY")
    assert "51.85%" in f.message and "50%" in f.message and f.key.endswith(":pct")


def test_category_groups_sum_their_rows():
    groups = sum(HUAIAN["cells"][f"t3.r3_3_{i}.tot"] for i in range(1, 9))
    assert not found(report(f"申请办理中，不予公开{groups}件。"), "N.CATEGORY")
    [f] = found(report(f"申请办理中，不予公开{groups + 1}件。"), "N.CATEGORY")
    assert len(f.cells) == 8


def test_category_rows_named_as_the_form_names_them():
    secret = HUAIAN["cells"]["t3.r3_3_1.tot"]
    assert not found(report(f"申请办理中，属于国家秘密{secret}件。"), "N.CATEGORY")
    r = report(f"申请办理中，属于国家秘密{secret + 2}件。")
    [f] = found(r, "N.CATEGORY")
    assert f.cells == ("t3.r3_3_1.tot",) and f.actual == secret + 2 and "1.属于国家秘密" in f.message


def test_category_reason_row_or_its_total():
    # 「因…不掌握…无法提供N件」: right when N is the 不掌握 row (here 2 of 无法提供 3) or the whole of 无法提供
    r3_4 = {"t3.r3_4_1.tot": 2, "t3.r3_4_2.tot": 1, "t3.r3_4_3.tot": 0}
    assert not found(report("申请办理中，因本机关不掌握相关政府信息无法提供2件。", **r3_4), "N.CATEGORY")
    assert not found(report("申请办理中，因本机关不掌握相关政府信息无法提供3件。", **r3_4), "N.CATEGORY")
    [f] = found(report("申请办理中，因本机关不掌握相关政府信息无法提供4件。", **r3_4), "N.CATEGORY")
    assert f.actual == 4 and "两种读法都" in f.message and "t3.r3_4_2.tot" in f.cells


def test_a_street_office_reads_its_own_figures():
    r = report("2024年，桂花街道共收到政府信息公开申请3100件。")
    assert not found(r, "N.RECEIVED")  # another organ's report: the 街道 is one of its parts
    street = Report(meta=Meta(organ="杭州市西湖区桂花街道办事处", year=2024, level="department"), sections=r.sections,
                    cells=r.cells)
    [f] = found(street, "N.RECEIVED")
    assert f.actual == 3100 and f.expected == 3119
    # typed in the editor: naming the organ a 街道 re-reads the text at once
    ch = Checker(r)
    assert not [f for f in ch.findings() if f.rule == "N.RECEIVED"]
    r.meta.organ = "杭州市西湖区桂花街道办事处"
    ch.update(["meta.organ"])
    assert [f.actual for f in ch.findings() if f.rule == "N.RECEIVED"] == [3100]


# ---------------------------------------------------------------- N.NONE

def test_none_received():
    text = "2024 年度本局未收到政府信息公开依申请公开，未出现因政府信息公开引起的行政复议、行政诉讼情况。"
    zero = {"t3.r1.tot": 0, "t4.review.tot": 0, "t4.direct.tot": 0, "t4.after.tot": 0}
    assert not found(report(text, **zero), "N.NONE")
    r = report(text)
    got = found(r, "N.NONE")
    assert [f.cells for f in got] == [("t3.r1.tot",), ("t4.review.tot",), ("t4.direct.tot", "t4.after.tot")]
    assert all(f.severity == "error" for f in got)
    assert spanned(r, got[0]).startswith("未收到")


# ---------------------------------------------------------------- N.REVIEW

def test_review_real_phrasing_and_sub_results():
    text = ("政府信息公开行政复议 351件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；"
            "政府信息公开行政诉讼 46 件，其中结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。")
    assert not found(report(text), "N.REVIEW")
    r = report(text.replace("46 件", "40 件").replace("结果维持 72", "结果维持 70"))
    got = found(r, "N.REVIEW")
    assert [spanned(r, f) for f in got] == ["其中结果维持 70 件", "政府信息公开行政诉讼 40 件"]
    assert got[1].cells == ("t4.direct.tot", "t4.after.tot") and got[1].expected == 46


def test_review_counted_in_qi():
    r = report("依申请公开引发行政复议36起，行政诉讼9起。")
    assert {f.actual for f in found(r, "N.REVIEW")} == {36, 9}


# ---------------------------------------------------------------- N.T2

def test_t2_normative_and_rules():
    assert not found(report("全年新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件。制发行政规范性文件8件。"), "N.T2")
    r = report("全年制发行政规范性文件5件。2024 年未制发行政规范性文件。")
    got = found(r, "N.T2")
    assert [f.severity for f in got] == ["error", "error"]
    assert got[0].expected == 8 and got[0].actual == 5


def test_t2_in_force_is_a_warning():
    [f] = found(report("现行有效行政规范性文件60件。"), "N.T2")
    assert f.severity == "warning" and f.expected == 66


# ---------------------------------------------------------------- N.YEAR and N.DEADLINE

def test_year_title_and_period():
    r = report("报告中所列数据的统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日止。")
    r.meta.title = "淮安市人民政府2024年政府信息公开工作年度报告"
    assert not found(r, "N.YEAR")
    r.sections["s1"] = "本报告统计期限自2023年1月1日至2023年12月31日。"
    [f] = found(r, "N.YEAR")
    assert "2023" in f.message and spanned(r, f).startswith("统计期限自2023年1月1日")
    r.sections["s1"] = ""
    r.meta.title = "淮安市人民政府2023年政府信息公开工作年度报告"
    [f] = found(r, "N.YEAR")
    assert f.span is None and "2023" in f.message


@pytest.mark.parametrize("level,published,late", [
    ("department", "2025-01-31", False), ("department", "2025-02-01", True),
    ("county", "2025-02-20", False), ("prefecture", "2025-03-11", True), ("province", "2025-03-31", False)])
def test_deadline(level, published, late):
    r = report()
    r.meta.level, r.meta.published = level, published
    got = found(r, "N.DEADLINE")
    assert bool(got) == late
    if late:
        assert got[0].severity == "warning"


# ---------------------------------------------------------------- fees

@pytest.mark.parametrize("s6,ok", [
    ("无", False), ("", False), ("2024 年，本机关未收取信息处理费。", True),
    ("本年度没有产生政府信息公开处理费。", True), ("全年收取政府信息公开信息处理费 0 元。", True)])
def test_fee_mention(s6, ok):
    r = report(s6=s6)
    for c in S.FEE_CELL_IDS:
        r.cells.pop(c, None)
    got = found(r, "FEE.MENTION")
    assert (not got) == ok
    if got and s6:
        assert got[0].span == ("s6", 0, len(s6)) and got[0].severity == "error"


def test_fee_mention_satisfied_by_the_figures():
    r = report(s6="无", **{"fee.notices": 0, "fee.billed": Decimal(0), "fee.collected": Decimal(0)})
    assert not found(r, "FEE.MENTION")


def test_fee_term():
    assert not found(report(s6="全年收取政府信息公开信息处理费 0 元。"), "FEE.TERM")
    r = report(s6="未收取任何政府信息公开处理费用。")
    [f] = found(r, "FEE.TERM")
    assert f.severity == "info" and spanned(r, f) == "政府信息公开处理费用"


# ---------------------------------------------------------------- S.HEADINGS and S.TITLE

def test_headings():
    r = report()
    assert not found(r, "S.HEADINGS")  # typed in our editor: fixed headings
    r.headings = {s.id: s.heading for s in S.SECTIONS}
    r.headings["s1"] = "一、 总体情况"
    assert not found(r, "S.HEADINGS")
    r.headings["s2"] = "2、 主动公开政府信息情况"
    r.headings["s4"] = "四、政府信息公开行政法复议、行政诉讼情况"
    del r.headings["s6"]
    got = found(r, "S.HEADINGS")
    assert len(got) == 3 and all(f.severity == "error" for f in got)
    assert "2、" in got[0].message and "二、主动公开政府信息情况" in got[0].message


def test_headings_worded_differently_are_warnings():
    """Rightly numbered, worded as agencies or the 2019 form word them: W, naming the official wording; the
    same words under a wrong number stay an error."""
    r = report()
    r.headings = {s.id: s.heading for s in S.SECTIONS}
    r.headings["s4"] = "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"
    r.headings["s5"] = "五、存在的问题及整改措施"
    got = found(r, "S.HEADINGS")
    assert [f.severity for f in got] == ["warning", "warning"]
    assert "应为「五、存在的主要问题及改进情况」" in got[1].message
    r.headings["s5"] = "5、存在的问题及整改措施"
    assert sorted(f.severity for f in found(r, "S.HEADINGS")) == ["error", "warning"]


def test_title():
    r = report()
    assert not found(r, "S.TITLE")
    r.meta.title = "淮安市人民政府 2024 年政府信息公开工作年度报告"
    assert not found(r, "S.TITLE")
    r.meta.title = "2024年政府信息公开工作年度报告"
    r.meta.organ = ""
    [f] = found(r, "S.TITLE")
    assert f.severity == "warning" and "机关全称" in f.message
    r.meta.title, r.meta.organ = None, ""
    assert found(r, "S.TITLE")
    r.meta.title, r.meta.organ = "淮安市人民政府2024年政务公开工作报告", "淮安市人民政府"
    assert found(r, "S.TITLE")


# ---------------------------------------------------------------- S.STATUTE

def test_statute_passes_correct_names_and_other_laws():
    text = ("根据《中华人民共和国政府信息公开条例》（国令第 711 号）（以下简称《条例》）和《政府信息公开信息处理费管理办法》"
            "（国办函〔2020〕109号），新修订的《行政复议法》，案号（2023）苏08行初12号。")
    assert not found(report(text), "S.STATUTE")


def test_statute_failures():
    s1 = "严格执行《中华人民共和国信息公开条例》规定。"
    s6 = "依据《国务院办公厅关于印发《政府信息公开信息处理费管理办法》的通知》（国办函（2020）109号）。"
    r = report(s1, s6=s6)
    got = found(r, "S.STATUTE")
    assert [spanned(r, f) for f in got] == [
        "《中华人民共和国信息公开条例》", "《国务院办公厅关于印发《政府信息公开信息处理费管理办法》的通知》", "国办函（2020）109号"]
    assert all(f.severity == "error" for f in got)
    assert "国办函〔2020〕109号" in got[2].message and "〈政府信息公开信息处理费管理办法〉" in got[1].message


# ---------------------------------------------------------------- S.OVERVIEW_LEN

def test_word_count_like_wps():
    assert count_chars("2024 年，我市共受理 3119 件，占51.85%。hzzwgk@126.com") == 15
    assert count_chars("（一）主动公开") == 7
    assert count_chars(" \n ") == 0


def test_overview_length():
    assert not found(report("字" * 1000), "S.OVERVIEW_LEN")
    r = report("字" * 990 + " 2024 " * 11)
    [f] = found(r, "S.OVERVIEW_LEN")
    assert f.actual == 1001 and f.severity == "warning" and f.span == ("s1", 0, len(r.sections["s1"]))


# ---------------------------------------------------------------- S.NUMBERING

def test_numbering_passes():
    text = ("(一) 主动公开：一是建立机制。二是畅通渠道。三是公开信息。\n(二) 依申请公开：在一、二季度开展检查。\n"
            "（三）政府信息管理\n1.规范发布。\n2.加强审核：（1）先审后发；（2）三审三校。")
    assert not found(report(text), "S.NUMBERING")


def test_numbering_failures():
    r = report("（一）主动公开。\n二）依申请公开。\n1、强化组织领导。\n2、加强沟通协调。",
               s5="一、存在问题：一是学习不够；三是人员紧缺。二、改进措施：下一步加强。")
    got = found(r, "S.NUMBERING")
    texts = [spanned(r, f) for f in got]
    assert "二）" in texts and "一、" in texts and "二、" in texts and "三是" in texts
    assert any("1、" in f.message and "2、" in f.message for f in got)  # one finding for the repeated slip
    assert all(f.severity == "warning" for f in got)


# ---------------------------------------------------------------- S.S5_PARTS

def test_s5_parts():
    assert not found(report(s5="存在问题：人员不足。改进情况：下一步加强培训。"), "S.S5_PARTS")
    [f] = found(report(s5="政务公开工作有序开展，取得良好成效。"), "S.S5_PARTS")
    assert f.severity == "warning"


# ---------------------------------------------------------------- X.REPEAT_TEXT

S5_2023 = ("2023年，我区政府信息公开工作取得一定成效，但仍存在一定差距。如依申请公开工作规范性还有待提高、政务公开内容的深度和广度"
           "还有待提升。下一步，将切实抓好以下工作：一是扎实推进依申请公开工作，全面梳理和优化工作流程。二是继续加强业务培训3次。")


def test_repeat_text():
    r = report(s5=S5_2023.replace("2023", "2024").replace("3次", "5次"))
    assert not found(r, "X.REPEAT_TEXT")  # no last year's report
    r.prior = Prior(year=2023, organ="淮安市人民政府", cells={}, sections={"s5": S5_2023})
    [f] = found(r, "X.REPEAT_TEXT")
    assert f.severity == "warning" and "2023年报告" in f.message and "“" in f.message
    assert f.span[0] == "s5" and spanned(r, f)
    r.sections["s5"] = ("对照新要求，政策解读质量仍需提升，个别单位解读内容简单。下一步，我市将着力加强政策解读质效，"
                        "探索建立政社合作的宣传解读模式，开发更多可读可视的解读产品。")
    assert not found(r, "X.REPEAT_TEXT")


# ---------------------------------------------------------------- engine, robustness

def test_text_checks_run_incrementally():
    r = report("共收到政府信息公开申请3119件。")
    ch = Checker(r)
    assert not [f for f in ch.findings() if f.rule == "N.RECEIVED"]
    r.sections["s1"] = "共收到政府信息公开申请17件。"
    ch.update(["section.s1"])
    assert [f.rule for f in ch.findings() if f.rule == "N.RECEIVED"] == ["N.RECEIVED"]
    r.cells["t3.r1.tot"] = 17
    changed = ch.update(["t3.r1.tot"])
    assert "t3.r1.tot" in changed
    assert not [f for f in ch.findings() if f.rule == "N.RECEIVED"]


def test_findings_are_serialisable_with_spans():
    r = report("共收到政府信息公开申请17件。")
    [f] = found(r, "N.RECEIVED")
    j = f.to_json()
    assert j["span"] == {"section": "s1", "start": 0, "end": len("共收到政府信息公开申请17件")}
    assert j["severity"] == "error" and j["expected"] == 3119


def test_hostile_text_never_crashes():
    rng = random.Random(6)
    alphabet = "一二三四五六七八九十（）()、.．是件起年月日申请收到受理办结结转予以公开行政复议诉讼《》〔〕[]%％0123456789，。；：\n "
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        r = report(text, s5=text, s6=text)
        r.headings = {"s1": text[:20]}
        r.meta.title = text[:30]
        r.prior = Prior(year=2023, sections={"s5": text[::-1], "s1": text})
        for f in check(r):
            assert f.rule in RULES
            if f.span:
                sid, a, b = f.span
                assert 0 <= a <= b <= len(r.sections[sid])


def test_numbering_ignores_line_wraps_and_article_items():
    text = "（一）主动公开。依据条例第二十条第\n（一）项的规定公开。\n（二）依申请公开。"
    assert not found(report(text), "S.NUMBERING")


def test_numbering_reads_a_marker_after_a_paragraph_without_its_full_stop():
    # the paragraph before 「（二）」 lacks its 。: the marker still goes on the run
    text = "（一）主动公开情况。本年通过门户网站和政务新媒体公开信息88条，其中工作动态60条、通知公告18条、其他信息10条\n（二）依申请公开情况。未收到申请。\n（三）平台建设。"
    assert not found(report(text), "S.NUMBERING")
    # a wrapped line that starts with a marker off the run is still not read as one
    text = "（一）主动公开情况。本年通过门户网站和政务新媒体公开信息88条，具体分类见本报告第二部分表格及\n（三）所列的说明。"
    assert not found(report(text), "S.NUMBERING")


def test_year_period_without_second_year():
    r = report("本年度报告中所列数据统计期限为2024年1月1日至12月31日。")
    assert not found(r, "N.YEAR")
    r.sections["s1"] = "本年度报告中所列数据统计期限为2023年1月1日至12月31日。"
    assert found(r, "N.YEAR")


def test_stale_text_from_last_year_is_not_read_as_this_years_claims():
    # a report started from last year's: the old sentence names 2023, so its numbers are not compared
    r = report("2023年，全市共受理政府信息公开申请 2000 件。", year=2024)
    assert not found(r, "N.RECEIVED")


def test_headings_with_markup_or_run_on_text():
    r = report()
    r.headings = {s.id: s.heading for s in S.SECTIONS}
    r.headings["s1"] = "**一、总体情况** 2024年，我局认真贯彻落实《条例》。"
    r.headings["s5"] = "## 五、存在的主要问题及改进情况"
    assert not found(r, "S.HEADINGS")


def test_statute_longer_titles_citing_it_are_fine():
    assert not found(report("学习《中华人民共和国政府信息公开条例释义》。"), "S.STATUTE")
    r = report("落实《中华人民共和国政府公开信息条例》。")
    assert found(r, "S.STATUTE")


def test_random_phrases_never_crash():
    rng = random.Random(66)
    words = ["共收到政府信息公开申请", "受理", "办结", "答复", "结转下年度", "含上年结转", "予以公开", "及", "部分公开",
             "不予公开", "无法提供", "其中", "自然人", "法人或其他组织", "企业", "行政复议", "行政诉讼", "结果维持", "尚未审结",
             "未收到", "申请", "未发生", "均已办结", "办结率100%", "占", "51.85%", "除", "未按照补正期限进行补正",
             "顺延到下年度答复", "正在办理", "同比", "2023年", "2024年", "两", "12", "0", "3,119", "件", "起", "，", "。",
             "；", "（", "）", "\n", "一是", "二是", "（一）", "二）", "1、", "一、", "《中华人民共和国信息公开条例》",
             "国办函（2020）109号", "《通知《办法》》", "制发行政规范性文件", "现行有效", "规章", "统计期限自2024年1月1日至"]
    for _ in range(400):
        text = "".join(rng.choice(words) for _ in range(rng.randint(0, 60)))
        r = report(text, s5=text, s6=text)
        r.prior = Prior(year=2023, sections={"s5": text, "s1": text[::-1]})
        for f in check(r):
            if f.span:
                sid, a, b = f.span
                assert 0 <= a <= b <= len(r.sections[sid])


def test_category_messages_name_the_row():
    r = report("申请办理中，部分公开1件，予以公开30件，占37.1234567890123456789012345678901%。")
    msgs = [f.message for f in found(r, "N.CATEGORY")]
    assert any("表三（二）部分公开总计为454" in m for m in msgs)
    assert any("表三（一）予以公开总计为1362" in m for m in msgs)


def test_received_for_the_whole_area_and_the_own_level_either_may_be_the_table():
    """The text gives the city's figure and the city government's own (本级): the table holds one of them, so
    neither is an error while the other agrees; a figure of the own level alone is never one (the table may be
    the whole city's); both wrong, the whole city's is reported."""
    both = "2024年，全市共收到政府信息公开申请{}件，其中市政府本级收到{}件。"
    assert not found(report(both.format(5000, 3119)), "N.RECEIVED")  # the table is the government's own
    assert not found(report(both.format(3119, 96)), "N.RECEIVED")  # the table is the whole city's
    assert not found(report("2024年，市政府本级收到政府信息公开申请96件。"), "N.RECEIVED")
    [f] = found(report(both.format(5000, 96)), "N.RECEIVED")
    assert "5000" in f.message
