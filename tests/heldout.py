"""What the held-out real-report tests share: a made-up report with the given text and table figures, the
claim rules' findings on it, and the claims read from a text."""
from __future__ import annotations

from decimal import Decimal

from model import schema as S
from model.engine import check
from model.report import Meta, Report
from model.text.claims import extract_claims

CLAIM_RULES = ("N.RECEIVED", "N.CLOSED", "N.CATEGORY", "N.NONE", "N.REVIEW", "N.T2")


# the figures of rounds 13 on: 40 new + 2 carried in = 36 closed + 6 carried out; results: 10 公开, 8 部分, 4 不予公开
# (2 第三方合法权益, 2 内部事务), 6 无法提供 (不掌握), 4 不予处理 (重复申请), 4 其他处理; 复议 2 (1 维持, 1 其他结果),
# 直接起诉 1 (未审结)
BASE_40 = {
    "t3.r1.np": 38, "t3.r1.biz": 2, "t3.r1.tot": 40, "t3.r2.np": 2, "t3.r2.tot": 2,
    "t3.r3_1.tot": 10, "t3.r3_2.tot": 8, "t3.r3_3_4.tot": 2, "t3.r3_3_5.tot": 2, "t3.r3_4_1.tot": 6,
    "t3.r3_5_2.tot": 4, "t3.r3_6_3.tot": 4, "t3.r3_7.tot": 36, "t3.r4.tot": 6,
    "t4.review.tot": 2, "t4.review.upheld": 1, "t4.review.other": 1,
    "t4.direct.tot": 1, "t4.direct.pending": 1,
    "t2.normative.issued": 3, "t2.normative.in_force": 20,
}
# BASE_40 with all 42 closed, none carried out (the figures a text saying every application was closed agrees with)
ALL_CLOSED_42 = {"t3__r4__tot": 0, "t3__r3_7__tot": 42, "t3__r3_6_3__tot": 10}


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
