"""A section's text as the exports lay it out: paragraphs, each one a 一、 heading, a （一） heading on its
own line, a paragraph opening with a run-in （一）…。 heading, or plain body text.  One reading for the
PDF, the Word document and the web page, so the three agree."""
from __future__ import annotations

import re
from dataclasses import dataclass

_LEVEL2 = re.compile(r"^（[一二三四五六七八九十]{1,3}）[^。！？\n]{0,40}?[。：]")
_LEVEL2_ALONE = re.compile(r"^（[一二三四五六七八九十]{1,3}）[^。！？；，]{0,30}$")
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]{1,3}、")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

BODY, LEVEL1, LEVEL2 = "body", "level1", "level2"


@dataclass(frozen=True)
class Part:
    kind: str  # BODY, LEVEL1 or LEVEL2 (a heading on its own line)
    head: str  # a BODY paragraph's run-in （一）…。 heading, else ""
    text: str  # the rest (the whole heading for LEVEL1 and LEVEL2)


def clean(text: str) -> str:
    """Text any export format can carry: no control characters (XML forbids them), tabs as spaces."""
    return _CONTROL.sub("", text).replace("\t", " ")


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a section, trimmed: a clerk's line is a paragraph."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [p for p in (clean(line).strip() for line in lines) if p]


def classify(paragraph: str) -> Part:
    if _LEVEL1.match(paragraph):
        return Part(LEVEL1, "", paragraph)
    if _LEVEL2_ALONE.match(paragraph):
        return Part(LEVEL2, "", paragraph)
    m = _LEVEL2.match(paragraph)
    if m:
        return Part(BODY, paragraph[:m.end()], paragraph[m.end():])
    return Part(BODY, "", paragraph)


def parts(text: str) -> list[Part]:
    return [classify(p) for p in paragraphs(text)]
