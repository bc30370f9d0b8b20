"""A consistent report drawn as a PDF with ruled tables in the layouts real reports use (reportlab only), each
variation switchable through Layout: 表三 on a landscape page, its header in two or three rows, its group labels
one character a line in a narrow column or turned 90°, long labels wrapped in their cells, the table broken over
two pages with or without its header again, 表四's two-level header, 表二 as four small tables or one, narrow
figure columns, zeros printed 「0」, left empty or 「/」, a running header and a page number on every page; the Word
template in circulation (总计 at the top of its cell) with most of 表三 0, rows of one figure in any column.

score() reads such a file back (ingest.read_report) and counts every table cell exact, blank (and named in the
summary) or wrong."""
from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

from model import schema as S
from model.report import Report
from model.values import NA, format_value

FONT = "NianbaoSerifT"
SIZE = 9.0  # table text (Layout.size)
LEAD = 11.25  # line height in a cell
PAD = 3.0  # space inside a cell's rules
A4 = (595.0, 842.0)


@dataclass(frozen=True)
class Layout:
    landscape: bool = False  # 表三 (and 表四) on a landscape page
    t3_header_rows: int = 3  # 3: 「申请人情况」 over the rest; 2: without it
    groups: str = "wrap"  # the group labels' column: "wrap" (a normal column), "vertical" (one character a
    # line in a narrow column), "rotated" (turned 90°)
    wrap_labels: bool = False  # a narrow row-label column: labels wrap over two or three lines
    t3_break: int | None = None  # body row of 表三 that starts a new page
    repeat_header: bool = True  # the header drawn again on the second page
    t2_combined: bool = False  # 表二 as one table (else four small ones)
    t2_captions_above: bool = False  # the small tables' 「第二十条第（x）项」 printed above each, not in it
    narrow: float = 0.0  # >0: figure columns just wide enough for the widest figure and this many points
    zeros: str = "0"  # how a zero is printed: "0", "" (left empty), "/", "mixed"
    furniture: bool = True  # a running header and a page number on every page
    size: float = 9.0  # the tables' text (五号 10.5, 小四 12)
    turned: bool = False  # a landscape page stored upright and turned 90° for the reader
    top_totals: bool = False  # 表三's 总计 figures at the top of their cells, the other figures centred (cells
    # of one row aligned differently, as the Word template in circulation has them)
    tall_row: str = ""  # this 表三 row two lines taller than its label needs (an empty paragraph in the cell), its
    # label centred and its figures at the top: they print on a line above the label


VARIATIONS: dict[str, Layout] = {
    "plain": Layout(),
    "landscape": Layout(landscape=True),
    "header2": Layout(t3_header_rows=2),
    "vertical_groups": Layout(groups="vertical"),
    "rotated_groups": Layout(groups="rotated", landscape=True),
    "turned_page": Layout(landscape=True, turned=True, narrow=0.8),
    "wrapped_labels": Layout(wrap_labels=True),
    "break_repeat": Layout(t3_break=9),
    "break_norepeat": Layout(t3_break=14, repeat_header=False),
    "t2_combined": Layout(t2_combined=True),
    "t2_captions_above": Layout(t2_captions_above=True),
    "narrow": Layout(narrow=2.5),
    "narrowest": Layout(narrow=0.8),
    "zeros_empty": Layout(zeros=""),
    "zeros_slash": Layout(zeros="/"),
    "zeros_mixed": Layout(zeros="mixed"),
    "narrow_empty": Layout(narrow=4.0, zeros=""),
    "size12_vertical": Layout(size=12.0, groups="vertical", zeros="mixed"),
    "everything": Layout(landscape=True, t3_header_rows=3, groups="vertical", wrap_labels=True, t3_break=12,
                         repeat_header=False, narrow=2.5, zeros="mixed"),
    # the Word template in circulation (总计 at the top of its cell, labels wrapped) with most figures 0, as real
    # reports have them: rows of one figure (its 总计 beside the label, the other alone on a line under it)
    "template_empty": Layout(wrap_labels=True, top_totals=True, zeros=""),
    "template_mixed": Layout(wrap_labels=True, top_totals=True, zeros="mixed", t3_break=14),
    "template_landscape": Layout(landscape=True, wrap_labels=True, top_totals=True, zeros="", t3_break=9),
}
# the largest leaf figure a variation's reports get (narrow: four-digit totals)
MAXV = {"turned_page": 400, "narrow": 400, "narrow_empty": 400, "narrowest": 400, "everything": 400}
# variations drawn from reports whose 表三 is mostly 0 (tests/factories.consistent_report's sparse)
SPARSE = {"template_empty", "template_mixed", "template_landscape"}


