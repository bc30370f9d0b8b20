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
    im = Image.blend(im, Image.effect_noise(im.size, 48), 0.12)  # grain around a light grey paper
    im = im.filter(ImageFilter.GaussianBlur(0.4 + rng.random() * 0.3))
    return im


def image_pdf(images: list[Image.Image], out: Path, dpi: int = 200) -> Path:
    """An image-only PDF (no text layer), as a scanner saves it."""
    first, rest = images[0], images[1:]
    first.save(out, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return out
