"""Zip containers (.docx, .xlsx) are checked from their directory before any parser opens them."""
from __future__ import annotations

import zipfile
from pathlib import Path

from .result import IngestError

MAX_MEMBERS = 5000
MAX_TOTAL = 300 * 1024 * 1024  # uncompressed bytes
MAX_MEMBER = 100 * 1024 * 1024
MAX_RATIO = 150  # a real docx/xlsx part compresses ~5–20×


def check_zip(path: str | Path, name: str) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        raise IngestError(f"{name}：压缩包已损坏，无法读取") from None
    if len(infos) > MAX_MEMBERS:
        raise IngestError(f"{name}：压缩包内文件过多（{len(infos)} 个），疑似恶意文件，拒绝读取")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER or total > MAX_TOTAL:
            raise IngestError(f"{name}：解压后过大（超过 {MAX_TOTAL // (1024 * 1024)} MB），疑似压缩炸弹，拒绝读取")
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise IngestError(f"{name}：压缩比异常（{info.filename[:40]}），疑似压缩炸弹，拒绝读取")


def check_xml_parts(path: str | Path, name: str) -> None:
    """Office XML never declares a DTD; a part that does is an entity attack (billion laughs, XXE)."""
    import defusedxml.ElementTree as DET

    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            with z.open(info) as fh:
                data = fh.read(MAX_MEMBER + 1)
            if len(data) > MAX_MEMBER:
                raise IngestError(f"{name}：解压后过大，疑似压缩炸弹，拒绝读取")
            if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                try:
                    DET.fromstring(data, forbid_dtd=True)
                except Exception:
                    pass
                raise IngestError(f"{name}：文件含有 XML 实体声明（{info.filename[:40]}），可能是恶意文件，拒绝读取")
