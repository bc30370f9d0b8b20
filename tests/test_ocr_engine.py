"""The OCR engine (ingest/readers/ocr_engine.py, ocr_geometry.py): rapidocr's models run on numpy and
onnxruntime alone.  The geometry against hand-made bitmaps; a real page's scan read in a process where OpenCV,
shapely, pyclipper and PyYAML cannot be imported; and, where rapidocr itself can run here, the same boxes and
texts as rapidocr's own pipeline."""
from __future__ import annotations

import json
import math
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from ingest.readers import ocr_engine
from ingest.readers import ocr_geometry as geo
from tests.conftest import REAL_PDF

ROOT = Path(__file__).resolve().parent.parent


def _rotated_rect_pixels(cx: float, cy: float, w: float, h: float, deg: float, size=(200, 300)) -> np.ndarray:
    """A boolean image lit where pixel centres fall inside the rectangle (centre, sides, turned deg)."""
    ys, xs = np.mgrid[0:size[0], 0:size[1]]
    t = math.radians(deg)
    u = (xs - cx) * math.cos(t) + (ys - cy) * math.sin(t)
    v = -(xs - cx) * math.sin(t) + (ys - cy) * math.cos(t)
    return (np.abs(u) <= w / 2) & (np.abs(v) <= h / 2)


def test_components_join_diagonals_and_rows_and_keep_apart_the_rest():
    mask = np.zeros((8, 12), dtype=bool)
    mask[0, 0] = mask[1, 1] = True  # touching at a corner: one component (8-connected)
    mask[0, 5:8] = mask[3, 5:8] = True  # a U: two arms joined only by its bottom row
    mask[0:4, 5] = mask[0:4, 7] = True
    mask[6, 10] = True  # alone
    found = geo.components(mask)
    assert len(found) == 3
    spans = sorted(sorted(map(tuple, c.tolist())) for c in found)
    assert [(0, 0), (0, 0), (1, 1), (1, 1)] in spans  # first and last pixel of each row
    assert any((5, 0) in s and (7, 0) in s and (5, 3) in s and (7, 3) in s for s in spans)
    # OpenCV lists the last found first: the lone pixel (lowest) before the others
    assert found[0].tolist() == [[10, 6], [10, 6]]
    assert geo.components(np.zeros((3, 3), dtype=bool)) == []


def test_dilation_lights_right_below_and_diagonal():
    mask = np.zeros((4, 4), dtype=bool)
    mask[1, 1] = True
    grown = geo.dilate(mask)
    assert sorted(zip(*np.nonzero(grown))) == [(1, 1), (1, 2), (2, 1), (2, 2)]


@pytest.mark.parametrize("deg", [0.0, 0.6, -1.2, 20.0, 75.0])
def test_min_area_rect_of_a_turned_rectangles_pixels(deg):
    w, h = 120.0, 30.0
    pixels = _rotated_rect_pixels(150.2, 100.7, w, h, deg)
    (points,) = geo.components(pixels)
    box, short = geo.min_area_rect(points)
    sides = sorted([np.linalg.norm(box[0] - box[1]), np.linalg.norm(box[1] - box[2])])
    assert sides == pytest.approx([h, w], abs=1.6)  # pixel centres: within a pixel on each side
    assert short == pytest.approx(sides[0], abs=1e-3)
    # corners clockwise from the top left: the first is the leftmost of the upper pair
    assert box[0][0] <= box[1][0] and box[0][1] <= box[3][1]
    # every lit pixel lies in the rectangle
    ys, xs = np.nonzero(pixels)
    edges = np.roll(box, -1, axis=0) - box
    cross = [(ex * (ys - by) - ey * (xs - bx)) for (bx, by), (ex, ey) in zip(box, edges)]
    assert all((c >= -1e-3 * np.hypot(ex, ey)).all() for c, (ex, ey) in zip(cross, edges))
    along = math.degrees(math.atan2(box[1][1] - box[0][1], box[1][0] - box[0][0]))
    assert min(abs(along - deg), abs(abs(along - deg) - 90)) < 1.0


def test_unclip_grows_a_rectangle_by_area_times_ratio_over_perimeter_on_every_side():
    box = np.array([[10, 20], [110, 20], [110, 40], [10, 40]], dtype=np.float32)
    d = 100 * 20 * 1.6 / 240  # 13.33
    grown, short = geo.min_area_rect(geo.unclip(box, 1.6))
    assert grown[0] == pytest.approx([10 - d, 20 - d], abs=0.5)
    assert grown[2] == pytest.approx([110 + d, 40 + d], abs=0.5)
    assert short == pytest.approx(20 + 2 * d, abs=1.0)


def test_box_score_is_the_mean_probability_inside():
    prob = np.zeros((20, 20), dtype=np.float32)
    prob[5:10, 4:14] = 0.8
    box = np.array([[4, 5], [13, 5], [13, 9], [4, 9]], dtype=np.float32)
    assert geo.box_score(prob, box) == pytest.approx(0.8)
    assert geo.box_score(prob, box + [0, 5]) == pytest.approx(0.0)


