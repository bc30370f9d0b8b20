"""Each figure rule with a passing and a failing case; the finding carries formula, numbers, cells."""
import random
from decimal import Decimal

import pytest

from model import schema as S
from model.engine import Checker, check
from model.report import Prior
from model.values import NA
from tests.factories import consistent_report

FIGURE_RULES = ("T3.LEAF_SUM", "T3.BALANCE", "T3.ROW_TOTAL", "T3.OTHER_HIGH", "T4.SUM", "VALUE.COUNT",
                "VALUE.BLANK", "T2.RULES_LEVEL", "X.CARRY", "X.IN_FORCE", "FEE.BOUNDS", "FEE.NOTICE_ROWS",
                "FEE.FIGURES")


@pytest.fixture
def report():
    r = consistent_report(random.Random(7))
    # keep （六）其他处理 low so T3.OTHER_HIGH stays quiet in the base case
    for row in S.T3_CATEGORY_ROWS["r3_6"]:
        for col in S.T3_COL_IDS:
            r.cells[S.t3(row, col)] = 0
    from model.totals import computed_totals
    for _ in range(2):
        r.cells.update(computed_totals(r))
    for col in S.T3_COL_IDS:  # restore the balance after zeroing
        r.cells[S.t3("r2", col)] = min(r.cells[S.t3("r2", col)], r.cells[S.t3("r3_7", col)] + r.cells[S.t3("r4", col)])
        r.cells[S.t3("r1", col)] = r.cells[S.t3("r3_7", col)] + r.cells[S.t3("r4", col)] - r.cells[S.t3("r2", col)]
    r.cells.update(computed_totals(r))
    r.cells["fee.notices"] = 1
    return r


def rules_of(report):
    return {f.rule for f in check(report)}


def test_base_report_is_clean(report):
    assert rules_of(report) & set(FIGURE_RULES) == set()


def test_balance_message_has_formula_and_numbers(report):
    c = report.cells
    c["t3.r1.tot"], c["t3.r2.tot"], c["t3.r3_7.tot"], c["t3.r4.tot"] = 82, 0, 70, 11
    f = next(f for f in check(report) if f.key == "T3.BALANCE:tot")
    assert f.message == "总计列：第一项82 + 第二项0 = 82，不等于第三项70 + 第四项11 = 81，相差1"
    assert (f.expected, f.actual, f.difference) == (82, 81, -1)
    assert set(f.cells) == {"t3.r1.tot", "t3.r2.tot", "t3.r3_7.tot", "t3.r4.tot"}
    assert f.to_json()["severity"] == "error"


def test_leaf_sum(report):
    report.cells["t3.r3_3_4.np"] += 2
    found = [f for f in check(report) if f.rule == "T3.LEAF_SUM"]
    assert [f.key for f in found] == ["T3.LEAF_SUM:np"]
    assert "（三）4项" in found[0].message and "（七）总计" in found[0].message and "相差2" in found[0].message
    assert found[0].primary == ("t3.r3_7.np",)


def test_row_total(report):
    report.cells["t3.r3_1.tot"] += 1
    found = [f for f in check(report) if f.rule == "T3.ROW_TOTAL"]
    assert [f.key for f in found] == ["T3.ROW_TOTAL:r3_1"]
    assert found[0].message.startswith("（一）予以公开：自然人")


def test_other_high():
    r = consistent_report(random.Random(3))
    r.cells = {k: 0 for k in S.CELL_IDS if k.startswith("t3.")}
    for row, n in (("r3_1", 7), ("r3_6_3", 3)):
        r.cells[S.t3(row, "np")] = r.cells[S.t3(row, "tot")] = n
    for row in ("r1", "r3_7"):
        r.cells[S.t3(row, "np")] = r.cells[S.t3(row, "tot")] = 10
    f = [f for f in check(r) if f.rule == "T3.OTHER_HIGH"]
    assert len(f) == 1 and "30.00%" in f[0].message and f[0].severity == "warning"
    r.cells[S.t3("r3_6_3", "np")] = r.cells[S.t3("r3_6_3", "tot")] = 2
    r.cells[S.t3("r3_1", "np")] = r.cells[S.t3("r3_1", "tot")] = 8
    assert "T3.OTHER_HIGH" not in rules_of(r)  # exactly 20% is not above 20%


def test_t4_sum(report):
    report.cells["t4.review.tot"] = 0
    report.cells["t4.review.upheld"] = 10
    found = [f for f in check(report) if f.rule == "T4.SUM"]
    assert [f.key for f in found] == ["T4.SUM:review"]
    assert found[0].message.startswith("行政复议：结果维持10")


def test_value_count_and_blank(report):
    report.cells["t3.r1.np"] = -3
    del report.cells["t2.penalty.decisions"]
    found = check(report)
    vc = [f for f in found if f.rule == "VALUE.COUNT"]
    assert [f.cells for f in vc] == [("t3.r1.np",)]
    blank = [f for f in found if f.rule == "VALUE.BLANK"]
    assert [f.cells for f in blank] == [("t2.penalty.decisions",)] and blank[0].severity == "info"
    report.cells["t2.penalty.decisions"] = NA
    assert "VALUE.BLANK" not in rules_of(report)


def test_decimal_in_count_is_value_count(report):
    report.cells["t2.license.decisions"] = Decimal("1.5")
    assert "VALUE.COUNT" in rules_of(report)
    report.cells["t2.license.decisions"] = 1
    report.cells["t2.fees.amount"] = Decimal("0.000123")
    assert "VALUE.COUNT" not in rules_of(report)


