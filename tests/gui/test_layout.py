"""The tables as a clerk sees them: frozen header rows and label columns, a collapsible findings panel, all of
三's columns at 1024×768 (and at 150% scaling), and the 三 grid's pixels against a stored picture."""
import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QImage
from PySide6.QtWidgets import QApplication

from model.schema import TABLES, t3

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = Path(__file__).with_name("data") / "t3-grid.png"


def t3_table():
    return TABLES["t3"]


def t3_cells() -> tuple[str, ...]:
    return TABLES["t3"].cells


def _settle(qtbot):
    qtbot.wait(20)


def test_header_rows_stay_in_view_after_a_jump(window, qtbot):
    window.resize(1024, 768)
    window.show_part("s3")
    grid = window.grids["t3"]
    window.doc.set_cells({t3("r4", "tot"): 5})
    f = next(x for x in window.doc.checker.findings() if t3("r4", "tot") in x.cells)
    window.jump_to_finding(f)
    _settle(qtbot)
    assert grid.verticalScrollBar().value() > 0  # the table did scroll
    top, left, figures = grid.frozen.top, grid.frozen.left, grid.viewport().geometry()
    assert top.isVisible() and top.geometry().bottom() + 1 == figures.top()  # right above the figures
    assert top.height() == grid.frozen.height() > 0
    assert top.visualRect(grid.grid_model.index(0, 3)).top() == 0  # the header row, not a scrolled row
    assert grid.viewport().rect().contains(grid.visualRect(grid.currentIndex()))  # in view, under the header
    assert left.isVisible() and left.width() == grid.frozen.width() and left.geometry().right() + 1 == figures.left()
    assert not any(part.geometry().intersects(figures) for part in grid.frozen.parts())  # beside, never over


def test_frozen_parts_follow_scrolling_and_show_edits(window, qtbot):
    window.resize(1024, 600)
    window.show_part("s3")
    grid = window.grids["t3"]
    grid.verticalScrollBar().setValue(120)
    assert grid.frozen.left.verticalScrollBar().value() == 120
    assert grid.frozen.top.verticalScrollBar().value() == 0
    window.show_part("s4")
    t4 = window.grids["t4"]
    t4.horizontalScrollBar().setValue(60)
    assert t4.frozen.top.horizontalScrollBar().value() == t4.horizontalScrollBar().value()
    assert t4.frozen.left is None  # 四 has no label columns


def test_frozen_parts_stay_apart_from_the_figures_after_opening_another_report(window, qtbot):
    from model.document import Document

    window.show_part("s3")
    window.set_document(Document())
    _settle(qtbot)
    grid, table = window.grids["t3"], t3_table()
    frozen = grid.frozen
    assert all(grid.isRowHidden(r) for r in range(table.header_rows))  # shown by the parts, not the grid
    assert all(grid.isColumnHidden(c) for c in range(table.label_cols))
    assert not grid.isRowHidden(table.header_rows) and not grid.isColumnHidden(table.label_cols)
    margins = grid.viewportMargins()
    assert (margins.left(), margins.top()) == (frozen.width(), frozen.height()) != (0, 0)
    assert not any(part.geometry().intersects(grid.viewport().geometry()) for part in frozen.parts())


def test_enter_that_scrolls_repaints_only_the_strip_that_comes_into_view(window, qtbot):
    """The frozen parts sit beside the figures, never over them, and the editor closes after the scroll: so Qt
    scrolls the figures by copying pixels, and only the cells that come into view (and the edited ones) are
    painted, not the whole table."""
    window.resize(1024, 600)
    window.show_part("s3")
    _settle(qtbot)
    grid, model = window.grids["t3"], window.grids["t3"].grid_model
    figures = grid.viewport().rect()
    shown = [c for c in t3_cells() if figures.intersects(grid.visualRect(model.index_of(c)))]
    bottom = max((c for c in shown if figures.contains(grid.visualRect(model.index_of(c)))),
                 key=lambda c: grid.visualRect(model.index_of(c)).bottom())
    grid.select_cells([bottom])
    grid.setFocus()
    _settle(qtbot)
    before = grid.verticalScrollBar().value()
    painted: dict = {}
    grid.delegate.painted = painted
    qtbot.keyClicks(grid, "7")
    editor = QApplication.focusWidget()
    assert editor is not grid
    painted.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _settle(qtbot)
    grid.delegate.painted = None
    assert window.doc.report.cells[bottom] == 7 and grid.verticalScrollBar().value() > before  # it did scroll
    assert figures.contains(grid.visualRect(grid.currentIndex()))  # to the cell below
    assert bottom in painted and 0 < len(painted) <= len(shown) // 3, (len(painted), len(shown))


