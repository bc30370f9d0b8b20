"""What went wrong with a file is said in Chinese, from every entry point: never 「文件不存在」 for a file
that exists, never the system's English (Permission denied) or a parser's class name alone."""
import errno
import os
import re

import pytest

import main
from export import ExportError
from export.atomic import write_file
from ingest import IngestError, read_report
from model.fileformat import FileFormatError, load, save
from model.oserrors import READ, WRITE, describe, problem
from model.report import Report

ENGLISH = re.compile(r"[A-Za-z]{4,}")  # a word of English: 「Permission」, 「PdfminerException」, 「OverflowError」


def _chinese_only(text: str) -> bool:
    return not ENGLISH.search(text) and any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("code", ["ENOENT", "ELOOP", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS",
                                  "ENAMETOOLONG", "EBUSY", "EIO", "EDQUOT", "EINVAL"])
@pytest.mark.parametrize("action", [READ, WRITE])
def test_every_common_os_error_is_said_in_chinese(code, action):
    n = getattr(errno, code)
    assert _chinese_only(describe(OSError(n, os.strerror(n)), action))


def test_a_cause_not_listed_keeps_the_system_text_after_the_chinese():
    text = describe(OSError(errno.ECONNRESET, "Connection reset by peer"))
    assert text.startswith("无法读取") and "Connection reset" in text


@pytest.mark.parametrize("exc", [OverflowError("int too large to convert to float"), MemoryError(),
                                 RecursionError("maximum recursion depth exceeded"),
                                 type("PdfminerException", (Exception,), {})("No /Root object!"),
                                 UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")])
def test_parser_failures_are_said_in_chinese(exc):
    assert _chinese_only(problem(exc))


@pytest.fixture
def loop(tmp_path):
    """Two links pointing at each other, as 「report.nianbao」 and 「report.pdf」."""
    for suffix in (".nianbao", ".pdf"):
        a, b = tmp_path / f"report{suffix}", tmp_path / f"other{suffix}"
        os.symlink(b, a)
        os.symlink(a, b)
    return tmp_path


@pytest.mark.parametrize("suffix", [".nianbao", ".pdf"])
def test_a_symlink_loop_is_not_called_missing(loop, suffix, capsys):
    path = loop / f"report{suffix}"
    assert main.main(["check", str(path)]) == 2
    out = capsys.readouterr().out
    assert "循环" in out and "不存在" not in out and "Too many" not in out
    with pytest.raises((IngestError, FileFormatError)) as e:
        read_report(path) if suffix == ".pdf" else load(path)
    assert "循环" in str(e.value) and path.name in str(e.value)
    assert main.main([str(path)]) == 2  # the window is not even started
    assert "循环" in capsys.readouterr().err


def _denied(*_a, **_k):
    raise PermissionError(errno.EACCES, "Permission denied")


def test_permission_denied_when_saving_importing_and_exporting(tmp_path, monkeypatch, capsys):
    src = tmp_path / "a.nianbao"
    save(Report(), src)
    monkeypatch.setattr(os, "replace", _denied)  # root ignores permission bits; the OS call is what fails
    assert main.main(["import", str(src), "-o", str(tmp_path / "b.nianbao")]) == 2
    err = capsys.readouterr().err.strip()
    assert "b.nianbao" in err and "没有写入权限" in err and "Permission" not in err
    with pytest.raises(ExportError) as e:
        write_file(tmp_path / "T.pdf", b"%PDF-")
    assert "没有写入权限" in str(e.value) and "Permission" not in str(e.value)
    monkeypatch.undo()
    monkeypatch.setattr("ingest.api.open", _denied, raising=False)  # the file cannot be opened for reading
    with pytest.raises(IngestError) as e:
        read_report(src)
    assert "没有读取权限" in str(e.value) and "Permission" not in str(e.value)


def test_a_broken_pdf_names_no_parser_class(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 50)
    with pytest.raises(IngestError) as e:
        read_report(path)
    assert not re.search(r"[A-Za-z]+(Exception|Error)", str(e.value)), str(e.value)


def test_a_failed_export_says_what_in_chinese(tmp_path, monkeypatch):
    import export.pdf as P

    monkeypatch.setattr(P, "render_pdf", lambda *a: float(10 ** 400))
    with pytest.raises(ExportError) as e:
        P.write_pdf(Report(), tmp_path / "x.pdf")
    assert "超出范围" in str(e.value) and "OverflowError" not in str(e.value)


def test_an_export_into_a_folder_that_cannot_be_searched_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr("pathlib.Path.is_dir", _denied)  # what EACCES on a folder above gives in Python 3.11
    with pytest.raises(ExportError) as e:
        write_file(tmp_path / "T.pdf", b"%PDF-")
    assert "T.pdf" in str(e.value) and "没有写入权限" in str(e.value) and "\n" not in str(e.value)
