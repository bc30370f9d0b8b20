"""A web page → document items: text blocks as lines, <table> as grids (no entity expansion risk:
html.parser knows only the fixed HTML entities)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "tr", "title",
          "blockquote", "pre", "dd", "dt", "header", "footer", "ul", "ol", "hr"}
_SKIP = {"script", "style", "noscript", "template", "head"}


def looks_like_html(text: str) -> bool:
    low = text[:4096].lower()
    return any(t in low for t in ("<html", "<!doctype html", "<body", "<table", "<div", "<p>", "<p "))


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items: list[tuple] = []
        self.line: list[str] = []
        self.skip = 0
        self.tables: list[list] = []  # stack of tables: rows of cells
        self.cell: list[str] | None = None

    def _flush_line(self):
        text = "".join(self.line)
        self.line = []
        for part in text.split("\n"):
            if part.strip():
                self.items.append(("line", part.strip()))

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
            return
        if tag == "table":
            self._flush_line()
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.cell = []
            span = dict(attrs).get("colspan")
            self._colspan = int(span) if span and span.isdigit() and int(span) < 50 else 1
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")
        elif tag in _BLOCK and self.cell is None:
            self._flush_line()

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in ("td", "th") and self.tables and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell).strip())
            self.tables[-1][-1].extend([None] * (getattr(self, "_colspan", 1) - 1))
            self.cell = None
        elif tag == "table" and self.tables:
            rows = [r for r in self.tables.pop() if r]
            if self.tables and self.cell is not None:  # nested table: its text joins the cell
                self.cell.append(" ".join(c for r in rows for c in r if c))
            elif rows:
                self.items.append(("table", rows))
        elif tag in _BLOCK and self.cell is None:
            self._flush_line()

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.tables:
            pass  # text between cells
        else:
            self.line.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_items(text: str) -> list[tuple]:
    p = _Parser()
    p.feed(text)
    p.close()
    p._flush_line()
    return p.items
