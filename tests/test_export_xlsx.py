"""The Excel workbook: official layout from the schema, values, validations, self-checking totals,
text never turned into formulas, the hidden JSON sheet, atomic writes, and LibreOffice's view of it."""
from __future__ import annotations

import os
import subprocess
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from export import ExportError
from export.grid import span_box
from export.identities import identities
from export.xlsx import (
    FEE_SHEET,
    FINDINGS_SHEET,
    IDENTITY_SHEET,
    MAIN_SHEET,
    TABLE_SHEET,
    TEXT_SHEET,
    build_workbook,
    write_xlsx,
)
from export.xlsx_json import CHUNK, DATA_SHEET
from ingest import IngestError, read_report
from model import schema as S
from model.engine import Checker
from model.fileformat import to_dict
from model.report import Prior
from model.values import NA
from tests.test_export_sample import broken_report, sample_report
from tests.tools import need


@pytest.fixture(scope="module")
def sample_xlsx(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    write_xlsx(sample_report(), path)
    return path


@pytest.fixture(scope="module")
def wb(sample_xlsx):
    return load_workbook(sample_xlsx)


def _find(ws, text):
    for row in ws.iter_rows():
        for c in row:
            if c.value == text:
                return c
    raise AssertionError(f"{text!r} not on sheet")


def _merged_at(ws, row, col):
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= row <= rng.max_row and rng.min_col <= col <= rng.max_col:
            return rng
    return None


def _table_top(ws, t: S.TableDef) -> int:
    """Sheet row of the table's first row: found through its first span's text."""
    first = t.spans[0]
    return _find(ws, first.text).row - span_box(t.id, first.row, first.col).top


def _sheet_value(v):
    if v is None:
        return None
    if v == NA:
        return "/"
    if isinstance(v, Decimal):
        return float(v)
    return v


FORM_SHEETS = [TABLE_SHEET[t] for t in S.TABLE_ORDER]


def test_sheets(wb):
    assert wb.sheetnames[:5] == FORM_SHEETS + [TEXT_SHEET, FINDINGS_SHEET]
    assert FORM_SHEETS[0] == MAIN_SHEET and len(set(FORM_SHEETS)) == 3
    assert IDENTITY_SHEET in wb.sheetnames
    data = wb[DATA_SHEET]
    assert data.sheet_state == "hidden"
    assert data.protection.sheet
    assert wb.properties.creator == "nianbao"


@pytest.fixture(scope="module")
def borders(sample_xlsx):
    """(row, col) → border sides as stored in the file (openpyxl's normal loader re-derives the
    borders of merged cells from the top-left one, so it cannot show what the file holds)."""
    ro = load_workbook(sample_xlsx, read_only=True)
    out = {}
    for name in FORM_SHEETS:
        for row in ro[name].iter_rows():
            for c in row:
                if getattr(c, "border", None) is not None:
                    b = c.border
                    out[(name, c.row, c.column)] = (b.left.style, b.right.style, b.top.style, b.bottom.style)
    ro.close()
    return out


@pytest.mark.parametrize("tid", list(S.TABLES))
def test_every_span_is_merged_bordered_and_filled(wb, borders, tid):
    ws = wb[TABLE_SHEET[tid]]
    t = S.TABLES[tid]
    report = sample_report()
    top = _table_top(ws, t)
    covered = set()
    for sp in t.spans:
        box = span_box(tid, sp.row, sp.col, sp.rowspan, sp.colspan)
        r0, r1, c0, c1 = top + box.top, top + box.bottom, box.left + 1, box.right + 1
        rng = _merged_at(ws, r0, c0)
        if r1 > r0 or c1 > c0:
            assert rng is not None, f"{tid} span {sp} not merged"
            assert (rng.min_row, rng.max_row, rng.min_col, rng.max_col) == (r0, r1, c0, c1)
            assert rng.max_row - rng.min_row + 1 == sp.rowspan
        cell = ws.cell(r0, c0)
        if sp.cell:
            assert cell.value == _sheet_value(report.cells.get(sp.cell)), sp.cell
        else:
            assert cell.value == sp.text
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                assert (r, c) not in covered, "two spans overlap"
                covered.add((r, c))
                assert borders.get((ws.title, r, c)) == ("thin",) * 4, (tid, r, c)
    # the spans tile the table's rectangle exactly
    width = max(c for _, c in covered) - min(c for _, c in covered) + 1
    assert len(covered) == t.nrows * width


def test_labels_are_the_schema_labels(wb):
    for t in S.TABLES.values():
        ws = wb[TABLE_SHEET[t.id]]
        texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
        for sp in t.spans:
            if sp.text:
                assert sp.text in texts
    assert _find(wb[MAIN_SHEET], sample_report().title).font.name == "方正小标宋简体"
    assert _find(wb[TABLE_SHEET["t3"]], S.T3_NOTE).font.name == "宋体"
    assert wb[TEXT_SHEET]["A5"].font.name == "仿宋_GB2312"


def test_numbers_are_numbers_and_centred(wb):
    c = _find(wb[TABLE_SHEET["t3"]], 3119)  # t3.r1.tot
    assert c.data_type == "n"
    assert c.alignment.horizontal == "center"
    fee = _find(wb[MAIN_SHEET], 96171.6)  # t2.fees.amount, a decimal
    assert fee.data_type == "n"


def test_each_table_on_its_sheet_and_t3_header_rows_printed_on_every_page(wb):
    t3 = wb[TABLE_SHEET["t3"]]
    top = _table_top(t3, S.TABLES["t3"])
    assert t3.print_title_rows == f"${top}:${top + S.TABLES['t3'].header_rows - 1}"
    for tid in S.TABLE_ORDER:
        texts = {c.value for name in FORM_SHEETS if name != TABLE_SHEET[tid]
                 for row in wb[name].iter_rows() for c in row}
        assert S.TABLES[tid].spans[0].text not in texts  # no table on another's sheet


def test_fee_figures_after_the_last_table(wb):
    ws = wb[FEE_SHEET]
    for cid, label, _kind, _unit in S.FEE_FIELDS:
        lab = _find(ws, label)
        rng = _merged_at(ws, lab.row, lab.column)
        value = ws.cell(lab.row, rng.max_col + 1).value
        assert value == _sheet_value(sample_report().cells[cid])


def _validations(ws):
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            out[rng.coord] = dv
    return out


def _coords_by_value(ws):
    return {c.coordinate for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))}


