"""Text without spaces, with a map back to the original offsets.

Text pulled from PDFs is full of stray spaces (「申请 82件」, 「号 ， 邮 编」); patterns are written for
the compact form and every match is mapped back, so a finding's span still points into the text the
clerk sees.  Paragraph breaks ("\\n") are kept: they bound sentences and mark where numbering starts.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

_SPACE = frozenset(" \t\r\u3000\xa0\u2002\u2003\u2009\u200b\ufeff")
SENTENCE_END = "。！？；!?;\n"


@dataclass(frozen=True)
class Compact:
    text: str  # the original
    s: str  # without spaces
    idx: tuple[int, ...]  # idx[i] = offset in `text` of s[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the compact range [start, end)."""
        if not self.idx:
            return (0, 0)
        if end <= start:
            o = self.idx[min(start, len(self.idx) - 1)]
            return (o, o)
        return (self.idx[start], self.idx[end - 1] + 1)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        start = pos
        while start > 0 and self.s[start - 1] not in SENTENCE_END:
            start -= 1
        end = pos
        n = len(self.s)
        while end < n and self.s[end] not in SENTENCE_END:
            end += 1
        while end < n and self.s[end] in "。！？；!?;":
            end += 1
        return start, end

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        start = self.s.rfind("\n", 0, pos) + 1
        end = self.s.find("\n", pos)
        return start, (len(self.s) if end < 0 else end)


_DROP_SPACE = {ord(ch): None for ch in _SPACE}


def compact(text: str | None) -> Compact:
    return _compact(text or "")


@lru_cache(maxsize=64)
def _compact(text: str) -> Compact:
    """Cached: the text rules ask for the same few sections' compact form many times per check."""
    s = text.translate(_DROP_SPACE)
    if len(s) == len(text):  # nothing to drop (typed text): the offsets are the identity
        return Compact(text, text, tuple(range(len(text))))
    keep = [i for i, ch in enumerate(text) if ch not in _SPACE]
    return Compact(text, s, tuple(keep))


def shorten(quote: str, limit: int = 60) -> str:
    quote = quote.strip()
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"
