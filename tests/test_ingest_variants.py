"""Shapes of real reports beyond the samples: row numbers printed 「（1）」 or 「①」, cells with line breaks,
section headings inside Word/web tables and captions, layout tables, organ and year on separate paragraphs or
as a byline, years in Chinese numerals, bare page numbers, rows broken over pages, and fewer figures than
cells (empty cells are not run-together digits).  Each test fails without the fix it names, except the
guards (test_figure_in_brackets…, test_a_sentence_above…, test_t2_split_taken…, test_run_together_source…,
test_a_reports_own_arithmetic_error…), which keep a new caution from taking away a correct reading."""
from __future__ import annotations

import random
import re

import pytest

from ingest import read_report, read_text
from model import schema as S
from model.values import format_value
from tests.factories import consistent_report

HEADS = [s.heading for s in S.SECTIONS]


def _table_cells(rep):
    return {c: rep.cells.get(c) for c in S.TABLE_CELL_IDS}


def _t3_lines(rep, label=lambda lab: lab, sep=" "):
    out, seen = [], set()
    for rid, lab, gid in S.T3_ROWS:
        if gid and gid not in seen:
            seen.add(gid)
            out.append(S.T3_GROUPS[gid].label)
        out.append(label(lab) + sep + sep.join(str(rep.cells[f"t3.{rid}.{c}"]) for c in S.T3_COL_IDS))
    return out


def _text_report(rep, t3_label=lambda lab: lab, sep=" "):
    lines = [f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}", HEADS[0], "正文。", HEADS[1]]
    for block in S.T2_BLOCKS:
        for rid, lab in block.rows:
            lines.append(lab + " " + " ".join(format_value(rep.cells[f"t2.{rid}.{c}"]) for c in block.cols))
    lines += [HEADS[2], *_t3_lines(rep, t3_label, sep), HEADS[3], "行政复议 行政诉讼",
              " ".join(str(rep.cells[f"t4.{g}.{c}"]) for g, _ in S.T4_GROUPS for c, _ in S.T4_COLS),
              HEADS[4], "无。", HEADS[5], "无。"]
    return "\n".join(lines)


# ---------------------------------------------------------------- row numbers 「（1）」


def test_row_numbers_in_brackets_are_labels_not_figures():
    """「（1）属于国家秘密 3 0 …」: the 1 numbers the row (stream.py parnum, textnorm.label_key)."""
    for seed in range(5):
        rep = consistent_report(random.Random(seed), maxv=40)
        for sep in (" ", "\t", "\u3000"):
            text = _text_report(rep, lambda lab: re.sub(r"^(\d)\.", r"（\1）", lab), sep)
            result = read_text(text)
            assert _table_cells(result.report) == _table_cells(rep), result.summary()


def test_bracketed_row_numbers_are_reported_as_a_label_slip():
    rep = consistent_report(random.Random(1), maxv=40)
    text = _text_report(rep, lambda lab: re.sub(r"^(\d)\.", r"（\1）", lab))
    notes = [m for rule, _, m in read_text(text).report.import_notes if rule == "S.LABELS"]
    assert any("（1）" in m and "官方格式为「1.」" in m for m in notes)


def test_a_row_label_with_a_column_heading_beside_it_is_not_a_wording_change():
    """「总计本年新收…」: OCR put the heading of the column 总计 on the row's line, in place of the 「一、」 it lost:
    the same words; a word missing (「其他法律行政止公开」) is still a change (tables._without_layout_junk)."""
    from ingest.api import build_report
    from ingest.readers.text import text_items

    rep = consistent_report(random.Random(2), maxv=40)

    def as_read(label: str) -> str:
        return label.replace("一、", "总计", 1) if label.startswith("一、") else label.replace("行政法规禁止", "行政止")

    result = build_report(text_items(_text_report(rep, as_read)), "扫描件.pdf", "pdf", read_by_ocr=True)
    notes = [m for rule, _, m in result.report.import_notes if rule == "S.LABELS"]
    assert _table_cells(result.report) == _table_cells(rep), result.summary()
    assert len(notes) == 1 and "行政止公开" in notes[0], notes


def test_an_ordinal_lost_by_ocr_is_not_a_wording_change_but_a_printed_one_is():
    """「上年结转政府信息公开申请数量」 without its 「二、」: OCR reads a lone ordinal poorly, so a scan's label is the
    same words; the same label printed so is a slip (tables._label_note)."""
    from ingest.api import build_report
    from ingest.readers.text import text_items

    rep = consistent_report(random.Random(2), maxv=40)
    text = _text_report(rep, lambda lab: lab.removeprefix("二、"))
    for by_ocr, expected in ((True, 0), (False, 1)):
        result = build_report(text_items(text), "扫描件.pdf", "pdf", read_by_ocr=by_ocr)
        notes = [m for rule, _, m in result.report.import_notes if rule == "S.LABELS"]
        assert _table_cells(result.report) == _table_cells(rep), result.summary()
        assert len(notes) == expected and all("上年结转" in m for m in notes), (by_ocr, notes)


