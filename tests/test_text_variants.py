"""Text rules on phrasings of real reports the rules were not written from: numbers that belong to other
things (towns, departments, other 复议 cases, durations), statements of none without 未, exceptions to
「均已办结」, numbering nested the wrong way round.  Each case pairs text with table figures that agree
(no finding) and, where the text can be wrong, figures that disagree (the right finding)."""
from __future__ import annotations

from decimal import Decimal

from model import schema as S
from model.engine import check
from model.report import Meta, Report
from model.text.claims import extract_claims
from model.text.numbering import numbering_problems

# a consistent county report: 45 new + 3 carried in = 45 closed + 3 carried out
BASE = {
    "t3.r1.np": 40, "t3.r1.biz": 3, "t3.r1.oth": 2, "t3.r1.tot": 45, "t3.r2.np": 3, "t3.r2.tot": 3,
    "t3.r3_1.tot": 20, "t3.r3_2.tot": 5, "t3.r3_3_4.tot": 2, "t3.r3_4_1.tot": 8, "t3.r3_4_2.tot": 2,
    "t3.r3_5_1.tot": 3, "t3.r3_6_1.tot": 4, "t3.r3_6_3.tot": 1, "t3.r3_7.tot": 45, "t3.r4.tot": 3,
    "t4.review.tot": 2, "t4.review.upheld": 1, "t4.review.corrected": 1, "t4.direct.tot": 1,
    "t4.direct.upheld": 1, "t2.normative.issued": 6, "t2.normative.in_force": 30,
}
CLAIM_RULES = ("N.RECEIVED", "N.CLOSED", "N.CATEGORY", "N.NONE", "N.REVIEW", "N.T2")


def report(s1: str = "", s6: str = "本年度未收取信息处理费。", s0: str = "", **cells) -> Report:
    values = {c: (0 if S.CELLS[c].kind == S.COUNT else Decimal(0)) for c in S.CELL_IDS}
    values.update(BASE)
    for k, v in cells.items():
        values[k.replace("__", ".")] = v
    meta = Meta(organ="某县人民政府", year=2024, level="county")
    return Report(meta=meta, sections={"s0": s0, "s1": s1, "s5": "存在问题。下一步加强。", "s6": s6}, cells=values)


def claim_findings(s1: str, **cells):
    return [f for f in check(report(s1, **cells)) if f.rule in CLAIM_RULES]


def kinds(text: str) -> list[tuple[str, int | None]]:
    return [(c.kind, c.value) for c in extract_claims(text, 2024)]


# ---------------------------------------------------------------- parts of the organ


def test_towns_and_departments_are_not_the_organ():
    for text in ("2024年，全县共收到政府信息公开申请45件，其中县政府办公室收到15件，县自然资源局收到10件，各乡镇收到8件。",
                 "全县共收到政府信息公开申请45件，县本级收到申请20件，乡镇（街道）收到25件。",
                 "依申请公开方面，县政府本级共受理申请15件，全部按期答复。",
                 "依申请公开方面，县政府各部门共办结政府信息公开申请30件。",
                 "各乡镇共收到政府信息公开申请12件，办结12件。",
                 "全年各部门制发行政规范性文件10件。",
                 "依申请公开方面，县政府本级未收到政府信息公开申请。",
                 "全年没有收到政府信息公开申请的乡镇有5个。",
                 "全县共收到政府信息公开申请45件，各县直单位共收到申请30件。",
                 "各县（市、区）共收到政府信息公开申请300件。", "市政府本级收到申请45件，各县区收到300件。"):
        assert claim_findings(text) == [], text
    # the organ's own total is still compared
    for own in ("本部门", "本街道办事处", "我镇人民政府", "县政府办公室（政府信息公开工作主管部门）"):  # itself
        [f] = claim_findings(f"2024年，{own}共收到政府信息公开申请50件。")
        assert f.rule == "N.RECEIVED" and f.actual == 50
    [f] = claim_findings("全县共收到政府信息公开申请50件，其中县政府办公室收到15件，县自然资源局收到10件。")
    assert f.rule == "N.RECEIVED" and f.actual == 50


def test_channels_and_durations_are_not_totals():
    assert claim_findings("全年接收信件来函申请2件，网上申请43件，共45件。") == []
    assert claim_findings("依申请公开方面，答复书均在15个工作日内送达。") == []
    assert kinds("依申请公开方面，答复书均在15个工作日内送达。") == []


