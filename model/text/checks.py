"""The narrative checks (format.md section 7: N.*, FEE.MENTION, FEE.TERM, S.*, X.REPEAT_TEXT).

Each check is a FuncCheck over one section (or the metadata) and the cells it compares with; the engine
re-runs it when one of its inputs changes.  The reading of the text lives beside it in `model.text`: claims.py
finds the numbers the text states, numbering.py / statute.py / repeat.py / wordcount.py the rest.  Here
the findings are built: every one quotes the text, names the cells with their numbers and points its
span at the words (section id, start, end).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cache, lru_cache, partial

from .. import schema as S
from ..checks import Check, FuncCheck
from ..findings import Finding
from ..headings import variant_section
from ..report import Report
from ..rules import WARNING
from ..values import NA, number
from .claims import Claim, extract_claims
from .compact import compact, shorten
from .numbering import numbering_problems
from .repeat import repeated
from .statute import statute_problems
from .wordcount import count_chars

TEXT = S.TEXT_SECTIONS  # s0 (前言), s1, s5, s6
CLAIM_SECTIONS = ("s1", "s6")  # where the figures are narrated; 五 is about problems
SECTION_NAME = S.TEXT_SECTION_NAME
OVERVIEW_LIMIT = 1000
REPEAT_RATIO = 0.7
REPEAT_MIN_CHARS = 60

t3 = S.t3
R1, R2, R37, R4 = t3("r1", "tot"), t3("r2", "tot"), t3("r3_7", "tot"), t3("r4", "tot")
_T4_TOT = {"review": ("t4.review.tot",), "lawsuit": ("t4.direct.tot", "t4.after.tot")}
_T4_NAME = {"review": "表四行政复议", "lawsuit": "表四行政诉讼（未经复议直接起诉 + 复议后起诉）"}


def _rows_tot(group: str) -> tuple[str, ...]:
    return tuple(t3(r, "tot") for r in S.T3_CATEGORY_ROWS[group])


def _cat_label(group: str) -> str:
    if group in S.T3_GROUPS:
        return f"表三{S.T3_GROUPS[group].label}各项之和"
    label = S.T3_ROW_LABEL[group]
    cut = label.find("（", 3)  # 「（二）部分公开（区分处理的…）」 → 「（二）部分公开」
    return f"表三{label[:cut] if cut > 0 else label}总计"


# kind → (label, cells) readings; a claim is right when it equals any reading
_CANDIDATES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "received": (("表三第一项（本年新收）总计", (R1,)), ("加上第二项上年结转", (R1, R2))),
    "handled": (("表三（七）总计", (R37,)), ("第一项总计", (R1,)), ("第一项加第二项", (R1, R2))),
    "closed": (("表三（七）总计", (R37,)),),
    "carried_out": (("表三第四项（结转下年度继续办理）总计", (R4,)),),
    "carried_in": (("表三第二项（上年结转）总计", (R2,)),),
    "cat:r3_1+r3_2": (("表三（一）予以公开与（二）部分公开之和", (t3("r3_1", "tot"), t3("r3_2", "tot"))),),
    "leaf:r3_4_1": (("表三（四）1.本机关不掌握相关政府信息", (t3("r3_4_1", "tot"),)),),
    "leaf:r3_5_1": (("表三（五）1.信访举报投诉类申请", (t3("r3_5_1", "tot"),)),),
    "leaf:r3_5_2": (("表三（五）2.重复申请", (t3("r3_5_2", "tot"),)),),
    "leaf:r3_6_1": (("表三（六）1.申请人无正当理由逾期不补正", (t3("r3_6_1", "tot"),)),),
    "review": (("表四行政复议总计", ("t4.review.tot",)),),
    "lawsuit": (("表四行政诉讼总计（未经复议直接起诉 + 复议后起诉）", ("t4.direct.tot", "t4.after.tot")),),
    # 「未经复议直接起诉1件」「复议后起诉1件」: one kind of lawsuit
    "lawsuit:direct": (("表四未经复议直接起诉总计", ("t4.direct.tot",)),),
    "lawsuit:after": (("表四复议后起诉总计", ("t4.after.tot",)),),
    "t4_all": (("表四行政复议与行政诉讼总计之和", ("t4.review.tot", "t4.direct.tot", "t4.after.tot")),),
    "normative_issued": (("表二行政规范性文件本年制发件数", ("t2.normative.issued",)),),
    "normative_in_force": (("表二行政规范性文件现行有效件数", ("t2.normative.in_force",)),),
    "rules_issued": (("表二规章本年制发件数", ("t2.rules.issued",)),),
}
for _g in S.T3_CATEGORY_ROWS:
    _CANDIDATES[f"cat:{_g}"] = ((_cat_label(_g), _rows_tot(_g)),)
for _grp in S.T3_GROUPS.values():
    for _r, _rl in _grp.rows:
        _CANDIDATES.setdefault(f"leaf:{_r}", ((f"表三{_grp.label}{_rl}", (t3(_r, "tot"),)),))
for _grp in S.T3_GROUPS.values():
    for _r, _ in _grp.rows:
        # a row named as the reason of its result (「因本机关不掌握相关政府信息无法提供1件」): that row, or the
        # result's total when the writer gave one reason for all of them
        _CANDIDATES[f"leaf:{_r}/{_grp.id}"] = _CANDIDATES[f"leaf:{_r}"] + _CANDIDATES[f"cat:{_grp.id}"]
for _c, _lab in S.T3_COLS:
    if _c != "tot":
        _CANDIDATES[f"applicant:{_c}"] = ((f"表三第一项{_lab}", (t3("r1", _c),)),
                                          ("加上第二项", (t3("r1", _c), t3("r2", _c))))
_LEGAL = tuple(c for c, _ in S.T3_COLS if c not in ("np", "tot"))
_CANDIDATES["applicant:legal"] = (("表三第一项法人或其他组织各列之和", tuple(t3("r1", c) for c in _LEGAL)),
                                  ("加上第二项", tuple(t3(r, c) for r in ("r1", "r2") for c in _LEGAL)))

_NONE = {
    "none_received": ("N.NONE", "表三第一项（本年新收）总计", (R1,)),
    "none_review": ("N.NONE", "表四行政复议总计", _T4_TOT["review"]),
    "none_lawsuit": ("N.NONE", "表四行政诉讼总计（未经复议直接起诉 + 复议后起诉）", _T4_TOT["lawsuit"]),
    "none_normative": ("N.T2", "表二行政规范性文件本年制发件数", ("t2.normative.issued",)),
}


@cache  # a few dozen kinds, asked for each claim by each rule
def _rule_of(kind: str) -> str:
    if kind in ("received",) or kind.startswith("applicant:"):
        return "N.RECEIVED"
    if kind in ("handled", "closed", "carried_out", "carried_in", "complete"):
        return "N.CLOSED"
    if kind.startswith(("cat:", "leaf:")):
        return "N.CATEGORY"
    if kind in ("review", "lawsuit", "t4_all") or kind.startswith(("t4sub:", "lawsuit:")):
        return "N.REVIEW"
    if kind in _NONE:
        return _NONE[kind][0]
    return "N.T2"


# the cases a result is of (Claim.subject) → the groups of 表四 and their name; 「行政诉讼」 is both kinds of lawsuit
_T4SUB_OF = {"review": (("review",), "表四行政复议"), "direct": (("direct",), "表四未经复议直接起诉"),
             "after": (("after",), "表四复议后起诉")}


def _t4sub_candidates(claim: Claim) -> tuple[tuple[str, tuple[str, ...]], ...]:
    col = claim.kind.split(":", 1)[1]
    groups, name = _T4SUB_OF.get(claim.subject or "", (("direct", "after"), "表四行政诉讼（两类起诉之和）"))
    label = S.T4_COL_LABEL[col]
    return ((f"{name}{label}", tuple(S.t4(g, col) for g in groups)),)


def _candidates(claim: Claim) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if claim.kind.startswith("t4sub:"):
        return _t4sub_candidates(claim)
    return _CANDIDATES.get(claim.kind, ())


def _sum(report: Report, cells: tuple[str, ...]) -> int | Decimal | None:
    """Σ of the cells, or None when one is blank (nothing to compare with yet)."""
    total: int | Decimal = 0
    for c in cells:
        v = report.cells.get(c)
        if v is None:
            return None
        total += number(v)
    return total


def _fmt(v: object) -> str:
    return str(v)


# ---------------------------------------------------------------- numeric claims


def _check_number(report: Report, sid: str, claim: Claim, key: str, rule: str) -> Finding | None:
    if claim.value is None:  # a statement, not a figure
        return None
    readings = []
    for label, cells in _candidates(claim):
        v = _sum(report, cells)
        if v is not None:
            readings.append((label, cells, v))
    if not readings or any(v == claim.value for _, _, v in readings):
        return None
    first_label, _, first = readings[0]
    shown = f"{first_label}为{_fmt(first)}"
    for label, _, v in readings[1:]:
        shown += f"（{label}为{_fmt(v)}）"
    both = "两种读法都" if len(readings) == 2 else ("几种读法都" if len(readings) > 2 else "")
    msg = f"正文写“{shorten(claim.quote)}”，{shown}；{both}与正文的{claim.value}不符"
    cells = tuple(dict.fromkeys(c for _, cs, _ in readings for c in cs))
    return Finding(rule, cells, msg, key, first, claim.value, claim.value - first,
                   span=(sid, claim.start, claim.end), primary=readings[0][1])


def _within_carried_in(report: Report, claim: Claim) -> bool:
    """A result of every application received whose row exceeds it by no more than the applications carried in
    (「收到申请3件，均予以公开」, 予以公开 4 with 1 carried in): those may have had that result too.  An applicant
    type of every one (「收到申请2件，均为自然人申请」) counts only new ones: its row may fall short of the count by
    the applications carried in, which the count may hold."""
    if not claim.of_received or claim.value is None:
        return False
    carried_in, readings = _sum(report, (R2,)) or 0, _candidates(claim)
    row = _sum(report, readings[0][1]) if readings else None
    if not carried_in or row is None:
        return False
    if claim.kind.startswith("applicant:"):
        return claim.value - carried_in <= row <= claim.value
    return claim.value <= row <= claim.value + carried_in


def _round(v: Decimal, places: int, mode: str) -> Decimal:
    return v.quantize(Decimal(1).scaleb(-places), rounding=mode)


def _check_pct(report: Report, sid: str, claim: Claim, key: str) -> Finding | None:
    """「予以公开42件，占51.85%」: the share of （七）总计 (or of the applications received)."""
    cands = _candidates(claim)
    if claim.pct is None or not cands:
        return None
    cells = cands[0][1]
    part = _sum(report, cells)
    exponent = claim.pct.as_tuple().exponent
    if not isinstance(exponent, int):  # NaN or infinity
        return None
    places = max(0, -exponent)
    if places > 6 or claim.pct > 1000:
        return None  # not a share anyone computes by hand
    denominators = [("（七）总计", (R37,)), ("第一项总计", (R1,)), ("第一项加第二项", (R1, R2))]
    shares = []
    for dlabel, dcells in denominators:
        d = _sum(report, dcells)
        if not d:
            continue
        for numer in {n for n in (claim.value, part) if n is not None}:
            exact = Decimal(numer) * 100 / Decimal(d)
            if claim.pct in (_round(exact, places, ROUND_HALF_UP), _round(exact, places, ROUND_DOWN)):
                return None
        if part is not None:
            shares.append((dlabel, d, Decimal(part) * 100 / Decimal(d)))
    if not shares or part is None:
        return None
    dlabel, d, share = shares[0]
    want = _round(share, max(places, 2), ROUND_HALF_UP)
    msg = (f"正文写“{shorten(claim.quote)}”，按表三计算为 {part} ÷ {dlabel} {d} = {want}%，"
           f"与正文的{claim.pct_text}不符")
    return Finding("N.CATEGORY", tuple(dict.fromkeys(cells + (R37,))), msg, key + ":pct", want, claim.pct,
                   claim.pct - want, span=(sid, claim.start, claim.end), primary=cells)


def _check_none(report: Report, sid: str, claim: Claim, key: str) -> Finding | None:
    rule, label, cells = _NONE[claim.kind]
    v = _sum(report, cells)
    if v is None or v == 0:
        return None
    msg = f"正文称“{shorten(claim.quote)}”，但{label}为{_fmt(v)}，应为0"
    return Finding(rule, cells, msg, key, 0, v, v, span=(sid, claim.start, claim.end), primary=cells)


def _check_complete(report: Report, sid: str, claim: Claim, key: str) -> Finding | None:
    r4 = report.cells.get(R4)
    if r4 is None or r4 == NA or number(r4) <= 0:
        return None
    r37 = report.cells.get(R37)
    closed = f"，（七）总计为{_fmt(number(r37))}" if r37 not in (None, NA) else ""
    msg = (f"正文称“{shorten(claim.quote, 80)}”，即申请均已办结，但表三第四项（结转下年度继续办理）总计为"
           f"{_fmt(number(r4))}{closed}；请核对正文或写明说明")
    return Finding("N.CLOSED", (R4, R37), msg, key, 0, number(r4), number(r4),
                       span=(sid, claim.start, claim.end), primary=(R4,), level=WARNING)


_STREET_ORGAN = ("街道", "街道办事处", "街道办")
_TOWN_ORGAN = ("镇人民政府", "乡人民政府", "镇政府", "乡政府")
# a 园区's or 开发区's 管委会 (「某某工业园区管委会」), whose text calls it 「园区」「开发区」
_PARK_ORGAN = re.compile(r"(?:园区|开发区)(?:管委会|管理委员会|管委)$")


@lru_cache(maxsize=32)
def _claims_by_rule(text: str, year: int | None, street: bool, park: bool = False,
                    town: bool = False) -> dict[str, list[Claim]]:
    """The claims of a section, in text order, under the rule that checks each (six rules read one section)."""
    out: dict[str, list[Claim]] = {}
    for claim in extract_claims(text, year, street, park, town):
        out.setdefault(_rule_of(claim.kind), []).append(claim)
    return out


def _claim_findings(report: Report, sid: str, rule: str) -> tuple[Finding, ...]:
    organ = (report.meta.organ or "").rstrip()
    street = organ.endswith(_STREET_ORGAN)  # its text calls it 「街道」
    park = bool(_PARK_ORGAN.search(organ))
    town = organ.endswith(_TOWN_ORGAN)  # its text calls it 「某某镇人民政府」
    claims = _claims_by_rule(report.sections.get(sid) or "", report.meta.year, street, park, town).get(rule, ())
    out: list[Finding] = []
    seen: dict[str, int] = {}
    excused: set[str] | None = None  # found at the first figure that disagrees, once: not once a figure
    for claim in claims:
        n = seen.get(claim.kind, 0)
        seen[claim.kind] = n + 1
        key = f"{rule}:{sid}:{claim.kind}:{n}"
        if claim.kind in _NONE:
            f = _check_none(report, sid, claim, key)
        elif claim.kind == "complete":
            f = _check_complete(report, sid, claim, key)
        else:
            f = None if _within_carried_in(report, claim) else _check_number(report, sid, claim, key, rule)
            if f is not None and _may_be_own_level_part(claim, f):
                f = None
            if f is not None and claim.kind == "normative_in_force":
                f = replace(f, level=WARNING)
            if f is None and rule == "N.CATEGORY":
                f = _check_pct(report, sid, claim, key)
        if f is not None and claim.scope != "own" and excused is None:
            excused = _kinds_own_level_agrees(report, sid, claims, rule)
        if f is not None and (claim.scope == "own" or claim.kind in (excused or ())):
            f = None
        if f is not None:
            out.append(f)
    return tuple(out)


def _may_be_own_level_part(claim: Claim, f: Finding) -> bool:
    """A whole area's count of 规章 or 规范性文件 (「我市各级政府门户网站…现行有效行政规范性文件2051件」) above the
    table's: 表二 counts the documents the organ itself made, a part of the area's, so no reading disagrees."""
    return claim.scope == "area" and f.rule == "N.T2" and isinstance(f.expected, int) \
        and isinstance(f.actual, int) and f.actual > f.expected


def _kinds_own_level_agrees(report: Report, sid: str, claims: list[Claim] | tuple, rule: str) -> set[str]:
    """The kinds of figure that may disagree with the table.  A figure of the organ's own level (「其中市政府本级
    收到349件」: the table may be its whole area's) is excused by its scope; its whole area's is, when the text
    gives its own level's beside it and that one agrees (「全市收到3607件，其中市政府本级收到349件」 with 349 in
    the table): those kinds are returned."""
    return {c.kind for c in claims if c.scope == "own" and c.value is not None
            and _check_number(report, sid, c, "", rule) is None}


def _rule_cells(rule: str) -> tuple[str, ...]:
    cells: list[str] = []
    for kind, cands in _CANDIDATES.items():
        if _rule_of(kind) == rule:
            cells += [c for _, cs in cands for c in cs]
    for r, _, cs in _NONE.values():
        if r == rule:
            cells += cs
    if rule == "N.CLOSED":
        cells += [R4, R37]
    if rule == "N.CATEGORY":
        cells += [R37, R1, R2]
    if rule == "N.REVIEW":
        cells += [c for c in S.CELLS if c.startswith("t4.")]
    return tuple(dict.fromkeys(cells))


def _claim_checks() -> list[Check]:
    out: list[Check] = []
    for rule in ("N.RECEIVED", "N.CLOSED", "N.CATEGORY", "N.NONE", "N.REVIEW", "N.T2"):
        cells = _rule_cells(rule)
        for sid in CLAIM_SECTIONS:
            out.append(FuncCheck(f"{rule}:{sid}", rule, (f"section.{sid}", "meta.year", "meta.organ") + cells,
                                 partial(_claim_findings, sid=sid, rule=rule)))
    return out


# ---------------------------------------------------------------- year and deadline

_TITLE_YEAR = re.compile(r"(\d{4})年")
_TITLE_YEAR_SUFFIX = re.compile(r"(\d{4})年度?政府信息公开")
_PERIOD = re.compile(r"统计(?:期限|期间|时限|时间|周期|区间|范围)?[^。；;\n]{0,12}?(\d{4})年(?:0?1|一)月(?:0?1|一)日"
                     r"[^。；;\n\d]{0,6}?(?:至|到|—|－|-|~|～)(?:(\d{4})年)?(?:12|十二)月(?:31|三十一)日")


def _year_findings(report: Report) -> tuple[Finding, ...]:
    out: list[Finding] = []
    year = report.meta.year
    title_year = None
    if report.meta.title:
        title = compact(report.meta.title).s
        m = _TITLE_YEAR_SUFFIX.search(title) or _TITLE_YEAR.search(title)
        if m:
            title_year = int(m.group(1))
    ref, ref_name = (year, "报告年度") if year is not None else (title_year, "标题年度")
    if title_year is not None and year is not None and title_year != year:
        out.append(Finding("N.YEAR", (), f"标题“{report.meta.title}”的年度为{title_year}，报告年度为{year}，二者不一致",
                           "N.YEAR:title", year, title_year, title_year - year))
    if ref is None:
        return tuple(out)
    for sid in TEXT:
        c = compact(report.sections.get(sid) or "")
        for i, m in enumerate(_PERIOD.finditer(c.s)):
            y1 = int(m.group(1))
            y2 = int(m.group(2)) if m.group(2) else y1  # 「2022年1月1日至12月31日」
            if y1 == ref and y2 == ref:
                continue
            a, b = c.span(m.start(), m.end())
            bad = y1 if y1 != ref else y2
            out.append(Finding("N.YEAR", (), f"统计期限写作“{m.group(0)}”，与{ref_name}{ref}年不一致",
                               f"N.YEAR:{sid}:{i}", ref, bad, bad - ref, span=(sid, a, b)))
    return tuple(out)


_DEADLINE = {"department": (1, 31), "county": (2, 20), "prefecture": (3, 10), "province": (3, 31)}


def _deadline_findings(report: Report) -> tuple[Finding, ...]:
    meta = report.meta
    if not meta.published or meta.year is None or meta.level not in _DEADLINE:
        return ()
    try:
        published = date.fromisoformat(str(meta.published)[:10])
    except ValueError:
        return ()
    month, day = _DEADLINE[meta.level]
    deadline = date(meta.year + 1, month, day)
    if published <= deadline:
        return ()
    late = (published - deadline).days
    msg = (f"发布日期{published.isoformat()}晚于{S.LEVELS[meta.level]}的发布时限{deadline.isoformat()}"
           f"（{deadline.month}月{deadline.day}日前），晚{late}天")
    return (Finding("N.DEADLINE", (), msg, "N.DEADLINE", deadline.isoformat(), published.isoformat(), late),)


# ---------------------------------------------------------------- fees (section 六)

# 「未产生任何费用」「申请人无需缴费」 speak of the fee too
_FEE_MENTION = re.compile(r"处理费|收费|收取[^。；\n]{0,10}费|费用|缴费|缴纳[^。；\n]{0,6}费")
# not 「将政府信息公开费用纳入预算」: the budget for the work, not the fee charged to applicants
_FEE_WRONG = re.compile(r"(?<!工作)(?:政府)?信息公开(?:处理)?费(?!用?(?:纳入|列入|预算|保障|支出|投入))用?")
_FEE_WRONG_CORE = re.compile(r"信息公开(?:处理)?费")  # found quickly (a fixed start); the whole is read around it


def _wrong_fee_terms(s: str) -> Iterator[re.Match]:
    """What _FEE_WRONG.finditer(s) finds: each match holds a core and starts at most 2 characters (政府)
    before it; the 3 characters after the core decide the lookahead."""
    prev_end = 0
    for core in _FEE_WRONG_CORE.finditer(s):
        m = _FEE_WRONG.search(s, max(prev_end, core.start() - 2), core.end() + 3)
        if m is not None and m.start() <= core.start():
            prev_end = m.end()
            yield m


def _fee_mention(report: Report) -> tuple[Finding, ...]:
    text = report.sections.get("s6") or ""
    if _FEE_MENTION.search(compact(text).s):
        return ()
    if any(report.cells.get(c) is not None for c in S.FEE_CELL_IDS):
        return ()  # the figures are given in the form, and printed with section 六
    body = text.strip()
    if not body:
        msg = "第六部分为空：须报告收取信息处理费的情况（即使未收取，也应写明）"
        span = None
    else:
        msg = f"第六部分只写“{shorten(body, 30)}”，未说明收取{S.FEE_TERM}的情况（即使未收取，也应写明）"
        span = ("s6", 0, len(text))
    return (Finding("FEE.MENTION", S.FEE_CELL_IDS, msg, "FEE.MENTION", span=span),)


def _fee_term(report: Report) -> tuple[Finding, ...]:
    out: list[Finding] = []
    for sid in TEXT:
        if not report.sections.get(sid):
            continue
        c = compact(report.sections[sid])
        for i, m in enumerate(_wrong_fee_terms(c.s)):
            a, b = c.span(m.start(), m.end())
            out.append(Finding("FEE.TERM", (), f"“{m.group(0)}”不是规范名称，应为“{S.FEE_TERM}”",
                               f"FEE.TERM:{sid}:{i}", span=(sid, a, b)))
    return tuple(out)


# ---------------------------------------------------------------- structure and wording


def _headings(report: Report) -> tuple[Finding, ...]:
    if report.headings is None:
        return ()  # typed in our editor: the headings are fixed
    out: list[Finding] = []
    for sec in S.SECTIONS:
        printed = report.headings.get(sec.id)
        if not printed or not printed.strip():
            out.append(Finding("S.HEADINGS", (), f"缺少第{sec.heading[0]}部分标题「{sec.heading}」",
                               f"S.HEADINGS:{sec.id}"))
            continue
        norm = compact(printed).s.strip("*#").rstrip("：:。.")
        # a web page may run the first sentence on after the heading: the heading is what starts the line
        if not norm.startswith(sec.heading):
            number = sec.heading.split("、", 1)[0] + "、"
            # rightly numbered and worded as agencies (or the 2019 form) word it: a warning; a slip is an error
            worded = norm.startswith(number) and variant_section(norm[len(number):]) == sec.id
            out.append(Finding("S.HEADINGS", (), f"标题写作「{printed.strip()}」，应为「{sec.heading}」",
                               f"S.HEADINGS:{sec.id}", sec.heading, printed.strip(), level=WARNING if worded else None))
    return tuple(out)


def _title(report: Report) -> tuple[Finding, ...]:
    meta = report.meta
    organ, year = (meta.organ or "").strip(), meta.year
    if meta.title is None:
        missing = [n for n, ok in (("机关全称", organ), ("报告年度", year is not None)) if not ok]
        if not missing:
            return ()
        msg = f"标题缺少{'和'.join(missing)}：标题应为机关全称 + 「YYYY{S.TITLE_SUFFIX}」"
        return (Finding("S.TITLE", (), msg, "S.TITLE"),)
    printed = compact(meta.title).s.replace("\n", "")
    want = f"{organ}{year if year is not None else 'YYYY'}{S.TITLE_SUFFIX}"
    if organ and year is not None and printed == want:
        return ()
    if not organ and printed.startswith(tuple("0123456789")):
        msg = f"标题“{meta.title.strip()}”缺少机关全称：标题应为机关全称 + 「YYYY{S.TITLE_SUFFIX}」"
    else:
        msg = f"标题“{meta.title.strip()}”不规范，应为「{want}」"
    return (Finding("S.TITLE", (), msg, "S.TITLE", want, printed),)


def _statute(report: Report, sid: str) -> tuple[Finding, ...]:
    return tuple(Finding("S.STATUTE", (), p.message, f"S.STATUTE:{sid}:{p.kind}:{i}", span=(sid, p.start, p.end))
                 for i, p in enumerate(statute_problems(report.sections.get(sid) or "")))


def _overview_len(report: Report) -> tuple[Finding, ...]:
    text = report.sections.get("s1") or ""
    if len(text) <= OVERVIEW_LIMIT:
        return ()  # every counted unit takes at least one character: the usual section is not counted at all
    n = count_chars(text)
    if n <= OVERVIEW_LIMIT:
        return ()
    msg = f"第一部分（总体情况）约{n}字（按WPS/Word字数统计），超过{OVERVIEW_LIMIT}字，多{n - OVERVIEW_LIMIT}字"
    return (Finding("S.OVERVIEW_LEN", (), msg, "S.OVERVIEW_LEN", OVERVIEW_LIMIT, n, n - OVERVIEW_LIMIT,
                    span=("s1", 0, len(text))),)


def _numbering(report: Report, sid: str) -> tuple[Finding, ...]:
    problems = numbering_problems(report.sections.get(sid) or "")
    out: list[Finding] = []
    comma = [p for p in problems if p.kind == "comma"]
    if comma:
        # 「1、」「2、」「3、」 down a list is one slip, so one finding
        quotes = "、".join(f"「{p.quote}」" for p in comma[:4]) + ("等" if len(comma) > 4 else "")
        msg = f"{SECTION_NAME[sid]}序号写法不规范：{quotes}。阿拉伯数字序号应写作「1.」，不用顿号；层次为 一、→（一）→1.→（1）"
        out.append(Finding("S.NUMBERING", (), msg, f"S.NUMBERING:{sid}:comma",
                           span=(sid, comma[0].start, comma[0].end)))
    seen: dict[str, int] = {}
    for p in problems:
        if p.kind == "comma":
            continue
        # keyed by what is wrong, not where, so a 说明 survives edits elsewhere in the section
        base = f"S.NUMBERING:{sid}:{p.kind}:{p.quote}"
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(Finding("S.NUMBERING", (), f"{SECTION_NAME[sid]}：{p.message}", f"{base}:{n}",
                           span=(sid, p.start, p.end)))
    return tuple(out)


_PROBLEM_WORDS = re.compile(r"问题|不足|短板|差距|薄弱|欠缺|有待|不够|不到位|仍需|还需|尚需|不充分|不高|不强|单一|滞后|"
                            r"困难|不平衡|不及时|不规范|不完善|不深|较少|偏少|亟待|瓶颈|弱项")
_IMPROVE_WORDS = re.compile(r"改进|下一步|今后|下阶段|将进一步|将继续|将持续|将着力|将加强|措施|整改|计划|拟|着力|加强|推进|"
                            r"完善|提升|强化|健全|持续|努力|力争|进一步")


def _s5_parts(report: Report) -> tuple[Finding, ...]:
    text = report.sections.get("s5") or ""
    s = compact(text).s
    if not s.strip():
        return (Finding("S.S5_PARTS", (), "第五部分为空：应写明存在的主要问题及改进情况", "S.S5_PARTS"),)
    has_problem, has_improve = bool(_PROBLEM_WORDS.search(s)), bool(_IMPROVE_WORDS.search(s))
    if has_problem and has_improve:
        return ()
    lack = "存在的问题" if not has_problem else "改进情况（下一步措施）"
    msg = f"第五部分“{shorten(s, 30)}”未写{lack}：本部分应既写存在的主要问题，也写改进情况"
    return (Finding("S.S5_PARTS", (), msg, "S.S5_PARTS", span=("s5", 0, len(text))),)


def _repeat(report: Report, sid: str) -> tuple[Finding, ...]:
    prior = report.prior
    if prior is None:
        return ()
    old = (prior.sections or {}).get(sid) or ""
    text = report.sections.get(sid) or ""
    if count_chars(text) < REPEAT_MIN_CHARS or not old.strip():
        return ()
    r = repeated(text, old)
    if r.ratio < REPEAT_RATIO or not r.passages:
        return ()
    shown = "、".join(f"“{shorten(p[2], 24)}”" for p in r.passages[:3])
    more = f"等{len(r.passages)}段" if len(r.passages) > 3 else ""
    last = f"{prior.year}年" if prior.year else "上年"
    msg = (f"{SECTION_NAME[sid]}约{round(r.ratio * 100)}%的文字与{last}报告相同（数字、年份不计）："
           f"{shown}{more}。不得年年雷同，请结合本年情况重写")
    pct = Decimal(round(r.ratio * 100))
    return (Finding("X.REPEAT_TEXT", (), msg, f"X.REPEAT_TEXT:{sid}", Decimal(round(REPEAT_RATIO * 100)), pct,
                    span=(sid, r.passages[0][0], r.passages[-1][1])),)


# ---------------------------------------------------------------- the list


def text_checks() -> list[Check]:
    checks: list[Check] = _claim_checks()
    checks.append(FuncCheck("N.YEAR", "N.YEAR", ("meta.title", "meta.year") + tuple(f"section.{s}" for s in TEXT),
                            _year_findings))
    checks.append(FuncCheck("N.DEADLINE", "N.DEADLINE", ("meta.published", "meta.level", "meta.year"),
                            _deadline_findings))
    checks.append(FuncCheck("FEE.MENTION", "FEE.MENTION", ("section.s6",) + S.FEE_CELL_IDS, _fee_mention))
    checks.append(FuncCheck("FEE.TERM", "FEE.TERM", tuple(f"section.{s}" for s in TEXT), _fee_term))
    checks.append(FuncCheck("S.HEADINGS", "S.HEADINGS", ("headings",), _headings))
    checks.append(FuncCheck("S.TITLE", "S.TITLE", ("meta.title", "meta.organ", "meta.year"), _title))
    for sid in TEXT:
        checks.append(FuncCheck(f"S.STATUTE:{sid}", "S.STATUTE", (f"section.{sid}",),
                                partial(_statute, sid=sid)))
    checks.append(FuncCheck("S.OVERVIEW_LEN", "S.OVERVIEW_LEN", ("section.s1",), _overview_len))
    for sid in TEXT:
        checks.append(FuncCheck(f"S.NUMBERING:{sid}", "S.NUMBERING", (f"section.{sid}",),
                                partial(_numbering, sid=sid)))
    checks.append(FuncCheck("S.S5_PARTS", "S.S5_PARTS", ("section.s5",), _s5_parts))
    for sid in ("s5", "s1"):
        checks.append(FuncCheck(f"X.REPEAT_TEXT:{sid}", "X.REPEAT_TEXT", (f"section.{sid}", "prior"),
                                partial(_repeat, sid=sid)))
    return checks