def test_validations_on_every_figure_cell(sample_xlsx):
    wb = load_workbook(sample_xlsx)
    total = 0
    for name in FORM_SHEETS:
        ws = wb[name]
        dvs = _validations(ws)
        total += len(dvs)
        assert _coords_by_value(ws) <= set(dvs)  # every number on the sheet is a validated figure cell
        for coord, dv in dvs.items():
            assert dv.type == "custom"
            f = dv.formula1
            assert f'{coord}="/"' in f and f"{coord}>=0" in f
            assert dv.showErrorMessage and dv.error
    assert total == len(S.CELL_IDS)
    t3 = wb[TABLE_SHEET["t3"]]
    count_dv = _validations(t3)[_find(t3, 3119).coordinate]
    assert "INT(" in count_dv.formula1
    main = wb[MAIN_SHEET]
    decimal_dv = _validations(main)[_find(main, 96171.6).coordinate]
    assert "INT(" not in decimal_dv.formula1


def test_conditional_formats_on_every_total(sample_xlsx):
    wb = load_workbook(sample_xlsx)
    ws = wb[TABLE_SHEET["t3"]]
    totals = {cid for ident in identities() for _s, cid in ident.totals}
    assert S.t3("r1", "tot") in totals and S.t3("r3_7", "np") in totals and S.t4("review", "tot") in totals
    rules = {}
    for name in FORM_SHEETS:
        for cf in wb[name].conditional_formatting:
            for rng in cf.sqref.ranges:
                rules[(name, rng.coord)] = cf.rules
    assert len(rules) == len(totals)
    rules = {coord: r for (name, coord), r in rules.items() if name == ws.title}
    tot = _find(ws, 3119).coordinate  # t3.r1.tot: 总计 = Σ applicants
    (rule,) = rules[tot]
    assert rule.type == "expression"
    assert "<>" in rule.formula[0] and tot in rule.formula[0]
    assert rule.dxf.fill is not None and rule.dxf.font.color is not None


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    r = sample_report()
    r.meta.organ = "=HYPERLINK(\"http://x\",\"y\")"
    r.sections["s1"] = "+1+1\n-2 本段\n@SUM(A1)\n=1+1"
    r.sections["s5"] = "=cmd|' /C calc'!A0"
    path = tmp_path / "inject.xlsx"
    write_xlsx(r, path)
    with zipfile.ZipFile(path) as z:
        names = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/sheet")}
    wb = load_workbook(path)
    formula_sheets = {wb.sheetnames.index(IDENTITY_SHEET) + 1}
    for name, xml in names.items():
        idx = int(name.rsplit("sheet", 1)[1].split(".")[0])
        if idx not in formula_sheets:
            assert "<f>" not in xml and "<f " not in xml, name
    ws = wb[TEXT_SHEET]
    values = [c.value for row in ws.iter_rows() for c in row if c.value]
    for t in ("+1+1", "-2 本段", "@SUM(A1)", "=1+1", "=cmd|' /C calc'!A0"):
        assert t in values
        assert _find(ws, t).data_type == "s"
        assert _find(ws, t).quotePrefix
    assert read_own_xlsx(path).sections["s5"] == r.sections["s5"]


