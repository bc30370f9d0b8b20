"""OFD (GB/T 33190 版式文件): a zip of XML — OFD.xml names the document, its Document.xml lists the pages,
each page's Content.xml holds positioned TextObjects.  The glyphs are placed as words on the page and the
lines rebuilt by the same code as for PDF (layout.py).  The namespace differs between producers, so
elements are matched by their local name.  Zip and XML limits as for .docx (zipguard)."""
from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from ..result import IngestError
from ..zipguard import MAX_MEMBER, check_xml_parts
from .layout import lines_of, page_items

if TYPE_CHECKING:

    from .pictures import Placed

MAX_PAGES = 300
MAX_GLYPHS = 2_000_000
PT_PER_MM = 72 / 25.4  # OFD measures in millimetres; layout.py's thresholds were tuned on points
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def read_ofd(path: str, name: str, tell: Callable[[tuple], None] | None = None
             ) -> tuple[str, list[tuple], None] | tuple[str, list[tuple], list, dict]:
    """("doc", items, None); a page that is only a picture (a scan) and, when the text lacks a table, the wide
    pictures on the other pages are read by OCR, and a fourth part says what OCR read."""
    check_xml_parts(path, name)
    with zipfile.ZipFile(path) as z:
        if any(n.lower().endswith("encryptions.xml") for n in z.namelist()):
            raise IngestError(f"{name}：OFD 文件已加密，无法读取；请使用未加密的文件")
        doc_part, parts = _document(z, name)
        pages = [_xml(z, part, name) for part in parts]
        words = [page_words(page) for page in pages]
        placed = _pictures_to_read(z, doc_part, pages, words, name)
        ocr = None
        if placed:
            from .pictures import read_placed

            ocr = read_placed(placed, words, name, tell or (lambda msg: None))
    items, chars = page_items([lines_of(w) for w in words])
    if chars == 0:
        raise IngestError(f"{name}：OFD 中没有文字，也没有可识别的图片")
    return ("doc", items, None) if ocr is None else ("doc", items, [], ocr)


def _pictures_to_read(z: zipfile.ZipFile, doc_part: str, pages: list[Element], words: list[list[dict]],
                      name: str) -> list[Placed]:
    """The largest picture of each page without text (a scan), and, when the text lacks a table, each picture
    two fifths of the page wide or wider on the other pages."""
    from .pictures import Placed, lacks_a_table, picture_in_zip

    media = _media(z, doc_part, name)
    width = _page_width(_xml(z, doc_part, name))
    tables_missing = lacks_a_table("".join(w["text"] for page in words for w in page))
    out = []
    for k, page in enumerate(pages):
        pictures = [(box, media[rid]) for box, rid in _image_objects(page) if rid in media]
        if not words[k] and pictures:
            box, member = max(pictures, key=lambda p: (p[0][2] - p[0][0]) * (p[0][3] - p[0][1]))
            out.append(Placed(k, "scanned", box, partial(picture_in_zip, z, member)))
        elif tables_missing:
            out += [Placed(k, "pictures", box, partial(picture_in_zip, z, member)) for box, member in pictures
                    if box[2] - box[0] >= 0.4 * width]
    return out


def _image_objects(page: Element) -> list[tuple[tuple[float, float, float, float], str]]:
    """(where it stands in points, its resource id) of each ImageObject of a page."""
    out = []
    for obj in page.iter():
        if local(obj.tag) == "ImageObject" and obj.get("ResourceID"):
            x, y, w, h = (_numbers(obj.get("Boundary")) + [0.0] * 4)[:4]
            if w > 0 and h > 0:
                box = (x * PT_PER_MM, y * PT_PER_MM, (x + w) * PT_PER_MM, (y + h) * PT_PER_MM)
                out.append((box, obj.get("ResourceID") or ""))
    return out


def _media(z: zipfile.ZipFile, doc_part: str, name: str) -> dict[str, str]:
    """MultiMedia id → the zip member of its file, from the document's resource files (DocumentRes, PublicRes)."""
    base = posixpath.dirname(doc_part)
    out: dict[str, str] = {}
    for el in _xml(z, doc_part, name).iter():
        if local(el.tag) in ("DocumentRes", "PublicRes") and el.text:
            res_part = _resolve(base, el.text, z)
            if res_part not in z.namelist():
                continue
            res = _xml(z, res_part, name)
            res_base = posixpath.join(posixpath.dirname(res_part), res.get("BaseLoc") or "")
            for mm in res.iter():
                if local(mm.tag) == "MultiMedia" and mm.get("ID"):
                    file = next((f.text for f in mm if local(f.tag) == "MediaFile" and f.text), None)
                    if file:
                        out[mm.get("ID") or ""] = _resolve(res_base, file, z)
    return out


def _page_width(document: Element) -> float:
    """The pages' width in points (CommonData's PhysicalBox; A4 when not given)."""
    box = next((_numbers(el.text) for el in document.iter() if local(el.tag) == "PhysicalBox"), [])
    return (box[2] if len(box) == 4 else 210.0) * PT_PER_MM



