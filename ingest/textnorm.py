"""Small text helpers shared by the readers and the parsers."""
from __future__ import annotations

import re
import unicodedata

_QUOTES = dict.fromkeys(map(ord, "“”\"‘’'「」『』〝〞"), None)
_WS = re.compile(r"\s+")


# 「①属于国家秘密」: a circled row number is 「1.」, not the figure 1 that NFKC would make of it
_CIRCLED = {0x2460 + k: f"{k + 1}." for k in range(9)}


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text.translate(_CIRCLED))


def label_key(text: str) -> str:
    """How labels are compared: width, spaces, quotes and 「1、」/「1.」/「（1）」 do not matter."""
    t = nfkc(text).translate(_QUOTES)
    t = _WS.sub("", t)
    t = re.sub(r"(?<![\d.])\((\d)\)(?!\d)", r"\1.", t)
    return re.sub(r"(?<![\d.])(\d)、", r"\1.", t)


def display_key(text: str) -> str:
    """Like label_key but keeps 「1、」 and quotes, so that a printed label can be compared word for word."""
    t = nfkc(text).replace("“", '"').replace("”", '"')
    return _WS.sub("", t)


def squeeze(text: str) -> str:
    """Collapse whitespace; drop it between two Chinese characters (pdftotext justification)."""
    t = _WS.sub(" ", text.replace("\u3000", " ")).strip()
    return re.sub(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]) (?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’])",
                  "", t)


def width(text: str) -> float:
    """Printed width in Chinese characters (ASCII counts half)."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


PAGE_NUMBER = re.compile(
    r"^\s*(?:[-－—–‐]\s*\d{1,4}\s*[-－—–‐]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[-－—–‐]?\s*[0-9]{1,3}\s*[-－—–‐]\s*$)\s*$")


def is_page_furniture(line: str) -> bool:
    """Page numbers such as 「-3-」「- 3 -」「第3页 共6页」 (not a figure: figures never carry dashes)."""
    s = line.strip()
    if not s or len(s) > 20:
        return False
    if not PAGE_NUMBER.match(s):
        return False
    # 「3/6」 is page 3 of 6; 「267 / 90」 is two figures and a 「/」 (a page number never exceeds the count,
    # and an annual report has a few dozen pages, not hundreds)
    m = re.fullmatch(r"(\d{1,4})\s*/\s*(\d{1,4})", s)
    return not m or 1 <= int(m.group(1)) <= int(m.group(2)) <= 99
