"""The fixed corpus of the text rules' golden digests, and what the rules make of each case.

A case is a name, an input and an output; both are plain Python values whose repr is stable from run to
run, so `digest` can hash them.  The reports: the samples, the seeds imported, 240 generated reports with
narratives of their own (tests/narratives.py; the text tests' phrasings it borrows frozen in phrases.txt).  The texts: short strings of the readers' alphabet and the
random strings the quick scans were tested on, a hundred to a case.  The readers (claims, numbering,
statute, wordcount, compact) and the text checks are looked up on this module when a case runs, so a
recording can be made with other versions of them.
"""
from __future__ import annotations

import dataclasses
import hashlib
import random
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from model import schema as S
from model.engine import check
from model.report import Report
from model.text import claims, compact, numbering, statute, wordcount
from model.text.checks import text_checks
from model.values import NA
from tests.conftest import EXPECTED, SEEDS, sample_files

CHUNK = 100  # short texts per case
RECORD = Path(__file__).with_name("text_rules.json")
PHRASES = Path(__file__).with_name("phrases.txt")


class Case(NamedTuple):
    name: str
    input: object
    output: Callable[[], object]  # run lazily: the input alone tells whether the corpus moved


def digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- what the rules make of a text or a report


def readings(text: str, year: int | None) -> tuple:
    """Every claim the reader finds, the numbering and statute problems and the 字数."""
    return ([dataclasses.astuple(c) for c in claims.extract_claims(text, year)],
            [dataclasses.astuple(p) for p in numbering.numbering_problems(text)],
            [dataclasses.astuple(p) for p in statute.statute_problems(text)],
            wordcount.count_chars(text))


def report_output(report: Report) -> tuple:
    """The readings of each section and every finding of the text checks, in order (with its severity)."""
    sections = [(sid, readings(text, report.meta.year)) for sid, text in report.sections.items()]
    findings = [(dataclasses.astuple(f), f.severity) for f in check(report, text_checks())]
    return sections, findings


def compact_output(text: str) -> tuple:
    """The compact text, its offsets, and every sentence and span it maps back."""
    c = compact.compact(text)
    n = len(c.s)
    return (c.s, list(c.idx), [c.sentence_at(i) for i in range(n)],
            [[c.span(i, j) for j in range(n + 1)] for i in range(n)])


def _report_case(name: str, report: Report) -> Case:
    return Case(name, repr(report), lambda: report_output(report))


# ---------------------------------------------------------------- the reports


def sample_cases() -> Iterator[Case]:
    from tests.test_text_helpers import sample_report

    for p in sample_files(EXPECTED, "*.json"):
        yield _report_case(f"sample {p.name}", sample_report(p.name))


def seed_cases() -> Iterator[Case]:
    import ingest

    for p in sample_files(SEEDS, "*.txt"):
        yield _report_case(f"seed {p.name}", ingest.read_report(p).report)


def _disturb(rng: random.Random, report: Report) -> None:
    """Figures that disagree with the text now and then: blanks, 「/」, other numbers, another year."""
    cells = list(S.TABLE_CELL_IDS)
    for cid in rng.sample(cells, rng.randint(0, 12)):
        report.cells[cid] = rng.choice((None, NA, rng.randint(0, 60), Decimal(rng.randint(0, 9999)) / 100))
        if report.cells[cid] is None:
            del report.cells[cid]
    report.meta.year = rng.choice((2020, 2023, 2024, 2025, 2025, None))
    report.meta.level = rng.choice(tuple(S.LEVELS))


@lru_cache(maxsize=1)
def phrases() -> tuple[str, ...]:
    """The text tests' tricky phrasings as they were when the digests were first recorded (tests/narratives.py's
    tricky_phrases(), frozen: a test added to those modules leaves the corpus as it is)."""
    return tuple(PHRASES.read_text(encoding="utf-8").splitlines())


def generated_report(i: int) -> Report:
    """Generated report number i (0–239): figures of tests.factories, a narrative of tests.narratives."""
    from tests.factories import consistent_report
    from tests.narratives import dress

    rng = random.Random(i)
    report = dress(rng, consistent_report(rng), rng.choice((150, 600, 2000, 6000)), tricky=rng.random(),
                   phrases=phrases())
    if i % 2:
        _disturb(rng, report)
    return report


