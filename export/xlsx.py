"""The Excel workbook a clerk submits: the official tables, the text, the check results, and the report.

Sheets: 「年度报告」 (title and t2), 「三、收到和处理…」 (t3), 「四、政府信息公开行政复议…」 (t4 and the 信息处理费
figures) — each table on a sheet of its own, because a sheet has one range of print titles and t3's header
rows must repeat on every printed page of it — then 「正文」 (the six headings and the narrative), 「校核结果」 (every finding), 「勾稽核对」 (the table identities as live formulas) and a
hidden protected sheet holding the `.nianbao` JSON (see xlsx_json.py), so our own workbook reopens losslessly.
Every layout is generated from model.schema; nothing here retypes a label.
"""
from __future__ import annotations

import io
import math
import os
import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, cast

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # openpyxl's own list of characters XML cannot carry

from model import schema as S
from model.engine import check
from model.report import Report
from model.rules import RULES, SEVERITY_LABEL
from model.values import NA

from .atomic import write_rendered
from .grid import GRID, column_bounds, span_box, vertical_columns
from .identities import excel_sum, identities
from .xlsx_json import write_data_sheet

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from model.values import Value

MAIN_SHEET = "年度报告"
# table → its sheet, named by its section's heading (「、」 would read as the separator of a list of cell references)
TABLE_SHEET = {"t2": MAIN_SHEET, **{sec.table: sec.heading.replace("、", " ")[:31] for sec in S.SECTIONS
                                   if sec.table and sec.table != "t2"}}
FEE_SHEET = TABLE_SHEET["t4"]  # the fee figures follow the last table
TEXT_SHEET = "正文"
FINDINGS_SHEET = "校核结果"

FONT_TABLE = "宋体"
FONT_BODY = "仿宋_GB2312"
FONT_HEADING = "黑体"
FONT_TITLE = "方正小标宋简体"
TABLE_PT = 10
GRID_WIDTH = 3.9  # Excel width units of one grid column; 30 of them print at ~70 % on A4
BASE_ROW_PT = 20.0

# GB/T 9704 margins in inches (top 37, bottom 35, left 28, right 26 mm)
MARGINS_IN = {"top": 37 / 25.4, "bottom": 35 / 25.4, "left": 28 / 25.4, "right": 26 / 25.4}
FORMULA_START = re.compile(r"^[=+\-@]")

# ---------------------------------------------------------------- small helpers

def _col_letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i)


def text_width(text: str, pt: float) -> float:
    """Approximate width in Excel units (one unit ≈ a '0' of 11 pt Calibri, 7 px)."""
    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")
    narrow = len(text) - wide
    return (wide * 1.333 * pt + narrow * 0.7 * pt) / 7.0


def lines_needed(text: str, width_units: float, pt: float) -> int:
    usable = max(1.0, width_units - 1.0)
    return sum(max(1, math.ceil(text_width(part, pt) / usable)) for part in (text.split("\n") or [""]))


def put_text(cell: Cell, text: str) -> None:
    """Write text as text: a leading = + - @ never becomes a formula, and Excel keeps it text on edit."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)[:32767]
    cell.value = text
    cell.data_type = "s"
    if FORMULA_START.match(text):
        cell.quotePrefix = True


def put_value(cell: Cell, v: Value) -> None:
    if v is None:
        return
    if v == NA or isinstance(v, str):
        put_text(cell, str(v))
    elif isinstance(v, Decimal):
        cell.value = float(v)  # display only: the exact figure travels in the hidden JSON sheet
        cell.number_format = "0.######" if v != v.to_integral_value() else "0"
    else:
        cell.value = v
        cell.number_format = "0"


class _Styles:
    """openpyxl style objects built once per workbook."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.table = Font(name=FONT_TABLE, size=TABLE_PT)
        self.table_bold = Font(name=FONT_TABLE, size=TABLE_PT, bold=True)
        self.title = Font(name=FONT_TITLE, size=18)
        self.heading = Font(name=FONT_HEADING, size=14)
        self.body = Font(name=FONT_BODY, size=14)
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self.top_left = Alignment(horizontal="left", vertical="top", wrap_text=True)
        self.vertical = Alignment(horizontal="center", vertical="center", text_rotation=255, wrap_text=True)
        self.red_font = Font(color="C00000", bold=True)
        self.red_fill = PatternFill(start_color="FFC7CE", end_color="FFC7CE", fill_type="solid")
        self.head_fill = PatternFill(start_color="F2F2F2", end_color="F2F2F2", fill_type="solid")