@dataclass
class Cell:
    r: int
    c: int
    text: str
    rs: int = 1
    cs: int = 1
    figure: bool = False
    turn: str = ""  # "", "vertical", "rotated"
    centre: bool = False
    top: bool = False  # the text at the top of the cell, not centred vertically
    more: int = 0  # lines of height the cell needs beyond its text


@dataclass
class Grid:
    widths: list[float]
    cells: list[Cell]
    head: int = 0  # header rows (repeated on a continuation page)
    caption: str = ""  # printed above the table

    @property
    def rows(self) -> int:
        return max(c.r + c.rs for c in self.cells)


# ---------------------------------------------------------------- text in cells


def _width(text: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, FONT, SIZE)


def wrap(text: str, width: float) -> list[str]:
    """The text cut into lines no wider than width (Chinese wraps at any character)."""
    lines, cur = [], ""
    for ch in text:
        if cur and _width(cur + ch) > width:
            lines.append(cur)
            cur = ""
        cur += ch
    return lines + [cur] if cur or not lines else lines


def _need(cell: Cell, width: float) -> float:
    """The height the cell's text needs."""
    if cell.turn == "vertical":
        return len(cell.text) * LEAD + 2 * PAD
    if cell.turn == "rotated":
        return _width(cell.text) + 2 * PAD
    if cell.figure:
        return LEAD + 2 * PAD
    return (len(wrap(cell.text, width - 2 * PAD)) + cell.more) * LEAD + 2 * PAD


def _heights(grid: Grid) -> list[float]:
    hs = [LEAD + 2 * PAD] * grid.rows
    for cell in sorted(grid.cells, key=lambda c: c.rs):
        w = sum(grid.widths[cell.c:cell.c + cell.cs])
        have = sum(hs[cell.r:cell.r + cell.rs])
        extra = _need(cell, w) - have
        if extra > 0:
            for r in range(cell.r, cell.r + cell.rs):
                hs[r] += extra / cell.rs
    return hs


# ---------------------------------------------------------------- the page


