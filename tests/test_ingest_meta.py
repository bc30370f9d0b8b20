"""The organ, its level and the preamble of a report whose title does not say them (a web page's text without
its title, a title that is only 「2024年政府信息公开工作年度报告」)."""
from __future__ import annotations

import pytest

from ingest import read_text
from ingest.sections import guess_level, organ_from_preamble

BODY = """一、总体情况
2024年，本机关推进政务公开。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
（一）存在问题。一是形式单一。
（二）改进情况。一是丰富形式。
六、其他需要报告的事项
本年度未收取信息处理费。
"""


@pytest.mark.parametrize("preamble, organ", [
    ("依据《中华人民共和国政府信息公开条例》，现将示范县交通运输局2024年政府信息公开工作年度报告公布如下。", "示范县交通运输局"),
    ("根据有关规定，特向社会公布2024年度示范县人民政府办公室政府信息公开年度报告。", "示范县人民政府办公室"),
    ("本报告由示范市生态环境局根据《中华人民共和国政府信息公开条例》编制。", "示范市生态环境局"),
    ("本报告依据《条例》要求，由示范市市场监督管理局结合市政府网站等有关统计数据编制。", "示范市市场监督管理局"),
    ("根据上级要求，示范县水务局特向社会公布2024年度本机关信息公开工作报告。", "示范县水务局"),
    ("按照要求，编制并向社会公开示范区民政局2024年政府信息公开工作年度报告。", "示范区民政局"),
    ("特向社会公布2024年示范乡人民政府政府信息公开工作情况报告。", "示范乡人民政府"),
    ("按照要求编制完成《示范县林业局2024年政府信息公开工作年度报告》。", "示范县林业局"),
    ("按照要求，示范区政务公开工作领导小组办公室编制了示范区人民政府2021年度政府信息公开工作年度报告。",
     "示范区人民政府"),  # the first 「公开」 is 政务公开's: the organ follows the last verb
    # a bureau's own office compiled it: the bureau is the organ; a government office stays one
    ("本报告由示范市城乡建设局办公室根据《条例》编制。", "示范市城乡建设局"),
    ("本报告由示范县人民政府办公室负责编制。", "示范县人民政府办公室"),
    # the government's office summed up the government's organs: the government is the organ
    ("本年度报告由示范区人民政府办公室综合区政府各组成部门、各街道办事处的年度报告编制。", "示范区人民政府"),
    ("本报告由示范州人民政府办公厅汇总州政府各部门年度报告编制而成。", "示范州人民政府"),
    ("本报告由区政府办公室综合区政府各部门年度报告编制。", ""),  # which 区 is not said
    ("本报告由示范县示范街道党政办公室综合科编制。", ""),  # 综合科 is the office's section, no summing up
    ("现将我局2024年政府信息公开工作年度报告公布如下。", ""),  # which 局 is not said
    ("特向社会公布2024年政府信息公开工作年度报告。", ""),
    ("根据《条例》编制本报告，由总体情况等六部分组成。", ""),
])
def test_the_organ_named_in_the_preamble(preamble, organ):
    assert organ_from_preamble(preamble) == organ


def test_a_report_without_title_takes_organ_level_and_preamble_from_its_first_paragraph():
    text = "首页 > 政务公开 > 年度报告\n依据《中华人民共和国政府信息公开条例》，现将示范县人民政府2024年政府信息公开工作年度报告公布如下。\n" + BODY
    result = read_text(text, "网页.txt")
    meta = result.report.meta
    assert (meta.organ, meta.level, meta.year) == ("示范县人民政府", "county", 2024)
    assert result.report.sections["s0"].startswith("依据《中华人民共和国政府信息公开条例》")
    assert "首页" not in result.report.sections["s0"]
    assert any("示范县人民政府" in p.message and "请核对" in p.message for p in result.problems)


def _body(overview: str, closing: str = "") -> str:
    return BODY.replace("2024年，本机关推进政务公开。", overview) + closing