# ---------------------------------------------------------------- 复议 and 诉讼


def test_review_cases_the_organ_handles_as_authority_are_not_its_own():
    for text in ("全年共发生行政复议案件15件，其中涉及政府信息公开的2件。",
                 "全县共办理行政复议案件120件，行政应诉案件80件。",
                 "本年度县政府作为复议机关受理行政复议申请58件。",
                 "全年未发生因信息公开不到位引发的行政复议、行政诉讼案件。",
                 "全年无政府信息公开行政复议被纠正案件。"):
        assert claim_findings(text) == [], text
    [f] = claim_findings("全年办理政府信息公开行政复议案件3件。")
    assert f.rule == "N.REVIEW" and (f.expected, f.actual) == (2, 3)


# ---------------------------------------------------------------- exceptions to 「均已办结」


def test_completeness_with_the_carried_over_as_exception():
    text = "共收到政府信息公开申请45件，除3件正在办理外，其他均已办结。"
    assert claim_findings(text) == []
    assert claim_findings("共收到政府信息公开申请45件，除3件尚在答复期限内外，其余均已办结。") == []
    [f] = claim_findings(text, t3__r4__tot=5, t3__r3_7__tot=43, t3__r3_1__tot=18)
    assert f.rule == "N.CLOSED" and f.severity == "error" and (f.expected, f.actual) == (5, 3)
    # an exception that is not a carry-over keeps the warning
    [w] = claim_findings("共收到政府信息公开申请45件，除4件因申请人逾期未补正终止办理外，其他均已按时答复。")
    assert w.severity == "warning"


def test_carried_over_named_after_the_number():
    text = "全年收到申请45件，办结45件，3件因在答复期限内结转到2025年办理。"
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("3件因", "5件因"))
    assert f.rule == "N.CLOSED" and f.cells == ("t3.r4.tot",) and f.actual == 5


# ---------------------------------------------------------------- statements of none


def test_none_received_without_wei():
    zero = dict(t3__r1__tot=0, t3__r1__np=0, t3__r1__biz=0, t3__r1__oth=0)
    for text in ("全年无政府信息公开申请。", "本年度我局无依申请公开情况。", "本年度暂无依申请公开的情况发生。",
                 "本年度无公民、法人或其他组织申请政府信息公开。", "2024年度，本机关政府信息公开申请数为0。"):
        assert claim_findings(text, **zero) == [], text
        [f] = claim_findings(text)
        assert f.rule == "N.NONE" and f.cells == ("t3.r1.tot",) and f.actual == 45, text
    # not statements of none: a time limit, an aim
    assert kinds("做到有申请必答复，无依申请公开超期答复。") == []
    assert kinds("确保无政府信息公开申请逾期。") == []


def test_objects_of_a_clean_up_are_not_in_force_counts():
    assert claim_findings("对现行有效的规范性文件56件进行清理。") == []
    [f] = claim_findings("截至2024年底，现行有效的行政规范性文件共56件。")
    assert f.rule == "N.T2" and f.severity == "warning"


def test_chuli_is_handled():
    assert kinds("全年处理政府信息公开申请45件。") == [("handled", 45)]
    assert claim_findings("全年处理政府信息公开申请45件。") == []
    [f] = claim_findings("全年处理政府信息公开申请40件。")
    assert f.rule == "N.CLOSED" and f.actual == 40


# ---------------------------------------------------------------- numbering


def numbering(text: str) -> list[tuple[str, str]]:
    return [(p.kind, p.quote) for p in numbering_problems(text)]


def test_levels_nested_the_wrong_way_round():
    assert numbering("1.主动公开情况\n（一）完善制度。\n（二）健全机制。\n2.依申请公开情况") == [("order", "（一）")]
    # one finding, not also a 「（一）」 repeat
    assert numbering("（一）主动公开\n1.加强领导\n（一）完善制度\n（二）健全机制\n2.强化平台") == [("order", "（一）")]
    assert numbering("（1）主动公开\n1.加强领导\n2.完善制度\n（2）依申请公开") == [("order", "1.")]
    # the right way round, numbering that runs on across （一）（二）, and a new list are fine
    assert numbering("（一）主动公开\n1.加强领导\n（1）完善制度\n（2）健全机制\n2.强化平台\n（二）依申请公开") == []
    assert numbering("（一）主动公开\n1.加强领导\n2.完善制度\n（二）依申请公开\n3.规范流程\n4.加强培训") == []
    assert numbering("（一）主动公开\n1.加强领导\n2.完善制度\n（二）依申请公开\n1.规范流程\n2.加强培训") == []
    # a typo is still a repeat when the deeper run does not go on
    assert numbering("（一）主动公开\n1.加强领导\n2.完善制度\n（一）依申请公开\n全年收到申请。") == [("sequence", "（一）")]


