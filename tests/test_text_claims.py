"""The numeric-claim extractor: real phrasings, what it must skip, and spans into the original text."""
from __future__ import annotations

from decimal import Decimal

from model.text.claims import extract_claims
from model.text.numerals import parse_int


def kinds(text: str, year: int | None = 2024) -> list[tuple[str, int | None]]:
    return [(c.kind, c.value) for c in extract_claims(text, year)]


def test_numbers_in_prose():
    assert [parse_int(x) for x in ("82", "3,119", "３１", "两", "十二", "一百零五")] == [82, 3119, 31, 2, 12, 105]
    assert parse_int("abc") is None


def test_received_phrasings():
    assert kinds("共收到政府信息公开申请82件") == [("received", 82)]
    assert kinds("2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。", 2023) == [("received", 21)]
    assert kinds("全年办理政府信息公开申请218件。") == [("handled", 218)]
    assert kinds("依申请公开情况。受理749件（含上年结转36件），办结148件，结转至2025年6件。") == [
        ("received", 749), ("carried_in", 36), ("closed", 148), ("carried_out", 6)]
    assert kinds("本年度共收到政府信息公开申请两件。") == [("received", 2)]


def test_huaian_paragraph():
    text = ("2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度"
            "答复），均在法定期限内予以答复。政府信息公开行政复议 351件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，"
            "尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。")
    claims = extract_claims(text, 2024)
    got = [(c.kind, c.value, c.subject) for c in claims]
    assert got == [
        ("received", 3119, None), ("closed", 3050, None), ("carried_in", 34, None), ("carried_out", 103, None),
        ("review", 351, None), ("t4sub:upheld", 72, "review"), ("t4sub:corrected", 64, "review"),
        ("t4sub:other", 178, "review"), ("t4sub:pending", 37, "review"),
        ("lawsuit", 46, None), ("t4sub:upheld", 25, "lawsuit"), ("t4sub:corrected", 5, "lawsuit"),
        ("t4sub:other", 9, "lawsuit"), ("t4sub:pending", 7, "lawsuit")]
    assert "complete" not in [k for k, _, _ in got]  # 「均在法定期限内予以答复」 is about time, not completion


def test_categories_and_percent():
    claims = extract_claims("共收到政府信息公开申请81件，其中予以公开及部分公开42件，占51.85%；不予公开3件，无法提供10件。", 2024)
    assert [(c.kind, c.value) for c in claims] == [
        ("received", 81), ("cat:r3_1+r3_2", 42), ("cat:r3_3", 3), ("cat:r3_4", 10)]
    assert claims[1].pct == Decimal("51.85")


def test_applicant_types_follow_a_received_claim():
    assert kinds("共收到政府信息公开申请82件，其中涉及自然人72件、商业企业3件。") == [
        ("received", 82), ("applicant:np", 72), ("applicant:biz", 3)]
    assert kinds("服务企业3件。") == []  # 「企业」 alone is not an applicant claim


def test_review_and_lawsuit():
    assert kinds("依申请公开工作中，行政复议36起，行政诉讼9起。") == [("review", 36), ("lawsuit", 9)]
    assert kinds("涉及行政复议、行政诉讼案件共3件。") == [("t4_all", 3)]
    assert kinds("行政复议和行政诉讼各1件。") == []


def test_statements_of_none():
    assert kinds("我局未接收到来自公民、法人或者其他组织提出的公开政府信息的申请，无相关行政行为发生。") == [
        ("none_received", None)]
    assert kinds("未出现因政府信息公开引起的行政复议、行政诉讼情况。") == [("none_review", None), ("none_lawsuit", None)]
    assert kinds("2024 年未制发行政规范性文件。") == [("none_normative", None)]
    assert kinds("未收到申请人的补正材料。") == []
    assert kinds("全年未发生政府信息公开行政复议被纠错情况。") == []


def test_completeness_claims():
    text = "共收到政府信息公开申请82件，除7件未按照补正期限进行补正的外，其他均已按照法定时间依法依规予以回复。"
    assert sorted(kinds(text), key=str) == [("complete", None), ("leaf:r3_6_1", 7), ("received", 82)]
    assert kinds("共收到政府信息公开申请82件，均在法定期限内予以答复。") == [("received", 82)]
    assert kinds("上年结转的申请5件均已办结。") == [("carried_in", 5)]


