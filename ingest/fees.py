"""The 信息处理费 figures that section 六 states in words."""
from __future__ import annotations

import re
from decimal import Decimal

from model.schema import FEE_CAPTION, FEE_FIELDS
from model.values import BadValue, parse_value

from .result import NOTE, UNREADABLE, ImportProblem
from .textnorm import label_key, nfkc

_NUM = r"(\d+(?:,\d{3})*(?:\.\d+)?)"
_GAP = r"[^。；;\d]{0,12}?"
_PATTERNS = (
    ("fee.notices", re.compile(r"发出收费通知(?:书)?(?:的)?(?:件数|数量)?(?:为|共|共计|合计)?[:：]?\s*" + _NUM + r"\s*(件|份|次)")),
    ("fee.billed", re.compile(r"收费通知[^。；;]{0,20}?(?<!实际收取的)(?<!实际收取)(?<!收取的)总金额(?:为|共|共计|合计)?[:：]?\s*"
                              + _NUM + r"\s*(万元|元)")),
    ("fee.collected", re.compile(r"实际收取(?:的)?(?:总)?金额(?:为|共|共计|合计)?[:：]?\s*" + _NUM + r"\s*(万元|元)")),
    ("fee.collected", re.compile(r"(?<!未)收取(?:了)?" + _GAP + r"信息处理费(?:用)?(?:共|共计|合计|总计|为)?[:：]?\s*" + _NUM + r"\s*(万元|元)")),
)


def read_fees(text: str) -> tuple[dict, list[ImportProblem]]:
    """fee.* cells the text states; only stated figures, never inferred (「未收取」 gives nothing)."""
    t = nfkc(text)
    cells: dict = {}
    problems: list[ImportProblem] = []
    for cid, rx in _PATTERNS:
        if cid in cells:
            continue
        m = rx.search(t)
        if not m:
            continue
        num, unit = m.group(1), m.group(2)
        kind = "count" if cid == "fee.notices" else "decimal"
        try:
            v = parse_value(num, kind)
        except BadValue:
            continue
        if unit == "万元" and isinstance(v, Decimal):
            v = (v * 10000).normalize()
            if v == v.to_integral_value():
                v = v.quantize(Decimal(1))
            problems.append(ImportProblem(NOTE, f"第六部分「{m.group(0)}」以万元计，已换算为 {v} 元", (cid,)))
        cells[cid] = v
    return cells, problems


_ROW_LABELS = {cid: label_key(label) for cid, label, _k, _u in FEE_FIELDS}
_CAPTION_KEY = label_key(FEE_CAPTION)
_ROW = re.compile(r"^\s*(?P<label>[^\d]+?)[\s:：]*(?P<value>\d[\d,]*(?:\.\d+)?|[/／—－-])\s*(?P<unit>万?元|件)?\s*$")


def _fee_cell(label: str) -> str | None:
    k = label_key(label)
    return next((c for c, lk in _ROW_LABELS.items() if k == lk or k == lk.replace("(元)", "")), None)


def fee_rows(lines: list[str]) -> tuple[list[str], dict, list[ImportProblem]]:
    """The fee figures printed as a small table under section 六 (「发出收费通知的件数 | 3」): taken as
    cells and removed from the text."""
    keep: list[str] = []
    cells: dict = {}
    problems: list[ImportProblem] = []
    for line in lines:
        m = _ROW.match(nfkc(line)) if line and line != "\f" else None
        cid = _fee_cell(m.group("label")) if m else None
        if m is None or cid is None:
            keep.append(line)
            continue
        kind = "count" if cid == "fee.notices" else "decimal"
        try:
            cells[cid] = parse_value(m.group("value"), kind)
        except BadValue as e:
            problems.append(ImportProblem(UNREADABLE, f"第六部分「{line.strip()}」：{e}", (cid,)))
    if cells:  # the caption our exports print over the figures goes with them
        keep = [line for line in keep if label_key(line) != _CAPTION_KEY]
    return keep, cells, problems
