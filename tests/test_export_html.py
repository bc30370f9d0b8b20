"""The web page: one file that loads nothing, real tables with the official rowspan/colspan, the text as
paragraphs, and our importer reading it back."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from export import TARGETS, ExportRefused, export_report
from export.html import render_html
from model import schema as S
from model.values import format_value
from tests.test_export_sample import broken_report, sample_report


class _Page(HTMLParser):
    """Every tag with its attributes, and the tables as rows of (rowspan, colspan, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.tables: list[list[list[tuple[int, int, str]]]] = []
        self.cell: list[str] | None = None
        self.span = (1, 1)
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag == "td":
            self.cell, self.span = [], (int(a.get("rowspan", 1)), int(a.get("colspan", 1)))

    def handle_endtag(self, tag):
        if tag == "td":
            self.tables[-1][-1].append(self.span + ("".join(self.cell),))
            self.cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)


def _parse(html: str) -> _Page:
    p = _Page()
    p.feed(html)
    p.close()
    return p


@pytest.fixture(scope="module")
def page():
    return _parse(render_html(sample_report(), draft=False))


def test_loads_nothing_from_outside(page):
    tags = {t for t, _ in page.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "style", "base", "svg", "video",
                       "audio", "source", "form", "frame"}
    for tag, attrs in page.tags:
        assert not set(attrs) & {"src", "href", "srcset", "action", "background", "data"}, tag
        assert not any(k.startswith("on") for k in attrs), tag  # no event handlers either
        css = attrs.get("style", "")
        assert "url(" not in css and "@import" not in css and "expression(" not in css, tag
    meta = [a for t, a in page.tags if t == "meta"]
    assert {"charset": "utf-8"} in meta and not any("http-equiv" in a for a in meta)


@pytest.mark.parametrize("tid", S.TABLE_ORDER)
def test_tables_have_the_official_spans(page, tid):
    t = S.TABLES[tid]
    r = sample_report()
    rows = page.tables[S.TABLE_ORDER.index(tid)]
    assert len(rows) == t.nrows
    want: list[list] = [[] for _ in range(t.nrows)]
    for sp in sorted(t.spans, key=lambda sp: (sp.row, sp.col)):
        want[sp.row].append((sp.rowspan, sp.colspan, format_value(r.cells.get(sp.cell)) if sp.cell else sp.text))
    assert rows == want


def test_text_headings_and_fee_figures(page):
    r = sample_report()
    text = "".join(page.text)
    pos = [text.index(s.heading) for s in S.SECTIONS]
    assert pos == sorted(pos)
    for sid in S.TEXT_SECTIONS:
        for para in r.sections.get(sid, "").split("\n"):
            assert para.strip() in text
    fees = page.tables[3]
    assert [row[1][2] for row in fees] == [format_value(r.cells[c]) for c in S.FEE_CELL_IDS]
    assert text.index(S.FEE_CAPTION) > text.index(r.sections["s6"])
    paragraphs = [a["style"] for t, a in page.tags if t == "p"]
    assert paragraphs and all("text-indent: 2em" in css for css in paragraphs)


def test_markup_in_the_text_stays_text(tmp_path):
    r = sample_report()
    r.sections["s5"] = '<script>alert(1)</script><img src="http://x/y.png">\x07'
    html = render_html(r, draft=False)
    page = _parse(html)
    assert not {t for t, _ in page.tags} & {"script", "img"}
    assert '<script>alert(1)</script><img src="http://x/y.png">' in "".join(page.text)


def test_draft_mark_and_refusal(tmp_path):
    path = tmp_path / "d.html"
    with pytest.raises(ExportRefused):
        export_report(broken_report(), "html", path)
    export_report(broken_report(), "html", path, force=True)
    html = path.read_text(encoding="utf-8")
    assert "草稿（校核未通过）" in html and re.search(r"<title>[^<]*（草稿）</title>", html)


def test_targets_name_the_menu_items():
    assert TARGETS["docx"].action == "导出 Word…" and TARGETS["html"].action == "导出网页…"
    assert TARGETS["html"].suffix == ".html" and TARGETS["docx"].suffix == ".docx"
