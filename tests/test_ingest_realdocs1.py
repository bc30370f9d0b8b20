"""Shapes from a held-out round of real published report files (PDF with a text layer, the official Word
template), read through ingest.read_report / read_text.  The organs, addresses and figures here are made up;
each test draws the shape the real file had.

- The preamble wrapped at the page's width so that a line begins with what looks like a web page's
  「字段：值」 line (「…电话：0000-1234567，电」 then 「子邮箱：someone@example.cn）。」): that line was dropped as
  page furniture and the preamble lost its end.
- 表三 in a PDF made from the Word template in circulation, whose cells of one row are aligned differently:
  总计 at the top of its cell, the other figures in the middle.  Where a label wraps, 总计 shares the label's
  first line and the six others stand on a line of their own: read in that order, the row's figures were
  taken shifted by one (or the table given up), 60 to 70 cells wrong a report.  Such a row is now taken in
  its columns' order when that order adds up to its 总计 and the printed one does not (a 「/」 counts as 0).
  Rows of that shape with empty cells are placed by their columns when the second line holds two figures or
  more (a line with one figure alone is placed by its indent, not by columns: such rows stay blank and named;
  60 to 70 blank cells a report before, 12 to 25 now; such rows are read since: tests/test_ingest_realdocs2.py).  A row whose figures add up in both orders
  (「227 0 0 0 0 0 227」 printed, 「0 0 0 0 0 227 227」 by columns) cannot be told and is left blank: it was
  read in the printed order, wrong (since round 4 the columns' order is read when each figure stands under its
  own column of the header: tests/test_ingest_realdocs3.py).  With zeros printed 「/」 the rows so placed, the
  rows whose figures a converter printed after the row before, and the checks of a row's total across label
  text now count a 「/」 as 0 (they wanted digits only, and left such rows blank: 21 to 35 cells a report).
- The same template's rows that are taller than their label (an empty paragraph in the cell): the label
  centred, the figures at the top of their cells, so the figures print on a line above their label, right
  after the row before's.  With every figure printed the row before's 14 figures were already split by their
  totals, but not with 「/」 or empty cells: those rows were blank (14 cells).  Now the row before's second
  line of figures goes to the next row when that row has none and each line adds up on its own.
- The same real PDF drawn as a scan and read by OCR: every figure right, but 「二、上年结转…」 came back as
  「、上年结转…」 (the ordinal lost, its mark kept) and was listed as the source's wording slip; like a
  lost 「二、」, it is now taken as OCR's.
"""
from __future__ import annotations

import random

import pytest

from ingest import read_text
from tests.factories import consistent_report
from tests.pdf_layouts import Layout, draw_report, score

_PREAMBLE_WRAPPED = """某市人民政府
2025 年政府信息公开工作年度报告
   本报告由某市人民政府办公室根据《中华人民共和国政府
信息公开条例》（国令第 711 号）（以下简称《条例》）规定编
制。报告所列统计期限自 2025 年 1 月 1 日至 2025 年 12 月 31 日。
如对本报告有疑问，请与某市人民政府办公室联系（地址：某
市人民路 9 号，邮编：100001，电话：0000-1234567，电
子邮箱：someone@example.cn）。
   一、总体情况
   2025 年，我市严格落实《中华人民共和国政府信息公开条例》各项规定。
   五、存在的主要问题及改进情况
   政策解读质量仍需提升。
   六、其他需要报告的事项
   无。
"""


def test_a_wrapped_preamble_line_that_looks_like_a_field_is_kept():
    s0 = read_text(_PREAMBLE_WRAPPED).report.sections["s0"]
    assert s0.endswith("电话：0000-1234567，电子邮箱：someone@example.cn）。")


def test_a_web_pages_field_lines_under_the_title_are_still_dropped():
    page = _PREAMBLE_WRAPPED.replace(
        "2025 年政府信息公开工作年度报告\n",
        "2025 年政府信息公开工作年度报告\n来源：某市人民政府办公室\n发布时间：2026-01-20\n字号：大 中 小\n")
    s0 = read_text(page).report.sections["s0"]
    assert s0.startswith("本报告由某市人民政府办公室") and "来源" not in s0 and "字号" not in s0
    assert s0.endswith("someone@example.cn）。")


