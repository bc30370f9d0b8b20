"""The roll-up: one report whose every cell is the sum of that cell over many reports (the supervisor's
own totals), checked by the same figure rules as each report.

A cell is summed over the reports that fill it; 「/」 counts as 0, and a cell that every report marks 「/」
stays 「/」; a cell no report fills stays blank.  Decimals are summed as Decimals, so 万元 amounts with six
decimals add up exactly.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from .checks import figure_checks
from .engine import check
from .findings import Finding
from .report import Meta, Report
from .schema import CELL_IDS, CELLS, COUNT
from .values import NA, Value, number, to_json

ROLLUP_TITLE = "汇总"
_T = TypeVar("_T")


def sum_cells(cell_maps: list[dict[str, Value]]) -> dict[str, Value]:
    """Cell-wise sums of many reports' cells (see the module doc for blanks and 「/」)."""
    totals: dict[str, int | Decimal] = {}
    marked: set[str] = set()  # cells some report marks 「/」
    get = totals.get
    for cells in cell_maps:
        for cid, v in cells.items():
            if type(v) is int:  # the usual case first: this loop runs ~200 times per report
                totals[cid] = get(cid, 0) + v
            elif isinstance(v, str):
                marked.add(cid)
            elif v is not None:
                totals[cid] = get(cid, 0) + v
    out: dict[str, Value] = {}
    for cid in CELL_IDS:  # in form order
        if cid in totals:
            out[cid] = _typed(cid, totals[cid])
        elif cid in marked:
            out[cid] = NA
    return out


def _typed(cid: str, total: int | Decimal) -> int | Decimal:
    """A count as int when whole, a decimal cell as Decimal."""
    if CELLS[cid].kind == COUNT:
        return int(total) if total == int(total) else total
    return Decimal(total)


@dataclass
class Rollup:
    report: Report  # the sums, as a report the exporters lay out
    summed: list[str]  # the files whose reports were summed
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    findings: list[Finding] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.summed)

    def sums_json(self) -> dict:
        """batch --json's rollup.cells: every cell id with its sum (blank and 「/」 count as 0, as in every sum
        of the form), counts as numbers and decimals as exact strings."""
        out = {}
        for cid in CELL_IDS:
            total = number(self.report.cells.get(cid))
            out[cid] = to_json(Decimal(total)) if CELLS[cid].kind != COUNT else total
        return out


def _common(values: list[_T]) -> _T | None:
    """The one value all share, else None."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


# The roll-up is checked by the figure rules; T2.RULES_LEVEL is about one organ's rule-making power and the
# cross-year rules need last year's roll-up, so neither applies to a sum over many organs.
_ROLLUP_CHECKS = [c for c in figure_checks() if c.rule != "T2.RULES_LEVEL"]


def roll_up(reports: list[tuple[str, Report]], left_out: Iterable[tuple[str, str]] = ()) -> Rollup:
    """The roll-up of (file, report) pairs; left_out names the files that could not be read, and why."""
    year = _common([r.meta.year for _, r in reports])
    organ = f"{ROLLUP_TITLE}（{len(reports)}份报告）"
    title = f"{ROLLUP_TITLE}：{len(reports)}份{year or ''}{'年' if year else ''}政府信息公开工作年度报告"
    report = Report(meta=Meta(organ=organ, year=year, level="province", title=title),
                    cells=sum_cells([r.cells for _, r in reports]))
    return Rollup(report, [f for f, _ in reports], list(left_out), check(report, _ROLLUP_CHECKS))
