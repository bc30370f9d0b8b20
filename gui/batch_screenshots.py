"""The README pictures of the supervisor's batch: the batch window after checking a folder of mixed reports
(docs/img/batch-window.png) and the 总览 sheet of the exported workbook as LibreOffice prints it
(docs/img/batch-overview.png, needs soffice and pdftoppm).

    .venv/bin/python -m gui.batch_screenshots [OUT_DIR]
"""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .batch_window import BatchWindow

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "samples"


def demo_folder(folder: Path) -> Path:
    """Published reports as a supervisor downloads them: texts, PDFs, our own files, one broken file."""
    from model.fileformat import save
    from tests.factories import consistent_report

    for p in sorted((SAMPLES / "seeds").glob("*.txt")) + sorted((SAMPLES / "real-pdf").glob("*.pdf")):
        shutil.copy(p, folder / p.name)
    shutil.copy(ROOT / "resources" / "samples" / "sample.nianbao", folder / "示范区政府办.nianbao")
    for i, organ in enumerate(("示范市教育局", "示范市交通运输局")):
        rep = consistent_report(random.Random(i))
        rep.meta.organ, rep.meta.level = organ, "department"
        if i:
            total = rep.cells["t3.r1.tot"]
            assert isinstance(total, int)  # consistent_report fills every count
            rep.cells["t3.r1.tot"] = total + 3
        save(rep, folder / f"{organ}.nianbao")
    (folder / "某镇人民政府.pdf").write_bytes(b"%PDF-1.4 truncated download")
    return folder


def window_shot(folder: Path, out: Path) -> BatchWindow:
    from .app import make_app
    from .batch_window import BatchWindow

    app = make_app()
    win = BatchWindow(interactive=False)
    win.resize(1400, 560)
    win.show()
    win.start(str(folder), "")
    op = win.op
    assert op is not None, "the batch did not start"
    while not op.done:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()
    win.grab().save(str(out))
    return win


_FONTS_CONF = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir>
<alias><family>宋体</family><prefer><family>Nianbao Serif</family></prefer></alias></fontconfig>"""


def overview_shot(win: BatchWindow, out: Path) -> bool:
    """The 总览 sheet, exported and printed by LibreOffice (with the bundled font standing in for 宋体 on a
    machine without Chinese fonts), cropped to the table; False when soffice or pdftoppm is missing."""
    from PySide6.QtWidgets import QApplication

    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not (soffice and pdftoppm):
        return False
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / "汇总.xlsx"
        win.export(str(xlsx))
        op = win.export_op
        assert op is not None, "the export did not start"
        while not op.done:
            QApplication.processEvents()
            time.sleep(0.02)
        conf = Path(tmp) / "fonts.conf"
        conf.write_text(_FONTS_CONF.format(fonts=ROOT / "resources" / "fonts"), encoding="utf-8")
        env = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=tmp)
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(xlsx)],
                       check=True, capture_output=True, timeout=180, env=env)
        page = Path(tmp) / "page"
        subprocess.run([pdftoppm, "-png", "-r", "220", "-f", "1", "-l", "1", "-singlefile",
                        str(Path(tmp) / "汇总.pdf"), str(page)], check=True, timeout=60)
        _crop(page.with_suffix(".png"), out)
    return True


def _crop(src: Path, out: Path) -> None:
    """The printed table without the page's empty margins."""
    from PIL import Image, ImageChops

    img = Image.open(src).convert("RGB")
    body = img.crop((0, 0, img.width, img.height * 4 // 5))  # the page number sits in the last fifth
    box = ImageChops.difference(body, Image.new("RGB", body.size, "white")).getbbox()
    if box:
        img = img.crop((box[0] - 10, box[1] - 10, box[2] + 10, box[3] + 10))
    img.save(out)


def main(out_dir: str | None = None) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(out_dir or ROOT / "docs" / "img").resolve()
    out.mkdir(parents=True, exist_ok=True)
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # the files are shown as 「年度报告/…」, as a supervisor's own folder would be
        try:
            folder = Path("年度报告")
            folder.mkdir()
            win = window_shot(demo_folder(folder), out / "batch-window.png")
            written = [out / "batch-window.png"]
            if overview_shot(win, out / "batch-overview.png"):
                written.append(out / "batch-overview.png")
            win.close()
        finally:
            os.chdir(here)
    return written


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for p in main(sys.argv[1] if len(sys.argv) > 1 else None):
        print(p)
