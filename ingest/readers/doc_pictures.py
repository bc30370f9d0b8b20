"""The inline pictures of a Word 97–2003 document: each is the character 0x01 in the text, whose character
properties hold sprmCPicLocation — where in the Data stream its PICF starts, followed by the drawing that
embeds the picture's file (PNG, JPEG …).  [MS-DOC] 2.8.26 PlcBteChpx, 2.9.44 ChpxFkp, 2.9.192
PICFAndOfficeArtData."""
from __future__ import annotations

import struct
from bisect import bisect_right

from .doc_props import FKP, MAX_RUNS, sprms

SPRM_PIC_LOCATION = 0x6A03  # sprmCPicLocation: the offset of the picture's PICF in the Data stream
PICF_HEADER = 0x44  # PICF.cbHeader
_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")


class PictureLocations:
    """Where each inline picture's data is, looked up by the file offset of its 0x01 character."""

    def __init__(self, word: bytes, table: bytes, fc: int, lcb: int) -> None:
        self.runs: list[tuple[int, int, bytes]] = []
        for page in _pages(table, fc, lcb):
            self._read_fkp(word[page * FKP:(page + 1) * FKP])
        self.runs.sort(key=lambda r: r[0])
        self.starts = [r[0] for r in self.runs]

    def _read_fkp(self, fkp: bytes) -> None:
        """A ChpxFkp: crun + 1 file offsets, crun one-byte word offsets of the Chpx, crun in the last byte."""
        if len(fkp) < FKP:
            return
        crun = fkp[FKP - 1]
        if 4 * (crun + 1) + crun > FKP - 1 or len(self.runs) > MAX_RUNS:
            return
        fcs = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
        for i in range(crun):
            offset = 2 * fkp[4 * (crun + 1) + i]
            if offset and offset < FKP - 1:
                self.runs.append((fcs[i], fcs[i + 1], fkp[offset + 1:min(offset + 1 + fkp[offset], FKP - 1)]))

    def at(self, fc: int) -> int | None:
        """The Data stream offset of the picture whose 0x01 is at file offset fc (None: no picture there)."""
        i = bisect_right(self.starts, fc) - 1
        if i < 0 or not self.runs[i][0] <= fc < self.runs[i][1]:
            return None
        for sprm, op in sprms(self.runs[i][2]):
            if sprm == SPRM_PIC_LOCATION and len(op) == 4:
                return int(struct.unpack("<I", op)[0])
        return None


def _pages(table: bytes, fc: int, lcb: int) -> list[int]:
    """PlcBteChpx: n + 1 file offsets, then the n FKP page numbers."""
    if lcb < 12 or fc + lcb > len(table):
        return []
    n = (lcb - 4) // 8
    return list(struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1)))


def picture_file(data: bytes, offset: int) -> bytes | None:
    """The picture's file embedded in the PICF block at offset of the Data stream: from the first picture
    signature in the block to its end (the image reader stops at the file's own end)."""
    if offset + 6 > len(data):
        return None
    lcb, header = struct.unpack_from("<IH", data, offset)
    if header != PICF_HEADER or lcb < header:
        return None
    block = data[offset + header:offset + lcb]
    found = [i for i in (block.find(sig) for sig in _SIGNATURES) if i >= 0]
    return block[min(found):] if found else None
