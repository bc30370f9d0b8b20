"""The recovery slot on its own: numbered copies with their journals, what a crash or a power cut leaves and
what is recovered from it."""
from __future__ import annotations

import json
import threading

from gui import recovery
from model import fileformat, journal
from model.report import Report


def _report(organ: str, **cells) -> Report:
    r = Report()
    r.meta.organ = organ
    r.cells.update(cells)
    return r


def _crash(slot: recovery.RecoverySlot) -> None:
    """The process dies: nothing closed, its lock released."""
    slot._sync.stop()
    slot.lock.unlock()


def test_a_crash_recovers_the_newest_copy_with_its_journal(qapp, tmp_path):
    slot = recovery.RecoverySlot(tmp_path)
    slot.write(_report("甲局", **{"t3.r1.np": 1}), "/报告/甲局.nianbao")
    slot.append([journal.entry("cell", "t3.r1.np", 2)])
    slot.write(_report("甲局", **{"t3.r1.np": 2}), "/报告/甲局.nianbao")
    slot.append([journal.entry("cell", "t3.r1.np", 3), journal.entry("meta", "organ", "乙局")])
    assert slot._disk.wait(5)  # the worker has put everything on disk and removed copy 1
    assert not slot.copy_path(1).exists() and not slot.journal_path(1).exists()
    _crash(slot)
    (found,) = recovery.leftovers(tmp_path)
    assert found.original == "/报告/甲局.nianbao"
    r = found.load()
    assert r.cells["t3.r1.np"] == 3 and r.meta.organ == "乙局"
    found.discard()
    assert not list(tmp_path.iterdir())


def test_a_copy_torn_by_a_power_cut_falls_back_to_the_one_before(qapp, tmp_path, monkeypatch):
    """The newest copy is not on disk yet (fsync still waiting) when the power goes: it reads as garbage, so the
    previous copy, which is removed only after its successor is on disk, and both journals are replayed."""
    disk = threading.Event()
    monkeypatch.setattr(recovery.os, "fsync", lambda fd: disk.wait(5))
    slot = recovery.RecoverySlot(tmp_path)
    slot.write(_report("甲局", **{"t3.r1.np": 1}), None)
    slot.append([journal.entry("cell", "t3.r1.np", 2)])
    slot.write(_report("甲局", **{"t3.r1.np": 2}), None)
    slot.append([journal.entry("cell", "t3.r2.np", 7)])
    slot.copy_path(2).write_bytes(b'{"format": "nian')  # torn
    _crash(slot)
    (found,) = recovery.leftovers(tmp_path)
    r = found.load()
    assert r.cells["t3.r1.np"] == 2 and r.cells["t3.r2.np"] == 7
    disk.set()
    assert slot._disk.wait(5)


def test_a_saved_report_leaves_no_copy_and_the_next_edit_starts_a_new_one(qapp, tmp_path):
    slot = recovery.RecoverySlot(tmp_path)
    slot.write(_report("甲局"), "/a.nianbao")
    slot.append([journal.entry("cell", "t3.r1.np", 5)])
    slot.clear()  # saved
    assert not slot.has_copy
    slot.write(_report("甲局", **{"t3.r1.np": 6}), "/a.nianbao")  # the next edit, while removal may be pending
    assert slot._disk.wait(5)
    assert slot.copy_path(2).is_file() and not slot.copy_path(1).exists()
    _crash(slot)
    (found,) = recovery.leftovers(tmp_path)
    assert found.load().cells["t3.r1.np"] == 6 and found.original == "/a.nianbao"


def test_a_leftover_of_the_earlier_layout_is_recovered(qapp, tmp_path):
    """Slots written by the previous version: ID.nianbao, ID.journal, ID.json with saved_at."""
    fileformat.save(_report("甲局", **{"t3.r1.np": 1}), tmp_path / "0123456789ab.nianbao")
    (tmp_path / "0123456789ab.journal").write_text(journal.entry("cell", "t3.r1.np", 4) + "\n", encoding="utf-8")
    (tmp_path / "0123456789ab.json").write_text(json.dumps({"original": "/旧.nianbao", "saved_at": 1.0}),
                                                encoding="utf-8")
    (found,) = recovery.leftovers(tmp_path)
    assert found.original == "/旧.nianbao" and found.load().cells["t3.r1.np"] == 4
    found.discard()
    assert not list(tmp_path.iterdir())


def test_a_live_window_s_slot_is_not_offered(qapp, tmp_path):
    slot = recovery.RecoverySlot(tmp_path)
    slot.write(_report("甲局"), None)
    assert recovery.leftovers(tmp_path) == []
    slot.close()
    assert not list(tmp_path.iterdir())


def test_a_disk_that_never_answers_does_not_keep_the_window_from_closing(qapp, tmp_path, monkeypatch):
    """A network drive that hangs: closing waits CLOSE_WAIT seconds for the worker, then goes (its thread is a
    daemon, so the program can exit); what it had not done stays as a leftover."""
    import time

    stuck = threading.Event()
    monkeypatch.setattr(recovery.os, "fsync", lambda fd: stuck.wait(30))
    monkeypatch.setattr(recovery, "CLOSE_WAIT", 0.5)
    slot = recovery.RecoverySlot(tmp_path)
    slot.write(_report("甲局"), None)
    began = time.monotonic()
    slot.close()
    assert time.monotonic() - began < 3
    assert recovery.leftovers(tmp_path)  # not removed: offered at the next start
    stuck.set()



def test_a_closed_slot_leaves_no_thread_behind(qapp, tmp_path):
    """Each window's slot has its own disk thread; closing ends it (a long session opens many windows)."""
    slots = [recovery.RecoverySlot(tmp_path) for _ in range(3)]
    for slot in slots:
        slot.write(_report("甲局"), None)
    assert all(slot._disk.thread.is_alive() for slot in slots)
    for slot in slots:
        slot.close()
    for slot in slots:
        slot._disk.thread.join(5)
        assert not slot._disk.thread.is_alive()
    assert not recovery.leftovers(tmp_path)
