"""Chinese line breaking (禁则) for reportlab paragraphs.

No line may start with a closing mark or pause (「，。、；：！？）》」’”」 …) and none may end with an opening
one (「（《「‘“」 …).  reportlab's list misses several of these (，；：！？》”’) and only ever hangs a single
mark, so 「。”」 at a line end still puts 」 or ” at the start of the next line, and it never looks at line
ends.  `install()` patches the two places reportlab's paragraph module breaks CJK text (cjkFragSplit for
mixed fonts, wordSplit for one font) with a breaker that moves the break back until both rules hold,
and extends the module's ALL_CANNOT_START list for anything else that reads it.
"""
from __future__ import annotations

import threading
from typing import Any

CANNOT_START = frozenset(
    "，。、；：！？）》」』’”〉】〕］｝〗,.;:!?)]}%‰℃·・ーぁぃぅぇぉっゃゅょゎ々"
)
CANNOT_END = frozenset("（《「『‘“〈【〔［｛〖([{￥$£#@§")
NO_SPLIT_PAIRS = frozenset("—…")  # ——  …… are one mark printed over two characters
MAX_BACK = 8  # how far back a break may move; beyond that the line would look broken


def _word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%")


def can_break(prev: str, nxt: str) -> bool:
    """May a line end after `prev` with the next line starting at `nxt`?"""
    if nxt in CANNOT_START or prev in CANNOT_END:
        return False
    if prev == nxt and prev in NO_SPLIT_PAIRS:
        return False
    if _word_char(prev) and _word_char(nxt):  # inside a number or a Latin word
        return False
    return True


def break_lines(chars: list[str], widths: list[float], max_widths: list[float], fuzz: float = 1e-6,
                hard: set[int] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line.  `hard` holds indices that end a line after themselves (<br/>)."""
    lines: list[tuple[int, int]] = []
    n = len(chars)
    start = 0
    while start < n:
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        i = start
        hard_end = False
        while i < n:
            used += widths[i]
            if hard and i in hard:
                i += 1
                hard_end = True
                break
            if used > limit + fuzz and i > start:
                break
            i += 1
        if hard_end or i >= n:
            lines.append((start, i))
            start = i
            continue
        # chars[i] overflowed: the line is chars[start:b] for the latest good b ≤ i
        b = i
        lowest = max(start + 1, i - MAX_BACK)
        while b > lowest and not can_break(chars[b - 1], chars[b]):
            b -= 1
        if not can_break(chars[b - 1], chars[b]):
            b = i  # nothing better within reach: break where it overflowed
            if chars[i] in CANNOT_START and i + 1 <= n:
                b = i + 1  # hang one closing mark in the margin rather than start a line with it
        lines.append((start, b))
        start = b
    return lines


# ---------------------------------------------------------------- reportlab glue

def _frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """Replacement for reportlab.platypus.paragraph.cjkFragSplit with proper 禁则."""
    from reportlab.platypus import paragraph

    P: Any = paragraph  # its private helpers (cjkU, makeCJKParaLine, _FUZZ) are not in reportlab's stubs
    U: list[Any] = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            U.extend(P.cjkU(t, f, encoding) for t in text)
        else:
            U.append(P.cjkU(text, f, encoding))
    widths = []
    for u in U:
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = maxWidths[0]
            w = w.normalizedValue(maxWidths[0])
        widths.append(w)
    hard = {k for k, u in enumerate(U) if hasattr(u.frag, "lineBreak")}
    lines = []
    for n, (a, b) in enumerate(break_lines([str(u) for u in U], widths, list(maxWidths), P._FUZZ, hard)):
        max_w = maxWidths[min(n, len(maxWidths) - 1)]
        used = sum(widths[a:b])
        lines.append(P.makeCJKParaLine(U[a:b], max_w, used, max_w - used, (b - 1) in hard, calcBounds))
    return P.ParaLines(kind=1, lines=lines)


def _word_split(word, maxWidths, fontName, fontSize, encoding="utf8"):
    """Replacement for the single-font path (reportlab.lib.textsplit.wordSplit)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if isinstance(word, bytes):
        word = word.decode(encoding)
    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    chars = list(word)
    known: dict[str, float] = {}  # a paragraph repeats its characters: measure each once
    widths = [known[c] if c in known else known.setdefault(c, stringWidth(c, fontName, fontSize)) for c in chars]
    out = []
    for n, (a, b) in enumerate(break_lines(chars, widths, list(maxWidths))):
        max_w = maxWidths[min(n, len(maxWidths) - 1)]
        out.append((max_w - sum(widths[a:b]), "".join(chars[a:b])))
    return out


def _justify_frag_line(orig):
    """Justify CJK lines by character spacing: reportlab justifies with word spacing only, which
    does nothing in a line without spaces, leaving Chinese text ragged on the right."""
    def draw(tx, offset, line, last=0):
        extra = line.extraSpace
        if getattr(tx, "direction", None) != "CJK" or line.lineBreak or last or extra <= 1e-6:
            return orig(tx, offset, line, last)
        n = sum(len(w.text) for w in line.words if not hasattr(w, "cbDefn"))
        if n < 2:
            return orig(tx, offset, line, last)
        line.extraSpace = 0
        tx.setCharSpace(extra / (n - 1))
        try:
            return orig(tx, offset, line, last)
        finally:
            tx.setCharSpace(0)
            line.extraSpace = extra
    return draw


def _justify_line(orig):
    """The same for the single-font path (lines are (extra space, [text]))."""
    def draw(tx, offset, extraspace, words, last=0):
        text = "".join(words)
        if getattr(tx, "direction", None) != "CJK" or last or extraspace <= 1e-6 or len(text) < 2:
            return orig(tx, offset, extraspace, words, last)
        tx.setCharSpace(extraspace / (len(text) - 1))
        try:
            return orig(tx, offset, 0, words, last)
        finally:
            tx.setCharSpace(0)
    return draw


_installed = False
_lock = threading.Lock()


def install() -> None:
    """Patch reportlab once per process."""
    global _installed
    with _lock:
        if _installed:
            return
        from reportlab.lib import textsplit as ts
        from reportlab.platypus import paragraph as para

        # Any: what is patched here is reportlab's private (or, in the stubs, final) module state
        textsplit: Any = ts
        paragraph: Any = para
        extra = "".join(sorted(CANNOT_START - set(textsplit.ALL_CANNOT_START)))
        paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START + extra
        textsplit.ALL_CANNOT_START = paragraph.ALL_CANNOT_START
        paragraph.cjkFragSplit = _frag_split
        paragraph.wordSplit = _word_split
        paragraph._justifyDrawParaLineX = _justify_frag_line(paragraph._justifyDrawParaLineX)
        paragraph._justifyDrawParaLine = _justify_line(paragraph._justifyDrawParaLine)
        _installed = True
