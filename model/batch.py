"""A batch's results: one entry per file (a checked report, or the reason it could not be read), ordered
worst first, and the organ matching that pairs each report with last year's."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from .findings import Finding
from .keyfigures import KEY_FIGURES, key_values, year_on_year
from .present import error_json, result_json
from .report import Prior, Report
from .schema import LEVELS


@dataclass
class BatchEntry:
    file: str  # the path as found (shown, and opened on double-click)
    report: Report | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # why the file could not be read
    kind: str = ""  # what the file was read as, for people (「PDF」, 「本程序文件」)
    notes: int = 0  # what the import asks the clerk to verify
    prior_file: str | None = None  # last year's report the cross-year rules used

    @property
    def ok(self) -> bool:
        return self.report is not None

    def counts(self) -> dict[str, int]:
        """errors, warnings, explained (warnings with a 说明) and info."""
        out = {"error": 0, "warning": 0, "explained": 0, "info": 0}
        for f in self.findings:
            out["explained" if f.explained else f.severity] += 1
        return out

    def key_figures(self) -> dict:
        return key_values(self.report.cells) if self.report else {}

    def year_on_year(self) -> dict:
        """同比 of the key figures against the prior report, empty without one."""
        if self.report is None or self.report.prior is None:
            return {}
        return year_on_year(self.key_figures(), key_values(self.report.prior.cells))

    def to_json(self) -> dict:
        """Exactly what check --json gives for the file."""
        if self.report is None:
            return error_json(self.file, self.error or "")
        return result_json(self.file, self.report, self.findings)


def worst_first(entries: list[BatchEntry]) -> list[BatchEntry]:
    """Unreadable files first, then by errors, warnings, then file name."""
    def key(e: BatchEntry) -> tuple:
        c = e.counts()
        return (e.ok, -c["error"], -c["warning"], -c["info"], e.file)
    return sorted(entries, key=key)


def organ_key(name: str) -> str:
    """An organ name as matched across years: width, spaces and brackets' forms do not matter."""
    t = unicodedata.normalize("NFKC", name or "")
    return "".join(t.split())


def choose_prior(report: Report, candidates: list[tuple[str, Report]]) -> tuple[str, Report] | None:
    """Last year's report among the candidates of the same organ: the year before if there is one, else the
    latest earlier year; None when no candidate is earlier (or years are unknown and several compete)."""
    year = report.meta.year
    if year is None:
        return candidates[0] if len(candidates) == 1 else None
    earlier = [(f, r) for f, r in candidates if r.meta.year is None or r.meta.year < year]
    exact = [(f, r) for f, r in earlier if r.meta.year == year - 1]
    if exact:
        return exact[0]
    dated = [(f, r) for f, r in earlier if r.meta.year is not None]
    if dated:
        return max(dated, key=lambda fr: fr[1].meta.year or 0)
    return earlier[0] if len(earlier) == 1 else None


def priors_by_organ(reports: list[tuple[str, Report]]) -> dict[str, list[tuple[str, Report]]]:
    out: dict[str, list[tuple[str, Report]]] = {}
    for f, r in reports:
        if r.meta.organ:
            out.setdefault(organ_key(r.meta.organ), []).append((f, r))
    return out


# The forms one organ's name takes from one year to the next: 「某县人民政府」「某县政府」「某县」; 「某镇人民政府」「某镇」;
# 「某街道办事处」「某街道」; 「某管理委员会」「某管委会」; a zone's or a department's short name (_SHORT); with or
# without the province and city above it.
_LOOSE = ((re.compile(r"人民政府"), "政府"), (re.compile(r"[(（](本级)[)）]$"), r"\1"),
          (re.compile(r"(?<=[省区县市旗州盟乡镇])政府(?=(?:本级|机关)?$)"), ""),
          (re.compile(r"(?<=街道)办事处$"), ""), (re.compile(r"管理委员会"), "管委会"))
# the short names in common use for a zone or a department (「某县住建局」 for 「某县住房和城乡建设局」), each of one
# organ only: a renamed organ (国土资源局 → 自然资源和规划局) is another name, not a short one
_SHORT = {
    "经济技术开发区": "经开区", "高新技术产业开发区": "高新区", "政府办公室": "政府办",
    "发展和改革委员会": "发改委", "发展和改革局": "发改局", "住房和城乡建设局": "住建局",
    "住房和城乡建设委员会": "住建委", "人力资源和社会保障局": "人社局", "人力资源社会保障局": "人社局",
    "市场监督管理局": "市场监管局", "卫生健康委员会": "卫健委", "卫生健康局": "卫健局", "工业和信息化局": "工信局",
    "科学技术局": "科技局", "退役军人事务局": "退役军人局", "医疗保障局": "医保局", "应急管理局": "应急局",
    "交通运输局": "交通局", "城市管理局": "城管局",
    # the same names printed without their 和 (「某区发展改革委」 in its own title), and their short forms
    "发展改革委员会": "发改委", "发展改革委": "发改委", "发展改革局": "发改局", "教育体育局": "教体局",
    "教育和体育局": "教体局",
}
_SHORTENED = re.compile("|".join(sorted(_SHORT, key=len, reverse=True)))
# the places a name may be printed under: 「某省」「某市」「某自治州」「某区」「某县」…
_PLACES_ABOVE = re.compile(r"(?:[^省市州盟区县旗局委办厅院]{2,8}?(?:省|自治区|市|自治州|州|盟|地区|区|县|旗))+")
# a name that says which organ by itself: it starts with a place (not 「县教育局」「市住建局」)
_STARTS_WITH_A_PLACE = re.compile(r"^[^省市州盟区县旗局委办厅院]{2,12}?(?:省|自治区|市|州|盟|地区|区|县|旗|乡|镇|街道)")


