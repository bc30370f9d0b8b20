"""The PDF: A4 with GB/T 9704 margins, embedded fonts, the right text on each page, tables whole on one page,
page numbers, draft mark, metadata, rendering, and Chinese line breaking (禁则)."""
from __future__ import annotations

import random
import re
import shutil
import subprocess

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1

from export import ExportError, linebreak
from export import fonts as F
from export.pdf import DRAFT_MARK, write_pdf
from model import schema as S
from model.values import format_value
from tests.test_export_sample import broken_report, sample_report
from tests.tools import need

MM = 72 / 25.4
FORBIDDEN_START = set("，。、；：！？）》」’”")
FORBIDDEN_END = set("（《「‘“")


def _pages_text(path, layout=False):
    """Each page's text in the order it was drawn (a table cell's lines stay together), or with layout, laid out
    in columns as on the page."""
    with pdfplumber.open(path) as pdf:
        return [page.extract_text(layout=layout, use_text_flow=not layout) for page in pdf.pages]


def _fonts(path) -> dict[str, bool]:
    """Every font the PDF uses (its BaseFont name) and whether its glyphs are embedded in the file."""
    found = {}

    def visit(resources):
        resources = resolve1(resources) or {}
        for font in (resolve1(resources.get("Font")) or {}).values():
            font = resolve1(font)
            desc = font.get("DescendantFonts")
            inner = resolve1(resolve1(desc)[0]) if desc else font
            descriptor = resolve1(inner.get("FontDescriptor")) or {}
            found[_name(font["BaseFont"])] = any(k in descriptor for k in ("FontFile", "FontFile2", "FontFile3"))
        for xobject in (resolve1(resources.get("XObject")) or {}).values():
            visit(resolve1(xobject).attrs.get("Resources"))

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            visit(page.page_obj.resources)
    return found


def _name(base_font) -> str:
    return base_font.name if hasattr(base_font, "name") else str(base_font)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    write_pdf(sample_report(), path)
    return path


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_a4_metadata_and_not_a_draft(sample_pdf):
    with pdfplumber.open(sample_pdf) as pdf:
        info = pdf.metadata
        assert all((round(p.width, 2), round(p.height, 2)) == (595.28, 841.89) for p in pdf.pages)
    r = sample_report()
    assert info["Title"] == r.title
    assert info["Author"] == r.meta.organ
    assert info["Creator"] == "nianbao"
    assert all(DRAFT_MARK not in t for t in _pages_text(sample_pdf))


def test_every_font_embedded(sample_pdf):
    fonts = _fonts(sample_pdf)
    assert fonts
    for name, embedded in fonts.items():
        assert embedded, name
        assert re.fullmatch(r"[A-Z]{6}\+.+", name), name  # a subset: only the glyphs used


def test_text_inside_the_margins_and_page_numbers(sample_pdf):
    with pdfplumber.open(sample_pdf) as pdf:
        assert len(pdf.pages) >= 3
        for n, page in enumerate(pdf.pages, start=1):
            body = [c for c in page.chars if c["top"] < page.height - 35 * MM]
            foot = [c for c in page.chars if c["top"] >= page.height - 35 * MM]
            assert min(c["x0"] for c in body) >= 28 * MM - 0.5
            assert max(c["x1"] for c in body) <= page.width - 26 * MM + 0.5
            assert min(c["top"] for c in body) >= 37 * MM - 6  # the title's ascent may reach above
            assert max(c["bottom"] for c in body) <= page.height - 35 * MM + 0.5
            number = "".join(c["text"] for c in foot)
            assert number == f"- {n} -"
            # 7 mm below the 版心; odd pages right, even pages left, one character in
            assert abs(min(c["top"] for c in foot) - (page.height - 35 * MM + 7 * MM)) < 2.5
            if n % 2:
                assert abs(max(c["x1"] for c in foot) - (page.width - 26 * MM - 14)) < 1
            else:
                assert abs(min(c["x0"] for c in foot) - (28 * MM + 14)) < 1
        # justified body text runs to the right edge of the 版心 and starts at its left edge
        first = pdf.pages[0]
        big = [c for c in first.chars if abs(c["size"] - 16) < 0.1]
        assert abs(max(c["x1"] for c in big) - (first.width - 26 * MM)) < 2
        assert abs(min(c["x0"] for c in big) - 28 * MM) < 1


