"""The Word document the report is approved on (领导审签): GB/T 9704 layout, made of styles the clerk can edit.

A4, margins 37/35/28/26 mm; title 方正小标宋简体 二号 centred; body 仿宋_GB2312 三号, exactly 28 pt apart,
two-character first-line indent; 一、 headings 黑体, （一） headings 楷体_GB2312; page numbers 「— N —」 4号 宋体,
odd pages right and even pages left.  Every face is named by its Chinese name and the font table gives each
one a fallback (仿宋_GB2312 → 仿宋 → FangSong …), so WPS and Word substitute sensibly on a PC without it.
The tables are laid out from model.schema spans (the official merged cells); no row breaks across a page,
三's header rows repeat, the short tables are kept whole, and the 信息处理费 figures sit under 六 with a caption.
"""
from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, cast

from model import schema as S
from model.report import Report
from model.values import format_value

from . import textparts
from .atomic import write_rendered
from .grid import vertical_columns
from .pdf import DRAFT_MARK, is_draft

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle
    from docx.text.paragraph import Paragraph

PAGE_W_MM, PAGE_H_MM = 210, 297
TOP_MM, BOTTOM_MM, LEFT_MM, RIGHT_MM = 37, 35, 28, 26
FRAME_W_MM = PAGE_W_MM - LEFT_MM - RIGHT_MM  # 156 mm
FOOTER_MM = 23  # page bottom to the page number's foot: its top sits 7 mm below the 版心
TITLE_PT, BODY_PT, LINE_PT, PAGE_NO_PT = 22, 16, 28, 14  # 二号, 三号, 28 磅行距, 4号
CELL_PT = {"t2": 10.5, "t3": 9.0, "t4": 9.0, "fee": 10.5}  # 五号 / 小五
KEEP_WHOLE_MAX_ROWS = 15  # t2, t4 and the fee figures move to the next page whole; t3 runs on under its header
LEAD_ROWS = 10  # …but starts on a page only with its header and this many rows (a few would hide its group labels)

FACE_TITLE, FACE_BODY, FACE_HEADING, FACE_KAI, FACE_TABLE = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"
# the font table's altName: what Word and WPS use on a PC without the face (each chain ends in a face that
# every Chinese Windows, UOS and Kylin has, or its English name)
FALLBACK = {FACE_TITLE: "宋体", FACE_BODY: "仿宋", "仿宋": "FangSong", FACE_KAI: "楷体", "楷体": "KaiTi",
            FACE_HEADING: "SimHei", FACE_TABLE: "SimSun"}

# style names (what the clerk sees in the style list)
ST_BODY = "Normal"  # 「正文」 in a Chinese Word
ST_TITLE, ST_H1, ST_H2, ST_H2_RUNIN = "报告标题", "一级标题", "二级标题", "二级标题（段内）"
ST_CAPTION, ST_DRAFT = "表题", "草稿标记"
ST_PAGE_ODD, ST_PAGE_EVEN = "页码（单页）", "页码（双页）"
ST_TABLE = "报告表格"


def _cell_style(size_of: str, align: str) -> str:
    """「表格文字（居中）」 for the 五号 tables, 「表格小字（左对齐）」 for the 小五 ones."""
    size = "文字" if CELL_PT[size_of] >= 10.5 else "小字"
    return f"表格{size}（{'居中' if align == 'c' else '左对齐'}）"


# ---------------------------------------------------------------- styles

def _set_font(style: CharacterStyle, face: str, pt: float, bold: bool = False) -> None:
    """The face for Chinese and Latin alike (no theme fonts, which would win over it)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.size = Pt(pt)
    style.font.bold = bold
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for key in list(rfonts.attrib):
        del rfonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), face)
    rfonts.set(qn("w:hint"), "eastAsia")


def _add_style(doc: DocxDocument, name: str, kind: str = "paragraph", base_id: str | None = None) -> CharacterStyle:
    """A new style (python-docx's add_style scans every style of the template for each one it adds)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.styles.style import StyleFactory

    wd_type = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "character": WD_STYLE_TYPE.CHARACTER,
               "table": WD_STYLE_TYPE.TABLE}[kind]
    style = StyleFactory(doc.styles.element.add_style_of_type(name, wd_type, False))
    if base_id:
        style.element.basedOn_val = base_id
    return cast("CharacterStyle", style)  # each of the three kinds is a CharacterStyle (tables' too)


