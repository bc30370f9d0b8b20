"""Text without spaces, with a map back to the original offsets.

Text pulled from PDFs is full of stray spaces (「申请 82件」, 「号 ， 邮 编」); patterns are written for
the compact form and every match is mapped back, so a finding's span still points into the text the
clerk sees.  Paragraph breaks ("\\n") are kept: they bound sentences and mark where numbering starts.

The map is kept as the runs of dropped spaces (few), not one offset per character, and the sentence ends
are found once per text when first asked for: a report's text is compacted once and read by every rule.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

_SPACE = " \t\r\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"
_SPACE_RUNS = re.compile(f"([{_SPACE}]+)")  # captured: split() gives the runs too
SENTENCE_END = "。！？；!?;\n"
_SENTENCE_END = re.compile(f"[{SENTENCE_END}]")
_TERMINAL = "。！？；!?;"  # what a sentence's end takes with it (not the paragraph break)


@dataclass(frozen=True)
class Compact:
    text: str  # the original
    s: str  # without spaces
    # where spaces were dropped: at compact offset cuts[k] and after, shifts[k] characters are gone before
    cuts: tuple[int, ...] = ()
    shifts: tuple[int, ...] = field(default=(), repr=False)
    # what is worked out from the text when first asked for (the sentence ends, every offset)
    _found: dict = field(default_factory=dict, compare=False, repr=False)

    def offset(self, i: int) -> int:
        """The original offset of s[i] (negative i counts from the end, as for a sequence)."""
        if not -len(self.s) <= i < len(self.s):
            raise IndexError(i)
        if i < 0:
            i += len(self.s)
        k = bisect_right(self.cuts, i)
        return i + self.shifts[k - 1] if k else i

    @property
    def idx(self) -> tuple[int, ...]:
        """idx[i] = offset in `text` of s[i], for every i (made from the runs, when a reader needs them all)."""
        if "idx" not in self._found:
            self._found["idx"] = self._offsets()
        return self._found["idx"]

    def _offsets(self) -> tuple[int, ...]:
        out: list[int] = []
        start, shift = 0, 0
        for cut, next_shift in zip(self.cuts, self.shifts):
            out.extend(range(start + shift, cut + shift))
            start, shift = cut, next_shift
        out.extend(range(start + shift, len(self.s) + shift))
        return tuple(out)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the compact range [start, end)."""
        if not self.s:
            return (0, 0)
        if end <= start:
            o = self.offset(min(start, len(self.s) - 1))
            return (o, o)
        return (self.offset(start), self.offset(end - 1) + 1)

    def _ends(self) -> list[int]:
        if "ends" not in self._found:
            self._found["ends"] = [m.start() for m in _SENTENCE_END.finditer(self.s)]
        return self._found["ends"]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence around `pos`: from after the previous end (。！？； or a paragraph break) to its own
        end, the end's marks included."""
        ends = self._ends()
        k = bisect_left(ends, pos)
        start = ends[k - 1] + 1 if k and pos > 0 else 0
        n = len(self.s)
        end = ends[k] if k < len(ends) else n
        while end < n and self.s[end] in _TERMINAL:
            end += 1
        return start, end

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        start = self.s.rfind("\n", 0, pos) + 1
        end = self.s.find("\n", pos)
        return start, (len(self.s) if end < 0 else end)

    def paragraphs_with(self, words: tuple[str, ...]) -> list[tuple[int, int]]:
        """(start, end) of each paragraph that holds one of the words, in text order."""
        s, found = self.s, set()
        for w in words:
            i = s.find(w)
            while i >= 0:
                para = self.paragraph_at(i)
                found.add(para)
                i = s.find(w, para[1])
        return sorted(found)

    def finditer(self, pattern: re.Pattern, words: tuple[str, ...]) -> Iterator[re.Match]:
        """pattern.finditer(self.s), for a pattern none of whose matches crosses a paragraph break, that reads
        a break after a match as it reads the end of the text, and every match of which holds one of the
        words: only the paragraphs that hold one are searched."""
        for start, end in self.paragraphs_with(words):
            yield from pattern.finditer(self.s, start, end)


def compact(text: str | None) -> Compact:
    return _compact(text or "")


@lru_cache(maxsize=64)
def _compact(text: str) -> Compact:
    """Cached: the text rules ask for the same few sections' compact form many times per check."""
    present = [ch for ch in _SPACE if ch in text]
    if not present:  # typed text: the offsets are the identity
        return Compact(text, text)
    if present == [" "]:  # the usual stray spaces: str.split, many times quicker than a pattern
        pieces = text.split(" ")
        # each space's compact offset, with as many dropped up to it; a run's spaces share an offset, and the
        # dict keeps its last count
        runs = dict(zip(accumulate(map(len, pieces[:-1])), range(1, len(pieces))))
        return Compact(text, "".join(pieces), tuple(runs), tuple(runs.values()))
    parts = _SPACE_RUNS.split(text)  # the stretches around the runs of spaces, and the runs between them
    kept = parts[0::2]
    dropped = map(len, parts[1::2])
    return Compact(text, "".join(kept), tuple(accumulate(map(len, kept[:-1]))), tuple(accumulate(dropped)))


def shorten(quote: str, limit: int = 60) -> str:
    quote = quote.strip()
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"
