"""The OCR engine: a page's pixels → text boxes (corners, text, confidence); a line's pixels → (text,
confidence).  It runs the PP-OCRv4 Chinese models that ship inside the rapidocr_onnxruntime wheel (detection:
DB; recognition: CRNN, its character list stored in the model) with onnxruntime, and reproduces rapidocr
1.4's steps around them (its config.yaml, ch_ppocr_det, ch_ppocr_rec, main.py) in numpy alone, down to
OpenCV's arithmetic where it decides a pixel (resize, minAreaRect, warpPerspective): no OpenCV, shapely,
pyclipper or yaml, whose libraries would be most of the offline bundle.  The rapidocr
package itself is never imported (its __init__ imports cv2): only its model files are read."""
from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from . import ocr_geometry as geo

DET_MODEL, REC_MODEL = "ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx"
# rapidocr's config.yaml (Global, Det, Rec)
MAX_SIDE, MIN_SIDE = 2000, 30  # the image is first brought within these (sides multiples of 32)
MIN_HEIGHT, MAX_WIDTH_RATIO = 30, 8  # a lower or longer image gets black bands above and below
DET_LIMIT_SIDE = 736  # limit_type min: the detector sees the shorter side at least this long
# …within this many pixels: a page (at most 2000 long, see MAX_SIDE) stays as rapidocr has it, while a strip
# (a banner, a line) brought up to 736 high or letterboxed would be hundreds of millions (minutes of detection)
DET_MAX_PIXELS = 2048 * 2048
MIN_LEGIBLE_SIDE = 8  # pixels: a narrower picture holds no character
DET_THRESH, UNCLIP_RATIO, MAX_CANDIDATES, MIN_SIZE = 0.3, 1.6, 1000, 3
REC_HEIGHT, REC_WIDTH, REC_BATCH = 48, 320, 6

Box = tuple[list[list[float]], str, float]  # a text box: its four corners [x, y], its text, its confidence


class EngineUnavailable(Exception):
    """onnxruntime or the model files cannot be loaded."""


def models_folder() -> Path | None:
    """rapidocr_onnxruntime's models folder, found without importing the package; in the frozen program the
    models travel as data files under the bundle's rapidocr_onnxruntime/models."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", "")) / "rapidocr_onnxruntime" / "models"
    try:
        spec = importlib.util.find_spec("rapidocr_onnxruntime")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "models"


class Engine:
    """Detection then recognition, as rapidocr with text_score 0 and no angle classifier: every box comes back
    whatever its confidence (a figure read unsurely is named, never dropped), and pages are taken as upright."""

    def __init__(self, folder: Path | None = None) -> None:
        folder = folder if folder is not None else models_folder()
        if folder is None or not (folder / DET_MODEL).is_file() or not (folder / REC_MODEL).is_file():
            raise EngineUnavailable(f"models not found in {folder}")
        try:
            import onnxruntime

            self._det = _session(onnxruntime, folder / DET_MODEL)
            self._rec = _session(onnxruntime, folder / REC_MODEL)
            chars = self._rec.get_modelmeta().custom_metadata_map["character"].splitlines()
        except Exception as e:  # ImportError, a DLL that will not load on an old Windows, a damaged model
            raise EngineUnavailable(str(e)) from e
        self._chars = ["blank"] + chars + [" "]  # CTC's blank first, the space last, as rapidocr's CTCLabelDecode

    def read(self, pixels: np.ndarray, box_thresh: float = 0.5) -> list[Box]:
        """The text boxes of a page (H×W grey or H×W×3): corners clockwise from the top left in the page's
        pixels, text, confidence; top to bottom, left to right as rapidocr orders them."""
        raw_h, raw_w = pixels.shape[:2]
        if min(raw_h, raw_w) < MIN_LEGIBLE_SIDE:
            return []
        img, ratio_h, ratio_w = _within_sides(pixels)
        img, top = _letterboxed(img)
        boxes = self._detect(img, box_thresh)
        if not boxes:
            return []
        texts = self._recognise([_crop(img, b) for b in boxes])
        found: list[Box] = []
        for box, (text, conf) in zip(boxes, texts):
            quad = (box - np.array([0, top], dtype=np.float32)) * np.array([ratio_w, ratio_h], dtype=np.float32)
            quad = np.minimum(np.maximum(quad, 0), np.array([raw_w, raw_h], dtype=np.float32))
            found.append((quad.tolist(), text, conf))
        return found

    def read_line(self, pixels: np.ndarray) -> tuple[str, float]:
        """One line's image recognised whole (no detection): text and confidence."""
        img, _, _ = _within_sides(pixels)
        return self._recognise([img])[0]

    # detection: rapidocr's TextDetector and DBPostProcess
    def _detect(self, img: np.ndarray, box_thresh: float) -> list[np.ndarray]:
        h, w = img.shape[:2]
        scale = DET_LIMIT_SIDE / min(h, w) if min(h, w) < DET_LIMIT_SIDE else 1.0
        scale = min(scale, (DET_MAX_PIXELS / (h * w)) ** 0.5)
        size_h, size_w = _scaled_by_32(h, w, scale)
        if size_h <= 0 or size_w <= 0:
            return []
        x = _as_input(resize_linear(img, size_w, size_h).astype(np.float32) * (1 / 255.0))
        prob = self._det.run(None, {self._det.get_inputs()[0].name: x})[0][0, 0]
        boxes = _boxes_from_map(prob, geo.dilate(prob > DET_THRESH), box_thresh, w, h)
        return _sorted_boxes(_kept_boxes(boxes, h, w))

    # recognition: rapidocr's TextRecognizer and CTCLabelDecode
    def _recognise(self, images: list[np.ndarray]) -> list[tuple[str, float]]:
        ratios = np.array([im.shape[1] / float(im.shape[0]) for im in images])
        order = np.argsort(ratios)  # similar widths together: less padding
        found: list[tuple[str, float]] = [("", 0.0)] * len(images)
        for begin in range(0, len(images), REC_BATCH):
            batch = order[begin:begin + REC_BATCH]
            widest = max([REC_WIDTH / REC_HEIGHT] + [images[i].shape[1] / images[i].shape[0] for i in batch])
            x = np.concatenate([_rec_input(images[i], widest)[None] for i in batch]).astype(np.float32)
            probs = self._rec.run(None, {self._rec.get_inputs()[0].name: x})[0]
            for i, p in zip(batch, probs):
                found[i] = self._decode(p)
        return found

    def _decode(self, prob: np.ndarray) -> tuple[str, float]:
        """CTC greedy decoding: the best class at each step, repeats merged, blanks dropped; the confidence is
        the mean of the kept steps' probabilities."""
        best, score = prob.argmax(axis=1), prob.max(axis=1)
        keep = np.ones(len(best), dtype=bool)
        keep[1:] = best[1:] != best[:-1]
        keep &= best != 0
        text = "".join(self._chars[i] for i in best[keep])
        return text, float(np.mean(score[keep].astype(np.float64))) if keep.any() else 0.0


