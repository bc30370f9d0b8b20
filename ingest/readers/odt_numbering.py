"""Automatic list numbers of an OpenDocument text (「一、」「（一）」 drawn by the program, not in the text), as
the .docx reader renders them: a text:list names a list style (in content.xml or styles.xml) whose
text:list-level-style-number gives each level's format, prefix, suffix and start; a list continues the
numbering of the one before it only when it says so (text:continue-numbering, text:continue-list)."""
from __future__ import annotations

from xml.etree.ElementTree import Element

from .docx_numbering import format_number

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
LOEXT = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
LIST_STYLE, LEVEL_NUMBER = f"{{{TEXT}}}list-style", f"{{{TEXT}}}list-level-style-number"
LEVEL_BULLET = f"{{{TEXT}}}list-level-style-bullet"


def _format_name(num_format: str) -> str:
    """style:num-format → the .docx format names format_number knows ('' for no number)."""
    if not num_format:
        return ""
    first = num_format[0]
    if first in "一壹":
        return "chineseCounting"
    if first == "１":
        return "decimalFullWidth"
    return {"1": "decimal", "a": "lowerLetter", "A": "upperLetter"}.get(first, "")


class Level:
    __slots__ = ("fmt", "prefix", "suffix", "start", "shown", "template")

    def __init__(self, el: Element) -> None:
        self.fmt = _format_name(el.get(f"{{{STYLE}}}num-format") or "")
        self.prefix = el.get(f"{{{STYLE}}}num-prefix") or ""
        self.suffix = el.get(f"{{{STYLE}}}num-suffix") or ""
        start = el.get(f"{{{TEXT}}}start-value") or "1"
        self.start = int(start) if start.isdigit() else 1
        shown = el.get(f"{{{TEXT}}}display-levels") or "1"
        self.shown = int(shown) if shown.isdigit() else 1
        self.template = el.get(f"{{{LOEXT}}}num-list-format")  # LibreOffice's 「%1%、」, when written


class OdtNumbering:
    def __init__(self, *roots: Element) -> None:
        self.styles: dict[str, dict[int, Level]] = {}
        for root in roots:
            for style in root.iter(LIST_STYLE):
                levels = {}
                for el in style:
                    level = el.get(f"{{{TEXT}}}level") or ""
                    if el.tag == LEVEL_NUMBER and level.isdigit():
                        levels[int(level)] = Level(el)
                self.styles.setdefault(style.get(f"{{{STYLE}}}name") or "", levels)
        self.counters: dict[str, dict[int, int]] = {}
        self.stack: list[str] = []  # the list style of each open text:list, outermost first
        self.pending = ""  # the number of the list item whose first paragraph is still to come

    def enter_list(self, el: Element) -> None:
        name = el.get(f"{{{TEXT}}}style-name") or (self.stack[-1] if self.stack else "")
        continues = el.get(f"{{{TEXT}}}continue-numbering") == "true" or el.get(f"{{{TEXT}}}continue-list")
        if not self.stack and not continues:
            self.counters.pop(name, None)
        self.stack.append(name)

    def leave_list(self) -> None:
        self.stack.pop()

    def item(self, el: Element) -> None:
        """A text:list-item starts: count it; its first paragraph gets the number."""
        if not self.stack:
            return
        name, depth = self.stack[-1], len(self.stack)
        levels = self.styles.get(name, {})
        level = levels.get(depth)
        if level is None:
            self.pending = ""
            return
        count = self.counters.setdefault(name, {})
        override = el.get(f"{{{TEXT}}}start-value") or ""
        count[depth] = int(override) if override.isdigit() else count.get(depth, level.start - 1) + 1
        for deeper in [k for k in count if k > depth]:
            del count[deeper]
        self.pending = self._label(levels, count, depth)

    def _label(self, levels: dict[int, Level], count: dict[int, int], depth: int) -> str:
        level = levels[depth]
        if not level.fmt:
            return ""

        def number(k: int) -> str:
            lv = levels.get(k)
            return format_number(count.get(k, lv.start if lv else 1), lv.fmt if lv else "decimal")

        if level.template:
            text = level.template
            for k in range(1, 11):
                text = text.replace(f"%{k}%", number(k))
            return text
        shown = ".".join(number(k) for k in range(max(1, depth - level.shown + 1), depth + 1))
        return level.prefix + shown + level.suffix

    def take(self, text: str) -> str:
        """The pending number before the first non-blank paragraph of a list item."""
        if not self.pending or not text.strip():
            return ""
        label, self.pending = self.pending, ""
        return label
