"""The one path every reader ends in: document items → Report + problems.

items, in document order: ("line", text) · ("table", rows) with rows of cells (str, or None for the
continuation of a merged cell) · ("page", None) at a page break · ("sheet", name) where a workbook sheet
starts.
"""
from __future__ import annotations

import re

from model.report import Meta, Report
from model.schema import CELLS, SECTIONS, TABLE_CELL_IDS, TABLES, TEXT_SECTIONS

from . import script
from . import stream as streams
from .fees import fee_rows, read_fees
from .labels import strip_number
from .pagemeta import field_table_lines, page_fields, with_colons
from .result import AMBIGUOUS, MISSING, NOTE, ImportProblem, ImportResult, IngestError
from .runon import split_run_on
from .sections import (
    Wrap,
    clean_body,
    find_headings,
    find_title,
    goes_on,
    government_from_overview,
    guess_level,
    heading_of,
    join_split_headings,
    names_an_organ,
    names_its_place,
    organ_from_overview,
    organ_from_preamble,
    organ_like,
    organ_line_below,
    organ_signed_for,
    organ_year,
    printed_heading,
    published_in,
    report_year_in,
)
from .tables import TableRead, read_t2, read_t3, read_t4
from .textnorm import is_page_furniture, label_key, nfkc

S_TABLE_TITLE = {s.table: s.heading for s in SECTIONS if s.table}
_T2_START = re.compile(r"^\s*第二十条\s*第?\s*[(（]")
# a web page's fields under the title (「发布日期：…」 「来源：…」 「字号：大 中 小」): no part of the preamble
_PAGE_META = re.compile(r"^\s*[^，。、；\s]{1,8}\s*[:：]|.*(?:字号|浏览次数|打印本页|关闭窗口|分享到)")


def build_report(items: list[tuple], name: str, kind: str, grid_tables: list | None = None,
                 lines_are_paragraphs: bool = False, read_by_ocr: bool = False) -> ImportResult:
    """items → ImportResult.  grid_tables: a PDF's ruled tables, read as a second opinion on the text.
    lines_are_paragraphs: Word, Excel and web pages (no page wrapping to undo).  read_by_ocr: the items were
    recognised from pictures."""
    problems: list[ImportProblem] = []
    items, traditional = script.to_simplified(items)
    if traditional:
        problems.append(ImportProblem(NOTE, script.NOTE_TEXT))
    if grid_tables:
        grid_tables = [script.grid_in_simplified(rows, traditional) for rows in grid_tables]
    items = join_split_headings(headings_out_of_tables(drop_running_lines(split_run_on(items))))
    doc = _Layout(items)
    report = Report(meta=_meta(doc, problems))
    fee_table = _sections(doc, report, problems, lines_are_paragraphs)
    _tables(doc, report, problems, grid_tables, read_by_ocr, laid_out=kind in _LAID_OUT)
    _fees(report, fee_table, problems)
    if not (report.meta.title or doc.heads or report.cells):
        # a README or a contract would otherwise come back as an all-blank report with 200 findings
        raise IngestError(f"{name}：没有找到年度报告的内容（没有报告标题、各部分标题，也没有统计表）")
    return ImportResult(report, problems, name, kind)


class _Layout:
    """Where the headings, the tables and the workbook sheets are among the items."""

    def __init__(self, items: list[tuple]) -> None:
        self.items = items
        self.lines = [c if k == "line" else None for k, c in items]
        self.heads = find_headings(self.lines)
        self.sheets = [i for i, (k, _) in enumerate(items) if k == "sheet"]
        self.title_end: int | None = None  # the last line of the title, once found
        self.publisher: str | None = None  # the organ taken from a page's 「发布机构」 field (it may be the office)
        # where the tables start when the heading 二 is missing: just before 「第二十条第（一）项」
        self.table_start = self.heads.get("s2")
        if self.table_start is None:
            after = self.heads.get("s1", -1)
            first = next((i for i in range(after + 1, len(items))
                          if (line := self.lines[i]) and _T2_START.match(nfkc(line))), None)
            self.table_start = first - 1 if first is not None else None

    def section_end(self, i: int) -> int:
        """Where the part that starts at line i ends: the next heading, or the next workbook sheet."""
        later = [j for j in list(self.heads.values()) + self.sheets if j > i]
        return min(later) if later else len(self.items)


