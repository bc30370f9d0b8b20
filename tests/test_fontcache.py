"""The font cache: a cached font is the font reportlab reads, and no cache trouble ever stops an export."""
from __future__ import annotations

import os
import shutil

import pytest
from reportlab.pdfbase import ttfonts

from export import fontcache
from export.fonts import BUNDLED

SANS = BUNDLED["sans-bold"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv(fontcache.ENV_CACHE_DIR, str(d))
    return d


def _no_parsing(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("the font was read again")
    monkeypatch.setattr(ttfonts, "TTFont", type("NoParse", (ttfonts.TTFont,), {"__init__": refuse}))


def test_cached_font_is_the_font_reportlab_reads(cache, monkeypatch):
    fresh = fontcache.load_ttfont("fresh", SANS)
    assert len(list(cache.iterdir())) == 1
    _no_parsing(monkeypatch)
    cached = fontcache.load_ttfont("cached", SANS)
    assert sorted(vars(cached)) == sorted(vars(fresh))
    assert cached._asciiReadable == fresh._asciiReadable and cached.shapable == fresh.shapable
    a, b = vars(fresh.face), vars(cached.face)
    assert sorted(a) == sorted(b)
    for k in a:
        if k not in ("_pdfScale", "glyphToChar"):  # a function; a table reportlab uses only while reading
            assert a[k] == b[k] and type(a[k]) is type(b[k]), k
    assert fresh.face._pdfScale(517) == cached.face._pdfScale(517)
    chars = [ord(c) for c in "政府信息公开工作年度报告123"]
    glyphs = [0] + [fresh.face.charToGlyph[c] for c in chars]
    assert fresh.face.makeSubset(glyphs) == cached.face.makeSubset(glyphs)
    assert fresh.stringWidth("年度报告", 16) == cached.stringWidth("年度报告", 16)


def test_damaged_cache_is_read_afresh_and_replaced(cache):
    fontcache.load_ttfont("a", SANS)
    (entry,) = cache.iterdir()
    entry.write_bytes(b"\x00garbage")
    font = fontcache.load_ttfont("b", SANS)
    assert font.face.numGlyphs > 7000
    assert entry.read_bytes() != b"\x00garbage"


def test_a_changed_font_file_is_never_served_from_the_cache(cache, tmp_path):
    font = tmp_path / "f.ttf"
    shutil.copy(SANS, font)
    fontcache.load_ttfont("a", font)
    shutil.copy(BUNDLED["serif-bold"], font)
    os.utime(font, ns=(1, 1))
    again = fontcache.load_ttfont("b", font)
    assert again.face.familyName == ttfonts.TTFont("c", str(BUNDLED["serif-bold"])).face.familyName
    assert len(list(cache.iterdir())) == 2


def test_no_usable_cache_folder_still_loads(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(fontcache.ENV_CACHE_DIR, str(blocker / "cache"))
    assert fontcache.load_ttfont("a", SANS).face.numGlyphs > 7000
    assert blocker.read_text() == "not a folder"
