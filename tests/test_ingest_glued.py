"""Figures run together with no separator are decoded with the form's identities, or reported."""
from __future__ import annotations

import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import IngestError, glued, read_text
from model import schema as S
from model.values import format_value
from tests.factories import consistent_report


def render_glued(report, sep: str = "") -> str:
    """The report as a web page flattens it: labels and figures with no separator between figures."""
    out = [f"{report.meta.organ}{report.meta.year}年政府信息公开工作年度报告", "一、总体情况", "正文。"]
    out.append(S.SECTIONS[1].heading)
    for block in S.T2_BLOCKS:
        out.append(block.heading)
        out.append(S.T2_CONTENT_LABEL + "".join(block.col_labels))
        for rid, lab in block.rows:
            out.append(lab + sep.join(format_value(report.cells[f"t2.{rid}.{c}"]) for c in block.cols))
    out.append(S.SECTIONS[2].heading)
    out.append(S.T3_NOTE + S.T3_APPLICANT + "自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")
    line = ""
    shown_groups = set()
    for rid, lab, gid in S.T3_ROWS:
        if rid == "r3_1":
            line += S.T3_RESULTS_GROUP
        if gid and gid not in shown_groups:
            shown_groups.add(gid)
            line += S.T3_GROUPS[gid].label
        line += lab + sep.join(str(report.cells[f"t3.{rid}.{c}"]) for c in S.T3_COL_IDS)
    out.append(line)  # the whole table on one line: each row's digits run into the next label
    out.append(S.SECTIONS[3].heading)
    out.append("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
               "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计")
    out.append(sep.join(str(report.cells[f"t4.{g}.{c}"]) for g, _ in S.T4_GROUPS for c, _ in S.T4_COLS))
    out += [S.SECTIONS[4].heading, "无。", S.SECTIONS[5].heading, "未收取信息处理费。"]
    return "\n".join(out)


def _check_never_wrong(report, result):
    got = result.report.cells
    reported = {c for p in result.problems for c in p.cells}
    for cid in S.TABLE_CELL_IDS:
        want = report.cells[cid]
        if cid in got:
            assert got[cid] == want, (cid, got[cid], want, result.summary())
        else:
            assert cid in reported, (cid, result.summary())
    for p in result.problems:
        if p.kind == "ambiguous":
            truth = {c: report.cells[c] for c in p.cells}
            assert truth in p.candidates, (p.message, truth)


def test_spaced_rendering_reads_exactly():
    rep = consistent_report(random.Random(1))
    result = read_text(render_glued(rep, sep=" "))
    assert {c: result.report.cells.get(c) for c in S.TABLE_CELL_IDS} == {c: rep.cells[c] for c in S.TABLE_CELL_IDS}


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**9), maxv=st.sampled_from([3, 12, 40, 150]))
def test_glued_decodes_to_itself_or_is_reported(seed, maxv):
    rep = consistent_report(random.Random(seed), maxv=maxv)
    result = read_text(render_glued(rep))
    _check_never_wrong(rep, result)


def test_glued_zero_table_is_unique():
    rng = random.Random(0)
    rep = consistent_report(rng, maxv=0)
    for cid in S.TABLE_CELL_IDS:
        if not cid.startswith("t2.fees"):
            rep.cells[cid] = 0
    result = read_text(render_glued(rep))
    _check_never_wrong(rep, result)
    assert all(c in result.report.cells for c in S.TABLE_CELL_IDS if c.startswith(("t3.", "t4.")))


def test_issue_example_row():
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量352001038\n四、政府信息公开行政复议、行政诉讼情况"
    cells = read_text(text).report.cells
    assert [cells[f"t3.r1.{c}"] for c in S.T3_COL_IDS] == [35, 2, 0, 0, 1, 0, 38]


def test_row_label_digit_follows_glued_digits():
    text = ("三、收到和处理政府信息公开申请情况\n（三）不予公开1.属于国家秘密10000012.其他法律行政法规禁止公开0000000"
            "3.危及“三安全一稳定”0000000\n四、政府信息公开行政复议、行政诉讼情况")
    cells = read_text(text).report.cells
    assert [cells[f"t3.r3_3_1.{c}"] for c in S.T3_COL_IDS] == [1, 0, 0, 0, 0, 0, 1]
    assert [cells[f"t3.r3_3_2.{c}"] for c in S.T3_COL_IDS] == [0] * 7


def test_ambiguous_t4_reports_candidates():
    # 72 64 178 37 351 | 13 4 8 1 26 | 12 1 1 6 20 glued: the last group has three valid splits
    text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议总计\n72641783735113481261211620\n五、存在的主要问题及改进情况\n无"
    result = read_text(text)
    cells = result.report.cells
    assert cells["t4.review.tot"] == 351 and cells["t4.direct.tot"] == 26
    amb = [p for p in result.problems if p.kind == "ambiguous"]
    assert amb and "t4.after.upheld" in amb[0].cells and "t4.after.upheld" not in cells
    assert {"t4.after.upheld": 12, "t4.after.corrected": 1, "t4.after.other": 1} in [
        {k: v for k, v in c.items() if k in ("t4.after.upheld", "t4.after.corrected", "t4.after.other")}
        for c in amb[0].candidates]


def test_inconsistent_glued_row_is_not_guessed():
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量3520010399\n四、政府信息公开行政复议"
    result = read_text(text)
    assert "t3.r1.tot" not in result.report.cells
    assert any("t3.r1.tot" in p.cells for p in result.problems)


def test_long_digit_runs_end_quickly():
    digits = "7" * 900_000
    t = time.perf_counter()
    result = read_text("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量" + digits + "\n" + digits)
    assert time.perf_counter() - t < 10
    assert "t3.r1.tot" not in result.report.cells
    assert any("过长" in p.message for p in result.problems)


def test_ten_megabytes_of_digits_is_refused_clearly():
    t = time.perf_counter()
    try:
        read_text("1" * 10_000_000)
        raise AssertionError("should be refused")
    except IngestError as e:
        assert "过长" in str(e)
    assert time.perf_counter() - t < 5


def test_split_budget_is_bounded():
    t = time.perf_counter()
    try:
        glued.split_t4(["1" * 60])
    except glued.TooHard:
        pass
    assert time.perf_counter() - t < 5


def _labels_then_figures(report, column_major: bool) -> str:
    lines = ["三、收到和处理政府信息公开申请情况"]
    lines += [lab for _, lab, _ in S.T3_ROWS]
    rows = [[report.cells[f"t3.{r}.{c}"] for c in S.T3_COL_IDS] for r, _, _ in S.T3_ROWS]
    if column_major:
        lines += [str(rows[i][j]) for j in range(7) for i in range(len(rows))]
    else:
        lines += [" ".join(map(str, row)) for row in rows]
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return "\n".join(lines)


def test_figures_listed_after_all_labels():
    for seed in range(5):
        rep = consistent_report(random.Random(seed), maxv=50)
        for column_major in (False, True):
            result = read_text(_labels_then_figures(rep, column_major))
            got = result.report.cells
            t3 = [c for c in S.TABLE_CELL_IDS if c.startswith("t3.")]
            wrong = [c for c in t3 if c in got and got[c] != rep.cells[c]]
            assert not wrong
            assert all(c in got for c in t3), result.summary()
            assert any(p.kind == "note" for p in result.problems)
