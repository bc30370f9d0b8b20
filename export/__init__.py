"""Writers of the files a clerk submits (the Excel workbook, the PDF), reading only the model."""
from .errors import ExportError

__all__ = ["ExportError"]
