"""Text rules on phrasings from a thirteenth set of real reports the rules were not written from (98 texts: 76
read in four batches, then 22 kept unseen until the end).  The worked set had 1 wrong reading (「部分同意公开3件」
read as 予以公开) and 26 misses; the wrong reading is gone and 13 of the misses are read now: 「上年结转…办理数量1件」
and 「结转上年度办理3件」 (carried in, the 办 was taken for handled), 办结 said of every application (「所有申请均按时
办结」「均在法定时限内给予申请人办结」「3件，已按时办结」「1件，已在规定时间内办结答复」「予以公开1件，现已办结」),
a 乡镇 naming itself 「某某乡人民政府」 (it was taken for a part of the organ), 「无受理政府信息公开申请情况」, 「未接到
公众、法人或其他组织…的申请」, the result of every application after their count (「收到1件…申请，结转至下一年度办理」)
and 「撤销复议申请1件」.  The 22 held out, measured once, had no wrong reading and 12 misses (13 with the rules as
they were before this round); 5 misses are left: 「2023年结转2024年…申请4件」, a result sentence holding 「已主动公开」
(it was dropped whole), 「申请一件，已办理完毕」, 「均为未经复议直接起诉」 and 「申请人主动撤诉1件」 are read now.  One
wrong reading the rules had, met while fixing these, is gone: the results after 「其中」 of a carry-in count
(「上年结转申请4件，其中同意公开4件」) were read as the whole row's.  And a result said of every application received
holds when its row exceeds it by no more than the applications the table carries in (the text need not mention them:
they may have had that result too).  Left alone: 「均在…期限内答复」 (time, not
completion), counts per channel, 「其他1件」, 「信息不存在1件」, 「依申请公开信息0条」, 「涉及复议0件，诉讼0件」, results
named with no figure.  The organs and figures here are made up; each case pairs text with table figures that agree
(no finding) and, where the text can be wrong, figures that disagree (the right finding)."""
from __future__ import annotations

from tests.heldout import ALL_CLOSED_42, BASE_40, Round, claim_rule_findings, kinds, made_up, subjects

BASE, ALL_CLOSED = BASE_40, ALL_CLOSED_42
# a small organ: 3 received, all disclosed
SMALL = {"t3.r1.np": 3, "t3.r1.tot": 3, "t3.r3_1.tot": 3, "t3.r3_7.tot": 3}


ROUND = Round(BASE, "某县林业局")
report, claim_findings = ROUND.report, ROUND.findings


def test_part_agreed_is_partial():
    text = "（二）依申请公开。2023年共收到政府信息依申请公开件40件，按规定同意公开10件，部分同意公开8件。"
    assert kinds(text) == [("received", 40), ("cat:r3_1", 10), ("cat:r3_2", 8)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("部分同意公开8件", "部分同意公开9件"))
    assert f.rule == "N.CATEGORY" and f.actual == 9


def test_carry_in_with_its_handling_named():
    for text in ("（二）依申请公开。2023年共受理政府信息公开申请40件，上年结转政府信息公开办理数量2件，共办结36件。",
                 "（二）依申请公开。2023年共受理依申请公开件40件，上年结转政府信息公开申请办件2件。",
                 "（二）依申请公开。新收到依申请公开政府信息40件，结转上年度办理2件。"):
        got = kinds(text)
        assert ("carried_in", 2) in got and not any(k == "handled" for k, _ in got), text
        assert claim_findings(text) == [], text
        [f] = claim_findings(text.replace("2件", "3件"))
        assert f.rule == "N.CLOSED" and f.actual == 3, text
    # 「2023年结转2024年…」 in a 2023 report: carried out, not in (and not read)
    assert kinds("（二）依申请公开。2023年共受理申请40件，2023年结转2024年申请6件。") == [("received", 40)]
    assert kinds("（二）依申请公开。2023年共受理申请40件，包括2022年结转2023年申请2件。") == [("received", 40),
                                                                                  ("carried_in", 2)]


