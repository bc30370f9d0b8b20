"""Starting the window: display check, bundled font, the report to open, crash recovery, screenshots.

main.py calls `run(path, screenshot)`; `display_available()` lets it refuse early without a display.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import resources

from .translations import install_chinese

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType
    from PySide6.QtWidgets import QApplication

    from .window import MainWindow

SAMPLE = resources.path("samples", "sample.nianbao")
FONTS_DIR = resources.path("fonts")
ICON = resources.path("icons", "nianbao.svg")
SYSTEM_FALLBACK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")
NO_DISPLAY_MESSAGE = ("没有可用的图形显示（未设置 DISPLAY / WAYLAND_DISPLAY），无法打开窗口；"
                      "无界面时请使用命令：check（校核）、import（导入）、new（从上年新建）、export（导出），"
                      "如 python main.py check 报告.nianbao")
ENV_SHOWN = "NIANBAO_PRINT_SHOWN"  # bench hook: print the wall-clock time the window was first shown


def display_available() -> bool:
    """False when Qt would abort for lack of a display (Linux without X11/Wayland and no headless platform)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform in HEADLESS_PLATFORMS:
        return True
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def font_files() -> list[Path]:
    """The bundled faces (from export.fonts when present), else any font in resources/fonts, else Noto."""
    paths: list[Path] = []
    try:
        from export.fonts import bundled_font_paths
        paths = [Path(p) for p in bundled_font_paths()]
    except Exception:  # noqa: BLE001 - the exporter may not be there yet; fonts are still needed
        paths = []
    if not paths and FONTS_DIR.is_dir():
        paths = sorted(p for p in FONTS_DIR.iterdir() if p.suffix.lower() in (".ttf", ".ttc", ".otf"))
    if not paths and SYSTEM_FALLBACK_FONT.is_file():
        paths = [SYSTEM_FALLBACK_FONT]
    return paths


# UI faces that read well on screen, used before the bundled serif when the PC has them
PREFERRED_UI_CJK = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
                    "WenQuanYi Micro Hei", "Noto Sans SC", "SimHei")


def install_fonts(app: QApplication) -> list[str]:
    """Load the bundled faces into Qt and make the app font fall back to them for Chinese.

    Returns the families the app font uses, in order.  On a PC without any Chinese font the bundled
    family draws every Chinese character; where a good UI face exists it is used first."""
    from PySide6.QtGui import QFont, QFontDatabase

    bundled: list[str] = []
    for p in font_files():
        fid = QFontDatabase.addApplicationFont(str(p))
        if fid >= 0:
            for fam in QFontDatabase.applicationFontFamilies(fid):
                if fam not in bundled:
                    bundled.append(fam)
    font = QFont(app.font())
    families = [font.family()]
    available = set(QFontDatabase.families())
    for fam in PREFERRED_UI_CJK:
        if fam in available and fam not in bundled:
            families.append(fam)
            break
    families += bundled
    font.setFamilies(families)
    app.setFont(font)
    return families


def make_app(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        from . import inputmethod
        inputmethod.prepare()  # QT_IM_MODULE must be set before the QApplication exists
        # Qt's raster engine hands every gradient or image fill of 96 scan lines or more (a scroll bar, a
        # panel) to a thread pool and waits for it: on a busy two-core machine the wait for a free core costs
        # more than the fill, on every repaint.  Painting here is small; it stays on the GUI thread.
        os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("nianbao")
    app.setApplicationName("nianbao")
    app.setApplicationDisplayName("政府信息公开工作年度报告")
    install_chinese(app)
    install_fonts(app)
    from PySide6.QtGui import QIcon
    icon = QIcon(str(ICON))
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app


def warn_input_method(window: MainWindow) -> str | None:
    """On a Linux desktop where an input method runs but none could be attached: say so in the status bar
    and, once per message, in a dialog; typing Chinese must not be silently impossible."""
    from . import inputmethod

    try:
        message = inputmethod.problem()
    except Exception as e:  # noqa: BLE001 - a probe must never stop the program
        print(f"输入法检测失败：{e}", file=sys.stderr)
        return None
    if not message:
        return None
    print(message, file=sys.stderr)
    from PySide6.QtWidgets import QLabel, QMessageBox

    label = QLabel("⚠ 无法输入中文")
    label.setStyleSheet("color: #c8102e")
    label.setToolTip(message)
    window.statusBar().addPermanentWidget(label)
    if window.settings.value("inputmethod/warned", "") != message:
        window.settings.setValue("inputmethod/warned", message)
        box = QMessageBox(QMessageBox.Icon.Warning, "中文输入", message, QMessageBox.StandardButton.Ok, window)
        box.setModal(False)
        box.show()
    return message


def offer_recovery(window: MainWindow) -> bool:
    """After a crash: offer the newest leftover recovery copy.  True when one was restored."""
    from PySide6.QtWidgets import QMessageBox

    from .recovery import leftovers

    try:
        found = leftovers()
    except OSError:
        return False
    if not found:
        return False
    newest = found[0]
    name = Path(newest.original).name if newest.original else "未命名报告"
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(newest.saved_at)) if newest.saved_at else "未知时间"
    B = QMessageBox.StandardButton
    answer = QMessageBox.question(
        window, "恢复未保存的修改",
        f"程序上次没有正常关闭。找到「{name}」在 {when} 自动保存的修改。\n是否恢复？（选「否」将删除这份自动保存）",
        B.Yes | B.No, B.Yes)
    if answer != B.Yes:
        for lo in found:
            lo.discard()
        return False
    try:
        report = newest.load()
    except Exception as e:  # noqa: BLE001 - a damaged recovery copy must not stop the program
        from model.fileformat import FileFormatError
        from model.oserrors import problem

        why = e if isinstance(e, FileFormatError) else problem(e)
        QMessageBox.warning(window, "无法恢复", f"自动保存的文件已损坏，无法恢复：{why}")
        newest.discard()
        return False
    window.restore(report, newest.original)
    for lo in found:
        lo.discard()
    return True