def _meta(doc: _Layout, problems: list[ImportProblem]) -> Meta:
    first_head = min(doc.heads.values()) if doc.heads else min(len(doc.items), 20)
    # a web page's field table (「标题 | … | 发布机构 | … |」) counts as its field lines
    pre = [with_colons(l) if l is not None
           else (field_table_lines(doc.items[i][1]) if doc.items[i][0] == "table" else "") or ""
           for i, l in enumerate(doc.lines[:first_head])]
    meta = Meta(published=published_in(pre))
    title = find_title(pre)
    fields, last_field = page_fields(pre)
    if not title and fields.get("title") and last_field is not None and _TITLE_LIKE.search(re.sub(r"\s+", "", fields["title"])):
        title = (re.sub(r"\s+", "", fields["title"]), last_field, last_field)
    if title:
        doc.title_end = title[2]
        meta.title = title[0]
        meta.organ, meta.year = organ_year(title[0])
        if not meta.organ:  # 「2024年政府信息公开工作年度报告」 with the organ printed under it as a byline
            byline = organ_line_below(pre, title[2])
            if byline is not None:
                meta.organ = re.sub(r"\s+", "", nfkc(pre[byline]).strip())
                doc.title_end = byline
        if not meta.organ and fields.get("organ") and names_its_place(fields["organ"]):
            meta.organ = doc.publisher = re.sub(r"\s+", "", fields["organ"])
    # 「现将某局2024年政府信息公开工作年度报告公布如下」「本报告由某局编制」, below the title if there is one
    named = organ_from_preamble("".join(pre[title[2] + 1:] if title else pre))
    if named and (not meta.organ or (named.endswith(meta.organ) and named != meta.organ
                                     and not names_its_place(meta.organ))):
        # none in the title, or the title's is the same without its place (「市人民政府办公室」); a title naming its
        # place (「某区某苏木」) keeps it, the preamble adding only the places above (「某市某区某苏木」)
        meta.organ = named
        problems.append(ImportProblem(NOTE, f"{'未找到报告标题；' if not title else ''}机关名称「{named}」"
                                            "取自报告开头的说明文字，请核对"))
    if not title and not meta.organ:
        problems.append(ImportProblem(MISSING, _NO_TITLE))
    meta.level = guess_level(meta.organ)
    if meta.year is None:  # 「统计期限为2024年1月1日至…」 above the first heading
        meta.year = _year_from_text("".join(pre), True)
    if meta.year is None:  # 「现公布某局2024年政府信息公开工作年度报告」
        meta.year = report_year_in("".join(pre[title[2] + 1:] if title else pre))
    return meta


def _sections(doc: _Layout, report: Report, problems: list[ImportProblem], lines_are_paragraphs: bool) -> dict:
    """Section texts, headings as printed, the closing date; returns the fee figures printed as a table."""
    heads, lines, meta = doc.heads, doc.lines, report.meta
    wrap = Wrap([] if lines_are_paragraphs else [l for l in lines if l], paragraphs=lines_are_paragraphs)
    fee_table: dict = {}
    signer = None
    for sid in TEXT_SECTIONS:
        if sid not in heads:
            continue
        start = heads[sid]
        end = doc.section_end(start)
        if sid == "s1" and doc.table_start is not None and "s2" not in heads and start < doc.table_start < end:
            end = doc.table_start + 1
        body = []
        head = heading_of(lines[start] or "")  # a heading's line: never None
        rest = head[1] if head else ""
        if rest:
            body.append(rest)
        body.extend(_body_lines(doc.items[start + 1:end]))
        if sid == "s6":
            body, fee_table, fee_problems = fee_rows(body)
            problems.extend(fee_problems)
            body, published, signer = _strip_signature(body, meta.organ)
            if published and not meta.published:
                meta.published = published
        report.sections[sid] = clean_body(body, wrap)
    if heads:
        report.sections["s0"] = (_preamble(doc, doc.title_end, meta, wrap) if doc.title_end is not None
                                 else _untitled_preamble(doc, wrap))
    for s in SECTIONS:
        if s.id not in heads:
            problems.append(ImportProblem(MISSING, f"未找到「{s.heading}」这一部分的标题"))
    if meta.year is None:  # the statistics period in section 一, else the first year it names
        meta.year = _year_from_text(report.sections.get("s1", ""))
    if not meta.organ:
        _organ_from_body(meta, signer, report.sections, problems)
    elif doc.publisher and meta.organ == doc.publisher:
        _publisher_for_the_government(meta, report.sections.get("s1", ""), problems)
    report.headings = {sid: printed_heading(lines[i] or "") for sid, i in heads.items()} if heads else None
    return fee_table


