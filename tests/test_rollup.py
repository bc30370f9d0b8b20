"""Roll-up sums, key figures and the organ matching behind --prior (pure model)."""
from decimal import Decimal

from model.batch import BatchEntry, choose_prior, organ_key, worst_first
from model.findings import Finding
from model.keyfigures import key_values, year_on_year
from model.report import Meta, Report
from model.rollup import roll_up, sum_cells
from model.values import NA


def test_sum_cells_blank_na_and_decimals():
    got = sum_cells([{"t3.r1.np": 2, "t2.rules.issued": NA, "fee.billed": Decimal("0.1")},
                     {"t3.r1.np": 3, "t2.rules.issued": NA, "fee.billed": Decimal("0.2"), "t3.r2.np": NA},
                     {"t3.r2.np": 4}])
    assert got["t3.r1.np"] == 5 and type(got["t3.r1.np"]) is int
    assert got["t2.rules.issued"] == NA  # every report says 不适用
    assert got["t3.r2.np"] == 4  # 「/」 counts as 0 beside a number
    assert got["fee.billed"] == Decimal("0.3")  # not 0.30000000000000004
    assert "t3.r3_1.np" not in got  # nobody filled it


def test_rollup_is_checked_by_the_figure_rules():
    a = Report(cells={"t3.r1.tot": 5, "t3.r1.np": 5})
    b = Report(cells={"t3.r1.tot": 1, "t3.r1.np": 2})  # its own row total is off by one
    r = roll_up([("a", a), ("b", b)], [("c.pdf", "c.pdf：文件已损坏")])
    assert r.count == 2 and r.left_out == [("c.pdf", "c.pdf：文件已损坏")]
    assert any(f.rule == "T3.ROW_TOTAL" and "t3.r1.tot" in f.cells for f in r.findings)


def test_key_figures_and_year_on_year():
    cells = {"t3.r1.tot": 40, "t3.r3_1.tot": 10, "t3.r3_7.tot": 30, "t4.direct.tot": 2, "t4.after.tot": NA}
    k = key_values(cells)
    assert k["received"] == 40 and k["open_rate"] == Decimal("33.33") and k["lawsuit"] == 2
    assert k["review"] is None  # blank is not 0
    last = key_values({"t3.r1.tot": 25, "t3.r3_1.tot": 10, "t3.r3_7.tot": 20})
    yoy = year_on_year(k, last)
    assert yoy["received"] == 15 and yoy["open_rate"] == Decimal("-16.67") and yoy["lawsuit"] is None


def _r(organ, year):
    return Report(meta=Meta(organ=organ, year=year))


def test_prior_is_the_year_before_of_the_same_organ():
    assert organ_key("甲　局 ") == organ_key("甲局")
    now = _r("甲局", 2025)
    cands = [("old", _r("甲局", 2022)), ("last", _r("甲局", 2024)), ("same", _r("甲局", 2025))]
    assert choose_prior(now, cands)[0] == "last"
    assert choose_prior(now, cands[:1])[0] == "old"
    assert choose_prior(now, cands[2:]) is None


def test_worst_first():
    bad = BatchEntry("b", Report(), [Finding("T3.BALANCE", (), "x", "k")])
    warn = BatchEntry("a", Report(), [Finding("T3.OTHER_HIGH", (), "x", "k")])
    unread = BatchEntry("z", error="z：坏了")
    assert [e.file for e in worst_first([warn, bad, unread])] == ["z", "b", "a"]
