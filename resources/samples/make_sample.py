"""Build resources/samples/sample.nianbao: a fictional agency's complete, consistent 2025 report with its
2024 report as the prior snapshot, so every rule (cross-year included) runs and none fires.

Run:  .venv/bin/python resources/samples/make_sample.py
The agency 「示范市示范区人民政府办公室」 and every figure are invented.
"""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from model import schema as S  # noqa: E402
from model.fileformat import save  # noqa: E402
from model.report import Meta, Prior, Report  # noqa: E402

ORGAN = "示范市示范区人民政府办公室"
OUT = Path(__file__).with_name("sample.nianbao")


def t3_cells(new: dict, carried: dict, leaves: dict, pending: dict) -> dict:
    """t3 from the applications received, carried over, each result row and those still pending.

    Columns not named are 0; （七）总计 and the 总计 column are computed, and the balance is asserted."""
    cells = {}
    for row in S.T3_ROW_IDS:
        for col in S.T3_PART_COLS:
            cells[S.t3(row, col)] = 0
    for col in S.T3_PART_COLS:
        cells[S.t3("r1", col)] = new.get(col, 0)
        cells[S.t3("r2", col)] = carried.get(col, 0)
        cells[S.t3("r4", col)] = pending.get(col, 0)
    for row, per_col in leaves.items():
        for col, n in per_col.items():
            cells[S.t3(row, col)] = n
    for col in S.T3_PART_COLS:
        closed = sum(cells[S.t3(r, col)] for r in S.T3_LEAF_ROWS)
        cells[S.t3("r3_7", col)] = closed
        assert cells[S.t3("r1", col)] + cells[S.t3("r2", col)] == closed + cells[S.t3("r4", col)], col
    for row in S.T3_ROW_IDS:
        cells[S.t3(row, "tot")] = sum(cells[S.t3(row, c)] for c in S.T3_PART_COLS)
    return cells


def t4_cells(groups: dict) -> dict:
    cells = {}
    for g, _ in S.T4_GROUPS:
        parts = groups.get(g, {})
        for c in S.T4_PART_COLS:
            cells[S.t4(g, c)] = parts.get(c, 0)
        cells[S.t4(g, "tot")] = sum(cells[S.t4(g, c)] for c in S.T4_PART_COLS)
    return cells


def t2_cells(normative: tuple[int, int, int], license_: int, penalty: int, coercion: int) -> dict:
    return {
        "t2.rules.issued": 0, "t2.rules.repealed": 0, "t2.rules.in_force": 0,
        "t2.normative.issued": normative[0], "t2.normative.repealed": normative[1],
        "t2.normative.in_force": normative[2],
        "t2.license.decisions": license_, "t2.penalty.decisions": penalty, "t2.coercion.decisions": coercion,
        "t2.fees.amount": Decimal("0"),
    }


FEES = {"fee.notices": 0, "fee.billed": Decimal("0"), "fee.collected": Decimal("0")}

# ------------------------------------------------------------------ 2025

CELLS_2025 = {
    **t2_cells((3, 1, 25), 0, 0, 0),
    **t3_cells(
        new={"np": 40, "biz": 6, "res": 1, "law": 3, "oth": 2},
        carried={"np": 2, "biz": 1},
        leaves={
            "r3_1": {"np": 18, "biz": 3, "res": 1, "law": 1, "oth": 1},
            "r3_2": {"np": 6, "biz": 1},
            "r3_3_3": {"np": 1}, "r3_3_4": {"np": 1, "biz": 1}, "r3_3_6": {"np": 1},
            "r3_4_1": {"np": 7, "biz": 2, "law": 1}, "r3_4_2": {"np": 1},
            "r3_5_1": {"np": 1}, "r3_5_2": {"np": 1, "oth": 1},
            "r3_6_1": {"np": 1}, "r3_6_3": {"np": 1},
        },
        pending={"np": 3, "law": 1},
    ),
    **t4_cells({"review": {"upheld": 2, "corrected": 1}, "direct": {"upheld": 1, "pending": 1}}),
    **FEES,
}

