"""The supervisor's workbook of a batch: 「总览」 (one row per file, worst first), 「问题清单」 (one row per
finding) and 「汇总」 (the roll-up in the official layout of the annual report workbook, and its check)."""
from __future__ import annotations

import io
import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, cast

from model.batch import BatchEntry, Column, overview_columns, worst_first
from model.findings import Finding
from model.present import cells_named, finding_place
from model.rollup import ROLLUP_TITLE, Rollup
from model.rules import RULES, SEVERITY_LABEL
from model.schema import CELLS, DECIMAL

from .atomic import write_rendered
from .xlsx import TableSheets, _col_letter, _page_setup, _Styles, put_text

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

OVERVIEW_SHEET = "总览"
FINDINGS_SHEET = "问题清单"
ROLLUP_SHEET = ROLLUP_TITLE
ROLLUP_SHEETS = {t: ROLLUP_SHEET for t in ("t2", "t3", "t4")}  # the roll-up's three tables on one sheet
FINDING_HEADS = (("文件", 36), ("机关", 28), ("规则", 16), ("级别", 7), ("位置", 26), ("问题", 64), ("说明", 30))


def _header(ws: Worksheet, heads: list[tuple[str, int]], st: _Styles) -> None:
    """Bold header row, frozen, with an auto-filter over the columns (which sorts too)."""
    for i, (head, width) in enumerate(heads, start=1):
        c = cast("Cell", ws.cell(1, i))  # no merged cells on these sheets
        put_text(c, head)
        c.font, c.fill, c.border, c.alignment = st.table_bold, st.head_fill, st.border, st.center
        ws.column_dimensions[_col_letter(i)].width = width
    ws.freeze_panes = "C2"


def _put(cell: Cell, v: object, st: _Styles) -> None:
    if v is None:
        pass
    elif isinstance(v, (int, Decimal)) and not isinstance(v, bool):
        cell.value = v if isinstance(v, int) else float(v)
        cell.number_format = "0" if isinstance(v, int) else "0.00"
    else:
        put_text(cell, str(v))
    cell.font = st.table
    cell.border = st.border


def _overview(wb: Workbook, entries: list[BatchEntry], st: _Styles) -> None:
    ws = cast("Worksheet", wb.active)  # a new workbook's only sheet
    ws.title = OVERVIEW_SHEET
    cols = overview_columns(with_prior=any(e.prior_file for e in entries))
    _header(ws, [(c.head, c.width) for c in cols], st)
    rows = worst_first(entries)
    for r, e in enumerate(rows, start=2):
        for i, col in enumerate(cols, start=1):
            _put(cast("Cell", ws.cell(r, i)), col.get(e), st)
    last = _col_letter(len(cols))
    end = max(2, len(rows) + 1)
    ws.auto_filter.ref = f"A1:{last}{end}"
    _colour_rows(ws, cols, end, st)
    _page_setup(ws, landscape=True)


