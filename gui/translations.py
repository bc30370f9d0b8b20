"""Qt's own Chinese for its standard dialogs and buttons (确定 / 取消 / 保存 / 查找范围 …).

The .qm files ship with PySide6 (and are kept in the bundle); they are loaded before any dialog exists."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOGUES = ("qtbase_zh_CN",)  # qt_zh_CN is a meta-catalogue that only includes qtbase here


def install_chinese(app: QCoreApplication) -> list[str]:
    """Load Qt's zh_CN catalogues into `app` and make Chinese the default locale; returns what loaded."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    done = getattr(app, "_nianbao_qt_zh", None)
    if done:  # make_app may run more than once (tests): install once
        return list(done)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded = []
    for name in CATALOGUES:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            loaded.append(name)
    app._nianbao_qt_zh = loaded  # type: ignore[attr-defined]  # a Python attribute on the Qt object
    return loaded
