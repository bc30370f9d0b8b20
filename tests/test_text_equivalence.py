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
