"""OLE compound files (Word 97–2003 .doc, WPS .wps, Excel 97–2003 .xls, WPS .et, and Office files with an
opening password): which of them a file is, from the streams in its directory.  Runs in the sandbox."""
from __future__ import annotations

from ..result import IngestError

ENCRYPTED = "设有打开密码（已加密），无法读取；请在 Office 或 WPS 中取消密码后再导入"


def open_ole(path: str, name: str):
    """The olefile reader of the file; IngestError when its header, FAT or directory is damaged."""
    import olefile

    try:
        return olefile.OleFileIO(path)
    except Exception as e:  # olefile raises OSError, ValueError, IndexError … on damaged structures
        raise IngestError(f"{name}：Office 97-2003 文件已损坏，无法打开（{type(e).__name__}）") from None


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


def read_stream(ole, stream: str, name: str, limit: int) -> bytes:
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
