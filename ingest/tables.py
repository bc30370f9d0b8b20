"""The three tables read from a Stream: labels located, figures assigned, glued runs decoded.

Every decision that is not certain becomes an ImportProblem and the cell stays blank.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from model.schema import (
    CELLS,
    T2_BLOCKS,
    T3_APPLICANT,
    T3_COL_IDS,
    T3_COL_LABEL,
    T3_GROUPS,
    T3_LEAF_ROWS,
    T3_LEGAL,
    T3_RESULTS_GROUP,
    T3_ROW_IDS,
    T3_ROW_LABEL,
    T4_COLS,
    T4_GROUPS,
    t2,
    t3_row_cells,
    t4,
)
from model.values import NA, BadValue, Value, parse_value

from . import blocks, glued
from .blocks import Table
from .labels import find_exact, find_fuzzy, locate_in_order, strip_number
from .result import AMBIGUOUS, MISSING, NOTE, OLD_FORMAT, UNREADABLE, UNRECOGNISED, ImportProblem
from .stream import BLANK, Fig, Stream
from .textnorm import display_key, label_key, nfkc

_T4_HEAD = label_key("行政复议")
Hit = tuple[int, int, int]  # a label found in Stream.key: (start, end, edit distance)
Anchor = tuple[int, int, str]  # a t3 label found: (start, end, target row or group)
STOP_TEXT = 16  # this many label characters after a row's figures end the row


@dataclass
class TableRead:
    cells: dict[str, Value] = field(default_factory=dict)
    problems: list[ImportProblem] = field(default_factory=list)
    notes: list[tuple[str, tuple[str, ...], str]] = field(default_factory=list)  # (rule, cells, message)
    found_rows: int = 0
    start: int | None = None  # key position of the first label found
    end: int = 0  # key position after the last figure used
    glued: bool = False  # figures printed with no separator were decoded under the form's identities
    unsplit: int = 0  # rows run together that no split fits (the source may leave cells empty)


# ---------------------------------------------------------------- shared


def _figs_between(stream: Stream, start: int, end: int, label_end: int) -> list[Fig]:
    """Figures of one row: from the label's start to the next label, stopping at a long run of text."""
    out: list[Fig] = []
    last = label_end
    for f in stream.figs_in(start, end):  # a figure at a label's first character was printed before it
        # (a row printed empty does not take the figures of a row whose label was not found, after it)
        if f.pos - max(last, label_end) >= STOP_TEXT and f.pos > label_end:
            break
        out.append(f)
        last = f.pos
    return out


def _choose(figs: list[Fig], n: int, label_group: object) -> list[Fig] | None:
    """Exactly n figures for a row, or None.  Grid blanks are trimmed from the ends when there are too many."""
    if len(figs) == n:
        return figs
    if any(f.group is not None for f in figs):
        same = [f for f in figs if f.group == label_group] if label_group is not None else figs
        if len(same) >= n or label_group is None:
            cand = same if label_group is not None else figs
        else:
            cand = figs
        cand = list(cand)
        while len(cand) > n and cand[-1].blank:
            cand.pop()
        while len(cand) > n and cand[0].blank:
            cand.pop(0)
        if len(cand) == n:
            return cand
    solid = [f for f in figs if not f.blank]
    if len(solid) == n:
        return solid
    return None


def _parse(cell: str, fig: Fig, out: TableRead) -> None:
    if fig.blank:
        return
    try:
        v = parse_value(fig.text, CELLS[cell].kind)
    except BadValue as e:
        out.problems.append(ImportProblem(UNREADABLE, f"{CELLS[cell].label}：{e}", (cell,)))
        return
    if v is not None:
        out.cells[cell] = v


def _group_at(stream: Stream, pos: int) -> object:
    """The grid row a label sits in (the figure group nearest after it, if it is a grid)."""
    f = stream.first_fig_from(pos)
    if f is None:
        return None
    if f.pos > pos or f.group is not None:
        return f.group
    nxt = stream.first_fig_from(pos + 1)
    return nxt.group if nxt is not None else None


_GROUP_KEYS = tuple(label_key(g.label) for g in T3_GROUPS.values())


def _group_label_after_figures(stream: Stream, label_end: int, nxt: int) -> int:
    """Where a row's figures end: at the next label, or earlier at a group label of 三 (「（三）不予公开」)
    printed after some of them.  The group label heads the rows below it, so what follows it is theirs; a page
    that left out those rows' own labels (「（三）不予公开 | 0 | 0 | …」) gives them to none, and the row above
    keeps its seven figures."""
    for gk in _GROUP_KEYS:
        p = stream.key.find(gk, label_end, nxt)
        if p >= 0 and any(not f.blank for f in stream.figs_in(label_end - 1, p)):  # figures at p precede it
            nxt = p
    return nxt


_GROUP_CHARS = set(label_key("".join([T3_RESULTS_GROUP] + [g.label for g in T3_GROUPS.values()])))
_COLUMN_WORDS = re.compile("(?:" + "|".join(label_key(w) for w in (*T3_COL_LABEL.values(), T3_APPLICANT, T3_LEGAL))
                           + ")+")


def _without_layout_junk(printed: str, official: str) -> str:
    """pdftotext -layout interleaves the characters of vertical group labels (「三、本年度办理结果」,
    「（六）其他处理」) with wrapped row labels, and OCR may put a column's heading (「总计」) on the line of the
    row beside it; those insertions are not a wording change."""
    a, b = label_key(printed), label_key(official)
    out = []
    for op, i1, i2, _j1, _j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "insert":
            continue
        if op == "delete" and all(c in _GROUP_CHARS for c in a[i1:i2]):
            continue
        if op in ("delete", "replace") and _COLUMN_WORDS.fullmatch(a[i1:i2]):
            continue  # (what it stands for in the official label is missing: an insert, not looked at either)
        out.append(a[i1:i2])
    return "".join(out)


def _label_note(stream: Stream, hit: Hit, official: str, cells: tuple[str, ...], out: TableRead) -> None:
    """S.LABELS when the printed label differs from the official wording (not just width or spacing)."""
    s, e, _ = hit
    printed = "".join(stream.shown[s:e])
    if not printed:
        return
    words = _without_layout_junk(printed, official)
    shown = printed if words == label_key(printed) else words
    # OCR loses an ordinal that stands apart from the words (「上年结转…」 or 「、上年结转…」 for 「二、上年结转…」);
    # printed text that lacks it is a slip
    lost = stream.read_by_ocr and words.lstrip("、.") == strip_number(label_key(official))
    if words != label_key(official) and not lost and not _label_runs_on(stream, hit, official):
        out.notes.append(("S.LABELS", cells, f"表格标签「{shown}」与官方格式「{official}」不一致"))
        return
    num_printed = re.match(r"^\s*(?:(\d)\s*([、.．])|(\((\d)\)))", nfkc(printed))
    num_official = re.match(r"^(\d)([.])", official)
    if num_printed and num_official and (num_printed.group(2) == "、" or num_printed.group(3)):
        head = display_key(printed)
        head = head if len(head) <= 10 else head[:10] + "…"
        used = f"{num_printed.group(1)}、" if num_printed.group(2) else f"（{num_printed.group(4)}）"
        out.notes.append(("S.LABELS", cells, f"表格标签「{head}」的序号用了「{used}」，"
                                             f"官方格式为「{num_official.group(0)}」"))


def _label_runs_on(stream: Stream, hit: Hit, official: str) -> bool:
    """The label's last characters come right after the part found, behind characters of a group label printed
    one a line (「…已获取信」 | 「理」 and the figures | 「息」): the label is whole, only wrapped around them."""
    s, e, _ = hit
    key = label_key(official)
    words = _without_layout_junk("".join(stream.shown[s:e]), official)
    if not key.startswith(words) or len(key) - len(words) > 3:
        return False
    return any(_without_layout_junk("".join(stream.shown[s:end]), official) == key
               for end in range(e + 1, min(e + 2 * (len(key) - len(words)) + 2, len(stream.shown)) + 1))


def _runs_of(figs: list[Fig], n: int = 1) -> list[str] | None:
    """The digit runs of a row that may hold n figures printed with no separator."""
    runs = [f.text for f in figs if not f.blank]
    if not runs or any(not r.isdigit() for r in runs) or sum(map(len, runs)) < n or len(runs) >= n:
        return None
    return runs


def _too_long(runs: list[str]) -> bool:
    return sum(len(r) for r in runs) > glued.MAX_RUN_DIGITS


# ---------------------------------------------------------------- t3


def read_t3(stream: Stream, start: int = 0, end: int | None = None) -> TableRead:
    t3 = _T3Pass(stream, start, len(stream.key) if end is None else end)
    t3.find_rows()
    t3.take_figures()
    t3.drop_mixed_rows()
    t3.fold_collapsed_groups()
    t3.assign_rows()
    t3.empty_cells()
    return t3.out


def _t3_name(target: str) -> str:
    """A row's label, or a group's when the group was printed as one row."""
    return T3_ROW_LABEL.get(target, T3_GROUPS[target].label if target in T3_GROUPS else target)