def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml(z: zipfile.ZipFile, part: str, name: str) -> Element:
    import defusedxml.ElementTree as DET

    try:
        with z.open(part) as fh:
            data = fh.read(MAX_MEMBER + 1)
        return DET.fromstring(data, forbid_dtd=True)
    except KeyError:
        raise IngestError(f"{name}：OFD 文件不完整（缺少 {part[:60]}）") from None
    except Exception as e:
        raise IngestError(f"{name}：OFD 文件已损坏，无法读取 {part[:60]}（{type(e).__name__}）") from None


def _document(z: zipfile.ZipFile, name: str) -> tuple[str, list[str]]:
    """The first document's Document.xml, and the Content.xml of each of its pages, in order."""
    doc_root = next((el.text for el in _xml(z, "OFD.xml", name).iter() if local(el.tag) == "DocRoot"), None)
    if not doc_root:
        raise IngestError(f"{name}：OFD 文件已损坏（OFD.xml 中没有文档入口 DocRoot）")
    doc_part = _resolve("", doc_root, z)
    base = posixpath.dirname(doc_part)
    locs = [el.get("BaseLoc") or "" for el in _xml(z, doc_part, name).iter() if local(el.tag) == "Page"]
    if len(locs) > MAX_PAGES:
        raise IngestError(f"{name}：OFD 有 {len(locs)} 页，不是一份年度报告")
    return doc_part, [_resolve(base, loc, z) for loc in locs if loc]


def _resolve(base: str, loc: str, z: zipfile.ZipFile) -> str:
    """A location as written in the file (relative to base, or absolute from the package root) → member."""
    loc = loc.strip().replace("\\", "/")
    part = posixpath.normpath(loc.lstrip("/") if loc.startswith("/") else posixpath.join(base, loc))
    names = set(z.namelist())
    if part not in names and f"{part}/Content.xml" in names:  # a page given by its folder
        part = f"{part}/Content.xml"
    return part


def _numbers(text: str | None) -> list[float]:
    return [float(x) for x in _NUMBER.findall(text or "")]


def deltas(text: str | None) -> list[float]:
    """DeltaX / DeltaY: numbers, where 「g n v」 stands for n times v."""
    out: list[float] = []
    tokens = (text or "").split()
    i = 0
    while i < len(tokens) and len(out) < MAX_GLYPHS:
        if tokens[i] == "g" and i + 2 < len(tokens):
            count = min(int(float(tokens[i + 1])), MAX_GLYPHS)
            out.extend([float(tokens[i + 2])] * count)
            i += 3
        else:
            out.extend(_numbers(tokens[i]))
            i += 1
    return out


def page_words(page: Element) -> list[dict]:
    """The words of one page, in points from its top-left corner."""
    words: list[dict] = []
    for obj in page.iter():
        if local(obj.tag) == "TextObject":
            words.extend(_object_words(obj))
            if len(words) > MAX_GLYPHS:
                break
    return words


def _object_words(obj: Element) -> list[dict]:
    box = _numbers(obj.get("Boundary")) + [0.0, 0.0]
    ctm = _numbers(obj.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    size = (_numbers(obj.get("Size") or obj.get("size")) or [3.5])[0] * (abs(d) or 1.0)
    words: list[dict] = []
    x = y = 0.0
    for code in obj:
        if local(code.tag) != "TextCode" or not code.text:
            continue
        x = (_numbers(code.get("X")) or [x])[0]
        y = (_numbers(code.get("Y")) or [y])[0]
        glyphs, (x, y) = _glyphs(code.text, x, y, deltas(code.get("DeltaX")), deltas(code.get("DeltaY")), size)
        for ch, gx, gy in glyphs:
            px, py = a * gx + c * gy + e + box[0], b * gx + d * gy + f + box[1]
            _add_glyph(words, ch, px * PT_PER_MM, py * PT_PER_MM, size * PT_PER_MM)
    return words


def _glyphs(text: str, x: float, y: float, dx: list[float], dy: list[float],
            size: float) -> tuple[list[tuple[str, float, float]], tuple[float, float]]:
    """(char, x, y) of each glyph of a TextCode, and where the next TextCode would go on."""
    out: list[tuple[str, float, float]] = []
    for i, ch in enumerate(text[:MAX_GLYPHS]):
        out.append((ch, x, y))
        x += dx[i] if i < len(dx) else natural_width(ch, size)
        y += dy[i] if i < len(dy) else 0.0
    return out, (x, y)


def natural_width(ch: str, size: float) -> float:
    """A glyph's width when the file does not say: half a square for Latin letters and digits."""
    return size * (0.5 if ord(ch) < 0x2E80 else 1.0)


def _add_glyph(words: list[dict], ch: str, x: float, baseline: float, size: float) -> None:
    """Append the glyph to the last word when it follows the last glyph on the same baseline by about one
    glyph's width; a space or a wide step (text set in table columns) starts a new word."""
    last = words[-1] if words else None
    if ch.isspace():
        if last is not None:
            last["closed"] = True
        return
    width = natural_width(ch, size)
    if last is not None and not last["closed"] and abs(last["baseline"] - baseline) < 0.2 * size:
        step = x - last["last_x"]
        if 0 <= step <= last["last_width"] + 0.5 * size:
            last.update(text=last["text"] + ch, x1=x + width, last_x=x, last_width=width)
            return
    words.append({"text": ch, "x0": x, "x1": x + width, "top": baseline - 0.8 * size, "bottom": baseline + 0.2 * size,
                  "baseline": baseline, "size": size, "last_x": x, "last_width": width, "closed": False})
