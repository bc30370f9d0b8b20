"""What the held-out real-report tests share: a made-up report with the given text and table figures, the
claim rules' findings on it, and the claims read from a text."""
from __future__ import annotations

from decimal import Decimal

from model import schema as S
from model.engine import check
from model.report import Meta, Report
from model.text.claims import extract_claims

CLAIM_RULES = ("N.RECEIVED", "N.CLOSED", "N.CATEGORY", "N.NONE", "N.REVIEW", "N.T2")


def made_up(s1: str, base: dict, organ: str, cells: dict) -> Report:
    """A 2023 department's report: every cell 0 but base's and cells' (「t3__r1__tot」 for t3.r1.tot)."""
    values = {c: (0 if S.CELLS[c].kind == S.COUNT else Decimal(0)) for c in S.CELL_IDS}
    values.update(base)
    for k, v in cells.items():
        values[k.replace("__", ".")] = v
    meta = Meta(organ=organ, year=2023, level="department")
    return Report(meta=meta, sections={"s0": "", "s1": s1, "s5": "存在问题。下一步改进。", "s6": "本年度未收取信息处理费。"},
                  cells=values)


def claim_rule_findings(report: Report) -> list:
    return [f for f in check(report) if f.rule in CLAIM_RULES]


class Round:
    """One round's made-up organ and base figures: report(text, **cells) gives its report with those cells
    changed, findings(text, **cells) that report's claim findings."""

    def __init__(self, base: dict, organ: str) -> None:
        self.base, self.organ = base, organ

    def report(self, s1: str, **cells) -> Report:
        return made_up(s1, self.base, self.organ, cells)

    def findings(self, s1: str, **cells) -> list:
        return claim_rule_findings(self.report(s1, **cells))


def kinds(text: str) -> list[tuple[str, int | None]]:
    return [(c.kind, c.value) for c in extract_claims(text, 2023)]


def subjects(text: str) -> list[tuple[str, int | None, str | None]]:
    """The claims with the kind of case each result belongs to (review, lawsuit)."""
    return [(c.kind, c.value, c.subject) for c in extract_claims(text, 2023)]
