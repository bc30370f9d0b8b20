"""The supervisor's batch: a mixed folder gives one entry per file, the roll-up is the cell-wise sum of the
reports read (decimals exact), --prior pairs organs across years, and the exit codes."""
from __future__ import annotations

import io
import json
import random
import shutil
from contextlib import redirect_stdout
from decimal import Decimal
from pathlib import Path

import pytest

import ingest
import main
from export import export_report
from model import schema as S
from model.fileformat import save
from model.values import NA, number
from tests.conftest import REAL_PDF, SEEDS
from tests.factories import consistent_report
from tests.test_ingest_formats import sample_report, write_docx


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main.main(argv)
    return code, out.getvalue()


def native(folder: Path, name: str, seed: int, organ: str, year: int = 2025, **cells) -> Path:
    rep = consistent_report(random.Random(seed))
    rep.meta.organ, rep.meta.year = organ, year
    rep.cells.update(cells)
    path = folder / name
    save(rep, path)
    return path


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """Our file, text, Word, Excel (our export), a real PDF, a broken file; a sub-folder; files to skip."""
    d = tmp_path_factory.mktemp("batch")
    sub = d / "乡镇"
    sub.mkdir()
    native(d, "a.nianbao", 1, "甲局", **{"t2.fees.amount": Decimal("0.000001")})
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], d / "b.txt")
    write_docx(sample_report(3), sub / "c.docx")
    xl = consistent_report(random.Random(4))
    xl.meta.organ = "丁局"
    xl.cells["t2.fees.amount"] = Decimal("12345678.123457")
    export_report(xl, "xlsx", sub / "d.xlsx", force=True)
    shutil.copy(REAL_PDF / "hongze_2023.pdf", sub / "e.pdf")
    (d / "f.docx").write_bytes(b"PK\x03\x04 not really a Word file")
    (d / "~$c.docx").write_bytes(b"lock")  # Office's lock file: skipped
    (d / "notes.png").write_bytes(b"\x89PNG")  # not a report kind: skipped
    return d


