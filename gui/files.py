"""Reading a report for the window: our own file directly, anything else through ingest/."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from model import fileformat
from model.oserrors import describe, problem
from model.report import Report

NATIVE_SUFFIX = ".nianbao"
IMPORT_SUFFIXES = (".pdf", ".docx", ".txt", ".html", ".htm", ".xlsx")
OPEN_FILTER = ("年度报告 (*.nianbao *.pdf *.docx *.txt *.html *.htm *.xlsx);;"
               "nianbao 文件 (*.nianbao);;PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx);;网页或文本 (*.html *.htm *.txt);;"
               "所有文件 (*)")
SAVE_FILTER = "nianbao 文件 (*.nianbao)"


class OpenError(Exception):
    """str(): one Chinese line naming the file and the problem."""


@dataclass
class Opened:
    report: Report
    native: bool  # a .nianbao: the window may save back to it
    summary: str = ""  # import summary to show before the report is used
    problems: list = field(default_factory=list)


def read_any(path: str) -> Opened:
    """Read a .nianbao or anything ingest.read_report reads.  Raises OpenError only."""
    p = Path(path)
    name = p.name
    try:
        p.stat()
    except FileNotFoundError:
        raise OpenError(f"找不到文件「{name}」") from None
    except OSError as e:  # a symlink loop, no permission …
        raise OpenError(f"无法打开「{name}」：{describe(e)}") from None
    if p.is_dir():
        raise OpenError(f"「{name}」是文件夹，不是文件")
    if p.suffix.lower() == NATIVE_SUFFIX:
        try:
            return Opened(fileformat.load(p), True)
        except fileformat.FileFormatError as e:
            raise OpenError(_named(name, str(e))) from None
        except (OSError, UnicodeError, ValueError) as e:
            raise OpenError(f"无法读取「{name}」：{problem(e)}") from None
    try:
        import ingest
        read_report = ingest.read_report
        ingest_error = getattr(ingest, "IngestError", ())
    except (ImportError, AttributeError):
        raise OpenError(f"无法打开「{name}」：本版本尚不能导入此类文件，只能打开 .nianbao 文件") from None
    try:
        result = read_report(str(p))
    except ingest_error as e:  # type: ignore[misc]
        raise OpenError(_named(name, str(e))) from None
    except fileformat.FileFormatError as e:
        raise OpenError(_named(name, str(e))) from None
    except (OSError, ValueError, MemoryError) as e:
        raise OpenError(f"无法读取「{name}」：{problem(e)}") from None
    summary = result.summary() if hasattr(result, "summary") else ""
    return Opened(result.report, False, summary, list(getattr(result, "problems", []) or []))


def _named(name: str, message: str) -> str:
    return message if name in message else f"「{name}」：{message}"