def test_scrolling_step_by_step_shows_what_a_full_repaint_shows(window, qtbot):
    """Scrolling copies pixels and paints only the strips that come into view (figures, labels, the tall group
    labels character by character): what is on screen must equal a full repaint at every step."""
    window.resize(1024, 600)
    window.show_part("s3")
    _settle(qtbot)
    grid = window.grids["t3"]
    bar = grid.verticalScrollBar()
    screen = window.windowHandle().screen()
    for step in (13, -29):
        bar.setValue(0 if step > 0 else bar.maximum())
        for _ in range(6):
            bar.setValue(bar.value() + step)
            qtbot.wait(1)
            shown = screen.grabWindow(window.winId()).toImage()
            for view in [grid, *grid.frozen.parts()]:
                view.viewport().update()
            qtbot.wait(1)
            assert screen.grabWindow(window.winId()).toImage() == shown, (step, bar.value())


def test_findings_panel_collapses_and_the_grid_takes_the_width(window, qtbot):
    window.resize(1024, 768)
    window.show_part("s3")
    grid = window.grids["t3"]
    _settle(qtbot)
    before = grid.width()  # the figures and the frozen label columns beside them
    assert window.act_findings.isEnabled() and window.act_findings.shortcut().toString() == "F4"
    window.act_findings.trigger()
    _settle(qtbot)
    assert not window.dock.isVisible() and grid.width() > before + 100
    window.act_findings.trigger()
    _settle(qtbot)
    assert window.dock.isVisible()


def test_all_of_three_fits_at_1024_by_768(window, qtbot):
    window.resize(1024, 768)
    window.show_part("s3")
    _settle(qtbot)
    grid = window.grids["t3"]
    assert not window.fit_to_width()  # fits beside the panel: nothing collapsed
    assert grid.content_width() <= grid.viewport().width()
    assert grid.horizontalScrollBar().maximum() == 0


PROBE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from gui.app import make_app, build_window
app = make_app()
w = build_window(None, interactive=False)
w.resize(int(sys.argv[2]), int(sys.argv[3])); w.show()
for _ in range(5): app.processEvents()
collapsed = w.fit_to_width()
for _ in range(5): app.processEvents()
g = w.grids["t3"]
print(json.dumps({"collapsed": collapsed, "content": g.content_width(), "viewport": g.viewport().width()}))
"""


def test_all_of_three_fits_at_150_percent_scaling():
    """1024×768 at 150% is 683×512 logical pixels: the panel gives way, every column of 三 shows."""
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE, str(ROOT), "683", "512"], env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    probe = json.loads(out.strip().splitlines()[-1])
    assert probe["collapsed"] and probe["content"] <= probe["viewport"]


def _bundled_family() -> str:
    from gui.app import font_files

    for path in font_files():
        if path.name == "NianbaoSerif-Regular.ttf":
            return QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(path)))[0]
    raise AssertionError("the bundled serif font is missing")


BUNDLED_FAMILY = ""


def _render_t3(make_window, sample_copy) -> QImage:
    global BUNDLED_FAMILY
    BUNDLED_FAMILY = BUNDLED_FAMILY or _bundled_family()
    w = make_window(sample_copy)
    w.resize(1100, 800)
    w.show_part("s3")
    grid = w.grids["t3"]
    grid.setFont(QFont(BUNDLED_FAMILY, 10))  # every glyph from the bundled face: the same on every machine
    for part in grid.frozen.parts():
        part.setFont(grid.font())
    grid.setCurrentIndex(grid.grid_model.index_of(t3("r1", "np")))
    grid.verticalScrollBar().setValue(0)
    grid.resize(640, 560)
    grid.fit()
    return grid.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _difference(a: QImage, b: QImage) -> float:
    """The share of pixels that differ noticeably (any channel by more than 48)."""
    if a.size() != b.size():
        return 1.0
    differ = 0
    step = 2  # every other pixel in each direction: enough for a layout or colour regression
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            p, q = a.pixel(x, y), b.pixel(x, y)
            if any(abs(((p >> s) & 255) - ((q >> s) & 255)) > 48 for s in (0, 8, 16)):
                differ += 1
    return differ / ((a.width() // step) * (a.height() // step))


def test_three_grid_matches_the_stored_picture(make_window, sample_copy):
    """A painting regression (layout, spans, colours, frozen parts) fails here.  After an intended change of
    the look, delete tests/gui/data/t3-grid.png and run this test once to store the new picture."""
    image = _render_t3(make_window, sample_copy)
    if not REFERENCE.exists():
        REFERENCE.parent.mkdir(exist_ok=True)
        image.save(str(REFERENCE))
        raise AssertionError(f"stored a new reference picture {REFERENCE}; check it by eye and commit it")
    assert _difference(image, QImage(str(REFERENCE)).convertToFormat(QImage.Format.Format_RGB32)) < 0.02
    broken = image.copy()
    broken.fill(Qt.GlobalColor.white)  # the comparison itself can fail
    assert _difference(broken, QImage(str(REFERENCE))) > 0.02
