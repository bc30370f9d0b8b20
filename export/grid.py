"""Where the form's tables sit on a shared column grid, derived from model.schema.

t2 has 4 columns, t3 10 and t4 15, but a worksheet has one set of column widths.  Every table is laid
on the same grid of GRID narrow columns; a table column covers as many grid columns as its weight in
`TableDef.col_weights` asks for (largest-remainder rounding, at least one each).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from model.schema import TABLES, TableDef

GRID = 30  # divisible by the 15 columns of t4; fine enough for t3's wide label column


@cache
def column_bounds(table_id: str, grid: int = GRID) -> tuple[tuple[int, int], ...]:
    """(first, last) grid column (0-based, inclusive) of each table column."""
    t: TableDef = TABLES[table_id]
    weights = t.col_weights
    if len(weights) != t.ncols:
        weights = (1.0,) * t.ncols
    if t.ncols > grid:
        raise ValueError(f"{table_id}: {t.ncols} columns do not fit a grid of {grid}")
    total = sum(weights)
    exact = [w * grid / total for w in weights]
    sizes = [max(1, int(x)) for x in exact]
    # hand the columns left over to the largest remainders (take from the largest if over)
    order = sorted(range(t.ncols), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    i = 0
    while sum(sizes) < grid:
        sizes[order[i % t.ncols]] += 1
        i += 1
    while sum(sizes) > grid:
        j = max(range(t.ncols), key=lambda k: sizes[k])
        sizes[j] -= 1
    out, start = [], 0
    for s in sizes:
        out.append((start, start + s - 1))
        start += s
    return tuple(out)


@dataclass(frozen=True)
class Box:
    """A span placed on the grid: rows relative to the table's top, grid columns inclusive."""

    top: int
    bottom: int
    left: int
    right: int


def span_box(table_id: str, row: int, col: int, rowspan: int = 1, colspan: int = 1) -> Box:
    bounds = column_bounds(table_id)
    return Box(row, row + rowspan - 1, bounds[col][0], bounds[col + colspan - 1][1])


def vertical_columns(t: TableDef) -> set[int]:
    """Table columns whose vertical labels are all tall enough to be printed top to bottom.
    One short group in a column turns the whole column horizontal, so a column never mixes both."""
    cols: dict[int, bool] = {}
    for sp in t.spans:
        if sp.vertical:
            fits = len(sp.text) <= sp.rowspan * 1.5
            cols[sp.col] = cols.get(sp.col, True) and fits
    return {c for c, ok in cols.items() if ok}
