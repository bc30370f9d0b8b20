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
from .ocr_figures import FIGURE, LOW_CONFIDENCE, SPECK, figures_freed, gap_places

__all__ = ["FIGURE", "MAX_OCR_PAGES", "MAX_PIXELS", "RENDER_DPI", "ocr_engine", "page_words", "read_image",
           "unsure_figures"]

if TYPE_CHECKING:  # numpy, Pillow, the engine and pypdfium2 are imported where a scan is read
    import numpy as np
    from PIL.Image import Image

    from .ocr_engine import Box, Engine

MAX_OCR_PAGES = 30  # a report is 5–15 pages
RENDER_DPI = 200  # scanned PDF pages are drawn at this resolution for OCR
MAX_PIXELS = 60_000_000  # a photo larger than this is not a page
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
    words = figures_freed(_words(boxes))
    if whole_page:  # (in a picture of a table, the figure last read is no page number)
        words = _without_page_number(words, image.height)
    angle = _skew(boxes)
    words = _doubtful_read_again([w for w in words if not _a_rule(w, image, angle)], image, angle)
    return _with_one_unit(words + _figures_in_gaps(words, image, angle))


DOUBT = 0.5  # a figure read with less confidence than this is read again alone


def _doubtful_read_again(words: list[dict], image: Image, angle: float) -> list[dict]:
    """A figure read with little confidence among specks (「9」 at 0.38 for a 0) is cut out and read again alone;
    when that reading is another figure, it stands instead (unsure, as every figure read alone)."""
    out = []
    for w in words:
        if w["conf"] < DOUBT and FIGURE.fullmatch(w["text"]):
            again = _read_gap(image, angle, (w["x0"] + w["x1"]) / 2, [w])
            if again is not None and again["text"] != w["text"]:
                w = {**w, "text": again["text"], "conf": again["conf"]}
        out.append(w)
    return out


