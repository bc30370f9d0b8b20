"""「按表格生成」: the generated paragraphs say what the tables say, read back by the text rules; a later
change of a figure shows them out of date; they are refreshed in place and kept in the file."""
import random
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import schema as S
from model.document import Document
from model.drafted import draft_state, new_record, place
from model.drafting import DRAFT_SECTIONS, draft_section, section_cells, share
from model.engine import check
from model.fileformat import dumps, loads
from model.text.claims import extract_claims
from tests.factories import consistent_report, expected_files, expected_report

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
T3_ALL = tuple(c for c in S.CELL_IDS if c.startswith("t3."))
ZERO_GROUPS = {
    "applications": T3_ALL + ("fee.notices", "fee.billed", "fee.collected"),
    "review": tuple(S.t4("review", c) for c, _ in S.T4_COLS),
    "lawsuit": tuple(S.t4(g, c) for g in ("direct", "after") for c, _ in S.T4_COLS),
    "normative": ("t2.normative.issued",),
    "fees": ("fee.notices", "fee.billed", "fee.collected"),
}
# a non-zero total and the claim kind that must name it
TOTALS = {
    "received": (S.t3("r1", "tot"),), "carried_in": (S.t3("r2", "tot"),), "closed": (S.t3("r3_7", "tot"),),
    "carried_out": (S.t3("r4", "tot"),), "review": ("t4.review.tot",), "lawsuit": ("t4.direct.tot", "t4.after.tot"),
    "normative_issued": ("t2.normative.issued",),
}
NONE_CLAIMS = {"none_received": TOTALS["received"], "none_review": TOTALS["review"],
               "none_lawsuit": TOTALS["lawsuit"], "none_normative": TOTALS["normative_issued"]}


def report_with_zeros(seed: int, maxv: int, zero: frozenset) -> "Report":  # noqa: F821
    """A consistent report in which whole groups are 0 (no applications, no 复议, no fees …)."""
    report = consistent_report(random.Random(seed), maxv=maxv)
    for group in zero:
        for c in ZERO_GROUPS[group]:
            report.cells[c] = Decimal(0) if S.CELLS[c].kind == S.DECIMAL else 0
    return report


def drafted(report):
    for sid in DRAFT_SECTIONS:
        report.sections[sid] = draft_section(report, sid)
    return report


def total(report, cells):
    return sum(report.cells[c] for c in cells)


REPORTS = st.builds(report_with_zeros, st.integers(0, 2**32 - 1), st.integers(1, 40),
                    st.frozensets(st.sampled_from(sorted(ZERO_GROUPS))))


@SETTINGS
@given(report=REPORTS)
def test_generated_text_agrees_with_the_tables_and_names_every_total(report):
    drafted(report)
    text_findings = [f for f in check(report) if f.rule.startswith("N.") or f.rule.startswith("FEE.MENTION")]
    assert text_findings == [], [f.message for f in text_findings]
    claims = [c for sid in DRAFT_SECTIONS for c in extract_claims(report.sections[sid], report.meta.year)]
    stated = {(c.kind, c.value) for c in claims}
    for kind, cells in TOTALS.items():
        n = total(report, cells)
        if n:
            assert (kind, n) in stated, (kind, n, report.sections["s1"])
    for kind, cells in NONE_CLAIMS.items():
        assert (kind, None) in stated if total(report, cells) == 0 else (kind, None) not in stated
    s6, notices, collected = report.sections["s6"], report.cells["fee.notices"], report.cells["fee.collected"]
    assert "信息处理费" in s6
    assert (f"发出收费通知{notices}件" in s6) if notices else ("发出收费通知" not in s6)
    assert (f"实际收取信息处理费{collected}元" in s6) if collected else ("未" in s6)


@SETTINGS
@given(report=REPORTS)
def test_every_number_the_s1_text_states_is_a_claim(report):
    """No unread number: each 「N件」 of the paragraph is read back by the text rules, except 「废止N件」 and
    the applicant column 「其他N件」, of which the rules have no reading."""
    text = draft_section(report, "s1")
    claims = extract_claims(text, report.meta.year)
    numbers = [m for m in re.finditer(r"(\d+)件", text) if text[max(0, m.start() - 2):m.start()] not in ("废止", "其他")]
    read = {(c.start, c.end) for c in claims if c.value is not None}
    for m in numbers:
        assert any(a <= m.start() and m.end() <= b for a, b in read), (m.group(0), text)


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1), data=st.data())
def test_a_changed_figure_makes_the_paragraph_out_of_date(seed, data):
    report = drafted(consistent_report(random.Random(seed)))
    for sid in DRAFT_SECTIONS:
        report.generated[sid] = new_record(report, sid)
        assert not draft_state(report, sid).stale
    sid = data.draw(st.sampled_from(DRAFT_SECTIONS))
    cell = data.draw(st.sampled_from(section_cells(sid)))
    old = report.cells[cell]
    report.cells[cell] = old + data.draw(st.integers(1, 9))
    state = draft_state(report, sid)
    assert state.stale and state.found
    assert [c for c, _, _ in state.changed] == [cell]
    other = [s for s in DRAFT_SECTIONS if s != sid]
    assert not any(draft_state(report, s).stale for s in other)


