"""Ruled tables in the layouts real reports use (tests/pdf_layouts.py), drawn from consistent reports and read
back: never a wrong figure, and every cell exact where the layout says it plainly."""
from __future__ import annotations

import pytest

from tests.pdf_layouts import VARIATIONS, Score, run

SEEDS = range(3)


@pytest.mark.parametrize("name", sorted(VARIATIONS))
def test_never_a_wrong_figure(name, tmp_path):
    for seed in SEEDS:
        s = run(name, seed, tmp_path)
        assert s.wrong == 0, (name, seed, s.wrong_cells)
        assert s.unnamed == 0, (name, seed, str(s))


@pytest.mark.parametrize("name", ["plain", "landscape", "header2", "vertical_groups", "rotated_groups",
                                  "wrapped_labels", "break_repeat", "break_norepeat", "t2_combined",
                                  "t2_captions_above", "zeros_slash", "narrow", "narrowest", "turned_page"])
def test_read_exactly(name, tmp_path):
    """The running header 「…2025年…年度报告」 on every page is not a row's figure (it joined the row drawn
    last before it); figures in narrow columns, a point or two from the rule and the next cell's figure, are
    cut apart at the rule (they ran together as one word)."""
    for seed in SEEDS:
        s = run(name, seed, tmp_path)
        assert s.exact == s.exact + s.blank + s.empty + s.unnamed + s.wrong, (name, seed, str(s))


@pytest.mark.parametrize("name", ["zeros_empty", "zeros_mixed"])
def test_empty_cells_keep_the_columns(name, tmp_path):
    """Zeros left empty (or mixed with 「0」 and 「/」): each printed figure keeps its column, read from where it
    stands (a wide gap between words is kept as the spaces of a layout print); only the empty cells may be
    blank."""
    for seed in SEEDS:
        s = run(name, seed, tmp_path)
        assert s.blank == s.unnamed == s.wrong == 0, (name, seed, str(s))


def test_narrow_columns_with_empty_cells(tmp_path):
    """Narrow figure columns with zeros left empty: figures in neighbouring cells a space or two apart are still
    placed at their columns (a gap between two figures is a cell's gap, kept two spaces wide at least), so most
    rows with an empty cell are read; what cannot be placed is blank and named, never wrong."""
    total = sum((run("narrow_empty", seed, tmp_path) for seed in SEEDS), start=Score())
    assert total.wrong == total.unnamed == 0, str(total)
    assert total.exact >= 0.9 * (total.exact + total.blank), str(total)


@pytest.mark.parametrize("name", ["size12_vertical", "everything"])
def test_rows_starting_in_different_cells_agree(name, tmp_path):
    """A row's line may start with its label, with a group label's character beside it, or with its figures
    alone (its label wrapped above and below): the figures' columns agree between such rows, so a row with an
    empty cell is placed; only the empty cells are blank."""
    for seed in SEEDS:
        s = run(name, seed, tmp_path)
        assert s.blank == s.unnamed == s.wrong == 0, (name, seed, str(s))