STARTED_KEY = "started_before"


def build_window(path: str | None, interactive: bool = True, reopen_last: bool = False) -> MainWindow:
    """The window on `path`, else (reopen_last) the last report the clerk had open, else the sample — which
    a returning clerk who has no last report does not get again: a blank report instead.  A file that cannot
    be read leaves the window as it was."""
    from .window import MainWindow

    window = MainWindow()
    window.interactive = interactive
    if path is None and reopen_last:
        path = _last_report(window)
        window.settings.setValue(STARTED_KEY, True)
    if path:
        window.open_path(path)
    elif path is None and SAMPLE.is_file():
        _open_sample(window)
    return window


def _last_report(window: MainWindow) -> str | None:
    """The newest recent file that still exists; None on the very first start (show the sample); "" when a
    returning clerk has none (a blank report)."""
    for f in window.recent_files():
        if Path(f).is_file():
            return f
    return "" if window.settings.value(STARTED_KEY, False, type=bool) else None


def _open_sample(window: MainWindow) -> None:
    """The sample opens read-as-template: saving asks for a new name."""
    from model import fileformat
    from model.document import Document
    try:
        window.set_document(Document(fileformat.load(SAMPLE), path=None), native=True, name="示例报告")
        window.show_part("s3")
    except Exception:  # noqa: BLE001 - a damaged sample must not stop the program
        pass


def screenshot_window(window: MainWindow, out: str, size: tuple[int, int] = (1366, 768)) -> None:
    from PySide6.QtWidgets import QApplication

    window.resize(*size)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    if window.fit_to_width():
        for _ in range(3):
            QApplication.processEvents()
    window.panel.flush()
    QApplication.processEvents()
    if os.environ.get(ENV_SHOWN):
        print(f"shown {time.time():.6f}", flush=True)
    pm = window.grab()
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    if not pm.save(out, "PNG"):
        raise OSError(f"无法写入截图「{out}」")


_QUIET = ("propagateSizeHints",)  # harmless notices of the offscreen platform, noise in --screenshot


def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not any(q in message for q in _QUIET):
        print(message, file=sys.stderr)


def run(path: str | None, screenshot: str | None, size: tuple[int, int] = (1366, 768)) -> int:
    """Open the window (on `path`, else the bundled sample) and run it; returns the exit code.

    With `screenshot`, render the window offscreen to that PNG and return 0 without waiting.
    Without a display (and no screenshot) print one Chinese line naming the headless commands, return 2."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = qInstallMessageHandler(_qt_message)
    try:
        return _run(path, screenshot, size)
    finally:
        qInstallMessageHandler(previous)


def _run(path: str | None, screenshot: str | None, size: tuple[int, int]) -> int:
    if screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never flash a window on screen; same pixels everywhere
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    app = make_app()
    window = build_window(path, interactive=not screenshot, reopen_last=not screenshot)
    if screenshot:
        try:
            screenshot_window(window, screenshot, size)
        except OSError as e:
            from model.oserrors import WRITE, file_problem

            print(file_problem(screenshot, e, WRITE), file=sys.stderr)
            return 2
        window.doc.mark_saved()
        window.close()
        return 0
    screen = window.screen().availableGeometry() if window.screen() else None
    if screen is not None and screen.width() <= 1440:  # a laptop screen: use all of it for the tables
        window.showMaximized()
    else:
        window.show()
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, window.fit_to_width)
    if os.environ.get(ENV_SHOWN):
        QTimer.singleShot(0, lambda: print(f"shown {time.time():.6f}", flush=True))
    offer_recovery(window)
    warn_input_method(window)
    return app.exec()


if __name__ == "__main__":  # python -m gui.app [FILE] [--screenshot OUT]
    args = sys.argv[1:]
    shot = None
    if "--screenshot" in args:
        i = args.index("--screenshot")
        shot = args[i + 1] if i + 1 < len(args) else "screenshot.png"
        del args[i:i + 2]
    sys.exit(run(args[0] if args else None, shot))
