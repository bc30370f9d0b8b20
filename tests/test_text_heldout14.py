"""Text rules on phrasings from a fourteenth set of real reports the rules were not written from (91 texts, most of
them 2024 and 2025 reports of counties, banners and city departments in 西藏, 宁夏, 新疆, 内蒙古, 黑龙江, 贵州, 云南,
广西, 甘肃, 江西, 福建 and 山西: 71 read in five batches, then 20 kept unseen until the end).  The worked set had no
wrong reading and 24 misses; 5 of them are read now: 「收到…74件，完成72件」 (完成 right before its count is
closed), 「均依法依规按期办结」 (several adverbs before 办结 still say every application was closed), 「（4件为上年度
结转办结，…）」 (the carried-in ones named after their count), 「2024年受理的37件申请件已按规定在法定期限内予以答复」
(the ones received that were answered, said after the count: those carried in may have been closed too) and
「行政复议1件（申请人撤回结案）」 (a case's result in brackets after its count; the fifth batch was read after the
held-out set was measured).  The 20 held out, measured
once, had no wrong reading and 14 misses (the same with the rules as they were before this round); 5 of them are read now: 「办结上年度结转依申请
公开事项4件」 (事项 between 结转 and the count), 「1件，已按时依法办结」, 「收到公开申请事项26项」, 「收到申请2件，均为
自然人申请」 (the applicant type of every application received: its row, new applications only, may fall short of
the count by those carried in) and 「行政诉讼2件，均经审理依法驳回原告诉讼请求」 (the court found for the organ: 维持).
Left alone: counts per channel (「其中网络申请4件，信函申请6件，现场申请1件」, 9 worked and 6 held-out misses: every text
met gives the total beside them), 「按时办结454件」 (on time: a part), 「累计共受理…5件」 (累计 may reach back before the
year), 「未收到群众以当场申请、信件…等书面形式提出的…申请」 (the
first 申请 of the list ends the match), 「未收到本级依申请公开事项」 (本级), 「有效依申请公开信件13件」 after a quoted organ
name, 「收到行政复议6件，5件维持结果，1件…撤销复议」 (an organ may receive cases as the review authority; the results
stand before their counts), 「其他情况1件」, 「规章13件（含新制定5件…）」, 「1件…在法定时限内依法予以公开答复」 (the result
far from the count), 「均为非本机关掌握信息」, 废止 counts of 规范性文件 and 规章 and the counts of 行政许可 and 行政处罚 (no
rule reads them).  The organs and figures here are made up; each case pairs text with table figures that agree (no
finding) and, where the text can be wrong, figures that disagree (the right finding)."""
from __future__ import annotations

from tests.heldout import ALL_CLOSED_42, BASE_40, Round, claim_rule_findings, kinds, made_up, subjects

BASE, ALL_CLOSED = BASE_40, ALL_CLOSED_42
# a small organ: 2 received from citizens, both disclosed
SMALL = {"t3.r1.np": 2, "t3.r1.tot": 2, "t3.r3_1.tot": 2, "t3.r3_7.tot": 2}

ROUND = Round(BASE, "某旗交通运输局")
report, claim_findings = ROUND.report, ROUND.findings


def test_completed_right_before_its_count_is_closed():
    text = "（二）依申请公开方面。2023年，收到依申请公开信息共42件，完成36件（结转至下年度办理6件）。"
    assert kinds(text) == [("received", 42), ("closed", 36), ("carried_out", 6)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("完成36件", "完成35件"))
    assert f.rule == "N.CLOSED" and f.actual == 35
    # other work done, or 完成 with its object between it and the count: not applications closed
    assert kinds("（二）依申请公开。2023年收到人大代表建议15件，完成15件。") == []
    assert kinds("（一）主动公开。2023年完成信息发布300条，完成整改3件。") == []


def test_every_application_closed_said_with_several_adverbs():
    for text in ("（二）依申请公开方面。全年共收到政府信息公开申请42件，均依法依规按期办结。",
                 "（二）依申请公开情况。2023年，我局共办理政府信息公开申请42件，已按时依法办结。"):
        assert ("complete", None) in kinds(text), text
        assert [f for f in claim_findings(text, **ALL_CLOSED) if f.rule == "N.CLOSED"] == [], text
        assert [f.rule for f in claim_findings(text) if f.rule == "N.CLOSED"] == ["N.CLOSED"], text  # 6 carried out


def test_carried_in_named_after_their_count():
    text = ("（二）依申请公开情况。全年共收到政府信息公开申请40件，共答复办结政府信息公开36件（2件为上年度结转办结，"
            "6件结转下年度办结）。")
    assert kinds(text) == [("received", 40), ("closed", 36), ("carried_in", 2), ("carried_out", 6)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("2件为", "3件为"))
    assert f.rule == "N.CLOSED" and f.actual == 3
    # the carried-in ones closed, named as 事项
    text = "（二）依申请公开情况。2023年，办结上年度结转依申请公开事项2件，新收依申请公开事项40件。"
    assert kinds(text) == [("carried_in", 2), ("received", 40)]
    assert claim_findings(text) == []
    [f] = claim_findings(text, t3__r2__np=3, t3__r2__tot=3)
    assert f.rule == "N.CLOSED" and f.expected == 3 and f.actual == 2