def _page_setup(ws: Worksheet, landscape: bool = False) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    # openpyxl gives every new sheet these two (its stubs allow None)
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    for side, inches in MARGINS_IN.items():
        setattr(ws.page_margins, side, round(inches, 3))
    ws.page_margins.footer = round(23 / 25.4, 3)  # a 14 pt page number whose top is 7 mm below the 版心
    ws.oddFooter.center.text = "- &P -"  # type: ignore[union-attr]
    ws.print_options.horizontalCentered = True


# ---------------------------------------------------------------- 年度报告

class TableSheets:
    """The form's sheets: title and t2, t3, t4 and the fee figures; remembers where every cell went."""

    def __init__(self, wb: Workbook, report: Report, st: _Styles, names: dict[str, str] | None = None):
        self.wb = wb
        self.report = report
        self.st = st
        self.names = names or TABLE_SHEET  # table id → its sheet's title
        self.where: dict[str, str] = {}  # cell id → "I7"
        self.sheet_of: dict[str, str] = {}  # cell id → the sheet it is on

    def ref(self, cell_id: str) -> str:
        return self.where[cell_id]

    def sheet_ref(self, cell_id: str) -> str:
        return f"'{self.sheet_of[cell_id]}'!{self.where[cell_id]}"

    def build(self) -> None:
        """Each table on its sheet; tables given the same sheet name follow each other on it."""
        ws: Worksheet | None = None
        for i, table in enumerate(S.TABLE_ORDER):
            title = self.names[table]
            if ws is None or ws.title != title:
                # a new workbook's only sheet, a worksheet
                ws = cast("Worksheet", self.wb.active) if i == 0 else self.wb.create_sheet(title)
                ws.title = title
                start = 1
            else:
                start = ws.max_row + 2
            _TableSheet(ws, self).build(table, start)


