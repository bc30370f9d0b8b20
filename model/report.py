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
    def of(last: "Report") -> "Prior":
        """The snapshot of last year's report the cross-year rules read."""
        return Prior(year=last.meta.year, organ=last.meta.organ, cells=dict(last.cells),
                     sections=dict(last.sections))


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

    def copy(self) -> "Report":
        import copy

        return copy.deepcopy(self)

    def values_equal(self, other: "Report") -> bool:
        """Same figures (a blank and an absent cell are the same)."""
        def norm(cells):
            return {k: (Decimal(v) if isinstance(v, int) and CELLS[k].kind != "count" else v)
                    for k, v in cells.items() if v is not None}
        return norm(self.cells) == norm(other.cells)
