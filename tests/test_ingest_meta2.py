"""A report's identity read right — organ, year, level — in the shapes real reports print it (made-up names), and
last year's report found under another form of the organ's name (batch --prior)."""
from __future__ import annotations

import pytest

from ingest import read_text
from ingest.sections import guess_level, organ_from_preamble, report_year_in
from model.batch import attach_prior, priors_by_organ, same_organ
from model.report import Meta, Report

PARTS = """二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
（一）存在问题。一是形式单一。
六、其他需要报告的事项
本年度未收取信息处理费。
"""


def _meta(text: str):
    return read_text(text, "网页.txt").report.meta


def _notes(text: str) -> list[str]:
    return [p.message for p in read_text(text, "网页.txt").problems if "机关名称" in p.message]


# ---------------------------------------------------------------- the title

def test_a_title_that_ends_with_年报():
    """「…政府信息公开工作年报」 is the title (its organ and year), not the overview's short name 「经开区经发局」."""
    text = ("信息公开\n示范经济技术开发区经济发展局2021年政府信息公开工作年报\n发布时间:2022-02-20 16:41:00 索引号: 文号:\n"
            "一、总体情况\n2021年，经开区经发局以习近平新时代中国特色社会主义思想为指导。\n" + PARTS)
    meta = _meta(text)
    assert (meta.organ, meta.year, meta.level) == ("示范经济技术开发区经济发展局", 2021, "department")
    assert meta.title == "示范经济技术开发区经济发展局2021年政府信息公开工作年报"


def test_a_pages_column_named_年报_is_no_title():
    text = "政府信息公开年报\n一、总体情况\n2024年，我局坚持依法公开。\n" + PARTS + "示范县水务局\n2025年1月20日\n"
    meta = _meta(text)
    assert meta.title in ("", None) and meta.organ == "示范县水务局"


# ---------------------------------------------------------------- the preamble

def test_the_year_of_a_report_the_preamble_names():
    """No title and no statistics period: the preamble's 「现公布某局2024年…年度报告」 gives the year."""
    text = ("根据《中华人民共和国政府信息公开条例》规定，现公布示范市农业农村局2024年政府信息公开工作年度报告。"
            "所列数据截止日期为2024年12月31日。\n一、总体情况\n（一）认真做好法定基础信息主动公开。\n" + PARTS)
    meta = _meta(text)
    assert (meta.organ, meta.year) == ("示范市农业农村局", 2024)


@pytest.mark.parametrize("preamble, year", [
    ("现结合工作实际，将示范保税区2021年度政府信息公开年度报告如下：", 2021),
    ("特编制2021年度示范乡信息公开年度报告。", 2021),
    ("按照《示范县人民政府办公室关于做好2023年政府信息公开工作年度报告编制发布工作的通知》要求编制本报告。", None),
    ("根据《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》编制。", None),
])
def test_report_year_in(preamble, year):
    assert report_year_in(preamble) == year


def test_an_organ_compiling_under_a_short_name():
    """「由某开发区管理委员会（以下简称经开区管委会）编制」: the full name, before the short one it defines."""
    assert organ_from_preamble("本报告根据《条例》要求，由示范经济技术开发区管理委员会(以下简称经开区管委会)编制。"
                               ) == "示范经济技术开发区管理委员会"


def test_the_preamble_printed_under_the_first_heading():
    """「一、总体情况 根据…特向社会公布2020年某局政府信息公开工作年度报告」: the preamble's organ, noted."""
    text = ("一、总体情况\n根据《中华人民共和国政府信息公开条例》的文件精神，特向社会公布2020年示范市农业农村局政府信息公开"
            "工作年度报告。\n我局持续推进政务公开。\n" + PARTS)
    meta = _meta(text)
    assert (meta.organ, meta.year, meta.level) == ("示范市农业农村局", 2020, "department")
    assert "未找到报告标题；机关名称「示范市农业农村局」取自「一、总体情况」下的说明文字，请核对" in _notes(text)


def test_the_overview_sentence_printed_above_the_preamble():
    text = ("2022年，示范街道办事处按照中央、省、市、区的要求，不断拓展公开内容。\n本年度报告根据《条例》编制，"
            "统计期限为2022年1月1日至2022年12月31日。\n一、总体情况\n（一）加强政府信息管理工作。\n" + PARTS)
    meta = _meta(text)
    assert (meta.organ, meta.year, meta.level) == ("示范街道办事处", 2022, "department")


# ---------------------------------------------------------------- the signature

