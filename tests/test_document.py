"""Editing, undo and redo without a window (as Anki tests its undo)."""
import random

from model import schema as S
from model.document import Document
from model.report import Report
from model.totals import TOTAL_CELLS, computed_totals, total_changes
from tests.factories import consistent_report


def test_paste_is_one_undo_step_and_findings_follow():
    doc = Document(Report())
    seen = []
    doc.listeners.append(seen.append)
    change = doc.set_cells({"t3.r1.np": 5, "t3.r1.biz": 2, "t3.r1.tot": 9}, "粘贴")
    assert change.cells == {"t3.r1.np", "t3.r1.biz", "t3.r1.tot"}
    assert "t3.r1.tot" in change.findings_changed and seen == [change]
    assert doc.checker.cell_severity("t3.r1.tot") == "error"
    assert doc.modified and doc.undo_label() == "粘贴"
    doc.undo()
    assert doc.report.cells.get("t3.r1.np") is None and not doc.modified
    assert doc.checker.cell_severity("t3.r1.tot") == "info"  # blank again
    doc.redo()
    assert doc.report.cells["t3.r1.tot"] == 9 and doc.checker.cell_severity("t3.r1.tot") == "error"


def test_no_op_edit_makes_no_step():
    doc = Document(Report(cells={"t3.r1.np": 1}))
    doc.set_cells({"t3.r1.np": 1})
    assert not doc.can_undo()


def test_text_typing_merges_into_one_step_until_saved():
    doc = Document(Report())
    for i in range(1, 6):
        doc.apply([(("section", "s1"), "字" * i)], "修改正文", merge_key="section.s1")  # as the text page does
    assert doc.report.sections["s1"] == "字" * 5
    doc.undo()
    assert doc.report.sections["s1"] == "" and not doc.can_undo()
    doc.redo()
    doc.mark_saved()
    doc.apply([(("section", "s1"), "字" * 6)], "修改正文", merge_key="section.s1")  # after saving: a new step
    doc.undo()
    assert doc.report.sections["s1"] == "字" * 5 and not doc.modified


def test_new_edit_clears_redo():
    doc = Document(Report())
    doc.set_cells({"t4.review.upheld": 1})
    doc.undo()
    doc.set_cells({"t4.review.other": 2})
    assert not doc.can_redo()


def test_explanation_marks_warning_explained_and_undoes():
    from model.report import Prior

    r = consistent_report(random.Random(2))
    r.prior = Prior(cells={"t2.normative.in_force": r.cells["t2.normative.in_force"] + 50})
    doc = Document(r)
    f = next(f for f in doc.checker.findings() if f.rule == "X.IN_FORCE")
    change = doc.set_explanation(f.key, "开展文件清理")
    assert "t2.normative.in_force" in change.findings_changed
    assert doc.checker.cell_severity("t2.normative.in_force") == "explained"
    doc.undo()
    assert doc.checker.cell_severity("t2.normative.in_force") == "warning"


def test_meta_level_change_rechecks_rules_level():
    r = consistent_report(random.Random(4), level="prefecture")
    r.cells["t2.rules.issued"] = 2
    doc = Document(r)
    assert not any(f.rule == "T2.RULES_LEVEL" for f in doc.checker.findings())
    doc.set_meta("level", "county")
    assert any(f.rule == "T2.RULES_LEVEL" for f in doc.checker.findings())
    doc.undo()
    assert not any(f.rule == "T2.RULES_LEVEL" for f in doc.checker.findings())


def test_prior_change_rechecks_cross_year():
    from model.report import Prior

    r = consistent_report(random.Random(5))
    doc = Document(r)
    prior = Prior(year=2024, cells={S.t3("r4", c): r.cells[S.t3("r2", c)] + 1 for c in S.T3_COL_IDS})
    doc.apply([(("prior", ""), prior)], "设置上年报告")
    assert sum(f.rule == "X.CARRY" for f in doc.checker.findings()) == 7
    doc.undo()
    assert not any(f.rule == "X.CARRY" for f in doc.checker.findings())


def test_computed_totals_fix_every_total():
    r = consistent_report(random.Random(6))
    for cid in TOTAL_CELLS:
        r.cells[cid] = 0
    doc = Document(r)
    assert doc.checker.has_errors()
    changes = total_changes(doc.report)
    assert set(changes) <= TOTAL_CELLS and changes
    doc.set_cells(changes, "计算合计")
    assert not doc.checker.has_errors()
    assert total_changes(doc.report) == {}
    doc.undo()
    assert doc.checker.has_errors()


def test_totals_leave_blank_tables_and_na_alone():
    r = Report(cells={"t3.r1.np": 3, "t3.r1.tot": "/"})
    changes = total_changes(r)
    assert "t3.r1.tot" not in changes
    assert "t4.review.tot" not in changes  # nothing filled in t4
    assert computed_totals(r)["t3.r1.tot"] == 3


def test_mark_modified_stays_until_saved():
    doc = Document(Report())
    doc.mark_modified()
    assert doc.modified
    doc.set_cells({"t3.r1.np": 1})
    doc.undo()
    assert doc.modified  # no undo reaches a saved state
    doc.mark_saved()
    assert not doc.modified
