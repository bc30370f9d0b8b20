"""Text rules on phrasings from an eighth set of real reports the rules were not written from: a 复议 result
after both kinds of case were counted (「复议6件和诉讼3件，其中行政复议结果维持5件」), figures of half a year
(「2022年上半年，全区共受理申请267件」), the results listed after a sentence about the departments and towns,
「通过任何形式提出的申请」, the applications called letters (「依申请公开信件19件」) and a carry-over of none
named by the next year (「无结转2024年继续办理件」「无下年度结转」).  The organs and figures here are made up;
each case pairs text with table figures that agree (no finding) and, where the text can be wrong, figures that
disagree (the right finding)."""
from __future__ import annotations

from tests.heldout import Round, kinds, subjects

# 60 new + 2 carried in = 57 closed + 5 carried out; 4 复议 (3 维持, 1 pending), 2 诉讼 (both 维持)
BASE = {
    "t3.r1.np": 55, "t3.r1.biz": 5, "t3.r1.tot": 60, "t3.r2.np": 2, "t3.r2.tot": 2,
    "t3.r3_1.tot": 30, "t3.r3_2.tot": 7, "t3.r3_3_5.tot": 3, "t3.r3_4_1.tot": 12, "t3.r3_5_1.tot": 5,
    "t3.r3_7.tot": 57, "t3.r4.tot": 5,
    "t4.review.tot": 4, "t4.review.upheld": 3, "t4.review.pending": 1,
    "t4.direct.tot": 2, "t4.direct.upheld": 2,
}


ROUND = Round(BASE, "某区住房和城乡建设局")
report, claim_findings = ROUND.report, ROUND.findings


def test_a_case_result_names_its_own_kind_of_case():
    text = ("（二）依申请公开。2023年本局收到政府信息公开申请60件，全年因政府信息公开产生行政复议案件4件和"
            "行政诉讼案件2件，其中行政复议结果维持3件，尚未审结1件，行政诉讼结果维持2件。")
    assert subjects(text)[-3:] == [("t4sub:upheld", 3, "review"), ("t4sub:pending", 1, "review"),
                                   ("t4sub:upheld", 2, "lawsuit")]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("行政复议结果维持3件", "行政复议结果维持2件"))
    assert f.rule == "N.REVIEW" and f.actual == 2 and f.cells == ("t4.review.upheld",)
    # a result that names no kind is still the last one counted's
    assert subjects("依申请公开方面，行政诉讼案件2件，其中结果维持2件。")[-1] == ("t4sub:upheld", 2, "lawsuit")


def test_figures_of_part_of_the_year_are_not_the_years():
    for text in ("2023年上半年，本局共受理政府信息公开申请20件，答复18件。",
                 "依申请公开方面，2023年1至6月，本局共收到政府信息公开申请25件。",
                 "2023年第一季度，本局共收到政府信息公开申请9件。"):
        assert kinds(text) == [], text
        assert claim_findings(text) == []
    # the whole year, or the year named after the half
    assert kinds("2023年1-12月，本局共受理政府信息公开申请60件。") == [("received", 60)]
    assert kinds("按照上半年的部署，全年共收到政府信息公开申请60件。") == [("received", 60)]
    [f] = claim_findings("按照上半年的部署，全年共收到政府信息公开申请61件。")
    assert f.rule == "N.RECEIVED" and f.actual == 61


def test_the_results_listed_after_a_sentence_about_departments_and_towns():
    text = ("（二）依申请公开。2023年，全区各职能部门、镇街共完成政府信息公开申请答复300件。其中，予以公开答复200件，"
            "占66.67%；部分公开40，占13.33%；不予公开10件，占3.33%；无法提供的50件，占16.67%。")
    assert kinds(text) == []
    assert claim_findings(text) == []
    # after a sentence about the organ itself the results are its own
    own = "（二）依申请公开。本局共答复政府信息公开申请57件。其中，予以公开30件；部分公开7件；无法提供12件。"
    assert kinds(own) == [("closed", 57), ("cat:r3_1", 30), ("cat:r3_2", 7), ("cat:r3_4", 12)]
    assert claim_findings(own) == []
    [f] = claim_findings(own.replace("部分公开7件", "部分公开8件"))
    assert f.rule == "N.CATEGORY" and f.actual == 8
    # a new statement after the semicolon is no result of the towns
    assert kinds("2023年，各乡镇收到申请6件；本局共收到政府信息公开申请60件。") == [("received", 60)]


