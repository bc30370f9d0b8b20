"""Each quick scan of the text rules (issue 14) finds exactly what the full regex scan it replaces finds,
and properties of the readers and of the check that need no reference.

The full scans are the modules' own patterns (_NUM_RE, _YEAR, _KEYS …), run over the whole text; the texts
are random strings of the signs each scan treats apart.  That the rules' outputs stay what they were is
tests/test_text_golden.py's job.
"""
from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.engine import check
from model.text import claims, statute
from model.text.checks import _FEE_WRONG, _wrong_fee_terms
from tests.factories import consistent_report
from tests.golden.corpus import random_texts
from tests.narratives import seed_sentences, tricky_phrases


def _spans(matches) -> list:
    return [(m.span(), m.lastgroup, m.group(0)) for m in matches]


def _texts(seed: int, signs: tuple[str, ...], n: int = 20000, longest: int = 14) -> list[str]:
    return random_texts(seed, signs, n, longest)


# ---------------------------------------------------------------- each quick scan against the full scan it replaces


def test_numbers_are_found_from_their_units():
    signs = ("1", "2", "3", ",", ".", "．", "-", "/", ":", "：", "一", "十", "两", "零", "件", "条", "个", "次", "a", "。",
             "，", "1,234", "12,34", "２", "٣")
    for text in _texts(1, signs):
        assert _spans(claims.numbers(text)) == _spans(claims._NUM_RE.finditer(text)), text


def test_clause_starts_found_on_the_reversed_text():
    rng = random.Random(7)
    for text in _texts(7, ("a", "一", "，", ",", "（", "）", "：", "。", "\n", "「", "」", "“", "”", "；", "、")):
        hi = rng.randint(0, len(text))
        lo = rng.randint(0, hi)
        assert claims._after_last(text, text[::-1], claims._CLAUSE_END_RE, lo, hi) == \
            claims._clause_start(text, hi, lo), (text, lo, hi)


def test_years_are_read_from_their_nian():
    rng = random.Random(6)
    for text in _texts(6, ("1", "2", "20", "2024", "２０２４", "年", "度", "a", "0")):
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _spans(claims._years(text, start, end)) == _spans(claims._YEAR.finditer(text, start, end))