def test_radicals_written_for_ideographs_are_read_as_the_ideographs():
    """「⼀、总体情况」「⾏政复议」「某县⼈⺠政府」: a PDF producer's radicals (U+2F00…, U+2E80…) or compatibility
    ideographs (U+F967 for 不) for the characters they look like; the title, the headings, the text and the
    tables read as if printed right (script.py)."""
    from ingest.script import RADICALS

    rep = consistent_report(random.Random(3), maxv=40)
    rep.meta.organ, rep.meta.year = "某县人民政府", 2024
    text = _text_report(rep).replace("正文。", "全年收到政府信息公开申请1件，行政复议0件，门户网站长期运行。")
    as_radicals = {ord(ch): r for r, ch in RADICALS.items() if r < 0x3000 and ch in text}
    printed = text.translate(as_radicals).replace("不", "\uf967")  # and a compatibility ideograph for 不
    assert "⼀" in printed and "⾏" in printed and "⺠" in printed and "⻔" in printed and "不" not in printed
    result = read_text(printed)
    assert _table_cells(result.report) == _table_cells(rep), result.summary()
    assert result.report.meta.organ == "某县人民政府"
    assert result.report.sections["s1"] == "全年收到政府信息公开申请1件，行政复议0件，门户网站长期运行。"


def test_figure_in_brackets_before_a_figure_stays_a_figure():
    """Only a bracketed number followed by label text is a row number."""
    from ingest.stream import Stream

    st = Stream()
    st.add_text("总计 (3) 4")
    st.finish()
    assert [f.text for f in st.figs] == ["3", "4"]


# ---------------------------------------------------------------- web tables


def _html_table(rep, tid, cell_text):
    t = S.TABLES[tid]
    rows = []
    for r in range(t.nrows):
        tds = []
        for sp in sorted((s for s in t.spans if s.row == r), key=lambda s: s.col):
            attrs = (f' rowspan="{sp.rowspan}"' if sp.rowspan > 1 else "") + \
                    (f' colspan="{sp.colspan}"' if sp.colspan > 1 else "")
            text = format_value(rep.cells.get(sp.cell)) if sp.cell else cell_text(sp.text)
            tds.append(f"<td{attrs}><p>{text}</p></td>")
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


def _html_page(rep, cell_text=lambda t: t, crumb=True):
    out = ["<html><body>"]
    if crumb:
        out.append("<div>首页 &gt; 政务公开 &gt; 政府信息公开年度报告</div>")
    out.append(f"<h1>{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}</h1>")
    for sec in S.SECTIONS:
        out.append(f"<p>{sec.heading}</p>")
        out.append("<p>正文。</p>" if sec.kind == "text" else _html_table(rep, sec.table, cell_text))
    return "\n".join(out + ["</body></html>"])


def test_line_break_after_row_number_in_a_web_cell():
    """「1.<br>信访举报投诉类申请」: the number is still the label's (stream._NUMBERING takes \\n)."""
    rep = consistent_report(random.Random(3), maxv=50)
    page = _html_page(rep, lambda t: re.sub(r"^(\d\.)", r"\1<br>", t))
    result = read_text(page)
    assert _table_cells(result.report) == _table_cells(rep), result.summary()


def test_breadcrumb_above_the_title_is_not_part_of_the_organ():
    rep = consistent_report(random.Random(5), maxv=50)
    meta = read_text(_html_page(rep)).report.meta
    assert (meta.organ, meta.year) == (rep.meta.organ, rep.meta.year)
    assert meta.title == f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}"


def test_heading_in_the_first_row_of_a_web_table():
    rep = consistent_report(random.Random(6), maxv=50)
    page = _html_page(rep, crumb=False)
    for sec in S.SECTIONS:
        if sec.table:  # the heading moves into a first row spanning the table
            page = page.replace(f"<p>{sec.heading}</p>\n<table>",
                                f'<table><tr><td colspan="{S.TABLES[sec.table].ncols}">{sec.heading}</td></tr>', 1)
    assert page.count("<table><tr><td colspan") == 3
    result = read_text(page)
    assert _table_cells(result.report) == _table_cells(rep), result.summary()
    assert not [p for p in result.problems if p.kind == "missing"]


