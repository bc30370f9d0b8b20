"""S.STATUTE: the statute's name, 书名号 nesting and the 〔〕 of 文号.

- 《中华人民共和国政府信息公开条例》 exactly.  The short forms 《政府信息公开条例》 and 《条例》 (「以下简称」)
  are accepted; a name within a few characters of the full one (《中华人民共和国信息公开条例》) is not.
  Names of other laws are never touched: only near misses of this one name are flagged.
- A 书名号 inside 《》 is 〈〉: 《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》.
- The year of a 文号 is in 〔〕: 国办函〔2020〕109号, not 国办函（2020）109号 / [2020] / 【2020】.
  Court case numbers (（2023）苏08行初12号) keep their round brackets: a 文号 has digits then 号 after
  the year, a case number has letters.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .compact import compact

STATUTE = "中华人民共和国政府信息公开条例"
SHORT = "政府信息公开条例"
_SHORT_FORMS = {STATUTE, SHORT, "条例"}
_TITLE = re.compile(r"《([^《》\n]{1,60})》")
_NESTED = re.compile(r"《[^《》\n]*《([^《》\n]*)》[^《》\n]*》")
_DOC_NO = re.compile(r"([\u4e00-\u9fff]{1,12}?)([（(\[【［〔〔])((?:19|20)\d{2})([）)\]】］〕])(\d{1,5})号")
# its part from the bracket on: found quickly (it starts with a bracket), then the whole looked for just before
_DOC_NO_CORE = re.compile(r"[（(\[【［〔〔](?:19|20)\d{2}[）)\]】］〕]\d{1,5}号")


@dataclass(frozen=True)
class StatuteProblem:
    kind: str  # name | nested | doc_no
    start: int  # original offsets
    end: int
    quote: str
    message: str


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance when at most `limit`, else limit + 1 (given up once it is certainly over)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    # each character of one that the other lacks takes an edit
    if sum(ch not in b for ch in a) > limit or sum(ch not in a for ch in b) > limit:
        return limit + 1
    a, b = _differing_middles(a, b)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return min(prev[-1], limit + 1)


def _differing_middles(a: str, b: str) -> tuple[str, str]:
    """a and b without the start and end they share: the distance between them is the same, and a near miss
    of the statute's name (《中华人民共和国信息公开条例》) leaves a few characters instead of a 13 × 15 table."""
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return a[head:len(a) - tail], b[head:len(b) - tail]


def _doc_numbers(s: str) -> Iterator[re.Match]:
    """What _DOC_NO.finditer(s) finds: a match starts at most 12 characters before its bracket."""
    prev_end = 0
    for core in _DOC_NO_CORE.finditer(s):
        m = _DOC_NO.search(s, max(prev_end, core.start() - 12), core.end())
        if m is not None:
            prev_end = m.end()
            yield m


def statute_problems(text: str) -> list[StatuteProblem]:
    if not text:
        return []
    c = compact(text)
    s = c.s
    out: list[StatuteProblem] = []
    titled = "《" in s  # most sections cite nothing: their patterns are not tried at all
    for m in _TITLE.finditer(s) if titled else ():
        name = m.group(1)
        if name in _SHORT_FORMS or ("信息公开" not in name and "条例" not in name):
            continue
        if STATUTE in name or "〈" in name:
            continue  # a longer title that cites the statute: 《中华人民共和国政府信息公开条例释义》
        # near misses only: other statutes named 中华人民共和国…条例 are 5+ edits away, and none is about 公开
        d = _distance(name, STATUTE, 4)
        # the short form one character off: 《政府信息公开条列》《政府信息公开条》
        near_short = _distance(name, SHORT, 1) == 1
        if d <= 2 or (d <= 4 and "公开" in name) or near_short:
            a, b = c.span(m.start(), m.end())
            out.append(StatuteProblem("name", a, b, m.group(0),
                                      f"法规名称写作「{m.group(0)}」，应为「《{STATUTE}》」"
                                      + (f"（或简称「《{SHORT}》」）" if near_short else "")))
    for m in _NESTED.finditer(s) if titled else ():
        a, b = c.span(m.start(), m.end())
        inner = m.group(1)
        out.append(StatuteProblem("nested", a, b, m.group(0),
                                  f"书名号内又用书名号：「{m.group(0)}」，内层应写作「〈{inner}〉」"))
    for m in _doc_numbers(s) if "号" in s else ():
        if m.group(2) == "〔" and m.group(4) == "〕":
            continue
        a, b = c.span(m.start(2) - min(len(m.group(1)), 6), m.end())
        shown = s[m.start(2) - min(len(m.group(1)), 6): m.end()]
        fixed = shown.replace(m.group(2) + m.group(3) + m.group(4), f"〔{m.group(3)}〕")
        out.append(StatuteProblem("doc_no", a, b, shown,
                                  f"文号「{shown}」的年份应使用六角括号〔〕：「{fixed}」"))
    out.sort(key=lambda p: p.start)
    return out