def test_body_size_and_pitch(sample_pdf):
    with pdfplumber.open(sample_pdf) as pdf:
        chars = [c for c in pdf.pages[0].chars if abs(c["size"] - 16) < 0.1]
    tops = sorted({round(c["top"], 1) for c in chars})
    gaps = [b - a for a, b in zip(tops, tops[1:]) if b - a < 40]
    assert gaps and all(abs(g - 28.9) < 0.3 for g in gaps)
    with pdfplumber.open(sample_pdf) as pdf:
        title = [c for c in pdf.pages[0].chars if abs(c["size"] - 22) < 0.1]
    assert "".join(c["text"] for c in title) == _squash(sample_report().title)


def test_each_page_has_what_it_should(sample_pdf):
    r = sample_report()
    pages = _pages_text(sample_pdf)
    flat = [_squash(p) for p in pages]
    assert _squash(r.title) in flat[0] and "一、总体情况" in flat[0]
    whole = "".join(flat)
    # headings once each, in order
    pos = [whole.index(s.heading) for s in S.SECTIONS]
    assert pos == sorted(pos)
    for sec in S.TEXT_SECTIONS:
        for para in r.sections.get(sec, "").split("\n"):
            assert _squash(para) in whole
    t3_pages = [i for i, p in enumerate(flat) if _squash(S.T3_NOTE) in p]
    assert len(t3_pages) == 1
    with pdfplumber.open(sample_pdf) as pdf:  # cell by cell: a two-line header is one cell's text
        cells = {_squash(c or "") for t in pdf.pages[t3_pages[0]].extract_tables() for row in t for c in row}
    for sp in S.TABLES["t3"].spans + S.TABLES["t4"].spans:
        if sp.text:
            assert _squash(sp.text) in cells, sp.text
    # figures in reading order: each row's seven figures follow its label on the same line
    layout = _pages_text(sample_pdf, layout=True)[t3_pages[0]]
    for row in ("r1", "r2", "r3_1", "r3_3_1", "r3_3_8", "r3_4_1", "r3_5_1", "r3_7", "r4"):
        figures = [format_value(r.cells[S.t3(row, c)]) for c in S.T3_COL_IDS]
        label = S.T3_ROW_LABEL[row]
        pattern = re.escape(label) + r"\s+" + r"\s+".join(map(re.escape, figures)) + r"\s*$"
        assert re.search(pattern, layout, re.M), (row, figures)
    t4_line = r"\s+".join(format_value(r.cells[c]) for c in S.TABLES["t4"].cells)
    assert re.search(t4_line, "\n".join(_pages_text(sample_pdf, layout=True)))
    for cid in S.TABLES["t2"].cells + S.FEE_CELL_IDS:
        assert format_value(r.cells[cid]) in whole


def _plumbed(path) -> list[dict]:
    """Per page: its text (squashed) and how much of the 版心 its lowest text or ruling reaches (0–1)."""
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            foot = page.height - 35 * MM  # below it only the page number
            bottoms = [c["bottom"] for c in page.chars if c["top"] < foot]
            bottoms += [o["bottom"] for o in page.rects + page.lines if o["top"] < foot]
            used = (max(bottoms, default=37 * MM) - 37 * MM) / (225 * MM)
            out.append({"text": _squash(page.extract_text() or ""), "used": used})
    return out


def _t3_pages(pages: list[dict]) -> list[int]:
    return [i for i, p in enumerate(pages) if _squash(S.T3_ROW_LABEL["r3_3_1"]) in p["text"]
            or _squash(S.T3_ROW_LABEL["r1"]) in p["text"] or _squash(S.T3_ROW_LABEL["r4"]) in p["text"]]