def test_bilinear_resize_keeps_flat_areas_and_aligns_pixel_centres():
    flat = np.full((30, 40), 77, dtype=np.uint8)
    assert (ocr_engine.resize_linear(flat, 100, 48) == 77).all()
    ramp = np.tile(np.arange(0, 250, 10, dtype=np.uint8), (4, 1))  # 25 columns, 10 apart
    double = ocr_engine.resize_linear(ramp, 50, 4)  # output pixel i samples the input at i / 2 − 1/4
    assert double[0, 1:-1].tolist() == [int(np.floor(10 * (i / 2 - 0.25) + 0.5)) for i in range(1, 49)]
    assert ocr_engine.resize_linear(ramp, 25, 4).tolist() == ramp.tolist()


def test_models_are_found_without_importing_rapidocr_and_in_the_frozen_bundle(monkeypatch, tmp_path):
    folder = ocr_engine.models_folder()
    assert folder is not None and (folder / ocr_engine.DET_MODEL).is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert ocr_engine.models_folder() == tmp_path / "rapidocr_onnxruntime" / "models"
    with pytest.raises(ocr_engine.EngineUnavailable):
        ocr_engine.Engine()  # nothing there


def _page_crop(tmp_path: Path) -> tuple[Path, str]:
    """Part of table 三 of a real report (huaian, page 4) drawn at 200 dpi in grey, and that page's text."""
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument(str(REAL_PDF / "huaian_city_2024.pdf"))
    page = pdf[3]
    image = page.render(scale=200 / 72, grayscale=True).to_pil()
    text = page.get_textpage().get_text_range()
    image = image.crop((0, int(image.height * 0.5), int(image.width * 0.8), int(image.height * 0.7)))
    out = tmp_path / "table.png"
    image.save(out)
    return out, text


def _flat(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


BLOCKED_CHILD = """
import json, sys
for name in ("cv2", "shapely", "pyclipper", "yaml"):
    sys.modules[name] = None  # any import of them fails
import numpy as np
from PIL import Image
from ingest.readers import ocr
boxes = ocr.ocr_engine("table.png").read(np.asarray(Image.open(sys.argv[1]).convert("L")), box_thresh=0.3)
print(json.dumps({"boxes": boxes, "rapidocr": [m for m in sys.modules if m.startswith("rapidocr")]}))
"""


@pytest.mark.slow
def test_scan_read_where_opencv_shapely_pyclipper_and_yaml_cannot_load(tmp_path):
    png, text = _page_crop(tmp_path)
    out = subprocess.run([sys.executable, "-c", BLOCKED_CHILD, str(png)], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert found["rapidocr"] == [], "the rapidocr package itself is never imported"
    texts = [t for _, t, _ in found["boxes"]]
    assert len(texts) >= 40
    read = [t for t in texts if _flat(t) in _flat(text)]
    assert len(read) >= 0.95 * len(texts)  # what OCR read is printed on the page
    assert sum(t.isdigit() for t in texts) >= 20  # the table's figures
    for quad, _, conf in found["boxes"]:
        assert len(quad) == 4 and 0.0 <= conf <= 1.0


@pytest.mark.slow
def test_same_boxes_and_texts_as_rapidocr_itself(tmp_path):
    """Where rapidocr can run (OpenCV installed, as in the development venv), its own pipeline and ours agree."""
    pytest.importorskip("cv2")
    rapidocr = pytest.importorskip("rapidocr_onnxruntime")
    from PIL import Image

    png, _ = _page_crop(tmp_path)
    grey = Image.open(png).convert("L")
    theirs, _ = rapidocr.RapidOCR(text_score=0.0, use_cls=False, print_verbose=False)(
        np.asarray(grey.convert("RGB")), use_cls=False, box_thresh=0.3, text_score=0.0)
    ours = ocr_engine.Engine().read(np.asarray(grey), box_thresh=0.3)
    assert len(ours) == len(theirs)
    same_box = sum(np.array_equal(np.round(a[0]), np.round(b[0])) for a, b in zip(ours, theirs))
    assert same_box >= 0.98 * len(theirs)
    same_text = sum(a[1] == b[1] for a, b in zip(ours, theirs))
    assert same_text >= 0.98 * len(theirs)
    assert max(abs(a[2] - b[2]) for a, b in zip(ours, theirs)) < 0.01


@pytest.mark.parametrize("shape", [(1, 500), (7, 2000), (40, 3000), (3000, 12), (9, 9000)])
def test_a_strip_of_a_picture_is_read_in_seconds(shape):
    """A hostile or odd picture (a one-pixel line, a banner) is not blown up to hundreds of millions of pixels
    for the detector: it is read, finding nothing, within seconds."""
    import time

    from ingest.readers.ocr_engine import Engine

    engine = Engine()
    began = time.monotonic()
    assert engine.read(np.full(shape, 255, dtype=np.uint8), box_thresh=0.3) == []
    assert time.monotonic() - began < 10