# ---------------------------------------------------------------- Word


def _docx(rep, path, empty_paragraphs=True, heading_in_table=True):
    import docx

    d = docx.Document()

    def para(text):
        d.add_paragraph(text)
        if empty_paragraphs:
            d.add_paragraph("")
    para(rep.meta.organ)
    para(f"{rep.meta.year}{S.TITLE_SUFFIX}")
    for sec in S.SECTIONS:
        if sec.kind == "text":
            para(sec.heading)
            para("正文。")
            continue
        t = S.TABLES[sec.table]
        extra = 1 if heading_in_table else 0
        if not heading_in_table:
            para(sec.heading)
        table = d.add_table(rows=t.nrows + extra, cols=t.ncols)
        if heading_in_table:
            table.cell(0, 0).merge(table.cell(0, t.ncols - 1)).text = sec.heading
        for sp in t.spans:
            cell = table.cell(sp.row + extra, sp.col)
            if sp.rowspan > 1 or sp.colspan > 1:
                cell = cell.merge(table.cell(sp.row + extra + sp.rowspan - 1, sp.col + sp.colspan - 1))
            cell.text = format_value(rep.cells.get(sp.cell)) if sp.cell else sp.text
        if empty_paragraphs:
            d.add_paragraph("")
    d.save(path)


def test_word_headings_inside_tables_and_empty_paragraphs(tmp_path):
    rep = consistent_report(random.Random(8), maxv=60)
    _docx(rep, tmp_path / "r.docx")
    result = read_report(tmp_path / "r.docx")
    assert _table_cells(result.report) == _table_cells(rep), result.summary()
    assert set(result.report.headings) == {s.id for s in S.SECTIONS}


def test_word_organ_and_year_on_paragraphs_separated_by_an_empty_one(tmp_path):
    rep = consistent_report(random.Random(9), maxv=60)
    _docx(rep, tmp_path / "r.docx", heading_in_table=False)
    meta = read_report(tmp_path / "r.docx").report.meta
    assert (meta.organ, meta.year) == (rep.meta.organ, rep.meta.year)
    assert meta.title == f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}"


def test_a_sentence_above_a_year_first_title_is_no_organ():
    text = f"欢迎访问本网站。\n\n2024{S.TITLE_SUFFIX}\n{HEADS[0]}\n正文。"
    meta = read_text(text).report.meta
    assert meta.organ == "" and meta.year == 2024


# ---------------------------------------------------------------- titles


def test_year_in_chinese_numerals():
    for title, year in ((f"某某市人民政府二〇二四{S.TITLE_SUFFIX}", 2024),
                        (f"某某县人民政府\n二○二三{S.TITLE_SUFFIX.replace('年', '年度', 1)}", 2023)):
        meta = read_text(f"{title}\n{HEADS[0]}\n正文。").report.meta
        assert (meta.organ, meta.year) == (title.split("\n")[0][:7], year), title


# ---------------------------------------------------------------- page numbers


def test_a_figure_line_with_a_slash_is_not_a_page_number():
    """「267 / 90」 under 「规章」 is three cells; 「3/6」 stays a page number (textnorm.is_page_furniture)."""
    from ingest.textnorm import is_page_furniture

    assert is_page_furniture("3/6") and is_page_furniture("6 / 6")
    assert not is_page_furniture("267 / 90") and not is_page_furniture("19\u3000/\u3000261")
    text = (f"某市人民政府2025{S.TITLE_SUFFIX}\n{HEADS[0]}\n正文。\n{HEADS[1]}\n规章\n267 / 90\n"
            f"行政规范性文件 424 27 97\n{HEADS[2]}\n")
    cells = read_text(text).report.cells
    assert [cells.get(f"t2.rules.{c}") for c in ("issued", "in_force")] == [267, 90]
    assert format_value(cells.get("t2.rules.repealed")) == "/"


# ---------------------------------------------------------------- Markdown converted from a web page


