"""The narrative checks (issue: check the words).  Each returns Check objects like checks.py does;
their inputs are 'section.s1' … 'section.s6', 'meta.*', cell ids and 'prior'."""
from __future__ import annotations


def text_checks() -> list:
    return []
