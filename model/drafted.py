"""The generated paragraph inside a section: is it still what the figures say, and where does it go.

The report keeps, per section, the text 「按表格生成」 wrote and the figures it was made from
(`Report.generated`).  The paragraph is out of date when one of those figures has changed since; it is
found again in the section by its text, so the clerk's other text is never touched.  When the clerk
has edited the paragraph itself it can no longer be found: it is never rewritten then, the caller asks.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import schema as S
from .drafting import DRAFT_SECTIONS, draft_section, section_cells
from .report import Generated, Report
from .values import Value, format_value


@dataclass(frozen=True)
class DraftState:
    section: str
    generated: bool  # the section has a generated paragraph
    found: bool  # its text is still in the section, unedited
    changed: tuple[tuple[str, Value, Value], ...] = ()  # (cell, then, now) for every figure that changed

    @property
    def stale(self) -> bool:
        return self.generated and bool(self.changed)

    def describe(self, limit: int = 3) -> str:
        """「表三 一、本年新收… · 总计 82→85」 for the banner and the command line."""
        shown = [f"{S.CELLS[c].label} {format_value(a) or '空'}→{format_value(b) or '空'}"
                 for c, a, b in self.changed[:limit]]
        more = f"等{len(self.changed)}项" if len(self.changed) > limit else ""
        return "；".join(shown) + more


def figures(report: Report, section: str) -> dict[str, Value]:
    """The current figures the section's generated text reads (blank cells left out)."""
    return {c: v for c in section_cells(section) if (v := report.cells.get(c)) is not None}


def new_record(report: Report, section: str) -> Generated:
    return Generated(draft_section(report, section), figures(report, section))


def draft_state(report: Report, section: str) -> DraftState:
    record = report.generated.get(section)
    if record is None:
        return DraftState(section, False, False)
    now = figures(report, section)
    changed = tuple((c, record.figures.get(c), now.get(c)) for c in section_cells(section)
                    if record.figures.get(c) != now.get(c))
    found = bool(record.text) and record.text in (report.sections.get(section) or "")
    return DraftState(section, True, found, changed)


def stale_sections(report: Report) -> list[DraftState]:
    return [st for s in DRAFT_SECTIONS if (st := draft_state(report, s)).stale]


def insert_at(text: str, pos: int, paragraph: str) -> tuple[str, int]:
    """`paragraph` inserted at `pos` as a paragraph of its own; returns (new text, its start)."""
    pos = max(0, min(pos, len(text)))
    before = "\n" if pos > 0 and text[pos - 1] != "\n" else ""
    after = "\n" if pos < len(text) and text[pos] != "\n" else ""
    return text[:pos] + before + paragraph + after + text[pos:], pos + len(before)


def place(report: Report, section: str, pos: int | None = None) -> tuple[str, Generated, int]:
    """The section's text with its generated paragraph refreshed in place, or inserted at `pos` (at the
    end when None) when there is none to refresh.  Returns (text, record, start of the paragraph)."""
    text = report.sections.get(section) or ""
    record = new_record(report, section)
    old = report.generated.get(section)
    if old is not None and old.text and old.text in text:
        start = text.index(old.text)
        return text[:start] + record.text + text[start + len(old.text):], record, start
    if pos is None:
        pos = len(text.rstrip("\n"))
    new_text, start = insert_at(text, pos, record.text)
    return new_text, record, start
