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
from tests.test_ingest_formats import _same, sample_report, write_docx, write_foreign_xlsx, write_numbered_docx
from tests.tools import need

SEED = sample_files(SEEDS, "*.txt")[0]
BAD = ("unreadable", "ambiguous", "missing")


def _convert_all(sources: list[Path], fmt: str, outdir: Path, profile: Path, infilter: str | None = None) -> None:
    cmd = [need("soffice", "libreoffice", package="LibreOffice"), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
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
    write_numbered_docx(rep_doc, d / "numbered.docx")
    write_foreign_xlsx(rep_sheet, d / "sheet.xlsx")
    export_report(rep_own, "xlsx", d / "ours.xlsx", force=True)
    shutil.copy(SEED, d / "seed.txt")
    for fmt in ("doc", "odt", "rtf"):
        _convert_all([d / "word.docx", d / "numbered.docx"], fmt, d, profile)
    for fmt in ("xls", "ods"):
        _convert_all([d / "sheet.xlsx", d / "ours.xlsx"], fmt, d, profile)
    _convert_all([d / "seed.txt"], "doc", d, profile, infilter="Text (encoded):UTF8,LF,,,")
    shutil.copy(d / "word.doc", d / "word.wps")  # recent WPS 文字 saves the Word 97 structure
    shutil.copy(d / "sheet.xls", d / "sheet.et")
    shutil.copy(d / "word.rtf", d / "rtf.doc")  # what older web systems hand out as 「.doc」
    return {"dir": d, "word": rep_doc, "sheet": rep_sheet, "ours": rep_own}


def _clean(result):
    assert not [p for p in result.problems if p.kind in BAD], result.summary()
    return result


@pytest.mark.slow
@pytest.mark.parametrize("suffix,kind", [("doc", "doc"), ("wps", "doc"), ("odt", "odt"), ("rtf", "rtf")])
def test_word_processor_files_read_like_their_docx(office, suffix, kind):
    result = _clean(read_report(office["dir"] / f"word.{suffix}"))
    assert result.source_kind == kind
    assert not result.problems  # a .wps is what its suffix says: no note about the content
    _same(office["word"], result.report)


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["doc", "odt", "rtf"])
@pytest.mark.parametrize("source", ["word", "numbered"])
def test_word_processor_items_match_the_docx_reader(office, suffix, source):
    """Paragraph for paragraph and cell for cell, merged cells and automatic heading numbers included, the
    same items as the .docx."""
    from ingest.readers.doc import read_doc
    from ingest.readers.docx import read_docx
    from ingest.readers.odt import read_odt
    from ingest.readers.rtf import read_rtf

    reader = {"doc": read_doc, "odt": read_odt, "rtf": read_rtf}[suffix]
    got = reader(str(office["dir"] / f"{source}.{suffix}"), "x")
    assert got == read_docx(str(office["dir"] / f"{source}.docx"), "x")


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


# ---------------------------------------------------------------- sniffed by content

def test_a_doc_that_is_a_web_page_is_read_as_one(tmp_path):
    from tests.test_ingest_formats import html_of

    rep = sample_report(59)
    path = tmp_path / "旧系统导出.doc"
    path.write_text(html_of(rep), encoding="utf-8")
    result = read_report(path)
    assert result.source_kind == "html"
    assert any("「.doc」" in p.message and "网页" in p.message for p in result.problems)
    _same(rep, result.report)


@pytest.mark.slow
def test_a_doc_that_is_rtf_is_read_as_rtf(office):
    result = read_report(office["dir"] / "rtf.doc")
    assert result.source_kind == "rtf" and "RTF" in result.problems[0].message
    _same(office["word"], result.report)


def _gbk(text: str) -> str:
    return "".join(f"\\'{b:02x}" if b > 127 else chr(b) for b in text.encode("gbk"))


