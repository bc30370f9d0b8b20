"""The user guide (帮助 → 用户指南), generated from the form and the rule catalogue so it never drifts from
what the program checks.  Pure data and text: gui/help.py shows it, nothing here knows about Qt."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .rules import RULES, SEVERITY_LABEL, Rule
from .schema import SECTIONS

# One wrong case per rule, as a clerk would meet it.  tests/test_guide.py fails when a rule has none.
EXAMPLES: dict[str, str] = {
    "T3.LEAF_SUM": "自然人列：（一）至（六）之和为38，（七）总计却填了40。",
    "T3.BALANCE": "总计列：新收82 + 上年结转0 = 82，办结70 + 结转11 = 81，相差1。",
    "T3.ROW_TOTAL": "「新收」一行：自然人40 + 商业企业6 + 其他0 = 46，总计却填了52。",
    "T3.OTHER_HIGH": "（七）总计50件，其中（六）其他处理15件（30%），请核实是否应归入其他办理结果。",
    "T4.SUM": "行政复议：维持2 + 纠正1 + 其他0 + 尚未审结0 = 3，总计却填了4。",
    "VALUE.COUNT": "件数填了「2.5」或「-1」；金额填了「约100」。",
    "VALUE.BLANK": "表三「科研机构」一列整列空白：不适用的格应填「/」或0。",
    "T2.RULES_LEVEL": "县级人民政府的部门在「规章」一栏填了新制发3件。",
    "X.CARRY": "本年「上年结转」总计5件，上年报告「结转下年度继续办理」总计为4件。",
    "X.IN_FORCE": "上年现行有效698件，本年制发77件、废止132件，应为643件，本年却填470件（文件清理时请填写说明）。",
    "X.JUMP": "上年新收申请12件，本年录入120件（多打了一个0？），相差10倍。",
    "X.REPEAT_TEXT": "第五部分与上年报告几乎逐字相同，只改了年份。",
    "N.RECEIVED": "正文「全年共收到政府信息公开申请52件」，表三新收申请总计为46件。",
    "N.CLOSED": "正文「办结45件，结转下年度7件」，表三（七）总计为46件、结转为6件。",
    "N.CATEGORY": "正文「予以公开20件，占40%」，表三予以公开为18件。",
    "N.NONE": "正文「本年度未发生行政复议」，表四行政复议总计为1件。",
    "N.REVIEW": "正文「行政诉讼3件」，表四行政诉讼总计为2件。",
    "N.T2": "正文「制发规范性文件12件」，表二规范性文件本年制发为10件。",
    "N.YEAR": "标题写「2024年」，统计期限却写「2023年1月1日至2023年12月31日」。",
    "N.DEADLINE": "县级人民政府的部门在2月15日才发布（部门应在1月31日前发布）。",
    "FEE.MENTION": "第六部分只写了「无」，没有说明信息处理费的收取情况。",
    "FEE.FIGURES": "填写了发出收费通知的件数，但总金额、实际收取金额空白。",
    "FEE.BOUNDS": "发出收费通知总金额100元，实际收取总金额却为150元。",
    "FEE.NOTICE_ROWS": "表三「（六）2.申请人逾期未按收费通知要求缴纳费用」为2件，发出收费通知的件数却为0。",
    "FEE.TERM": "第六部分写「信息公开处理费」「检索费」，规范名称为「信息处理费」。",
    "S.HEADINGS": "缺少「四、政府信息公开行政复议、行政诉讼情况」，或写成「2、主动公开政府信息情况」。",
    "S.TITLE": "标题写「2024年度政务公开工作报告」，缺少机关名称，名称也不规范。",
    "S.STATUTE": "写成《政府信息公开条例》或「国办公开办函[2021]30号」（文号应用〔〕）。",
    "S.OVERVIEW_LEN": "第一部分「总体情况」写了1500字。",
    "S.NUMBERING": "「一、」之下直接用「1.」，或「（一」括号不成对。",
    "S.S5_PARTS": "第五部分只写了存在的问题，没有写改进情况。",
    "S.LABELS": "表格中「（一）予以公开」写成「1、予以公开」。",
    "S.OLD_FORMAT": "导入的报告使用2019年试行格式的表格（如「本年新收政府信息公开申请数量」单独成表）。",
}

SCOPE_TITLE = {"figures": "表格数字", "cross-year": "与上年报告对照", "text": "正文与表格、文字规范",
               "import": "导入时发现的格式问题"}


@dataclass(frozen=True)
class Chapter:
    title: str
    paragraphs: tuple[str, ...]


def screens() -> list[Chapter]:
    """What each part of the window is for, from the form's own list of parts."""
    sections = "、".join(s.heading for s in SECTIONS if s.kind == "text")
    tables = "、".join(s.heading for s in SECTIONS if s.kind == "table")
    return [
        Chapter("开始", (
            "「文件」→「从上年报告新建…」：选择上年的报告（本程序文件、Excel、Word、PDF 或网页文字），正文沿用上年，"
            "「上年结转」自动填入，上年数字用于跨年度校核。",
            "「文件」→「打开…」也可直接导入已发布的报告；导入前会列出没能读出或需要核对的地方。",
        )),
        Chapter("左侧目录", (
            f"基本信息（机关、年度、层级、发布日期），正文各部分（{sections}），以及统计表（{tables}）。",
            "每一项后面的数字是该部分的问题数；点击即切换。",
        )),
        Chapter("统计表", (
            "按官方表样排列，像 Excel 一样录入：方向键、Tab、Enter 移动，直接输入即替换，F2 修改，"
            "Delete 清除，Ctrl+C / Ctrl+V 可与 Excel、WPS 互相复制粘贴整块数字，Ctrl+Z 撤销。",
            "不适用的格填「/」。「计算合计」（Ctrl+T）按分项重新计算各总计。",
        )),
        Chapter("问题清单", (
            "每改一个数字，所有规则立即重新校核。每个问题给出规则、涉及的格子、公式和实际数字，例如"
            "「总计列：第一项82 + 第二项0 = 82，不等于第三项70 + 第四项11 = 81，相差1」。",
            "双击问题跳到相应的格子或段落。确属实际情况的警告，可「填写说明」；说明随报告保存和导出。",
        )),
        Chapter("导出", (
            "「文件」→「导出」：Excel（官方表样，每张表一页）、PDF（GB/T 9704 版式，字体内嵌）、Word（同样版式，"
            "全部用样式排版，可直接修改、送审）、网页（可直接粘贴进网站编辑器）；「打印预览」（Ctrl+P）与 PDF 同样分页。"
            "报告仍有错误时会先提示；坚持导出时 PDF 标注「草稿（校核未通过）」。",
        )),
    ]


