"""The program's own files: fonts (with their licence), icons, the sample report.

`resources` is a package so that its files travel with the code in every form the program takes: the source
tree, an editable or a normal wheel install, and the frozen bundle (packaging/nianbao.spec lists the same
files).  Everything that needs one of them asks `resources.path(...)`; no module builds the path itself.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def path(*parts: str) -> Path:
    """The file or folder `parts` below resources/, e.g. path("fonts", "OFL.txt").

    A file-system path in all three forms (the package is never imported from a zip)."""
    p = files(__name__)
    for part in parts:
        p = p / part
    return p if isinstance(p, Path) else Path(str(p))
