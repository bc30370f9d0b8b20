"""An open report with its checker and its undo history.  Pure Python, so undo is tested without a window.

Every change goes through `apply`, as a list of (target, new value) pairs.  One call is one undo step:
a paste of a block or 「计算合计」 is one step.  After each change the checker re-runs only the checks fed
by what changed and listeners learn which targets and which cells' findings changed.

Targets: ("cell", id) · ("meta", field) · ("section", s1|s5|s6) · ("explanation", key) · ("prior", "")
         · ("auto_totals", "") · ("generated", section id): the record of a generated paragraph
         · ("jump_factor", ""): X.JUMP's factor

With 自动合计 on (report.auto_totals), an edit of a figure carries the totals that follow from it in the
same undo step, so one undo takes back the edit with its totals.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from .engine import EXPLAIN, Checker
from .report import Generated, Prior, Report
from .schema import CELLS
from .totals import TOTAL_CELLS, total_changes
from .values import Value

Target = tuple[str, str]  # (kind, key)
UNDO_LIMIT = 1000


@dataclass
class Change:
    """What one apply/undo/redo did."""

    targets: list[Target]
    cells: set[str]  # figure cells whose value changed
    findings_changed: set[str]  # cells whose findings changed (repaint these)
    label: str = ""


@dataclass
class _Step:
    label: str
    edits: list[tuple[Target, object, object]]  # (target, old, new)
    merge_key: str | None = None


def _input_name(target: Target) -> str:
    kind, key = target
    if kind == "cell":
        return str(key)
    if kind == "meta":
        return f"meta.{key}"
    if kind == "section":
        return f"section.{key}"
    if kind == "explanation":
        return f"{EXPLAIN}{key}"
    if kind in ("prior", "auto_totals", "generated", "jump_factor"):
        return kind
    raise KeyError(kind)


class Document:
    def __init__(self, report: Report | None = None, path: str | None = None):
        self.report = report if report is not None else Report()
        self.path = path
        self.checker = Checker(self.report)
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._clean_depth: int | None = 0  # len(_undo) when last saved; None: unreachable
        self.listeners: list[Callable[[Change], None]] = []

    def subscribe(self, fn: Callable[[Change], None]) -> None:
        """Call fn(change) after every apply, undo and redo (once, however often subscribed)."""
        if fn not in self.listeners:
            self.listeners.append(fn)

    def unsubscribe(self, fn: Callable[[Change], None]) -> None:
        if fn in self.listeners:
            self.listeners.remove(fn)

    # -------------------------------------------------------------- reading

    def get(self, target: Target) -> Any:  # the type depends on the kind of target
        kind, key = target
        r = self.report
        if kind == "cell":
            return r.cells.get(key)
        if kind == "meta":
            return getattr(r.meta, key)
        if kind == "section":
            return r.sections.get(key, "")
        if kind == "explanation":
            return r.explanations.get(key)
        if kind == "prior":
            return r.prior
        if kind == "auto_totals":
            return r.auto_totals
        if kind == "generated":
            return r.generated.get(key)
        if kind == "jump_factor":
            return r.jump_factor
        raise KeyError(kind)

    @property
    def modified(self) -> bool:
        return self._clean_depth != len(self._undo)

    def mark_saved(self) -> None:
        self._clean_depth = len(self._undo)

    def mark_modified(self) -> None:
        """Unsaved though no edit was made (an imported, restored or next-year report): no undo reaches
        a saved state until the next save."""
        self._clean_depth = None

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    # -------------------------------------------------------------- changing

    def apply(self, edits: Iterable[tuple[Target, object]], label: str = "编辑",
              merge_key: str | None = None) -> Change:
        """Apply edits as one undo step.  Edits that change nothing are dropped; no step if none remain.

        `merge_key`: consecutive steps with the same key merge into one (typing in a text section).
        """
        steps = []
        for target, new in edits:
            if target[0] == "cell" and target[1] not in CELLS:
                raise KeyError(target[1])
            old = self.get(target)
            if old != new or type(old) is not type(new):
                steps.append((target, copy.deepcopy(old), new))
        steps = self._with_totals(steps)
        if not steps:
            return Change([], set(), set(), label)
        top = self._undo[-1] if self._undo else None
        if (merge_key and top is not None and top.merge_key == merge_key and not self._redo
                and self._clean_depth != len(self._undo)):
            merged = {t: (t, o, n) for t, o, n in top.edits}
            for t, o, n in steps:
                merged[t] = (t, merged[t][1] if t in merged else o, n)
            top.edits = list(merged.values())
        else:
            self._undo.append(_Step(label, steps, merge_key))
            if len(self._undo) > UNDO_LIMIT:
                del self._undo[0]
                if self._clean_depth is not None:
                    self._clean_depth -= 1
                    if self._clean_depth < 0:
                        self._clean_depth = None
        self._redo.clear()
        return self._do([(t, n) for t, _, n in steps], label)

    def set_cells(self, values: dict[str, Value], label: str = "编辑") -> Change:
        return self.apply(((("cell", k), v) for k, v in values.items()), label)

    def set_meta(self, field_name: str, value: str | int | None, label: str = "修改基本信息") -> Change:
        return self.apply([(("meta", field_name), value)], label, merge_key=f"meta.{field_name}")

    def set_explanation(self, key: str, text: str | None, label: str = "填写说明") -> Change:
        return self.apply([(("explanation", key), text or None)], label)

    def set_section(self, section: str, text: str, label: str = "修改正文") -> Change:
        return self.apply([(("section", section), text)], label, merge_key=f"section.{section}")

    def set_prior(self, prior: Prior | None, label: str = "设置上年报告") -> Change:
        return self.apply([(("prior", ""), prior)], label)

    def set_auto_totals(self, on: bool) -> Change:
        """自动合计 on (the totals are computed at once, in the same undo step) or off."""
        return self.apply([(("auto_totals", ""), on)], "自动合计" if on else "关闭自动合计")

    def _with_totals(self, steps: list[tuple[Target, object, object]]) -> list[tuple[Target, object, object]]:
        """With 自动合计 on (or being turned on), add the totals the edited figures give to the same step; a
        total typed by hand gives way to its formula."""
        switch = [n for t, _, n in steps if t[0] == "auto_totals"]
        on = switch[-1] if switch else self.report.auto_totals
        if not on or not (switch or any(t[0] == "cell" for t, _, _ in steps)):
            return steps
        cells = dict(self.report.cells)
        for (kind, key), _, new in steps:
            if kind == "cell":
                cells[key] = cast(Value, new)
        cells = {k: v for k, v in cells.items() if v is not None}
        totals = total_changes(Report(cells=cells))
        kept = [(t, o, totals.pop(t[1], n) if t[0] == "cell" and t[1] in TOTAL_CELLS else n) for t, o, n in steps]
        kept = [(t, o, n) for t, o, n in kept if o != n or type(o) is not type(n)]
        return kept + [(("cell", cid), self.report.cells.get(cid), v) for cid, v in totals.items()]

    def undo(self) -> Change:
        if not self._undo:
            return Change([], set(), set())
        step = self._undo.pop()
        self._redo.append(step)
        return self._do([(t, o) for t, o, _ in reversed(step.edits)], step.label)

    def redo(self) -> Change:
        if not self._redo:
            return Change([], set(), set())
        step = self._redo.pop()
        self._undo.append(step)
        return self._do([(t, n) for t, _, n in step.edits], step.label)

    def _set(self, target: Target, value: Any) -> None:  # the type depends on the kind of target
        kind, key = target
        r = self.report
        if kind == "cell":
            r.set(key, value)
        elif kind == "meta":
            setattr(r.meta, key, value)
        elif kind == "section":
            r.sections[key] = value
        elif kind == "explanation":
            if value:
                r.explanations[key] = value
            else:
                r.explanations.pop(key, None)
        elif kind == "prior":
            r.prior = copy.deepcopy(value)
        elif kind == "auto_totals":
            r.auto_totals = bool(value)
        elif kind == "generated":
            self._set_generated(key, cast(Generated | None, value))
        elif kind == "jump_factor":
            r.jump_factor = value
        else:
            raise KeyError(kind)

    def _set_generated(self, section: str, record: Generated | None) -> None:
        if record is None:
            self.report.generated.pop(section, None)
        else:
            self.report.generated[section] = copy.deepcopy(record)

    def _do(self, edits: list[tuple[Target, object]], label: str) -> Change:
        for target, value in edits:
            self._set(target, copy.deepcopy(value) if target[0] == "prior" else value)
        targets = [t for t, _ in edits]
        changed = self.checker.update(_input_name(t) for t in targets)
        change = Change(targets, {t[1] for t in targets if t[0] == "cell"}, changed, label)
        for fn in list(self.listeners):
            fn(change)
        return change
