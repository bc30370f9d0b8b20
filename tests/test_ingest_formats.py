"""Every reader ends in the same report: Word, web pages, Markdown, Excel (ours and a clerk's), our PDF."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest

from export.pdf import write_pdf
from export.xlsx import write_xlsx
from ingest import read_report, read_text
from model import schema as S
from model.fileformat import dumps
from model.values import NA, format_value
from tests.factories import consistent_report

SECTIONS = {
    "s0": "本报告依据《中华人民共和国政府信息公开条例》编制，统计期限自2025年1月1日起至2025年12月31日止。",
    "s1": "2025年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n（一）主动公开情况。全年主动公开政府信息120条。\n（二）依申请公开情况。依法答复。",
    "s5": "（一）存在问题。一是公开形式单一。\n（二）改进情况。一是丰富公开形式。",
    "s6": "本年度发出收费通知的件数为{n}件，总金额为{b}元，实际收取的总金额为{c}元。",
}


def sample_report(seed: int = 7):
    rep = consistent_report(random.Random(seed))
    rep.cells["t2.rules.issued"] = NA  # 「/」 must survive every route
    rep.sections = {k: v for k, v in SECTIONS.items()}
    rep.sections["s6"] = SECTIONS["s6"].format(n=rep.cells["fee.notices"], b=format_value(rep.cells["fee.billed"]),
                                               c=format_value(rep.cells["fee.collected"]))
    return rep


def _cell_text(rep, sp) -> str:
    return format_value(rep.cells.get(sp.cell)) if sp.cell else sp.text


def write_docx(rep, path):
    """The report as a clerk's Word file: title, headings, paragraphs, and the three official tables with
    their merged cells (generated from model.schema.TABLES)."""
    import docx

    d = docx.Document()
    d.add_paragraph(rep.meta.organ)
    d.add_paragraph(f"{rep.meta.year}{S.TITLE_SUFFIX}")
    for para in rep.sections["s0"].split("\n"):
        d.add_paragraph(para)
    for sec in S.SECTIONS:
        d.add_paragraph(sec.heading)
        if sec.kind == "text":
            for para in rep.sections[sec.id].split("\n"):
                d.add_paragraph(para)
        else:
            t = S.TABLES[sec.table]
            table = d.add_table(rows=t.nrows, cols=t.ncols)
            for sp in t.spans:
                cell = table.cell(sp.row, sp.col)
                if sp.rowspan > 1 or sp.colspan > 1:
                    cell = cell.merge(table.cell(sp.row + sp.rowspan - 1, sp.col + sp.colspan - 1))
                cell.text = _cell_text(rep, sp)
    d.save(path)


def _same(a, b):
    assert {c: b.cells.get(c) for c in S.CELL_IDS if a.cells.get(c) is not None} == \
        {c: a.cells.get(c) for c in S.CELL_IDS if a.cells.get(c) is not None}
    assert set(b.cells) <= set(a.cells)
    assert b.meta.organ == a.meta.organ and b.meta.year == a.meta.year
    for sid in S.TEXT_SECTIONS:
        assert b.sections[sid] == a.sections[sid], sid


def test_docx_round_trip(tmp_path):
    rep = sample_report()
    path = tmp_path / "报告.docx"
    write_docx(rep, path)
    result = read_report(path)
    _same(rep, result.report)
    assert result.source_kind == "docx"
    assert not [p for p in result.problems if p.kind in ("unreadable", "ambiguous", "missing")], result.summary()


def test_docx_blank_cells_stay_blank(tmp_path):
    rep = sample_report(3)
    for cid in ("t3.r3_2.law", "t4.after.pending", "t2.fees.amount"):
        rep.cells.pop(cid)
    path = tmp_path / "a.docx"
    write_docx(rep, path)
    got = read_report(path).report
    for cid in ("t3.r3_2.law", "t4.after.pending", "t2.fees.amount"):
        assert cid not in got.cells
    assert got.cells["t3.r3_2.tot"] == rep.cells["t3.r3_2.tot"]


def html_of(rep) -> str:
    out = [f"<html><head><title>x</title><style>p{{}}</style></head><body><h1>{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}</h1>"]
    out.extend(f"<p>{p}</p>" for p in rep.sections["s0"].split("\n"))
    for sec in S.SECTIONS:
        out.append(f"<h2>{sec.heading}</h2>")
        if sec.kind == "text":
            out.extend(f"<p>{p}</p>" for p in rep.sections[sec.id].split("\n"))
        else:
            t = S.TABLES[sec.table]
            out.append("<table>")
            for r in range(t.nrows):
                out.append("<tr>")
                for sp in t.spans:
                    if sp.row == r:
                        out.append(f'<td rowspan="{sp.rowspan}" colspan="{sp.colspan}">{_cell_text(rep, sp)}</td>')
                out.append("</tr>")
            out.append("</table>")
    out.append("</body></html>")
    return "".join(out)


def test_html_page(tmp_path):
    rep = sample_report(11)
    path = tmp_path / "page.html"
    path.write_text(html_of(rep), encoding="utf-8")
    result = read_report(path)
    _same(rep, result.report)
    assert result.source_kind == "html"


def test_markdown_tables_with_blank_cells():
    rep = sample_report(5)
    lines = [f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}"] + rep.sections["s0"].split("\n")
    for sec in S.SECTIONS:
        lines.append(sec.heading)
        if sec.kind == "text":
            lines.extend(rep.sections[sec.id].split("\n"))
            continue
        t = S.TABLES[sec.table]
        for r in range(t.nrows):
            row = []
            for c in range(t.ncols):
                sp = t.span_at(r, c)
                row.append(_cell_text(rep, sp) if sp and (sp.row, sp.col) == (r, c) else "")
            lines.append("| " + " | ".join(row) + " |")
            if r == 0:
                lines.append("|" + "---|" * t.ncols)
    rep.cells.pop("t3.r1.res")
    text = "\n".join(lines).replace(f"| {rep.cells['t3.r1.np']} | {rep.cells['t3.r1.biz']} | ",
                                    f"| {rep.cells['t3.r1.np']} | {rep.cells['t3.r1.biz']} | ", 1)
    text = _blank_r1_res(text, rep)
    _same(rep, read_text(text).report)


def _blank_r1_res(text: str, rep) -> str:
    out = []
    for line in text.split("\n"):
        if line.startswith("| " + S.T3_ROW_LABEL["r1"]):
            cells = line.split("|")
            cells[6] = "  "  # the 科研机构 column of r1 (label spans three columns)
            line = "|".join(cells)
        out.append(line)
    return "\n".join(out)


def write_foreign_xlsx(rep, path):
    """A clerk's own template: the official tables laid out on one sheet, merged cells and all."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "报表"
    r0 = 1
    ws.cell(r0, 1, f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}")
    r0 += 1
    for p in rep.sections["s0"].split("\n"):
        ws.cell(r0, 1, p)
        r0 += 1
    for sec in S.SECTIONS:
        ws.cell(r0, 1, sec.heading)
        r0 += 1
        if sec.kind == "text":
            for p in rep.sections[sec.id].split("\n"):
                ws.cell(r0, 1, p)
                r0 += 1
            continue
        t = S.TABLES[sec.table]
        for sp in t.spans:
            cell = ws.cell(r0 + sp.row, 1 + sp.col)
            v = rep.cells.get(sp.cell) if sp.cell else sp.text
            cell.value = float(v) if isinstance(v, Decimal) else v
            if sp.rowspan > 1 or sp.colspan > 1:
                ws.merge_cells(start_row=r0 + sp.row, start_column=1 + sp.col,
                               end_row=r0 + sp.row + sp.rowspan - 1, end_column=sp.col + sp.colspan)
        r0 += t.nrows + 1
    wb.save(path)