# a town's or street's name that many counties share (the county seat's 「城关镇」, 「城厢镇」「城南街道」「东城街道」…):
# printed without its county, it does not say which one
_COMMON_TOWN = re.compile(r"^(?:城关|城厢|城郊|城中|城区|新城|城[东西南北]|[东西南北中]城)(?:镇|乡|街道)$")


def loose_organ_key(name: str) -> str:
    """The name without the variants of its form between years (_LOOSE); what stays tells organs apart (「某县人民
    政府」 and 「某县人民政府办公室」, 「某县人民政府机关」 remain three)."""
    t = organ_key(name)
    for pattern, repl in _LOOSE:
        t = pattern.sub(repl, t)
    return _SHORTENED.sub(lambda m: _SHORT[m.group()], t)


def same_organ(a: str, b: str) -> bool:
    """Two names of one organ: the same but for _LOOSE's variants, or one is the other under the places above it
    (「某市某县教育局」 and 「某县教育局」), the shorter still naming its place."""
    a, b = loose_organ_key(a), loose_organ_key(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return bool(short) and long.endswith(short) and bool(_PLACES_ABOVE.fullmatch(long[:-len(short)])) \
        and bool(_STARTS_WITH_A_PLACE.match(short)) and not _COMMON_TOWN.match(short)


def prior_candidates(organ: str, priors: dict[str, list[tuple[str, Report]]]) -> list[tuple[str, Report]]:
    """Last year's reports of the organ: under its exact name, and under the names that are another form of it
    (same_organ) as long as those are all one organ; were two different organs to answer (「某县横山镇」 and
    「某市横山镇」 for 「横山镇」), only the exact name."""
    exact = organ_key(organ)
    keys = [k for k in priors if same_organ(k, exact)] if exact else []
    if all(same_organ(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]):
        return [c for k in keys for c in priors[k]]
    return priors.get(exact, [])


def attach_prior(report: Report, priors: dict[str, list[tuple[str, Report]]]) -> str | None:
    """Give the report last year's snapshot of its organ (when found); returns that file."""
    found = choose_prior(report, prior_candidates(report.meta.organ, priors))
    if found is None:
        return None
    report.prior = Prior.of(found[1])
    return found[0]


# ---------------------------------------------------------------- the 总览 columns (workbook and window)

@dataclass(frozen=True)
class Column:
    head: str
    get: Callable[[BatchEntry], object]  # None: empty cell
    width: int  # characters, for the workbook
    number: bool = False  # sorts and aligns as a number


def _level(e: BatchEntry) -> str | None:
    return LEVELS.get(e.report.meta.level, e.report.meta.level) if e.report else None


def _count(kind: str) -> Callable[[BatchEntry], int | None]:
    return lambda e: e.counts()[kind] if e.ok else None


def _key(kid: str) -> Callable[[BatchEntry], object]:
    return lambda e: e.key_figures().get(kid)


def _yoy(kid: str) -> Callable[[BatchEntry], object]:
    return lambda e: e.year_on_year().get(kid)


def overview_columns(with_prior: bool = False) -> list[Column]:
    """The 总览 columns: who, what was found, the key figures, and with last year's reports 同比."""
    cols = [
        Column("文件", lambda e: e.file, 36),
        Column("机关", lambda e: e.report.meta.organ if e.report else None, 28),
        Column("年度", lambda e: e.report.meta.year if e.report else None, 7, True),
        Column("层级", _level, 16),
        Column("格式", lambda e: e.kind or None, 10),
        Column("错误", _count("error"), 6, True),
        Column("警告", _count("warning"), 6, True),
        Column("已说明", _count("explained"), 7, True),
    ]
    cols += [Column(k.label, _key(k.id), 9 if not k.is_rate else 11, True) for k in KEY_FIGURES]
    cols.append(Column("导入待核", lambda e: e.notes if e.ok else None, 8, True))
    if with_prior:
        cols.append(Column("上年报告", lambda e: e.prior_file, 24))
        cols += [Column(f"同比·{k.label}", _yoy(k.id), 10, True) for k in KEY_FIGURES]
    cols.append(Column("无法读取的原因", lambda e: e.error, 40))
    return cols