def test_rtf_in_the_gbk_code_page_with_fields_and_merged_cells():
    """As WPS and older systems write it: GBK bytes as \\'hh, a field's result, a cell merged into the one
    above, a \\bin blob that must not be read as text, a character as \\uN with its fallback."""
    from ingest.readers.rtf import RtfReader

    rtf = ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fcharset134 " + _gbk("宋体") + ";}}"
           "{\\info{\\title " + _gbk("标题") + "}}\\pard " + _gbk("一、总体情况") + "\\par "
           + _gbk("全年公开") + "{\\field{\\*\\fldinst NUMPAGES}{\\fldrslt 12}}" + _gbk("条。") + "\\par "
           "{\\pict\\bin6 }}}{{{}\\par "
           "\\trowd\\trleft-10\\clvmgf\\cellx1000\\cellx2000\\pard\\intbl " + _gbk("规章") + "\\cell 5\\cell\\row "
           "\\trowd\\trleft-10\\clvmrg\\cellx1000\\cellx2000\\pard\\intbl\\cell 7\\cell\\row "
           "\\pard\\uc1\\u-30340?" + _gbk("结束") + "\\par}")
    items = RtfReader("x.rtf").read(rtf.encode("latin-1"))
    assert items == [("line", "一、总体情况"), ("line", "全年公开12条。"), ("line", ""),
                     ("table", [["规章", "5"], [None, "7"]]), ("line", "\u897c结束")]


def test_an_xls_that_is_really_xlsx_is_read_as_xlsx(tmp_path):
    rep = sample_report(61)
    write_foreign_xlsx(rep, tmp_path / "a.xlsx")
    shutil.copy(tmp_path / "a.xlsx", tmp_path / "a.xls")
    result = read_report(tmp_path / "a.xls")
    assert result.source_kind == "xlsx" and "Excel 文件" in result.problems[0].message
    _same(rep, result.report)


def test_an_early_wps_file_is_named(tmp_path):
    path = tmp_path / "1999.wps"
    path.write_bytes(b"\xff\x00WPS\x00\x01" + bytes(range(256)) * 8)
    _refused(path, "早期 WPS")


def test_compound_files_that_are_not_word_or_excel_are_named():
    from ingest.readers.ole import kind_of_streams
    from ingest.result import IngestError

    assert kind_of_streams({"worddocument", "1table"}, "a") == "doc"
    assert kind_of_streams({"workbook"}, "a") == "xls"
    for streams, words in (({"encryptioninfo", "encryptedpackage"}, "密码"), ({"powerpoint document"}, "PowerPoint")):
        with pytest.raises(IngestError, match=words):
            kind_of_streams(streams, "a.docx")


# ---------------------------------------------------------------- damaged, encrypted, hostile

def _refused(path, *words, seconds=10):
    from tests.test_ingest_safety import _refused as refused

    return refused(path, *words, seconds=seconds)


