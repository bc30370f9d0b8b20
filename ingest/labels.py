"""Finding the form's labels in a stream key: exactly, or approximately inside a bounded window."""
from __future__ import annotations

from .textnorm import label_key

MAX_WINDOW = 600  # characters searched approximately; bounds the cost on hostile input


def find_exact(key: str, label: str, start: int, end: int) -> tuple[int, int] | None:
    p = key.find(label, start, end)
    return (p, p + len(label)) if p >= 0 else None


def find_fuzzy(key: str, label: str, start: int, end: int, max_dist: int) -> tuple[int, int, int] | None:
    """Best approximate occurrence of `label` in key[start:end] (edit distance ≤ max_dist).

    Sellers' algorithm: O(len(label) × window).  Returns (start, end, distance) of the match that has the
    least distance, the earliest end on ties.
    """
    end = min(end, start + MAX_WINDOW)
    m = len(label)
    if m == 0 or end <= start:
        return None
    prev = list(range(m + 1))
    prev_start = [start] * (m + 1)
    best = None
    for j in range(start, end):
        ch = key[j]
        cur = [0] * (m + 1)
        cur_start = [j + 1] * (m + 1)
        for i in range(1, m + 1):
            sub = prev[i - 1] + (label[i - 1] != ch)
            ins = prev[i] + 1
            dele = cur[i - 1] + 1
            if sub <= ins and sub <= dele:
                cur[i], cur_start[i] = sub, prev_start[i - 1] if i > 1 else j
            elif ins <= dele:
                cur[i], cur_start[i] = ins, prev_start[i]
            else:
                cur[i], cur_start[i] = dele, cur_start[i - 1]
        if cur[m] <= max_dist and (best is None or cur[m] < best[2]):
            best = (cur_start[m], j + 1, cur[m])
        prev, prev_start = cur, cur_start
    if best is None:
        return None
    # trim a leading inserted character that does not help
    s, e, d = best
    while s < e and key[s] != label[0] and label[0] in key[s + 1:e]:
        s += 1
    return s, e, d


def _exact_in_order(key: str, labels: list[str], start: int, end: int) -> list:
    """The largest set of exact occurrences that keeps the form's order (a longest increasing chain).

    A label printed out of place (PDF-to-text tools move some) is then left out instead of pulling
    every later label past its own place."""
    occ: list[tuple[int, int]] = []  # (position, label index)
    for i, lab in enumerate(labels):
        if not lab:
            continue
        p = key.find(lab, start, end)
        n = 0
        while p >= 0 and n < 20:
            occ.append((p, i))
            n += 1
            p = key.find(lab, p + 1, end)
    occ.sort()
    # longest chain increasing in both position and label index (O(n^2), n is small)
    best = [1] * len(occ)
    prev = [-1] * len(occ)
    for b in range(len(occ)):
        pb, ib = occ[b]
        for a in range(b):
            pa, ia = occ[a]
            if ia < ib and pa + len(labels[ia]) <= pb and best[a] + 1 > best[b]:
                best[b], prev[b] = best[a] + 1, a
    found: list = [None] * len(labels)
    if occ:
        k = max(range(len(occ)), key=lambda j: (best[j], -occ[j][0]))
        while k >= 0:
            p, i = occ[k]
            found[i] = (p, p + len(labels[i]), 0)
            k = prev[k]
    return found


def distance_budget(label: str) -> int:
    return max(1, int(len(label) * 0.3))


def strip_number(label: str) -> str:
    """「2.其他法律…」 → 「其他法律…」, 「（一）予以公开」 → 「予以公开」 (web text sometimes drops them)."""
    import re

    return re.sub(r"^(?:\d{1,2}[.、]|\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、)", "", label)


def locate_in_order(key: str, labels: list[str], start: int, end: int) -> list[tuple[int, int, int] | None]:
    """Find each label (already label_key'd), in order, between start and end.

    Pass 1 finds the exact occurrences in order; pass 2 looks for the missing ones approximately,
    only in the gap their found neighbours leave, so one garbled label cannot pull others out of place.
    Each result is (start, end, distance) or None.
    """
    found = _exact_in_order(key, labels, start, end)
    for i, lab in enumerate(labels):
        if found[i] is not None:
            continue
        lo = next((found[k][1] for k in range(i - 1, -1, -1) if found[k]), start)
        hi = next((found[k][0] for k in range(i + 1, len(labels)) if found[k]), end)
        if hi <= lo:
            continue
        hit = find_fuzzy(key, lab, lo, hi, distance_budget(lab))
        if hit is None:
            bare = strip_number(lab)
            # a short bare label (「其他」) only right at the start of the gap its neighbours leave
            if bare != lab and (len(bare) >= 4 or key.startswith(bare, lo)):
                e = find_exact(key, bare, lo, min(hi, lo + MAX_WINDOW))
                if e:
                    hit = (e[0], e[1], len(lab) - len(bare))
        if hit:
            found[i] = hit
    return found


__all__ = ["find_exact", "find_fuzzy", "locate_in_order", "label_key", "strip_number"]
