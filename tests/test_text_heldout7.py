"""Text rules on phrasings from a seventh set of real reports the rules were not written from: letters to a
leader's mailbox (「县长信箱」) counted beside the applications, a ranking in brackets that names the whole
area (「在全市各委办局中位列第三」), 「未收到依申请公开请求」 and a result whose reason is given in brackets
before its count (「不予公开（三类内部事务信息）2件」).  The organs and figures here are made up; each case pairs
text with table figures that agree (no finding) and, where the text can be wrong, figures that disagree (the
right finding)."""
from __future__ import annotations

from model.text.claims import extract_claims
from tests.heldout import Round, kinds

# 60 new + 2 carried in = 57 closed + 5 carried out
BASE = {
    "t3.r1.np": 55, "t3.r1.biz": 5, "t3.r1.tot": 60, "t3.r2.np": 2, "t3.r2.tot": 2,
    "t3.r3_1.tot": 30, "t3.r3_2.tot": 7, "t3.r3_3_5.tot": 3, "t3.r3_4_1.tot": 12, "t3.r3_5_1.tot": 5,
    "t3.r3_7.tot": 57, "t3.r4.tot": 5, "t4.review.tot": 1, "t4.review.upheld": 1,
}


ROUND = Round(BASE, "某县水利局")
report, claim_findings = ROUND.report, ROUND.findings


def test_letters_to_a_leaders_mailbox_are_not_applications():
    text = "（二）依申请公开。2023年本局共受理政府信息公开申请60件。全年主动公开信息150条，办结县长信箱9件。"
    assert kinds(text) == [("received", 60)]
    assert claim_findings(text) == []
    assert kinds("依申请公开方面，全年受理市长信箱来件12件。") == []
    # 「均已办结」 said of the mailbox's letters says nothing of the applications' carry-over
    assert [k for k, _ in kinds("依申请公开方面，局长信箱转办件均已办结。")] == []


def scopes(text: str) -> list[tuple[str, int | None, str]]:
    return [(c.kind, c.value, c.scope) for c in extract_claims(text, 2023)]


def test_the_whole_area_named_in_a_closed_aside_scopes_nothing_after_it():
    text = ("（二）依申请公开。2023年，本委新收到政府信息公开申请60件（同比增长3%，在全省各厅局中位列第五），"
            "办理62件（含上年度结转申请2件，另有5件申请顺延到下年度答复）。")
    assert ("carried_in", 2, "") in scopes(text)
    assert ("carried_out", 5, "") in scopes(text)
    # an aside still open at the number, or the area named outside brackets, scopes it
    assert scopes("依申请公开方面，全市（含市本级）共收到政府信息公开申请300件。") == [("received", 300, "area")]
    assert scopes("依申请公开方面，2023年全市共收到政府信息公开申请300件（其中市本级收到60件）。") == [
        ("received", 300, "area"), ("received", 60, "own")]


def test_none_received_said_of_requests():
    for text in ("2023年，本局未收到依申请公开请求；未对公众收取任何费用。",
                 "2023年度本局未收到任何形式的申请公开信息要求。",
                 "本年度未收到公民申请公开政府信息的请求。"):
        assert kinds(text) == [("none_received", None)], text
        [f] = claim_findings(text)
        assert f.rule == "N.NONE"  # the table has 60 applications
        assert claim_findings(text, t3__r1__np=0, t3__r1__biz=0, t3__r1__tot=0) == []
    # 「要求」 of something else is no statement about applications
    assert kinds("2023年，本局未收到申请人要求延期的情况。") == []
    assert kinds("本局未收到依申请公开请求答复的投诉。") == []


def test_a_results_reason_in_brackets_before_its_count():
    text = ("（二）依申请公开。2023年本局共收到政府信息公开申请60件，其中予以公开30件，部分公开7件，"
            "不予公开（属于三类内部事务信息）3件，无法提供（本机关不掌握相关政府信息）12件，"
            "不予处理（信访举报投诉类申请）5件。")
    assert kinds(text) == [("received", 60), ("cat:r3_1", 30), ("cat:r3_2", 7), ("leaf:r3_3_5/r3_3", 3),
                           ("leaf:r3_4_1/r3_4", 12), ("leaf:r3_5_1/r3_5", 5)]
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("不予处理（信访举报投诉类申请）5件", "不予处理（信访举报投诉类申请）4件"))
    assert f.rule == "N.CATEGORY" and f.actual == 4
    # 「等」: that reason among others, the result's total
    assert ("cat:r3_4", 12) in kinds("依申请公开方面，收到申请60件，无法提供（不掌握相关政府信息等）12件。")
    # anything else in the brackets says not what the count is
    assert kinds("依申请公开方面，收到申请60件，予以公开（含部分公开）37件。") == [("received", 60)]
    assert kinds("依申请公开方面，收到申请60件，不予公开（国家秘密、内部事务信息）3件。") == [("received", 60)]


def test_a_part_among_the_results_says_nothing_of_the_figures_after_it():
    text = ("（二）依申请公开。2023年本局共收到政府信息公开申请60件。其中，予以公开30件，部分公开7件，"
            "告知通过其他途径办理12件，结转下年度继续办理5件。")
    assert kinds(text)[-1] == ("carried_out", 5)
    assert claim_findings(text) == []
    [f] = claim_findings(text.replace("继续办理5件", "继续办理6件"))
    assert f.rule == "N.CLOSED" and f.actual == 6
    # a part as the sentence's first figure: what follows is about the part
    assert kinds("依申请公开方面，全年共收到申请60件。网上受理申请40件，办结38件，结转2件。") == [("received", 60)]
