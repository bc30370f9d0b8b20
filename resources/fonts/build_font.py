"""Build the bundled fallback fonts from Noto CJK (OFL 1.1).  Dev-only: needs fontTools (`pip install .[fonts]`).

reportlab embeds only TrueType (glyf) outlines and Noto CJK ships CFF.  This script takes the Simplified
Chinese face out of the Noto CJK collection, keeps the characters a Chinese government report needs
(all of GB2312, ASCII, CJK and full-width punctuation), converts the cubic CFF outlines to quadratic
glyf outlines and renames the family, as the OFL asks of a Modified Version.

    python resources/fonts/build_font.py [--src /usr/share/fonts/opentype/noto]

Writes NianbaoSerif-Regular.ttf (body, tables: 仿宋/宋体/楷体 fallback; also every unified ideograph,
the per-character fallback of the other faces), NianbaoSerif-Bold.ttf
(title: 小标宋 fallback) and NianbaoSans-Bold.ttf (一、 headings: 黑体 fallback) beside this file.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = Path(__file__).resolve().parent
DEFAULT_SRC = Path("/usr/share/fonts/opentype/noto")

# (output file, source collection, new family, style, all unified ideographs?)
# The regular serif also carries every CJK Unified Ideograph (U+4E00–U+9FFF, a superset of GBK's hanzi):
# the exporter falls back to it, character by character, for a rare place-name character that the
# title or heading face (or the PC's 仿宋_GB2312) lacks.
TARGETS = (
    ("NianbaoSerif-Regular.ttf", "NotoSerifCJK-Regular.ttc", "Nianbao Serif", "Regular", True),
    ("NianbaoSerif-Bold.ttf", "NotoSerifCJK-Bold.ttc", "Nianbao Serif", "Bold", False),
    ("NianbaoSans-Bold.ttf", "NotoSansCJK-Bold.ttc", "Nianbao Sans", "Bold", False),
)
UNIFIED = (0x4E00, 0x9FFF)
SC_FAMILY_SUFFIX = "CJK SC"
MAX_ERR = 2.0  # font units (of 1000) allowed between the cubic and quadratic curve: 0.03 pt at 16 pt

EXTRA = (
    "〔〕〈〉《》「」『』【】〖〗“”‘’—–―…·•、，。；：！？（）［］｛｝％＋－×÷＝＜＞"
    "℃‰§№☆★○●◎◇◆□■△▲※→←↑↓〇々〃～￥°′″"
)
RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1 (×, ÷, ·, °)
    (0x2010, 0x2027),  # dashes, quotes, ellipsis
    (0x2030, 0x203B),
    (0x2160, 0x216B),  # Ⅰ … Ⅻ
    (0x2460, 0x249B),  # ① … ⒛
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF01, 0xFF5E),  # full-width forms
    (0xFFE0, 0xFFE6),
)


def gb2312_chars() -> set[int]:
    """Every code point GB2312 encodes: rows 0xA1–0xF7, cells 0xA1–0xFE (unassigned ones skipped)."""
    out: set[int] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes((hi, lo)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            out.add(ord(ch))
    return out


def wanted_unicodes(unified: bool = False) -> set[int]:
    u = gb2312_chars()
    if unified:
        u.update(range(UNIFIED[0], UNIFIED[1] + 1))
    for lo, hi in RANGES:
        u.update(range(lo, hi + 1))
    u.update(ord(c) for c in EXTRA)
    return u


def open_sc_face(ttc: Path) -> TTFont:
    coll = TTCollection(str(ttc))
    for font in coll.fonts:
        if font["name"].getDebugName(1).endswith(SC_FAMILY_SUFFIX):
            return font
    raise SystemExit(f"{ttc}: no Simplified Chinese face")


FULL_WIDTH = (0x2014,)  # 「——」 is two full character cells in Chinese text; Noto's default dash is narrower


def use_full_width_forms(font: TTFont) -> None:
    """Point the cmap of FULL_WIDTH code points at their 'fwid' glyphs (before GSUB is dropped)."""
    gsub = font["GSUB"].table
    lookups = {i for fr in gsub.FeatureList.FeatureRecord if fr.FeatureTag == "fwid" for i in fr.Feature.LookupListIndex}
    subst: dict[str, str] = {}
    for i in lookups:
        for st in gsub.LookupList.Lookup[i].SubTable:
            subst.update(getattr(st, "mapping", None) or {})
    for table in font["cmap"].tables:
        if not table.isUnicode():
            continue
        for cp in FULL_WIDTH:
            g = table.cmap.get(cp)
            if g in subst:
                table.cmap[cp] = subst[g]


def subset_font(font: TTFont, unicodes: set[int]) -> None:
    opts = subset.Options()
    opts.layout_features = ["kern", "vert", "vrt2"]  # reportlab uses none; keep the file small
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.desubroutinize = True
    s = subset.Subsetter(opts)
    s.populate(unicodes=unicodes)
    s.subset(font)


def cff_to_glyf(font: TTFont) -> None:
    """The fontTools otf2ttf recipe: draw every CFF glyph through cu2qu into a TrueType glyph."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    quads = {}
    for name in order:
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        quads[name] = tt_pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quads
    del font["CFF "]
    for tag in ("VORG", "GSUB", "GPOS", "BASE", "JSTF"):
        if tag in font:
            del font[tag]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, g in glyf.glyphs.items():
        if hasattr(g, "xMin"):
            hmtx[name] = (hmtx[name][0], g.xMin)
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: CID fonts have none worth keeping
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\000\001\000\000"


def rename(font: TTFont, family: str, style: str) -> None:
    """OFL condition 3: a Modified Version does not carry the original's (reserved) names."""
    ps = f"{family.replace(' ', '')}-{style}"
    full = f"{family} {style}" if style != "Regular" else family
    names = font["name"]
    copyright_ = names.getDebugName(0) or ""
    keep = {0: copyright_ + " Modified (subset to GB2312, converted to TrueType outlines) for nianbao.",
            1: family, 2: style, 3: f"nianbao:{ps}", 4: full, 6: ps, 16: family, 17: style}
    licence = names.getDebugName(13)
    licence_url = names.getDebugName(14)
    names.names = []
    for nid, text in keep.items():
        names.setName(text, nid, 3, 1, 0x409)
    if licence:
        names.setName(licence, 13, 3, 1, 0x409)
    if licence_url:
        names.setName(licence_url, 14, 3, 1, 0x409)
    if "CFF " in font:  # not reached after conversion; kept for clarity
        font["CFF "].cff.fontNames = [ps]


def build(src: Path, out_dir: Path) -> list[Path]:
    written = []
    for out_name, ttc, family, style, unified in TARGETS:
        font = open_sc_face(src / ttc)
        use_full_width_forms(font)
        subset_font(font, wanted_unicodes(unified))
        cff_to_glyf(font)
        rename(font, family, style)
        out = out_dir / out_name
        font.save(str(out))
        print(f"{out.name}: {len(font.getGlyphOrder())} glyphs, {out.stat().st_size / 1e6:.1f} MB")
        written.append(out)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="folder with the Noto CJK .ttc files")
    ap.add_argument("--out", type=Path, default=HERE)
    args = ap.parse_args(argv)
    build(args.src, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
