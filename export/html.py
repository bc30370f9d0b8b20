"""The web page a report is published as: one self-contained HTML file for the government website's CMS.

Title, sections and the three tables as real <table>s with the official form's rowspan/colspan (from
model.schema spans), the 信息处理费 figures under 六 with a caption.  Every style is written on its element
(style="…"): a CMS editor keeps those when the page is pasted into it, where it drops a <style> block.
No script, no image, no font or stylesheet loaded from anywhere: nothing but the file itself.
"""
from __future__ import annotations

import os
from html import escape

from model import schema as S
from model.report import Report
from model.values import format_value

from . import textparts
from .atomic import write_rendered
from .docx import FACE_BODY, FACE_HEADING, FACE_KAI, FACE_TABLE, FACE_TITLE, FALLBACK
from .grid import vertical_columns
from .pdf import DRAFT_MARK, is_draft


def _family(face: str, generic: str) -> str:
    """A CSS font-family: the face, its fallbacks as the Word export names them, then the generic one."""
    names = [face]
    while names[-1] in FALLBACK and FALLBACK[names[-1]] not in names:
        names.append(FALLBACK[names[-1]])
    return ", ".join([f"'{n}'" for n in names] + [generic])


_BODY = f"font-family: {_family(FACE_BODY, 'serif')}; font-size: 16pt; line-height: 28pt"
CSS = {
    "page": "max-width: 160mm; margin: 0 auto; color: #000; background: #fff",
    "title": f"font-family: {_family(FACE_TITLE, 'serif')}; font-size: 22pt; font-weight: normal; "
             "text-align: center; line-height: 1.5; margin: 0 0 28pt 0",
    "draft": f"font-family: {_family(FACE_HEADING, 'sans-serif')}; color: #c00000; text-align: center",
    "body": f"{_BODY}; text-indent: 2em; text-align: justify; margin: 0",
    "h1": f"font-family: {_family(FACE_HEADING, 'sans-serif')}; font-size: 16pt; line-height: 28pt; "
          "font-weight: normal; text-indent: 2em; margin: 0",
    "h2": f"font-family: {_family(FACE_KAI, 'serif')}; font-size: 16pt; line-height: 28pt; font-weight: normal; "
          "text-indent: 2em; margin: 0",
    "runin": f"font-family: {_family(FACE_KAI, 'serif')}",
    "table": f"border-collapse: collapse; width: 100%; margin: 6pt 0 14pt 0; font-family: {_family(FACE_TABLE, 'serif')}",
    "caption": f"font-family: {_family(FACE_HEADING, 'sans-serif')}; font-size: 16pt; line-height: 28pt; padding: 0",
    "cell": "border: 1px solid #000; padding: 2pt 3pt; vertical-align: middle",
}
CELL_PT = {"t2": 10.5, "t3": 9, "t4": 9, "fee": 10.5}


def _tag(name: str, css: str, content: str, attrs: str = "") -> str:
    return f'<{name}{attrs} style="{css}">{content}</{name}>'


def _text(text: str) -> str:
    return escape(textparts.clean(text)).replace("\n", "<br>")


def _title(report: Report) -> str:
    title, organ = report.title, report.meta.organ or ""
    if organ and title.startswith(organ) and title != organ:  # 「淮安市人民政府 / 2024年…报告」, as printed
        return _tag("h1", CSS["title"], f"{_text(organ)}<br>{_text(title[len(organ):])}")
    return _tag("h1", CSS["title"], _text(title))


def _section_text(text: str) -> list[str]:
    out = []
    for part in textparts.parts(text):
        if part.kind == textparts.LEVEL1:
            out.append(_tag("h3", CSS["h1"], _text(part.text)))
        elif part.kind == textparts.LEVEL2:
            out.append(_tag("h4", CSS["h2"], _text(part.text)))
        else:
            head = _tag("span", CSS["runin"], _text(part.head)) if part.head else ""
            out.append(_tag("p", CSS["body"], head + _text(part.text)))
    return out


def _td(text: str, size: float, align: str, rowspan: int = 1, colspan: int = 1, vertical: bool = False) -> str:
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    css = f"{CSS['cell']}; font-size: {size}pt; text-align: {align}"
    if vertical:
        css += "; writing-mode: vertical-rl; letter-spacing: 2pt"
    return _tag("td", css, _text(text), attrs)


def _form_table(t: S.TableDef, report: Report) -> str:
    """The table from its spans, row by row: a merged cell is written once, in its first row."""
    size = CELL_PT[t.id]
    vertical = vertical_columns(t)
    rows: list[list[str]] = [[] for _ in range(t.nrows)]
    for sp in sorted(t.spans, key=lambda sp: (sp.row, sp.col)):
        if sp.cell:
            text, align = format_value(report.cells.get(sp.cell)), "center"
        else:
            text, align = sp.text, ("left" if sp.role == "label" else "center")
        rows[sp.row].append(_td(text, size, align, sp.rowspan, sp.colspan, bool(sp.vertical and sp.col in vertical)))
    head = "".join(f"<tr>{''.join(r)}</tr>" for r in rows[:t.header_rows])
    body = "".join(f"<tr>{''.join(r)}</tr>" for r in rows[t.header_rows:])
    thead = f"<thead>{head}</thead>" if head else ""
    return _tag("table", CSS["table"], f"{thead}<tbody>{body}</tbody>")


def _fees(report: Report) -> str:
    values = [report.cells.get(cid) for cid, *_ in S.FEE_FIELDS]
    if all(v is None for v in values):
        return ""
    size = CELL_PT["fee"]
    rows = "".join(f"<tr>{_td(label, size, 'left')}{_td(format_value(v), size, 'center')}</tr>"
                   for (_cid, label, _kind, _unit), v in zip(S.FEE_FIELDS, values, strict=True))
    return _tag("table", CSS["table"], _tag("caption", CSS["caption"], _text(S.FEE_CAPTION)) + f"<tbody>{rows}</tbody>")


def render_html(report: Report, draft: bool) -> str:
    parts = [_tag("p", CSS["draft"], DRAFT_MARK)] if draft else []
    parts.append(_title(report))
    parts += _section_text(report.sections.get(S.PREAMBLE.id, ""))
    for sec in S.SECTIONS:
        parts.append(_tag("h2", CSS["h1"], _text(sec.heading)))
        if sec.table:
            parts.append(_form_table(S.TABLES[sec.table], report))
            continue
        parts += _section_text(report.sections.get(sec.id, ""))
        if sec.id == "s6":
            parts.append(_fees(report))
    title = _text(report.title + ("（草稿）" if draft else ""))
    body = _tag("div", CSS["page"], "\n".join(p for p in parts if p))
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{title}</title>\n<meta name=\"generator\" content=\"nianbao\">\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def write_html(report: Report, path: str | os.PathLike, draft: bool | None = None) -> None:
    """Write the web page to `path` through a temporary file; raises ExportError with a Chinese message.

    draft None: a draft (「草稿（校核未通过）」 above the title) when the report still has errors."""
    final = is_draft(report) if draft is None else draft
    write_rendered(path, "网页", lambda: render_html(report, final).encode("utf-8"))


__all__ = ["write_html", "render_html"]
