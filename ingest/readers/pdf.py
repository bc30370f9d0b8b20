"""PDF (pdfplumber): text lines rebuilt from the words, and the ruled tables from the table finder."""
from __future__ import annotations

from ..result import IngestError
from .layout import lines_of, page_items

MAX_PAGES = 300


def read_pdf(path: str, name: str):
    import pdfplumber

    tables: list[list] = []
    try:
        pdf = pdfplumber.open(path)
    except Exception:
        raise IngestError(f"{name}：PDF 文件已损坏或加密，无法打开") from None
    with pdf:
        pages = pdf.pages
        if len(pages) > MAX_PAGES:
            raise IngestError(f"{name}：PDF 有 {len(pages)} 页，不是一份年度报告")
        page_lines = []
        for page in pages:
            words = page.extract_words(use_text_flow=False, keep_blank_chars=False, extra_attrs=["size"])
            page_lines.append(lines_of(words))
            for t in page.find_tables():
                rows = t.extract()
                if rows and len(rows[0]) > 1:
                    tables.append([[None if c is None else str(c) for c in r] for r in rows])
        items, chars = page_items(page_lines)
        if chars == 0:
            raise IngestError(f"{name}：PDF 中没有文字（可能是扫描图片），无法读取；请使用可复制文字的 PDF 或 Word 文件")
    return ("doc", items, tables)
