"""The real samples import with every published figure, organ, year and section text."""
from __future__ import annotations

import json

import pytest

from ingest import read_report, read_text
from model.values import from_json
from tests.conftest import EXPECTED, REAL_PDF, SEEDS, sample_files

SOURCES = ([(p, p.stem) for p in sample_files(SEEDS, "*.txt")]
           + [(p, p.name.split(".")[0]) for p in sample_files(REAL_PDF, "*.layout.txt")]
           + [(p, p.stem) for p in sample_files(REAL_PDF, "*.pdf")])

# how each section starts and ends in the published text (checks the split and the line joining)
SECTION_ENDS = {
    "000_ba7d915bfe7ecc6a": {"s1": ("根据《中华人民共和国政府信息公开条例》制度安排", "契合发展需求与民众期待。"),
                             "s5": ("对比 2023 年，我局 2024 年信息公开工作水平虽有提升", "为我区中心工作增添更多助力与支持。"),
                             "s6": ("解放区行政审批和政务信息管理局于 2024 年未收取信息处理费。",) * 2},
    "001_6cf30a50689e7158": {"s1": ("(一) 主动公开：一是建立政务服务事项", "未收到相关问题责任追究的文件。"),
                             "s5": ("(一) 存在问题。", "提高工作人员的业务水平和应对能力。"),
                             "s6": ("按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》", "本年度没有产生政府信息公开处理费。")},
    "002_75fd27514a3859df": {"s1": ("1、强化组织领导。", "依法公开政府信息。"),
                             "s5": ("存在问题：各科室工作人员", "切实提高整体综合素质和业务能力。"),
                             "s6": ("根据《政府信息公开信息处理费管理办法》", "实际收取的总金额为0元。")},
    "003_d6f16a16bd5a7904": {"s1": ("2024年，区科工局认真贯彻落实党中央", "促进年度工作任务落地落实。"),
                             "s5": ("2024年度我局政府信息公开工作认识到位", "为深化政府信息公开提供了坚强有力的组织保证。"),
                             "s6": ("无", "无")},
    "004_347962d3f4c14e8b": {"s1": ("2024年，卧龙区人民政府办公室以习近平新时代", "2024年，全年未发生政府信息公开责任追究情况。"),
                             "s5": ("（一）存在问题\n一是公开的形式不够多元", "不断扩大政策宣传的普及度和便民性。"),
                             "s6": ("2024年,卧龙区人民政府办公室依据", "未收取任何政府信息公开处理费用。")},
    "hongze_2023": {"s1": ("2023 年，洪泽区人民政府坚持以习近平新时代", "建立政府网站日常监测机制。"),
                    "s5": ("2023 年，洪泽区政府信息公开工作取得一定的成效", "不断提高各单位政府信息公开工作人员的思想认识和业务工作水平。"),
                    "s6": ("2023 年，区政府严格落实《政府信息公开信息处理费管理办法》", "全年收取政府信息公开信息处理费 0 元。")},
    "huaian_city_2024": {"s1": ("2024 年，我市坚持以习近平新时代", "不断提高全市政务公开工作人员的工作能力和水平。"),
                         "s5": ("对照上级新要求和公众新期待", "增强队伍凝聚力。"),
                         "s6": ("2024 年，市政府严格落实《政府信息公开信息处理费管理办法》", "全年收取政府信息公开信息处理费 3940 元。")},
}


def _expected(stem: str) -> dict:
    return json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))


def _ambiguous_cells(exp: dict) -> set[str]:
    """Cells the sample lists as ambiguous (「t3.r3_6_1.*」 patterns) are left out of the comparison."""
    out = set()
    for text in exp.get("ambiguous", []):
        for token in text.replace(",", " ").split():
            if token.endswith(".*") and token.count(".") == 2:
                prefix = token[:-1]
                out.update(c for c in exp["cells"] if c.startswith(prefix))
                out.update(f"{prefix}{c}" for c in ("np", "biz", "res", "npo", "law", "oth", "tot"))
    return out


