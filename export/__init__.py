"""Writers of the files a clerk submits, reading only the model.  export_report is the one way in."""
from .api import TARGETS, ExportRefused, Target, export_report
from .errors import ExportError

__all__ = ["ExportError", "ExportRefused", "TARGETS", "Target", "export_report"]