def test_a_report_without_title_or_preamble_takes_its_organ_from_the_signature():
    """A web page's text without its title: the organ signed under section 六 above the date, noted."""
    text = _body("2024年，我局坚持以习近平新时代中国特色社会主义思想为指导。", "示范县交通运输局\n2025年1月20日\n")
    result = read_text(text, "网页.txt")
    meta = result.report.meta
    assert (meta.organ, meta.level, meta.year, meta.published) == ("示范县交通运输局", "department", 2024, "2025-01-20")
    notes = [p.message for p in result.problems]
    assert "未找到报告标题；机关名称「示范县交通运输局」取自文末的落款，请核对" in notes
    assert not any(m.startswith("未找到报告标题（") for m in notes)
    assert "示范县交通运输局" not in result.report.sections["s6"]


@pytest.mark.parametrize("overview, organ, level", [
    ("2024年，示范市示范区住房和城乡建设局坚持以习近平新时代中国特色社会主义思想为指导。", "示范市示范区住房和城乡建设局", "department"),
    ("今年以来，示范镇人民政府深入贯彻落实《条例》。", "示范镇人民政府", "department"),
    ("示范县自然资源局2024年政府信息公开工作在县委县政府的领导下有序开展。", "示范县自然资源局", "department"),
    ("2024年，示范区人民政府信息公开工作取得新进展。", "示范区人民政府", "county"),
    # nothing that names the organ: the clerk fills it in
    ("2024年，我局坚持以习近平新时代中国特色社会主义思想为指导。", "", "department"),
    ("2024年，示范县坚持以人民为中心。", "", "department"),
    ("2024年，在县委县政府的领导下，示范县教育局扎实推进政务公开。", "", "department"),
])
def test_a_report_without_title_preamble_or_signature_takes_its_organ_from_the_overview(overview, organ, level):
    result = read_text(_body(overview), "网页.txt")
    assert (result.report.meta.organ, result.report.meta.level) == (organ, level)
    notes = [p.message for p in result.problems]
    if organ:
        assert f"未找到报告标题；机关名称「{organ}」取自「一、总体情况」的第一句，请核对" in notes
    else:
        assert "未找到报告标题（机关名称和年度需要手工填写）" in notes


def test_a_title_that_names_the_organ_is_not_overridden_by_the_signature():
    text = "示范县水务局2024年政府信息公开工作年度报告\n" + _body("2024年，示范县教育局坚持依法公开。", "示范县人民政府\n2025年1月20日\n")
    assert read_text(text, "a.txt").report.meta.organ == "示范县水务局"


def test_a_summary_compiled_by_the_government_office_is_the_governments():
    text = "本年度报告由示范区人民政府办公室综合区政府各组成部门、各镇政府的政府信息公开年度报告编制，数据统计期限为2024年。\n" + BODY
    meta = read_text(text, "网页.txt").report.meta
    assert (meta.organ, meta.level) == ("示范区人民政府", "county")


def test_the_preamble_completes_a_title_that_left_out_the_place():
    text = "市人民政府办公室2024年政府信息公开工作年度报告\n根据规定，现公开示范市人民政府办公室2024年政府信息公开工作年度报告。\n" + BODY
    assert read_text(text, "a.txt").report.meta.organ == "示范市人民政府办公室"


def test_a_title_that_names_the_organ_is_kept():
    text = "示范县教育局2024年政府信息公开工作年度报告\n由示范县教育局办公室编制。\n" + BODY
    assert read_text(text, "a.txt").report.meta.organ == "示范县教育局"


