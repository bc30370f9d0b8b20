"""The report being edited: metadata, narrative sections, figures, 说明 and last year's snapshot."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .schema import CELLS, TEXT_SECTIONS, TITLE_SUFFIX
from .values import Value


@dataclass
class Meta:
    organ: str = ""
    year: int | None = None
    level: str = "department"  # department | county | prefecture | province
    published: str | None = None  # ISO date, e.g. "2025-01-20"
    title: str | None = None  # the title as printed, when imported; None means the canonical one

    @property
    def canonical_title(self) -> str:
        year = self.year if self.year is not None else "YYYY"
        return f"{self.organ}{year}{TITLE_SUFFIX}"


@dataclass
class Prior:
    """Last year's report as far as the cross-year rules need it."""

    year: int | None = None
    organ: str = ""
    cells: dict[str, Value] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)

    @staticmethod
    def of(last: Report) -> Prior:
        """The snapshot of last year's report the cross-year rules read."""
        return Prior(year=last.meta.year, organ=last.meta.organ, cells=dict(last.cells),
                     sections=dict(last.sections))


@dataclass
class Generated:
    """A section's paragraph written by 「按表格生成」 and the figures it was made from (cell id → value),
    so that a later change of one of them shows the paragraph as out of date.  Kept beside the text,
    never in it: the exports print the text only."""

    text: str
    figures: dict[str, Value] = field(default_factory=dict)


JUMP_FACTOR = Decimal(3)  # X.JUMP: a change beyond ×3 or ÷3 of last year's value is worth a look


@dataclass
class Report:
    meta: Meta = field(default_factory=Meta)
    sections: dict[str, str] = field(default_factory=lambda: {s: "" for s in TEXT_SECTIONS})
    cells: dict[str, Value] = field(default_factory=dict)  # blank cells are absent
    explanations: dict[str, str] = field(default_factory=dict)  # finding key or rule id → 说明
    prior: Prior | None = None
    # Where an importer found the text heading of each section as printed (for S.HEADINGS);
    # None when the report was typed in our editor, whose headings are fixed.
    headings: dict[str, str] | None = None
    # Things the importer saw that only the source can show (S.OLD_FORMAT, S.LABELS): (rule, cells, message)
    import_notes: list[tuple[str, tuple[str, ...], str]] = field(default_factory=list)
    # 自动合计: every total follows its parts as they change, like an Excel template's formula cells (a new
    # report, or turned on by the clerk).  Off for an imported report, whose printed totals are the point.
    auto_totals: bool = False
    generated: dict[str, Generated] = field(default_factory=dict)  # section id → its generated paragraph
    jump_factor: Decimal = JUMP_FACTOR  # X.JUMP's factor, set by the clerk

    def get(self, cell_id: str) -> Value:
        return self.cells.get(cell_id)

    def set(self, cell_id: str, value: Value) -> Value:
        """Set one cell (None clears it); returns the old value."""
        if cell_id not in CELLS:
            raise KeyError(cell_id)
        old = self.cells.get(cell_id)
        if value is None:
            self.cells.pop(cell_id, None)
        else:
            self.cells[cell_id] = value
        return old

    @property
    def title(self) -> str:
        return self.meta.title if self.meta.title else self.meta.canonical_title

    def copy(self) -> Report:
        import copy

        return copy.deepcopy(self)
