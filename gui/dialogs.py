"""Dialogs with more to say than a message box holds (the import summary can list many problems)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


def confirm_import(parent: QWidget | None, name: str, summary: str) -> bool:
    """Show what an import read and could not read; True when the clerk chooses to use the report."""
    return import_dialog(parent, name, summary).exec() == QDialog.DialogCode.Accepted


def import_dialog(parent: QWidget | None, name: str, summary: str) -> QDialog:
    dlg = QDialog(parent)
    dlg.setWindowTitle("导入结果")
    lab = QLabel(f"从「{name}」导入的内容如下。请核对后再使用：导入的数字应与原文一致。")
    lab.setWordWrap(True)
    text = QPlainTextEdit(summary)
    text.setReadOnly(True)
    fm = text.fontMetrics()
    text.setMinimumSize(fm.horizontalAdvance("中") * 40, fm.height() * min(24, summary.count("\n") + 3))
    buttons = QDialogButtonBox()
    use = buttons.addButton("使用此报告", QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dlg.accept)
    buttons.rejected.connect(dlg.reject)
    use.setDefault(True)
    lay = QVBoxLayout(dlg)
    lay.addWidget(lab)
    lay.addWidget(text, 1)
    lay.addWidget(buttons)
    return dlg
