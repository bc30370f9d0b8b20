"""「计算合计」: the totals of the form computed from their parts.

Only the totals the form defines are filled: the 总计 column of t3 (from the six applicant columns), the
（七）总计 row of t3 (from the 21 result rows) and the 总计 of each t4 group.  The caller shows the
returned changes to the clerk before applying them as one undo step.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from . import schema as S
from .report import Report
from .values import NA, Value, number


def _sum(report: Report, cells: Iterable[str]) -> int | Decimal:
    return sum(number(report.cells.get(c)) for c in cells)


def computed_totals(report: Report) -> dict[str, Value]:
    """Every total cell with the value its parts give (rows first, so （七）总计·总计 agrees both ways)."""
    cells = dict(report.cells)
    work = Report(cells=cells)
    out: dict[str, Value] = {}
    # （七）总计 of each applicant column from the result rows
    for col in S.T3_PART_COLS:
        out[S.t3("r3_7", col)] = cells[S.t3("r3_7", col)] = _sum(work, (S.t3(r, col) for r in S.T3_LEAF_ROWS))
    # 总计 column of every row from the applicant columns (r3_7 included, now consistent)
    for row in S.T3_ROW_IDS:
        out[S.t3(row, "tot")] = cells[S.t3(row, "tot")] = _sum(work, (S.t3(row, c) for c in S.T3_PART_COLS))
    for g, _ in S.T4_GROUPS:
        out[S.t4(g, "tot")] = _sum(work, (S.t4(g, c) for c in S.T4_PART_COLS))
    return out


def total_changes(report: Report) -> dict[str, Value]:
    """The totals that differ from what is in the report (the ones 「计算合计」 would change).

    A total whose parts are all blank stays as it is, and a 「/」 total is left alone."""
    changes: dict[str, Value] = {}
    parts_of = _parts_index()
    for cid, v in computed_totals(report).items():
        current = report.cells.get(cid)
        if current == NA:
            continue
        if all(report.cells.get(p) is None for p in parts_of[cid]) and current is None:
            continue
        if current != v:
            changes[cid] = v
    return changes


def _parts_index() -> dict[str, tuple[str, ...]]:
    idx: dict[str, tuple[str, ...]] = {}
    for col in S.T3_PART_COLS:
        idx[S.t3("r3_7", col)] = tuple(S.t3(r, col) for r in S.T3_LEAF_ROWS)
    for row in S.T3_ROW_IDS:
        parts = tuple(S.t3(row, c) for c in S.T3_PART_COLS)
        if row == "r3_7":
            parts = parts + tuple(S.t3(r, c) for r in S.T3_LEAF_ROWS for c in S.T3_PART_COLS)
        idx[S.t3(row, "tot")] = parts
    for g, _ in S.T4_GROUPS:
        idx[S.t4(g, "tot")] = tuple(S.t4(g, c) for c in S.T4_PART_COLS)
    return idx


TOTAL_CELLS: frozenset[str] = frozenset(_parts_index())