class _T3Pass:
    """Reading table 三 in steps: where each row's label is, its figures, the rows to leave blank, the
    figures run together.  Targets are row ids, or group ids for a group printed as one row."""

    def __init__(self, stream: Stream, start: int, end: int) -> None:
        self.stream, self.start, self.end = stream, start, end
        self.out = TableRead()
        self.anchors: list[tuple[int, int, str]] = []  # (start, end, target) of each label found
        self.rows: dict[str, list[Fig]] = {}  # target → its seven figures
        self.raw: dict[str, list[Fig]] = {}  # target → the figures found after its label
        self.dropped: set[str] = set()
        self.collapsed: set[str] = set()  # rows of a group printed as one row
        self.decoded: set[str] = set()  # targets read by decoding blocks of figures (ingest/blocks.py)
        self.header: list[float] | None = None  # the columns' centres as the header prints them (_header)

    # ---- labels

    def find_rows(self) -> None:
        stream, out = self.stream, self.out
        for rid, hit in zip(T3_ROW_IDS, self._row_hits()):
            if hit:
                self.anchors.append((hit[0], hit[1], rid))
                _label_note(stream, hit, T3_ROW_LABEL[rid], t3_row_cells(rid), out)
        found = {a[2] for a in self.anchors}
        self._find_collapsed_groups(found)
        self.anchors = sorted(_after_other_rows_figures(stream, a) for a in self.anchors)
        if self.anchors:  # table 四 printed right after table 三 (no heading between them in this source)
            p = stream.key.find(_T4_HEAD, self.anchors[-1][1], self.end)
            self.end = p if p >= 0 else self.end
        out.found_rows = len(found)
        out.start = self.anchors[0][0] if self.anchors else None

    def _row_hits(self) -> list:
        key, start = self.stream.key, self.start
        hits = locate_in_order(key, [label_key(T3_ROW_LABEL[r]) for r in T3_ROW_IDS], start, self.end)
        # a sub-row 「3.其他」 found only inside a group label 「（六）其他处理」 printed as one row is no sub-row
        for g in T3_GROUPS.values():
            gk = label_key(g.label)
            for r, _ in g.rows:
                i = T3_ROW_IDS.index(r)
                h = hits[i]
                if h and h[2] > 0:
                    p = key.rfind(gk, max(start, h[0] - len(gk)), h[1] + len(gk))
                    if p >= 0 and p < h[1] and h[0] < p + len(gk):
                        # unless the label follows the group label with its number left out (「（四）无法提供
                        # 本机关不掌握相关政府信息」): then it starts where the group label ends
                        bare = strip_number(label_key(T3_ROW_LABEL[r]))
                        after = p + len(gk)
                        hits[i] = (after, after + len(bare), h[2]) if (
                            bare != label_key(T3_ROW_LABEL[r]) and key.startswith(bare, after)) else None
        return hits

    def _find_collapsed_groups(self, found: set[str]) -> None:
        """A group printed as one row (the 2019 trial form prints 「（六）其他处理」 alone)."""
        stream, anchors = self.stream, self.anchors
        for gid, g in T3_GROUPS.items():
            if any(r in found for r, _ in g.rows):
                continue
            if any(stream.key.find(label_key(lab), self.start, self.end) >= 0 for _, lab in g.rows):
                continue  # the sub-rows are printed, only out of place: not a collapsed row
            first = T3_ROW_IDS.index(g.rows[0][0])
            last = T3_ROW_IDS.index(g.rows[-1][0])
            # between the labels found before and after it in the form's order (an earlier group found
            # printed as one row counts as its first row)
            lo = max([a[1] for a in anchors if _form_order(a[2]) < first] or [self.start])
            hi = min([a[0] for a in anchors if _form_order(a[2]) > last] or [self.end])
            gk = label_key(g.label)
            exact = find_exact(stream.key, gk, lo, hi)
            hit = (exact[0], exact[1], 0) if exact else find_fuzzy(stream.key, gk, lo, hi, 1)
            if hit:
                nxt = min([a[0] for a in anchors if a[0] > hit[0]] or [self.end])
                solid = [f for f in _figs_between(stream, hit[0], nxt, hit[1]) if not f.blank]
                if len(solid) == 7 or _runs_of(solid, 7):  # seven figures, or digits run together
                    anchors.append((hit[0], hit[1], gid))

    # ---- figures

    def take_figures(self) -> None:
        """Each label's figures up to the next label, then the repairs for the orders PDF-to-text tools
        print figures in."""
        stream, anchors, out = self.stream, self.anchors, self.out
        first = len(out.problems)
        self.header = self._header()
        for i, (s, e, target) in enumerate(anchors):
            nxt = _group_label_after_figures(stream, e, anchors[i + 1][0] if i + 1 < len(anchors) else self.end)
            figs = _figs_between(stream, s, nxt, e)
            if figs:
                out.end = max(out.end, figs[-1].pos)
                _unrecognised_rows(stream, figs[-1].pos, nxt, out)
                figs = self._in_column_order(target, figs)
            self.raw[target] = figs
        _figures_above_their_label(anchors, self.raw, out)
        for _, e, target in anchors:
            if target in self.dropped:
                continue
            chosen = _choose(self.raw[target], 7, _group_at(stream, e))
            if chosen is not None:
                self.rows[target] = chosen
        _relocate_overflow(self.rows, self.raw, out)
        mark = len(out.problems)
        self.decoded = _figures_in_blocks(stream, anchors, self.rows, self.raw, self.start, self.end, out)
        if self.decoded:  # every figure is accounted for: what reading row by row said of them is moot
            del out.problems[first:mark]
        _place_by_columns(self.rows, self.raw, anchors, out, self.header)
        self.rows_behind_garbled_labels()

    def _under_the_header(self, figs: list[Fig]) -> bool:
        """Seven figures each under its own column of the table's header, in their order: the columns' order
        is the one meant (the printed one reads the two lines one after the other)."""
        return self.header is not None and _header_fits(self.header, [figs], figs)

    def _header(self) -> list[float] | None:
        """The seven columns' centres as the table's header prints them (before its first row)."""
        first = self.anchors[0][0] if self.anchors else self.start
        return _header_columns(self.stream, self.start, first, tuple(T3_COL_LABEL[c] for c in T3_COL_IDS))

    def _in_column_order(self, target: str, figs: list[Fig]) -> list[Fig]:
        """A tall row whose cells are aligned differently (the Word template in circulation puts 总计 at the
        top of its cell and the other figures in the middle) prints its figures on two lines, in reading
        order: 总计 first, beside the label's first line.  Laid out in columns, they are taken in the columns'
        order when that order adds up to the row's 总计 and the printed one does not; when both add up, which
        is meant cannot be told and the row is left blank."""
        by_col = _column_order(figs)
        if by_col is None or [f.text for f in by_col] == [f.text for f in figs] or not _counts_add_up(by_col):
            return figs  # (「0 0 0 0 0 0 0」 reads the same in any order; 「0 / 0 / / 0 0」 does not)
        if _counts_add_up(figs) and not self._under_the_header(by_col):
            self.dropped.add(target)
            self.out.problems.append(ImportProblem(
                AMBIGUOUS, f"表三「{_t3_name(target)}」的数字印在两行，按列的顺序和印出的顺序都合计相符，无法确定，留空",
                t3_row_cells(target)))
        return by_col

    def rows_behind_garbled_labels(self) -> None:
        """A row whose label came out garbled (a converter ran the group label 「（六）其他处理」 into it and lost
        part of it: 「(六)其2.申请人逾期未按收费通知要求他处理府信息公开申请缴」) is not found, and its figures
        sit between its neighbours' as an unrecognised row.  They are taken when the row is the only one
        missing between two rows read, the printed text shares a good part of the row's label, and the
        whole table then passes every identity (row totals, LEAF_SUM, BALANCE); else nothing changes."""
        found = {t for _, _, t in self.anchors}
        taken = []
        for i, rid in enumerate(T3_ROW_IDS):
            if rid in found or rid in self.collapsed or i == 0 or T3_ROW_IDS[i - 1] not in self.rows:
                continue
            nxt = next((a[0] for a in self.anchors if i + 1 < len(T3_ROW_IDS) and a[2] == T3_ROW_IDS[i + 1]),
                       self.end if i + 1 == len(T3_ROW_IDS) else None)
            figs = _garbled_row(self.stream, self.rows[T3_ROW_IDS[i - 1]], nxt, T3_ROW_LABEL[rid])
            if figs:
                self.rows[rid] = self.raw[rid] = figs
                taken.append(rid)
        if not taken:
            return
        if not _whole_table_holds(self.rows):
            for rid in taken:
                self.rows.pop(rid)
                self.raw.pop(rid)
            return
        shown = {"".join(self.stream.shown[self.rows[T3_ROW_IDS[T3_ROW_IDS.index(r) - 1]][-1].pos:
                                           self.rows[r][0].pos]).strip()[:30] for r in taken}
        self.out.problems[:] = [p for p in self.out.problems
                                if not (p.kind == UNRECOGNISED and any(f"「{t}」" in p.message for t in shown))]
        self.out.problems.append(ImportProblem(
            NOTE, f"表三{_rows_named(taken)}的标签印得残缺（「{'」「'.join(sorted(shown))}」），按表格顺序对应，"
                  "各行合计与勾稽关系核对无误，请核对", tuple(c for r in taken for c in t3_row_cells(r))))

    def drop_mixed_rows(self) -> None:
        """Figures missing from other rows: this source moves figures about (pdftotext's default mode prints
        some columns apart), so a row read by position that breaks its own total may hold a neighbour's."""
        rows, raw = self.rows, self.raw
        disordered = any(raw.get(t) and t not in rows for t in raw)
        for t in list(rows):
            if t in self.decoded:
                continue
            if not _plausible(rows[t], (7,)):
                msg = f"表三「{_t3_name(t)}」的数字之间夹有文字且合计不符，可能与别的行错位，留空"
            elif disordered and not _adds_up(rows[t]):
                msg = f"表三「{_t3_name(t)}」的数字合计不符，而本表别的行有数字缺失或错位，可能混入了别的行的数字，留空"
            else:
                continue
            rows.pop(t)
            self.dropped.add(t)
            self.out.problems.append(ImportProblem(UNREADABLE, msg, t3_row_cells(t)))
            raw[t] = []

    def fold_collapsed_groups(self) -> None:
        """A group printed as one row: 「（六）其他处理」 alone is the 2019 form, its figures are 「3.其他」's;
        any other group's sub-rows cannot be known."""
        rows, raw, out = self.rows, self.raw, self.out
        self.collapsed = {r for gid in raw if gid in T3_GROUPS for r, _ in T3_GROUPS[gid].rows}
        for gid, g in T3_GROUPS.items():
            if gid not in raw:
                continue
            cells = tuple(c for r, _ in g.rows for c in t3_row_cells(r))
            if gid not in rows and _seven_zeros_run_together(raw[gid]):  # 「0000000」: seven figures of 0
                rows[gid] = [Fig(raw[gid][-1].pos, "0") for _ in range(7)]
            if gid == "r3_6" and _all_zero(rows.get(gid)):  # counts are ≥ 0: each part of 0 is 0
                msg = "表三「（六）其他处理」只印了一行（2019年试行格式），其数字均为 0，三个分项均记为 0"
                rows.update({r: list(rows[gid]) for r, _ in g.rows if r != "r3_6_3"})
            elif gid == "r3_6":
                msg = ("表三「（六）其他处理」只印了一行（2019年试行格式），其数字记入「3.其他」，"
                       "「1.申请人无正当理由逾期不补正…」「2.申请人逾期未按收费通知要求缴纳费用…」两行留空")
            else:
                msg = f"表三「{g.label}」只印了一行，分项无法确定，留空"
            out.notes.append(("S.OLD_FORMAT", cells, msg))
            out.problems.append(ImportProblem(OLD_FORMAT, msg, cells))
            if gid != "r3_6":
                rows.pop(gid, None)
                raw.pop(gid, None)
            elif gid in rows:
                rows["r3_6_3"] = rows.pop(gid)
            elif raw[gid]:
                raw["r3_6_3"] = raw.pop(gid)

    # ---- cells

    def assign_rows(self) -> None:
        """Each row's figures into its cells; rows run together are split under the table's identities."""
        fixed: dict[str, tuple] = {}
        options: dict[str, list[tuple]] = {}
        separate: dict[str, tuple] = {}  # glued, or separate figures with empty cells: see _split_separate
        for rid in T3_ROW_IDS:
            runs = self._assign_row(rid)
            if runs is None:
                continue
            name = _t3_row_name(rid)
            if len(runs) > 1 and not _must_be_glued(runs):
                separate[rid] = (runs, t3_row_cells(rid), name)
            else:
                _split_t3(rid, runs, t3_row_cells(rid), name, fixed, options, self.out)
        self._split_separate(separate, fixed, options)
        if fixed or options:
            # one row could fit its identity by chance; a row that fits no split shows empty cells
            self.out.glued = len(fixed) + len(options) >= 2 and not self.out.unsplit
            _settle_glued(fixed, options, self.out)

    def empty_cells(self) -> None:
        """Cells printed empty.  In a row whose printed applicant figures already add up to its printed 总计
        (「40 | | | | | | 40」, 「| | | | | | 0」) the empty applicant cells add up to 0 and no count is negative,
        so each is 0.  Any other empty cell stays blank and is named."""
        out = self.out
        named = {c for p in out.problems for c in p.cells}
        zeroed: list[str] = []
        left: list[str] = []
        for rid in T3_ROW_IDS:
            cells = t3_row_cells(rid)
            empty = [c for c, f in zip(cells, self.rows.get(rid, ())) if f.blank]
            if not empty:
                continue
            if _empties_are_zero(out.cells, cells, empty):
                out.cells.update(dict.fromkeys(empty, 0))
                zeroed += empty
            else:
                left += [c for c in empty if c not in named]
        if zeroed:
            out.problems.append(ImportProblem(
                NOTE, f"表三 {len(zeroed)} 个空白的申请人单元格所在行，印出的数字之和已等于总计：空白处均记为 0",
                tuple(zeroed)))
        _name_blank_cells(out, "表三", left)

    def _assign_row(self, rid: str) -> list[str] | None:
        """Parse the row's seven figures, or report why there are none; the digit runs of a row whose
        figures may be run together (for assign_rows to split)."""
        out, cells, name = self.out, t3_row_cells(rid), _t3_row_name(rid)
        if rid in self.rows:
            for cid, f in zip(cells, self.rows[rid]):
                _parse(cid, f, out)
            return None
        figs = self.raw.get(rid)
        if rid in self.dropped:
            return None
        if figs is None:
            if rid not in self.collapsed:
                out.problems.append(ImportProblem(MISSING, f"表三未找到「{name}」这一行，留空", cells))
            return None
        runs = _runs_of(figs, 7)
        if runs and len(runs) < 7 and not _too_long(runs):
            return runs
        if runs and _too_long(runs):
            out.problems.append(ImportProblem(
                UNREADABLE, f"表三「{name}」的数字串过长（{sum(map(len, runs))} 位），无法拆分，留空", cells))
            return None
        shown = " ".join(f.text or "（空）" for f in figs[:12])
        out.problems.append(ImportProblem(
            UNREADABLE, f"表三「{name}」找到 {len(figs)} 个数字（{shown}），应为 7 个，无法确定对应的列，留空", cells))
        return None

    def _split_separate(self, separate: dict, fixed: dict, options: dict) -> None:
        """「17 0 9 36 26」 under seven columns: run together (1 7 0 9 3 6 26 adds up) or five figures and two
        empty cells?  Only a source that runs whole rows together (a single run that fits its total) says so."""
        out = self.out
        if separate and (len(fixed) + len(options) < 2 or out.unsplit):
            for _rid, (runs, cells, name) in separate.items():
                out.problems.append(ImportProblem(
                    UNREADABLE, f"表三「{name}」只有 {len(runs)} 个数字（{' '.join(runs)}），应为 7 个：可能有空白单元格，"
                                "也可能是数字连在一起，无法确定，留空", cells))
            return
        for rid, (runs, cells, name) in separate.items():
            _split_t3(rid, runs, cells, name, fixed, options, out)