_LAID_OUT = ("pdf", "ofd")  # kinds whose lines ingest/readers/layout.py lays out from the words' places


def _tables(doc: _Layout, report: Report, problems: list[ImportProblem], grid_tables: list | None,
            read_by_ocr: bool, laid_out: bool = False) -> None:
    heads, items = doc.heads, doc.items
    starts = [i for i in (doc.table_start, heads.get("s3"), heads.get("s4")) if i is not None]
    if starts:
        r0 = min(starts) + (1 if doc.table_start is not None and min(starts) == doc.table_start else 0)
    else:
        r0 = doc.section_end(heads["s1"]) if "s1" in heads else 0
    r1 = next((heads[s] for s in ("s5", "s6") if s in heads and heads[s] > r0), len(items))
    marks: dict[int, str] = {heads[s] - r0: s for s in ("s3", "s4") if s in heads and r0 <= heads[s] < r1}
    reads = _read_tables(streams.build(items[r0:r1], marks, read_by_ocr, laid_out))
    if any(not reads[t].found_rows for t in reads) and (r0 > 0 or r1 < len(items)):
        # a table outside its section (a workbook with the tables on another sheet): look everywhere but in the
        # parts written as text, whose paragraphs read as rows when a label is near (「（一）主动公开」 for
        # 「（一）予以公开」) and give figures that are no cells
        prose = _prose_parts(doc)
        whole = _read_tables(streams.build([it for i, it in enumerate(items)
                                            if it[0] != "line" or not any(a <= i < b for a, b in prose)],
                                           read_by_ocr=read_by_ocr, laid_out=laid_out))
        reads = {t: reads[t] if reads[t].found_rows else whole[t] for t in reads}
    if grid_tables:
        grid_read = _read_grid_tables(grid_tables)
        reads = {t: _prefer(reads[t], grid_read.get(t), t) for t in reads}
    for tid in ("t2", "t3", "t4"):
        tr = reads[tid]
        report.cells.update(tr.cells)
        if not tr.found_rows:  # one line for a table that is not there at all
            cells = tuple(c for c in TABLE_CELL_IDS if c.startswith(tid + "."))
            problems.append(ImportProblem(MISSING, f"未找到表格「{S_TABLE_TITLE[tid]}」，其数字留空", cells))
            continue
        problems.extend(tr.problems)
        for note in tr.notes:
            if note not in report.import_notes:
                report.import_notes.append(note)


def _prose_parts(doc: _Layout) -> list[tuple[int, int]]:
    """Where the text before part 一 (title, a page's date and hits) and the parts 一, 五 and 六 are among the
    items; 一 ends where the tables start when its heading is followed by them with no heading 二."""
    parts = [(0, doc.heads["s1"])] if "s1" in doc.heads else []
    for s in ("s1", "s5", "s6"):
        if s in doc.heads:
            a = doc.heads[s]
            b = doc.section_end(a)
            if doc.table_start is not None and a < doc.table_start < b:
                b = doc.table_start
            parts.append((a, b))
    return parts


