"""Scanned PDFs and photos are read by OCR (issue 12 item 7): a page of each real PDF, scanned (drawn in grey,
turned, with grain) or photographed, reads the same cells as that page's text layer, and the summary says
that OCR read it.  The checks around OCR (time limit, missing engine, digit hints) run without OCR."""
from __future__ import annotations

import multiprocessing
import random
import sys
import time
from pathlib import Path

import pytest

from ingest import IngestError, read_report
from ingest.result import ImportResult
from model.report import Report
from model.values import format_value
from tests.conftest import EXPECTED, REAL_PDF
from tests.scans import image_pdf, render_pages, scanned, worn
from tests.tools import need


def _one_page_pdf(src, k: int, out):
    """Page k (1-based) of src as a PDF of its own, text layer and all: what OCR of that page must match."""
    import pypdfium2 as pdfium

    whole, one = pdfium.PdfDocument(str(src)), pdfium.PdfDocument.new()
    one.import_pages(whole, [k - 1])
    one.save(str(out))
    return out


def _page(tmp_path_factory, stem: str, k: int):
    folder = tmp_path_factory.mktemp(f"{stem}-{k}")
    pdftoppm = need("pdftoppm", package="poppler-utils")
    png = render_pages(REAL_PDF / f"{stem}.pdf", folder / "png", 200, k, k, pdftoppm)[0]
    return png, read_report(_one_page_pdf(REAL_PDF / f"{stem}.pdf", k, folder / "text.pdf"))


@pytest.fixture(scope="module")
def huaian_table_page(tmp_path_factory):
    """Table 三 of huaian (page 4): as a scanned, image-only PDF, and read from the page's own text layer."""
    png, text = _page(tmp_path_factory, "huaian_city_2024", 4)
    return image_pdf([scanned(png, 0.5, seed=4)], png.parent.parent / "scan.pdf"), text


@pytest.fixture(scope="module")
def hongze_table_page(tmp_path_factory):
    """Tables 二 and 三 of hongze (page 3), photographed: turned further, saved as JPEG."""
    png, text = _page(tmp_path_factory, "hongze_2023", 3)
    photo = png.parent.parent / "photo.jpg"
    scanned(png, -1.2, seed=7).save(photo, "JPEG", quality=80)
    return photo, text


def _table_cells(result: ImportResult) -> dict:
    return {c: format_value(v) for c, v in result.report.cells.items() if c.startswith(("t2.", "t3.", "t4."))}


def _assert_same_cells(ocr: ImportResult, text: ImportResult, stem: str) -> None:
    import json

    expected = json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))["cells"]
    want = _table_cells(text)
    assert len(want) >= 60, "the page must hold a real table"
    # (the sample's expected figures leave out what the importer fills in itself: the 2019 form's rows as 0)
    assert all(v == str(expected[c]) for c, v in want.items() if c in expected), "the text layer reads the sample"
    got = _table_cells(ocr)
    wrong = {c: (got.get(c), v) for c, v in want.items() if got.get(c) != v}
    assert not wrong
    assert not set(got) - set(want), "OCR read no figure that the page does not print"


@pytest.mark.slow
def test_scanned_pdf_page_reads_the_cells_of_its_text_layer(huaian_table_page):
    scan, text = huaian_table_page
    seen = []
    t = time.perf_counter()
    ocr = read_report(scan, progress=lambda k, n, what: seen.append((k, n, what)))
    assert time.perf_counter() - t < 60
    assert seen == [(1, 1, "页")]
    _assert_same_cells(ocr, text, "huaian_city_2024")
    assert "扫描件：1 页由文字识别（OCR）读取" in ocr.summary()


def _worn_scan_and_text_cells(stem: str, tmp_path) -> tuple[dict, dict]:
    """The table cells OCR reads from a worn 150 dpi scan of the real PDF (tests.scans.worn), and those of its
    text layer."""
    pdftoppm = need("pdftoppm", package="poppler-utils")
    pages = render_pages(REAL_PDF / f"{stem}.pdf", tmp_path / "png", 150, pdftoppm=pdftoppm)
    scan = image_pdf([worn(png, (-0.5, 0.7)[k % 2], seed=k) for k, png in enumerate(pages)], tmp_path / "scan.pdf",
                     dpi=150)
    return _table_cells(read_report(scan)), _table_cells(read_report(REAL_PDF / f"{stem}.pdf"))


@pytest.mark.slow
def test_a_worn_scan_of_a_whole_report_reads_no_cell_wrong_and_table_two_whole(tmp_path):
    """A worn copy badly scanned (tests.scans.worn, 150 dpi): specks beside figures, table 二's small figures
    in wide cells, table 四's one row of thin 「1」s.  No cell read differs from the text layer, table 二 is read
    whole (its rows were blank: ocr_figures' places under a header) and most of the rest is read (43 cells were
    blank here before specks, marks, rules and the places by a row's pitch were seen to; a row OCR cannot
    place stays blank and named)."""
    got, want = _worn_scan_and_text_cells("hongze_2023", tmp_path)
    assert {c: v for c, v in got.items() if want.get(c) != v} == {}
    assert [c for c in want if c.startswith("t2.") and c not in got] == []
    assert len(set(want) - set(got)) <= 10  # (14 before a page's one unit and the rules on a turned page: 0 now)


@pytest.mark.slow
def test_a_worn_scan_of_a_city_report_lays_out_rows_with_a_missed_figure_by_their_columns(tmp_path):
    """A worn scan of the city report (small figures in narrow columns, as tests.scans.worn makes it): OCR's
    boxes measured in one unit for the page keep each column in place, so a row whose one figure the detector
    missed is laid out by the rows of its page that add up (92 cells were blank here before: whole rows with
    one figure missed, or with a 「..」 speck under them); no cell is read wrong."""
    got, want = _worn_scan_and_text_cells("huaian_city_2024", tmp_path)
    assert {c: v for c, v in got.items() if want.get(c) != v} == {}
    assert len(set(want) - set(got)) <= 40  # (11 now)


