"""Every Qt model passes pytest-qt's model tester; the tester keeps watching its signals during edits."""
import pytest

from model import fileformat
from model.document import Document
from model.schema import TABLES, t3

from gui.app import SAMPLE
from gui.grid_model import TableModel


@pytest.mark.parametrize("tid", list(TABLES))
def test_table_model_passes_qtmodeltester(qtmodeltester, tid):
    doc = Document(fileformat.load(SAMPLE))
    model = TableModel(tid, doc)
    qtmodeltester.check(model, force_py=True)
    doc.set_cells({t3("r1", "np"): 99, "t4.review.tot": 1, "t2.rules.issued": 2})
    doc.undo()
    model.set_document(Document())