def test_skips_other_years_changes_and_approximations():
    assert kinds("共收到政府信息公开申请82件，同比增长20%，较上年减少5件。") == [("received", 82)]
    assert kinds("2023年收到政府信息公开申请50件。") == []
    assert kinds("上年共收到政府信息公开申请50件。") == []
    assert kinds("收到政府信息公开申请约50件。") == []
    assert kinds("受理行政许可申请5000件。") == []
    assert kinds("围绕“高效办成一件事”公开信息。") == []
    assert kinds("主动公开政府信息 1136 条。") == []


def test_rules_and_normative_documents():
    assert kinds("全年新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件") == [("rules_issued", 1)]
    assert kinds("全年制发行政规范性文件12件，现行有效行政规范性文件60件。") == [
        ("normative_issued", 12), ("normative_in_force", 60)]


def test_spans_point_at_the_original_text():
    text = "（二）依申请公开情况\n2024年，卧龙区人民政府办公室共收到政府信息公开申请 82件，除 7件未按照补正期限进行补正的外。"
    claims = extract_claims(text, 2024)
    received = claims[0]
    assert text[received.start:received.end] == "卧龙区人民政府办公室共收到政府信息公开申请 82件"
    leaf = claims[1]
    assert text[leaf.start:leaf.end] == "除 7件未按照补正期限进行补正"


def test_half_width_punctuation():
    # an importer that folds full-width punctuation (NFKC) must not change what is read
    assert kinds("共收到政府信息公开申请82件,其中予以公开37件,占45.12%;结转下年度12件.") == [
        ("received", 82), ("cat:r3_1", 37), ("carried_out", 12)]


def test_parts_channels_and_in_progress():
    assert kinds("依申请公开：办结120件，其中按时办结118件。网上受理申请100件。") == [("closed", 120)]
    assert kinds("依申请公开：已答复120件，正在办理5件。") == [("closed", 120), ("carried_out", 5)]
    assert kinds("全年共收到政府信息公开申请125件，其中当面申请3件、网上申请110件。") == [("received", 125)]
    assert kinds("本年度新收政府信息公开申请120件，上年结转5件，共计125件。") == [("received", 120), ("carried_in", 5)]
    assert kinds("共收到政府信息公开申请125件，比2023年的100件增加25件。") == [("received", 125)]


def test_other_business_is_not_read():
    assert kinds("依申请公开方面，受理群众来信来访50件，答复人大代表建议和政协提案30件，回复网民留言200条。") == []
    assert kinds("2024年，共办理政府12345热线47件，已全部办结，回复率和满意率均达100%。") == []
    assert kinds("确保不出现未收到答复的申请。") == []
    assert kinds("对2件不予公开的申请均书面说明理由。") == []


def test_review_phrasings():
    assert kinds("因政府信息公开被申请行政复议3件、提起行政诉讼1件。") == [("review", 3), ("lawsuit", 1)]
    assert kinds("本机关未因政府信息公开工作被申请行政复议、提起行政诉讼。") == [("none_review", None), ("none_lawsuit", None)]
    assert kinds("行政复议和行政诉讼0件。") == [("t4_all", 0)]


def test_applicant_words_that_are_not_applicant_claims():
    assert kinds("共收到来自公民、法人或其他组织的政府信息公开申请82件。") == [("received", 82)]
    assert kinds("共收到政府信息公开申请82件，其中涉及企业经营的3件。") == [("received", 82)]
    assert kinds("共收到政府信息公开申请82件，其中法人或其他组织提出的申请10件。") == [
        ("received", 82), ("applicant:legal", 10)]


def test_none_received_about_a_part_is_not_read():
    assert kinds("本年度未收到法人或其他组织提出的政府信息公开申请。") == []
    assert kinds("本年度未收到信函申请。") == []
    assert kinds("未收到涉及企业经营的申请。") == []
    assert kinds("未收到公民、法人或者其他组织提出的政府信息公开申请。") == [("none_received", None)]


def test_sums_of_results_are_not_read_as_one_result():
    assert kinds("申请办理中，不予公开和无法提供共15件。") == []
    assert kinds("申请办理中，予以公开、部分公开各10件。") == []
    assert kinds("申请办理中，予以公开及部分公开42件。") == [("cat:r3_1+r3_2", 42)]


