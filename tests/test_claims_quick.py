"""The claim reader's quick paths give what the plain reading they skip would give (issue 14): the tail keywords
looked for only when the tail holds one of their signs, a range only after a sign one ends with, and the
none-received patterns searched in the paragraphs found once for both.  The texts are random strings of the
signs each path treats apart; that the claims stay what they were is tests/test_text_golden.py's job.
"""
from __future__ import annotations

from model.text import claims
from tests.golden.corpus import random_texts


def _spans(matches) -> list:
    return [(m.span(), m.group(0)) for m in matches]


def _plain_tail_kind(tail: str, end: int) -> tuple[str | None, int]:
    for kind, pat in claims._TAIL_KEYS:
        m = pat.match(tail)
        if m:
            return kind, end + m.end()
    return None, end


def test_tail_keywords_only_where_a_tail_holds_their_signs():
    signs = ("申请", "结转", "转结", "顺延", "转入", "转至", "下", "下年度", "到", "至", "2025年", "仍在办理", "正在办理",
             "尚在办理", "尚未办结", "未办结", "因", "在", "处于", "法定", "答复", "期限", "内", "予以", "申请人", "未按",
             "补正", "逾期", "不", "无正当理由", "，", "（", "1", "件", "办理", "的")
    for tail in random_texts(11, signs, 20000, 8):
        assert claims._tail_kind(tail, 5) == _plain_tail_kind(tail, 5), tail


def test_ranges_end_with_the_signs_named():
    signs = ("1", "2", "一", "二", "十", "两", "零", "至", "到", "~", "～", "-", "—", "－", "件", "a", "第", "\n")
    for text in random_texts(12, signs, 20000, 6):
        if claims._RANGE.search(text):  # (as _is_rough reads it: the window ends right before the number)
            assert text[-1] in claims._RANGE_LAST, text


def test_none_received_patterns_share_their_paragraphs():
    signs = ("未", "没有", "无", "未有", "暂无", "尚未", "收到", "受理", "任何", "政府信息公开", "依申请公开", "申请", "的",
             "公民", "提出", "情况", "发生", "\n", "，", "。", "人", "a")
    for text in random_texts(13, signs, 20000, 12):
        c = claims.compact(text)
        paragraphs = c.paragraphs_with(claims._NEG_WORDS)
        for rx in (claims._NONE_RECEIVED_RE, claims._NONE_RECEIVED_BARE_RE):
            found = [m for p0, p1 in paragraphs for m in rx.finditer(c.s, p0, p1)]
            assert _spans(found) == _spans(rx.finditer(c.s)), (text, rx.pattern)


def test_an_empty_section_has_no_claims():
    for text in ("", " ", "\u3000 \t"):
        assert claims.extract_claims(text, 2024) == ()
