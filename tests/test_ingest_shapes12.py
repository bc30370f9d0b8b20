"""Shapes real reports come in (issue 12), made from the samples: a scraped page's field lines before a body
without a title (item 2), and an old-format （六） row printed as 0 (item 6).  Each asserts exact cells against
the sample's expected figures and the summary's notes."""
from __future__ import annotations

import json
import re

import pytest

from ingest import read_text
from model.values import format_value
from tests.conftest import EXPECTED, REAL_PDF, SEEDS, sample_files

SEED_FILES = sample_files(SEEDS, "*.txt")


def _expected(stem: str) -> dict:
    return json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))


def _cells(result) -> dict:
    return {c: format_value(v) for c, v in result.report.cells.items()}


def _body(text: str) -> str:
    """The body from 「一、总体情况」 on (title and preamble cut off, as on a scraped page)."""
    m = re.search(r"^\s*一\s*[、.．]\s*总体情况", text, re.M)
    assert m, "the sample has its heading 一"
    return text[m.start():]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_field_lines_give_title_organ_and_date_when_the_body_has_no_title(path):
    exp = _expected(path.stem)
    body = _body(path.read_text(encoding="utf-8"))
    title = f"{exp['organ']}{exp['year']}年度政府信息公开工作年度报告"
    page = "\n".join([f"标题：{title}", f"发布机构：{exp['organ']}", "发布时间：2025-01-20 10:30",
                      "文号：无", "", body])
    plain = read_text(body)  # the same body without the field lines: no title
    assert plain.report.meta.title is None
    result = read_text(page, path.name)
    meta = result.report.meta
    assert meta.title == title
    assert meta.organ == exp["organ"]
    assert meta.year == exp["year"]
    assert meta.published == "2025-01-20"
    assert "未找到报告标题" not in result.summary()
    assert "发布机构" not in result.report.sections.get("s0", "")
    assert _cells(result) == _cells(plain)


@pytest.mark.parametrize("path", SEED_FILES[:2], ids=lambda p: p.stem)
def test_several_fields_on_one_line(path):
    """「名 称: …年度报告 发布日期: 2025-01-20」: each field ends where the next one's label starts."""
    exp = _expected(path.stem)
    title = f"{exp['organ']}{exp['year']}年政府信息公开工作年度报告"
    page = f"名 称: {title} 发布日期: 2025-01-20\n" + _body(path.read_text(encoding="utf-8"))
    meta = read_text(page, path.name).report.meta
    assert (meta.title, meta.organ, meta.year, meta.published) == (title, exp["organ"], exp["year"], "2025-01-20")


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_year_from_the_statistics_period_when_no_title_says_it(path):
    exp = _expected(path.stem)
    body = _body(path.read_text(encoding="utf-8"))
    text = f"本报告统计期限为{exp['year']}年1月1日至{exp['year']}年12月31日。\n" + body.replace(str(exp["year"]), "本")
    assert read_text(text).report.meta.year == exp["year"]


@pytest.mark.parametrize("path", [REAL_PDF / "hongze_2023.layout.txt", REAL_PDF / "hongze_2023.pdf"],
                         ids=lambda p: p.name)
def test_old_format_other_row_of_zeros_fills_its_three_parts(path):
    """hongze prints （六）其他处理 as one row of 0s: every t3 cell is exact, the parts are 0, nothing blank."""
    from ingest import read_report

    exp = _expected("hongze_2023")["cells"]
    result = read_report(path)
    got = _cells(result)
    assert {c: got.get(c) for c in exp} == {c: str(v) for c, v in exp.items()}
    assert all(got[f"t3.r3_6_{k}.{c}"] == "0" for k in (1, 2) for c in ("np", "biz", "res", "npo", "law", "oth", "tot"))
    notes = [p.message for p in result.problems if p.kind == "old_format"]
    assert len(notes) == 1 and "均记为 0" in notes[0] and "留空" not in notes[0]


