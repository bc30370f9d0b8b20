"""The official form (国办公开办函〔2021〕30号) declared once, as data.

Everything that shows, writes, reads or checks a report walks these declarations: the grid in gui/,
the exporters, the importers and the rules.  Labels are verbatim from shared/spec/format.md.

Shape of the declaration:
    SECTIONS            the six parts, in order
    TABLES              t2, t3, t4, each a rectangular layout of Spans (merged cells)
    CELLS               every figure cell by id (t2, t3, t4 and the fee figures of section 六)
    FEE_FIELDS          the three 信息处理费 figures, which are not a table in the form
"""
from __future__ import annotations

from dataclasses import dataclass, field

COUNT = "count"
DECIMAL = "decimal"


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    kind: str  # "text" or "table"
    table: str | None = None


SECTIONS: tuple[Section, ...] = (
    Section("s1", "一、总体情况", "text"),
    Section("s2", "二、主动公开政府信息情况", "table", "t2"),
    Section("s3", "三、收到和处理政府信息公开申请情况", "table", "t3"),
    Section("s4", "四、政府信息公开行政复议、行政诉讼情况", "table", "t4"),
    Section("s5", "五、存在的主要问题及改进情况", "text"),
    Section("s6", "六、其他需要报告的事项", "text"),
)
# The paragraph(s) many reports print between the title and 一、 (legal basis, 统计期限, contact).  It is no
# numbered section of the form, but it is part of the published text: the statute and the year are checked
# in it, it is exported after the title, and it carries over to next year like the sections.
PREAMBLE = Section("s0", "前言", "text")
SECTION_BY_ID = {s.id: s for s in (PREAMBLE,) + SECTIONS}
TEXT_SECTIONS = (PREAMBLE.id,) + tuple(s.id for s in SECTIONS if s.kind == "text")
# how messages name a text part: 「前言」, 「第一部分」 …
TEXT_SECTION_NAME = {"s0": "前言", "s1": "第一部分", "s5": "第五部分", "s6": "第六部分"}

LEVELS = {
    "department": "县级以上人民政府部门",
    "county": "县级人民政府",
    "prefecture": "设区的市级人民政府",
    "province": "省级人民政府",
}
TITLE_SUFFIX = "年政府信息公开工作年度报告"


@dataclass(frozen=True)
class CellDef:
    """One figure of the report."""

    id: str
    kind: str  # COUNT or DECIMAL
    table: str  # "t2", "t3", "t4" or "fee"
    row: str  # row (or group) id inside the table
    col: str  # column id inside the row
    row_label: str
    col_label: str
    unit: str = "件"

    @property
    def label(self) -> str:
        """A human name for messages: 「一、本年新收… · 自然人」."""
        return f"{self.row_label} · {self.col_label}" if self.col_label else self.row_label


@dataclass(frozen=True)
class Span:
    """One rectangle of a table layout.  A label/header span has text; a figure span has a cell id."""

    row: int
    col: int
    text: str = ""
    cell: str | None = None
    rowspan: int = 1
    colspan: int = 1
    role: str = "label"  # "header", "label", "group", "note", "value"
    vertical: bool = False  # group labels printed top to bottom in the official form


@dataclass(frozen=True)
class TableDef:
    id: str
    section: str
    title: str
    nrows: int
    ncols: int
    spans: tuple[Span, ...]
    header_rows: int  # rows repeated at the top of each printed page
    label_cols: int  # leading columns that hold labels only
    col_weights: tuple[float, ...]  # relative widths, label columns wide enough for Chinese labels
    cells: tuple[str, ...] = field(default=())

    def span_at(self, row: int, col: int) -> Span | None:
        """The span covering (row, col); O(1) through a lazily built index."""
        index = _SPAN_INDEX.get(self.id)
        if index is None:
            index = {}
            for sp in self.spans:
                for r in range(sp.row, sp.row + sp.rowspan):
                    for c in range(sp.col, sp.col + sp.colspan):
                        index[(r, c)] = sp
            _SPAN_INDEX[self.id] = index
        return index.get((row, col))

    def position_of(self, cell_id: str) -> tuple[int, int]:
        sp = _CELL_SPAN[cell_id]
        return sp.row, sp.col


_SPAN_INDEX: dict[str, dict[tuple[int, int], Span]] = {}
_CELL_SPAN: dict[str, Span] = {}

# ---------------------------------------------------------------- t2

T2_ISSUE_COLS = (("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数"))


