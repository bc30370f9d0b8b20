"""S.NUMBERING: the numbering inside a text section.

Official hierarchy (GB/T 9704): 一、 → （一） → 1. → （1）.  Inside sections 一, 五 and 六 (which are
themselves 一、 五、 六、) we report:
- a level-1 「一、」 at the start of a paragraph or sentence (the numbering restarts inside the section);
- 「1、」 for 「1.」 and 「一.」 for 「一、」;
- an unbalanced marker: 「二）依申请公开」, 「（二依申请公开」;
- a gap or a repeat in a run of （一）（二）…, 1. 2. …, （1）（2）… or 一是、二是 …;
- levels nested the wrong way round: 「1.… （一）…（二）… 2.…」 (the （一） sits under 1.).
A list that starts again at 1 after a colon (「改进措施：1.…」) or after an unnumbered heading line
(「改进措施」) is a new list, not a step back.

Markers count only at the start of a paragraph or right after 。！？ (after ：；, too, for 一是), so an
inline 「一、二季度」 or 「（1）…；（2）…」 list is left alone.  A marker at the start of a line after one that
lacks its full stop (a wrapped line, or a paragraph whose 。 was left out) counts only when it goes on a run.
Half-width brackets 「(一)」 are accepted.
Skipping a level (1. directly under 一、) is allowed by the standard and not reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .compact import Compact, compact
from .numerals import chinese_ordinal, parse_int

_CN = "一二三四五六七八九十"
_START = "\n。！？!?"
_SHI_START = _START + "，,；;：:、）)"
_MARKERS = re.compile(
    rf"(?P<l1>[{_CN}]{{1,3}})、(?![{_CN}\d])"
    rf"|(?P<l1dot>[{_CN}]{{1,3}})[.．](?!\d)"
    rf"|[（(](?P<l2>[{_CN}]{{1,3}})[）)]"
    rf"|[（(](?P<l2open>[{_CN}]{{1,3}})(?![{_CN}）)是])"
    rf"|(?P<l2close>[{_CN}]{{1,3}})[）)]"
    r"|[（(](?P<l4>\d{1,2})[）)]"
    r"|(?P<l3>\d{1,2})[.．](?!\d)"
    r"|(?P<l3comma>\d{1,2})、(?!\d)"
)
_PARAGRAPH = re.compile(r"[^\n]+")
_PARENTHETICAL = re.compile(r"[^（()）\n。！？]{0,40}[）)]")


def _starts_here(s: str, i: int) -> bool:
    """A marker position: text start, after 。！？, or after a paragraph break that is not a stray line wrap
    (the paragraph before ends a sentence, or is a short heading such as 「（一）主动公开情况」)."""
    if i == 0:
        return True
    before = s[i - 1]
    if before != "\n":
        return before in _START
    prev_start = s.rfind("\n", 0, i - 1) + 1
    prev = s[prev_start:i - 1]
    return not prev or prev[-1] in "。！？；：:!?;”」）)" or len(prev) <= 30


@dataclass(frozen=True)
class NumberingProblem:
    kind: str  # restart | style | comma | bracket | sequence | order
    start: int
    end: int
    quote: str
    message: str


def _label(level: int, n: int) -> str:
    return {2: f"（{chinese_ordinal(n)}）", 3: f"{n}.", 4: f"（{n}）", 5: f"{chinese_ordinal(n)}是"}[level]


def numbering_problems(text: str) -> list[NumberingProblem]:
    if not text:
        return []
    c = compact(text)
    events = _events(c.s)
    return _NumberingPass(c).run(events) if events else []


# ---- the markers, in text order: (pos, end, kind, number)

def _events(s: str) -> list[tuple[int, int, str, int]]:
    """The markers and the heading lines; none at all when there is no marker (a heading alone raises nothing:
    it only makes a list after it start afresh), so most sections' paragraphs are not read for headings."""
    events = _marker_events(s) + _shi_events(s)
    if not events:
        return events
    events += _heading_events(s, {i for i, _, _, _ in events})
    events.sort()
    return events


# where a marker can count: the text's start, or after one of these (after ：: only a list that starts afresh);
# the patterns are looked for right after them, not at every character
_AFTER = "\n。！？!?：:"
_MARKERS_AFTER = re.compile(f"[{_AFTER}](?:{_MARKERS.pattern})")


def _found_after(s: str, anywhere: re.Pattern, after: re.Pattern) -> list[tuple[int, re.Match]]:
    """(where the marker starts, its match) at the text's start and after each character of `after`'s set:
    what anywhere.finditer(s) finds at those places (a marker holds none of those characters, so no match
    found elsewhere can reach over one of them)."""
    found = []
    first = anywhere.match(s)
    if first is not None:
        found.append((0, first))
    found += [(m.start() + 1, m) for m in after.finditer(s)]
    return found


