"""Property: a report rendered in the text shapes PDF-to-text tools and web pages produce reads back
exactly (wrapped labels, vertical group labels, figures on the label's line or the next, one cell per
line with tabs, page footers in the middle of a table, Markdown rows shifted by one cell)."""
from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import read_text
from model import schema as S
from model.values import format_value
from tests.factories import consistent_report


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def render_text(rep, rng: random.Random) -> str:
    width = rng.choice([6, 9, 14, 20, 40, 200])
    sep = rng.choice([" ", "  ", "\t", "\n", "\n\t"])
    figs_on_next_line = rng.random() < 0.4
    vertical = rng.random() < 0.5
    footer_every = rng.choice([0, 7, 13])
    out = [f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}", "", "一、总体情况", "", "正文。", ""]

    def row(label: str, values: list[str]):
        lines = _wrap(label, width)
        figs = sep.join(values)
        if figs_on_next_line or "\n" in sep:
            lines.append(figs)
        else:
            lines[-1] += " " + figs
        out.extend(lines)
        if rng.random() < 0.3:
            out.append("")

    out.append(S.SECTIONS[1].heading)
    for block in S.T2_BLOCKS:
        out.append(block.heading)
        out.append(S.T2_CONTENT_LABEL + " " + " ".join(block.col_labels))
        for rid, lab in block.rows:
            row(lab, [format_value(rep.cells[f"t2.{rid}.{c}"]) for c in block.cols])
    out.append(S.SECTIONS[2].heading)
    out.extend(_wrap(S.T3_NOTE, width))
    out.append("申请人情况 自然人 法人或其他组织 总计商业企业 科研机构 社会公益组织 法律服务机构 其他")
    seen = set()
    for rid, lab, gid in S.T3_ROWS:
        if rid == "r3_1":
            out.extend(_wrap(S.T3_RESULTS_GROUP, 3) if vertical else [S.T3_RESULTS_GROUP])
        if gid and gid not in seen:
            seen.add(gid)
            out.extend(_wrap(S.T3_GROUPS[gid].label, 3) if vertical else [S.T3_GROUPS[gid].label])
        row(lab, [str(rep.cells[f"t3.{rid}.{c}"]) for c in S.T3_COL_IDS])
    out.append(S.SECTIONS[3].heading)
    out.append("行政复议 行政诉讼")
    out.extend(["结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计", "未经复议直接起诉 复议后起诉"])
    out.append(sep.join(str(rep.cells[f"t4.{g}.{c}"]) for g, _ in S.T4_GROUPS for c, _ in S.T4_COLS))
    out += ["", S.SECTIONS[4].heading, "无。", S.SECTIONS[5].heading, "未收取信息处理费。"]
    if footer_every:
        with_footers = []
        for i, line in enumerate(out):
            with_footers.append(line)
            if i and i % footer_every == 0:
                with_footers += ["", f"-{i // footer_every}-", "\f"]
        out = with_footers
    return "\n".join(out)


def _table_cells(rep):
    return {c: rep.cells.get(c) for c in S.TABLE_CELL_IDS}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**9), shape=st.integers(0, 10**9))
