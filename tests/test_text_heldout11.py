"""Text rules on phrasings from an eleventh set of real reports the rules were not written from (90 texts in five
batches, each read with the rules the batches before it left): no reading was wrong; the misses met were the
applications called 「依申请公开申请事项」, a 「未收到…」 ended by a Latin full stop or by the 办理 it would have
had, 「回复处理」 and 「已处理」 for closed, this year's running total 「今年以来…累计处理」, a reason of 无法提供
or a reply or a case named after its count, a 园区 naming itself 「园区」, results counted in 起, and no cases
said by 「无信息公开…复议」 or 「未接收到…复议」.  The organs and figures here are made up; each case pairs text
with table figures that agree (no finding) and, where the text can be wrong, figures that disagree (the right
finding)."""
from __future__ import annotations

from model.text.claims import extract_claims
from tests.heldout import Round, claim_rule_findings, kinds, made_up

# 40 new + 2 carried in = 36 closed + 6 carried out; results: 10 公开, 8 部分, 4 不予公开, 6 无法提供 (不掌握),
# 8 其他处理
BASE = {
    "t3.r1.np": 38, "t3.r1.biz": 2, "t3.r1.tot": 40, "t3.r2.np": 2, "t3.r2.tot": 2,
    "t3.r3_1.tot": 10, "t3.r3_2.tot": 8, "t3.r3_3_5.tot": 4, "t3.r3_4_1.tot": 6,
    "t3.r3_6_3.tot": 8, "t3.r3_7.tot": 36, "t3.r4.tot": 6,
}
NONE = {k: 0 for k in BASE}  # no application at all


ROUND = Round(BASE, "某县教育局")
report, claim_findings = ROUND.report, ROUND.findings


def test_applications_named_as_items():
    text = "（二）依申请公开情况。2023年我局收到依申请公开申请事项40件，予以公开10件。"
    assert kinds(text) == [("received", 40), ("cat:r3_1", 10)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("事项40件", "事项41件"))
    assert f.rule == "N.RECEIVED" and f.actual == 41


def test_none_received_ended_by_a_latin_stop_or_its_handling():
    for text in ("（二）依申请公开情况\n2023年，未收到依申请公开事项.\n（三）政府信息管理情况",
                 "（二）依申请公开。本乡2023年度未收到依申请公开办理。"):
        assert kinds(text) == [("none_received", None)], text
        assert claim_findings(text, **NONE) == [], text
        [f] = claim_findings(text)
        assert f.rule == "N.NONE", text
    # what follows 办理 says it is about something else; a figure's decimal point ends nothing
    assert kinds("（二）依申请公开。2023年度未收到依申请公开办理结果。") == []
    assert kinds("（二）依申请公开。2023年度未收到依申请公开申请.5") == []


def test_replied_and_dealt_with():
    text = "（三）认真规范处理依申请公开。2023年度，我局受理依申请公开政府信息40件，回复处理36件。"
    assert kinds(text) == [("received", 40), ("closed", 36)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("处理36件", "处理40件"))
    assert f.rule == "N.CLOSED" and f.actual == 40
    # the 处理 of handled, or of its result, alone
    assert kinds("（二）依申请公开。2023年度处理依申请公开申请42件。") == [("handled", 42)]


def test_this_years_running_total():
    text = ("（二）依申请公开办理情况。今年以来，全县累计处理政府信息依申请公开42件，其中，本年度新接收40件，"
            "2022年结转办理2件。")
    assert kinds(text) == [("handled", 42), ("received", 40), ("carried_in", 2)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("累计处理政府信息依申请公开42件", "累计处理政府信息依申请公开43件"))
    assert f.rule == "N.CLOSED" and f.actual == 43  # (handled: received and carried in, checked with closed)
    # a running total since an earlier year is not this year's
    assert kinds("（二）依申请公开。自2019年以来，累计处理政府信息依申请公开420件。") == []


def test_the_reason_after_its_count():
    text = ("（二）依申请公开。2023年，本局共收到政府信息公开申请40条，申请内容主要集中在招生、学籍等方面。"
            "其中6条属于本机关不掌握相关政府信息而无法提供。")
    assert kinds(text) == [("received", 40), ("leaf:r3_4_1/r3_4", 6)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("其中6条", "其中7条"))
    assert f.rule == "N.CATEGORY" and f.actual == 7
    # the row alone, without 无法提供
    assert kinds("（二）依申请公开。2023年共收到申请40件，其中6件为本机关不掌握的政府信息，10件予以公开。") == [
        ("received", 40), ("leaf:r3_4_1", 6), ("cat:r3_1", 10)]
    # 条 after a sentence that also counted items in 条 may count the items
    assert kinds("（二）依申请公开。2023年收到申请40条，涉及信息380条。其中予以公开200条。") == [("received", 40)]


def test_a_park_names_itself_park():
    # a 园区's 管委会 calls itself 「园区」: its own figures, not one of its parts'
    text = ("（二）依申请公开办理情况。2023年园区在依申请公开管理系统中收到40封申请，已按照处理流程进行处理。\n"
            "（三）政府信息资源管理。2023年园区未制定规范性文件。")
    park = "某某经济开发区管委会"
    assert [(c.kind, c.value) for c in extract_claims(text, 2023, park=True)] == [
        ("received", 40), ("none_normative", None)]
    assert claim_rule_findings(made_up(text, BASE, park, {})) == []
    assert {f.rule for f in claim_rule_findings(made_up(text.replace("40封", "41封"), BASE, park,
                                                        {"t2.normative.issued": 1}))} == {"N.RECEIVED", "N.T2"}
    # in a department's report 园区 is a part of the area; and 各园区, 园区（…）, 园区和… are parts in a park's too
    assert kinds(text) == []
    assert claim_findings(text.replace("40封", "41封"), t2__normative__issued=1) == []
    for part in ("（二）依申请公开。全年收到申请40件，其中各园区收到5件。", "（二）依申请公开。园区（社区）收到申请5件。",
                 "（二）依申请公开。园区和街道收到申请5件。"):
        assert [(c.kind, c.value) for c in extract_claims(part, 2023, park=True)] in ([], [("received", 40)]), part


