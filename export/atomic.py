"""Writing an exported file: to a temporary file in the same folder, then renamed over the target, so a
failed export never leaves half a file over a good one (model.fileformat.atomic_write, without a .bak)."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from model.fileformat import atomic_write
from model.oserrors import WRITE, describe, problem

from .errors import ExportError


def write_rendered(target: str | os.PathLike, what: str, render: Callable[[], bytes]) -> None:
    """render() the file's bytes, then write them atomically to `target`.  Every exporter ends here: a
    failure while rendering (a bug, hostile content) is one Chinese line too, never a traceback."""
    try:
        data = render()
    except ExportError:
        raise
    except Exception as e:
        raise ExportError(f"生成{what}失败：{problem(e, WRITE)}") from None
    write_file(Path(target), data)


def write_file(target: Path, data: bytes) -> None:
    """Atomic replace of `target`; any OS failure becomes one ExportError line naming the file."""
    try:
        if target.is_dir():  # Path.is_dir raises PermissionError when a folder above cannot be searched
            raise ExportError(f"{target}：是文件夹，不能作为导出文件")
        if not target.parent.is_dir() and str(target.parent):
            raise ExportError(f"{target}：所在文件夹不存在")
        atomic_write(target, data, backup=False)
    except OSError as e:
        # Excel or WPS holding the file open is the usual cause; Windows says so itself (sharing violation)
        in_use = isinstance(e, PermissionError) and getattr(e, "winerror", None) not in (32, 33)
        raise ExportError(f"{target}：{describe(e, WRITE)}{'（文件可能正被其他程序打开）' if in_use else ''}") from None
