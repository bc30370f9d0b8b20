"""Table rows of a Word 97 binary file, gathered cell by cell and laid on one column grid per table (the
union of the rows' cell edges), so that a cell spanning columns is followed by None as in the .docx reader,
and a cell merged into the one above is None."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from .doc_props import Para, RowDef

EDGE_TOLERANCE = 30  # twips (1/20 pt): edges this close are one grid line
MAX_ROWS = 5000


class TableBuilder:
    def __init__(self) -> None:
        self.rows: list[tuple[list[str], RowDef | None]] = []
        self.cells: list[str] = []
        self.paras: list[str] = []

    def add(self, cell_end: bool, props: Para, text: str) -> None:
        """One paragraph inside a table: a cell's paragraph, a cell's end, or a row's end."""
        if props.inner:  # a nested table's text stays inside its outer cell
            if text.strip() and not props.ttp:
                self.paras.append(text)
        elif props.ttp:
            if len(self.rows) < MAX_ROWS:
                self.rows.append((self.cells, props.row))
            self.cells, self.paras = [], []
        elif cell_end:
            self.paras.append(text)
            self.cells.append("\n".join(p.replace("\x0b", "\n") for p in self.paras if p.strip()))
            self.paras = []
        else:
            self.paras.append(text)

    def flush(self) -> list[tuple]:
        """The table gathered so far as one ("table", rows) item (none when there is no table)."""
        if self.cells:  # a last row without its row mark (a damaged file)
            self.rows.append((self.cells, None))
        rows, self.rows, self.cells, self.paras = self.rows, [], [], []
        return [("table", on_grid(rows))] if rows else []


def on_grid(rows: list[tuple[list[str], RowDef | None]]) -> list[list]:
    edges = _grid_edges(rd for _, rd in rows)
    return [_row_on_grid(cells, rd, edges) for cells, rd in rows]


def _grid_edges(defs: Iterable[RowDef | None]) -> list[int]:
    edges: list[int] = []
    for e in sorted({b for rd in defs if rd for b in rd.bounds}):
        if not edges or e - edges[-1] > EDGE_TOLERANCE:
            edges.append(e)
    return edges


def _column(edges: list[int], x: int) -> int:
    """The grid line nearest to x."""
    i = bisect_left(edges, x)
    if i > 0 and (i == len(edges) or x - edges[i - 1] <= edges[i] - x):
        return i - 1
    return i


def _row_on_grid(cells: list[str], rd: RowDef | None, edges: list[int]) -> list:
    if rd is None:
        return list(cells)
    row: list = []
    for i, text in enumerate(cells):
        if i + 1 >= len(rd.bounds):
            row.append(text)
            continue
        span = max(1, _column(edges, rd.bounds[i + 1]) - _column(edges, rd.bounds[i]))
        hidden = rd.vmerged[i] or rd.hmerged[i]
        row.append(None if hidden else text)
        row.extend([None] * (span - 1))
    return row