def _session(onnxruntime: ModuleType, path: Path) -> Any:  # an onnxruntime.InferenceSession (no type hints)
    """rapidocr's session settings: every optimisation, no memory arena, quiet."""
    opts = onnxruntime.SessionOptions()
    opts.log_severity_level = 4
    opts.enable_cpu_mem_arena = False
    opts.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    return onnxruntime.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])


def _as_input(scaled: np.ndarray) -> np.ndarray:
    """Pixels scaled to [0, 1] as the models' input: (x − 0.5) / 0.5, channels first, a batch of one; a grey
    image is its three equal channels."""
    x = ((scaled.astype(np.float64) - 0.5) / 0.5).astype(np.float32)  # as rapidocr: in doubles, then floats
    x = np.repeat(x[None], 3, axis=0) if x.ndim == 2 else x.transpose(2, 0, 1)
    return np.ascontiguousarray(x[None])


def _within_sides(img: np.ndarray) -> tuple[np.ndarray, float, float]:
    """rapidocr's preprocess: a side over MAX_SIDE brought down to it, then a side under MIN_SIDE up to it
    (both rounded to multiples of 32); the ratios back to the original."""
    ratio_h = ratio_w = 1.0
    for limit, over in ((MAX_SIDE, True), (MIN_SIDE, False)):
        h, w = img.shape[:2]
        side = max(h, w) if over else min(h, w)
        if (side > limit) if over else (side < limit):
            scale = limit / side
            size_h, size_w = _scaled_by_32(h, w, scale)
            if size_h <= 0 or size_w <= 0:
                break
            img = resize_linear(img, size_w, size_h)
            ratio_h, ratio_w = h / size_h, w / size_w
    return img, ratio_h, ratio_w


def _scaled_by_32(h: int, w: int, scale: float) -> tuple[int, int]:
    """Both sides scaled and rounded to multiples of 32, as rapidocr does (0 for a side that rounds away)."""
    return int(round(int(h * scale) / 32) * 32), int(round(int(w * scale) / 32) * 32)