def test_rules_level(report):
    report.meta.level = "county"
    report.cells["t2.rules.issued"] = 1
    assert "T2.RULES_LEVEL" in rules_of(report)
    report.cells["t2.rules.issued"] = report.cells["t2.rules.repealed"] = report.cells["t2.rules.in_force"] = NA
    assert "T2.RULES_LEVEL" not in rules_of(report)
    report.meta.level = "prefecture"
    report.cells["t2.rules.issued"] = 1
    assert "T2.RULES_LEVEL" not in rules_of(report)


def test_a_state_council_department_makes_rules(report):
    """部门规章: 「自然资源部」 or 「国家某某局」 may print 规章; a local 局 or 委 may not."""
    report.meta.level = "department"
    report.cells["t2.rules.issued"] = 2
    for organ in ("自然资源部", "国家卫生健康委", "海关总署", "国家税务总局"):
        report.meta.organ = organ
        assert "T2.RULES_LEVEL" not in rules_of(report), organ
    for organ in ("某市自然资源和规划局", "国家税务总局某省税务局", "区统计局", "某县人民政府办公室"):
        report.meta.organ = organ
        assert "T2.RULES_LEVEL" in rules_of(report), organ


def test_carry(report):
    assert "X.CARRY" not in rules_of(report)  # no prior: nothing to compare
    prior = {S.t3("r4", c): report.cells[S.t3("r2", c)] for c in S.T3_COL_IDS}
    report.prior = Prior(year=2024, cells=prior)
    assert "X.CARRY" not in rules_of(report)
    report.prior.cells["t3.r4.np"] += 5
    found = [f for f in check(report) if f.rule == "X.CARRY"]
    assert [f.key for f in found] == ["X.CARRY:np"] and found[0].cells == ("t3.r2.np",)
    assert "上年第四项" in found[0].message


def test_in_force_with_explanation(report):
    c = report.cells
    c["t2.normative.issued"], c["t2.normative.repealed"], c["t2.normative.in_force"] = 77, 132, 470
    report.prior = Prior(year=2022, cells={"t2.normative.in_force": 698})
    f = [f for f in check(report) if f.rule == "X.IN_FORCE"]
    assert len(f) == 1
    assert f[0].message == "行政规范性文件：上年现行有效698 + 本年制发77 − 本年废止132 = 643，不等于现行有效470，相差173"
    assert f[0].severity == "warning" and not f[0].explained
    report.explanations["X.IN_FORCE"] = "2023年开展文件清理"
    f = [f for f in check(report) if f.rule == "X.IN_FORCE"][0]
    assert f.explained and f.explanation == "2023年开展文件清理"
    c["t2.normative.in_force"] = 643
    assert "X.IN_FORCE" not in rules_of(report)


def test_errors_cannot_be_explained(report):
    report.cells["t4.review.tot"] += 1
    report.explanations["T4.SUM"] = "无"
    f = [f for f in check(report) if f.rule == "T4.SUM"][0]
    assert not f.explained


def test_fee_bounds(report):
    c = report.cells
    c["fee.notices"], c["fee.billed"], c["fee.collected"] = 2, Decimal("100"), Decimal("120.5")
    f = [f for f in check(report) if f.rule == "FEE.BOUNDS"]
    assert [x.key for x in f] == ["FEE.BOUNDS:collected"] and "相差20.5" in f[0].message
    c["fee.notices"], c["fee.billed"], c["fee.collected"] = 0, Decimal("5"), Decimal("0")
    f = [f for f in check(report) if f.rule == "FEE.BOUNDS"]
    assert [x.key for x in f] == ["FEE.BOUNDS:notices"]
    c["fee.billed"] = Decimal("0")
    assert "FEE.BOUNDS" not in rules_of(report)
    del c["fee.billed"]  # unknown billed: the bound cannot be established
    c["fee.collected"] = Decimal("3940")
    assert "FEE.BOUNDS" not in rules_of(report)


def test_fee_notice_rows(report):
    report.cells["t3.r3_6_2.tot"] = 6  # (the row total no longer matches; only the fee rule matters here)
    report.cells["fee.notices"] = 2
    f = [f for f in check(report) if f.rule == "FEE.NOTICE_ROWS"]
    assert len(f) == 1 and f[0].expected == 6 and f[0].actual == 2
    del report.cells["fee.notices"]
    assert "未填写" in [f for f in check(report) if f.rule == "FEE.NOTICE_ROWS"][0].message
    report.cells["fee.notices"] = 6
    assert "FEE.NOTICE_ROWS" not in rules_of(report)


def test_fee_figures(report):
    assert "FEE.FIGURES" not in rules_of(report)
    del report.cells["fee.billed"]
    f = [f for f in check(report) if f.rule == "FEE.FIGURES"]
    assert len(f) == 1 and "发出收费通知的总金额" in f[0].message


def test_every_figure_rule_is_exercised():
    import tests.test_rules as me
    source = open(me.__file__, encoding="utf-8").read()
    for rule in FIGURE_RULES:
        assert source.count(f'"{rule}"') >= 2, rule


def test_findings_for_cell_and_severity(report):
    report.cells["t3.r4.np"] += 1
    ch = Checker(report)
    assert ch.cell_severity("t3.r4.np") == "error"
    assert {f.rule for f in ch.findings_for("t3.r4.np")} == {"T3.BALANCE", "T3.ROW_TOTAL"}
    assert ch.cell_severity("t3.r3_1.res") is None