def test_closed_said_of_every_application():
    texts = ("（二）依申请公开。2023年共收到政府信息公开申请40件，所有申请均按时办结。",
             "（二）依申请公开。2023年共收到政府信息公开申请40件，依申请公开件均在法定时限内给予申请人办结。",
             "（二）依申请公开。2023年收到依申请公开40件，已按时办结。",
             "（二）依申请公开。2023年本局收到政府信息依申请公开办理事项40件，已在规定时间内办结答复。",
             "（二）依申请公开。2023年新收到政府信息公开申请40件，不予公开4件，予以公开10件，现已办结。",
             "（二）依申请公开。2023年度收到政府信息公开申请四十件，已办理完毕。",
             "（二）依申请公开。2023年共受理依申请政府信息公开事项40例，全部按时办结。")
    for text in texts:
        assert ("complete", None) in kinds(text), text
        assert [f for f in claim_findings(text, **ALL_CLOSED) if f.rule == "N.CLOSED"] == [], text
        assert [f.rule for f in claim_findings(text) if f.rule == "N.CLOSED"] == ["N.CLOSED"], text
    # time, not completion; a count; a part; not applications
    for text in ("（二）依申请公开。2023年共收到政府信息公开申请40件，均在法定期限内予以答复。",
                 "（二）依申请公开。2023年共收到政府信息公开申请40件，已办结36件。",
                 "（二）依申请公开。2023年共收到申请40件，其中36件已按时办结。",
                 "（三）政府信息管理。全年县长热线办理群众来电事项12件，所有来电均按时办结。"):
        assert ("complete", None) not in kinds(text), text


def test_a_town_naming_itself():
    text = "（二）依申请公开\n张家镇人民政府制定了政府信息依申请公开流程，2023年未收到依申请公开事项。"
    town = made_up(text, BASE, "张家镇人民政府", {})
    [f] = claim_rule_findings(town)
    assert f.rule == "N.NONE"
    none = {c: 0 for c in ("t3__r1__np", "t3__r1__biz", "t3__r1__tot")}
    assert claim_rule_findings(made_up(text, BASE, "张家镇人民政府", none)) == []
    # in a county's report the town is a part of it: not read
    assert claim_rule_findings(made_up(text, BASE, "某县人民政府", {})) == []


def test_none_received_said_otherwise():
    for text in ("（二）依申请公开。本年度无受理政府信息公开申请情况，无政府信息公开的行政复议案或行政诉讼案。",
                 "（二）依申请公开。2023年度我局未接到公众、法人或其他组织要求公开政府信息的申请。"):
        assert kinds(text)[0] == ("none_received", None), text
        assert [f.rule for f in claim_findings(text) if f.rule == "N.NONE"][:1] == ["N.NONE"], text
    # one applicant type only: not read
    assert kinds("（二）依申请公开。2023年度我局未接到法人或其他组织要求公开政府信息的申请。") == []


def test_the_result_of_every_application_after_their_count():
    text = "（二）依申请公开。2023年共收到申请3件，均予以公开。"
    assert kinds(text) == [("received", 3), ("cat:r3_1", 3)]
    assert claim_rule_findings(made_up(text, SMALL, "某县档案局", {})) == []
    [f] = claim_rule_findings(made_up(text, SMALL, "某县档案局", {"t3__r3_1__tot": 2, "t3__r3_2__tot": 1}))
    assert f.rule == "N.CATEGORY" and f.actual == 3
    text = "（二）依申请公开。2023年我局收到1件政府信息公开申请，结转至下一年度办理。"
    assert kinds(text) == [("received", 1), ("carried_out", 1)]
    one_open = {"t3.r1.np": 1, "t3.r1.tot": 1, "t3.r4.tot": 1}
    assert claim_rule_findings(made_up(text, one_open, "某县档案局", {})) == []
    [f] = claim_rule_findings(made_up(text, one_open, "某县档案局", {"t3__r4__tot": 0, "t3__r3_1__tot": 1,
                                                                 "t3__r3_7__tot": 1}))
    assert f.rule == "N.CLOSED" and f.actual == 1
    # where the paragraph speaks of a carry-over, the carried-in ones may share the result: not read
    assert kinds("（二）依申请公开。2023年共收到申请3件，均予以公开，上年结转1件。") == [("received", 3), ("carried_in", 1)]
    assert kinds("（二）依申请公开。2023年共收到申请3件，其中予以公开。") == [("received", 3)]


