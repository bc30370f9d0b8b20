"""The recovery journal: absolute values per line, replayed in order, a torn last line ends the replay."""
from decimal import Decimal

from model.journal import entry, replay
from model.report import Prior, Report
from model.values import NA


def test_round_trip_of_every_kind_of_target():
    lines = [entry("cell", "t3.r1.np", 41), entry("cell", "t2.fees.amount", Decimal("12.50")),
             entry("cell", "t3.r1.npo", NA), entry("cell", "t3.r1.law", None), entry("meta", "organ", "某局"),
             entry("meta", "year", 2025), entry("section", "s5", "问题\n改进"), entry("explanation", "T3.OTHER_HIGH", "核实无误")]
    report = Report()
    report.cells["t3.r1.law"] = 3
    assert replay(report, lines) == len(lines)
    assert report.cells["t3.r1.np"] == 41 and report.cells["t2.fees.amount"] == Decimal("12.50")
    assert report.cells["t3.r1.npo"] == NA and "t3.r1.law" not in report.cells
    assert report.meta.organ == "某局" and report.meta.year == 2025
    assert report.sections["s5"] == "问题\n改进" and report.explanations["T3.OTHER_HIGH"] == "核实无误"
    assert replay(report, [entry("explanation", "T3.OTHER_HIGH", None)]) == 1
    assert "T3.OTHER_HIGH" not in report.explanations


def test_prior_is_not_journaled():
    assert entry("prior", "", Prior()) is None


def test_torn_or_foreign_line_ends_the_replay():
    good = entry("cell", "t3.r1.np", 41)
    torn = entry("cell", "t3.r1.biz", 6)[:-5]
    report = Report()
    assert replay(report, [good, torn, entry("cell", "t3.r1.res", 1)]) == 1
    assert report.cells == {"t3.r1.np": 41}
    for foreign in ('{"k": "cell", "id": "t9.x", "v": 1}', '{"k": "meta", "id": "level", "v": "planet"}',
                    '{"k": "cell", "id": "t3.r1.np", "v": "abc"}', '[1, 2]', '{"k": "exec", "id": 1, "v": 2}'):
        assert replay(Report(), [foreign]) == 0, foreign
