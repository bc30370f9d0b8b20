"""The figure checks, generated from the form declaration and the rule catalogue.

A check is one instance of a rule over fixed cells (T3.BALANCE over the 自然人 column, say).  Each check
names its inputs, so the engine knows which checks one edited cell feeds.  Most rules are linear
identities (Σ lhs = Σ rhs); they share one evaluator that reports both sides, the terms with their
actual numbers and the difference, the way Arelle reports reported vs computed values.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from . import schema as S
from .findings import Finding
from .report import Report
from .values import NA, Value, format_value, is_valid, number

PRIOR = "prior"  # input name: last year's snapshot
LEVEL = "meta.level"
JUMP_FACTOR = "jump_factor"  # input name: X.JUMP's factor
JUMP_MIN = 10  # X.JUMP looks at a change only when one of the two values is at least this


class Check:
    key: str
    rule: str
    inputs: tuple[str, ...]
    needs_prior = False  # finds nothing without last year's report (engine.check then skips it)

    def evaluate(self, report: Report) -> tuple[Finding, ...]:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass(frozen=True)
class Term:
    label: str  # 「第一项」, 「自然人」, 「上年第四项」
    cell: str
    sign: int = 1
    prior: bool = False  # read from last year's snapshot


def _fmt(n: object) -> str:
    return format_value(n) if isinstance(n, Decimal) else str(n)


def _render(terms: tuple[Term, ...], vals: list, skip_zero: bool) -> str:
    parts: list[str] = []
    for t, v in zip(terms, vals):
        if skip_zero and v == 0 and len(terms) > 2:
            continue
        op = "" if not parts else (" + " if t.sign > 0 else " − ")
        if not parts and t.sign < 0:
            op = "−"
        parts.append(f"{op}{t.label}{_fmt(v)}")
    if not parts:
        return "各项均为0"
    return "".join(parts)


def signed_sum(cells: dict, terms: tuple[tuple[str, int], ...]) -> int | Decimal:
    """Σ sign · value, blank and 「/」 as 0 (values.number, inlined: the incremental checker runs it per identity)."""
    total = 0
    for cell, sign in terms:
        v = cells.get(cell)
        if v is not None and v != NA:
            total += v if sign > 0 else -v
    return total


class LinearCheck(Check):
    """Σ lhs = Σ rhs.  lhs is the computed side (expected), rhs the reported side (actual)."""

    def __init__(self, key: str, rule: str, prefix: str, lhs: tuple[Term, ...], rhs: tuple[Term, ...],
                 needs: tuple[Term, ...] = (), skip_zero: bool = False):
        self.key, self.rule, self.prefix = key, rule, prefix
        self.lhs, self.rhs, self.needs, self.skip_zero = lhs, rhs, needs, skip_zero
        self.needs_prior = any(t.prior for t in needs)
        terms = lhs + rhs
        self.cells = tuple(dict.fromkeys(t.cell for t in terms if not t.prior))
        self.primary = tuple(t.cell for t in rhs if not t.prior)
        self.inputs = self.cells + ((PRIOR,) if any(t.prior for t in terms) else ())
        # this year's identities compiled to (cell, sign) pairs: most checks of a report hold, and this is
        # all it takes to see that (engine.check reads them too)
        self.plain = None if any(t.prior for t in terms) else (
            tuple((t.cell, t.sign) for t in lhs), tuple((t.cell, t.sign) for t in rhs))

    def _value(self, report: Report, t: Term) -> Value:
        if t.prior:
            return report.prior.cells.get(t.cell) if report.prior else None
        return report.cells.get(t.cell)

    def _holds(self, report: Report) -> bool:
        if self.plain is None:
            total = lambda terms: sum(t.sign * number(self._value(report, t)) for t in terms)  # noqa: E731
            return total(self.lhs) == total(self.rhs)
        cells = report.cells
        return signed_sum(cells, self.plain[0]) == signed_sum(cells, self.plain[1])

    def evaluate(self, report: Report) -> tuple[Finding, ...]:
        for t in self.needs:
            v = self._value(report, t)
            if v is None or v == NA:
                return ()
        if self._holds(report):
            return ()  # the usual case, without building the message
        lv = [number(self._value(report, t)) for t in self.lhs]
        rv = [number(self._value(report, t)) for t in self.rhs]
        expected = sum(t.sign * v for t, v in zip(self.lhs, lv))
        actual = sum(t.sign * v for t, v in zip(self.rhs, rv))
        if expected == actual:
            return ()
        left = _render(self.lhs, lv, self.skip_zero)
        right = _render(self.rhs, rv, self.skip_zero)
        if len(self.lhs) > 1:
            left += f" = {_fmt(expected)}"
        if len(self.rhs) > 1:
            right += f" = {_fmt(actual)}"
        diff = actual - expected
        msg = f"{self.prefix}：{left}，不等于{right}，相差{_fmt(abs(diff))}"
        return (Finding(self.rule, self.cells, msg, self.key, expected, actual, diff, primary=self.primary),)


class FuncCheck(Check):
    """A check whose logic does not fit the linear form; `fn(report)` returns findings."""

    def __init__(self, key: str, rule: str, inputs: tuple[str, ...], fn: Callable[[Report], tuple[Finding, ...]],
                 needs_prior: bool = False):
        self.key, self.rule, self.inputs, self.fn = key, rule, inputs, fn
        self.needs_prior = needs_prior

    def evaluate(self, report: Report) -> tuple[Finding, ...]:
        return self.fn(report)


class CellCheck(Check):
    """VALUE.COUNT and VALUE.BLANK for one cell: the only checks that run per cell."""

    def __init__(self, cell: str, blank_matters: bool):
        self.cell = cell
        self.key = f"VALUE:{cell}"
        self.rule = "VALUE.COUNT"
        self.inputs = (cell,)
        self.blank_matters = blank_matters
        d = S.CELLS[cell]
        self.label = d.label
        self.kind_text = "不小于0的整数" if d.kind == S.COUNT else "不小于0的数"

    def evaluate(self, report: Report) -> tuple[Finding, ...]:
        v = report.cells.get(self.cell)
        if type(v) is int and v >= 0:  # the usual case: a whole number fits every cell
            return ()
        if v is None:
            if not self.blank_matters:
                return ()
            return (Finding("VALUE.BLANK", (self.cell,), f"{self.label}：尚未填写（不适用的填「/」）",
                            f"VALUE.BLANK:{self.cell}"),)
        if is_valid(self.cell, v):
            return ()
        return (Finding("VALUE.COUNT", (self.cell,), f"{self.label}：「{format_value(v)}」不是{self.kind_text}",
                        f"VALUE.COUNT:{self.cell}", actual=v),)


# ---------------------------------------------------------------- generated checks

def _t3_short(row: str) -> str:
    """Short row name for long formulas: 「（一）」, 「（三）4」."""
    parts = row.split("_")
    if len(parts) == 3:
        group = S.T3_GROUPS["_".join(parts[:2])].label[:3]
        return f"{group}{parts[2]}项"
    return S.T3_ROW_LABEL[row][:3]


_ORDINAL = {"r1": "第一项", "r2": "第二项", "r3_7": "第三项", "r4": "第四项"}


def _t3_checks() -> list[Check]:
    out: list[Check] = []
    for col, col_label in S.T3_COLS:
        leaves = tuple(Term(_t3_short(r), S.t3(r, col)) for r in S.T3_LEAF_ROWS)
        out.append(LinearCheck(f"T3.LEAF_SUM:{col}", "T3.LEAF_SUM", f"{col_label}列", leaves,
                               (Term("（七）总计", S.t3("r3_7", col)),), skip_zero=True))
    for col, col_label in S.T3_COLS:
        out.append(LinearCheck(
            f"T3.BALANCE:{col}", "T3.BALANCE", f"{col_label}列",
            (Term("第一项", S.t3("r1", col)), Term("第二项", S.t3("r2", col))),
            (Term("第三项", S.t3("r3_7", col)), Term("第四项", S.t3("r4", col)))))
    for row in S.T3_ROW_IDS:
        parts = tuple(Term(S.T3_COL_LABEL[c], S.t3(row, c)) for c in S.T3_PART_COLS)
        out.append(LinearCheck(f"T3.ROW_TOTAL:{row}", "T3.ROW_TOTAL", S.t3_row_label_full(row), parts,
                               (Term("总计", S.t3(row, "tot")),)))
    out.append(_other_high())
    return out


def _other_high() -> Check:
    other = tuple(S.t3(r, "tot") for r in S.T3_CATEGORY_ROWS["r3_6"])
    total = S.t3("r3_7", "tot")
    cells = other + (total,)

    def fn(report: Report) -> tuple[Finding, ...]:
        t = number(report.cells.get(total))
        o = sum(number(report.cells.get(c)) for c in other)
        if t <= 0 or o * 5 <= t:
            return ()
        pct = Decimal(o) * 100 / Decimal(t)
        msg = (f"（六）其他处理 {o} 件，占（七）总计 {t} 件的 {pct:.2f}%，超过20%；"
               "请核实是否应归入其他办理结果，或写明说明")
        return (Finding("T3.OTHER_HIGH", cells, msg, "T3.OTHER_HIGH", Decimal(t) / 5, o, None),)

    return FuncCheck("T3.OTHER_HIGH", "T3.OTHER_HIGH", cells, fn)


def _t4_checks() -> list[Check]:
    out: list[Check] = []
    for g, glabel in S.T4_GROUPS:
        name = glabel if g == "review" else f"{S.T4_LAWSUIT}（{glabel}）"
        parts = tuple(Term(S.T4_COL_LABEL[c], S.t4(g, c)) for c in S.T4_PART_COLS)
        out.append(LinearCheck(f"T4.SUM:{g}", "T4.SUM", name, parts, (Term("总计", S.t4(g, "tot")),)))
    return out


# a 国务院部门 (「自然资源部」「国家卫生健康委」「海关总署」) makes 部门规章: no place in its name, unlike every local one
_NATIONAL = re.compile(r"^(?:国家|国务院|中国|中华人民共和国)|(?:部|总局|总署|署)$")
_LOCAL = re.compile(r"[省市县区州盟旗乡镇]|街道")


def makes_rules_by_name(organ: str) -> bool:
    o = re.sub(r"\s+", "", organ or "")
    return bool(_NATIONAL.search(o)) and not _LOCAL.search(o)


def _t2_rules_level() -> Check:
    cells = tuple(S.t2("rules", c) for c, _ in S.T2_ISSUE_COLS)

    def fn(report: Report) -> tuple[Finding, ...]:
        level = report.meta.level
        if level not in ("county", "department") or makes_rules_by_name(report.meta.organ):
            return ()
        vals = [report.cells.get(c) for c in cells]
        if not any(number(v) for v in vals):
            return ()
        shown = "、".join(f"{lab}{format_value(v) or '空'}" for (_, lab), v in zip(S.T2_ISSUE_COLS, vals))
        msg = (f"本机关为{S.LEVELS.get(level, level)}，一般没有规章制定权，规章栏却有非零数字（{shown}）；"
               "请核实，不适用的可填「/」")
        return (Finding("T2.RULES_LEVEL", cells, msg, "T2.RULES_LEVEL"),)

    return FuncCheck("T2.RULES_LEVEL", "T2.RULES_LEVEL", cells + (LEVEL, "meta.organ"), fn)


def _cross_year_checks() -> list[Check]:
    out: list[Check] = []
    for col, col_label in S.T3_COLS:
        r4 = Term("上年第四项（结转下年度继续办理）", S.t3("r4", col), prior=True)
        out.append(LinearCheck(f"X.CARRY:{col}", "X.CARRY", f"{col_label}列", (r4,),
                               (Term("本年第二项（上年结转）", S.t3("r2", col)),), needs=(r4,)))
    for row, label in S.T2_BLOCKS[0].rows:
        last = Term("上年现行有效", S.t2(row, "in_force"), prior=True)
        now = Term("现行有效", S.t2(row, "in_force"))
        out.append(LinearCheck(
            f"X.IN_FORCE:{row}", "X.IN_FORCE", label,
            (last, Term("本年制发", S.t2(row, "issued")), Term("本年废止", S.t2(row, "repealed"), -1)),
            (now,), needs=(last, now)))
    return out


def _jump(cell: str) -> Check:
    """X.JUMP for one count cell: this year's value beyond ×f or ÷f of last year's (either ≥ 10)."""
    label = S.CELLS[cell].label

    def fn(report: Report) -> tuple[Finding, ...]:
        now = report.cells.get(cell)
        last = report.prior.cells.get(cell) if report.prior else None
        if not (isinstance(now, int) and isinstance(last, int)) or max(now, last) < JUMP_MIN:
            return ()
        f = report.jump_factor
        if f * min(now, last) >= max(now, last):
            return ()
        low, high = min(now, last), max(now, last)
        times = f"{Decimal(high) / low:.1f}" if low else ""
        ratio = "" if not low else (f"，为上年的约{times}倍" if now > last else f"，约为上年的1/{times}")
        msg = (f"{label}：本年{now}，上年{last}{ratio}（超过设定的{format_value(f)}倍），"
               "与上年相比变化较大；请核实是否录入有误")
        return (Finding("X.JUMP", (cell,), msg, f"X.JUMP:{cell}", last, now, now - last),)

    return FuncCheck(f"X.JUMP:{cell}", "X.JUMP", (cell, PRIOR, JUMP_FACTOR), fn, needs_prior=True)


def _jump_checks() -> list[Check]:
    return [_jump(c) for c in S.CELL_IDS if S.CELLS[c].kind == S.COUNT]


def _fee_checks() -> list[Check]:
    notices, billed, collected = S.FEE_CELL_IDS
    label = {c: S.CELLS[c].row_label for c in S.FEE_CELL_IDS}

    def figures(report: Report) -> tuple[Finding, ...]:
        missing = [c for c in S.FEE_CELL_IDS if report.cells.get(c) is None]
        if not missing:
            return ()
        names = "、".join(label[c] for c in missing)
        msg = f"第六部分未给出{names}；即使未收费，也应填写0"
        return (Finding("FEE.FIGURES", S.FEE_CELL_IDS, msg, "FEE.FIGURES"),)

    def bounds_collected(report: Report) -> tuple[Finding, ...]:
        b, c = report.cells.get(billed), report.cells.get(collected)
        if not isinstance(b, (int, Decimal)) or not isinstance(c, (int, Decimal)) or c <= b:  # blank or 「/」
            return ()
        msg = f"实际收取 {_fmt(c)} 元，超过发出收费通知的总金额 {_fmt(b)} 元，相差{_fmt(c - b)}"
        return (Finding("FEE.BOUNDS", (billed, collected), msg, "FEE.BOUNDS:collected", b, c, c - b),)

    def bounds_notices(report: Report) -> tuple[Finding, ...]:
        n, b = report.cells.get(notices), report.cells.get(billed)
        if n is None or b is None or n == NA or b == NA or n != 0 or b == 0:
            return ()
        msg = f"未发出收费通知（0件），通知总金额却为 {_fmt(b)} 元"
        return (Finding("FEE.BOUNDS", (notices, billed), msg, "FEE.BOUNDS:notices", 0, b, b),)

    row62 = S.t3("r3_6_2", "tot")

    def notice_rows(report: Report) -> tuple[Finding, ...]:
        need = number(report.cells.get(row62))
        n = report.cells.get(notices)
        have = number(n)
        if need <= 0 or have >= need:
            return ()
        shown = "未填写" if n is None else f"为 {_fmt(have)} 件"
        msg = (f"表三（六）2.申请人逾期未按收费通知要求缴纳费用 总计 {need} 件，"
               f"发出收费通知的件数却{shown}，应不少于 {need} 件")
        return (Finding("FEE.NOTICE_ROWS", (row62, notices), msg, "FEE.NOTICE_ROWS", need, have, have - need),)

    return [
        FuncCheck("FEE.FIGURES", "FEE.FIGURES", S.FEE_CELL_IDS, figures),
        FuncCheck("FEE.BOUNDS:collected", "FEE.BOUNDS", (billed, collected), bounds_collected),
        FuncCheck("FEE.BOUNDS:notices", "FEE.BOUNDS", (notices, billed), bounds_notices),
        FuncCheck("FEE.NOTICE_ROWS", "FEE.NOTICE_ROWS", (row62, notices), notice_rows),
    ]


def figure_checks() -> list[Check]:
    """Every figure check, in the order findings are listed (table by table)."""
    checks: list[Check] = []
    checks += _t3_checks()
    checks += _t4_checks()
    checks.append(_t2_rules_level())
    checks += _cross_year_checks()
    checks += _jump_checks()
    checks += _fee_checks()
    # fee figures are covered by FEE.FIGURES, so only table cells report VALUE.BLANK
    checks += [CellCheck(c, S.CELLS[c].table != "fee") for c in S.CELL_IDS]
    return checks