def test_the_result_of_every_application_received_leaves_room_for_those_carried_in_unsaid():
    # the table carries 1 in that the text does not mention: that one may have had the result too
    text = "（二）依申请公开。2023年共收到申请3件，均予以公开。"
    carried = {"t3__r2__np": 1, "t3__r2__tot": 1}
    assert claim_rule_findings(made_up(text, SMALL, "某县档案局", dict(carried, t3__r3_1__tot=4, t3__r3_7__tot=4))) == []
    for disclosed in (2, 5):  # fewer than said, or more than the carried-in ones can make up
        [f] = claim_rule_findings(made_up(text, SMALL, "某县档案局", dict(carried, t3__r3_1__tot=disclosed)))
        assert f.rule == "N.CATEGORY" and (f.expected, f.actual) == (disclosed, 3)
    text = "（二）依申请公开。2023年我局收到1件政府信息公开申请，结转至下一年度办理。"
    one_open = {"t3.r1.np": 1, "t3.r1.tot": 1, "t3.r2.np": 1, "t3.r2.tot": 1, "t3.r4.tot": 2}
    assert claim_rule_findings(made_up(text, one_open, "某县档案局", {})) == []


def test_results_of_the_carried_in_ones():
    text = ("（二）依申请公开情况\n全年共受理依申请公开40件。其中，已主动公开和同意公开的10件，不予公开4件，其他处理4件，"
            "结转下年办理6件。包括2022年结转2023年政府信息公开申请2件，其中，已主动公开和同意公开2件。")
    assert kinds(text) == [("received", 40), ("cat:r3_3", 4), ("cat:r3_6", 4), ("carried_out", 6), ("carried_in", 2)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("不予公开4件", "不予公开5件"))
    assert f.rule == "N.CATEGORY" and f.actual == 5
    # the result of the carried-in ones only (no larger than their count), not the row's
    assert kinds("（二）依申请公开。全年共受理依申请公开40件，上年结转申请2件，其中同意公开2件。") == [
        ("received", 40), ("carried_in", 2)]
    assert kinds("（二）依申请公开。全年共受理依申请公开40件，上年结转申请2件，其中同意公开10件。") == [
        ("received", 40), ("carried_in", 2), ("cat:r3_1", 10)]
    # documents published are not replies to applications
    assert kinds("（一）主动公开。2023年主动公开文件300件，其中经审核予以公开260件。") == []


def test_a_withdrawn_case_and_the_kind_of_every_lawsuit():
    text = ("（二）依申请公开。2023年因政府信息公开工作被申请行政复议2件，维持1件，撤销复议申请1件；"
            "被提起行政诉讼1件，均为未经复议直接起诉。")
    assert subjects(text) == [("review", 2, None), ("t4sub:upheld", 1, "review"), ("t4sub:other", 1, "review"),
                              ("lawsuit", 1, None), ("lawsuit:direct", 1, None)]
    assert claim_findings(text) == []
    found = claim_findings(text, t4__review__other=0, t4__review__pending=1)
    assert [(f.rule, f.actual) for f in found] == [("N.REVIEW", 1)]
    found = claim_findings(text, t4__direct__tot=0, t4__direct__pending=0, t4__after__tot=1, t4__after__pending=1)
    assert [(f.rule, f.actual) for f in found] == [("N.REVIEW", 1)]
    text = "（二）依申请公开。2023年被提起行政诉讼2件，其中申请人主动撤诉1件，尚未审结1件。"
    assert subjects(text) == [("lawsuit", 2, None), ("t4sub:other", 1, "lawsuit"), ("t4sub:pending", 1, "lawsuit")]
    assert claim_findings(text, t4__direct__tot=2, t4__direct__other=1) == []
    # an application withdrawn is no case
    assert kinds("（二）依申请公开。2023年共收到申请40件，其中申请人撤回申请2件。") == [("received", 40)]