def test_old_format_other_row_with_figures_still_leaves_its_parts_blank():
    """Made from the factory: the collapsed row printing 2 cannot be split, so 1. and 2. stay blank."""
    import random

    from model import schema as S
    from tests.factories import consistent_report
    from tests.test_ingest_t3_groups import _text

    rep = consistent_report(random.Random(3), maxv=20)
    rep.cells[S.t3("r3_6_1", "np")] += 2
    rep.cells[S.t3("r3_6_1", "tot")] += 2
    result = read_text(_text(rep, {"r3_6"}))
    assert all(result.report.cells.get(S.t3(r, "tot")) is None for r in ("r3_6_1", "r3_6_2"))
    assert any("留空" in p.message for p in result.problems if p.kind == "old_format")


S5_VARIANTS = ["五、存在的问题及整改措施", "五、存在的主要问题和改进情况", "五、存在的主要问题及改进措施",
               "（五）存在的主要问题及改进措施", "5、存在的主要问题及改进情况", "五、存在的主要问题及\n改进情况",
               "五、存在的主要问题及\n\f\n改进措施"]


@pytest.mark.parametrize("variant", S5_VARIANTS, ids=range(len(S5_VARIANTS)))
def test_section_five_heading_variants_keep_the_section(variant):
    """The heading of 五 as agencies word and wrap it (a page break inside): the section's text, the cells and
    the printed heading are kept; a wording other than the official one is S.HEADINGS (format.md)."""
    from model.engine import check

    text = (REAL_PDF / "huaian_city_2024.layout.txt").read_text(encoding="utf-8")
    m = re.search(r"^[ \t]*五、存在的主要问题及改进情况[ \t]*$", text, re.M)
    assert m
    base = read_text(text)
    result = read_text(text[:m.start()] + variant + text[m.end():])
    assert result.report.sections["s5"] == base.report.sections["s5"]
    assert _cells(result) == _cells(base)
    printed = re.sub(r"\s+", "", variant)
    assert result.report.headings["s5"] == printed
    assert "未找到「五、" not in result.summary()
    if printed != "五、存在的主要问题及改进情况":
        assert any(f.rule == "S.HEADINGS" and "s5" in f.key + str(f.span) for f in check(result.report))


def _one_paragraph(stem: str) -> str:
    """The real report as a web archive gives it: one line, no spaces, every figure of a row run together
    (the sample's source line and the PDF's page numbers are no part of a web page)."""
    text = (REAL_PDF / f"{stem}.layout.txt").read_text(encoding="utf-8")
    text = re.sub(r"^source:.*\n", "", text)
    text = re.sub(r"(?m)^\s*-?\s*\d{1,3}\s*-?\s*$", "", text)
    return re.sub(r"\s+", "", text)


# Cells the one-paragraph text does not determine, and why; every other cell must be read exactly.
ONE_PARAGRAPH_UNDETERMINED = {
    # table 二 has no identity: 「规章1011」 is 1 0 11 or 10 1 1, 「行政规范性文件82666」 six ways; 复议后起诉
    # 「1211620」 is 12 1 1 6 20, 1 2 1 16 20 or 1 2 11 6 20 (each adds up to 20)
    "huaian_city_2024": {f"t2.{r}.{c}" for r in ("rules", "normative") for c in ("issued", "repealed", "in_force")}
                        | {f"t4.after.{c}" for c in ("upheld", "corrected", "other", "pending")},
    # the report's own table 四 does not add up (行政复议 10 + 1 ≠ 0): no split of 「1010000000050000」 can be checked
    "hongze_2023": {f"t4.{g}.{c}" for g in ("review", "direct", "after")
                    for c in ("upheld", "corrected", "other", "pending", "tot")},
}


