from decimal import Decimal

import pytest

from model.schema import COUNT, DECIMAL
from model.values import NA, BadValue, format_value, from_json, is_valid, parse_value


@pytest.mark.parametrize("text,expected", [
    ("12", 12), (" 12 ", 12), ("１２３", 123), ("1,234", 1234), ("1，234", 1234), ("0", 0),
    ("", None), ("   ", None), ("/", NA), ("／", NA), ("—", NA), ("－", NA), ("1 234", 1234), ("\u3000７\u3000", 7),
])
def test_count_accepts(text, expected):
    assert parse_value(text, COUNT) == expected


@pytest.mark.parametrize("text", ["12件", "-3", "1.5", "abc", "1,23", "１２a", "3-", "1e5", "NaN", "Infinity",
                                  "9" * 40, "一二"])
def test_count_rejects_with_chinese_message(text):
    with pytest.raises(BadValue) as e:
        parse_value(text, COUNT)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(e.value))


def test_decimals_are_exact():
    v = parse_value("18651.06", DECIMAL)
    assert v == Decimal("18651.06") and isinstance(v, Decimal)
    assert format_value(parse_value("0.000001", DECIMAL)) == "0.000001"
    assert parse_value("1,234.5", DECIMAL) == Decimal("1234.5")
    with pytest.raises(BadValue):
        parse_value("-0.5", DECIMAL)


def test_stored_values_keep_out_of_range_numbers_for_value_count():
    assert from_json("t3.r1.np", -3) == -3
    assert not is_valid("t3.r1.np", -3)
    assert from_json("t3.r1.np", "1.5") == Decimal("1.5")
    assert not is_valid("t3.r1.np", Decimal("1.5"))
    assert from_json("t2.fees.amount", "7730.28") == Decimal("7730.28")
    with pytest.raises(BadValue):
        from_json("t3.r1.np", "abc")
    with pytest.raises(BadValue):
        from_json("t3.r1.np", True)


@pytest.mark.parametrize("text", ["1e5000", "1e309", "1e1000000", "1e10000000", "1e100000000", "-1e400",
                                  "1e15", "0e99999", "1e-16", "0e-99999", "9" * 60])
@pytest.mark.parametrize("cell", ["t3.r1.np", "fee.billed", "t2.fees.amount"])
def test_stored_text_has_the_same_limits_as_numbers(text, cell):
    with pytest.raises(BadValue) as e:
        from_json(cell, text)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(e.value)) and len(str(e.value)) < 80


@pytest.mark.parametrize("value", [Decimal("1e5000"), Decimal("1e-400"), 10 ** 5000, Decimal("NaN")],
                         ids=["1e5000", "1e-400", "int5000", "nan"])
def test_numbers_handed_in_are_bounded_too(value):
    with pytest.raises(BadValue) as e:
        parse_value(value, DECIMAL)
    assert len(str(e.value)) < 80


def test_numbers_within_the_limits_still_load():
    assert from_json("t3.r1.np", "1e5") == 100000
    assert from_json("t3.r1.np", "999999999999999") == 10 ** 15 - 1
    assert from_json("fee.billed", "0.000000000000001") == Decimal("1e-15")
    assert from_json("fee.billed", 1.5) == Decimal("1.5")


@pytest.mark.parametrize("raw", [[1], {"a": 1}])
def test_stored_value_of_another_kind_is_named_in_chinese(raw):
    with pytest.raises(BadValue) as e:
        from_json("t3.r1.np", raw)
    assert "list" not in str(e.value) and "dict" not in str(e.value) and "不是数值" in str(e.value)