@pytest.mark.parametrize("chars", [0, 250, 520, 800, 1100, 1500, 1700])
def test_tables_flow_without_half_empty_pages(tmp_path, chars):
    """Whatever precedes them: no page but the last is more than half empty; t2 and t4 are whole on a page;
    t3 is whole, or runs on under its repeated header rows, with no row split."""
    r = sample_report()
    r.sections["s1"] = ("各项工作有序推进，" * 200)[:chars]
    path = tmp_path / "t3.pdf"
    write_pdf(r, path)
    pages = _plumbed(path)
    for i, p in enumerate(pages[:-1]):
        assert p["used"] >= 0.5, (chars, i + 1, round(p["used"], 2))
    holding = _t3_pages(pages)
    assert holding == list(range(holding[0], holding[-1] + 1))
    for i in holding:  # the header rows on each page the table is on
        assert _squash(S.T3_APPLICANT) in pages[i]["text"] and _squash(S.T3_LEGAL) in pages[i]["text"]
    head, tail = pages[holding[0]]["text"], pages[holding[-1]]["text"]
    assert S.SECTION_BY_ID["s3"].heading in head and _squash(S.T3_ROW_LABEL["r1"]) in head
    assert _squash(S.T3_ROW_LABEL["r4"]) in tail
    for row in S.T3_ROW_IDS:  # each row on one page (a label may wrap: its first characters)
        label = _squash(S.T3_ROW_LABEL[row])[:6]
        assert sum(label in pages[i]["text"] for i in holding) == 1, row
    t2 = [i for i, p in enumerate(pages) if "第二十条第（一）项" in p["text"]]
    assert len(t2) == 1 and "第二十条第（八）项" in pages[t2[0]]["text"]
    t4_figures = "".join(format_value(r.cells[c]) for c in S.TABLES["t4"].cells)
    t4 = [i for i, p in enumerate(pages) if S.T4_GROUP_LABEL["direct"] in p["text"]]
    assert len(t4) == 1 and t4_figures in pages[t4[0]]["text"]


def test_fee_figures_follow_six_under_a_caption(tmp_path):
    """The 信息处理费 figures come after 六's text, under their caption, on the page of 六's last lines."""
    r = sample_report()
    for lines in (0, 3, 6, 9, 12):
        r.sections["s5"] = "\n".join(["（一）存在的主要问题。一是解读形式较为单一，二是答复规范性有待提高。"] * lines)
        path = tmp_path / f"f{lines}.pdf"
        write_pdf(r, path, draft=False)
        pages = _plumbed(path)
        whole = "".join(p["text"] for p in pages)
        six, caption = whole.index(S.SECTION_BY_ID["s6"].heading), whole.index(S.FEE_CAPTION)
        assert six < whole.index(_squash(r.sections["s6"])) < caption
        figures = [whole.index(_squash(label), caption) for _cid, label, *_ in S.FEE_FIELDS]
        assert figures == sorted(figures) and figures[0] > caption
        last = pages[-1]["text"]
        assert S.FEE_CAPTION in last and _squash(r.sections["s6"])[-10:] in last, lines


