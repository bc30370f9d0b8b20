"""After an OCR import: the form's identities test the figures read.  Where a sum fails and one digit of a
figure that OCR read with low confidence would make it hold, the summary says so; the figure is kept as read
(never fixed silently)."""
from __future__ import annotations

from collections.abc import Iterator

from model.checks import LinearCheck
from model.engine import all_checks
from model.report import Report
from model.schema import CELLS
from model.values import format_value

from .result import NOTE, ImportProblem, ImportResult

_WHY = {  # the readers' reasons a page or a picture was read by OCR, as the summary names them
    "scanned": "扫描件：{} 页由文字识别（OCR）读取",
    "unreadable": "PDF 中 {} 页的文字无法直接取出（嵌入的字体缺少字符对照表），已改由文字识别（OCR）读取",
    "outlined": "PDF 中 {} 页的文字已转为图形（转曲），已改由文字识别（OCR）读取",
    "pictures": "表格是贴入的图片：{} 张图片中的表格由文字识别（OCR）读取",
}


def add_ocr_notes(result: ImportResult, ocr: dict) -> None:
    why = ocr.get("why") or {}
    said = [text.format(why[k]) for k, text in _WHY.items() if why.get(k)]
    if said:
        result.problems.insert(0, ImportProblem(NOTE, "；".join(said) + "，请对照原件核对数字和文字"))
    if ocr.get("unread"):
        result.problems.append(ImportProblem(NOTE, _unread(ocr["unread"], ocr.get("no_engine", False))))
    unsure = {text: conf for _, text, conf in ocr.get("unsure", ())}
    if unsure:
        result.problems.extend(_digit_hints(result, unsure))


def _unread(count: int, no_engine: bool) -> str:
    """The pictures that may hold the tables the text lacks, but were not read."""
    why = ("本机的文字识别组件无法加载" if no_engine
           else "图片未随文件保存（如网页只保存了文字），或是无法识别的图形格式")
    return (f"正文中没有统计表，文件中有 {count} 张图片未能读取（{why}）；若统计表是图片，"
            "请把文件另存为 PDF（或网页另存为「网页，全部」）后再导入")


def _digit_hints(result: ImportResult, unsure: dict[str, float]) -> list[ImportProblem]:
    """One note per failing sum that exactly one unsure figure, changed in one digit, would make hold (a sum
    with a blank cell fails for want of a figure, not for a misread digit)."""
    report = result.report
    hints = []
    for check in all_checks():
        if not isinstance(check, LinearCheck) or not check.rule.startswith(("T3.", "T4.")):
            continue
        if any(report.cells.get(c) is None for c in check.cells):
            continue
        for finding in check.evaluate(report):
            fixes = [(cell, fixed) for cell, fixed in _one_digit_fixes(check, report, finding.difference)
                     if format_value(report.cells[cell]) in unsure]
            if len(fixes) == 1:
                cell, fixed = fixes[0]
                read = format_value(report.cells[cell])
                hints.append(ImportProblem(
                    NOTE, f"{CELLS[cell].label}：识别为 {read}（把握 {unsure[read]:.0%}）；若为 {fixed}，"
                          f"则「{finding.message.split('：')[0]}」的合计成立，请对照原件核对", (cell,)))
    return hints


def _one_digit_fixes(check: LinearCheck, report: Report, difference: object) -> Iterator[tuple[str, str]]:
    """(cell, figure) where changing one digit of the cell's figure makes difference (Σrhs − Σlhs) zero."""
    if not isinstance(difference, int):  # T3/T4 sums of counts: an int (None when nothing was compared)
        return
    for terms, side in ((check.lhs, -1), (check.rhs, 1)):
        for term in terms:
            value = report.cells.get(term.cell) if not term.prior else None
            if value is None or not isinstance(value, int):
                continue
            for other in _one_digit_away(value):
                if difference + side * term.sign * (other - value) == 0:
                    yield term.cell, str(other)


def _one_digit_away(value: int) -> list[int]:
    text = str(value)
    out = []
    for i, old in enumerate(text):
        for d in "0123456789":
            if d != old and not (d == "0" and i == 0 and len(text) > 1):
                out.append(int(text[:i] + d + text[i + 1:]))
    return out

