"""The text rules give exactly the findings they gave before they were made fast (issue 14's throughput).

The oracle is the earlier model/text, frozen in tests/oracle/text.  Compared: every finding of a full check
(rule, key, cells, message, numbers, span, severity, in order) and, below the findings, every claim the
reader finds, the numbering and statute problems and the 字数.  The reports: the samples, generated
reports with narratives of their own (tests/narratives.py: drafted paragraphs, the seed reports' sentences
and the text tests' tricky phrasings, numbers and years varied, spaces as from a PDF), and texts hypothesis
makes from the words, numerals and signs the rules look at.
"""
from __future__ import annotations

import dataclasses
import random
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ingest
from model import schema as S
from model.checks import figure_checks
from model.engine import _import_check, check
from model.text import claims, numbering, statute, wordcount
from model.values import NA

from tests.conftest import SEEDS, sample_files
from tests.factories import consistent_report
from tests.narratives import dress, seed_sentences, tricky_phrases
from tests.oracle.text import checks as old_checks
from tests.oracle.text import claims as old_claims
from tests.oracle.text import numbering as old_numbering
from tests.oracle.text import statute as old_statute
from tests.oracle.text import wordcount as old_wordcount
from tests.test_text_helpers import SAMPLE_NAMES, sample_report

_OLD_CHECKS = figure_checks() + old_checks.text_checks() + [_import_check()]


def _readings(text: str, year: int | None) -> tuple:
    """What the new readers make of a text, as plain tuples."""
    return ([dataclasses.astuple(c) for c in claims.extract_claims(text, year)],
            [dataclasses.astuple(p) for p in numbering.numbering_problems(text)],
            [dataclasses.astuple(p) for p in statute.statute_problems(text)],
            wordcount.count_chars(text))


def _old_readings(text: str, year: int | None) -> tuple:
    return ([dataclasses.astuple(c) for c in old_claims.extract_claims(text, year)],
            [dataclasses.astuple(p) for p in old_numbering.numbering_problems(text)],
            [dataclasses.astuple(p) for p in old_statute.statute_problems(text)],
            old_wordcount.count_chars(text))


def assert_same(report) -> None:
    for sid, text in report.sections.items():
        assert _readings(text, report.meta.year) == _old_readings(text, report.meta.year), (sid, text)
    assert check(report) == check(report, _OLD_CHECKS)


# ---------------------------------------------------------------- the samples


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_samples(name):
    assert_same(sample_report(name))


@pytest.mark.parametrize("path", sample_files(SEEDS, "*.txt"), ids=lambda p: p.name)
def test_seeds_imported(path):
    assert_same(ingest.read_report(path).report)


# ---------------------------------------------------------------- generated reports


def _disturb(rng: random.Random, report) -> None:
    """Figures that disagree with the text now and then: blanks, 「/」, other numbers, another year."""
    cells = list(S.TABLE_CELL_IDS)
    for cid in rng.sample(cells, rng.randint(0, 12)):
        report.cells[cid] = rng.choice((None, NA, rng.randint(0, 60), Decimal(rng.randint(0, 9999)) / 100))
        if report.cells[cid] is None:
            del report.cells[cid]
    report.meta.year = rng.choice((2020, 2023, 2024, 2025, 2025, None))
    report.meta.level = rng.choice(tuple(S.LEVELS))


@pytest.mark.parametrize("chunk", range(6))
def test_generated_reports(chunk):
    for i in range(chunk * 40, chunk * 40 + 40):
        rng = random.Random(i)
        report = dress(rng, consistent_report(rng), rng.choice((150, 600, 2000, 6000)), tricky=rng.random())
        if i % 2:
            _disturb(rng, report)
        assert_same(report)


# ---------------------------------------------------------------- short texts of the readers' alphabet

# every sign the readers treat apart: figures and their separators, units (and 次 after them), sentence and
# clause ends (full and half width), numbering markers, brackets of 文号, spaces, years
_SIGNS = ("1", "2", "12", "2024", "2023", "3,119", "12,34", "0", "１２", "一", "二", "十", "两", "零", "百", "件", "条",
          "个", "起", "次", "例", "部", "份", ".", "．", ",", "，", "、", ":", "：", "-", "/", "。", "！", "？", "!", "?",
          "；", ";", "\n", " ", "\u3000", "（", "(", "）", ")", "〔", "〕", "[", "]", "【", "】", "号", "国办函", "是", "年",
          "月", "日", "项", "第", "约", "其中", "申请", "收到", "受理", "办结", "予以公开", "行政复议", "行政诉讼", "结转",
          "上年结转", "下年度", "未收到", "未发生", "均已办结", "乡镇", "同比", "以来", "信息公开费", "信息公开处理费",
          "政府", "工作", "用", "纳入", "《", "》", "条例", "政府信息公开条例", "公民", "企业", "规范性文件", "制发", "占", "%")


@pytest.mark.parametrize("seed", range(4))
def test_short_texts_of_the_readers_alphabet(seed):
    rng = random.Random(seed)
    for _ in range(4000):
        text = "".join(rng.choice(_SIGNS) for _ in range(rng.randint(0, 16)))
        year = rng.choice((2024, None))
        assert _readings(text, year) == _old_readings(text, year), text


# ---------------------------------------------------------------- each quick scan against the full scan it replaces


def _spans(matches) -> list:
    return [(m.span(), m.lastgroup, m.group(0)) for m in matches]


def _random_texts(seed: int, signs: tuple[str, ...], n: int = 20000, longest: int = 14):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(signs) for _ in range(rng.randint(0, longest)))


