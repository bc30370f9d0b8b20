"""A writer killed mid-write leaves a hidden temporary file; the next write into that folder removes it."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from export.atomic import write_file
from model import tempfiles
from model.fileformat import save
from model.report import Report

ROOT = Path(__file__).resolve().parents[1]


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(proc.stdout)


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_next_save_removes_temp_files_of_dead_writers_only(tmp_path):
    dead = tmp_path / f".T.pdf.nbtmp-{_dead_pid()}-abcd1234.tmp"
    live = tmp_path / f".T.pdf.nbtmp-{os.getppid()}-abcd1234.tmp"  # the test runner's parent still runs
    old_legacy = tmp_path / ".a.nianbao.x1y2z3w4.tmp"  # earlier versions named them without a pid
    young_legacy = tmp_path / ".a.nianbao.q1q2q3q4.tmp"
    others = [tmp_path / ".other.tmp", tmp_path / "T.pdf.tmp", tmp_path / ".b.nianbao.x1y2z3w4.tmp"]
    for p in [dead, live, old_legacy, young_legacy, *others]:
        p.write_bytes(b"x" * 1000)
    hours_ago = time.time() - 2 * tempfiles.STALE_AGE
    os.utime(old_legacy, (hours_ago, hours_ago))
    os.utime(others[2], (hours_ago, hours_ago))  # old, but another target's: left for that target's next save
    save(Report(), tmp_path / "a.nianbao")
    left = set(_temps(tmp_path))
    assert dead.name not in left and old_legacy.name not in left
    assert {live.name, young_legacy.name, *(p.name for p in others if p.name.endswith(".tmp"))} <= left


def test_an_export_cleans_up_too(tmp_path):
    stale = tmp_path / f".T.xlsx.nbtmp-{_dead_pid()}-zzzz9999.tmp"
    stale.write_bytes(b"x")
    write_file(tmp_path / "T.pdf", b"%PDF-")
    assert _temps(tmp_path) == [] and (tmp_path / "T.pdf").read_bytes() == b"%PDF-"


def test_cleanup_never_stops_the_write(tmp_path, monkeypatch):
    (tmp_path / f".a.nianbao.nbtmp-{_dead_pid()}-abcdefgh.tmp").write_bytes(b"x")
    monkeypatch.setattr(tempfiles.os, "unlink", lambda p: (_ for _ in ()).throw(PermissionError(13, "denied")))
    save(Report(), tmp_path / "a.nianbao")
    monkeypatch.undo()
    assert (tmp_path / "a.nianbao").exists()


SLOW_WRITER = """
import os, sys, time
sys.path.insert(0, sys.argv[1])
from model.fileformat import atomic_write
real_fsync = os.fsync
def slow_fsync(fd):
    print("writing", flush=True)
    time.sleep(60)
os.fsync = slow_fsync
atomic_write(sys.argv[2], b"x" * 1_000_000)
"""


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
def test_kill_9_mid_write_leaves_nothing_after_the_next_write(tmp_path):
    target = tmp_path / "T.pdf"
    target.write_bytes(b"old")
    child = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(ROOT), str(target)], stdout=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
        assert len(_temps(tmp_path)) == 1  # the full-size temporary file the kill leaves behind
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert target.read_bytes() == b"old" and len(_temps(tmp_path)) == 1
    write_file(target, b"new")
    assert _temps(tmp_path) == [] and target.read_bytes() == b"new"
