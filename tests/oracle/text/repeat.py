"""X.REPEAT_TEXT: how much of a section repeats last year's text, numbers and years masked.

Both texts are compacted (spaces dropped), every run of digits (Arabic, full-width or Chinese numerals
followed by a counter) becomes 「#」, and the current text is covered by the 10-character shingles it
shares with last year's.  Linear in the text length, so it runs while the clerk types.  The covered
stretches are the repeated passages the finding names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .compact import compact

SHINGLE = 10
MIN_PASSAGE = 20  # shorter shared stretches are set phrases, not copying
_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")


@dataclass(frozen=True)
class Repeat:
    ratio: float  # share of the current text's characters inside repeated passages
    passages: tuple[tuple[int, int, str], ...]  # original (start, end, text) in the current text


def _masked(text: str) -> tuple[str, tuple[int, ...]]:
    """Compact text with digit runs replaced by '#', and the original offset of every character."""
    c = compact(text)
    out: list[str] = []
    idx: list[int] = []
    pos = 0
    for m in _DIGITS.finditer(c.s):
        out.append(c.s[pos:m.start()])
        idx.extend(c.idx[pos:m.start()])
        out.append("#")
        idx.append(c.idx[m.start()])
        pos = m.end()
    out.append(c.s[pos:])
    idx.extend(c.idx[pos:])
    return "".join(out), tuple(idx)


def repeated(text: str, prior_text: str) -> Repeat:
    cur, idx = _masked(text)
    old, _ = _masked(prior_text)
    # paragraph breaks are layout, not content
    keep = [i for i, ch in enumerate(cur) if ch != "\n"]
    cur_s = "".join(cur[i] for i in keep)
    old_s = old.replace("\n", "")
    n = len(cur_s)
    if n < SHINGLE or len(old_s) < SHINGLE:
        return Repeat(0.0, ())
    seen = {old_s[i:i + SHINGLE] for i in range(len(old_s) - SHINGLE + 1)}
    covered = bytearray(n)
    for i in range(n - SHINGLE + 1):
        if cur_s[i:i + SHINGLE] in seen:
            covered[i:i + SHINGLE] = b"\x01" * SHINGLE
    passages: list[tuple[int, int, str]] = []
    total = 0
    i = 0
    while i < n:
        if not covered[i]:
            i += 1
            continue
        j = i
        while j < n and covered[j]:
            j += 1
        if j - i >= MIN_PASSAGE:
            total += j - i
            a, b = idx[keep[i]], idx[keep[j - 1]] + 1
            passages.append((a, b, text[a:b]))
        i = j
    return Repeat(total / n, tuple(passages))