def test_no_disclosure_cases_named_by_信息公开():
    # 「无信息公开举报、复议和诉讼」: none of the organ's disclosure cases (as 「无政府信息公开行政复议」)
    text = "（二）依申请公开。2023年度本局无依申请公开政府信息。全年无信息公开举报、复议和诉讼等情形发生。"
    assert kinds(text) == [("none_received", None), ("none_review", None), ("none_lawsuit", None)]
    assert claim_findings(text, **NONE) == []
    assert {f.rule for f in claim_findings(text, **NONE, t4__review__tot=1, t4__review__upheld=1)} == {"N.NONE"}
    # a count of cases after a clause that names none of something else is still read
    assert kinds("（二）依申请公开。全年无信息公开申请，行政复议2件。") == [("none_received", None), ("review", 2)]


def test_applications_counted_in_qi():
    # 「收到申请22起」: the results in 起 too are applications (as in 份)
    text = "（二）依申请公开。2023年度，我局共收到信息公开申请40起，答复36起。其中予以公开10起，属于行政执法案卷4起。"
    assert kinds(text) == [("received", 40), ("closed", 36), ("cat:r3_1", 10), ("leaf:r3_3_7", 4)]
    assert claim_findings(text, t3__r3_3_5__tot=0, t3__r3_3_7__tot=4) == []
    [f] = claim_findings(text, t3__r3_3_5__tot=0, t3__r3_3_7__tot=3, t3__r3_6_3__tot=9)
    assert f.rule == "N.CATEGORY" and f.actual == 4
    # 起 of something else: no results
    assert kinds("（二）依申请公开。2023年共发生交通事故40起，其中属于行政执法案卷4起。") == []


def test_processed_is_closed():
    text = "（二）依申请公开办理情况。2023年我局收到政府信息公开申请书40条，已处理34条，结转下年度继续办理6条。"
    assert kinds(text) == [("received", 40), ("closed", 34), ("carried_out", 6)]
    assert claim_findings(text, t3__r2__np=0, t3__r2__tot=0, t3__r3_7__tot=34, t3__r3_6_3__tot=6) == []
    [f] = claim_findings(text.replace("已处理34条", "已处理35条"), t3__r2__np=0, t3__r2__tot=0, t3__r3_7__tot=34,
                         t3__r3_6_3__tot=6)
    assert f.rule == "N.CLOSED" and f.actual == 35
    # 处理 alone, its results or what is being processed are no count of closed
    assert kinds("（二）依申请公开。2023年已处理结果3件，已处理中4件。") == []


def test_a_reply_and_a_case_named_after_their_counts():
    text = ("（二）依申请公开情况。本年度，我局收到政府信息公开申请40件。其中34件已按照相关要求进行书面回复，"
            "6件结转2024年度继续办理。其中，发生2起有关政府信息公开的行政复议案件。")
    assert kinds(text) == [("received", 40), ("closed", 34), ("carried_out", 6), ("review", 2)]
    assert claim_findings(text, t3__r2__np=0, t3__r2__tot=0, t3__r3_7__tot=34, t3__r3_6_3__tot=6,
                          t4__review__tot=2, t4__review__upheld=2) == []
    found = claim_findings(text, t3__r2__np=0, t3__r2__tot=0, t3__r3_7__tot=34, t3__r3_6_3__tot=6,
                           t4__review__tot=1, t4__review__upheld=1)
    assert [(f.rule, f.actual) for f in found] == [("N.REVIEW", 2)]
    # cases about something else after their count are not the organ's disclosure cases
    assert kinds("（二）依申请公开。收到申请40件。发生2起有关行政处罚的行政复议案件。") == [("received", 40)]


def test_answered_in_the_way_the_rules_say_and_none_taken_in():
    # the reply after its count with how it was made between (round 11's third batch)
    text = ("（二）依申请公开方面。2023年，本局共收到依申请公开40件，大部分通过信函或在线申请，34件已按照规定时限和程序"
            "依法依规进行了答复，6件结转下年。")
    assert kinds(text) == [("received", 40), ("closed", 34), ("carried_out", 6)]
    closing = dict(t3__r2__np=0, t3__r2__tot=0, t3__r3_7__tot=34, t3__r3_6_3__tot=6)
    assert claim_findings(text, **closing) == []
    [f] = claim_findings(text.replace("34件已按照", "35件已按照"), **closing)
    assert f.rule == "N.CLOSED" and f.actual == 35
    assert kinds("（二）依申请公开。2023年收到申请40件，34件已按照要求转交相关部门。") == [("received", 40)]
    # 「未接收到…行政复议和行政诉讼」: none of the cases
    text = "（二）依申请公开。2023年度本局未接收到政府信息公开引发的行政复议和行政诉讼案件处理情况。"
    assert kinds(text) == [("none_review", None), ("none_lawsuit", None)]
    assert claim_findings(text) == []
    assert {f.rule for f in claim_findings(text, t4__review__tot=1, t4__review__upheld=1)} == {"N.NONE"}
