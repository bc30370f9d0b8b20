"""Word's automatic list numbering (「一、」「（一）」 that are not in the text but drawn by Word).

Headings of a report are often auto-numbered; without the number a heading would look unnumbered to the
checks.  Supports the counting formats a Chinese report uses; anything else gives no number."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # python-docx is imported where a file is read (the sandbox child)
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

_CN = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    return str(n)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographTraditional",
               "taiwaneseCounting", "taiwaneseCountingThousand", "chineseLegalSimplified"):
        return _chinese(n)
    if fmt in ("decimal", "decimalZero", "decimalFullWidth", "decimalHalfWidth", "decimalEnclosedParen",
               "decimalEnclosedFullstop"):
        return str(n)
    if fmt == "lowerLetter" and 1 <= n <= 26:
        return chr(96 + n)
    if fmt == "upperLetter" and 1 <= n <= 26:
        return chr(64 + n)
    return ""


class Numbering:
    def __init__(self, document: Document) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part: nothing is auto-numbered
            return
        abstract = {}
        for an in root.iterchildren(qn("w:abstractNum")):
            lv = {}
            for lvl in an.iterchildren(qn("w:lvl")):
                try:
                    ilvl = int(lvl.get(qn("w:ilvl")))
                except (TypeError, ValueError):
                    continue
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                # a format or text element without its value: no number (format_number("") is "")
                lv[ilvl] = ((fmt.get(qn("w:val")) or "") if fmt is not None else "decimal",
                            (text.get(qn("w:val")) or "") if text is not None else "",
                            int(start.get(qn("w:val"))) if start is not None and (start.get(qn("w:val")) or "").isdigit() else 1)
            abstract[an.get(qn("w:abstractNumId"))] = lv
        for num in root.iterchildren(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None and ref.get(qn("w:val")) in abstract:
                self.levels[num.get(qn("w:numId"))] = abstract[ref.get(qn("w:val"))]

    def _num_pr(self, p: BaseOxmlElement, styles: dict[str, BaseOxmlElement]) -> tuple[str, int] | None:
        qn = self.qn
        ppr = p.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is None and ppr is not None:
            st = ppr.find(qn("w:pStyle"))
            if st is not None:
                num_pr = styles.get(st.get(qn("w:val")))
        if num_pr is None:
            return None
        nid = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if nid is None:
            return None
        try:
            return nid.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
        except (TypeError, ValueError):
            return None

    def label(self, p: BaseOxmlElement, styles: dict[str, BaseOxmlElement]) -> str:
        """The number Word draws before paragraph p ('' when none), advancing the counters."""
        got = self._num_pr(p, styles)
        if not got or got[0] not in self.levels:
            return ""
        nid, ilvl = got
        levels = self.levels[nid]
        if ilvl not in levels:
            return ""
        count = self.counters.setdefault(nid, {})
        count[ilvl] = count.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in count if k > ilvl]:
            del count[deeper]
        text = levels[ilvl][1]
        for k in range(9):
            if f"%{k + 1}" in text:
                fmt, _, start = levels.get(k, ("decimal", "", 1))
                text = text.replace(f"%{k + 1}", format_number(count.get(k, start), fmt))
        return text


def style_numbering(document: Document) -> dict[str, BaseOxmlElement]:
    """Paragraph style id → its numPr element (headings numbered through their style)."""
    from docx.oxml.ns import qn

    out: dict[str, BaseOxmlElement] = {}
    try:
        styles = document.styles.element
    except Exception:
        return out
    for st in styles.iterchildren(qn("w:style")):
        ppr = st.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is not None:
            out[st.get(qn("w:styleId"))] = num_pr
    return out
