"""The .nianbao file: lossless round trip, refusals with one clear line, atomic saving."""
import hashlib
import json
import os
import random
import re
from decimal import Decimal

import pytest

import main
from model import fileformat
from model.fileformat import FileFormatError, dumps, load, loads, save
from model.report import Prior
from tests.factories import consistent_report


@pytest.fixture
def report():
    r = consistent_report(random.Random(1))
    r.sections = {"s1": "一、总体情况正文", "s5": "问题与改进", "s6": "未收取信息处理费。"}
    r.explanations = {"X.IN_FORCE": "2023年开展文件清理"}
    r.cells["t2.rules.issued"] = "/"
    r.prior = Prior(year=2024, organ="示范市人民政府", cells={"t3.r4.np": 3}, sections={"s5": "去年的文字"})
    return r


def test_round_trip_is_lossless(report, tmp_path):
    path = tmp_path / "a.nianbao"
    save(report, path)
    back = load(path)
    assert fileformat.to_dict(back) == fileformat.to_dict(report)
    assert isinstance(back.cells["t2.fees.amount"], Decimal)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["format"] == "nianbao" and raw["version"] == 1
    assert isinstance(raw["cells"]["t2.fees.amount"], str)
    assert raw["cells"]["t2.rules.issued"] == "/"
    assert "t3.r1.np" in raw["cells"]


def test_blank_cells_are_absent(report, tmp_path):
    del report.cells["t3.r1.np"]
    assert "t3.r1.np" not in json.loads(dumps(report))["cells"]


def test_loading_never_alters_the_file(report, tmp_path):
    path = tmp_path / "a.nianbao"
    save(report, path)
    before = hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns
    load(path)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns) == before


def test_newer_version_refused(report):
    data = json.loads(dumps(report))
    data["version"] = 99
    with pytest.raises(FileFormatError, match="更新版本"):
        loads(json.dumps(data), "x.nianbao")


def _text_of(report):
    return dumps(report)