def test_foreign_xlsx(tmp_path):
    rep = sample_report(13)
    rep.cells["t2.fees.amount"] = Decimal("18651.06")
    path = tmp_path / "模板.xlsx"
    write_foreign_xlsx(rep, path)
    result = read_report(path)
    _same(rep, result.report)
    assert result.source_kind == "xlsx"


def test_round_trip_through_our_xlsx(tmp_path):
    rep = sample_report(17)
    rep.meta.title = None
    path = tmp_path / "ours.xlsx"
    write_xlsx(rep, path)
    result = read_report(path)
    assert result.source_kind == "own_xlsx"
    assert dumps(result.report) == dumps(rep)


def test_round_trip_through_our_pdf(tmp_path):
    rep = sample_report(19)
    path = tmp_path / "ours.pdf"
    write_pdf(rep, path)
    result = read_report(path)
    _same(rep, result.report)
    assert not [p for p in result.problems if p.kind in ("unreadable", "ambiguous")], result.summary()


def test_nianbao_file(tmp_path):
    from model.fileformat import save

    rep = sample_report(23)
    path = tmp_path / "a.nianbao"
    save(rep, path)
    assert dumps(read_report(path).report) == dumps(rep)


OLD_T2 = """某县人民政府2019年政府信息公开工作年度报告
一、总体情况
好。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年新制作数量 本年新公开数量 对外公开总数量
规章 2 2 30
规范性文件 5 5 40
第二十条第（五）项
信息内容 上一年项目数量 本年增/减 处理决定数量
行政许可 120 -3 4500
其他对外管理服务事项 10 +1 300
第二十条第（六）项
信息内容 上一年项目数量 本年增/减 处理决定数量
行政处罚 80 0 900
行政强制 12 0 30
第二十条第（八）项
信息内容 上一年项目数量 本年增/减
行政事业性收费 6 0
第二十条第（九）项
信息内容 采购项目数量 采购总金额
政府集中采购 15 1200.5
三、收到和处理政府信息公开申请情况
"""


