"""Figures printed with no separator (「352001038」): split them with the form's own identities.

A split turns the digit runs of one row into the row's number of non-negative integers without
leading zeros.  Only splits that satisfy the row's identity are kept (six applicant columns add up to
总计; each t4 group adds up to its 总计).  The t3 rows are then solved together under T3.LEAF_SUM and
T3.BALANCE.  Every search is bounded: past the budget the row is reported, never guessed.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import product

MAX_PART_DIGITS = 9  # no count in a real report reaches a billion
MAX_RUN_DIGITS = 80  # longer runs are refused outright
NODE_BUDGET = 200_000
MAX_SOLUTIONS = 200


class TooHard(Exception):
    """The search budget ran out."""


def _parts(run: str, pos: int, limit: int) -> Iterator[tuple[int, int]]:
    """Prefixes of run[pos:] that are valid figures: no leading zero, at most `limit` digits."""
    if pos >= len(run):
        return
    if run[pos] == "0":
        yield 0, pos + 1
        return
    for end in range(pos + 1, min(len(run), pos + limit) + 1):
        yield int(run[pos:end]), end


def split_plain(runs: list[str], n: int) -> list[tuple[int, ...]]:
    """All splits of the runs (each run gives ≥ 1 figure, in order) into n figures; no identity."""
    out: list[tuple[int, ...]] = []
    budget = [NODE_BUDGET]

    def rec(ri: int, pos: int, acc: list[int]) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            raise TooHard
        if ri == len(runs):
            if len(acc) == n:
                out.append(tuple(acc))
                if len(out) > MAX_SOLUTIONS:
                    raise TooHard
            return
        run = runs[ri]
        if pos == len(run):
            rec(ri + 1, 0, acc)
            return
        left_runs = len(runs) - ri - 1
        if len(acc) + 1 + left_runs > n:
            return
        for v, nxt in _parts(run, pos, MAX_PART_DIGITS):
            acc.append(v)
            rec(ri, nxt, acc)
            acc.pop()

    rec(0, 0, [])
    return out


def split_groups(runs: list[str], groups: int, free: int) -> list[tuple[int, ...]]:
    """Splits into `groups` groups of `free` figures followed by their total (the total is forced)."""
    bounds = _run_ends(runs)  # positions in the flattened digits where a figure must end (run boundaries)
    digits = "".join(runs)
    must_end = set(bounds)
    out: list[tuple[int, ...]] = []
    budget = [NODE_BUDGET]

    def ok_cut(start: int, end: int) -> bool:
        # a figure may not swallow a separator between two printed runs
        return not any(start < b < end for b in bounds)

    def rec(pos: int, g: int, k: int, acc: list[int], partial: int) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            raise TooHard
        if g == groups:
            if pos == len(digits):
                out.append(tuple(acc))
                if len(out) > MAX_SOLUTIONS:
                    raise TooHard
            return
        if pos >= len(digits):
            return
        if k == free:  # the total is forced: it must be printed next
            s = str(partial)
            end = pos + len(s)
            if digits.startswith(s, pos) and ok_cut(pos, end) and (end in must_end or end < len(digits)):
                acc.append(partial)
                rec(end, g + 1, 0, acc, 0)
                acc.pop()
            return
        for v, end in _parts(digits, pos, MAX_PART_DIGITS):
            if not ok_cut(pos, end):
                break
            acc.append(v)
            rec(end, g, k + 1, acc, partial + v)
            acc.pop()

    rec(0, 0, 0, [], 0)
    # every run boundary must be a figure boundary
    return [sol for sol in out if must_end <= _figure_ends(sol)]


def _run_ends(runs: list[str]) -> list[int]:
    """Where each printed run ends in the digits joined."""
    ends, p = [], 0
    for r in runs:
        p += len(r)
        ends.append(p)
    return ends


def _figure_ends(figures: tuple[int, ...]) -> set[int]:
    """Where each figure of a split ends in the digits joined."""
    ends, p = set(), 0
    for v in figures:
        p += len(str(v))
        ends.add(p)
    return ends


def split_t3_row(runs: list[str]) -> list[tuple[int, ...]]:
    """Seven figures np … oth, 总计 with 总计 = the sum of the six."""
    return split_groups(runs, 1, 6)


def split_t4(runs: list[str]) -> list[tuple[int, ...]]:
    """Fifteen figures: three groups of four results and their 总计."""
    return split_groups(runs, 3, 4)


def solve_t3(fixed: dict[str, tuple], options: dict[str, list[tuple]], leaf_rows: tuple[str, ...],
             total_row: str, in_rows: tuple[str, str], out_row: str) -> list[dict[str, tuple]] | None:
    """Joint choice among the candidate rows under LEAF_SUM and BALANCE (per column).

    fixed: row → 7-tuple read directly; options: row → candidate 7-tuples (≥ 2 each).
    Returns the list of consistent assignments of the option rows (at most MAX_SOLUTIONS), or None when
    the search is too large.  A constraint is only applied when every row it names is known.
    """
    rows = sorted(options, key=lambda r: len(options[r]))
    size = 1
    for r in rows:
        size *= len(options[r])
        if size > NODE_BUDGET:
            return None
    known = set(fixed) | set(options)
    use_leaf = total_row in known and all(r in known for r in leaf_rows)
    use_bal = all(r in known for r in (*in_rows, total_row, out_row))
    sols = []
    for choice in product(*(options[r] for r in rows)):
        cur = dict(fixed)
        cur.update(zip(rows, choice))
        ok = True
        for c in range(7):
            if use_leaf and cur[total_row][c] != sum(cur[r][c] for r in leaf_rows):
                ok = False
                break
            if use_bal and cur[in_rows[0]][c] + cur[in_rows[1]][c] != cur[total_row][c] + cur[out_row][c]:
                ok = False
                break
        if ok:
            sols.append(dict(zip(rows, choice)))
            if len(sols) > MAX_SOLUTIONS:
                return None
    return sols
