"""The field lines a scraped or saved web page carries before the body: 「标题: …」「发布机构: …」「发布时间: …」
「文号: …」.  Their title and organ stand in for a body that prints no title of its own."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .textnorm import nfkc

_WORDS = (r"标\s*题|题\s*名|名\s*称|发布机构|发文机关|发布单位|来\s*源|发布时间|发布日期|成文日期|"
          r"文\s*号|索\s*引\s*号|主题分类|公开方式|公开目录|公开范围|公开时限|信息来源")
_LABEL = rf"({_WORDS})\s*[:：]"
_CELL_LABEL = re.compile(rf"^\s*({_WORDS})\s*[:：]?\s*$")  # a cell of a page's field table
_NOT_LABEL = re.compile(r"[:：\s]")
_FIELD = re.compile(rf"^\s*{_LABEL}")
# a field after another on the same line (「名 称: …年度报告 发布日期: 2025-01-20」): after a space, or at the start
_EACH_FIELD = re.compile(rf"(?:^|(?<=\s)){_LABEL}")
_KEY = {"标题": "title", "题名": "title", "名称": "title", "发布机构": "organ", "发文机关": "organ",
        "发布单位": "organ", "来源": "organ", "发布时间": "date", "发布日期": "date", "成文日期": "date"}


# a field table copied as text keeps its labels but not its colons: 「标 题 某局…年度报告」「发布机构 某局 发文日期 …」
_BARE_LABEL = re.compile(rf"(?:^|(?<=\s))({_WORDS})\s+(?=\S)")
_STARTS_BARE = re.compile(rf"^\s*({_WORDS})\s+(?=\S)")


def with_colons(line: str) -> str:
    """A line that starts with a field's label but no colon (「标 题 某局…报告」) written as field line(s)
    (「标题：某局…报告」), so that it is read as one and not taken for the title; any other line as it is."""
    if not _STARTS_BARE.match(line) or _FIELD.match(line):
        return line
    return _BARE_LABEL.sub(lambda m: re.sub(r"\s+", "", m.group(1)) + "：", line)


def page_fields(lines: Sequence[str | None]) -> tuple[dict[str, str], int | None]:
    """({title, organ, date}: text) from the field lines among lines, and the index of the last field line."""
    fields: dict[str, str] = {}
    last = None
    for i, line in enumerate(lines):
        text = nfkc(line or "")
        if "|" in text:  # a row of the field table as text: 「标题 | …年度报告 |」
            text = field_line(text.split("|")) or text
        if not _FIELD.match(text):
            continue
        last = i
        for key, value in _line_fields(text):
            if key and value and key not in fields:
                fields[key] = value
    return fields, last


def _line_fields(text: str) -> list[tuple[str | None, str]]:
    """(key, value) of each field on a line, a value ending where the next field's label starts."""
    marks = list(_EACH_FIELD.finditer(text))
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [(_KEY.get(re.sub(r"\s+", "", m.group(1))), text[m.end():end].strip()) for m, end in zip(marks, ends)]


def field_line(cells: list) -> str | None:
    """A row of a page's field table (「索引号 | … | 发布机构 | 某局 |」) as a field line 「索引号：… 发布机构：某局」,
    or None when the row does not start with a field's label."""
    cells = [c.strip() for c in cells if isinstance(c, str) and c.strip()]
    if not cells or not _CELL_LABEL.match(cells[0]):
        return None
    out = []
    for i, cell in enumerate(cells):
        if _CELL_LABEL.match(cell):
            value = cells[i + 1] if i + 1 < len(cells) and not _CELL_LABEL.match(cells[i + 1]) else ""
            out.append(_NOT_LABEL.sub("", cell) + "：" + value)
    return " ".join(out)


def field_table_lines(rows: list[list]) -> str | None:
    """A web page's field table (a grid whose rows start with field labels) as one line of fields."""
    lines = [line for row in rows if (line := field_line(row))]
    return " ".join(lines) if lines else None