def read_own_xlsx(path):
    """Our workbook reopened through the one open path: the report from its hidden data sheet."""
    result = read_report(path)
    assert result.source_kind == "own_xlsx"
    return result.report


def test_read_own_xlsx_gives_back_the_report(sample_xlsx):
    again = read_own_xlsx(sample_xlsx)
    assert to_dict(again) == to_dict(sample_report())


def test_round_trip_of_everything_and_long_text(tmp_path):
    r = sample_report()
    r.sections["s1"] = ("很长的总体情况。" * 6000)[:45000]  # over one cell: split into pieces
    r.sections["s5"] = "换行\n\n与 tab\t和引号\"'<>&"
    r.explanations = {"T3.OTHER_HIGH": "经核实无误", "X.IN_FORCE:rules": "=开展文件清理"}
    r.prior = Prior(year=2023, organ=r.meta.organ, cells={S.t3("r4", "np"): 34}, sections={"s5": "去年"})
    r.headings = {"s1": "一、总体情况"}
    r.import_notes = [("S.LABELS", (S.t3("r3_6_1", "np"),), "标签不一致")]
    r.cells["t2.rules.issued"] = NA
    r.cells["t2.fees.amount"] = Decimal("96171.123456")
    path = tmp_path / "long.xlsx"
    write_xlsx(r, path)
    wb = load_workbook(path)
    assert wb[DATA_SHEET]["B1"].value == 2 and len(r.sections["s1"]) > CHUNK
    assert to_dict(read_own_xlsx(path)) == to_dict(r)


def test_read_other_workbooks(tmp_path):
    plain = tmp_path / "plain.xlsx"
    Workbook().save(plain)
    with pytest.raises(IngestError):  # no data sheet, and no report in it either
        read_report(plain)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    with pytest.raises(IngestError) as e:
        read_report(junk)
    assert "junk.xlsx" in str(e.value)
    with pytest.raises(IngestError):
        read_report(tmp_path / "missing.xlsx")


