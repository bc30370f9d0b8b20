"""Helpers for tests/test_text_*.py (no tests here): reports built from the samples without the importer,
with the cells of expected/*.json and the text sections cut from the seed or the PDF's layout text."""
from __future__ import annotations

import json
import re

from model.report import Meta, Report
from model.schema import SECTIONS
from model.values import from_json
from tests.conftest import EXPECTED, REAL_PDF, SEEDS, sample_files

_NUM = "一二三四五六"
_PAGE = re.compile(r"^\s*-\s*\d+\s*-\s*$")


def _source_lines(name: str) -> list[str]:
    exp = json.loads((EXPECTED / name).read_text("utf-8"))
    src = exp["source"]
    if src.endswith(".pdf"):
        path = REAL_PDF / (src[:-4] + ".layout.txt")
        lines = path.read_text("utf-8").splitlines()[1:]  # first line is the source URL
    else:
        lines = (SEEDS / src).read_text("utf-8").splitlines()
    return [ln for ln in lines if not _PAGE.match(ln)]


def _heading_line(line: str, i: int) -> bool:
    """A section heading: 一、总体情况 … (also the 2、 variants of sample 002)."""
    t = re.sub(r"\s+", "", line)
    head = SECTIONS[i].heading[2:]
    return t.endswith(head) and len(t) <= len(head) + 3


_MARKER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是]|\d+[.．、]|"
                     r"[一二三四五六七八九十]+[）)])")


def _join(lines: list[str]) -> str:
    """Line wraps (and page breaks inside a sentence) joined; paragraphs separated by \n."""
    paras: list[str] = []
    cur = ""
    blank = False
    for ln in lines:
        if not ln.strip():
            blank = True
            continue
        new_para = bool(re.match(r"^(\s{2,}|\t|\u3000)", ln)) or bool(_MARKER.match(ln))
        if blank and cur and cur[-1] in "。：:；！？":
            new_para = True
        if cur and (new_para or (len(cur) <= 20 and _MARKER.match(cur) and cur[-1] not in "，、")):
            paras.append(cur)
            cur = ""
        cur += ln.strip()
        blank = False
    if cur:
        paras.append(cur)
    return "\n".join(paras)


def sample_sections(name: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """(title line(s), {section: body}, {section: heading as printed})."""
    lines = _source_lines(name)
    idx: list[int] = []
    start = 0
    for i in range(6):
        for j in range(start, len(lines)):
            if _heading_line(lines[j], i):
                idx.append(j)
                start = j + 1
                break
        else:
            raise AssertionError(f"{name}: heading {SECTIONS[i].heading} not found")
    title_lines = []
    for ln in lines[: idx[0]]:
        if ln.strip():
            title_lines.append(ln.strip())
        if "年度报告" in ln:
            break
    title = re.sub(r"\s+", "", "".join(title_lines))
    bodies, headings = {}, {}
    for i, s in enumerate(SECTIONS):
        end = idx[i + 1] if i + 1 < 6 else len(lines)
        headings[s.id] = lines[idx[i]].strip()
        if s.kind == "text":
            bodies[s.id] = _join(lines[idx[i] + 1: end])
    return title, bodies, headings


def sample_report(name: str) -> Report:
    exp = json.loads((EXPECTED / name).read_text("utf-8"))
    title, bodies, headings = sample_sections(name)
    meta = Meta(organ=exp["organ"], year=exp["year"], level=exp["level"], title=title)
    cells = {cid: from_json(cid, v) for cid, v in exp["cells"].items() if v is not None}
    return Report(meta=meta, sections=bodies, cells=cells, headings=headings)


def expected(name: str) -> dict:
    return json.loads((EXPECTED / name).read_text("utf-8"))


SAMPLE_NAMES = [p.name for p in sample_files(EXPECTED, "*.json")]