def test_markdown_cells_with_br_tags_and_entities():
    """「| 2.其他法律行<br/>政法规禁止公开 | … |」 and 「&nbsp;」 (readers/text._web_residue)."""
    rep = consistent_report(random.Random(11), maxv=80)
    marks = ["<br>", "<br/>", "<br />", "&nbsp;", "&#12288;"]
    lines = [f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}", HEADS[0], "正文<br>第二段。", HEADS[2],
             "| 申请人情况 | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |", "|---|---|---|---|---|---|---|---|---|"]
    seen = set()
    for n, (rid, lab, gid) in enumerate(S.T3_ROWS):
        group = ""
        if gid and gid not in seen:
            seen.add(gid)
            group = S.T3_GROUPS[gid].label
        lab = lab[:3] + marks[n % len(marks)] + lab[3:]
        lines.append("| " + " | ".join([group, lab] + [str(rep.cells[f"t3.{rid}.{c}"]) for c in S.T3_COL_IDS]) + " |")
    lines += [HEADS[3], "行政复议 行政诉讼"]
    result = read_text("\n".join(lines))
    got = result.report.cells
    assert {c: got.get(c) for c in S.TABLE_CELL_IDS if c.startswith("t3.")} == \
        {c: rep.cells[c] for c in S.TABLE_CELL_IDS if c.startswith("t3.")}, result.summary()
    assert result.report.sections["s1"] == "正文\n第二段。"


# ---------------------------------------------------------------- table 二: run-together digits or empty cells


def _t2_text(rules: str, normative: str) -> str:
    return (f"某市人民政府2025{S.TITLE_SUFFIX}\n{HEADS[0]}\n正文。\n{HEADS[1]}\n规章 {rules}\n"
            f"行政规范性文件 {normative}\n{HEADS[2]}\n")


def test_t2_row_with_fewer_figures_than_columns_is_not_split_on_a_guess():
    """「行政规范性文件 411」 (a PDF with two empty cells) is not 4, 1, 1 (tables._settle_glued_t2)."""
    result = read_text(_t2_text("1 0 3", "411"))
    cells = result.report.cells
    assert [cells.get(f"t2.rules.{c}") for c in ("issued", "repealed", "in_force")] == [1, 0, 3]
    assert not any(c.startswith("t2.normative.") for c in cells)
    amb = [p for p in result.problems if p.kind == "ambiguous" and "t2.normative.issued" in p.cells]
    assert amb and {"t2.normative.issued": 4, "t2.normative.repealed": 1, "t2.normative.in_force": 1} in amb[0].candidates


def test_t2_split_taken_when_the_source_runs_figures_together():
    # 「003」 cannot be one figure: this table was printed with no separators
    cells = read_text(_t2_text("003", "411")).report.cells
    assert [cells.get(f"t2.normative.{c}") for c in ("issued", "repealed", "in_force")] == [4, 1, 1]
    assert [cells.get(f"t2.rules.{c}") for c in ("issued", "repealed", "in_force")] == [0, 0, 3]


def _report_with_plain_t2(seed: int):
    """A consistent report whose table 二 has no run with a leading zero, so that whether the source is
    run together can only be told from tables 三 and 四."""
    rep = consistent_report(random.Random(seed), maxv=9)
    for rid, vals in (("rules", (4, 1, 1)), ("normative", (5, 2, 7))):
        for c, v in zip(("issued", "repealed", "in_force"), vals):
            rep.cells[f"t2.{rid}.{c}"] = v
    return rep


def test_t2_split_taken_when_tables_three_and_four_decode_as_run_together():
    from tests.test_ingest_glued import render_glued

    for seed in range(40):
        rep = _report_with_plain_t2(seed)
        result = read_text(render_glued(rep))
        got = result.report.cells
        assert all(got[c] == rep.cells[c] for c in S.TABLE_CELL_IDS if c in got)
        if sum(1 for c in S.TABLE_CELL_IDS if c.startswith("t3.") and c in got) == len(S.T3_ROWS) * 7:
            break
    else:
        raise AssertionError("no glued report decoded its table 三")
    assert [got.get(f"t2.rules.{c}") for c in ("issued", "repealed", "in_force")] == [4, 1, 1], result.summary()


# ---------------------------------------------------------------- fewer figures than cells: empty or run together?


def test_t3_row_with_empty_cells_is_not_decoded_as_run_together():
    """「17 0 9 36 26」: five figures and two empty cells, though 1 7 0 9 3 6 26 would add up
    (tables.read_t3 only splits separate runs when the source runs whole rows together)."""
    rep = consistent_report(random.Random(12), maxv=40)
    text = _text_report(rep)
    row = next(l for l in text.split("\n") if l.startswith("5.属于三类内部事务信息"))
    result = read_text(text.replace(row, "5.属于三类内部事务信息 17 0 9 36 26", 1))
    got = result.report.cells
    assert not any(c.startswith("t3.r3_3_5.") for c in got), result.summary()
    assert any(p.kind == "unreadable" and "t3.r3_3_5.np" in p.cells for p in result.problems)
    assert all(got[c] == rep.cells[c] for c in S.TABLE_CELL_IDS if c in got)


