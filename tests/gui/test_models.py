"""Every Qt model passes pytest-qt's model tester; the tester keeps watching its signals during edits."""
import pytest
from PySide6.QtCore import QModelIndex

from gui.app import SAMPLE
from gui.grid_model import TableModel
from model import fileformat
from model.document import Document
from model.schema import TABLES, t3


@pytest.mark.parametrize("tid", list(TABLES))
def test_table_model_passes_qtmodeltester(qtmodeltester, tid):
    doc = Document(fileformat.load(SAMPLE))
    model = TableModel(tid, doc)
    qtmodeltester.check(model, force_py=True)
    doc.set_cells({t3("r1", "np"): 99, "t4.review.tot": 1, "t2.rules.issued": 2})
    doc.undo()
    model.set_document(Document())


def test_table_model_keeps_qts_span():
    # span() is QAbstractItemModel's virtual, which Qt (its own model tester, for one) calls for a QSize
    # cell extent; the model's look-up of a position's schema span is span_of()
    doc = Document(fileformat.load(SAMPLE))
    model = TableModel("t3", doc)
    idx = model.index_of(t3("r1", "np"))
    size = model.span(idx)
    assert (size.width(), size.height()) == (1, 1)
    sp = model.span_of(idx)
    assert sp is not None and sp.cell == t3("r1", "np")
    assert model.span_of(QModelIndex()) is None


def test_table_model_passes_qts_own_model_tester(qtmodeltester, recwarn):
    doc = Document(fileformat.load(SAMPLE))
    qtmodeltester.check(TableModel("t3", doc), force_py=False)
    # PySide only warns when an override hands Qt a value of the wrong type (as span() once did)
    assert [str(w.message) for w in recwarn if issubclass(w.category, RuntimeWarning)] == []


def test_overview_model_passes_qts_own_model_tester(qtmodeltester, recwarn):
    from gui.batch_window import OverviewModel
    from model.batch import BatchEntry
    from model.engine import check

    report = fileformat.load(SAMPLE)
    model = OverviewModel()
    model.set_entries([BatchEntry("a.nianbao", report, check(report), kind="本程序文件"),
                       BatchEntry("b.pdf", error="b.pdf：无法读取")])
    qtmodeltester.check(model, force_py=False)
    assert [str(w.message) for w in recwarn if issubclass(w.category, RuntimeWarning)] == []
