"""A whole report given as one paragraph (web archives, some CMS pages): the title, the six headings and the
tables run on in one line.  The line is cut before each heading found inside the running text (a heading
number after 「。」, after a table's last figure or cell (「|」 of a Markdown table run on) or at the start,
followed by the heading's own words) and after
a title at the start, so that the section and table readers see what they see in any other text; a table's
figures end at the next heading, and the years of the next section never join them."""
from __future__ import annotations

import re

from model.schema import SECTIONS, T2_BLOCKS, T2_CONTENT_LABEL

from .textnorm import nfkc

RUN_ON = 400  # characters: a line this long holding two headings is a whole report run together
_NUMBERS = "一二三四五六"
# the first words of each heading (section 五 also as agencies word it), after its number
_WORDS = {s.id: re.escape(s.heading.split("、", 1)[1][:4]) for s in SECTIONS}
_WORDS["s5"] = "存在的?(?:主要)?(?:困难和)?问题"
_HEADING = re.compile("|".join(
    rf"(?:(?<=^)|(?<=[。；;！!？?\d\s）)”|]))(?:{_NUMBERS[k]}|{k + 1})\s*[、.．]\s*{_WORDS[s.id]}"
    for k, s in enumerate(SECTIONS)))
# where a row of a run-together table starts: a block of 二, its labels, a row number of 三 (「二、」「（三）」「4.」:
# a sub-row number is one digit, so the digit before 「.」 is the label's even when figures precede it)
_ROW = re.compile("|".join([r"第二十条第", re.escape(T2_CONTENT_LABEL)]
                           + [re.escape(label) for b in T2_BLOCKS for _, label in b.rows]
                           + [r"[一二三四]、", r"（[一二三四五六七]）", r"[1-8]\.(?!\d)"]))
TABLE_SECTIONS = re.compile(r"^(?:[二三四]|[234])\s*[、.．]")
_TITLE = re.compile(r"^.{4,60}?(?:工作)?年度报告")
# a table section's heading in full: the table's header and figures that follow it on the line are the table's
_TABLE_HEADING = re.compile("|".join(
    r"^\s*(?:[二三四]|[234])\s*[、.．]\s*" + r"\s*".join(map(re.escape, s.heading.split("、", 1)[1]))
    for s in SECTIONS[1:4]))


def split_run_on(items: list[tuple]) -> list[tuple]:
    """Each run-on line item as its title, preamble and one line per section (heading first)."""
    out: list[tuple] = []
    for kind, line in items:
        parts = _cut(line) if kind == "line" and line and len(line) >= RUN_ON else None
        out.extend(("line", p) for p in parts) if parts else out.append((kind, line))
    return out


def _cut(line: str) -> list[str] | None:
    key = nfkc(line)
    starts = [m.start() for m in _HEADING.finditer(key if len(key) == len(line) else line)]
    if len(starts) < 2:
        return None
    parts = title_cut(line[:starts[0]])
    for a, b in zip(starts, starts[1:] + [len(line)]):
        part = line[a:b].strip()
        parts.extend(table_rows(part) if TABLE_SECTIONS.match(part) else [part])
    return parts


def table_rows(section: str) -> list[str]:
    """A table section run together: one line per row (its heading first, on a line of its own: a heading line
    holds no figure), as the table readers know it."""
    head = _TABLE_HEADING.match(section)
    if head and head.end() < len(section):
        return [head.group()] + table_rows(section[head.end():])
    cuts = [m.start() for m in _ROW.finditer(section) if m.start() > 0]
    rows = [section[a:b] for a, b in zip([0] + cuts, cuts + [len(section)])]
    return [r for r in rows if r.strip()]


def title_cut(head: str) -> list[str]:
    """The text before the first heading: a title at its start on a line of its own, then the preamble."""
    m = _TITLE.match(head.strip())
    parts = [m.group(), head.strip()[m.end():]] if m else [head.strip()]
    return [p for p in parts if p]
