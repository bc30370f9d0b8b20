"""The Word document: GB/T 9704 page, styles and fonts (with fallbacks), the official tables' merged cells,
rows that stay whole and header rows that repeat, a LibreOffice conversion, and our importer reading it back."""
from __future__ import annotations

import re
import zipfile

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

import main
from export import ExportRefused, export_report
from export.docx import (
    DRAFT_MARK,
    FACE_BODY,
    FACE_HEADING,
    FACE_KAI,
    FACE_TITLE,
    ST_CAPTION,
    ST_H1,
    ST_H2,
    ST_H2_RUNIN,
    ST_TITLE,
    write_docx,
)
from export.fonts import FONTS_DIR
from export.pdf import write_pdf
from model import schema as S
from model.values import format_value
from tests.test_export_sample import broken_report, sample_report
from tests.test_export_xlsx import _convert


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    write_docx(sample_report(), path)
    return path


@pytest.fixture(scope="module")
def document(sample_docx):
    return docx.Document(str(sample_docx))


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _east_asia(style) -> str:
    return style.element.rPr.rFonts.get(qn("w:eastAsia"))


def test_a4_with_gb9704_margins_and_page_numbers(document):
    sec = document.sections[0]
    for got, want in ((sec.page_width, 210), (sec.page_height, 297), (sec.top_margin, 37),
                      (sec.bottom_margin, 35), (sec.left_margin, 28), (sec.right_margin, 26)):
        assert abs(got - Mm(want)) < Mm(0.1)
    assert document.settings.odd_and_even_pages_header_footer
    for footer, align in ((sec.footer, "right"), (sec.even_page_footer, "left")):
        p = footer.paragraphs[0]
        assert p.style.paragraph_format.alignment.name.lower() == align
        assert p.style.font.size == Pt(14)
        fields = p._p.findall(qn("w:fldSimple"))
        assert [f.get(qn("w:instr")).strip() for f in fields] == ["PAGE"]
        assert p.text.startswith("— ") and p.text.endswith(" —")


def test_styles_name_the_official_faces(document):
    st = document.styles
    body = st["Normal"]
    assert _east_asia(body) == FACE_BODY and body.font.size == Pt(16)
    assert body.paragraph_format.line_spacing == Pt(28)
    assert body.paragraph_format.line_spacing_rule.name == "EXACTLY"
    assert body.element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"  # two characters
    title = st[ST_TITLE]
    assert _east_asia(title) == FACE_TITLE and title.font.size == Pt(22)
    assert title.paragraph_format.alignment.name == "CENTER"
    assert _east_asia(st[ST_H1]) == FACE_HEADING and _east_asia(st[ST_H2]) == FACE_KAI
    assert _east_asia(st[ST_H2_RUNIN]) == FACE_KAI
    defaults = st.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    for rfonts in [st[n].element.rPr.rFonts for n in (ST_TITLE, ST_H1, ST_H2, "Normal")] + [defaults.find(qn("w:rFonts"))]:
        assert not any("heme" in k for k in rfonts.attrib)  # no theme font may override the face


def test_font_table_gives_each_face_a_fallback(sample_docx):
    xml = zipfile.ZipFile(sample_docx).read("word/fontTable.xml").decode("utf-8")
    fonts = dict(re.findall(r'<w:font w:name="([^"]+)"><w:altName w:val="([^"]+)"/>', xml))
    assert fonts[FACE_BODY] == "仿宋" and fonts["仿宋"] == "FangSong"
    assert fonts[FACE_KAI] == "楷体" and fonts[FACE_HEADING] == "SimHei" and FACE_TITLE in fonts


def test_text_is_styled_not_formatted(document):
    paras = document.paragraphs
    assert paras[0].style.name == ST_TITLE and _squash(paras[0].text) == _squash(sample_report().title)
    headings = [p.text for p in paras if p.style.name == ST_H1]
    assert headings == [s.heading for s in S.SECTIONS]
    runin = [r.text for p in paras for r in p.runs if r.style.name == ST_H2_RUNIN]
    assert "（一）主动公开情况。" in runin
    for p in paras:  # every run carries a style or nothing: the clerk restyles the document by its styles
        for r in p.runs:
            rpr = r._r.rPr
            assert rpr is None or [c.tag for c in rpr] == [qn("w:rStyle")]
    assert [p.text for p in paras if p.style.name == ST_CAPTION] == [S.FEE_CAPTION]


