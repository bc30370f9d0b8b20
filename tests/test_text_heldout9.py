"""Text rules on phrasings from a ninth set of real reports the rules were not written from: counts in 次 and
件次 (「依申请公开3次，行政复议0次」), a case's result in its own clause (「被行政复议1件，为其他结果」), the two kinds of
lawsuit (「未经复议直接起诉1件」「复议后起诉1件」), counts with no verb (「我镇依申请公开请求9件」「依申请公开受理量为0
件」), none received said otherwise (「未接到群众要求公开的信息」「未收到公众关于政府信息公开的申请」), 规范性文件
counted number first (「制发3份规范性文件」「…，新制发1件」「现行有效件数14件」), and three readings that were wrong
(a lawsuit for another act, an answered figure beside 不予受理, a case 「尚未办结」 read as carried over).  The organs
and figures here are made up; each case pairs text with table figures that agree (no finding) and, where the
text can be wrong, figures that disagree (the right finding)."""
from __future__ import annotations

from tests.heldout import Round, kinds, subjects

# 60 new + 2 carried in = 57 closed + 5 carried out; 复议 1 (其他结果), 直接起诉 1 (其他结果), 复议后起诉 1 (维持);
# 规范性文件: 3 issued, 14 in force
BASE = {
    "t3.r1.np": 55, "t3.r1.biz": 5, "t3.r1.tot": 60, "t3.r2.np": 2, "t3.r2.tot": 2,
    "t3.r3_1.tot": 30, "t3.r3_2.tot": 7, "t3.r3_3_5.tot": 3, "t3.r3_4_1.tot": 12, "t3.r3_5_1.tot": 5,
    "t3.r3_7.tot": 57, "t3.r4.tot": 5,
    "t4.review.tot": 1, "t4.review.other": 1,
    "t4.direct.tot": 1, "t4.direct.other": 1,
    "t4.after.tot": 1, "t4.after.upheld": 1,
    "t2.normative.issued": 3, "t2.normative.in_force": 14,
}


ROUND = Round(BASE, "某县农业农村局")
report, claim_findings = ROUND.report, ROUND.findings


def test_counts_in_times():
    text = "（二）依申请公开。综合办公室更新“领导介绍”模块两次；依申请公开60次，行政复议1次，行政诉讼2次；民政科每月公示低保信息。"
    assert kinds(text) == [("received", 60), ("review", 1), ("lawsuit", 2)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("依申请公开60次", "依申请公开61次"))
    assert f.rule == "N.RECEIVED" and f.actual == 61
    # 件次 counts applications; 次 counts nothing else
    assert kinds("2023年共收到政府信息公开申请60件次。") == [("received", 60)]
    assert kinds("依申请公开方面，召开专题会议3次，开展答复培训2次，发布信息50条次，培训300个次。") == []


def test_a_case_result_in_its_own_clause():
    text = "（二）依申请公开。2023年本局收到政府信息公开申请60件。被行政复议1件，为其他结果；未经复议直接起诉1件，为其他结果；复议后起诉1件，结果维持。"
    assert subjects(text)[1:] == [("review", 1, None), ("t4sub:other", 1, "review"),
                                  ("lawsuit:direct", 1, None), ("t4sub:other", 1, "direct"),
                                  ("lawsuit:after", 1, None), ("t4sub:upheld", 1, "after")]
    assert claim_findings(text) == []
    [f] = claim_findings(text, t4__after__upheld=0, t4__after__corrected=1)
    assert f.rule == "N.REVIEW" and f.actual == 1 and f.cells == ("t4.after.upheld",)
    # 「均为结果维持」 of both kinds of lawsuit; a result with its own count is read once
    assert subjects("行政诉讼2件，均为结果维持。")[-1] == ("t4sub:upheld", 2, "lawsuit")
    assert subjects("依申请公开方面，行政复议2件，维持1件，纠错1件。") == [
        ("review", 2, None), ("t4sub:upheld", 1, "review"), ("t4sub:corrected", 1, "review")]


def test_the_two_kinds_of_lawsuit():
    text = "（二）依申请公开。2023年本局收到政府信息公开申请60件，行政复议1件，复议后起诉1件，未经复议直接诉讼1件。"
    assert kinds(text)[1:] == [("review", 1), ("lawsuit:after", 1), ("lawsuit:direct", 1)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("直接诉讼1件", "直接诉讼3件"))
    assert f.rule == "N.REVIEW" and f.actual == 3 and f.cells == ("t4.direct.tot",)
    # the organ's lawsuits of every kind, one kind a share of them: not about its disclosure
    assert kinds("全县共收到行政诉讼120件，其中直接起诉100件。") == []


