"""The six headings, the title and the section bodies of a report given as lines in document order."""
from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from model.headings import variant_section
from model.schema import SECTIONS

from .places import COUNTY_LEVEL, LONGEST
from .textnorm import is_page_furniture, label_key, nfkc, squeeze, width

_MARK = re.compile(r"^\s*(?:#+\s*|\*\*)?(?P<num>第[一二三四五六七八九十]{1,2}部分|[一二三四五六七八九十]{1,2}|\d{1,2}|[(（][一二三四五六七八九十\d]{1,2}[)）])"
                   r"\s*(?P<sep>[、.．,，:：]?)\s*(?P<text>.*)$")
_HEAD_TEXT = {s.id: label_key(s.heading.split("、", 1)[1]) for s in SECTIONS}
_HEAD_SETS = {sid: set(t) for sid, t in _HEAD_TEXT.items()}
MAX_HEADING_EXTRA = 6  # characters a heading line may differ in length from the official heading


def heading_of(line: str) -> tuple[str, str] | None:
    """(section id, rest of the line after the heading) when the line is one of the six headings.

    Tolerates 「2、」 for 「二、」, a missing or odd separator, spacing, and small slips in the words; the
    printed form is kept so that the checks can report it.
    """
    t = nfkc(line).strip().strip("*#").strip()
    if not t or len(t) > 4000:
        return None
    m = _MARK.match(t)
    body = label_key(m.group("text")) if m else label_key(t)
    if m and len(t) <= 60:
        # 「存在的问题及整改措施」 and the like; 「概述」 only as 「一、概述」 (「（一）概述」 heads a part of a section)
        sid = variant_section(body)
        if sid and (sid != "s1" or m.group("num") in ("一", "1")):
            return sid, ""
    for sid, want in _HEAD_TEXT.items():
        if body.startswith(want) and (m or body == want):
            return sid, _rest_after(line, want)
        if m and len(t) <= 60 and abs(len(body) - len(want)) <= MAX_HEADING_EXTRA and len(body) >= 4:
            if len(set(body) & _HEAD_SETS[sid]) < 0.7 * len(_HEAD_SETS[sid]):
                continue
            sm = SequenceMatcher(None, body, want, autojunk=False)
            if sm.real_quick_ratio() >= 0.8 and sm.quick_ratio() >= 0.8 and sm.ratio() >= 0.8:
                return sid, ""
    return None


@lru_cache(maxsize=4096)
def _char_key(ch: str) -> str:
    return label_key(ch)


def _rest_after(line: str, want: str) -> str:
    """The text printed after the heading on the same line (web text sometimes runs on)."""
    k = ""
    for i, ch in enumerate(line):
        k += _char_key(ch)
        if len(k) > len(want) + 8:
            break
        if k.endswith(want):
            return line[i + 1:].strip().strip("*#").lstrip(" 。：:\u3000").strip()
    return ""


def printed_heading(line: str) -> str:
    """The heading as printed: without surrounding spaces and Markdown marks, and without the text that
    runs on after it on the same line."""
    h = heading_of(line)
    text = line.strip().strip("*#").strip()
    if h and h[1] and text.endswith(h[1]):
        text = text[: len(text) - len(h[1])].rstrip(" 。：:\u3000*#")
    return text


def join_split_headings(items: list[tuple]) -> list[tuple]:
    """A heading wrapped over two lines (「五、存在的主要问题及」 / 「改进情况」, a page break or blank lines
    between) becomes one line, so that the section is not lost and its wording can be checked."""
    out = list(items)
    for i, (kind, line) in enumerate(items):
        if kind != "line" or not line or len(line.strip()) > 30 or not _MARK.match(nfkc(line).strip()):
            continue
        j = next((k for k in range(i + 1, min(i + 6, len(items)))
                  if items[k][0] != "page" and (items[k][0] != "line" or (items[k][1] or "").strip())), None)
        if j is None or items[j][0] != "line" or len(items[j][1].strip()) > 16 or heading_of(line):
            continue
        joined = line.rstrip() + items[j][1].strip()
        head = heading_of(joined)
        if head and not head[1] and heading_of(items[j][1]) is None:
            out[i], out[j] = ("line", joined), ("line", "")
    return out


