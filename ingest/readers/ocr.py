"""Photos read offline by OCR (ocr_engine.py: the PP-OCRv4 Chinese models of the rapidocr_onnxruntime wheel,
run by onnxruntime; nothing is downloaded), and the reading of one page or picture into words (page_words) that
pictures.py uses for scans and pictures inside documents.  The text boxes become words with positions, and the
words lines, exactly as a PDF's characters do (pdf.py), so that the same section and table readers follow."""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..result import IngestError

if TYPE_CHECKING:  # numpy, Pillow, the engine and pypdfium2 are imported where a scan is read
    import numpy as np
    from PIL.Image import Image

    from .ocr_engine import Box, Engine

MAX_OCR_PAGES = 30  # a report is 5–15 pages
RENDER_DPI = 200  # scanned PDF pages are drawn at this resolution for OCR
MAX_PIXELS = 60_000_000  # a photo larger than this is not a page
LOW_CONFIDENCE = 0.8  # a figure read with less is named when a sum of its table fails
UNAVAILABLE = "本机的文字识别组件（rapidocr_onnxruntime）无法加载，不能读取扫描件或图片"

_engine: Engine | None = None


def ocr_engine(name: str = "") -> Engine:
    global _engine
    if _engine is None:
        try:
            from .ocr_engine import Engine, EngineUnavailable
        except ImportError:  # numpy missing
            raise _unavailable(name) from None
        try:
            _engine = Engine()
        except EngineUnavailable:  # onnxruntime or its DLL failing to load on an old Windows, the models missing
            raise _unavailable(name) from None
    return _engine


def _unavailable(name: str) -> IngestError:
    return IngestError(f"{name}：{UNAVAILABLE}" if name else UNAVAILABLE)


def read_image(path: str, name: str, tell: Callable[[tuple], None] | None = None
               ) -> tuple[str, list[tuple], list, dict]:
    """A photo or scan saved as a picture (.png/.jpg): one page."""
    image = _load_image(path, name)
    ocr_engine(name)
    tell = tell or (lambda msg: None)
    tell(("pages", 1, True))
    tell(("page", 1, 1))
    from .layout import lines_of, page_items

    words = page_words(image)
    items, chars = page_items([lines_of(words)])
    if chars == 0:
        raise IngestError(f"{name}：图片中没有识别出文字")
    return ("doc", items, [], {"pages": 1, "unsure": unsure_figures(words, 1), "why": {"scanned": 1}})


def page_words(image: Image, whole_page: bool = True) -> list[dict]:
    """A page's (or a picture's) boxes → words (turned straight), in its pixels, with their confidence."""
    # box_thresh 0.3 (not 0.5): a lone 「0」 in a table cell is a faint box, and a missed one shifts its row
    boxes = ocr_engine().read(_pixels(image), box_thresh=0.3)
    words = _words(boxes)
    if whole_page:  # (in a picture of a table, the figure last read is no page number)
        words = _without_page_number(words, image.height)
    return words + _figures_in_gaps(words, image, _skew(boxes))


def unsure_figures(words: list[dict], page: int) -> list[tuple[int, str, float]]:
    """The figures read with low confidence as (page number, figure, confidence)."""
    return [(page, w["text"], round(w["conf"], 2)) for w in words
            if w["conf"] < LOW_CONFIDENCE and FIGURE.fullmatch(w["text"])]


def _load_image(path: str, name: str) -> Image:
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(path) as im:
            im = ImageOps.exif_transpose(im)  # a phone photo stores its turn in EXIF
            return im.convert("L")
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise IngestError(f"{name}：图片已损坏或过大，无法读取") from None
    except (OSError, SyntaxError, ValueError):
        raise IngestError(f"{name}：图片已损坏，无法读取") from None


_PAGE_NUMBER = re.compile(r"[-—－\s]*\d{1,3}[-—－\s]*|第\s*\d{1,3}\s*页.*")
FIGURE = re.compile(r"\d[\d,.]*")
_DIGIT_LIKE = re.compile(r"[0-9OoDIl]+")
_AS_DIGIT = str.maketrans("OoDIl", "00011")
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")  # ０-９ Ａ-Ｚ ａ-ｚ, not the punctuation


def _words(boxes: list[Box]) -> list[dict]:
    """Boxes as pdf.py's words (top, bottom, x0, x1, size, text), in a frame turned by the page's skew so that
    a row of figures stays one line; upright text only (a label printed downwards would join rows)."""
    angle = _skew(boxes)
    cos, sin = math.cos(-angle), math.sin(-angle)
    words: list[dict] = []
    for quad, text, conf in boxes:
        xs = [x * cos - y * sin for x, y in quad]
        ys = [x * sin + y * cos for x, y in quad]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        text = _clean(text)
        if not text or (len(text) >= 2 and height > 1.5 * width):
            continue
        words.append({"top": min(ys), "bottom": max(ys), "x0": min(xs), "x1": max(xs), "size": height,
                      "text": text, "conf": float(conf)})
    return words


def _figures_in_gaps(words: list[dict], image: Image, angle: float) -> list[dict]:
    """The detector misses a lone 「1」 in a table cell (too thin to be a text box).  Where a row of figures has
    a gap under a column the other rows fill, or where a fuller row of the same table has a figure, the gap is
    cut out and recognised alone; what it holds joins the row as an unsure figure (named if a sum then fails)."""
    figures = [w for w in words if FIGURE.fullmatch(w["text"])]
    columns = _columns(figures)
    bands = _bands(figures)
    found = []
    for band in bands:
        for x in _merged(columns + _places_in_a_fuller_row(band, bands), band):
            if not any(_under(w, x) for w in band):
                word = _read_gap(image, angle, x, band)
                if word:
                    found.append(word)
    return found