def test_a_list_after_a_colon_starts_afresh():
    text = "主动公开方面：1.制度建设。2.平台建设。依申请公开方面：1.规范流程。2.加强培训。"
    assert numbering(text) == []
    assert numbering("主动公开方面：1.制度建设。2.平台建设。依申请公开方面：1.规范流程。3.加强培训。") == [
        ("sequence", "3.")]
    r = report(text)
    assert [f for f in check(r) if f.rule == "S.NUMBERING"] == []


# ---------------------------------------------------------------- parts of the year, named years, rates


def test_on_time_rate_is_not_a_completeness_claim():
    assert claim_findings("全年共受理政府信息公开申请45件，办结45件，按期办结率100%，无超期答复情况。") == []
    [w] = claim_findings("全年共受理政府信息公开申请45件，办结率100%。")
    assert w.rule == "N.CLOSED" and w.severity == "warning"


def test_a_month_is_a_part_of_the_year():
    text = "2024年，共收到政府信息公开申请45件，其中12月份收到8件，将结转3件至2025年办理。"
    assert claim_findings(text) == []
    assert kinds("截至2024年12月31日共收到政府信息公开申请45件。") == [("received", 45)]
    assert kinds("截至12月底共收到政府信息公开申请45件。") == [("received", 45)]
    assert kinds("1-12月共收到政府信息公开申请45件。") == [("received", 45)]


def test_carried_in_from_the_named_previous_year():
    assert kinds("共收到政府信息公开申请48件（含2023年结转3件）。") == [("received", 48), ("carried_in", 3)]
    assert claim_findings("共收到政府信息公开申请45件，另有2023年度结转申请3件。") == []
    [f] = claim_findings("共收到政府信息公开申请45件，另有2023年度结转申请5件。")
    assert f.rule == "N.CLOSED" and f.cells == ("t3.r2.tot",) and f.actual == 5
    # the report's own year is ambiguous (out of it or into it), another year is not this report's
    assert kinds("共收到政府信息公开申请45件，2024年结转3件。") == [("received", 45)]
    assert kinds("共收到政府信息公开申请45件，2022年结转3件。") == [("received", 45)]
    assert kinds("共收到政府信息公开申请45件，办结45件，结转2025年3件。")[-1] == ("carried_out", 3)


def test_gongmin_is_a_natural_person():
    assert claim_findings("全年共收到政府信息公开申请45件，其中公民申请40件，企业申请3件。") == []
    [f] = claim_findings("全年共收到政府信息公开申请45件，其中公民申请42件，企业申请3件。")
    assert f.rule == "N.RECEIVED" and f.cells[0] == "t3.r1.np"
    assert kinds("共收到来自公民、法人或其他组织的政府信息公开申请45件。") == [("received", 45)]


def test_fee_term_not_for_the_budget_of_the_work():
    r = report(s6="将政府信息公开费用纳入年度预算。本年度未收取信息处理费。")
    assert [f for f in check(r) if f.rule == "FEE.TERM"] == []
    r = report(s6="本年度未收取政府信息公开处理费。")
    assert [f.rule for f in check(r) if f.rule == "FEE.TERM"] == ["FEE.TERM"]


def test_review_and_lawsuit_stated_as_zero():
    zero = dict(t4__review__tot=0, t4__review__upheld=0, t4__review__corrected=0, t4__direct__tot=0,
                t4__direct__upheld=0)
    for text in ("全年行政复议、行政诉讼均为0件。", "本机关政府信息公开行政复议、行政诉讼案件数量为0。"):
        assert claim_findings(text, **zero) == [], text
        got = claim_findings(text)
        assert [f.cells for f in got] == [("t4.review.tot",), ("t4.direct.tot", "t4.after.tot")], text
    # one finding per statement, not one from the number and one from the statement
    assert len(claim_findings("全年政府信息公开行政复议为0件。")) == 1
    assert claim_findings("各乡镇未发生政府信息公开行政复议、行政诉讼。") == []
    assert kinds("实现行政复议零纠错。") == []
    assert claim_findings("全年制发行政规范性文件6件，各乡镇未制发行政规范性文件。") == []