def _signed(overview: str, signer: str) -> str:
    return "一、总体情况\n" + overview + "\n" + PARTS + signer + "\n2025年1月20日\n"


@pytest.mark.parametrize("overview, signer, organ, level", [
    # the government's office signs the government's report: it speaks as the county, not as the office
    ("2024年，我县坚持以人民为中心，全县各级行政机关深入推进政务公开。", "示范县人民政府办公室", "示范县人民政府", "county"),
    ("2024年，全市各级行政机关深入推进政务公开。", "示范市人民政府办公厅", "示范市人民政府", "prefecture"),
    # the office's own report
    ("2024年，我办围绕全县工作重心推进政务公开。", "示范县人民政府办公室", "示范县人民政府办公室", "department"),
    ("2024年，县政府办公室紧紧围绕县委、县政府中心工作，全县政务公开水平提升。", "示范县人民政府办公室",
     "示范县人民政府办公室", "department"),
    # nothing says whose: as signed
    ("2024年，示范县持续深化政务公开。", "示范县人民政府办公室", "示范县人民政府办公室", "department"),
    ("2024年，我县坚持依法公开。", "县人民政府办公室", "", "department"),  # which 县 is not said
    # a bureau signs as itself
    ("2024年，我县坚持依法公开。", "示范县交通运输局", "示范县交通运输局", "department"),
])
def test_a_report_signed_by_a_governments_office(overview, signer, organ, level):
    meta = _meta(_signed(overview, signer))
    assert (meta.organ, meta.level, meta.published) == (organ, level, "2025-01-20")


def test_the_note_says_which_signature_stood_for_the_government():
    notes = _notes(_signed("2024年，我县坚持依法公开。", "示范县人民政府办公室"))
    assert notes == ["未找到报告标题；机关名称「示范县人民政府」取自文末的落款「示范县人民政府办公室」（报告以本级政府的口吻写成），请核对"]


# ---------------------------------------------------------------- the level

@pytest.mark.parametrize("organ, level", [
    ("示范县政府", "county"), ("示范市政府", "prefecture"),
    # the government itself (its 本级 report beside the whole place's)
    ("示范县人民政府机关", "county"), ("示范市人民政府（本级）", "prefecture"), ("示范市政府本级", "prefecture"),
    ("示范市本级", "prefecture"),
    # a development zone is no division: its 管委会 reports as a department
    ("示范经济技术开发区", "department"), ("示范保税区", "department"), ("示范高新区", "department"),
    ("示范经济技术开发区管理委员会", "department"),
])
def test_the_level_of_a_government_itself_and_of_a_zone(organ, level):
    assert guess_level(organ) == level


# ---------------------------------------------------------------- last year's report of the same organ

@pytest.mark.parametrize("a, b", [
    ("示范县人民政府", "示范县政府"), ("示范县人民政府", "示范县"), ("示范县人民政府办公室", "示范县政府办公室"),
    ("示范县横山镇", "横山镇人民政府"), ("示范市示范区经纬街道办事处", "示范区经纬街道"),
    ("示范市示范区教育局", "示范区教育局"), ("示范省示范市人民政府", "示范市人民政府"),
    ("示范市示范区海棠新城开发区管理委员会", "示范区海棠新城开发区管委会"),
    ("示范市人民政府（本级）", "示范市政府本级"), ("甲　局 ", "甲局"),
    ("示范市经济技术开发区管理委员会", "示范市经开区管委会"), ("示范县住房和城乡建设局", "示范县住建局"),
    ("示范市示范区人力资源和社会保障局", "示范区人社局"), ("示范县人民政府办公室", "示范县政府办"),
    ("示范市高新技术产业开发区管委会", "示范市高新区管委会"),
])
def test_forms_of_one_organs_name(a, b):
    assert same_organ(a, b) and same_organ(b, a)


@pytest.mark.parametrize("a, b", [
    ("示范县教育局", "示范市教育局"), ("示范县人民政府", "示范县人民政府办公室"), ("示范县人民政府", "示范市人民政府"),
    ("县教育局", "示范县教育局"), ("市住房和城乡建设局", "示范市住房和城乡建设局"), ("示范县", "示范县教育局"),
    ("示范县横山镇", "示范市横山镇"), ("示范县政务服务中心", "示范县人民政府政务服务中心"),
    # the government itself is not the whole place
    ("示范县人民政府", "示范县人民政府机关"), ("示范市", "示范市本级"), ("示范市人民政府", "示范市人民政府（本级）"),
    # a short name stands for its own organ only
    ("示范县住建局", "示范市住房和城乡建设局"), ("示范县交通局", "示范县交通运输执法大队"),
    ("示范县人民政府", "示范县政府办"), ("示范县卫健局", "示范县卫生健康委员会"),
])
def test_different_organs_are_never_one(a, b):
    assert not same_organ(a, b)