def test_pdftoppm_renders_every_page(sample_pdf, tmp_path):
    """Another program (poppler, as in most Linux viewers) draws every page: the check pdfplumber cannot make."""
    pdftoppm = need("pdftoppm", package="poppler-utils")
    subprocess.run([pdftoppm, "-png", "-r", "30", str(sample_pdf), str(tmp_path / "p")], check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == len(_pages_text(sample_pdf))
    from PIL import Image  # Pillow comes with pdfplumber

    for png in pngs:
        with Image.open(png) as img:
            gray = img.convert("L")
            assert abs(gray.width - 210 / 25.4 * 30) < 2 and abs(gray.height - 297 / 25.4 * 30) < 2
            dark = sum(gray.histogram()[:128])
        assert dark > 200, png.name  # something is drawn


def test_draft_mark(tmp_path):
    auto = tmp_path / "auto.pdf"
    write_pdf(broken_report(), auto)
    pages = _pages_text(auto)
    assert all(DRAFT_MARK in p for p in pages)
    forced = tmp_path / "forced.pdf"
    write_pdf(sample_report(), forced, draft=True)
    assert DRAFT_MARK in _pages_text(forced)[0]
    final = tmp_path / "final.pdf"
    write_pdf(broken_report(), final, draft=False)
    assert all(DRAFT_MARK not in p for p in _pages_text(final))


def test_unwritable_and_failed_exports(tmp_path, monkeypatch):
    with pytest.raises(ExportError) as e:
        write_pdf(sample_report(), tmp_path / "missing" / "x.pdf")
    assert "不存在" in str(e.value)
    path = tmp_path / "keep.pdf"
    write_pdf(sample_report(), path)
    before = path.read_bytes()
    import export.pdf as P

    monkeypatch.setattr(P, "build_story", lambda *a: 1 / 0)
    with pytest.raises(ExportError) as e:
        write_pdf(sample_report(), path)
    assert "PDF" in str(e.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


def test_hostile_text_does_not_break_the_pdf(tmp_path):
    r = sample_report()
    r.meta.organ = "<b>&amp;机关</b>\x00\x07"
    r.sections["s1"] = "<para>未闭合 & 标签</font>\t\x01" + "长" * 5000
    path = tmp_path / "h.pdf"
    write_pdf(r, path, draft=False)
    whole = "".join(_squash(p) for p in _pages_text(path))
    assert "<para>未闭合&标签</font>" in whole


# ---------------------------------------------------------------- line breaking

PUNCT_TEXT = (
    "他说：“这是‘测试’。”（见《中华人民共和国政府信息公开条例》第一条。）好！真的？是的，"
    "那么：一、二、三；「甲」、「乙」……——以及〈丙〉。"
)


def _punct_report(seed: int):
    rng = random.Random(seed)
    parts = PUNCT_TEXT.replace("。", "。|").replace("，", "，|").split("|")
    paras = []
    for _ in range(12):
        fill = "政务公开" * rng.randint(1, 6) + "年" * rng.randint(0, 3)
        paras.append(fill + "".join(rng.sample(parts, len(parts))))
    r = sample_report()
    r.sections["s1"] = "\n".join(paras)
    r.sections["s5"] = "\n".join(reversed(paras))
    return r


@pytest.mark.parametrize("seed", range(4))
def test_no_forbidden_line_starts_or_ends_in_the_pdf(tmp_path, seed):
    path = tmp_path / "punct.pdf"
    write_pdf(_punct_report(seed), path, draft=False)
    lines = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            body = [c for c in page.chars if abs(c["size"] - 16) < 0.1]
            by_line: dict[float, list] = {}
            for c in body:
                by_line.setdefault(round(c["top"]), []).append(c)
            for chars in by_line.values():
                chars.sort(key=lambda c: c["x0"])
                text = "".join(c["text"] for c in chars)
                lines += 1
                assert text[0] not in FORBIDDEN_START, text
                assert text[-1] not in FORBIDDEN_END, text
                # nothing hangs past the right edge of the 版心
                assert chars[-1]["x1"] <= page.width - 26 * MM + 0.5, text
    assert lines > 40


def test_break_lines_rules():
    rng = random.Random(7)
    alphabet = "政务公开信息年度报告" + "，。、；：！？）》」’”" + "（《「‘“" + "0123456789"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 120)))
        # runs of marks that no break can avoid are not a fair test
        if re.search(r"[，。、；：！？）》」’”（《「‘“0-9]{6,}", text):
            continue
        widths = [5.0 if ch.isascii() else 10.0 for ch in text]
        lines = linebreak.break_lines(list(text), widths, [95.0, 100.0])
        assert "".join(text[a:b] for a, b in lines) == text
        for n, (a, b) in enumerate(lines):
            assert b > a
            if n:
                assert text[a] not in FORBIDDEN_START, (text, lines)
            if b < len(text):
                assert text[b - 1] not in FORBIDDEN_END, (text, lines)
                assert sum(widths[a:b]) <= (95.0 if n == 0 else 100.0) + 1e-6