@pytest.mark.slow
def test_photo_imported_on_the_command_line_reads_the_cells_of_its_text_layer(hongze_table_page, tmp_path, capsys):
    import main
    from model.fileformat import load

    photo, text = hongze_table_page
    out = tmp_path / "photo.nianbao"
    assert main.main(["import", str(photo), "-o", str(out)]) == 0
    printed = capsys.readouterr()
    assert "photo.jpg：文字识别（OCR）第 1/1 页…" in printed.err  # the progress, on stderr
    assert "扫描件：1 页由文字识别（OCR）读取" in printed.out  # the import summary
    ocr = ImportResult(load(out), [], "photo.jpg", "image")
    _assert_same_cells(ocr, text, "hongze_2023")


def test_photo_is_its_own_kind():
    from ingest.formats import kind_of_suffix
    from ingest.sniff import sniff

    assert sniff(b"\x89PNG\r\n\x1a\n" + bytes(40), Path("scan.png")) == "image"
    assert sniff(b"\xff\xd8\xff\xe0" + bytes(40), Path("photo.jpeg")) == "image"
    assert kind_of_suffix(".JPG") == "image"


def test_open_dialog_shows_the_page_being_read():
    from gui.window import _pages_shown

    seen = []

    class _Progress:
        def report(self, done, total, text=""):
            seen.append((done, total, text))

    _pages_shown(_Progress())(2, 5, "页")
    _pages_shown(_Progress())(1, 3, "张图片")
    assert seen == [(1, 5, "文字识别（OCR）第 2/5 页…"), (0, 3, "文字识别（OCR）第 1/3 张图片…")]
    assert _pages_shown(None) is None


def test_scan_without_ocr_engine_is_one_line(tmp_path, monkeypatch):
    """The engine failing to load (a missing wheel, a DLL that will not load) leaves the program running:
    reading a scan says in one line that scans cannot be read."""
    from PIL import Image

    from ingest.readers import ocr, pdf

    scan = image_pdf([Image.new("L", (400, 560), 255)], tmp_path / "blank-scan.pdf")
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # import fails
    monkeypatch.setattr(ocr, "_engine", None)
    with pytest.raises(IngestError) as e:
        pdf.read_pdf(str(scan), "blank-scan.pdf")
    assert str(e.value) == f"blank-scan.pdf：{ocr.UNAVAILABLE}"


class _Stuck:
    """A child that never answers (stands in for a process)."""
    killed = False

    def kill(self):
        self.killed = True

    def join(self, timeout=None):
        pass


def test_timeout_after_the_pdf_opened_says_it_is_large_not_damaged():
    from ingest.sandbox import _Waiter

    recv, send = multiprocessing.Pipe(duplex=False)
    send.send(("pages", 240, False))
    proc = _Stuck()
    with pytest.raises(IngestError) as e:
        _Waiter(recv, time.monotonic() + 0.3, None).final("pdf", "long.pdf", proc)
    assert proc.killed
    assert str(e.value).startswith("long.pdf：PDF 较大（240 页），读取超时")
    assert "损坏" not in str(e.value)


def test_timeout_before_the_file_opened_may_be_damage():
    from ingest.sandbox import _Waiter

    recv, _send = multiprocessing.Pipe(duplex=False)
    with pytest.raises(IngestError) as e:
        _Waiter(recv, time.monotonic() + 0.2, None).final("pdf", "bad.pdf", _Stuck())
    assert "可能已损坏" in str(e.value)


def test_scanned_pages_widen_the_time_limit_and_report_progress():
    from ingest.sandbox import OCR_PAGE_SECONDS, _Waiter

    recv, send = multiprocessing.Pipe(duplex=False)
    for msg in (("pages", 3, True), ("page", 1, 3), ("page", 2, 3, "张图片"), ("ok", "done")):
        send.send(msg)
    seen = []
    waiter = _Waiter(recv, time.monotonic() + 5, lambda k, n, what: seen.append((k, n, what)))
    before = waiter.deadline
    assert waiter.final("pdf", "scan.pdf", _Stuck()) == ("ok", "done")
    assert seen == [(1, 3, "页"), (2, 3, "张图片")]
    assert waiter.deadline - before == pytest.approx(3 * OCR_PAGE_SECONDS)


def _result_with(cells: dict) -> ImportResult:
    report = Report()
    report.cells.update(cells)
    return ImportResult(report, [], "scan.pdf", "pdf")


ROW = {"t3.r1.np": 21, "t3.r1.biz": 0, "t3.r1.res": 0, "t3.r1.npo": 0, "t3.r1.law": 0, "t3.r1.oth": 0}


def test_a_sum_that_one_unsure_digit_would_fix_is_named_not_fixed():
    from ingest.ocrcheck import add_ocr_notes

    result = _result_with({**ROW, "t3.r1.tot": 27})  # 21 printed, OCR read 27 with low confidence
    add_ocr_notes(result, {"pages": 1, "unsure": [(4, "27", 0.55)], "why": {"scanned": 1}})
    notes = [p.message for p in result.problems]
    assert notes[0] == "扫描件：1 页由文字识别（OCR）读取，请对照原件核对数字和文字"
    hints = [m for m in notes if "识别为 27" in m]
    assert len(hints) == 1 and "把握 55%" in hints[0] and "若为 21" in hints[0]
    assert result.report.cells["t3.r1.tot"] == 27  # kept as read


def test_no_hint_when_the_figure_was_read_surely_or_a_cell_is_blank():
    from ingest.ocrcheck import add_ocr_notes

    sure = _result_with({**ROW, "t3.r1.tot": 27})
    add_ocr_notes(sure, {"pages": 1, "unsure": [(4, "5", 0.6)], "why": {"scanned": 1}})
    blank = _result_with({**ROW, "t3.r1.oth": None, "t3.r1.tot": 27})
    add_ocr_notes(blank, {"pages": 1, "unsure": [(4, "27", 0.6)], "why": {"scanned": 1}})
    assert [p for p in sure.problems + blank.problems if "识别为" in p.message] == []


