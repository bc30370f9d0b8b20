"""Damaged files found by mutation fuzzing end in one Chinese line naming the file, never a traceback
(every input here is built from made-up data)."""
from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest import IngestError, read_report
from model.fileformat import FileFormatError, dumps, load, loads
from model.report import Meta, Report

ROOT = Path(__file__).resolve().parent.parent


def _nianbao_dict() -> dict:
    report = Report(meta=Meta(organ="示例县测试局", year=2031, level="county"))
    report.sections["s1"] = "本年度主动公开信息12条。"
    return json.loads(dumps(report))


def _refused_both_ways(path, *words):
    """The loader and the import both give one line naming the file (and the words)."""
    with pytest.raises(FileFormatError) as loaded:
        load(path)
    with pytest.raises(IngestError) as read:
        read_report(path)
    for msg in (str(loaded.value), str(read.value)):
        assert path.name in msg and "\n" not in msg, msg
        for w in words:
            assert w in msg, msg


@pytest.mark.parametrize("level", [["county"], {"county": 1}])
def test_a_level_that_is_a_list_or_an_object_is_named(tmp_path, level):
    data = _nianbao_dict()
    data["meta"]["level"] = level
    path = tmp_path / "层级.nianbao"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _refused_both_ways(path, "机关层级")


@pytest.mark.parametrize("notes", [5, [{"rule": "X", "cells": [["t3.r1.np"]], "message": "m"}]])
def test_import_notes_of_the_wrong_shape_are_refused_or_skipped(tmp_path, notes):
    data = _nianbao_dict()
    data["import_notes"] = notes
    path = tmp_path / "说明.nianbao"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    if isinstance(notes, list):  # a cell id that is no string is left out, as an unknown id is
        assert load(path).import_notes == [("X", (), "m")]
    else:
        _refused_both_ways(path, "import_notes")


@pytest.mark.parametrize("where", ["organ", "section", "explanation", "prior"])
def test_a_lone_surrogate_escape_is_refused_not_loaded(tmp_path, where):
    # 「\ud800」 alone is valid JSON but no character: loaded, the report could be neither printed nor saved
    data = _nianbao_dict()
    bad = "示例\ud800局"
    if where == "organ":
        data["meta"]["organ"] = bad
    elif where == "section":
        data["sections"]["s5"] = bad
    elif where == "explanation":
        data["explanations"] = {"t3.r1.np": bad}
    else:
        data["prior"] = {"year": 2030, "organ": bad, "cells": {}}
    path = tmp_path / "代理码.nianbao"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    _refused_both_ways(path, "无效的字符")


# ---------------------------------------------------------------- a Rust parser's panic

_FREE, _END, _FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _dir_entry(name: str, kind: int, start: int, size: int, child: int = _FREE) -> bytes:
    """One 128-byte directory entry ([MS-CFB] 2.6)."""
    raw = name.encode("utf-16-le") + b"\0\0"
    return (raw.ljust(64, b"\0") + struct.pack("<HBB3I", len(raw), kind, 1, _FREE, _FREE, child) + b"\0" * 36
            + struct.pack("<III", start, size, 0))


def _compound_file(stream: bytes) -> bytes:
    """A version-3 compound file (512-byte sectors) holding one stream named Workbook: sector 0 the FAT, then
    the stream (4096 bytes or more, so in ordinary sectors), then the directory."""
    n = -(-len(stream) // 512)
    directory = 1 + n
    fat = [_FATSECT] + [k + 2 for k in range(n - 1)] + [_END, _END]
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<9I", 0, 1, directory, 0, 4096, _END, 0, _END, 0)
              + struct.pack("<I", 0) + struct.pack("<I", _FREE) * 108)
    fat_sector = b"".join(struct.pack("<I", v) for v in fat).ljust(512, b"\xff")
    entries = _dir_entry("Root Entry", 5, _END, 0, child=1) + _dir_entry("Workbook", 2, 1, len(stream))
    return header + fat_sector + stream.ljust(512 * n, b"\0") + entries.ljust(512, b"\0")


def _workbook_cut_in_its_directory(path) -> None:
    """An .xls (a BIFF8 BOF and EOF) whose download stopped inside its last sector, the directory: olefile
    reads it, calamine panics (「range end index 64 out of range」)."""
    bof = struct.pack("<HHHHII", 0x0809, 16, 0x0600, 0x0005, 0, 0)
    data = _compound_file((bof + struct.pack("<HH", 0x000A, 0)).ljust(4096, b"\0"))
    path.write_bytes(data[:len(data) - 512 + 300])


def test_a_parser_panic_is_one_line_not_a_dead_reader(tmp_path):
    path = tmp_path / "截断.xls"
    _workbook_cut_in_its_directory(path)
    with pytest.raises(IngestError) as e:
        read_report(path)
    msg = str(e.value)
    assert msg.startswith("截断.xls：") and "\n" not in msg and "无法解析" in msg, msg
    assert "异常退出" not in msg  # the child answered: its panic was caught, it did not die with a traceback