def _starts(seq) -> tuple[set[str], bool]:
    """The characters a parsed pattern can start a match with ("digit" for \\d), and whether it can match
    nothing at all."""
    from re import _constants as C

    out: set[str] = set()
    for op, av in seq:
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # zero-width
        if op is C.LITERAL:
            return out | {chr(av)}, False
        if op is C.IN:
            assert all(o in (C.LITERAL, C.CATEGORY) for o, _ in av), av
            return out | {chr(v) if o is C.LITERAL else "digit" for o, v in av}, False
        if op is C.BRANCH:
            parts = [_starts(alt) for alt in av[1]]
            out |= set().union(*(p for p, _ in parts))
            if not any(empty for _, empty in parts):
                return out, False
        elif op is C.SUBPATTERN:
            first, empty = _starts(av[3])
            out |= first
            if not empty:
                return out, False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            first, empty = _starts(av[2])
            out |= first
            if av[0] > 0 and not empty:
                return out, False
        else:
            raise AssertionError(f"not read here: {op}")
    return out, True


def test_every_keyword_starts_with_a_character_of_key_first():
    """The claim reader looks for keywords only at the characters of KEY_FIRST (and digits)."""
    from re import _parser

    from model.text.claims import _KEYS, KEY_FIRST

    for kind, pattern in _KEYS:
        first, empty = _starts(_parser.parse(pattern))
        assert not empty, kind
        assert first - set(KEY_FIRST) <= {"digit"}, (kind, first - set(KEY_FIRST))
    assert _starts(_parser.parse(r"(?:含|包括)?\d{4}年"))[0] == {"含", "包", "digit"}


# ---- phrasings met in published reports (each in other words, with other numbers)

def test_carry_over_with_its_verb_is_not_handled():
    assert kinds("依申请公开：本年收到申请30件，办结27件，结转至下一年度办理3件。") == [
        ("received", 30), ("closed", 27), ("carried_out", 3)]
    assert kinds("共收到政府信息公开申请6件，已办结6件，结转下年度答复0件。") == [
        ("received", 6), ("closed", 6), ("carried_out", 0)]


def test_carried_in_written_verb_first():
    assert kinds("全年新收政府信息公开申请58件，结转上年度政府信息公开申请4件。") == [("received", 58), ("carried_in", 4)]


def test_received_with_the_single_verb_shou():
    assert kinds("本年度收政府信息公开申请37件，办结35件。") == [("received", 37), ("closed", 35)]
    assert kinds("本年度共收取信息处理费0元，收件12件。") == []


def test_partial_disclosure_written_with_yuyi():
    assert kinds("依申请公开办理结果：予以公开12件，部分予以公开4件。") == [("cat:r3_1", 12), ("cat:r3_2", 4)]


def test_applicants_named_gongmin_geren():
    assert kinds("共收到政府信息公开申请40件，其中公民个人提出申请35件，法人或其他组织提出申请5件。") == [
        ("received", 40), ("applicant:np", 35), ("applicant:legal", 5)]


def test_channels_listed_with_deng_are_every_channel():
    assert kinds("2024年，通过网站、信函、当面等渠道收到政府信息公开申请21件。") == [("received", 21)]
    assert kinds("2024年，通过网站收到政府信息公开申请21件。") == []  # one channel: a part


def test_a_comparison_year_does_not_date_what_follows():
    assert kinds("共收到政府信息公开申请18件，比2023年（25件）减少28%，答复18件。") == [("received", 18), ("closed", 18)]
    assert kinds("共收到政府信息公开申请18件。2023年答复15件。") == [("received", 18)]


def test_a_year_in_a_bracketed_remark_does_not_date_what_follows():
    text = "本年共收到申请40件，办结38件，被申请行政复议3件（其中2件涉及2023年的申请），结果维持2件、结果纠正1件。"
    assert kinds(text) == [("received", 40), ("closed", 38), ("review", 3), ("t4sub:upheld", 2), ("t4sub:corrected", 1)]


def test_handled_with_the_applications_named_before_the_verb():
    assert kinds("2024年本局政府信息公开申请办理有15件，均为自然人申请。") == [("handled", 15)]
    assert kinds("2024年本局办理有15件。") == []


