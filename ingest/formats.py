"""The file kinds nianbao reads: one table, used by the sniffer's notes, the command line's help and the
window's open dialog.  A kind is found from a file's content (sniff.py); the suffixes here only name what the
clerk sees and what a file is expected to hold."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class FileKind:
    kind: str  # what sniff() returns and the readers are keyed by
    name: str  # Chinese, as said in messages: 「内容是Word 文件」
    label: str  # short, for the open dialog's filter list
    suffixes: tuple[str, ...]  # lower case, with the dot, offered in the open dialog; the first is the usual one
    also: tuple[str, ...] = ()  # suffixes that also mean this kind but are not offered


KINDS: tuple[FileKind, ...] = (
    FileKind("nianbao", "nianbao 文件", "nianbao 文件", (".nianbao",), also=(".json",)),
    FileKind("pdf", "PDF 文件", "PDF", (".pdf",)),
    FileKind("docx", "Word 文件", "Word", (".docx",)),
    FileKind("xlsx", "Excel 文件", "Excel", (".xlsx", ".xlsm")),
    # Word 97–2003 and WPS 文字 (.wps keeps the same binary structure); Excel 97–2003 and WPS 表格 likewise
    FileKind("doc", "Word 97-2003 文件", "Word 97-2003 / WPS 文字", (".doc", ".wps"), also=(".wpt", ".dot")),
    FileKind("xls", "Excel 97-2003 文件", "Excel 97-2003 / WPS 表格", (".xls", ".et"), also=(".ett", ".xlt")),
    FileKind("odt", "OpenDocument 文本文件", "OpenDocument 文本", (".odt",)),
    FileKind("ods", "OpenDocument 表格文件", "OpenDocument 表格", (".ods",)),
    FileKind("ofd", "OFD 版式文件", "OFD 版式文件", (".ofd",)),
    FileKind("rtf", "RTF 文档", "RTF", (".rtf",)),
    FileKind("html", "网页文件", "网页", (".html", ".htm")),
    FileKind("mhtml", "网页存档（单个文件）", "网页存档（单个文件）", (".mht", ".mhtml")),
    FileKind("image", "图片", "图片（扫描件、照片）", (".png", ".jpg", ".jpeg")),
    FileKind("text", "文本文件", "文本", (".txt",), also=(".md",)),
)

BY_KIND = {k.kind: k for k in KINDS}
NATIVE_SUFFIX = ".nianbao"


def kind_of_suffix(suffix: str) -> str | None:
    """The kind a file with this suffix is expected to be (None for a suffix we do not know)."""
    suffix = suffix.lower()
    return next((k.kind for k in KINDS if suffix in k.suffixes + k.also), None)


def readable_suffixes() -> tuple[str, ...]:
    return tuple(s for k in KINDS for s in k.suffixes)


def _globs(suffixes: Iterable[str]) -> str:
    return " ".join(f"*{s}" for s in suffixes)


def open_filter() -> str:
    """The open dialog's filter: everything readable first, then each kind, then all files."""
    parts = [f"年度报告 ({_globs(readable_suffixes())})"]
    parts += [f"{k.label} ({_globs(k.suffixes)})" for k in KINDS]
    parts.append("所有文件 (*)")
    return ";;".join(parts)


def help_list() -> str:
    """「.pdf .docx …」 for the command line's help."""
    return " ".join(s for s in readable_suffixes() if s != NATIVE_SUFFIX)