def test_text_shapes_read_exactly(seed, shape):
    rep = consistent_report(random.Random(seed), maxv=200)
    text = render_text(rep, random.Random(shape))
    result = read_text(text)
    assert _table_cells(result.report) == _table_cells(rep), result.summary()
    assert result.report.meta.organ == rep.meta.organ and result.report.meta.year == rep.meta.year


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**9), shift=st.sets(st.sampled_from([r for r, _, _ in S.T3_ROWS]), max_size=5))
def test_markdown_rows_shifted_read_exactly(seed, shift):
    rep = consistent_report(random.Random(seed), maxv=60)
    lines = [f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}", S.SECTIONS[2].heading,
             "| " + S.T3_NOTE + " | | 申请人情况 | | | | | | 总计 | |", "|---|---|---|---|---|---|---|---|---|---|"]
    for rid, lab, _gid in S.T3_ROWS:
        vals = [str(rep.cells[f"t3.{rid}.{c}"]) for c in S.T3_COL_IDS]
        cells = ([lab] if rid in shift else ["", lab]) + vals
        cells += [""] * (10 - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
    lines.append(S.SECTIONS[3].heading)
    result = read_text("\n".join(lines))
    got = result.report.cells
    assert {c: got.get(c) for c in S.TABLE_CELL_IDS if c.startswith("t3.")} == \
        {c: rep.cells[c] for c in S.TABLE_CELL_IDS if c.startswith("t3.")}, result.summary()


def test_unknown_row_is_reported_not_merged():
    rep = consistent_report(random.Random(2), maxv=20)
    text = render_text(rep, random.Random(0)).replace(
        "（七）总计", "（八）本机关自定义的其他情况统计 1 0 0 0 0 0 1\n（七）总计", 1)
    result = read_text(text)
    assert _table_cells(result.report) == _table_cells(rep)
    assert any(p.kind == "unrecognised_label" and "自定义" in p.message for p in result.problems)


def test_t2_label_mentioned_in_prose_first():
    text = ("某局2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n本年度制发规章1件，行政规范性文件2件。\n"
            "第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 0 3\n行政规范性文件 2 1 9\n"
            "三、收到和处理政府信息公开申请情况")
    cells = read_text(text).report.cells
    assert [cells[f"t2.rules.{c}"] for c in ("issued", "repealed", "in_force")] == [1, 0, 3]
    assert [cells[f"t2.normative.{c}"] for c in ("issued", "repealed", "in_force")] == [2, 1, 9]


def test_fee_sentences():
    from decimal import Decimal

    from ingest.fees import read_fees

    cells, _ = read_fees("本年度收取的总金额为5元。发出收费通知2件，总金额为10元，实际收取的总金额为5元。")
    assert cells == {"fee.notices": 2, "fee.billed": Decimal("10"), "fee.collected": Decimal("5")}
    assert read_fees("本机关未收取信息处理费。")[0] == {}
    cells, problems = read_fees("全年收取信息处理费0.39万元。")
    assert cells == {"fee.collected": Decimal("3900")} and problems


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**9), edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 2),
                                                            st.sampled_from("的之一和理果本其他（）、。")), max_size=25))
def test_garbled_labels_never_give_a_wrong_figure(seed, edits):
    """Typos and stray characters in the labels (never in the figures): every figure read is the true one."""
    rep = consistent_report(random.Random(seed), maxv=300)
    chars = list(render_text(rep, random.Random(seed + 1)))
    for where, op, ch in edits:
        i = int(where * (len(chars) - 1))
        if chars[i].isdigit() or chars[i].isspace() or chars[i] == ".":
            continue
        chars[i] = "" if op == 0 else chars[i] + ch if op == 1 else ch
    result = read_text("".join(chars))
    got = result.report.cells
    assert [c for c in S.TABLE_CELL_IDS if c in got and got[c] != rep.cells[c]] == []
    reported = {c for p in result.problems for c in p.cells}
    assert [c for c in S.TABLE_CELL_IDS if c not in got and c not in reported] == [], "a blank must be reported"


def test_one_cell_per_line_keeps_empty_cells_in_place():
    from tests.conftest import SEEDS, sample_files

    text = sample_files(SEEDS, "002_*.txt")[0].read_text(encoding="utf-8")
    row = "\t一、本年新收政府信息公开申请数量\n\t10\xa0\n\t0\xa0\n\t\xa00\n"
    assert row in text
    result = read_text(text.replace(row, "\t一、本年新收政府信息公开申请数量\n\t10\xa0\n\t0\xa0\n\t\n", 1))
    cells = result.report.cells
    # the empty cell stays 科研机构's; the printed figures already make 总计, so it is 0, and the note says so
    assert [cells.get(f"t3.r1.{c}") for c in S.T3_COL_IDS] == [10, 0, 0, 0, 0, 0, 10]
    assert [p.cells for p in result.problems if "空白的申请人单元格" in p.message] == [("t3.r1.res",)]