def test_results_counted_in_fen_like_the_received_figure():
    assert kinds("2024年新收政府信息公开申请9份，本年度办结6份，结转下年度继续办理3份。") == [
        ("received", 9), ("closed", 6), ("carried_out", 3)]
    assert kinds("依申请公开：主动公开文件5份，予以公开3份。") == []


def test_none_received_written_as_information_not_applications():
    assert kinds("2024年本局未收到依申请公开信息。") == [("none_received", None)]
    assert kinds("本年度未收到依申请公开的信息申请。") == [("none_received", None)]
    assert kinds("本年度本乡无依申请公开政府信息办理事项。") == [("none_received", None)]


def test_one_completeness_claim_per_sentence():
    assert kinds("本年度共收到政府信息公开申请4件，已全部答复，办结率100%。") == [("received", 4), ("complete", None)]


def test_zhuanjie_is_written_for_jiezhuan():
    assert kinds("共答复申请60件（含上年度转结申请4件，另有2件申请转结下年度继续办理）。") == [
        ("closed", 60), ("carried_in", 4), ("carried_out", 2)]
    assert kinds("共收到政府信息公开申请33件，转结下年度办理1件。") == [("received", 33), ("carried_out", 1)]


def test_results_named_in_quotes_before_the_number():
    text = "共收到政府信息公开申请50件，其中“予以公开”20件；「部分公开」8件；“无法提供”15件。"
    assert kinds(text) == [("received", 50), ("cat:r3_1", 20), ("cat:r3_2", 8), ("cat:r3_4", 15)]
    [c] = [c for c in extract_claims(text, 2024) if c.value == 20]
    assert text[c.start:c.end] == "“予以公开”20件"
    assert kinds("本年度发布“政策解读”12条。") == []


def test_normative_documents_still_in_force():
    assert kinds("经清理，继续有效规范性文件31件，废止规范性文件3件。") == [("normative_in_force", 31)]


# ---- phrasings from a held-out round of published reports (reworded: other organs, other figures)

def test_disclosure_items_are_applications():
    # 事项 of disclosure itself is not other business; 政务服务事项 still is
    assert kinds("2024年，本局共受理依申请公开事项14件（其中：自然人申请11件），上年结转2件，予以公开5件。") == [
        ("received", 14), ("applicant:np", 11), ("carried_in", 2), ("cat:r3_1", 5)]
    assert kinds("依申请公开情况。窗口共受理政务服务事项900件，办结880件。") == []


def test_refused_intake_is_not_received():
    # 「答复25件」 beside 「不予受理3件」 is one outcome among those listed, not 表三（七）总计 (the form puts the refused
    # ones under 不予处理 or 其他处理, inside the total): no closed figure is read (round 9, a real report's 「答复7件，
    # 不予受理4件」)
    assert kinds("依申请公开情况。共受理政府信息公开申请30件，答复25件，不予受理3件。") == [("received", 30)]
    assert kinds("依申请公开情况。共受理政府信息公开申请30件，答复25件，其余5件结转下年度办理。") == [
        ("received", 30), ("closed", 25), ("carried_out", 5)]


def test_running_total_dated_to_this_year():
    assert kinds("2024年，我委累计收到政府信息公开申请9件，均已办结。") == [("complete", None), ("received", 9)]
    assert kinds("依申请公开情况。全年累计受理政府信息公开申请40件，答复38件。") == [("received", 40), ("closed", 38)]
    # a running total with no year of its own, or counted from some start, is not this year's
    assert kinds("依申请公开情况。我局累计受理政府信息公开申请260件。") == []
    assert kinds("依申请公开情况。截至2024年底，累计收到政府信息公开申请300件。") == []


def test_figures_after_a_part_are_about_the_part():
    # the first figure of the sentence is one channel's: what follows counts that channel only
    assert kinds("2024年，受理网上政府信息公开申请30件，办结28件，结转下年度办理2件，受理信函申请4件。") == []
    # after the total, a channel's share does not make the rest a part
    assert kinds("2024年，共受理政府信息公开申请34件，其中网上申请30件，办结32件。") == [
        ("received", 34), ("closed", 32)]


def test_one_applicant_types_share_is_not_the_total():
    assert kinds("依申请公开情况。2024年，收到法人或其他组织政府信息公开申请3件。") == []
    # a list of the types is every applicant: the total
    assert kinds("依申请公开情况。2024年，受理公民、法人提出的政府信息公开申请6件，其中自然人申请6件。") == [
        ("received", 6), ("applicant:np", 6)]


