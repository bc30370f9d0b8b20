"""A finding: one broken rule, with the cells it is about and the numbers that break it."""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from .rules import RULES
from .values import to_json


@dataclass(frozen=True)
class Finding:
    rule: str
    cells: tuple[str, ...]
    message: str
    key: str  # unique per finding; the 说明 of a warning is stored under it
    expected: object = None  # computed value (Arelle's "computed")
    actual: object = None  # reported value
    difference: object = None  # actual − expected
    span: tuple[str, int, int] | None = None  # (section id, start, end) of the text it is about
    explanation: str | None = None
    # the cells that hold the reported side (a total that disagrees with its parts); a grid paints these
    # strongest and the other cells of the formula more lightly.  Empty: all cells alike.
    primary: tuple[str, ...] = ()
    # format.md gives a few rules a second, milder severity for one kind of finding (N.CLOSED for a
    # completeness claim, N.T2 for 现行有效); None means the rule's catalogue severity
    level: str | None = None

    @property
    def severity(self) -> str:
        return self.level or RULES[self.rule].severity

    @property
    def explained(self) -> bool:
        return bool(self.explanation) and self.severity != "error"

    def with_explanation(self, text: str | None) -> Finding:
        return self if text == self.explanation else replace(self, explanation=text or None)

    def to_json(self) -> dict:
        out: dict = {"rule": self.rule, "severity": self.severity, "cells": list(self.cells),
                     "message": self.message}
        if self.expected is not None or self.actual is not None:
            out["expected"] = _num(self.expected)
            out["actual"] = _num(self.actual)
        if self.difference is not None:
            out["difference"] = _num(self.difference)
        if self.span:
            out["span"] = {"section": self.span[0], "start": self.span[1], "end": self.span[2]}
        out["key"] = self.key
        if self.explanation:
            out["explanation"] = self.explanation
        return out


def _num(v):
    if isinstance(v, Decimal):
        # a whole Decimal (from decimal cells) prints as a number string without exponent
        return to_json(v)
    return v