def _paragraph_style(doc: DocxDocument, name: str, face: str, pt: float, align: WD_PARAGRAPH_ALIGNMENT | None = None,
                     base_id: str | None = None) -> ParagraphStyle:
    style = cast("ParagraphStyle", doc.styles[name] if name == ST_BODY else _add_style(doc, name, base_id=base_id))
    _set_font(style, face, pt)
    if align is not None:
        style.paragraph_format.alignment = align
    style.quick_style = True
    return style


def _line_pitch(style: ParagraphStyle, pt: float | None, indent_chars: int = 0) -> None:
    """Exact line spacing (None: single) and a first-line indent of `indent_chars` characters."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt

    pf = style.paragraph_format
    if pt is None:
        pf.line_spacing = 1.0
    else:
        pf.line_spacing = Pt(pt)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.space_before = pf.space_after = Pt(0)
    pf.first_line_indent = Pt(BODY_PT * indent_chars)
    ind = style.element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(indent_chars * 100))  # in characters, so it follows the size


def _outline(style: BaseStyle, level: int) -> None:
    """Headings show in Word's navigation pane and a table of contents."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:outlineLvl")
    el.set(qn("w:val"), str(level))
    style.element.get_or_add_pPr().append(el)


def _defaults(doc: DocxDocument) -> None:
    """The document defaults: the body face and Chinese as the East Asian language (the template's theme
    fonts and en-US would make Word fall back to its theme faces and treat the text as Western)."""
    from docx.oxml.ns import qn

    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts, lang = rpr.find(qn("w:rFonts")), rpr.find(qn("w:lang"))
    for key in list(rfonts.attrib):
        del rfonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FACE_BODY)
    lang.set(qn("w:eastAsia"), "zh-CN")  # Latin text (figures, years) stays en-US: never broken inside


def _text_styles(doc: DocxDocument) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH as A
    from docx.shared import Pt, RGBColor

    _defaults(doc)
    body = _paragraph_style(doc, ST_BODY, FACE_BODY, BODY_PT, A.JUSTIFY)
    _line_pitch(body, LINE_PT, 2)
    body.paragraph_format.widow_control = True
    title = _paragraph_style(doc, ST_TITLE, FACE_TITLE, TITLE_PT, A.CENTER)
    _line_pitch(title, TITLE_PT * 1.5)
    title.paragraph_format.space_after = Pt(LINE_PT)
    title.next_paragraph_style = body
    for name, face, level in ((ST_H1, FACE_HEADING, 0), (ST_H2, FACE_KAI, 1)):
        h = _paragraph_style(doc, name, face, BODY_PT, base_id=body.style_id)
        h.paragraph_format.keep_with_next = True
        h.next_paragraph_style = body
        _outline(h, level)
    _set_font(_add_style(doc, ST_H2_RUNIN, "character"), FACE_KAI, BODY_PT)
    caption = _paragraph_style(doc, ST_CAPTION, FACE_HEADING, BODY_PT, A.CENTER)
    _line_pitch(caption, LINE_PT)
    caption.paragraph_format.keep_with_next = True
    draft = _paragraph_style(doc, ST_DRAFT, FACE_HEADING, 12, A.CENTER)
    draft.font.color.rgb = RGBColor(0xC0, 0, 0)
    for name, align in ((ST_PAGE_ODD, A.RIGHT), (ST_PAGE_EVEN, A.LEFT)):
        page = _paragraph_style(doc, name, FACE_TABLE, PAGE_NO_PT, align)
        _line_pitch(page, None)
        # one character in from the edge of the 版心
        page.paragraph_format.right_indent = Pt(PAGE_NO_PT) if align == A.RIGHT else Pt(0)
        page.paragraph_format.left_indent = Pt(PAGE_NO_PT) if align == A.LEFT else Pt(0)


