"""The `.nianbao` file: versioned UTF-8 JSON, read defensively, written atomically with a backup.

Reading never alters the file.  Anything wrong gives FileFormatError with one Chinese sentence
naming the file and the problem; never a traceback.
"""
from __future__ import annotations

import json
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .oserrors import file_problem
from .report import JUMP_FACTOR, Generated, Meta, Prior, Report
from .schema import CELLS, COUNT, LEVELS, TEXT_SECTION_NAME, TEXT_SECTIONS
from .tempfiles import create_temp, remove_stale
from .values import MAX_DIGITS, BadValue, Value, from_json, to_json

FORMAT = "nianbao"
VERSION = 1
MAX_BYTES = 20 * 1024 * 1024  # a real report is ~10 KB; this bounds memory on hostile files
MAX_TEXT = 200_000  # characters in one section
BACKUP_SUFFIX = ".bak"
_SMALL = 10 ** MAX_DIGITS
# the schema's own id strings, which the cells read are keyed by: one string object per id across reports, so a
# batch's worker sends each id once per group of reports (pickle's memo), not once per report
_COUNT_ID = {c: c for c, d in CELLS.items() if d.kind == COUNT}
_CELL_ID = {c: c for c in CELLS}
_TOP_KEYS = {"format", "version", "meta", "sections", "cells", "explanations", "prior", "headings",
             "import_notes", "auto_totals", "generated", "jump_factor"}


class FileFormatError(Exception):
    """str() is a one-line Chinese message for the clerk."""


# ---------------------------------------------------------------- to JSON

def _cells_json(cells: dict) -> dict:
    return {cid: to_json(v) for cid in CELLS if (v := cells.get(cid)) is not None}


def to_dict(report: Report) -> dict:
    m = report.meta
    meta: dict = {"organ": m.organ, "year": m.year, "level": m.level}
    if m.published:
        meta["published"] = m.published
    if m.title:
        meta["title"] = m.title
    out: dict = {
        "format": FORMAT,
        "version": VERSION,
        "meta": meta,
        "sections": {s: report.sections.get(s, "") for s in TEXT_SECTIONS},
        "cells": _cells_json(report.cells),
        "explanations": dict(sorted(report.explanations.items())),
    }
    if report.prior is not None:
        p = report.prior
        out["prior"] = {"year": p.year, "organ": p.organ, "cells": _cells_json(p.cells),
                        "sections": {k: v for k, v in p.sections.items() if k in TEXT_SECTIONS}}
    if report.headings is not None:
        out["headings"] = dict(report.headings)
    if report.auto_totals:
        out["auto_totals"] = True
    if report.import_notes:
        out["import_notes"] = [{"rule": r, "cells": list(c), "message": msg} for r, c, msg in report.import_notes]
    if report.generated:
        out["generated"] = {s: {"text": g.text, "figures": _cells_json(g.figures)}
                            for s, g in report.generated.items()}
    if report.jump_factor != JUMP_FACTOR:
        out["jump_factor"] = to_json(report.jump_factor)
    return out


def dumps(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=1)


# ---------------------------------------------------------------- from JSON

def _need(cond: bool, what: str) -> None:
    if not cond:
        raise FileFormatError(what)


def _text(v: Any, where: str, limit: int = MAX_TEXT) -> str:  # Any: a value parsed from JSON
    _need(isinstance(v, str), f"{where} 应为文字")
    _need(len(v) <= limit, f"{where} 过长（{len(v)} 字）")
    _need(_encodable(v), f"{where} 含有无效的字符（不成对的 \\u 转义），文件已损坏")
    return v


def _encodable(v: str) -> bool:
    """False for a lone surrogate (「\\ud800」 in the JSON): loaded, it could be neither printed nor saved again."""
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _cells(raw: Any, where: str) -> dict[str, Value]:
    _need(isinstance(raw, dict), f"{where} 应为对象")
    out: dict[str, Value] = {}
    for cid, v in raw.items():
        if type(v) is int and 0 <= v < _SMALL and cid in _COUNT_ID:
            out[_COUNT_ID[cid]] = v  # the usual case, as from_json would read it
            continue
        _need(cid in CELLS, f"{where} 中有未知的单元格「{str(cid)[:40]}」")
        try:
            val = from_json(cid, v)
        except BadValue as e:
            raise FileFormatError(f"{where} 中单元格 {cid} 的值无效：{e}") from None
        if val is not None:
            out[_CELL_ID[cid]] = val
    return out


