"""自动合计: totals follow their parts in the same undo step; off, the printed totals stay as they are."""
from hypothesis import given, settings
from hypothesis import strategies as st

from model import fileformat
from model.document import Document
from model.engine import check
from model.report import Report
from model.schema import T3_LEAF_ROWS, T3_PART_COLS, t3
from model.totals import total_changes
from tests.test_export_sample import sample_report


def test_an_edit_carries_its_totals_and_one_undo_takes_all_back():
    doc = Document(sample_report())
    doc.set_auto_totals(True)
    assert not total_changes(doc.report)
    before = dict(doc.report.cells)
    old = doc.report.cells[t3("r1", "np")]
    change = doc.set_cells({t3("r1", "np"): old + 1})
    assert doc.report.cells[t3("r1", "tot")] == before[t3("r1", "tot")] + 1
    assert t3("r1", "tot") in change.cells
    assert not total_changes(doc.report)
    doc.undo()
    assert doc.report.cells == before


def test_a_result_row_edit_updates_the_seventh_row_and_its_total():
    doc = Document(sample_report())
    doc.set_auto_totals(True)
    r37_np, r37_tot = doc.report.cells[t3("r3_7", "np")], doc.report.cells[t3("r3_7", "tot")]
    doc.set_cells({t3(T3_LEAF_ROWS[0], "np"): doc.report.cells[t3(T3_LEAF_ROWS[0], "np")] + 2})
    assert doc.report.cells[t3("r3_7", "np")] == r37_np + 2 and doc.report.cells[t3("r3_7", "tot")] == r37_tot + 2


def test_a_typed_total_gives_way_to_its_formula_while_on():
    doc = Document(sample_report())
    doc.set_auto_totals(True)
    steps = len(doc._undo)
    doc.set_cells({t3("r1", "tot"): 999})
    assert doc.report.cells[t3("r1", "tot")] != 999 and not total_changes(doc.report)
    assert len(doc._undo) == steps  # nothing changed, so no undo step either


def test_off_keeps_printed_totals_and_turning_on_fixes_them_in_one_step():
    report = sample_report()
    report.cells[t3("r1", "tot")] += 5  # a printed slip, as imported reports have
    doc = Document(report)
    doc.set_cells({t3("r1", "np"): report.cells[t3("r1", "np")] + 1})
    assert total_changes(doc.report)  # off: nothing computed
    wrong = dict(doc.report.cells)
    doc.set_auto_totals(True)
    assert doc.report.auto_totals and not total_changes(doc.report)
    doc.undo()
    assert not doc.report.auto_totals and doc.report.cells == wrong


def test_the_switch_is_saved_in_the_file(tmp_path):
    report = sample_report()
    report.auto_totals = True
    fileformat.save(report, tmp_path / "a.nianbao")
    assert fileformat.load(tmp_path / "a.nianbao").auto_totals
    report.auto_totals = False
    fileformat.save(report, tmp_path / "b.nianbao")
    assert '"auto_totals"' not in (tmp_path / "b.nianbao").read_text(encoding="utf-8")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(T3_LEAF_ROWS + ("r1", "r2")), st.sampled_from(T3_PART_COLS),
                          st.integers(0, 500)), min_size=1, max_size=12))
def test_with_auto_totals_no_total_rule_ever_fires(edits):
    doc = Document(Report())
    doc.set_auto_totals(True)
    for row, col, v in edits:
        doc.set_cells({t3(row, col): v})
    rules = {f.rule for f in check(doc.report)}
    assert not rules & {"T3.ROW_TOTAL", "T3.LEAF_SUM", "T4.SUM"}