@dataclass(frozen=True)
class T2Block:
    heading: str  # 第二十条第（一）项
    col_labels: tuple[str, ...]
    rows: tuple[tuple[str, str], ...]  # (row id, label)
    cols: tuple[str, ...]  # column ids
    kind: str = COUNT
    unit: str = "件"


T2_BLOCKS: tuple[T2Block, ...] = (
    T2Block("第二十条第（一）项", tuple(l for _, l in T2_ISSUE_COLS),
            (("rules", "规章"), ("normative", "行政规范性文件")), tuple(c for c, _ in T2_ISSUE_COLS)),
    T2Block("第二十条第（五）项", ("本年处理决定数量",), (("license", "行政许可"),), ("decisions",)),
    T2Block("第二十条第（六）项", ("本年处理决定数量",),
            (("penalty", "行政处罚"), ("coercion", "行政强制")), ("decisions",)),
    T2Block("第二十条第（八）项", ("本年收费金额（单位：万元）",), (("fees", "行政事业性收费"),), ("amount",),
            kind=DECIMAL, unit="万元"),
)
T2_CONTENT_LABEL = "信息内容"

# ---------------------------------------------------------------- t3

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANT = "申请人情况"
T3_LEGAL = "法人或其他组织"
T3_COLS: tuple[tuple[str, str], ...] = (
    ("np", "自然人"),
    ("biz", "商业企业"),
    ("res", "科研机构"),
    ("npo", "社会公益组织"),
    ("law", "法律服务机构"),
    ("oth", "其他"),
    ("tot", "总计"),
)
T3_COL_IDS = tuple(c for c, _ in T3_COLS)
T3_PART_COLS = T3_COL_IDS[:-1]  # the six applicant columns that add up to 总计
T3_COL_LABEL = dict(T3_COLS)

T3_RESULTS_GROUP = "三、本年度办理结果"


@dataclass(frozen=True)
class T3Group:
    """（三）…（六）: a merged group label over numbered sub-rows."""

    id: str
    label: str
    rows: tuple[tuple[str, str], ...]


# Result rows in order: plain rows are (id, label); groups carry their sub-rows.
T3_RESULTS: tuple[tuple[str, str] | T3Group, ...] = (
    ("r3_1", "（一）予以公开"),
    ("r3_2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    T3Group("r3_3", "（三）不予公开", (
        ("r3_3_1", "1.属于国家秘密"),
        ("r3_3_2", "2.其他法律行政法规禁止公开"),
        ("r3_3_3", "3.危及“三安全一稳定”"),
        ("r3_3_4", "4.保护第三方合法权益"),
        ("r3_3_5", "5.属于三类内部事务信息"),
        ("r3_3_6", "6.属于四类过程性信息"),
        ("r3_3_7", "7.属于行政执法案卷"),
        ("r3_3_8", "8.属于行政查询事项"),
    )),
    T3Group("r3_4", "（四）无法提供", (
        ("r3_4_1", "1.本机关不掌握相关政府信息"),
        ("r3_4_2", "2.没有现成信息需要另行制作"),
        ("r3_4_3", "3.补正后申请内容仍不明确"),
    )),
    T3Group("r3_5", "（五）不予处理", (
        ("r3_5_1", "1.信访举报投诉类申请"),
        ("r3_5_2", "2.重复申请"),
        ("r3_5_3", "3.要求提供公开出版物"),
        ("r3_5_4", "4.无正当理由大量反复申请"),
        ("r3_5_5", "5.要求行政机关确认或重新出具已获取信息"),
    )),
    T3Group("r3_6", "（六）其他处理", (
        ("r3_6_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("r3_6_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("r3_6_3", "3.其他"),
    )),
    ("r3_7", "（七）总计"),
)
T3_HEAD_ROWS = (("r1", "一、本年新收政府信息公开申请数量"), ("r2", "二、上年结转政府信息公开申请数量"))
T3_TAIL_ROWS = (("r4", "四、结转下年度继续办理"),)


def _t3_rows() -> tuple[tuple[str, str, str | None], ...]:
    """(row id, label, group id or None) for all 25 rows in printed order."""
    out: list[tuple[str, str, str | None]] = [(r, l, None) for r, l in T3_HEAD_ROWS]
    for item in T3_RESULTS:
        if isinstance(item, T3Group):
            out.extend((r, l, item.id) for r, l in item.rows)
        else:
            out.append((item[0], item[1], None))
    out.extend((r, l, None) for r, l in T3_TAIL_ROWS)
    return tuple(out)