# ---------------------------------------------------------------- percentages


def test_percentages_listed_with_fenbie_or_of_another_base():
    for text in ("全年收到申请45件，其中予以公开20件、部分公开5件，分别占44.44%、11.11%。",
                 "全年收到申请45件，予以公开20件、部分公开5件，占比分别为44.44%和11.11%。",
                 "全年收到申请45件，其中予以公开20件，占予以公开和部分公开总数的80%。",
                 "全年收到申请45件，予以公开20件，占政府信息公开申请总数的44.44%。",
                 "全年收到申请45件，其中予以公开20件，占比约45%。", "全年收到申请45件，其中予以公开20件，占40%以上。"):
        assert claim_findings(text) == [], text
    [f] = claim_findings("全年收到申请45件，予以公开20件，占政府信息公开申请总数的40%。")
    assert f.key.endswith(":pct") and "44.44%" in f.message


def test_applications_of_other_kinds_in_the_paragraph():
    para = "（二）依申请公开情况。全年共收到政府信息公开申请45件。"
    for text in ("收到工商登记申请800件。", "全年受理不动产登记申请3000件，办结2990件。", "全年受理群众来电120件，均已办结。"):
        assert claim_findings(para + text) == [], text
    assert kinds(para + "全年共收到各类申请45件，办结45件。") == [("received", 45), ("received", 45), ("closed", 45)]


def test_applications_as_the_subject_without_a_verb():
    assert kinds("全年政府信息公开申请共计45件，比上年增长50%。") == [("received", 45)]
    assert claim_findings("本年度政府信息公开申请数量为45件。") == []
    assert kinds("全年政府信息公开申请数45件。") == [("received", 45)]
    [f] = claim_findings("全年政府信息公开申请共计50件。")
    assert f.rule == "N.RECEIVED" and f.actual == 50
    # another keyword before it decides, and other years, towns and changes stay out
    assert kinds("上年结转政府信息公开申请共3件。") == [("carried_in", 3)]
    assert kinds("结转下年度的政府信息公开申请共3件。") == [("carried_out", 3)]
    for text in ("2023年政府信息公开申请共30件。", "各乡镇政府信息公开申请共计12件。", "上年度政府信息公开申请为30件。"):
        assert kinds(text) == [], text


# ---------------------------------------------------------------- results that are not results of applications


def test_results_of_documents_and_items_are_not_results_of_applications():
    for text in ("全年主动公开政府信息2586条，对公文公开属性进行审核，予以公开的公文326件。依申请公开方面，共收到申请45件。",
                 "全年主动公开政府信息2586条，经审核予以公开326件。依申请公开方面，共收到申请45件。",
                 "全年制发公文500件，其中主动公开326件，依申请公开12件，不予公开162件。全年共收到政府信息公开申请45件。",
                 "全年共收到政府信息公开申请45件，涉及信息380条，其中予以公开200条。",
                 "全年共收到政府信息公开申请45件，经补正后予以公开2件。"):
        assert claim_findings(text) == [], text
    [f] = claim_findings("全年共收到政府信息公开申请45件，其中予以公开22件。")
    assert f.rule == "N.CATEGORY" and f.actual == 22
    assert kinds("全年共收到政府信息公开申请45条，其中予以公开20条。") == [("received", 45), ("cat:r3_1", 20)]


def test_rough_counts_and_ranges_are_not_claims():
    assert kinds("全年共收到政府信息公开申请45件，予以公开数十件。") == [("received", 45)]
    assert kinds("全年共收到政府信息公开申请45件，予以公开3至5件。") == [("received", 45)]
    assert kinds("全年共收到政府信息公开申请四十五件，予以公开二十件。") == [("received", 45), ("cat:r3_1", 20)]


def test_carried_over_business_of_other_kinds():
    para = "（二）依申请公开情况。全年共收到政府信息公开申请45件。"
    for text in ("正在办理中的政务服务事项120件。", "尚未办结的信访事项12件。", "结转下年度的建议提案5件。"):
        assert claim_findings(para + text) == [], text
    assert claim_findings(para + "另有3件因在法定期限内尚未办结，结转至下一年度继续办理。") == []
    [f] = claim_findings(para + "另有5件因在法定期限内尚未办结，结转至下一年度继续办理。")
    assert f.rule == "N.CLOSED" and f.cells == ("t3.r4.tot",) and f.actual == 5
    # 「均在…期限内答复」 is about time, not about applications still open
    assert kinds("另有3件均在答复期限内答复完毕。") == []


