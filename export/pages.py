"""The official layout as page images, for printing and print preview: the very pages of the PDF export,
rasterised by PDFium (which pdfplumber brings along).  Reads the model only, like every exporter."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from model.report import Report

from .errors import ExportError
from .pdf import is_draft, render_pdf

if TYPE_CHECKING:
    from pypdfium2 import PdfPage


@dataclass(frozen=True)
class PageImage:
    width: int  # pixels
    height: int
    stride: int  # bytes per row
    rgb: bytes  # 3 bytes a pixel, in RGB order


def page_images(report: Report, dpi: int = 200, draft: bool | None = None) -> list[PageImage]:
    """Every page of the PDF export, rendered at `dpi`.  Raises ExportError (one Chinese line)."""
    import pypdfium2 as pdfium

    data = render_pdf(report, is_draft(report) if draft is None else draft)
    try:
        doc = pdfium.PdfDocument(data)
        try:
            return [_render(doc[i], dpi) for i in range(len(doc))]
        finally:
            doc.close()
    except pdfium.PdfiumError as e:
        raise ExportError(f"无法生成打印页面（PDF 渲染失败：{e}）") from None


def _render(page: PdfPage, dpi: int) -> PageImage:
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB byte order, as QImage.Format_RGB888 reads
    try:
        return PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
    finally:
        bitmap.close()
        page.close()
