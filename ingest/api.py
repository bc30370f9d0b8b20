"""Entry points: find what a file is, read it safely, send it down the one path (build.py)."""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from model.fileformat import FileFormatError, loads
from model.oserrors import file_problem

from .formats import BY_KIND, kind_of_suffix
from .readers.html import MAX_HTML_CHARS, html_items, looks_like_html
from .readers.text import decode, text_items
from .result import NOTE, ImportProblem, ImportResult, IngestError
from .sniff import sniff

MAX_TEXT_CHARS = 2_000_000  # a real report is ~10–50 K characters of text
# and a few thousand lines (a table as one cell per line included); reading takes 15 µs a plain line and some
# 150 µs a heading's, in this process where no time limit applies: 20,000 such lines are a few seconds
MAX_TEXT_LINES = 20_000
MAX_FIGURES = 20_000  # a report holds ~1,000 figures; each is looked at as a table cell, a claim, a date …
_FIGURE = re.compile(r"\d+")
MAX_FILE_BYTES = 60 * 1024 * 1024
SNIFF_BYTES = 8192  # what sniff() looks at
FIRST_READ = 64 * 1024  # read at once: the whole of a report of ours (~10 KB) or a text file, the head of others
PARSE_TIMEOUT = 15.0  # seconds for the PDF/Word/Excel/web-page parsers in their child process
ZIPPED = ("docx", "xlsx", "odt", "ods", "ofd")  # checked for zip bombs before a parser opens them



def build_report(items: list[tuple], name: str, kind: str, grid_tables: list | None = None,
                 lines_are_paragraphs: bool = False, read_by_ocr: bool = False) -> ImportResult:
    """build.build_report, imported on first use: the form's readers take ~0.1 s to import, and opening a
    .nianbao (every export from the command line) needs none of them."""
    from .build import build_report as build

    return build(items, name, kind, grid_tables, lines_are_paragraphs, read_by_ocr)


def read_text(text: str, name: str = "粘贴的文字") -> ImportResult:
    """Text pasted from a web page or a PDF-to-text tool (HTML source is recognised and parsed here, in
    process: html_items is bounded so that a hostile page is refused within seconds)."""
    if not isinstance(text, str):
        raise IngestError(f"{name}：不是文字")
    if looks_like_html(text) and len(text) <= MAX_HTML_CHARS:
        return _from_html(html_items(text, name), name)
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(f"{name}：文字过长（{len(text) // 10000} 万字），不是一份年度报告")
    _check_lines(text.count("\n"), name)
    _check_figures(len(_FIGURE.findall(text)), name)
    try:
        result = build_report(text_items(text), name, "text")
    except IngestError as e:
        return _read_flattened(text, name, e)
    return _read_flattened(text, name, result) if _no_report(result) else result


def _no_report(result: ImportResult) -> bool:
    """Neither a title nor any of the six headings: only the fallback below may make a report of it."""
    return not (result.report.meta.title or result.report.headings)


def _read_flattened(text: str, name: str, first: ImportResult | IngestError) -> ImportResult:
    """A page that lost its line breaks, read again with them put back (ingest/flat.py); the first read's
    outcome (its result, or its error) stands unless the second finds the report's headings."""
    from .flat import is_flattened, reflowed

    again = reflowed(text) if is_flattened(text) else None
    if again is not None:
        try:
            second = build_report(text_items(again), name, "text")
        except IngestError:
            second = None
        if second is not None and not _no_report(second):
            return second
    if isinstance(first, IngestError):
        raise first
    return first


def _check_lines(lines: int, name: str) -> None:
    if lines > MAX_TEXT_LINES:
        raise IngestError(f"{name}：文字行数过多（{lines} 行），不是一份年度报告")


def _check_figures(figures: int, name: str) -> None:
    if figures > MAX_FIGURES:
        raise IngestError(f"{name}：数字过多（{figures} 个），不是一份年度报告")


def _check_items(items: list[tuple], name: str) -> None:
    """What a reader gave (lines, and tables as rows of cells) is bounded as a text is, before it is read
    here, outside the reader's time limit."""
    texts = [c for k, c in items if k == "line"] + [str(x) for k, c in items if k == "table" for row in c for x in row if x]
    size = sum(map(len, texts))
    if size > MAX_TEXT_CHARS:
        raise IngestError(f"{name}：文字过长（{size // 10000} 万字），不是一份年度报告")
    _check_lines(len(items) + sum(len(c) for k, c in items if k == "table"), name)
    _check_figures(sum(len(_FIGURE.findall(t)) for t in texts), name)


