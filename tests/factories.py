"""Reports for tests: consistent ones built from parts, and the real samples' true figures."""
from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

from model import schema as S
from model.report import Meta, Report
from model.values import from_json
from tests.conftest import EXPECTED, sample_files


def consistent_report(rng: random.Random, level: str = "prefecture", maxv: int = 30, sparse: bool = False,
                      applicants: int = 0) -> Report:
    """A report whose figures satisfy every identity of the form (no error findings).  sparse: as most real
    reports are, most of 表三's cells 0 (_sparse_leaves: applicants of this many kinds, any number when 0), and
    the carry-overs 0 half the time."""
    cells: dict = _sparse_leaves(rng, maxv, applicants) if sparse else {}
    for col in S.T3_PART_COLS:
        for row in S.T3_LEAF_ROWS:
            if not sparse:
                cells[S.t3(row, col)] = rng.randint(0, maxv) if rng.random() < 0.6 else 0
        closed = sum(cells[S.t3(r, col)] for r in S.T3_LEAF_ROWS)
        cells[S.t3("r3_7", col)] = closed
        carried_out = rng.randint(0, maxv) if not sparse or rng.random() < 0.5 else 0
        cells[S.t3("r4", col)] = carried_out
        carried_in = rng.randint(0, closed + carried_out) if not sparse or rng.random() < 0.5 else 0
        cells[S.t3("r2", col)] = carried_in
        cells[S.t3("r1", col)] = closed + carried_out - carried_in
    for row in S.T3_ROW_IDS:
        cells[S.t3(row, "tot")] = sum(cells[S.t3(row, c)] for c in S.T3_PART_COLS)
    for g, _ in S.T4_GROUPS:
        parts = [rng.randint(0, maxv) for _ in S.T4_PART_COLS]
        for c, v in zip(S.T4_PART_COLS, parts):
            cells[S.t4(g, c)] = v
        cells[S.t4(g, "tot")] = sum(parts)
    for cid in S.TABLE_CELL_IDS:
        if cid.startswith("t2."):
            cells[cid] = (Decimal(rng.randint(0, 10**6)) / 100 if S.CELLS[cid].kind == S.DECIMAL
                          else rng.randint(0, 500))
    notices = cells[S.t3("r3_6_2", "tot")] + rng.randint(0, 3)
    billed = Decimal(rng.randint(1, 10**5)) / 100 if notices else Decimal(0)
    cells["fee.notices"] = notices
    cells["fee.billed"] = billed
    cells["fee.collected"] = min(billed, Decimal(rng.randint(0, 10**5)) / 100)
    return Report(meta=Meta(organ="示范市人民政府", year=2025, level=level), cells=cells)


def _sparse_leaves(rng: random.Random, maxv: int, applicants: int) -> dict:
    """表三's result rows of a report whose applicants are of a few kinds (often 自然人 alone): each row holds
    one figure (in any of those columns), none, or one in each of them."""
    used = rng.sample(S.T3_PART_COLS, applicants or rng.choice([1, 1, 2, 2, 3, 6]))
    cells = {S.t3(row, col): 0 for row in S.T3_LEAF_ROWS for col in S.T3_PART_COLS}
    for row in S.T3_LEAF_ROWS:
        shape = rng.random()
        cols = [rng.choice(used)] if shape < 0.6 else [] if shape < 0.8 else used
        for col in cols:
            cells[S.t3(row, col)] = rng.randint(1, maxv)
    return cells


def expected_files() -> list[Path]:
    return sample_files(EXPECTED, "*.json")


def expected_report(path: Path) -> tuple[Report, dict]:
    """A report holding the true figures of a real sample (no narrative) and its expectation file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    cells = {cid: from_json(cid, v) for cid, v in data["cells"].items()}
    meta = Meta(organ=data.get("organ", ""), year=data.get("year"), level=data.get("level", "department"))
    return Report(meta=meta, cells=cells), data


def cell_differences(a: Report, b: Report) -> dict:
    """cell id → (a's value, b's value) for every cell the two reports do not agree on."""
    return {c: (a.cells.get(c), b.cells.get(c)) for c in S.CELL_IDS if a.cells.get(c) != b.cells.get(c)}