def generated_cases(first: int, last: int) -> Iterator[Case]:
    for i in range(first, last):
        yield _report_case(f"generated report {i}", generated_report(i))


# ---------------------------------------------------------------- short texts

# every sign the readers treat apart: figures and their separators, units (and 次 after them), sentence and
# clause ends (full and half width), numbering markers, brackets of 文号, spaces, years
ALPHABET = ("1", "2", "12", "2024", "2023", "3,119", "12,34", "0", "１２", "一", "二", "十", "两", "零", "百", "件", "条",
            "个", "起", "次", "例", "部", "份", ".", "．", ",", "，", "、", ":", "：", "-", "/", "。", "！", "？", "!", "?",
            "；", ";", "\n", " ", "\u3000", "（", "(", "）", ")", "〔", "〕", "[", "]", "【", "】", "号", "国办函", "是",
            "年", "月", "日", "项", "第", "约", "其中", "申请", "收到", "受理", "办结", "予以公开", "行政复议", "行政诉讼",
            "结转", "上年结转", "下年度", "未收到", "未发生", "均已办结", "乡镇", "同比", "以来", "信息公开费",
            "信息公开处理费", "政府", "工作", "用", "纳入", "《", "》", "条例", "政府信息公开条例", "公民", "企业",
            "规范性文件", "制发", "占", "%")
SPACES = ("a", "一", "。", "\n", " ", "  ", "\u3000", "\xa0", "！", ";", "?", "b")
MARKERS = ("一", "二", "十", "、", ".", "．", "（", "(", "）", ")", "1", "2", "12", "是", "。", "！", "？", "!", "?", "：",
           ":", "\n", "，", "；", "项", "条", "a", "问题", "改进措施", "一季度完成", " ")
DOC_NUMBERS = ("国办函", "国务院办公厅关于印发国办函", "（2020）109号", "〔2021〕7号", "[2019]3号", "（", "(", "[", "【",
               "〔", "）", ")", "]", "】", "〕", "2020", "1999", "12", "109", "号", "政府", "a", " ", "\n", "工作",
               "信息公开", "费", "用", "处理", "纳入", "预算", "é", "①", "\u3000", "\x1c", "——", "x1", "《条例》")


def random_texts(seed: int, signs: tuple[str, ...], n: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(signs) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def short_texts(seed: int) -> list[tuple[str, int | None]]:
    """4000 strings of up to 16 signs of the readers' alphabet, each with a report year or none."""
    rng = random.Random(seed)
    out = []
    for _ in range(4000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 16)))
        out.append((text, rng.choice((2024, None))))
    return out


def _chunks(label: str, items: list, output: Callable[[object], object]) -> Iterator[Case]:
    for k in range(0, len(items), CHUNK):
        part = items[k:k + CHUNK]
        yield Case(f"{label} {k}–{k + len(part) - 1}", part, lambda part=part: [output(x) for x in part])


def short_text_cases(seed: int) -> Iterator[Case]:
    return _chunks(f"short texts of seed {seed}", short_texts(seed), lambda ty: readings(*ty))


def compact_cases() -> Iterator[Case]:
    return _chunks("spaced texts", random_texts(0, SPACES, 3000, 24), compact_output)


def numbering_cases() -> Iterator[Case]:
    return _chunks("numbered texts", random_texts(4, MARKERS, 20000, 20),
                   lambda t: [dataclasses.astuple(p) for p in numbering.numbering_problems(t)])


def doc_number_cases() -> Iterator[Case]:
    return _chunks("texts with 文号", random_texts(5, DOC_NUMBERS, 20000, 14),
                   lambda t: ([dataclasses.astuple(p) for p in statute.statute_problems(t)], wordcount.count_chars(t)))


# ---------------------------------------------------------------- the groups, one recorded list each

GENERATED_PARTS = 6  # 40 reports each

GROUPS: dict[str, Callable[[], Iterator[Case]]] = {
    "samples": sample_cases,
    "seeds": seed_cases,
    **{f"generated {k}": (lambda k=k: generated_cases(40 * k, 40 * k + 40)) for k in range(GENERATED_PARTS)},
    **{f"short texts {s}": (lambda s=s: short_text_cases(s)) for s in range(4)},
    "compact": compact_cases,
    "numbering": numbering_cases,
    "doc numbers": doc_number_cases,
}