def _table_styles(doc: DocxDocument) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH as A
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    for size_of in ("t2", "t3"):  # 五号 and 小五
        for align, a in (("c", A.CENTER), ("l", A.LEFT)):
            _line_pitch(_paragraph_style(doc, _cell_style(size_of, align), FACE_TABLE, CELL_PT[size_of], a), None)
    table = _add_style(doc, ST_TABLE, "table", base_id="TableGrid")  # ruled all round
    # every cell centred vertically; a little room left and right of the text
    table.element.append(parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:jc w:val="center"/><w:tblCellMar>'
        '<w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>'))
    table.element.append(parse_xml(f'<w:tcPr {nsdecls("w")}><w:vAlign w:val="center"/></w:tcPr>'))


def _page_setup(doc: DocxDocument) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(PAGE_W_MM), Mm(PAGE_H_MM)
    sec.top_margin, sec.bottom_margin = Mm(TOP_MM), Mm(BOTTOM_MM)
    sec.left_margin, sec.right_margin = Mm(LEFT_MM), Mm(RIGHT_MM)
    sec.footer_distance = Mm(FOOTER_MM)
    sec.header_distance = Mm(15)
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(sec.footer.paragraphs[0], ST_PAGE_ODD)
    _page_number(sec.even_page_footer.paragraphs[0], ST_PAGE_EVEN)


def _page_number(paragraph: Paragraph, style: str) -> None:
    """「— N —」: the page number as a field Word and WPS fill in."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph.style = style
    paragraph.add_run("— ")
    paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r>'
                                  '</w:fldSimple>'))
    paragraph.add_run(" —")


# ---------------------------------------------------------------- the body, as WordprocessingML
# Written as markup and parsed once: python-docx's cell and style look-ups walk the whole table or style
# list on every call, which took seconds for table 三.

TWIPS_PER_MM = 1440 / 25.4


class _StyleIds(dict):
    """style name → style id, looked up once each."""

    def __init__(self, styles_element):
        super().__init__()
        self.styles_element = styles_element

    def __missing__(self, name: str) -> str:
        self[name] = self.styles_element.get_by_name(name).styleId
        return self[name]


class _Body:
    """Collects the body's paragraphs and tables as WordprocessingML, naming styles by their ids."""

    def __init__(self, doc):
        self.ids = _StyleIds(doc.styles.element)
        self.parts: list[str] = []

    def paragraph(self, style: str, runs: str, keep_next: bool = False) -> None:
        self.parts.append(_p(self.ids[style], runs, keep_next))

    def run(self, text: str, char_style: str | None = None) -> str:
        return _run(text, self.ids[char_style] if char_style else None)

    def keep_last_with_next(self) -> None:
        """The paragraph written last stays on the page of what follows it."""
        last = self.parts[-1] if self.parts else ""
        if last.startswith("<w:p>") and "<w:keepNext/>" not in last:
            self.parts[-1] = last.replace("</w:pPr>", "<w:keepNext/></w:pPr>", 1)

    def xml(self) -> str:
        from docx.oxml.ns import nsdecls

        return f'<w:body {nsdecls("w")}>{"".join(self.parts)}</w:body>'


def quoteattr(value: str) -> str:
    """An XML attribute value with its quotes (xml.sax.saxutils' would import urllib.request: 0.08 s)."""
    return f'"{escape(value, quote=True)}"'


def _p(style_id: str, runs: str, keep_next: bool = False) -> str:
    keep = "<w:keepNext/>" if keep_next else ""
    return f'<w:p><w:pPr><w:pStyle w:val={quoteattr(style_id)}/>{keep}</w:pPr>{runs}</w:p>'


