"""`new` and `import` never silently replace a read-only file: one line, exit 2, unless --force."""
import os
import random
import stat

import pytest

import main
from model.fileformat import load, save
from tests.factories import consistent_report


@pytest.fixture
def last(tmp_path):
    report = consistent_report(random.Random(3))
    report.meta.year = 2024
    path = tmp_path / "2024.nianbao"
    save(report, path)
    return path


def _commands(last, out):
    return {"new": ["new", "--from-prior", str(last), "-o", str(out)],
            "import": ["import", str(last), "-o", str(out)]}


@pytest.mark.parametrize("command", ["new", "import"])
def test_a_read_only_target_is_refused_unless_forced(command, last, tmp_path, capsys):
    out = tmp_path / "out.nianbao"
    out.write_bytes(b"the clerk's locked file")
    os.chmod(out, 0o444)
    argv = _commands(last, out)[command]
    assert main.main(argv) == 2
    out_err = capsys.readouterr()
    err = out_err.err.strip().splitlines()
    assert out_err.out == "" and len(err) == 1 and "out.nianbao" in err[0] and "只读" in err[0] and "--force" in err[0]
    assert out.read_bytes() == b"the clerk's locked file"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left
    assert main.main(argv + ["--force"]) == 0
    assert load(out).meta.organ
    assert not os.stat(out).st_mode & 0o222  # replaced, and still read-only as the clerk set it


@pytest.mark.parametrize("command", ["new", "import"])
def test_writable_and_new_targets_need_no_force(command, last, tmp_path):
    out = tmp_path / "out.nianbao"
    assert main.main(_commands(last, out)[command]) == 0
    os.chmod(out, stat.S_IRUSR | stat.S_IWUSR)
    assert main.main(_commands(last, out)[command]) == 0


def test_a_file_another_user_may_write_only_is_refused(last, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out.nianbao"
    out.write_bytes(b"x")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m, **k: False if str(p) == str(out) else real_access(p, m, **k))
    assert main.main(_commands(last, out)["import"]) == 2
    assert "只读" in capsys.readouterr().err and out.read_bytes() == b"x"