S1_2025 = """\
本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。如对本报告有疑问，请与示范市示范区人民政府办公室联系。
2025年，示范区人民政府办公室坚持以人民为中心的发展思想，认真贯彻落实《条例》和上级关于政务公开工作的部署要求，推动政府信息公开工作规范化、标准化，各项工作取得新的成效。
（一）主动公开
全年通过区政府门户网站主动公开政府信息1286条，其中机构职能、政策文件、财政预决算、重大建设项目、公共资源配置等重点领域信息435条。围绕优化营商环境、就业创业、养老服务等群众关注事项，发布政策解读42篇，其中图文解读、视频解读等多元化解读18篇。全年制发行政规范性文件3件，废止1件，现行有效25件，均已在门户网站规范性文件专栏集中公开。
（二）依申请公开
全年共收到政府信息公开申请52件，另有上年结转3件。申请人中，自然人40件、商业企业6件、科研机构1件、法律服务机构3件、其他2件。全年办结51件，结转下年度继续办理4件。办理结果中，予以公开24件，部分公开7件，不予公开4件，无法提供11件，不予处理3件，其他处理2件。全年因政府信息公开引发行政复议3件、行政诉讼2件，未发生被纠错后拒不整改的情况。
（三）政府信息管理
严格落实公开属性源头认定制度，公文在拟稿环节同步确定公开方式。坚持“先审查、后公开”和“一事一审”原则，全年审查拟公开信息1300余条。对现行有效的行政规范性文件进行动态清理，及时更新政策文件库。
（四）平台建设
持续优化区政府门户网站政府信息公开专栏，调整完善专栏目录，实现政策文件与解读材料关联展示。加强政务新媒体管理，对本单位政务微信公众号开展季度检查，确保信息发布安全、准确、及时。
（五）监督保障
将政务公开工作纳入年度绩效考核，明确分管负责同志和专职工作人员。组织政务公开业务培训2次，参训人员86人次。开展政府信息公开社会评议，主动接受群众监督，全年未发生因政府信息公开工作被责任追究的情况。"""

S5_2025 = """\
2025年，我办政府信息公开工作虽然取得一定成效，但仍存在一些不足：一是政策解读形式还不够丰富，部分解读材料对群众关心的办理流程说明不够具体；二是依申请公开答复文书的规范性有待进一步提升，个别答复对法律依据的引用不够准确；三是基层工作人员业务能力参差不齐，对公开属性认定把握不够精准。
针对上述问题，我办将采取以下改进措施：一是丰富解读形式，推广图解、短视频、问答等方式，提高政策解读的可读性；二是完善依申请公开办理流程，制定答复文书参考模板，对疑难申请实行集体会商；三是加强业务培训，全年计划开展专题培训不少于3次，提升工作人员依法公开的能力和水平。"""

S6_2025 = """\
（一）收取信息处理费情况
根据《政府信息公开信息处理费管理办法》，本年度我办未发出收费通知，未收取信息处理费。
（二）人大代表建议和政协提案办理结果公开情况
2025年，我办承办区人大代表建议12件、区政协提案15件，均已按期办结，办理复文按规定在门户网站公开。
（三）年度工作要点落实情况
我办按照示范市政务公开工作要点要求，逐项分解任务，明确责任分工，各项任务均已按时完成。"""

# ------------------------------------------------------------------ 2024 (the prior snapshot)

CELLS_2024 = {
    **t2_cells((2, 0, 23), 0, 0, 0),
    **t3_cells(
        new={"np": 35, "biz": 4, "npo": 1, "law": 2, "oth": 1},
        carried={"np": 1},
        leaves={
            "r3_1": {"np": 15, "biz": 2, "npo": 1, "law": 1},
            "r3_2": {"np": 5, "law": 1},
            "r3_3_4": {"np": 1},
            "r3_4_1": {"np": 8, "biz": 1, "oth": 1}, "r3_4_2": {"np": 2},
            "r3_5_2": {"np": 1},
            "r3_6_1": {"np": 2},
        },
        pending={"np": 2, "biz": 1},
    ),
    **t4_cells({"review": {"upheld": 1}}),
    **FEES,
}

S1_2024 = """\
本报告依据《中华人民共和国政府信息公开条例》编制。报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。
2024年，示范区人民政府办公室认真贯彻落实《条例》，扎实推进政府信息公开各项工作。全年主动公开政府信息1150条，共收到政府信息公开申请43件，上年结转1件，办结41件，结转下年度继续办理3件。全年因政府信息公开引发行政复议1件，未发生行政诉讼。"""

S5_2024 = """\
2024年我办政府信息公开工作存在的问题主要是：公开专栏部分栏目更新不及时，依申请公开办理人员力量不足。
下一步，我办将建立栏目更新定期巡查机制，充实依申请公开工作力量，并加强对承办科室的业务指导。"""

S6_2024 = "本年度我办未收取信息处理费。"


def build() -> Report:
    prior = Prior(year=2024, organ=ORGAN, cells=CELLS_2024,
                  sections={"s1": S1_2024, "s5": S5_2024, "s6": S6_2024})
    return Report(meta=Meta(organ=ORGAN, year=2025, level="department", published="2026-01-20"),
                  sections={"s1": S1_2025, "s5": S5_2025, "s6": S6_2025},
                  cells=dict(CELLS_2025), explanations={}, prior=prior)


if __name__ == "__main__":
    from model.engine import check

    report = build()
    found = check(report)
    for f in found:
        print(f.severity, f.rule, f.message)
    save(report, OUT)
    print(f"wrote {OUT} ({len(found)} findings)")