def _marker_events(s: str) -> list[tuple[int, int, str, int]]:
    events = []
    for start, m in _found_after(s, _MARKERS, _MARKERS_AFTER):
        if s[m.end():m.end() + 1] in ("项", "条", "款", "目"):
            continue
        kind = m.lastgroup
        if kind is None:  # every alternative of _MARKERS is a named group: never, but say so to the types
            continue
        n = parse_int(m.group(kind))
        if n is None or n == 0:
            continue
        if kind == "l2open" and _PARENTHETICAL.match(s, m.end()):
            continue  # 「（一季度完成）」「（二期工程正在推进）」: a remark in brackets, not a marker
        if not _starts_here(s, start):
            # 「依申请公开方面：1.规范流程。2.加强培训。」: a list opened after a colon starts afresh
            if n == 1 and start > 0 and s[start - 1] in "：:" and kind in ("l2", "l3", "l4"):
                events.append((start, m.end(), "restart_" + kind, n))
            elif s[start - 1] == "\n" and kind in ("l2", "l2close", "l3", "l3comma", "l4"):
                # a line after one that lacks its 。: a wrapped line, or a paragraph whose full stop was left
                # out (「…其它类信息155条」 then 「（二）依申请公开」 or 「二）依申请公开」); the pass keeps it only if it
                # goes on a run
                events.append((start, m.end(), "soft_" + kind, n))
            continue
        events.append((start, m.end(), kind, n))
    return events


def _shi_markers(s: str) -> list[tuple[int, int, str]]:
    """(start, end, numeral) of each 「一是」…「十是」 (one to three numerals, then 是) at the text's start or
    after a character of _SHI_START, found from each 是 (few) by the numerals just before it rather than by a
    pattern tried at every character."""
    found = []
    i = s.find("是")
    while i >= 0:
        j = i
        while j > 0 and i - j < 3 and s[j - 1] in _CN:
            j -= 1
        if j < i and (j == 0 or s[j - 1] in _SHI_START):
            found.append((j, i + 1, s[j:i]))
        i = s.find("是", i + 1)
    return found


def _shi_events(s: str) -> list[tuple[int, int, str, int]]:
    events = []
    for start, end, numeral in _shi_markers(s):
        if s[start - 1:start] == "\n" and not _starts_here(s, start):
            continue
        n = parse_int(numeral)
        if n:
            events.append((start, end, "shi", n))
    return events


def _heading_events(s: str, marked: set[int]) -> list[tuple[int, int, str, int]]:
    """An unnumbered heading line (「改进措施：」「存在问题」) opens a new list: a 1. after it starts afresh."""
    events = []
    for m in _PARAGRAPH.finditer(s):
        para = m.group(0)
        if m.start() not in marked and para and (len(para) <= 20 or para[-1] in "：:"):
            events.append((m.start(), m.start(), "heading", 0))
    return events


# ---- reading them

_LEVEL = {"l2": 2, "l2open": 2, "l2close": 2, "l3": 3, "l3comma": 3, "l4": 4, "shi": 5}
_DEEPER = {level: tuple(range(level + 1, 6)) for level in range(2, 6)}


_STYLE_KINDS = ("l1dot", "l2open", "l2close", "l3comma")  # the forms wrong in themselves


def _style_message(kind: str, q: str, n: int) -> tuple[str, str] | None:
    """The problem a marker's own form has, whatever its place in the run."""
    if kind == "l1dot":
        return "style", f"「{q}」：一级序号应为「{chinese_ordinal(n)}、」，且部分内应使用（{chinese_ordinal(n)}）"
    if kind == "l2open":
        return "bracket", f"「{q}」缺少右括号，应为「（{chinese_ordinal(n)}）」"
    if kind == "l2close":
        return "bracket", f"「{q}」缺少左括号，应为「（{chinese_ordinal(n)}）」"
    if kind == "l3comma":
        return "comma", f"「{q}」：阿拉伯数字序号应写作「{n}.」，不用顿号；层次为 一、→（一）→1.→（1）"
    return None