def test_check_of_a_file_a_parser_panics_on_prints_no_traceback(tmp_path):
    path = tmp_path / "截断.et"
    _workbook_cut_in_its_directory(path)
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(path)], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "RUST_BACKTRACE": "1"})
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stdout.count("\n") == 1 and "截断.et" in proc.stdout, proc.stdout
    assert proc.stderr == "", proc.stderr  # neither 「thread … panicked」 nor a Python traceback


# ---------------------------------------------------------------- bounded before the in-process reading

def _refused_within(path, words: str, seconds: float) -> None:
    t = time.perf_counter()
    with pytest.raises(IngestError) as e:
        read_report(path)
    msg = str(e.value)
    assert msg.startswith(f"{path.name}：") and "\n" not in msg and words in msg, msg
    assert time.perf_counter() - t < seconds


_HEADING_LINES = ["一、总体情况", "（一）主动公开情况", "本年度收到申请12件。"]


def test_a_web_page_of_tens_of_thousands_of_lines_is_refused_at_once(tmp_path):
    # its text is read here, after the page was parsed in the sandbox, and was not bounded in lines: 99,000
    # heading-like lines broken by <br> were read for 17 s
    path = tmp_path / "行.html"
    path.write_text("<html><body><p>" + "<br>".join(_HEADING_LINES * 8000) + "</p></body></html>", encoding="utf-8")
    _refused_within(path, "行数过多", 8)


def test_a_text_of_heading_lines_under_the_old_line_limit_is_refused(tmp_path):
    path = tmp_path / "标题.txt"  # 45,000 lines: ~9 s at some 0.2 ms a heading-like line
    path.write_text("\n".join(_HEADING_LINES * 15000), encoding="utf-8")
    _refused_within(path, "行数过多", 5)


@pytest.mark.parametrize("sep", [" ", "，"])
def test_a_text_of_more_figures_than_any_report_is_refused(tmp_path, sep):
    path = tmp_path / "数字.txt"  # a report holds some 1,000 figures; each one here was looked at several times
    path.write_text(sep.join(str(k % 90 + 10) for k in range(30000)), encoding="utf-8")
    _refused_within(path, "数字过多", 5)


# ---------------------------------------------------------------- a text cut off inside its last character

def _cut_inside_a_character(data: bytes, at: float, width: int) -> bytes:
    """data cut one byte into the first character of width bytes (its lead byte ≥ 0x81) from at of its length."""
    k = int(len(data) * at)
    while not (data[k] >= 0x81 and (width == 2 or data[k] >= 0xE0)):
        k += 1
    return data[:k + 1]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_web_page_whose_download_stopped_midway_is_read_up_to_there(tmp_path, encoding):
    from export.html import render_html
    from tests.test_ingest_formats import sample_report

    rep = sample_report(5)
    page = render_html(rep, draft=False).replace('charset="utf-8"', f'charset="{encoding}"')
    path = tmp_path / "中断.html"
    path.write_bytes(_cut_inside_a_character(page.encode(encoding), 0.97, 3 if encoding == "utf-8" else 2))
    result = read_report(path)  # was: 「无法识别文字编码（不是 UTF-8 或 GBK 文本）」
    assert result.report.meta.organ == rep.meta.organ
    assert result.report.cells["t3.r1.tot"] == rep.cells["t3.r1.tot"]


def test_a_text_cut_inside_a_character_keeps_all_before_it(tmp_path):
    from ingest.readers.text import decode

    text = "示例县测试局2031年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息12条。"
    for encoding in ("utf-8", "gb18030"):
        data = text.encode(encoding)
        assert decode(data[:-1], "a.txt") == text[:-1]
    with pytest.raises(IngestError, match="无法识别文字编码"):  # damage elsewhere than at the end is still refused
        decode(text.encode("utf-8")[:5] + b"\xff\xfe\xfd" + text.encode("utf-8")[5:], "a.txt")


# ---------------------------------------------------------------- a long text checked in time

def test_each_figure_of_a_long_section_is_checked_once(monkeypatch):
    # a figure that disagreed with the table looked through every figure of its section for an agreeing one of
    # the organ's own level, checking each again: 10,000 figures took some 40 s, in `check` and as the clerk types
    from model.engine import check
    from model.text import checks

    data = _nianbao_dict()
    data["meta"]["organ"] = "示例市人民政府"
    data["cells"] = {"t3.r1.tot": 5}
    data["sections"]["s1"] = "全市新收政府信息公开申请12件，其中市政府本级收到申请7件。\n" * 300
    report = loads(json.dumps(data, ensure_ascii=False), "长.nianbao")
    calls = []
    real = checks._check_number
    monkeypatch.setattr(checks, "_check_number", lambda *a, **kw: calls.append(1) or real(*a, **kw))
    findings = check(report)
    assert sum(f.rule == "N.RECEIVED" for f in findings) == 300  # the own level's 7 ≠ 5, its area's 12 not excused
    assert len(calls) <= 3 * 600, len(calls)  # was 600 + 300 × 300