def test_a_lone_figure_missed_in_a_two_row_table_is_read_from_the_row_below():
    """「规章 _ 0 11」 over 「行政规范性文件 3 2 40」: the detector missed the 「1」; a two-row table has no column
    of three figures, so the fuller row just below tells where the cell is (ocr._places_in_a_fuller_row).  A row
    far below (table 四's fifteen figures) tells nothing."""
    from PIL import Image, ImageDraw, ImageFont

    from export.fonts import FONTS_DIR
    from ingest.readers import ocr

    image = Image.new("L", (1200, 700), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONTS_DIR / "NianbaoSerif-Regular.ttf"), 36)

    def row(top: int, figures: dict[int, str], printed: bool = True) -> list[dict]:
        words = []
        for x, text in figures.items():
            width = draw.textlength(text, font=font)
            if printed:
                draw.text((x - width / 2, top), text, font=font, fill=0)
            words.append({"top": top, "bottom": top + 40, "x0": x - width / 2, "x1": x + width / 2, "size": 40,
                          "text": text, "conf": 0.95})
        return words

    row(100, {600: "1"})  # printed, not detected
    draw.line([(500, 90), (500, 210)], fill=0, width=3)  # a ruling between the cells: no figure
    words = row(100, {750: "0", 900: "11"}) + row(160, {600: "3", 750: "2", 900: "40"})
    words += row(600, {x: "0" for x in range(400, 1150, 50)}, printed=False)  # a wide row far below
    found = ocr._figures_in_gaps(words, image, 0.0)
    assert [(round((w["x0"] + w["x1"]) / 2), w["text"], w["top"]) for w in found] == [(600, "1", 100)]
    assert found[0]["conf"] < ocr.LOW_CONFIDENCE  # unsure: named if a sum then fails


def _pdf_without_unicode_map(path, lines: list[str]):
    """A PDF whose embedded font has no map to Unicode (its /ToUnicode taken out): the page shows the text,
    the text layer holds glyph numbers."""
    import re

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from export.fonts import FONTS_DIR

    pdfmetrics.registerFont(TTFont("NoMap", str(FONTS_DIR / "NianbaoSerif-Regular.ttf")))
    c = canvas.Canvas(str(path), pageCompression=0)
    c.setFont("NoMap", 14)
    for i, line in enumerate(lines):
        c.drawString(60, 780 - 30 * i, line)
    c.save()
    path.write_bytes(re.sub(rb"/ToUnicode \d+ 0 R", b"", path.read_bytes()))
    return path


@pytest.mark.slow
def test_a_pdf_whose_text_cannot_be_taken_out_is_read_by_ocr(tmp_path):
    """The page's text layer is glyph numbers (\\x01\\x04…): the page is read as a scan is, and the summary says
    why (pdf._unreadable, ocrcheck.add_ocr_notes)."""
    from model import schema as S

    lines = ["某县人民政府2024年政府信息公开工作年度报告", S.SECTIONS[0].heading, "全年收到政府信息公开申请12件。",
             *[sec.heading for sec in S.SECTIONS[1:]]]
    pdf = _pdf_without_unicode_map(tmp_path / "无映射.pdf", lines)
    result = read_report(pdf)
    assert (result.report.meta.organ, result.report.meta.year) == ("某县人民政府", 2024)
    assert "12件" in result.report.sections["s1"]
    assert "1 页的文字无法直接取出" in result.summary() and "扫描件" not in result.summary()


def test_a_text_layer_is_unreadable_by_the_characters_it_holds(tmp_path):
    from ingest.readers import pdf

    text_pdf = tmp_path / "有映射.pdf"
    _pdf_without_unicode_map(text_pdf, ["某县人民政府2024年政府信息公开工作年度报告"] * 3)
    doc = pdf.open_pdf(str(text_pdf), "x")
    try:
        chars, unmapped = pdf._page_chars(doc[0])
    finally:
        doc.close()
    assert pdf._unreadable(chars, unmapped)  # the map taken out
    readable = [(*c[:5], "年") for c in chars]
    assert not pdf._unreadable(readable, 0)
    # a one-byte font without its map: Latin letters and marks where Chinese stands; a page of figures is read
    box = chars[0][:5]
    assert pdf._unreadable([(*box, ch) for ch in "!\"#$%&'()*+,-./:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_"], 0)
    assert not pdf._unreadable([(*box, ch) for ch in "1234567890" * 8 + "规章"], 0)