def _from_html(items: list[tuple], name: str, read_by_ocr: bool = False) -> ImportResult:
    _check_items(items, name)
    return build_report(items, name, "html", lines_are_paragraphs=True, read_by_ocr=read_by_ocr)


def read_report(path: str | os.PathLike, timeout: float | None = None,
                progress: Callable[[int, int, str], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Any report file, its kind found from its content.  IngestError (one Chinese line naming the file)
    when it cannot be read at all; timeout bounds the PDF/Word/Excel parser (default PARSE_TIMEOUT; each
    scanned page adds its own time).  progress(k, n, what) is called as OCR starts page or picture k of n (what: 页 or 张图片); once cancelled()
    is true the reader child is ended and IngestError raised."""
    p = Path(path)
    name = p.name
    try:
        st = p.stat()
    except OSError as e:
        raise IngestError(file_problem(p, e)) from None
    size = st.st_size
    if stat.S_ISDIR(st.st_mode):
        raise IngestError(f"{p}：是文件夹，不是文件")
    if size == 0:
        raise IngestError(f"{name}：文件是空的")
    if size > MAX_FILE_BYTES:
        raise IngestError(f"{name}：文件过大（{size // (1024 * 1024)} MB），不是一份年度报告")
    try:
        with open(p, "rb") as fh:
            first = fh.read(FIRST_READ)
    except OSError as e:
        raise IngestError(file_problem(name, e)) from None
    kind = sniff(first[:SNIFF_BYTES], p)
    whole = first if len(first) < FIRST_READ else None  # the end reached: a small file is not read again
    if kind in ("text", "html") and p.suffix.lower() == ".nianbao":
        try:  # a damaged .nianbao: its own loader names what is wrong
            report = loads(_bytes_of(p, whole), name)
            return ImportResult(report, [], name, "nianbao")
        except FileFormatError as e:
            raise IngestError(str(e)) from None
    notes = []
    expected = kind_of_suffix(p.suffix)
    if expected and expected != kind and not (expected == "text" and kind == "html"):
        what = BY_KIND[kind].name
        notes.append(ImportProblem(NOTE, f"文件扩展名是「{p.suffix}」，但内容是{what}，已按{what}读取"))
    result = _read_kind(p, kind, timeout if timeout is not None else PARSE_TIMEOUT, progress, cancelled, whole)
    result.problems[:0] = notes
    result.source = name
    return result


def _bytes_of(p: Path, whole: bytes | None) -> bytes:
    """The file's bytes: those already read when the first read took the whole file, else read now."""
    if whole is not None:
        return whole
    try:
        return p.read_bytes()
    except OSError as e:
        raise IngestError(file_problem(p.name, e)) from None


def _read_kind(p: Path, kind: str, timeout: float, progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None, whole: bytes | None = None) -> ImportResult:
    name = p.name
    if kind == "nianbao":
        try:
            report = loads(_bytes_of(p, whole), name)
        except FileFormatError as e:
            raise IngestError(str(e)) from None
        return ImportResult(report, [], name, "nianbao")
    from .sandbox import run_reader

    if kind in ("text", "html"):
        text = decode(_bytes_of(p, whole), name)
        if looks_like_html(text) and len(text) <= MAX_HTML_CHARS:  # the parser runs in the child
            out = run_reader("html", str(p), name, timeout, progress, cancelled)
            return _with_ocr_notes(_from_html(out[1], name, read_by_ocr=_ocr_read(out)), out)
        return read_text(text, name)

    if kind in ZIPPED:
        from .zipguard import check_zip

        check_zip(p, name)
    out = run_reader(kind, str(p), name, timeout, progress, cancelled)
    if out[0] == "nianbao":
        try:
            report = loads(out[1], name)
        except FileFormatError as e:
            raise IngestError(str(e)) from None
        return ImportResult(report, [], name, "own_xlsx")
    items, tables = out[1], out[2]
    _check_items(items, name)
    result = build_report(items, name, kind, tables, lines_are_paragraphs=kind not in ("pdf", "ofd", "image"),
                          read_by_ocr=_ocr_read(out))
    return _with_ocr_notes(result, out)


def _ocr_read(out: tuple) -> bool:
    """A reader's fourth part says OCR read pages or pictures (not only that some could not be read)."""
    return len(out) > 3 and bool(out[3] and out[3].get("pages"))


def _with_ocr_notes(result: ImportResult, out: tuple) -> ImportResult:
    """The import with what OCR read said in its summary, when a reader's fourth part says it read any."""
    if len(out) > 3 and out[3]:
        from .ocrcheck import add_ocr_notes

        add_ocr_notes(result, out[3])
    return result