T3_ROWS = _t3_rows()
T3_ROW_IDS = tuple(r for r, _, _ in T3_ROWS)
T3_ROW_LABEL = {r: l for r, l, _ in T3_ROWS}
T3_GROUPS = {g.id: g for g in T3_RESULTS if isinstance(g, T3Group)}
# LEAF: the 21 result rows between r2 and r3_7, whose sum is （七）总计
T3_LEAF_ROWS = tuple(r for r, _, _ in T3_ROWS if r.startswith("r3_") and r != "r3_7")
T3_CATEGORY_ROWS: dict[str, tuple[str, ...]] = {
    "r3_1": ("r3_1",), "r3_2": ("r3_2",),
    **{g.id: tuple(r for r, _ in g.rows) for g in T3_GROUPS.values()},
}


def t3_row_label_full(row: str) -> str:
    """The row label with its group, as a clerk would name it: 「（三）不予公开 — 1.属于国家秘密」."""
    for g in T3_GROUPS.values():
        if any(r == row for r, _ in g.rows):
            return f"{g.label} {T3_ROW_LABEL[row]}"
    return T3_ROW_LABEL[row]


# ---------------------------------------------------------------- t4

T4_GROUPS: tuple[tuple[str, str], ...] = (
    ("review", "行政复议"),
    ("direct", "未经复议直接起诉"),
    ("after", "复议后起诉"),
)
T4_LAWSUIT = "行政诉讼"
T4_COLS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("tot", "总计"),
)
T4_PART_COLS = tuple(c for c, _ in T4_COLS[:-1])
T4_GROUP_LABEL = dict(T4_GROUPS)
T4_COL_LABEL = dict(T4_COLS)

# ---------------------------------------------------------------- fee (section 六)

FEE_FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("fee.notices", "发出收费通知的件数", COUNT, "件"),
    ("fee.billed", "发出收费通知的总金额（元）", DECIMAL, "元"),
    ("fee.collected", "实际收取的总金额（元）", DECIMAL, "元"),
)
FEE_TERM = "信息处理费"
# the caption the exports print over the three figures, under section 六's text
FEE_CAPTION = "收取信息处理费情况"

# ---------------------------------------------------------------- cell ids (the one place they are spelt)


def t2(row: str, col: str) -> str:
    return f"t2.{row}.{col}"


def t3(row: str, col: str) -> str:
    return f"t3.{row}.{col}"


def t4(group: str, col: str) -> str:
    return f"t4.{group}.{col}"


def t3_row_cells(row: str) -> tuple[str, ...]:
    """The seven cells of a row of table 三, in column order."""
    return tuple(t3(row, c) for c in T3_COL_IDS)


# ---------------------------------------------------------------- build the declarations


def _build_t2() -> tuple[TableDef, list[CellDef]]:
    spans: list[Span] = []
    cells: list[CellDef] = []
    r = 0
    for block in T2_BLOCKS:
        spans.append(Span(r, 0, block.heading, colspan=4, role="header"))
        r += 1
        spans.append(Span(r, 0, T2_CONTENT_LABEL, role="header"))
        width = 3 // len(block.col_labels)
        for i, lab in enumerate(block.col_labels):
            spans.append(Span(r, 1 + i * width, lab, colspan=width, role="header"))
        r += 1
        for row_id, row_label in block.rows:
            spans.append(Span(r, 0, row_label, role="label"))
            for i, (col_id, col_label) in enumerate(zip(block.cols, block.col_labels)):
                cid = t2(row_id, col_id)
                spans.append(Span(r, 1 + i * width, cell=cid, colspan=width, role="value"))
                cells.append(CellDef(cid, block.kind, "t2", row_id, col_id, row_label, col_label, block.unit))
            r += 1
    table = TableDef("t2", "s2", "二、主动公开政府信息情况", r, 4, tuple(spans), header_rows=0,
                     label_cols=1, col_weights=(2.2, 1.6, 1.6, 1.6), cells=tuple(c.id for c in cells))
    return table, cells


