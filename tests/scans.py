"""Scans made from the real PDFs, as a scanner or a phone makes them: pages drawn in grey (pdftoppm), turned
slightly, with noise, saved as an image-only PDF or a photo (Pillow).  Used by the OCR tests and bench."""
from __future__ import annotations

import random
import subprocess
from pathlib import Path

from PIL import Image, ImageFilter


def render_pages(pdf: Path, out: Path, dpi: int = 200, first: int = 1, last: int | None = None,
                 pdftoppm: str = "pdftoppm") -> list[Path]:
    """The PDF's pages as grey PNGs (pdftoppm -gray)."""
    out.mkdir(parents=True, exist_ok=True)
    args = [pdftoppm, "-r", str(dpi), "-gray", "-png", "-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    subprocess.run(args + [str(pdf), str(out / "page")], check=True, timeout=120)
    return sorted(out.glob("page*.png"))


def scanned(page: Path, angle: float, seed: int) -> Image.Image:
    """A page as it comes out of a scanner: turned by angle degrees, with grain and a blur."""
    rng = random.Random(seed)
    im = Image.open(page).convert("L")
    im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    im = Image.blend(im, _grain(im.size, seed), 0.12)  # grain around a light grey paper
    im = im.filter(ImageFilter.GaussianBlur(0.4 + rng.random() * 0.3))
    return im


def _grain(size: tuple[int, int], seed: int) -> Image.Image:
    """Gaussian noise around mid grey (Image.effect_noise's), drawn from the seed: the same scan every run."""
    import numpy as np

    noise = np.random.default_rng(seed).normal(128, 48, (size[1], size[0]))
    return Image.fromarray(noise.clip(0, 255).astype(np.uint8), "L")


def worn(page: Path, angle: float, seed: int) -> Image.Image:
    """A page from a worn copy on a poor scanner: drawn at 150 dpi, turned, blurred, with dust and specks (one
    pixel in 200 black, grey or light) and saved as a rough JPEG: specks read as marks beside figures (「福9」
    「0°」), small figures in wide cells missed by the detector."""
    import io

    rng = random.Random(seed)
    im = Image.open(page).convert("L").rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    im = im.filter(ImageFilter.GaussianBlur(0.6))
    px = im.load()
    for _ in range(im.width * im.height // 200):
        px[rng.randrange(im.width), rng.randrange(im.height)] = rng.choice((0, 90, 200))
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=55)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def image_pdf(images: list[Image.Image], out: Path, dpi: int = 200) -> Path:
    """An image-only PDF (no text layer), as a scanner saves it."""
    first, rest = images[0], images[1:]
    first.save(out, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return out


def table_pictures(report, folder: Path) -> list[Path]:
    """Tables 二, 三 (in two parts) and 四 of the report as pictures (ruled tables drawn at 200 dpi, long labels
    wrapped in their cells), as screenshots of a workbook pasted into a report are."""
    from model import schema as S
    from model.values import format_value

    t2 = []
    for block in S.T2_BLOCKS:
        t2 += [(block.heading, []), ("信息内容", list(block.col_labels))]
        t2 += [(label, [format_value(report.cells[f"t2.{rid}.{col}"]) for col in block.cols]) for rid, label in block.rows]
    t3 = [(label, [str(report.cells[f"t3.{rid}.{col}"]) for col in S.T3_COL_IDS]) for rid, label, _ in S.T3_ROWS]
    t4 = [str(report.cells[f"t4.{g}.{col}"]) for g, _ in S.T4_GROUPS for col, _ in S.T4_COLS]
    t4_rows = [("行政复议　　　　　　　　　行政诉讼", []), ("　" * 13 + "未经复议直接起诉　　　　复议后起诉", []),
               ("", [label for _ in S.T4_GROUPS for _, label in S.T4_COLS]), ("", t4)]
    folder.mkdir(parents=True, exist_ok=True)
    shapes = (("t2.png", t2, 400, 220, 22), ("t3a.png", t3[:16], 700, 70, 22), ("t3b.png", t3[16:], 700, 70, 22),
              ("t4.png", t4_rows, 20, 66, 60))
    return [_table_picture(rows, folder / name, label_w, col_w, wrap) for name, rows, label_w, col_w, wrap in shapes]


def tables_as_pictures(report, out: Path) -> Path:
    """A PDF of the report whose text is text and whose tables are pictures pasted in (table_pictures)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from export.fonts import FONTS_DIR
    from model import schema as S

    pdfmetrics.registerFont(TTFont("Pasted", str(FONTS_DIR / "NianbaoSerif-Regular.ttf")))
    t2, t3a, t3b, t4 = table_pictures(report, out.parent / "pictures")
    c = canvas.Canvas(str(out))
    y = 800.0

    def line(text: str, size: int = 11) -> None:
        nonlocal y
        c.setFont("Pasted", size)
        c.drawString(50, y, text)
        y -= 20

    def picture(png: Path) -> None:
        nonlocal y
        with Image.open(png) as im:
            width, height = (v * 72 / 200 for v in im.size)
        c.drawImage(str(png), 50, y - height, width, height)
        y -= height + 16

    def new_page() -> None:
        nonlocal y
        c.showPage()
        y = 800.0

    heads = [s.heading for s in S.SECTIONS]
    line(f"{report.meta.organ}{report.meta.year}{S.TITLE_SUFFIX}", 16)
    for text in (heads[0], NARRATIVE, heads[1]):
        line(text)
    picture(t2)
    new_page()
    line(heads[2])
    picture(t3a)
    new_page()
    picture(t3b)
    line(heads[3])
    picture(t4)
    for text in (heads[4], "存在问题是宣传不足，下一步将加强培训。", heads[5], "本年度未收取信息处理费。"):
        line(text)
    c.save()
    return out


NARRATIVE = "全年收到的申请均已按时答复。"


def _table_picture(rows: list[tuple[str, list[str]]], path: Path, label_w: int, col_w: int, wrap: int) -> Path:
    from PIL import ImageDraw, ImageFont

    from export.fonts import FONTS_DIR

    font = ImageFont.truetype(str(FONTS_DIR / "NianbaoSerif-Regular.ttf"), 26)
    row_h = 46
    heights = [row_h * (1 + (len(label) - 1) // wrap) if label else row_h for label, _ in rows]
    im = Image.new("L", (label_w + col_w * max(len(f) for _, f in rows) + 20, sum(heights) + 20), 255)
    draw = ImageDraw.Draw(im)
    y = 10
    for (label, figures), height in zip(rows, heights):
        draw.line([(10, y), (im.width - 10, y)], fill=0, width=2)
        for k in range(0, max(len(label), 1), wrap):
            draw.text((18, y + 9 + (k // wrap) * row_h), label[k:k + wrap], font=font, fill=0)
        for j, figure in enumerate(figures):
            left = label_w + j * col_w + (col_w - draw.textlength(figure, font=font)) / 2
            draw.text((left, y + (height - row_h) / 2 + 9), figure, font=font, fill=0)
        y += height
    draw.line([(10, y), (im.width - 10, y)], fill=0, width=2)
    im.save(path)
    return path