def _with_one_unit(words: list[dict]) -> list[dict]:
    """The words with the page's one column unit (layout.lines_of), the median height of its boxes: a box's
    height changes with the specks and padding around it, so a row's own would place one column of a table
    at a different place in each row (and a row with an empty cell could not be laid out by the others)."""
    if not words:
        return words
    heights = sorted(w["size"] for w in words)
    unit = heights[len(heights) // 2]
    return [{**w, "unit": unit} for w in words]


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
_DIGIT_LIKE = re.compile(r"[0-9OoDIl]+")
_AS_DIGIT = str.maketrans("OoDIli!|", "00011111")
# beside a digit, more letters and marks read for a 「1」 (「1i」 for 11); alone they are specks
_DIGIT_LIKE_BESIDE_A_DIGIT = re.compile(r"[0-9OoDIli!|]+")
_ORDINAL_COLON = re.compile(r"^(\d{1,2})[：:](?=[\u4e00-\u9fff])")
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
    """The figures the detector missed, each read alone where a cell seems to hold one (ocr_figures.gap_places),
    unsure (named if a sum of its table then fails)."""
    found = (_read_gap(image, angle, x, row) for x, row in gap_places(words))
    # (a place read as a figure with less confidence than a speck's: a rule's edge or the paper's grain, 「1」
    # at 0.13 beside the table's border)
    return [w for w in found if w is not None and w["conf"] >= SPECK]


def _a_rule(w: dict, image: Image, angle: float) -> bool:
    """A 「1」 the detector read where a table's rule stands (beside a cell's figure, or at the table's edge): a
    column of its box dark a cell's height above and below it too, as no figure is."""
    if w["text"] != "1":
        return False
    height = w["bottom"] - w["top"]
    cx, cy = _in_the_image(angle, (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2)
    half = (w["x1"] - w["x0"]) / 2 + 2
    strip = _pixels(image.crop(tuple(round(v) for v in (cx - half, cy - 1.5 * height, cx + half, cy + 1.5 * height))))
    return strip.size > 0 and bool((_within_two(_dark(strip)).mean(axis=0) > 0.9).any())


def _in_the_image(angle: float, x: float, y: float) -> tuple[float, float]:
    """A point of the straightened frame (the words') in the image's own."""
    cos, sin = math.cos(angle), math.sin(angle)
    return x * cos - y * sin, x * sin + y * cos


def _read_gap(image: Image, angle: float, x: float, band: list[dict]) -> dict | None:
    """The cell at x in the row: the figure it holds, read alone (as cut out, else whitened), or None (empty,
    or no figure).  In a ruled table it is read at its cell's centre first (placed there: the page is turned a
    degree at most), then at x."""
    top, bottom = min(w["top"] for w in band), max(w["bottom"] for w in band)
    cx, cy = _in_the_image(angle, x, (top + bottom) / 2)
    cell = _cell_across(image, cx, cy, bottom - top)
    if cell is not None and any(cell[0] <= (w["x0"] + w["x1"]) / 2 - x + cx <= cell[1] for w in band):
        cell = None  # the cell holds a figure read already: x is no place in it (the rules found may be off)
    centres = dict.fromkeys(([(cell[0] + cell[1]) / 2] if cell else []) + [cx])
    for centre in centres:
        found = _read_cell(image, centre, cy, bottom - top)
        if found is not None:
            text, conf = found
            x_read = x + centre - cx
            return {"top": top, "bottom": bottom, "x0": x_read - 1, "x1": x_read + 1, "size": bottom - top,
                    "text": text, "conf": conf}
    return None


def _read_cell(image: Image, cx: float, cy: float, height: float) -> tuple[str, float] | None:
    """The figure a cell a figure wide centred at (cx, cy) holds and how sure its reading is (unsure at most),
    or None."""
    half = height * 0.6
    box = (round(cx - half), round(cy - half * 0.9), round(cx + half), round(cy + half * 0.9))
    tall = _pixels(image.crop((box[0], box[1] - (box[3] - box[1]), box[2], box[3] + (box[3] - box[1]))))
    crop = _without_rules(_pixels(image.crop(box)), tall)
    if crop.size == 0 or _dark(crop).sum() < max(8, 0.005 * crop.shape[0] * crop.shape[1]):
        return None  # an empty cell (a thin 「1」 is some 15 dark pixels at 200 dpi)
    for pixels in (crop, _whitened(crop)):
        read, conf = ocr_engine().read_line(pixels)
        text = _clean(read).rstrip(".")  # (a speck beside the figure read as a full stop)
        if FIGURE.fullmatch(text):
            return text, min(conf, LOW_CONFIDENCE - 0.01)
    return None


def _cell_across(image: Image, cx: float, cy: float, height: float) -> tuple[float, float] | None:
    """Between which x a ruled table's cell at (cx, cy) lies: inside the nearest rules on either side (columns
    of pixels dark nearly all down the row), when that cell is a few figures wide at most.  A place found by a
    row's pitch or by other rows' columns can be off the cell's centre (its columns are not all of a width),
    and a crop a figure wide around it then cuts its figure in two."""
    import numpy as np

    x0, reach = max(0, round(cx - 3 * height)), 3 * height
    strip = _pixels(image.crop((x0, round(cy - 0.8 * height), round(cx + reach), round(cy + 0.8 * height))))
    if strip.size == 0:
        return None
    rules = np.flatnonzero(_within_two(_dark(strip)).mean(axis=0) > 0.9) + x0  # (a rule split over two columns)
    before, after = rules[rules < cx - 0.3 * height], rules[rules > cx + 0.3 * height]
    if not len(before) or not len(after) or after.min() - before.max() > 4 * height:
        return None
    return float(before.max() + 1), float(after.min())


def _without_rules(crop: np.ndarray, tall: np.ndarray) -> np.ndarray:
    """The crop with a table's rules made white: a column of pixels dark nearly all down the taller strip
    around the cell (tall: a cell's height more above and below, short enough that a rule on a turned page
    stays within two pixels across; the 「1」s of three rows in one column cover two thirds of it at most), a
    row dark nearly all across the crop.  Left in, a rule beside the cell reads as a 「1」."""
    if crop.size == 0 or tall.shape[1] != crop.shape[1]:
        return crop
    out = crop.copy()
    out[:, _within_two(_dark(tall)).mean(axis=0) > 0.9] = 255
    out[_dark(crop).mean(axis=1) > 0.9, :] = 255
    return out


def _within_two(dark: np.ndarray) -> np.ndarray:
    """Each pixel dark when one within two pixels across is: a rule on a page turned by half a degree runs
    across a column or two over the strip's height."""
    near = dark.copy()
    for shift in (1, 2):
        near[:, shift:] |= dark[:, :-shift]
        near[:, :-shift] |= dark[:, shift:]
    return near


def _dark(pixels: np.ndarray) -> np.ndarray:
    return (pixels if pixels.ndim == 2 else pixels.min(axis=2)) < 128


def _whitened(crop: np.ndarray) -> np.ndarray:
    """The crop with the paper's grain and a cell's shading made white: in them a small figure read alone is
    sometimes lost."""
    import numpy as np

    return np.where(crop > 170, 255, crop).astype(crop.dtype)


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
    text = _ORDINAL_COLON.sub(r"\1.", text)  # 「3：补正后申请…」: a label's 「3.」 (else its 3 joins the row before)
    if (_DIGIT_LIKE.fullmatch(text) and len(text) == 1) or (
            _DIGIT_LIKE_BESIDE_A_DIGIT.fullmatch(text) and any(c.isdigit() for c in text)):
        text = text.translate(_AS_DIGIT)
    return text
