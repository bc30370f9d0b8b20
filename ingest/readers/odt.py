"""OpenDocument text .odt (LibreOffice, WPS on UOS/Kylin): paragraphs and tables of content.xml in
document order, read with defusedxml after the zip checks.  A cell covered by a merged one is None, as in
the .docx reader."""
from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from ..result import IngestError
from ..zipguard import MAX_MEMBER, check_xml_parts
from .odt_numbering import OdtNumbering

if TYPE_CHECKING:
    from PIL.Image import Image

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
P, H, LIST, LIST_ITEM, LIST_HEADER, SECTION = (f"{{{TEXT}}}{t}" for t in
                                               ("p", "h", "list", "list-item", "list-header", "section"))
S, TAB, BREAK, NOTE = (f"{{{TEXT}}}{t}" for t in ("s", "tab", "line-break", "note"))
TBL, ROW, CELL, COVERED = (f"{{{TABLE}}}{t}" for t in ("table", "table-row", "table-cell", "covered-table-cell"))
ROW_GROUPS = {f"{{{TABLE}}}{t}" for t in ("table-header-rows", "table-rows", "table-row-group")}
COLS_REPEATED, ROWS_REPEATED = f"{{{TABLE}}}number-columns-repeated", f"{{{TABLE}}}number-rows-repeated"
IMAGE = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}image"
HREF = "{http://www.w3.org/1999/xlink}href"
MAX_REPEAT = 64  # a repeated empty cell or row stands for at most this many (a sheet's tail repeats to 1024)
MAX_ITEMS = 200_000


def read_odt(path: str, name: str, tell: Callable[[tuple], None] | None = None
             ) -> tuple[str, list[tuple], None] | tuple[str, list[tuple], list, dict]:
    """("doc", items, None); the tables the document shows as pictures are read by OCR when its text lacks
    them, and a fourth part says what OCR read."""
    check_xml_parts(path, name)
    root = _part(path, "content.xml", name)
    assert root is not None  # a required part is there or IngestError
    body = root.find("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}body")
    if body is None:
        raise IngestError(f"{name}：OpenDocument 文件中没有正文")
    styles = _part(path, "styles.xml", name, required=False)
    numbering = OdtNumbering(root, *([styles] if styles is not None else []))
    items: list[tuple] = []
    for part in body:
        _walk(part, items, name, numbering)
    from .pictures import read_with_pictures

    return read_with_pictures(items, lambda href: _picture(path, href), name, tell)


def _picture(path: str, href: str) -> Image | None:
    """A picture stored in the document (Pictures/…); None for a linked one or one Pillow cannot read."""
    from .pictures import picture_in_zip

    try:
        with zipfile.ZipFile(path) as z:
            return picture_in_zip(z, href.lstrip("./"))
    except (OSError, zipfile.BadZipFile):
        return None


def _part(path: str, part: str, name: str, required: bool = True) -> Element | None:
    """One XML part, parsed (None for a missing part that is not required)."""
    import defusedxml.ElementTree as DET

    try:
        with zipfile.ZipFile(path) as z:
            refuse_encrypted(z, name)
            if not required and part not in z.namelist():
                return None
            with z.open(part) as fh:
                data = fh.read(MAX_MEMBER + 1)
        return DET.fromstring(data, forbid_dtd=True)
    except IngestError:
        raise
    except Exception as e:
        raise IngestError(f"{name}：OpenDocument 文件已损坏，无法读取（{type(e).__name__}）") from None


def refuse_encrypted(z: zipfile.ZipFile, name: str) -> None:
    """An OpenDocument file with an opening password lists its encrypted parts in the manifest."""
    if "META-INF/manifest.xml" in z.namelist() and b"encryption-data" in z.read("META-INF/manifest.xml"):
        raise IngestError(f"{name}：设有打开密码（已加密），无法读取；请在 LibreOffice 或 WPS 中取消密码后再导入")


def _walk(parent: Element, items: list[tuple], name: str, numbering: OdtNumbering | None = None) -> None:
    """Paragraphs and tables in document order; numbering gives list items their automatic numbers."""
    for el in parent:
        if len(items) > MAX_ITEMS:
            raise IngestError(f"{name}：文件内容过多，不是一份年度报告")
        if el.tag in (P, H):
            text = para_text(el)
            number = numbering.take(text) if numbering else ""
            items.extend(("line", line) for line in (number + text).split("\n"))
            items.extend(("picture", href) for image in el.iter(IMAGE) if (href := image.get(HREF)))
        elif el.tag == TBL:
            items.append(("table", table_rows(el)))
        elif el.tag == LIST and numbering:
            numbering.enter_list(el)
            _walk(el, items, name, numbering)
            numbering.leave_list()
        elif el.tag == LIST_ITEM and numbering:
            numbering.item(el)
            _walk(el, items, name, numbering)
        elif el.tag in (LIST, LIST_ITEM, LIST_HEADER, SECTION):
            _walk(el, items, name, numbering)


def para_text(p: Element) -> str:
    out = [p.text or ""]
    for child in p:
        if child.tag == S:
            out.append(" " * min(MAX_REPEAT, _count(child.get(f"{{{TEXT}}}c"))))
        elif child.tag == TAB:
            out.append("\t")
        elif child.tag == BREAK:
            out.append("\n")
        elif child.tag != NOTE:  # spans, links, fields: their text; a footnote's body is not the line's
            out.append(para_text(child))
        out.append(child.tail or "")
    return "".join(out)


def _count(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 1


def table_rows(tbl: Element) -> list[list[str | None]]:
    rows: list[list[str | None]] = []
    for tr in _rows(tbl):
        row: list[str | None] = []
        for cell in tr:
            if cell.tag not in (CELL, COVERED):
                continue
            text = None if cell.tag == COVERED else cell_text(cell)
            row.extend([text] * min(MAX_REPEAT, _count(cell.get(COLS_REPEATED))))
        rows.extend([row] * min(MAX_REPEAT, _count(tr.get(ROWS_REPEATED))))
    return rows


def _rows(tbl: Element) -> Iterator[Element]:
    for el in tbl:
        if el.tag == ROW:
            yield el
        elif el.tag in ROW_GROUPS:
            yield from _rows(el)


def cell_text(cell: Element) -> str:
    parts: list[str] = []
    for el in cell:
        if el.tag in (P, H):
            parts.append(para_text(el))
        elif el.tag in (LIST, SECTION):
            inner: list[tuple] = []
            _walk(el, inner, "")
            parts.extend(c for k, c in inner if k == "line")
    return "\n".join(p for p in parts if p.strip())
