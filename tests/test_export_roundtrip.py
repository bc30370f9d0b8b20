"""The sample, and any figures (blanks included), written to Word and to a web page read back as the same report."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest

from export.docx import write_docx
from export.html import write_html
from ingest import read_report
from model import schema as S
from tests.factories import cell_differences
from tests.test_export_sample import sample_report


def random_figures(seed: int):
    """The sample with every figure drawn at random (blanks too) and a 六 that states none of them."""
    rnd = random.Random(seed)
    r = sample_report()
    r.sections["s6"] = "本机关无其他需要报告的事项。"
    for cid in S.CELL_IDS:
        v = rnd.choice([None, 0, 1, rnd.randint(2, 99999)])
        if v is None:
            r.cells.pop(cid, None)
        elif S.CELLS[cid].kind == S.DECIMAL:
            r.cells[cid] = Decimal(v) / rnd.choice([1, 100])
        else:
            r.cells[cid] = v
    return r


WRITERS = pytest.mark.parametrize("write, suffix", [(write_docx, ".docx"), (write_html, ".html")], ids=["docx", "html"])


@WRITERS
def test_the_sample_reads_back_whole(tmp_path, write, suffix):
    r = sample_report()
    path = tmp_path / f"sample{suffix}"
    write(r, path)
    back = read_report(str(path))
    assert not cell_differences(r, back.report) and not back.problems
    assert back.report.meta.organ == r.meta.organ and back.report.meta.year == r.meta.year
    for sid in S.TEXT_SECTIONS:
        assert back.report.sections.get(sid, "").strip() == r.sections.get(sid, "").strip(), sid


@WRITERS
@pytest.mark.parametrize("seed", range(3))
def test_round_trip_of_any_figures(tmp_path, seed, write, suffix):
    r = random_figures(seed)
    path = tmp_path / f"r{suffix}"
    write(r, path, draft=False)
    back = read_report(str(path))
    # a blank applicant cell of a row whose printed figures already make its 总计 reads as 0, and says so
    zeroed = {c for p in back.problems if "空白处均记为 0" in p.message for c in p.cells}
    assert all(c in zeroed and was == (None, 0) for c, was in cell_differences(r, back.report).items())