def _run(text: str, char_style_id: str | None = None) -> str:
    """A run of text; a line break in it becomes <w:br/>."""
    props = f"<w:rPr><w:rStyle w:val={quoteattr(char_style_id)}/></w:rPr>" if char_style_id else ""
    lines = [escape(line, quote=False) for line in textparts.clean(text).split("\n")]
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
    return f"<w:r>{props}{inner}</w:r>"


def _title(body: _Body, report: Report) -> None:
    """The title; a long one breaks after the organ, as the PDF does (「淮安市人民政府 / 2024年…报告」)."""
    title, organ = report.title, report.meta.organ or ""
    chars_a_line = int(FRAME_W_MM / (TITLE_PT * 25.4 / 72))
    if len(title) > chars_a_line and organ and title.startswith(organ) and title != organ:
        title = organ + "\n" + title[len(organ):]
    body.paragraph(ST_TITLE, body.run(title))


def _section_text(body: _Body, text: str) -> None:
    for part in textparts.parts(text):
        if part.kind == textparts.LEVEL1:
            body.paragraph(ST_H1, body.run(part.text))
        elif part.kind == textparts.LEVEL2:
            body.paragraph(ST_H2, body.run(part.text))
        else:
            head = body.run(part.head, ST_H2_RUNIN) if part.head else ""
            body.paragraph(ST_BODY, head + body.run(part.text))


# ---------------------------------------------------------------- tables

@dataclass(frozen=True)
class _Cell:
    """One (merged) cell of a table being written."""

    row: int
    col: int
    text: str
    style: str
    rowspan: int = 1
    colspan: int = 1
    vertical: bool = False


def _table_xml(body: _Body, cells: list[_Cell], nrows: int, weights: tuple[float, ...], header_rows: int,
               kept: int) -> str:
    """The table; its first `kept` rows stay on the page of the row after them."""
    total = sum(weights)
    widths = [round(FRAME_W_MM * TWIPS_PER_MM * w / total) for w in weights]
    at = {(c.row, c.col): c for c in cells}
    covered = {(r, c.col): c for c in cells for r in range(c.row + 1, c.row + c.rowspan)}
    rows = []
    for r in range(nrows):
        tcs, col = [], 0
        while col < len(widths):
            cell = at.get((r, col)) or covered.get((r, col))
            if cell is None:
                raise ValueError(f"table row {r} column {col} has no cell")
            tcs.append(_tc(body, cell, r, sum(widths[col:col + cell.colspan]), r < kept))
            col += cell.colspan
        head = "<w:tblHeader/>" if r < header_rows else ""
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{head}</w:trPr>{''.join(tcs)}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    props = (f'<w:tblPr><w:tblStyle w:val={quoteattr(body.ids[ST_TABLE])}/><w:tblW w:w="{sum(widths)}" '
             'w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr>')
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _tc(body: _Body, cell: _Cell, row: int, width: int, keep: bool) -> str:
    """A cell; below the first row of a vertical merge, an empty continuation."""
    span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
    first = row == cell.row
    merge = "" if cell.rowspan == 1 else ('<w:vMerge w:val="restart"/>' if first else "<w:vMerge/>")
    direction = '<w:textDirection w:val="tbRlV"/>' if cell.vertical else ""
    runs = body.run(cell.text) if first else ""
    props = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}{direction}</w:tcPr>'
    return f"<w:tc>{props}{_p(body.ids[cell.style], runs, keep)}</w:tc>"


def _form_cells(t: S.TableDef, report: Report) -> list[_Cell]:
    """The official form's cells from its spans: labels and headers, and the figures formatted."""
    vertical = vertical_columns(t)
    centre, left = _cell_style(t.id, "c"), _cell_style(t.id, "l")
    out = []
    for sp in t.spans:
        if sp.cell:
            text, style = format_value(report.cells.get(sp.cell)), centre
        else:
            text, style = sp.text, (left if sp.role == "label" else centre)
        out.append(_Cell(sp.row, sp.col, text, style, sp.rowspan, sp.colspan,
                         bool(sp.vertical and sp.col in vertical)))
    return out


