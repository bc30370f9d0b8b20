"""How findings read in tooltips, the status bar and the panel."""
from __future__ import annotations

from model.findings import Finding
from model.rules import RULES
from model.schema import CELLS
from model.values import Value, format_value

from .theme import STATE_LABEL


def state_of(f: Finding) -> str:
    return "explained" if f.explained else f.severity


def one_line(f: Finding) -> str:
    """「[错误] 勾稽关系不平：总计列：第一项82 + …」"""
    return f"[{STATE_LABEL[state_of(f)]}] {RULES[f.rule].title}：{f.message}"


def cell_tooltip(cell_id: str, findings: list[Finding]) -> str:
    d = CELLS[cell_id]
    head = d.label
    if not findings:
        return head
    lines = [head] + [one_line(f) for f in findings]
    for f in findings:
        if f.explanation:
            lines.append(f"说明：{f.explanation}")
    return "\n".join(lines)


def status_text(cell_id: str | None, findings: list[Finding], value: Value = None) -> str:
    if cell_id is None:
        return ""
    d = CELLS[cell_id]
    shown = format_value(value)
    base = f"{d.label}" + (f" = {shown}" if shown else "（空）")
    if not findings:
        return base
    return base + "　" + "；".join(one_line(f) for f in findings)
