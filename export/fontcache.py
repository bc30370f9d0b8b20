"""reportlab's reading of a TrueType file, kept between runs.

Reading the bundled serif (22 000 glyphs, 8.9 MB) into reportlab's tables takes ~0.15 s in every process,
more than the rest of the font work; the tables themselves load from a marshal file in a tenth of that.
marshal holds plain data only (no objects, no code is run on loading), and a cache file is keyed by the
font file's path, size and modification time and by the reportlab version, so a changed font or reportlab
reads the font afresh.  Any trouble with the cache (no folder, no permission, a damaged file) just means
reading the font as before: the cache never stops an export.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

ENV_CACHE_DIR = "NIANBAO_CACHE_DIR"  # a folder to keep the cache in instead of the user's cache folder
FORMAT = 1  # bump when what is stored changes
# the file's bytes (read again), a function (made again) and glyph → characters, which reportlab uses only
# while it reads the file (and which would take half the loading time)
_NOT_STORED = ("_ttf_data", "_pdfScale", "glyphToChar")


def cache_dir() -> Path:
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env)
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "nianbao" / "cache" / "fonts"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "nianbao" / "fonts"


def _cache_file(path: Path, subfont: int) -> Path:
    from reportlab import Version

    st = path.stat()
    key = f"{FORMAT}|{Version}|{path.resolve()}|{subfont}|{st.st_size}|{st.st_mtime_ns}"
    return cache_dir() / (hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest() + ".marshal")


def _state(face: TTFontFace) -> dict[str, Any]:
    """The face's tables as plain data (reportlab's TTFNameBytes are bytes with a different class)."""
    out = {}
    for k, v in vars(face).items():
        if k in _NOT_STORED:
            continue
        out[k] = ("name-bytes", bytes(v)) if type(v).__name__ == "TTFNameBytes" else v
    return out


def _face(state: dict[str, Any], path: Path) -> TTFontFace:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace

    # Any: the private attributes set here are reportlab's, not in its stubs
    face: Any = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    for k, v in state.items():
        setattr(face, k, TTFNameBytes(v[1]) if isinstance(v, tuple) and v[:1] == ("name-bytes",) else v)
    face._ttf_data = path.read_bytes()
    face.glyphToChar = {}
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    return face


def _font_around(name: str, face: TTFontFace) -> TTFont:
    """A TTFont holding `face`, set up as TTFont.__init__ sets one up (tests compare the two)."""
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFont

    font: Any = TTFont.__new__(TTFont)  # Any: _asciiReadable is reportlab's own, not in its stubs
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, g) for g in rl_config.unShapedFontGlob or ())
    return font


def _read_cached(cache: Path, path: Path, name: str) -> TTFont | None:
    try:
        state = marshal.loads(cache.read_bytes())
        if not isinstance(state, dict) or "charToGlyph" not in state:
            return None
        return _font_around(name, _face(state, path))
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError, ZeroDivisionError):
        return None


def _store(cache: Path, face: TTFontFace) -> None:
    tmp = cache.with_name(f"{cache.stem}.{os.getpid()}.tmp")  # another process may be writing it too
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(_state(face)))
        os.replace(tmp, cache)
    except (OSError, ValueError):  # a read-only home, a full disk, an unmarshallable value: no cache
        try:
            tmp.unlink()
        except OSError:
            pass


def load_ttfont(name: str, path: Path, subfont: int = 0) -> TTFont:
    """reportlab's TTFont for the file: from the cache when it holds this very file, else read (and kept).
    Raises what TTFont raises for a file reportlab cannot use."""
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        cache = _cache_file(path, subfont)
    except OSError:
        cache = None
    if cache is not None and cache.is_file():
        font = _read_cached(cache, path, name)
        if font is not None:
            return font
    font = TTFont(name, str(path), subfontIndex=subfont)
    if cache is not None:
        _store(cache, font.face)
    return font