# ---------------------------------------------------------------- a whole county report

COUNTY_S0 = ("本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）和《国务院办公厅"
             "政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函"
             "〔2021〕30号）要求编制。报告中所列数据统计期限自2024年1月1日起至2024年12月31日止"
             "。本报告电子版可在某县人民政府门户网站（www.mx.gov.cn）查阅。如对本报告有疑问，请与某县"
             "人民政府办公室联系（地址：某县人民路1号，邮编：224000，电话：0515-88888888）。")
COUNTY_S1 = """2024年，某县人民政府深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，严格执行《条例》，围绕县委、县政府中心工作，全面提升政务公开质效。
（一）主动公开情况
1.加强重点领域信息公开。全年通过县政府门户网站主动公开政府信息5632条，其中政策文件168件、政策解读96篇（图解32篇、视频解读8个），召开新闻发布会12场。
2.做好规范性文件公开。全年制发行政规范性文件6件，现行有效行政规范性文件30件，均在县政府门户网站“规范性文件”栏目集中公开。对2020年以来制发的规范性文件56件进行清理，废止4件。
3.推进基层政务公开标准化规范化。指导全县12个乡镇（街道）、156个村（社区）更新完善公开目录，全县乡镇政务公开专区实现全覆盖。
（二）依申请公开情况
2024年，全县共收到政府信息公开申请45件，其中县政府本级收到15件，县直部门收到21件，乡镇（街道）收到9件；加上上年结转3件，共需办理48件。从申请人类型看，自然人申请40件，法人或其他组织申请5件。已办结45件，其中予以公开20件，占44.44%；部分公开5件，占11.11%；不予公开2件；无法提供10件；不予处理3件；其他处理5件。另有3件在法定答复期限内，结转至2025年继续办理。因政府信息公开引发行政复议2件，其中维持1件，纠正1件；行政诉讼1件，结果维持。
（三）政府信息管理情况
严格落实公开属性源头认定机制，全年审核公文1520件，其中主动公开863件，依申请公开28件，不予公开629件。一是严把审查关，二是严把发布关，三是严把保密关。
（四）政府信息公开平台建设情况
县政府门户网站全年访问量280万人次，发布信息1.2万条。政务新媒体账号42个，全年发布信息8600余条。12345政务服务便民热线受理群众诉求5.6万件，办结率99.8%。
（五）监督保障情况
1.强化组织领导。调整政务公开工作领导小组，召开专题会议3次。
2.加强业务培训。组织全县政务公开业务培训2期，培训160人次。
3.严格考核评议。将政务公开纳入全县高质量发展综合考核，权重为3%。全年未发生政府信息公开责任追究情况。"""
COUNTY_S5 = """（一）存在的主要问题
1.政策解读形式还不够丰富，图解、视频等解读占比不高。
2.基层政务公开工作人员业务能力有待提升。
（二）改进措施
1.丰富解读形式。一是加强图解视频解读；二是开展“政策进万家”活动。
2.加强业务培训。全年计划开展培训不少于2次。"""
COUNTY_S6 = """（一）信息处理费收取情况。本年度发出收费通知的件数0件，收取金额0元。
（二）人大代表建议和政协提案办理情况。全年共承办人大代表建议65件、政协提案82件，办复率100%。
（三）落实上级年度政务公开工作要点情况。按照《2024年江苏省政务公开工作要点》（苏政办发〔2024〕18号）要求，逐项抓好落实。"""


def county(s1: str = COUNTY_S1) -> Report:
    r = report(s1, s0=COUNTY_S0, s6=COUNTY_S6)
    r.sections["s5"] = COUNTY_S5
    return r


def test_a_correct_county_report_has_no_text_findings():
    assert [(f.rule, f.message) for f in check(county()) if f.span] == []