# ---------------------------------------------------------------- fonts

def test_bundled_fonts_are_truetype_with_gb2312(tmp_path):
    from reportlab.pdfbase.ttfonts import TTFontFile

    paths = F.bundled_font_paths()
    assert len(paths) == 3
    assert sum(p.stat().st_size for p in paths) < 15e6
    gb2312 = []
    for hi in range(0xB0, 0xF8):  # the 6763 hanzi
        for lo in range(0xA1, 0xFF):
            try:
                gb2312.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    assert len(gb2312) == 6763
    for p in paths:
        face = TTFontFile(str(p))  # raises for CFF outlines
        name = face.name.decode() if isinstance(face.name, bytes) else face.name
        assert "Nianbao" in name and "Noto" not in name and "Source" not in name
        cmap = face.charToGlyph
        missing = [ch for ch in gb2312 + list("〔〕〈〉《》“”‘’「」—…·、，。ＡＺ０９") if ord(ch) not in cmap]
        assert not missing, (p.name, missing[:10])
    # the fallback face draws every unified ideograph (GBK's 20,902 and the rest of the block)
    fallback = TTFontFile(str(F.BUNDLED["serif"])).charToGlyph
    assert not [cp for cp in range(0x4E00, 0x9FA6) if cp not in fallback]


def test_official_faces_found_and_unusable_ones_skipped(tmp_path, monkeypatch):
    fonts_dir = tmp_path / "Fonts"
    (fonts_dir / "sub").mkdir(parents=True)
    # a TrueType face named like the official one is used …
    shutil.copy(F.BUNDLED["serif"], fonts_dir / "sub" / "SIMFANG.TTF")
    # … a CFF face named like simhei is not (reportlab cannot embed it), nor a broken file
    cff = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
    (fonts_dir / "simhei.ttf").write_bytes(open(cff, "rb").read(4096) if shutil.os.path.exists(cff) else b"OTTO")
    (fonts_dir / "simkai.ttf").write_bytes(b"not a font")
    monkeypatch.setenv(F.ENV_DIRS, str(fonts_dir))
    monkeypatch.delenv(F.ENV_BUNDLED_ONLY, raising=False)
    chosen = F.choose_fonts()
    assert chosen["body"].official and chosen["body"].path.name == "SIMFANG.TTF"
    assert not chosen["heading"].official and chosen["heading"].path == F.BUNDLED["sans-bold"]
    assert chosen["kai"].path == chosen["body"].path  # no 楷体: run-in 仿宋
    assert not chosen["title"].official
    path = tmp_path / "official.pdf"
    write_pdf(sample_report(), path)
    assert F.register_fonts()["body"] == chosen["body"].name
    assert chosen["body"].name.startswith("nb-SIMFANG-0-")
    fonts = _fonts(path)
    assert any(name.endswith("+NianbaoSans-Bold") for name in fonts) and all(fonts.values()), fonts
    monkeypatch.setenv(F.ENV_BUNDLED_ONLY, "1")
    assert not any(c.official for c in F.choose_fonts().values())


def _font_folders(tmp_path):
    """An unreadable folder (listed first) and one holding a usable 仿宋 stand-in."""
    locked, good = tmp_path / "locked", tmp_path / "good"
    (locked / "fonts").mkdir(parents=True)
    good.mkdir()
    shutil.copy(F.BUNDLED["serif"], good / "simfang.ttf")
    return locked, good


def _export_uses(good, tmp_path):
    chosen = F.choose_fonts()
    assert chosen["body"].official and chosen["body"].path == good / "simfang.ttf"
    path = tmp_path / "out.pdf"
    write_pdf(sample_report(), path)
    assert path.read_bytes().startswith(b"%PDF-")


