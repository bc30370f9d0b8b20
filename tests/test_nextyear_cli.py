"""Next year from last year, and the command line."""
import json
import random
import subprocess
import sys

import main
from model import schema as S
from model.fileformat import load, save
from model.nextyear import new_from_prior
from tests.conftest import ROOT, sample_files
from tests.factories import consistent_report


def _last(tmp_path):
    last = consistent_report(random.Random(11))
    last.meta.year = 2024
    last.sections = {"s1": "总体情况", "s5": "问题和改进", "s6": "未收取信息处理费"}
    last.explanations = {"X.IN_FORCE": "旧说明"}
    path = tmp_path / "2024.nianbao"
    save(last, path)
    return last, path


def test_new_from_prior_carries_forward(tmp_path):
    last, _ = _last(tmp_path)
    new = new_from_prior(last)
    assert new.meta.year == 2025 and new.meta.organ == last.meta.organ
    assert all(new.sections[s] == last.sections.get(s, "") for s in S.TEXT_SECTIONS)
    assert {k: v for k, v in new.cells.items()} == {S.t3("r2", c): last.cells[S.t3("r4", c)] for c in S.T3_COL_IDS}
    assert new.prior.cells == last.cells and new.prior.year == 2024 and new.explanations == {}
    from model.engine import check
    assert not [f for f in check(new) if f.rule == "X.CARRY"]


def test_cli_new_and_check_with_prior(tmp_path, capsys):
    last, path = _last(tmp_path)
    out = tmp_path / "2025.nianbao"
    assert main.main(["new", "--from-prior", str(path), "-o", str(out)]) == 0
    new = load(out)
    assert new.meta.year == 2025 and new.prior is not None
    capsys.readouterr()
    # break the carry-over and see the cross-year rule through --prior and through the snapshot
    new.cells["t3.r2.np"] = last.cells["t3.r4.np"] + 2
    new.prior = None
    save(new, out)
    main.main(["check", str(out), "--json"])
    assert not any(f["rule"] == "X.CARRY" for f in json.loads(capsys.readouterr().out)[0]["findings"])
    assert main.main(["check", str(out), "--prior", str(path), "--json"]) == 1
    found = [f for f in json.loads(capsys.readouterr().out)[0]["findings"] if f["rule"] == "X.CARRY"]
    assert len(found) == 1 and found[0]["cells"] == ["t3.r2.np"] and found[0]["severity"] == "error"


def test_check_exit_codes_and_text(tmp_path, capsys):
    good = consistent_report(random.Random(12))
    good.sections = {"s1": "", "s5": "", "s6": "本年度未收取信息处理费。"}
    bad = consistent_report(random.Random(13))
    bad.sections = dict(good.sections)
    bad.cells["t3.r1.tot"] += 1
    g, b = tmp_path / "good.nianbao", tmp_path / "bad.nianbao"
    save(good, g)
    save(bad, b)
    code = main.main(["check", str(g)])
    text = capsys.readouterr().out
    errors = "错误 0 项" in text
    assert code == (0 if errors else 1)
    assert main.main(["check", str(g), str(b)]) == 1
    text = capsys.readouterr().out
    assert "【错误】" in text and "T3.ROW_TOTAL" in text and "good.nianbao" in text
    assert main.main(["check", str(g), str(tmp_path / "missing.nianbao"), "--json"]) == 2
    result = json.loads(capsys.readouterr().out)
    assert "error" in result[1] and "values" in result[0]


def test_entry_point_runs_as_a_process(tmp_path):
    _, path = _last(tmp_path)
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(path), "--json"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode in (0, 1), proc.stderr
    assert json.loads(proc.stdout)[0]["year"] == 2024


def test_window_without_display_is_one_line(tmp_path):
    import os
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True, text=True, env=env,
                          timeout=60)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "check" in proc.stderr


def test_cli_import_then_check(tmp_path, capsys):
    from tests.conftest import SEEDS

    seed = sample_files(SEEDS, "004_*.txt")[0]
    out = tmp_path / "imported.nianbao"
    assert main.main(["import", str(seed), "-o", str(out)]) == 0
    report = load(out)
    assert report.meta.organ and report.cells["t3.r1.tot"] == 82
    capsys.readouterr()
    assert main.main(["check", str(out), "--json"]) == 1  # the sample really has errors (S.STATUTE)
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)[0]["findings"]}
    assert "S.STATUTE" in rules
    assert main.main(["import", str(tmp_path / "none.pdf"), "-o", str(out)]) == 2


def test_cli_export_refuses_errors_without_force(tmp_path, capsys):
    bad = consistent_report(random.Random(21))
    bad.sections = {"s1": "", "s5": "", "s6": "本年度未收取信息处理费。"}
    bad.cells["t4.review.tot"] += 3
    src = tmp_path / "bad.nianbao"
    save(bad, src)
    xlsx, pdf = tmp_path / "out.xlsx", tmp_path / "out.pdf"
    assert main.main(["export", str(src), "--xlsx", str(xlsx), "--pdf", str(pdf)]) == 1
    assert not xlsx.exists() and not pdf.exists()
    assert "--force" in capsys.readouterr().err
    assert main.main(["export", str(src), "--xlsx", str(xlsx), "--pdf", str(pdf), "--force"]) == 0
    assert xlsx.stat().st_size > 0 and pdf.read_bytes().startswith(b"%PDF")
    from ingest import read_report
    assert read_report(xlsx).report.cells == bad.cells
    assert main.main(["export", str(src)]) == 2  # no output named


def test_check_of_a_file_that_is_not_a_report(tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text("购物清单：苹果 3 个，梨 2 个。\n", encoding="utf-8")
    assert main.main(["check", str(path)]) == 2
    out = capsys.readouterr().out
    assert "没有找到年度报告的内容" in out and out.count("notes.txt") == 1