def test_counts_with_no_verb():
    for text in ("（二）依申请公开。2023年，我局依申请公开请求60件，办结57件。",
                 "（二）依申请公开。2023年，我局依申请公开受理量为60件。",
                 "（二）依申请公开。2023年，我局共受理政府信息公开60件，办结57件。"):
        assert ("received", 60) in kinds(text), text
        assert claim_findings(text) == [], text
    [f] = claim_findings("（二）依申请公开。2023年，我局依申请公开受理量为0件。")
    assert f.rule == "N.RECEIVED" and f.actual == 0
    # documents counted by what may be disclosed of them, and items of information, are no applications
    assert kinds("（三）政府信息管理。全年印发公文50件，其中主动公开45件，依申请公开5件；依申请公开的公文可向本局提出申请获取。") == []
    assert kinds("（二）依申请公开方面。依申请公开2条，免于公开信息0条。") == []


def test_none_received_said_otherwise():
    for text in ("（二）依申请公开情况。本年度，未接到群众要求公开的信息。",
                 "（二）依申请公开。2023年度，本局未收到公众关于政府信息公开的申请。",
                 "（二）依申请公开。2023年度，未收到和处理政府信息公开申请事项。",
                 "（二）依申请公开。2023年度未接到针对本部门有关政府信息公开的申请。"):
        assert kinds(text) == [("none_received", None)], text
        [f] = claim_findings(text)
        assert f.rule == "N.NONE", text  # the table has 60 applications
        assert claim_findings(text, t3__r1__tot=0, t3__r1__np=0, t3__r1__biz=0) == [], text
    # 关于 a kind of them is still a part
    assert kinds("（二）依申请公开。未收到关于征地拆迁的政府信息公开申请。") == []


def test_normative_documents_counted_number_first():
    for text, kind, value in (("（一）主动公开。全年制发3份规范性文件，废止18份规范性文件。", "normative_issued", 3),
                              ("（一）主动公开。清理本局规范性文件20件，保留14件，新制发3件。", "normative_issued", 3),
                              ("（一）主动公开。2023年度新发布的行政规范性文件3件，制作解读8个。", "normative_issued", 3),
                              ("（三）政府信息管理。行政规范性文件制发件数3件，废止件数0件。", "normative_issued", 3),
                              ("（三）政府信息管理。制发行政规范性文件3件，废止行政规范性文件10件，现行有效件数14件。",
                               "normative_in_force", 14),
                              ("（三）政府信息管理。对本局规范性文件进行全面梳理，继续有效14件，失效2件。", "normative_in_force", 14)):
        assert (kind, value) in kinds(text), text
        assert claim_findings(text) == [], text
    [f] = claim_findings("（一）主动公开。全年制发5份规范性文件。")
    assert f.rule == "N.T2" and f.actual == 5 and f.cells == ("t2.normative.issued",)
    # 规章 named last, and the documents as the object of a review, are not these counts
    assert kinds("（三）政府信息管理。制发规范性文件3件；制发规章2件，废止1件，现行有效8件。") == [
        ("normative_issued", 3), ("rules_issued", 2)]
    assert kinds("（五）下一步。6.对2023年以来制发的规范性文件14件进行清理。") == []


def test_three_readings_that_were_wrong():
    # a lawsuit brought for another act of the organ
    text = ("（四）行政复议、行政诉讼。2023年度本局未因信息公开被申请行政复议或提起行政诉讼。"
            "本局因具体行政行为被提起行政诉讼2起，均胜诉。")
    assert kinds(text) == [("none_review", None), ("none_lawsuit", None)]
    assert claim_findings(text, t4__review__tot=0, t4__review__other=0, t4__direct__tot=0, t4__direct__other=0,
                          t4__after__tot=0, t4__after__upheld=0) == []
    # 「答复7件」 beside 「不予受理4件」 is one outcome, not all closed
    assert kinds("（二）依申请公开。2023年度共受理政府信息公开申请60件，答复50件，不予受理7件。") == [("received", 60)]
    # cases not yet decided, not applications carried over
    assert kinds("（二）依申请公开。收到行政复议1件，维持结果1件，尚未办结0件；未经复议直接诉讼1件。") == [
        ("lawsuit:direct", 1)]
