"""Narratives for tests and benches: each report gets text of its own, as a clerk's would read.

A report's narrative is made of the paragraphs 「按表格生成」 writes from its figures (model.drafting), the
sentences of the seed reports and the phrasings the text-rule tests use (the tricky ones: other years,
towns, changes, statements of none …), with their numbers and years varied, spaces dropped in here and
there as in text pulled from a PDF, in paragraphs that are numbered (sometimes wrongly).  No two reports
share a text, so nothing cached for one helps the next.
"""
from __future__ import annotations

import ast
import random
import re
from functools import lru_cache
from pathlib import Path

from model.drafting import draft_section
from model.report import Prior, Report
from tests.conftest import REAL_PDF, ROOT, SEEDS

_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_MARKS = ("（{cn}）", "{n}.", "{n}、", "{cn}是", "（{n}）", "")
_CN = "一二三四五六七八九十"
# the tests of the text rules whose phrasings are borrowed (named: a new test module does not change the corpus)
_PHRASE_TESTS = ("test_text_claims.py", "test_text_helpers.py", "test_text_rules.py", "test_text_samples.py",
                 "test_text_variants.py")


def _literals(path: Path) -> list[str]:
    """The Chinese string literals of a test module (the phrasings it checks)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(_CJK.findall(node.value)) >= 6:
            out.append(node.value)
    return out


def _sentences(texts: list[str]) -> tuple[str, ...]:
    pool = []
    for t in texts:
        pool += [m.group(0) for m in _SENTENCE.finditer(t) if _CJK.search(m.group(0))]
        if len(t) < 200:
            pool.append(t.replace("\n", ""))  # a short phrase also as a whole
    return tuple(dict.fromkeys(pool))


def _pdf_sentences(path: Path) -> list[str]:
    """The whole sentences of a real PDF's text (lines joined; the tables, which hold no 。, left out)."""
    text = "".join(line.strip() for line in path.read_text(encoding="utf-8").splitlines()[1:])
    return [m.group(0) for m in re.finditer(r"[^。；]{4,300}[。；]", text)]


@lru_cache(maxsize=1)
def seed_sentences() -> tuple[str, ...]:
    """The sentences of the seed reports and of the real PDFs' text: what reports are mostly made of."""
    import ingest

    texts: list[str] = []
    for p in sorted(SEEDS.glob("*.txt")):
        texts += [t for t in ingest.read_report(p).report.sections.values() if t]
    for p in sorted(REAL_PDF.glob("*.layout.txt")):
        texts += _pdf_sentences(p)
    return _sentences(texts)


@lru_cache(maxsize=1)
def tricky_phrases() -> tuple[str, ...]:
    """The phrasings the text-rule tests check: dense with claims and with what must not be read as one."""
    texts: list[str] = []
    for name in _PHRASE_TESTS:
        texts += _literals(ROOT / "tests" / name)
    return _sentences(texts)


def _vary_number(rng: random.Random, m: re.Match, year: int) -> str:
    t = m.group(0)
    if len(t) == 4 and t[:2] in ("19", "20"):  # a year: mostly the report's, sometimes its neighbour
        return str(rng.choice((year, year, year, year - 1, year + 1)))
    if "." in t:
        return f"{rng.uniform(0, 100):.2f}"
    return str(rng.randint(0, 10 ** len(t)))


def _vary(rng: random.Random, sentence: str, year: int) -> str:
    out = _NUMBER.sub(lambda m: _vary_number(rng, m, year), sentence)
    if rng.random() < 0.15:  # PDF text: 「申请 82 件」
        out = _NUMBER.sub(lambda m: f" {m.group(0)} ", out)
    return out


def _sentence(rng: random.Random, year: int, tricky: float, phrases: tuple[str, ...] | None) -> str:
    pool = (phrases or tricky_phrases()) if rng.random() < tricky else seed_sentences()
    return _vary(rng, rng.choice(pool), year)


def _paragraphs(rng: random.Random, year: int, chars: int, tricky: float,
                phrases: tuple[str, ...] | None = None) -> list[str]:
    paras: list[str] = []
    n = 0
    mark = rng.choice(_MARKS)
    while n < chars:
        sentences = [_sentence(rng, year, tricky, phrases) for _ in range(rng.randint(1, 6))]
        i = len(paras) + 1
        head = mark.format(n=i, cn=_CN[(i - 1) % 10]) if rng.random() < 0.9 else mark.format(n=i + 1, cn="一")
        para = head + "".join(s if s[-1] in "。；！？" else s + "。" for s in sentences)
        paras.append(para)
        n += len(para)
    return paras


def narrative(rng: random.Random, report: Report, chars: int, tricky: float = 0.5,
              phrases: tuple[str, ...] | None = None) -> dict[str, str]:
    """About `chars` characters of narrative for `report`: its figures drafted, the rest sentences of the
    seed reports and, a `tricky` share of them, the text tests' phrasings (or `phrases`: a frozen set of them
    keeps a corpus the same when a text test changes)."""
    year = report.meta.year or 2024
    s1 = _paragraphs(rng, year, chars * 6 // 10, tricky, phrases)
    s1.insert(rng.randint(0, len(s1)), draft_section(report, "s1"))
    s6 = _paragraphs(rng, year, chars // 10, tricky, phrases) if rng.random() < 0.8 else []
    if rng.random() < 0.7:
        s6.insert(0, draft_section(report, "s6"))
    return {"s0": "\n".join(_paragraphs(rng, year, chars // 20, tricky, phrases)) if rng.random() < 0.5 else "",
            "s1": "\n".join(p for p in s1 if p),
            "s5": "\n".join(_paragraphs(rng, year, chars // 4, tricky, phrases)),
            "s6": "\n".join(p for p in s6 if p)}


def dress(rng: random.Random, report: Report, chars: int, tricky: float = 0.5,
          phrases: tuple[str, ...] | None = None) -> Report:
    """The report with a narrative, and now and then a printed title and headings, a publication date and
    last year's text (for the title, year, deadline, heading and repeated-text rules)."""
    report.sections = narrative(rng, report, chars, tricky, phrases)
    year = report.meta.year or 2024
    if rng.random() < 0.3:
        report.meta.title = f"{report.meta.organ}{rng.choice((year, year, year - 1))}年政府信息公开工作年度报告"
    if rng.random() < 0.3:
        report.meta.published = f"{year + 1}-0{rng.randint(1, 4)}-{rng.randint(10, 28)}"
    if rng.random() < 0.2:
        report.headings = {"s1": "一、总体情况", "s5": "五、存在的主要问题及改进情况", "s6": "六、其他需要报告的事项"}
    if rng.random() < 0.3:
        old = Report(cells=dict(report.cells))
        old.meta.year = year - 1
        other = narrative(rng, old, chars, tricky, phrases)
        old.sections = {k: v if rng.random() < 0.5 else other[k] for k, v in report.sections.items()}
        report.prior = Prior.of(old)
    return report