def test_applications_named_as_items():
    text = "（二）依申请公开。依申请公开流程规范。2023年度收到公开申请事项40项。"
    assert kinds(text) == [("received", 40)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("40项", "41项"))
    assert f.rule == "N.RECEIVED" and f.actual == 41
    # items of another business
    assert kinds("（二）依申请公开。2023年度收到行政许可申请事项26项。") == []


def test_applicant_type_of_every_application_received():
    text = "（二）依申请公开。2023年共收到政府信息公开申请2件，均为自然人申请。"
    assert kinds(text) == [("received", 2), ("applicant:np", 2)]
    assert claim_rule_findings(made_up(text, SMALL, "某县林业局", {})) == []
    [f] = claim_rule_findings(made_up(text, SMALL, "某县林业局", {"t3__r1__np": 1, "t3__r1__biz": 1}))
    assert f.rule == "N.RECEIVED" and (f.expected, f.actual) == (1, 2)
    # the count may hold one carried in that the text leaves unsaid: its applicant is not in 第一项
    carried = {"t3__r1__np": 1, "t3__r1__tot": 1, "t3__r2__np": 1, "t3__r2__tot": 1, "t3__r3_1__tot": 2}
    assert claim_rule_findings(made_up(text, SMALL, "某县林业局", carried)) == []
    assert kinds("（二）依申请公开。2023年共收到政府信息公开申请2件，申请人均为自然人。")[1] == ("applicant:np", 2)
    # another applicant type, or a carry-over in the paragraph: not read
    assert kinds("（二）依申请公开。2023年共收到政府信息公开申请2件，均为法人申请。") == [("received", 2)]
    assert kinds("（二）依申请公开。2023年共收到政府信息公开申请2件，均为自然人申请，上年结转1件。") == [
        ("received", 2), ("carried_in", 1)]


def test_a_lawsuit_the_court_found_for_the_organ_is_upheld():
    text = "（二）依申请公开。2023年共收到申请40件，其中办结36件。涉及行政诉讼案件1件，经审理依法驳回原告诉讼请求。"
    assert subjects(text)[-2:] == [("lawsuit", 1, None), ("t4sub:upheld", 1, "lawsuit")]
    assert claim_findings(text, t4__direct__pending=0, t4__direct__upheld=1) == []
    [f] = claim_findings(text)  # the table has it pending
    assert f.rule == "N.REVIEW" and f.actual == 1
    assert subjects("（四）行政复议和诉讼。2023年被提起行政诉讼1件，法院判决驳回原告诉讼请求。")[-1] == (
        "t4sub:upheld", 1, "lawsuit")
    # a suit dismissed is not a judgment for the organ
    assert subjects("（四）行政复议和诉讼。2023年被提起行政诉讼1件，被驳回起诉。") == [("lawsuit", 1, None)]


def test_a_case_result_in_brackets_after_its_count():
    text = "（二）依申请公开。2023年共收到政府信息公开申请40件；政府信息公开行政复议2件（申请人撤回结案）、行政诉讼1件。"
    assert subjects(text) == [("received", 40, None), ("review", 2, None), ("t4sub:other", 2, "review"),
                              ("lawsuit", 1, None)]
    assert claim_findings(text, t4__review__upheld=0, t4__review__other=2) == []
    [f] = claim_findings(text)  # the table has 1 维持, 1 其他结果
    assert f.rule == "N.REVIEW" and f.actual == 2
    assert subjects("（四）复议诉讼。2023年被申请行政复议2件（结果维持），被提起行政诉讼1件（尚未审结）。") == [
        ("review", 2, None), ("t4sub:upheld", 2, "review"), ("lawsuit", 1, None), ("t4sub:pending", 1, "lawsuit")]
    # what is not a result: not read as one
    assert subjects("（四）复议诉讼。2023年被提起行政诉讼1件（含复议后起诉）。") == [("lawsuit", 1, None)]


def test_the_ones_received_that_were_answered():
    text = ("（二）依申请公开。1、2023年度，我办受理依申请公开40件。2、对申请的办理情况：2023年受理的36件申请件已按规定"
            "在法定期限内予以答复，其中“予以公开”的10件，6件结转到下一年度答复。")
    assert kinds(text) == [("received", 40), ("closed", 36), ("cat:r3_1", 10), ("carried_out", 6)]
    assert claim_findings(text) == []
    for closed in (33, 37):  # fewer than the 2 carried in can make up, or more than were closed
        [f] = claim_findings(text.replace("受理的36件", f"受理的{closed}件"))
        assert f.rule == "N.CLOSED" and f.actual == closed
    # those carried in may have been closed too: 36 of the new ones and 2 carried in
    text = "（二）依申请公开。2023年受理的40件申请均已办结。"
    assert ("closed", 40) in kinds(text)
    assert [f for f in claim_findings(text, **ALL_CLOSED) if f.rule == "N.CLOSED"] == []
    assert [f.actual for f in claim_findings(text) if f.rule == "N.CLOSED"][:1] == [40]  # 36 closed
    # a kind of them: not read
    assert kinds("（二）依申请公开。2023年收到涉及征地的37件申请已全部答复。") == []
