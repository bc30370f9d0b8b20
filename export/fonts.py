"""Which font draws which part of the PDF: the official faces when the PC has them, else the bundled one.

GB/T 9704 names the faces: 方正小标宋简体 (title), 仿宋_GB2312 (body), 黑体 (一、 headings),
楷体_GB2312 (（一） headings), and offices put tables in 宋体.  Clerks' PCs usually have simfang/simhei/
simkai/simsun from Windows; a Linux office PC (UOS, Kylin) may have them under /usr/share/fonts.
When a face is missing, or is a CFF/OTF file reportlab cannot embed, the bundled glyf conversion of
Noto CJK (resources/fonts/) takes its place, so the PDF is always complete and always embeds its fonts.
"""
from __future__ import annotations

import hashlib
import os
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import resources

from .errors import ExportError

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

FONTS_DIR = resources.path("fonts")

# Bundled faces by role; see resources/fonts/README.md.
BUNDLED = {
    "serif": FONTS_DIR / "NianbaoSerif-Regular.ttf",
    "serif-bold": FONTS_DIR / "NianbaoSerif-Bold.ttf",
    "sans-bold": FONTS_DIR / "NianbaoSans-Bold.ttf",
}

# role → (file names of the official face, most official first; bundled fallback)
ROLES: dict[str, tuple[tuple[str, ...], str]] = {
    "title": (("方正小标宋简体.ttf", "方正小标宋_GBK.ttf", "FZXBSJW.TTF", "FZXBSK.TTF", "FZXBSJW--GB1-0.ttf",
               "FZXiaoBiaoSong-B05S.ttf"), "serif-bold"),
    "body": (("仿宋_GB2312.ttf", "FangSong_GB2312.ttf", "FS_GB2312.ttf", "fsgb2312.ttf", "simfang.ttf"), "serif"),
    "heading": (("simhei.ttf", "黑体.ttf"), "sans-bold"),
    "kai": (("楷体_GB2312.ttf", "KaiTi_GB2312.ttf", "KT_GB2312.ttf", "simkai.ttf"), ""),  # "" → body face
    "table": (("simsun.ttc", "simsun.ttf", "宋体.ttf"), ""),
}

ENV_DIRS = "NIANBAO_FONT_DIRS"  # os.pathsep-separated folders to search instead of the usual ones
ENV_BUNDLED_ONLY = "NIANBAO_BUNDLED_FONTS"  # "1": ignore the PC's fonts (reproducible output, tests)


@dataclass(frozen=True)
class FontChoice:
    role: str
    path: Path
    subfont: int  # index inside a .ttc
    official: bool  # False: the bundled fallback

    @property
    def name(self) -> str:
        """The name reportlab registers it under: unique per file and subfont."""
        return _font_name(self.path, self.subfont)


def _font_name(path: Path, subfont: int) -> str:
    digest = hashlib.sha1(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:6]
    return f"nb-{path.stem}-{subfont}-{digest}"


def bundled_font_paths() -> list[Path]:
    """The TTFs that ship with the program (for the GUI, which loads the same faces into Qt)."""
    return [p for p in BUNDLED.values() if p.is_file()]


def font_dirs() -> list[Path]:
    """Folders that may hold the official faces, in search order."""
    env = os.environ.get(ENV_DIRS)
    if env is not None:
        return [Path(p) for p in env.split(os.pathsep) if p]
    dirs: list[Path] = []
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
             Path.home() / ".local" / "share" / "fonts"]
    return dirs


@lru_cache(maxsize=4)
def _font_files(dirs: tuple[Path, ...]) -> dict[str, Path]:
    """lower-case file name → first path found.  Walked once per process (font folders are big).
    A folder that cannot be read (mode 000, a broken mount) is skipped: the faces elsewhere, or the
    bundled ones, still make the PDF."""
    found: dict[str, Path] = {}
    for d in dirs:
        try:
            if not d.is_dir():  # raises PermissionError when a folder above it cannot be searched
                continue
        except OSError:
            continue
        for root, _subdirs, files in os.walk(d, onerror=lambda _e: None):
            for f in files:
                found.setdefault(f.lower(), Path(root) / f)
    return found


_loaded: dict[str, TTFont] = {}  # registered name → reportlab TTFont, parsed once per process


def _load(path: Path, subfont: int) -> TTFont | None:
    """The reportlab font for the file, or None when reportlab cannot embed it (CFF outlines,
    embedding not permitted, broken file, no permission)."""
    name = _font_name(path, subfont)
    font = _loaded.get(name)
    if font is None:
        try:
            from .fontcache import load_ttfont

            font = load_ttfont(name, path, subfont)
        except Exception:  # reportlab raises several kinds; any of them means "use the next face"
            return None
        _loaded[name] = font
    return font


_lock = threading.Lock()
_choices: dict[tuple, dict[str, FontChoice]] = {}


def choose_fonts() -> dict[str, FontChoice]:
    """role → FontChoice for title, body, heading, kai, table and fallback.  Cached per search setting."""
    bundled_only = os.environ.get(ENV_BUNDLED_ONLY, "") == "1"
    dirs = () if bundled_only else tuple(font_dirs())
    with _lock:
        cached = _choices.get(dirs)
        if cached is not None:
            return cached
        files = _font_files(dirs) if dirs else {}
        out: dict[str, FontChoice] = {}
        for role, (names, fallback) in ROLES.items():
            choice = None
            for n in names:
                p = files.get(n.lower())
                if p is not None and _load(p, 0) is not None:
                    choice = FontChoice(role, p, 0, True)
                    break
            if choice is None:
                key = fallback or ROLES["body"][1]
                path = BUNDLED[key]
                if not path.is_file():
                    raise ExportError(f"缺少字体文件 {path.name}，请重新安装本程序")
                # kai/table without their face use the body face (run-in 仿宋 per GB/T 9704)
                if not fallback and "body" in out:
                    choice = FontChoice(role, out["body"].path, out["body"].subfont, out["body"].official)
                else:
                    choice = FontChoice(role, path, 0, False)
            out[role] = choice
        # per-character fallback for whatever the chosen faces lack (a rare place-name character):
        # the bundled serif, which carries every CJK unified ideograph
        out["fallback"] = FontChoice("fallback", BUNDLED["serif"], 0, False)
        _choices[dirs] = out
        return out


_registered: set[str] = set()


def register_fonts() -> dict[str, str]:
    """Register the chosen faces with reportlab once; returns role → registered font name."""
    from reportlab.pdfbase import pdfmetrics

    names: dict[str, str] = {}
    for role, ch in choose_fonts().items():
        if ch.name not in _registered:
            with _lock:
                if ch.name not in _registered:
                    font = _load(ch.path, ch.subfont)
                    if font is None:
                        raise ExportError(f"无法读取字体 {ch.path.name}，请重新安装本程序")
                    pdfmetrics.registerFont(font)
                    _registered.add(ch.name)
        names[role] = ch.name
    return names


def covered(font_name: str) -> dict[int, int]:
    """code point → glyph of a registered font (its cmap), to find characters it cannot draw."""
    from reportlab.pdfbase import pdfmetrics

    font: TTFont = pdfmetrics.getFont(font_name)  # type: ignore[assignment]  # register_fonts registers TTFonts only
    return font.face.charToGlyph