def test_a_page_without_text_is_told_by_what_it_draws(tmp_path):
    """Text turned into shapes (「转曲」: a path a glyph) is read by OCR as a scan is; a page with a rule or two is
    blank, not a scan (pdf._drawn_as)."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    from ingest.readers import pdf

    picture = tmp_path / "picture.png"
    Image.new("L", (40, 40), 128).save(picture)
    path = tmp_path / "drawn.pdf"
    c = canvas.Canvas(str(path))
    for i in range(pdf.OUTLINED_PATHS):  # page 1: glyph-like shapes
        c.rect(40 + (i % 30) * 16, 780 - (i // 30) * 20, 10, 12, fill=1)
    c.showPage()
    c.line(40, 400, 500, 400)  # page 2: a rule
    c.showPage()
    c.drawImage(str(picture), 40, 400)  # page 3: a picture
    c.showPage()
    c.save()
    doc = pdf.open_pdf(str(path), "drawn.pdf")
    try:
        assert [pdf._drawn_as(doc[k]) for k in range(3)] == ["outlined", None, "scanned"]
    finally:
        doc.close()


@pytest.mark.slow
def test_tables_pasted_as_pictures_are_read_by_ocr(tmp_path):
    """The text is text, the tables are pictures: the text layer lacks the tables' own words, so the wide
    pictures are read by OCR and their words join their pages' (pdf._pictures, pictures.read_placed);
    every figure read right."""
    import random

    from tests.factories import consistent_report
    from tests.scans import NARRATIVE, tables_as_pictures

    rep = consistent_report(random.Random(11), maxv=40)
    told: list = []
    result = read_report(tables_as_pictures(rep, tmp_path / "贴图.pdf"),
                         progress=lambda k, n, what: told.append((k, n, what)))
    assert told == [(k, 4, "张图片") for k in range(1, 5)]  # the progress says what OCR reads: pictures, not pages
    got = {c: result.report.cells.get(c) for c in rep.cells if c.startswith(("t2.", "t3.", "t4."))}
    assert got == {c: v for c, v in rep.cells.items() if c.startswith(("t2.", "t3.", "t4."))}, result.summary()
    assert result.report.sections["s1"] == NARRATIVE
    assert "4 张图片中的表格由文字识别（OCR）读取" in result.summary()


def test_a_page_with_several_pictures_is_drawn_once_for_all_of_them(tmp_path, monkeypatch):
    """Each picture OCR reads is cut from its page drawn at OCR's resolution; two on one page share one drawing
    (a page takes ~0.1–0.3 s to draw), and each cut is the picture's own part of the page."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    from ingest.readers import pdf
    from ingest.readers.ocr import RENDER_DPI

    picture = tmp_path / "table.png"
    Image.new("L", (600, 200), 200).save(picture)
    path = tmp_path / "two.pdf"
    c = canvas.Canvas(str(path))
    c.drawImage(str(picture), 50, 550, 400, 150)
    c.drawImage(str(picture), 50, 250, 400, 200)
    c.showPage()
    c.drawImage(str(picture), 50, 400, 450, 150)
    c.save()
    drawn: list[int] = []
    real = pdf._drawn
    monkeypatch.setattr(pdf, "_drawn", lambda doc, k: drawn.append(k) or real(doc, k))
    doc = pdf.open_pdf(str(path), "two.pdf")
    try:
        sizes = [(p.page, p.image().size) for p in pdf._pictures(doc, {})]
    finally:
        doc.close()
    assert drawn == [0, 1]
    dots = RENDER_DPI / 72
    want = [(0, (400, 150)), (0, (400, 200)), (1, (450, 150))]
    assert [k for k, _ in sizes] == [k for k, _ in want]
    for (_, got), (_, (w, h)) in zip(sizes, want):  # each edge rounded to a pixel: within one of the exact size
        assert abs(got[0] - w * dots) <= 1 and abs(got[1] - h * dots) <= 1


def test_a_photo_beside_the_text_is_not_read_as_a_table(tmp_path):
    """A wide picture with no table in it (a meeting under its banner) on a report without tables: nothing of it
    joins the text and the summary says no OCR (pictures._TABLE_FIGURES)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from export.fonts import FONTS_DIR
    from model import schema as S

    photo = tmp_path / "photo.png"
    banner = Image.effect_noise((800, 400), 60).point(lambda v: 128 + v // 2)  # a meeting under its banner
    ImageDraw.Draw(banner).text((40, 60), "全县2024年政务公开工作培训会", fill=0,
                                font=ImageFont.truetype(str(FONTS_DIR / "NianbaoSerif-Regular.ttf"), 40))
    banner.save(photo)
    pdfmetrics.registerFont(TTFont("Photo", str(FONTS_DIR / "NianbaoSerif-Regular.ttf")))
    path = tmp_path / "photo.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Photo", 12)
    lines = ["某县人民政府2024年政府信息公开工作年度报告", S.SECTIONS[0].heading, "全年收到的申请均已按时答复。",
             *[s.heading for s in S.SECTIONS[1:]]]
    for i, line in enumerate(lines):
        c.drawString(50, 800 - 22 * i, line)
    c.drawImage(str(photo), 50, 200, 400, 200)
    c.save()
    result = read_report(path)
    assert result.report.sections["s1"] == "全年收到的申请均已按时答复。"
    assert "OCR" not in result.summary()


def _tables_read(result, rep) -> dict:
    wrong = {c: (result.report.cells.get(c), v) for c, v in rep.cells.items()
             if c.startswith(("t2.", "t3.", "t4.")) and result.report.cells.get(c) != v}
    return wrong


@pytest.mark.slow
def test_a_saved_web_page_whose_tables_are_pictures_reads_them(tmp_path):
    """「网页，全部」 saves the page and its pictures in 页面_files/: the tables shown as <img> are read by OCR
    (html._picture_beside, pictures.tables_in_pictures); one inside the page as data: too.  A picture from the web
    or from outside the page's folder is never read."""
    import base64
    import random

    from model import schema as S
    from tests.factories import consistent_report
    from tests.scans import NARRATIVE, table_pictures

    rep = consistent_report(random.Random(12), maxv=40)
    site = tmp_path / "site"
    t2, t3a, t3b, t4 = table_pictures(rep, site / "报告_files")
    inline = "data:image/png;base64," + base64.b64encode(t4.read_bytes()).decode()
    (tmp_path / "elsewhere.png").write_bytes(t3a.read_bytes())  # a table, but not the page's
    heads = [s.heading for s in S.SECTIONS]
    page = (f"<html><body><h1>{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}</h1><p>{heads[0]}</p><p>{NARRATIVE}</p>"
            f"<p>{heads[1]}</p><p><img src='报告_files/t2.png'></p><p>{heads[2]}</p>"
            f"<p><img src='%E6%8A%A5%E5%91%8A_files/t3a.png'><img src='./报告_files/t3b.png'></p>"
            f"<p>{heads[3]}</p><p><img src='{inline}'></p><p><img src='http://example.gov.cn/t4.png'>"
            f"<img src='../elsewhere.png'></p><p>{heads[4]}</p><p>无。</p><p>{heads[5]}</p><p>无。</p></body></html>")
    (site / "报告.html").write_text(page, encoding="utf-8")
    result = read_report(site / "报告.html")
    assert not _tables_read(result, rep), result.summary()
    assert result.report.sections["s1"] == NARRATIVE
    assert "4 张图片中的表格由文字识别（OCR）读取" in result.summary()