class _TableSheet:
    """One table's sheet (with the title before t2, the fee figures after t4)."""

    def __init__(self, ws: Worksheet, owner: TableSheets):
        self.ws = ws
        self.owner = owner
        self.report = owner.report
        self.st = owner.st
        self.row_pt: dict[int, float] = {}
        self.validations: list[tuple[str, str]] = []  # (kind, coordinate)

    def _place(self, cell_id: str, coordinate: str, kind: str) -> None:
        self.owner.where[cell_id] = coordinate
        self.owner.sheet_of[cell_id] = self.ws.title
        self.validations.append((kind, coordinate))

    def build(self, table: str, start: int = 1) -> None:
        ws = self.ws
        for i in range(1, GRID + 1):
            ws.column_dimensions[_col_letter(i)].width = GRID_WIDTH
        r = self._title(start) if table == S.TABLE_ORDER[0] else start
        sec = S.SECTION_BY_ID[S.TABLES[table].section]
        r = self._heading(r, sec.heading)
        t = S.TABLES[table]
        if t.header_rows and not ws.print_title_rows:  # printed at the top of every page the table runs on to
            ws.print_title_rows = f"{r}:{r + t.header_rows - 1}"
        r = self._table(r, t) + 1
        if table == S.TABLE_ORDER[-1]:  # the fee figures follow the last table
            r = self._fees(r)
        for row, pt in self.row_pt.items():
            ws.row_dimensions[row].height = min(409, round(pt, 1))
        _page_setup(ws)
        self._validations()
        self._conditional_formats()

    def _merge(self, top: int, left: int, bottom: int, right: int, border: bool = True) -> Cell:
        ws = self.ws
        if bottom > top or right > left:
            ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
        if border:
            for rr in range(top, bottom + 1):
                for cc in range(left, right + 1):
                    ws.cell(rr, cc).border = self.st.border
        return cast("Cell", ws.cell(top, left))  # a merge's top-left cell is a real one

    def _title(self, r: int) -> int:
        c = self._merge(r, 1, r, GRID, border=False)
        put_text(c, self.report.title)
        c.font = self.st.title
        c.alignment = self.st.center
        self.row_pt[r] = 24 * lines_needed(self.report.title, GRID * GRID_WIDTH, 18) + 10
        return r + 2

    def _heading(self, r: int, text: str) -> int:
        c = self._merge(r, 1, r, GRID, border=False)
        put_text(c, text)
        c.font = self.st.heading
        c.alignment = self.st.left
        self.row_pt[r] = 26
        return r + 1

    def _table(self, top: int, t: S.TableDef) -> int:
        """Write one table from its spans; returns the first row below it."""
        st = self.st
        widths = [(b - a + 1) * GRID_WIDTH for a, b in column_bounds(t.id)]
        needed: dict[int, float] = {top + i: BASE_ROW_PT for i in range(t.nrows)}
        multi: list[tuple[int, int, float]] = []  # (first row, last row, points needed)
        vertical_cols = vertical_columns(t)
        for sp in t.spans:
            box = span_box(t.id, sp.row, sp.col, sp.rowspan, sp.colspan)
            r0, r1 = top + box.top, top + box.bottom
            c = self._merge(r0, box.left + 1, r1, box.right + 1)
            width = sum(widths[sp.col:sp.col + sp.colspan])
            if sp.cell:
                put_value(c, self.report.cells.get(sp.cell))
                c.font = st.table
                c.alignment = st.center
                self._place(sp.cell, c.coordinate, S.CELLS[sp.cell].kind)
                continue
            put_text(c, sp.text)
            c.font = st.table_bold if sp.role == "header" else st.table
            if sp.role == "header":
                c.fill = st.head_fill
            if sp.vertical and sp.col in vertical_cols:
                c.alignment = st.vertical
                pt = len(sp.text) * TABLE_PT * 1.25 + 8
            else:
                c.alignment = st.center if sp.role in ("header", "group", "note") else st.left
                pt = lines_needed(sp.text, width, TABLE_PT) * TABLE_PT * 1.35 + 6
            if sp.rowspan == 1:
                needed[r0] = max(needed[r0], pt)
            else:
                multi.append((r0, r1, pt))
        for r0, r1, pt in multi:  # a tall merged label stretches its last row if the rows are too short
            have = sum(needed[r] for r in range(r0, r1 + 1))
            if have < pt:
                needed[r1] += pt - have
        self.row_pt.update(needed)
        return top + t.nrows

    def _fees(self, r: int) -> int:
        st = self.st
        s6 = S.SECTION_BY_ID["s6"].heading
        r = self._heading(r, f"{s6}（{S.FEE_TERM}）")
        split = GRID * 2 // 3
        for cid, label, kind, _unit in S.FEE_FIELDS:
            lab = self._merge(r, 1, r, split)
            put_text(lab, label)
            lab.font = st.table
            lab.alignment = st.left
            val = self._merge(r, split + 1, r, GRID)
            put_value(val, self.report.cells.get(cid))
            val.font = st.table
            val.alignment = st.center
            self._place(cid, val.coordinate, kind)
            self.row_pt[r] = BASE_ROW_PT + 4
            r += 1
        return r + 1

    def _validations(self) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        for kind, coord in self.validations:
            # 「/」 (不适用) is a legal entry in every figure cell of the form
            if kind == S.COUNT:
                formula = f'OR({coord}="/",AND(ISNUMBER({coord}),{coord}>=0,{coord}=INT({coord})))'
                msg = "请填写不小于0的整数；不适用的填「/」"
            else:
                formula = f'OR({coord}="/",AND(ISNUMBER({coord}),{coord}>=0))'
                msg = "请填写不小于0的数；不适用的填「/」"
            dv = DataValidation(type="custom", formula1=formula, allow_blank=True, showErrorMessage=True,
                                errorTitle="数值不合规", error=msg, showInputMessage=False)
            dv.add(coord)
            self.ws.add_data_validation(dv)

    def _conditional_formats(self) -> None:
        """Each reported total turns red when it stops matching its parts (Excel and WPS recompute it)."""
        from openpyxl.formatting.rule import FormulaRule

        by_total: dict[str, list[str]] = {}
        sheet_of, ref = self.owner.sheet_of, self.owner.ref
        for ident in identities():
            if sheet_of.get(ident.totals[0][1]) != self.ws.title:  # each identity lies within one table
                continue
            cond = f"{excel_sum(ident.parts, ref)}<>{excel_sum(ident.totals, ref)}"
            for _sign, cid in ident.totals:
                by_total.setdefault(cid, []).append(cond)
        for cid, conds in by_total.items():
            formula = conds[0] if len(conds) == 1 else f"OR({','.join(conds)})"
            rule = FormulaRule(formula=[formula], font=self.st.red_font, fill=self.st.red_fill, stopIfTrue=False)
            self.ws.conditional_formatting.add(ref(cid), rule)


