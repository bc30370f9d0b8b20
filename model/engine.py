"""Checking a report, fully or incrementally.

The checker indexes which checks each input feeds (a cell id, 'meta.level', 'prior', 'section.s6' …).
After an edit only those checks run again; the caller learns which cells' findings changed, so a grid
repaints exactly those.  Findings per cell are kept in a dict, so a view asks for them in O(1).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from .checks import CellCheck, Check, FuncCheck, LinearCheck, figure_checks
from .findings import Finding
from .report import Report
from .rules import ERROR, SEVERITY_RANK
from .text.checks import text_checks

IMPORT_NOTES = "import_notes"
EXPLAIN = "explain:"  # input prefix: the 说明 stored under a finding key or rule id


def _import_check() -> Check:
    def fn(report: Report) -> tuple[Finding, ...]:
        return tuple(Finding(rule, tuple(cells), msg, f"{rule}:{i}")
                     for i, (rule, cells, msg) in enumerate(report.import_notes))
    return FuncCheck("IMPORT", "S.OLD_FORMAT", (IMPORT_NOTES,), fn)


def all_checks() -> list[Check]:
    return figure_checks() + text_checks() + [_import_check()]


_CHECKS_CACHE: list[Check] | None = None


def default_checks() -> list[Check]:
    """The checks are stateless, so one list serves every report."""
    global _CHECKS_CACHE
    if _CHECKS_CACHE is None:
        _CHECKS_CACHE = all_checks()
    return _CHECKS_CACHE


class Checker:
    def __init__(self, report: Report, checks: list[Check] | None = None):
        self.report = report
        self.checks = checks if checks is not None else default_checks()
        self._order = {c.key: i for i, c in enumerate(self.checks)}
        self._deps: dict[str, list[Check]] = defaultdict(list)
        for c in self.checks:
            for name in c.inputs:
                self._deps[name].append(c)
        self._results: dict[str, tuple[Finding, ...]] = {}
        self._by_cell: dict[str, list[Finding]] = defaultdict(list)
        self._sorted: list[Finding] | None = None
        self.run_all()

    # -------------------------------------------------------------- running

    def run_all(self) -> set[str]:
        """Check everything; returns every cell that has or had findings."""
        before = set(self._by_cell)
        self._results = {}
        self._by_cell = defaultdict(list)
        for c in self.checks:
            found = self._evaluate(c)
            if found:
                self._results[c.key] = found
                for f in found:
                    for cell in f.cells:
                        self._by_cell[cell].append(f)
        self._sorted = None
        return before | set(self._by_cell)

    def update(self, inputs: Iterable[str]) -> set[str]:
        """Re-run the checks fed by `inputs`; returns the cells whose findings changed."""
        todo: dict[str, Check] = {}
        for name in inputs:
            if name.startswith(EXPLAIN):
                for c in self._checks_explained_by(name[len(EXPLAIN):]):
                    todo[c.key] = c
                continue
            for c in self._deps.get(name, ()):
                todo[c.key] = c
        changed: set[str] = set()
        for key, c in todo.items():
            old = self._results.get(key, ())
            new = self._evaluate(c)
            if old == new:
                continue
            for f in old:
                for cell in f.cells:
                    lst = self._by_cell.get(cell)
                    if lst is not None:
                        lst.remove(f)
                        if not lst:
                            del self._by_cell[cell]
                    changed.add(cell)
            for f in new:
                for cell in f.cells:
                    self._by_cell[cell].append(f)
                    changed.add(cell)
            if new:
                self._results[key] = new
            else:
                self._results.pop(key, None)
            self._sorted = None
        return changed

    def _checks_explained_by(self, key: str) -> list[Check]:
        """Checks whose findings carry `key` (a finding key or a rule id)."""
        out = []
        for c in self.checks:
            found = self._results.get(c.key, ())
            if c.key == key or c.rule == key or any(f.key == key or f.rule == key for f in found):
                out.append(c)
        return out

    def _evaluate(self, c: Check) -> tuple[Finding, ...]:
        return _evaluate(c, self.report)

    # -------------------------------------------------------------- reading

    def findings(self) -> list[Finding]:
        """All findings: errors first, then warnings, then information; each in form order."""
        if self._sorted is None:
            flat = [(SEVERITY_RANK[f.severity], self._order[key], i, f)
                    for key, found in self._results.items() for i, f in enumerate(found)]
            flat.sort(key=lambda t: t[:3])
            self._sorted = [t[3] for t in flat]
        return self._sorted

    def findings_for(self, cell: str) -> list[Finding]:
        return self._by_cell.get(cell, [])

    def cell_severity(self, cell: str) -> str | None:
        """The state a grid paints: 'error', 'warning', 'explained', 'info' or None."""
        lst = self._by_cell.get(cell)
        if not lst:
            return None
        best = None
        for f in lst:
            state = "explained" if f.explained else f.severity
            if best is None or _STATE_RANK[state] < _STATE_RANK[best]:
                best = state
        return best

    def has_errors(self) -> bool:
        return any(f.severity == ERROR for found in self._results.values() for f in found)

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0, "explained": 0}
        for found in self._results.values():
            for f in found:
                out["explained" if f.explained else f.severity] += 1
        return out


_STATE_RANK = {"error": 0, "warning": 1, "explained": 2, "info": 3}


def _evaluate(c: Check, report: Report) -> tuple[Finding, ...]:
    """One check's findings, each carrying the 说明 stored under its key or its rule."""
    found = c.evaluate(report)
    if not found:
        return ()
    notes = report.explanations
    if not notes:
        return found
    return tuple(f.with_explanation(notes.get(f.key) or notes.get(f.rule)) for f in found)