def rules_by_scope() -> list[tuple[str, list[Rule]]]:
    order = list(SCOPE_TITLE)
    groups: dict[str, list[Rule]] = {s: [] for s in order}
    for r in RULES.values():
        groups.setdefault(r.scope, []).append(r)
    return [(SCOPE_TITLE.get(s, s), rs) for s, rs in groups.items() if rs]


def guide_html() -> str:
    """The whole guide as simple HTML (Qt's rich text subset: headings, paragraphs, one table per group)."""
    parts = ["<h1>政府信息公开工作年度报告 编写与校核 · 用户指南</h1>"]
    for ch in screens():
        parts.append(f"<h2>{escape(ch.title)}</h2>")
        parts += [f"<p>{escape(p)}</p>" for p in ch.paragraphs]
    parts.append(f"<h2>校核规则（共 {len(RULES)} 条）</h2>")
    parts.append("<p>错误：必须改正；警告：请核实，确属实际情况的可填写说明；提示：供参考。</p>")
    for title, rules in rules_by_scope():
        parts.append(f"<h3>{escape(title)}</h3>")
        parts.append(_rules_table(rules))
    return "\n".join(parts)


def _rules_table(rules: list[Rule]) -> str:
    head = "<tr><th>规则</th><th>级别</th><th>内容</th><th>公式</th><th>例</th></tr>"
    rows = [f"<tr><td>{r.id}</td><td>{SEVERITY_LABEL[r.severity]}</td><td>{escape(r.title)}</td>"
            f"<td>{escape(r.formula)}</td><td>{escape(EXAMPLES.get(r.id, ''))}</td></tr>" for r in rules]
    return "<table border='1' cellspacing='0' cellpadding='4'>" + head + "".join(rows) + "</table>"