def _empties_are_zero(cells: dict, row: tuple[str, ...], empty: list[str]) -> bool:
    """The row's total (its last cell) is printed, the empty cells are parts, and the printed parts add up to
    the total: the empty ones add up to 0 and no count is negative, so each is 0."""
    total = cells.get(row[-1])
    if row[-1] in empty or not isinstance(total, int):
        return False
    printed = [v for c in row[:-1] if c not in empty and isinstance(v := cells.get(c), int)]
    return len(printed) == len(row) - 1 - len(empty) and sum(printed) == total


def _zero_empty_t4_parts(out: TableRead, empty: list[str]) -> None:
    """Table 四's empty cells in a group (复议, 直接起诉, 复议后起诉) whose printed figures make its 总计: 0, noted."""
    zeroed = []
    for g, _ in T4_GROUPS:
        group = tuple(t4(g, c) for c, _ in T4_COLS)
        gaps = [c for c in group if c in empty]
        if gaps and _empties_are_zero(out.cells, group, gaps):
            out.cells.update(dict.fromkeys(gaps, 0))
            zeroed += gaps
    if zeroed:
        out.problems.append(ImportProblem(
            NOTE, f"表四 {len(zeroed)} 个空白单元格所在的一组，印出的数字之和已等于总计：空白处均记为 0", tuple(zeroed)))
    _name_blank_cells(out, "表四", [c for c in empty if c not in zeroed])


def _name_blank_cells(out: TableRead, table: str, blank: list[str]) -> None:
    """Cells the page prints empty and nothing fills: they stay blank, and the notes name them (a blank that
    is not named would look like a cell the reader missed)."""
    named = {c for p in out.problems for c in p.cells}
    left = tuple(c for c in blank if c not in named)
    if not left:
        return
    # one note per table: a row read earlier may have named its blanks already
    earlier = next((i for i, p in enumerate(out.problems) if p.kind == NOTE and p.message.startswith(table)
                    and p.message.endswith(_BLANK_NOTE)), None)
    if earlier is not None:
        left = out.problems.pop(earlier).cells + left
    out.problems.append(ImportProblem(NOTE, f"{table} {len(left)} {_BLANK_NOTE}", left))


_BLANK_NOTE = "个单元格为空白，留空"


def _rows_named(targets: list[str]) -> str:
    """「A」「B」, or 「A」「B」等 N 行 for a long list."""
    shown = "".join(f"「{_t3_name(t)}」" for t in targets[:3])
    return shown if len(targets) <= 3 else f"{shown}等 {len(targets)} 行"


