"""Which table a grid is (build.classify): told by the words the form prints in that table only."""
from __future__ import annotations

from ingest.build import classify
from model import schema as S


def _printed_rows(tid: str, keep=lambda span: True) -> list[list[str]]:
    """The table's printed words laid out in its rows, as a Word or web table holds them."""
    rows: dict[int, list[str]] = {}
    for sp in S.TABLES[tid].spans:
        if sp.text and sp.role != "note" and keep(sp):
            rows.setdefault(sp.row, []).append(sp.text)
    return [rows[r] for r in sorted(rows)]


def test_each_table_of_the_form_is_told_apart():
    for tid in S.TABLES:
        assert classify(_printed_rows(tid)) == {tid}


def test_a_table_cut_by_a_page_break_is_told_by_either_part():
    """A ruled PDF table split over two pages: each part alone is still table 三."""
    rows = _printed_rows("t3")
    half = len(rows) // 2
    assert classify(rows[:half]) == {"t3"}
    assert classify(rows[half:]) == {"t3"}


def test_a_table_of_other_figures_is_none_of_them():
    assert classify([["项目", "数量"], ["主动公开文件", "120"], ["政府网站发布信息", "3400"]]) == set()