# ---------------------------------------------------------------- 正文

def _text_sheet(wb: Workbook, report: Report, st: _Styles) -> None:
    ws = wb.create_sheet(TEXT_SHEET)
    width = 78  # fits the 156 mm 版心 at 100 % (LibreOffice does not shrink a single wide column to fit)
    ws.column_dimensions["A"].width = width
    c = ws.cell(1, 1)
    put_text(c, report.title)
    c.font = st.title
    c.alignment = st.center
    ws.row_dimensions[1].height = 24 * lines_needed(report.title, width, 18) + 10
    r = 3
    for sec in (S.PREAMBLE,) + S.SECTIONS:
        if sec is S.PREAMBLE:  # printed under the title with no heading of its own
            paras = _paragraphs(report.sections.get(sec.id, ""))
            if not paras:
                continue
        else:
            h = ws.cell(r, 1)
            put_text(h, sec.heading)
            h.font = st.heading
            h.alignment = st.left
            ws.row_dimensions[r].height = 24
            r += 1
            if sec.table is not None:  # a table section
                paras = [f"（见「{TABLE_SHEET[sec.table]}」工作表）"]
            else:
                paras = _paragraphs(report.sections.get(sec.id, ""))
        for para in paras:
            for piece in _cell_pieces(para):
                p = ws.cell(r, 1)
                put_text(p, piece)
                p.font = st.body
                p.alignment = st.top_left
                ws.row_dimensions[r].height = min(409, lines_needed(piece, width, 14) * 14 * 1.45 + 6)
                r += 1
        r += 1
    _page_setup(ws)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]


def _cell_pieces(text: str, limit: int = 2000) -> list[str]:
    """A paragraph in pieces short enough to read in a cell (and under Excel's row height limit)."""
    return [text[i:i + limit] for i in range(0, len(text), limit)] or [""]


# ---------------------------------------------------------------- 校核结果

def _findings_sheet(wb: Workbook, report: Report, main: TableSheets, st: _Styles) -> None:
    ws = wb.create_sheet(FINDINGS_SHEET)
    heads = ("序号", "规则", "级别", "单元格", "问题", "说明")
    widths = (6, 16, 7, 26, 64, 32)
    for i, (h, w) in enumerate(zip(heads, widths), start=1):
        c = ws.cell(1, i)
        put_text(c, h)
        c.font = st.table_bold
        c.fill = st.head_fill
        c.border = st.border
        c.alignment = st.center
        ws.column_dimensions[_col_letter(i)].width = w
    findings = check(report)
    r = 2
    for n, f in enumerate(findings, start=1):
        refs = [main.sheet_ref(c) for c in f.cells if c in main.where]
        row: tuple[int | str, ...] = (n, f.rule, SEVERITY_LABEL.get(f.severity, f.severity), "、".join(refs),
                                      f.message, f.explanation or "")
        for i, v in enumerate(row, start=1):
            c = ws.cell(r, i)
            if isinstance(v, int):
                c.value = v
            else:
                put_text(c, v)
            c.font = st.table
            c.border = st.border
            c.alignment = st.left if i >= 4 else st.center
        lines = max(lines_needed(str(row[i]), widths[i], TABLE_PT) for i in (3, 4, 5))
        ws.row_dimensions[r].height = min(409, lines * TABLE_PT * 1.35 + 6)
        r += 1
    if not findings:
        put_text(ws.cell(r, 2), "未发现问题。")
        r += 1
    _page_setup(ws, landscape=True)


