"""Web pages as text, the marks a third, held-out set of published reports showed.

- A mirror's reading aid: the pinyin of a character printed in brackets right after it, in the labels and
  headings as much as in the text (「規(guī)章」「本年新收政府信息公開申請數(shù)量」).  Not one label matched.
- A page run through a Taiwan phrase converter, which writes 檔案 for 文件: the form's 「行政规范性文件」
  becomes 「行政規範性檔案」 (the row was not found, and its three figures joined those of 规章).

Reports come from tests/factories through the grids and shapes of tests/test_ingest_webtext.py; every cell
must read back exactly, and what is not read is blank, never a wrong figure.
"""
from __future__ import annotations

import pytest

from ingest import read_text
from ingest.script import strip_pinyin
from tests.test_ingest_webtext import SHAPES, _page, _report, _table_cells
from tests.test_ingest_webtext2 import ALL_SHAPES, assert_cut_in_table_three_reads_no_wrong_figure, traditional

# the readings a mirror prints, for characters of the form's labels and headings in both scripts
_READINGS = {"规": "guī", "規": "guī", "数": "shù", "數": "shù", "业": "yè", "業": "yè", "转": "zhuǎn",
             "轉": "zhuǎn", "结": "jié", "結": "jié", "关": "guān", "關": "guān", "处": "chù", "處": "chù",
             "项": "xiàng", "項": "xiàng", "费": "fèi", "費": "fèi", "开": "kāi", "開": "kāi", "复": "fù",
             "複": "fù", "总": "zǒng", "總": "zǒng", "机": "jī", "機": "jī"}


def with_pinyin(text: str) -> str:
    """Each character a mirror annotates followed by its reading in brackets (「規(guī)章」)."""
    return "".join(ch + f"({_READINGS[ch]})" if ch in _READINGS else ch for ch in text)


def taiwan_words(text: str) -> str:
    return text.replace("文件", "檔案")


def test_the_pages_do_carry_the_marks():
    """The pages below hold the marks (else the tests would prove nothing about them)."""
    page = with_pinyin(_page(_report(0), SHAPES["terminated"]))
    assert "规章" not in page and "规(guī)章" in page and "总(zǒng)计" in page
    tw = taiwan_words(traditional(_page(_report(0), SHAPES["terminated"])))
    assert "行政規範性檔案" in tw and "文件" not in tw


@pytest.mark.parametrize("shape", ALL_SHAPES, ids=str)
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("seed", range(2))
def test_every_cell_reads_back_from_a_page_with_pinyin(shape, script, seed):
    rep = _report(seed)
    page = _page(rep, ALL_SHAPES[shape])
    result = read_text(with_pinyin(traditional(page) if script == "traditional" else page))
    want = _table_cells(rep)
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()
    assert result.report.sections["s1"] == "2025年，本机关主动公开政府信息128条。"  # the text without them too


@pytest.mark.parametrize("shape", ALL_SHAPES, ids=str)
@pytest.mark.parametrize("seed", range(2))
def test_every_cell_reads_back_from_a_page_with_taiwan_words(shape, seed):
    rep = _report(seed)
    result = read_text(taiwan_words(traditional(_page(rep, ALL_SHAPES[shape]))))
    want = _table_cells(rep)
    assert {c: result.report.cells.get(c) for c in want} == want, result.summary()


@pytest.mark.parametrize("shape", ALL_SHAPES, ids=str)
@pytest.mark.parametrize("cut", [0.3, 0.55, 0.8])
def test_a_page_with_pinyin_cut_off_in_table_three_gives_no_wrong_figure(shape, cut):
    rep = _report(1)
    page = with_pinyin(traditional(_page(rep, ALL_SHAPES[shape])))
    assert_cut_in_table_three_reads_no_wrong_figure(rep, page, ("三、收", "四、政府信息公"), cut)


@pytest.mark.parametrize("text", ["（一）予以公开", "(二)部分公开", "统计期限(2025年)", "附件(a)", "编号(A-1)",
                                  "Wi-Fi(wifi)", "数量 (shù)"])
def test_brackets_that_are_no_reading_stay(text):
    """Only a toned syllable right after a Chinese character is a reading; a number, a letter, a word without
    a tone mark, or brackets after a space stay as printed."""
    assert strip_pinyin(text) == text


def test_a_reading_is_taken_out_in_either_bracket():
    assert strip_pinyin("規(guī)章數（shù）量 行政事業(yè)性收費") == "規章數量 行政事業性收費"


def test_an_archive_stays_an_archive():
    """Only the form's label is put back: 檔案館 on a converted page is the archive (档案馆), not 文件馆."""
    page = traditional(_page(_report(0), SHAPES["rows"])).replace(
        "2025年，本機關主動公開政府信息128條。", "2025年，本機關主動公開政府信息128條，送檔案館2件。")
    result = read_text(taiwan_words(page))
    assert result.report.sections["s1"] == "2025年，本机关主动公开政府信息128条，送档案馆2件。"

