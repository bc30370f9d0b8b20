"""The one exception the exporters raise: str() is a one-line Chinese message naming the problem."""


class ExportError(Exception):
    """An export failed (unwritable path, missing font, broken workbook …); the old file is untouched."""