def _marker(line: str) -> str:
    m = _MARK.match(nfkc(line).strip().strip("*#").strip())
    return m.group("num") if m else ""


def _without_sub_items_named_like_parts(lines: list[str | None], cands: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Without a 「（一）主动公开政府信息情况」 of part 一 where the part's own 「二、主动公开政府信息情况」 is
    printed too: an item of the overview named after a part is no heading then."""
    marks = {i: _marker(lines[i] or "") for i, _ in cands}
    numbered = {rank for i, rank in cands if marks[i] == SECTIONS[rank].heading.split("、", 1)[0]}
    return [(i, rank) for i, rank in cands if rank not in numbered or not marks[i].startswith(("(", "（"))]


def find_headings(lines: list[str | None]) -> dict[str, int]:
    """Line index of each heading: the largest set of heading lines in the official order (a table of
    contents, a repeated heading or a workbook's extra sheet cannot push the others out).  None entries
    are tables (never headings)."""
    order = [s.id for s in SECTIONS]
    cands: list[tuple[int, int]] = []  # (line index, rank)
    for i, line in enumerate(lines):
        if line is None:
            continue
        h = heading_of(line)
        if h:
            cands.append((i, order.index(h[0])))
    if len(cands) > 400:  # hostile input: keep the first ones
        cands = cands[:400]
    cands = _without_sub_items_named_like_parts(lines, cands)
    # longest chain in the official order; among equals the one with text between its headings (a table
    # of contents is a run of headings with nothing between them)
    heading_lines = {i for i, _ in cands}
    content = [0]
    for i, line in enumerate(lines):
        content.append(content[-1] + (1 if (line is None or line.strip()) and i not in heading_lines else 0))
    score = [(1, 0)] * len(cands)
    prev = [-1] * len(cands)
    for b in range(len(cands)):
        for a in range(b):
            if cands[a][1] < cands[b][1]:
                filled = 1 if content[cands[b][0]] - content[cands[a][0] + 1] > 0 else 0
                cand = (score[a][0] + 1, score[a][1] + filled)
                if cand >= score[b]:  # on a tie the later heading (nearest its text) wins
                    score[b], prev[b] = cand, a
    found: dict[str, int] = {}
    if cands:
        k = max(range(len(cands)), key=lambda j: (score[j], -j))
        while k >= 0:
            found[order[cands[k][1]]] = cands[k][0]
            k = prev[k]
    return dict(sorted(found.items(), key=lambda kv: kv[1]))


# ---------------------------------------------------------------- title

_TITLE_END = re.compile(r"(?:报告|(?<=工作|公开)年报)(?:\((?:19|20)\d{2}年度?\))?$")  # 「…年度报告（2023年度）」: the year after it
_YEARLESS_ANNUAL = re.compile(r"年报$")  # 「…信息公开工作年报」 is a title only with its year (a page's column is named so)
_YEAR = re.compile(r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*年(?:度)?")  # 「二〇二四年」 in some titles
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


def _year_value(text: str) -> int:
    return int(text.translate(_CN_DIGITS))


def find_title(lines: list[str]) -> tuple[str, int, int] | None:
    """(title, first line, last line) among the lines before section 一.

    The title ends with 「报告」 and may be wrapped over two or three lines; one that names a year wins
    over one that does not (a web page's breadcrumb 「首页 > 年度报告」 is no title).  A web page prints its
    own heading above the document: where the document's title, naming the organ and the year, follows
    right under the first one, it is the title (the clerk wrote that one).
    """
    clean = [(i, _FILE_TYPE.sub("", nfkc(l).strip())) for i, l in enumerate(lines)]
    found = []
    for i in range(len(lines)):
        hit = _title_at(lines, clean, i)
        if hit is None:
            continue
        text, first, last = hit
        if _YEAR.search(text):
            below = _title_right_under(lines, clean, last)
            return below if below is not None else hit
        if "信息公开" in text and not _YEARLESS_ANNUAL.search(text):
            found.append(hit)
    return found[0] if found else None


def _title_right_under(lines: list[str], clean: list[tuple[int, str]], last: int) -> tuple[str, int, int] | None:
    """The document's own title starting on the next line that is not empty, where it names the organ and
    the year (a page's heading 「2022年政府信息公开工作年度报告」 above 「某镇人民政府」 / 「2022年…报告」)."""
    j = last + 1
    while j < len(lines) and not clean[j][1]:
        j += 1
    for start in (j, j + 1):  # the organ may stand alone on the first line, the title under it
        hit = _title_at(lines, clean, start) if start < len(lines) else None
        if hit is not None and hit[1] == j:
            organ, year = organ_year(hit[0])
            return hit if organ and year is not None and names_an_organ(organ) else None
    return None


def _title_at(lines: list[str], clean: list[tuple[int, str]], i: int) -> tuple[str, int, int] | None:
    """The title ending on line i (or on the line after it, wrapped mid-word), with its first line."""
    t = clean[i][1]
    if not t or re.search(r"[>›»]|http|[:：]", t) or is_page_furniture(t):
        return None
    joined = re.sub(r"\s+", "", t)
    hit = None
    if _TITLE_END.search(joined) and len(joined) <= 80:
        hit = (_extend_back(clean, i), i)
    elif i + 1 < len(lines):  # a title wrapped mid-word: this line and the next (an empty one between)
        k = i + 1 if clean[i + 1][1] or i + 2 >= len(lines) else i + 2
        nxt = re.sub(r"\s+", "", nfkc(lines[k]))
        if nxt and _TITLE_END.search(joined + nxt) and len(joined + nxt) <= 80 and len(nxt) <= 12:
            hit = (_extend_back(clean, i), k)
    if hit is None:
        return None
    text = _title_from(lines, *hit)
    if not organ_year(text)[0]:  # 「2024年政府信息公开工作年度报告」: the organ is on a line above
        first = _organ_line_above(clean, hit[0])
        if first is not None:
            hit = (first, hit[1])
            text = _title_from(lines, *hit)
    return text, hit[0], hit[1]


_PUBLISHED = re.compile(r"(?:发布|成文|印发|公开)(?:日期|时间)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


def published_in(lines: list[str]) -> str | None:
    """A web page's 「发布日期：2025-01-20」 above the title."""
    for line in lines:
        m = _PUBLISHED.search(nfkc(line or ""))
        if m:
            y, mo, d = map(int, m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31 and 1990 <= y <= 2200:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


_DATE_LINE = re.compile(r"(?:\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?|\d{4}年\d{1,2}月)"
                        r"\s*(?:(?:星期|周|礼拜)[一二三四五六日天])?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?")


def _extend_back(clean: list[tuple[int, str]], i: int) -> int:
    """The first line of a title ending on line i: up to two lines above it that go on it, until the lines
    taken name the organ (a page's category above it, 「政府信息公开」「区政府办公室」, is no part of it)."""
    first = i
    while first - 1 >= 0 and first > i - 2:
        if _names_organ("".join(t for _, t in clean[first:i + 1])):
            break
        prev = clean[first - 1][1]
        if (not prev or is_page_furniture(prev) or len(prev) > 40 or re.search(r"[。，：:;；/>›»|]", prev) or "http" in prev
                or prev.isdigit()  # a bare page number
                or _DATE_LINE.fullmatch(prev)  # a web page's date above the title: 「2019年12月3日星期二」
                or re.fullmatch(r"[(（【\[〔].*[)）】\]〕]", prev)  # 「（此件公开发布）」 above the title
                or not (names_an_organ(prev) or re.search(r"\d|年|信息|公开|工作|政府|人民|报告", prev))):  # 「首页」
            break
        first -= 1
    return first


def _organ_line_above(clean: list[tuple[int, str]], i: int) -> int | None:
    """The organ's name printed alone a few lines above a title that starts with the year (Word files
    put empty paragraphs between the two)."""
    for j in range(i - 1, max(-1, i - 4), -1):
        prev = clean[j][1]
        if not prev:
            continue
        return j if organ_like(prev) or _TOWN.search(prev) else None
    return None


# a town, a street or a 苏木 named by itself (「九原区阿嘎如泰苏木」 above 「2025年…年度报告」); not 「各乡镇」「所属乡镇」
# 「乡镇街道」, which name none
_TOWN = re.compile(r"^(?![各全本我该所])(?![乡镇街道苏木]+$)[^。，：:;；/>›»|\d\s]{2,20}(?:[乡镇]|苏木|街道)$")


def organ_line_below(lines: list[str], i: int) -> int | None:
    """The organ's name printed alone just under a title that does not name it (a byline)."""
    for j in range(i + 1, min(len(lines), i + 4)):
        t = nfkc(lines[j] or "").strip()
        if not t:
            continue
        return j if organ_like(t) else None
    return None


_ORGAN_END = re.compile(r"(政府|局|委员会|办公室|中心|厅|委|办|院|会|所|处|站|署|部|室|馆|队|行)$")


def organ_like(t: str) -> bool:
    """A short line with no punctuation or figures that ends like the name of an organ."""
    return not (is_page_furniture(t) or len(t) > 40 or re.search(r"[。，：:;；/>›»|\d]", t) or "http" in t
                or not _ORGAN_END.search(t))


def _names_organ(title: str) -> bool:
    organ = organ_year(re.sub(r"\s+", "", title))[0]
    return bool(organ) and names_an_organ(organ)


# a document-sharing page heads the text with the file's name: 「某苏木2021年政府信息公开工作年度报告.docx」
_FILE_TYPE = re.compile(r"(?<=报告)\.(?:docx?|pdf|wps|ofd|txt)$", re.IGNORECASE)


def _title_from(lines: list[str], a: int, b: int) -> str:
    text = "".join(_FILE_TYPE.sub("", l.strip().strip("#*").strip()) for l in lines[a:b + 1])  # as printed: no width folding
    return re.sub(r"\s+", "", text)


_SUFFIX = re.compile(r"(?:关于)?(?:\d{4}\s*年度?)?(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)$")


def organ_year(title: str) -> tuple[str, int | None]:
    """「淮安市人民政府2024年政府信息公开工作年度报告」 → ("淮安市人民政府", 2024); the year may also come
    first (「2024年度某局政府信息公开工作年度报告」)."""
    m = _YEAR.search(title)
    year = _year_value(m.group(1)) if m else None
    if year is not None and not 1990 <= year <= 2200:
        year = None
    organ = title[: m.start()] if m else title
    if m and not organ.strip():
        organ = title[m.end():]
    elif m and re.fullmatch(r"度?\s*[）)]\s*", title[m.end():]):
        organ = organ.rstrip().rstrip("（(")  # 「某区人民政府信息公开工作年度报告（2023年度）」: the year after it
    organ = _without_work(organ.strip(), _SUFFIX)  # 「2024年度某镇人民政府信息公开工作年度报告」
    organ = _without_work(organ, _WORK_NAME)  # 「某办公室政府信息公开工作2022年度报告」: the year inside the work's name
    organ = re.sub(r"(关于|的)$", "", organ).strip()
    bare = re.search(r"((?:19|20)\d{2})$", organ)  # 「某厅2022政府信息公开工作年度报告」: the 年 lost in a line break
    if bare:
        organ = organ[:bare.start()]
        year = year if year is not None else int(bare.group(1))
    return organ, year


_WORK_NAME = re.compile(r"(?:政府)?信息公开(?:工作)?$")


def _without_work(organ: str, work: re.Pattern) -> str:
    """The organ without the name of the work at its end (`work`: 「（政府）信息公开工作（年度报告）」); the 政府 stays
    where it ends 「人民政府」, as the name and the work share it (「某县人民政府信息公开工作」)."""
    m = work.search(organ)
    if not m:
        return organ
    head = organ[:m.start()]
    return head + "政府" if m.group().startswith("政府") and head.endswith("人民") else head


# what names an office, a town or a street inside a place's name: 「某县教育局」「某镇」 are no county government
_NOT_A_PLACE = re.compile(r"[局委办厅部署院所站队室馆处科会司行]|中心|街道|[乡镇村]$|[乡镇](?:人民)?政府$|社区|园区|新区管委|"
                          r"开发区|保税区|高新区|产业区|试验区")  # 「某经济开发区」: no division, its 管委会 a department
# 「某县人民政府机关」「某市人民政府本级」: the government itself, without the organs it sums up elsewhere
_GOVERNMENT_ITSELF = re.compile(r"(?<=[府省市区县旗州盟])(?:机关|本级|[(（](?:本级|[^()（）]{0,12}(?:办公室|办公厅))[)）])$")
_GOVERNMENT = re.compile(r"(?<=[省市区县旗州盟])(?:人民)?政府$")  # 「某县政府」 as 「某县人民政府」


def guess_level(organ: str) -> str:
    """The level of a government named 「某县人民政府」 or, as titles often print it, by its place alone
    (「合水县」「上海市」); anything else counts as a department.  A city is a prefecture unless it is one of the
    county-level cities (ingest/places.py) or named under its prefecture (「某某州某某市」)."""
    o = _GOVERNMENT_ITSELF.sub("", re.sub(r"\s+", "", organ))
    head = _GOVERNMENT.sub("", o[: -len("人民政府")] if o.endswith("人民政府") else o)
    if _ends_with_a_county(head):
        return "county"  # before the office words: 「行唐县」「闵行区」「四会市」 hold one
    if not head or _NOT_A_PLACE.search(head):
        return "department"
    if head.endswith("省") or head.endswith("自治区") or head in ("北京市", "天津市", "上海市", "重庆市"):
        return "province"
    if head.endswith(("区", "县", "旗", "自治县", "自治旗", "林区", "特区")):
        return "county"
    if head.endswith("市") and _UNDER_A_PREFECTURE.search(head[:-1]):
        return "county"  # 「某某市某某市」「某某州某某市」: a city under its prefecture (not 「苏州市」)
    if head.endswith(("市", "自治州", "州", "盟", "地区")):
        return "prefecture"
    return "department"


_UNDER_A_PREFECTURE = re.compile(r"(?:[市州盟]|地区).+$")


def _ends_with_a_county(head: str) -> bool:
    """「兴仁市」「贵州省黔西南州兴仁市」「石家庄市行唐县」: the name ends with a county-level division's."""
    return any(head[-n:] in COUNTY_LEVEL for n in range(2, min(len(head), LONGEST) + 1))


# 「现将某县人民政府2024年政府信息公开工作年度报告公布如下」「特编制某局2023年度…报告」「本报告由某局编制」
# 「本报告由某局结合…统计数据编制」
# 「某局特向社会公布…」
_ORG_TEXT = r"[^，。,、；;：:（）()《》〈〉“”\"'<>›»|/\s\d]{2,30}?"
_REPORT_VERB = r"(?:现将|特编制|编制(?:完成|并)?|现公布|现予公布|公布|发布|公开|形成|撰写)了?《?"
_REPORT_YEAR = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年度?"
_REPORT_NAME = r"(?:政府)?信息公开(?:工作)?(?:情况)?(?:年度)?(?:工作)?报告"
# 「某市人民政府（市人民政府办公厅）」: a government and its office reporting as one (the government's own report)
_JOINT = r"(?:[（(][^（）()《》，。]{2,12}(?:办公室|办公厅)[)）])?"
_ALIAS = r"(?:[（(]以下(?:简称|称)[^（）()]{1,20}[）)])?"  # 「由某开发区管理委员会（以下简称经开区管委会）编制」
_ORGAN_BEFORE_REPORT = re.compile(  # the organ before the year, or after it (「公布2024年度某县人民政府办公室…」)
    rf"{_REPORT_VERB}(?:(?P<org>{_ORG_TEXT}{_JOINT}){_ALIAS}{_REPORT_YEAR}|{_REPORT_YEAR}(?P<org2>{_ORG_TEXT})){_REPORT_NAME}")
_ORGAN_COMPILED = re.compile(rf"由(?P<org>{_ORG_TEXT}){_ALIAS}(?:(?:负责|组织|牵头)?(?:编制|编写|撰写|起草)|根据|依据|按照|依照|结合|"
                             r"(?P<summed>综合(?![科股处办室组部])|汇总))")  # (not 「由某街道党政办公室综合科编制」)
# 「由某局办公室编制」: the bureau's own office wrote it, the bureau is the organ; 「由某区人民政府办公室综合各部门…编制」: a
# summary of the government's organs, whose organ is the government
_BUREAU_OFFICE = re.compile(r"(?:(?<=[局委厅署院])|(?<=中心))办公室$")
# 「本报告由某苏木党政综合办公室编制」: a town's or street's own office wrote it for the town
_TOWN_OFFICE = re.compile(r"(?:(?<=[乡镇])|(?<=苏木)|(?<=街道)|(?<=人民政府))党政(?:综合)?(?:办公室|办)$")
_GOVERNMENT_OFFICE = re.compile(r"(?<=政府)(?:办公室|办公厅)$")
_ORGAN_PUBLISHES = re.compile(rf"(?P<org>{_ORG_TEXT})(?:特|现)?(?:面)?向社会(?:公布|公开|发布)")
PREAMBLE_LOOKED_AT = 3000  # characters: a preamble names its organ in its first sentences (and a hostile file is long)
# 「…政务公开工作领导小组办公室编制了某区人民政府2021年度…报告」: the verb found first was 政务公开's 公开; the
# report's organ is what follows the last verb
_VERB_INSIDE = re.compile(r".*(?:现将|编制(?:完成|并)?了?|现公布|现予公布)")
_VERB_LEFT = re.compile(r"^(?:并|和|及)?(?:面?向社会)?(?:公开|公布|发布|印发)")


def organ_from_preamble(text: str) -> str:
    """The organ a preamble names as the report's author, or 「」: used when the title does not name it (a web
    page whose title was not kept, a title that is only 「2024年政府信息公开工作年度报告」)."""
    t = re.sub(r"\s+", "", nfkc(text[:PREAMBLE_LOOKED_AT]))
    for pattern in (_ORGAN_BEFORE_REPORT, _ORGAN_COMPILED, _ORGAN_PUBLISHES):
        for m in pattern.finditer(t):
            org = _VERB_LEFT.sub("", _VERB_INSIDE.sub("", m.group("org") or m.groupdict().get("org2") or ""))
            if org.endswith("人民"):
                org += "政府"  # 「2019年某区人民政府信息公开工作年度报告」: the name and the work share 政府
            if len(org) < 3 or org.startswith(("我", "本", "该", "关于")):  # 「现将我局…」 says not which
                continue
            if names_an_organ(org):
                org = _the_organ_not_its_office(org, pattern is _ORGAN_COMPILED and bool(m.group("summed")))
                if _NO_PLACE.fullmatch(org):
                    continue  # 「由区政府办公室综合…」 does not say which 区
                return org
    return ""


_NO_PLACE = re.compile(r"[省市区县旗州盟]?(?:人民)?政府")

# 「现将某局2024年政府信息公开工作年度报告公布如下」「将保税区2021年度政府信息公开年度报告如下」: the report's year as
# the preamble names it (not a notice's 「关于做好2024年政府信息公开工作年度报告编制发布工作的通知」)
_YEAR_OF_REPORT = re.compile(rf"(?<![\d《])(?P<year>\d{{4}})年度?(?:{_ORG_TEXT})?{_REPORT_NAME}(?!编制|发布|格式|[^，。；]{{0,12}}通知)")


def report_year_in(text: str) -> int | None:
    """The year of the report a preamble names (「…2024年政府信息公开工作年度报告」), or None."""
    t = re.sub(r"\s+", "", nfkc(text[:PREAMBLE_LOOKED_AT]))
    for m in _YEAR_OF_REPORT.finditer(t):
        year = int(m.group("year"))
        if 1990 <= year <= 2200:
            return year
    return None


# 「2024年，某县自然资源局坚持以…」: what may open the overview's first sentence before its subject, and the words
# its verb phrase starts with (the subject ends before the first of them that leaves an organ's name)
_OPENING = re.compile(r"^(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:度|以来)?|今年以来|本年度|一年来|过去一年)?[，,]?")
_PREDICATE = re.compile(
    r"坚持|深入|认真|以|在|紧紧|紧扣|紧盯|严格|围绕|全面|按照|持续|不断|始终|聚焦|立足|高度|积极|扎实|切实|着力|着眼|"
    r"贯彻|进一步|依法|主动|牢固|结合|把|将|对|根据|依据|继续|强化|加强|大力|全力|坚决|紧密|落实|秉持|秉承|突出|统筹|"
    r"健全|完善|推进|推动|聚力|锚定|重视|精心|通过|注重|深化|政务公开|政府信息公开|信息公开|共|全年|"
    r"\d{4}年|[〇○零一二三四五六七八九]{4}年")
OVERVIEW_SUBJECT_LONGEST = 30
_NOT_IN_A_NAME = re.compile(r"[^\w（）()]")  # a mark: a clause before the subject (「在县委的领导下，某局…」)


def _overview_subjects(text: str) -> Iterator[str]:
    """What may be the subject of section 一's first sentence, shortest first: the text before each word a
    verb phrase starts with (「2024年，某县自然资源局坚持…」 → 「某县自然资源局」)."""
    t = re.sub(r"\s+", "", nfkc(text[:200]))
    start = _OPENING.match(t)
    head = t[start.end() if start else 0:][:OVERVIEW_SUBJECT_LONGEST + 8]
    for m in _PREDICATE.finditer(head):
        org = head[:m.start()]
        if org.endswith("人民") and m.group().startswith("政府"):
            org += "政府"  # 「某区人民政府信息公开工作…」: the 政府 is the organ's
        if len(org) > OVERVIEW_SUBJECT_LONGEST:
            return
        if len(org) >= 3 and not org.startswith(("我", "本", "该", "全", "各", "关于")) and not _NOT_IN_A_NAME.search(org):
            yield org


def organ_from_overview(text: str) -> str:
    """The organ that opens section 一's first sentence as its subject (「2024年，某县自然资源局坚持…」「2021年，
    某街道认真…」), or 「」 (「2024年，我局…」, a place alone, anything not ending like an organ's name)."""
    for org in _overview_subjects(text):
        if len(org) >= 4 and (organ_like(org) or _TOWN.search(org)) \
                and names_an_organ(org) and names_its_place(org) and not _NO_PLACE.fullmatch(org):
            return org
    return ""


_SPEAKS_AS_AN_ORGAN = re.compile(r"(?:我|本)[局委办厅室中]")  # 「我局」「本委」: a department's or an office's own voice


def government_from_overview(text: str) -> str:
    """A whole county's (city's) report naming no organ: section 一 opens with the place alone as its subject
    (「2020年，某县认真贯彻…」) and speaks as the place (「我县」「全县」), never as a bureau or an office; the
    government of that place (「某县人民政府」), or 「」."""
    if not _SPEAKS_FOR_THE_PLACE.search(text) or _SPEAKS_AS_AN_ORGAN.search(text):
        return ""
    for place in _overview_subjects(text):
        if guess_level(place) != "department" and not place.endswith("政府") and names_its_place(place):
            return place + "人民政府"
    return ""


def _the_organ_not_its_office(org: str, summed: bool) -> str:
    """The organ a compiling office stands for: a bureau's 办公室 for the bureau, a government's office for the
    government when it summed up the government's organs."""
    if summed:
        org = _GOVERNMENT_OFFICE.sub("", org)
    return _TOWN_OFFICE.sub("", _BUREAU_OFFICE.sub("", org))


_SPEAKS_FOR_THE_PLACE = re.compile(r"(?:我|本|全)[县市区旗州]")  # 「2024年，我县…」「全县各级行政机关…」
_SPEAKS_FOR_THE_OFFICE = re.compile(r"(?:我|本)[办厅]")
_OFFICE_AS_SUBJECT = re.compile(r"^[^。]{0,30}办公[室厅]")  # 「2024年，县政府办公室紧紧围绕…」


def organ_signed_for(signer: str, overview: str) -> str:
    """The organ a signature stands for: a government's office signs the government's report (「某县人民政府办公室」
    under a report whose overview speaks as 「我县」「全县」), and its own (「我办」) as itself; unsure, as signed."""
    government = _GOVERNMENT_OFFICE.sub("", signer)
    if government != signer and _SPEAKS_FOR_THE_PLACE.search(overview) \
            and not (_SPEAKS_FOR_THE_OFFICE.search(overview) or _OFFICE_AS_SUBJECT.search(overview)):
        return government
    return signer


# 「县人民政府办公室」「市政府办公厅」「县信访局」: an organ of some county or city, which one not said (not 「市中区…」)
_PLACELESS = re.compile(r"^[省市区县旗州盟乡镇](?:(?:人民)?政府|(?=[^省市区县旗州盟]*(?:局|委员会|委|办公室|办|中心)$))")


def names_its_place(org: str) -> bool:
    return not _PLACELESS.match(org)


def names_an_organ(org: str) -> bool:
    """A name that says which organ: one ending like an organ's, a government by its place, a town or street;
    not a bare 「人民政府」 that leaves the place out."""
    if org.startswith("人民政府"):
        return False
    return organ_like(org) or guess_level(org) != "department" or bool(re.search(r"(?:街道|[乡镇])$", org))


# ---------------------------------------------------------------- body text

_PARA_START = re.compile(r"^\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]"
                         r"|\d{1,2}[、．](?!\d)|\d{1,2}\.(?!\d)|[(（]\d{1,2}[)）]|第[一二三四五六七八九十]+[，、,])")
_FINAL = "。！？；：!?;:"
_MID = "，、,（(《“‘—"
_CLOSE = "”’」』）)》"


def _ends_sentence(t: str) -> bool:
    t = t.rstrip()
    if not t:
        return False
    if t[-1] in _FINAL:
        return True
    return len(t) >= 2 and t[-1] in _CLOSE and t[-2] in _FINAL


def goes_on(line: str) -> bool:
    """A line whose sentence goes on into the next one (it ends on no full stop)."""
    return bool(line.strip()) and not _ends_sentence(line)


def _is_word(ch: str) -> bool:
    return bool(ch) and (ch.isalnum() or "\u4e00" <= ch <= "\u9fff")


def _mid_word(prev: str) -> bool:
    """A long line that ends on a character, not a mark, and is no sub-heading: the sentence goes on."""
    return len(prev) > 14 and _is_word(prev[-1]) and not _PARA_START.match(prev)


def _indent(line: str) -> float:
    n = 0.0
    for ch in line:
        if ch == " ":
            n += 1
        elif ch == "\u3000":
            n += 2
        elif ch == "\t":
            n += 4
        else:
            break
    return n


class Wrap:
    """How lines were wrapped in this document: the full line width, if the text is page-wrapped.
    paragraphs: every line is a paragraph (Word, Excel, web pages): nothing to join."""

    def __init__(self, lines: list[str], paragraphs: bool = False) -> None:
        self.paragraphs = paragraphs
        ws = sorted(width(squeeze(l)) for l in lines if l and width(squeeze(l)) >= 8)
        self.full = None
        if len(ws) >= 4:
            top = ws[int(len(ws) * 0.85)]
            near = sum(1 for w in ws if w >= top - 2.5)
            if top <= 60 and near >= 0.25 * len(ws):
                self.full = top

    def is_full(self, line: str) -> bool:
        return self.full is not None and width(squeeze(line)) >= self.full - 4


def clean_body(lines: list[str], wrap: Wrap) -> str:
    """Join wrapped lines into paragraphs; drop page numbers; paragraphs separated by "\\n"."""
    kept = [l for l in lines if l is not None and not is_page_furniture(l)]
    body = [l for l in kept if l.strip() and l != "\f"]
    if not body:
        return ""
    indents = sorted(_indent(l) for l in body)
    base = indents[len(indents) // 2]
    paras: list[str] = []
    cur = ""
    prev = None
    blanks = 0
    for line in kept:
        if line == "\f":
            continue
        if not line.strip():
            blanks += 1
            continue
        text = squeeze(line)
        if prev is None:
            cur = text
        else:
            starts = _indent(line) >= base + 2 or bool(_PARA_START.match(text))
            full = wrap.is_full(prev)
            if starts or wrap.paragraphs:
                join = False
            elif squeeze(prev)[-1:] in _MID:  # a line never ends on a comma unless the sentence goes on
                join = True
            elif not blanks and _mid_word(squeeze(prev)) and _is_word(text[:1]):
                join = True  # broken in the middle of a sentence (pdftotext -raw breaks at wide spaces)
            elif blanks:
                join = full and not _ends_sentence(prev)
            else:
                join = full
            if join:
                sep = " " if (cur[-1:].isascii() and cur[-1:].isalnum() and text[:1].isascii() and text[:1].isalnum()) else ""
                cur = cur + sep + text
            else:
                paras.append(cur)
                cur = text
        prev = line
        blanks = 0
    paras.append(cur)
    return "\n".join(p.strip() for p in paras if p.strip())
