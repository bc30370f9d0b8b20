"""The parts of the report the navigation list shows, and which part a finding belongs to."""
from __future__ import annotations

from model.findings import Finding
from model.schema import CELLS, PREAMBLE, SECTIONS, TABLES

META = "meta"
PARTS: tuple[tuple[str, str], ...] = ((META, "基本信息"), (PREAMBLE.id, "前言（标题下的说明）")) + tuple(
    (s.id, s.heading) for s in SECTIONS)
PART_INDEX = {pid: i for i, (pid, _) in enumerate(PARTS)}
_TABLE_PART = {tid: t.section for tid, t in TABLES.items()}


def part_of_cell(cell_id: str) -> str:
    table = CELLS[cell_id].table
    return "s6" if table == "fee" else _TABLE_PART[table]


# rules about one text section whose findings may carry neither span nor cells (an empty section)
_RULE_PART = {"S.S5_PARTS": "s5", "S.OVERVIEW_LEN": "s1", "FEE.MENTION": "s6", "FEE.TERM": "s6"}
_SECTION_IDS = {s.id for s in (PREAMBLE,) + SECTIONS}


def part_of(f: Finding) -> str:
    """Where the clerk fixes it: the text a span points at, else the table of its cells, else the section
    the rule is about, else 基本信息 (title, year, date)."""
    if f.span:
        return f.span[0]
    cells = f.primary or f.cells
    for c in cells:
        if c in CELLS:
            return part_of_cell(c)
    if f.rule in _RULE_PART:
        return _RULE_PART[f.rule]
    tail = f.key.rsplit(":", 1)[-1]
    return tail if tail in _SECTION_IDS else META
