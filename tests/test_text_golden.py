"""The text rules give the outputs recorded in tests/golden/text_rules.json, case by case.

Each case of the fixed corpus (tests/golden/corpus.py: the samples, the seeds imported, 240 generated
reports, short and random texts a hundred to a case) has two digests: of its input and of what the rules
make of it (every claim, numbering and statute problem, 字数, every finding of the text checks).  An output
that differs means a rule reads differently now; an input that differs means the corpus moved, not the
rules.  tests/golden/record.py says when and how to re-record.
"""
from __future__ import annotations

import pytest

from tests.golden import corpus
from tests.golden.record import load

_RECORDED = load()
_SHOWN = 5  # failing cases named in full; the rest counted


def _describe(case: corpus.Case) -> str:
    if isinstance(case.input, list):  # a chunk of texts: which ones, so one can try them
        return f"{case.name}: {case.input!r}"
    return case.name


def _compare(group: str) -> tuple[list[str], list[str]]:
    """The cases whose output changed, and those whose input is not the one recorded."""
    recorded = dict(_RECORDED.get(group, {}))
    changed, moved = [], []
    for case in corpus.GROUPS[group]():
        want = recorded.pop(case.name, None)
        if want is None or corpus.digest(case.input) != want[0]:
            moved.append(case.name)
        elif corpus.digest(case.output()) != want[1]:
            changed.append(_describe(case))
    return changed, moved + [f"{name} (recorded, no longer made)" for name in recorded]


def _listing(names: list[str]) -> str:
    more = f"\n  … and {len(names) - _SHOWN} more" if len(names) > _SHOWN else ""
    return "".join(f"\n  {n}" for n in names[:_SHOWN]) + more


def test_every_group_is_recorded():
    assert set(_RECORDED) == set(corpus.GROUPS)


@pytest.mark.parametrize("group", list(corpus.GROUPS))
def test_text_rules_give_the_recorded_outputs(group):
    changed, moved = _compare(group)
    assert not changed, (
        f"the text rules' output changed for {len(changed)} case(s) of {group!r}:{_listing(changed)}\n"
        "compare `python -m tests.golden.record --show CASE` here and on the commit before; if the change "
        "is intended, re-record with `python -m tests.golden.record`")
    assert not moved, (
        f"the corpus moved (not the rules) for {len(moved)} case(s) of {group!r}:{_listing(moved)}\n"
        "(tests/data, tests/factories.py, tests/narratives.py or model.drafting changed): if the rules "
        "did not change in the same commit, re-record with `python -m tests.golden.record`")