def test_keywords_are_tried_where_one_can_start():
    every_key = re.compile("|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(claims._KEYS)))  # the whole alternation
    signs = tricky_phrases() + seed_sentences() + ("2023年度结转", "２０２３年结转", "上年结转至本年", "政府信息公开申请共计")
    rng = random.Random(2)
    for _ in range(20000):
        text = rng.choice(signs)
        a = rng.randint(0, len(text))
        text = text[a:rng.randint(a, len(text))]
        assert _spans(claims._keywords(text)) == _spans(every_key.finditer(text)), text


# the statement of no 复议/诉讼 cases as it read before its pattern was reordered to start with a fixed word
_PLAIN_NONE_T4_ZERO = re.compile(r"(?:政府信息公开)?(?:行政复议|行政诉讼)(?:[、和及与或](?:行政复议|行政诉讼))?(?:案件)?"
                                 r"(?:(?:均|都)(?:为|是)(?:0|零)件?|(?:数量?|件数|总数)?(?:均|都)?(?:为|是)?(?:0|零)(?![件起]))"
                                 r"(?=[，,。；;！？!?\n、）)]|$)")


def test_statements_are_looked_for_in_the_paragraphs_holding_their_words():
    signs = ("未", "没有", "无", "暂无", "收到", "申请", "申请数", "为", "0", "零", "件", "政府信息公开", "行政复议", "行政诉讼",
             "、", "均", "规范性文件", "制发", "的", "权", "均已", "全部", "办结", "办结率", "100%", "按时", "\n", "，", "。", "人",
             "结转", "转结", "上年", "下年度")
    for text in _texts(3, signs):
        c = claims.compact(text)
        for rx, words in claims._NONE_RECEIVED + ((claims._COMPLETE_RE, claims._COMPLETE_WORDS),
                                                 (claims._NONE_NORMATIVE_RE, ("规范性文件",)),
                                                 (claims._NONE_T4_RE, ("复议", "诉讼")),
                                                 (claims._NONE_T4_ZERO_RE, ("复议", "诉讼")),
                                                 (claims._NONE_CARRY_RE, ("结转", "转结"))):
            assert _spans(c.finditer(rx, words)) == _spans(rx.finditer(c.s)), (text, rx.pattern)
        assert _spans(claims._NONE_T4_ZERO_RE.finditer(text)) == _spans(_PLAIN_NONE_T4_ZERO.finditer(text)), text


def test_doc_numbers_and_fee_terms():
    signs = ("国办函", "国务院办公厅关于印发国办函", "（2020）109号", "〔2021〕7号", "[2019]3号", "（", "(", "[", "【", "〔",
             "）", ")", "]", "】", "〕", "2020", "1999", "12", "109", "号", "政府", "a", " ", "\n", "工作", "信息公开", "费",
             "用", "处理", "纳入", "预算", "é", "①", "\u3000", "\x1c", "——", "x1", "《条例》")
    for text in _texts(5, signs):
        assert _spans(statute._doc_numbers(text)) == _spans(statute._DOC_NO.finditer(text)), text
        assert _spans(_wrong_fee_terms(text)) == _spans(_FEE_WRONG.finditer(text)), text


# ---------------------------------------------------------------- texts hypothesis makes

_WORDS = ("申请", "政府信息公开申请", "收到", "受理", "办结", "答复", "予以公开", "部分公开", "不予公开", "无法提供",
          "不予处理", "其他处理", "结转", "上年结转", "结转下年度", "行政复议", "行政诉讼", "维持", "纠正", "尚未审结",
          "规范性文件", "制发", "现行有效", "自然人", "企业", "法人或其他组织", "乡镇", "本级", "同比", "增长", "约",
          "其中", "共", "未收到", "未发生", "均已办结", "占", "%", "件", "条", "个", "起", "次", "年", "月", "日", "第",
          "一是", "二是", "（一）", "（二）", "1.", "2、", "一、", "《", "》", "〔", "〕", "（", "）", "号", "国办函",
          "《中华人民共和国政府信息公开条例》", "《政府信息公开条例》", "《中华人民共和国信息公开条例》", "统计期限",
          "信息公开费", "信息处理费", "收费", "问题", "下一步", "。", "，", "；", "：", "、", "\n", "\n\n", " ", "\u3000",
          "两", "十二", "一百零五", "数十", "3至5", ",", ".", "．", "-", "/", ":", "2023", "2024", "2025", "0", "7",
          "12", "3,119", "51.85", "１２")
_TOKENS = st.one_of(st.sampled_from(_WORDS), st.integers(0, 5000).map(str),
                    st.sampled_from(tricky_phrases()), st.sampled_from(seed_sentences()))
_TEXTS = st.lists(_TOKENS, max_size=60).map("".join)
_YEARS = st.sampled_from((2024, 2025, None))
# a paragraph that states nothing the readers look for
_UNRELATED = "\n下一步，我们将认真总结经验，进一步做好相关工作。"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, _YEARS)
def test_findings_point_into_their_section(text, year):
    report = consistent_report(random.Random(len(text)))
    report.meta.year = year
    report.sections = {"s0": text[:40], "s1": text, "s5": text[::-1], "s6": text[len(text) // 2:]}
    for f in check(report):
        if f.span is not None:
            sid, start, end = f.span
            assert 0 <= start <= end <= len(report.sections[sid]), f


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, _YEARS)
def test_claims_stay_found_when_a_paragraph_follows(text, year):
    before = claims.extract_claims(text, year)
    for c in before:
        assert 0 <= c.start <= c.end <= len(text), c
    after = claims.extract_claims(text + _UNRELATED, year)
    assert after[:len(before)] == before