@pytest.mark.parametrize("stem", ["huaian_city_2024", "hongze_2023"])
def test_whole_report_as_one_paragraph(stem):
    """Headings inside running text are found, the title is cut from the preamble, table figures stop at the next
    heading: no figure is wrong, and every cell left blank is named in the summary."""
    from model.schema import SECTIONS

    exp = _expected(stem)
    one = _one_paragraph(stem)
    assert "\n" not in one and "五、存在的" in one
    result = read_text(one)
    meta = result.report.meta
    assert (meta.organ, meta.year) == (exp["organ"], exp["year"])
    assert "未找到" not in " ".join(p.message for p in result.problems if "标题" in p.message)
    assert set(result.report.headings) == {s.id for s in SECTIONS}
    assert result.report.sections["s6"].endswith("元。")  # 六 ends the text, no table digits in it
    got = _cells(result)
    wrong = {c: (got[c], v) for c, v in exp["cells"].items() if c in got and got[c] != str(v)}
    assert not wrong
    named = {c for p in result.problems for c in p.cells}
    assert all(c in got or c in named for c in exp["cells"])
    assert sum(c in got for c in exp["cells"]) >= 0.8 * len(exp["cells"])
    assert {c for c in exp["cells"] if c not in got} == ONE_PARAGRAPH_UNDETERMINED[stem], result.summary()
    doubtful = {c for p in result.problems if p.kind in ("ambiguous", "unreadable") for c in p.cells}
    assert ONE_PARAGRAPH_UNDETERMINED[stem] <= doubtful


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_reports_as_one_paragraph(path):
    """The other samples run into one line the same way (their tables as printed: figures one per line, rows,
    Markdown): every cell is read exactly, except where several readings fit (table 二 has no identity), and
    those are named with the true figures among the candidates."""
    exp = _expected(path.stem)
    text = re.sub(r"^source:.*\n", "", path.read_text(encoding="utf-8"))
    one = re.sub(r"\s+", "", re.sub(r"(?m)^\s*[-－—]\s*\d{1,3}\s*[-－—]\s*$", "", text))
    result = read_text(one)
    got = _cells(result)
    assert (result.report.meta.organ, result.report.meta.year) == (exp["organ"], exp["year"])
    assert {c: got[c] for c in exp["cells"] if c in got} == {c: str(v) for c, v in exp["cells"].items() if c in got}
    blank = {c for c in exp["cells"] if c not in got}
    for p in result.problems:
        if blank & set(p.cells):
            assert p.kind == "ambiguous", p.message
            assert {c: str(exp["cells"][c]) for c in p.cells} in \
                [{c: format_value(v) for c, v in cand.items()} for cand in p.candidates]
    assert blank <= {c for p in result.problems for c in p.cells}
    assert len(blank) <= 3, result.summary()


def _md_row(cols) -> str:
    return "| " + " | ".join(cols) + " |"


def _markdown_tables(stem: str, source=None) -> str:
    """The report as a PDF-to-Markdown converter gives it: table 二 as one small table per block, table 三 with a
    「数据1 | 数据2 …」 header row, that header repeated mid-table and a page footer row inside it.  source: the
    text around the tables (the real PDF's layout text unless given)."""
    from model import schema as S

    cells = _expected(stem)["cells"]
    text = (source or REAL_PDF / f"{stem}.layout.txt").read_text(encoding="utf-8")
    at = {k: re.search(rf"^\s*{k}", text, re.M).start() for k in ("二、主动公开", "三、收到和处理", "四、政府信息公开行政复议")}
    t2 = ["二、主动公开政府信息情况", ""]
    for b in S.T2_BLOCKS:
        t2 += [_md_row([b.heading] + [""] * len(b.cols)), _md_row(["---"] * (len(b.cols) + 1)),
               _md_row([S.T2_CONTENT_LABEL, *b.col_labels])]
        t2 += [_md_row([lab] + [str(cells[f"t2.{rid}.{c}"]) for c in b.cols]) for rid, lab in b.rows] + [""]
    t3 = ["三、收到和处理政府信息公开申请情况", "", _md_row(["数据1"] * 9), _md_row(["---"] * 9)]
    for k, (rid, lab, gid) in enumerate(S.T3_ROWS):
        group = S.T3_GROUPS[gid].label if gid else ""
        t3.append(_md_row([group, lab] + [str(cells[f"t3.{rid}.{c}"]) for c in S.T3_COL_IDS]))
        if k == 8:
            t3 += [_md_row([f"数据{i}" for i in range(1, 10)]), _md_row(["- 4 -"] + [""] * 8)]
    return (text[:at["二、主动公开"]] + "\n".join(t2) + "\n" + "\n".join(t3) + "\n\n"
            + text[at["四、政府信息公开行政复议"]:])