def test_agriculture_committee_is_not_a_village_committee():
    assert kinds("依申请公开情况。2024年，市农业农村委收到政府信息公开申请7件。") == [("received", 7)]


def test_normative_count_with_other_documents_in_it():
    assert kinds("全年制发规范性文件及其他文件40件。") == []
    assert kinds("全年共制发行政规范性文件数量为5件。") == [("normative_issued", 5)]
    assert kinds("本年度制发规章、行政规范性文件0件。") == [("rules_issued", 0)]


def test_no_cases_in_a_sentence_naming_the_carry_over():
    assert kinds("全年新收申请6件，上年结转申请1件，未发生行政复议和行政诉讼。") == [
        ("received", 6), ("carried_in", 1), ("none_review", None), ("none_lawsuit", None)]
    assert kinds("上年未发生行政复议。") == []


def test_rows_of_a_result_named_as_the_form_names_them():
    text = ("依申请公开情况。全年受理申请40件，其中予以公开30件，属于国家秘密2件，属于行政执法案卷1件，"
            "危及“三安全一稳定”1件，没有现成信息需要另行制作3件，要求提供公开出版物1件。")
    assert kinds(text) == [("received", 40), ("cat:r3_1", 30), ("leaf:r3_3_1", 2), ("leaf:r3_3_7", 1),
                           ("leaf:r3_3_3", 1), ("leaf:r3_4_2", 3), ("leaf:r3_5_3", 1)]
    # documents withheld in the 主动公开 review are not applications
    assert kinds("主动公开情况。经保密审查，涉及国家秘密的文件4件未予公开。") == []


def test_result_in_quotes_then_its_count_in_words():
    assert kinds("依申请公开情况。已答复申请20件，其中“予以公开”的件数为6件，“部分公开”的为2件。") == [
        ("closed", 20), ("cat:r3_1", 6), ("cat:r3_2", 2)]


def test_zhuan_alone_for_carried_out():
    assert kinds("依申请公开情况。全年受理申请25件，答复23件，转下一年度继续办理2件。") == [
        ("received", 25), ("closed", 23), ("carried_out", 2)]


def test_share_in_brackets_after_the_closed_count():
    # the bracket opened right after 「办结30件」 counts some of those 30, not all the organ closed
    assert kinds("依申请公开情况。全年新收申请26件，办结30件（含2023年转入2024年办结4件）。") == [
        ("received", 26), ("closed", 30)]
    # another kind in the bracket is its own figure; so is a received figure (「（含新收…）」 is 第一项)
    assert kinds("依申请公开情况。全年受理申请60件（其中办结58件）。") == [("received", 60), ("closed", 58)]
    assert kinds("依申请公开情况。共收到申请15件（含新收14件，上年结转1件）。") == [
        ("received", 15), ("received", 14), ("carried_in", 1)]


def test_one_reason_named_before_its_result():
    # the reason names a row of 无法提供 (or 不予公开, 不予处理): that row, or the result if all had that reason
    assert kinds("依申请公开情况。全年受理申请20件，因本机关不掌握相关政府信息无法提供5件，信息不存在的2件。") == [
        ("received", 20), ("leaf:r3_4_1/r3_4", 5)]
    assert kinds("依申请公开情况。全年受理申请9件，属于国家秘密的不予公开2件，重复申请不予处理1件。") == [
        ("received", 9), ("leaf:r3_3_1/r3_3", 2), ("leaf:r3_5_2/r3_5", 1)]
    # 「等」 or two rows: the result's total only
    assert kinds("依申请公开情况。全年受理申请20件，因本机关不掌握等原因无法提供5件。") == [
        ("received", 20), ("cat:r3_4", 5)]
    assert kinds("依申请公开情况。全年受理申请20件，不掌握相关政府信息和没有现成信息无法提供5件。") == [
        ("received", 20), ("cat:r3_4", 5)]


