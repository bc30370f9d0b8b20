"""The temporary files that atomic_write (model.fileformat) writes beside their target, and the
removal of those a killed process left behind.

A write goes to 「.<target>.nbtmp-<pid>-<random>.tmp」 in the target's folder and is renamed over the
target.  A process killed in between (kill -9, power cut) leaves that file, full size and hidden, beside
the clerk's own; the next write into the folder removes it once its pid is gone, or once it is older than
STALE_AGE (a pid may be reused; earlier versions wrote 「.<target>.<random>.tmp」 without a pid).
"""
from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

STALE_AGE = 3600.0  # seconds; a write holds its temporary file for well under a second
_OURS = re.compile(r"^\..+\.nbtmp-(?P<pid>\d{1,10})-[a-z0-9_]+\.tmp$")


def create_temp(folder: Path, target_name: str) -> tuple[int, str]:
    """An open, new, private temporary file beside the target: (fd, path), as tempfile.mkstemp."""
    return tempfile.mkstemp(prefix=f".{target_name}.nbtmp-{os.getpid()}-", suffix=".tmp", dir=folder)


def remove_stale(folder: Path, target_name: str) -> None:
    """Remove our temporary files in `folder` whose writer is gone.  Never raises: cleaning up must not
    stop the write that asked for it."""
    legacy = re.compile(r"^\." + re.escape(target_name) + r"\.[a-z0-9_]{8}\.tmp$")
    now = time.time()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                m = _OURS.match(entry.name)
                if m is None and not legacy.match(entry.name):
                    continue
                try:
                    if not entry.is_file(follow_symlinks=False):
                        continue
                    old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AGE
                    if old or (m is not None and not _alive(int(m.group("pid")))):
                        os.unlink(entry.path)
                except OSError:
                    continue  # in use (Windows), already gone, not ours to remove
    except OSError:
        pass


def _alive(pid: int) -> bool:
    """Whether process `pid` still runs; True when that cannot be told (the file is then left alone)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by another user
    return True


def _alive_windows(pid: int) -> bool:
    # os.kill(pid, 0) would send CTRL_C_EVENT on Windows; ask the kernel instead
    try:
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # type: ignore[attr-defined]  # ERROR_ACCESS_DENIED: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    except Exception:
        return True
