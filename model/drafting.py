"""「按表格生成」: the sentences clerks write every January, generated from the figures.

The phrasing is declared here as data, one `Sentence` per kind (applications, 复议/诉讼, 规范性文件,
信息处理费); a small renderer fills in the numbers.  The words are chosen so that the text rules
(model.text.claims) read every stated total back as a claim about the cell it came from: a generated
paragraph cannot contradict the tables.  Category names come from the schema's labels.

Natural Chinese as clerks write it: zero categories are left out, a total of 0 reads 「未收到」/「未发生」,
and 予以公开 gives its share of the applications closed, rounded half-up to two places.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from . import schema as S
from .report import Report
from .values import NA, format_value

t3 = S.t3


@dataclass(frozen=True)
class Part:
    """One item of a breakdown: 「自然人40件」; with `share_of`, also 「（占办结总数的46.25%）」."""

    label: str
    cells: tuple[str, ...]
    share_of: tuple[str, ...] = ()
    share_name: str = ""


@dataclass(frozen=True)
class Clause:
    """「{n}」 is Σ cells.  `zero`: the words when the sum is 0 (None: leave the clause out).
    `after`: the words when the clause before it was stated (「行政诉讼{n}件」 after 「…行政复议3件」).
    `parts`: the breakdown, zero parts left out; `zero_only_if`: cells whose sum must be non-zero for the
    `zero` words to be said (no 「无结转」 when nothing was handled at all)."""

    cells: tuple[str, ...]
    text: str
    zero: str | None = None
    after: str | None = None
    parts: tuple[Part, ...] = ()
    parts_open: str = "，其中"
    parts_close: str = ""
    unit: str = "件"
    zero_only_if: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    clauses: tuple[Clause, ...]
    all_zero: str | None = None  # the whole sentence when every clause is 0
    sep: str = "，"


@dataclass(frozen=True)
class Paragraph:
    id: str
    section: str
    title: str  # for the command line and the window
    sentences: tuple[Sentence, ...]


# ---------------------------------------------------------------- the phrasing, as data


def _short(label: str) -> str:
    """「（二）部分公开（区分处理的…）」 → 「部分公开」."""
    body = label.split("）", 1)[1] if label.startswith("（") else label
    return body.split("（", 1)[0]


def _category(group: str) -> tuple[str, tuple[str, ...]]:
    label = S.T3_GROUPS[group].label if group in S.T3_GROUPS else S.T3_ROW_LABEL[group]
    return _short(label), tuple(t3(r, "tot") for r in S.T3_CATEGORY_ROWS[group])


R1, R2, R37, R4 = (t3(r, "tot") for r in ("r1", "r2", "r3_7", "r4"))
_APPLICANTS = tuple(Part(S.T3_COL_LABEL[c], (t3("r1", c),)) for c in S.T3_PART_COLS)
_OUTCOMES = tuple(
    Part(label, cells, share_of=(R37,) if g == "r3_1" else (), share_name="办结总数")
    for g in S.T3_CATEGORY_ROWS for label, cells in (_category(g),))
_LAWSUIT = ("direct", "after")


def _t4_parts(groups: tuple[str, ...]) -> tuple[Part, ...]:
    return tuple(Part(S.T4_COL_LABEL[c], tuple(S.t4(g, c) for g in groups)) for c in S.T4_PART_COLS)


def _t4_tot(groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(S.t4(g, "tot") for g in groups)


APPLICATIONS = Paragraph("applications", "s1", "依申请公开", (
    Sentence((
        Clause((R1,), "全年共收到政府信息公开申请{n}件", zero="全年未收到政府信息公开申请", parts=_APPLICANTS),
        Clause((R2,), "上年结转申请{n}件", after="另有上年结转申请{n}件"),
    ), sep="；"),
    Sentence((Clause((R37,), "本年度办结{n}件", parts=_OUTCOMES, parts_open="，其中"),)),
    Sentence((Clause((R4,), "结转下年度继续办理{n}件", zero="无结转下年度继续办理的申请", zero_only_if=(R37,)),)),
))

REVIEW = Paragraph("review", "s1", "行政复议、行政诉讼", (
    Sentence((
        Clause(_t4_tot(("review",)), "本年度因政府信息公开引发行政复议{n}件", zero="本年度未发生因政府信息公开引发的行政复议",
               parts=_t4_parts(("review",)), parts_open="（", parts_close="）"),
        Clause(_t4_tot(_LAWSUIT), "因政府信息公开引发行政诉讼{n}件", zero="未发生因政府信息公开引发的行政诉讼",
               after="行政诉讼{n}件", parts=_t4_parts(_LAWSUIT), parts_open="（", parts_close="）"),
    ), all_zero="本年度未发生因政府信息公开引发的行政复议、行政诉讼"),
))

NORMATIVE = Paragraph("normative", "s1", "行政规范性文件", (
    Sentence((
        Clause(("t2.normative.issued",), "本年度制发行政规范性文件{n}件", zero="本年度未制发行政规范性文件"),
        Clause(("t2.normative.repealed",), "废止{n}件"),
        Clause(("t2.normative.in_force",), "现行有效的行政规范性文件共{n}件"),
    )),
))

FEES = Paragraph("fees", "s6", S.FEE_TERM, (
    Sentence((
        Clause(("fee.notices",), "本年度发出收费通知{n}件"),
        Clause(("fee.billed",), "通知金额共计{n}元", unit="元"),
        Clause(("fee.collected",), "实际收取{term}{n}元", zero="未实际收取{term}", unit="元"),
    ), all_zero="全年未收取{term}"),
))

PARAGRAPHS: tuple[Paragraph, ...] = (APPLICATIONS, REVIEW, NORMATIVE, FEES)
DRAFT_SECTIONS = tuple(dict.fromkeys(p.section for p in PARAGRAPHS))  # s1, s6


# ---------------------------------------------------------------- rendering


def _known_sum(report: Report, cells: tuple[str, ...]) -> int | Decimal | None:
    """Σ of the cells, or None when one is blank, 「/」 or below 0 (nothing to state)."""
    total: int | Decimal = 0
    for c in cells:
        v = report.cells.get(c)
        if v is None or v == NA or isinstance(v, str) or v < 0:
            return None
        total += v
    return total


def _num(v: int | Decimal) -> str:
    return format_value(v) if isinstance(v, Decimal) else str(v)


def share(part: int | Decimal, whole: int | Decimal) -> Decimal:
    """100·part/whole, half-up to two places: what 「占…%」 states."""
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _part_text(report: Report, part: Part, unit: str) -> str | None:
    n = _known_sum(report, part.cells)
    if not n:
        return None
    text = f"{part.label}{_num(n)}{unit}"
    whole = _known_sum(report, part.share_of) if part.share_of else None
    if whole:
        text += f"（占{part.share_name}的{share(n, whole)}%）"
    return text


def _fill(text: str, n: int | Decimal) -> str:
    return text.replace("{term}", S.FEE_TERM).replace("{n}", _num(n))


def _clause_text(report: Report, clause: Clause, n: int | Decimal, follows: bool) -> str | None:
    if n == 0:
        return _fill(clause.zero, 0) if clause.zero else None
    text = _fill(clause.after if follows and clause.after else clause.text, n)
    parts = [p for p in (_part_text(report, part, clause.unit) for part in clause.parts) if p]
    if parts:
        text += clause.parts_open + "、".join(parts) + clause.parts_close
    return text


def _sentence(report: Report, sentence: Sentence) -> str | None:
    values = []
    for clause in sentence.clauses:
        n = _known_sum(report, clause.cells)
        if n == 0 and clause.zero_only_if and not _known_sum(report, clause.zero_only_if):
            n = None
        values.append(n)
    known = [v for v in values if v is not None]
    if not known:
        return None
    if sentence.all_zero and all(v == 0 for v in values):
        return _fill(sentence.all_zero, 0) + "。"
    out: list[str] = []
    follows = False
    for clause, n in zip(sentence.clauses, values):
        text = None if n is None else _clause_text(report, clause, n, follows)
        follows = bool(text) and n != 0
        if text:
            out.append(text)
    return sentence.sep.join(out) + "。" if out else None


def draft_paragraph(report: Report, paragraph: Paragraph) -> str:
    """The paragraph for the report's figures ('' when its figures are not filled in yet)."""
    return "".join(s for s in (_sentence(report, sent) for sent in paragraph.sentences) if s)


def draft_section(report: Report, section: str) -> str:
    """Every generated paragraph of a section, one per line."""
    texts = (draft_paragraph(report, p) for p in PARAGRAPHS if p.section == section)
    return "\n".join(t for t in texts if t)


def section_cells(section: str) -> tuple[str, ...]:
    """The cells whose figures the section's generated text is made from."""
    cells: list[str] = []
    for p in PARAGRAPHS:
        if p.section != section:
            continue
        for sent in p.sentences:
            for clause in sent.clauses:
                cells += clause.cells + clause.zero_only_if
                for part in clause.parts:
                    cells += part.cells + part.share_of
    return tuple(dict.fromkeys(cells))