def test_a_street_office_names_itself_street():
    text = "依申请公开情况。2024年，桂花街道共收到政府信息公开申请6件，上年度结转1件。街道未发生行政复议。"
    assert kinds(text) == []  # in another organ's report a 街道 is a part of it
    got = [(c.kind, c.value) for c in extract_claims(text, 2024, street=True)]
    assert got == [("received", 6), ("carried_in", 1), ("none_review", None)]
    # its own parts, and 街道 in a list of parts, are still parts
    assert [(c.kind, c.value) for c in extract_claims("各社区共收到申请3件。乡镇（街道）收到申请2件。", 2024, street=True)] == []


def test_a_result_named_after_its_number():
    """「…申请8件，对其中5件予以公开，2件部分公开，1件无法提供」: the result follows the number."""
    text = "本年度共收到政府信息公开申请8件，对其中5件予以公开，2件部分公开，1件无法提供。"
    assert kinds(text) == [("received", 8), ("cat:r3_1", 5), ("cat:r3_2", 2), ("cat:r3_4", 1)]
    assert kinds("本年度受理政府信息公开申请4件，4件均予以公开。") == [("received", 4), ("cat:r3_1", 4)]
    # a number followed by other words is no result count
    assert kinds("本年度收到政府信息公开申请6件，公开文件12件。") == [("received", 6)]


def test_a_carry_over_named_by_last_year_with_its_verb():
    """「2023年结转办理2件」 in the 2024 report: brought into this year, not 办理 (handled)."""
    text = "全年共处理政府信息公开申请30件，其中本年度新收28件，2023年结转办理2件。"
    assert ("carried_in", 2) in kinds(text, 2024)
    assert ("handled", 2) not in kinds(text, 2024)


def test_a_count_in_ge_followed_by_its_noun():
    """「受理、审查、答复等6个环节」: 个 then a noun names what is counted, here steps, not applications."""
    text = "规范依申请公开受理、审查、答复、送达等6个环节的办理流程。全年办理政府信息公开申请13件。"
    assert kinds(text) == [("handled", 13)]
    assert kinds("依申请公开情况。全县共有3个乡镇收到申请。") == []
    # 个 then a pause or 均: still a count of applications
    assert kinds("本年度共受理政府信息公开申请9个，办结9个，结转0个。") == [
        ("received", 9), ("closed", 9), ("carried_out", 0)]


def test_both_channels_named_are_every_channel():
    """「网上和线下共受理申请40件」: both channels together are the whole; one of them alone is a part."""
    text = "依申请公开情况。本年度网上和线下共受理政府信息公开申请40件，办结38件，结转下年度继续办理2件。"
    assert kinds(text) == [("received", 40), ("closed", 38), ("carried_out", 2)]
    assert kinds("依申请公开情况。本年度线下受理政府信息公开申请12件。") == []


def test_a_carry_over_turned_into_this_year():
    """「含2022年转至今年办理的4件」 in the 2023 report: brought in; 「至今年」 is no 「至今」 (a span of years)."""
    text = "依申请公开情况。全年共办理政府信息公开申请30件，含2022年转至今年办理的4件，办结29件，剩余1件结转下一年度办理。"
    assert kinds(text, 2023) == [("handled", 30), ("carried_in", 4), ("closed", 29), ("carried_out", 1)]
    assert kinds("依申请公开情况。自条例施行至今共收到政府信息公开申请300件。", 2023) == []


def test_carried_out_by_转接_or_转办():
    """「转接下年度办理7件」「转下一年度转办1件」: carried to next year."""
    assert kinds("依申请公开情况。全年办结政府信息公开申请50件，转接下年度办理7件。") == [("closed", 50), ("carried_out", 7)]
    assert kinds("依申请公开情况。全年收到政府信息公开申请12件，转下一年度转办1件。") == [("received", 12), ("carried_out", 1)]


def test_办理_before_a_result_names_no_office():
    """「办理答复28件」: the 办 of 办理 is no office whose share it would be (「其中县政府办收到15件」 is one)."""
    assert kinds("依申请公开情况。本年度共受理政府信息公开申请28件，办理答复28件。") == [("received", 28), ("closed", 28)]
    assert kinds("依申请公开情况。共收到申请45件，其中县政府办收到15件。") == [("received", 45)]


def test_a_result_answered_counts_the_result():
    """「不予公开答复4件」「予以公开答复9件」: answered with that result, a count of the result, not of closed."""
    text = "依申请公开情况。全年受理政府信息公开申请20件，办结18件，其中予以公开答复9件，不予公开答复4件。"
    assert kinds(text) == [("received", 20), ("closed", 18), ("cat:r3_1", 9), ("cat:r3_3", 4)]