def _fees(report: Report, fee_table: dict, problems: list[ImportProblem]) -> None:
    """Fee figures from the words of section 六, checked against a fee table if one was printed."""
    fees, fee_problems = read_fees(report.sections.get("s6", ""))
    for cid, v in fees.items():
        if cid in fee_table and fee_table[cid] != v:
            problems.append(ImportProblem(
                AMBIGUOUS, f"{CELLS[cid].label}：第六部分的文字（{v}）与表格（{fee_table[cid]}）不一致，留空",
                (cid,), [{cid: v}, {cid: fee_table[cid]}]))
            fee_table.pop(cid)
        elif cid not in fee_table:
            fee_table[cid] = v
    report.cells.update(fee_table)
    problems.extend(fee_problems)


def _untitled_preamble(doc: _Layout, wrap: Wrap) -> str:
    """No title (a web page's text without it): the prose before the first heading (「根据《条例》…编制本报告。」),
    not the page's furniture, names or menus (short lines without a sentence's punctuation)."""
    lines: list[str] = []
    for kind, content in doc.items[:min(doc.heads.values())]:
        if kind != "line":
            if kind == "page":
                continue
            return ""  # a table before 一、: no preamble
        t = nfkc(content).strip()
        if (not t or _PAGE_META.match(t) or is_page_furniture(t) or _date_alone(t)
                or (len(t) <= 30 and not re.search(r"[。，,；;]", t))):
            continue
        lines.append(content)
    text = clean_body(lines, wrap)
    return text if "。" in text else ""


def _preamble(doc: _Layout, title_end: int, meta: Meta, wrap: Wrap) -> str:
    """The text between the title and the first heading.

    Read backwards from the heading up to the nearest line of the title, so that a title repeated
    further on (a workbook's 正文 sheet after its tables) still has its preamble; a table, another sheet or
    a heading (of a table of contents, say) on the way means there is none.  A date alone under the
    title (「（2025年1月20日）」) is the publication date, not preamble text."""
    want = label_key(meta.title or "")  # set with title_end
    lines: list[str] = []
    for kind, content in reversed(doc.items[title_end + 1:min(doc.heads.values())]):
        if kind != "line":
            if kind == "page":
                continue
            return ""
        key = label_key(content)
        if len(key) >= 4 and key in want:
            break  # the (last line of the) title
        if heading_of(content):
            return ""
        date = _date_alone(content)
        if date:
            meta.published = meta.published or date
            continue
        lines.append(content)
    return clean_body(_without_page_meta(lines[::-1]), wrap)


def _without_page_meta(lines: list[str]) -> list[str]:
    """Drop a web page's 「来源：…」「发布时间：…」 lines and a 「目录」, but not a page-wrapped line that only looks
    like one because the sentence before goes on into it (「…电话：0517-1234567，电」 then 「子邮箱：…」)."""
    kept: list[str] = []
    for line in lines:
        t = nfkc(line).strip()
        meta = t == "目录" or (_PAGE_META.match(t) and not (kept and goes_on(kept[-1])))
        if not meta:
            kept.append(line)
    return kept


def _date_alone(line: str) -> str | None:
    """A line that is only a date, bracketed or not (「（2025年1月20日）」): the publication date."""
    return parse_date(re.sub(r"^[(（]|[)）]$", "", nfkc(line).strip()))


def _body_lines(items: list[tuple]) -> list[str]:
    out: list[str] = []
    for k, c in items:
        if k == "line":
            out.append(c)
        elif k == "page":
            out.append("\f")
        elif k == "table":
            out.append("")
            for row in c:
                cells = [str(x).strip() for x in row if x]
                if cells:
                    out.append("　".join(cells))
                    out.append("")
    return out


def _read_tables(st: streams.Stream) -> dict[str, TableRead]:
    s3 = st.marks.get("s3")
    s4 = st.marks.get("s4")
    end = len(st.key)
    t3 = read_t3(st, s3 or 0, s4 if s4 is not None else end)
    t2_end = s3 if s3 is not None else (t3.start if t3.start is not None else end)
    t4_start = s4 if s4 is not None else (t3.end + 1 if t3.found_rows else t2_end)
    t4 = read_t4(st, t4_start, end, glued_source=t3.glued)
    # table 二 has no identity: its run-together rows are split only when the other tables show that this
    # source runs figures together and leaves no cell empty (a t3 row that fits no split has empty cells)
    t2 = read_t2(st, 0, t2_end, glued_source=(t3.glued or t4.glued) and not t3.unsplit)
    return {"t2": t2, "t3": t3, "t4": t4}