def _grid(tbl) -> list[list[tuple]]:
    """Per row: (grid column, gridSpan, vMerge) of each w:tc."""
    rows = []
    for tr in tbl.findall(qn("w:tr")):
        col, row = 0, []
        for tc in tr.findall(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span = pr.find(qn("w:gridSpan"))
            n = int(span.get(qn("w:val"))) if span is not None else 1
            vm = pr.find(qn("w:vMerge"))
            merge = None if vm is None else (vm.get(qn("w:val")) or "continue")
            row.append((col, n, merge))
            col += n
        rows.append(row)
    return rows


@pytest.mark.parametrize("tid", S.TABLE_ORDER)
def test_tables_are_merged_as_the_official_form(document, tid):
    t = S.TABLES[tid]
    tbl = document.tables[S.TABLE_ORDER.index(tid)]._tbl
    rows = _grid(tbl)
    assert len(rows) == t.nrows and all(sum(n for _c, n, _m in r) == t.ncols for r in rows)
    at = {(r, c): (n, m) for r, row in enumerate(rows) for c, n, m in row}
    for sp in t.spans:
        assert at[(sp.row, sp.col)] == (sp.colspan, "restart" if sp.rowspan > 1 else None), sp
        for r in range(sp.row + 1, sp.row + sp.rowspan):
            assert at[(r, sp.col)] == (sp.colspan, "continue"), (sp, r)
    assert len(at) == len(t.spans) + sum(sp.rowspan - 1 for sp in t.spans)  # nothing else in the grid
    trs = tbl.findall(qn("w:tr"))
    assert all(tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for tr in trs)
    repeated = [i for i, tr in enumerate(trs) if tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None]
    assert repeated == list(range(t.header_rows))


def _kept_rows(tbl) -> list[int]:
    """Rows whose paragraphs all keep with the next (the row after them stays on their page)."""
    return [i for i, tr in enumerate(tbl.findall(qn("w:tr")))
            if all(p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None for p in tr.iter(qn("w:p")))]


def test_short_tables_move_whole_and_t3_starts_with_enough_rows(document):
    from export.docx import LEAD_ROWS

    for i, tid in enumerate(S.TABLE_ORDER):
        t = S.TABLES[tid]
        kept = _kept_rows(document.tables[i]._tbl)
        if tid == "t3":
            assert kept == list(range(t.header_rows + LEAD_ROWS))
        else:
            assert kept == list(range(t.nrows - 1)), tid
    assert _kept_rows(document.tables[3]._tbl) == [0, 1]  # the fee figures
    caption = next(p for p in document.paragraphs if p.text == S.FEE_CAPTION)
    assert caption.style.paragraph_format.keep_with_next


def test_figures_and_labels_in_their_cells(document):
    r = sample_report()
    for tid in S.TABLE_ORDER:
        t = S.TABLES[tid]
        table = document.tables[S.TABLE_ORDER.index(tid)]
        for sp in t.spans:
            want = format_value(r.cells.get(sp.cell)) if sp.cell else sp.text
            assert table.cell(sp.row, sp.col).text == want, sp
    fees = document.tables[3]
    assert [row.cells[1].text for row in fees.rows] == [format_value(r.cells[c]) for c in S.FEE_CELL_IDS]


def test_draft_header_and_refusal(tmp_path):
    path = tmp_path / "d.docx"
    with pytest.raises(ExportRefused):
        export_report(broken_report(), "docx", path)
    assert not path.exists()
    export_report(broken_report(), "docx", path, force=True)
    d = docx.Document(str(path))
    assert d.sections[0].header.paragraphs[0].text == DRAFT_MARK
    assert d.core_properties.title.endswith("（草稿）")


def test_hostile_text_gives_a_valid_document(tmp_path):
    r = sample_report()
    r.sections["s1"] = "控制字符\x00\x07\x1b留下文字<w:p>&amp;]]>\t制表"
    path = tmp_path / "h.docx"
    write_docx(r, path)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "控制字符留下文字<w:p>&amp;]]> 制表" in text


def test_cli_writes_word_and_web_page(tmp_path, capsys):
    from model.fileformat import save

    src = tmp_path / "r.nianbao"
    save(sample_report(), src)
    out_docx, out_html = tmp_path / "r.docx", tmp_path / "r.html"
    assert main.main(["export", str(src), "--docx", str(out_docx), "--html", str(out_html)]) == 0
    assert zipfile.is_zipfile(out_docx) and out_html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "已导出 Word" in capsys.readouterr().out


def bundled_fonts_for_libreoffice(tmp_path, monkeypatch) -> None:
    """LibreOffice draws Chinese with our bundled faces (a test machine may have no Chinese font at all,
    and a character without a glyph comes out of the PDF as the wrong text)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f'<dir>{FONTS_DIR}</dir><cachedir>{tmp_path / "fc-cache"}</cachedir></fontconfig>',
                    encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))


def test_libreoffice_opens_it(tmp_path, sample_docx, monkeypatch):
    """LibreOffice converts it (no repair) to A4 pages numbered 「— N —」 with the title, headings and figures."""
    bundled_fonts_for_libreoffice(tmp_path, monkeypatch)
    pdf = _convert(sample_docx, "pdf", tmp_path / "pdf", tmp_path / "lo-profile")
    r = sample_report()
    with pdfplumber.open(pdf) as doc:
        pages = [_squash(p.extract_text() or "") for p in doc.pages]
        sizes = {(round(p.width), round(p.height)) for p in doc.pages}
    assert sizes == {(595, 842)}
    own = tmp_path / "own.pdf"  # our PDF follows the same layout rules: about as many pages
    write_pdf(r, own)
    with pdfplumber.open(own) as doc:
        assert abs(len(pages) - len(doc.pages)) <= 1, (len(pages), len(doc.pages))
    for i, text in enumerate(pages, start=1):
        assert f"—{i}—" in text
    whole = "".join(pages)
    assert _squash(r.meta.organ) in pages[0]
    pos = [whole.index(s.heading) for s in S.SECTIONS]
    assert pos == sorted(pos)
    assert whole.index(S.FEE_CAPTION) > pos[-1]
    for label in (S.T3_ROW_LABEL["r1"], S.T3_ROW_LABEL["r4"], S.T3_ROW_LABEL["r3_3_1"], S.T4_LAWSUIT):
        assert _squash(label) in whole
