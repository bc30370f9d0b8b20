"""Next year's report from last year's: the narrative as a template, 上年结转 carried forward."""
from __future__ import annotations

import copy

from . import schema as S
from .report import Meta, Prior, Report
from .values import Value


def new_from_prior(last: Report) -> Report:
    """A new report for last.meta.year + 1.

    Metadata and the three narrative sections are copied as the template; every figure is cleared except
    t3.r2.* (上年结转), prefilled from last year's t3.r4.* (结转下年度继续办理); last year's figures and text
    are kept as the `prior` snapshot behind the cross-year rules (X.CARRY, X.IN_FORCE, X.REPEAT_TEXT, X.JUMP).
    The record of last year's generated paragraphs comes along, so they show as out of date until refreshed.
    """
    year = last.meta.year + 1 if last.meta.year is not None else None
    meta = Meta(organ=last.meta.organ, year=year, level=last.meta.level, published=None, title=None)
    cells: dict[str, Value] = {}
    for col in S.T3_COL_IDS:
        v = last.cells.get(S.t3("r4", col))
        if v is not None:
            cells[S.t3("r2", col)] = v
    prior = Prior(year=last.meta.year, organ=last.meta.organ, cells=dict(last.cells),
                  sections={s: last.sections.get(s, "") for s in S.TEXT_SECTIONS})
    return Report(meta=meta, sections=copy.deepcopy({s: last.sections.get(s, "") for s in S.TEXT_SECTIONS}),
                  cells=cells, explanations={}, prior=prior, generated=copy.deepcopy(last.generated),
                  auto_totals=True,  # a new report: totals follow their parts
                  jump_factor=last.jump_factor)
