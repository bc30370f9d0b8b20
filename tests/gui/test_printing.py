"""打印预览 shows the same pages as the PDF export; printing paints every page."""
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from export.pages import page_images
from export.pdf import render_pdf
from gui.printing import ReportPrinter, _qimage, paint_pages


def test_page_images_are_the_pdf_pages(window):
    import pypdfium2 as pdfium

    report = window.doc.report
    images = page_images(report, dpi=50)
    assert len(images) == len(pdfium.PdfDocument(render_pdf(report, False)))
    first = images[0]
    assert first.height > first.width  # A4 portrait
    assert len(first.rgb) == first.stride * first.height
    assert min(first.rgb) < 100 < max(first.rgb)  # text on white, not a blank page

def test_preview_builds_every_page(window, qtbot):
    import pypdfium2 as pdfium

    expected = len(pdfium.PdfDocument(render_pdf(window.doc.report, False)))
    dialog = ReportPrinter(window).preview()
    qtbot.addWidget(dialog)
    dialog.show()
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    qtbot.waitUntil(lambda: widget.pageCount() == expected, timeout=5000)
    assert window.act_preview.shortcut().toString() == "Ctrl+P"

def test_printing_to_a_pdf_file_paints_every_page(window, tmp_path):
    import pypdfium2 as pdfium

    images = [_qimage(p) for p in page_images(window.doc.report, dpi=60)]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    paint_pages(printer, images)
    assert len(pdfium.PdfDocument(str(tmp_path / "printed.pdf"))) == len(images)