@pytest.mark.parametrize("damage", ["count", "truncate", "json"])
def test_broken_data_sheet_is_refused(tmp_path, damage):
    path = tmp_path / "d.xlsx"
    wb = build_workbook(sample_report())
    ws = wb[DATA_SHEET]
    if damage == "count":
        ws["B1"] = 3
    elif damage == "truncate":
        ws["A2"] = ws["A2"].value[: len(ws["A2"].value) // 2]
    else:
        ws["A2"] = '{"format": "nianbao", "version": 1, "cells": {"t9.x": 1}}'
    wb.save(path)
    with pytest.raises(IngestError) as e:
        read_report(path)
    assert "d.xlsx" in str(e.value)


def test_failed_export_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "keep.xlsx"
    write_xlsx(sample_report(), path)
    before = path.read_bytes()
    import export.xlsx as X

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(X, "build_workbook", boom)
    with pytest.raises(ExportError) as e:
        write_xlsx(sample_report(), path)
    assert "Excel" in str(e.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.xlsx"]  # no temporary left behind


def test_unwritable_targets(tmp_path):
    with pytest.raises(ExportError) as e:
        write_xlsx(sample_report(), tmp_path / "no" / "such" / "dir.xlsx")
    assert "不存在" in str(e.value)
    with pytest.raises(ExportError):
        write_xlsx(sample_report(), tmp_path)
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        if os.access(ro, os.W_OK):  # running as root: permissions do not apply
            pytest.skip("root ignores folder permissions")
        with pytest.raises(ExportError) as e:
            write_xlsx(sample_report(), ro / "x.xlsx")
        assert "x.xlsx" in str(e.value)
    finally:
        ro.chmod(0o700)


def test_findings_sheet_lists_every_finding_with_sheet_references(tmp_path):
    r = broken_report()
    r.explanations["T3.OTHER_HIGH"] = "已核实"
    path = tmp_path / "b.xlsx"
    write_xlsx(r, path)
    ws = load_workbook(path)[FINDINGS_SHEET]
    rows = [row for row in ws.iter_rows(min_row=2, values_only=True) if row[0]]
    findings = Checker(r).findings()
    assert len(rows) == len(findings) > 0
    for row, f in zip(rows, findings):
        assert row[1] == f.rule and row[4] == f.message
        assert row[2] in ("错误", "警告", "提示")
        if f.cells:
            assert any(row[3].startswith(f"'{name}'!") for name in FORM_SHEETS)
            assert len(row[3].split("、")) == len(f.cells)


# ---------------------------------------------------------------- LibreOffice

def _convert(src, fmt, outdir, profile):
    exe = need("soffice", "libreoffice", package="LibreOffice")
    cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", fmt, "--outdir", str(outdir), str(src)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    assert out.is_file() and out.stat().st_size > 0, proc.stdout + proc.stderr
    return out


@pytest.mark.slow
@pytest.mark.parametrize("make", [sample_report, broken_report], ids=["consistent", "broken"])
def test_libreoffice_converts_and_recalculates_the_totals(tmp_path, make):
    report = make()
    src = tmp_path / "r.xlsx"
    write_xlsx(report, src)
    profile = tmp_path / "lo-profile"
    pdf = _convert(src, "pdf", tmp_path / "pdf", profile)
    assert pdf.read_bytes().startswith(b"%PDF")
    recalculated = _convert(src, "xlsx", tmp_path / "xlsx", profile)
    ws = load_workbook(recalculated, data_only=True)[IDENTITY_SHEET]
    rows = [row for row in ws.iter_rows(min_row=3, values_only=True) if row[0]]
    idents = identities()
    assert len(rows) == len(idents)
    failing = {f.key for f in Checker(report).findings() if f.rule in {i.rule for i in idents}}
    for row, ident in zip(rows, idents):
        rule, _name, reported, computed, diff, verdict = row[:6]
        assert rule == ident.rule
        assert isinstance(reported, (int, float)) and isinstance(computed, (int, float))
        assert diff == reported - computed
        assert verdict == ("不符" if ident.key in failing else "相符"), ident.key
    if make is broken_report:
        assert failing
