"""What an import returns: the report plus everything the clerk must know before trusting it."""
from __future__ import annotations

from dataclasses import dataclass, field

from model.report import Report
from model.schema import CELLS, TABLE_CELL_IDS
from model.values import Value, format_value

from .formats import KINDS, NATIVE_SUFFIX

# Problem kinds (stable: the GUI may colour by kind)
UNREADABLE = "unreadable"  # a figure or part could not be read; left blank
AMBIGUOUS = "ambiguous"  # several readings fit; left blank, candidates listed
UNRECOGNISED = "unrecognised_label"  # a label we could not match to the form
OLD_FORMAT = "old_format"  # the obsolete 2019 trial form
MISSING = "missing"  # a heading, title or table not found
NOTE = "note"  # something decided that the clerk should know (wrong extension, unit converted …)

_KIND_NAME = {UNREADABLE: "无法读取", AMBIGUOUS: "有多种读法", UNRECOGNISED: "未识别的标签",
              OLD_FORMAT: "旧版格式", MISSING: "未找到", NOTE: "提示"}


class IngestError(Exception):
    """A file that cannot be read at all.  str() is one Chinese line naming the file and the problem."""


@dataclass
class ImportProblem:
    kind: str
    message: str  # Chinese, one line
    cells: tuple[str, ...] = ()
    candidates: list[dict[str, Value]] = field(default_factory=list)  # each: cell id → value

    def describe(self) -> str:
        text = f"[{_KIND_NAME.get(self.kind, self.kind)}] {self.message}"
        if self.candidates:
            shown = []
            for cand in self.candidates[:6]:
                shown.append("、".join(format_value(cand[c]) or "空" for c in self.cells if c in cand))
            more = f" 等{len(self.candidates)}种" if len(self.candidates) > 6 else ""
            text += "；可能的读法：" + " ｜ ".join(f"（{s}）" for s in shown) + more
        return text


@dataclass
class ImportResult:
    report: Report
    problems: list[ImportProblem] = field(default_factory=list)
    source: str = ""  # file name or the name given to read_text
    source_kind: str = ""  # a kind of ingest.formats.KINDS, or own_xlsx (a workbook nianbao wrote)

    @property
    def native(self) -> bool:
        """Our own .nianbao file: the window may save back to it.  (A workbook we wrote, or a .json holding a
        report, is read losslessly but saved elsewhere.)"""
        return self.source_kind == "nianbao" and self.source.lower().endswith(NATIVE_SUFFIX)

    @property
    def kind_label(self) -> str:
        """What the file was read as, for people: 「PDF」, 「本程序文件」."""
        return _SOURCE_NAME.get(self.source_kind, self.source_kind)

    def summary(self) -> str:
        """Multi-line Chinese text shown before the report is used."""
        r = self.report
        m = r.meta
        lines = [f"导入来源：{self.source or '粘贴的文字'}（{_SOURCE_NAME.get(self.source_kind, self.source_kind)}）"]
        lines.append(f"标题：{m.title or '（未找到标题）'}")
        lines.append(f"机关：{m.organ or '（未识别）'}　年度：{m.year if m.year else '（未识别）'}"
                     f"　层级：{_LEVEL_NAME.get(m.level, m.level)}")
        filled = sum(1 for c in TABLE_CELL_IDS if r.cells.get(c) is not None)
        lines.append(f"表格数字：读取 {filled} 个，空白 {len(TABLE_CELL_IDS) - filled} 个（共 {len(TABLE_CELL_IDS)} 个）")
        fees = [f"{CELLS[c].row_label} {format_value(r.cells[c])}" for c in CELLS
                if CELLS[c].table == "fee" and r.cells.get(c) is not None]
        if fees:
            lines.append("信息处理费：" + "；".join(fees))
        found = [s for s in ("s1", "s5", "s6") if r.sections.get(s)]
        lines.append(f"正文：读取 {len(found)} 部分（共 3 部分）")
        if self.problems:
            lines.append(f"需要核对（{len(self.problems)} 项）：")
            lines.extend("  · " + p.describe() for p in self.problems)
        else:
            lines.append("没有需要核对的问题。")
        if r.import_notes:
            lines.append("原文的格式问题（检查时会列出）：")
            lines.extend(f"  · {rule}：{msg}" for rule, _, msg in r.import_notes)
        return "\n".join(lines)

    @property
    def ok(self) -> bool:
        return not any(p.kind in (UNREADABLE, AMBIGUOUS) for p in self.problems)


_SOURCE_NAME = {k.kind: k.label for k in KINDS} | {"nianbao": "本程序文件", "own_xlsx": "本程序导出的 Excel"}
_LEVEL_NAME = {"department": "部门", "county": "县级政府", "prefecture": "设区的市级政府", "province": "省级政府"}
