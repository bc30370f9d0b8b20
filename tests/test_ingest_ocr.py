"""Scanned PDFs and photos are read by OCR (issue 12 item 7): a page of each real PDF, scanned (drawn in grey,
turned, with grain) or photographed, reads the same cells as that page's text layer, and the summary says
that OCR read it.  The checks around OCR (time limit, missing engine, digit hints) run without OCR."""
from __future__ import annotations

import multiprocessing
import sys
import time
from pathlib import Path

import pytest

from ingest import IngestError, read_report
from ingest.result import ImportResult
from model.report import Report
from model.values import format_value
from tests.conftest import EXPECTED, REAL_PDF
from tests.scans import image_pdf, render_pages, scanned
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
    assert all(v == str(expected[c]) for c, v in want.items()), "the text layer itself reads the sample"
    got = _table_cells(ocr)
    wrong = {c: (got.get(c), v) for c, v in want.items() if got.get(c) != v}
    assert not wrong
    assert not set(got) - set(want), "OCR read no figure that the page does not print"


@pytest.mark.slow
def test_scanned_pdf_page_reads_the_cells_of_its_text_layer(huaian_table_page):
    scan, text = huaian_table_page
    seen = []
    t = time.perf_counter()
    ocr = read_report(scan, progress=lambda k, n: seen.append((k, n)))
    assert time.perf_counter() - t < 60
    assert seen == [(1, 1)]
    _assert_same_cells(ocr, text, "huaian_city_2024")
    assert "扫描件：1 页由文字识别（OCR）读取" in ocr.summary()


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

    _pages_shown(_Progress())(2, 5)
    assert seen == [(1, 5, "文字识别（OCR）第 2/5 页…")]
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
    for msg in (("pages", 3, True), ("page", 1, 3), ("page", 2, 3), ("ok", "done")):
        send.send(msg)
    seen = []
    waiter = _Waiter(recv, time.monotonic() + 5, lambda k, n: seen.append((k, n)))
    before = waiter.deadline
    assert waiter.final("pdf", "scan.pdf", _Stuck()) == ("ok", "done")
    assert seen == [(1, 3), (2, 3)]
    assert waiter.deadline - before == pytest.approx(3 * OCR_PAGE_SECONDS)


def _result_with(cells: dict) -> ImportResult:
    report = Report()
    report.cells.update(cells)
    return ImportResult(report, [], "scan.pdf", "pdf")


ROW = {"t3.r1.np": 21, "t3.r1.biz": 0, "t3.r1.res": 0, "t3.r1.npo": 0, "t3.r1.law": 0, "t3.r1.oth": 0}


def test_a_sum_that_one_unsure_digit_would_fix_is_named_not_fixed():
    from ingest.ocrcheck import add_ocr_notes

    result = _result_with({**ROW, "t3.r1.tot": 27})  # 21 printed, OCR read 27 with low confidence
    add_ocr_notes(result, {"pages": 1, "unsure": [(4, "27", 0.55)]})
    notes = [p.message for p in result.problems]
    assert notes[0] == "扫描件：1 页由文字识别（OCR）读取，请对照原件核对数字和文字"
    hints = [m for m in notes if "识别为 27" in m]
    assert len(hints) == 1 and "把握 55%" in hints[0] and "若为 21" in hints[0]
    assert result.report.cells["t3.r1.tot"] == 27  # kept as read


def test_no_hint_when_the_figure_was_read_surely_or_a_cell_is_blank():
    from ingest.ocrcheck import add_ocr_notes

    sure = _result_with({**ROW, "t3.r1.tot": 27})
    add_ocr_notes(sure, {"pages": 1, "unsure": [(4, "5", 0.6)]})
    blank = _result_with({**ROW, "t3.r1.oth": None, "t3.r1.tot": 27})
    add_ocr_notes(blank, {"pages": 1, "unsure": [(4, "27", 0.6)]})
    assert [p for p in sure.problems + blank.problems if "识别为" in p.message] == []
