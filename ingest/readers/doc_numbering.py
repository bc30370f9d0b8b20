"""Automatic list numbers of a Word 97 binary file (「一、」「（一）」 drawn by Word, not in the text), as the
.docx reader renders them: a paragraph's sprmPIlfo/sprmPIlvl name a list override (PlfLfo) and a level, the
override names a list (PlfLst) whose level gives the number's format, start and text.  [MS-DOC] 2.9.147
PlfLst, 2.9.150 LSTF, 2.9.149 LVL, 2.9.148 PlfLfo.  Numbering set only through a paragraph style is not
read (the heading is still found; it is printed without its number)."""
from __future__ import annotations

import struct

from .docx_numbering import format_number

LSTF_SIZE, LVLF_SIZE, LFO_SIZE = 28, 28, 16
MAX_LISTS = 2000
# MSONFC → the .docx names format_number knows
NFC = {0x00: "decimal", 0x03: "upperLetter", 0x04: "lowerLetter", 0x0B: "japaneseCounting",
       0x0E: "decimalFullWidth", 0x0F: "decimalHalfWidth", 0x16: "decimalZero", 0x1A: "decimalEnclosedFullstop",
       0x1B: "decimalEnclosedParen", 0x1E: "ideographTraditional", 0x21: "taiwaneseCounting",
       0x23: "taiwaneseCountingThousand", 0x25: "chineseCounting", 0x26: "chineseLegalSimplified",
       0x27: "chineseCountingThousand"}


class Level:
    __slots__ = ("start", "fmt", "text")

    def __init__(self, start: int, fmt: str, text: str) -> None:
        self.start, self.fmt, self.text = start, fmt, text


class DocNumbering:
    def __init__(self, table: bytes, lst: tuple[int, int], lfo: tuple[int, int]) -> None:
        self.lists: dict[int, list[Level]] = {}  # lsid → levels
        self.overrides: list[int] = []  # ilfo - 1 → lsid
        self.counters: dict[int, dict[int, int]] = {}
        try:
            self._read_lists(table, *lst)
            self._read_overrides(table, *lfo)
        except (struct.error, IndexError, UnicodeDecodeError):
            pass  # damaged list tables: paragraphs keep their text without numbers

    def _read_lists(self, table: bytes, fc: int, lcb: int) -> None:
        if lcb < 2 or fc + lcb > len(table):
            return
        count = min(struct.unpack_from("<h", table, fc)[0], MAX_LISTS)
        pos = fc + 2 + LSTF_SIZE * max(0, count)  # the LVLs follow all the LSTFs
        for i in range(max(0, count)):
            lstf = fc + 2 + LSTF_SIZE * i
            lsid, simple = struct.unpack_from("<i", table, lstf)[0], table[lstf + 26] & 1
            levels = []
            for _ in range(1 if simple else 9):
                level, pos = _level(table, pos)
                levels.append(level)
            self.lists[lsid] = levels

    def _read_overrides(self, table: bytes, fc: int, lcb: int) -> None:
        if lcb < 4 or fc + lcb > len(table):
            return
        count = min(struct.unpack_from("<I", table, fc)[0], MAX_LISTS)
        self.overrides = [struct.unpack_from("<i", table, fc + 4 + LFO_SIZE * i)[0] for i in range(count)]

    def label(self, ilfo: int, ilvl: int) -> str:
        """The number Word draws before a paragraph of list override ilfo at level ilvl ('' when none),
        advancing the counters."""
        if not 0 < ilfo <= len(self.overrides):
            return ""
        levels = self.lists.get(self.overrides[ilfo - 1])
        if not levels or not 0 <= ilvl < len(levels):
            return ""
        count = self.counters.setdefault(ilfo, {})
        count[ilvl] = count.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in count if k > ilvl]:
            del count[deeper]
        out = []
        for ch in levels[ilvl].text:
            k = ord(ch)
            if k < len(levels):  # a placeholder: the number of level k
                out.append(format_number(count.get(k, levels[k].start), levels[k].fmt))
            else:
                out.append(ch)
        return "".join(out)


def _level(table: bytes, pos: int) -> tuple[Level, int]:
    """One LVL at pos (LVLF, its paragraph and character properties, its number text) and where the next
    starts."""
    start, nfc = struct.unpack_from("<iB", table, pos)
    cb_chpx, cb_papx = table[pos + 24], table[pos + 25]
    pos += LVLF_SIZE + cb_papx + cb_chpx
    cch = struct.unpack_from("<H", table, pos)[0]
    text = table[pos + 2:pos + 2 + 2 * cch].decode("utf-16-le")
    return Level(start, NFC.get(nfc, ""), text), pos + 2 + 2 * cch