def test_zero_categories_are_left_out_and_the_share_is_exact():
    report = consistent_report(random.Random(3), maxv=5)
    for c in S.T3_PART_COLS:
        report.cells[S.t3("r1", c)] = 0 if c == "law" else report.cells[S.t3("r1", c)]
    text = draft_section(report, "s1")
    assert "法律服务机构" not in text and "0件" not in text
    n, d = report.cells[S.t3("r3_1", "tot")], report.cells[S.t3("r3_7", "tot")]
    assert f"（占办结总数的{share(n, d)}%）" in text
    assert share(1, 3) == Decimal("33.33") and share(2, 3) == Decimal("66.67") and share(1, 8) == Decimal("12.50")


def test_nothing_to_say_about_blank_or_not_applicable_figures():
    report = consistent_report(random.Random(4))
    for c in ZERO_GROUPS["review"] + ZERO_GROUPS["lawsuit"]:
        del report.cells[c]
    report.cells["t2.normative.issued"] = "/"
    text = draft_section(report, "s1")
    assert "复议" not in text and "诉讼" not in text and "制发" not in text
    assert "现行有效的行政规范性文件" in text
    report.cells = {}
    assert draft_section(report, "s1") == "" and draft_section(report, "s6") == ""


def test_fee_sentences():
    report = consistent_report(random.Random(5))
    report.cells.update({"fee.notices": 2, "fee.billed": Decimal("120.50"), "fee.collected": Decimal(0)})
    assert draft_section(report, "s6") == "本年度发出收费通知2件，通知金额共计120.50元，未实际收取信息处理费。"
    report.cells.update({"fee.notices": 0, "fee.billed": Decimal(0)})
    assert draft_section(report, "s6") == "全年未收取信息处理费。"


def test_refresh_in_place_keeps_the_clerks_text():
    report = drafted(consistent_report(random.Random(6)))
    report.sections["s1"] = "（一）主动公开\n本机关……\n（二）依申请公开\n" + report.sections["s1"] + "\n（三）监督保障"
    report.generated["s1"] = new_record(report, "s1")
    report.cells[S.t3("r1", "np")] += 1
    report.cells[S.t3("r1", "tot")] += 1
    text, record, start = place(report, "s1", pos=0)
    assert text.startswith("（一）主动公开\n本机关……\n（二）依申请公开\n") and text.endswith("\n（三）监督保障")
    assert text[start:start + len(record.text)] == record.text and text.count("全年共收到") == 1
    report.sections["s1"], report.generated["s1"] = text, record
    assert not draft_state(report, "s1").stale


def test_an_edited_paragraph_is_not_found_so_never_rewritten():
    report = drafted(consistent_report(random.Random(7)))
    report.generated["s1"] = new_record(report, "s1")
    report.sections["s1"] = report.sections["s1"].replace("全年共收到", "全年我办共收到")
    report.cells["t4.review.upheld"] += 1
    report.cells["t4.review.tot"] += 1
    state = draft_state(report, "s1")
    assert state.stale and not state.found and "行政复议 · 总计" in state.describe()
    text, _, start = place(report, "s1", pos=0)  # the caller asked the clerk: a new paragraph, theirs kept
    assert start == 0 and "全年我办共收到" in text


def test_the_record_survives_the_file_and_is_not_in_the_text():
    report = drafted(consistent_report(random.Random(8)))
    report.generated["s1"] = new_record(report, "s1")
    report.jump_factor = Decimal("2.5")
    again = loads(dumps(report))
    assert again.generated["s1"] == report.generated["s1"] and again.jump_factor == Decimal("2.5")
    assert again.sections == report.sections
    assert "jump_factor" not in dumps(drafted(consistent_report(random.Random(8))))


@pytest.mark.parametrize("bad", ['"generated": [1]', '"generated": {"s9": {}}', '"jump_factor": 0.5',
                                 '"jump_factor": "x"'])
def test_a_bad_record_is_one_clear_message(bad):
    from model.fileformat import FileFormatError

    text = '{"format": "nianbao", "version": 1, ' + bad + '}'
    with pytest.raises(FileFormatError) as e:
        loads(text, "a.nianbao")
    assert str(e.value).startswith("a.nianbao：")


def test_generating_is_one_undo_step():
    doc = Document(consistent_report(random.Random(9)))
    doc.set_section("s1", "本机关认真贯彻落实《中华人民共和国政府信息公开条例》。")
    text, record, _ = place(doc.report, "s1")
    doc.apply([(("section", "s1"), text), (("generated", "s1"), record)], "按表格生成")
    assert doc.report.generated["s1"] == record and "全年共收到" in doc.report.sections["s1"]
    doc.undo()
    assert doc.report.sections["s1"] == "本机关认真贯彻落实《中华人民共和国政府信息公开条例》。"
    assert "s1" not in doc.report.generated
    doc.redo()
    assert doc.report.generated["s1"] == record


def test_next_year_shows_last_years_paragraph_out_of_date():
    from model.nextyear import new_from_prior

    last = drafted(consistent_report(random.Random(10)))
    last.generated["s1"] = new_record(last, "s1")
    new = new_from_prior(last)
    new.cells = consistent_report(random.Random(11)).cells  # this year's figures typed in
    state = draft_state(new, "s1")
    assert state.found and state.stale  # the template text is last year's: refresh it in one click
    text, record, _ = place(new, "s1")
    assert record.text not in last.sections["s1"] and text == record.text


@pytest.mark.parametrize("path", expected_files(), ids=lambda p: p.stem)
def test_generated_text_agrees_with_each_real_reports_true_figures(path):
    report, _ = expected_report(path)
    drafted(report)
    assert report.sections["s1"]
    assert [f.message for f in check(report) if f.rule.startswith("N.")] == []
