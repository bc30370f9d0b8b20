"""`python main.py draft`: on every sample report the printed paragraphs agree with its tables;
--write puts them into the file's sections, refreshing in place on the next run."""
import random

import pytest

import main
from gui.app import SAMPLE
from model import schema as S
from model.engine import check
from model.fileformat import load, save
from tests.conftest import REAL_PDF, SEEDS, sample_files
from tests.factories import consistent_report

SAMPLES = [SAMPLE] + sample_files(SEEDS, "*.txt") + sample_files(REAL_PDF, "*.pdf")
HEADING = {f"【{S.SECTION_BY_ID[s].heading}】": s for s in ("s1", "s6")}


def printed_sections(out: str) -> dict[str, str]:
    sections, current = {}, None
    for line in out.splitlines():
        if line in HEADING:
            current = HEADING[line]
            sections[current] = ""
        elif current and line.strip():
            sections[current] += ("\n" if sections[current] else "") + line
    return sections


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_draft_prints_paragraphs_that_agree_with_the_tables(path, capsys):
    assert main.main(["draft", str(path)]) == 0
    printed = printed_sections(capsys.readouterr().out)
    report = main.read_report(str(path))
    received = report.cells.get(S.t3("r1", "tot"))
    assert f"收到政府信息公开申请{received}件" in printed["s1"] if received else "未收到" in printed["s1"]
    report.sections.update({"s1": printed["s1"], "s6": printed.get("s6", "全年未收取信息处理费。")})
    wrong = [f.message for f in check(report) if f.rule.startswith("N.")]
    assert wrong == []


def test_draft_write_keeps_the_text_and_refreshes_in_place(tmp_path, capsys):
    report = consistent_report(random.Random(21))
    report.sections.update({"s1": "（一）主动公开\n本机关……", "s5": "存在问题……下一步将加强。", "s6": "无其他事项。"})
    path = tmp_path / "r.nianbao"
    save(report, path)
    assert main.main(["draft", str(path), "--write"]) == 0
    first = load(path)
    assert first.sections["s1"].startswith("（一）主动公开\n本机关……\n全年共收到")
    assert first.sections["s6"].startswith("无其他事项。\n") and first.sections["s5"] == report.sections["s5"]
    assert set(first.generated) == {"s1", "s6"}
    first.cells[S.t3("r1", "np")] += 1
    first.cells[S.t3("r1", "tot")] += 1
    save(first, path)
    capsys.readouterr()
    assert main.main(["draft", str(path), "--section", "s1"]) == 0
    assert "已过期" in capsys.readouterr().err
    assert main.main(["draft", str(path), "--section", "s1", "--write"]) == 0
    second = load(path)
    assert second.sections["s1"].count("全年共收到") == 1
    assert f"全年共收到政府信息公开申请{second.cells[S.t3('r1', 'tot')]}件" in second.sections["s1"]
    assert second.sections["s6"] == first.sections["s6"]


def test_draft_refuses_to_write_into_a_published_file(tmp_path, capsys):
    src = SEEDS / sample_files(SEEDS, "*.txt")[0].name
    assert main.main(["draft", str(src), "--write"]) == 2
    assert src.name in capsys.readouterr().err


def test_draft_on_a_missing_file_is_one_line(tmp_path, capsys):
    assert main.main(["draft", str(tmp_path / "none.nianbao")]) == 2
    err = capsys.readouterr().err.strip()
    assert "none.nianbao" in err and len(err.splitlines()) == 1


def test_output_into_a_pipe_that_closed_ends_without_a_traceback(monkeypatch, tmp_path):
    """「nianbao check … | head -1」: the reader stops, the next write fails with a broken pipe; the command ends
    with exit code 1 and says nothing more (main._silence_stdout), as command-line tools do."""
    import os
    import sys

    def closed(text: str) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(main, "_out", closed)
    with open(os.devnull, "w") as devnull:
        monkeypatch.setattr(sys, "stdout", devnull)
        assert main.main(["check", str(SAMPLE)]) == 1
