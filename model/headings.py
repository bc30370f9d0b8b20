"""The six headings as agencies word them besides the form's own wording: the 2019 trial form's (「四、因政府信息公开
工作被申请行政复议、提起行政诉讼情况」「五、政府信息公开工作存在的主要问题及改进情况」) and the common variants of 五
(存在的(主要)问题 及/和/与 改进/整改 措施/情况/方向/计划) and of 一 (「概述」).  The importer finds a section by them; S.HEADINGS
names them as a warning (worded differently), where a heading with a slip in its words is an error."""
from __future__ import annotations

import re

_END = r"[。:：]?$"
VARIANTS = {
    "s1": re.compile(r"^概述" + _END),
    "s4": re.compile(r"^因?政府信息公开(?:工作)?被?(?:申请)?行政复议[、和及与]?(?:提起)?行政诉讼(?:的)?情况" + _END),
    "s5": re.compile(r"^(?:政府信息公开工作)?存在的?(?:主要)?(?:困难和)?问题(?:及|和|与|以及)(?:其)?(?:下一步)?(?:改进|整改)"
                     r"(?:措施|情况|方向|计划|举措)?" + _END),
}


def variant_section(words: str) -> str | None:
    """The section whose heading `words` (without its number, spaces removed) is a known variant of."""
    for sid, pattern in VARIANTS.items():
        if pattern.match(words):
            return sid
    return None