def _class_marks() -> dict[str, list[str]]:
    """What tells which table a grid is: the words the form prints in that table (row labels, headers, group
    labels, their numbers left out) that no other table prints."""
    printed = ("label", "header", "group")
    words = {tid: {strip_number(label_key(sp.text)) for sp in t.spans if sp.text and sp.role in printed}
             for tid, t in TABLES.items()}
    marks = {}
    for tid, own in words.items():
        others = [w for o, ws in words.items() if o != tid for w in ws]
        marks[tid] = sorted(w for w in own if w and not any(w in x for x in others))
    return marks


_CLASS_MARKS = _class_marks()


def classify(rows: list[list]) -> set[str]:
    text = label_key("".join(str(c) for r in rows for c in r if c))
    out = set()
    for tid, marks in _CLASS_MARKS.items():
        if sum(1 for m in marks if m in text) >= 2:
            out.add(tid)
    return out


def _read_grid_tables(tables: list) -> dict[str, TableRead]:
    by_class: dict[str, list] = {"t2": [], "t3": [], "t4": []}
    for rows in tables:
        for tid in classify(rows):
            by_class[tid].append(rows)
    out = {}
    for tid, group in by_class.items():
        if not group:
            continue
        st = streams.build([("table", rows) for rows in group])
        out[tid] = {"t2": read_t2, "t3": read_t3, "t4": read_t4}[tid](st)
    return out


def _prefer(text: TableRead, grid: TableRead | None, tid: str) -> TableRead:
    """Two readings of one table (PDF text and PDF ruling).  A complete ruled table is structure, not a
    guess: it is taken, and differences of the text reading are mentioned.  Otherwise the fuller reading
    is taken, and every disagreement is reported and left blank."""
    if grid is None:
        return text
    table_cells = [c for c in TABLE_CELL_IDS if c.startswith(tid + ".")]
    complete = all(c in grid.cells for c in table_cells) or (
        grid.found_rows and not any(p.kind in (AMBIGUOUS, "unreadable", MISSING) for p in grid.problems))
    if complete and all(c in grid.cells for c in table_cells if c in text.cells or c not in _collapsed(grid)):
        diff = [c for c in grid.cells if c in text.cells and text.cells[c] != grid.cells[c]]
        if diff:
            grid.problems.append(ImportProblem(
                NOTE, f"{CELLS[diff[0]].label} 等 {len(diff)} 处：PDF 文字层的读法与表格线不同，已按表格线读取", tuple(diff)))
        return grid
    primary, other = (grid, text) if len(grid.cells) >= len(text.cells) else (text, grid)
    out = TableRead(dict(primary.cells), list(primary.problems), list(primary.notes), primary.found_rows)
    for cid, v in other.cells.items():
        if cid not in out.cells:
            out.cells[cid] = v
        elif out.cells[cid] != v:
            mine = out.cells.pop(cid)
            out.problems.append(ImportProblem(
                AMBIGUOUS, f"{CELLS[cid].label}：PDF 的表格线与文字两种读法不一致（{mine} / {v}），留空",
                (cid,), [{cid: mine}, {cid: v}]))
    out.problems = [p for p in out.problems
                    if p.kind == AMBIGUOUS or not p.cells or not all(c in out.cells for c in p.cells)]
    return out


def _collapsed(read: TableRead) -> set[str]:
    """Cells a collapsed 2019 row leaves blank on purpose."""
    return {c for rule, cells, _ in read.notes if rule == "S.OLD_FORMAT" for c in cells}


