"""A web page saved as one file (「网页，单个文件」 .mht/.mhtml, as IE, Edge and 360 save it): a MIME message with the
page quoted-printable in GB2312 and its pictures as parts.  It is known by its content, read as the page it
holds, and the tables it shows as pictures are found among its parts (readers/mhtml.py)."""
from __future__ import annotations

import random
from email.charset import QP, Charset
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from export.html import render_html
from ingest import read_report
from ingest.formats import kind_of_suffix
from tests.factories import consistent_report

URL = "http://www.example.gov.cn/art/2024/1/31/"


def _archive(path, page: str, pictures: dict[str, bytes] | None = None):
    message = MIMEMultipart("related")
    message["From"] = "<由 Windows Internet Explorer 保存>"
    gb = Charset("gb18030")  # GB2312's superset, as the browsers label it, quoted-printable as they write it
    gb.body_encoding = QP
    html = MIMEText(page, "html", gb)
    html["Content-Location"] = URL + "art_1.html"
    message.attach(html)
    for location, data in (pictures or {}).items():
        picture = MIMEImage(data, "png")
        picture["Content-Location"] = location
        message.attach(picture)
    path.write_bytes(message.as_bytes())
    return path


def _tables(result, rep) -> dict:
    return {c: (result.report.cells.get(c), v) for c, v in rep.cells.items()
            if c.startswith(("t2.", "t3.", "t4.")) and result.report.cells.get(c) != v}


def test_a_saved_single_file_page_is_read_as_the_page_it_holds(tmp_path):
    rep = consistent_report(random.Random(21), maxv=60)
    rep.sections["s1"] = "全年收到的政府信息公开申请均已按时答复。"
    result = read_report(_archive(tmp_path / "年报.mht", render_html(rep, draft=False)))
    assert not _tables(result, rep), result.summary()
    assert result.report.meta.organ == rep.meta.organ
    assert result.report.sections["s1"] == rep.sections["s1"]
    assert result.kind_label == "网页存档（单个文件）"
    assert kind_of_suffix(".MHTML") == "mhtml"


def test_an_archive_without_a_page_is_one_line(tmp_path):
    from ingest import IngestError

    message = MIMEMultipart("related")
    message.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "png"))
    (tmp_path / "空.mht").write_bytes(message.as_bytes())
    with pytest.raises(IngestError, match="空.mht：网页存档中没有网页内容"):
        read_report(tmp_path / "空.mht")


@pytest.mark.slow
def test_the_tables_an_archived_page_shows_as_pictures_are_read(tmp_path):
    """The page names its pictures relative to its own address; the parts carry the full address."""
    from model import schema as S
    from tests.scans import NARRATIVE, table_pictures

    rep = consistent_report(random.Random(22), maxv=40)
    t2, t3a, t3b, t4 = table_pictures(rep, tmp_path / "pictures")
    heads = [s.heading for s in S.SECTIONS]
    page = (f"<html><body><p>{rep.meta.organ}{rep.meta.year}{S.TITLE_SUFFIX}</p><p>{heads[0]}</p><p>{NARRATIVE}</p>"
            f"<p>{heads[1]}</p><p><img src='images/t2.png'></p><p>{heads[2]}</p><p><img src='images/t3a.png'>"
            f"<img src='images/t3b.png'></p><p>{heads[3]}</p><p><img src='images/t4.png'></p>"
            f"<p>{heads[4]}</p><p>无。</p><p>{heads[5]}</p><p>无。</p></body></html>")
    pictures = {URL + "images/" + p.name: p.read_bytes() for p in (t2, t3a, t3b, t4)}
    result = read_report(_archive(tmp_path / "年报.mhtml", page, pictures))
    assert not _tables(result, rep), result.summary()
    assert result.report.sections["s1"] == NARRATIVE
    assert "4 张图片中的表格由文字识别（OCR）读取" in result.summary()