def _r(organ: str, year: int) -> Report:
    return Report(meta=Meta(organ=organ, year=year))


def test_last_years_report_under_another_form_of_the_name():
    priors = priors_by_organ([("old.pdf", _r("示范县人民政府", 2022)), ("last.pdf", _r("示范县政府", 2023)),
                              ("office.pdf", _r("示范县人民政府办公室", 2023)), ("town.pdf", _r("示范县横山镇", 2023))])
    assert attach_prior(_r("示范县人民政府", 2024), priors) == "last.pdf"  # the year before, under either form
    assert attach_prior(_r("示范县政府办公室", 2024), priors) == "office.pdf"
    assert attach_prior(_r("横山镇人民政府", 2024), priors) == "town.pdf"
    assert attach_prior(_r("示范县教育局", 2024), priors) is None


def test_last_years_report_under_the_organs_short_name():
    priors = priors_by_organ([("zone.pdf", _r("示范市经开区管委会", 2023)), ("build.pdf", _r("示范县住建局", 2023))])
    assert attach_prior(_r("示范市经济技术开发区管理委员会", 2024), priors) == "zone.pdf"
    assert attach_prior(_r("示范县住房和城乡建设局", 2024), priors) == "build.pdf"
    assert attach_prior(_r("示范市住房和城乡建设局", 2024), priors) is None


def test_two_organs_answering_one_short_name_give_only_the_exact_one():
    priors = priors_by_organ([("a.pdf", _r("甲县横山镇", 2023)), ("b.pdf", _r("乙市横山镇", 2023))])
    assert attach_prior(_r("横山镇", 2024), priors) is None
    priors = priors_by_organ([("a.pdf", _r("甲县横山镇", 2023)), ("b.pdf", _r("乙市横山镇", 2023)), ("c.pdf", _r("横山镇", 2023))])
    assert attach_prior(_r("横山镇", 2024), priors) == "c.pdf"


def test_a_page_published_by_the_governments_office():
    """A title that names no organ and the page's 「发布机构」 the government's office: the office published the
    government's report when the report speaks as the county; its own when it speaks as the office."""
    def page(overview: str) -> str:
        return ("索引号：000000/2024-001 发布机构：示范县人民政府办公室\n2024年政府信息公开工作年度报告\n一、总体情况\n"
                + overview + "\n" + PARTS)
    meta = _meta(page("2024年，我县坚持以人民为中心，全县各级行政机关深入推进政务公开。"))
    assert (meta.organ, meta.level) == ("示范县人民政府", "county")
    assert "机关名称「示范县人民政府」取自网页的发布机构「示范县人民政府办公室」（报告以本级政府的口吻写成），请核对" in \
        _notes(page("2024年，我县坚持以人民为中心。"))
    assert _meta(page("2024年，我办坚持依法公开。")).organ == "示范县人民政府办公室"


def test_a_government_and_its_office_reporting_as_one():
    """「现公布《某市人民政府（市人民政府办公厅）2021年…报告》」: the government's own report, not the whole city's nor
    the office's (the overview's subject 「某市人民政府办公厅」 is not taken over it)."""
    text = ("根据《条例》要求，现公布《示范市人民政府(市人民政府办公厅)2021年政府信息公开工作年度报告》。\n一、总体情况\n"
            "2021年，示范市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为引领。\n" + PARTS)
    meta = _meta(text)
    assert (meta.organ, meta.year, meta.level) == ("示范市人民政府(市人民政府办公厅)", 2021, "prefecture")
    assert not same_organ(meta.organ, "示范市") and not same_organ(meta.organ, "示范市人民政府办公厅")


def test_a_preamble_whose_government_shares_政府_with_the_work():
    """「编制了2019年某区人民政府信息公开工作年度报告」: the organ is the 人民政府, not 「某区人民」 nor the overview's 「某区政府」."""
    text = ("根据《条例》规定，示范区政务公开领导小组办公室编制了2019年示范区人民政府信息公开工作年度报告。\n一、总体情况\n"
            "2019年，示范区政府以习近平新时代中国特色社会主义思想为指导。\n" + PARTS)
    meta = _meta(text)
    assert (meta.organ, meta.year, meta.level) == ("示范区人民政府", 2019, "county")
