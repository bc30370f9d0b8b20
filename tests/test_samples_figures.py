"""The true figures of the seven real reports, checked through the command line as a supervisor would:
the figure rules report what expected_findings lists, and no other error."""
import json

import pytest

import main
from model.fileformat import save
from tests.factories import expected_files, expected_report

FIGURE_RULES = {"T3.LEAF_SUM", "T3.BALANCE", "T3.ROW_TOTAL", "T3.OTHER_HIGH", "T4.SUM", "VALUE.COUNT",
                "VALUE.BLANK", "T2.RULES_LEVEL", "X.CARRY", "X.IN_FORCE", "FEE.BOUNDS", "FEE.NOTICE_ROWS",
                "FEE.FIGURES"}


@pytest.mark.parametrize("path", expected_files(), ids=lambda p: p.stem)
def test_check_json_reports_expected_figure_findings(path, tmp_path, capsys):
    report, data = expected_report(path)
    out = tmp_path / f"{path.stem}.nianbao"
    save(report, out)
    code = main.main(["check", str(out), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert len(result) == 1 and result[0]["file"] == str(out)
    findings = result[0]["findings"]
    got = {(f["rule"], f["severity"]) for f in findings if f["rule"] in FIGURE_RULES}
    want = {(f["rule"], f["severity"]) for f in data["expected_findings"] if f["rule"] in FIGURE_RULES}
    assert got == want
    # the narrative is not in these files, so only figure errors can appear; all must be expected
    figure_errors = {f["rule"] for f in findings if f["severity"] == "error" and f["rule"] in FIGURE_RULES}
    assert figure_errors == {r for r, s in want if s == "error"}
    assert code == (1 if any(f["severity"] == "error" for f in findings) else 0)
    for cid, value in data["cells"].items():
        assert result[0]["values"][cid] == value


def test_hongze_t4_findings_carry_the_numbers(tmp_path):
    from model.engine import check

    report, _ = expected_report(next(p for p in expected_files() if p.stem == "hongze_2023"))
    found = {f.key: f for f in check(report) if f.rule == "T4.SUM"}
    assert set(found) == {"T4.SUM:review", "T4.SUM:after"}
    assert (found["T4.SUM:review"].expected, found["T4.SUM:review"].actual) == (11, 0)
    assert found["T4.SUM:after"].message == "行政诉讼（复议后起诉）：结果维持5 + 结果纠正0 + 其他结果0 + 尚未审结0 = 5，不等于总计0，相差5"
