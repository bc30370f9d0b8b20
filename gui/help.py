"""帮助 menu: the user guide (F1), generated from the rule catalogue (model/guide.py), and 关于."""
from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout

from model.guide import guide_html

if TYPE_CHECKING:
    from .window import MainWindow

LIBRARIES = (  # what the program ships and under which licence (shown in 关于)
    ("Qt / PySide6", "LGPL-3.0"), ("openpyxl", "MIT"), ("reportlab", "BSD"), ("pdfplumber / pdfminer.six", "MIT"),
    ("pypdfium2 / PDFium", "Apache-2.0 / BSD"), ("python-docx", "MIT"), ("defusedxml", "PSF-2.0"),
)
FONTS = "Nianbao Serif / Nianbao Sans：由 Noto Serif CJK、Noto Sans CJK 转换，SIL Open Font License 1.1"


def version() -> str:
    try:
        return metadata.version("nianbao")
    except metadata.PackageNotFoundError:  # run from a checkout without installing
        return "开发版"


class GuideDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("用户指南")
        self.browser = QTextBrowser(self)
        self.browser.setHtml(guide_html())
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(960, 720)


def about_text() -> str:
    libs = "<br>".join(f"{name}（{lic}）" for name, lic in LIBRARIES)
    return (f"<h3>政府信息公开工作年度报告 编写与校核</h3><p>nianbao 版本 {version()}</p>"
            "<p>按国办公开办函〔2021〕30号规定的格式编写、校核并导出年度报告；完全离线运行。</p>"
            f"<p><b>字体</b><br>{FONTS}</p><p><b>使用的开源软件</b><br>{libs}</p>")


def install_help_menu(window: MainWindow) -> None:
    """Add 帮助 to the window's menu bar: 用户指南 (F1) and 关于."""
    menu = window.menuBar().addMenu("帮助(&H)")
    guide = menu.addAction("用户指南")
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.triggered.connect(lambda _=False: show_guide(window))
    about = menu.addAction("关于 nianbao")
    about.triggered.connect(lambda _=False: QMessageBox.about(window, "关于 nianbao", about_text()))
    window.act_guide, window.act_about = guide, about


def show_guide(window: MainWindow) -> None:
    dialog = window._guide or GuideDialog(window)
    window._guide = dialog  # one guide window, kept open beside the report
    dialog.show()
    dialog.raise_()