@dataclass
class _Plan:
    """The checks of a list sorted by how check() decides them, made once per list and shared by every report
    checked: per-cell value checks by their cell, this year's identities as the cells adding to each side, the
    cross-year checks, and the rest."""
    by_cell: dict[str, tuple[int, Check]]
    identities: list[tuple[int, Check, tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[int, ...]]]
    cross_year: list[tuple[int, Check]]
    others: list[tuple[int, Check]]


_PLANS: dict[int, tuple[list[Check], _Plan]] = {}


def _plan(checks: list[Check]) -> _Plan:
    kept = _PLANS.get(id(checks))
    if kept is None or kept[0] is not checks:
        if len(_PLANS) >= 8:  # lists made on the fly (tests, benches) are not kept forever
            _PLANS.clear()
        kept = _PLANS[id(checks)] = (checks, _make_plan(checks))
    return kept[1]


def _make_plan(checks: list[Check]) -> _Plan:
    plan = _Plan({}, [], [], [])
    for i, c in enumerate(checks):
        if isinstance(c, CellCheck) and c.cell not in plan.by_cell:
            plan.by_cell[c.cell] = (i, c)
        elif c.needs_prior:
            plan.cross_year.append((i, c))
        elif isinstance(c, LinearCheck) and c.plain is not None:
            # Σ lhs = Σ rhs, signs moved across: the cells added on each side, and as many zeros (blank is 0)
            lhs, rhs = c.plain
            left = tuple(cell for cell, sign in lhs if sign > 0) + tuple(cell for cell, sign in rhs if sign < 0)
            right = tuple(cell for cell, sign in rhs if sign > 0) + tuple(cell for cell, sign in lhs if sign < 0)
            plan.identities.append((i, c, left, right, (0,) * len(left), (0,) * len(right)))
        else:
            plan.others.append((i, c))
    return plan


def check(report: Report, checks: list[Check] | None = None) -> list[Finding]:
    """One full check, for the command line, the batch and the exporters: nothing will be edited, so no
    incremental index is built; the findings are in the order Checker.findings() gives."""
    plan = _plan(checks if checks is not None else default_checks())
    cells = report.cells
    run: list[tuple[int, Check]] = []
    # the usual cases, decided here without a call: a whole number fits every cell (~200 value checks), most
    # identities hold, and the cross-year checks (~200) have nothing to compare with
    odd = [cell for cell, v in cells.items() if v.__class__ is not int or v < 0]  # 「/」, decimals, blanks, bad
    blank = plan.by_cell.keys() - cells.keys()
    run += [plan.by_cell[cell] for cell in (blank.union(odd) if odd else blank) if cell in plan.by_cell]
    counted: dict[str, Any] = cells  # blank and 「/」 count as 0 in sums: left out of a copy (decimals stay)
    uncounted = [cell for cell in odd if cells[cell] is None or cells[cell].__class__ is str]
    if uncounted:
        counted = dict(cells)
        for cell in uncounted:
            del counted[cell]
    value_or_0 = cast("Callable[[str, int], Any]", counted.get)
    run += [(i, c) for i, c, left, right, z1, z2 in plan.identities
            if sum(map(value_or_0, left, z1)) != sum(map(value_or_0, right, z2))]
    if report.prior is not None:
        run += plan.cross_year
    run += plan.others
    flat = [(SEVERITY_RANK[f.severity], i, j, f) for i, c in run for j, f in enumerate(_evaluate(c, report))]
    flat.sort(key=lambda t: t[:3])
    return [t[3] for t in flat]
