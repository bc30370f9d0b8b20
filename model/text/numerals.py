"""Numbers as written in Chinese prose: 82, 3,119, ３１, 两, 十二, 一百零五."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
          "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERALS = "零〇一二两三四五六七八九十百千"


def parse_int(text: str) -> int | None:
    """An integer from Arabic or Chinese numerals; None when it is not one."""
    if text.isascii() and text.isdigit():  # the usual case, as NFKC leaves it
        return int(text) if len(text) <= 15 else None
    return _parse_other(text)


@lru_cache(maxsize=1024)  # the same few 一 二 三 of numbering markers, asked for in every section
def _parse_other(text: str) -> int | None:
    t = unicodedata.normalize("NFKC", text).replace(",", "").replace("，", "")
    if not t:
        return None
    if t.isdigit():
        return int(t) if len(t) <= 15 else None
    return _chinese(t)


def _chinese(t: str) -> int | None:
    if any(ch not in _DIGIT and ch not in _UNIT for ch in t):
        return None
    total, digit = 0, None
    for ch in t:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        else:
            unit = _UNIT[ch]
            total += (1 if digit is None else digit) * unit
            digit = None
    if digit is not None:
        total += digit
    return total


def chinese_ordinal(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一 (for 一、 一是 （一）)."""
    d = "零一二三四五六七八九"
    if n < 10:
        return d[n]
    if n < 20:
        return "十" + (d[n - 10] if n > 10 else "")
    return d[n // 10] + "十" + (d[n % 10] if n % 10 else "")