@pytest.mark.parametrize("organ, level", [
    ("示范县人民政府", "county"), ("示范县", "county"), ("示范自治州示范县", "county"), ("示范市示范区", "county"),
    ("示范市甲市人民政府", "county"), ("示范州乙市", "county"), ("示范省", "province"), ("上海市", "province"), ("示范市人民政府", "prefecture"), ("示范自治州", "prefecture"),
    ("示范县示范镇人民政府", "department"), ("示范街道", "department"), ("示范县教育局", "department"),
    ("示范市人民政府办公室", "department"), ("示范区政务服务中心", "department"), ("示范乡", "department"),
    # a 州 or 市 in a prefecture-level city's own name is no prefecture above it
    ("苏州市人民政府", "prefecture"), ("广州市", "prefecture"), ("沧州市人民政府", "prefecture"),
    # county-level by the national division codes: a county-level city named alone, a county or district whose
    # name holds a character of an office's (行 会 站 部 科)
    ("兴仁市人民政府", "county"), ("贵州省兴仁市", "county"), ("芒市", "county"), ("四会市人民政府", "county"),
    ("行唐县人民政府", "county"), ("上海市闵行区", "county"), ("南部县", "county"), ("科尔沁区人民政府", "county"),
])
def test_the_level_of_a_government_named_by_its_place(organ, level):
    assert guess_level(organ) == level


def test_headings_worded_as_the_2019_form_are_found_and_named_as_warnings():
    from model.engine import check

    text = ("示范县人民政府2024年政府信息公开工作年度报告\n一、概述\n2024年，本县推进政务公开。\n"
            "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n"
            "五、政府信息公开工作存在的主要问题及改进情况\n（一）存在问题。一是形式单一。\n（二）改进情况。一是丰富形式。\n"
            "六、其他需要报告的事项\n本年度未收取信息处理费。\n")
    result = read_text(text, "a.txt")
    report = result.report
    assert report.sections["s1"] == "2024年，本县推进政务公开。"
    assert report.sections["s5"].startswith("（一）存在问题")
    assert not [p for p in result.problems if "未找到" in p.message and "部分的标题" in p.message]
    headings = [f for f in check(report) if f.rule == "S.HEADINGS"]
    assert headings and all(f.severity == "warning" for f in headings)
    assert {"一、总体情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"} <= {
        w for f in headings for w in ("一、总体情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况")
        if w in f.message}


def test_a_title_whose_year_lost_its_年_keeps_organ_and_year_apart():
    from ingest.sections import organ_year

    assert organ_year("示范自治区人民政府办公厅2022政府信息公开工作年度报告") == ("示范自治区人民政府办公厅", 2022)
    assert organ_year("示范县教育局2024年政府信息公开工作年度报告") == ("示范县教育局", 2024)


def test_a_title_with_the_year_after_the_name_of_the_work():
    """「…政府信息公开工作2022年度报告」: the organ ends before the work's name (the 政府 of 人民政府 kept)."""
    from ingest.sections import organ_year

    assert organ_year("示范市示范区人民政府民政局政府信息公开工作2022年度报告") == ("示范市示范区人民政府民政局", 2022)
    assert organ_year("示范县人民政府信息公开工作2021年度报告") == ("示范县人民政府", 2021)
    assert organ_year("政府信息公开工作2023年度报告") == ("", 2023)


def test_a_web_page_date_above_the_title_is_not_part_of_it():
    text = ("示范政务网\n2019年12月3日星期二\n示范市城市管理委员会2024年度\n政府信息公开工作报告\n"
            "本报告由示范市城市管理委员会编制。\n一、总体情况\n2024年，我委依法做好政府信息公开工作。\n")
    meta = read_text(text).report.meta
    assert meta.title == "示范市城市管理委员会2024年度政府信息公开工作报告"
    assert (meta.organ, meta.year) == ("示范市城市管理委员会", 2024)