def test_markdown_with_converter_noise():
    stem = "huaian_city_2024"  # hongze prints the old （六） row, no shape of a converter
    exp = _expected(stem)["cells"]
    result = read_text(_markdown_tables(stem))
    got = _cells(result)
    assert {c: got.get(c) for c in exp} == {c: str(v) for c, v in exp.items()}
    assert not [p for p in result.problems if p.cells and p.kind != "old_format"]


MD_SOURCES = {"huaian_city_2024": None, **{p.stem: p for p in SEED_FILES if p.stem != "002_75fd27514a3859df"}}


def _md_t3_row(text: str, cells: dict, rid: str, group: str, label: str) -> tuple[str, str]:
    """The row as _markdown_tables prints it, and the figures' cells."""
    from model import schema as S

    figures = [str(cells[f"t3.{rid}.{c}"]) for c in S.T3_COL_IDS]
    row = _md_row([group, S.T3_ROW_LABEL[rid]] + figures)
    assert row in text
    return row, " | ".join(figures)


# the group label 「（六）其他处理」 run into the row's label, part of it lost (issue 12, item 4), and the cell
# kept apart from or run into the label column
SWALLOWED = "(六)其2.申请人逾期未按收费通知要求他处理府信息公开申请缴"


@pytest.mark.parametrize("stem", sorted(MD_SOURCES))
@pytest.mark.parametrize("shape", ["group cell", "one cell", "label cell", "head in row above", "head in row above, no group"])
def test_markdown_label_cell_that_swallowed_the_next_rows_label(stem, shape):
    """The row whose label came out garbled is placed between its neighbours and checked by every identity."""
    from model import schema as S

    exp = _expected(stem)["cells"]
    text = _markdown_tables(stem, MD_SOURCES[stem])
    group = S.T3_GROUPS["r3_6"].label
    row2, figs2 = _md_t3_row(text, exp, "r3_6_2", group, "")
    row1, figs1 = _md_t3_row(text, exp, "r3_6_1", group, "")
    cut = len("2.申请人逾期未按收费通知要求")
    head, tail = S.T3_ROW_LABEL["r3_6_2"][:cut], S.T3_ROW_LABEL["r3_6_2"][cut:]
    new = {"group cell": {row2: f"| {SWALLOWED} |  | {figs2} |"},
           "one cell": {row2: f"| {SWALLOWED} | {figs2} |"},
           "label cell": {row2: f"|  | {SWALLOWED} | {figs2} |"},
           "head in row above": {row1: f"| {group} | {S.T3_ROW_LABEL['r3_6_1']}{head} | {figs1} |",
                                 row2: f"| {group} | {tail} | {figs2} |"},
           "head in row above, no group": {row1: f"|  | {S.T3_ROW_LABEL['r3_6_1']}{head} | {figs1} |",
                                           row2: f"|  | {tail} | {figs2} |"}}[shape]
    for a, b in new.items():
        text = text.replace(a, b)
    result = read_text(text)
    got = _cells(result)
    assert {c: got.get(c) for c in exp} == {c: str(v) for c, v in exp.items()}, result.summary()
    assert not [p for p in result.problems if p.kind in ("unreadable", "ambiguous", "missing", "unrecognised_label")]
    if shape in ("group cell", "one cell", "label cell"):
        assert any(p.kind == "note" and SWALLOWED in p.message and "t3.r3_6_2.np" in p.cells for p in result.problems)