def test_errors_in_the_county_report_are_found():
    cases = [("共收到政府信息公开申请45件", "共收到政府信息公开申请54件", "N.RECEIVED"),
             ("自然人申请40件", "自然人申请41件", "N.RECEIVED"),
             ("予以公开20件", "予以公开21件", "N.CATEGORY"),
             ("另有3件在法定", "另有4件在法定", "N.CLOSED"),
             ("其中维持1件", "其中维持2件", "N.REVIEW"),
             ("（二）依申请公开情况", "二）依申请公开情况", "S.NUMBERING")]
    for old, new, rule in cases:
        assert old in COUNTY_S1
        got = [f.rule for f in check(county(COUNTY_S1.replace(old, new, 1))) if f.span]
        assert got == [rule], (new, got)


def test_carried_into_the_report_year_is_carried_in():
    text = "全年共收到政府信息公开申请45件，2023年度结转至2024年的申请3件。"
    assert kinds(text) == [("received", 45), ("carried_in", 3)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("申请3件", "申请4件"))
    assert f.cells == ("t3.r2.tot",)
    assert kinds("全年共收到政府信息公开申请45件，上年结转至本年度的申请3件。")[-1] == ("carried_in", 3)
    assert kinds("全年共收到政府信息公开申请45件，结转至2026年3件。") == [("received", 45)]


def test_none_received_that_qualifies_something_else():
    for text in ("全年未收到要求更正政府信息的申请。", "全年未收到政府信息公开申请延期答复的情况。"):
        assert kinds(text) == [], text
    for text in ("年内未收到依申请公开申请。", "未收到依申请公开政府信息事项。", "我局2024年度没有收到政府信息公开申请的情况。"):
        assert kinds(text) == [("none_received", None)], text


def test_a_list_after_an_unnumbered_heading_starts_afresh():
    assert numbering("存在问题：\n1.公开不全。\n2.解读单一。\n改进措施：\n1.加强培训。\n2.丰富解读。") == []
    assert numbering("主要问题\n（1）公开不全。\n（2）解读单一。\n改进措施\n（1）加强培训。\n（2）丰富解读。") == []
    # without a heading in between, going back to 1. is still reported
    assert numbering("1.公开不全。\n2.解读单一。\n1.加强培训。") == [("sequence", "1.")]


def test_applicant_types_in_their_own_sentence():
    text = "全年共收到政府信息公开申请45件，另有上年结转3件。申请人中，自然人40件、商业企业3件、其他2件。"
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("自然人40件", "自然人41件"))
    assert f.rule == "N.RECEIVED" and f.cells[0] == "t3.r1.np"
    # 「企业」 alone still only right after the received figure; not in another paragraph
    assert kinds("全年共收到政府信息公开申请45件。服务企业3件。") == [("received", 45)]
    assert kinds("全年共收到政府信息公开申请45件。\n自然人40件。") == [("received", 45)]


def test_results_with_their_parts_in_brackets():
    text = "全年共收到政府信息公开申请45件，其中予以公开25件（含部分公开5件）。"
    assert kinds(text) == [("received", 45), ("cat:r3_1+r3_2", 25), ("cat:r3_2", 5)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("25件", "20件"))
    assert f.rule == "N.CATEGORY" and f.expected == 25
    assert claim_findings("全年共收到政府信息公开申请45件（不含重复申请3件）。") == []


def test_totals_since_an_earlier_time_are_not_this_years():
    assert kinds("《条例》实施以来，我局共收到政府信息公开申请300件。") == []
    assert kinds("2019年以来，共收到政府信息公开申请300件。") == []
    assert kinds("今年以来，县政府共收到政府信息公开申请45件。") == [("received", 45)]
    assert kinds("2024年以来，共收到政府信息公开申请45件。") == [("received", 45)]
    assert kinds("截至今年底，共收到政府信息公开申请45件。") == [("received", 45)]


def test_the_neighbour_year_of_a_carry_over_does_not_hide_the_rest_of_the_sentence():
    text = "2024年度共收到政府信息公开申请45件，加上2023年结转的3件，共计48件，已全部办结45件，3件结转至2025年。"
    assert kinds(text) == [("received", 45), ("carried_in", 3), ("closed", 45), ("carried_out", 3)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("办结45件", "办结44件"))
    assert f.rule == "N.CLOSED" and f.actual == 44
    assert kinds("2023年收到申请30件，办结30件。") == []  # a sentence about another year stays out


# ---------------------------------------------------------------- statute