@pytest.mark.parametrize("above", ["政府信息公开", "区政府办公室"])
def test_a_page_category_above_a_title_that_names_its_organ_is_no_part_of_it(above):
    """A web page's column name over the title: the title already names the organ, or takes it from the line
    just above (「示范市示范区人民政府办公室」 then 「2021年政府信息公开工作年度报告」)."""
    for title in ("示范市示范区人民政府办公室2021年政府信息公开工作年度报告",
                  "示范市示范区人民政府办公室\n2021年政府信息公开工作年度报告"):
        meta = read_text(f"{above}\n{title}\n一、总体情况\n2021年，本办依法做好政府信息公开工作。\n").report.meta
        assert meta.organ == "示范市示范区人民政府办公室"
        assert meta.title == "示范市示范区人民政府办公室2021年政府信息公开工作年度报告"


def test_a_government_whose_name_shares_政府_with_the_work():
    """「2023年度示范乡人民政府信息公开工作年度报告」: the year first, then 人民政府 and 政府信息公开 sharing 政府."""
    from ingest.sections import organ_year

    assert organ_year("2023年度示范乡人民政府信息公开工作年度报告") == ("示范乡人民政府", 2023)
    assert organ_year("2023年度示范局政府信息公开工作年度报告") == ("示范局", 2023)


def test_a_title_with_its_year_in_brackets_after_it():
    """「示范县人民政府信息公开工作年度报告（2022年度）」: the year printed after the title, in brackets."""
    from ingest.sections import organ_year

    assert organ_year("示范县人民政府信息公开工作年度报告（2022年度）") == ("示范县人民政府", 2022)
    meta = read_text("示范县人民政府信息公开工作年度报告（2022年度）\n" + BODY).report.meta
    assert (meta.organ, meta.year) == ("示范县人民政府", 2022)


def test_an_overview_item_named_after_a_part_is_no_heading_when_the_part_is_printed():
    """「（一）收到和处理政府信息公开申请情况」 inside 一、总体情况, then 「三、收到和处理…」 with its table lost
    (a web page's text): the numbered part heading is the heading, and the overview item's text stays in 一."""
    from model.engine import check

    text = ("示范镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开政府信息情况\n"
            "本年度主动公开信息20条。\n（二）收到和处理政府信息公开申请情况\n本年度共受理政府信息公开申请6件。\n"
            "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
            "五、存在的主要问题及改进情况\n（一）存在问题。一是形式单一。\n（二）改进情况。一是丰富形式。\n"
            "六、其他需要报告的事项\n本年度未收取信息处理费。\n")
    report = read_text(text).report
    assert "受理政府信息公开申请6件" in report.sections["s1"]
    assert report.headings["s3"] == "三、收到和处理政府信息公开申请情况"
    assert not [f for f in check(report) if f.rule == "S.HEADINGS"]


@pytest.mark.parametrize("as_html", [True, False])
def test_a_pages_field_table_gives_title_organ_and_date_when_the_body_prints_none(as_html):
    """The 政府信息公开 page's table of fields above the body (索引号, 发布机构, 发布日期, 标题 …) — a real <table>,
    or its rows as text 「标题 | … |」 — stands in for the title the body does not print (pagemeta.field_line)."""
    from model import schema as S

    fields = [("索引号", "xxwjj/2024-0000016", "发布机构", "某县卫生健康局"),
              ("公开目录", "部门信息公开年报", "发布日期", "2024-01-30"),
              ("标题", "某县卫生健康局2023年政府信息公开工作年度报告")]
    body = "".join(f"<p>{s.heading}</p><p>无。</p>" for s in S.SECTIONS)
    if as_html:
        rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in fields)
        text = f"<html><body><table>{rows}</table>{body}</body></html>"
    else:
        text = "\n".join(" | ".join(row) + " |" for row in fields) + "\n" + \
            "\n".join(f"{s.heading}\n无。" for s in S.SECTIONS)
    meta = read_text(text).report.meta
    assert (meta.title, meta.organ, meta.year) == ("某县卫生健康局2023年政府信息公开工作年度报告", "某县卫生健康局", 2023)
    assert str(meta.published)[:10] == "2024-01-30"