IDENTITY_SHEET = "勾稽核对"
IDENTITY_HEADS = ("规则", "项目", "表中合计", "分项计算", "差额", "结论")
IDENTITY_WIDTHS = (15, 62, 11, 11, 8, 7)
IDENTITY_TITLE = "表内勾稽关系核对（公式，修改各表后自动重算）"


def _identity_sheet(wb: Workbook, main: TableSheets, st: _Styles) -> None:
    """The within-table identities as live formulas; a reader (and our LibreOffice test) sees them recomputed."""
    ws = wb.create_sheet(IDENTITY_SHEET)
    for i, w in enumerate(IDENTITY_WIDTHS, start=1):
        ws.column_dimensions[_col_letter(i)].width = w
    r = 1
    c = ws.cell(r, 1)
    put_text(c, IDENTITY_TITLE)
    c.font = st.table_bold
    r += 1
    for i, h in enumerate(IDENTITY_HEADS, start=1):
        c = ws.cell(r, i)
        put_text(c, h)
        c.font = st.table_bold
        c.fill = st.head_fill
        c.border = st.border
        c.alignment = st.center
    r += 1
    for ident in identities():
        reported = excel_sum(ident.totals, main.sheet_ref)
        computed = excel_sum(ident.parts, main.sheet_ref)
        values = (ident.rule, f"{ident.name}：{RULES[ident.rule].formula}", f"={reported}", f"={computed}",
                  f"={_col_letter(3)}{r}-{_col_letter(4)}{r}", f'=IF({_col_letter(5)}{r}=0,"相符","不符")')
        for i, v in enumerate(values, start=1):
            c = ws.cell(r, i)
            if i <= 2:
                put_text(c, v)
            else:
                c.value = v  # our own formulas
            c.font = st.table
            c.border = st.border
            c.alignment = st.left if i == 2 else st.center
        ws.row_dimensions[r].height = lines_needed(str(values[1]), IDENTITY_WIDTHS[1], TABLE_PT) * TABLE_PT * 1.35 + 6
        r += 1
    _page_setup(ws)


# ---------------------------------------------------------------- the workbook

def build_workbook(report: Report) -> Workbook:
    from openpyxl import Workbook

    wb = Workbook()
    st = _Styles()
    main = TableSheets(wb, report, st)
    main.build()
    _text_sheet(wb, report, st)
    _findings_sheet(wb, report, main, st)
    _identity_sheet(wb, main, st)
    write_data_sheet(wb, report)
    wb.properties.title = report.title
    wb.properties.creator = "nianbao"
    wb.properties.lastModifiedBy = "nianbao"
    wb.active = 0
    return wb


def write_xlsx(report: Report, path: str | os.PathLike) -> None:
    """Write the workbook to `path` through a temporary file; raises ExportError with a Chinese message."""
    def render() -> bytes:
        buf = io.BytesIO()
        build_workbook(report).save(buf)
        return buf.getvalue()

    write_rendered(path, " Excel 工作簿", render)


__all__ = ["write_xlsx", "build_workbook", "MAIN_SHEET", "TABLE_SHEET", "FEE_SHEET", "TEXT_SHEET", "FINDINGS_SHEET",
           "IDENTITY_SHEET"]