def test_short_form_of_the_statute_one_character_off():
    r = report("严格执行《政府信息公开条列》。")
    [f] = [f for f in check(r) if f.rule == "S.STATUTE"]
    assert f.severity == "error" and "《政府信息公开条例》" in f.message
    r = report("学习《政府信息公开条例解读》，更新《政府信息公开指南》和《政府信息公开目录》，落实《政府信息公开规定》。")
    assert [f for f in check(r) if f.rule == "S.STATUTE"] == []


def test_fee_mentioned_without_the_word_shouli():
    for s6 in ("本年度依申请公开工作未产生任何费用。", "申请人无需缴费。"):
        r = report(s6=s6)
        for c in S.FEE_CELL_IDS:
            r.cells.pop(c, None)
        assert [f for f in check(r) if f.rule == "FEE.MENTION"] == [], s6
    r = report(s6="无其他需要报告的事项。")
    for c in S.FEE_CELL_IDS:
        r.cells.pop(c, None)
    assert [f.rule for f in check(r) if f.rule == "FEE.MENTION"] == ["FEE.MENTION"]


def test_completeness_of_other_applications_or_of_towns():
    assert claim_findings("受理涉农补贴申请3200件，已全部办结。") == []
    assert claim_findings("依申请公开方面，各乡镇收到的申请均已办结。") == []
    [w] = claim_findings("全年收到群众申请45件，均已按时答复。")
    assert w.severity == "warning"


def test_none_received_about_a_kind_of_application_or_beside_a_carry_over():
    for text in ("全年未收到上级转办的政府信息公开申请。", "全年未收到外国人提出的政府信息公开申请。",
                 "本年度，除3件申请外，未收到其他政府信息公开申请。"):
        assert kinds(text) == [], text
    text = "除上年结转的3件外，本年度未收到新的政府信息公开申请。"
    zero = dict(t3__r1__tot=0, t3__r1__np=0, t3__r1__biz=0, t3__r1__oth=0)
    assert claim_findings(text, **zero) == []
    assert [f.rule for f in claim_findings(text)] == ["N.NONE"]
    assert kinds("上年度，我局未收到政府信息公开申请。") == []


def test_a_remark_in_brackets_is_not_a_marker_without_its_bracket():
    assert numbering("全年推进政务服务。（一网通办平台全年办件12万件）") == []
    assert numbering("年内完成改造。（二期工程正在推进）\n（二）依申请公开") == []
    assert numbering("（一主动公开情况\n（二）依申请公开") == [("bracket", "（一")]


def test_no_power_to_issue_is_not_a_statement_of_none():
    assert kinds("本机关无制发规范性文件权限。") == []
    assert kinds("本单位没有制定规范性文件的职能。") == []
    assert kinds("2024年未制发行政规范性文件。") == [("none_normative", None)]


def test_results_in_the_paragraph_after_the_received_figure():
    text = "（二）依申请公开情况\n本年度共收到政府信息公开申请45件。\n办理结果：予以公开20件，部分公开5件。"
    assert kinds(text)[1:] == [("cat:r3_1", 20), ("cat:r3_2", 5)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("予以公开20件", "予以公开21件"))
    assert f.rule == "N.CATEGORY"
    # not two paragraphs on, under the next heading
    assert kinds("本年度共收到政府信息公开申请45件。\n（三）政府信息管理\n审核后予以公开326件。") == [("received", 45)]


def test_a_kind_of_applications_or_a_towns_statement_under_a_colon():
    assert claim_findings("全年共收到申请45件，其中涉及征地拆迁的政府信息公开申请共20件。") == []
    assert kinds("其中，涉及征地拆迁政府信息公开申请为20件。") == []
    for text in ("各乡镇：无政府信息公开申请。", "（3）乡镇：未收到政府信息公开申请。",
                 "各乡镇：未发生政府信息公开行政复议、行政诉讼。"):
        assert claim_findings(text) == [], text


def test_half_bracket_markers_after_a_line_without_its_full_stop():
    # 「二)」 on the line after one that lacks its 。 still goes on the run: no gap before 「三)」
    line = "全年在区政府门户网站公开政府信息7条，其中通知公告3条，工作动态2条，财政信息2条"  # over 30, no 。
    text = f"一)主动公开\n{line}\n二)依申请公开\n全年未收到申请。\n三)平台建设\n持续完善。"
    assert numbering(text) == [("bracket", "一)"), ("bracket", "二)"), ("bracket", "三)")]
    # a wrapped line that happens to start with 「五)」 is not a marker
    assert numbering(f"一)主动公开\n{line}\n五)类。") == [("bracket", "一)")]
