"""Word .docx (python-docx): paragraphs and tables in document order.  Merged cells are read from the
XML (gridSpan, vMerge) so that a merged cell counts once."""
from __future__ import annotations

from ..result import IngestError
from ..zipguard import check_xml_parts

MAX_ITEMS = 200_000


def read_docx(path: str, name: str):
    check_xml_parts(path, name)
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(path)
    except Exception:
        raise IngestError(f"{name}：Word 文件已损坏，无法打开") from None
    W_P, W_TBL, W_SDT, W_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
    W_TR, W_TC, W_TCPR, W_SPAN, W_VMERGE, W_VAL = qn("w:tr"), qn("w:tc"), qn("w:tcPr"), qn("w:gridSpan"), qn("w:vMerge"), qn("w:val")
    W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")

    def para_text(p) -> str:
        out = []
        for el in p.iter():
            if el.tag == W_T:
                out.append(el.text or "")
            elif el.tag == W_TAB:
                out.append("\t")
            elif el.tag in (W_BR, W_CR):
                out.append("\n")
        return "".join(out)

    def cell_text(tc) -> str:
        parts = []
        for el in tc.iter():
            if el.tag == W_P:
                parts.append(para_text(el))
        return "\n".join(p for p in parts if p.strip())

    def table_rows(tbl) -> list[list]:
        rows = []
        for tr in tbl.iterchildren(W_TR):
            row = []
            for tc in tr.iterchildren(W_TC):
                pr = tc.find(W_TCPR)
                span, cont = 1, False
                if pr is not None:
                    gs = pr.find(W_SPAN)
                    if gs is not None and (gs.get(W_VAL) or "1").isdigit():
                        span = max(1, min(64, int(gs.get(W_VAL))))
                    vm = pr.find(W_VMERGE)
                    if vm is not None and vm.get(W_VAL, "continue") == "continue":
                        cont = True
                row.append(None if cont else cell_text(tc))
                row.extend([None] * (span - 1))
            rows.append(row)
        return rows

    from .docx_numbering import Numbering, style_numbering

    numbering = Numbering(document)
    styles = style_numbering(document)
    items: list[tuple] = []

    def walk(parent):
        for el in parent.iterchildren():
            if len(items) > MAX_ITEMS:
                raise IngestError(f"{name}：Word 文件内容过多，不是一份年度报告")
            if el.tag == W_P:
                text = para_text(el)
                number = numbering.label(el, styles) if text.strip() else ""
                for line in (number + text).split("\n"):
                    items.append(("line", line))
            elif el.tag == W_TBL:
                items.append(("table", table_rows(el)))
            elif el.tag == W_SDT:
                content = el.find(W_CONTENT)
                if content is not None:
                    walk(content)

    walk(document.element.body)
    return ("doc", items, None)
