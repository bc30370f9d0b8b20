"""The PDF in the official layout (GB/T 9704-2012 body, the form's tables of 国办公开办函〔2021〕30号).

A4, margins 37/35/28/26 mm (版心 156×225 mm); title 22 pt 小标宋 style; body 16 pt 仿宋 style with a
two-character indent and a 28.9 pt pitch (22 lines a page); 一、 headings in 黑体 style; page numbers
「- N -」 14 pt, 7 mm below the 版心, odd pages right and even pages left.  The tables are drawn from
model.schema spans, so the merged cells are the official ones.  Fonts: export/fonts.py; line breaking
禁则: export/linebreak.py.
"""
from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from html import escape as _escape
from typing import TYPE_CHECKING, Literal

from model import schema as S
from model.engine import Checker
from model.report import Report
from model.values import format_value

from . import linebreak, textparts
from .atomic import write_rendered
from .fonts import covered, register_fonts
from .grid import vertical_columns
from .textparts import clean

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable, Paragraph, Table

# Paragraph markup escapes &, < and >.  (xml.sax.saxutils would do as well, but imports urllib.request: 0.08 s.)
escape = partial(_escape, quote=False)

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, BOTTOM, LEFT, RIGHT = 37 * MM, 35 * MM, 28 * MM, 26 * MM
FRAME_W, FRAME_H = PAGE_W - LEFT - RIGHT, PAGE_H - TOP - BOTTOM  # 156 × 225 mm

TITLE_PT = 22
BODY_PT = 16
PITCH = 28.9  # ≈ 225 mm / 22 lines
PAGE_NO_PT = 14
PAGE_NO_GAP = 7 * MM  # from the bottom edge of the 版心 to the top of the page number
TABLE_PT = {"t2": 10.5, "t3": 8.0, "t4": 8.0}
MIN_ROOM = 0.45  # of the 版心: a table too tall for the rest of the page starts there only with this much room
DRAFT_MARK = "草稿（校核未通过）"
CREATOR = "nianbao"



@dataclass(frozen=True)
class Faces:
    title: str
    body: str
    heading: str
    kai: str
    table: str
    fallback: str  # draws what the others lack
    kai_official: bool


def _faces() -> Faces:
    from .fonts import choose_fonts

    names = register_fonts()
    kai = choose_fonts()["kai"]
    return Faces(names["title"], names["body"], names["heading"], names["kai"], names["table"], names["fallback"],
                 kai.official)


def _x(text: str) -> str:
    """Paragraph markup for plain text."""
    return escape(clean(text))


class _Styles:
    def __init__(self, f: Faces):
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
        from reportlab.lib.styles import ParagraphStyle

        self.faces = f
        self.title = ParagraphStyle("title", fontName=f.title, fontSize=TITLE_PT, leading=TITLE_PT * 1.5,
                                    alignment=TA_CENTER, wordWrap="CJK")
        self.body = ParagraphStyle("body", fontName=f.body, fontSize=BODY_PT, leading=PITCH,
                                   firstLineIndent=2 * BODY_PT, alignment=TA_JUSTIFY, wordWrap="CJK")
        self.heading = ParagraphStyle("heading", parent=self.body, fontName=f.heading, alignment=TA_LEFT)
        self.caption = ParagraphStyle("caption", parent=self.heading, alignment=TA_CENTER, firstLineIndent=0)
        self._cmaps: dict[str, dict] = {}
        self.cells: dict[tuple[str, str], ParagraphStyle] = {}
        for tid, pt in TABLE_PT.items():
            aligns: tuple[tuple[str, Literal[0, 1]], ...] = (("c", TA_CENTER), ("l", TA_LEFT))
            for align, a in aligns:
                self.cells[(tid, align)] = ParagraphStyle(f"{tid}{align}", fontName=f.table, fontSize=pt,
                                                          leading=pt * 1.25, alignment=a, wordWrap="CJK")

    def mark(self, text: str, face: str) -> str:
        """Paragraph markup for plain text in `face`; characters the face cannot draw (a rare place-name
        character missing from 仿宋_GB2312, say) are drawn in the fallback face instead of as blanks."""
        cmap = self._cmap(face)
        fb = self.faces.fallback
        if fb == face:
            return _x(text)
        fb_cmap = self._cmap(fb)
        out: list[str] = []
        run: list[str] = []
        run_fb = False
        for ch in clean(text):
            use_fb = ord(ch) not in cmap and ord(ch) in fb_cmap and not ch.isspace()
            if use_fb != run_fb and run:
                out.append(self._run("".join(run), run_fb))
                run = []
            run_fb = use_fb
            run.append(ch)
        if run:
            out.append(self._run("".join(run), run_fb))
        return "".join(out)

    def _run(self, text: str, fallback: bool) -> str:
        return f'<font name="{self.faces.fallback}">{escape(text)}</font>' if fallback else escape(text)

    def _cmap(self, face: str) -> dict:
        m = self._cmaps.get(face)
        if m is None:
            m = self._cmaps[face] = covered(face)
        return m


# ---------------------------------------------------------------- the story