def _under(w: dict, x: float) -> bool:
    """The figure stands in the column centred at x."""
    return abs((w["x0"] + w["x1"]) / 2 - x) < w["size"] + (w["x1"] - w["x0"]) / 2


def _places_in_a_fuller_row(band: list[dict], bands: list[list[dict]]) -> list[float]:
    """The columns of a row just above or below with one or two figures more, whose figures stand over every
    figure of this one (「规章 _ 0 11」 over 「行政规范性文件 3 2 40」: a two-row table has no column of three)."""
    places: list[float] = []
    height = band[0]["bottom"] - band[0]["top"]
    for other in bands:
        near = abs(other[0]["top"] - band[0]["top"]) < 4 * height  # the same table, not one further down
        if near and 0 < len(other) - len(band) <= 2:
            centres = [(w["x0"] + w["x1"]) / 2 for w in other]
            if all(any(_under(w, x) for x in centres) for w in band):
                places += centres
    return places


def _merged(places: list[float], band: list[dict]) -> list[float]:
    """The places, one for each column (those within a figure's height of one another are one)."""
    size = band[0]["size"]
    out: list[float] = []
    for x in sorted(places):
        if not out or x - out[-1] > size:
            out.append(x)
    return out


def _bands(figures: list[dict]) -> list[list[dict]]:
    """Figures side by side (overlapping vertically), left to right; rows of two or more only."""
    bands: list[list[dict]] = []
    for w in sorted(figures, key=lambda w: w["top"]):
        if bands and w["top"] < bands[-1][0]["bottom"] - 0.5 * w["size"]:
            bands[-1].append(w)
        else:
            bands.append([w])
    return [sorted(b, key=lambda w: w["x0"]) for b in bands if len(b) >= 2]


def _columns(figures: list[dict]) -> list[float]:
    """The centres of columns of figures: centres within a figure's height, three or more."""
    centres = sorted((w["x0"] + w["x1"]) / 2 for w in figures)
    size = sorted(w["size"] for w in figures)[len(figures) // 2] if figures else 0
    groups: list[list[float]] = []
    for c in centres:
        if groups and c - groups[-1][-1] <= size:
            groups[-1].append(c)
        else:
            groups.append([c])
    return [sum(g) / len(g) for g in groups if len(g) >= 3]


def _read_gap(image: Image, angle: float, x: float, band: list[dict]) -> dict | None:
    top, bottom = min(w["top"] for w in band), max(w["bottom"] for w in band)
    half = (bottom - top) * 0.6
    cos, sin = math.cos(angle), math.sin(angle)  # back from the straightened frame to the image's
    cx, cy = x * cos - (top + bottom) / 2 * sin, x * sin + (top + bottom) / 2 * cos
    box = tuple(round(v) for v in (cx - half, cy - half * 0.9, cx + half, cy + half * 0.9))
    crop = _pixels(image.crop(box))
    dark = crop if crop.ndim == 2 else crop.min(axis=2)
    if crop.size == 0 or (dark < 128).sum() < max(8, 0.005 * crop.shape[0] * crop.shape[1]):
        return None  # an empty cell (a thin 「1」 is some 15 dark pixels at 200 dpi)
    read, conf = ocr_engine().read_line(crop)
    text = _clean(read)
    if not FIGURE.fullmatch(text):
        return None
    conf = min(conf, LOW_CONFIDENCE - 0.01)
    return {"top": top, "bottom": bottom, "x0": x - 1, "x1": x + 1, "size": bottom - top, "text": text, "conf": conf}


def _pixels(image: Image) -> np.ndarray:
    """A picture's pixels for the engine: grey as it is (one channel, a third of the work), anything else as
    RGB."""
    import numpy as np

    return np.asarray(image if image.mode == "L" else image.convert("RGB"))


def _without_page_number(words: list[dict], height: float) -> list[dict]:
    """The page number printed under the text (「- 3 -」, whose dashes OCR often loses) is no part of the
    report; left in, it would read as one more figure of the table above it."""
    if not words:
        return words
    last = max(words, key=lambda w: w["top"])
    if last["top"] > 0.85 * height and _PAGE_NUMBER.fullmatch(last["text"]):
        return [w for w in words if w is not last]
    return words


def _skew(boxes: list[Box]) -> float:
    """The page's turn (radians): the median slope of the long boxes' top edges."""
    slopes = sorted(math.atan2(q[1][1] - q[0][1], q[1][0] - q[0][0]) for q, _, _ in boxes
                    if q[1][0] - q[0][0] > 4 * abs(q[3][1] - q[0][1]))
    return slopes[len(slopes) // 2] if slopes else 0.0


def _clean(text: str) -> str:
    """Full-width forms as plain ones (「４」 → 「4」); a figure OCR read with a letter in it (「O」 for 0)."""
    text = _FULL_WIDTH.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text).strip()
    if _DIGIT_LIKE.fullmatch(text) and (any(c.isdigit() for c in text) or len(text) == 1):
        text = text.translate(_AS_DIGIT)
    return text