def headings_out_of_tables(items: list[tuple]) -> list[tuple]:
    """Word and web tables often carry the section heading (or the title) in a first row merged across
    the table: that row is a line of the document, not a row of the table."""
    out: list[tuple] = []
    for kind, content in items:
        if kind == "table" and content and _frame_table(content):
            # a one-column table used as a frame around the text (headings and paragraphs in its cells)
            for row in content:
                for cell in row:
                    if cell is not None and str(cell).strip():
                        out.extend(("line", line) for line in str(cell).split("\n"))
            continue
        if kind == "table" and content:
            texts = [str(c).strip() for c in content[0] if c is not None and str(c).strip()]
            one = texts[0].replace("\n", "") if len(texts) == 1 else ""
            if one and len(one) <= 80 and (heading_of(one) or _TITLE_LIKE.search(nfkc(one))):
                out.append(("line", one))
                if len(content) > 1:
                    out.append((kind, content[1:]))
                continue
        out.append((kind, content))
    return out


_TITLE_LIKE = re.compile(r"信息公开.{0,12}报告$")


def _frame_table(rows: list) -> bool:
    """No row has two filled cells, and a cell holds one of the six headings on a line of its own."""
    if len(rows) > 2000 or any(sum(1 for c in row if c is not None and str(c).strip()) > 1 for row in rows):
        return False
    return any(heading_of(line) for row in rows for c in row if c is not None
               for line in str(c).split("\n")[:400] if 0 < len(line.strip()) <= 60)