class Pages:
    """A reportlab canvas with a cursor, the running header and the page number."""

    def __init__(self, path: Path, layout: Layout, title: str):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen.canvas import Canvas

        from export.fonts import FONTS_DIR

        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT, str(FONTS_DIR / "NianbaoSerif-Regular.ttf")))
        self.c = Canvas(str(path), pagesize=A4)
        self.layout, self.title = layout, title
        self.n = 0
        self.flow: dict[int, list[str]] = {}  # a merged cell's lines left for its next piece
        self.size = A4
        self.y = 0.0
        self.new_page()

    @property
    def left(self) -> float:
        return 72.0

    @property
    def right(self) -> float:
        return self.size[0] - 72.0

    def new_page(self, landscape: bool = False) -> None:
        if self.n:
            self.c.showPage()
        self.n += 1
        self.size = (A4[1], A4[0]) if landscape else A4
        if landscape and self.layout.turned:
            # stored upright and turned for the reader (/Rotate 90), drawn in the page as shown (reportlab
            # stores the size given turned back: an upright MediaBox)
            self.c.setPageSize(self.size)
            self.c.setPageRotation(90)
            self.c.transform(0, 1, -1, 0, A4[0], 0)
        else:
            self.c.setPageSize(self.size)
            self.c.setPageRotation(0)
        w, h = self.size
        if self.layout.furniture:
            self.c.setFont(FONT, 8)
            self.c.drawCentredString(w / 2, h - 36, self.title)
            self.c.line(72, h - 40, w - 72, h - 40)
            self.c.setFont(FONT, 10)
            self.c.drawCentredString(w / 2, 30, f"- {self.n} -")
        self.y = h - 60

    def room(self, need: float) -> None:
        if self.y - need < 50:
            self.new_page(self.size[0] > self.size[1])

    def para(self, text: str, size: float = 12, indent: bool = True, centre: bool = False) -> None:
        self.c.setFont(FONT, size)
        width = self.right - self.left
        from reportlab.pdfbase.pdfmetrics import stringWidth

        lines, cur = [], "\u3000\u3000" if indent else ""
        for ch in text:
            if cur and stringWidth(cur + ch, FONT, size) > width:
                lines.append(cur)
                cur = ""
            cur += ch
        lines.append(cur)
        for ln in lines:
            self.room(size * 1.6)
            self.y -= size * 1.6
            if centre:
                self.c.drawCentredString(self.size[0] / 2, self.y, ln)
            else:
                self.c.drawString(self.left, self.y, ln)

    def grid(self, grid: Grid, brk: int | None = None, repeat: bool = True) -> None:
        """The table from the cursor down, its body broken before row brk onto a new page, and wherever the page
        is full (Word's way: the rest on the next page of the same orientation, the header again if repeat)."""
        hs = _heights(grid)
        body = list(range(grid.head, grid.rows))
        head = list(range(grid.head))
        if self.y - 50 < sum(hs[r] for r in head + body[:3]):
            self.new_page(self.size[0] > self.size[1])
        rows, first = list(head), True
        for r in body:
            full = self.y - 50 < sum(hs[q] for q in rows) + hs[r]
            if (r == brk or full) and len(rows) > (grid.head if first or repeat else 0):
                self._rows(grid, hs, rows)
                self.new_page(self.size[0] > self.size[1])
                rows, first = list(head) if repeat else [], False
            rows.append(r)
        self._rows(grid, hs, rows)
        self.y -= 8

    def _rows(self, grid: Grid, hs: list[float], rows: list[int]) -> None:
        """Draw the given rows (in order, one under the other) of the grid; a merged cell cut by the break is
        drawn in each piece, its text in the piece where it starts."""
        top = {r: self.y - sum(hs[q] for q in rows[:i]) for i, r in enumerate(rows)}
        x0 = self.left + max(0.0, (self.right - self.left - sum(grid.widths)) / 2)
        xs = [x0 + sum(grid.widths[:i]) for i in range(len(grid.widths) + 1)]
        c = self.c
        c.setLineWidth(0.5)
        for cell in grid.cells:
            mine = [r for r in rows if cell.r <= r < cell.r + cell.rs]
            if not mine:
                continue
            y1 = top[mine[0]]
            y2 = top[mine[-1]] - hs[mine[-1]]
            xa, xb = xs[cell.c], xs[cell.c + cell.cs]
            c.rect(xa, y2, xb - xa, y1 - y2)
            if cell.r in mine or self.flow.get(id(cell)):
                self._text(cell, xa, xb, y1, y2)
        self.y -= sum(hs[r] for r in rows)

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


    def _text(self, cell: Cell, xa: float, xb: float, y1: float, y2: float) -> None:
        """The lines of the cell's text that fit in this piece of it; a merged cell cut by a page break goes on
        in its next piece, as Word flows it."""
        if cell.turn == "rotated":
            _text(self.c, cell, [], xa, xb, y1, y2)
            return
        lines = self.flow.get(id(cell)) or (list(cell.text) if cell.turn == "vertical" else [cell.text]
                                             if cell.figure else wrap(cell.text, xb - xa - 2 * PAD))
        fit = max(1, int((y1 - y2 - 2 * PAD) // LEAD))
        _text(self.c, cell, lines[:fit], xa, xb, y1, y2)
        self.flow[id(cell)] = lines[fit:]


def _text(c, cell: Cell, lines: list[str], xa: float, xb: float, y1: float, y2: float) -> None:
    """The lines centred vertically; figures and header labels centred across, labels from the left."""
    c.setFont(FONT, SIZE)
    mid_x, mid_y = (xa + xb) / 2, (y1 + y2) / 2
    if cell.turn == "rotated":
        c.saveState()
        c.translate(mid_x + SIZE * 0.35, mid_y)
        c.rotate(90)
        c.drawCentredString(0, 0, cell.text)
        c.restoreState()
        return
    y = (y1 - PAD - LEAD if cell.top else mid_y + len(lines) * LEAD / 2 - LEAD) + (LEAD - SIZE) / 2 + 1
    for ln in lines:
        if cell.figure or cell.centre or cell.turn:
            c.drawCentredString(mid_x, y, ln)
        else:
            c.drawString(xa + PAD, y, ln)
        y -= LEAD


# ---------------------------------------------------------------- the three tables


class Figures:
    """Each cell's figure as printed (a zero as the layout prints it), remembered for score()."""

    def __init__(self, report: Report, layout: Layout, rng: random.Random):
        self.report, self.layout, self.rng = report, layout, rng
        self.printed: dict[str, str] = {}

    def __call__(self, cid: str) -> str:
        v = self.report.cells.get(cid)
        text = format_value(v) if v is not None else ""
        if text == "0":
            text = self.rng.choice(["0", "", "/"]) if self.layout.zeros == "mixed" else self.layout.zeros
        self.printed[cid] = text
        return text


def _fig_widths(texts: list[list[str]], layout: Layout, normal: float) -> list[float]:
    """Each figure column's width: normal, or (narrow) the widest figure and a point or two either side."""
    if not layout.narrow:
        return [normal] * len(texts[0])
    return [max(_width(row[j]) for row in texts) + layout.narrow for j in range(len(texts[0]))]


def t2_grids(shown: Figures, width: float) -> list[Grid]:
    """Four small tables each under its 「第二十条第（x）项」 row, or the four in one."""
    layout = shown.layout
    grids = []
    r0 = 0
    cells: list[Cell] = []
    for block in S.T2_BLOCKS:
        ncol = 1 + len(block.cols)
        label_w = width * 0.34
        fig_w = (width - label_w) / len(block.cols)
        if layout.t2_combined:
            fig_w = (width - label_w) / 3
        above = layout.t2_captions_above and not layout.t2_combined
        if not above:
            cells.append(Cell(r0, 0, block.heading, cs=4 if layout.t2_combined else ncol, centre=True))
        h = r0 + (0 if above else 1)  # the column header's row
        cells.append(Cell(h, 0, S.T2_CONTENT_LABEL, centre=True))
        span = 3 // len(block.cols) if layout.t2_combined else 1
        for j, lab in enumerate(block.col_labels):
            cells.append(Cell(h, 1 + j * span, lab, cs=span, centre=True))
        for i, (rid, lab) in enumerate(block.rows):
            cells.append(Cell(h + 1 + i, 0, lab))
            for j, col in enumerate(block.cols):
                cells.append(Cell(h + 1 + i, 1 + j * span, shown(S.t2(rid, col)), cs=span, figure=True))
        if layout.t2_combined:
            r0 += 2 + len(block.rows)
            continue
        grids.append(Grid([label_w] + [fig_w] * len(block.cols), cells, caption=block.heading if above else ""))
        cells = []
    if layout.t2_combined:
        grids.append(Grid([width * 0.34] + [width * 0.66 / 3] * 3, cells))
    return grids


def t3_grid(shown: Figures, width: float) -> Grid:
    layout = shown.layout
    figs = [[shown(S.t3(rid, c)) for c in S.T3_COL_IDS] for rid, _, _ in S.T3_ROWS]
    fig_w = _fig_widths(figs, layout, width * 0.55 / 7)
    head_w = [max(w, 2 * SIZE + 2 * PAD) if layout.narrow else w for w in fig_w]  # two characters at least
    g0 = SIZE + 2 * PAD + 1 if layout.groups != "wrap" else 48.0
    g1 = SIZE + 2 * PAD + 1 if layout.groups != "wrap" else 48.0
    rest = width - sum(head_w) - g0 - g1
    label_w = min(rest, 70.0 if layout.wrap_labels else rest)
    widths = [g0, g1, label_w] + head_w
    h = layout.t3_header_rows
    cells = [Cell(0, 0, S.T3_NOTE, rs=h, cs=3, centre=True)]
    if h == 3:
        cells.append(Cell(0, 3, S.T3_APPLICANT, cs=7, centre=True))
    a = h - 2
    cells += [Cell(a, 3, S.T3_COL_LABEL["np"], rs=2, centre=True), Cell(a, 4, S.T3_LEGAL, cs=5, centre=True),
              Cell(a, 9, S.T3_COL_LABEL["tot"], rs=2, centre=True)]
    cells += [Cell(a + 1, 4 + j, S.T3_COL_LABEL[c], centre=True) for j, c in enumerate(S.T3_PART_COLS[1:])]
    turn = "" if layout.groups == "wrap" else layout.groups
    results = [i for i, (rid, _, _) in enumerate(S.T3_ROWS) if rid.startswith("r3_")]
    cells.append(Cell(h + results[0], 0, S.T3_RESULTS_GROUP, rs=len(results), turn=turn))
    done: set[str] = set()
    for i, (rid, lab, gid) in enumerate(S.T3_ROWS):
        r = h + i
        if not rid.startswith("r3_"):
            cells.append(Cell(r, 0, lab, cs=3))
        elif gid is None:
            cells.append(Cell(r, 1, lab, cs=2))
        else:
            if gid not in done:
                done.add(gid)
                cells.append(Cell(r, 1, S.T3_GROUPS[gid].label, rs=len(S.T3_GROUPS[gid].rows), turn=turn))
            cells.append(Cell(r, 2, lab, more=2 * (rid == layout.tall_row)))
        cells += [Cell(r, 3 + j, t, figure=True, top=(layout.top_totals and j == 6) or rid == layout.tall_row)
                  for j, t in enumerate(figs[i])]
    return Grid(widths, cells, head=h)


def t4_grid(shown: Figures, width: float) -> Grid:
    layout = shown.layout
    cols = [(g, c) for g, _ in S.T4_GROUPS for c, _ in S.T4_COLS]
    layout = shown.layout
    figs = [[shown(S.t4(g, c)) for g, c in cols]]
    w = _fig_widths(figs, layout, width / 15)
    w = [max(x, SIZE + 2 * PAD + 1) for x in w]
    cells = [Cell(0, 0, S.T4_GROUP_LABEL["review"], cs=5, centre=True), Cell(0, 5, S.T4_LAWSUIT, cs=10, centre=True)]
    cells += [Cell(1, j, S.T4_COL_LABEL[c], rs=2, centre=True) for j, (c, _) in enumerate(S.T4_COLS)]
    cells += [Cell(1, 5, S.T4_GROUP_LABEL["direct"], cs=5, centre=True),
              Cell(1, 10, S.T4_GROUP_LABEL["after"], cs=5, centre=True)]
    cells += [Cell(2, 5 + j, S.T4_COL_LABEL[c], centre=True) for j, (c, _) in enumerate(S.T4_COLS * 2)]
    cells += [Cell(3, j, t, figure=True) for j, t in enumerate(figs[0])]
    return Grid(w, cells, head=3)


# ---------------------------------------------------------------- the report


def draw_report(report: Report, layout: Layout, path: Path, rng: random.Random) -> dict[str, str]:
    """The report as a PDF at path: title, text, the three tables under their headings, the fees in 六; each
    table cell's figure as printed."""
    global SIZE, LEAD  # the drawing helpers' text size: one table size a file
    SIZE, LEAD = layout.size, layout.size * 1.25
    shown = Figures(report, layout, rng)
    m = report.meta
    title = f"{m.organ}{m.year}年政府信息公开工作年度报告"
    p = Pages(path, layout, title)
    p.para(m.organ, 16, indent=False, centre=True)
    p.para(f"{m.year}年政府信息公开工作年度报告", 16, indent=False, centre=True)
    p.para(f"本报告由{m.organ}办公室根据《中华人民共和国政府信息公开条例》编制。报告所列统计期限自{m.year}年1月1日"
           f"至{m.year}年12月31日。")
    p.para("一、总体情况", indent=True)
    p.para(f"{m.year}年，本机关认真贯彻落实政府信息公开工作各项要求，主动公开、依申请公开、政府信息管理等工作稳步推进。")
    p.para("二、主动公开政府信息情况")
    width = p.right - p.left
    for g in t2_grids(shown, width):
        if g.caption:
            p.para(g.caption, SIZE + 1.5, indent=False)
        p.grid(g)
    p.para("三、收到和处理政府信息公开申请情况")
    if layout.landscape:
        p.new_page(landscape=True)
    p.grid(t3_grid(shown, p.right - p.left), layout.t3_break and layout.t3_break + layout.t3_header_rows,
           layout.repeat_header)
    p.para("四、政府信息公开行政复议、行政诉讼情况")
    p.grid(t4_grid(shown, p.right - p.left))
    if layout.landscape:
        p.new_page()
    p.para("五、存在的主要问题及改进情况")
    p.para("一是公开内容的深度还需加强；二是政策解读的形式还需丰富。下一步将继续加强培训，提升公开质量。")
    p.para("六、其他需要报告的事项")
    notices, billed = report.cells["fee.notices"], report.cells["fee.billed"]
    p.para(f"本年度发出收费通知{notices}件，总金额{format_value(billed)}元，"
           f"实际收取{format_value(report.cells['fee.collected'])}元。")
    p.save()
    return shown.printed


# ---------------------------------------------------------------- reading it back


@dataclass
class Score:
    exact: int = 0
    blank: int = 0  # left blank and named in the summary, though a figure was printed
    empty: int = 0  # left blank where the cell was printed empty
    unnamed: int = 0  # left blank without a word
    wrong: int = 0
    wrong_cells: tuple[str, ...] = ()

    def __add__(self, o: Score) -> Score:
        return Score(self.exact + o.exact, self.blank + o.blank, self.empty + o.empty, self.unnamed + o.unnamed,
                     self.wrong + o.wrong, self.wrong_cells + o.wrong_cells)

    def __str__(self) -> str:
        return (f"exact {self.exact} / blank {self.blank} (+{self.empty} printed empty) / unnamed {self.unnamed}"
                f" / WRONG {self.wrong}")


def score(report: Report, path: Path, printed: dict[str, str]) -> Score:
    """Every table cell read from path against the report drawn: a 「/」 printed must read 「/」, a cell left
    empty reads 0 or blank."""
    from ingest import read_report

    res = read_report(path)
    named = {c for p in res.problems for c in p.cells}
    s = Score()
    wrong = []
    for cid in S.TABLE_CELL_IDS:
        got, want = res.report.cells.get(cid), report.cells.get(cid)
        if printed.get(cid) == NA:
            want = NA
        if got == want:
            s.exact += 1
        elif got is None:
            if printed.get(cid) == "":
                s.empty += 1
            elif cid in named:
                s.blank += 1
            else:
                s.unnamed += 1
        else:
            s.wrong += 1
            wrong.append(f"{cid}={got}≠{want}")
    s.wrong_cells = tuple(wrong)
    return s


def run(name: str, seed: int, folder: Path) -> Score:
    """Variation name drawn for the consistent report of seed and read back."""
    from tests.factories import consistent_report

    rng = random.Random(seed)
    report = consistent_report(rng, maxv=MAXV.get(name, 30), sparse=name in SPARSE)
    path = folder / f"{name}_{seed}.pdf"
    printed = draw_report(report, VARIATIONS[name], path, rng)
    return score(report, path, printed)


def main() -> None:  # python -m tests.pdf_layouts [seeds] [names…]: the table of figures
    import sys
    import tempfile

    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    names = sys.argv[2:] or list(VARIATIONS)
    with tempfile.TemporaryDirectory() as d:
        total = Score()
        for name in names:
            s = sum((run(name, k, Path(d)) for k in range(seeds)), Score())
            total = total + s
            print(f"{name:16} {s}  {' '.join(s.wrong_cells[:4])}")
        print(f"{'total':16} {replace(total, wrong_cells=())}")


if __name__ == "__main__":
    main()
