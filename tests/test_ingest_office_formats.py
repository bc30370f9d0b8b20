"""The formats a clerk's office saves in — Word/Excel 97–2003 (.doc .xls), WPS (.wps .et), OpenDocument (.odt
.ods) and OFD — read to the same report as the file they were made from.  LibreOffice converts our own
files once per session (slow); OFD files are written from our PDFs by tests/ofd_writer.py."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from export import export_report
from ingest import read_report
from ingest.formats import help_list, open_filter
from model.fileformat import dumps
from tests.conftest import REAL_PDF, SEEDS, sample_files
from tests.ofd_writer import pdf_to_ofd
from tests.test_export_xlsx import _soffice
from tests.test_ingest_formats import _same, sample_report, write_docx, write_foreign_xlsx

SEED = sample_files(SEEDS, "*.txt")[0]
BAD = ("unreadable", "ambiguous", "missing")


def _convert_all(sources: list[Path], fmt: str, outdir: Path, profile: Path, infilter: str | None = None) -> None:
    cmd = [_soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
    cmd += [f"--infilter={infilter}"] if infilter else []
    cmd += ["--convert-to", fmt, "--outdir", str(outdir), *map(str, sources)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    for src in sources:
        assert (outdir / f"{src.stem}.{fmt}").stat().st_size > 0, proc.stdout + proc.stderr


@pytest.fixture(scope="session")
def office(tmp_path_factory) -> dict:
    """Sources (reports and their .docx/.xlsx) and their conversions, by name: word.doc, word.wps, …"""
    d = tmp_path_factory.mktemp("office")
    profile = d / "lo-profile"
    rep_doc, rep_sheet, rep_own = sample_report(41), sample_report(43), sample_report(47)
    write_docx(rep_doc, d / "word.docx")
    write_foreign_xlsx(rep_sheet, d / "sheet.xlsx")
    export_report(rep_own, "xlsx", d / "ours.xlsx", force=True)
    shutil.copy(SEED, d / "seed.txt")
    for fmt in ("doc", "odt"):
        _convert_all([d / "word.docx"], fmt, d, profile)
    for fmt in ("xls", "ods"):
        _convert_all([d / "sheet.xlsx", d / "ours.xlsx"], fmt, d, profile)
    _convert_all([d / "seed.txt"], "doc", d, profile, infilter="Text (encoded):UTF8,LF,,,")
    shutil.copy(d / "word.doc", d / "word.wps")  # recent WPS 文字 saves the Word 97 structure
    shutil.copy(d / "sheet.xls", d / "sheet.et")
    return {"dir": d, "word": rep_doc, "sheet": rep_sheet, "ours": rep_own}


def _clean(result):
    assert not [p for p in result.problems if p.kind in BAD], result.summary()
    return result


@pytest.mark.slow
@pytest.mark.parametrize("suffix,kind", [("doc", "doc"), ("wps", "doc"), ("odt", "odt")])
def test_word_processor_files_read_like_their_docx(office, suffix, kind):
    result = _clean(read_report(office["dir"] / f"word.{suffix}"))
    assert result.source_kind == kind
    assert not result.problems  # a .wps is what its suffix says: no note about the content
    _same(office["word"], result.report)


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["doc", "odt"])
def test_word_processor_items_match_the_docx_reader(office, suffix):
    """Paragraph for paragraph and cell for cell, merged cells included, the same items as the .docx."""
    from ingest.readers.docx import read_docx
    from ingest.readers.doc import read_doc
    from ingest.readers.odt import read_odt

    reader = {"doc": read_doc, "odt": read_odt}[suffix]
    assert reader(str(office["dir"] / f"word.{suffix}"), "x") == read_docx(str(office["dir"] / "word.docx"), "x")


@pytest.mark.slow
@pytest.mark.parametrize("suffix,kind", [("xls", "xls"), ("et", "xls"), ("ods", "ods")])
def test_spreadsheets_read_like_their_xlsx(office, suffix, kind):
    result = _clean(read_report(office["dir"] / f"sheet.{suffix}"))
    assert result.source_kind == kind
    _same(office["sheet"], result.report)
    assert result.report.cells == read_report(office["dir"] / "sheet.xlsx").report.cells


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_our_workbook_converted_keeps_the_whole_report(office, suffix):
    result = read_report(office["dir"] / f"ours.{suffix}")
    assert result.source_kind == "own_xlsx"
    assert dumps(result.report) == dumps(office["ours"])


@pytest.mark.slow
def test_sample_text_saved_as_doc(office):
    """The sample is a text dump with its lines wrapped; in the .doc each of those lines is a paragraph, so
    the sections keep the breaks a text file has undone — the words and every figure are the same."""
    doc = _clean(read_report(office["dir"] / "seed.doc")).report
    txt = read_report(office["dir"] / "seed.txt").report
    assert doc.cells == txt.cells and len(doc.cells) > 100
    assert (doc.meta.organ, doc.meta.year) == (txt.meta.organ, txt.meta.year)
    assert {k: v.replace("\n", "") for k, v in doc.sections.items()} == \
        {k: v.replace("\n", "") for k, v in txt.sections.items()}


@pytest.mark.parametrize("namespace,prefix", [("http://www.ofdspec.org/2016", "ofd"), ("http://www.ofdspec.org", "")])
def test_ofd_of_our_pdf(tmp_path, namespace, prefix):
    rep = sample_report(53)
    export_report(rep, "pdf", tmp_path / "r.pdf", force=True)
    pdf_to_ofd(tmp_path / "r.pdf", tmp_path / "r.ofd", namespace, prefix)
    result = _clean(read_report(tmp_path / "r.ofd"))
    assert result.source_kind == "ofd"
    _same(rep, result.report)


@pytest.mark.parametrize("pdf", sample_files(REAL_PDF, "*.pdf"), ids=lambda p: p.stem)
def test_ofd_of_a_published_pdf_reads_like_the_pdf(tmp_path, pdf):
    pdf_to_ofd(pdf, tmp_path / "r.ofd")
    ofd, ref = read_report(tmp_path / "r.ofd").report, read_report(pdf).report
    assert ofd.cells == ref.cells and len(ofd.cells) > 100
    assert ofd.sections == ref.sections and ofd.meta.organ == ref.meta.organ


def test_open_dialog_and_help_list_the_new_kinds():
    for suffix in (".doc", ".wps", ".xls", ".et", ".odt", ".ods", ".ofd"):
        assert f"*{suffix}" in open_filter().split(";;")[0]
        assert suffix in help_list().split()