def test_layout_text_blank_cells_placed_by_column():
    from tests.conftest import REAL_PDF

    text = (REAL_PDF / "huaian_city_2024.layout.txt").read_text(encoding="utf-8")
    row = "二、上年结转政府信息公开申请数量                34          0        0        0        0    0    34"
    assert row in text
    blanked = "二、上年结转政府信息公开申请数量                34                   0        0        0         34"
    result = read_text(text.replace(row, blanked, 1))
    cells = result.report.cells
    assert [cells.get(f"t3.r2.{c}") for c in S.T3_COL_IDS] == [34, 0, 0, 0, 0, 0, 34]
    # the two blanks are 商业企业's and 其他's (placed by column), 0 as the printed figures make 总计
    assert [p.cells for p in result.problems if "空白的申请人单元格" in p.message] == [("t3.r2.biz", "t3.r2.oth")]
    # everything else as published
    full = read_report_cells(REAL_PDF / "huaian_city_2024.layout.txt")
    assert {k: v for k, v in cells.items() if not k.startswith("t3.r2.")} == \
        {k: v for k, v in full.items() if not k.startswith("t3.r2.")}


def read_report_cells(path):
    from ingest import read_report

    return read_report(path).report.cells


def test_tab_separated_rows_keep_empty_cells():
    rep = consistent_report(random.Random(4), maxv=30)
    lines = [f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}", S.SECTIONS[2].heading]
    for rid, lab, _ in S.T3_ROWS:
        vals = [str(rep.cells[f"t3.{rid}.{c}"]) for c in S.T3_COL_IDS]
        if rid == "r3_2":
            vals[3] = ""
        lines.append("\t".join([lab] + vals))
    lines.append(S.SECTIONS[3].heading)
    cells = read_text("\n".join(lines)).report.cells
    assert "t3.r3_2.npo" not in cells
    assert all(cells[c] == rep.cells[c] for c in S.TABLE_CELL_IDS if c.startswith("t3.") and c != "t3.r3_2.npo")


def test_table_of_contents_does_not_take_the_headings():
    heads = [s.heading for s in S.SECTIONS]
    text = "\n".join(["某局2024年政府信息公开工作年度报告", "目录"] + heads + [
        heads[0], "正文一。", heads[1], "规章 1 2 3", heads[2], heads[3], heads[4], "正文五。", heads[5], "正文六。"])
    rep = read_text(text).report
    assert rep.sections == {"s0": "", "s1": "正文一。", "s5": "正文五。", "s6": "正文六。"}
    assert rep.cells["t2.rules.in_force"] == 3


def test_headings_as_printed_without_markup_or_run_on_text():
    text = ("## 某局2024年政府信息公开工作年度报告\n## 一、总体情况 2024年，我局依法公开。\n"
            "**2、 主动公开政府信息情况**\n四、政府信息公开行政法复议、行政诉讼情况\n无")
    rep = read_text(text).report
    assert rep.headings == {"s1": "一、总体情况", "s2": "2、 主动公开政府信息情况",
                            "s4": "四、政府信息公开行政法复议、行政诉讼情况"}
    assert rep.sections["s1"] == "2024年，我局依法公开。"


def test_lines_broken_mid_sentence_are_joined_but_subheadings_kept():
    text = ("某局2024年政府信息公开工作年度报告\n一、总体情况\n2023 年，\n本机关坚持以习近平新时代中国特色社会\n"
            "主义思想为指导，推进工作规范、\n有序、\n健康发展。\n（一）主动公开情况\n全年主动公开信息 20 条。\n"
            "二、主动公开政府信息情况")
    rep = read_text(text).report
    assert rep.sections["s1"] == ("2023 年，本机关坚持以习近平新时代中国特色社会主义思想为指导，推进工作规范、有序、健康发展。\n"
                                  "（一）主动公开情况\n全年主动公开信息 20 条。")