def test_run_together_source_still_splits_rows_printed_in_two_runs():
    from tests.test_ingest_glued import render_glued

    rep = consistent_report(random.Random(13), maxv=9)
    text = render_glued(rep)
    row = "".join(str(rep.cells[f"t3.r3_1.{c}"]) for c in S.T3_COL_IDS)
    assert row in text
    result = read_text(text.replace(row, row[:3] + " " + row[3:], 1))
    got = result.report.cells
    assert all(got[c] == rep.cells[c] for c in S.TABLE_CELL_IDS if c in got)
    assert not any("空白单元格" in p.message for p in result.problems), result.summary()


def test_t4_with_empty_cells_is_not_decoded_as_run_together():
    rep = consistent_report(random.Random(14), maxv=40)
    text = _text_report(rep)
    t4 = " ".join(str(rep.cells[f"t4.{g}.{c}"]) for g, _ in S.T4_GROUPS for c, _ in S.T4_COLS)
    result = read_text(text.replace(t4, "12 0 0 3 1 1 0 0 2 1 1 0 0 2", 1))
    got = result.report.cells
    assert not any(c.startswith("t4.") for c in got), result.summary()
    assert any(p.kind == "unreadable" and "t4.review.upheld" in p.cells for p in result.problems)


# ---------------------------------------------------------------- rows read by position


def _replace_row(text, label, figures):
    row = next(l for l in text.split("\n") if l.startswith(label))
    return text.replace(row, f"{label} {figures}", 1)


def test_row_that_breaks_its_total_in_a_table_that_lost_figures_is_left_blank():
    """pdftotext's default mode moves figures between rows: when a row lost figures, a neighbour that
    does not add up may hold one of them (tables.read_t3 disordered)."""
    rep = consistent_report(random.Random(15), maxv=40)
    text = _replace_row(_text_report(rep), "5.属于三类内部事务信息", "5 4 0 0 2 0")
    text = _replace_row(text, "6.属于四类过程性信息", "0 5 0 0 2 0 11")
    result = read_text(text)
    got = result.report.cells
    assert not any(c.startswith(("t3.r3_3_5.", "t3.r3_3_6.")) for c in got), result.summary()
    assert any(p.kind == "unreadable" and "t3.r3_3_6.np" in p.cells for p in result.problems)
    assert all(got[c] == rep.cells[c] for c in S.TABLE_CELL_IDS if c in got)


def test_a_reports_own_arithmetic_error_is_kept_when_nothing_else_moved():
    rep = consistent_report(random.Random(15), maxv=40)
    text = _replace_row(_text_report(rep), "6.属于四类过程性信息", "0 5 0 0 2 0 11")
    got = read_text(text).report.cells
    assert [got.get(f"t3.r3_3_6.{c}") for c in S.T3_COL_IDS] == [0, 5, 0, 0, 2, 0, 11]


def test_figures_one_space_apart_are_not_placed_by_column():
    """pdftotext -raw: each row's figures on their own line, one space apart; a row with an empty cell
    must not be placed by character position (tables._spaced)."""
    rep = consistent_report(random.Random(16), maxv=9)
    lines = [f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}", HEADS[0], "正文。", HEADS[2]]
    for rid, lab, _ in S.T3_ROWS:
        vals = [str(rep.cells[f"t3.{rid}.{c}"]) for c in S.T3_COL_IDS]
        if rid == "r3_3_6":
            vals[1] = ""  # an empty cell: pdftotext -raw prints nothing there
        lines += [lab, " ".join(v for v in vals if v)]
    lines += [HEADS[3], "行政复议 行政诉讼"]
    result = read_text("\n".join(lines))
    got = result.report.cells
    assert all(got[c] == rep.cells[c] for c in S.TABLE_CELL_IDS if c in got and c.startswith("t3.")), result.summary()
    assert not any(c.startswith("t3.r3_3_6.") for c in got)


def test_date_under_the_title_is_the_publication_date_not_preamble():
    text = f"某市人民政府\n2024{S.TITLE_SUFFIX}\n（2025年1月20日）\n本报告依据条例编制。\n{HEADS[0]}\n正文。"
    rep = read_text(text).report
    assert rep.meta.published == "2025-01-20"
    assert rep.sections["s0"] == "本报告依据条例编制。"


# ---------------------------------------------------------------- bare page numbers


