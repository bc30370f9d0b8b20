"""The one export path: refused while the report has errors unless forced; a writer that cannot be loaded (an
incomplete installation) is one Chinese line, not a traceback."""
import pytest

from export import TARGETS, ExportError, ExportRefused, export_report
from export.api import Target
from tests.test_export_sample import broken_report, sample_report


def test_every_target_writes_and_a_broken_report_needs_force(tmp_path):
    for kind, target in TARGETS.items():
        out = tmp_path / f"r{target.suffix}"
        export_report(sample_report(), kind, out)
        assert out.stat().st_size > 0, kind
        with pytest.raises(ExportRefused):
            export_report(broken_report(), kind, tmp_path / f"b{target.suffix}")
        export_report(broken_report(), kind, tmp_path / f"b{target.suffix}", force=True)


def test_a_missing_writer_module_is_one_line(tmp_path):
    ghost = Target("ghost", "幽灵", ".x", "x (*.x)", "export.no_such_writer:write")
    with pytest.raises(ExportError) as e:
        ghost.write(sample_report(), tmp_path / "a.x")
    assert "缺少幽灵导出组件" in str(e.value) and "重新安装" in str(e.value)


def test_a_suffix_the_dialog_offers_is_kept_and_a_missing_one_added():
    from export.api import TARGETS

    assert TARGETS["html"].named("/tmp/年报.htm") == "/tmp/年报.htm"
    assert TARGETS["html"].named("/tmp/年报.HTML") == "/tmp/年报.HTML"
    assert TARGETS["html"].named("/tmp/年报") == "/tmp/年报.html"
    assert TARGETS["pdf"].named("/tmp/年报.htm") == "/tmp/年报.htm.pdf"
