"""Qt's standard dialogs speak Chinese: the buttons of a message box and the labels of Qt's own file dialog."""
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from gui.app import make_app
from gui.translations import install_chinese

B = QMessageBox.StandardButton


def test_catalogue_loads(qapp):
    assert install_chinese(qapp) == ["qtbase_zh_CN"]


def test_message_box_buttons_are_chinese(qtbot):
    make_app()
    box = QMessageBox(QMessageBox.Icon.Question, "标题", "正文", B.Ok | B.Yes | B.No | B.Save | B.Discard | B.Cancel)
    qtbot.addWidget(box)
    texts = {box.button(b).text().replace("&", "") for b in (B.Ok, B.Yes, B.No, B.Save, B.Discard, B.Cancel)}
    assert not any(t.isascii() for t in texts), texts
    assert {"确定", "取消", "保存"} <= {t.split("(")[0] for t in texts}


def test_file_dialog_labels_are_chinese(qtbot):
    make_app()
    dialog = QFileDialog(None, "打开")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [w.text().replace("&", "") for w in dialog.findChildren(QLabel) if w.text()]
    assert labels and not any(t.isascii() for t in labels), labels
    buttons = [b.text().replace("&", "") for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()]
    assert buttons and not any(t.isascii() for t in buttons), buttons