def _colour_rows(ws: Worksheet, cols: list[Column], end: int, st: _Styles) -> None:
    """Conditional colours that stay right after the clerk sorts or filters: red for a report with errors,
    grey for a file that could not be read."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    heads = [c.head for c in cols]
    err = _col_letter(heads.index("错误") + 1)
    why = _col_letter(heads.index("无法读取的原因") + 1)
    area = f"A2:{_col_letter(len(cols))}{end}"
    grey = PatternFill(start_color="D9D9D9", end_color="D9D9D9", fill_type="solid")
    ws.conditional_formatting.add(area, FormulaRule(formula=[f'${why}2<>""'], fill=grey, stopIfTrue=True))
    ws.conditional_formatting.add(area, FormulaRule(formula=[f"${err}2>0"], fill=st.red_fill))
    ws.conditional_formatting.add(f"{err}2:{err}{end}", FormulaRule(formula=[f"{err}2>0"], font=st.red_font))


def finding_rows(e: BatchEntry) -> list[tuple]:
    """(file, organ, rule, severity, cells, message, 说明) per finding; the 「尚未填写」 of one report is one row."""
    organ = e.report.meta.organ if e.report else ""
    blanks = [f for f in e.findings if f.rule == "VALUE.BLANK"]
    rows = [_finding_row(e.file, organ, f) for f in e.findings if f.rule != "VALUE.BLANK"]
    if blanks:
        cells = cells_named([c for f in blanks for c in f.cells])
        rows.append((e.file, organ, "VALUE.BLANK", SEVERITY_LABEL["info"], cells,
                     f"{RULES['VALUE.BLANK'].title}：共 {len(blanks)} 格", ""))
    return rows


def _finding_row(file: str, organ: str, f: Finding) -> tuple:
    return (file, organ, f.rule, SEVERITY_LABEL.get(f.severity, f.severity), finding_place(f), f.message,
            f.explanation or "")


def _findings(wb: Workbook, entries: list[BatchEntry], st: _Styles) -> None:
    ws = wb.create_sheet(FINDINGS_SHEET)
    _header(ws, list(FINDING_HEADS), st)
    r = 2
    for e in worst_first(entries):
        for row in finding_rows(e):
            for i, v in enumerate(row, start=1):
                _put(ws.cell(r, i), v, st)
                ws.cell(r, i).alignment = st.left
            r += 1
    ws.auto_filter.ref = f"A1:{_col_letter(len(FINDING_HEADS))}{max(2, r - 1)}"
    _page_setup(ws, landscape=True)


def _rollup(wb: Workbook, rollup: Rollup, st: _Styles) -> None:
    """The official layout of the 年度报告 sheet, holding the sums; below it what was summed and its check."""
    ws = wb.create_sheet(ROLLUP_SHEET)
    wb.active = wb.index(ws)  # TableSheets lays out its first table on the active sheet
    main = TableSheets(wb, rollup.report, st, names=ROLLUP_SHEETS)
    main.build()
    _exact_decimals(main, rollup)
    r = ws.max_row + 2
    lines = [f"汇总报告数：{rollup.count} 份（各单元格为这些报告的合计；「/」按0计）"]
    # the reader's message already names the file: say it once
    lines += [f"未汇总（无法读取）：{why if Path(f).name in why else f'{Path(f).name}：{why}'}"
              for f, why in rollup.left_out]
    lines += [f"校核：{SEVERITY_LABEL[f.severity]} {f.rule} {f.message}" for f in rollup.findings
              if f.rule != "VALUE.BLANK"] or ["校核：合计数符合表内勾稽关系。"]
    for text in lines:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=30)
        put_text(ws.cell(r, 1), text)
        ws.cell(r, 1).font = st.table
        r += 1


def _exact_decimals(main: TableSheets, rollup: Rollup) -> None:
    """A sum of decimals an Excel number cannot hold exactly is written as its exact text."""
    for cid, v in rollup.report.cells.items():
        if CELLS[cid].kind == DECIMAL and isinstance(v, Decimal) and Decimal(repr(float(v))) != v:
            put_text(main.wb[main.sheet_of[cid]][main.ref(cid)], format(v, "f"))


def build_batch_workbook(entries: list[BatchEntry], rollup: Rollup) -> Workbook:
    from openpyxl import Workbook

    wb = Workbook()
    st = _Styles()
    _overview(wb, entries, st)
    _findings(wb, entries, st)
    _rollup(wb, rollup, st)
    wb.active = 0
    wb.properties.title = f"{ROLLUP_TITLE}：{rollup.count}份政府信息公开工作年度报告"
    wb.properties.creator = "nianbao"
    return wb


def write_batch_xlsx(entries: list[BatchEntry], rollup: Rollup, path: str | os.PathLike) -> None:
    """Write the batch workbook atomically; ExportError (one Chinese line) when it cannot be made."""
    def render() -> bytes:
        buf = io.BytesIO()
        build_batch_workbook(entries, rollup).save(buf)
        return buf.getvalue()

    write_rendered(path, "汇总表", render)
