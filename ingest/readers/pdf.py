"""PDF (pdfplumber): text lines rebuilt from the words, and the ruled tables from the table finder."""
from __future__ import annotations

from collections import Counter

from ..result import IngestError

MAX_PAGES = 300


def read_pdf(path: str, name: str):
    import pdfplumber

    items: list[tuple] = []
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
            page_lines.append(_lines(words))
            for t in page.find_tables():
                rows = t.extract()
                if rows and len(rows[0]) > 1:
                    tables.append([[None if c is None else str(c) for c in r] for r in rows])
        margin = _left_margin(page_lines)
        chars = 0
        for k, lines in enumerate(page_lines):
            if k:
                items.append(("page", None))
            for x0, size, text in lines:
                indent = max(0, round((x0 - margin) / max(size, 1.0))) if margin is not None else 0
                items.append(("line", "  " * indent + text))
                chars += len(text)
        if chars == 0:
            raise IngestError(f"{name}：PDF 中没有文字（可能是扫描图片），无法读取；请使用可复制文字的 PDF 或 Word 文件")
    return ("doc", items, tables)


def _lines(words) -> list[tuple[float, float, str]]:
    """Words into lines by vertical overlap (numbers centred in a cell share the line of their label)."""
    lines: list[list] = []  # [top, bottom, [words]]
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        h = max(w["bottom"] - w["top"], 0.1)
        placed = False
        for ln in lines[-4:]:
            overlap = min(ln[1], w["bottom"]) - max(ln[0], w["top"])
            if overlap >= 0.5 * min(h, ln[1] - ln[0]):
                ln[2].append(w)
                ln[0], ln[1] = min(ln[0], w["top"]), max(ln[1], w["bottom"])
                placed = True
                break
        if not placed:
            lines.append([w["top"], w["bottom"], [w]])
    out = []
    for top, bottom, ws in sorted(lines, key=lambda ln: ln[0]):
        ws.sort(key=lambda w: w["x0"])
        size = Counter(round(w.get("size", bottom - top)) for w in ws).most_common(1)[0][0] or 10
        parts = [ws[0]["text"]]
        for a, b in zip(ws, ws[1:]):
            gap = b["x0"] - a["x1"]
            parts.append((" " if gap > 0.15 * size else "") + b["text"])
        out.append((ws[0]["x0"], float(size), "".join(parts)))
    return out


def _left_margin(page_lines) -> float | None:
    xs = Counter(round(x0) for lines in page_lines for x0, _, text in lines if len(text) > 8)
    if not xs:
        return None
    # the body's left edge: the smallest x among the frequent line starts
    common = [x for x, n in xs.most_common(6) if n >= 3]
    return float(min(common)) if common else float(xs.most_common(1)[0][0])