def _after_other_rows_figures(stream: Stream, anchor: tuple[int, int, str]) -> tuple[int, int, str]:
    """A label whose first part a converter put in the previous grid row's label cell (「…申请2.申请人逾期未按
    收费通知要求」 | figures | 「缴纳费用…」) holds that row's figures: it starts after them."""
    s, e, t = anchor
    inside = [f for f in stream.figs_in(s, e - 1) if f.pos > s and not f.blank]
    if inside and all(f.group is not None for f in inside) and inside[-1].group != _group_at(stream, e):
        return inside[-1].pos, e, t
    return anchor


def _garbled_row(stream: Stream, before: list[Fig], end: int | None, label: str) -> list[Fig] | None:
    """Seven figures after the previous row's, behind text sharing a good part of the row's label."""
    if end is None or not before:
        return None
    figs = [f for f in stream.figs_in(before[-1].pos, end) if not f.blank]
    if len(figs) != 7 or not all(f.text.isdigit() for f in figs) or len({f.group for f in figs}) != 1:
        return None
    printed, official = label_key("".join(stream.shown[before[-1].pos:figs[0].pos])), label_key(label)
    m = SequenceMatcher(None, printed, official, autojunk=False).find_longest_match(0, len(printed), 0, len(official))
    return figs if m.size >= max(4, len(official) // 4) else None


def _form_order(target: str) -> int:
    """Where a target comes in the form: a row's place, or a group's first row's."""
    return T3_ROW_IDS.index(T3_GROUPS[target].rows[0][0] if target in T3_GROUPS else target)


def _t3_row_name(rid: str) -> str:
    """A row's name in messages: 「3.其他」 alone would not say which."""
    return T3_ROW_LABEL[rid] if rid != "r3_6_3" else "（六）其他处理 3.其他"


def _split_t3(rid: str, runs: list[str], cells: tuple, name: str, fixed: dict, options: dict, out: TableRead) -> None:
    try:
        cands = glued.split_t3_row(runs)
    except glued.TooHard:
        cands = None
    if cands is None:
        out.problems.append(ImportProblem(UNREADABLE, f"表三「{name}」的数字连在一起，拆分情况过多，留空", cells))
    elif not cands:
        out.problems.append(ImportProblem(
            UNREADABLE, f"表三「{name}」的数字「{' '.join(runs)}」连在一起，且没有满足「各列之和等于总计」的拆分，留空", cells))
        out.unsplit += 1
    elif len(cands) == 1:
        fixed[rid] = cands[0]
    else:
        options[rid] = cands


def _unrecognised_rows(stream: Stream, after: int, end: int, out: TableRead) -> None:
    """Figures after a row's own, behind text that is no label of the form: a row we do not know."""
    rest = [f for f in stream.figs_in(after, end) if not f.blank]
    if not rest:
        return
    text = "".join(stream.shown[after:rest[0].pos]).strip()
    figures = " ".join(f.text for f in rest[:10])
    out.problems.append(ImportProblem(UNRECOGNISED, f"表三中「{text[:30]}」一行不是官方格式的行，其数字（{figures}）未导入"))


def _sums_hold(vals: list[int], groups: tuple[int, ...]) -> bool:
    """Each group of consecutive figures ends with the sum of the others (t3: (7,), t4: (5, 5, 5))."""
    i = 0
    for n in groups:
        part = vals[i:i + n]
        if part[-1] != sum(part[:-1]):
            return False
        i += n
    return True


def _adds_up(figs: list[Fig]) -> bool:
    """Running-text figures of a t3 row whose six columns add up to 总计 (grid rows and rows with blank
    cells are not judged)."""
    if any(f.group is not None or not f.text.isdigit() for f in figs):
        return True
    return _sums_hold([int(f.text) for f in figs], (7,))


def _all_zero(figs: list[Fig] | None) -> bool:
    return figs is not None and len(figs) == 7 and all(f.text.strip() == "0" for f in figs)


def _seven_zeros_run_together(figs: list[Fig]) -> bool:
    """A figure has no leading zero, so seven 0 digits run together are seven figures of 0."""
    solid = [f for f in figs if not f.blank]
    return bool(solid) and all(set(f.text) == {"0"} for f in solid) and sum(len(f.text) for f in solid) == 7


def _plausible(figs: list[Fig], groups: tuple[int, ...]) -> bool:
    """Figures taken by position must not be scattered among label text unless their totals agree:
    a report's own arithmetic error is kept, a reading that mixed rows up is not."""
    if any(f.group is not None for f in figs) or figs[-1].pos == figs[0].pos:
        return True
    if any(f.blank for f in figs):  # a row of table 三 placed by its columns (the template's two-line rows)
        return groups == (7,) and _holds_as_placed([None if f.blank else f for f in figs])
    vals = _counts(figs)
    return vals is not None and _sums_hold(vals, groups)


def _place_by_columns(rows: dict, raw: dict, anchors: list[Anchor], out: TableRead,
                      header: list[float] | None = None) -> None:
    """pdftotext -layout keeps each figure under its column, so a row with empty cells can be placed:
    the nearest complete rows that add up (_nearest_rows) give the seven column centres;
    a short row's figures go to the nearest centres when each is clearly closer to one column than to
    any other.  A table with fewer than three complete rows (most figures 0, printed empty or 「/」) is placed
    by its header's columns instead (header: _header_columns) when every figure of the table stands under
    one of them, and a row so placed must add up.  The clerk is told which rows."""
    # (rows that add up: a row OCR misread, 「4. 0 0 0 0 0 6」 for 「6 0 0 0 0 0 6」, has its figures out of place too)
    full = [f for f in rows.values() if _complete_in_columns(f)]
    by_header = len(full) < 3
    if by_header and not (header and _header_fits(header, full, [f for fs in raw.values() for f in fs])):
        return
    spans = {t: (s, e) for s, e, t in anchors}
    placed = []
    for t, figs in raw.items():
        solid = [f for f in figs if not f.blank]
        if t in rows or not 0 < len(solid) < 7 or len(solid) != len(figs):
            continue
        if any(f.col is None for f in solid) or not _one_row_of_columns(solid, spans.get(t)):
            continue
        slots = _slots_by_header(header, solid) if by_header and header else _slots_by_rows(full, solid)
        if slots is None:
            continue
        if (by_header or _lone_figure_below(solid)) and not _holds_as_placed(slots):
            continue  # a figure's column told by its position alone: its row must add up as well
        rows[t] = [f if f is not None else Fig(solid[0].pos, BLANK) for f in slots]
        placed.append(t)
    if placed:
        names = "」「".join(_t3_name(t) for t in placed)
        by = "表头各列" if by_header else "各列"
        out.problems.append(ImportProblem(NOTE, f"表三「{names}」有空白单元格，已按{by}的位置对应，空白处留空，请核对",
                                          tuple(c for t in placed for c in t3_row_cells(t))))


def _slots_by_rows(full: list[list[Fig]], solid: list[Fig]) -> list[Fig | None] | None:
    """A short row's figures in the seven columns of the nearest complete rows, or None."""
    near = _nearest_rows(full, solid[0])
    if not all(_spaced(f) for f in near):
        return None  # figures one space apart (pdftotext -raw, web text): their positions mean nothing
    centres = []
    for j in range(7):
        xs = sorted(f[j].col for f in near)
        if xs[-1] - xs[0] > 4:  # the columns wander: not a layout print
            return None
        centres.append(xs[len(xs) // 2])
    gap = min(b - a for a, b in zip(centres, centres[1:]))
    if gap < 2:
        return None
    slots: list[Fig | None] = [None] * 7
    for f in sorted(solid, key=lambda f: f.col or 0.0):
        d = sorted((abs(f.col - c), j) for j, c in enumerate(centres))
        if d[0][0] > gap * 0.35 or slots[d[0][1]] is not None:
            return None
        slots[d[0][1]] = f
    return slots


def _slots_by_header(centres: list[float], solid: list[Fig]) -> list[Fig | None] | None:
    """A short row's figures in the header's columns (one figure a column), or None."""
    gap = min(b - a for a, b in zip(centres, centres[1:]))
    slots: list[Fig | None] = [None] * len(centres)
    for f in solid:
        j = _nearest_column(centres, gap, f)
        if j is None or slots[j] is not None:
            return None
        slots[j] = f
    return slots


def _complete_in_columns(figs: list[Fig]) -> bool:
    """Seven figures laid out in columns that add up: on one line, or on two lines of the template's tall row
    taken in their columns' order (each column clearly right of the one before)."""
    if len(figs) != 7 or any(f.col is None for f in figs) or not _counts_add_up(figs):
        return False
    lines = {f.line for f in figs}
    return len(lines) == 1 or (len(lines) == 2 and _column_order(figs) == figs)


def _nearest_rows(full: list, fig: Fig) -> list:
    """The four complete rows nearest the figure's line, of its own page when it has three or more (a scan's
    columns move from page to page; a printed page's stay, and a check of the centres refuses rows that do not
    agree)."""
    same_page = [f for f in full if f[0].page == fig.page]
    line = fig.line or 0
    return sorted(same_page if len(same_page) >= 3 else full, key=lambda f: abs(f[0].line - line))[:4]


def _one_row_of_columns(figs: list[Fig], span: tuple[int, int] | None) -> bool:
    """A row's figures laid out in columns: on one line, or on two lines of a tall row (总计 at the top of its
    cell beside the label, the rest in the middle) whose columns read alike: each line's figures spaced apart,
    the first line the label's, the second right under it or with the label going on after it (a label of
    many lines, the figures in its middle).  A figure alone on its line is placed in columns too
    (ingest/readers/layout.py)."""
    lines = sorted({f.line for f in figs if f.line is not None})
    if len(lines) == 1:
        return _spaced(figs)
    if len(lines) != 2 or span is None:
        return False
    first, second = ([f for f in figs if f.line == ln] for ln in lines)
    if lines[1] - lines[0] > 2 and not second[-1].pos < span[1]:
        return False
    return (_spaced(first) and _spaced(second) and span[0] < first[0].pos <= span[1]
            and len({f.col for f in figs}) == len(figs))


def _lone_figure_below(figs: list[Fig]) -> bool:
    """A row on two lines whose second line holds one figure alone."""
    lines = sorted({f.line or 0 for f in figs})
    return len(lines) == 2 and sum((f.line or 0) == lines[1] for f in figs) == 1


def _adds_up_as_placed(slots: list[Fig | None]) -> bool:
    """A row placed by its columns whose 总计 is printed and its printed parts add up to it, an empty cell and
    a 「/」 counting as 0."""
    vals = [0 if f is None else _count(f) for f in slots]
    counts = [v for v in vals if v is not None]
    return slots[-1] is not None and len(counts) == len(slots) and sum(counts[:-1]) == counts[-1]


def _column_order(figs: list[Fig]) -> list[Fig] | None:
    """A row's seven counts printed on two lines or more, in the order of their columns (each clearly apart
    from the next); None for any other row."""
    cols = [f.col for f in figs if f.col is not None]
    if len(figs) != 7 or len(cols) != 7 or len({f.line for f in figs}) < 2 or _counts(figs) is None:
        return None
    order = sorted(range(7), key=lambda i: cols[i])
    apart = all(cols[b] - cols[a] >= 2 for a, b in zip(order, order[1:]))
    return [figs[i] for i in order] if apart else None


def _counts_add_up(figs: list[Fig]) -> bool:
    """Seven printed counts whose first six add up to the seventh (总计), a 「/」 counting as 0."""
    vals = _counts(figs)
    return vals is not None and _sums_hold(vals, (7,))


def _counts(figs: list[Fig]) -> list[int] | None:
    """The figures as printed counts (「/」 as 0), or None when one is not a count."""
    vals = [_count(f) for f in figs]
    return [v for v in vals if v is not None] if None not in vals else None


def _count(fig: Fig) -> int | None:
    """A printed count, 「/」 as 0; None for anything else (an empty cell, a decimal, text)."""
    if fig.blank:
        return None
    try:
        v = parse_value(fig.text)
    except BadValue:
        return None
    return 0 if v == NA else v if isinstance(v, int) else None


def _header_columns(stream: Stream, start: int, end: int, labels: tuple[str, ...]) -> list[float] | None:
    """The centres of a table's columns as its header prints them: the header words between start and end
    that are part of a column's heading (「商业企」 of a wrapped 「商业企业」, 「他」 of a narrow column's 「其」
    over 「他」), grouped by where they stand, one group a column, left to right in the form's order.  None
    unless every column is found so and no group holds a word of another's heading."""
    if stream.read_by_ocr:
        return None  # a scan's columns move from page to page
    keys = [label_key(lab) for lab in labels]
    words = sorted((centre, stream.key[s:e]) for s, e, _, _, centre in stream.words_placed
                   if start <= s and e <= end and any(stream.key[s:e] in k for k in keys))
    groups: list[list[tuple[float, str]]] = []
    for w in words:
        if groups and w[0] - groups[-1][-1][0] <= 2:  # (two columns: a third of a character each)
            groups[-1].append(w)
        else:
            groups.append([w])
    if len(groups) != len(keys) or not all(word in k for g, k in zip(groups, keys) for _, word in g):
        return None
    centres = [sum(c for c, _ in g) / len(g) for g in groups]
    return centres if min(b - a for a, b in zip(centres, centres[1:])) >= 2 else None


def _seen_centre(fig: Fig) -> float:
    """A figure's centre as the eye sees it, in the columns header words are placed in (Stream.words_placed):
    Fig.col counts a digit one column, it is about one and a half wide."""
    return (fig.col or 0.0) + len(fig.text) / 4


def _header_fits(centres: list[float], full: list[list[Fig]], figs: list[Fig]) -> bool:
    """The header's columns are where the figures stand: each figure clearly nearest one column (centred in
    its cell, as the header words are), and a complete row's figures each in their own."""
    gap = min(b - a for a, b in zip(centres, centres[1:]))
    return (all(_nearest_column(centres, gap, f) is not None for f in figs if not f.blank)
            and all(_nearest_column(centres, gap, f) == j for row in full for j, f in enumerate(row)))


def _nearest_column(centres: list[float], gap: float, fig: Fig) -> int | None:
    """The column a figure stands in: the nearest centre when it is within a third of a column of it."""
    if fig.col is None:
        return None
    d, j = min((abs(_seen_centre(fig) - c), j) for j, c in enumerate(centres))
    return j if d <= gap * 0.35 else None


def _figures_above_their_label(anchors: list[Anchor], raw: dict[str, list[Fig]], out: TableRead) -> None:
    """A tall row whose figures stand at the top of their cells and whose label is centred prints its figures
    on a line of their own above the label, so they follow the row before's.  A row's second line of figures
    goes to the next row when that row has none and each line, laid out in columns, adds up to its own 总计
    (empty cells aside)."""
    moved = []
    order = [t for _, _, t in anchors]
    for t, nxt in zip(order, order[1:]):
        figs = raw.get(t) or []
        if raw.get(nxt) or any(f.col is None or f.line is None for f in figs):
            continue
        lines = sorted({f.line for f in figs if f.line is not None})
        if len(lines) != 2:
            continue
        first, second = ([f for f in figs if f.line == ln] for ln in lines)
        if _row_of_its_own(first) and _row_of_its_own(second):
            raw[t], raw[nxt] = first, second
            moved.append(nxt)
    if moved:
        out.problems.append(ImportProblem(
            NOTE, f"表三{_rows_named(moved)}的数字印在标签上方、紧接上一行之后，已按行对应（各行合计相符），请核对",
            tuple(c for r in moved for c in t3_row_cells(r))))


def _row_of_its_own(figs: list[Fig]) -> bool:
    """Counts laid out in columns, the last (总计) the sum of the others: one row's figures, empty cells aside."""
    vals = _counts(figs)
    return len(figs) >= 2 and vals is not None and vals[-1] == sum(vals[:-1]) and _spaced(figs)


def _spaced(figs: list[Fig]) -> bool:
    """Figures laid out in columns: at least two spaces between neighbours on the line (figures with a column:
    the caller has checked)."""
    return all(a.col is not None and b.col is not None and (b.col - len(b.text) / 2) - (a.col + len(a.text) / 2) >= 2
               for a, b in zip(figs, figs[1:]))


def _relocate_overflow(rows: dict, raw: dict, out: TableRead) -> None:
    """PDF-to-text tools sometimes print a few rows' figures right after an earlier row and those rows'
    labels elsewhere: a row with 7·k figures followed (in the form's order) by k−1 rows that have none.
    Taken when every 7-group adds up to its 总计; the clerk is told which rows."""
    moved = []
    before_rows, before_raw = dict(rows), dict(raw)
    for i, rid in enumerate(T3_ROW_IDS):
        figs = raw.get(rid)
        if not figs or rid in rows:
            continue
        solid = [f for f in figs if not f.blank]
        if len(solid) < 14 or len(solid) % 7 or len(solid) != len(figs):
            continue
        k = len(solid) // 7
        nxt = list(T3_ROW_IDS[i + 1:i + k])
        if len(nxt) != k - 1 or any(raw.get(r) for r in nxt) or any(r in rows for r in nxt):
            continue
        parts = [solid[j * 7:(j + 1) * 7] for j in range(k)]
        if not all(_counts_add_up(p) for p in parts):
            continue
        for r, p in zip([rid] + nxt, parts):
            rows[r] = p
            raw[r] = p
        moved.extend(nxt)
    if moved:
        if not _whole_table_holds(rows):
            rows.clear()  # unproven: leave those rows to be reported
            rows.update(before_rows)
            raw.clear()
            raw.update(before_raw)
            return
        names = "」「".join(T3_ROW_LABEL[r] for r in moved)
        out.problems.append(ImportProblem(NOTE, f"表三「{names}」的数字印在上一行之后、标签印在别处（PDF 转文字常见），"
                                                "已按表格顺序对应（各行合计相符），请核对",
                                          tuple(c for r in moved for c in t3_row_cells(r))))


def _figures_in_blocks(stream: Stream, anchors: list[Anchor], rows: dict[str, list[Fig]], raw: dict[str, list[Fig]], start: int, end: int,
                       out: TableRead) -> set[str]:
    """PDF-to-text tools without layout print the rows in the form's order but some runs of rows column by
    column, and labels apart from their figures (all labels first, or some after the figures).  When every
    figure of the table is a plain count and there are exactly seven per row, the blocks are decoded
    (ingest/blocks.py): a reading is taken when every row adds up to its 总计 and the table's identities hold
    (LEAF_SUM, BALANCE); a cell on which the readings differ is left blank and named.  Returns the rows
    decoded."""
    targets = _block_targets(stream, anchors, start, end)
    if not targets or all(t in rows for t in targets):
        return set()
    figs = _block_figures(stream, anchors, start, end, 7 * len(targets))
    if figs is None:
        return set()
    tables = _block_readings(stream, targets, figs, start, end)
    if not tables:
        return set()
    _take_readings(targets, tables, figs, rows, raw, out)
    return set(targets)


def _block_readings(stream: Stream, targets: list[str], figs: list[Fig], start: int, end: int) -> list:
    """The tables the figures read as under every identity; past the search's budget, the two whole-table
    orders (all rows in turn, or all column by column) that the identities single out."""
    vals = [int(f.text) for f in figs]

    def row_ok(_i: int, row: tuple) -> bool:
        return row[6] == sum(row[:6])

    def table_ok(t: Table) -> bool:
        return _identities_hold(dict(zip(targets, t)))

    guards = _labels_before_figures(stream, targets, figs, start, end)
    try:
        return blocks.readings(vals, len(targets), 7, row_ok, table_ok, guards, _leaves_within_total(targets))
    except blocks.TooHard:
        return blocks.whole_table_readings(vals, len(targets), 7, row_ok, table_ok)


def _take_readings(targets: list[str], tables: list, figs: list[Fig], rows: dict, raw: dict, out: TableRead) -> None:
    """The cells every reading agrees on into the rows; the others blank, named with their candidates."""
    pos = figs[-1].pos
    open_cells: list[str] = []
    for i, t in enumerate(targets):
        seen = {tab[i] for tab in tables}
        rows[t] = raw[t] = [Fig(pos, str(next(iter(seen))[j]) if len({r[j] for r in seen}) == 1 else BLANK)
                            for j in range(7)]
        open_cells += [c for j, c in enumerate(_target_cells(t)) if rows[t][j].blank]
    out.end = max(out.end, pos)
    columns = blocks.column_blocks([int(f.text) for f in figs], tables[0], 7) if len(tables) == 1 else []
    how = "、".join(f"「{_t3_name(targets[i])}」起 {k} 行" for i, k in columns)
    out.problems.append(ImportProblem(NOTE, "表三的数字与各行标签分开印出" + (f"，{how}逐列印出" if how else "")
                                      + "（PDF 转文字常见），已按表格的行列顺序对应，各行合计与勾稽关系核对无误，请再核对一次"))
    if open_cells:
        index = {t: i for i, t in enumerate(targets)}
        cands = []
        for tab in tables:
            d = {c: tab[index[_cell_target(c, targets)]][T3_COL_IDS.index(c.rsplit(".", 1)[1])] for c in open_cells}
            if d not in cands:
                cands.append(d)
        out.problems.append(ImportProblem(AMBIGUOUS, f"表三的数字分块印出，有 {len(cands)} 种对应都符合勾稽关系，"
                                                     "这些单元格无法确定，留空", tuple(open_cells), cands))


def _leaves_within_total(targets: list[str]) -> Callable[[int, Table], bool]:
    """For the block search: rows read so far (the table's end) whose result rows add up to more than
    （七）总计 in some column cannot lead to LEAF_SUM (no count is negative)."""
    i7 = targets.index("r3_7")
    leaves = [j for j, t in enumerate(targets) if t in T3_LEAF_ROWS or t in T3_GROUPS]

    def ok(i: int, rows: Table) -> bool:
        if i > i7:
            return True
        total = rows[i7 - i]
        return all(sum(rows[j - i][c] for j in leaves if j >= i) <= total[c] for c in range(7))
    return ok


def _target_cells(target: str) -> tuple[str, ...]:
    """The seven cells a target's figures go to (a group printed as one row: its first row's, for naming)."""
    return t3_row_cells(T3_GROUPS[target].rows[-1][0] if target in T3_GROUPS else target)


def _cell_target(cell: str, targets: list[str]) -> str:
    rid = cell.split(".")[1]
    return rid if rid in targets else next(g for g in targets if g in T3_GROUPS and rid.startswith(g + "_"))


def _block_targets(stream: Stream, anchors: list[Anchor], start: int, end: int) -> list[str] | None:
    """The rows of the table in the form's order, a group printed as one row (its label found, none of its
    rows') standing for its rows; None when fewer than half of the labels are found anywhere."""
    key = stream.key
    found = {t for _, _, t in anchors} | {r for r in T3_ROW_IDS if label_key(T3_ROW_LABEL[r]) in key[start:end]}
    out: list[str] = []
    for rid in T3_ROW_IDS:
        gid = next((g for g, grp in T3_GROUPS.items() if any(r == rid for r, _ in grp.rows)), None)
        grp = T3_GROUPS.get(gid) if gid else None
        if gid and grp and not any(r in found for r, _ in grp.rows) and (
                gid in found or label_key(grp.label) in key[start:end]):
            if gid not in out:
                out.append(gid)
            continue
        out.append(rid)
    if len(found & set(out)) * 2 < len(out):
        return None
    return out


def _block_figures(stream: Stream, anchors: list[Anchor], start: int, end: int, n: int) -> list[Fig] | None:
    """The table's figures (from its heading, else from its first label), when they are n plain counts."""
    for lo in (start, anchors[0][0] if anchors else start):
        figs = [f for f in stream.figs_in(lo, end) if not f.blank]
        if len(figs) == n and all(f.text.isdigit() for f in figs):
            return figs
    return None


def _labels_before_figures(stream: Stream, targets: list[str], figs: list[Fig], start: int,
                           end: int) -> list[tuple[int, int]]:
    """(figure index, row index): a row label printed right before a figure, after some figures of the
    table (a label before all the figures is one of a list of labels printed first), starts the block that
    holds its row."""
    at = {id(f): i for i, f in enumerate(figs)}
    out = []
    for t in targets:
        lab = label_key(T3_GROUPS[t].label if t in T3_GROUPS else T3_ROW_LABEL[t])
        p = stream.key.find(lab, start, end)
        while p >= 0:
            f = stream.first_fig_from(p + len(lab))
            if f is not None and f.pos == p + len(lab) and id(f) in at and at[id(f)] > 0 \
                    and figs[at[id(f)] - 1].pos < p:
                out.append((at[id(f)], targets.index(t)))
            p = stream.key.find(lab, p + 1, end)
    return out


def _whole_table_holds(rows: dict[str, list[Fig]]) -> bool:
    """Every row of table 三 read as plain counts (「/」 as 0), and the whole table passes every identity."""
    counts = {r: _counts(rows[r]) for r in T3_ROW_IDS if r in rows}
    table = {r: tuple(vals) for r, vals in counts.items() if vals is not None}
    return len(table) == len(T3_ROW_IDS) and _identities_hold(table)


def _identities_hold(table: dict) -> bool:
    for vals in table.values():
        if vals[6] != sum(vals[:6]):
            return False
    leaves = [r for r in T3_LEAF_ROWS if r in table] + [g for g in T3_GROUPS if g in table]
    for c in range(7):
        if table["r3_7"][c] != sum(table[r][c] for r in leaves):
            return False
        if table["r1"][c] + table["r2"][c] != table["r3_7"][c] + table["r4"][c]:
            return False
    return True


def _settle_glued(fixed: dict[str, tuple], options: dict[str, list[tuple]], out: TableRead) -> None:
    """Glued rows: unique splits are taken; the others are solved with the whole table."""
    known: dict[str, tuple] = {}
    for rid in T3_ROW_IDS:
        vals = [out.cells.get(c) for c in t3_row_cells(rid)]
        if all(isinstance(v, int) for v in vals):
            known[rid] = tuple(vals)
    known.update(fixed)
    sols = glued.solve_t3(known, options, T3_LEAF_ROWS, "r3_7", ("r1", "r2"), "r4") if options else []
    for rid, split in fixed.items():
        for c, v in zip(t3_row_cells(rid), split):
            out.cells[c] = v
    for rid, cands in options.items():
        pool = cands if not sols else sorted({s[rid] for s in sols})
        _take_agreed(t3_row_cells(rid), pool, out, f"表三「{T3_ROW_LABEL[rid]}」的数字连在一起")


def _take_agreed(cells: tuple[str, ...], pool: list[tuple], out: TableRead, what: str) -> None:
    """Take the cells on which every candidate agrees; report the others with their candidates."""
    open_cells = []
    for i, cid in enumerate(cells):
        vals = {p[i] for p in pool}
        if len(vals) == 1:
            out.cells[cid] = pool[0][i]
        else:
            open_cells.append(i)
    if open_cells:
        sub = tuple(cells[i] for i in open_cells)
        cands = []
        for p in pool:
            d = {cells[i]: p[i] for i in open_cells}
            if d not in cands:
                cands.append(d)
        out.problems.append(ImportProblem(AMBIGUOUS, f"{what}，有 {len(cands)} 种拆分都成立，无法确定，留空", sub, cands))


# ---------------------------------------------------------------- t2

_T2_ALIASES = {"normative": ("规范性文件",)}
_T2_STOPS = tuple(label_key(x) for x in ("其他对外管理服务事项", "政府集中采购"))  # 2019 rows with no 2021 cell
_T2_DECISION_ROWS = ("license", "penalty", "coercion")
_T2_OLD_MARKS = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "政府集中采购", "第二十条第(九)项")


def read_t2(stream: Stream, start: int = 0, end: int | None = None, glued_source: bool = False) -> TableRead:
    """glued_source: the other tables of this source were printed with figures run together."""
    out = TableRead()
    end = len(stream.key) if end is None else end
    region = stream.key[start:end]
    old = [m for m in _T2_OLD_MARKS if label_key(m) in region]  # words only the 2019 form prints
    rows = [(b, rid, lab) for b in T2_BLOCKS for rid, lab in b.rows]
    hits = _t2_hits(stream, rows, start, end, bool(old), out)
    if old:
        cells = tuple(c for c in CELLS if c.startswith("t2.rules") or c.startswith("t2.normative"))
        msg = f"表二使用2019年试行格式（出现「{'」「'.join(old)}」），「规章」「行政规范性文件」的列与现行格式不同，留空"
        out.notes.append(("S.OLD_FORMAT", cells, msg))
        out.problems.append(ImportProblem(OLD_FORMAT, msg, cells))
    found = [(h, i) for i, h in enumerate(hits) if h]
    out.found_rows = len(found)
    glued_rows = _t2_read_rows(stream, rows, found, start, end, bool(old), out)
    _settle_glued_t2(glued_rows, out, glued_source)
    if not old and not hits[0] and hits[1] and _t2_unlabelled_rules(stream, start, hits[1], out):
        hits[0] = hits[1]
    for hit, (block, rid, lab) in zip(hits, rows):
        if not hit:
            cells = tuple(t2(rid, c) for c in block.cols)
            out.problems.append(ImportProblem(MISSING, f"表二未找到「{lab}」这一行，留空", cells))
    return out


# the header's last column as pages print it (「现行有效件」 cut short, 「(历史累计)」 added)
_T2_LAST_HEADER = {label_key(h) for h in ("现行有效件数", "现行有效件", "现行有效件数（历史累计）", "现行有效件数（累计）")}


def _t2_unlabelled_rules(stream: Stream, start: int, normative: Hit, out: TableRead) -> bool:
    """「规章」 printed with its label cell empty: three figures right under the header's 「现行有效件数」 and
    right before 「行政规范性文件」, with no word between them, are the form's first row.  Taken with a note;
    anything else (more or fewer figures, a blank, words after them) leaves the row blank."""
    cols = T2_BLOCKS[0].cols
    head = stream.key.rfind(label_key("现行有效"), start, normative[0])
    if head < 0 or stream.key[head:normative[0]] not in _T2_LAST_HEADER:
        return False  # words between the header and the figures: a row of its own, not 规章's
    # the header row's merged places and the row's empty label cell are blanks around the figures
    figs = stream.figs_in(head, normative[0])
    while figs and figs[0].blank:
        figs = figs[1:]
    while figs and figs[-1].blank:  # a lone 「|」 that starts the next row
        figs = figs[:-1]
    if len(figs) != len(cols) or any(f.blank for f in figs) or {f.pos for f in figs} != {normative[0]}:
        return False
    cells = tuple(t2("rules", c) for c in cols)
    for cid, f in zip(cells, figs):
        _parse(cid, f, out)
    out.problems.append(ImportProblem(NOTE, "表二第一行没有印出标签「规章」，其三个数字按表格顺序对应为「规章」，请核对", cells))
    return True


def _t2_hits(stream: Stream, rows: list, start: int, end: int, old: bool, out: TableRead) -> list:
    """Each row's label in the form's order (or its alias, noted as a label slip); None when not found."""
    hits: list = []
    cur = start
    for block, rid, lab in rows:
        hit = _t2_find(stream, label_key(lab), cur, end, len(block.cols))
        if hit is None:
            for alias in _T2_ALIASES.get(rid, ()):
                hit = _t2_find(stream, label_key(alias), cur, end, len(block.cols))
                if hit:
                    if not old:
                        out.notes.append(("S.LABELS", tuple(t2(rid, c) for c in block.cols),
                                          f"表格标签「{alias}」与官方格式「{lab}」不一致"))
                    break
        if hit is None:
            hit = _t2_find_misspelt(stream, lab, tuple(t2(rid, c) for c in block.cols), cur, end, out)
        hits.append(hit)
        if hit:
            cur = hit[1]
    return hits


def _t2_find_misspelt(stream: Stream, lab: str, cells: tuple[str, ...], start: int, end: int,
                      out: TableRead) -> Hit | None:
    """A long label printed with one character wrong (「行政事业型收费」), its figures right after it: the row
    is the form's, read with a label note.  Four-character labels (「行政许可」) are not matched loosely: one
    slip there is a quarter of the word, and another row's label is only two away."""
    key = label_key(lab)
    if len(key) < 6:
        return None
    hit = find_fuzzy(stream.key, key, start, end, 1)
    if hit is None:
        return None
    nxt = stream.first_fig_from(hit[1])
    if nxt is None or nxt.pos - hit[1] > 2:
        return None
    printed = stream.key[hit[0]:hit[1]]
    out.notes.append(("S.LABELS", cells, f"表格标签「{printed}」与官方格式「{lab}」不一致"))
    return hit


def _t2_read_rows(stream: Stream, rows: list, found: list, start: int, end: int, old: bool, out: TableRead) -> list:
    """The figures of each row found, into its cells; the rows with fewer digit runs than cells are
    returned, to be decided once the whole table is seen."""
    stops = sorted(p for k in _T2_STOPS for p in _all_positions(stream.key, k, start, end))
    used_to = start  # key position of the last figure taken so far
    glued_rows: list = []
    for n, (hit, i) in enumerate(found):
        block, rid, lab = rows[i]
        cells = tuple(t2(rid, c) for c in block.cols)
        nxt = found[n + 1][0][0] if n + 1 < len(found) else end
        nxt = min([nxt] + [p for p in stops if p >= hit[1]])
        figs = _figs_between(stream, hit[0], nxt, hit[1]) or _t2_figures_before(stream, hit, used_to, lab, cells, out)
        if figs:
            out.end = max(out.end, figs[-1].pos)
            used_to = max(used_to, figs[-1].pos)
        glued_row = _t2_take_row(stream, hit, figs, rid, lab, cells, old, out)
        if glued_row:
            glued_rows.append(glued_row)
    return glued_rows


def _t2_figures_before(stream: Stream, hit: Hit, used_to: int, lab: str, cells: tuple[str, ...], out: TableRead) -> list[Fig]:
    """A row's figures printed just before its label (PDF-to-text reading order), after the block header."""
    orphans = stream.figs_in(used_to, hit[0])
    if len(orphans) == len(cells) and orphans[0].pos == orphans[-1].pos and orphans[0].pos > used_to:
        out.problems.append(ImportProblem(NOTE, f"表二「{lab}」的数字印在标签之前（PDF 转文字常见），已对应，请核对", cells))
        return orphans
    return []


def _t2_take_row(stream: Stream, hit: Hit, figs: list[Fig], rid: str, lab: str, cells: tuple[str, ...], old: bool,
                 out: TableRead) -> tuple | None:
    """One row's figures into its cells, or the problem why not; (cells, runs, candidates, label) for a row
    whose figures may be run together."""
    if old and rid in ("rules", "normative"):
        return None
    solid = [f for f in figs if not f.blank]
    if old and rid in _T2_DECISION_ROWS and len(solid) == 3:
        # 2019 form: 上一年项目数量 | 本年增/减 | 处理决定数量 — the last is the 2021 form's figure
        _parse(cells[0], solid[2], out)
        return None
    if old and rid == "fees" and not _fees_under_amount_header(stream, hit):
        # whatever the 2019 row prints (「0 | 未增未减」 gives one figure), none of it is an amount
        out.problems.append(ImportProblem(OLD_FORMAT, "表二「行政事业性收费」是2019年试行格式（上一年项目数量、本年增/减），"
                                                      "没有「本年收费金额」，留空", cells))
        return None
    chosen = _choose(figs, len(cells), _group_at(stream, hit[1]))
    if chosen is not None:
        for cid, f in zip(cells, chosen):
            _parse(cid, f, out)
        _name_blank_cells(out, "表二", [cid for cid, f in zip(cells, chosen) if f.blank])
        return None
    if rid in _T2_DECISION_ROWS and len(solid) >= 3 and _zeros_side_by_side(figs):
        # the 2019 form's three columns kept under the 2021 header (「行政处罚 | 0 | 0 | 0」): whichever of
        # them is the count, it is 0 (two zeros and an empty cell leave the count unknown)
        _parse(cells[0], solid[0], out)
        out.problems.append(ImportProblem(NOTE, f"表二「{lab}」印出 {len(solid)} 个数字，应为 1 个；均为 0，记为 0，请核对",
                                          cells))
        return None
    runs = _runs_of(figs, len(cells))
    if runs and len(runs) < len(cells) and not _too_long(runs):
        try:
            cands = glued.split_plain(runs, len(cells))
        except glued.TooHard:
            cands = []
        if cands:
            return cells, runs, cands, lab
    if old and len(figs) > len(cells):
        out.problems.append(ImportProblem(OLD_FORMAT, f"表二「{lab}」的列与现行格式不同，留空", cells))
        return None
    shown = " ".join(f.text or "（空）" for f in figs[:8])
    out.problems.append(ImportProblem(
        UNREADABLE, f"表二「{lab}」找到 {len(figs)} 个数字（{shown or '无'}），应为 {len(cells)} 个，留空", cells))
    return None


def _zeros_side_by_side(figs: list[Fig]) -> bool:
    """Figures all printed 「0」 in cells of a table (running text, as a PDF's, may hold another row's figures
    after a label), no empty cell between them (the row's empty cells after them are its end)."""
    if any(f.group is None for f in figs):
        return False
    printed = "".join("_" if f.blank else "0" if f.text == "0" else "x" for f in figs).strip("_")
    return bool(printed) and set(printed) == {"0"}


def _fees_under_amount_header(stream: Stream, hit: Hit) -> bool:
    """A page may print 第二十条第(一)项 in the 2019 form and 第(八)项 in the 2021 form: the fee row's own
    header, the nearer of 「本年收费金额」 and the 2019 「上一年项目数量」 before it, says which."""
    amount = stream.key.rfind(label_key("本年收费金额"), 0, hit[0])
    return amount > stream.key.rfind(label_key("上一年项目数量"), 0, hit[0])


def _must_be_glued(runs: list[str]) -> bool:
    """A run such as 「003」 cannot be one figure: the digits were printed with no separator."""
    return any(len(r) > 1 and r[0] == "0" for r in runs)


def _settle_glued_t2(glued_rows: list, out: TableRead, glued_source: bool) -> None:
    """Table 二 has no identity to check a split against.  A row printed as 「411」 under three columns may
    be 4, 1, 1 run together or 411 with two empty cells: a split is only taken when the source shows that
    its figures were run together (a run with a leading zero, which no figure has, or rows of tables 三
    and 四 that only read under their identities)."""
    evidence = glued_source or any(_must_be_glued(runs) for _, runs, _, _ in glued_rows)
    for cells, runs, cands, lab in glued_rows:
        what = f"表二「{lab}」的数字「{''.join(runs)}」连在一起"
        if evidence or _must_be_glued(runs):
            if len(cands) == 1:
                for cid, v in zip(cells, cands[0]):
                    out.cells[cid] = v
            else:
                _take_agreed(cells, cands, out, what)
            continue
        out.problems.append(ImportProblem(
            AMBIGUOUS, f"表二「{lab}」只有 {len(runs)} 个数字（{' '.join(runs)}），应为 {len(cells)} 个：可能是连在一起的数字，"
                       f"也可能有空白单元格，无法确定，留空", cells, [dict(zip(cells, c)) for c in cands]))


def _all_positions(key: str, k: str, start: int, end: int) -> list[int]:
    out: list[int] = []
    p = key.find(k, start, end)
    while p >= 0 and len(out) < 50:
        out.append(p)
        p = key.find(k, p + 1, end)
    return out


def _t2_find(stream: Stream, k: str, start: int, end: int, n: int = 1) -> Hit | None:
    """The occurrence of a t2 label that its figures follow: first one followed by exactly n figures,
    else the first followed closely by any figure, else the first (a mention in prose is skipped)."""
    first: Hit | None = None
    close: Hit | None = None
    pos = start
    for _ in range(50):
        p = stream.key.find(k, pos, end)
        if p < 0:
            break
        hit = (p, p + len(k), 0)
        first = first or hit
        nxt = stream.first_fig_from(p + len(k))
        if nxt is not None and nxt.pos - (p + len(k)) <= 2:
            close = close or hit
            figs = _figs_between(stream, p, end, p + len(k))
            if len([f for f in figs[:n + 1] if f.pos - figs[0].pos <= 2]) == n:
                return hit
        pos = p + 1
    return close or first


# ---------------------------------------------------------------- t4


def read_t4(stream: Stream, start: int = 0, end: int | None = None, glued_source: bool = False) -> TableRead:
    """glued_source: table 三 of this source was printed with figures run together."""
    out = TableRead()
    end = len(stream.key) if end is None else end
    cells = tuple(t4(g, c) for g, _ in T4_GROUPS for c, _ in T4_COLS)
    figs = _t4_figures(stream, start, end)
    if not figs:
        out.problems.append(ImportProblem(MISSING, "表四（行政复议、行政诉讼）未找到数字，留空", cells))
        return out
    out.found_rows = 1
    chosen = _t4_row(figs, cells, out)
    placed = _t4_by_header(stream, start, figs) if chosen is None else None
    if placed is not None:
        out.problems.append(ImportProblem(NOTE, "表四有空白单元格，已按表头各列的位置对应（各组印出的数字与总计相符），请核对",
                                          tuple(c for c, f in zip(cells, placed) if not f.blank)))
        _take_t4(cells, placed, out)
    elif chosen is not None and not _plausible(chosen, (5, 5, 5)):
        out.problems.append(ImportProblem(UNREADABLE, "表四的数字与表头文字交错，且各项之和与总计不符，可能错位，留空", cells))
    elif chosen is not None:
        _take_t4(cells, chosen, out)
    else:
        _t4_runs(figs, cells, glued_source, out)
    return out


def _holds_as_placed(slots: list[Fig | None]) -> bool:
    """A row (or a group of table 四) placed by its columns: its printed parts add up to its printed 总计, or
    every figure printed is 0 (or 「/」: a row of zeros whose 总计 is printed empty), or nothing is printed."""
    return _adds_up_as_placed(slots) or all(_count(f) == 0 for f in slots if f is not None)


def _take_t4(cells: tuple[str, ...], chosen: list[Fig], out: TableRead) -> None:
    for cid, f in zip(cells, chosen):
        _parse(cid, f, out)
    _zero_empty_t4_parts(out, [cid for cid, f in zip(cells, chosen) if f.blank])


def _t4_by_header(stream: Stream, start: int, figs: list[Fig]) -> list[Fig] | None:
    """Fewer than fifteen figures on the row's one line, laid out in columns (a PDF that prints nothing for
    0): each in the column of the header word above it (_header_columns), the fifteen cells with blanks
    where none stands; taken when each group (复议, 直接起诉, 复议后起诉) is empty or adds up to its printed
    总计, else None."""
    solid = [f for f in figs if not f.blank]
    if not 0 < len(solid) < 15 or len(solid) != len(figs) or any(f.col is None for f in solid):
        return None
    if len({f.line for f in solid}) != 1 or not _spaced(solid):
        return None
    head = stream.key.find(_T4_HEAD, start, solid[0].pos)
    labels = tuple(lab for _, lab in T4_COLS) * len(T4_GROUPS)
    centres = _header_columns(stream, head, solid[0].pos, labels) if head >= 0 else None
    if centres is None or not _header_fits(centres, [], solid):
        return None
    slots = _slots_by_header(centres, solid)
    if slots is None or not all(_holds_as_placed(slots[i:i + 5]) for i in range(0, 15, 5)):
        return None
    return [f if f is not None else Fig(solid[0].pos, BLANK) for f in slots]


def _t4_figures(stream: Stream, start: int, end: int) -> list[Fig]:
    """The figures of table 四, without those before its header (a stray number in a note above it)."""
    figs = stream.figs_in(start, end)
    p = stream.key.find(_T4_HEAD, start, end)
    if p >= 0:
        after = [f for f in figs if f.pos >= p + len(_T4_HEAD)]
        if len([f for f in after if not f.blank]) > 0:
            figs = after
    return figs


def _t4_row(figs: list[Fig], cells: tuple, out: TableRead) -> list[Fig] | None:
    """The fifteen figures, or None."""
    if not any(f.group is not None for f in figs):
        return _choose(figs, 15, None)
    groups: dict = {}
    for f in figs:
        groups.setdefault(f.group, []).append(f)
    best = max(groups.values(), key=lambda fs: sum(1 for f in fs if not f.blank))
    chosen = _choose(best, 15, best[0].group)
    if chosen is not None:
        return chosen
    # the row of figures broken over two grid rows (a page break in a one-cell-per-line copy): the
    # fifteen filled cells in order, taken only when each group adds up to its 总计
    solid = [f for f in figs if not f.blank]
    if len(solid) == 15 and all(f.text.isdigit() for f in solid) and \
            _sums_hold([int(f.text) for f in solid], (5, 5, 5)):
        out.problems.append(ImportProblem(NOTE, "表四的数字分在两段（跨页），已按顺序对应（各项之和与总计相符），请核对", cells))
        return solid
    return None


def _t4_runs(figs: list[Fig], cells: tuple, glued_source: bool, out: TableRead) -> None:
    """Fewer figures than cells: run together (split under the identities) when the source shows it."""
    runs = _runs_of(figs, 15)
    if runs and 1 < len(runs) < 15 and not (glued_source or _must_be_glued(runs)):
        out.problems.append(ImportProblem(
            UNREADABLE, f"表四只有 {len(runs)} 个数字（{' '.join(runs[:15])}），应为 15 个：可能有空白单元格，"
                        "也可能是数字连在一起，无法确定，留空", cells))
        return
    if runs and len(runs) < 15 and not _too_long(runs):
        try:
            cands = glued.split_t4(runs)
        except glued.TooHard:
            cands = None
        if cands is None:
            out.problems.append(ImportProblem(UNREADABLE, "表四的数字连在一起，拆分情况过多，留空", cells))
        elif not cands:
            out.problems.append(ImportProblem(
                UNREADABLE, f"表四的数字「{' '.join(runs)}」连在一起，且没有满足「各项之和等于总计」的拆分，留空", cells))
        else:
            out.glued = True
            _take_agreed(cells, cands, out, "表四的数字连在一起")
        return
    shown = " ".join(f.text or "（空）" for f in figs[:20])
    out.problems.append(ImportProblem(UNREADABLE, f"表四找到 {len(figs)} 个数字（{shown}），应为 15 个，留空", cells))