def drop_running_lines(items: list[tuple]) -> list[tuple]:
    """Running headers and footers: the same short line at the top or bottom of most pages."""
    pages: list[list[int]] = [[]]
    for i, (k, c) in enumerate(items):
        if k == "page":
            pages.append([])
        elif k == "line" and c.strip():
            pages[-1].append(i)
    if len(pages) < 3:
        return items

    def form(i: int) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", nfkc(items[i][1])))
    seen: dict[str, set[int]] = {}
    edges: dict[int, str] = {}
    for p, idx in enumerate(pages):
        for i in idx[:2] + idx[-2:]:
            f = form(i)
            if 2 <= len(f) <= 50 and re.search(r"[^#\W]", f):
                seen.setdefault(f, set()).add(p)
                edges[i] = f
    running = {f for f, ps in seen.items() if len(ps) >= max(3, (len(pages) + 1) // 2)}
    numbers = _bare_page_numbers(items, pages)
    if not running and not numbers:
        return items
    # the top of page one may be the title itself repeated as a running header: kept; other running
    # lines there (「草稿」, 「内部资料」) are dropped like everywhere else
    first_page_top = {i for i in pages[0][:3]
                      if re.search(r"报告|年", edges.get(i, "")) or organ_like(nfkc(items[i][1]).strip())}
    return [it for i, it in enumerate(items) if i not in numbers
            and not (edges.get(i) in running and i not in first_page_top)]


def _bare_page_numbers(items: list[tuple], pages: list[list[int]]) -> set[int]:
    """Page numbers printed as a bare 「3」 as the first or last line of each page: taken as such only
    when they count the pages (page k carries k + constant on at least three pages), since a bare
    figure is otherwise a table cell."""
    # (top or bottom, page number − page index) → {item index: page index}; a figure that happens to equal
    # its page's number at the other edge is not taken along
    by_offset: dict[tuple[int, int], dict[int, int]] = {}
    alone: dict[tuple[int, int], int] = {}  # pages where the number is the only line (at both edges)
    for p, idx in enumerate(pages):
        for edge, i in ((0, idx[0]), (1, idx[-1])) if idx else ():
            t = nfkc(items[i][1]).strip()
            if re.fullmatch(r"\d{1,3}", t):
                key = (edge, int(t) - p)
                by_offset.setdefault(key, {})[i] = p
                alone[key] = alone.get(key, 0) + (len(idx) == 1)
    need = max(3, len(pages) // 2)
    series = [k for k, lines in by_offset.items() if len(set(lines.values())) >= need]
    if not series:
        return set()
    # one series: the edge where the numbers stand apart from the text most often
    best = max(series, key=lambda k: (len(by_offset[k]) - alone[k], k[0]))
    return set(by_offset[best])


# ---------------------------------------------------------------- signature and date

_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_CN_DATE = re.compile(r"^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$")


def _cn_number(s: str) -> int:
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN_DIGIT.get(a, 1) if a else 1) * 10 + (_CN_DIGIT.get(b, 0) if b else 0)
    return int("".join(str(_CN_DIGIT[c]) for c in s))


def parse_date(line: str) -> str | None:
    t = re.sub(r"\s+", "", nfkc(line))
    m = _DATE.match(t)
    if m:
        y, mo, d = map(int, m.groups())
    else:
        m = _CN_DATE.match(t)
        if not m:
            return None
        y, mo, d = (_cn_number(g) for g in m.groups())
    if 1 <= mo <= 12 and 1 <= d <= 31 and 1990 <= y <= 2200:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


_NO_TITLE = "未找到报告标题（机关名称和年度需要手工填写）"


def _organ_from_body(meta: Meta, signer: str | None, sections: dict, problems: list[ImportProblem]) -> None:
    """No organ in the title nor above the first heading: the signature under section 六 names it (「某局 /
    2025年1月20日」), else the preamble printed under 「一、总体情况」 (「特向社会公布2020年某局…报告」), else the
    subject of section 一's first sentence (「2024年，某县自然资源局坚持…」) or of one printed above the preamble; noted."""
    overview = sections.get("s1", "")
    if signer and names_an_organ(signer) and organ_like(signer) and names_its_place(signer) \
            and not signer.startswith(("我", "本")):
        organ = organ_signed_for(signer, overview)
        where = "文末的落款" if organ == signer else f"文末的落款「{signer}」（报告以本级政府的口吻写成）"
    elif organ := organ_from_preamble(overview.split("\n", 1)[0]):
        organ, where = organ, "「一、总体情况」下的说明文字"
    elif organ := organ_from_overview(overview):
        where = "「一、总体情况」的第一句"
    elif organ := government_from_overview(overview):
        where = "「一、总体情况」的第一句（报告以本级政府的口吻写成）"
    else:
        organ, where = organ_from_overview(sections.get("s0", "")), "报告开头的第一句"
    if not organ:
        return
    meta.organ, meta.level = organ, guess_level(organ)
    untitled = [p for p in problems if p.message == _NO_TITLE]
    for p in untitled:
        problems.remove(p)
    problems.append(ImportProblem(NOTE, f"{'未找到报告标题；' if untitled else ''}机关名称「{organ}」取自{where}，请核对"))


def _publisher_for_the_government(meta: Meta, overview: str, problems: list[ImportProblem]) -> None:
    """A page published by a government's office (「发布机构：某县人民政府办公室」) under a title that names no organ:
    the report is the government's when it speaks as the county (organ_signed_for); noted."""
    organ = organ_signed_for(meta.organ, overview)
    if organ != meta.organ:
        problems.append(ImportProblem(NOTE, f"机关名称「{organ}」取自网页的发布机构「{meta.organ}」（报告以本级政府的口吻写成），请核对"))
        meta.organ, meta.level = organ, guess_level(organ)


def _strip_signature(body: list[str], organ: str) -> tuple[list[str], str | None, str | None]:
    """A closing 「机关名称 / 2025年1月20日」 is not part of section 六: it gives meta.published, and the name
    signed above the date (None when there is none)."""
    idx = [i for i, l in enumerate(body) if l.strip() and l != "\f"]
    if not idx:
        return body, None, None
    last = idx[-1]
    date = parse_date(body[last])
    if not date:
        return body, None, None
    cut = last
    if len(idx) >= 2:
        prev = body[idx[-2]].strip()
        p = re.sub(r"\s+", "", prev)
        if len(p) <= 30 and not re.search(r"[。，,；;：:]", p) and (
                (organ and (p in organ or organ in p)) or re.search(r"(政府|局|委员会|办公室|中心|厅|委|办|院)$", p)):
            cut = idx[-2]
    return body[:cut], date, (re.sub(r"\s+", "", nfkc(body[cut])) if cut != last else None)


def _year_from_text(text: str, period_only: bool = False) -> int | None:
    m = re.search(r"统计(?:期限|时限|时间|区间)[^\d。]{0,6}(\d{4})\s*年", text)
    if not m and not period_only:
        m = re.search(r"(\d{4})\s*年", text)
    if m:
        y = int(m.group(1))
        return y if 1990 <= y <= 2200 else None
    return None
