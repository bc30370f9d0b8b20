"""The edit journal beside a recovery copy: one JSON line per changed target, holding its value after the
change, so that a crash loses at most what was not yet written (the window fsyncs about once a second).

Lines hold absolute values, so replaying a line twice, or onto a snapshot that already has it, is harmless.
A torn last line (the process died mid-write) ends the replay: everything before it is kept."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .report import Report
from .schema import CELLS, LEVELS, TEXT_SECTIONS
from .values import BadValue, from_json, to_json

META_FIELDS = {"organ": (str,), "year": (int, type(None)), "level": (str,), "published": (str, type(None)),
               "title": (str, type(None))}
JOURNALED = ("cell", "meta", "section", "explanation")  # a change of `prior` needs a new snapshot instead


def entry(kind: str, key: str, value: Any) -> str | None:  # the type of value depends on kind
    """The journal line for one target's new value; None for a target the journal does not carry."""
    if kind not in JOURNALED:
        return None
    stored = to_json(value) if kind == "cell" and value is not None else value
    return json.dumps({"k": kind, "id": key, "v": stored}, ensure_ascii=False)


def replay(report: Report, lines: Iterable[str]) -> int:
    """Apply journal lines to `report` in order; returns how many were applied."""
    applied = 0
    for line in lines:
        try:
            record = json.loads(line)
            _apply(report, record["k"], record["id"], record["v"])
        except (ValueError, KeyError, TypeError, BadValue):
            break  # a torn or foreign line: what follows cannot be trusted either
        applied += 1
    return applied


def _apply(report: Report, kind: str, key: Any, value: Any) -> None:  # Any: as read from a JSON line
    if kind == "cell" and key in CELLS:
        report.set(key, None if value is None else from_json(key, value))
    elif kind == "meta" and key in META_FIELDS and isinstance(value, META_FIELDS[key]):
        if key == "level" and value not in LEVELS:
            raise ValueError(value)
        setattr(report.meta, key, value)
    elif kind == "section" and key in TEXT_SECTIONS and isinstance(value, str):
        report.sections[key] = value
    elif kind == "explanation" and isinstance(key, str) and isinstance(value, (str, type(None))):
        if value:
            report.explanations[key] = value
        else:
            report.explanations.pop(key, None)
    else:
        raise ValueError(kind)