def test_an_unreadable_font_folder_is_skipped(tmp_path, monkeypatch):
    import os

    locked, good = _font_folders(tmp_path)
    real_stat, real_scandir = os.stat, os.scandir

    def denied(path):
        if str(path).startswith(str(locked)):  # what EACCES on ~/.local/share (mode 000) gives
            raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "stat", lambda p, *a, **k: denied(p) or real_stat(p, *a, **k))
    monkeypatch.setattr(os, "scandir", lambda p=".": denied(p) or real_scandir(p))
    monkeypatch.setenv(F.ENV_DIRS, os.pathsep.join([str(locked / "fonts"), str(locked), str(good)]))
    monkeypatch.delenv(F.ENV_BUNDLED_ONLY, raising=False)
    _export_uses(good, tmp_path)


@pytest.mark.skipif(not hasattr(shutil.os, "geteuid") or shutil.os.geteuid() == 0,
                    reason="root ignores permission bits")
def test_a_mode_000_font_folder_is_skipped(tmp_path, monkeypatch):
    import os

    locked, good = _font_folders(tmp_path)
    os.chmod(locked, 0)
    try:
        monkeypatch.setenv(F.ENV_DIRS, os.pathsep.join([str(locked / "fonts"), str(locked), str(good)]))
        monkeypatch.delenv(F.ENV_BUNDLED_ONLY, raising=False)
        _export_uses(good, tmp_path)
    finally:
        os.chmod(locked, 0o755)


def test_level2_headings_in_kai_when_the_face_exists(tmp_path, monkeypatch):
    fonts_dir = tmp_path / "kai"
    fonts_dir.mkdir()
    # stand-in 楷体: any TrueType face whose name we can tell apart in the PDF
    shutil.copy(F.BUNDLED["sans-bold"], fonts_dir / "simkai.ttf")
    monkeypatch.setenv(F.ENV_DIRS, str(fonts_dir))
    monkeypatch.delenv(F.ENV_BUNDLED_ONLY, raising=False)
    assert F.choose_fonts()["kai"].official
    path = tmp_path / "kai.pdf"
    write_pdf(sample_report(), path, draft=False)
    with pdfplumber.open(path) as pdf:
        chars = [c for c in pdf.pages[0].chars if abs(c["size"] - 16) < 0.1]
    text = "".join(c["text"] for c in chars)
    start = text.index("（一）主动公开情况。")
    head = chars[start:start + len("（一）主动公开情况。")]
    assert all("NianbaoSans" in c["fontname"] for c in head)
    assert "NianbaoSerif" in chars[start + len("（一）主动公开情况。")]["fontname"]  # the run-in text stays 仿宋


def test_characters_a_face_lacks_come_from_the_fallback(tmp_path):
    """埇 (宿州市埇桥区) and 浉 (信阳市浉河区) are outside GB2312: the title and heading faces lack them."""
    r = sample_report()
    r.meta.organ = "宿州市埇桥区人民政府"
    r.sections["s1"] = "信阳市浉河区、宿州市埇桥区的来信。"
    path = tmp_path / "rare.pdf"
    write_pdf(r, path, draft=False)
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
    title = [c for c in chars if abs(c["size"] - 22) < 0.1]
    assert "".join(c["text"] for c in title).startswith("宿州市埇桥区人民政府")
    rare = [c for c in chars if c["text"] in "埇浉"]
    assert len(rare) == 3
    assert all("NianbaoSerif-Regular" in c["fontname"] for c in rare)
    assert all("NianbaoSerif-Bold" in c["fontname"] for c in title if c["text"] != "埇")


@pytest.mark.slow
def test_no_heading_alone_at_a_page_foot(tmp_path):
    """Whatever the length of section 五, no page ends with a heading (here 六、) as its last line."""
    r = sample_report()
    for lines in range(0, 26):
        r.sections["s5"] = "\n".join(["（一）存在的主要问题。"] * lines)
        path = tmp_path / f"h{lines}.pdf"
        write_pdf(r, path, draft=False)
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                body = [c for c in page.chars if c["top"] < page.height - 35 * MM]  # all but the page number
                last_top = max(c["top"] for c in body)
                last = [c for c in body if abs(c["top"] - last_top) < 1]
                assert not all("Sans" in c["fontname"] for c in last), (lines, "".join(c["text"] for c in last))
