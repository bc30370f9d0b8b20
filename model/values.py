"""Cell values: blank (None), a whole number (int), an exact decimal (Decimal) or 「/」 (NA).

`parse_value` is the one function that turns what a person types or pastes into a value; every
entry point (grid, paste, importers, file loader) goes through it so they all accept the same things.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .schema import CELLS, COUNT, DECIMAL

NA = "/"  # 不适用
Value = int | Decimal | str | None

_NA_FORMS = {"/", "／", "—", "－", "-", "——", "--", "－－", "―", "─", "–"}
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")
MAX_DIGITS = 15  # more than any real report; keeps hostile input from making huge ints
MAX_PLACES = 15  # digits after the point
_MAX_CHARS = 40  # longer text is no figure; refused before it reaches Decimal


class BadValue(ValueError):
    """A value that cannot be accepted; str() is a Chinese message for the clerk."""


def normalize_text(text: str) -> str:
    """Full-width to half-width (NFKC), Chinese comma to comma, spaces removed."""
    t = unicodedata.normalize("NFKC", text)
    t = t.replace("，", ",")
    return re.sub(r"\s+", "", t)


def parse_value(text: str | int | Decimal | None, kind: str = COUNT) -> Value:
    """Parse one typed or pasted value for a cell of `kind`.  Raises BadValue with a Chinese message."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise BadValue("不是数字")
    if isinstance(text, int):
        if abs(text) >= 10 ** MAX_DIGITS:  # before str(): a huge int cannot even be printed
            raise BadValue(f"数值过大（超过 {MAX_DIGITS} 位）")
        return _check_number(Decimal(text), kind, str(text))
    if isinstance(text, Decimal):
        return _check_number(text, kind, _shown(text))
    raw = str(text)
    stripped = raw.strip().replace("\u3000", "")
    if stripped == "":
        return None
    if stripped in _NA_FORMS:
        return NA
    t = normalize_text(stripped)
    if t in _NA_FORMS:
        return NA
    if _THOUSANDS.match(t):
        t = t.replace(",", "")
    if t.startswith("-") or t.startswith("−"):
        raise BadValue(f"「{raw.strip()}」是负数，数量不能小于0")
    if not _PLAIN.match(t):
        if re.match(r"^\d+(\.\d+)?[^\d.]+$", t):
            raise BadValue(f"「{raw.strip()}」含有单位或文字，请只填数字")
        raise BadValue(f"「{raw.strip()}」不是数字")
    if len(t.replace(".", "")) > MAX_DIGITS:
        raise BadValue(f"「{raw.strip()[:20]}…」位数过多")
    return _check_number(to_decimal(t), kind, raw.strip())


def to_decimal(text: str) -> Decimal:
    """The one conversion of text to a number, bounded in length, digits, exponent and magnitude, so
    that text like 「1e5000」 is refused here instead of making a number too big to print or export."""
    s = text.strip()
    if len(s) > _MAX_CHARS:
        raise BadValue(f"「{s[:20]}…」过长，不是数字")
    try:
        d = Decimal(s)
    except InvalidOperation:
        raise BadValue(f"「{s}」不是数字") from None
    _check_bounds(d, s)
    return d


def _check_bounds(d: Decimal, shown: str) -> None:
    """Finite, under 10^MAX_DIGITS and at most MAX_PLACES decimals (checked on the exponent, which is
    cheap however large, before anything expands the number)."""
    if not d.is_finite():
        raise BadValue(f"「{shown}」不是数字")
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite number's exponent is an int ('n', 'N', 'F' are not finite)
    if exponent > MAX_DIGITS or (d and d.adjusted() >= MAX_DIGITS):
        raise BadValue(f"「{shown}」数值过大（超过 {MAX_DIGITS} 位）")
    if exponent < -MAX_PLACES:
        raise BadValue(f"「{shown}」小数位数过多（超过 {MAX_PLACES} 位）")


def _shown(d: Decimal) -> str:
    """A Decimal as the clerk would type it, short even when hostile."""
    s = str(d)
    return s if len(s) <= 20 else s[:20] + "…"


def _check_number(d: Decimal, kind: str, shown: str) -> Value:
    _check_bounds(d, shown)
    if d < 0:
        raise BadValue(f"「{shown}」是负数，不能小于0")
    if kind == COUNT:
        if d != d.to_integral_value():
            raise BadValue(f"「{shown}」不是整数，件数只能填整数")
        return int(d)
    if kind == DECIMAL:
        return d
    raise BadValue(f"未知的数值类型 {kind}")


def parse_cell(cell_id: str, text: str | int | Decimal | None) -> Value:
    """parse_value with the kind of the named cell."""
    return parse_value(text, CELLS[cell_id].kind)


def format_value(v: Value) -> str:
    """How a value is shown in the grid, in messages and in exports: 1234, 18651.06, 「/」, ''."""
    if v is None:
        return ""
    if isinstance(v, Decimal):
        s = format(v, "f")
        return s
    return str(v)


def number(v: Value) -> int | Decimal:
    """The value as it counts in sums: blank and 「/」 count as 0."""
    if v is None or v == NA:
        return 0
    return v  # type: ignore[return-value]


def to_json(v: Value) -> int | str | None:
    """How a value is stored in .nianbao and check --json: ints as numbers, decimals as strings."""
    if isinstance(v, Decimal):
        return format(v, "f")
    return v


_JSON_KIND = {list: "列表", dict: "对象"}  # what else JSON can hold where a number belongs


def from_json(cell_id: str, raw: object) -> Value:
    """Read a stored value.  Out-of-range numbers (negative, fractional counts) are kept, so that
    VALUE.COUNT can report them instead of the file being refused; text that is no number is refused."""
    kind = CELLS[cell_id].kind
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise BadValue("不是数字")
    if isinstance(raw, int):
        if abs(raw) >= 10 ** MAX_DIGITS:
            raise BadValue("数值过大")
        return raw if kind == COUNT else Decimal(raw)
    if isinstance(raw, float):
        raw = repr(raw)
    if isinstance(raw, str):
        s = raw.strip()
        if s == NA:
            return NA
        if len(s) > MAX_DIGITS + 2:
            raise BadValue("数值过长")
        d = to_decimal(s)
        if kind == COUNT and d == d.to_integral_value():
            return int(d)
        return d
    raise BadValue(f"是{_JSON_KIND.get(type(raw), '其他内容')}，不是数值")  # type: ignore[call-overload]


def is_valid(cell_id: str, v: Value) -> bool:
    """True when the value is allowed in the cell (VALUE.COUNT)."""
    if v is None or v == NA:
        return True
    if isinstance(v, str):
        return False
    if v < 0:
        return False
    if CELLS[cell_id].kind == COUNT:
        return isinstance(v, int)
    return True
