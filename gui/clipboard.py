"""Turning what Excel, WPS or a web page put on the clipboard into rows of cell texts, and back."""
from __future__ import annotations

import re

_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_SOFT_SEPS = re.compile(r"[ \u3000\u00a0，、；;]+")


def _split_row(line: str) -> list[str]:
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    out: list[str] = []
    for tok in _SOFT_SEPS.split(line.strip()):
        if not tok:
            continue
        # 「1,234」 is one number with a thousands separator; 「3,4,5」 is three numbers
        if "," in tok and not _THOUSANDS.match(tok):
            out.extend(t for t in tok.split(",") if t != "")
        else:
            out.append(tok)
    return out


def parse_block(text: str) -> list[list[str]]:
    """Rows of cell texts.  Tabs separate cells when present (Excel, WPS); otherwise spaces, commas,
    Chinese commas, 顿号 and semicolons do (a web page, a chat message).  Blank trailing lines are dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return [_split_row(line) for line in lines]


def to_tsv(rows: list[list[str]]) -> str:
    """Tab-separated rows, the way Excel puts a range on the clipboard."""
    return "\n".join("\t".join(r) for r in rows) + "\n"