def test_none_received_through_any_channel():
    text = "（二）依申请公开。2023年，本局未收到公民、法人或其他组织通过任何形式提出的政府信息公开申请。"
    assert kinds(text) == [("none_received", None)]
    [f] = claim_findings(text)
    assert f.rule == "N.NONE"  # the table has 60 applications
    assert claim_findings(text, t3__r1__np=0, t3__r1__biz=0, t3__r1__tot=0) == []
    # one channel is still a part
    assert kinds("2023年，本局未收到通过信函提出的政府信息公开申请。") == []


def test_none_received_of_matters_of_disclosure():
    text = "（二）依申请公开。2023年，本局未收到依申请公开事项申请。"
    assert kinds(text) == [("none_received", None)]
    [f] = claim_findings(text)
    assert f.rule == "N.NONE"
    assert claim_findings(text, t3__r1__np=0, t3__r1__biz=0, t3__r1__tot=0) == []
    assert kinds("2023年，本局未收到依申请公开事项申请延期的情况。") == []


def test_the_applications_called_letters():
    text = "（二）依申请公开。2023年，本局共收到依申请公开信件60件，已办结57件。"
    assert kinds(text) == [("received", 60), ("closed", 57)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("信件60件", "信件63件"))
    assert f.rule == "N.RECEIVED" and f.actual == 63
    # letters as one channel are a part of them
    assert kinds("依申请公开方面，收到申请60件，其中信件申请10件，网络申请50件。") == [("received", 60)]
    assert kinds("依申请公开方面，本局全年收到信件申请10件。") == []


def test_no_carry_over_named_by_the_next_year():
    text = "（二）依申请公开。2023年，本局共受理60件政府信息公开申请，办结57件，无结转2024年继续办理件。"
    assert kinds(text)[-1] == ("carried_out", 0)
    [f] = claim_findings(text)
    assert f.rule == "N.CLOSED" and f.actual == 0  # the table carries 5 over
    assert claim_findings(text, t3__r4__tot=0) == []
    assert kinds("依申请公开方面，共收到申请60件，无下年度结转。")[-1] == ("carried_out", 0)
    # another year than the next is not this report's carry-over
    assert ("carried_out", 0) not in kinds("依申请公开方面，共收到申请60件，无结转2025年继续办理件。")


def test_a_case_result_after_its_count():
    text = "（二）依申请公开。2023年本局收到政府信息公开申请60件。被申请行政复议4件，其中3件维持，1件尚未审结。"
    assert subjects(text)[-2:] == [("t4sub:upheld", 3, "review"), ("t4sub:pending", 1, "review")]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("其中3件维持", "其中2件维持"))
    assert f.rule == "N.REVIEW" and f.actual == 2
    assert subjects("依申请公开方面，行政诉讼2件，2件被纠正。")[-1] == ("t4sub:corrected", 2, "lawsuit")
    # only after a count of cases, and only ending its clause
    assert kinds("依申请公开方面，收到申请60件，其中2件维持。") == [("received", 60)]
    assert kinds("依申请公开方面，被申请行政复议4件，3件维持原答复的理由充分。") == [("review", 4)]


def test_the_applications_called_matters_to_handle():
    text = "（二）依申请公开。2023年，本局收到政府信息依申请公开办理事项60件，已在规定时间内办结答复。"
    assert kinds(text) == [("complete", None), ("received", 60)]  # (已…办结 right after the count: all closed)
    found = claim_findings(text.replace("办理事项60件", "办理事项63件"))
    assert [(f.rule, f.actual) for f in found if f.rule == "N.RECEIVED"] == [("N.RECEIVED", 63)]
    assert kinds("2023年，本局共办理政务服务事项600件。") == []