def test_bare_page_numbers_in_the_middle_of_a_table():
    """Page footers printed as a bare 「3」 (build._bare_page_numbers): they count the pages, so they are
    no figures; the title does not take the 「1」 of page one either."""
    from tests.conftest import REAL_PDF

    text = (REAL_PDF / "huaian_city_2024.layout.txt").read_text(encoding="utf-8")
    bare = re.sub(r"^([ \t]*)-[ \t]*(\d+)[ \t]*-[ \t]*$", r"\1\2", text, flags=re.M)
    assert bare != text
    full = read_text(text).report
    rep = read_text(bare).report
    assert _table_cells(rep) == _table_cells(full)
    raw = "1\n" + bare.replace("\f", "\f\n")  # the number at the top of page one too
    meta = read_text(raw).report.meta
    assert meta.organ == full.meta.organ and meta.title == full.meta.title


# ---------------------------------------------------------------- run-together text with 「/」 and empty cells


def test_slash_run_into_the_figures_is_a_cell():
    """「行政规范性文件/161/」 from a page that runs cells together: /, 161, / (stream.add_text)."""
    cells = read_text(_t2_text("003", "/161/")).report.cells
    assert [format_value(cells.get(f"t2.normative.{c}")) for c in ("issued", "repealed", "in_force")] == ["/", "161", "/"]


def test_t2_not_split_when_table_three_shows_empty_cells():
    """A run-together source whose table 三 has a row that fits no split leaves cells empty: table 二's
    rows are then not split on the strength of tables 三 and 四 (build._read_tables)."""
    from tests.test_ingest_glued import render_glued

    for seed in range(60):
        rep = _report_with_plain_t2(seed)
        full = read_text(render_glued(rep))
        if full.report.cells.get("t2.rules.issued") != 4:
            continue  # tables 三 and 四 did not prove the source glued: nothing to take away
        text = render_glued(rep)
        vals = [str(rep.cells[f"t3.r1.{c}"]) for c in S.T3_COL_IDS]
        row = S.T3_ROWS[0][1] + "".join(vals)
        assert row in text
        vals[1] = ""  # an empty cell: the row no longer adds up in any split
        result = read_text(text.replace(row, S.T3_ROWS[0][1] + "".join(vals), 1))
        assert any("t3.r1.np" in p.cells and p.kind == "unreadable" for p in result.problems), result.summary()
        assert "t2.rules.issued" not in result.report.cells, result.summary()
        return
    raise AssertionError("no glued report proved its source")


def test_heading_in_a_web_table_caption():
    rep = consistent_report(random.Random(6), maxv=50)
    page = _html_page(rep, crumb=False)
    for sec in S.SECTIONS:
        if sec.table:
            page = page.replace(f"<p>{sec.heading}</p>\n<table>", f"<table><caption>{sec.heading}</caption>", 1)
    result = read_text(page)
    assert _table_cells(result.report) == _table_cells(rep), result.summary()
    assert set(result.report.headings) == {s.id for s in S.SECTIONS}


def test_circled_row_numbers_are_labels_not_figures():
    """「①属于国家秘密」: NFKC alone would make the ① a figure 1 (textnorm.nfkc)."""
    rep = consistent_report(random.Random(1), maxv=40)
    text = _text_report(rep, lambda lab: re.sub(r"^(\d)\.", lambda m: chr(0x245F + int(m.group(1))), lab))
    assert "①属于国家秘密" in text
    result = read_text(text)
    assert _table_cells(result.report) == _table_cells(rep), result.summary()


def test_word_text_framed_in_a_one_cell_table(tmp_path):
    """Some Word files put the whole text in a one-cell table as a frame (build._frame_table)."""
    import docx

    rep = consistent_report(random.Random(17), maxv=60)
    d = docx.Document()
    d.add_paragraph(f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}")
    frame = d.add_table(rows=1, cols=1).cell(0, 0)
    frame.text = HEADS[0]
    frame.add_paragraph("本机关认真贯彻落实条例。")
    frame.add_paragraph("（一）主动公开情况。全年主动公开信息20条。")
    for sec in S.SECTIONS[1:]:
        frame.add_paragraph(sec.heading)
        if sec.kind == "text":
            frame.add_paragraph("正文。")
    d.save(tmp_path / "r.docx")
    rep2 = read_report(tmp_path / "r.docx").report
    assert rep2.sections["s1"] == "本机关认真贯彻落实条例。\n（一）主动公开情况。全年主动公开信息20条。"
    assert set(rep2.headings) == {s.id for s in S.SECTIONS}


