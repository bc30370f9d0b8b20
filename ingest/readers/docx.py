"""Word .docx (python-docx): paragraphs and tables in document order.  Merged cells are read from the
XML (gridSpan, vMerge) so that a merged cell counts once."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from ..result import IngestError
from ..zipguard import check_xml_parts

if TYPE_CHECKING:  # python-docx is imported where a file is read (the sandbox child)
    from docx.oxml.xmlchemy import BaseOxmlElement
    from PIL.Image import Image

    from .docx_numbering import Numbering

MAX_ITEMS = 200_000


def read_docx(path: str, name: str, tell: Callable[[tuple], None] | None = None
              ) -> tuple[str, list[tuple], None] | tuple[str, list[tuple], list, dict]:
    """("doc", items, None); the tables the document shows as pictures are read by OCR when its text lacks
    them, and a fourth part says what OCR read."""
    check_xml_parts(path, name)
    import docx

    from .docx_numbering import Numbering, style_numbering
    from .pictures import read_with_pictures

    try:
        document = docx.Document(path)
    except Exception:
        raise IngestError(f"{name}：Word 文件已损坏，无法打开") from None
    walk = _BodyWalk(name, Numbering(document), style_numbering(document))
    walk.walk(document.element.body)
    return read_with_pictures(walk.items, lambda rid: _picture(document, rid), name, tell)


def _picture(document: Any, rid: str) -> Image | None:
    """The picture the relationship rid of the body names (an embedded PNG, JPEG…; None for a linked one or
    a drawing Pillow cannot read)."""
    from .pictures import MAX_PICTURE_BYTES, load_picture

    part = document.part.related_parts.get(rid)
    blob = getattr(part, "blob", None)
    return load_picture(blob) if blob and len(blob) <= MAX_PICTURE_BYTES else None


@lru_cache(maxsize=1)
def _tags() -> SimpleNamespace:
    """The WordprocessingML tags read here, qualified (python-docx is imported only where a file is read)."""
    from docx.oxml.ns import qn

    names = {"p": "w:p", "tbl": "w:tbl", "sdt": "w:sdt", "content": "w:sdtContent", "tr": "w:tr", "tc": "w:tc",
             "tcpr": "w:tcPr", "span": "w:gridSpan", "vmerge": "w:vMerge", "val": "w:val", "t": "w:t",
             "tab": "w:tab", "br": "w:br", "cr": "w:cr", "blip": "a:blip", "embed": "r:embed", "rid": "r:id"}
    vml = "{urn:schemas-microsoft-com:vml}"  # (not in python-docx's prefixes)
    return SimpleNamespace(**{k: qn(v) for k, v in names.items()}, imagedata=vml + "imagedata")


class _BodyWalk:
    """The body in document order: each paragraph's lines (with its automatic number), each table's rows;
    content controls (w:sdt) are walked into."""

    def __init__(self, name: str, numbering: Numbering, styles: dict[str, BaseOxmlElement]) -> None:
        self.name, self.numbering, self.styles = name, numbering, styles
        self.items: list[tuple] = []

    def walk(self, parent: BaseOxmlElement) -> None:
        w = _tags()
        for el in parent.iterchildren():
            if len(self.items) > MAX_ITEMS:
                raise IngestError(f"{self.name}：Word 文件内容过多，不是一份年度报告")
            if el.tag == w.p:
                text = _para_text(el)
                number = self.numbering.label(el, self.styles) if text.strip() else ""
                for line in (number + text).split("\n"):
                    self.items.append(("line", line))
                self.items += [("picture", rid) for rid in _pictures_in(el)]
            elif el.tag == w.tbl:
                self.items.append(("table", _table_rows(el)))
            elif el.tag == w.sdt:
                content = el.find(w.content)
                if content is not None:
                    self.walk(content)


def _pictures_in(p: BaseOxmlElement) -> list[str]:
    """The relationship ids of the pictures in a paragraph (DrawingML a:blip r:embed, VML v:imagedata r:id)."""
    w = _tags()
    return [rid for el in p.iter(w.blip, w.imagedata) if (rid := el.get(w.embed) or el.get(w.rid))]


def _para_text(p: BaseOxmlElement) -> str:
    w = _tags()
    out: list[str] = []
    for el in p.iter():
        if el.tag == w.t:
            out.append(el.text or "")
        elif el.tag == w.tab:
            out.append("\t")
        elif el.tag in (w.br, w.cr):
            out.append("\n")
    return "".join(out)


def _cell_text(tc: BaseOxmlElement) -> str:
    parts = [_para_text(el) for el in tc.iter() if el.tag == _tags().p]
    return "\n".join(p for p in parts if p.strip())


def _table_rows(tbl: BaseOxmlElement) -> list[list[str | None]]:
    """Rows of cell texts; a merged cell is its text once and None in the grid places it covers."""
    w = _tags()
    rows: list[list[str | None]] = []
    for tr in tbl.iterchildren(w.tr):
        row: list[str | None] = []
        for tc in tr.iterchildren(w.tc):
            span, cont = _merge_of(tc)
            row.append(None if cont else _cell_text(tc))
            row.extend([None] * (span - 1))
        rows.append(row)
    return rows


def _merge_of(tc: BaseOxmlElement) -> tuple[int, bool]:
    """(columns the cell spans, whether it continues a vertical merge from the row above)."""
    w = _tags()
    pr = tc.find(w.tcpr)
    span, cont = 1, False
    if pr is not None:
        gs = pr.find(w.span)
        if gs is not None and (gs.get(w.val) or "1").isdigit():
            span = max(1, min(64, int(gs.get(w.val))))
        vm = pr.find(w.vmerge)
        if vm is not None and vm.get(w.val, "continue") == "continue":
            cont = True
    return span, cont