def _docx_with_table_pictures(path, seed: int):
    """A .docx of a consistent report whose tables are screenshots pasted in (tests/scans.table_pictures)."""
    import random

    import docx
    from docx.shared import Cm

    from model import schema as S
    from tests.factories import consistent_report
    from tests.scans import NARRATIVE, table_pictures

    rep = consistent_report(random.Random(seed), maxv=40)
    t2, t3a, t3b, t4 = table_pictures(rep, path.parent / "pictures")
    heads = [s.heading for s in S.SECTIONS]
    d = docx.Document()
    d.add_paragraph(f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}")
    for text in (heads[0], NARRATIVE, heads[1]):
        d.add_paragraph(text)
    d.add_picture(str(t2), width=Cm(15))
    d.add_paragraph(heads[2])
    d.add_picture(str(t3a), width=Cm(16))
    d.add_picture(str(t3b), width=Cm(16))
    d.add_paragraph(heads[3])
    d.add_picture(str(t4), width=Cm(16))
    for text in (heads[4], "无。", heads[5], "无。"):
        d.add_paragraph(text)
    d.save(path)
    return path, rep


@pytest.mark.slow
def test_a_word_document_whose_tables_are_pictures_reads_them(tmp_path):
    """Screenshots of the tables pasted into a .docx: read by OCR where they stand (docx._pictures_in)."""
    from tests.scans import NARRATIVE

    path, rep = _docx_with_table_pictures(tmp_path / "报告.docx", 13)
    result = read_report(path)
    assert not _tables_read(result, rep), result.summary()
    assert result.report.sections["s1"] == NARRATIVE
    assert "4 张图片中的表格由文字识别（OCR）读取" in result.summary()


@pytest.mark.slow
def test_a_word_97_document_whose_tables_are_pictures_reads_them(tmp_path):
    """The same saved as Word 97–2003 (.doc, as WPS saves by default): each inline picture is found through
    its character's sprmCPicLocation in the Data stream (doc_pictures.py)."""
    import subprocess

    from tests.scans import NARRATIVE
    from tests.tools import need

    path, rep = _docx_with_table_pictures(tmp_path / "报告.docx", 15)
    soffice = need("soffice", "libreoffice", package="LibreOffice")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--norestore",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True,
                   timeout=300)
    result = read_report(tmp_path / "报告.doc")
    assert not _tables_read(result, rep), result.summary()
    assert result.report.sections["s1"] == NARRATIVE
    assert "4 张图片中的表格由文字识别（OCR）读取" in result.summary()


@pytest.mark.slow
def test_a_scanned_ofd_page_reads_the_cells_of_its_text_layer(huaian_table_page, tmp_path):
    """An OFD whose page is one picture (a scan saved as 版式文件): the picture is read by OCR as a scanned PDF
    page is (ofd._pictures_to_read)."""
    from tests.ofd_writer import image_ofd

    scan, text = huaian_table_page
    png = tmp_path / "page.png"
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(scan))
    try:
        doc[0].render(scale=200 / 72, grayscale=True).to_pil().save(png)
    finally:
        doc.close()
    image_ofd(tmp_path / "扫描.ofd", [png])
    ocr = read_report(tmp_path / "扫描.ofd")
    _assert_same_cells(ocr, text, "huaian_city_2024")
    assert "扫描件：1 页由文字识别（OCR）读取" in ocr.summary()


def _odt_with_pictures(path, paragraphs: list[str | object]):
    """A minimal .odt: each entry a paragraph of text, or a picture (a Path) in a frame in a paragraph."""
    import zipfile
    from pathlib import Path
    from xml.sax.saxutils import escape

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
    body, pictures = [], {}
    for p in paragraphs:
        if isinstance(p, Path):
            pictures[f"Pictures/{p.name}"] = p.read_bytes()
            body.append(f'<text:p><draw:frame svg:width="16cm" svg:height="8cm"><draw:image xlink:href="Pictures/{p.name}" '
                        'xlink:type="simple"/></draw:frame></text:p>')
        else:
            body.append(f"<text:p>{escape(str(p))}</text:p>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body><office:text>'
               f'{"".join(body)}</office:text></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
        for name, data in pictures.items():
            z.writestr(name, data)
    return path


@pytest.mark.slow
def test_an_opendocument_text_whose_tables_are_pictures_reads_them(tmp_path):
    """WPS or LibreOffice on UOS/Kylin saved the report as .odt with the tables as pictures (odt._walk)."""
    import random

    from model import schema as S
    from tests.factories import consistent_report
    from tests.scans import NARRATIVE, table_pictures

    rep = consistent_report(random.Random(14), maxv=40)
    t2, t3a, t3b, t4 = table_pictures(rep, tmp_path / "pictures")
    heads = [s.heading for s in S.SECTIONS]
    odt = _odt_with_pictures(tmp_path / "报告.odt", [f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}", heads[0],
                                                     NARRATIVE, heads[1], t2, heads[2], t3a, t3b, heads[3], t4,
                                                     heads[4], "无。", heads[5], "无。"])
    result = read_report(odt)
    assert not _tables_read(result, rep), result.summary()
    assert result.report.sections["s1"] == NARRATIVE
    assert "4 张图片中的表格由文字识别（OCR）读取" in result.summary()


def test_pictures_beyond_a_scans_pages_are_not_read_but_the_import_goes_on():
    """A PDF with more wide pictures than a scan may have pages: the first ones are read, the file is not
    refused (it is for more scanned pages: those are the report itself)."""
    from ingest.readers.ocr import MAX_OCR_PAGES
    from ingest.readers.pictures import Placed, _first

    box = (0.0, 0.0, 100.0, 100.0)
    pages = [Placed(k, "scanned", box, lambda: None) for k in range(3)]
    pictures = [Placed(3 + k, "pictures", box, lambda: None) for k in range(2 * MAX_OCR_PAGES)]
    kept = _first(pages + pictures, MAX_OCR_PAGES)
    assert kept[:3] == pages and len(kept) == MAX_OCR_PAGES and kept[3:] == pictures[:MAX_OCR_PAGES - 3]


