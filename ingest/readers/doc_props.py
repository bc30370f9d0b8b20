"""Paragraph properties of a Word 97 binary file, as far as tables need them: which paragraph mark ends a
table row (TTP), and the row's cell boundaries and merge flags (sprmTDefTable).  [MS-DOC] 2.8.25 PlcBtePapx,
2.9.175 PapxFkp, 2.6 Sprm, 2.9.300 TDefTableOperand."""
from __future__ import annotations

import struct
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

SPRM_IN_TABLE = 0x2416  # sprmPFInTable
SPRM_TTP = 0x2417  # sprmPFTtp: this 0x07 ends a row, not a cell
SPRM_INNER_TTP = 0x244C  # sprmPFInnerTtp: a nested table's row end
SPRM_ITAP = 0x6649  # sprmPItap: table depth
SPRM_HUGE_PAPX = 0x6646  # the properties live in the Data stream
SPRM_ILFO, SPRM_ILVL = 0x460B, 0x260A  # list override and level of an auto-numbered paragraph
SPRM_DEF_TABLE = 0xD608  # sprmTDefTable
SPRM_CHG_TABS = 0xC615  # sprmPChgTabs (a variable operand with its own length rule)
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # operand size by spra (the sprm's top 3 bits)
MAX_RUNS = 200_000
FKP = 512


@dataclass
class Para:
    in_table: bool = False
    ttp: bool = False  # ends a table row
    inner: bool = False  # belongs to a nested table (depth > 1)
    row: RowDef | None = None
    ilfo: int = 0  # 1-based list override (0: not numbered)
    ilvl: int = 0


@dataclass
class RowDef:
    bounds: list[int]  # the cells' left edges and the last right edge, in twips
    vmerged: list[bool]  # cell continues the cell above (its text is not shown)
    hmerged: list[bool]  # cell continues the cell to its left (legacy horizontal merge)


def sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """(sprm, operand) pairs of a property list; stops at a truncated one."""
    pos, end = 0, len(grpprl)
    while pos + 2 <= end:
        sprm = struct.unpack_from("<H", grpprl, pos)[0]
        pos += 2
        size = _OPERAND.get(sprm >> 13)
        if size is None:  # variable length
            if sprm == SPRM_DEF_TABLE and pos + 2 <= end:
                size = struct.unpack_from("<H", grpprl, pos)[0] + 1
            elif pos < end:
                size = grpprl[pos] + 1
            else:
                return
        if pos + size > end:
            return
        yield sprm, grpprl[pos:pos + size]
        pos += size


def para_of(grpprl: bytes, data: bytes) -> Para:
    para = Para()
    for sprm, op in sprms(grpprl):
        if sprm == SPRM_HUGE_PAPX and len(op) == 4 and data:
            return para_of(_huge(data, struct.unpack("<I", op)[0]), b"")
        if sprm == SPRM_IN_TABLE:
            para.in_table = op[0] == 1
        elif sprm == SPRM_TTP:
            para.ttp = op[0] == 1
        elif sprm == SPRM_INNER_TTP:
            para.inner = para.inner or op[0] == 1
        elif sprm == SPRM_ITAP and len(op) == 4:
            para.inner = para.inner or struct.unpack("<i", op)[0] > 1
        elif sprm == SPRM_DEF_TABLE:
            para.row = _row_def(op[2:])
        elif sprm == SPRM_ILFO:
            para.ilfo = struct.unpack("<h", op)[0]
        elif sprm == SPRM_ILVL:
            para.ilvl = op[0]
    return para


def _huge(data: bytes, offset: int) -> bytes:
    """sprmPHugePapx: a PrcData in the Data stream (its length, then the property list)."""
    if offset + 2 > len(data):
        return b""
    size = struct.unpack_from("<h", data, offset)[0]
    return data[offset + 2:offset + 2 + max(0, size)]


def _row_def(op: bytes) -> RowDef | None:
    """TDefTableOperand after its length: itcMac, rgdxaCenter[itcMac + 1], rgTc80[≤ itcMac]."""
    if not op:
        return None
    n = op[0]
    if n == 0 or len(op) < 1 + 2 * (n + 1):
        return None
    bounds = list(struct.unpack_from(f"<{n + 1}h", op, 1))
    tcs = op[1 + 2 * (n + 1):]
    flags = [struct.unpack_from("<H", tcs, 20 * i)[0] if 20 * i + 2 <= len(tcs) else 0 for i in range(n)]
    return RowDef(bounds, [(f >> 5) & 3 == 1 for f in flags], [f & 3 == 1 for f in flags])


class Paragraphs:
    """The paragraph properties of every paragraph, looked up by the file offset of its mark."""

    def __init__(self, word: bytes, table: bytes, data: bytes, fc: int, lcb: int) -> None:
        self.starts: list[int] = []
        self.runs: list[tuple[int, int, bytes]] = []
        self.data = data
        for page in _pages(table, fc, lcb):
            self._read_fkp(word[page * FKP:(page + 1) * FKP])
        order = sorted(range(len(self.runs)), key=lambda i: self.runs[i][0])
        self.runs = [self.runs[i] for i in order]
        self.starts = [r[0] for r in self.runs]
        self._cache: dict[int, Para] = {}

    def _read_fkp(self, fkp: bytes) -> None:
        if len(fkp) < FKP:
            return
        crun = fkp[FKP - 1]
        if 4 * (crun + 1) + 13 * crun > FKP - 1 or len(self.runs) > MAX_RUNS:
            return
        fcs = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
        for i in range(crun):
            offset = 2 * fkp[4 * (crun + 1) + 13 * i]
            self.runs.append((fcs[i], fcs[i + 1], _papx(fkp, offset)))

    def at(self, fc: int) -> Para:
        i = bisect_right(self.starts, fc) - 1
        if i < 0 or not self.runs[i][0] <= fc < self.runs[i][1]:
            return Para()
        if i not in self._cache:
            self._cache[i] = para_of(self.runs[i][2], self.data)
        return self._cache[i]


def _pages(table: bytes, fc: int, lcb: int) -> list[int]:
    """PlcBtePapx: n + 1 file offsets, then the n FKP page numbers."""
    if lcb < 12 or fc + lcb > len(table):
        return []
    n = (lcb - 4) // 8
    return list(struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1)))


def _papx(fkp: bytes, offset: int) -> bytes:
    """PapxInFkp at offset: its property list without the style index (empty when offset is 0)."""
    if offset == 0 or offset >= FKP - 1:
        return b""
    cb = fkp[offset]
    if cb == 0:
        size, start = 2 * fkp[offset + 1], offset + 2
    else:
        size, start = 2 * cb - 1, offset + 1
    return fkp[start + 2:min(start + size, FKP - 1)]
