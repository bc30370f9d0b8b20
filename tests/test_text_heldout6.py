"""Text rules on phrasings from a sixth set of real reports the rules were not written from: a count whose
unit is followed by what it counts (not always applications), a rate of those due (「到期办结率」), 「无提起
行政复议」, 「政府规范性文件」 and the form's 「…申请数量」 restated in prose.  The organs and figures here are
made up; each case pairs text with table figures that agree (no finding) and, where the text can be wrong,
figures that disagree (the right finding)."""
from __future__ import annotations

from tests.heldout import Round, kinds

# 60 new + 2 carried in = 57 closed + 5 carried out
BASE = {
    "t3.r1.np": 55, "t3.r1.biz": 5, "t3.r1.tot": 60, "t3.r2.np": 2, "t3.r2.tot": 2,
    "t3.r3_1.tot": 30, "t3.r3_2.tot": 7, "t3.r3_4_1.tot": 15, "t3.r3_5_1.tot": 5, "t3.r3_7.tot": 57,
    "t3.r4.tot": 5, "t4.review.tot": 1, "t4.review.upheld": 1, "t2.normative.issued": 2, "t2.normative.in_force": 12,
}


ROUND = Round(BASE, "某市交通运输局")
report, claim_findings = ROUND.report, ROUND.findings


def test_a_count_followed_by_something_else_than_applications_is_not_the_received_figure():
    text = ("依申请公开方面，全年共受理政府信息公开申请60件。另外，本局共收到2份市政府办公室转来的依申请公开意见征询函，"
            "均已按时反馈。")
    assert kinds(text)[:1] == [("received", 60)]
    assert ("received", 2) not in kinds(text)
    assert claim_findings(text) == []
    for other in ("全年共接收3件群众来信转办件。", "本局共收到4份咨询留言。"):
        assert [k for k, _ in kinds("依申请公开方面，" + other)] == [], other


def test_a_count_followed_by_the_applications_it_counts_is_still_read():
    assert kinds("依申请公开方面，2023年本局共受理60宗政府信息公开申请。") == [("received", 60)]
    assert kinds("依申请公开方面，全年共收到60件依申请公开申请事项。") == [("received", 60)]
    [f] = claim_findings("依申请公开方面，2023年本局共受理61宗政府信息公开申请。")
    assert f.rule == "N.RECEIVED" and f.actual == 61
    # a list or a verb after the unit names no object: the count stays what its lead says
    assert kinds("依申请公开方面，全年共收到申请60件、来信8件。")[:1] == [("received", 60)]
    assert kinds("依申请公开方面，全年共收到申请60件和信访件8件。")[:1] == [("received", 60)]


def test_a_rate_of_the_applications_due_does_not_say_all_were_closed():
    text = "依申请公开方面，全年共受理政府信息公开申请60件，办结57件，到期办结率100%。"
    assert "complete" not in [k for k, _ in kinds(text)]
    assert claim_findings(text, t3__r2__tot=2, t3__r2__np=2) == []
    # a plain rate of 100% still says so, and is checked against the carry-over
    [f] = claim_findings("依申请公开方面，全年共受理政府信息公开申请60件，办结率100%。")
    assert f.rule == "N.CLOSED"


def test_none_of_either_case_said_with_无提起():
    text = "依申请公开方面，全年收到政府信息公开申请60件，无提起行政复议诉讼情况。"
    assert ("none_review", None) in kinds(text) and ("none_lawsuit", None) in kinds(text)
    [f] = claim_findings(text)  # the table has one 复议 case
    assert f.rule == "N.NONE" and f.actual == 1
    assert claim_findings(text, t4__review__tot=0, t4__review__upheld=0) == []
    assert ("none_review", None) in kinds("全年无被申请行政复议的情况。")


def test_normative_documents_named_政府规范性文件():
    assert kinds("全年共制定政府规范性文件2件。") == [("normative_issued", 2)]
    assert claim_findings("全年共制定政府规范性文件2件。") == []
    [f] = claim_findings("全年共制定政府规范性文件4件。")
    assert f.rule == "N.T2" and f.actual == 4
    assert kinds("本年度未制发政府规范性文件。") == [("none_normative", None)]


def test_the_forms_words_restated_in_prose_name_the_carry_over():
    text = "依申请公开方面，本年新收政府信息公开申请数量60件，上年结转政府信息公开申请数量2件。"
    assert ("carried_in", 2) in kinds(text)
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("数量2件", "数量3件"))
    assert f.rule == "N.CLOSED" and f.actual == 3  # (carry-overs are checked under N.CLOSED)


def test_no_carry_over_in_or_out_is_the_figure_0():
    for text, kind in (("依申请公开方面，无上年结转政府信息公开申请。", "carried_in"),
                       ("依申请公开方面，上年无结转。", "carried_in"),
                       ("依申请公开方面，无结转下年度事项。", "carried_out"),
                       ("依申请公开方面，申请均按期办结，无结转下一年度办理的申请。", "carried_out")):
        assert (kind, 0) in kinds(text), text
        [f] = claim_findings(text)  # the table carries 2 in and 5 out
        assert f.rule == "N.CLOSED" and (f.actual, f.expected) == (0, 2 if kind == "carried_in" else 5), text
        # 60 new, none carried in, 60 closed, none carried out
        assert claim_findings(text, t3__r2__np=0, t3__r2__tot=0, t3__r3_7__tot=60, t3__r3_1__tot=33,
                              t3__r4__tot=0) == [], text
    # other business, a part of the organ and an aim are no statement about the organ's applications
    for text in ("全年办理建议提案20件，无结转下年度的建议提案。", "依申请公开方面，各乡镇收到申请5件，无结转下年度。",
                 "依申请公开方面，力争做到无结转下年度申请。"):
        assert [k for k, _ in kinds(text) if k.startswith("carried_")] == [], text


def test_none_received_with_the_application_named_first():
    text = "依申请公开方面，2023年本局未收到申请政府信息公开事项，也未发生行政复议、行政诉讼。"
    assert ("none_received", None) in kinds(text)
    [f] = [f for f in claim_findings(text) if f.rule == "N.NONE" and "申请" in f.message and f.actual == 60]
    assert claim_findings(text, t3__r1__np=0, t3__r1__biz=0, t3__r1__tot=0, t3__r2__np=0, t3__r2__tot=0,
                          t3__r3_1__tot=0, t3__r3_2__tot=0, t3__r3_4_1__tot=0, t3__r3_5_1__tot=0, t3__r3_7__tot=0,
                          t3__r4__tot=0, t4__review__tot=0, t4__review__upheld=0) == []
