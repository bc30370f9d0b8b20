"""PDF (pypdfium2): each character with its box, grouped into words and lines by position.  pdfium reads the
page content in C, several times faster than pdfminer; the text alone carries the tables (the same text
reader reads pdftotext's output).  What the text layer does not say is read by OCR (pictures.py): a scanned
page, a page whose text is glyph numbers or shapes, and tables pasted in as pictures.  A page stored turned
reads as shown; a watermark is left out."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from itertools import groupby
from typing import TYPE_CHECKING, Any

from ..result import IngestError
from .layout import lines_of, page_items

if TYPE_CHECKING:  # pypdfium2 is imported where a file is read (the sandbox child); it has no type hints
    from PIL.Image import Image
    from pypdfium2 import PdfDocument, PdfPage

    from .pictures import PageBox, Placed

Char = tuple[float, float, float, float, float, str]  # (top, bottom, x0, x1, size, char)

MAX_PAGES = 300
_WORD_GAP = 3.0  # points between two characters of one word (pdfplumber's x_tolerance)
_LINE_TOL = 3.0  # points between the tops of characters of one line (pdfplumber's y_tolerance)


def read_pdf(path: str, name: str, tell: Callable[[tuple], None] | None = None
             ) -> tuple[str, list[tuple], list] | tuple[str, list[tuple], list, dict]:
    """("doc", items, []) from the PDF's text layer; pages whose text OCR must read instead (_text_pages), and
    the pictures that may hold the tables the text lacks (_pictures), are read so, and a fourth part says what
    OCR read (ocr.py).  tell(msg) announces the pages to the sandbox."""
    tell = tell or (lambda msg: None)
    pdf = open_pdf(path, name)
    try:
        tell(("pages", len(pdf), False))
        words, for_ocr = _text_pages(pdf)
        placed = [_whole_page(pdf, k, why) for k, why in sorted(for_ocr.items())]
        if not _tables_in(words):
            placed += _pictures(pdf, for_ocr)
        ocr = None
        if placed:
            from .pictures import read_placed

            ocr = read_placed(placed, words, name, tell)
    finally:
        pdf.close()
    items, chars = page_items([lines_of(w) for w in words])
    if chars == 0:
        raise IngestError(f"{name}：PDF 中没有文字，也没有可识别的图片")
    return ("doc", items, []) if ocr is None else ("doc", items, [], ocr)


def _drawn(pdf: PdfDocument, k: int) -> Image:
    """Page k drawn in grey for OCR."""
    from .ocr import RENDER_DPI

    page = pdf[k]
    try:
        return page.render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
    finally:
        page.close()


def _cropped(drawn: Callable[[int], Image], k: int, box: PageBox) -> Image:
    """The part of page k at box, as drawn for OCR."""
    from .ocr import RENDER_DPI

    left, top, right, bottom = (round(v * RENDER_DPI / 72) for v in box)
    return drawn(k).crop((left, top, right, bottom))


def _whole_page(pdf: PdfDocument, k: int, why: str) -> Placed:
    from .pictures import Placed

    page = pdf[k]
    try:
        box = (0.0, 0.0, page.get_width(), page.get_height())
    finally:
        page.close()
    return Placed(k, why, box, partial(_drawn, pdf, k))


def _text_pages(pdf: PdfDocument) -> tuple[list[list[dict]], dict[int, str]]:
    """Each page's words from its text layer, and the pages OCR must read, with why: "scanned" (only a picture),
    "unreadable" (its text layer holds glyph numbers), "outlined" (its text drawn as shapes)."""
    words: list[list[dict]] = []
    for_ocr: dict[int, str] = {}
    for k in range(len(pdf)):
        printed, unmapped = _page_chars(pdf[k])
        if _unreadable(printed, unmapped):
            for_ocr[k] = "unreadable"
            words.append([])
            continue
        words.append(_words(printed, _rules(pdf[k]) if _close_pairs(printed) else []))
        if not words[-1] and (drawn := _drawn_as(pdf[k])):
            for_ocr[k] = drawn
    return words, for_ocr


def _tables_in(words: list[list[dict]]) -> bool:
    from .pictures import lacks_a_table

    return not lacks_a_table("".join(w["text"] for page in words for w in page))


def _pictures(pdf: PdfDocument, for_ocr: dict[int, str]) -> list[Placed]:
    """The pictures on the pages with text that may hold a table (the tables pasted as pictures)."""
    from .pictures import Placed

    drawn = lru_cache(maxsize=1)(partial(_drawn, pdf))  # a page with several pictures is drawn once for all
    out = []
    for k in range(len(pdf)):
        if k not in for_ocr:
            page = pdf[k]
            try:
                boxes = _picture_boxes(page)
            finally:
                page.close()
            out += [Placed(k, "pictures", box, partial(_cropped, drawn, k, box)) for box in boxes]
    return out


def _picture_boxes(page: PdfPage) -> list[PageBox]:
    """Where each picture on the page stands as the page is shown that may hold a table: two fifths of the
    page's width or wider (a seal or a logo is narrower), not a mere strip."""
    import pypdfium2.raw as raw

    width, height = page.get_width(), page.get_height()  # as shown
    boxes = []
    for left, bottom, right, top in _shown_boxes(page, raw.FPDF_PAGEOBJ_IMAGE):
        left, right, top, bottom = max(0.0, left), min(width, right), height - min(height, top), height - max(0.0, bottom)
        if right - left >= 0.4 * width and (right - left) * (bottom - top) >= 0.02 * width * height:
            boxes.append((left, top, right, bottom))
    return boxes