@pytest.fixture(scope="module")
def result(mixed, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "汇总.xlsx"
    code, text = run(["batch", str(mixed), "-o", str(out), "--json", "--jobs", "2"])
    return code, json.loads(text), out


@pytest.mark.slow  # a real PDF and worker processes
def test_one_entry_per_file_and_the_broken_one_says_why(result):
    code, data, _ = result
    names = [Path(r["file"]).name for r in data["reports"]]
    assert names == ["a.nianbao", "b.txt", "f.docx", "c.docx", "d.xlsx", "e.pdf"]
    broken = data["reports"][2]
    assert set(broken) == {"file", "error"} and "f.docx" in broken["error"]
    assert all("findings" in r for r in data["reports"] if r is not broken)
    assert code == 1  # the real PDF has errors (and one file could not be read)


@pytest.mark.slow  # a real PDF and worker processes
def test_each_report_is_as_check_json_gives_it(result, mixed):
    _, data, _ = result
    code, text = run(["check", str(mixed / "a.nianbao"), "--json"])
    assert data["reports"][0] == json.loads(text)[0]


def _read_cells(folder: Path) -> list[dict]:
    out = []
    for p in sorted(folder.rglob("*")):
        try:
            out.append(ingest.read_report(p).report.cells)
        except ingest.IngestError:
            pass
    return out


@pytest.mark.slow  # a real PDF and worker processes
def test_rollup_is_the_cellwise_sum_of_the_reports_read(result, mixed):
    _, data, _ = result
    reports = _read_cells(mixed)
    assert data["rollup"]["count"] == len(reports) == 5
    cells = data["rollup"]["cells"]
    assert set(cells) == set(S.CELL_IDS)
    for cid in S.CELL_IDS:
        if cid.startswith(("t3.", "t4.")):
            assert cells[cid] == sum(number(r.get(cid)) for r in reports), cid
    # decimals summed exactly, as strings
    amounts = [r["t2.fees.amount"] for r in reports if r.get("t2.fees.amount") not in (None, NA)]
    assert Decimal(cells["t2.fees.amount"]) == sum(amounts)
    # 0.000001 + ….123457 + amounts in cents: the last digits survive (no float rounding)
    assert cells["t2.fees.amount"].endswith("3458")


@pytest.mark.slow  # a real PDF and worker processes
def test_workbook_sheets_overview_findings_rollup(result):
    from openpyxl import load_workbook

    _, data, path = result
    wb = load_workbook(path)
    assert wb.sheetnames == ["总览", "问题清单", "汇总"]
    ov = wb["总览"]
    heads = [c.value for c in ov[1]]
    assert heads[:8] == ["文件", "机关", "年度", "层级", "格式", "错误", "警告", "已说明"]
    assert {"新收", "上年结转", "办结（七）总计", "结转下年度", "行政复议", "行政诉讼", "导入待核"} <= set(heads)
    assert ov.auto_filter.ref and ov.freeze_panes == "C2"
    assert ov.conditional_formatting  # errors coloured
    rows = list(ov.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 6
    assert rows[0][heads.index("无法读取的原因")]  # worst first: the unreadable file, then the most errors
    errs = [r[heads.index("错误")] for r in rows[1:]]
    assert errs == sorted(errs, reverse=True) and errs[0] > 0
    found = list(wb["问题清单"].iter_rows(min_row=2, values_only=True))
    assert any(r[2] == "T3.BALANCE" or r[2].startswith("T") for r in found)
    roll = wb["汇总"]
    texts = [c for row in roll.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert S.TABLES["t3"].spans[0].text in texts  # the official layout of 表三
    assert any("汇总报告数：5 份" in t for t in texts) and any("f.docx" in t for t in texts)
    total = data["rollup"]["cells"]["t3.r1.tot"]
    assert total in [c for row in roll.iter_rows(values_only=True) for c in row]
    amount = Decimal(data["rollup"]["cells"]["t2.fees.amount"])
    assert any(isinstance(c, float) and Decimal(repr(c)) == amount for row in roll.iter_rows(values_only=True)
               for c in row)


def test_a_sum_too_long_for_an_excel_number_is_written_as_its_exact_text():
    from export.batch_xlsx import build_batch_workbook
    from model.report import Report
    from model.rollup import roll_up

    reports = [(f"{i}.nianbao", Report(cells={"t2.fees.amount": Decimal(v)}))
               for i, v in enumerate(("123456789012.123456", "0.000001"))]
    rollup = roll_up(reports)
    assert rollup.report.cells["t2.fees.amount"] == Decimal("123456789012.123457")
    roll = build_batch_workbook([], rollup)["汇总"]
    assert "123456789012.123457" in [c for row in roll.iter_rows(values_only=True) for c in row]


def test_prior_matches_organs_and_runs_cross_year_rules(tmp_path):
    now, last = tmp_path / "2025", tmp_path / "2024"
    now.mkdir(), last.mkdir()
    a = native(now, "a.nianbao", 1, "甲　局")
    native(now, "b.nianbao", 2, "乙局")
    from model.fileformat import load

    carried = {S.t3("r4", c): load(a).cells[S.t3("r2", c)] for c in S.T3_COL_IDS}
    native(last, "a-2024.nianbao", 5, "甲局", year=2024, **carried)  # 上年结转 agrees
    native(last, "b-2024.nianbao", 6, "乙局", year=2024)  # its 结转下年度 differs: X.CARRY
    out = tmp_path / "s.xlsx"
    code, text = run(["batch", str(now), "--prior", str(last), "--json", "-o", str(out)])
    reports = {Path(r["file"]).name: r for r in json.loads(text)["reports"]}
    assert not [f for f in reports["a.nianbao"]["findings"] if f["rule"] == "X.CARRY"]
    assert [f for f in reports["b.nianbao"]["findings"] if f["rule"] == "X.CARRY"]
    assert code == 1
    from openpyxl import load_workbook

    ov = load_workbook(out)["总览"]
    heads = [c.value for c in ov[1]]
    assert "上年报告" in heads and "同比·新收" in heads
    assert all(r[heads.index("上年报告")] for r in ov.iter_rows(min_row=2, values_only=True))


def test_exit_codes(tmp_path):
    native(tmp_path, "ok.nianbao", 1, "甲局")
    out = tmp_path / "s.xlsx"
    assert run(["batch", str(tmp_path), "-o", str(out)])[0] == 0
    native(tmp_path, "bad.nianbao", 2, "乙局", **{"t3.r1.tot": 99999})
    assert run(["batch", str(tmp_path), "-o", str(out)])[0] == 1
    assert main.main(["batch", str(tmp_path)]) == 2  # neither -o nor --json
    assert main.main(["batch", str(tmp_path / "missing"), "-o", str(out)]) == 2
    assert main.main(["batch", str(tmp_path), "-o", str(out), "--jobs", "0"]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main.main(["batch", str(empty), "-o", str(out)]) == 2
    with pytest.raises(SystemExit) as e:
        main.main(["batch", "-o", str(out)])
    assert e.value.code == 2


def test_jobs_readers_work_at_once_and_our_own_files_meanwhile(tmp_path, monkeypatch):
    """--jobs N: N of the slow files are being read at the same time (each by its sandboxed parser), while
    our own files are read; every file gives its entry."""
    import threading
    import time

    import ingest.batch as batch

    at_work, most, lock = 0, 0, threading.Lock()
    real = batch.read_one

    def slow_read(path, priors=None, cancelled=None):
        nonlocal at_work, most
        if path.endswith(".pdf"):
            with lock:
                at_work += 1
                most = max(most, at_work)
            time.sleep(0.2)
            with lock:
                at_work -= 1
            return batch.BatchEntry(path, error="读过")
        return real(path, priors, cancelled)

    monkeypatch.setattr(batch, "read_one", slow_read)
    files = [str(tmp_path / f"{i}.pdf") for i in range(6)]
    files.append(str(native(tmp_path, "own.nianbao", 1, "示范县某局")))
    entries = batch.run_batch(files, jobs=3)
    assert [e.file for e in entries] == files
    assert most == 3
    assert entries[-1].ok


def test_sandboxed_readers_started_from_threads_at_once(tmp_path):
    """The batch's threads start sandboxed children together: each reads its file, and the main module is
    left as it was (starting a child swaps its attributes for a moment)."""
    import sys
    from concurrent.futures import ThreadPoolExecutor

    pdf = sorted(REAL_PDF.glob("*.pdf"))[0]
    before = dict(vars(sys.modules["__main__"]))
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: ingest.read_report(pdf), range(4)))
    assert all(r.report.cells == results[0].report.cells for r in results)
    after = vars(sys.modules["__main__"])
    assert {k: after.get(k) for k in ("__file__", "__spec__")} == {k: before.get(k) for k in ("__file__", "__spec__")}


def test_a_cancelled_batch_ends_the_parsers_at_work(monkeypatch):
    """取消 in the batch window: the files being read have their parser children ended at once, they are
    not left to run to their time limit."""
    import threading
    import time

    import ingest.batch as batch

    seen = []

    def read_report(path, cancelled=None):
        seen.append(cancelled)
        while not cancelled():
            time.sleep(0.01)
        raise ingest.IngestError(f"{path}：已取消读取")

    monkeypatch.setattr(batch, "read_report", read_report)
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    began = time.monotonic()
    entries = batch.run_batch(["a.pdf", "b.pdf", "c.pdf"], jobs=2, cancelled=stop.is_set)
    assert time.monotonic() - began < 3
    assert len(seen) >= 2 and all(c == stop.is_set for c in seen)
    assert all(not e.ok for e in entries)


@pytest.fixture
def many_natives(tmp_path, monkeypatch):
    """Our own files, enough of them for worker processes (the threshold lowered), one of them broken."""
    import ingest.batch as batch

    monkeypatch.setattr(batch, "WORKERS_FROM", 5)
    files = [str(native(tmp_path, f"{i:02d}.nianbao", i, f"第{i}局", **({"t3.r1.tot": 999} if i % 3 else {})))
             for i in range(12)]
    (tmp_path / "坏.nianbao").write_text("{不是 JSON", encoding="utf-8")
    return files + [str(tmp_path / "坏.nianbao")]


def _same_entries(a, b) -> None:
    assert [e.file for e in a] == [e.file for e in b]
    for x, y in zip(a, b):
        assert (x.error, x.kind, x.notes) == (y.error, y.kind, y.notes)
        assert x.findings == y.findings
        assert (x.report.cells if x.report else None) == (y.report.cells if y.report else None)


@pytest.mark.slow  # worker processes
def test_our_own_files_checked_by_worker_processes_give_what_one_process_gives(many_natives):
    import ingest.batch as batch

    here = batch.run_batch(many_natives, jobs=1)
    assert sum(1 for e in here if not e.ok) == 1 and any(e.findings for e in here)
    _same_entries(batch.run_batch(many_natives, jobs=3), here)


@pytest.mark.slow  # worker processes
def test_worker_processes_need_no_shared_memory(many_natives, monkeypatch):
    """A locked-down /dev/shm (a chroot, a hardened PC) refuses multiprocessing's locks and shared values: the
    shares go out through the pipes instead, and the batch gives what one process gives."""
    import multiprocessing.synchronize

    import ingest.batch as batch

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/dev/shm/pym-1")

    here = batch.run_batch(many_natives, jobs=1)
    monkeypatch.setattr(multiprocessing.synchronize.SemLock, "__init__", refused)
    _same_entries(batch.run_batch(many_natives, jobs=3), here)


def test_a_worker_that_cannot_start_leaves_its_files_to_this_process(many_natives, monkeypatch):
    import ingest.batch as batch
    from ingest import sandbox

    def no_process(*args, **kwargs):
        raise OSError("资源不足")

    monkeypatch.setattr(sandbox, "start_child", no_process)
    _same_entries(batch.run_batch(many_natives, jobs=2), batch.run_batch(many_natives, jobs=1))


@pytest.mark.slow  # worker processes
def test_a_cancelled_batch_ends_its_worker_processes(tmp_path, monkeypatch):
    """取消: the workers are ended at once, not left to finish their shares (seconds of work here)."""
    import multiprocessing
    import time

    import ingest.batch as batch
    from tests.narratives import narrative

    monkeypatch.setattr(batch, "WORKERS_FROM", 5)
    monkeypatch.setattr(batch, "SEND_EVERY", 1)
    rep = consistent_report(random.Random(7))
    rep.sections = narrative(random.Random(7), rep, 10000)
    files = []
    for i in range(400):  # each with a text of its own: nothing cached for one helps the next
        rep.sections["s5"] += f"第{i}份。"
        files.append(tmp_path / f"{i:03d}.nianbao")
        save(rep, files[-1])
    got: list = []
    stop_at = [0.0]

    def cancelled() -> bool:
        if len(got) >= 2 and not stop_at[0]:
            stop_at[0] = time.monotonic()
        return len(got) >= 2

    for e in batch.iter_batch([str(f) for f in files], jobs=2, cancelled=cancelled):
        got.append(e)
    assert time.monotonic() - stop_at[0] < 1  # the workers had seconds of reading left
    assert 2 <= len(got) < 100
    assert not multiprocessing.active_children()


def test_findings_sheet_names_the_cells_as_the_form_does():
    """A supervisor reads 「表三 （七）总计 · 总计」, not ids; a long list is cut with how many there are."""
    from export.batch_xlsx import finding_rows
    from model.batch import BatchEntry
    from model.engine import check
    from model.report import Report
    from tests.factories import consistent_report

    r = consistent_report(random.Random(3))
    r.cells["t3.r3_7.tot"] += 1  # the total no longer adds up
    del r.cells["t3.r1.np"]  # and one blank
    r.sections["s5"] = "工作存在不足。"  # the problems without what is done about them
    rows = finding_rows(BatchEntry("a.nianbao", r, check(r)))
    named = {row[2]: row[4] for row in rows}
    assert "表三 （七）总计 · 总计" in named["T3.LEAF_SUM"]
    assert "t3." not in named["T3.LEAF_SUM"] and "t3." not in named["VALUE.BLANK"]
    assert named["S.S5_PARTS"] == "第五部分"  # a finding about the text: the part it quotes
    assert named["VALUE.BLANK"].startswith("表三 一、本年新收")
    many = finding_rows(BatchEntry("b.nianbao", Report(), check(Report())))
    assert any(row[2] == "VALUE.BLANK" and row[4].endswith("格") and "等另" in row[4] for row in many)
