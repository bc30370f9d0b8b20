"""An edit changes what it must and leaves the rest of the window alone: the status line's texts do not re-lay
out the status bar, the findings list keeps its rows when only their numbers change, undo is named when the
menu opens."""
from PySide6.QtCore import QEvent, QObject

from model.schema import t3


class _Count(QObject):
    def __init__(self, kind):
        super().__init__()
        self.kind, self.seen = kind, 0

    def eventFilter(self, obj, event) -> bool:
        if event.type() == self.kind:
            self.seen += 1
        return False


def test_status_texts_do_not_re_lay_out_the_status_bar(window, qtbot):
    qtbot.wait(20)
    bar = window.statusBar()
    layouts = _Count(QEvent.Type.LayoutRequest)
    bar.installEventFilter(layouts)
    counts_at = window.counts.geometry()
    for text in ("一、本年新收 = 41　总计不等于各类申请人之和", "二", "三" * 200):
        window.cell_status.setText(text)
        window.show_message(text)
        qtbot.wait(5)
    bar.removeEventFilter(layouts)
    assert layouts.seen == 0
    assert window.counts.geometry() == counts_at
    assert window.cell_status.text() == "三" * 200 and window.cell_status.width() > window.note.width() > 0


def test_findings_list_keeps_its_rows_when_only_the_numbers_change(window, qtbot):
    window.doc.set_cells({t3("r1", "np"): 41})
    window.panel.flush()
    panel = window.panel
    rows = {id(item): item.text(0) for item in panel.items()}
    chosen = panel.items()[0]
    panel.tree.setCurrentItem(chosen)
    window.doc.set_cells({t3("r1", "np"): 43})  # the same sums stay broken, by other amounts
    panel.flush()
    assert {id(item) for item in panel.items()} == set(rows)  # the same rows, not a rebuilt list
    assert panel.tree.currentItem() is chosen
    assert any(rows[id(item)] != item.text(0) for item in panel.items())  # their numbers did change
    assert all("43" in item.toolTip(0) or "43" not in item.text(0) for item in panel.items())
    window.doc.set_cells({t3("r1", "np"): 40})  # back to the sample's figure: the findings go
    panel.flush()
    assert panel.items() == [] and panel.summary.text() == "未发现问题"


def test_undo_is_named_when_the_edit_menu_opens(window):
    window.doc.set_cells({t3("r1", "np"): 41}, label="输入 自然人")
    edit_menu = window.act_undo.associatedObjects()
    menu = next(m for m in edit_menu if m.metaObject().className() == "QMenu")
    menu.aboutToShow.emit()
    assert window.act_undo.text() == "撤销 输入 自然人"
    window.doc.undo()
    menu.aboutToShow.emit()
    assert window.act_undo.text() == "撤销" and window.act_redo.text() == "重做 输入 自然人"


def test_the_recovery_copy_and_journal_go_to_disk_without_the_window_waiting(qtbot, tmp_path, monkeypatch):
    """A busy disk: fsync blocks.  Writing a copy and journal lines returns at once all the same (the worker
    thread waits for the disk), and closing waits for it, then removes the slot."""
    import threading
    import time

    from gui import recovery
    from model.report import Report

    disk = threading.Event()
    synced: list[int] = []

    def slow_fsync(fd):
        disk.wait(5)
        synced.append(fd)

    monkeypatch.setattr(recovery.os, "fsync", slow_fsync)
    slot = recovery.RecoverySlot(tmp_path)
    began = time.monotonic()
    slot.write(Report(), None)
    slot.append(["一行"])
    slot.sync()
    slot.write(Report(), None)
    assert time.monotonic() - began < 1 and not synced
    assert slot.copy_path(1).is_file() and slot.copy_path(2).is_file() and slot.journal_path(1).is_file()
    disk.set()
    slot.close()
    assert synced and not list(tmp_path.iterdir())


def test_the_cells_status_text_can_be_copied(window):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    window.cell_status.setText("一、本年新收 = 41　总计不等于各类申请人之和")
    assert window.cell_status.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    copy = next(a for a in window.cell_status.actions() if a.text() == "复制")
    copy.trigger()
    assert QGuiApplication.clipboard().text() == "一、本年新收 = 41　总计不等于各类申请人之和"
