"""The field lines a scraped or saved web page carries before the body: 「标题: …」「发布机构: …」「发布时间: …」
「文号: …」.  Their title and organ stand in for a body that prints no title of its own."""
from __future__ import annotations

import re

from .textnorm import nfkc

_FIELD = re.compile(r"^\s*(标\s*题|题\s*名|名\s*称|发布机构|发文机关|发布单位|来\s*源|发布时间|发布日期|成文日期|"
                    r"文\s*号|索\s*引\s*号|主题分类|公开方式)\s*[:：]\s*(.*?)\s*$")
_KEY = {"标题": "title", "题名": "title", "名称": "title", "发布机构": "organ", "发文机关": "organ",
        "发布单位": "organ", "来源": "organ", "发布时间": "date", "发布日期": "date", "成文日期": "date"}


def page_fields(lines: list[str | None]) -> tuple[dict[str, str], int | None]:
    """({title, organ, date}: text) from the field lines among lines, and the index of the last field line."""
    fields: dict[str, str] = {}
    last = None
    for i, line in enumerate(lines):
        m = _FIELD.match(nfkc(line or ""))
        if not m:
            continue
        last = i
        key = _KEY.get(re.sub(r"\s+", "", m.group(1)))
        if key and m.group(2) and key not in fields:
            fields[key] = m.group(2)
    return fields, last
