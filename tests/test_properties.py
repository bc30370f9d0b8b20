"""Property tests: consistent reports are clean; one wrong cell breaks exactly its identities;
the incremental check always agrees with a full check."""
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import schema as S
from model.document import Document
from model.engine import Checker, check
from tests.factories import consistent_report

T34_CELLS = tuple(c for c in S.TABLE_CELL_IDS if not c.startswith("t2."))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def errors(report):
    return [f for f in check(report) if f.severity == "error"]


def expected_keys(cell: str) -> set[str]:
    """The error checks a change of this one cell must break."""
    table, row, col = cell.split(".")
    if table == "t4":
        return {f"T4.SUM:{row}"}
    keys = {f"T3.ROW_TOTAL:{row}"}
    if row in S.T3_LEAF_ROWS:
        keys.add(f"T3.LEAF_SUM:{col}")
    if row == "r3_7":
        keys |= {f"T3.LEAF_SUM:{col}", f"T3.BALANCE:{col}"}
    if row in ("r1", "r2", "r4"):
        keys.add(f"T3.BALANCE:{col}")
    return keys


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1), level=st.sampled_from(sorted(S.LEVELS)))
def test_consistent_report_has_no_errors(seed, level):
    assert errors(consistent_report(random.Random(seed), level)) == []


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1), cell=st.sampled_from(T34_CELLS), k=st.integers(1, 50),
       down=st.booleans())
def test_one_changed_cell_breaks_exactly_its_rules(seed, cell, k, down):
    report = consistent_report(random.Random(seed))
    old = report.cells[cell]
    new = old - k if down and old >= k else old + k
    report.cells[cell] = new
    found = errors(report)
    assert {f.key for f in found} == expected_keys(cell)
    for f in found:
        assert cell in f.cells
        assert f.difference not in (None, 0)
        assert abs(f.difference) == k


EDIT = st.tuples(st.sampled_from(S.CELL_IDS), st.one_of(st.none(), st.integers(-2, 40), st.just("/")))


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1), edits=st.lists(st.lists(EDIT, min_size=1, max_size=4), max_size=25),
       undo=st.integers(0, 5))
def test_incremental_check_equals_full_check(seed, edits, undo):
    from decimal import Decimal

    doc = Document(consistent_report(random.Random(seed)))
    for batch in edits:
        values = {}
        for cid, v in batch:
            if isinstance(v, int) and S.CELLS[cid].kind == S.DECIMAL:
                v = Decimal(v)
            values[cid] = v
        doc.set_cells(values)
    for _ in range(undo):
        doc.undo()
    full = Checker(doc.report)
    assert [(f.key, f.message) for f in doc.checker.findings()] == [(f.key, f.message) for f in full.findings()]
    for cid in S.CELL_IDS:
        assert doc.checker.cell_severity(cid) == full.cell_severity(cid)
