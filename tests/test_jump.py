"""X.JUMP (I): a count far from last year's value of the same cell, beyond a factor the clerk sets."""
import random
from decimal import Decimal

from model import schema as S
from model.document import Document
from model.engine import check
from model.report import Prior
from model.rules import INFO, RULES
from tests.factories import consistent_report

CELL = S.t3("r1", "np")


def with_prior(now, last, factor=None):
    report = consistent_report(random.Random(2))
    report.prior = Prior(year=2024, cells=dict(report.cells))
    report.cells[CELL], report.prior.cells[CELL] = now, last
    if factor is not None:
        report.jump_factor = Decimal(factor)
    return report


def jumps(report):
    return [f for f in check(report) if f.rule == "X.JUMP"]


def test_the_rule_is_information_in_the_catalogue():
    assert RULES["X.JUMP"].severity == INFO and RULES["X.JUMP"].title == "与上年相比变化较大"


def test_beyond_three_times_either_way_is_found():
    up = jumps(with_prior(31, 10))
    assert [f.cells for f in up] == [(CELL,)]
    assert "本年31，上年10" in up[0].message and "与上年相比变化较大" in up[0].message
    assert up[0].severity == "info" and up[0].difference == 21
    assert [f.cells for f in jumps(with_prior(10, 31))] == [(CELL,)]
    assert [f.cells for f in jumps(with_prior(12, 0))] == [(CELL,)]


def test_within_the_factor_or_small_counts_are_not():
    assert jumps(with_prior(30, 10)) == []  # exactly ×3 is not beyond it
    assert jumps(with_prior(9, 1)) == []  # both under 10
    assert jumps(with_prior(12, "/")) == [] and jumps(with_prior(None, 50)) == []


def test_the_clerk_sets_the_factor():
    assert jumps(with_prior(31, 10, factor=4)) == []
    assert [f.cells for f in jumps(with_prior(21, 10, factor=2))] == [(CELL,)]


def test_no_prior_no_finding_and_decimals_are_not_counts():
    report = consistent_report(random.Random(3))
    assert jumps(report) == []
    report.prior = Prior(cells={"t2.fees.amount": Decimal(1), "fee.billed": Decimal(1)})
    report.cells["t2.fees.amount"] = Decimal(100)
    assert jumps(report) == []


def test_changing_the_factor_rechecks_incrementally():
    doc = Document(with_prior(31, 10))
    assert [f.rule for f in doc.checker.findings()].count("X.JUMP") == 1
    change = doc.apply([(("jump_factor", ""), Decimal(5))], "设置倍数")
    assert CELL in change.findings_changed
    assert "X.JUMP" not in {f.rule for f in doc.checker.findings()}
    doc.undo()
    assert doc.report.jump_factor == Decimal(3)
    assert [f.rule for f in doc.checker.findings()].count("X.JUMP") == 1