def test_organ_printed_as_a_byline_under_the_title():
    text = f"2024{S.TITLE_SUFFIX}\n\n某 市 交 通 运 输 局\n本报告依据条例编制。\n{HEADS[0]}\n正文。"
    rep = read_text(text).report
    assert (rep.meta.organ, rep.meta.year) == ("某市交通运输局", 2024)
    assert rep.sections["s0"] == "本报告依据条例编制。"
    # a sentence under the title is no byline
    rep = read_text(f"2024{S.TITLE_SUFFIX}\n本报告依据条例编制。\n{HEADS[0]}\n正文。").report
    assert rep.meta.organ == "" and rep.sections["s0"] == "本报告依据条例编制。"


def test_title_wrapped_with_an_empty_line_between_its_parts():
    """pdftotext output with every line doubled: 「…2024年政府信息」, 「」, 「公开工作年度报告」."""
    from tests.conftest import SEEDS, sample_files

    for path in sample_files(SEEDS, "*.txt"):
        text = path.read_text(encoding="utf-8")
        plain = read_text(text).report.meta
        doubled = read_text(text.replace("\n", "\n\n")).report.meta
        assert (doubled.organ, doubled.year, doubled.title) == (plain.organ, plain.year, plain.title), path.name


def _with_page_breaks(text: str, every: int, footer) -> str:
    out, page = [], 1
    for n, line in enumerate(text.split("\n")):
        out.append(line)
        if n % every == every - 1:
            page += 1
            out += ["", "   " + footer(page), "\f"]
    return "\n".join(out)


def test_one_cell_per_line_copy_with_page_breaks_inside_rows():
    """Seed 002's shape with a page footer every few lines: rows of tables 三 and 四 broken over two pages
    (tables.read_t4 joins the two parts when every group adds up; build._bare_page_numbers)."""
    from tests.conftest import SEEDS, sample_files

    text = sample_files(SEEDS, "002_*.txt")[0].read_text(encoding="utf-8")
    plain = _table_cells(read_text(text).report)
    for every in (7, 11, 13, 17, 23):
        for footer in (lambda p: f"-{p}-", lambda p: f"{p}", lambda p: f"第{p}页"):
            got = _table_cells(read_text(_with_page_breaks(text, every, footer)).report)
            assert got == plain, (every, footer(1), [c for c in got if got[c] != plain[c]][:5])


def test_a_line_above_the_title_that_is_no_part_of_it(tmp_path):
    """「（此件公开发布）」 and our own PDF's running 「草稿（校核未通过）」 (build.drop_running_lines) stay out
    of the organ."""
    meta = read_text(f"（此件公开发布）\n某市人民政府2024{S.TITLE_SUFFIX}\n{HEADS[0]}\n正文。").report.meta
    assert meta.organ == "某市人民政府"
    from export.pdf import write_pdf
    from model.report import Meta

    rep = consistent_report(random.Random(18), maxv=30)
    rep.cells.pop("t3.r1.np")  # an error: the PDF is marked as a draft on every page
    rep.meta = Meta(organ="示范市人民政府", year=2025, level="prefecture")
    rep.sections = {"s1": "正文。" * 300, "s5": "正文。" * 300, "s6": "无。"}
    path = tmp_path / "draft.pdf"
    write_pdf(rep, path, draft=True)
    meta = read_report(path).report.meta
    assert (meta.organ, meta.year) == ("示范市人民政府", 2025)


def test_web_page_laid_out_in_tables():
    """Older government sites put the whole page in layout tables: their cells are the document, the
    report's own tables are nested inside (readers/html._is_layout)."""
    rep = consistent_report(random.Random(19), maxv=50)
    body = _html_page(rep, crumb=False).split("<body>", 1)[1].split("</body>", 1)[0]
    body = body.replace("<p>正文。</p>", "<p>\n  本机关认真贯彻落实\n  条例。</p><p>第二段。</p>")
    page = ('<html><body><table width="1000"><tr><td class="nav">首页</td><td>栏目</td></tr>'
            f'<tr><td colspan="2"><table><tr><td>{body}</td></tr></table></td></tr></table></body></html>')
    result = read_text(page)
    r = result.report
    assert _table_cells(r) == _table_cells(rep), result.summary()
    assert (r.meta.organ, r.meta.year) == (rep.meta.organ, rep.meta.year)
    assert set(r.headings) == {s.id for s in S.SECTIONS}
    assert r.sections["s1"] == "本机关认真贯彻落实条例。\n第二段。"


def test_word_title_in_a_table_row(tmp_path):
    import docx

    rep = consistent_report(random.Random(20), maxv=60)
    d = docx.Document()
    head = d.add_table(rows=2, cols=2)
    head.cell(0, 0).merge(head.cell(0, 1)).text = f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}"
    head.cell(1, 0).text, head.cell(1, 1).text = "发布机构：本机关", "发布日期：2026-01-20"
    d.add_paragraph(HEADS[0])
    d.add_paragraph("正文。")
    d.save(tmp_path / "r.docx")
    meta = read_report(tmp_path / "r.docx").report.meta
    assert (meta.organ, meta.year) == (rep.meta.organ, rep.meta.year)


