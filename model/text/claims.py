"""The numeric claims of the narrative: 「共收到政府信息公开申请82件」 → (received, 82).

How it reads: every number followed by a unit (件 起 宗 …) is a candidate.  Its *lead* is the text
between the previous candidate (or the clause start) and the number; the last keyword in the lead
decides what the number is about (「…其中予以公开37件」 → 予以公开).  A few phrasings put the keyword
after the number (「另有103件顺延到下年度答复」), so the tail is read for those.  Statements without a
number (「未收到…申请」, 「均已办结」) are separate patterns.

Precision first: a number is skipped when it is about another year or is a change (「同比增长20件」,
「较上年减少」), approximate (「约」「50余件」), or sits in a paragraph that is not about applications;
when its subject is a part of the organ (a county report's 乡镇, 部门, 本级, or 「其中县政府办公室收到15件」
after the total; a 街道's own report calls the organ 「街道」); when the applications are of another kind (「受理不动产登记申请3000件」) or the
number counts documents or items (「主动公开…予以公开326件」「涉及信息380条」); and when the organ
handles other organs' 复议 cases (「全县共办理行政复议案件120件」).

Read quickly, with the results of a scan of every character: the numbers are found from their units, the
keywords of a lead tried only at the characters one can start with, the statements looked for only in the
paragraphs that hold their words (tests/test_text_scans.py compares each with the full scan).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
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
    # "own" for the organ's own figure (「市政府本级收到349件」), "area" for its whole area's (「全市共收到3607件」),
    # "" when the text does not say: where it gives both, the table may hold either
    scope: str = ""
    # the result of every application received (「收到申请3件，均予以公开」): the row may also hold applications carried
    # in that the text leaves unsaid
    of_received: bool = False


# ---------------------------------------------------------------- patterns

# 次 only counts cases and the bare 「依申请公开3次」 (see _read); after another unit it makes a count of times
# (「培训300个次」「发布信息50条次」), but 「申请12件次」 is 12 applications
# (封: letters, read only as applications: 「收到12封申请」; 项 only right after the applications named:
# 「接到依申请公开事项5项」)
_UNITS = "件起宗个条份部例次封项"
_NUM_RE = re.compile(
    rf"(?<![\d.．:：\-/])(\d{{1,3}}(?:,\d{{3}})+|\d+|[{CHINESE_NUMERALS}]+)(件次|[{_UNITS}](?!次))")
_NUMBER_CHARS = frozenset(CHINESE_NUMERALS + ",")  # and the digits
_CLAUSE_END = "，,（）()：:。！？；!?;\n「」“”"
_ALL_APPLICATIONS = re.compile(r"(?:政府)?信息公开(?:申请)?|依申请公开(?:申请)?")
_OTHER_BASE = re.compile(r"占[^%％\d]*(?:公开|提供|处理|不予|自然人|法人|企业|组织|复议|诉讼)")
_ROUGH_PCT = re.compile(r"约|近|超过|逾|左右|以上|以下|不到|不足|多")  # 「占比约45%」「占40%以上」
_PCT_RE = re.compile(r"[，,]?[^，,。；;！？\n\d]{0,3}?(?:占|比例为|比例是|比重为)[^，,。；;！？\n\d%％]{0,12}?"
                     r"(\d+(?:\.\d+)?)[%％]")

# (kind, pattern); at one position earlier entries win, so longer phrases come first
_KEYS: tuple[tuple[str, str], ...] = (
    # 转结 is written for 结转 too (「含上年度转结申请8件」「转结下年度办理1件」)
    # 「2023年结转办理1件」: the verb after 结转 is part of it, as for carried_out
    # 「含2023年转至今年办理的3件」: 转 into this year names a carry-over too
    # 「结转上年度申请3件」「结转上年度办理3件」
    # 「上年结转政府信息公开办理数量1件」「上年结转政府信息公开申请办件5件」: the 办 of its object is not handled
    # 「2023年结转2024年…申请4件」: into the year named (the report's, or _skip_for_year drops it; not 「结转至2025年」)
    ("carried_in", r"(?:(?:含|包括|其中)?(?:上一?年度?|\d{4}年度?)(?:(?:结转|转结)(?:(?:至|到|入)(?:本年度?|今年)|\d{4}年度?)?|"
                   r"转(?:至|到|入)(?:本年度?|今年))|(?:结转|转结)上一?年度?)(?:继续)?(?:办理|答复|处理|受理)?(?![至到入下])"
                   r"(?:(?:(?:政府)?信息公开|依申请公开)(?:申请)?(?:办理数量|办理件数|办件))?"),
    # the verb after the target is part of it: 「结转至下一年度办理2件」 is not 办理 (handled)
    ("carried_out", r"(?:结转|转结)(?:至|到|入)?(?:下一?年度?|\d{4}年度?)?(?:继续)?(?:办理|答复|处理)?|"
                    r"转接?(?:至|到)?下一?年度?(?:继续)?(?:办理|答复|处理|转办)?"),  # 「转下一年度继续办理3件」「转接下年度办理5件」
    ("cat:r3_1+r3_2", r"(?:予以|全部)公开(?:和|及|与|、|以及|或)部分公开"),
    ("cat:r3_3", r"不予公开|不同意公开"),  # 「属于同意公开的60件…不同意公开的6件」
    ("cat:r3_1", r"予以公开|全部公开|同意公开"),
    ("cat:r3_2", r"部分(?:予以|同意)?公开"),  # 「部分同意公开3件」 (not 同意公开: the whole)
    ("cat:r3_4", r"无法提供"),
    ("cat:r3_5", r"不予处理"),
    ("cat:r3_6", r"其他处理"),
    ("leaf:r3_4_1", r"不掌握(?:相关)?(?:政府)?信息"),
    ("leaf:r3_5_2", r"重复申请"),
    ("leaf:r3_5_1", r"信访举报投诉类?(?:申请)?"),
    # the other rows of 不予公开, 无法提供 and 不予处理, named as the form names them (「属于国家秘密1件」)
    ("leaf:r3_3_1", r"(?:属于|涉及)?国家秘密"),
    ("leaf:r3_3_2", r"(?:其他)?法律(?:、)?行政法规禁止公开"),
    ("leaf:r3_3_3", r"(?:危及)?三安全一稳定"),
    ("leaf:r3_3_4", r"(?:保护|涉及)第三方合法权益"),
    ("leaf:r3_3_5", r"(?:属于)?(?:三类)?内部事务信息"),
    ("leaf:r3_3_6", r"(?:属于)?(?:四类)?过程性性?信息"),  # (「过程性性信息」: a typo met)
    ("leaf:r3_3_7", r"(?:属于)?行政执法案卷"),
    ("leaf:r3_3_8", r"(?:属于)?行政查询事项"),
    ("leaf:r3_4_2", r"没有现成信息(?:需要?另行制作)?|需要?另行制作"),
    ("leaf:r3_5_3", r"要求提供公开出版物"),
    ("leaf:r3_5_4", r"(?:无正当理由)?大量反复申请"),
    # 「…无法提供27件，逾期未补正2件，其他处理5件」, and the form's whole label (「…逾期不补正、行政机关不再处理其
    # 政府信息公开申请2件」)
    ("leaf:r3_6_1", r"逾期(?:未|不)补正(?:、?行政机关不再处理其(?:政府)?信息公开申请)?"),
    ("t4sub:upheld", r"结果维持|维持"),
    ("t4sub:corrected", r"结果纠正|纠正|纠错"),
    # a case withdrawn is closed with 其他结果 (「申请人主动撤诉1件」「撤销复议申请1件」)
    ("t4sub:other", r"其他结果|撤诉|撤回(?:行政)?(?:复议申请|起诉)|撤销(?:行政)?复议申请"),
    ("t4sub:pending", r"尚未审结|未审结|正在审理|审理中"),
    # the two kinds of lawsuit the form counts apart (「未经复议直接起诉1件」「复议后起诉1件」), before 行政复议
    ("lawsuit:after", r"(?:行政)?复议后(?:再)?(?:起诉|诉讼|提起(?:行政)?诉讼)"),
    ("lawsuit:direct", r"(?:未经(?:行政)?复议)?直接(?:起诉|诉讼|提起(?:行政)?诉讼)"),
    ("review", r"行政复议"),
    # 「收到诉讼为3件」: the organ sued (read only under a heading about its disclosure cases, see _fits_case)
    ("lawsuit", r"行政诉讼|收到(?:的)?诉讼"),
    ("normative_in_force", r"(?:现行|继续)有效(?:的)?(?:行政)?规范性文件"),
    # 「制定政府规范性文件3件」「新发布的行政规范性文件4件」「行政规范性文件制发件数0件」
    # 「以县政府名义印发并公开的行政规范性文件17件」
    ("normative_issued", r"(?:制发|印发|出台|制定|发布|新增)(?:了|并公开)?(?:的)?(?:行政|政府)?规范性文件|"
                         r"(?:行政|政府)?规范性文件(?:本年)?(?:新)?(?:制发|印发)(?:件数|数量|数)?"),
    ("rules_issued", r"(?:制发|印发|出台|制定|发布|新增|公布)(?:公开|发布|了)?(?:[省市区县](?:人民)?政府)?规章"),
    # the verb after the target is part of it: 「顺延至下一年答复2件」 is not 答复 (closed)
    # 「下年度继续办理0件」: the form's row named without its 结转 (the year before it is looked back at from 继)
    ("carried_out", r"(?:正在|仍在|尚在)办理中?|尚未办结|未办结|(?:顺延(?:至|到)|转入)下一?年度?(?:继续)?(?:办理|答复|处理)?|"
                    r"(?:(?<=下年度)|(?<=下一年度)|(?<=下一年)|(?<=下年))继续(?:办理|答复|处理)"),
    ("received", r"新受理|收到|受理|接收到?|接到|新收|收悉|收(?=(?:政府)?信息公开申请|依申请公开申请)"),
    # 「我镇依申请公开请求9件」「依申请公开3次」: the applications named, no verb (read only when nothing else is)
    ("received_noun", r"依申请公开(?:请求|申请)?(?=(?:数量?|件数|总数|总量|量)?(?:共计|共有|共|合计|总计|为|达|是)*$)"),
    # 「全年政府信息公开申请共计45件」: the applications as the subject, no verb
    ("received_bare", r"(?:政府)?信息公开申请(?=(?:(?:总数|数量|件数|总量|数)(?:共计|共有|共|合计|总计|为|达|是)*|"
                      r"(?:共计|共有|共|合计|总计|为|达|是)+)$)"),
    # 「办理完成6件」 is closed; 「依申请公开办理事项1件」 names the applications, not a verb
    ("handled", r"办理(?!完毕|完成|事项)|处理(?!完毕|完成|结果|情况|意见|决定)"),
    # 「已完成依申请公开申请1件」: 完成 with the applications as its object (not the bare noun: received)
    # 「回复处理0件」: answered (not the 处理 of handled)
    # 「收到申请58条，已处理54条」: 已 makes 处理 done, not handled
    # 「本年度已办理5件（全部办理）」: 已 makes 办理 done too
    ("closed", r"办结|作出答复|(?:答复|回复)处理(?!结果|情况|意见|决定)|已(?:处理|办理)(?!结果|情况|意见|决定|中)|答复|回复|"
               r"处理完毕|办理完毕|处理完成|办理完成|"
               r"完成(?=(?:依申请公开|(?:政府)?信息公开)?(?:申请|事项))|"
               # 「收到依申请公开信息共74件，完成72件」: 完成 right before the count
               r"完成(?=$)"),
    ("applicant:legal", r"法人或(?:者)?其他组织|法人和其他组织"),
    ("applicant:np", r"自然人|公民个人|公民(?![、，,和及或与])"),
    ("applicant:biz", r"商业企业|企业"),
    ("applicant:res", r"科研机构"),
    ("applicant:npo", r"社会公益组织"),
    ("applicant:law", r"法律服务机构"),
    ("in_force_tail", r"现行有效"),
)
_KEY_KIND = {f"k{i}": kind for i, (kind, _) in enumerate(_KEYS)}
# A lead is scanned for keywords only at the characters one can start with (besides digits: 2023年度结转), and
# there only the keywords that can start with that character are tried: those whose pattern names it ("0":
# the ones with a \d), in _KEYS' order.  tests/test_text_claims.py checks KEY_FIRST against _KEYS.
KEY_FIRST = "含包其上结予全不同部无重信维纠尚未正审行现继制印出发新公仍顺转收受接政办处作答回完法自商企科社属涉国危三保内四过没需要大复直规依逾已撤"
_KEY_START = re.compile(rf"[{KEY_FIRST}\d]")


def _keys_naming(first: str) -> re.Pattern:
    named = [f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_KEYS) if first in p or (first == "0" and r"\d" in p)]
    if not named:
        raise ValueError(f"no keyword starts with {first}")
    return re.compile("|".join(named))


_KEYS_AT = {ch: _keys_naming(ch) for ch in KEY_FIRST + "0"}

_CLAUSE_ENDS = r"(?=[，,。；;、）)\n]|$)"


def _reason_first_tail() -> tuple[re.Pattern, dict[str, str]]:
    """The tail of a row of 不予公开 or 不予处理 named after the number, as one pattern (a group a row, all tried at
    once) and each group's kind: before its result (「4件由于重复申请不予处理」: that row's count, or the result's
    when all had that reason, as 「因…不予公开2件」 before it), or alone, ending its clause (「不予公开2件，其中1件因
    涉及第三方合法权益」: that row's).  At one place a row with its result wins."""
    results = {"r3_3": r"不予(?:以)?公开", "r3_5": r"不予处理"}
    with_result, alone, kinds = [], [], {}
    for i, (kind, pattern) in enumerate(_KEYS):
        group = kind[len("leaf:"):].rsplit("_", 1)[0] if kind.startswith("leaf:") else ""
        if group in results:
            # (「属于政府内部事务信息」)
            reason = rf"(?:均|都)?(?:属于|系|为|是|因为?|由于)?(?:申请人|政府)?(?:{pattern})(?:的|而|等?原因)?(?:申请)?"
            with_result.append(rf"(?P<w{i}>{reason}(?:依法)?(?:予以)?{results[group]})")
            alone.append(rf"(?P<a{i}>{reason})")
            kinds[f"w{i}"], kinds[f"a{i}"] = f"{kind}/{group}", kind
    return re.compile(rf"^(?:{'|'.join(with_result + alone)}){_CLAUSE_ENDS}"), kinds
_THIS_ORGAN = r"(?:本机关|本单位|本行政机关|我[局委办])?"
# a case not decided yet: 「尚未审结」「正在复议机关审理中」
_PENDING = r"(?:尚未审结|未审结|(?:正在|仍在|在)(?:复议机关|法院|人民法院)?审理中?|审理中)"
_TAIL_KEYS: tuple[tuple[str, re.Pattern], ...] = (
    ("carried_out", re.compile(r"^(?:申请)?(?:结转|转结|顺延|转入(?=下)|转至(?=下)|转(?=下一?年)|仍在办理|正在办理|尚在办理|尚未办结|未办结)"
                               r"(?:(?:到|至|入)?下一?年度?|(?:到|至)\d{4}年度?)?(?:继续)?(?:答复|办理)?")),
    # 「3件因在答复期限内结转到2025年办理」「3件尚在法定答复期限内」
    ("carried_out", re.compile(r"^[^，,。；;（）()\d]{0,10}?(?:(?:结转|转结)(?:到|至|入)?(?:下一?年度?|\d{4}年度?)|"
                               r"(?:尚|仍|还)?(?:在|处于)(?:法定)?(?:答复|办理)(?:期限|期|时限)内"
                               r"(?!予以|作出|答复|办结|回复|完成|依法|按时|及时)|尚未办结|未办结|仍在办理|正在办理|尚在办理)")),
    # 「共答复312件（4件为上年度结转办结，…）」: the carried-in ones named after their count
    ("carried_in", re.compile(r"^(?:为|系|是|属于?)(?:上一?年度?|去年)(?:结转|转结)")),
    # 「发生1起有关政府信息公开的行政复议案件」: the cases named after their count, about the disclosure
    ("review", re.compile(rf"^(?:有关|涉及|关于)(?:政府)?信息公开(?:的|类)?行政复议(?:案件)?{_CLAUSE_ENDS}")),
    ("lawsuit", re.compile(rf"^(?:有关|涉及|关于)(?:政府)?信息公开(?:的|类)?行政诉讼(?:案件)?{_CLAUSE_ENDS}")),
    # 「其中33件已办结，答复27件」「其中3件已按照相关要求进行书面回复」「19件已按照规定时限和程序依法依规进行了答复」
    ("closed", re.compile(rf"^(?:申请件?)?(?:均已|已经|已)(?:按照?[^，,。；;\d]{{0,16}}?)?(?:进行了?|作出|予以)?(?:书面)?"
                          rf"(?:办结|答复|回复){_CLAUSE_ENDS}")),
    ("leaf:r3_6_1", re.compile(r"^(?:申请)?(?:(?:因|系)?申请人)?(?:未按(?:照)?[^，。；]{0,6}补正|逾期(?:未|不)补正|无正当理由逾期不补正)")),
    # the result after the number, ending its clause: 「其中3件予以公开，1件部分公开」「5件均予以公开。」 (not 「对2件不予
    # 公开的申请均说明理由」, which says what was done with them)
    ("cat:r3_3", re.compile(rf"^(?:均|被|依法)?不予(?:以)?公开{_CLAUSE_ENDS}")),
    ("cat:r3_2", re.compile(rf"^(?:均|被|依法)?部分(?:予以)?公开{_CLAUSE_ENDS}")),
    ("cat:r3_1", re.compile(rf"^(?:均|已|被|依法)?(?:予以公开|全部公开){_CLAUSE_ENDS}")),
    ("cat:r3_4", re.compile(rf"^(?:均|依法)?(?:告知)?无法提供{_CLAUSE_ENDS}")),
    # 「其中12条属于本机关不掌握相关政府信息而无法提供」: the row of 无法提供 named as the reason (or all of it)
    ("leaf:r3_4_1/r3_4", re.compile(rf"^(?:均|都)?(?:属于|系|为|是|因)?{_THIS_ORGAN}不掌握(?:的|相关)?(?:政府)?信息而?"
                                    rf"(?:依法)?(?:告知)?无法提供{_CLAUSE_ENDS}")),
    ("leaf:r3_4_1", re.compile(rf"^(?:均|都)?(?:属于|系|为|是){_THIS_ORGAN}不掌握(?:的|相关)?(?:政府)?信息{_CLAUSE_ENDS}")),
    ("cat:r3_5", re.compile(rf"^(?:均|依法)?不予处理{_CLAUSE_ENDS}")),
    # a case's result after its count, ending its clause: 「行政复议3件，其中2件维持，1件纠错」 (read only after a count
    # of cases in the sentence, as the results before their count are)
    ("t4sub:upheld", re.compile(rf"^(?:结果)?(?:为|均为|均|被)?维持(?:原(?:行政行为|答复|决定))?{_CLAUSE_ENDS}")),
    ("t4sub:corrected", re.compile(rf"^(?:结果)?(?:为|均为|均|被)?(?:纠正|纠错){_CLAUSE_ENDS}")),
    ("t4sub:pending", re.compile(rf"^(?:均|仍|目前)?{_PENDING}{_CLAUSE_ENDS}")),
)

_DELTA = re.compile(r"同比|环比|较上年|比上年|较去年|比去年|上年同期|较\d{4}年|比\d{4}年|增长|下降|上升|减少|增加|增幅|降幅|"
                    r"多于|少于|约|近|超过|逾(?!期)|不足|将近")  # (逾期 is late, not more than)
# 「累计收到」 is a running total, over years unless the sentence dates it to this one (「2024年，我局累计收到」
# 「全年累计受理」); 「截至…累计」 counts from some earlier start
_THIS_YEAR = re.compile(r"全年|本年|今年|年内|年度")
_FROM_START = re.compile(r"截至|截止|(?<!今年)(?<!本年)以来|历年|至今|自")  # (「今年以来，全区累计处理」: this year)
# ((?=\d) first: the lookbehind is tried only before a digit)
_SUBSET = re.compile(r"按时|按期|逾期|延期|超期|当场|当日|即时|网上|线上|线下|电话|书面|当面|平均|通过|经由|"
                     r"邮寄|信函|信件|来函|传真|电子邮件|邮件|在线|网络|平台|现场|窗口|"
                     r"(?=\d)(?<![年\d\-—－至到~～])\d{1,2}月(?!\d{1,2}日|底|末)|(?=\d)(?<![年\d\-—－至到~～])\d{1,2}月份|"
                     r"季度|上半年|下半年|当月|每月")
# a part of the organ, not the organ: a county government's report names its towns and departments
_SUBUNIT = re.compile(r"(?:乡镇|街道|县直|市直|区直|旗直|部门|本级|各单位|下属|所属|直属|(?<!农)村(?:居|委|级)|社区|"
                      r"[镇乡](?:人民)?政府|办事处|各[县区市旗](?!域|级)|县区|区县|县市区|县（市、?区）|设区市|开发区|园区)")
# the organ naming itself: 「本部门」「我街道办事处」「本镇人民政府」
_SELF = re.compile(r"[本我该](?:街道办事处|街道|[镇乡](?:人民)?政府|[镇乡]|部门|社区|办事处|单位)|主管部门|牵头部门")


# in a 街道's own report a bare 「街道」 names the organ (「廿三里街道共收到申请7件」), not one of its parts
_STREET_SELF = re.compile(r"(?<![各该个全])街道(?:办事处|办)?(?![（(、和及与]|[^，,。；;]{0,3}[）)])")


# in a 园区's or 开发区's own report (its 管委会's) a bare 「园区」 names the organ (「2024年园区收到12封申请」)
_PARK_SELF = re.compile(r"(?<![各该个全])(?:园区|开发区)(?:管委会|管理委员会)?(?![（(、和及与]|[^，,。；;]{0,3}[）)])")


# in a 乡镇's own report 「某某乡人民政府」 names the organ (「张蔡庄乡人民政府…未收到依申请公开事项」): a town has no towns
_TOWN_SELF = re.compile(r"(?<![各该个全])[镇乡](?:人民)?政府(?![（(、和及与]|[^，,。；;]{0,3}[）)])")


def _is_subunit(text: str, names: re.Pattern | None = None) -> bool:
    """`names`: how the organ names itself where the word would name a part otherwise (_STREET_SELF …)."""
    if _SELF.search(text):  # (the rare case: no new string otherwise)
        text = _SELF.sub("", text)
    if names is not None:
        text = names.sub("", text)
    return bool(_SUBUNIT.search(text))


# an office or agency named as the subject of a clause (「其中县政府办公室收到15件」)
# (the 办 of 办理 or 办结, the 处 of 处理 and the 所 of 所有 name no office: 「办理答复30件」)
_ORGAN = re.compile(r"办公室|[局委院站队科镇乡]|办(?![理结件])|处(?!理)|所(?!有)|中心|政府|街道|部门|单位|本级")
_WIDE_END = "，,；;：:。！？!?\n"
# what may stand between 收到/受理 and 申请 when the application is one for information
_GENERIC_OBJECT = re.compile(r"(?:了|各类|各种|的|相关|共|共计|群众|公民|申请人|新|依|有关|书面|此类|该类|类似|提出|递交|提交)*")
_ACTIVE = re.compile(r"(?<!已)主动公开|公文|发文|制发|公开属性|文件")  # (「已主动公开」: a reply to an application)
_CAT_SUBSET = re.compile(r"补正|征求|协商|撤回|纠正|重新|复议|诉讼")
_RANGE = re.compile(r"[\d一二三四五六七八九十][至到~～\-—－][零一二两三四五六七八九十]*$")
# what a match of _RANGE ends with, or stands before ($ matches before a newline that ends the window too)
_RANGE_LAST = "至到~～-—－零一二两三四五六七八九十\n"
_CARRY_GAP = re.compile(r"(?:的|了|共|共计|为|有|政府|信息|公开|依申请|申请|继续|办理|答复|处理|中|案件|继续办理|件|"
                        r"数量|件数|总数|数|事项)*")  # 「上年结转政府信息公开申请数量0件」: the form's words
_EXCLUDED = re.compile(r"(?:不含|不包括|未含|未包括|并不包括)")
_WITH_PARTIAL = re.compile(r"[（(](?:含|包括|其中)部分公开")
# a bracket opened right after a count by 含/包括/其中: what it counts is a share of that count
_INSIDE_A_TOTAL = re.compile(r"[（(](?:含|包括|其中)")
# 「《条例》实施以来共收到申请300件」: many years; 「今年以来」 is this one
_SINCE = re.compile(r"(?<![0-9]年)(?<!今年)(?<!本年)(?<!年初)(?<!年内)(?<!全年)(?<!本年度)以来|(?<!截)至今(?!年)|历年|多年")
def _since(s: str, start: int, end: int) -> bool:
    """_SINCE found in s[start:end] (looked for only when one of its words, one of which is in every match,
    is there)."""
    return ((s.find("以来", start, end) >= 0 or s.find("至今", start, end) >= 0 or s.find("历年", start, end) >= 0
             or s.find("多年", start, end) >= 0) and bool(_SINCE.search(s, start, end)))


_APPLIED_FOR = re.compile(r"(?:受理|收到|接收|接到|办理)([^，,。；;公]{0,8}?)申请")
_QUALIFIED = re.compile(r"的|其中|涉及|关于|有关|类|方面|领域")
_WHOLE = re.compile(r"全[县市区旗州盟镇乡省]|本机关|本单位|我[局委办县市区]|本[局委办]")
# the two scopes a government's report may give figures for: its whole area and its own level (本级)
# the whole area (全市), or the organ's own level: 本级, or an office answering for the government itself
# (「区政府办代表区政府受理政府信息公开申请17件」: the government's own applications, not its departments')
# (「我市各级政府门户网站」「全县各级行政机关」: every level of the area's organs)
# (「全区共受理227件，其中区政府受理36件」: the government itself, a part of its area's figure)
_SCOPE = re.compile(r"(全[县市区旗州盟省](?!委|政府办)|各级(?:人民)?(?:政府|行政机关))|"
                    r"(本级|代表(?:本级|[县市区旗州盟省])?(?:人民)?政府|(?<=其中)[县市区旗州盟省](?:人民)?政府(?![办各部所直]))")
_NEG_BEFORE = re.compile(r"(?:未|没有|无|尚未|均未|并未|暂未|从未|不予|不)$")  # 「不予受理4件」
# what may follow a count's unit without naming what it counts (a list goes on, a verb or an adverb comes)
_NOT_AN_OBJECT = frozenset("、和及与或并另其中均都已全共计为是且")
_DURATION = re.compile(r"(?:个)?(?:工作日|自然日|月|小时|天|百分点|季度)")
# 「等7个环节」「5个乡镇」: a noun right after 个 names what is counted (applications are named by 申请, 件 …)
_NAMED_AFTER_GE = re.compile(r"(?!申请|政府|信息|依申请|案|件|均|都|已|全|并|其|予|为|共|中|以)[\u4e00-\u9fff]")
_CARRY_FROM = re.compile(r"度?(?:(?:结转|转结)(?!至|到|入|下)|转(?:至|到|入)(?:本年|今年))")
_CARRY_TO = re.compile(r"(?:结转|转结|顺延|转入)?(?:至|到|入)$")
_CARRIED_IN = re.compile(r"上一?年度?(?:结转|转结)")
_PAST = re.compile(r"上一?年|去年|往年|历年")
# a part of the year as the time of a sentence (「2022年上半年，全区共受理申请267件」「1至11月」), unless the whole
# year is named after it (「按上半年部署，全年共收到」); 「1-12月」 is the whole year
_PART_OF_YEAR = re.compile(r"上半年|下半年|季度|(?<!\d)(\d{1,2})月?份?(?:至|到|-|—|－|~|～)(\d{1,2})月")
_WHOLE_YEAR = re.compile(r"全年|本年|今年|年度")
_YEAR = re.compile(r"(\d{4})年")
# what makes an 申请 not a 政府信息公开 application
# 「受理依申请公开事项36件」: 事项 of disclosure itself; 「办结县长信箱13件」: letters to a mailbox, not applications
# 「依申请公开办理事项1件」「收到依申请公开申请事项1件」
_DISCLOSURE_ITEMS = re.compile(r"(?:(?:依申请公开|信息公开)(?:申请)?|公开申请)(?:办理)?事项")  # 「收到公开申请事项26项」
_NOT_DISCLOSURE = re.compile(r"复议|诉讼|许可|审批|政务服务|办件|咨询|信访|投诉|举报|留言|建议|提案|来信|信箱|诉求|热线|"
                             r"补正|事项|服务|12345|意见")
_REVIEW_EXCLUDE = re.compile(r"纠错|败诉|撤销|确认违法|被追责|问责|责任追究|前置|决定书|复议法|诉讼法|"
                             r"复议机关|应诉|不到位|不当|不规范|违法|过错|失职|纠正|改变|变更|责令|被告败")
# the organ handling other organs' cases (a county government is a 复议机关), not cases about its disclosure
_REVIEW_AUTHORITY = re.compile(r"全[县市区旗州盟省]|办理|受理|审理|收到|审结")
# under a heading about the organ's disclosure cases (「（四）政府信息公开行政复议、行政诉讼情况。」) 收到 is the organ
# being sued or asked for review, not a 复议机关 taking cases in
_CASES_HEADING = re.compile(r"信息公开[^。；;，,！？]{0,12}?(?:行政复议|行政诉讼)")
_AUTHORITY_UNDER_HEADING = re.compile(r"全[县市区旗州盟省]|办理|受理|审理|审结")
_HEADING_MAX = 40  # a heading is short; a sentence about the cases themselves is no heading
_DISCLOSURE_WORDS = re.compile(r"信息公开|依申请|公开申请")
# the organ deciding the cases it counts (「行政复议144件，120件做了复议决定」): a 复议机关's caseload
# (a count of decisions: not 「复议机关作出维持原答复的复议决定」 about the organ's own case)
_DECIDES_CASES = re.compile(r"\d+件(?:已|均)?[做作](?:了|出)(?:了)?(?:行政)?复议决定")
# (not 「…2件（其中1件为2023年信息公开件）」: a case about last year's application is still about disclosure)
_BROADER = re.compile(r"[^。；;！？\n]{0,6}?其中(?:(?!\d{4}年)[^。；;，,！？\n]){0,12}?(?:信息公开|依申请)")

_NEG = r"(?:未发生|未出现|未有|没有|未产生|未收到|未接(?:收)?到|未涉及|不存在|未引发|未引起|未因|未被(?:提起|申请)|无(?=因|涉及|(?:政府)?信息公开|行政复议|行政诉讼|相关|提起|被))"  # 「无信息公开举报、复议和诉讼」
_NONE_RECEIVED_RE = re.compile(
    r"(?:未|没有|尚未|均未|并未|暂未|从未)(?:收到|接到|接收到?|收悉|受理)[^，,。；;！？\n]{0,40}?申请(?!人)")
# 「全年无政府信息公开申请」「本年度我局无依申请公开情况」「暂无依申请公开的情况发生」「无受理政府信息公开申请情况」: none without 未
# 「未收到群众以当场申请、信件、数据电文等书面形式提出的申请」: the first 申请 is one item of a list of channels
_NONE_RECEIVED_LISTED_RE = re.compile(
    r"(?:未|没有|尚未|均未|并未|暂未|从未)(?:收到|接到|接收到?|收悉|受理)[^，,。；;！？\n]{0,20}?申请、[^，,。；;！？\n]{0,40}?申请(?!人)")
# channels listed up to 等…形式: every channel, not a part (「以当场申请、信件、数据电文等书面形式」)
_EVERY_CHANNEL = re.compile(r"[^，,。；;、]{1,8}(?:、[^，,。；;、]{1,8})+等(?:书面|多种|各种)?(?:形式|方式|渠道|途径)")
_NONE_RECEIVED_BARE_RE = re.compile(
    r"(?:暂无|均无|并无|无|没有|未有)(?:任何)?(?:受理)?(?:(?:政府)?信息公开(?:的)?申请|依申请公开(?:政府信息)?(?:的)?(?:办理)?(?:申请|事项|情况|件|业务)?|"
    r"(?:公民|自然人|申请人)[^，,。；;！？\n]{0,16}?(?:申请|提出)[^，,。；;！？\n]{0,6}?(?:政府信息公开|公开政府信息|信息公开)(?:申请)?)"
    r"(?:的)?(?:情况|事项)?(?:发生|出现)?(?=[，,。；;！？!?\n]|$)")
# 「未接到群众要求公开的信息」: the application named by what it asks for
_NONE_REQUESTED_RE = re.compile(r"(?:未|没有|尚未|均未|并未|暂未|从未)(?:收到|接到|接收到?)(?:群众|公民|公众|社会公众|申请人)?"
                                r"(?:提出的?)?要求公开(?:的)?(?:政府)?信息")
# 「公众关于政府信息公开的申请」: 关于 names what every application is for, not a kind of them
_ABOUT_DISCLOSURE = re.compile(r"关于(?:政府)?信息公开(?:方面)?(?:的)?(?=申请)")
# 「未收到和处理政府信息公开申请事项」: none received, so none handled either
_RECEIVED_AND_HANDLED = re.compile(r"(?<=收到|接到|受理)(?:和|及|或)(?:处理|办理)")
# 「政府信息公开申请数为0」
_NONE_RECEIVED_ZERO_RE = re.compile(r"(?:政府信息公开|依申请公开)(?:的)?申请(?:数量?|件数|总数)(?:为|是|共|计)?(?:0|零)件?"
                                    r"(?=[，,。；;！？!?\n、）)]|$)")
# 「行政复议、行政诉讼均为0件」「行政复议、行政诉讼案件数量为0」
# (the optional 政府信息公开 written out as a first alternative: the scan then jumps to a 政 or 行)
_NONE_T4_ZERO_RE = re.compile(r"(?:政府信息公开(?:行政复议|行政诉讼)|行政复议|行政诉讼)(?:[、和及与或](?:行政复议|行政诉讼))?(?:案件)?"
                              r"(?:(?:均|都)(?:为|是)(?:0|零)件?|(?:数量?|件数|总数)?(?:均|都)?(?:为|是)?(?:0|零)(?![件起]))"
                              r"(?=[，,。；;！？!?\n、）)]|$)")  # not 「行政复议零纠错」
# each with words one of which is in every match: only paragraphs holding one are read (none crosses a break)
_NONE_RECEIVED = ((_NONE_RECEIVED_RE, ("未", "没有")), (_NONE_RECEIVED_BARE_RE, ("无", "没有", "未有")),
                  (_NONE_RECEIVED_ZERO_RE, ("申请数", "申请件数", "申请总数")))
_NEG_WORDS = ("未", "没有", "无")  # the first two's words (未有 holds 未): their paragraphs are found once for both
# what every match of each pattern holds, looked for (str.find) before the pattern is tried at every character of a
# paragraph: a negation and the first character of what follows it (most paragraphs say what was received)
_RECEIVED_SIGN = (("未", "没有"), "收接受")  # 「未收到」「没有接到」「未受理」
_BARE_SIGN = (("无", "没有", "未有"), "任受政信依公自申")  # 「无政府信息公开申请」「没有依申请公开」「无公民…申请」
_REQUESTED_SIGN = "要求公开"
_CARRY_SIGN = (("无", "没有", "未有"), "上结转下")  # 「无上年结转」「上年无结转」「没有结转下年度」「未有结转下年度」
# (「未收到申请政府信息公开事项」: the application named first, then what it was for)
# 「未收到依申请公开请求」「未收到申请公开信息的要求」: the application called a request; 「未收到依申请公开事项申请」
# 「未收到依申请公开办理」: what it would be, 办理, named for it; 「…事项.」: a Latin full stop (not in 「3.5」)
_NONE_TAIL = re.compile(r"(?:公开)?(?:的)?(?:政府)?(?:信息)?(?:公开)?(?:的)?(?:事项)?(?:申请|请求|要求)?(?:的)?(?:情况|事项|件|材料|事件|办理)?"
                        r"(?:发生|出现)?(?:[，,。；;！？!?\n（(、]|\.(?!\d)|$|(?=[和及与][^，,。；;！？\n]{0,30}?(?:复议|诉讼)))")
_ASPIRATION = re.compile(r"确保|做到|力争|杜绝|避免|防止|有$|是否$")
_NONE_T4_RE = re.compile(_NEG + r"[^，,。；;！？\n]{0,30}?(?:复议|诉讼)[^，,。；;！？\n]{0,12}")
# 「未制发规章、行政规范性文件」: none of either
_NONE_NORMATIVE_RE = re.compile(r"(?:未|没有|无)(?:制发|出台|制定|印发|发布)(?:新的|任何)?(?:规章(?:[、和及与]|或者?))?(?:行政|政府)?规范性文件"
                                r"(?!的?(?:权|职|资格|主体|任务|计划))")  # not 「无制发规范性文件权限」
# 「无上年结转政府信息公开申请」「上年无结转」「无结转下年度办理的申请」: a carry-over of none, the figure 0
# 「无下年度结转」「无结转2024年继续办理件」 (the next year named: checked against the report's)
_NONE_CARRY_RE = re.compile(r"(?:无|没有|未有)(?:(?P<cin>上一?年度?(?:结转|转结)|(?:结转|转结)上一?年度?)|(?:结转|转结)(?:至|到)?下一?年度?|"
                            r"下一?年度?(?:结转|转结)|(?:结转|转结)(?:至|到)?(?P<next>\d{4})年度?)|"
                            r"(?P<cin2>上一?年度?)(?:无|没有|未有)(?:结转|转结)")
_NONE_CARRY_TAIL = re.compile(r"(?:继续)?(?:办理|处理|答复)?(?:的)?(?:政府信息公开|依申请公开)?(?:申请|事项|件|办理件|申请件)?(?:情况)?"
                              r"(?=[，,。；;！？!?\n）)]|$)")
_COMPLETE_RE = re.compile(
    r"(?:均已|都已|已全部|全部已|已经全部|均已经)[^，,。；;！？\n]{0,20}?(?:办结|答复|回复|处理完毕|办理完毕|处理完成|办理完成)|"
    r"(?<!按时)(?<!及时)(?<!按期)(?<!限时)(?<!准时)(?<!期内)(?<!时限内)(?<!到期)办结率(?:为|达|达到)?100(?:\.0+)?[%％]|全部(?:予以)?(?:办结|答复完毕|回复完毕)|"
    # 办结 said of every application, on time: 「所有申请均按时办结」「均在法定时限内给予申请人办结」, and 已 right after
    # the count (「依申请公开3件，已按时办结」「办理事项1件，已在规定时间内办结答复」「予以公开1件，现已办结」);
    # not 答复 in time (「均在法定期限内予以答复」: the ones answered were answered in time), nor a count (「已办结38件」)
    r"(?P<closed_all>(?:(?:均|都|全部)(?:按时|按期|及时|依法|依规|如期)+|均在[^，,。；;！？\n]{1,12}?内[^，,。；;！？\n]{0,8}?)"
    r"办结(?:答复)?|(?<=件[，,])(?:现|目前)?已(?:在[^，,。；;！？\n]{1,12}?内)?(?:按时|按期|及时|依法|依规|如期)*"
    r"(?:办结(?:答复)?|办理完毕|处理完毕|答复完毕))(?=[，,。；;！？\n]|$)")  # 「申请一件，已办理完毕」
_COMPLETE_WORDS = ("均已", "都已", "全部", "办结", "完毕")  # one is in every match of _COMPLETE_RE
_COMPLETE_EXCLUDE = re.compile(r"结转|转结|顺延|下一?年度|转入|正在办理|仍在办理|尚在办理|尚未办结|未办结|办理中|"
                               r"(?:答复|办理)(?:期限|期|时限)内(?!予以|作出|答复|办结|依法)|上一?年|去年|留言|咨询|信访|建议|提案|诉求|来信|信箱|热线|投诉|评论")

_SUBJECT_KINDS = ("review", "lawsuit", "lawsuit:direct", "lawsuit:after")
# what a case count makes the subject of the results after it (Claim.subject)
_SUBJECT_OF = {"review": "review", "lawsuit": "lawsuit", "lawsuit:direct": "direct", "lawsuit:after": "after"}
# the applications named with no verb: read only when nothing else is in the lead
_NOUN_KINDS = ("received_bare", "received_noun")
# the kinds a count in 次 may have: cases, and the bare 「依申请公开3次」 (not 「召开会议3次」「答复培训2次」)
_TIMES_KINDS = _SUBJECT_KINDS + ("t4_all",)
# a case count's result in a clause of its own after it: 「被行政复议1件，为其他结果」「行政复议2件，均为结果维持」
# the result of every application received, in the clause after their count (_NumberReader._result_of_all)
# (「均为非本机关掌握信息」: every one asked for what the organ does not hold, 无法提供 for that reason)
_RESULT_OF_ALL = re.compile(r"(?:(?:的)?(?:政府信息公开|依申请公开|信息公开)?申请)?[，,](?:且|并且)?(?:均|全部|都|均已|已全部|已)?"
                            r"(?:(?P<r3_1>予以公开|全部公开)|(?P<carried_out>(?:结转|转结|顺延)(?:至|到)?下一?年度?"
                            r"(?:继续)?(?:办理|答复|处理)?)|"
                            r"(?P<r3_4_1>为非本(?:机关|单位|部门)掌握(?:的)?(?:政府)?信息))" + _CLAUSE_ENDS)
_RESULT_KIND = {"r3_1": "cat:r3_1", "carried_out": "carried_out", "r3_4_1": "leaf:r3_4_1/r3_4"}
# the applicant type of every application received, likewise: 「收到申请2件，均为自然人申请」
# (「申请1件，申请主体为自然人」: the one applicant named as the applicant body)
_APPLICANT_OF_ALL = re.compile(r"(?:(?:的)?(?:政府信息公开|依申请公开|信息公开)?申请)?[，,]"
                               r"(?:(?:申请人|申请主体)?(?:均为|均系|均是|全部为|全部是|都是|全为)|申请主体为)"
                               r"(?:自然人|公民)(?:个人)?(?:提出)?(?:的)?(?:申请)?"
                               + _CLAUSE_ENDS)
_CARRY_WORDS = re.compile(r"上一?年|去年|结转|转结")
# the ones carried out (「无下年度结转」): had an applicant among those received, so they say nothing of its type
_CARRIED_OUT_WORDS = re.compile(r"(?:结转|转结|顺延)(?:至|到)?下一?年度?|下一?年度?(?:结转|转结)")
# (「均经审理依法驳回原告诉讼请求」: the court found for the organ, which the form counts as 维持; not 驳回起诉; 「均获维持」)
_CASE_RESULT = re.compile(r"[，,](?:结果)?(?:为|均为|均|被)?(?:获)?(?:结果)?(?:(?P<upheld>维持(?:原(?:行政行为|答复|决定))?|"
                          r"(?:经(?:法院)?审理)?(?:依法)?(?:(?:人民)?法院)?(?:依法)?(?:判决)?驳回(?:原告)?(?:的)?(?:全部)?诉讼请求)|"
                          r"(?P<corrected>纠正|纠错)|(?P<other>其他结果)|"
                          # 「行政诉讼有1件，目前正在法院审理中」「1起…行政复议案件，该案件至本报告发布之时尚未审结」
                          rf"(?P<pending>(?:目前|现|至今)?(?:(?:该|上述)?案件?(?:(?!部分|其中|另)[^，,。；;！？\d]){{0,10}}?)?{_PENDING}))"
                          r"(?:的?结果)?(?=[，,。；;！？!?\n]|$)")  # 「均维持结果」
# the result in brackets right after the count: 「行政复议1件（申请人撤回结案）」「（已撤销申请）」「（结果维持）」
_CASE_RESULT_BRACKETED = re.compile(r"[（(](?:结果)?(?:为|均为|均|已|已被)?(?:(?P<upheld>维持)|(?P<corrected>纠正|纠错)|"
                                    r"(?P<other>(?:申请人|原告)?(?:主动|自行|已)?(?:撤回|撤销)(?:行政)?(?:复议申请|复议|申请|起诉)?"
                                    r"(?:结案|终止)?|其他结果)|(?P<pending>" + _PENDING + r"))[）)]")
# the kind of every lawsuit counted, in the clause after the count: 「行政诉讼6件，均为未经复议直接起诉」
_LAWSUIT_KIND_OF_ALL = re.compile(r"[，,](?:均为|均系|均是|全部为|均|全部|都是)?(?:(?P<direct>(?:未经(?:行政)?复议)?直接(?:起诉|提起(?:行政)?诉讼))|"
                                  r"(?P<after>(?:行政)?复议后(?:再)?(?:起诉|提起(?:行政)?诉讼)))" + _CLAUSE_ENDS)
# a closed figure followed by another way the applications were dealt with: 「答复7件，不予受理4件」 lists outcomes,
# the 7 is one of them, not the total (「办结20件，其中不予处理2件」 names a share of it)
_ANOTHER_OUTCOME = re.compile(r"[，,、；;](?:(?!其中)[^，,。；;\d]){0,6}?(?:不予受理|撤回|退回|驳回|补正|转办|告知)"
                              r"[^，,。；;\d]{0,6}?\d+[件条个]")
_LETTERS_ARE_APPLICATIONS = re.compile(r"(?:的)?(?:政府信息公开|依申请公开|信息公开)?申请(?!人)")
_SUM_LEAD = re.compile(r"(?:合计|共计|总计|共)(?:为|是|有)?")
# the applications named last in a lead, right before the number (「收到政府信息公开申请3项」)
_APPLICATIONS_LAST = re.compile(r"(?:申请(?:事项)?|(?:依申请|信息)公开(?:申请)?事项)$")  # 「收到公开申请事项26项」
_RECEIVED_AND = re.compile(r"(?:收到|受理|接收)(?:并|和|及|且)$")
# a count of documents with the verb before the number and the noun after it: 「制发3份规范性文件」
# (「新制作《…办法》《…细则》等8件规范性文件」: the titles between, then 等)
_ISSUED_BEFORE = re.compile(r"(?:新)?(?:制发|印发|出台|制定|发布|制作)(?:了)?(?:(?:《[^《》]{1,60}》[、和及与]?)+等)?"
                            r"(?:共|共计|合计)?$")
_NORMATIVE_AFTER = re.compile(r"(?:的)?(?:行政|政府)?规范性文件(?=[，,。；;、）)\n]|$)")
# the same figures with the noun named earlier in the sentence: 「清理规范性文件…，新制发1件」「…，现行有效件数14件」
_ISSUED_ALONE = re.compile(r"(?:其中)?(?:新)?(?:制发|印发|出台|制定|发布)(?:了)?(?:件数|数量)?(?:为|共|共计|有)?")
_IN_FORCE_ALONE = re.compile(r"(?:其中)?(?:现行|继续)有效(?:的)?(?:件数|数量|总数|文件)?(?:为|共|共计|有)?")
# 「（6.）对2025年以来制发的规范性文件14件进行清理」: documents as the object of a review, after the item's number
_OBJECT_OF_REVIEW = re.compile(r"(?:[\d一二三四五六七八九十]+[、.．])?对")
# a case brought for another act, not for the disclosure (「因具体行政行为被提起行政诉讼2起」)
_OTHER_CAUSE = re.compile(r"因(?![^，,。；;]{0,8}?(?:信息公开|依申请|公开|政府信息))|具体行政行为")
_OF_THE_PART = ("closed", "carried_out", "cat:", "leaf:")
_JOINED = re.compile(r"(?:公开|提供|处理|申请|信息)(?:和|及|与|、|以及|或)$")
# one applicant type right after the verb (not a list of them: 「受理公民、法人提出的申请9件」 is the total)
_APPLICANT_FIRST = re.compile(r"(?:了|共)?(?:法人或(?:者)?其他组织|法人和其他组织|自然人|公民|法人|企业|商业企业|科研机构|"
                              r"社会公益组织|法律服务机构|其他组织)(?![、，,和及或与])")
_APPLICANT_GAP = re.compile(r"(?:提出|申请人?|的|类|共|计|为|有)*")
# 「受理量为0件」「共受理政府信息公开1件」 (the applications named by what they ask for)
_BARE_GAP = re.compile(r"(?:了|共|共计|合计|总计|达|有)?(?:政府信息公开|信息公开|依申请公开)?(?:量|数量?|件数|总量|总数)?"
                       r"(?:为|是|达到?|共计?|计)?")
# the applications named before the verb: 「依申请信息公开办理有69件」
_NOUN_BEFORE = re.compile(r"(?:(?:政府)?信息公开申请|依申请(?:信息)?公开(?:申请)?)$")
# 「通过任何形式提出的申请」: every channel
_ANY_MEANS = re.compile(r"(?:通过|以)任何(?:形式|方式|渠道|途径)")
# 「收到依申请公开信件19件」: the applications written as letters, all of them (not 「信件申请10件」, one channel)
_LETTERS_OF_APPLICATION = re.compile(r"(?:依申请公开|信息公开申请|信息公开)信件")
# 「通过网站、信函等渠道收到」: the channels listed are every channel, not a part
_BOTH_CHANNELS = re.compile(r"(?:线上|网上)[、和及与]?线下|线下[、和及与]?(?:线上|网上)")
# (「网络、信函、当面及其他形式」: the list closed by every other channel)
_ALL_CHANNELS = re.compile(r"[^，,。；;]{0,30}?(?:等(?:多种|各类|各种)?|(?:及|和|与|以及|或)其他)(?:渠道|途径|方式|形式)")
_QUOTE_GAP = re.compile(r"(?:的)?(?:件数|数量|数)?(?:为|是|有|共|共计)?")
_T2_GAP = re.compile(r"(?:的|了|共|共计|合计|总计|计|为|有|达|数量?|件数|总数|文件)*")  # 「…，现行有效文件20件」
_T4_GAP = re.compile(r"(?:案件|申请|的|共|计|为|总数|数量|有|件|合计|类|情况|达)*")


# ---------------------------------------------------------------- extraction


def _is_number_char(ch: str) -> bool:
    return ch in _NUMBER_CHARS or ch.isdecimal()


def _positions(s: str, chars: str) -> list[int]:
    """Where each of the characters occurs in s, in order (str.find: quicker than a pattern for a few)."""
    out = []
    for ch in chars:
        i = s.find(ch)
        while i >= 0:
            out.append(i)
            i = s.find(ch, i + 1)
    out.sort()
    return out


def numbers(s: str) -> Iterator[re.Match]:
    """The matches of _NUM_RE in s, in order, as finditer gives them, found from the units (件 条 …): the
    pattern is tried only on the run of figures just before a unit, not at every character."""
    prev_end = 0
    for unit in _positions(s, _UNITS):
        if unit <= prev_end or not _is_number_char(s[unit - 1]):
            continue
        run = unit - 1
        while run > prev_end and _is_number_char(s[run - 1]):
            run -= 1
        # a match ending at this unit starts inside the run (figures only before a unit); any that starts
        # earlier ends at an earlier unit, already read.  The window keeps the character after the unit (次).
        m = _NUM_RE.search(s, run, unit + 2)
        if m is not None:
            prev_end = m.end()
            yield m


_CLAUSE_END_RE = re.compile(f"[{re.escape(_CLAUSE_END)}]")
_WIDE_END_RE = re.compile(f"[{re.escape(_WIDE_END)}]")


def _after_last(s: str, reversed_s: str, ends: re.Pattern, lo: int, hi: int) -> int:
    """Where the stretch before `hi` that holds none of `ends` starts, not before lo (the reversed text is
    searched, forward, instead of s backward one character at a time)."""
    m = ends.search(reversed_s, len(s) - hi, len(s) - lo)
    return lo if m is None else len(s) - m.start()


def _clause_start(s: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and s[i - 1] not in _CLAUSE_END:
        i -= 1
    return i


def _keywords(lead: str) -> list[re.Match]:
    """The keywords in the lead, in order, as the alternation of all _KEYS would find them."""
    found = []
    start = _KEY_START.search(lead)
    while start is not None:
        i = start.start()
        m = _KEYS_AT["0" if lead[i].isdecimal() else lead[i]].match(lead, i)
        if m is not None:
            found.append(m)
        start = _KEY_START.search(lead, i + 1 if m is None else max(i + 1, m.end()))  # not inside the one found
    return found


def _last_key(lead: str) -> re.Match | None:
    """The keyword the number belongs to: the last one, unless that is an applicant type that is not
    followed closely by the number (「来自公民、法人或其他组织的政府信息公开申请82件」 is received)."""
    keys = _keywords(lead)
    if len(keys) > 1:  # a bare 「信息公开申请」 only speaks when nothing else does
        keys = [k for k in keys if _KEY_KIND[k.lastgroup or ""] not in _NOUN_KINDS]
    for i in range(len(keys) - 1, -1, -1):
        m = keys[i]
        if _KEY_KIND[m.lastgroup or ""].startswith("applicant:") and not _APPLICANT_GAP.fullmatch(lead[m.end():]):
            continue
        if i and _KEY_KIND[m.lastgroup or ""] == "closed" and keys[i - 1].end() == m.start() \
                and _KEY_KIND[keys[i - 1].lastgroup or ""].startswith("cat:"):
            return keys[i - 1]  # 「予以公开答复11件」: answered with that result, a count of the result
        return m
    return None


def _years(s: str, start: int, end: int) -> Iterator[re.Match]:
    """What _YEAR.finditer(s, start, end) finds, read from each 年 (its four figures just before it)."""
    i = s.find("年", start + 4, end)
    while i >= 0:
        m = _YEAR.match(s, i - 4, i + 1)
        if m is not None:
            yield m
        i = s.find("年", i + 1, end)


def _in_closed_bracket(s: str, sent_start: int, m: re.Match, pos: int) -> bool:
    """True when m sits inside brackets that open after sent_start and close before pos."""
    opened = max(s.rfind("（", sent_start, m.start()), s.rfind("(", sent_start, m.start()))
    if opened < 0 or max(s.rfind("）", opened, m.start()), s.rfind(")", opened, m.start())) >= 0:
        return False
    return s.find("）", m.end(), pos) >= 0 or s.find(")", m.end(), pos) >= 0


def _skip_for_year(c: Compact, sent_start: int, pos: int, kind: str, year: int | None) -> bool:
    """True when the last year named before the number in its sentence is not the report's year."""
    if year is None or c.s.find("年", sent_start, pos) < 0:
        return False
    last = None
    for m in _years(c.s, sent_start, pos):
        y = int(m.group(1))
        if c.s[m.start() - 1:m.start()] in ("比", "较", "与") or _in_closed_bracket(c.s, sent_start, m, pos):
            # 「比2022年（31起）下降29%，答复22起」: a comparison names the other year; 「复议2件（其中1件为2023年
            # 的申请），结果维持1件」: a remark in brackets does too; neither is the time of what follows
            continue
        if m.end() < pos and ((y == year - 1 and _CARRY_FROM.match(c.s, m.end()))
                              or (y == year + 1 and _CARRY_TO.search(c.s, max(0, m.start() - 3), m.start()))):
            continue  # 「加上2023年结转的3件」「3件结转至2025年」 name the neighbour year of a carry-over only
        last = m
    if last is None:
        return False
    y = int(last.group(1))
    if y == year:
        return False
    if kind == "carried_out" and y == year + 1:
        return False
    if kind == "carried_in" and y == year - 1:
        return False  # 「含2023年结转3件」
    return True


def _about_applications(c: Compact, pos: int, also: str = "") -> bool:
    p0, p1 = c.paragraph_at(pos)
    return c.s.find("申请", p0, p1) >= 0 and (not also or c.s.find(also, p0, p1) >= 0)


@dataclass
class _Number:
    """One number with a unit and what its clause says about it, filled in step by step."""
    value: int
    start: int
    end: int
    unit: str  # 件 条 个 …
    sent_start: int
    sent_end: int
    cl: int  # where its clause starts
    lead: str  # the clause before the number
    key: re.Match | None  # the keyword in the lead; None when the kind came from the words after the number
    kind: str
    quote_end: int  # the claim phrase ends here (after the unit, or after a tail keyword)
    own: str = ""  # the clause's subject before the keyword, brackets included
    scope: str = ""  # Claim.scope
    of_received: bool = False  # Claim.of_received
    after_key: str = field(init=False)
    before_key: str = field(init=False)
    lead_rest: str = field(init=False)  # the lead without its keyword

    def __post_init__(self) -> None:
        key, lead = self.key, self.lead
        self.after_key = lead[key.end():] if key else ""
        self.before_key = lead[:key.start()] if key else lead
        self.lead_rest = self.before_key + self.after_key if key else lead


def _is_rough(s: str, m: re.Match) -> bool:
    """「第3件」「数十件」「上百件」「3至5件」: an ordinal, a rough count or a range."""
    num_text, start, end = m.group(1), m.start(), m.end()
    chinese = not num_text[0].isdigit()
    before = s[start - 1] if start else ""
    after = s[end] if end < len(s) else ""
    return (before in "第每逐统唯单"
            or (chinese and (m.group(2)[:1] not in "件起宗" or after in "事" or before in "数几上近"))
            or (before in _RANGE_LAST and bool(_RANGE.search(s, max(0, start - 4), start))))


def _unit_fits(s: str, end: int, unit: str, kind: str, key: re.Match | None) -> bool:
    """The unit after the number (ending at `end`) can count what the kind counts."""
    named = _KEY_KIND[key.lastgroup or ""] if key is not None else ""
    if unit == "次" and kind not in _TIMES_KINDS and named not in _NOUN_KINDS:
        return False  # 「召开会议3次」「答复培训2次」
    if named == "received_noun" and unit not in "件宗次":
        return False  # 「依申请公开2条，免于公开信息0条」: items of information, as likely as applications
    if unit == "封" and not (_LETTERS_ARE_APPLICATIONS.match(s, end) or (key is not None and key.string.endswith("申请"))):
        return False  # 「收到群众来信12封」「收到12封邮件」: letters, not said to be applications
    if unit == "项" and not (kind == "received" and key is not None and _APPLICATIONS_LAST.search(key.string)):
        return False  # 「公开事项12项」「完成3项任务」: items, not applications
    if unit in "个条份部例" and _DURATION.match(s, end - 1 if unit == "个" else end):
        return False  # 「在15个工作日内答复」: a time, not a count
    # 「答复、归档等7个环节」: steps, not applications
    return not (unit == "个" and _NAMED_AFTER_GE.match(s, end))


def _number_claims(c: Compact, year: int | None, names: re.Pattern | None) -> list[Claim]:
    return _NumberReader(c, year, names).claims()


class _NumberReader:
    """One pass over the numbers of a text.  What earlier numbers said decides about later ones (the
    subject of 「其中结果维持…」, a sentence about towns or other business, the received figure's paragraph),
    so that memory is kept here."""

    def __init__(self, c: Compact, year: int | None, names: re.Pattern | None = None):
        self.c, self.s, self.year, self.names = c, c.s, year, names
        self.reversed_s = c.s[::-1]
        self.subject: tuple[int, str] | None = None  # (sentence start, review|lawsuit) for 其中结果维持…
        self.received_sentence = -1
        self.received_para = -1  # paragraph start of the last received/handled claim
        self.subunit_sentence = -1  # a sentence whose subject is a town or department, not the organ
        self.received_unit = (-1, "")  # (sentence, unit) of the last received claim: 件, or 条 when counted so
        self.foreign_sentence = -1  # a sentence about applications of another kind (登记, 许可, 来电 …)
        # (sentence, received|handled, where the part's figure is): a sentence whose first figure is a part (「受理线上申请65件，办结62件」)
        self.part_sentence = (-1, "", -1)
        self.last_claim = (-1, "")  # (where its phrase ends, kind) of the last claim read
        self.last_value = 0  # and its figure
        # (sentence start, the results one of whose rows it counted on its own): 「逾期未补正2件，其他处理5件」
        self.rows_named: tuple[int, frozenset[str]] = (-1, frozenset())
        self.extra: list[Claim] = []  # claims a number makes besides its own (a case count's result after it)

    def claims(self) -> list[Claim]:
        out: list[Claim] = []
        closed_at: dict[int, int] = {}  # sentence start → where in out its closed claim is
        prev_end = 0
        for m in numbers(self.s):
            floor, prev_end = prev_end, m.end()
            claim = self._read(m, floor)
            if claim is None:
                continue
            if claim.kind == "closed":
                sent = self.c.sentence_at(m.start())[0]
                j = closed_at.get(sent)
                if j is not None:
                    # 「其中33件已办结，答复27件，主动撤回6件」: two closed figures in one sentence are a total
                    # and a part of it; the larger is the total
                    if (claim.value or 0) > (out[j].value or 0):
                        out[j] = claim
                    continue
                closed_at[sent] = len(out)
            out.append(claim)
            out += self.extra
            self.extra = []
        return out

    def _read(self, m: re.Match, floor: int) -> Claim | None:
        if self.s[m.end() - 1] == "项" and not self.s.endswith(("申请", "事项"), 0, m.start()):
            return None  # (what _unit_fits would find, at once: most 项 count items, 「公开事项7项」 aside)
        value = parse_int(m.group(1))
        if value is None or _is_rough(self.s, m):
            return None
        sent_start, sent_end = self.c.sentence_at(m.start())
        if self.subject and self.subject[0] != sent_start:
            self.subject = None
        n = self._keyed(m, value, sent_start, sent_end, floor)
        if n is None or self._about_a_part(n, floor) or self._about_another_time(n) or self._not_one_figure(n):
            return None
        if not self._fits_its_kind(n):
            return None
        n.kind = self._joint_kind(n)
        if n.kind in ("normative_in_force", "normative_issued", "rules_issued") and _OBJECT_OF_REVIEW.match(n.lead):
            return None  # 「对现行有效的规范性文件56件进行清理」: the object of a review, not the count
        self._note_subject(n)
        if self._a_share_of_another(n):
            return None
        self._remember(n)
        if n.kind in _SUBJECT_KINDS:
            self._case_result(n)
        elif n.kind == "received":
            self._result_of_all(n)
        return self._claim(n)

    def _note_subject(self, n: _Number) -> None:
        """The kind of case the results after a count of cases (or a result naming its case) are of."""
        if n.kind in _SUBJECT_KINDS:
            self.subject = (n.sent_start, _SUBJECT_OF[n.kind])
        elif n.kind.startswith("t4sub:") and self.subject is None:
            self.subject = (n.sent_start, _case_in(n.before_key) or "")  # 「复议后起诉案件其他结果1件」
        elif n.kind.startswith("t4sub:"):
            named = _case_named(n.before_key)
            if named:  # 「复议6件和诉讼3件，其中行政复议结果维持5件」: the result names its own kind of case
                self.subject = (n.sent_start, named)

    def _a_share_of_another(self, n: _Number) -> bool:
        """The figure is a share of another figure, or one outcome among others, not the total its kind names."""
        if n.kind in ("received", "handled", "closed") and self.received_para == self.c.paragraph_at(n.start)[0] \
                and n.scope != "own" and _ORGAN.search(n.own):
            return True  # 「共收到申请45件，其中县政府办公室收到15件」: one office's share
        if n.kind in ("handled", "closed") and self.last_claim == (n.cl - 1, n.kind) \
                and _INSIDE_A_TOTAL.match(self.s, n.cl - 1, n.cl + 2):
            # 「办结12件（含上年转入的办结3件）」: a share of the count the bracket follows (not so for received:
            # 「收到12件（含新收11件，上年结转1件）」 names 表三 第一项, a reading of its own)
            return True
        if n.kind.startswith(("cat:", "leaf:")) and self.last_claim[1] == "carried_in" \
                and n.sent_start <= self.last_claim[0] and "其中" in self.s[self.last_claim[0]:n.start] \
                and n.value <= self.last_value:
            # 「上年结转申请4件，其中同意公开4件」: the results of the carried-in ones only (not 「…上年结转4件，其中
            # 予以公开30件」: of all of them)
            return True
        if self.rows_named[0] != n.sent_start:
            self.rows_named = (n.sent_start, frozenset())
        if n.kind.startswith("cat:") and n.kind[len("cat:"):] in self.rows_named[1]:
            return True  # 「逾期未补正2件，其他处理5件」: the result's other rows, its total is both
        # 「答复7件，不予受理4件」: one outcome among others, not all closed
        return n.kind == "closed" and n.key is not None and bool(_ANOTHER_OUTCOME.match(self.s, n.quote_end))

    def _remember(self, n: _Number) -> None:
        """What a claim read tells about the figures after it."""
        # 「收到并答复政府信息公开申请45件」: 45 received, and the same 45 answered
        # 「收到并办理依申请公开政府信息24件」: 24 received, and the same 24 handled
        received_too = n.kind in ("closed", "handled") and bool(_RECEIVED_AND.search(n.before_key))
        if received_too:
            a, b = self.c.span(n.cl, n.quote_end)
            self.extra.append(Claim("received", n.value, a, b, self.s[n.cl:n.quote_end], scope=n.scope))
        if n.kind in ("received", "handled") or received_too:
            if self.part_sentence[0] == n.sent_start:
                self.part_sentence = (-1, "", -1)  # the parts' total is read: what follows is about all of them
            self.received_sentence = n.sent_start
            self.received_unit = (n.sent_start, n.unit)
            self.received_para = self.c.paragraph_at(n.start)[0]
        if n.kind.startswith("leaf:") and "/" not in n.kind:
            self.rows_named = (n.sent_start, self.rows_named[1] | {n.kind[len("leaf:"):].rsplit("_", 1)[0]})
        self.last_claim = (n.quote_end, n.kind)
        self.last_value = n.value

    def _result_of_all(self, n: _Number) -> None:
        """「共收到申请3件，均予以公开」「收到1件政府信息公开申请，结转至下一年度办理」: the result of every application
        received, in the clause after the count; 「收到申请2件，均为自然人申请」: their applicant type."""
        if not n.value:
            return
        at = n.quote_end
        for _ in range(2):  # 「均为自然人申请，且均为非本机关掌握信息」: two clauses said of all of them
            rm = _RESULT_OF_ALL.match(self.s, at)
            if rm is not None:
                kind = _RESULT_KIND[rm.lastgroup or ""]
            else:
                rm = _APPLICANT_OF_ALL.match(self.s, at)
                if rm is None:
                    return
                kind = "applicant:np"
            at = rm.end()
            p0, p1 = self.c.paragraph_at(n.start)
            if self._carry_named(kind, p0, rm.start()) or self._carry_named(kind, rm.end(), p1):
                continue  # applications carried in may have that result too (or be the ones carried out): not all of it
            a, b = self.c.span(n.cl, rm.end())
            self.extra.append(Claim(kind, n.value, a, b, self.s[n.cl:rm.end()], scope=n.scope, of_received=True))

    def _carry_named(self, kind: str, start: int, end: int) -> bool:
        """A carry-over named between start and end; for an applicant type only one carried in counts."""
        if _CARRY_WORDS.search(self.s, start, end) is None:
            return False
        return kind != "applicant:np" or bool(_CARRY_WORDS.search(_CARRIED_OUT_WORDS.sub("", self.s[start:end])))

    def _case_result(self, n: _Number) -> None:
        """「被行政复议1件，为其他结果」: the result of all the cases counted, in the clause after the count."""
        km = _LAWSUIT_KIND_OF_ALL.match(self.s, n.quote_end) if n.kind == "lawsuit" else None
        if km is not None:
            a, b = self.c.span(n.cl, km.end())
            self.extra.append(Claim(f"lawsuit:{km.lastgroup}", n.value, a, b, self.s[n.cl:km.end()], scope=n.scope))
        rm = _CASE_RESULT.match(self.s, n.quote_end) or _CASE_RESULT_BRACKETED.match(self.s, n.quote_end)
        if rm is not None:
            a, b = self.c.span(n.cl, rm.end())
            self.extra.append(Claim(f"t4sub:{rm.lastgroup}", n.value, a, b, self.s[n.cl:rm.end()],
                                    subject=_SUBJECT_OF[n.kind], scope=n.scope))

    # ---- what the number is about

    def _keyed(self, m: re.Match, value: int, sent_start: int, sent_end: int, floor: int) -> _Number | None:
        """The number with its clause and the keyword that says what it counts; None when nothing does."""
        s, start, end = self.s, m.start(), m.end()
        cl = _after_last(s, self.reversed_s, _CLAUSE_END_RE, max(floor, sent_start), start)
        while cl < start and s[cl] in "、，,":
            cl += 1
        lead_end = start
        if cl > 0 and s[cl - 1] in "”」" and _QUOTE_GAP.fullmatch(s, cl, start):
            # 「其中“予以公开”17件」「“部分公开”的件数为2件」: the result named in quotes just before is the lead
            q = s.rfind("“" if s[cl - 1] == "”" else "「", max(floor, sent_start), cl - 1)
            if q >= 0:
                cl, lead_end = q, cl - 1
        bracketed = None
        if cl == start and cl > 0 and s[cl - 1] in "）)":
            bracketed = self._reason_in_brackets(cl - 1, max(floor, sent_start))
        kind: str | None = None
        if bracketed is not None:  # 「不予公开（三类内部事务信息）2件」
            cl, lead_end, kind = bracketed
        lead = s[cl:lead_end]
        key = _last_key(lead)
        if bracketed is None:
            kind = _KEY_KIND[key.lastgroup or ""] if key else None
        if kind in _NOUN_KINDS:
            kind = "received"
        elif bracketed is None and kind is not None and kind.startswith("cat:r3_") and key is not None:
            leaf = _reason_leaf(lead, key, kind)
            if leaf is not None:  # 「因本机关不掌握相关政府信息无法提供1件」: that row, or all of 无法提供
                kind = f"{_KEY_KIND[leaf.lastgroup or '']}/{kind[len('cat:'):]}"
        kind, quote_end, of_received = _with_tail(kind, key, lead, s[end:min(sent_end, end + 24)], end)
        if kind is None or kind == "in_force_tail":
            kind, quote_end = self._normative_kind(lead, sent_start, start, end)
            if kind is None:
                kind = self._sum_of_parts(lead, sent_start, start, value)
            if kind is None:
                return None
        unit = m.group(2)[:1]  # (件次: 件)
        if not _unit_fits(s, end, unit, kind, key):
            return None
        return _Number(value, start, end, unit, sent_start, sent_end, cl, lead, key, kind, quote_end,
                       of_received=of_received)

    def _sum_of_parts(self, lead: str, sent_start: int, start: int, value: int) -> str | None:
        """「收到网上申请105件，快递17件，合计122件」: the sum of the parts the sentence opened with is the total
        (when it is their sum: the figures from the first part on add up to it)."""
        part_sent, kind, part_start = self.part_sentence
        if part_sent != sent_start or not _SUM_LEAD.fullmatch(lead):
            return None
        parts = [parse_int(p.group(1)) for p in numbers(self.s[part_start:start])]
        return kind if None not in parts and sum(p or 0 for p in parts) == value else None

    def _normative_kind(self, lead: str, sent_start: int, start: int, end: int) -> tuple[str | None, int]:
        """A count of 规范性文件 whose noun is not in the lead: after the number (「制发3份规范性文件」), or earlier in
        the sentence with the verb alone before the number (「…规范性文件0件，保留4件，新制发1件」「…，现行有效件数
        14件」, not after 规章 was named last); (kind, quote end) or (None, end)."""
        s = self.s
        if _ISSUED_BEFORE.search(lead):
            after = _NORMATIVE_AFTER.match(s, end)
            if after:
                return "normative_issued", after.end()
        if s.rfind("规范性文件", sent_start, start) > s.rfind("规章", sent_start, start):
            if _ISSUED_ALONE.fullmatch(lead):
                return "normative_issued", end
            if _IN_FORCE_ALONE.fullmatch(lead):
                return "normative_in_force", end
        return None, end

    def _reason_in_brackets(self, close: int, lo: int) -> tuple[int, int, str] | None:
        """(clause start, lead end, kind) of a result whose one reason stands in brackets between it and its
        count (「不予处理（无正当理由大量反复申请）165件」): that row, or all of the result, as when the reason is
        written before it; None for anything else in the brackets (「予以公开（含部分公开）5件」)."""
        s = self.s
        opened = max(s.rfind("（", lo, close), s.rfind("(", lo, close))
        if opened <= lo:
            return None
        cl = _after_last(s, self.reversed_s, _CLAUSE_END_RE, lo, opened)
        while cl < opened and s[cl] in "、，,":
            cl += 1
        key = _last_key(s[cl:opened])
        kind = _KEY_KIND[key.lastgroup or ""] if key else ""
        if key is None or key.end() != opened - cl or kind not in ("cat:r3_3", "cat:r3_4", "cat:r3_5"):
            return None
        inside = s[opened + 1:close]
        rows = _keywords(inside)
        if len(rows) != 1 or not _KEY_KIND[rows[0].lastgroup or ""].startswith("leaf:" + kind[len("cat:"):] + "_") \
                or not _BRACKET_REASON_GAP.fullmatch(inside[:rows[0].start()]):
            return None
        rest = inside[rows[0].end():]
        if rest.startswith("等"):
            return cl, opened, kind  # 「（不掌握相关政府信息等）」: that reason among others, the result's total
        return (cl, opened, f"{_KEY_KIND[rows[0].lastgroup or '']}/{kind[len('cat:'):]}") if rest in ("", "的") else None

    def _about_a_part(self, n: _Number, floor: int) -> bool:
        """True when the clause or sentence is about a town, a department or other business, not the organ's
        disclosure applications."""
        s = self.s
        # the subject of the clause, brackets included: 「乡镇（街道）收到25件」
        w = _after_last(s, self.reversed_s, _WIDE_END_RE, max(floor, n.sent_start), n.start)
        n.own = s[w:n.cl + n.key.start()] if n.key else s[w:n.start]
        n.scope = _scope(s, n.sent_start, n.start)
        if _is_subunit(s[w:n.start].replace("本级", ""), self.names):
            self.subunit_sentence = n.sent_start
            return True
        if self.foreign_sentence == n.sent_start and not _DISCLOSURE_WORDS.search(n.lead):
            return True  # the sentence is about other business
        if self.subunit_sentence == n.sent_start and not _WHOLE.search(n.own):
            return True  # 「各乡镇共收到申请12件，办结12件」: the whole sentence is about the towns
        if self._shares_of_a_part(n):
            self.subunit_sentence = n.sent_start  # 「…镇街共答复1453件。其中，予以公开966件」: shares of the towns' figure
            return True
        return bool(n.key and _NEG_BEFORE.search(n.before_key))  # 「没有收到申请的乡镇有5个」

    def _shares_of_a_part(self, n: _Number) -> bool:
        """The sentence opens with 「其中」 right after a sentence about a town or department, or goes on its list
        of results after a semicolon: it gives that one's figures."""
        s, start = self.s, n.sent_start
        if self.subunit_sentence < 0:
            return False
        while start > 0 and s[start - 1] in "；;" and n.kind.startswith(_OF_THE_PART):  # back to the list's start
            start = self.c.sentence_at(start - 1)[0]
            if start == self.subunit_sentence:
                return True
        return start > 0 and s.startswith("其中", start) and self.c.sentence_at(start - 1)[0] == self.subunit_sentence

    def _about_another_time(self, n: _Number) -> bool:
        """True for a change (「同比增长」), a past or other year, or a span of years; a carry-over named by
        its years may turn out to come into this year."""
        if _DELTA.search(n.lead) or _PAST.search(n.lead_rest) or _since(self.s, n.sent_start, n.start):
            return True
        if self._part_of_year(n.sent_start, n.start):
            return True
        if "累计" in n.lead and self._running_total(n):
            return True
        if n.kind == "carried_in" and _DELTA.search(n.lead_rest):
            return True
        kind = _carry_over_kind(n, self.year)
        if kind is None:
            return True
        n.kind = kind
        return _skip_for_year(self.c, n.sent_start, n.start, n.kind, self.year)

    def _part_of_year(self, start: int, end: int) -> bool:
        """The sentence before the number dates it to a part of the year: a half, a quarter, some months."""
        s = self.s
        if s.find("半年", start, end) < 0 and s.find("季度", start, end) < 0 and s.find("月", start, end) < 0:
            return False  # (most sentences: no pattern run)
        last = None
        for m in _PART_OF_YEAR.finditer(s, start, end):
            if m.group(1) is None or 1 <= int(m.group(1)) < int(m.group(2)) < 12 \
                    or int(m.group(1)) > 1 and int(m.group(2)) == 12:
                last = m  # (months a reader cannot be sure of, 「1-21月」, date nothing)
        return last is not None and not _WHOLE_YEAR.search(s, last.end(), end)

    def _running_total(self, n: _Number) -> bool:
        """「累计收到」 not dated to this year by its sentence: a total since some earlier start."""
        before = self.s[n.sent_start:n.start]
        if _FROM_START.search(before):
            return True
        return not (_THIS_YEAR.search(before) or (self.year is not None and f"{self.year}年" in before))

    def _not_one_figure(self, n: _Number) -> bool:
        if self.part_sentence[0] == n.sent_start and n.kind.startswith(_OF_THE_PART):
            return True  # 「受理线上申请65件，办结62件，结转3件」: what follows a part is about the part
        if self._one_part(n):
            if n.kind in ("received", "handled") and self.received_sentence != n.sent_start \
                    and self.last_claim[0] <= n.sent_start:
                # the sentence's first figure, and no total before it: 「其中，予以公开14件，告知通过其他途径办理
                # 11件，结转下年度办理22件」 lists the results, the part among them says nothing of what follows
                self.part_sentence = (n.sent_start, n.kind, n.start)
            return True
        return False

    @staticmethod
    def _one_part(n: _Number) -> bool:
        after_key = n.after_key
        if after_key.endswith("各") or "分别" in after_key \
                or (n.kind not in ("received", "handled") and "各" in after_key):
            return True  # 「予以公开、部分公开各10件」: not one figure per result
        if n.key and n.kind.startswith(("cat:", "leaf:")) and _JOINED.search(n.before_key):
            return True  # 「不予公开和无法提供共15件」: a sum of two results the form does not print
        # 「其中按时办结118件」「网上受理申请100件」: part of the total
        if n.kind not in ("received", "handled", "closed") or not _SUBSET.search(n.lead):
            return False
        lead = _LETTERS_OF_APPLICATION.sub("", _BOTH_CHANNELS.sub("", n.lead))  # 「线上、线下共收到」: every channel
        if not _SUBSET.search(lead):
            return False
        return ("等" not in lead and "其他" not in lead) or bool(_SUBSET.search(_ALL_CHANNELS.sub("", lead)))

    # ---- each kind's own conditions

    def _fits_its_kind(self, n: _Number) -> bool:
        if n.kind in ("received", "handled"):
            return self._fits_received(n)
        if n.kind == "closed":  # 「办结依申请公开事项14件」: 事项 of disclosure itself, as for received
            return not _NOT_DISCLOSURE.search(_DISCLOSURE_ITEMS.sub("依申请公开", n.lead)) \
                and _about_applications(self.c, n.start)
        if n.kind.startswith(("cat:", "leaf:", "carried_", "applicant:")):
            return self._fits_result(n)
        if n.kind in _SUBJECT_KINDS:
            return self._fits_case(n)
        if n.kind.startswith("t4sub:"):  # after a count of cases, or naming them: 「复议后起诉案件其他结果1件」
            return self.subject is not None or (_case_in(n.before_key) is not None
                                                and not _REVIEW_AUTHORITY.search(n.lead))  # not 「全县复议纠错1件」
        # 「发布规范性文件及其他主动公开文件29件」: documents of other kinds counted with them (unless none:
        # 「制发规章、规范性文件0件」 says there were none of either)
        return n.value == 0 or _T2_GAP.fullmatch(n.after_key) is not None

    def _fits_received(self, n: _Number) -> bool:
        after_key = _DISCLOSURE_ITEMS.sub("依申请公开", n.after_key)
        if _APPLICANT_FIRST.match(after_key):
            return False  # 「收到自然人申请5件」: one applicant type's share, not the total
        if _NOT_DISCLOSURE.search(after_key) or _NOT_DISCLOSURE.search(self._named_after(n)):
            self.foreign_sentence = n.sent_start
            return False
        if "申请" in after_key and "公开" not in after_key \
                and not _GENERIC_OBJECT.fullmatch(after_key[:after_key.find("申请")]):
            self.foreign_sentence = n.sent_start  # 「受理不动产登记申请3000件，办结2990件」
            return False
        if n.key is not None and _KEY_KIND[n.key.lastgroup or ""] == "received_noun":
            # 「依申请公开3次」 with no verb: not where documents are counted by their 公开属性 (「主动公开45件，依申请
            # 公开5件」), nor a kind of them (「涉及征地的依申请公开5件」)
            before = self.s[n.sent_start:n.start]
            if _ACTIVE.search(before) or _QUALIFIED.search(n.own):
                return False
        if n.key is not None and n.key.group(0).endswith("申请"):
            # 「政府信息公开申请共计45件」 (the key's own pattern checked the gap), but not a kind of them:
            # 「其中涉及征地拆迁的政府信息公开申请共20件」
            return not _QUALIFIED.search(n.own)
        if "申请" not in after_key:
            # 「受理749件（含上年结转36件）」 in a paragraph about applications
            return ((n.kind != "handled" or bool(_NOUN_BEFORE.search(n.before_key)))
                    and bool(_BARE_GAP.fullmatch(after_key))
                    and _about_applications(self.c, n.start, "公开"))
        return "公开" in after_key or _about_applications(self.c, n.start)

    def _named_after(self, n: _Number) -> str:
        """What the words right after the unit name as counted, up to the applications if they are named
        (「收到1份上级转来的意见征询件」 counts 征询件; 「受理29宗政府信息公开申请」 applications)."""
        s, i = self.s, n.end
        if s[i:i + 1] in _NOT_AN_OBJECT:
            return ""  # 「收到申请12件、留言3件」「受理12件，均已办结」: the next words are no object of the count
        j = min(n.sent_end, i + 20)
        k = i
        while k < j and s[k] not in _CLAUSE_END and s[k] != "、" and not s[k].isdecimal():
            k += 1
        named = _DISCLOSURE_ITEMS.sub("", s[i:k]).replace("依申请公开", "")
        cut = named.find("申请")
        return named if cut < 0 else named[:cut]

    def _fits_result(self, n: _Number) -> bool:
        """A result (cat:, leaf:), a carry-over or an applicant type: counted in applications."""
        c, s, start, lead = self.c, self.s, n.start, n.lead
        p0 = c.paragraph_at(start)[0]
        # 「办理结果：予以公开20件…」 in its own paragraph right after the received figure
        follows = p0 > 0 and self.received_para == c.paragraph_at(p0 - 1)[0]
        if not (_about_applications(c, start) or follows):
            return False
        if n.unit not in "件个宗条" and not (n.unit in "份起" and self.received_unit[1] == n.unit):
            return False  # 份 and 起 only where the applications themselves were counted so (「收到申请22起」)
        if n.kind.startswith("carried_") and not _CARRY_GAP.fullmatch(n.after_key):
            return False  # 「正在办理中的政务服务事项120件」「结转下年度的建议提案5件」
        if n.kind == "carried_out" and self._pending_cases(n):
            return False  # 「收到行政复议1件，维持结果1件，尚未办结0件」: cases not yet decided
        if n.unit == "条" and self.received_unit != (n.sent_start, "条") and not self._shares_in_items(n):
            return False  # 「涉及信息380条，其中予以公开200条」: items of information, not applications
        before = s[n.sent_start:start]
        if _ACTIVE.search(before) and "申请" not in before.replace("依申请公开", ""):
            return False  # 「主动公开…经审核予以公开326件」: documents, not applications
        if n.kind.startswith(("cat:", "leaf:")) and len(n.after_key) > 8:
            return False  # the number is too far from the result it would count
        if n.kind.startswith(("cat:", "leaf:")) and _CAT_SUBSET.search(n.lead_rest):
            return False  # 「经补正后予以公开2件」: some of them
        if _EXCLUDED.match(lead):
            return False  # 「（不含重复申请3件）」: outside the figure it qualifies
        if n.kind.startswith("applicant:") and self.received_sentence != n.sent_start:
            # 「企业」 only counts right after a received claim; the types' own names
            # (「从申请人类型看，自然人申请40件」) anywhere in the paragraph of one
            return (n.key is None or n.key.group(0) != "企业") and self.received_para == c.paragraph_at(start)[0]
        return True

    def _shares_in_items(self, n: _Number) -> bool:
        """「收到申请12条，…。其中12条属于…」: the sentence right after applications counted in 条 opens with
        其中, and theirs is that sentence's only count in 条 (not 「…，涉及信息380条。其中…」): its 条 are shares of them."""
        if self.received_unit[1] != "条" or n.sent_start == 0 or not self.s.startswith("其中", n.sent_start):
            return False
        a, b = self.c.sentence_at(n.sent_start - 1)
        return a == self.received_unit[0] and sum(m.group(2)[:1] == "条" for m in numbers(self.s[a:b])) == 1

    def _pending_cases(self, n: _Number) -> bool:
        """A figure 「尚未办结」 (not 「结转」) after the sentence named 复议 or 诉讼 cases, with no application since."""
        before = self.s[n.sent_start:n.start]
        case = max(before.rfind("复议"), before.rfind("诉讼"), before.rfind("起诉"))
        phrase = self.s[n.cl:n.quote_end]
        return case >= 0 and "申请" not in before[case:] and not re.search(r"结转|转结|顺延|转入|下一?年", phrase)

    def _fits_case(self, n: _Number) -> bool:
        """A count of 行政复议 or 行政诉讼 cases about the organ's disclosure."""
        if _REVIEW_EXCLUDE.search(n.lead) or not _T4_GAP.fullmatch(n.after_key) or _OTHER_CAUSE.search(n.lead):
            return False
        before = self.s[n.sent_start:n.start]
        if not _DISCLOSURE_WORDS.search(before):
            # (one kind of lawsuit is a share of the sentence's cases: 「全县收到行政诉讼120件，其中直接起诉100件」)
            authority = _AUTHORITY_UNDER_HEADING if self._under_cases_heading(n) else _REVIEW_AUTHORITY
            if authority.search(before if n.kind.startswith("lawsuit:") else n.lead) \
                    or _DECIDES_CASES.search(self.s, n.sent_start, n.sent_end):
                return False  # 「全县共办理行政复议案件120件」「行政复议144件，120件做了复议决定」
        return not _BROADER.match(self.s, n.end)  # 「行政复议案件15件，其中涉及政府信息公开的2件」: all cases

    def _under_cases_heading(self, n: _Number) -> bool:
        """The paragraph opens with a short heading about the organ's disclosure cases, or follows one."""
        c = self.c
        p0 = c.paragraph_at(n.start)[0]
        heads = [c.sentence_at(p0)] if p0 < n.sent_start else []
        if p0 > 0:
            heads.append(c.paragraph_at(p0 - 1))
        return any(b - a <= _HEADING_MAX and _CASES_HEADING.search(self.s, a, b) for a, b in heads)

    def _joint_kind(self, n: _Number) -> str:
        """The kind of a number that counts two results or both kinds of case at once."""
        if n.kind == "cat:r3_1" and _WITH_PARTIAL.match(self.s, n.end):
            return "cat:r3_1+r3_2"  # 「予以公开20件（含部分公开5件）」: 20 counts both
        if n.kind in ("review", "lawsuit") and ("复议" in n.before_key or "诉讼" in n.before_key):
            return "t4_all"  # 「行政复议、行政诉讼案件共3件」: both together
        return n.kind

    # ---- the claim

    def _claim(self, n: _Number) -> Claim:
        c, s, cl = self.c, self.s, n.cl
        subject = self.subject[1] if n.kind.startswith("t4sub:") and self.subject else None
        if n.kind.startswith(("cat:", "leaf:", "closed")):
            pm = _PCT_RE.match(s, n.end, min(n.sent_end, n.end + 30))
            # 「分别占44.44%、11.11%」: a list in order; 「占予以公开和部分公开总数的80%」: another base
            if pm and "分别" not in pm.group(0) and not _OTHER_BASE.search(_ALL_APPLICATIONS.sub("", pm.group(0))) \
                    and not _ROUGH_PCT.search(s, pm.start(), min(len(s), pm.end() + 2)):
                pa, pb = c.span(cl, pm.end())
                return Claim(n.kind, n.value, pa, pb, s[cl:pm.end()], subject=subject, pct=Decimal(pm.group(1)),
                             pct_text=pm.group(1) + "%", scope=n.scope, of_received=n.of_received)
        a, b = c.span(cl, n.quote_end)
        return Claim(n.kind, n.value, a, b, s[cl:n.quote_end], subject=subject, scope=n.scope,
                     of_received=n.of_received)


# every match of a _TAIL_KEYS pattern holds one of these (结转 转结 顺延 转入 在 处于 办结 补正, 公开 提供 处理,
# 维持 纠正 纠错, 审结 审理, and the rows of 不予公开 and 不予处理: 秘密 禁止 稳定 权益 事务 过程 案卷 查询 信访 重复)
_TAIL_SIGNS = re.compile("[结转顺在处补公提维纠审掌复秘禁稳权务程卷询访]")


def _scope(s: str, sent_start: int, pos: int) -> str:
    """The scope the sentence names last before the number: "area" (全市), "own" (本级) or ""."""
    if s.find("全", sent_start, pos) < 0 and s.find("本级", sent_start, pos) < 0 and s.find("代表", sent_start, pos) < 0 \
            and s.find("各级", sent_start, pos) < 0:
        return ""  # (most sentences: no pattern run)
    named = [m for m in _SCOPE.finditer(s, sent_start, pos) if not _in_closed_brackets(s, sent_start, m, pos)]
    return "" if not named else ("area" if named[-1].group(1) else "own")


def _in_closed_brackets(s: str, sent_start: int, m: re.Match, pos: int) -> bool:
    """The scope word sits in brackets closed before the number: an aside that scopes nothing after it
    (「收到1182件（在全市各委办局中位列第三），办理1187件」)."""
    opened = max(s.rfind("（", sent_start, m.start()), s.rfind("(", sent_start, m.start()))
    if opened < 0 or opened < max(s.rfind("）", sent_start, m.start()), s.rfind(")", sent_start, m.start())):
        return False
    return s.find("）", m.end(), pos) >= 0 or s.find(")", m.end(), pos) >= 0


def _case_named(text: str) -> str:
    """The kind of case text names last: "review" (行政复议), "lawsuit" (行政诉讼, 起诉) or ""."""
    review, lawsuit = text.rfind("复议"), max(text.rfind("诉讼"), text.rfind("起诉"))
    if review < 0 and lawsuit < 0:
        return ""
    return "review" if review > lawsuit else "lawsuit"


def _case_in(lead: str) -> str | None:
    """The kind of case (Claim.subject) a lead names as its last keyword: 「复议后起诉案件」 → "after"."""
    keys = _keywords(lead)
    if not keys or not _T4_GAP.fullmatch(lead, keys[-1].end()):
        return None
    return _SUBJECT_OF.get(_KEY_KIND[keys[-1].lastgroup or ""])


def _with_tail(kind: str | None, key: re.Match | None, lead: str, tail: str, end: int) -> tuple[str | None, int, bool]:
    """(kind, quote end, of_received): the kind from the words after the number when the lead gives none, or when
    they say the ones received were answered (「2024年受理的37件申请件已按规定…予以答复」: those carried in may have
    been closed too, so of_received; not 「收到涉及征地的37件…」, a kind of them)."""
    if kind is None or (kind == "received" and key is not None and lead[key.end():] == "的"):
        tail_kind, tail_end = _tail_kind(tail, end)
        if kind is None or tail_kind == "closed":
            return tail_kind, tail_end, kind == "received"
    return kind, end, False


def _tail_kind(tail: str, end: int) -> tuple[str | None, int]:
    """A keyword after the number (「另有103件顺延到下年度答复」): its kind and where the phrase ends."""
    if not _TAIL_SIGNS.search(tail):
        return None, end  # most numbers without a keyword before them: none after them either
    for tkind, pat in _TAIL_KEYS:
        tm = pat.match(tail)
        if tm:
            return tkind, end + tm.end()
    # 「其中4件由于重复申请不予处理」「2件因属于国家秘密不予公开」: a row of 不予处理 or 不予公开 named as the reason
    tm = _REASON_TAIL.match(tail)
    if tm:
        return _REASON_TAIL_KIND[tm.lastgroup or ""], end + tm.end()
    return None, end


_REASON_TAIL, _REASON_TAIL_KIND = _reason_first_tail()


_REASON_GAP = re.compile(r"(?:的|而|依法|均|被|予以)*")
_BRACKET_REASON_GAP = re.compile(r"(?:属于|因|系|为|涉及|原因为|原因是|理由为)?(?:本机关|本单位|本行政机关|我[局委办])?")


def _reason_leaf(lead: str, key: re.Match, kind: str) -> re.Match | None:
    """The one row of the result named as its reason right before it (「属于国家秘密不予公开2件」): the count is
    that row's, or the result's when all had that reason; None when several rows or 「等」 make it the result's
    total only (「因不掌握等原因无法提供10件」)."""
    rows = [k for k in _keywords(lead[:key.start()])
            if _KEY_KIND[k.lastgroup or ""].startswith("leaf:" + kind[len("cat:"):] + "_")]
    if len(rows) != 1 or not _REASON_GAP.fullmatch(lead, rows[0].end(), key.start()):
        return None
    return rows[0]


def _carry_over_kind(n: _Number, year: int | None) -> str | None:
    """A carry-over whose keyword names a year: 「2023年度结转至2024年」 in the 2024 report comes in; None
    when the year says it is neither into nor out of this one."""
    if year is None or not n.key or not n.kind.startswith("carried_"):
        return n.kind
    ky = _YEAR.search(n.key.group(0))
    if not ky:
        return n.kind
    y = int(ky.group(1))
    if n.kind == "carried_out":
        if y == year:
            return "carried_in"
        return n.kind if y == year + 1 else None
    # 「2024年结转3件」 in the 2024 report: into the next year or out of this one?
    return n.kind if y == year - 1 else None


def _statement_claims(c: Compact, year: int | None, names: re.Pattern | None) -> list[Claim]:
    """The statements without a number: none received, no 复议/诉讼, no 规范性文件, all closed."""
    return (_none_received_claims(c, year, names) + _none_case_claims(c, year, names)
            + _none_normative_claims(c, year, names) + _complete_claims(c, year, names)
            + _none_carried_claims(c, year, names))


def _followed_by(s: str, start: int, end: int, heads: tuple[str, ...], nexts: str) -> bool:
    """Some head in s[start:end] is followed right away, inside it, by one of the characters of `nexts`."""
    for head in heads:
        i = s.find(head, start, end - len(head))
        while i >= 0:
            if s[i + len(head)] in nexts:
                return True
            i = s.find(head, i + 1, end - len(head))
    return False


def _statement(c: Compact, kind: str, i: int, j: int) -> Claim:
    a, b = c.span(i, j)
    return Claim(kind, None, a, b, c.s[i:j])


def _none_received_claims(c: Compact, year: int | None, names: re.Pattern | None) -> list[Claim]:
    s = c.s
    out: list[Claim] = []
    found: list[re.Match] = []
    for p0, p1 in c.paragraphs_with(_NEG_WORDS):  # (Compact.finditer for both)
        if _followed_by(s, p0, p1, *_RECEIVED_SIGN):
            found += _NONE_RECEIVED_RE.finditer(s, p0, p1)
            found += _NONE_RECEIVED_LISTED_RE.finditer(s, p0, p1)  # (after: at one start, tried second)
        if _followed_by(s, p0, p1, *_BARE_SIGN):
            found += _NONE_RECEIVED_BARE_RE.finditer(s, p0, p1)
        if s.find(_REQUESTED_SIGN, p0, p1) >= 0:
            found += _NONE_REQUESTED_RE.finditer(s, p0, p1)
    zero_re, zero_words = _NONE_RECEIVED[2]
    found += c.finditer(zero_re, zero_words)
    found.sort(key=lambda m: m.start())  # stable: at one start, the patterns in _NONE_RECEIVED's order
    last_end = -1
    for m in found:
        if m.start() < last_end:
            continue  # one statement matched by two patterns
        if _none_received_holds(c, m, year, names):
            out.append(_statement(c, "none_received", m.start(), m.end()))
            last_end = m.end()
    return out


def _none_received_holds(c: Compact, m: re.Match, year: int | None, names: re.Pattern | None) -> bool:
    """「未收到政府信息公开申请」 said of this year, the whole organ and every application."""
    s, w = c.s, m.group(0)
    sent_start, _ = c.sentence_at(m.start())
    # 「除上年结转的3件外，本年度未收到新的申请」: the carry-over is not a statement about last year
    if _PAST.search(_CARRIED_IN.sub("", s[sent_start:m.end()])) \
            or _skip_for_year(c, sent_start, m.start(), "none", year):
        return False
    w0 = _clause_start(s, m.start(), sent_start)
    clause = s[w0:m.end()]
    if _is_subunit(s[sent_start:m.end()], names) or _SUBUNIT.match(s, m.end() + 1 if s[m.end():m.end() + 1] == "的" else m.end()):
        return False  # 「县政府本级未收到申请」「没有收到申请的乡镇」: a part of the organ
    if _ASPIRATION.search(s[w0:m.start()]) or re.search(r"结转|转结|办结|答复|处理|公开率|更正",
                                                       _RECEIVED_AND_HANDLED.sub("", clause)):
        return False
    if not _NONE_TAIL.match(s, m.end()):
        return False  # 「未收到政府信息公开申请延期答复的情况」: 申请 qualifies something else
    if "复议" in w or "诉讼" in w:
        return False  # 「未收到行政复议申请」 is read by _none_case_claims
    if re.search(r"其他(?!组织)|其余|另外|更多|转办|转交|转来|外国|境外|港澳|台湾|需要|征求|第三方|涉密|隐私|商业秘密|重复|大量|"
                 r"补正|缴费|费用|投诉|举报|意见|建议|咨询|信访|留言|提案|许可|审批|政务服务|答复|回复|告知|材料|"
                 r"通知|回执|决定", w):
        return False
    if _SUBSET.search(_EVERY_CHANNEL.sub("", _ANY_MEANS.sub("", w))) or "涉及" in w or "关于" in _ABOUT_DISCLOSURE.sub("", w):
        return False  # 「未收到信函申请」「未收到涉及…的申请」: only a part
    # 「未收到法人或其他组织的申请」: one applicant type
    return not (re.search(r"法人|企业|组织|机构", w) and not re.search(r"公民|自然人|个人|群众|公众", w))


def _none_case_claims(c: Compact, year: int | None, names: re.Pattern | None) -> list[Claim]:
    """「未发生行政复议、行政诉讼」「行政复议、行政诉讼均为0件」."""
    s = c.s
    out: list[Claim] = []
    found: list[re.Match] = []
    for p0, p1 in c.paragraphs_with(("复议", "诉讼")):  # (Compact.finditer for both, the paragraphs found once)
        found += _NONE_T4_RE.finditer(s, p0, p1)
        found += _NONE_T4_ZERO_RE.finditer(s, p0, p1)
    found.sort(key=lambda m: m.start())  # stable: at one start, _NONE_T4_RE's match first, as before
    last_end = -1
    for m in found:
        if m.start() < last_end:
            continue
        w = m.group(0)
        sent_start, _ = c.sentence_at(m.start())
        if _REVIEW_EXCLUDE.search(w) or _PAST.search(_CARRIED_IN.sub("", s[sent_start:m.end()])):
            continue
        if _is_subunit(s[sent_start:m.end()], names):
            continue  # 「各乡镇未发生行政复议」
        last_end = m.end()
        if _skip_for_year(c, sent_start, m.start(), "none", year):
            continue
        if "复议" in w and "复议后" not in w:
            out.append(_statement(c, "none_review", m.start(), m.end()))
        if "诉讼" in w:
            out.append(_statement(c, "none_lawsuit", m.start(), m.end()))
    return out


def _none_normative_claims(c: Compact, year: int | None, names: re.Pattern | None) -> list[Claim]:
    s = c.s
    out: list[Claim] = []
    for m in c.finditer(_NONE_NORMATIVE_RE, ("规范性文件",)):
        sent_start, _ = c.sentence_at(m.start())
        if _PAST.search(s[sent_start:m.end()]) or _skip_for_year(c, sent_start, m.start(), "none", year):
            continue
        if _is_subunit(s[sent_start:m.end()], names):
            continue  # 「各乡镇未制发规范性文件」
        out.append(_statement(c, "none_normative", m.start(), m.end()))
    return out


def _none_carried_claims(c: Compact, year: int | None, names: re.Pattern | None) -> list[Claim]:
    """「无上年结转政府信息公开申请」「无结转下年度事项」: no carry-over in or out, read as the figure 0."""
    s = c.s
    out: list[Claim] = []
    if not _followed_by(s, 0, len(s), *_CARRY_SIGN):
        return out
    for m in c.finditer(_NONE_CARRY_RE, ("结转", "转结")):
        tail = _NONE_CARRY_TAIL.match(s, m.end())
        if tail is None or not _about_applications(c, m.start()):
            continue  # 「无结转下年度的建议提案」: other business
        sent_start, _ = c.sentence_at(m.start())
        if _is_subunit(s[sent_start:m.end()], names) or _skip_for_year(c, sent_start, m.start(), "none", year) \
                or _ASPIRATION.search(s, _clause_start(s, m.start(), sent_start), m.start()):
            continue  # 「各乡镇无结转」「确保无结转下年度」
        if m.group("next") and (year is None or int(m.group("next")) != year + 1):
            continue  # 「无结转2024年」 read only in the 2023 report
        kind = "carried_in" if m.group("cin") or m.group("cin2") else "carried_out"
        a, b = c.span(m.start(), tail.end())
        out.append(Claim(kind, 0, a, b, s[m.start():tail.end()]))
    return out


def _complete_claims(c: Compact, year: int | None, names: re.Pattern | None) -> list[Claim]:
    """「申请均已办结」: the whole sentence is the claim."""
    s = c.s
    out: list[Claim] = []
    last_sentence = -1
    for m in c.finditer(_COMPLETE_RE, _COMPLETE_WORDS):
        sent_start, sent_end = c.sentence_at(m.start())
        if sent_start == last_sentence:
            continue  # 「已全部答复，办结率100%」: one statement, the sentence is the claim
        sent = s[sent_start:sent_end]
        if "申请" not in sent or _COMPLETE_EXCLUDE.search(sent):
            continue
        if _skip_for_year(c, sent_start, m.start(), "none", year):
            continue
        if not _DISCLOSURE_WORDS.search(sent) and any(
                not _GENERIC_OBJECT.fullmatch(o.group(1)) for o in _APPLIED_FOR.finditer(sent)):
            continue  # 「受理涉农补贴申请3200件，已全部办结」: applications of another kind
        if _is_subunit(s[sent_start:m.start()], names):
            continue  # 「各乡镇收到的申请均已办结」
        if m.group("closed_all") is not None and not _DISCLOSURE_WORDS.search(s, *c.paragraph_at(m.start())):
            continue  # 「所有申请均按时办结」 in a paragraph not about disclosure
        out.append(_statement(c, "complete", sent_start, sent_end))
        last_sentence = sent_start
    return out


@lru_cache(maxsize=32)
def extract_claims(text: str, year: int | None = None, street: bool = False, park: bool = False,
                   town: bool = False) -> tuple[Claim, ...]:
    """Every claim in `text`, in text order; `street`: the organ is a 街道 (its text calls it 「街道」), `park`: a
    园区's or 开发区's 管委会 (its text calls it 「园区」「开发区」), `town`: a 乡镇 (its text calls it 「某某镇人民政府」).
    Cached: several rules read the same section."""
    c = compact(text)
    if not c.s:
        return ()  # an empty section (the readers' set-up is most of the time of one)
    names = _STREET_SELF if street else _PARK_SELF if park else _TOWN_SELF if town else None
    claims = _number_claims(c, year, names) + _statement_claims(c, year, names)
    claims.sort(key=lambda cl: (cl.start, cl.end))
    return tuple(claims)