class _NumberingPass:
    """One pass over the markers, keeping the last number of each level and the runs a shallower marker cut."""

    def __init__(self, c: Compact):
        self.c, self.s = c, c.s
        self.out: list[NumberingProblem | None] = []  # None: withdrawn (see `cut`)
        self.last: dict[int, int | None] = {2: None, 3: None, 4: None, 5: None}  # last number seen per level
        # a run of a deeper level cut by a first marker of a shallower one: deeper level → (its last number,
        # the shallower marker's span and level, the index of the problem that marker raised).
        # 「1.… （一）…（二）… 2.…」: when the deeper run then goes on (2.), the （一） was nested inside 1.
        self.cut: dict[int, tuple[int, int, int, int, int | None]] = {}

    def run(self, events: list[tuple[int, int, str, int]]) -> list[NumberingProblem]:
        after_heading = False
        for i, j, kind, n in events:
            if kind == "heading":
                after_heading = True
                continue
            if kind.startswith("soft_"):
                kind = kind[len("soft_"):]
                if n != (self.last[_LEVEL[kind]] or -1) + 1:
                    continue  # a wrapped line that happens to start with 「（二）」: not a marker
            if after_heading and n == 1 and kind in ("l2", "l3", "l4", "l3comma"):
                self._forget(_LEVEL[kind])  # a new list under the heading
            after_heading = False
            self._read(i, j, kind, n)
        out = [p for p in self.out if p is not None]
        out.sort(key=lambda p: p.start)
        return out

    def _read(self, i: int, j: int, kind: str, n: int) -> None:
        if kind == "l1":
            q = self._quote(i, j)
            self._add("restart", i, j, f"本部分内出现一级序号「{q}」：一级序号只用于六个部分的标题，这里应使用（一）（二）…")
            for lv in self.last:
                self.last[lv] = None
            self.cut.clear()
            return
        style = _style_message(kind, self._quote(i, j), n) if kind in _STYLE_KINDS else None
        if style:
            self._add(style[0], i, j, style[1])
        if kind == "l1dot":
            return  # a level-1 marker in the wrong form: not part of a run
        if kind.startswith("restart_"):
            level = _LEVEL[kind[len("restart_"):]]
            self._forget(level)
        else:
            level = _LEVEL[kind]
        self._step(level, n, i, j)

    def _forget(self, level: int) -> None:
        self.last[level] = None
        self.cut.pop(level, None)

    def _step(self, level: int, n: int, i: int, j: int) -> None:
        """Marker number n of `level` at [i, j): check it against the run it continues."""
        last = self.last
        saved = {d: v for d in range(level + 1, 5) if (v := last[d]) is not None} if n == 1 and level >= 2 else {}
        for deeper in _DEEPER[level]:
            last[deeper] = None
        prev = last[level]
        last[level] = n
        seq = len(self.out)
        if prev is None and level in self.cut and self._nested_wrong_way(level, n):
            return
        self._check_sequence(level, prev, n, i, j)
        for d in saved:
            self.cut[d] = (saved[d], i, j, level, seq if len(self.out) > seq else None)

    def _nested_wrong_way(self, level: int, n: int) -> bool:
        """True (and reported) when a run cut by a shallower marker goes on: that marker sat inside it."""
        before, ci, cj, clevel, dup = self.cut.pop(level)
        if n != before + 1:
            return False
        if dup is not None:
            self.out[dup] = None  # 「（一）」 again was not a repeat but a level nested the wrong way
        q = self._quote(ci, cj)
        self._add("order", ci, cj, f"层次颠倒：「{q}」写在「{_label(level, before)}」之下，其后又接「{_label(level, n)}」；"
                                   f"层次应为 一、→（一）→1.→（1），「{_label(clevel, 1)}」不能用在「{_label(level, 1)}」之下")
        return True

    def _check_sequence(self, level: int, prev: int | None, n: int, i: int, j: int) -> None:
        if prev is None or n == prev + 1 or (level == 5 and n == 1):
            return
        q = self._quote(i, j)
        if n == prev:
            self._add("sequence", i, j, f"序号重复：「{_label(level, prev)}」之后又是「{q}」")
        elif n > prev + 1:
            self._add("sequence", i, j, f"序号不连续：「{_label(level, prev)}」之后是「{q}」，缺少「{_label(level, prev + 1)}」")
        elif level != 5:
            self._add("sequence", i, j, f"序号顺序颠倒：「{_label(level, prev)}」之后是「{q}」")

    def _add(self, kind: str, i: int, j: int, message: str) -> None:
        a, b = self.c.span(i, j)
        self.out.append(NumberingProblem(kind, a, b, self.s[i:j], message))

    def _quote(self, i: int, j: int) -> str:
        s = self.s
        k = j
        while k < len(s) and k < j + 8 and s[k] not in "，。；：,;:\n":
            k += 1
        return s[i:k]
