"""OLE compound files (Word 97–2003 .doc, WPS .wps, Excel 97–2003 .xls, WPS .et, and Office files with an
opening password): which of them a file is, from the streams in its directory.  Runs in the sandbox."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..result import IngestError

if TYPE_CHECKING:  # olefile is imported where a file is read (the sandbox child)
    from olefile import OleFileIO

ENDOFCHAIN, FREESECT = 0xFFFFFFFE, 0xFFFFFFFF
STGTY_STREAM, STGTY_ROOT = 2, 5
ENCRYPTED = "设有打开密码（已加密），无法读取；请在 Office 或 WPS 中取消密码后再导入"


def open_ole(path: str, name: str) -> OleFileIO:
    """The olefile reader of the file; IngestError when its header, FAT or directory is damaged."""
    import olefile

    try:
        ole = olefile.OleFileIO(path)
    except Exception as e:  # olefile raises OSError, ValueError, IndexError … on damaged structures
        raise IngestError(f"{name}：Office 97-2003 文件已损坏，无法打开（{type(e).__name__}）") from None
    try:
        check_chains(ole, name)
    except IngestError:
        ole.close()
        raise
    except Exception as e:
        ole.close()
        raise IngestError(f"{name}：Office 97-2003 文件已损坏（{type(e).__name__}）") from None
    return ole


def check_chains(ole: OleFileIO, name: str) -> None:
    """Every sector chain (directory, streams, mini streams) ends, and no sector belongs to two chains:
    olefile would read a looping chain as repeated data, and calamine's own reader can run out of memory
    on one, so a damaged file is refused here, before either reads it."""
    ole_: Any = ole  # the FAT, the mini FAT and the directory are olefile's internals, not in its stubs
    big: list[int] = [ole_.first_dir_sector, ole_.first_mini_fat_sector]
    small: list[int] = []
    for entry in ole_.direntries or ():
        if entry is None:
            continue
        if entry.entry_type == STGTY_ROOT:
            big.append(entry.isectStart)  # the mini stream lives in normal sectors
        elif entry.entry_type == STGTY_STREAM:
            (big if entry.size >= ole_.minisectorcutoff else small).append(entry.isectStart)
    _follow(ole_.fat, big, name)
    if small:
        ole.loadminifat()
        _follow(ole_.minifat, small, name)


def _follow(table: Sequence[int], starts: Iterable[int], name: str) -> None:
    seen: set[int] = set()
    for sect in starts:
        while sect not in (ENDOFCHAIN, FREESECT):
            if sect >= len(table) or sect in seen:
                raise IngestError(f"{name}：Office 97-2003 文件已损坏（扇区链循环或越界），拒绝读取")
            seen.add(sect)
            sect = table[sect]


def ole_kind(path: str, name: str) -> str:
    """"doc" or "xls"; IngestError naming what else the file is."""
    ole = open_ole(path, name)
    try:
        top = {entry[0].lower() for entry in ole.listdir(streams=True, storages=True)}
    except Exception as e:
        raise IngestError(f"{name}：Office 97-2003 文件目录已损坏（{type(e).__name__}）") from None
    finally:
        ole.close()
    return kind_of_streams(top, name)


def kind_of_streams(top: set[str], name: str) -> str:
    if "worddocument" in top:
        return "doc"
    if "workbook" in top or "book" in top:
        return "xls"
    if "encryptedpackage" in top or "encryptioninfo" in top:
        raise IngestError(f"{name}：{ENCRYPTED}")
    if "powerpoint document" in top:
        raise IngestError(f"{name}：是 PowerPoint 演示文稿，不能导入；请使用 PDF、Word、Excel 或网页文字")
    if "contents" in top:
        raise IngestError(f"{name}：是 Microsoft Works 等其他程序的文档，无法读取；请另存为 .docx 后再导入")
    raise IngestError(f"{name}：是 Office 复合文档，但其中没有 Word 或 Excel 内容")


def read_stream(ole: OleFileIO, stream: str, name: str, limit: int) -> bytes:
    """One stream's bytes (at most limit); IngestError when its sector chain is damaged."""
    try:
        if not ole.exists(stream):
            return b""
        if ole.get_size(stream) > limit:
            raise IngestError(f"{name}：文件中的「{stream}」过大，不是一份年度报告")
        return ole.openstream(stream).read(limit)
    except IngestError:
        raise
    except Exception as e:
        raise IngestError(f"{name}：Office 97-2003 文件已损坏（「{stream}」无法读取：{type(e).__name__}）") from None