def test_sub_row_labels_printed_without_their_numbers():
    """「（四）无法提供 本机关不掌握相关政府信息 …」 and 「其他 …」 with the 「1.」 「3.」 left out
    (tables.read_t3 after a group label; labels.locate_in_order for a short bare label)."""
    for seed in range(5):
        rep = consistent_report(random.Random(seed), maxv=40)
        result = read_text(_text_report(rep, lambda lab: re.sub(r"^\d\.", "", lab)))
        assert _table_cells(result.report) == _table_cells(rep), result.summary()
        assert any("「1.属于国家秘密」" in m for _, _, m in result.report.import_notes)


# ---------------------------------------------------------------- a page turned by its /Rotate


def _pdf_pages(path, pages: list[tuple[list[str], int]]):
    """A PDF whose pages show the lines upright, each page stored turned by its rotation (0, 90, 180, 270):
    its content drawn turned back, as a printer stores a landscape page in a portrait file."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from export.fonts import FONTS_DIR

    pdfmetrics.registerFont(TTFont("Turned", str(FONTS_DIR / "NianbaoSerif-Regular.ttf")))
    c = canvas.Canvas(str(path), pagesize=(842, 595))  # shown landscape; reportlab stores 90/270 as portrait
    for lines, rotation in pages:
        c.setPageRotation(rotation)
        own_width, own_height = (595, 842) if rotation in (90, 270) else (842, 595)
        c.transform(*{0: (1, 0, 0, 1, 0, 0), 90: (0, 1, -1, 0, own_width, 0),
                      180: (-1, 0, 0, -1, own_width, own_height), 270: (0, -1, 1, 0, 0, own_height)}[rotation])
        c.setFont("Turned", 10)
        for i, line in enumerate(lines):
            c.drawString(40, 560 - 13 * i, line)
        c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_page_stored_turned_reads_as_it_is_shown(tmp_path, rotation):
    """Table 三 on a landscape page that the file stores portrait and turns by /Rotate: the characters' boxes
    are in the page's own space and are turned as the page is shown (pdf._as_shown); before, its text ran
    down the page and no table was found."""
    rep = consistent_report(random.Random(rotation), maxv=40)
    lines = _text_report(rep).split("\n")
    at_t3 = lines.index(HEADS[2])
    pdf = _pdf_pages(tmp_path / "turned.pdf", [(lines[:at_t3], 0), (lines[at_t3:], rotation)])
    result = read_report(pdf)
    assert _table_cells(result.report) == _table_cells(rep), result.summary()
    assert result.report.meta.organ == rep.meta.organ


@pytest.mark.parametrize("angle", [35, 0])
def test_a_watermark_across_the_pages_is_no_part_of_the_text(tmp_path, angle):
    """「政务公开 内部资料」 printed large and light over every page, at 35° or upright: its characters fell among
    the lines of the text and the tables (no title, no table read); a character turned by other than a quarter
    turn is left out (pdf._slanted), and so is a faint one half again as large as the text
    (pdf._without_watermark) — the title, large and dark, stays."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from export.fonts import FONTS_DIR

    pdfmetrics.registerFont(TTFont("Marked", str(FONTS_DIR / "NianbaoSerif-Regular.ttf")))
    rep = consistent_report(random.Random(5), maxv=40)
    lines = _text_report(rep).replace("正文。", "全年收到的申请均已按时答复。").split("\n")
    path = tmp_path / "watermarked.pdf"
    c = canvas.Canvas(str(path))
    for start in range(0, len(lines), 45):
        for i, line in enumerate(lines[start:start + 45]):
            c.setFont("Marked", 20 if start + i == 0 else 10)
            c.drawString(40, 800 - 16 * i - (10 if start + i else 0), line)
        c.setFillGray(0.85)
        c.setFont("Marked", 40 if angle else 60)
        for y in (200, 450, 700):
            c.saveState()
            c.translate(100, y)
            c.rotate(angle)
            c.drawString(0, 0, "政务公开 内部资料")
            c.restoreState()
        c.setFillGray(0)
        c.showPage()
    c.save()
    result = read_report(path)
    assert _table_cells(result.report) == _table_cells(rep), result.summary()
    assert result.report.meta.organ == rep.meta.organ
    assert result.report.sections["s1"] == "全年收到的申请均已按时答复。"
