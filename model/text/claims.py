"""The numeric claims of the narrative: 「共收到政府信息公开申请82件」 → (received, 82).

How it reads: every number followed by a unit (件 起 宗 …) is a candidate.  Its *lead* is the text
between the previous candidate (or the clause start) and the number; the last keyword in the lead
decides what the number is about (「…其中予以公开37件」 → 予以公开).  A few phrasings put the keyword
after the number (「另有103件顺延到下年度答复」), so the tail is read for those.  Statements without a
number (「未收到…申请」, 「均已办结」) are separate patterns.

Precision first: a number is skipped when it is about another year or is a change (「同比增长20件」,
「较上年减少」), approximate (「约」「50余件」), or sits in a paragraph that is not about applications.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .compact import Compact, compact
from .numerals import CHINESE_NUMERALS, parse_int


@dataclass(frozen=True)
class Claim:
    kind: str  # received, closed, cat:r3_1, review, t4sub:upheld, none_received, complete …
    value: int | None  # the number stated; None for statements (none_*, complete)
    start: int  # original offsets of the claim phrase (lead + number + unit)
    end: int
    quote: str  # the claim phrase as written (spaces removed)
    subject: str | None = None  # t4 sub-claims: "review" or "lawsuit"
    pct: Decimal | None = None  # 「占51.85%」 following the claim
    pct_text: str = ""


# ---------------------------------------------------------------- patterns

_UNITS = "件起宗个条份部例"
_NUM_RE = re.compile(
    rf"(?<![\d.．:：\-/])(\d{{1,3}}(?:,\d{{3}})+|\d+|[{CHINESE_NUMERALS}]+)([{_UNITS}])(?!次)")
_CLAUSE_END = "，,（）()：:。！？；!?;\n「」“”"
_PCT_RE = re.compile(r"[，,]?[^，,。；;！？\n\d]{0,3}?(?:占|比例为|比例是|比重为)[^，,。；;！？\n\d%％]{0,12}?"
                     r"(\d+(?:\.\d+)?)[%％]")

# (kind, pattern); at one position earlier entries win, so longer phrases come first
_KEYS: tuple[tuple[str, str], ...] = (
    ("carried_in", r"(?:含|包括|其中)?上一?年度?结转"),
    ("carried_out", r"结转(?:至|到|入)?(?:下一?年度?|\d{4}年度?)?(?:继续办理)?"),
    ("cat:r3_1+r3_2", r"(?:予以|全部)公开(?:和|及|与|、|以及|或)部分公开"),
    ("cat:r3_3", r"不予公开"),
    ("cat:r3_1", r"予以公开|全部公开|同意公开"),
    ("cat:r3_2", r"部分公开"),
    ("cat:r3_4", r"无法提供"),
    ("cat:r3_5", r"不予处理"),
    ("cat:r3_6", r"其他处理"),
    ("leaf:r3_4_1", r"不掌握(?:相关)?(?:政府)?信息"),
    ("leaf:r3_5_2", r"重复申请"),
    ("leaf:r3_5_1", r"信访举报投诉类?(?:申请)?"),
    ("t4sub:upheld", r"结果维持|维持"),
    ("t4sub:corrected", r"结果纠正|纠正|纠错"),
    ("t4sub:other", r"其他结果"),
    ("t4sub:pending", r"尚未审结|未审结|正在审理|审理中"),
    ("review", r"行政复议"),
    ("lawsuit", r"行政诉讼"),
    ("normative_in_force", r"现行有效(?:的)?(?:行政)?规范性文件"),
    ("normative_issued", r"(?:制发|印发|出台|制定|发布|新增)(?:了)?(?:行政)?规范性文件"),
    ("rules_issued", r"(?:制发|印发|出台|制定|发布|新增|公布)(?:公开|发布|了)?(?:[省市区县](?:人民)?政府)?规章"),
    ("carried_out", r"(?:正在|仍在|尚在)办理中?|尚未办结|未办结|顺延(?:至|到)下一?年度?|转入下一?年度?"),
    ("received", r"新受理|收到|受理|接收到?|接到|新收|收悉"),
    ("handled", r"办理"),
    ("closed", r"办结|作出答复|答复|回复|处理完毕|办理完毕"),
    ("applicant:legal", r"法人或(?:者)?其他组织|法人和其他组织"),
    ("applicant:np", r"自然人"),
    ("applicant:biz", r"商业企业|企业"),
    ("applicant:res", r"科研机构"),
    ("applicant:npo", r"社会公益组织"),
    ("applicant:law", r"法律服务机构"),
    ("in_force_tail", r"现行有效"),
)
_KEY_RE = re.compile("|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_KEYS)))
_KEY_KIND = {f"k{i}": kind for i, (kind, _) in enumerate(_KEYS)}

_TAIL_KEYS: tuple[tuple[str, re.Pattern], ...] = (
    ("carried_out", re.compile(r"^(?:申请)?(?:结转|顺延|转入(?=下)|转至(?=下)|仍在办理|正在办理|尚在办理|尚未办结|未办结)"
                               r"(?:(?:到|至|入)?下一?年度?|(?:到|至)\d{4}年度?)?(?:继续)?(?:答复|办理)?")),
    ("leaf:r3_6_1", re.compile(r"^(?:申请)?(?:(?:因|系)?申请人)?(?:未按(?:照)?[^，。；]{0,6}补正|逾期(?:未|不)补正|无正当理由逾期不补正)")),
)

_DELTA = re.compile(r"同比|环比|较上年|比上年|较去年|比去年|上年同期|较\d{4}年|比\d{4}年|增长|下降|上升|减少|增加|增幅|降幅|"
                    r"多于|少于|约|近|超过|逾|不足|将近|累计")
_SUBSET = re.compile(r"按时|按期|逾期|延期|超期|当场|当日|即时|网上|线上|线下|电话|书面|当面|平均|通过|经由|"
                     r"邮寄|信函|传真|电子邮件|现场|窗口")
_PAST = re.compile(r"上一?年|去年|往年|历年")
_YEAR = re.compile(r"(\d{4})年")
# what makes an 申请 not a 政府信息公开 application
_NOT_DISCLOSURE = re.compile(r"复议|诉讼|许可|审批|政务服务|办件|咨询|信访|投诉|举报|留言|建议|提案|来信|诉求|热线|"
                             r"补正|事项|服务|12345|意见")
_REVIEW_EXCLUDE = re.compile(r"纠错|败诉|撤销|确认违法|被追责|问责|责任追究|前置|决定书|复议法|诉讼法")

_NEG = r"(?:未发生|未出现|未有|没有|未产生|未收到|未接到|未涉及|不存在|未引发|未引起|未因|未被(?:提起|申请)|无(?=因|涉及|政府信息公开|行政复议|行政诉讼|相关))"
_NONE_RECEIVED_RE = re.compile(
    r"(?:未|没有|尚未|均未|并未|暂未|从未)(?:收到|接到|接收到?|收悉|受理)[^，,。；;！？\n]{0,40}?申请(?!人)")
_NONE_T4_RE = re.compile(_NEG + r"[^，,。；;！？\n]{0,30}?(?:复议|诉讼)[^，,。；;！？\n]{0,12}")
_NONE_NORMATIVE_RE = re.compile(r"(?:未|没有|无)(?:制发|出台|制定|印发|发布)(?:新的|任何)?(?:行政)?规范性文件")
_COMPLETE_RE = re.compile(
    r"(?:均已|都已|已全部|全部已|已经全部|均已经)[^，,。；;！？\n]{0,20}?(?:办结|答复|回复|处理完毕|办理完毕|处理完成|办理完成)|"
    r"(?<!按时)(?<!及时)办结率(?:为|达|达到)?100(?:\.0+)?[%％]|全部(?:予以)?(?:办结|答复完毕|回复完毕)")
_COMPLETE_EXCLUDE = re.compile(r"结转|顺延|下一?年度|转入|上一?年|去年|留言|咨询|信访|建议|提案|诉求|来信|热线|投诉|评论")

_SUBJECT_KINDS = ("review", "lawsuit")
_JOINED = re.compile(r"(?:公开|提供|处理|申请|信息)(?:和|及|与|、|以及|或)$")
_APPLICANT_GAP = re.compile(r"(?:提出|申请人?|的|类|共|计|为|有)*")
_BARE_GAP = re.compile(r"(?:了|共|共计|合计|总计|达)?")
_T4_GAP = re.compile(r"(?:案件|申请|的|共|计|为|总数|数量|有|件|合计|类|情况|达)*")


# ---------------------------------------------------------------- extraction


def _clause_start(s: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and s[i - 1] not in _CLAUSE_END:
        i -= 1
    return i


def _last_key(lead: str):
    """The keyword the number belongs to: the last one, unless that is an applicant type that is not
    followed closely by the number (「来自公民、法人或其他组织的政府信息公开申请82件」 is received)."""
    keys = list(_KEY_RE.finditer(lead))
    for m in reversed(keys):
        if _KEY_KIND[m.lastgroup].startswith("applicant:") and not _APPLICANT_GAP.fullmatch(lead[m.end():]):
            continue
        return m
    return None


def _skip_for_year(c: Compact, sent_start: int, pos: int, kind: str, year: int | None) -> bool:
    """True when the last year named before the number in its sentence is not the report's year."""
    if year is None:
        return False
    last = None
    for m in _YEAR.finditer(c.s, sent_start, pos):
        last = m
    if last is None:
        return False
    y = int(last.group(1))
    if y == year:
        return False
    if kind == "carried_out" and y == year + 1:
        return False
    return True