def test_closed_named_after_its_number():
    """「其中15件已办结」: the closed count written after the number."""
    text = "依申请公开情况。全年共收到政府信息公开申请19件，其中15件已办结，4件正在办理中。"
    assert kinds(text) == [("received", 19), ("closed", 15), ("carried_out", 4)]


def test_two_closed_figures_in_one_sentence_keep_the_total():
    """「办结28件，答复22件，申请人撤回6件」: the smaller closed figure is a part of the larger, whichever comes first."""
    text = "依申请公开情况。本年度收到政府信息公开申请30件，办结28件，答复22件，申请人撤回6件。"
    assert [k for k in kinds(text) if k[0] == "closed"] == [("closed", 28)]
    text = "依申请公开情况。本年度收到政府信息公开申请30件，答复22件，撤回6件，共办结28件。"
    assert [k for k in kinds(text) if k[0] == "closed"] == [("closed", 28)]


def test_办理完成_is_closed():
    """「共办理完成16件」「办理完毕16件」: done, the closed count, not 办理 (handled)."""
    assert kinds("依申请公开情况。全年收到政府信息公开申请16件，共办理完成16件。") == [("received", 16), ("closed", 16)]
    assert kinds("依申请公开情况。全年收到政府信息公开申请16件，办理完毕16件。") == [("received", 16), ("closed", 16)]


def test_carried_out_by_转下年度_after_the_number():
    """「2件转下年度继续办理」: the carry-over named after the number."""
    text = "依申请公开情况。本年度共收到政府信息公开申请17件，2件转下年度继续办理。"
    assert kinds(text) == [("received", 17), ("carried_out", 2)]


def test_a_carry_over_counted_in_办理件():
    """「上年度结转办理件3件」: 办理件 names the applications brought in."""
    text = "依申请公开情况。全年共收到依申请公开件11件，上年度结转办理件3件。"
    assert ("carried_in", 3) in kinds(text)


def test_closed_disclosure_items():
    """「办结依申请公开事项9件」: 事项 of disclosure are the applications (other 事项 are not: 「办结政务服务事项900件」)."""
    text = "依申请公开情况。全年受理并办结依申请公开事项9件，无结转下年度事项。"
    assert ("closed", 9) in kinds(text)
    assert kinds("依申请公开情况。全年收到政府信息公开申请3件。全年办结政务服务事项900件。") == [("received", 3)]


def test_the_organs_own_level_beside_its_whole_area():
    """「全县共受理…2461件，其中县政府本级受理86件」: both figures read, each with the scope its sentence names
    (本级 was taken for a part of the organ and dropped)."""
    text = "依申请公开情况。全县共受理政府信息公开申请2461件，其中县政府本级受理86件，办结86件。"
    read = [(c.kind, c.value, c.scope) for c in extract_claims(text, 2024)]
    assert read == [("received", 2461, "area"), ("received", 86, "own"), ("closed", 86, "own")]
    text = "依申请公开情况。本年度收到政府信息公开申请40件，办结40件。"
    assert {c.scope for c in extract_claims(text, 2024)} == {""}
    # a town's or a department's figure stays out as before
    assert kinds("依申请公开情况。各乡镇共收到政府信息公开申请12件，办结12件。") == []


def test_an_office_answering_for_the_government_counts_the_governments_own_applications():
    """「区政府办代表区政府受理政府信息公开申请17件」 in a district government's report: the government's own level
    (the table may be the whole district's, 95 there): read with scope "own", so a table that differs is no
    contradiction."""
    text = "依申请公开情况。2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。"
    assert ("received", 17, "own") in [(c.kind, c.value, c.scope) for c in extract_claims(text, 2024)]
    text = "依申请公开情况。2024年，县政府办公室代表县人民政府收到政府信息公开申请9件。"
    assert [(c.kind, c.value, c.scope) for c in extract_claims(text, 2024)] == [("received", 9, "own")]
    # 代表 naming anything else scopes nothing
    text = "依申请公开情况。2024年，我局收到人大代表、政协委员转来的政府信息公开申请3件。"
    assert {c.scope for c in extract_claims(text, 2024)} <= {""}
