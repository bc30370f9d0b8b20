"""Text rules on phrasings from a tenth set of real reports the rules were not written from: four readings that
were wrong (a carry-over whose verb 答复 was read as closed, 「已完成…申请1件」 read as received, the cases a
复议机关 decided read as the organ's own, a result's total read beside one of its rows counted apart), and the
misses met most often.  The organs and figures here are made up; each case pairs text with table figures that
agree (no finding) and, where the text can be wrong, figures that disagree (the right finding)."""
from __future__ import annotations

from tests.heldout import Round, kinds, subjects

# 40 new + 2 carried in = 36 closed + 6 carried out; results: 10 公开, 8 部分, 4 不予公开, 6 无法提供, 8 其他处理
# (2 of them 逾期不补正); 复议 2 (维持); 规范性文件: 3 issued, 20 in force
BASE = {
    "t3.r1.np": 38, "t3.r1.biz": 2, "t3.r1.tot": 40, "t3.r2.np": 2, "t3.r2.tot": 2,
    "t3.r3_1.tot": 10, "t3.r3_2.tot": 8, "t3.r3_3_5.tot": 4, "t3.r3_4_1.tot": 6,
    "t3.r3_6_1.tot": 2, "t3.r3_6_3.tot": 6, "t3.r3_7.tot": 36, "t3.r4.tot": 6,
    "t4.review.tot": 2, "t4.review.upheld": 2,
    "t2.normative.issued": 3, "t2.normative.in_force": 20,
}


ROUND = Round(BASE, "某县林业局")
report, claim_findings = ROUND.report, ROUND.findings


def test_a_carry_over_whose_verb_is_answered():
    text = "（二）依申请公开。2023年度本局收到政府信息公开申请40件，办结36件，顺延至下一年答复6件。"
    assert kinds(text) == [("received", 40), ("closed", 36), ("carried_out", 6)]
    assert claim_findings(text) == []
    [f] = claim_findings(text, t3__r4__tot=5)
    assert f.rule == "N.CLOSED" and f.actual == 6


def test_completed_applications_are_closed():
    text = "（二）依申请公开。2023年度受理政府信息公开申请40件，已完成依申请公开申请36件。"
    assert kinds(text) == [("received", 40), ("closed", 36)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("申请36件", "申请40件"))
    assert f.rule == "N.CLOSED" and f.actual == 40


def test_the_cases_a_review_authority_decided():
    # a 复议机关's caseload beside the applications: not the cases about its disclosure
    text = ("（二）依申请公开情况。2023年共收到政府信息公开申请40件。"
            "行政复议144件，120件做了复议决定，行政诉讼97件，27件法院做出判决。")
    assert kinds(text) == [("received", 40)]
    assert claim_findings(text) == []
    # the organ's own cases are still read, and so is the decision another body made on one of them
    assert kinds("（二）依申请公开。2023年收到申请40件。行政复议2件，均维持。")[1:] == [("review", 2), ("t4sub:upheld", 2)]
    assert kinds("（二）依申请公开。2023年收到申请40件。行政复议2件，复议机关作出复议决定维持原答复。")[1:] == [
        ("review", 2)]


def test_a_result_beside_one_of_its_rows():
    # 「逾期未补正2件，其他处理6件」: two of the rows of 其他处理, whose total is 8
    text = ("（二）依申请公开。2023年共收到政府信息公开申请40件。其中，予以公开10件，部分公开8件，不予公开4件，"
            "无法提供6件，逾期未补正2件，其他处理6件，结转下年度继续办理6件。")
    assert kinds(text)[5:] == [("leaf:r3_6_1", 2), ("carried_out", 6)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("逾期未补正2件", "逾期未补正3件"))
    assert f.rule == "N.CATEGORY" and f.actual == 3
    # the row as a share of its result, after it, leaves the total read
    assert kinds("（二）依申请公开。收到申请40件，其他处理8件（其中逾期不补正2件）。")[1:] == [
        ("cat:r3_6", 8), ("leaf:r3_6_1", 2)]
    # late is no rough count
    assert kinds("（二）依申请公开。收到申请40件，经补正后予以公开2件。") == [("received", 40)]


def test_in_force_documents_named_once():
    text = "（一）主动公开。制定发布规范性文件3件，清理废止文件0件，现行有效文件20件。"
    assert kinds(text) == [("normative_issued", 3), ("normative_in_force", 20)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("有效文件20件", "有效文件21件"))
    assert f.rule == "N.T2" and f.actual == 21 and f.cells == ("t2.normative.in_force",)
    # 文件 alone, with no 规范性文件 named, is no count of them
    assert kinds("（一）主动公开。全年制发文件18件，废止文件0件，现行有效文件18件。") == []


def test_documents_issued_named_by_their_titles():
    text = "（一）主动公开。2023年新制作《某某管理办法》《某某实施细则》等3件规范性文件。"
    assert kinds(text) == [("normative_issued", 3)]
    assert claim_findings(text) == []
    [f] = claim_findings(text, t2__normative__issued=2)
    assert f.rule == "N.T2" and f.actual == 3
    assert kinds("（一）主动公开。2023年制作政策解读8个，发布文件3件。") == []


