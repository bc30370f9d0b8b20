"""Chinese input on Linux desktops: attach the window to the running input method, or say that it could not.

PySide6's Qt ships two input-context plugins, ibus and compose, and none for fcitx.  统信 UOS and 银河麒麟 Kylin run
fcitx; a fcitx plugin built for another Qt does not load into ours (private-API symbols differ), and Qt then
falls back silently to compose: no Chinese input and no error.  fcitx5 answers the IBus protocol (its ibus
frontend), so on a fcitx desktop the bundled ibus plugin is the way in.

`prepare()` runs before the QApplication exists and sets QT_IM_MODULE; `problem()` runs after and returns a
sentence for the clerk when an input method daemon runs but no input context could be attached.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping, MutableMapping
from pathlib import Path

DAEMONS = ("fcitx5", "fcitx", "ibus-daemon")
ENV_OFF = "NIANBAO_KEEP_IM_MODULE"  # "1": leave QT_IM_MODULE as the desktop set it


def running_daemons(proc: Path = Path("/proc")) -> list[str]:
    """Input-method daemons of this user that are running (fcitx5, fcitx, ibus-daemon)."""
    found: set[str] = set()
    uid = os.getuid()
    try:
        entries = list(proc.iterdir())
    except OSError:
        return []
    for d in entries:
        if not d.name.isdigit():
            continue
        try:
            if d.stat().st_uid != uid:
                continue
            comm = (d / "comm").read_text().strip()
        except OSError:
            continue
        if comm in DAEMONS:
            found.add(comm)
    return sorted(found)


def plugin_dir() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforminputcontexts"


def available_contexts(folder: Path | None = None) -> dict[str, Path]:
    """Input-context plugins of the Qt in use, by key (ibus, compose, fcitx5 …) → file."""
    folder = folder or plugin_dir()
    out: dict[str, Path] = {}
    try:
        for p in folder.iterdir():
            name = p.name
            if name.startswith("lib") and "platforminputcontextplugin" in name:
                out[name[3:name.index("platforminputcontextplugin")]] = p
    except OSError:
        pass
    for extra in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep):
        if extra and (Path(extra) / "platforminputcontexts").is_dir() and Path(extra) != folder.parent:
            for k, v in available_contexts(Path(extra) / "platforminputcontexts").items():
                out.setdefault(k, v)
    return out


def _requested(env: Mapping[str, str]) -> str:
    """The first module the desktop asks Qt for (QT_IM_MODULES, Qt ≥ 6.7, is a ;-list)."""
    many = env.get("QT_IM_MODULES", "").split(";")
    return (many[0] if many[0] else env.get("QT_IM_MODULE", "")).strip().lower()


def prepare(env: MutableMapping[str, str] | None = None, daemons: list[str] | None = None,
            contexts: dict[str, Path] | None = None) -> str | None:
    """Before the QApplication: point Qt at an input context that can reach the running input method.

    Returns the module set (e.g. "ibus"), or None when the environment was left as it was."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux") or env.get(ENV_OFF) == "1":
        return None
    contexts = available_contexts() if contexts is None else contexts
    wanted = _requested(env)
    if wanted and wanted in contexts and wanted != "compose":
        return None  # the desktop's choice is there (whether it loads is checked by problem())
    daemons = running_daemons() if daemons is None else daemons
    hints = " ".join(env.get(k, "") for k in ("QT_IM_MODULE", "QT_IM_MODULES", "XMODIFIERS", "GTK_IM_MODULE")).lower()
    fcitx = "fcitx" in hints or any(d.startswith("fcitx") for d in daemons)
    ibus = "ibus" in hints or "ibus-daemon" in daemons
    if (fcitx or ibus) and "ibus" in contexts:
        # fcitx5 speaks IBus through its ibus frontend; ibus-daemon is IBus itself
        env["QT_IM_MODULE"] = "ibus"
        if fcitx and "ibus-daemon" not in daemons:
            # Qt's ibus plugin gives up unless an ibus-daemon executable is on PATH, except in portal mode,
            # where it talks to org.freedesktop.portal.IBus on the session bus, which fcitx5 provides
            env["IBUS_USE_PORTAL"] = "1"
        if "QT_IM_MODULES" in env:
            env["QT_IM_MODULES"] = "ibus;compose"
        return "ibus"
    return None