def _about_applications(c: Compact, pos: int, also: str = "") -> bool:
    p0, p1 = c.paragraph_at(pos)
    para = c.s[p0:p1]
    return "申请" in para and (not also or also in para)


def _number_claims(c: Compact, year: int | None) -> list[Claim]:
    s = c.s
    out: list[Claim] = []
    prev_end = 0
    subject: tuple[int, str] | None = None  # (sentence start, review|lawsuit) for 其中结果维持…
    received_sentence = -1
    for m in _NUM_RE.finditer(s):
        num_text, start, end = m.group(1), m.start(), m.end()
        floor = prev_end
        prev_end = end
        value = parse_int(num_text)
        if value is None:
            continue
        chinese = not num_text[0].isdigit()
        before = s[start - 1] if start else ""
        after = s[end] if end < len(s) else ""
        if before in "第每逐统唯单" or (chinese and (m.group(2) not in "件起宗" or after in "事")):
            continue
        sent_start, sent_end = c.sentence_at(start)
        if subject and subject[0] != sent_start:
            subject = None
        cl = _clause_start(s, start, max(floor, sent_start))
        while cl < start and s[cl] in "、，,":
            cl += 1
        lead = s[cl:start]
        key = _last_key(lead)
        kind = _KEY_KIND[key.lastgroup] if key else None
        tail = s[end:min(sent_end, end + 24)]
        quote_end = end
        if kind is None:
            for tkind, pat in _TAIL_KEYS:
                tm = pat.match(tail)
                if tm:
                    kind, quote_end = tkind, end + tm.end()
                    break
        if kind is None or kind == "in_force_tail":
            continue
        # words around the keyword that make the number something else
        lead_rest = lead[:key.start()] + lead[key.end():] if key else lead
        if _DELTA.search(lead) or _PAST.search(lead_rest):
            continue
        if kind == "carried_in" and _DELTA.search(lead_rest):
            continue
        if _skip_for_year(c, sent_start, start, kind, year):
            continue
        after_key = lead[key.end():] if key else ""
        if "各" in after_key or "分别" in after_key:
            continue  # 「予以公开、部分公开各10件」: not one figure per result
        if key and kind.startswith(("cat:", "leaf:")) and _JOINED.search(lead[:key.start()]):
            continue  # 「不予公开和无法提供共15件」: a sum of two results the form does not print
        if kind in ("received", "handled", "closed") and _SUBSET.search(lead):
            continue  # 「其中按时办结118件」「网上受理申请100件」: part of the total
        if kind in ("received", "handled"):
            if _NOT_DISCLOSURE.search(after_key):
                continue
            if "申请" not in after_key:
                # 「受理749件（含上年结转36件）」 in a paragraph about applications
                if (kind == "handled" or not _BARE_GAP.fullmatch(after_key)
                        or not _about_applications(c, start, "公开")):
                    continue
            elif "公开" not in after_key and not _about_applications(c, start):
                continue
        elif kind == "closed":
            if _NOT_DISCLOSURE.search(lead) or not _about_applications(c, start):
                continue
        elif kind.startswith(("cat:", "leaf:", "carried_", "applicant:")):
            if not _about_applications(c, start) or m.group(2) not in "件个宗条":
                continue
            if kind.startswith(("cat:", "leaf:")) and len(after_key) > 8:
                continue  # the number is too far from the result it would count
            if kind.startswith("applicant:") and received_sentence != sent_start:
                continue  # 「企业」 etc. only count as applicant types right after a received claim
        elif kind in _SUBJECT_KINDS:
            if _REVIEW_EXCLUDE.search(lead) or not _T4_GAP.fullmatch(after_key):
                continue
            if "复议" in lead[:key.start()] or "诉讼" in lead[:key.start()]:
                kind = "t4_all"  # 「行政复议、行政诉讼案件共3件」: both together
        elif kind.startswith("t4sub:"):
            if subject is None:
                continue
        if kind in _SUBJECT_KINDS:
            subject = (sent_start, kind)
        if kind in ("received", "handled"):
            received_sentence = sent_start
        a, b = c.span(cl, quote_end)
        claim = Claim(kind, value, a, b, s[cl:quote_end],
                      subject=subject[1] if kind.startswith("t4sub:") and subject else None)
        if kind.startswith(("cat:", "leaf:", "closed")):
            pm = _PCT_RE.match(s, end, min(sent_end, end + 30))
            if pm:
                pa, pb = c.span(cl, pm.end())
                claim = Claim(kind, value, pa, pb, s[cl:pm.end()], pct=Decimal(pm.group(1)),
                              pct_text=pm.group(1) + "%")
        out.append(claim)
    return out