def _fat_entry(data: bytes, sector: int) -> int:
    """The file offset of a sector's FAT entry ([MS-CFB] 2.2: header, DIFAT in the header)."""
    import struct

    size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    per = size // 4
    fat_sector = struct.unpack_from("<I", data, 0x4C + 4 * (sector // per))[0]
    return (fat_sector + 1) * size + 4 * (sector % per)


def _loop_at(data: bytes, sector: int) -> bytes:
    import struct

    out = bytearray(data)
    struct.pack_into("<I", out, _fat_entry(data, sector), sector)
    return bytes(out)


def _stream_start(path: Path, stream: str) -> int:
    import olefile

    with olefile.OleFileIO(str(path)) as ole:
        return ole.direntries[ole._find(stream)].isectStart


@pytest.mark.slow
@pytest.mark.parametrize("source,stream", [("word.doc", "WordDocument"), ("sheet.xls", "Workbook")])
def test_truncated_and_looping_compound_files_are_refused(office, tmp_path, source, stream):
    import struct

    src = office["dir"] / source
    data = src.read_bytes()
    cases = {"truncated": data[:len(data) // 3], "header": data[:512],
             "dirloop": _loop_at(data, struct.unpack_from("<I", data, 0x30)[0]),
             "streamloop": _loop_at(data, _stream_start(src, stream) + 1)}
    for case, bad in cases.items():
        path = tmp_path / f"{case}{src.suffix}"
        path.write_bytes(bad)
        _refused(path, "损坏")


def _rewrite_stream(src: Path, dst: Path, stream: str, change) -> None:
    import olefile

    shutil.copy(src, dst)
    with olefile.OleFileIO(str(dst), write_mode=True) as ole:
        data = bytearray(ole.openstream(stream).read())
        change(data)
        ole.write_stream(stream, bytes(data))


@pytest.mark.slow
def test_encrypted_and_word95_documents_are_refused(office, tmp_path):
    import struct

    def encrypted(fib):
        fib[11] |= 0x01  # fEncrypted: bit 8 of the flags at offset 10 ([MS-DOC] 2.5.2)

    def word95(fib):
        struct.pack_into("<H", fib, 2, 0x0065)

    for name, change, words in (("locked.doc", encrypted, "密码"), ("old.doc", word95, "Word 95")):
        _rewrite_stream(office["dir"] / "word.doc", tmp_path / name, "WordDocument", change)
        _refused(tmp_path / name, words)


@pytest.mark.slow
def test_encrypted_workbook_is_refused(office, tmp_path):
    import struct

    def filepass(book):  # the record after BOF becomes FILEPASS, as Excel writes it for a password
        struct.pack_into("<H", book, 4 + struct.unpack_from("<H", book, 2)[0], 0x002F)

    _rewrite_stream(office["dir"] / "sheet.xls", tmp_path / "locked.et", "Workbook", filepass)
    _refused(tmp_path / "locked.et", "密码")


def _ofd_parts(tmp_path) -> dict:
    export_report(sample_report(67), "pdf", tmp_path / "r.pdf", force=True)
    pdf_to_ofd(tmp_path / "r.pdf", tmp_path / "r.ofd")
    import zipfile

    with zipfile.ZipFile(tmp_path / "r.ofd") as z:
        return {n: z.read(n) for n in z.namelist()}


def test_ofd_zip_bomb_xxe_and_missing_parts_are_refused(tmp_path):
    from tests.ofd_writer import write_parts

    parts = _ofd_parts(tmp_path)
    page = "Doc_0/Pages/Page_0/Content.xml"
    xxe = (b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016">&x;</ofd:Page>')
    cases = {"bomb": ({page: b"<ofd:Page>" + b" " * (120 * 1024 * 1024) + b"</ofd:Page>"}, "压缩炸弹"),
             "xxe": ({page: xxe}, "实体"),
             "nopage": ({page: None}, "缺少"),
             "noroot": ({"OFD.xml": b"<OFD><DocBody/></OFD>"}, "DocRoot"),
             "garbled": ({page: b"<ofd:Page><unclosed>"}, "损坏"),
             "encrypted": ({"Encryptions.xml": b"<Encryptions/>"}, "加密")}
    for case, (change, words) in cases.items():
        changed = {n: d for n, d in {**parts, **change}.items() if d is not None}
        write_parts(tmp_path / f"{case}.ofd", changed)
        _refused(tmp_path / f"{case}.ofd", words)


def test_ofd_of_scanned_pages_says_there_is_no_text(tmp_path):
    from tests.ofd_writer import write_parts

    parts = _ofd_parts(tmp_path)
    for name in parts:
        if name.endswith("Content.xml"):
            parts[name] = b'<Page xmlns="http://www.ofdspec.org/2016"><Content><Layer><ImageObject/></Layer></Content></Page>'
    write_parts(tmp_path / "scan.ofd", parts)
    _refused(tmp_path / "scan.ofd", "没有文字")


@pytest.mark.parametrize("kind", ["text", "spreadsheet"])
def test_encrypted_opendocument_is_refused(tmp_path, kind):
    from tests.ofd_writer import write_parts

    write_parts(tmp_path / "locked.odt", {
        "mimetype": f"application/vnd.oasis.opendocument.{kind}",
        "content.xml": b"\x8a\x11 encrypted bytes",
        "META-INF/manifest.xml": '<manifest:manifest '
                                 'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                                 '<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
                                 '</manifest:file-entry></manifest:manifest>'})
    _refused(tmp_path / "locked.odt", "密码")


def test_damaged_and_hostile_rtf_is_refused_or_read_safely(tmp_path):
    deep = tmp_path / "deep.rtf"
    deep.write_bytes(b"{\\rtf1 " + b"{" * 5000 + b"x" + b"}" * 5000 + b"}")
    _refused(deep, "嵌套")
    cut = tmp_path / "cut.rtf"
    cut.write_bytes(b"{\\rtf1\\ansi \\pard \\'d2\\'bb\\par \\bin99999999 ")
    _refused(cut, "没有找到年度报告")  # read (one line, no report in it), not crashed
