"""Pictures that OCR reads inside documents: a PDF's or OFD's page drawn whole (a scan, a page whose text cannot
be taken out) or a picture standing on it, placed on the page in points as its text is (read_placed); and the
tables a Word document or a web page shows as pictures, read where they stand when the text lacks them
(tables_in_pictures).  A picture counts as a table when OCR finds enough figures in it; a photo or a banner is
left out."""
from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..result import IngestError
from .ocr import FIGURE, MAX_OCR_PAGES, MAX_PIXELS, ocr_engine, page_words, unsure_figures

if TYPE_CHECKING:
    from PIL.Image import Image


PageBox = tuple[float, float, float, float]  # (left, top, right, bottom) in points from a page's top-left corner


@dataclass
class Placed:
    """A picture OCR is to read on a page of a PDF or OFD: the page drawn whole (a scan, text that cannot be
    taken out), or a picture on it (why "pictures": it may show a table)."""
    page: int
    why: str  # scanned | unreadable | outlined | pictures
    box: PageBox  # where it stands on the page
    image: Callable[[], Image | None]  # drawn or loaded when its turn comes: one in memory at a time


def read_placed(pictures: list[Placed], words_of_pages: list[list[dict]], name: str,
                tell: Callable[[tuple], None]) -> dict | None:
    """Each picture announced, read and its words put on its page in points (as the text layer's words): a
    whole page's words replace the page's; the words of a picture that shows a table join the page's own
    (but those the page's text holds already: a scan with its text layer beneath).  What was read:
    {"pages", "unsure", "why": reason → pages (or pictures) read}, or None when nothing was.  Without the OCR
    engine, only pictures to read: {"pages": 0, "unread": n, "no_engine": True} (the text is read as it is)."""
    pages = sum(1 for p in pictures if p.why != "pictures")
    if pages > MAX_OCR_PAGES:
        raise IngestError(f"{name}：扫描件有 {pages} 页，超过 {MAX_OCR_PAGES} 页，不是一份年度报告")
    pictures = _first(pictures, MAX_OCR_PAGES)  # the pictures that may be tables: as many as pages at the most
    if not pages and not _engine_loads(name):
        return {"pages": 0, "unread": len(pictures), "no_engine": True}  # the text is read all the same
    ocr_engine(name)  # before announcing pages: a missing engine is said at once
    tell(("pages", len(pictures), True))
    unsure: list[tuple[int, str, float]] = []
    why: Counter[str] = Counter()
    for i, pic in enumerate(pictures):
        tell(("page", i + 1, len(pictures), "页" if pic.why != "pictures" else "张图片"))
        image = pic.image()
        if image is None:
            continue
        words = page_words(image, whole_page=pic.why != "pictures")
        if pic.why == "pictures" and not _a_table(words):
            continue
        found = _placed(words, image.width, pic.box)
        own = words_of_pages[pic.page]
        words_of_pages[pic.page] = own + [w for w in found if not any(_overlap(w, o) for o in own)] \
            if pic.why == "pictures" else found
        why[pic.why] += 1
        unsure += unsure_figures(found, pic.page + 1)
    return {"pages": sum(why.values()), "unsure": unsure, "why": dict(why)} if why else None


def _first(pictures: list[Placed], most: int) -> list[Placed]:
    """The whole pages, and the pictures on pages in page order while the count stays within most."""
    room = most - sum(1 for p in pictures if p.why != "pictures")
    out = []
    for p in pictures:
        if p.why != "pictures" or room > 0:
            out.append(p)
            room -= p.why == "pictures"
    return out


def _placed(words: list[dict], width: int, box: PageBox) -> list[dict]:
    """Words read in a picture's pixels, in the page's points where the picture stands at box."""
    scale = (box[2] - box[0]) / max(width, 1)
    left, top = box[0], box[1]
    return [{**w, "top": top + w["top"] * scale, "bottom": top + w["bottom"] * scale, "x0": left + w["x0"] * scale,
             "x1": left + w["x1"] * scale, "size": w["size"] * scale}
            | ({"unit": w["unit"] * scale} if "unit" in w else {}) for w in words]


_TABLE_FIGURES = 6  # figures a picture shows before it counts as a table (a photo, a banner, a chart: fewer)
MIN_TABLE_WIDTH = 300  # pixels: a picture narrower than this is an icon, a logo or a seal, never a table
# words of each table's printed form (short: a narrow cell wraps a label) that running text hardly uses: a text
# with none of a table's has that table somewhere else (a picture pasted in)
TABLE_WORDS = (("制发件数", "处理决定数量", "收费金额"), ("属于国家秘密", "三安全一稳定", "信访举报投诉类", "逾期不补正"),
               ("尚未审结", "复议后起诉", "直接起诉"))