OUTLINED_PATHS = 300  # shapes on a page with no text before it counts as text drawn as shapes (a glyph is one)


def _drawn_as(page: PdfPage) -> str | None:
    """How a page with no text shows what it prints: "scanned" (a picture), "outlined" (text turned into
    shapes, 「转曲」: hundreds of paths), None (a blank page, or a rule or two)."""
    import pypdfium2.raw as raw

    try:
        paths = 0
        for obj in page.get_objects(max_depth=2):
            if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
                return "scanned"
            paths += obj.type == raw.FPDF_PAGEOBJ_PATH
        return "outlined" if paths >= OUTLINED_PATHS else None
    finally:
        page.close()


def open_pdf(path: str, name: str) -> PdfDocument:
    """The document, refused when damaged, encrypted or too long to be a report."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
    except Exception:
        raise IngestError(f"{name}：PDF 文件已损坏或加密，无法打开") from None
    if len(pdf) > MAX_PAGES:
        n = len(pdf)
        pdf.close()
        raise IngestError(f"{name}：PDF 有 {n} 页，不是一份年度报告")
    return pdf


# what a glyph's code becomes when its font was embedded without a map to Unicode (the page shows right, its text
# is glyph numbers): control codes, private-use characters, the replacement character
def _glyph_number(ch: str) -> bool:
    o = ord(ch)
    return (o < 32 and ch not in "\t\n\r") or 0xE000 <= o <= 0xF8FF or o >= 0xFFFD


def _unreadable(chars: list[Char], unmapped: int) -> bool:
    """The page's text layer does not say what it prints (OCR reads the page instead): a third or more of its
    characters are glyph numbers or have no character at all; or a font of one-byte codes without its map gave
    Latin letters and marks for Chinese text (「$%&'()*+」: a page of a Chinese report with hardly a Chinese
    character, but mostly letters and marks, not figures)."""
    printed = [c[5] for c in chars if not c[5].isspace()]
    bad = unmapped + sum(1 for ch in printed if _glyph_number(ch))
    if bad >= 20 and bad >= 0.3 * (len(printed) + unmapped):
        return True
    latin = sum(1 for ch in printed if ch.isascii() and not ch.isdigit())
    chinese = sum(1 for ch in printed if "\u4e00" <= ch <= "\u9fff")
    return latin >= 40 and latin >= 0.5 * len(printed) and chinese < 0.05 * len(printed)


def _page_chars(page: PdfPage) -> tuple[list[Char], int]:
    """(top, bottom, x0, x1, size, char) of each printed character, top measured down from the page top; and
    how many printed glyphs had no character (read as spaces).  A watermark is left out."""
    import ctypes

    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    rotation = page.get_rotation() % 360
    width, height = page.get_width(), page.get_height()  # as shown: turned by the page's rotation
    matrix = raw.FS_MATRIX()
    chars: list[Char] = []
    index: list[int] = []  # each character's index on the text page
    unmapped = 0
    try:
        for i in range(textpage.count_chars()):
            if raw.FPDFText_IsGenerated(textpage.raw, i) == 1:
                continue  # a space or line break pdfium inferred, not printed
            code = raw.FPDFText_GetUnicode(textpage.raw, i)
            unmapped += code == 0
            raw.FPDFText_GetMatrix(textpage.raw, i, ctypes.byref(matrix))
            if _slanted(matrix):
                continue  # a watermark or a seal's ring of characters, printed across the page: no part of it
            # the printed size: the font's size scaled by the text matrix (what pdfminer calls size)
            size = raw.FPDFText_GetFontSize(textpage.raw, i) * (matrix.b ** 2 + matrix.d ** 2) ** 0.5
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            if max(top - bottom, right - left) > 1.6 * size:  # the loose box of a turned character spans lines
                left, bottom, right, top = textpage.get_charbox(i)
            if rotation:
                left, bottom, right, top = _as_shown((left, bottom, right, top), rotation, width, height)
            chars.append((height - top, height - bottom, left, right, size, chr(code or 32)))
            index.append(i)
        return _without_watermark(chars, index, textpage), unmapped
    finally:
        textpage.close()
        page.close()


def _faint(textpage: Any, i: int) -> bool:
    """The character is filled light or half transparent (a watermark's grey)."""
    import ctypes

    import pypdfium2.raw as raw

    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFText_GetFillColor(textpage.raw, i, *(ctypes.byref(v) for v in (r, g, b, a))):
        return False
    return 0.299 * r.value + 0.587 * g.value + 0.114 * b.value > 190 or a.value < 128


def _without_watermark(chars: list[Char], index: list[int], textpage: Any) -> list[Char]:
    """The characters but those of an upright watermark: half again as large as the page's text or more, and
    filled faint (a large heading is dark; a light table heading on a dark cell is of the text's size)."""
    if not chars:
        return chars
    sizes = sorted(c[4] for c in chars)
    large = 1.5 * sizes[len(sizes) // 2]
    return [c for c, i in zip(chars, index) if c[4] < large or not _faint(textpage, i)]


def _slanted(m: Any) -> bool:  # Any: pypdfium2's FS_MATRIX (a ctypes structure, no type hints)
    """The character is turned by an angle that is not a quarter turn (a text matrix with both its cosine and
    its sine part: 「内部资料」 at 35°); text across, down or upside down is not."""
    a, b = abs(m.a), abs(m.b)
    return min(a, b) > 0.1 * max(a, b)


def _shown_boxes(page: PdfPage, object_type: int) -> Iterator[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of each object of the type on the page (and in its forms), as the page is
    shown."""
    rotation = page.get_rotation() % 360
    width, height = page.get_width(), page.get_height()
    for obj in page.get_objects(filter=(object_type,), max_depth=2):
        bounds = getattr(obj, "get_bounds", None) or obj.get_pos  # pypdfium2 5 renamed get_pos (4)
        yield _as_shown(bounds(), rotation, width, height) if rotation else bounds()


def _as_shown(box: tuple[float, float, float, float], rotation: int, width: float, height: float
              ) -> tuple[float, float, float, float]:
    """A box (left, bottom, right, top) in the page's own space as the page is shown, turned clockwise by its
    rotation (a landscape table page stored upright and turned for the reader); width and height as shown."""
    left, bottom, right, top = box
    if rotation == 90:  # the page's own left edge is shown at the top
        return bottom, height - right, top, height - left
    if rotation == 180:
        return width - right, height - top, width - left, height - bottom
    if rotation == 270:
        return width - top, left, width - bottom, right
    return box


Rule = tuple[float, float, float]  # (x, top, bottom) of an upright edge drawn on the page, top measured down
_RULE_GAP = 0.5  # points: characters of one figure touch; a rule between two characters stands in a gap


def _close_pairs(chars: list[Char]) -> bool:
    """Two digits of a line stand a little apart, but within a word's gap (two cells' figures nearly
    touching): only then are the page's rules looked for."""
    xs = sorted((round(c[0]), c[2], c[3], c[5]) for c in chars if c[5].isdigit())
    return any(a[0] == b[0] and _RULE_GAP <= b[1] - a[2] <= _WORD_GAP for a, b in zip(xs, xs[1:]))


def _rules(page: PdfPage) -> list[Rule]:
    """The upright edges of the shapes drawn on the page (a table's rules, a cell's box), as shown."""
    import pypdfium2.raw as raw

    height = page.get_height()
    rules: list[Rule] = []
    try:
        for left, bottom, right, top in _shown_boxes(page, raw.FPDF_PAGEOBJ_PATH):
            if top - bottom > 4:
                rules += [(left, height - top, height - bottom), (right, height - top, height - bottom)]
    finally:
        page.close()
    return rules


def _ruled_apart(a: Char, b: Char, rules: list[Rule]) -> bool:
    """A table's rule stands between the two characters (two cells' figures nearly touching)."""
    if not _RULE_GAP <= b[2] - a[3] or not rules:
        return False
    mid = (a[0] + a[1]) / 2
    return any(a[3] - 0.2 <= x <= b[2] + 0.2 and top <= mid <= bottom for x, top, bottom in rules)


def _words(chars: Iterable[Char], rules: list[Rule] | None = None) -> list[dict]:
    """Characters into words: one line (tops within _LINE_TOL), left to right, cut at spaces, gaps and the
    rules between cells."""
    words: list[dict] = []
    for line in _char_lines(chars):
        word: list[Char] = []
        for c in sorted(line, key=lambda c: c[2]):
            ruled = bool(word) and _ruled_apart(word[-1], c, rules or [])
            if c[5].isspace() or (word and c[2] - word[-1][3] > _WORD_GAP) or ruled:
                _add_word(words, word)
                word = []
                if ruled:
                    words[-1]["ruled"] = True  # the next word stands in the next cell, however close
            if not c[5].isspace():
                word.append(c)
        _add_word(words, word)
    return words


def _char_lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Runs of characters of one size in the content's order, each cut into lines by their tops (as pdfplumber
    does: clustering a whole page would chain a table's rows through a label printed downwards)."""
    lines: list[list[Char]] = []
    for _, run in groupby(chars, key=lambda c: round(c[4], 2)):
        lines.extend(_cluster_tops(list(run)))
    return lines


def _cluster_tops(chars: list[Char]) -> list[list[Char]]:
    lines: list[list[Char]] = []
    for c in sorted(chars, key=lambda c: c[0]):
        if lines and c[0] - lines[-1][-1][0] <= _LINE_TOL:
            lines[-1].append(c)
        else:
            lines.append([c])
    return lines


def _add_word(words: list[dict], word: list[Char]) -> None:
    if word:
        words.append({"top": min(c[0] for c in word), "bottom": max(c[1] for c in word), "x0": word[0][2],
                      "x1": word[-1][3], "size": word[0][4], "text": "".join(c[5] for c in word)})
