"""The six headings as agencies word them besides the form's own wording: the 2019 trial form's (「四、因政府信息公开
工作被申请行政复议、提起行政诉讼情况」「五、政府信息公开工作存在的主要问题及改进情况」) and the common variants of 五
(存在的(主要)问题 及/和/与 改进/整改 措施/情况/方向/计划), of 一 (「概述」), and 二, 三 and 六 with a 的 more or
less or 「其它」 for 「其他」 (「二、主动公开政府信息的情况」「六、其他需要报告事项」).  The importer finds a section by them; S.HEADINGS
names them as a warning (worded differently), where a heading with a slip in its words is an error."""
from __future__ import annotations

import re

HEADING_END = r"[。:：]?$"  # a heading line may end in 。 or a colon (ingest/flat.py strips it to find a variant mid-line)
VARIANTS = {
    "s1": re.compile(r"^概述" + HEADING_END),
    "s2": re.compile(r"^主动公开政府信息的?情况" + HEADING_END),
    "s3": re.compile(r"^收到和处理政府信息公开申请的?情况" + HEADING_END),
    "s4": re.compile(r"^因?政府信息公开(?:工作)?被?(?:申请)?行政复议[、和及与]?(?:提起)?行政诉讼(?:的)?情况" + HEADING_END),
    "s5": re.compile(r"^(?:政府信息公开工作)?存在的?(?:主要)?(?:困难和)?问题(?:及|和|与|以及)(?:其)?(?:下一步)?(?:改进|整改)"
                     r"(?:措施|情况|方向|计划|举措)?" + HEADING_END),
    "s6": re.compile(r"^其[他它]需要报告的?事项" + HEADING_END),
}


def variant_section(words: str) -> str | None:
    """The section whose heading `words` (without its number, spaces removed) is a known variant of."""
    for sid, pattern in VARIANTS.items():
        if pattern.match(words):
            return sid
    return None
