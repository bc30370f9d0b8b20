"""Which part of the window a finding sends the clerk to."""
from gui.parts import part_of
from model.engine import check
from model.findings import Finding
from model.report import Meta, Report


def test_part_of_findings():
    assert part_of(Finding("T3.BALANCE", ("t3.r1.np",), "m", "k")) == "s3"
    assert part_of(Finding("T4.SUM", ("t4.review.tot",), "m", "k")) == "s4"
    assert part_of(Finding("FEE.BOUNDS", ("fee.billed",), "m", "k")) == "s6"
    assert part_of(Finding("N.RECEIVED", ("t3.r1.tot",), "m", "k", span=("s1", 3, 9))) == "s1"
    assert part_of(Finding("S.TITLE", (), "m", "S.TITLE")) == "meta"
    by_rule = {f.rule: part_of(f) for f in check(Report(meta=Meta(year=2025)))}
    assert by_rule["S.S5_PARTS"] == "s5" and by_rule["FEE.MENTION"] == "s6" and by_rule["VALUE.BLANK"] in ("s2", "s3", "s4")
