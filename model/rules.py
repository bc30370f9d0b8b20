"""The rule catalogue of format.md section 7, as data.  Ids are stable: tests, the GUI and the JSON use them.

Each rule names its severity, a short Chinese title for the findings panel and its formula in words.
The checks that evaluate them are generated from the form in `checks.py` (figures) and
`text/checks.py` (narrative); the rule a check belongs to decides severity and title.
"""
from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_LABEL = {ERROR: "错误", WARNING: "警告", INFO: "提示"}
SEVERITY_RANK = {ERROR: 0, WARNING: 1, INFO: 2}


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title: str
    formula: str
    scope: str = "figures"  # figures | cross-year | text | import


_R = Rule
RULES: dict[str, Rule] = {r.id: r for r in (
    # within t3
    _R("T3.LEAF_SUM", ERROR, "办理结果分项之和不等于（七）总计", "（七）总计 = （一）至（六）各分项之和（每一列）"),
    _R("T3.BALANCE", ERROR, "勾稽关系不平", "第一项 + 第二项 = 第三项 + 第四项（每一列）"),
    _R("T3.ROW_TOTAL", ERROR, "总计列不等于各类申请人之和",
       "总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他（每一行）"),
    _R("T3.OTHER_HIGH", WARNING, "「其他处理」占比偏高", "（六）其他处理 ÷ （七）总计 ≤ 20%"),
    # within t4
    _R("T4.SUM", ERROR, "行政复议、行政诉讼总计不等于分项之和", "结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计"),
    # values
    _R("VALUE.COUNT", ERROR, "数值不合规", "件数为不小于0的整数；金额为不小于0的数"),
    _R("VALUE.BLANK", INFO, "尚未填写", "每一格都应填写数字或「/」"),
    _R("T2.RULES_LEVEL", INFO, "本级机关一般无规章制定权", "县级人民政府及地方政府部门的规章栏应为0或「/」（国务院部门除外）"),
    # cross-year
    _R("X.CARRY", ERROR, "上年结转与上年报告不符", "本年第二项 = 上年第四项（每一列）", "cross-year"),
    _R("X.IN_FORCE", WARNING, "现行有效件数与上年不衔接", "现行有效 = 上年现行有效 + 本年制发 − 本年废止",
       "cross-year"),
    _R("X.JUMP", INFO, "与上年相比变化较大", "本年数与上年数相差超过设定倍数（默认3倍），且其一不小于10", "cross-year"),
    _R("X.REPEAT_TEXT", WARNING, "与上年报告文字雷同", "第五部分（及第一部分）不应与上年基本相同", "cross-year"),
    # narrative against tables
    _R("N.RECEIVED", ERROR, "正文收到申请数与表三不符", "正文「收到/受理…申请N件」= 第一项总计（或第一项 + 第二项）", "text"),
    _R("N.CLOSED", ERROR, "正文办结、结转数与表三不符", "正文「办结N件」=（七）总计；「结转N件」= 第四项", "text"),
    _R("N.CATEGORY", ERROR, "正文办理结果数与表三不符", "正文各类办理结果件数及占比与表三一致", "text"),
    _R("N.NONE", ERROR, "正文称「未收到/未发生」而表格有数", "「未收到申请」⇒ 第一项为0；「未发生复议、诉讼」⇒ 表四为0",
       "text"),
    _R("N.REVIEW", ERROR, "正文复议、诉讼数与表四不符", "正文「行政复议N件」= 表四复议总计；「行政诉讼N件」= 诉讼总计", "text"),
    _R("N.T2", ERROR, "正文规范性文件数与表二不符", "正文「制发规范性文件N件」= 表二本年制发件数", "text"),
    _R("N.YEAR", ERROR, "年度不一致", "标题年度、统计期限与报告年度一致", "text"),
    _R("N.DEADLINE", WARNING, "发布日期晚于规定时限", "部门1月31日，县级2月20日，设区的市3月10日，省级3月31日", "text"),
    # 信息处理费
    _R("FEE.MENTION", ERROR, "第六部分未报告信息处理费情况", "第六部分须说明收取信息处理费的情况（即使未收取）", "text"),
    _R("FEE.FIGURES", WARNING, "信息处理费数据不全", "应填写发出收费通知件数、总金额和实际收取总金额"),
    _R("FEE.BOUNDS", ERROR, "信息处理费数据矛盾", "实际收取 ≤ 通知金额；未发通知则通知金额为0"),
    _R("FEE.NOTICE_ROWS", WARNING, "收费通知件数少于表三相应行", "表三（六）2 总计 > 0 ⇒ 发出收费通知件数 ≥ 该数"),
    _R("FEE.TERM", INFO, "收费名称不规范", "规范名称为「信息处理费」", "text"),
    # structure and wording
    _R("S.HEADINGS", ERROR, "六个部分标题缺失或编号错误", "一、至六、六个标题齐全、顺序正确", "text"),
    _R("S.TITLE", WARNING, "标题不规范", "标题 = 机关全称 + 「YYYY年政府信息公开工作年度报告」", "text"),
    _R("S.STATUTE", ERROR, "法规名称或书名号、文号括号错误", "《中华人民共和国政府信息公开条例》；文号用〔〕；书名号内用〈〉",
       "text"),
    _R("S.OVERVIEW_LEN", WARNING, "总体情况超过一千字", "第一部分篇幅原则上不超过1000字", "text"),
    _R("S.NUMBERING", WARNING, "层次序号不规范", "一、→（一）→ 1. →（1）；括号成对", "text"),
    _R("S.S5_PARTS", WARNING, "第五部分缺少问题或改进内容", "第五部分既写存在的问题，也写改进情况", "text"),
    _R("S.LABELS", WARNING, "表格固定文字与官方不一致", "表格标签与官方格式逐字一致", "import"),
    _R("S.OLD_FORMAT", ERROR, "使用了已废止的2019年试行格式", "使用2021年版格式（国办公开办函〔2021〕30号）", "import"),
)}


def rule(rule_id: str) -> Rule:
    return RULES[rule_id]
