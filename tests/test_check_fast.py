"""The one-shot check (no incremental index) finds exactly what the editor's Checker finds."""
import random
import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from model.engine import Checker, check
from model.report import Prior
from model.text.compact import _SPACE, compact
from model.text.numbering import _SHI_START, _shi_markers
from model.values import NA
from tests.conftest import SEEDS
from tests.factories import consistent_report


def _reports():
    import ingest

    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(12):
        r = consistent_report(random.Random(i))
        r.sections = dict(ingest.read_report(seeds[i % len(seeds)]).report.sections)
        if i % 3 == 0:
            r.cells["t3.r1.tot"] += 1
            r.cells["t3.r3_1.np"] = -2
        if i % 2 == 0:  # last year's report: the cross-year checks (X.CARRY, X.JUMP …) have something to say
            r.prior = Prior.of(consistent_report(random.Random(100 + i), maxv=3))
        if i % 4 == 0:
            r.explanations["T3.OTHER_HIGH"] = "说明"
            r.sections["s6"] += "收取政府信息公开处理费0元。"
        if i % 5 == 1:  # blanks and 「/」 count as 0 in the identities; a blank is VALUE.BLANK, 「/」 no finding
            for cell in ("t3.r1.np", "t3.r2.biz", "t4.review.upheld", "t3.r3_4_1.tot"):
                r.cells.pop(cell, None)
            for cell in ("t3.r1.res", "t3.r4.tot", "t2.rules.issued"):
                r.cells[cell] = NA
        if i % 5 == 2:
            r.cells["fee.billed"] = Decimal("12.50")
            r.cells["fee.collected"] = Decimal("20")  # more than billed: FEE.BOUNDS
        yield r


def test_check_equals_incremental_checker():
    rules = set()
    for r in _reports():
        found = check(r)
        assert found == Checker(r).findings()
        rules |= {f.rule for f in found}
    assert {"X.CARRY", "X.JUMP", "T3.BALANCE", "VALUE.COUNT", "VALUE.BLANK", "FEE.BOUNDS"} <= rules  # all exercised


def test_compact_cache_is_the_uncached_result():
    text = "申请 82 件，\u3000办结80件。\n一、总体"
    c = compact(text)
    assert c.s == "申请82件，办结80件。\n一、总体"
    assert [text[i] for i in c.idx] == list(c.s)
    assert compact("一二三").idx == (0, 1, 2)


_SPACES_RE = re.compile(f"[{_SPACE}]+")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="申请8 \u3000\xa0。\n", max_size=30))
def test_compact_maps_every_kept_character_back(text):
    """With single spaces, runs of them or other kinds of space: the compact text is the text without them,
    and every character's offset points at that character (the quick str.split path and the pattern agree)."""
    c = compact(text)
    assert c.s == _SPACES_RE.sub("", text)
    assert [text[i] for i in c.idx] == list(c.s)
    if c.s:
        assert all(text[c.offset(i)] == ch for i, ch in enumerate(c.s))


# 「一是」 as a pattern would find it: at the start, or after a sentence or clause mark
_SHI_ANYWHERE = re.compile("([一二三四五六七八九十]{1,3})是")
_SHI_AFTER_MARK = re.compile(f"[{_SHI_START}]{_SHI_ANYWHERE.pattern}")


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="一二三十是，。\n、甲", max_size=24))
def test_shi_markers_are_what_the_pattern_finds(s):
    first = _SHI_ANYWHERE.match(s)
    want = ([(0, first.end(), first.group(1))] if first else [])
    want += [(m.start() + 1, m.end(), m.group(1)) for m in _SHI_AFTER_MARK.finditer(s)]
    assert _shi_markers(s) == want