def _title(report: Report, st: _Styles) -> list:
    """One or two centred lines: 机关全称 / 「YYYY年政府信息公开工作年度报告」."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, Spacer

    title = report.title
    organ = report.meta.organ
    if stringWidth(title, st.faces.title, TITLE_PT) > FRAME_W and organ and title.startswith(organ) \
            and title != organ:
        markup = f"{st.mark(organ, st.faces.title)}<br/>{st.mark(title[len(organ):], st.faces.title)}"
    else:
        markup = st.mark(title, st.faces.title)
    return [Paragraph(markup, st.title), Spacer(1, PITCH)]


def _paragraph(part: textparts.Part, st: _Styles) -> Paragraph:
    from reportlab.platypus import Paragraph

    kai = st.faces.kai_official  # （一） headings in 楷体 where the face exists, else 仿宋 (GB/T 9704)
    if part.kind == textparts.LEVEL1:
        return Paragraph(st.mark(part.text, st.faces.heading), st.heading)
    if part.kind == textparts.LEVEL2 and kai:
        return Paragraph(f'<font name="{st.faces.kai}">{st.mark(part.text, st.faces.kai)}</font>', st.body)
    if part.head and kai:
        return Paragraph(f'<font name="{st.faces.kai}">{st.mark(part.head, st.faces.kai)}</font>'
                         f'{st.mark(part.text, st.faces.body)}', st.body)
    return Paragraph(st.mark(part.head + part.text, st.faces.body), st.body)


def _section_text(text: str, st: _Styles) -> list:
    return [_paragraph(p, st) for p in textparts.parts(text)]


def table_col_widths(t: S.TableDef) -> list[float]:
    total = sum(t.col_weights)
    return [FRAME_W * w / total for w in t.col_weights]


def _table(t: S.TableDef, report: Report, st: _Styles) -> Table:
    """The table from its spans: every span one (merged) cell, ruled, numbers centred."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    pt = TABLE_PT[t.id]
    centre, left = st.cells[(t.id, "c")], st.cells[(t.id, "l")]
    data: list[list[str | Paragraph]] = [["" for _ in range(t.ncols)] for _ in range(t.nrows)]
    cmds: list = [
        ("GRID", (0, 0), (-1, -1), 0.6, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("FONT", (0, 0), (-1, -1), st.faces.table, pt),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    vertical = vertical_columns(t)
    widths = table_col_widths(t)
    for sp in t.spans:
        if sp.rowspan > 1 or sp.colspan > 1:
            cmds.append(("SPAN", (sp.col, sp.row), (sp.col + sp.colspan - 1, sp.row + sp.rowspan - 1)))
        if sp.cell:
            data[sp.row][sp.col] = format_value(report.cells.get(sp.cell))
            continue
        if sp.vertical and sp.col in vertical:
            markup = "<br/>".join(st.mark(ch, st.faces.table) for ch in sp.text)
            data[sp.row][sp.col] = Paragraph(markup, centre)
        elif sp.role == "label":
            data[sp.row][sp.col] = Paragraph(st.mark(sp.text, st.faces.table), left)
        else:
            width = sum(widths[sp.col:sp.col + sp.colspan]) - 4  # minus the cell padding
            data[sp.row][sp.col] = Paragraph(_balanced(sp.text, st, pt, width), centre)
    tbl = Table(data, colWidths=widths, repeatRows=t.header_rows, hAlign="CENTER")
    tbl.setStyle(TableStyle(cmds))
    return tbl


def _balanced(text: str, st: _Styles, pt: float, width: float) -> str:
    """Markup for a centred header that needs two lines: split it into halves of similar width
    (「结果/维持」, not 「结果维/持」), preferring a break after a closing bracket (「（四）/无法提供」)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = st.faces.table
    if stringWidth(text, font, pt) <= width or len(text) < 2:
        return st.mark(text, font)
    best, best_key = None, None
    for k in range(1, len(text)):
        if not linebreak.can_break(text[k - 1], text[k]):
            continue
        a, b = stringWidth(text[:k], font, pt), stringWidth(text[k:], font, pt)
        if max(a, b) > width:
            continue
        key = (0 if text[k - 1] in "）)" else 1, abs(a - b))
        if best_key is None or key < best_key:
            best, best_key = k, key
    if best is None:  # needs three lines or more: let the paragraph wrap it
        return st.mark(text, font)
    return f"{st.mark(text[:best], font)}<br/>{st.mark(text[best:], font)}"


def _fee_table(report: Report, st: _Styles) -> Table | None:
    """The three 信息处理费 figures under section 六, when any is given."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    vals = [report.cells.get(cid) for cid, *_ in S.FEE_FIELDS]
    if all(v is None for v in vals):
        return None
    pt = TABLE_PT["t2"]
    left = st.cells[("t2", "l")]
    data = [[Paragraph(st.mark(label, st.faces.table), left), format_value(v)] for (_cid, label, _k, _u), v in zip(S.FEE_FIELDS, vals)]
    tbl = Table(data, colWidths=[FRAME_W * 0.62, FRAME_W * 0.38], hAlign="CENTER")
    tbl.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (1, -1), "CENTER"), ("FONT", (0, 0), (-1, -1), st.faces.table, pt),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return tbl


def _table_block(heading: Paragraph, table: Table) -> list[Flowable]:
    """A section's heading and table.  A table that fits where it is stays there; one that does not starts
    a new page when it fits on one and less than MIN_ROOM of this page is left, and otherwise runs on to
    the next page under its repeated header rows, so that no page is left mostly blank."""
    from reportlab.platypus import CondPageBreak, Spacer

    gap = Spacer(1, 4)
    need = sum(f.wrap(FRAME_W, FRAME_H)[1] for f in (heading, gap, table))
    room = need if need <= FRAME_H * MIN_ROOM else min(need, FRAME_H * MIN_ROOM)
    return [CondPageBreak(room), heading, gap, table, Spacer(1, PITCH / 2)]


def _fee_block(report: Report, st: _Styles, kept: list) -> list:
    """六's last paragraph (`kept`), the caption and the 信息处理费 figures, kept on one page."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    fees = _fee_table(report, st)
    if fees is None:
        return kept
    caption = Paragraph(st.mark(S.FEE_CAPTION, st.faces.heading), st.caption)
    return [KeepTogether(kept + [Spacer(1, 6), caption, Spacer(1, 4), fees])]


def build_story(report: Report, st: _Styles) -> list:
    from reportlab.platypus import CondPageBreak, Paragraph

    story = _title(report, st)
    story += _section_text(report.sections.get(S.PREAMBLE.id, ""), st)  # 前言, unnumbered, under the title
    for sec in S.SECTIONS:
        heading = Paragraph(st.mark(sec.heading, st.faces.heading), st.heading)
        if sec.table:
            story += _table_block(heading, _table(S.TABLES[sec.table], report, st))
            continue
        # never a heading alone at a page foot: it needs room for itself and two lines of text
        story += [CondPageBreak(PITCH * 3)]
        text = [heading] + _section_text(report.sections.get(sec.id, ""), st)
        if sec.id == "s6":
            tail = 2 if len(text) == 2 else 1  # a one-paragraph 六 keeps its heading too
            text[-tail:] = _fee_block(report, st, text[-tail:])
        story += text
    return story


# ---------------------------------------------------------------- pages

def _page_decor(draft: bool, faces: Faces) -> Callable[[Canvas, object], None]:
    def draw(canv: Canvas, doc: object) -> None:
        canv.saveState()
        n = canv.getPageNumber()
        text = f"- {n} -"
        y = BOTTOM - PAGE_NO_GAP - PAGE_NO_PT * 0.8  # baseline: top of the figures 7 mm below the 版心
        canv.setFont(faces.body, PAGE_NO_PT)
        if n % 2:  # odd: right, one character in from the edge of the 版心
            canv.drawRightString(PAGE_W - RIGHT - PAGE_NO_PT, y, text)
        else:
            canv.drawString(LEFT + PAGE_NO_PT, y, text)
        if draft:
            canv.setFillColorRGB(0.75, 0, 0)
            canv.setFont(faces.heading, 12)
            canv.drawCentredString(PAGE_W / 2, PAGE_H - TOP + 10 * MM, DRAFT_MARK)
        canv.restoreState()
    return draw


def render_pdf(report: Report, draft: bool) -> bytes:
    from reportlab import rl_config
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    rl_config.useA85 = 0  # binary streams: smaller, and no pure-Python ASCII85 encoding of every font subset
    linebreak.install()
    faces = _faces()
    st = _Styles(faces)
    buf = io.BytesIO()
    title = report.title + ("（草稿）" if draft else "")
    doc = BaseDocTemplate(buf, pagesize=(PAGE_W, PAGE_H), leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
                          bottomMargin=BOTTOM, title=title, author=report.meta.organ or CREATOR,
                          creator=CREATOR, subject=S.TITLE_SUFFIX.lstrip("年"), producer=CREATOR,
                          lang="zh-CN", pageCompression=1, initialFontName=faces.body, initialFontSize=BODY_PT)
    frame = Frame(LEFT, BOTTOM, FRAME_W, FRAME_H, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                  id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_page_decor(draft, faces))])
    doc.build(build_story(report, st))
    return buf.getvalue()


def preload() -> None:
    """Import reportlab and parse the fonts ahead of the first export (≈ 0.15 s); the window may call
    it in a background thread at start-up so that the clerk's first PDF comes as fast as the later ones."""
    import reportlab.platypus  # noqa: F401

    linebreak.install()
    register_fonts()


def is_draft(report: Report) -> bool:
    """A draft while the report has errors; an error's 说明 never makes it final."""
    return Checker(report).has_errors()


def write_pdf(report: Report, path: str | os.PathLike, draft: bool | None = None) -> None:
    """Write the PDF to `path` through a temporary file; raises ExportError with a Chinese message.

    draft None: a draft (「草稿（校核未通过）」 in the page header) when the report still has errors."""
    final = is_draft(report) if draft is None else draft
    write_rendered(path, " PDF ", lambda: render_pdf(report, final))


__all__ = ["write_pdf", "render_pdf", "is_draft", "preload", "DRAFT_MARK"]
