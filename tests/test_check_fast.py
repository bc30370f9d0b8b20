"""The one-shot check (no incremental index) finds exactly what the editor's Checker finds."""
import random

from model.engine import Checker, check
from model.text.compact import compact
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
        if i % 4 == 0:
            r.explanations["T3.OTHER_HIGH"] = "说明"
            r.sections["s6"] += "收取政府信息公开处理费0元。"
        yield r


def test_check_equals_incremental_checker():
    for r in _reports():
        assert check(r) == Checker(r).findings()


def test_compact_cache_is_the_uncached_result():
    text = "申请 82 件，\u3000办结80件。\n一、总体"
    c = compact(text)
    assert c.s == "申请82件，办结80件。\n一、总体"
    assert [text[i] for i in c.idx] == list(c.s)
    assert compact("一二三").idx == (0, 1, 2)
