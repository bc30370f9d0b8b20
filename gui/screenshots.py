"""The README pictures: each part of the window on the sample report, offscreen, into docs/img/gui-*.png.

    .venv/bin/python -m gui.screenshots [OUT_DIR]

t3 and 一 are shown with two figures mistyped (自然人 41, 总计 53), so the live checks are visible: the
broken cells in red, the formula of the clicked finding outlined, the sentence of 一 that disagrees with
the table underlined, the nav marks and the 问题清单.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from model.findings import Finding

    from .window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


def main(out_dir: str | None = None) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from model.schema import t3

    from .app import build_window, make_app

    out = Path(out_dir or ROOT / "docs" / "img")
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    w = build_window(None)
    w.resize(1366, 768)
    w.show()

    def settle():
        for _ in range(6):
            app.processEvents()
        w.panel.flush()
        w.refresh_marks()
        app.processEvents()

    written = []

    def shot(name: str) -> None:
        settle()
        p = out / f"gui-{name}.png"
        w.grab().save(str(p))
        written.append(p)

    for part in ("meta", "s2", "s4", "s5", "s6"):
        w.show_part(part)
        shot(part)
    w.show_part("s3")
    shot("t3-clean")
    w.doc.set_cells({t3("r1", "np"): 41, t3("r1", "tot"): 53}, label="示例错误")
    settle()
    balance = next(f for f in w.doc.checker.findings() if f.rule == "T3.BALANCE")
    w.jump_to_finding(balance)
    w.grids["t3"].scrollToTop()
    shot("t3")
    _small_screen_shot(w, shot, balance)
    w.show_part("s1")
    shot("s1")
    w.doc.undo()
    _drafting_shots(w, shot)
    w.doc.mark_saved()
    w.close()
    return written


def _small_screen_shot(w: MainWindow, shot: Callable[[str], None], finding: Finding) -> None:
    """表三 at 1024×768 after a jump to a finding near its foot: every column shown, header rows frozen."""
    from PySide6.QtWidgets import QApplication

    w.resize(1024, 768)
    for _ in range(6):  # the new size laid out before asking whether 三 fits
        QApplication.processEvents()
    w.fit_to_width()  # fits beside the panel at 100 %: nothing collapsed
    w.jump_to_finding(finding)
    grid = w.grids["t3"]
    grid.select_cells([finding.cells[-1]], current=finding.cells[-1])
    grid.scrollTo(grid.currentIndex())
    shot("t3-1024")
    w.resize(1366, 768)


def _drafting_shots(w: MainWindow, shot: Callable[[str], None]) -> None:
    """「按表格生成」 at the end of 一 (gui-s1-draft), and t3 beside a made-up last year (gui-t3-prior)."""

    from model.report import Prior

    w.show_part("s1")
    page = w.texts["s1"]
    head = "（一）主动公开\n全年通过区政府门户网站主动公开政府信息1286条。\n（二）依申请公开\n"
    w.doc.set_section("s1", head + "（三）政府信息管理\n严格落实公开属性源头认定制度。")
    cursor = page.editor.textCursor()
    cursor.setPosition(len(head))
    page.editor.setTextCursor(cursor)
    bar = page.draft_bar
    assert bar is not None  # 一 has 「按表格生成」
    bar.generate()
    shot("s1-draft")
    now = w.doc.report.cells
    cells = {c: (v * 9 // 10 if isinstance(v, int) else v) for c, v in now.items()}
    cells.update({c.replace("r2", "r4"): v for c, v in now.items() if c.startswith("t3.r2.")})  # X.CARRY holds
    for row in ("rules", "normative"):  # and X.IN_FORCE
        issued, repealed, in_force = (now.get(f"t2.{row}.{c}") for c in ("issued", "repealed", "in_force"))
        if isinstance(issued, int) and isinstance(repealed, int) and isinstance(in_force, int):
            cells[f"t2.{row}.in_force"] = in_force - issued + repealed
    cells["t3.r1.np"] = 12  # 40 this year: 「与上年相比变化较大」
    w.doc.set_prior(Prior(year=(w.doc.report.meta.year or 2025) - 1, organ=w.doc.report.meta.organ, cells=cells))
    w.show_part("s3")
    w.grids["t3"].scrollToTop()
    shot("t3-prior")
    for _ in range(3):
        w.doc.undo()


if __name__ == "__main__":
    for p in main(sys.argv[1] if len(sys.argv) > 1 else None):
        print(p)
