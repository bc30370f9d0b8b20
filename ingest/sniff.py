"""What a file is, from its first bytes (the extension may lie)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from .result import IngestError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_SNIFF_TIMEOUT = 10.0
ODF_KINDS = {b"application/vnd.oasis.opendocument.text": "odt",
             b"application/vnd.oasis.opendocument.spreadsheet": "ods"}


def sniff(head: bytes, path: Path) -> str:
    name = path.name
    if head[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(path)
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        return "image"  # read by OCR (readers/ocr.py)
    if head.startswith((b"GIF8", b"BM")):
        raise IngestError(f"{name}：是 GIF/BMP 图片，请另存为 PNG 或 JPG 后再导入")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and b'"nianbao"' in head:
        return "nianbao"
    if _binary(head) and path.suffix.lower() in (".wps", ".et"):
        raise IngestError(f"{name}：是早期 WPS 格式（WPS 2000 或更早），无法直接读取；"
                          "请在 WPS 中另存为 .docx 或 .xlsx 后再导入")
    if _binary(head):
        raise IngestError(f"{name}：不是可识别的文件（不是 PDF、Word、Excel、网页或文本）")
    enc = utf16_without_bom(head)
    low = (head.decode(enc, errors="ignore").encode("utf-8") if enc else head)[:4096].lower()
    if b"mime-version:" in low[:2048] and b"multipart/related" in low:
        return "mhtml"  # a web page saved as one file (readers/mhtml.py)
    if any(tag in low for tag in (b"<html", b"<!doctype html", b"<body", b"<table", b"<div", b"<p>", b"<p ")):
        return "html"
    return "text"


def _zip_kind(path: Path) -> str:
    """.docx, .xlsx, OFD and OpenDocument are zip files: the members say which."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist()[:5000])
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        raise IngestError(f"{name}：压缩包已损坏，无法作为 Word、Excel、OpenDocument 或 OFD 文件读取") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "OFD.xml" in names:
        return "ofd"
    odf = _odf_kind(path, names)
    if odf:
        return odf
    if any(n.startswith("ppt/") for n in names):
        raise IngestError(f"{name}：是 PowerPoint 演示文稿，不能导入；请使用 PDF、Word、Excel 或网页文字")
    raise IngestError(f"{name}：是压缩包，不是 Word、Excel、OpenDocument 或 OFD 文件")


def _odf_kind(path: Path, names: set[str]) -> str | None:
    """OpenDocument: the first member, 「mimetype」, names the kind (the suffix may not)."""
    if "mimetype" not in names or "content.xml" not in names:
        return None
    try:
        with zipfile.ZipFile(path) as z:
            mimetype = z.read("mimetype")[:100] if z.getinfo("mimetype").file_size < 200 else b""
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, KeyError):
        return None
    return ODF_KINDS.get(mimetype.strip())


def _ole_kind(path: Path) -> str:
    """An OLE compound file holds Word, Excel, PowerPoint or an encrypted document: its directory says
    which.  olefile reads it in the sandboxed child (a damaged directory can loop)."""
    from .sandbox import run_reader

    return run_reader("ole", str(path), path.name, OLE_SNIFF_TIMEOUT)


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' for Windows 「Unicode」 text saved without a BOM: its NUL bytes (from
    digits, spaces and line breaks) all sit on one side of each pair."""
    if len(head) < 16:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    total = odd + even
    if total < max(4, len(head) // 200):
        return None
    enc = "utf-16-le" if odd >= 0.8 * total else "utf-16-be" if even >= 0.8 * total else None
    if enc:
        try:
            head[: len(head) // 2 * 2].decode(enc)
        except UnicodeDecodeError:
            return None
    return enc


def _binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head):
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return ctrl > len(head) * 0.05