def lacks_a_table(text: str) -> bool:
    text = "".join(text.split())
    return not all(any(w in text for w in words) for words in TABLE_WORDS)


def _a_table(words: list[dict]) -> bool:
    return sum(1 for w in words if FIGURE.fullmatch(w["text"])) >= _TABLE_FIGURES


def read_with_pictures(items: list[tuple], load: Callable[[str], Image | None], name: str,
                       tell: Callable[[tuple], None] | None) -> tuple[str, list[tuple], None] | tuple[str, list[tuple], list, dict]:
    """The reader's result for a document's items (Word, OpenDocument, a web page) with the tables its pictures
    show read in (tables_in_pictures): ("doc", items, None), and a fourth part when OCR read or missed any."""
    items, ocr = tables_in_pictures(items, load, name, tell or (lambda msg: None))
    return ("doc", items, None) if ocr is None else ("doc", items, [], ocr)


def tables_in_pictures(items: list[tuple], load: Callable[[str], Image | None], name: str,
                       tell: Callable[[tuple], None]) -> tuple[list[tuple], dict | None]:
    """A Word document's or a web page's items with each ("picture", ref) in them taken out, or, when the text
    lacks a table's own words, replaced by the lines OCR reads in the picture if it shows a table (load(ref):
    the picture, or None when it cannot be had).  What OCR read, as read_placed says it, or None."""
    kept = [it for it in items if it[0] != "picture"]
    refs = [it[1] for it in items if it[0] == "picture"]
    if not refs or not lacks_a_table(_text_of(kept)):
        return kept, None
    pictures, unread = _wide_pictures(refs, load)
    if not pictures:
        return kept, ({"pages": 0, "unread": unread} if unread else None)
    if not _engine_loads(name):
        return kept, {"pages": 0, "unread": unread + len(pictures), "no_engine": True}
    from .layout import lines_of

    tell(("pages", len(pictures), True))
    read: dict[str, list[tuple]] = {}
    unsure: list[tuple[int, str, float]] = []
    for i, (ref, image) in enumerate(pictures.items()):
        tell(("page", i + 1, len(pictures), "张图片"))
        words = page_words(image, whole_page=False)
        if _a_table(words):
            read[ref] = [("line", text) for _, _, text in lines_of(words)]
            unsure += unsure_figures(words, i + 1)
    out: list[tuple] = []
    for it in items:
        out += read.get(it[1], []) if it[0] == "picture" else [it]
    if not read:
        return out, ({"pages": 0, "unread": unread} if unread else None)
    return out, {"pages": len(read), "unsure": unsure, "why": {"pictures": len(read)}, "unread": unread}


def _wide_pictures(refs: list[str], load: Callable[[str], Image | None]) -> tuple[dict[str, Image], int]:
    """The pictures wide enough to be a table, as many as a scan's pages at the most; and how many could not
    be had (not saved with the document, or a drawing no reader knows: EMF, WMF)."""
    pictures: dict[str, Image] = {}
    unread = 0
    for ref in dict.fromkeys(refs):
        image = load(ref)
        unread += image is None
        if image is not None and image.width >= MIN_TABLE_WIDTH:
            pictures[ref] = image
            if len(pictures) == MAX_OCR_PAGES:
                break
    return pictures, unread


def _engine_loads(name: str) -> bool:
    """Whether OCR can run here (a document's pictures are read if so; its text is read either way)."""
    try:
        ocr_engine(name)
    except IngestError:
        return False
    return True


def _text_of(items: list[tuple]) -> str:
    return "".join(c if k == "line" else "".join(x or "" for row in c for x in row) for k, c in items
                   if k in ("line", "table"))


MAX_PICTURE_BYTES = 20 * 1024 * 1024  # a picture file larger than this is not read


def picture_in_zip(z: zipfile.ZipFile, member: str) -> Image | None:
    """A picture stored in a zipped document (OFD, OpenDocument); None for a missing, oversized or unreadable
    one."""
    try:
        info = z.getinfo(member)
        if info.file_size > MAX_PICTURE_BYTES:
            return None
        with z.open(info) as fh:
            return load_picture(fh.read(MAX_PICTURE_BYTES + 1))
    except (KeyError, OSError, zipfile.BadZipFile):
        return None


def load_picture(data: bytes) -> Image | None:
    """A picture from its bytes (PNG, JPEG, GIF, BMP, TIFF…) in grey, or None (a drawing Pillow cannot read:
    EMF, WMF; a damaged or oversized one)."""
    from io import BytesIO

    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(BytesIO(data)) as im:
            return im.convert("L")
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        return None


def _overlap(a: dict, b: dict) -> bool:
    return min(a["x1"], b["x1"]) > max(a["x0"], b["x0"]) and min(a["bottom"], b["bottom"]) > max(a["top"], b["top"])
