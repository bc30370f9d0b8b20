"""Findings as people and programs read them: the text of `check` and the objects of `check --json`."""
from __future__ import annotations

from .findings import Finding
from .report import Report
from .rules import RULES, SEVERITIES, SEVERITY_LABEL
from .schema import CELLS, TEXT_SECTION_NAME
from .values import to_json

_TABLE_NAME = {"t2": "表二", "t3": "表三", "t4": "表四", "fee": ""}  # the fee fields' labels name themselves


def cell_name(cell_id: str) -> str:
    """A cell as people find it on the form: 「表三 （七）总计 · 自然人」; an unknown id as it is."""
    d = CELLS.get(cell_id)
    if d is None:
        return cell_id
    table = _TABLE_NAME.get(d.table, "")
    return f"{table} {d.label}" if table else d.label


def cells_named(cells: tuple[str, ...] | list[str], limit: int = 3) -> str:
    """The cells a finding is about, by name: the cells of one row together (「表三 （三）不予公开 …（7格）」),
    the first `limit` rows or cells, then how many cells more."""
    rows: dict[str, list[str]] = {}  # by row, in the order given
    for c in cells:
        d = CELLS.get(c)
        rows.setdefault(f"{_TABLE_NAME.get(d.table, '')} {d.row_label}".strip() if d else c, []).append(c)
    names = [cell_name(cs[0]) if len(cs) == 1 else f"{row}（{len(cs)}格）" for row, cs in rows.items()]
    shown = "、".join(names[:limit])
    rest = sum(len(cs) for cs in list(rows.values())[limit:])
    return shown + (f" 等另{rest}格" if rest else "")


def finding_place(f: Finding) -> str:
    """Where a finding is: the cells it is about (the reported side when it names one), else the part of
    the text it quotes, else nothing (the title, the headings)."""
    if f.primary or f.cells:
        return cells_named(f.primary or f.cells)
    return TEXT_SECTION_NAME.get(f.span[0], "") if f.span else ""


def values_json(report: Report) -> dict:
    return {cid: to_json(v) for cid in CELLS if (v := report.cells.get(cid)) is not None}


def result_json(file: str, report: Report, findings: list[Finding]) -> dict:
    return {"file": file, "organ": report.meta.organ, "year": report.meta.year,
            "values": values_json(report), "findings": [f.to_json() for f in findings]}


def error_json(file: str, message: str) -> dict:
    return {"file": file, "error": message}


def summary_counts(findings: list[Finding]) -> dict[str, int]:
    out = {s: 0 for s in SEVERITIES}
    for f in findings:
        out[f.severity] += 1
    return out


def result_text(file: str, report: Report, findings: list[Finding], max_info: int = 10) -> str:
    """A Chinese report for one file, grouped by severity; long runs of 「尚未填写」 are folded."""
    counts = summary_counts(findings)
    head = f"{file}：{report.meta.organ or '（未填机关）'} {report.meta.year or ''}年度"
    lines = [head,
             f"  错误 {counts['error']} 项，警告 {counts['warning']} 项，提示 {counts['info']} 项"]
    if not findings:
        lines.append("  未发现问题。")
    for sev in SEVERITIES:
        group = [f for f in findings if f.severity == sev]
        if not group:
            continue
        lines.append(f"  【{SEVERITY_LABEL[sev]}】")
        blanks = [f for f in group if f.rule == "VALUE.BLANK"]
        shown = [f for f in group if f.rule != "VALUE.BLANK"]
        for f in shown:
            note = f"（已说明：{f.explanation}）" if f.explained else ""
            lines.append(f"    {f.rule} {RULES[f.rule].title}：{f.message}{note}")
        if blanks:
            names = "、".join(f.cells[0] for f in blanks[:max_info])
            more = f" 等 {len(blanks)} 格" if len(blanks) > max_info else ""
            lines.append(f"    VALUE.BLANK 尚未填写：{names}{more}")
    return "\n".join(lines)