def test_pictures_that_could_not_be_read_are_named_when_the_tables_are_missing(tmp_path):
    """A page saved as 「网页，仅HTML」: its table pictures are not beside it; the text is read and the summary
    says how to get the tables (ocrcheck._unread)."""
    from model import schema as S

    heads = [s.heading for s in S.SECTIONS]
    page = ("<html><body><p>某县人民政府2024年政府信息公开工作年度报告</p>"
            + "".join(f"<p>{h}</p><p>无。</p>" for h in heads[:2])
            + "<p><img src='报告_files/t3.png'><img src='报告_files/t4.png'></p>"
            + "".join(f"<p>{h}</p><p>无。</p>" for h in heads[2:]) + "</body></html>")
    (tmp_path / "报告.html").write_text(page, encoding="utf-8")
    summary = read_report(tmp_path / "报告.html").summary()
    assert "文件中有 2 张图片未能读取" in summary and "网页，全部" in summary
    assert "OCR）读取" not in summary


def test_without_the_ocr_engine_a_documents_text_is_read_and_its_pictures_named(tmp_path, monkeypatch):
    """The engine failing to load does not refuse a Word document or a web page whose tables are pictures: the
    text is read, the pictures are named (pictures._engine_loads)."""
    from PIL import Image

    from ingest.readers import html, ocr

    folder = tmp_path / "报告_files"
    folder.mkdir()
    Image.new("L", (800, 300), 255).save(folder / "t3.png")
    (tmp_path / "报告.html").write_text("<p>某县人民政府2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>无。</p>"
                                      "<p><img src='报告_files/t3.png'></p>", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # import fails
    monkeypatch.setattr(ocr, "_engine", None)
    out = html.read_html(str(tmp_path / "报告.html"), "报告.html")
    assert ("line", "一、总体情况") in out[1] and not any(k == "picture" for k, _ in out[1])
    assert out[3] == {"pages": 0, "unread": 1, "no_engine": True}


def test_without_the_ocr_engine_a_pdfs_text_is_read_and_its_table_pictures_named(tmp_path, monkeypatch):
    """A text PDF whose tables are pictures, on a machine where OCR cannot load: read as text, not refused."""
    import random

    from ingest.readers import ocr, pdf
    from tests.factories import consistent_report
    from tests.scans import tables_as_pictures

    path = tables_as_pictures(consistent_report(random.Random(11), maxv=40), tmp_path / "贴图.pdf")
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # import fails
    monkeypatch.setattr(ocr, "_engine", None)
    out = pdf.read_pdf(str(path), "贴图.pdf")
    assert any("一、总体情况" in c for k, c in out[1] if k == "line")
    assert out[3] == {"pages": 0, "unread": 4, "no_engine": True}


def test_specks_and_marks_beside_a_tables_figures_are_put_right():
    """ocr_figures.figures_freed: a lone mark read with little confidence is a speck (dropped: its cell is read
    again alone), a figure with a mark beside it in a row of figures is the figure, two a mark joins are two;
    units stay, and a row of text is left as it is."""
    from ingest.readers.ocr_figures import LOW_CONFIDENCE, figures_freed

    def word(x: int, text: str, conf: float = 0.95, top: int = 100) -> dict:
        return {"top": top, "bottom": top + 40, "x0": x, "x1": x + 20 * len(text), "size": 40, "text": text,
                "conf": conf}

    row = [word(100, "5"), word(200, "福", 0.12), word(230, "9"), word(300, "0°", 0.64), word(400, "0:0", 0.7),
           word(500, "X0", 0.5), word(600, "12")]
    text = [word(100, "2024年", top=300), word(300, "第3", top=300), word(400, "品", 0.95, top=300)]
    freed = figures_freed(row + text)
    assert [w["text"] for w in freed if w["top"] == 100] == ["5", "9", "0", "0", "0", "0", "12"]
    assert [w["text"] for w in freed if w["top"] == 300] == ["2024年", "第3", "品"]
    assert all(w["conf"] < LOW_CONFIDENCE for w in freed if w["x0"] >= 300 and w["top"] == 100 and w["text"] != "12")
    split = [w for w in freed if 400 <= w["x0"] < 460 and w["top"] == 100]
    assert len(split) == 2 and split[0]["x1"] <= split[1]["x0"]
    # 「12.0」 among whole numbers is dropped (its cell is read again); 「0.」 is 0 unless a label follows it
    row = [word(100, "3.", top=500), word(140, "其他", top=500), word(300, "108", top=500), word(400, "12.0", top=500),
           word(500, "0.", top=500), word(600, "110", top=500)]
    assert [w["text"] for w in figures_freed(row)] == ["3.", "其他", "108", "0", "110"]
    amounts = [word(100, "收费", top=700), word(300, "12.5", top=700), word(400, "3.25", top=700)]
    assert [w["text"] for w in figures_freed(amounts)] == ["收费", "12.5", "3.25"]


def test_the_cells_of_a_row_under_a_header_are_places_to_read_again():
    """ocr_figures.gap_places: 「行政规范性文件」 with none of its small figures detected, under 「本年制发件数
    本年废止件数 现行有效件数」, is read again under each header cell; a paragraph's short last line is not."""
    from ingest.readers.ocr_figures import gap_places

    def word(x0: int, x1: int, text: str, top: int) -> dict:
        return {"top": top, "bottom": top + 40, "x0": x0, "x1": x1, "size": 40, "text": text, "conf": 0.99}

    header = [word(100, 250, "信息内容", 100), word(400, 610, "本年制发件数", 100), word(660, 870, "本年废止件数", 100),
              word(920, 1130, "现行有效件数", 100)]
    label = [word(100, 340, "行政规范性文件", 200)]
    places = [round(x) for x, _ in gap_places(header + label)]
    assert places == [505, 765, 1025]
    paragraph = [word(100, 1130, "加强政务新媒体管理，及时关停整合用户关注度低的账号，确保公开信息准确", 400),
                 word(100, 500, "规范。", 460)]
    assert gap_places(paragraph) == []


def _box(x: int, text: str, conf: float = 0.95, top: int = 100, size: int = 40) -> dict:
    return {"top": top, "bottom": top + size, "x0": x, "x1": x + 20 * len(text), "size": size, "text": text,
            "conf": conf}


def test_punctuation_specks_and_a_unit_misread_among_counts_are_put_right():
    """ocr_figures.figures_freed: punctuation alone is a speck when smaller than the figures (「..」 just under a
    row, which would join it as 「0..」) or standing in a row of figures, however surely read; a figure read
    unsurely with a unit among counts (「3元」 for 31: table cells print no unit) is dropped so that its cell is
    read again; 「0.」 before a 「：」 speck is 0.  Text keeps its punctuation and units."""
    from ingest.readers.ocr_figures import figures_freed

    row = [_box(100, "上年结转"), _box(300, "34"), _box(400, "0."), _box(460, "：", 0.4), _box(500, "3元", 0.42),
           _box(600, "34.")]
    under = [_box(350, "..", 0.5, top=128, size=14)]
    assert [w["text"] for w in figures_freed(row + under)] == ["上年结转", "34", "0", "34"]
    text = [_box(100, "收费金额：", top=300), _box(300, "5元", 0.95, top=300), _box(500, "。", 0.9, top=300)]
    assert [w["text"] for w in figures_freed(text)] == ["收费金额：", "5元", "。"]


def test_a_small_prints_lost_points_are_put_back_or_left_out():
    """At a low resolution a point is a speck's size: a label's 「3补正后…」 in a row of three figures or more is
    「3.补正后…」 (its 3 would join the row before; 「3名」「12月」 are counts and dates); 「0.」 before a figure
    with a mark (「95-」) is 0; an unsure 「4.」 first in the row, where a label's number would stand, keeps its
    point (the row is left blank rather than read with a 4); one character read unsurely between two figures
    is a speck."""
    from ingest.readers.ocr_figures import figures_freed

    def texts(words: list[dict]) -> list[str]:
        return [w["text"] for w in figures_freed(words)]

    figures = [_box(600, "1"), _box(700, "0"), _box(800, "1")]
    assert texts([_box(100, "3补正后申请内容仍不明确")] + figures)[0] == "3.补正后申请内容仍不明确"
    assert texts([_box(100, "3名工作人员参加培训")] + figures)[0] == "3名工作人员参加培训"
    assert texts([_box(100, "3补正后申请内容仍不明确"), _box(600, "1"), _box(700, "0")])[0] == "3补正后申请内容仍不明确"
    row = [_box(100, "本年新收"), _box(300, "95"), _box(400, "0"), _box(500, "0.", 0.82), _box(600, "95-", 0.91)]
    assert texts(row) == ["本年新收", "95", "0", "0", "95"]
    row = [_box(100, "保护第三方合法权益"), _box(600, "4.", 0.37), _box(700, "0"), _box(800, "0"), _box(900, "6")]
    assert texts(row)[1] == "4."
    # one character read unsurely between two figures is a speck (else 「0.」 would keep its point before it)
    row = [_box(100, "属于国家秘密"), _box(600, "2"), _box(700, "0.", 0.9), _box(760, "学", 0.35), _box(800, "2")]
    assert texts(row) == ["属于国家秘密", "2", "0", "2"]
    # two marks beside a figure (a dash among them would read as 「/」)
    assert texts([_box(100, "要求提供公开出版物"), _box(600, "0"), _box(700, ".0-.", 0.7), _box(800, "0")])[2] == "0"


def test_a_labels_point_read_as_a_colon_is_its_point():
    """「3：补正后申请内容仍不明确」: OCR's colon for the 「3.」 of a label (its 3 would join the row before);
    a time or a figure after a colon is left alone."""
    from ingest.readers.ocr import _clean

    assert _clean("3：补正后申请内容仍不明确") == "3.补正后申请内容仍不明确"
    assert _clean("2:重复申请") == "2.重复申请"
    assert _clean("10:30") == "10:30" and _clean("2024：全年") == "2024：全年"
    # beside a digit, a letter or mark read for a 「1」 is one (「1i」 for 11); alone it is a speck, no figure
    assert (_clean("1i"), _clean("1!"), _clean("i"), _clean("!")) == ("11", "11", "i", "!")


def test_a_scans_rows_place_their_figures_in_the_same_columns():
    """layout.lines_of: OCR's boxes are as tall as their specks and padding make them, so a row's own size would
    put a column at a different place in each row; words carrying the page's one unit (ocr.page_words) keep
    each figure's column, so that a row with an empty cell is laid out by the others."""
    from ingest.readers.layout import lines_of

    def row(top: int, size: int, xs: list[int]) -> list[dict]:
        words = [_box(100, "本年新收申请", top=top, size=size)] + [_box(x, "0", top=top, size=size) for x in xs]
        return [{**w, "unit": 30} for w in words]

    lines = lines_of(row(100, 26, [600, 700, 800]) + row(200, 36, [600, 800]))
    assert [text.rindex("0") for _, _, text in lines] == [lines[0][2].rindex("0")] * 2
    assert {size for _, size, _ in lines} == {30.0}


def test_a_row_with_an_empty_cell_after_a_page_break_is_laid_out_by_its_own_pages_rows():
    """tables._place_by_columns: a scan's pages stand at different places under the scanner, so the columns of
    the rows just before a page break are no guide to a row just after it: its own page's rows are."""
    from ingest.api import build_report
    from model import schema as S
    from tests.factories import consistent_report
    from tests.test_ingest_variants import HEADS, _table_cells

    rep = consistent_report(random.Random(3), maxv=40)
    rows = S.T3_ROW_IDS
    half = len(rows) // 2
    items: list[tuple] = [("line", f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}"), ("line", HEADS[0]),
                          ("line", "正文。"), ("line", HEADS[2])]
    for i, rid in enumerate(rows):
        if i == half:
            items.append(("page", None))
        first = 40 if i < half else 46  # the second page lies further right
        line = S.T3_ROW_LABEL[rid].ljust(first - 4)
        for j, cell in enumerate(S.t3_row_cells(rid)):
            if i == half and j == 2:
                continue  # the first row of the page has an empty cell
            figure = format_value(rep.cells[cell])
            line = line.ljust(max(first + 8 * j - len(figure) // 2, len(line) + 2)) + figure
        items.append(("line", line))
    items += [("line", h) for h in HEADS[3:]]
    got, want = _table_cells(build_report(items, "扫描件.pdf", "pdf", read_by_ocr=True).report), _table_cells(rep)
    empty = S.t3_row_cells(rows[half])[2]
    assert {c: v for c, v in want.items() if c.startswith("t3.") and c != empty and got.get(c) != v} == {}
    assert got.get(empty) is None


@pytest.mark.slow
def test_a_figure_read_with_little_confidence_is_read_again_alone():
    """ocr._doubtful_read_again: a 0 among specks read 「9」 at 0.38 is cut out and read again alone: the 0
    stands, unsure; a figure read surely is not read again."""
    from PIL import Image, ImageDraw, ImageFont

    from export.fonts import FONTS_DIR
    from ingest.readers.ocr import LOW_CONFIDENCE, _doubtful_read_again

    image = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(image).text((180, 40), "0", font=ImageFont.truetype(str(FONTS_DIR / "NianbaoSerif-Regular.ttf"), 32),
                               fill=0)
    doubtful = {"top": 40, "bottom": 80, "x0": 178, "x1": 202, "size": 40, "text": "9", "conf": 0.38}
    again = _doubtful_read_again([doubtful, {**doubtful, "conf": 0.95}], image, 0.0)
    assert [w["text"] for w in again] == ["0", "9"]
    assert again[0]["conf"] < LOW_CONFIDENCE


def test_a_rule_on_a_turned_page_is_made_white_and_a_figure_beside_it_kept():
    """ocr._without_rules: a cell cut out beside a table's rule reads the rule as a 「1」; on a page turned by
    half a degree the rule drifts a pixel or two across the strip around the cell, and is still found; a
    figure's 「1」 (one cell tall) is not a rule."""
    import numpy as np

    from ingest.readers.ocr import _without_rules

    h = 40
    tall = np.full((3 * h, 50), 255, np.uint8)
    for y in range(3 * h):
        tall[y, 5 + 2 * y // (3 * h)] = 0  # the rule, two pixels further right at the bottom
    tall[h + 8:2 * h - 8, 30:33] = 0  # a 「1」 in the cell
    out = _without_rules(tall[h:2 * h].copy(), tall)
    assert (out[:, 3:9] == 255).all()
    assert (out[8:-8, 30:33] == 0).all()


def test_a_cell_read_twice_and_a_speck_freed_of_its_mark_are_left_out():
    """ocr_figures.figures_freed: the detector read one cell twice (「7.」 at 0.41 half over 「0」 at 0.67): the
    surer reading stays; a figure freed of its mark can be a speck itself (「↑1」 at 0.46, a third of a figure
    tall)."""
    from ingest.readers.ocr_figures import figures_freed

    row = [_box(100, "属于行政查询事项"), _box(300, "105"), _box(400, "0"), _box(500, "0", 0.67),
           _box(490, "7.", 0.41, top=85, size=28), _box(600, "↑1", 0.46, top=112, size=12), _box(700, "105")]
    assert [w["text"] for w in figures_freed(row)] == ["属于行政查询事项", "105", "0", "0", "105"]


def test_a_one_the_detector_read_on_a_rule_is_no_figure():
    """ocr._a_rule: a 「1」 whose box stands on a table's rule (dark a cell's height above and below it too) is
    the rule; a figure's 「1」 is as tall as its cell's text."""
    import numpy as np
    from PIL import Image

    from ingest.readers.ocr import _a_rule

    pixels = np.full((300, 300), 255, np.uint8)
    pixels[:, 100:103] = 0  # a rule down the table
    pixels[135:165, 200:203] = 0  # a 「1」 in a cell
    image = Image.fromarray(pixels)
    on_rule = {"top": 130, "bottom": 170, "x0": 95, "x1": 108, "size": 40, "text": "1", "conf": 0.9}
    figure = {**on_rule, "x0": 195, "x1": 208}
    assert _a_rule(on_rule, image, 0.0) and not _a_rule(figure, image, 0.0)


def test_a_place_off_its_cells_centre_is_read_within_the_cells_rules():
    """ocr._cell_across: a place found by a row's pitch lies off its cell's centre when the table's columns are
    not all of a width (table 四's 总计 columns are wider), and a crop a figure wide there cuts the figure in two;
    the rules either side tell the cell (one split over two columns of pixels too), and a cell wider than a few
    figures or without rules tells nothing."""
    import numpy as np
    from PIL import Image

    from ingest.readers.ocr import _cell_across

    pixels = np.full((120, 400), 255, np.uint8)
    pixels[:, 100] = pixels[:, 180] = 0  # the cell's rules
    pixels[:60, 259] = 0  # a rule on a turned page: half in one column of pixels, half in the next
    pixels[60:, 260] = 0
    pixels[45:75, 150:154] = 0  # a 「1」 right of the centre
    image = Image.fromarray(pixels)
    assert _cell_across(image, 130, 60, 30) == (103, 178)  # within the rules (made two pixels wider)
    assert _cell_across(image, 220, 60, 30) == (183, 258)
    assert _cell_across(Image.fromarray(np.full((120, 400), 255, np.uint8)), 130, 60, 30) is None
    wide = np.full((120, 400), 255, np.uint8)
    wide[:, 10] = wide[:, 390] = 0
    assert _cell_across(Image.fromarray(wide), 200, 60, 30) is None