def _letterboxed(img: np.ndarray) -> tuple[np.ndarray, int]:
    """rapidocr's maybe_add_letterbox: a very low or long image gets black bands above and below."""
    h, w = img.shape[:2]
    if h > MIN_HEIGHT and w / h <= MAX_WIDTH_RATIO:
        return img, 0
    pad = int(abs(max(int(w / MAX_WIDTH_RATIO), MIN_HEIGHT) * 2 - h) / 2)
    return np.pad(img, ((pad, pad),) + ((0, 0),) * (img.ndim - 1)), pad


def _boxes_from_map(prob: np.ndarray, mask: np.ndarray, box_thresh: float, dest_w: int, dest_h: int) -> list:
    """rapidocr's boxes_from_bitmap: per component its minimum-area rectangle, kept if long enough and sure
    enough, grown (unclip), and scaled to the image the detector's input was made from."""
    height, width = mask.shape
    boxes = []
    for points in geo.components(mask)[:MAX_CANDIDATES]:
        box, short = geo.min_area_rect(points)
        if short < MIN_SIZE or geo.box_score(prob, box) < box_thresh:
            continue
        box, short = geo.min_area_rect(geo.unclip(box, UNCLIP_RATIO))
        if short < MIN_SIZE + 2:
            continue
        box[:, 0] = np.clip(np.round(box[:, 0] / width * dest_w), 0, dest_w)
        box[:, 1] = np.clip(np.round(box[:, 1] / height * dest_h), 0, dest_h)
        boxes.append(box.astype(np.int32))
    return boxes


def _kept_boxes(boxes: list, h: int, w: int) -> list[np.ndarray]:
    """rapidocr's filter_tag_det_res: corners clockwise from the top left, inside the image, both sides over
    3 pixels."""
    kept = []
    for box in boxes:
        by_x = box[np.argsort(box[:, 0])]
        left, right = by_x[:2][np.argsort(by_x[:2, 1])], by_x[2:][np.argsort(by_x[2:, 1])]
        quad = np.array([left[0], right[0], right[1], left[1]], dtype=np.float32)
        quad[:, 0] = np.trunc(np.clip(quad[:, 0], 0, w - 1))
        quad[:, 1] = np.trunc(np.clip(quad[:, 1], 0, h - 1))
        if int(np.linalg.norm(quad[0] - quad[1])) > 3 and int(np.linalg.norm(quad[0] - quad[3])) > 3:
            kept.append(quad)
    return kept


def _sorted_boxes(boxes: list[np.ndarray]) -> list[np.ndarray]:
    """rapidocr's sorted_boxes: by the top-left corner's y then x; then a box within 10 pixels of the line
    above it and left of it moves before it."""
    boxes = sorted(boxes, key=lambda b: (b[0][1], b[0][0]))
    for i in range(len(boxes) - 1):
        for j in range(i, -1, -1):
            if abs(boxes[j + 1][0][1] - boxes[j][0][1]) < 10 and boxes[j + 1][0][0] < boxes[j][0][0]:
                boxes[j], boxes[j + 1] = boxes[j + 1], boxes[j]
            else:
                break
    return boxes


def _crop(img: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """rapidocr's get_rotate_crop_image: the quad straightened into a width × height image (OpenCV's
    warpPerspective, bicubic, edge pixels repeated beyond the page), turned a quarter when it stands at least
    1.5 times taller than wide."""
    width = int(max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3])))
    height = int(max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2])))
    if width <= 0 or height <= 0:
        return np.zeros((1, 1) + img.shape[2:], dtype=img.dtype)
    x, y = _source_points(quad, width, height)
    crop = _bicubic(img, x, y)
    return np.rot90(crop) if height / width >= 1.5 else crop


def _source_points(quad: np.ndarray, width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """For each pixel of the width × height output, the point of the image it is taken from: the perspective
    map of the output's corners onto the quad, evaluated in 32-bit floats as OpenCV's warpPerspective does."""
    dst = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float64)
    a, b = np.zeros((8, 8)), np.zeros(8)
    for i, ((x, y), (u, v)) in enumerate(zip(dst, quad.astype(np.float64))):
        a[2 * i] = [x, y, 1, 0, 0, 0, -u * x, -u * y]
        a[2 * i + 1] = [0, 0, 0, x, y, 1, -v * x, -v * y]
        b[2 * i], b[2 * i + 1] = u, v
    m = np.append(np.linalg.solve(a, b), 1.0).astype(np.float32)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    w = (m[7] * ys + m[8]) + m[6] * xs
    return ((m[1] * ys + m[2]) + m[0] * xs) / w, ((m[4] * ys + m[5]) + m[3] * xs) / w


