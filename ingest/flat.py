"""A page whose text lost every line break (copied from some CMS pages and document-sharing sites): the title,
the six headings, the tables and the paragraphs run on in one line.

ingest/runon.py already cuts such a line where a heading follows 「。」, a figure or a space and is worded as the
form words it.  When that finds no report (no title and no heading), this fallback puts the line breaks back
more widely — before a heading worded as agencies word it (model/headings.py) whatever precedes it, before the
rows of tables 二, 三 and 四 (runon's own row cutter) and before 「（一）」 after a sentence end — and the text is
read again as usual.  The fallback's read is kept only when it finds the headings; the table readers are the
usual ones, so a row they cannot read for sure stays blank and is named."""
from __future__ import annotations

import re

from model.headings import HEADING_END, VARIANTS
from model.schema import SECTIONS

from .runon import RUN_ON, TABLE_SECTIONS, table_rows, title_cut

MAX_LINES = 3  # a title and a byline may keep their own lines; the rest runs on
_NUMBERS = "一二三四五六"


def _words(sid: str, heading: str) -> str:
    """The heading's words as the form prints them (spaces allowed between), or as a known variant."""
    official = r"\s*".join(map(re.escape, heading.split("、", 1)[1][:4]))
    variant = VARIANTS[sid].pattern.removeprefix("^").removesuffix(HEADING_END)
    return f"(?:{official}|{variant})"


# a heading's number and words, wherever it stands: a flattened page leaves any character before it
_HEADING = re.compile("|".join(
    rf"(?:(?<![一二三四五六七八九十第（(]){_NUMBERS[k]}|(?<![\d.．第（(]){k + 1})\s*[、.．]\s*{_words(s.id, s.heading)}"
    for k, s in enumerate(SECTIONS)))
_ITEM = re.compile(r"(?<=[。；;！!？?])\s*(?=[（(][一二三四五六七八九十][）)])")  # 「。（二）…」: a sub-item starts


def is_flattened(text: str) -> bool:
    """A text long enough for a report whose lines, but for a few, run on in one."""
    return len(text) >= RUN_ON and text.strip().count("\n") < MAX_LINES


def reflowed(text: str) -> str | None:
    """The flattened text with its line breaks put back; None where fewer than two headings are found."""
    text = text.replace("**", "")  # Markdown bold around a heading: no words of the report
    starts = [m.start() for m in _HEADING.finditer(text)]
    if len(starts) < 2:
        return None
    lines = title_cut(" ".join(text[:starts[0]].split()))
    for a, b in zip(starts, starts[1:] + [len(text)]):
        part = text[a:b].strip()
        lines.extend(table_rows(part) if TABLE_SECTIONS.match(part) else _ITEM.split(part))
    return "\n".join(line.strip() for line in lines if line.strip()) + "\n"