def test_markdown_garbled_label_with_figures_that_break_the_identities_stays_blank():
    """The same garbled row printing figures that do not fit the table: it is not taken, and it is named."""
    from model import schema as S

    stem = "huaian_city_2024"
    exp = _expected(stem)["cells"]
    text = _markdown_tables(stem)
    row2, figs2 = _md_t3_row(text, exp, "r3_6_2", S.T3_GROUPS["r3_6"].label, "")
    text = text.replace(row2, f"| {SWALLOWED} |  | {figs2.replace('6', '7')} |")
    result = read_text(text)
    got = _cells(result)
    assert not any(c.startswith("t3.r3_6_2.") for c in got)
    assert {c: got.get(c) for c in exp if not c.startswith("t3.r3_6_2.")} == \
        {c: str(v) for c, v in exp.items() if not c.startswith("t3.r3_6_2.")}
    named = {c for p in result.problems for c in p.cells}
    assert {c for c in exp if c.startswith("t3.r3_6_2.")} <= named
    assert any(p.kind == "unrecognised_label" and SWALLOWED[:30] in p.message for p in result.problems)


def _legal_person_group_empty(text: str, only_zero: bool = True) -> tuple[str, set]:
    """Table 三 with a two-row header whose 法人或其他组织 cells are empty but for the group's name, and each row
    whose five legal-person figures are 0 printed with only 自然人 and 总计 (the cells between empty)."""
    out, emptied = [], set()
    for line in text.split("\n"):
        if line.startswith("| 数据1 | 数据1"):
            out += [_md_row(["申请人情况", "", "自然人", "法人或其他组织", "", "", "", "", "总计"]), _md_row(["---"] * 9),
                    _md_row(["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])]
            continue
        if line.startswith("| ---") and out and "| 商业企业 |" in out[-1]:
            continue
        cs = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if len(cs) == 9 and all(re.fullmatch(r"\d+", c) for c in cs[2:]) and (not only_zero or set(cs[3:8]) == {"0"}):
            emptied.add(cs[1])
            line = _md_row(cs[:3] + [""] * 5 + cs[8:])
        out.append(line)
    return "\n".join(out), emptied


@pytest.mark.parametrize("stem", sorted(MD_SOURCES))
def test_markdown_empty_legal_person_columns(stem):
    """A row of only 自然人 and 总计, the two equal: the five empty cells add up to 0, so each is 0 (noted)."""
    exp = _expected(stem)["cells"]
    text, emptied = _legal_person_group_empty(_markdown_tables(stem, MD_SOURCES[stem]))
    assert emptied
    result = read_text(text)
    got = _cells(result)
    assert {c: got.get(c) for c in exp} == {c: str(v) for c, v in exp.items()}, result.summary()
    assert [p.kind for p in result.problems if p.cells] == ["note"]
    assert "空白的申请人单元格" in result.summary() and "空白处均记为 0" in result.summary()


def test_markdown_empty_legal_person_cells_that_do_not_add_up_stay_blank_and_named():
    """Where 自然人 differs from 总计 the empty cells are not known: blank, and named."""
    from model import schema as S

    stem = "huaian_city_2024"
    exp = _expected(stem)["cells"]
    text, _ = _legal_person_group_empty(_markdown_tables(stem), only_zero=False)
    result = read_text(text)
    got = _cells(result)
    assert all(got[c] == str(exp[c]) for c in got if c in exp)
    named = {c for p in result.problems for c in p.cells}
    unequal = [r for r in S.T3_ROW_IDS if exp[f"t3.{r}.np"] != exp[f"t3.{r}.tot"]]
    assert unequal
    for r in unequal:
        for c in ("biz", "res", "npo", "law", "oth"):
            assert f"t3.{r}.{c}" not in got and f"t3.{r}.{c}" in named