def _build_t3() -> tuple[TableDef, list[CellDef]]:
    spans: list[Span] = [
        Span(0, 0, T3_NOTE, rowspan=3, colspan=3, role="note"),
        Span(0, 3, T3_APPLICANT, colspan=7, role="header"),
        Span(1, 3, T3_COL_LABEL["np"], rowspan=2, role="header"),
        Span(1, 4, T3_LEGAL, colspan=5, role="header"),
        Span(1, 9, T3_COL_LABEL["tot"], rowspan=2, role="header"),
    ]
    for i, col in enumerate(T3_PART_COLS[1:]):
        spans.append(Span(2, 4 + i, T3_COL_LABEL[col], role="header"))
    cells: list[CellDef] = []
    r = 3
    results_start = r + len(T3_HEAD_ROWS)
    n_results = sum(len(x.rows) if isinstance(x, T3Group) else 1 for x in T3_RESULTS)
    spans.append(Span(results_start, 0, T3_RESULTS_GROUP, rowspan=n_results, role="group", vertical=True))
    seen_groups: set[str] = set()
    for row_id, label, group in T3_ROWS:
        if row_id.startswith("r3_"):
            if group is None:
                spans.append(Span(r, 1, label, colspan=2, role="label"))
            else:
                if group not in seen_groups:
                    seen_groups.add(group)
                    g = T3_GROUPS[group]
                    spans.append(Span(r, 1, g.label, rowspan=len(g.rows), role="group", vertical=True))
                spans.append(Span(r, 2, label, role="label"))
        else:
            spans.append(Span(r, 0, label, colspan=3, role="label"))
        for j, (col, col_label) in enumerate(T3_COLS):
            cid = t3(row_id, col)
            spans.append(Span(r, 3 + j, cell=cid, role="value"))
            cells.append(CellDef(cid, COUNT, "t3", row_id, col, t3_row_label_full(row_id), col_label))
        r += 1
    table = TableDef("t3", "s3", "三、收到和处理政府信息公开申请情况", r, 10, tuple(spans), header_rows=3,
                     label_cols=3, col_weights=(1.0, 1.6, 5.2) + (1.0,) * 7, cells=tuple(c.id for c in cells))
    return table, cells


def _build_t4() -> tuple[TableDef, list[CellDef]]:
    spans: list[Span] = [
        Span(0, 0, T4_GROUP_LABEL["review"], colspan=5, role="header"),
        Span(0, 5, T4_LAWSUIT, colspan=10, role="header"),
    ]
    for j, (_, lab) in enumerate(T4_COLS):
        spans.append(Span(1, j, lab, rowspan=2, role="header"))
    spans.append(Span(1, 5, T4_GROUP_LABEL["direct"], colspan=5, role="header"))
    spans.append(Span(1, 10, T4_GROUP_LABEL["after"], colspan=5, role="header"))
    for g in range(2):
        for j, (_, lab) in enumerate(T4_COLS):
            spans.append(Span(2, 5 + g * 5 + j, lab, role="header"))
    cells: list[CellDef] = []
    for g, (gid, glabel) in enumerate(T4_GROUPS):
        for j, (col, col_label) in enumerate(T4_COLS):
            cid = t4(gid, col)
            spans.append(Span(3, g * 5 + j, cell=cid, role="value"))
            name = glabel if gid == "review" else f"{T4_LAWSUIT}（{glabel}）"
            cells.append(CellDef(cid, COUNT, "t4", gid, col, name, col_label))
    table = TableDef("t4", "s4", "四、政府信息公开行政复议、行政诉讼情况", 4, 15, tuple(spans), header_rows=3,
                     label_cols=0, col_weights=(1.0,) * 15, cells=tuple(c.id for c in cells))
    return table, cells


def _build() -> tuple[dict[str, TableDef], dict[str, CellDef]]:
    tables: dict[str, TableDef] = {}
    cells: dict[str, CellDef] = {}
    for build in (_build_t2, _build_t3, _build_t4):
        table, defs = build()
        tables[table.id] = table
        for d in defs:
            cells[d.id] = d
        for sp in table.spans:
            if sp.cell:
                _CELL_SPAN[sp.cell] = sp
    for cid, label, kind, unit in FEE_FIELDS:
        cells[cid] = CellDef(cid, kind, "fee", cid.split(".")[1], "", label, "", unit)
    return tables, cells


TABLES, CELLS = _build()
TABLE_ORDER = ("t2", "t3", "t4")  # the order the form prints them in
CELL_IDS: tuple[str, ...] = tuple(CELLS)
TABLE_CELL_IDS: tuple[str, ...] = tuple(c for c in CELL_IDS if CELLS[c].table != "fee")
FEE_CELL_IDS: tuple[str, ...] = tuple(f[0] for f in FEE_FIELDS)