def test_compact_maps_every_offset_as_before():
    from tests.oracle.text.compact import compact as old_compact

    signs = ("a", "一", "。", "\n", " ", "  ", "\u3000", "\xa0", "！", ";", "?", "b")
    for text in _random_texts(0, signs, n=3000, longest=24):
        new, old = claims.compact(text), old_compact(text)
        assert (new.s, new.idx) == (old.s, old.idx), text
        for i in range(len(new.s)):
            assert new.sentence_at(i) == old.sentence_at(i), (text, i)
            for j in range(len(new.s) + 1):
                assert new.span(i, j) == old.span(i, j), (text, i, j)


def test_numbers_are_found_from_their_units():
    signs = ("1", "2", "3", ",", ".", "．", "-", "/", ":", "：", "一", "十", "两", "零", "件", "条", "个", "次", "a", "。",
             "，", "1,234", "12,34", "２", "٣")
    for text in _random_texts(1, signs):
        assert _spans(claims.numbers(text)) == _spans(old_claims._NUM_RE.finditer(text)), text


def test_clause_starts_found_on_the_reversed_text():
    rng = random.Random(7)
    for text in _random_texts(7, ("a", "一", "，", ",", "（", "）", "：", "。", "\n", "「", "」", "“", "”", "；", "、")):
        hi = rng.randint(0, len(text))
        lo = rng.randint(0, hi)
        assert claims._after_last(text, text[::-1], claims._CLAUSE_END_RE, lo, hi) == \
            old_claims._clause_start(text, hi, lo), (text, lo, hi)


def test_years_are_read_from_their_nian():
    rng = random.Random(6)
    for text in _random_texts(6, ("1", "2", "20", "2024", "２０２４", "年", "度", "a", "0")):
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _spans(claims._years(text, start, end)) == _spans(old_claims._YEAR.finditer(text, start, end))


def test_keywords_are_tried_where_one_can_start():
    signs = tricky_phrases() + seed_sentences() + ("2023年度结转", "２０２３年结转", "上年结转至本年", "政府信息公开申请共计")
    rng = random.Random(2)
    for _ in range(20000):
        text = rng.choice(signs)
        a = rng.randint(0, len(text))
        text = text[a:rng.randint(a, len(text))]
        assert _spans(claims._keywords(text)) == _spans(old_claims._KEY_RE.finditer(text)), text


def test_statements_are_looked_for_in_the_paragraphs_holding_their_words():
    signs = ("未", "没有", "无", "暂无", "收到", "申请", "申请数", "为", "0", "零", "件", "政府信息公开", "行政复议", "行政诉讼",
             "、", "均", "规范性文件", "制发", "的", "权", "均已", "全部", "办结", "办结率", "100%", "按时", "\n", "，", "。", "人")
    for text in _random_texts(3, signs):
        c = claims.compact(text)
        for rx, words in claims._NONE_RECEIVED + ((claims._COMPLETE_RE, claims._COMPLETE_WORDS),
                                                 (claims._NONE_NORMATIVE_RE, ("规范性文件",)),
                                                 (claims._NONE_T4_RE, ("复议", "诉讼")),
                                                 (claims._NONE_T4_ZERO_RE, ("复议", "诉讼"))):
            assert _spans(c.finditer(rx, words)) == _spans(rx.finditer(c.s)), (text, rx.pattern)
        assert _spans(claims._NONE_T4_ZERO_RE.finditer(text)) == _spans(old_claims._NONE_T4_ZERO_RE.finditer(text))


def test_numbering_markers_are_read_where_they_count():
    signs = ("一", "二", "十", "、", ".", "．", "（", "(", "）", ")", "1", "2", "12", "是", "。", "！", "？", "!", "?", "：", ":",
             "\n", "，", "；", "项", "条", "a", "问题", "改进措施", "一季度完成", " ")
    for text in _random_texts(4, signs, longest=20):
        assert numbering._marker_events(text) == old_numbering._marker_events(text), text
        assert numbering._shi_events(text) == old_numbering._shi_events(text), text
        assert _readings(text, None)[1] == _old_readings(text, None)[1], text


def test_doc_numbers_fee_terms_and_word_count():
    from model.text.checks import _wrong_fee_terms
    from tests.oracle.text.checks import _FEE_WRONG

    signs = ("国办函", "国务院办公厅关于印发国办函", "（2020）109号", "〔2021〕7号", "[2019]3号", "（", "(", "[", "【", "〔", "）", ")", "]", "】", "〕", "2020", "1999", "12", "109", "号", "政府", "a", " ",
             "\n", "工作", "信息公开", "费", "用", "处理", "纳入", "预算", "é", "①", "\u3000", "\x1c", "——", "x1", "《条例》")
    for text in _random_texts(5, signs):
        assert _spans(statute._doc_numbers(text)) == _spans(old_statute._DOC_NO.finditer(text)), text
        assert _spans(_wrong_fee_terms(text)) == _spans(_FEE_WRONG.finditer(text)), text
        assert wordcount.count_chars(text) == old_wordcount.count_chars(text), text


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


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TOKENS, max_size=60).map("".join), st.sampled_from((2024, 2025, None)))
def test_made_up_texts(text, year):
    assert _readings(text, year) == _old_readings(text, year)
    report = consistent_report(random.Random(len(text)))
    report.meta.year = year
    report.sections = {"s0": text[:40], "s1": text, "s5": text[::-1], "s6": text[len(text) // 2:]}
    assert check(report) == check(report, _OLD_CHECKS)
