"""The identities a workbook can keep checking by itself: the within-table linear rules of the model.

They are taken from model.checks (never retyped), so the spreadsheet formulas and the checker agree:
T3.LEAF_SUM, T3.BALANCE, T3.ROW_TOTAL and T4.SUM.  Cross-year and text rules need more than the sheet.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from model.checks import LinearCheck, figure_checks
from model.rules import RULES

SHEET_RULES = ("T3.LEAF_SUM", "T3.BALANCE", "T3.ROW_TOTAL", "T4.SUM")


@dataclass(frozen=True)
class Identity:
    key: str  # the check key, e.g. T3.ROW_TOTAL:r1
    rule: str
    name: str  # 「自然人列」, 「（七）总计」 …
    parts: tuple[tuple[int, str], ...]  # (sign, cell id): the computed side
    totals: tuple[tuple[int, str], ...]  # (sign, cell id): the reported side, painted red when it breaks

    @property
    def title(self) -> str:
        return RULES[self.rule].title


@lru_cache(maxsize=1)
def identities() -> tuple[Identity, ...]:
    out = []
    for c in figure_checks():
        if not isinstance(c, LinearCheck) or c.rule not in SHEET_RULES:
            continue
        if any(t.prior for t in c.lhs + c.rhs):
            continue
        out.append(Identity(c.key, c.rule, c.prefix, tuple((t.sign, t.cell) for t in c.lhs),
                            tuple((t.sign, t.cell) for t in c.rhs)))
    return tuple(out)


def excel_sum(terms: tuple[tuple[int, str], ...], ref: Callable[[str], str]) -> str:
    """`SUM(a,b)-SUM(c)` for the terms; `ref(cell_id)` gives the sheet reference.  SUM reads blank and
    「/」 as 0, the way model.values.number does."""
    plus = [ref(c) for s, c in terms if s > 0]
    minus = [ref(c) for s, c in terms if s < 0]
    expr = f"SUM({','.join(plus)})" if plus else "0"
    if minus:
        expr += f"-SUM({','.join(minus)})"
    return expr