def test_the_result_of_all_cases_with_its_word_after():
    text = "（二）依申请公开。2023年收到政府信息公开申请40件。行政复议2件，均维持结果。"
    assert subjects(text)[1:] == [("review", 2, None), ("t4sub:upheld", 2, "review")]
    assert claim_findings(text) == []
    [f] = claim_findings(text, t4__review__upheld=1, t4__review__corrected=1)
    assert f.rule == "N.REVIEW" and f.cells == ("t4.review.upheld",)


def test_received_and_answered_at_once():
    text = "（二）依申请公开。2023年收到并答复政府信息公开申请40件。"
    assert sorted(kinds(text)) == [("closed", 40), ("received", 40)]
    # 40 new, none carried in or out, 40 closed
    agreeing = dict(t3__r2__np=0, t3__r2__tot=0, t3__r3_7__tot=40, t3__r4__tot=0, t3__r3_6_3__tot=10)
    assert claim_findings(text, **agreeing) == []
    # 41 is neither the applications received nor those closed
    assert {f.rule for f in claim_findings(text.replace("40件", "41件"), **agreeing)} == {"N.RECEIVED", "N.CLOSED"}


def test_channels_listed_up_to_every_other_one():
    text = "（二）依申请公开。2023年通过网络、信函、当面及其他形式共收到政府信息公开申请40件。"
    assert kinds(text) == [("received", 40)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("40件", "39件"))
    assert f.rule == "N.RECEIVED" and f.actual == 39
    # some channels only are a part
    assert kinds("（二）依申请公开。2023年通过网络、信函共收到政府信息公开申请30件。") == []


def test_applications_counted_in_letters():
    text = "（二）依申请公开。2023年本机关在信息公开管理系统中收到40封申请，已按照处理流程进行处理。"
    assert kinds(text) == [("received", 40)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("40封", "4封"))
    assert f.rule == "N.RECEIVED" and f.actual == 4
    # letters not said to be applications are not
    assert kinds("（二）依申请公开。2023年收到群众来信12封，收到12封邮件，收到12封申请人来信。") == []


def test_lawsuits_under_a_heading_about_the_disclosure_cases():
    # no disclosure word in the sentence, but its heading names the organ's disclosure cases
    for text in ("（四）政府信息公开行政复议、行政诉讼情况。2023年收到诉讼为2件，其中未经复议直接起诉2件。",
                 "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n2023年收到诉讼为2件，其中未经复议直接起诉2件。"):
        assert kinds(text) == [("lawsuit", 2), ("lawsuit:direct", 2)], text
        assert claim_findings(text, t4__direct__tot=2) == [], text
        # the table has no lawsuit: both figures disagree
        assert [(f.rule, f.actual) for f in claim_findings(text)] == [("N.REVIEW", 2), ("N.REVIEW", 2)], text
    # not under such a heading, or a 复议机关's cases under it: not read
    assert kinds("（二）依申请公开。2023年收到诉讼为2件，其中未经复议直接起诉2件。") == []
    assert kinds("（四）行政复议、行政诉讼情况。2023年收到诉讼为2件，其中未经复议直接起诉2件。") == []
    assert kinds("（四）政府信息公开行政复议、行政诉讼情况。全县共收到行政复议120件，受理行政诉讼30件。") == []


def test_left_unread_on_purpose():
    # the others, after a carry-over: neither all received nor all closed
    assert kinds("（二）依申请公开。2023年共收到申请40件，其中6件结转，其余34件全部按时答复。") == [
        ("received", 40), ("carried_out", 6)]
    # letters of application may be one channel of several
    assert kinds("（二）依申请公开工作情况。2023年，全年未收到依申请公开来信，无意见投诉情况。") == []
    # answered in time is about time: reports say it beside applications carried over
    assert kinds("（二）依申请公开。2023年共收到政府信息公开申请40件，均在规定时限内完成答复。") == [("received", 40)]


def test_the_sum_of_the_parts_is_the_total():
    text = ("（二）依申请公开情况。2023年共收到群众网上申请30件，快递10件，合计40件，上年结转2件，"
            "截至12月底已回复36件，6件正在办理中。")
    assert kinds(text) == [("received", 40), ("carried_in", 2), ("closed", 36), ("carried_out", 6)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("快递10件，合计40件", "快递11件，合计41件"))
    assert f.rule == "N.RECEIVED" and f.actual == 41
    # a figure that is not the parts' sum is no total, and what follows the parts stays theirs
    assert kinds("（二）依申请公开。全年接收信件申请9件，网上申请58件，共55件，办结50件。") == []


def test_results_named_as_the_form_names_them():
    # the row's whole label, and a result that names its own kind of case
    text = ("（二）依申请公开。2023年共收到政府信息公开申请40件，予以公开10件，申请人无正当理由逾期不补正、"
            "行政机关不再处理其政府信息公开申请2件。做好行政复议、行政诉讼的应诉工作，复议后起诉案件其他结果1件。")
    assert subjects(text)[1:] == [("cat:r3_1", 10, None), ("leaf:r3_6_1", 2, None), ("t4sub:other", 1, "after")]
    assert claim_findings(text, t4__after__tot=1, t4__after__other=1) == []
    [f] = claim_findings(text, t4__after__tot=1, t4__after__upheld=1)
    assert f.rule == "N.REVIEW" and f.cells == ("t4.after.other",)
    # a 复议机关's results are not
    assert kinds("（四）行政复议。全县行政复议案件纠错1件。") == []
