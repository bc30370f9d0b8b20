"""Findings as people and programs read them: the text of `check` and the objects of `check --json`."""
from __future__ import annotations

from .findings import Finding
from .report import Report
from .rules import RULES, SEVERITIES, SEVERITY_LABEL
from .schema import CELLS
from .values import to_json


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