def _read_back(layout: Layout, seed: int, tmp_path, maxv: int = 30):
    rng = random.Random(seed)
    report = consistent_report(rng, maxv=maxv)
    path = tmp_path / f"realdocs_{seed}.pdf"
    return score(report, path, draw_report(report, layout, path, rng))


@pytest.mark.parametrize("seed", range(3))
def test_totals_at_the_top_of_a_tall_row_are_read_in_their_column(seed, tmp_path):
    s = _read_back(Layout(wrap_labels=True, top_totals=True), seed, tmp_path)
    assert s.wrong == 0 and s.blank == s.unnamed == s.empty == 0, (seed, str(s), s.wrong_cells[:4])


def test_a_row_that_adds_up_in_both_orders_is_read_only_under_its_header_columns(tmp_path):
    # (it was left blank, 7 cells; each of its figures stands under its own column of the header, in the
    # columns' order, and that order is read: tests/test_ingest_realdocs3.py)
    s = _read_back(Layout(narrow=2.5, wrap_labels=True, top_totals=True), 2, tmp_path, maxv=400)
    assert s.wrong == 0 and s.unnamed == 0 and s.blank == 0, (str(s), s.wrong_cells[:4])


@pytest.mark.parametrize("seed", range(3))
def test_totals_at_the_top_beside_slashes_are_read_exactly(seed, tmp_path):
    s = _read_back(Layout(wrap_labels=True, top_totals=True, zeros="/"), seed, tmp_path)
    assert s.wrong == 0 and s.blank == s.unnamed == 0, (seed, str(s), s.wrong_cells[:4])


@pytest.mark.parametrize("seed", range(3))
def test_totals_at_the_top_beside_slashes_and_empty_cells_are_never_wrong(seed, tmp_path):
    for zeros in ("mixed", ""):
        s = _read_back(Layout(wrap_labels=True, top_totals=True, zeros=zeros), seed, tmp_path)
        assert s.wrong == 0 and s.unnamed == 0, (seed, zeros, str(s), s.wrong_cells[:4])



@pytest.mark.parametrize("seed", range(3))
def test_totals_at_the_top_beside_empty_cells_are_placed_by_their_columns(seed, tmp_path):
    s = _read_back(Layout(wrap_labels=True, top_totals=True, zeros=""), seed, tmp_path)
    assert s.wrong == 0 and s.unnamed == 0 and s.blank < 40, (seed, str(s), s.wrong_cells[:4])


@pytest.mark.parametrize("row, zeros", [("r3_5_5", ""), ("r3_3_2", "/"), ("r3_3_5", "mixed")])
def test_figures_printed_above_their_label_are_that_rows(row, zeros, tmp_path):
    for seed in range(3):
        s = _read_back(Layout(tall_row=row, zeros=zeros), seed, tmp_path)
        assert s.wrong == 0 and s.blank == s.unnamed == 0, (row, zeros, seed, str(s), s.wrong_cells[:4])


def test_an_ordinal_lost_by_ocr_with_its_mark_kept_is_not_a_wording_change():
    from ingest.api import build_report
    from ingest.readers.text import text_items
    from tests.test_ingest_variants import _table_cells, _text_report

    rep = consistent_report(random.Random(5), maxv=40)
    text = _text_report(rep, lambda lab: lab.replace("二、上年结转", "、上年结转", 1))
    for by_ocr, expected in ((True, 0), (False, 1)):
        result = build_report(text_items(text), "扫描件.pdf", "pdf", read_by_ocr=by_ocr)
        notes = [m for rule, _, m in result.report.import_notes if rule == "S.LABELS"]
        assert _table_cells(result.report) == _table_cells(rep), result.summary()
        assert len(notes) == expected and all("上年结转" in m for m in notes), (by_ocr, notes)