def _ibus_address(env: Mapping[str, str]) -> str | None:
    """The address the Qt ibus plugin connects to: IBUS_ADDRESS, else the file ibus (or fcitx5) writes."""
    if env.get("IBUS_ADDRESS"):
        return env["IBUS_ADDRESS"]
    display = env.get("DISPLAY", "")
    host, number = "unix", "0"
    if display:
        h, _, rest = display.partition(":")
        host = h or "unix"
        number = rest.split(".")[0] or "0"
    elif env.get("WAYLAND_DISPLAY"):
        number = env["WAYLAND_DISPLAY"]
    try:
        machine = Path("/etc/machine-id").read_text().strip() or Path("/var/lib/dbus/machine-id").read_text().strip()
    except OSError:
        return None
    config = Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    try:
        for line in (config / "ibus" / "bus" / f"{machine}-{host}-{number}").read_text().splitlines():
            if line.startswith("IBUS_ADDRESS="):
                return line.split("=", 1)[1].strip()
    except OSError:
        return None
    return None


def _ibus_answers(address: str) -> bool:
    from PySide6.QtDBus import QDBusConnection, QDBusInterface

    conn = QDBusConnection.connectToBus(address, "nianbao-ibus-probe")
    try:
        if not conn.isConnected():
            return False
        iface = QDBusInterface("org.freedesktop.IBus", "/org/freedesktop/IBus", "org.freedesktop.IBus", conn)
        return iface.isValid()
    finally:
        QDBusConnection.disconnectFromBus("nianbao-ibus-probe")


def _session_bus_has(name: str) -> bool:
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    reply = bus.interface().isServiceRegistered(name)
    return bool(reply.value()) if reply.isValid() else False


def _ibus_problem(env: Mapping[str, str]) -> str | None:
    """Why Qt's ibus plugin cannot reach an input method, or None.  Mirrors the plugin: in portal mode
    (IBUS_USE_PORTAL) it needs org.freedesktop.portal.IBus on the session bus; otherwise an ibus-daemon
    executable on PATH and the address ibus wrote for this display."""
    if env.get("IBUS_USE_PORTAL"):
        if not _session_bus_has("org.freedesktop.portal.IBus"):
            return "会话总线上没有 org.freedesktop.portal.IBus（fcitx5 需要启用其 IBus 前端 ibusfrontend）"
        return None
    import shutil

    if not shutil.which("ibus-daemon"):
        return "系统中没有 ibus-daemon"
    address = _ibus_address(env)
    if not address:
        return "没有找到 IBus 接口地址"
    if not _ibus_answers(address):
        return f"IBus 接口 {address} 没有应答"
    return None


def problem(env: Mapping[str, str] | None = None, daemons: list[str] | None = None) -> str | None:
    """After the QApplication: None when typing Chinese can work (or no input method runs), else one sentence
    for the clerk saying which input method runs and that this window is not attached to it."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    if (env.get("QT_QPA_PLATFORM", "").split(":")[0] or "xcb") in ("offscreen", "minimal"):
        return None
    daemons = running_daemons() if daemons is None else daemons
    if not daemons:
        return None
    name = daemons[0].replace("-daemon", "")
    module = _requested(env)
    contexts = available_contexts()
    why = None
    if not module or module in ("compose", "none", "xim") or module not in contexts:
        why = f"未找到与之匹配的输入法模块（QT_IM_MODULE={module or '未设置'}）"
    else:
        from PySide6.QtCore import QPluginLoader

        loader = QPluginLoader(str(contexts[module]))
        if not loader.load():
            why = f"输入法模块 {module} 无法加载：{loader.errorString()}"
        elif module == "ibus":
            why = _ibus_problem(env)
    if why is None:
        return None
    return (f"检测到输入法 {name} 正在运行，但本程序未能接入，暂时无法输入中文。原因：{why}。"
            "可先在其他程序中输入后粘贴，或请管理员参阅 README「中文输入」。")