def _statement_claims(c: Compact, year: int | None) -> list[Claim]:
    s = c.s
    out: list[Claim] = []

    def add(kind: str, i: int, j: int) -> None:
        a, b = c.span(i, j)
        out.append(Claim(kind, None, a, b, s[i:j]))

    for m in _NONE_RECEIVED_RE.finditer(s):
        w = m.group(0)
        sent_start, _ = c.sentence_at(m.start())
        if _PAST.search(s[sent_start:m.end()]) or _skip_for_year(c, sent_start, m.start(), "none", year):
            continue
        if "复议" in w or "诉讼" in w:
            continue  # 「未收到行政复议申请」 is read below
        if re.search(r"补正|缴费|费用|投诉|举报|意见|建议|咨询|信访|留言|提案|许可|审批|政务服务|答复|回复|告知|材料|"
                     r"通知|回执|决定", w):
            continue
        if _SUBSET.search(w) or "涉及" in w or "关于" in w:
            continue  # 「未收到信函申请」「未收到涉及…的申请」: only a part
        if re.search(r"法人|企业|组织|机构", w) and not re.search(r"公民|自然人|个人|群众", w):
            continue  # 「未收到法人或其他组织的申请」: one applicant type
        add("none_received", m.start(), m.end())
    for m in _NONE_T4_RE.finditer(s):
        w = m.group(0)
        sent_start, _ = c.sentence_at(m.start())
        if _REVIEW_EXCLUDE.search(w) or _PAST.search(s[sent_start:m.end()]):
            continue
        if _skip_for_year(c, sent_start, m.start(), "none", year):
            continue
        if "复议" in w and "复议后" not in w:
            add("none_review", m.start(), m.end())
        if "诉讼" in w:
            add("none_lawsuit", m.start(), m.end())
    for m in _NONE_NORMATIVE_RE.finditer(s):
        sent_start, _ = c.sentence_at(m.start())
        if _PAST.search(s[sent_start:m.end()]) or _skip_for_year(c, sent_start, m.start(), "none", year):
            continue
        add("none_normative", m.start(), m.end())
    for m in _COMPLETE_RE.finditer(s):
        sent_start, sent_end = c.sentence_at(m.start())
        sent = s[sent_start:sent_end]
        if "申请" not in sent or _COMPLETE_EXCLUDE.search(sent):
            continue
        if _skip_for_year(c, sent_start, m.start(), "none", year):
            continue
        add("complete", sent_start, sent_end)
    return out


@lru_cache(maxsize=32)
def extract_claims(text: str, year: int | None = None) -> tuple[Claim, ...]:
    """Every claim in `text`, in text order.  Cached: several rules read the same section."""
    c = compact(text)
    claims = _number_claims(c, year) + _statement_claims(c, year)
    claims.sort(key=lambda cl: (cl.start, cl.end))
    return tuple(claims)