@pytest.mark.parametrize("path,stem", SOURCES, ids=[p.name for p, _ in SOURCES])
def test_sample_imports_exactly(path, stem):
    exp = _expected(stem)
    result = read_report(path)
    rep = result.report
    skip = _ambiguous_cells(exp)
    want = {k: from_json(k, v) for k, v in exp["cells"].items() if k not in skip}
    got = {k: v for k, v in rep.cells.items() if k not in skip}
    assert {k: got.get(k) for k in want if got.get(k) != want[k]} == {}
    assert set(got) - set(want) == set(), "figures the report does not give must stay blank"
    assert rep.meta.organ == exp["organ"]
    assert rep.meta.year == exp["year"]
    assert rep.meta.level == exp["level"]
    assert not [p for p in result.problems if p.kind in ("unreadable", "ambiguous")], result.summary()


@pytest.mark.parametrize("path,stem", SOURCES, ids=[p.name for p, _ in SOURCES])
def test_sample_sections(path, stem):
    rep = read_report(path).report
    for sid, (start, end) in SECTION_ENDS[stem].items():
        text = rep.sections[sid]
        assert text.startswith(start), (sid, text[:80])
        assert text.endswith(end), (sid, text[-80:])
        assert "-1-" not in text and "- 1 -" not in text
    # wrapped lines are joined: no paragraph of a page-wrapped sample ends mid-sentence on a full line
    assert set(rep.headings) == {"s1", "s2", "s3", "s4", "s5", "s6"}


def test_headings_kept_as_printed():
    rep = read_report(sample_files(SEEDS, "002_*.txt")[0]).report
    assert rep.headings["s2"] == "2、 主动公开政府信息情况"
    assert rep.headings["s3"] == "3、 收到和处理政府信息公开申请情况"
    assert rep.headings["s1"] == "一、总体情况"


def test_titles_joined_when_wrapped():
    rep = read_report(sample_files(SEEDS, "004_*.txt")[0]).report
    assert rep.meta.title == "卧龙区人民政府办公室2024年政府信息公开工作年度报告"
    rep = read_report(REAL_PDF / "hongze_2023.layout.txt").report
    assert rep.meta.title == "洪泽区人民政府2023年政府信息公开工作年度报告"


def test_paragraphs_survive_line_joining():
    rep = read_report(REAL_PDF / "hongze_2023.layout.txt").report
    paras = rep.sections["s1"].split("\n")
    assert paras[1].startswith("（一）主动公开情况。") and paras[1].endswith("主动公开政府信息 1136 条。")
    assert any(p == "（三）政府信息管理情况。" for p in paras)


def test_old_format_collapsed_row_and_label_slip():
    for path in (REAL_PDF / "hongze_2023.pdf", REAL_PDF / "hongze_2023.layout.txt"):
        result = read_report(path)
        rep = result.report
        rules = [n[0] for n in rep.import_notes]
        assert "S.OLD_FORMAT" in rules
        old = next(n for n in rep.import_notes if n[0] == "S.OLD_FORMAT")
        assert "t3.r3_6_1.np" in old[1]
        # the one row prints 0 everywhere: its three parts are 0, nothing left blank (issue 12 item 6)
        assert all(rep.cells.get(f"t3.r3_6_{k}.{c}") == 0 for k in (1, 2, 3) for c in ("np", "biz", "tot"))
        assert "均记为 0" in old[2] and "留空" not in old[2]
        labels = [n for n in rep.import_notes if n[0] == "S.LABELS"]
        assert any("2.其他法律行政止公开" in n[2] for n in labels)
        assert any(p.kind == "old_format" for p in result.problems)


def test_label_numbering_slip_is_noted():
    rep = read_report(REAL_PDF / "huaian_city_2024.pdf").report
    msgs = [m for r, c, m in rep.import_notes if r == "S.LABELS"]
    assert len(msgs) == 3 and all("、" in m for m in msgs)


def test_summary_is_chinese_and_names_problems():
    result = read_report(REAL_PDF / "hongze_2023.pdf")
    s = result.summary()
    assert "洪泽区人民政府" in s and "2023" in s and "（六）其他处理" in s
    assert len(s.splitlines()) >= 5


def test_read_text_same_as_file():
    path = sample_files(SEEDS, "004_*.txt")[0]
    a = read_text(path.read_text(encoding="utf-8"), "粘贴")
    b = read_report(path)
    assert a.report.cells == b.report.cells and a.report.sections == b.report.sections