def _bicubic(img: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """img sampled at the points (x, y) by OpenCV's bicubic filter (A = −0.75, 4 × 4 pixels, in 32-bit floats),
    coordinates beyond the image taken at its edge."""
    h, w = img.shape[:2]
    ix, iy = np.floor(x).astype(np.int64), np.floor(y).astype(np.int64)
    across, down = _cubic_weights((x - ix).astype(np.float32)), _cubic_weights((y - iy).astype(np.float32))
    extra = (slice(None), slice(None)) + (None,) * (img.ndim - 2)  # the weights over a colour image's channels
    out = np.zeros(x.shape + img.shape[2:], dtype=np.float32)
    for i in range(4):
        rows = np.clip(iy + (i - 1), 0, h - 1)
        line = np.zeros_like(out)
        for j in range(4):
            line += img[rows, np.clip(ix + (j - 1), 0, w - 1)].astype(np.float32) * across[j][extra]
        out += line * down[i][extra]
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def _cubic_weights(f: np.ndarray) -> list[np.ndarray]:
    """OpenCV's interpolateCubic: the four taps' weights at the fractions f (A = −0.75)."""
    a, one = np.float32(-0.75), np.float32(1)
    g = one - f
    w0 = ((a * (f + one) - np.float32(5) * a) * (f + one) + np.float32(8) * a) * (f + one) - np.float32(4) * a
    w1 = ((a + np.float32(2)) * f - (a + np.float32(3))) * f * f + one
    w2 = ((a + np.float32(2)) * g - (a + np.float32(3))) * g * g + one
    return [w0, w1, w2, one - w0 - w1 - w2]


def _rec_input(img: np.ndarray, widest: float) -> np.ndarray:
    """rapidocr's resize_norm_img: height 48, width by the image's own ratio (at most the batch's widest),
    scaled to [-1, 1], padded with zeros on the right to the batch's width."""
    width = int(REC_HEIGHT * widest)
    h, w = img.shape[:2]
    resized_w = min(width, int(math.ceil(REC_HEIGHT * (w / float(h)))))
    x = resize_linear(img, resized_w, REC_HEIGHT).astype(np.float32)
    x = np.repeat(x[None], 3, axis=0) if x.ndim == 2 else x.transpose(2, 0, 1)
    x = (x / 255 - 0.5) / 0.5  # type: ignore[assignment]  # float32 / int stays float32 (numpy's promotion)
    out = np.zeros((3, REC_HEIGHT, width), dtype=np.float32)
    out[:, :, :resized_w] = x
    return out


def resize_linear(img: np.ndarray, width: int, height: int) -> np.ndarray:
    """OpenCV's bilinear resize of 8-bit pixels (cv2.resize, INTER_LINEAR): pixel centres aligned, two taps
    each way with 11-bit weights, no smoothing when shrinking."""
    h, w = img.shape[:2]
    if (h, w) == (height, width):
        return img.copy()
    x0, x1, ax0, ax1 = _taps(w, width, across=True)
    y0, y1, ay0, ay1 = _taps(h, height, across=False)
    across = (1, -1) + (1,) * (img.ndim - 2)
    rows = img[:, x0].astype(np.int32)  # gathered as bytes, then widened: a third of the memory traffic
    rows *= ax0.reshape(across)
    right = img[:, x1].astype(np.int32)
    right *= ax1.reshape(across)
    rows += right
    rows >>= 4  # weights × 2048, less 4 bits: OpenCV's vectorised vertical pass works on 16-bit values
    down = (-1,) + (1,) * (img.ndim - 1)
    out = rows[y0]
    out *= ay0.reshape(down)
    out >>= 16
    lower = rows[y1]
    lower *= ay1.reshape(down)
    lower >>= 16
    out += lower
    out += 2
    out >>= 2
    return out.clip(0, 255).astype(np.uint8)


def _taps(src: int, dst: int, across: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For each output pixel along one axis: its two source pixels and their 11-bit weights.  Beyond the first
    and last pixel centre OpenCV gives all the weight to the edge pixel across a row, but keeps the weights
    down a column, with both taps on the edge row."""
    f = ((np.arange(dst) + 0.5) * (1.0 / (dst / src)) - 0.5).astype(np.float32)
    i = np.floor(f).astype(np.int64)
    f = (f - i).astype(np.float32)
    if across:
        low, high = i < 0, i >= src - 1
        f[low | high] = 0
        i = np.where(low, 0, np.where(high, src - 1, i))
    a1 = np.rint(f * 2048).astype(np.int32)
    a0 = np.rint((1 - f) * 2048).astype(np.int32)
    return np.clip(i, 0, src - 1), np.clip(i + 1, 0, src - 1), a0, a1

