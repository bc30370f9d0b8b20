"""Damaged files found by mutation fuzzing end in one Chinese line naming the file, never a traceback
(every input here is built from made-up data)."""
from __future__ import annotations

import json

import pytest

from ingest import IngestError, read_report
from model.fileformat import FileFormatError, dumps, load
from model.report import Meta, Report


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
