"""The form declaration against the contract (format.md): ids, labels verbatim, layouts."""
import re

import pytest

from model import schema as S
from tests.conftest import SPEC as SPEC_DIR

SPEC = (SPEC_DIR / "format.md").read_text(encoding="utf-8")


def test_cell_counts_match_format_md():
    by_table = {}
    for c in S.CELLS.values():
        by_table[c.table] = by_table.get(c.table, 0) + 1
    # format.md section 2 lists 10 ids for t2 (3 + 3 + 1 + 1 + 1 + 1)
    assert by_table == {"t2": 10, "t3": 175, "t4": 15, "fee": 3}


def test_every_cell_id_in_spec_is_declared():
    ids = set(re.findall(r"`((?:t2\.[a-z]+\.[a-z_]+)|(?:t4\.(?:review|direct|after)\.[a-z]+)|(?:fee\.[a-z]+))`", SPEC))
    assert len(ids) >= 15
    assert ids <= set(S.CELLS), ids - set(S.CELLS)


@pytest.mark.parametrize("table", list(S.TABLES))
def test_layout_covers_grid_exactly_once(table):
    t = S.TABLES[table]
    seen = set()
    for sp in t.spans:
        for r in range(sp.row, sp.row + sp.rowspan):
            for c in range(sp.col, sp.col + sp.colspan):
                assert (r, c) not in seen
                seen.add((r, c))
    assert len(seen) == t.nrows * t.ncols
    assert [sp.cell for sp in t.spans if sp.cell] == list(t.cells)
    for cid in t.cells:
        assert t.span_at(*t.position_of(cid)).cell == cid


def test_t3_labels_are_verbatim_from_spec():
    rows = dict(re.findall(r"^\| (r\d[_\d]*) \| (.+?) \|$", SPEC, re.M))
    assert len(rows) == 25
    for row, label in rows.items():
        label = label.split(" — ")[-1]
        assert S.T3_ROW_LABEL[row] == label, row
    cols = dict(re.findall(r"^\| (np|biz|res|npo|law|oth|tot) \| (.+?) \|$", SPEC, re.M))
    assert cols == S.T3_COL_LABEL
    assert S.T3_NOTE in SPEC


def test_t3_group_spans_match_spec():
    t = S.TABLES["t3"]
    groups = {sp.text: sp.rowspan for sp in t.spans if sp.role == "group"}
    assert groups == {"三、本年度办理结果": 22, "（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5,
                      "（六）其他处理": 3}
    assert len(S.T3_LEAF_ROWS) == 21


def test_t2_and_t4_labels_present_in_spec():
    for block in S.T2_BLOCKS:
        assert block.heading in SPEC
        for _, label in block.rows:
            assert label in SPEC
        for label in block.col_labels:
            assert label in SPEC
    for _, label in S.T4_GROUPS + S.T4_COLS:
        assert label in SPEC
    for s in S.SECTIONS:
        assert s.heading in SPEC
