"""A realistic report for the exporter tests and bench/export_speed.py: the true figures of 淮安市 2024
(shared/samples/expected/huaian_city_2024.json) with narrative text of our own.  Independent of ingest/."""
from __future__ import annotations

import json
from decimal import Decimal

from model import schema as S
from model.engine import Checker
from model.report import Meta, Report
from model.values import from_json
from tests.conftest import EXPECTED

SAMPLE_JSON = EXPECTED / "huaian_city_2024.json"

S1 = """本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。报告所列统计期限自2024年1月1日起至2024年12月31日止。
（一）主动公开情况。2024年，市政府网站主动公开各类政府信息5500余条，全年新增公开市政府规章1件，通过文字、图片、视频等形式制作政策解读21个，编印《淮安市人民政府公报》6期。围绕保障民生、深化改革、科技创新等工作主线，组织召开“春节前后服务企业用工”“建设‘四最’一流营商环境”等新闻发布会12场，及时传递政府声音、回应社会关切。
（二）依申请公开情况。2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件），另有103件结转下年度继续办理，均在法定期限内予以答复。政府信息公开行政复议351件，行政诉讼46件。
（三）政府信息管理情况。坚持“先审查、后公开”“一事一审”原则，规范公开前保密审查程序，落实政府信息公开属性源头认定机制；对已公开信息进行梳理，优化主动公开目录，及时清理过时、失效信息。
（四）政府信息公开平台建设情况。推进政府网站集约化建设，完善政策文件库、政务公开专栏；加强政务新媒体管理，做到“有人管、能更新、可互动”。
（五）监督保障情况。将政务公开纳入年度综合考核，开展业务培训4期、培训人员300余人次；全年未发生因政务公开工作引发的责任追究。"""

S5 = """（一）存在的主要问题。一是部分单位对政策解读的重视程度不够，解读形式较为单一；二是依申请公开答复的规范性有待进一步提高，个别答复书引用条款不够准确。
（二）改进情况。一是丰富解读形式，推行图解、视频、“一图读懂”等方式，提升解读的可读性；二是加强答复文书审核，建立典型案例汇编，组织专题培训，提升办理质量；三是健全考核评估机制，推动政务公开工作提质增效。"""

S6 = """本年度依据《政府信息公开信息处理费管理办法》发出收费通知6件，收费通知总金额4200元，实际收取信息处理费3940元。本机关无其他需要报告的事项。"""


def sample_report() -> Report:
    """淮安市人民政府 2024 with our narrative and complete 信息处理费 figures."""
    data = json.loads(SAMPLE_JSON.read_text(encoding="utf-8"))
    cells = {cid: from_json(cid, v) for cid, v in data["cells"].items()}
    cells["fee.notices"] = 6
    cells["fee.billed"] = Decimal("4200")
    cells["fee.collected"] = Decimal("3940")
    meta = Meta(organ=data["organ"], year=data["year"], level=data["level"], published="2025-03-05")
    return Report(meta=meta, sections={"s1": S1, "s5": S5, "s6": S6}, cells=cells)


def broken_report() -> Report:
    """The sample with one total that no longer matches its parts (a T3.ROW_TOTAL and T3 sums error)."""
    r = sample_report()
    r.cells[S.t3("r3_1", "np")] = r.cells[S.t3("r3_1", "np")] + 5
    return r


def test_sample_has_all_cells_and_no_errors():
    r = sample_report()
    assert set(r.cells) == set(S.CELL_IDS)
    assert not Checker(r).has_errors()


def test_broken_sample_has_errors():
    assert Checker(broken_report()).has_errors()