BAD = {
    "truncated": lambda t: t[: len(t) // 2],
    "not json": lambda t: "hello world",
    "binary": lambda t: "\x00\x01\x02".encode("latin1").decode() + "PK",
    "wrong type": lambda t: json.dumps([1, 2, 3]),
    "other json": lambda t: json.dumps({"name": "x"}),
    "deeply nested": lambda t: "[" * 100000 + "]" * 100000,
    "deep inside": lambda t: t.replace('"explanations": {', '"explanations": {"a": ' + "[" * 50000 + "]" * 50000 + ",", 1),
    "unknown cell": lambda t: t.replace('"cells": {', '"cells": {"t9.x.y": 1,', 1),
    "duplicate cell": lambda t: t.replace('"cells": {', '"cells": {"t3.r1.np": 1,', 1),
    "bad value": lambda t: re.sub(r'"t3.r1.np": \d+', '"t3.r1.np": "many"', t, count=1),
    "huge number": lambda t: re.sub(r'"t3.r1.np": \d+', '"t3.r1.np": ' + "9" * 5000, t, count=1),
    "negative 20-digit": lambda t: re.sub(r'"t3.r1.np": \d+', '"t3.r1.np": -' + "9" * 20, t, count=1),
    "bad level": lambda t: t.replace('"level": "prefecture"', '"level": "village"', 1),
    "unknown key": lambda t: t.replace('"format"', '"evil": 1, "format"', 1),
    "string year": lambda t: t.replace('"year": 2025', '"year": "2025"', 1),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_files_give_exit_2_and_one_line(kind, report, tmp_path, capsys):
    path = tmp_path / "bad.nianbao"
    text = BAD[kind](_text_of(report))
    assert text != _text_of(report)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError) as e:
        load(path)
    assert "bad.nianbao" in str(e.value) and "\n" not in str(e.value)
    assert main.main(["check", str(path)]) == 2
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert main.main(["check", str(path), "--json"]) == 2
    result = json.loads(capsys.readouterr().out)
    assert result[0]["file"] == str(path) and "bad.nianbao" in result[0]["error"]


@pytest.mark.parametrize("text", ["1e5000", "1e1000000", "1e10000000", "1e309"])
@pytest.mark.parametrize("cell", ["t3.r1.np", "fee.billed"])
def test_number_text_beyond_the_limits_is_refused_at_once(text, cell, report, tmp_path, capsys):
    import time

    report.cells.pop(cell, None)
    path = tmp_path / "big-number.nianbao"
    path.write_text(_text_of(report).replace('"cells": {', f'"cells": {{"{cell}": "{text}",', 1), encoding="utf-8")
    start = time.monotonic()
    assert main.main(["check", str(path)]) == 2
    assert main.main(["export", str(path), "--force", "--xlsx", str(tmp_path / "out.xlsx")]) == 2
    assert time.monotonic() - start < 5
    out = capsys.readouterr()
    lines = (out.out + out.err).strip().splitlines()
    assert len(lines) == 2 and all("big-number.nianbao" in ln and cell in ln and "过大" in ln for ln in lines)
    assert not (tmp_path / "out.xlsx").exists()


def test_huge_file_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.nianbao"
    with open(path, "wb") as fh:
        fh.seek(fileformat.MAX_BYTES + 10)
        fh.write(b"x")
    with pytest.raises(FileFormatError, match="过大"):
        load(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(FileFormatError, match="不存在"):
        load(tmp_path / "none.nianbao")
    with pytest.raises(FileFormatError):
        load(tmp_path)


def test_save_keeps_backup(report, tmp_path):
    path = tmp_path / "a.nianbao"
    save(report, path)
    first = path.read_bytes()
    report.meta.organ = "新名称"
    save(report, path)
    assert (tmp_path / "a.nianbao.bak").read_bytes() == first
    assert load(path).meta.organ == "新名称"


class Boom(Exception):
    pass


@pytest.mark.parametrize("stage", ["write", "fsync", "link", "replace"])
def test_interrupted_save_leaves_old_or_new_file(stage, report, tmp_path, monkeypatch):
    path = tmp_path / "a.nianbao"
    save(report, path)
    old = path.read_bytes()
    report.meta.organ = "改过的机关"
    new_text = dumps(report).encode("utf-8")

    if stage == "write":
        real_fdopen = os.fdopen

        class HalfFile:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *a):
                self.fh.close()

            def write(self, data):
                self.fh.write(data[: len(data) // 2])
                raise Boom("disk full")

            def flush(self):
                self.fh.flush()

            def fileno(self):
                return self.fh.fileno()

        monkeypatch.setattr(fileformat.os, "fdopen", lambda fd, mode: HalfFile(real_fdopen(fd, mode)))
    elif stage == "fsync":
        monkeypatch.setattr(fileformat.os, "fsync", lambda fd: (_ for _ in ()).throw(Boom("io")))
    elif stage == "link":
        monkeypatch.setattr(fileformat.os, "link", lambda a, b: (_ for _ in ()).throw(Boom("link")))
        monkeypatch.setattr(fileformat.os, "replace", lambda a, b: (_ for _ in ()).throw(Boom("after link")))
    else:
        monkeypatch.setattr(fileformat.os, "replace", lambda a, b: (_ for _ in ()).throw(Boom("power cut")))
    with pytest.raises(Boom):
        save(report, path)
    monkeypatch.undo()
    assert path.read_bytes() in (old, new_text)
    assert load(path)  # never a broken file
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # no litter


def test_upgrade_path_accepts_bare_prior_snapshot(report):
    data = json.loads(dumps(report))
    data["prior"] = {"t3.r4.np": 4}
    back = loads(json.dumps(data, ensure_ascii=False))
    assert back.prior.cells == {"t3.r4.np": 4}


def test_saved_file_has_ordinary_permissions(report, tmp_path):
    import stat
    path = tmp_path / "p.nianbao"
    save(report, path)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    os.chmod(path, 0o640)
    save(report, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
