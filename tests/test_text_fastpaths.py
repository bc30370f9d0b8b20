"""The text rules' quick paths (issue 14) against the plain computations they stand for: each must give
exactly what the plain one gives, on any text, so no finding changes."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.text import claims, numbering, statute
from model.text.compact import compact

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# few characters, so that shared starts and ends, repeats and near misses are common
NAMEISH = st.text(alphabet="中华人民共和国政府信息公开条例规定办法", max_size=18) | st.text(alphabet="公开条例", max_size=8)


def plain_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@SETTINGS
@given(a=NAMEISH, b=NAMEISH, limit=st.integers(0, 5))
def test_distance_is_levenshtein_up_to_the_limit(a, b, limit):
    assert statute._distance(a, b, limit) == min(plain_distance(a, b), limit + 1)


def test_distance_of_a_near_miss_of_the_statute():
    assert statute._distance("中华人民共和国信息公开条例", statute.STATUTE, 4) == 2
    assert statute._distance("中华人民共和国政府信息公开条列", statute.STATUTE, 4) == 1
    assert statute._distance("政府信息公开信息处理费管理办法", statute.STATUTE, 4) == 5
    # a shared start and a shared end that overlap in the longer name: 「条例」 is left over, not nothing
    assert statute._distance("条例条例", "条例条例条例", 4) == 2


# ---- the statements' patterns are tried only where what every match holds is found first

FRAGMENTS = ["未", "没有", "无", "暂无", "尚未", "未有", "收到", "接到", "接收到", "受理", "收悉", "任何", "政府", "信息公开",
             "依申请公开", "公民", "自然人", "申请人", "申请", "提出", "要求公开", "群众", "的", "情况", "事项", "上年",
             "上一年度", "结转", "转结", "至", "下年度", "2024年", "办理", "件", "，", "。", "\n", "本机关", "公开"]
TEXTS = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join)


@SETTINGS
@given(text=TEXTS)
def test_statement_signs_are_in_every_match(text):
    for pattern, sign in ((claims._NONE_RECEIVED_RE, claims._RECEIVED_SIGN),
                          (claims._NONE_RECEIVED_BARE_RE, claims._BARE_SIGN),
                          (claims._NONE_CARRY_RE, claims._CARRY_SIGN)):
        for m in pattern.finditer(text):
            assert claims._followed_by(text, m.start(), m.end(), *sign), (pattern.pattern[:20], m.group(0))
    for m in claims._NONE_REQUESTED_RE.finditer(text):
        assert claims._REQUESTED_SIGN in m.group(0)


def test_a_sign_is_read_inside_the_stretch_only():
    assert claims._followed_by("未收到", 0, 3, ("未",), "收")
    assert not claims._followed_by("未收到", 0, 1, ("未",), "收")  # its next character is past the end
    assert not claims._followed_by("未收到", 1, 3, ("未",), "收")
    assert claims._followed_by("上年无结转", 0, 5, ("无", "没有"), "上结转下")


SIGNED = [(claims._NONE_RECEIVED_RE, claims._RECEIVED_SIGN, t) for t in
          ("未收到申请", "没有接到申请", "暂未受理申请", "并未收悉申请", "从未接收到申请")] + \
         [(claims._NONE_RECEIVED_BARE_RE, claims._BARE_SIGN, t) for t in
          ("均无政府信息公开申请。", "没有依申请公开。", "未有任何信息公开申请。", "无公民提出政府信息公开申请。",
           "暂无自然人申请信息公开。", "并无申请人申请公开政府信息。")] + \
         [(claims._NONE_CARRY_RE, claims._CARRY_SIGN, t) for t in
          ("上年无结转", "无结转下年度", "没有上年结转", "无转结2024年", "无下年度结转", "上一年度没有转结")]


@pytest.mark.parametrize("pattern, sign, text", SIGNED, ids=[t for _, _, t in SIGNED])
def test_each_way_of_saying_none_holds_its_sign(pattern, sign, text):
    m = pattern.search(text)
    assert m is not None
    assert claims._followed_by(text, m.start(), m.end(), *sign)


# ---- S.NUMBERING: a section without any marker is not read for heading lines

MARKERISH = st.lists(st.sampled_from(["一、", "（一）", "（二）", "二）", "1.", "2.", "1、", "一是", "二是", "改进措施",
                                      "：", "。", "\n", "主动公开情况", "本机关", "（3）", "，", "十"]),
                     max_size=16).map("".join)


def plain_numbering(text: str) -> list:
    """What S.NUMBERING finds reading the heading lines of every section."""
    c = compact(text)
    events = numbering._marker_events(c.s) + numbering._shi_events(c.s)
    events += numbering._heading_events(c.s, {i for i, _, _, _ in events})
    return numbering._NumberingPass(c).run(sorted(events))


@SETTINGS
@given(text=MARKERISH)
def test_numbering_without_headings_read_finds_the_same(text):
    assert numbering.numbering_problems(text) == plain_numbering(text)


def test_a_section_of_headings_and_no_marker_has_no_events():
    assert numbering._events("改进措施\n主动公开情况\n本机关依法公开。") == []
    assert numbering._events("改进措施\n1.加强培训。")[0][2] == "heading"  # read when a marker follows