def _year(v: Any, where: str) -> int | None:
    if v is None:
        return None
    _need(isinstance(v, int) and not isinstance(v, bool) and 1990 <= v <= 2200, f"{where} 应为四位年份")
    return v


def from_dict(data: Any) -> Report:
    _need(isinstance(data, dict), "内容不是年度报告对象")
    _need(data.get("format") == FORMAT, "不是 nianbao 年度报告文件（缺少 \"format\": \"nianbao\"）")
    version = data.get("version")
    _need(isinstance(version, int) and not isinstance(version, bool), "缺少版本号")
    if version > VERSION:
        raise FileFormatError(f"文件由更新版本的程序保存（格式版本 {version}，本程序支持 {VERSION}），请升级程序后再打开")
    _need(version >= 1, f"格式版本 {version} 无效")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise FileFormatError(f"有未知的内容「{sorted(map(str, unknown))[0][:40]}」")

    meta_raw = data.get("meta", {})
    _need(isinstance(meta_raw, dict), "meta 应为对象")
    level = meta_raw.get("level", "department")
    _need(isinstance(level, str) and level in LEVELS, f"机关层级「{str(level)[:20]}」无效，应为 {'/'.join(LEVELS)}")
    published = meta_raw.get("published")
    if published is not None:
        _text(published, "发布日期", 40)
    title = meta_raw.get("title")
    if title is not None:
        _text(title, "标题", 400)
    meta = Meta(organ=_text(meta_raw.get("organ", ""), "机关全称", 200), year=_year(meta_raw.get("year"), "报告年度"),
                level=level, published=published, title=title)

    sections_raw = data.get("sections", {})
    _need(isinstance(sections_raw, dict), "sections 应为对象")
    for k in sections_raw:
        _need(k in TEXT_SECTIONS, f"有未知的部分「{str(k)[:20]}」")
    sections = {s: _text(sections_raw.get(s, ""), f"{TEXT_SECTION_NAME[s]}正文") for s in TEXT_SECTIONS}

    cells = _cells(data.get("cells", {}), "cells")

    expl_raw = data.get("explanations", {})
    _need(isinstance(expl_raw, dict), "explanations 应为对象")
    explanations = {_text(k, "说明的键", 200): _text(v, "说明", 20_000) for k, v in expl_raw.items()}

    prior = None
    if data.get("prior") is not None:
        p = data["prior"]
        _need(isinstance(p, dict), "prior 应为对象")
        if "cells" not in p and all(k in CELLS for k in p):  # a bare snapshot of cells
            p = {"cells": p}
        p_sections = p.get("sections", {})
        _need(isinstance(p_sections, dict), "prior.sections 应为对象")
        prior = Prior(year=_year(p.get("year"), "上年年度"), organ=_text(p.get("organ", ""), "上年机关", 200),
                      cells=_cells(p.get("cells", {}), "prior.cells"),
                      sections={k: _text(v, "上年正文") for k, v in p_sections.items() if k in TEXT_SECTIONS})

    headings = None
    if data.get("headings") is not None:
        h = data["headings"]
        _need(isinstance(h, dict), "headings 应为对象")
        headings = {_text(k, "标题键", 20): _text(v, "标题", 400) for k, v in h.items()}

    notes = []
    notes_raw = data.get("import_notes") or []
    _need(isinstance(notes_raw, list), "import_notes 格式错误")
    for n in notes_raw:
        _need(isinstance(n, dict) and isinstance(n.get("cells", []), list), "import_notes 格式错误")
        notes.append((_text(n.get("rule", ""), "规则", 40), tuple(c for c in n.get("cells", []) if isinstance(c, str) and c in CELLS),
                      _text(n.get("message", ""), "导入说明", 2000)))
    auto_totals = data.get("auto_totals", False)
    _need(isinstance(auto_totals, bool), "auto_totals 应为 true 或 false")
    return Report(meta=meta, sections=sections, cells=cells, explanations=explanations, prior=prior,
                  headings=headings, import_notes=notes, auto_totals=auto_totals,
                  generated=_generated(data.get("generated")),
                  jump_factor=_jump_factor(data.get("jump_factor")))