def test_old_2019_table_two_maps_what_maps():
    result = read_text(OLD_T2)
    cells = result.report.cells
    assert cells["t2.license.decisions"] == 4500
    assert cells["t2.penalty.decisions"] == 900 and cells["t2.coercion.decisions"] == 30
    assert not any(c.startswith(("t2.rules", "t2.normative", "t2.fees")) for c in cells)
    assert any(r == "S.OLD_FORMAT" for r, _, _ in result.report.import_notes)


def write_numbered_docx(rep, path):
    """write_docx, with the section headings numbered by Word itself (a list with 「%1、」 in Chinese
    counting) instead of in their text."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    write_docx(rep, path)
    d = docx.Document(path)
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for p in d.paragraphs:
        for sec in S.SECTIONS:
            if p.text == sec.heading:
                p.text = sec.heading.split("、", 1)[1]
                p._p.get_or_add_pPr().append(parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    d.save(path)


def test_docx_auto_numbered_headings(tmp_path):
    """Headings numbered by Word itself (a list with 「%1、」 in Chinese counting) keep their number."""
    rep = sample_report(29)
    path = tmp_path / "numbered.docx"
    write_numbered_docx(rep, path)
    got = read_report(path).report
    assert got.headings == {s.id: s.heading for s in S.SECTIONS}
    _same(rep, got)


@pytest.mark.parametrize("in_its_place", [None, "chart"])
def test_our_xlsx_without_its_data_sheet_reads_by_labels(tmp_path, in_its_place):
    """A clerk who copied only the visible sheets (tables on one sheet, text on another, extra sheets), or put
    a chart of the figures on a sheet called 「nianbao」: read by the labels, not refused."""
    import openpyxl
    from openpyxl.chart import BarChart, Reference

    rep = sample_report(31)
    path = tmp_path / "ours.xlsx"
    write_xlsx(rep, path)
    wb = openpyxl.load_workbook(path)
    del wb["nianbao"]
    if in_its_place == "chart":
        chart = BarChart()
        chart.add_data(Reference(wb.worksheets[0], min_col=2, min_row=2, max_col=3, max_row=4))
        wb.create_chartsheet("nianbao").add_chart(chart)
    wb.save(path)
    result = read_report(path)
    assert result.source_kind == "xlsx"
    _same(rep, result.report)
    assert not result.problems, result.summary()