def _form_table(body: _Body, t: S.TableDef, report: Report) -> None:
    body.parts.append(_table_xml(body, _form_cells(t, report), t.nrows, t.col_weights, t.header_rows,
                                 kept=t.nrows - 1 if t.nrows <= KEEP_WHOLE_MAX_ROWS else t.header_rows + LEAD_ROWS))


def _fees(body: _Body, report: Report) -> None:
    """The three 信息处理费 figures, when any is given: a caption and a two-column table under 六's text."""
    values = [report.cells.get(cid) for cid, *_ in S.FEE_FIELDS]
    if all(v is None for v in values):
        return
    body.keep_last_with_next()  # with 六's last paragraph
    body.paragraph(ST_CAPTION, body.run(S.FEE_CAPTION), keep_next=True)
    cells = []
    for i, ((_cid, label, _kind, _unit), v) in enumerate(zip(S.FEE_FIELDS, values, strict=True)):
        cells += [_Cell(i, 0, label, _cell_style("fee", "l")), _Cell(i, 1, format_value(v), _cell_style("fee", "c"))]
    body.parts.append(_table_xml(body, cells, len(S.FEE_FIELDS), (0.62, 0.38), 0, kept=len(S.FEE_FIELDS) - 1))


# ---------------------------------------------------------------- the document

def _story(body: _Body, report: Report) -> None:
    _title(body, report)
    _section_text(body, report.sections.get(S.PREAMBLE.id, ""))
    for sec in S.SECTIONS:
        body.paragraph(ST_H1, body.run(sec.heading))
        if sec.table:
            _form_table(body, S.TABLES[sec.table], report)
            continue
        _section_text(body, report.sections.get(sec.id, ""))
        if sec.id == "s6":
            _fees(body, report)


def build_document(report: Report, draft: bool) -> DocxDocument:
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    _text_styles(doc)
    _table_styles(doc)
    _page_setup(doc)
    if draft:
        for header in (doc.sections[0].header, doc.sections[0].even_page_header):
            header.paragraphs[0].style = ST_DRAFT
            header.paragraphs[0].add_run(DRAFT_MARK)
    body = _Body(doc)
    _story(body, report)
    target = doc.element.body
    for el in parse_xml(body.xml()):
        target.insert(len(target) - 1, el)  # before the section properties, which come last
    props = doc.core_properties
    props.title = report.title + ("（草稿）" if draft else "")
    props.author = props.last_modified_by = report.meta.organ or "nianbao"
    props.comments = ""
    props.language = "zh-CN"
    return doc


def _with_fallbacks(data: bytes) -> bytes:
    """The package with font-table entries that name each face's fallback (w:altName)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            blob = src.read(item.filename)
            if item.filename == "word/fontTable.xml":
                blob = _font_table(blob)
            dst.writestr(item, blob)
    return out.getvalue()


def _font_table(xml: bytes) -> bytes:
    entries = "".join(
        f'<w:font w:name={quoteattr(face)}><w:altName w:val={quoteattr(alt)}/><w:charset w:val="86"/>'
        '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        for face, alt in FALLBACK.items())
    return xml.replace(b"</w:fonts>", entries.encode("utf-8") + b"</w:fonts>")


def render_docx(report: Report, draft: bool) -> bytes:
    doc = build_document(report, draft)
    buf = io.BytesIO()
    doc.save(buf)
    return _with_fallbacks(buf.getvalue())


def write_docx(report: Report, path: str | os.PathLike, draft: bool | None = None) -> None:
    """Write the Word document to `path` through a temporary file; raises ExportError with a Chinese message.

    draft None: a draft (「草稿（校核未通过）」 in the page header) when the report still has errors."""
    final = is_draft(report) if draft is None else draft
    write_rendered(path, " Word 文件", lambda: render_docx(report, final))


__all__ = ["write_docx", "render_docx", "build_document", "DRAFT_MARK"]
