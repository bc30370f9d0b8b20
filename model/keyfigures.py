"""The key figures a supervisor compares across reports and years (the 总览 columns), declared as data.

A figure is the sum of some cells; a rate is one sum over another, in percent.  A figure whose cells are all
blank (or 「/」) has no value, so a report that was not filled in is not shown as 0.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from . import schema as S
from .values import NA, Value, number

CENT = Decimal("0.01")


@dataclass(frozen=True)
class KeyFigure:
    id: str
    label: str
    cells: tuple[str, ...]
    over: tuple[str, ...] = ()  # a rate: Σ cells ÷ Σ over, in percent

    @property
    def is_rate(self) -> bool:
        return bool(self.over)


_T4_LAWSUIT = ("direct", "after")

KEY_FIGURES: tuple[KeyFigure, ...] = (
    KeyFigure("received", "新收", (S.t3("r1", "tot"),)),
    KeyFigure("carried_in", "上年结转", (S.t3("r2", "tot"),)),
    KeyFigure("closed", "办结（七）总计", (S.t3("r3_7", "tot"),)),
    KeyFigure("carried_out", "结转下年度", (S.t3("r4", "tot"),)),
    KeyFigure("open_rate", "予以公开率（%）", (S.t3("r3_1", "tot"),), over=(S.t3("r3_7", "tot"),)),
    KeyFigure("review", "行政复议", (S.t4("review", "tot"),)),
    KeyFigure("lawsuit", "行政诉讼", tuple(S.t4(g, "tot") for g in _T4_LAWSUIT)),
    KeyFigure("review_corrected", "复议纠错", (S.t4("review", "corrected"),)),
    KeyFigure("lawsuit_corrected", "诉讼纠错", tuple(S.t4(g, "corrected") for g in _T4_LAWSUIT)),
)
KEY_BY_ID = {k.id: k for k in KEY_FIGURES}


def _sum(cells: dict[str, Value], ids: tuple[str, ...]) -> int | Decimal | None:
    """Σ of the cells, or None when none of them holds a number."""
    if all(cells.get(c) is None or cells.get(c) == NA for c in ids):
        return None
    return sum(number(cells.get(c)) for c in ids)


def key_value(k: KeyFigure, cells: dict[str, Value]) -> int | Decimal | None:
    part = _sum(cells, k.cells)
    if not k.is_rate:
        return part
    whole = _sum(cells, k.over)
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(CENT, ROUND_HALF_UP)


def key_values(cells: dict[str, Value]) -> dict[str, int | Decimal | None]:
    """Every key figure of one report's cells, by id."""
    return {k.id: key_value(k, cells) for k in KEY_FIGURES}


def year_on_year(now: dict, last: dict) -> dict[str, int | Decimal | None]:
    """同比: this year's figure minus last year's (percentage points for a rate); None when either is missing."""
    return {k: (now[k] - last[k] if now.get(k) is not None and last.get(k) is not None else None) for k in now}
