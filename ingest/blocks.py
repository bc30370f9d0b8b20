"""Figures of a table printed in blocks of rows, each row by row or column by column.

PDF-to-text tools that do not keep the layout (pdftotext without -layout, a PDF viewer's copy) print a
table's figures in the order of the PDF's text objects.  The rows still come in the form's order, but a run
of rows whose columns the PDF draws as one text object each comes out column by column: the first column of
those rows top to bottom, then the second …  The figures are then a sequence of blocks, each one row (its
cells left to right) or k ≥ 2 rows column by column.  Every partition into such blocks is a reading; only the
readings in which every row passes its own identity and the whole table passes the table's identities are
kept, and the distinct tables they give are returned.  The search is bounded: past the budget nothing is
guessed.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

MAX_READINGS = 2000  # distinct partial tables kept per row; past this the layout is not determined
NODE_BUDGET = 200_000

Table = tuple[tuple[int, ...], ...]


class TooHard(Exception):
    """The search budget ran out."""


def readings(vals: Sequence[int], n_rows: int, n_cols: int,
             row_ok: Callable[[int, tuple[int, ...]], bool], table_ok: Callable[[Table], bool],
             must_share: Sequence[tuple[int, int]] = (),
             rest_ok: Callable[[int, Table], bool] | None = None) -> list[Table]:
    """The distinct tables the figures can be read as (n_rows rows of n_cols figures each).

    row_ok(i, row): row i's own identity; table_ok(table): the identities between rows; rest_ok(i, rows):
    whether rows i … n_rows-1 can still be part of a table that passes them (prunes the search early).
    must_share: (figure index, row index) pairs — the block holding that figure must hold that row (a row
    label printed right before a figure starts the block of its row's figures).
    Raises TooHard past the budget.
    """
    if len(vals) != n_rows * n_cols:
        return []
    budget = [NODE_BUDGET]
    # suffix[i]: the distinct readings of rows i … n_rows-1 (each a tuple of rows)
    suffix: list[set[Table]] = [set() for _ in range(n_rows + 1)]
    suffix[n_rows].add(())
    for i in range(n_rows - 1, -1, -1):
        for k in range(1, n_rows - i + 1):
            if not suffix[i + k]:
                continue
            rows = _block(vals, i, k, n_cols, row_ok, must_share)
            if rows is None:
                continue
            for rest in suffix[i + k]:
                budget[0] -= 1
                if budget[0] < 0:
                    raise TooHard
                if rest_ok is not None and not rest_ok(i, rows + rest):
                    continue
                suffix[i].add(rows + rest)
                if len(suffix[i]) > MAX_READINGS:
                    raise TooHard
    return sorted(t for t in suffix[0] if table_ok(t))


def _block(vals: Sequence[int], i: int, k: int, n_cols: int, row_ok: Callable[[int, tuple[int, ...]], bool],
           must_share: Iterable[tuple[int, int]]) -> Table | None:
    """Rows i … i+k-1 read from their block of figures (column by column when k ≥ 2), or None when a row
    fails its identity or a label says the block holds another row."""
    lo, hi = i * n_cols, (i + k) * n_cols
    for q, r in must_share:
        if lo <= q < hi and not i <= r < i + k:
            return None
    part = vals[lo:hi]
    rows = tuple(tuple(part[j * k + r] for j in range(n_cols)) for r in range(k))
    if all(row_ok(i + r, row) for r, row in enumerate(rows)):
        return rows
    return None


def column_blocks(vals: Sequence[int], table: Table, n_cols: int) -> list[tuple[int, int]]:
    """The (first row, row count) of each block of ≥ 2 rows that one partition giving `table` reads column
    by column (for the import summary)."""
    n_rows = len(table)
    # a shortest path over row boundaries, preferring single rows: the same table may come from several
    # partitions when rows repeat (rows of 0); the one with the fewest column blocks is named
    best: list[list[tuple[int, int]] | None] = [None] * (n_rows + 1)
    best[n_rows] = []
    for i in range(n_rows - 1, -1, -1):
        for k in range(1, n_rows - i + 1):
            rest = best[i + k]
            if rest is None:
                continue
            part = vals[i * n_cols:(i + k) * n_cols]
            rows = tuple(tuple(part[j * k + r] for j in range(n_cols)) for r in range(k))
            if rows != table[i:i + k]:
                continue
            cand = rest if k == 1 else [(i, k)] + rest
            here = best[i]
            if here is None or len(cand) < len(here):
                best[i] = cand
    return best[0] or []


def whole_table_readings(vals: Sequence[int], n_rows: int, n_cols: int,
                         row_ok: Callable[[int, tuple[int, ...]], bool],
                         table_ok: Callable[[Table], bool]) -> list[Table]:
    """The two readings that need no search — every row in turn, or the whole table column by column — that
    pass the identities (when the full search ran out of budget)."""
    out: list[Table] = []
    for k in (1, n_rows):
        part = [_block(vals, i, k, n_cols, row_ok, ()) for i in range(0, n_rows, k)]
        blocks = [p for p in part if p is not None]
        if len(blocks) == len(part):
            table = tuple(row for p in blocks for row in p)
            if table_ok(table) and table not in out:
                out.append(table)
    return out
