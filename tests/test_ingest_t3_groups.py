"""Table 三 with more than one group printed as a single row (「（四）无法提供 …」 and 「（六）其他处理 …」
each on one line): the reader does not crash (tables._form_order) and reports each such group.  Two
neighbouring groups both on one line (（三） and （四）) are not recognised as such: their rows are reported
missing instead, left blank."""
from __future__ import annotations

import random

from ingest import read_text
from model import schema as S
from model.values import format_value
from tests.factories import consistent_report

HEADS = [s.heading for s in S.SECTIONS]


def _t3_lines(rep, collapsed: set[str]) -> list[str]:
    def figures(rows):
        return " ".join(str(sum(rep.cells[S.t3(r, c)] for r in rows)) for c in S.T3_COL_IDS)

    out, seen = [], set()
    for rid, lab, gid in S.T3_ROWS:
        if gid in collapsed:
            if gid not in seen:
                seen.add(gid)
                out.append(S.T3_GROUPS[gid].label + " " + figures([r for r, _ in S.T3_GROUPS[gid].rows]))
            continue
        if gid and gid not in seen:
            seen.add(gid)
            out.append(S.T3_GROUPS[gid].label)
        out.append(lab + " " + figures([rid]))
    return out


def _text(rep, collapsed: set[str]) -> str:
    lines = [f"{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}", HEADS[0], "正文。", HEADS[1]]
    for block in S.T2_BLOCKS:
        for rid, lab in block.rows:
            lines.append(lab + " " + " ".join(format_value(rep.cells[S.t2(rid, c)]) for c in block.cols))
    lines += [HEADS[2], *_t3_lines(rep, collapsed), HEADS[3], "行政复议 行政诉讼",
              " ".join(str(rep.cells[S.t4(g, c)]) for g, _ in S.T4_GROUPS for c, _ in S.T4_COLS),
              HEADS[4], "无。", HEADS[5], "无。"]
    return "\n".join(lines)


def _neighbours(first: str, second: str) -> bool:
    groups = sorted(S.T3_GROUPS)
    return abs(groups.index(first) - groups.index(second)) == 1


def test_two_groups_printed_as_one_row_each_are_both_reported():
    groups = sorted(S.T3_GROUPS)
    for seed in range(3):
        rep = consistent_report(random.Random(seed), maxv=20)
        for i, first in enumerate(groups):
            for second in groups[i + 1:]:
                result = read_text(_text(rep, {first, second}))  # raised ValueError before
                if _neighbours(first, second):
                    continue
                old = [cells for rule, cells, _ in result.report.import_notes if rule == "S.OLD_FORMAT"]
                for gid in (first, second):
                    sub = S.T3_GROUPS[gid].rows[0][0]
                    assert any(S.t3(sub, "tot") in cells for cells in old), (first, second, result.summary())
                other_rows = [r for r in S.T3_ROW_IDS if r not in {x for g in (first, second)
                                                                  for x, _ in S.T3_GROUPS[g].rows}]
                assert all(result.report.cells.get(S.t3(r, "tot")) == rep.cells[S.t3(r, "tot")] for r in other_rows)
