"""打印… and 打印预览 (Ctrl+P): the same pages as the PDF export, through Qt's print dialogs."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox

from export import ExportError
from export.pages import PageImage, page_images

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from .window import MainWindow

PRINT_DPI = 200  # sharp enough for 仿宋 at 三号 on an office laser printer, light enough for preview


def _qimage(page: PageImage) -> QImage:
    image = QImage(page.rgb, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: the bytes object may go away


def paint_pages(printer: QPrinter, images: list[QImage]) -> None:
    """Each image on its own sheet, scaled to the printable area, aspect ratio kept."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for i, image in enumerate(images):
            if i:
                printer.newPage()
            area = printer.pageRect(QPrinter.Unit.DevicePixel)
            size = image.size().scaled(int(area.width()), int(area.height()), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
    finally:
        painter.end()


class ReportPrinter:
    """Renders the report's pages once per print or preview and paints them on demand."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(window.doc.report.title or "年度报告")

    def images(self) -> list[QImage] | None:
        self.window.flush_texts()
        try:
            return [_qimage(p) for p in page_images(self.window.doc.report, PRINT_DPI)]
        except ExportError as e:
            QMessageBox.critical(self.window, "无法打印", str(e))
            return None

    def preview(self) -> QPrintPreviewDialog | None:
        images = self.images()
        if images is None:
            return None
        dialog = QPrintPreviewDialog(self.printer, self.window)
        # the dialog paints on self.printer: it must outlive the dialog (a Python attribute on the Qt object)
        dialog.report_printer = self  # type: ignore[attr-defined]
        dialog.setWindowTitle("打印预览")
        dialog.paintRequested.connect(lambda printer: paint_pages(printer, images))
        return dialog

    def print_dialog(self) -> None:
        dialog = QPrintDialog(self.printer, self.window)
        dialog.setWindowTitle("打印")
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            images = self.images()
            if images is not None:
                paint_pages(self.printer, images)


def install_print_actions(window: MainWindow, menu: QMenu) -> None:
    """打印预览 (Ctrl+P opens the preview, from which the clerk prints) and 打印… in `menu`."""
    preview = menu.addAction("打印预览…")
    preview.setShortcut("Ctrl+P")
    preview.triggered.connect(lambda _=False: _show_preview(window))
    printing = menu.addAction("打印…")
    printing.triggered.connect(lambda _=False: ReportPrinter(window).print_dialog())
    window.act_preview, window.act_print = preview, printing


def _show_preview(window: MainWindow) -> None:
    dialog = ReportPrinter(window).preview()
    if dialog is not None:
        dialog.exec()
