"""字数 as WPS and Word count it (the 「篇幅原则上不超过一千字」 of section 一).

Each Han character is one; each Chinese (full-width) punctuation mark or full-width character is one;
a run of digits, Latin letters and half-width signs (「2024」 「51.85%」 「hzzwgk@126.com」) is one, as a
word is in Word.  Spaces and line breaks do not count.  The GUI calls `count_chars` for the live count.
"""
from __future__ import annotations

import re

# Han ideographs (BMP and extensions), CJK punctuation, full-width forms, and the Chinese quote/dash marks
_WIDE = (r"\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
         r"\uff01-\uffef\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u00b7\u2022\u2027\u2e3a\u2e3b"
         r"\U00020000-\U0003ffff")
_NOT_WIDE = re.compile(rf"[^{_WIDE}]+")


def count_chars(text: str | None) -> int:
    """The 字数 of `text` (see module doc): every wide character, and each word of the stretches between them
    (found whole: a Chinese text has few)."""
    if not text:
        return 0
    between = _NOT_WIDE.findall(text)
    # each stretch's words, split apart by the spaces joined in: as many as split() finds in each
    return len(text) - sum(map(len, between)) + len(" ".join(between).split())