def _generated(raw: object) -> dict[str, Generated]:
    """The paragraphs 「按表格生成」 wrote (optional): section id → {"text", "figures"}."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise FileFormatError("generated 应为对象")
    out = {}
    for sid, g in raw.items():
        _need(sid in TEXT_SECTIONS, f"generated 中有未知的部分「{str(sid)[:20]}」")
        _need(isinstance(g, dict), "generated 的每一项应为对象")
        out[sid] = Generated(_text(g.get("text", ""), "生成的段落"), _cells(g.get("figures", {}), "generated.figures"))
    return out


def _jump_factor(raw: object) -> Decimal:
    """X.JUMP's factor (optional; default 3): a number above 1."""
    if raw is None:
        return JUMP_FACTOR
    try:
        d = Decimal(str(raw)) if not isinstance(raw, bool) else Decimal(0)
    except InvalidOperation:
        d = Decimal(0)
    _need(d.is_finite() and 1 < d <= 1000, f"jump_factor「{str(raw)[:20]}」应为大于1的倍数")
    return d


class _Duplicate(Exception):
    pass


def _no_duplicates(pairs: list) -> dict:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen = set()
        for k, _ in pairs:
            if k in seen:
                raise _Duplicate(k)
            seen.add(k)
    return out


_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicates)  # made once (json.loads with a hook makes one a call)


def loads(text: str | bytes, name: str = "文件") -> Report:
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise FileFormatError(f"{name}：文件过大（{len(text) // 1024} KB），不是年度报告文件")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FileFormatError(f"{name}：不是 UTF-8 文本，不是 nianbao 年度报告文件") from None
    try:
        data = _DECODER.decode(text)
    except RecursionError:
        raise FileFormatError(f"{name}：内容嵌套过深，不是年度报告文件") from None
    except json.JSONDecodeError as e:
        raise FileFormatError(f"{name}：文件已损坏或不完整（第 {e.lineno} 行第 {e.colno} 列：JSON 格式错误）") from None
    except _Duplicate as e:
        raise FileFormatError(f"{name}：同一项「{str(e)[:40]}」出现了两次，无法确定取哪一个") from None
    except ValueError:  # e.g. an integer of thousands of digits
        raise FileFormatError(f"{name}：含有超长的数字，不是年度报告文件") from None
    try:
        return from_dict(data)
    except FileFormatError as e:
        raise FileFormatError(f"{name}：{e}") from None
    except RecursionError:
        raise FileFormatError(f"{name}：内容嵌套过深，不是年度报告文件") from None


def load(path: str | os.PathLike) -> Report:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise FileFormatError(f"{p.name}：文件过大（{size // 1024} KB），不是年度报告文件")
        with open(p, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as e:
        raise FileFormatError(file_problem(p, e)) from None
    return loads(data, p.name)


# ---------------------------------------------------------------- saving

def atomic_write(path: str | os.PathLike, data: bytes, backup: bool = True) -> None:
    """Write `data` to `path` so that a crash at any point leaves the old file or the new one.

    The data goes to a temporary file in the same folder, is flushed and fsynced, and renamed over
    the target.  The previous file is kept as `path.bak` (by a hard link, so it is never missing).
    Temporary files that a killed writer left in the folder are removed first (model.tempfiles).
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale(folder, target.name)
    fd, tmp = create_temp(folder, target.name)
    try:
        # mkstemp makes the file private (0600); give it the target's mode, or the usual one for a new file
        try:
            mode = target.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if backup and target.exists():
            bak = target.with_name(target.name + BACKUP_SUFFIX)
            try:
                if bak.exists():
                    bak.unlink()
                os.link(target, bak)
            except OSError:
                import shutil

                shutil.copy2(target, bak)
        os.replace(tmp, target)
        _fsync_dir(folder)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def save(report: Report, path: str | os.PathLike) -> None:
    atomic_write(path, dumps(report).encode("utf-8"))
