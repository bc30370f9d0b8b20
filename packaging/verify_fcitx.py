#!/usr/bin/env python3
"""Does Chinese typed through fcitx5 reach a PySide6 window?  A manual check (Debian: apt-get install xvfb
fcitx5 fcitx5-chinese-addons dbus-x11 xdotool), run with the Python whose PySide6 is to be checked:

    python packaging/verify_fcitx.py [--no-ibus-frontend] [--exe BUNDLE/nianbao]

Starts Xvfb and a private D-Bus session, fcitx5 with pinyin (and, unless told not to, its ibus frontend),
then a QLineEdit in a child process that uses gui.inputmethod.prepare() exactly as the program does; xdotool
switches the input method on and types "nihao" + space.  Prints what the line edit received and what
gui.inputmethod.problem() says.  Exit 0 when 你好 arrived (or, with --no-ibus-frontend, when problem()
reported the failure).  With --exe, the frozen program itself is started on its window instead (for 10 s)
and its stderr is shown: the input-method warning must be absent with the ibus frontend, present without.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROFILE = """[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
"""

CHILD = r"""
import os, sys, time
sys.path.insert(0, sys.argv[1])
from gui import inputmethod
chosen = inputmethod.prepare()
from PySide6.QtWidgets import QApplication, QLineEdit
from PySide6.QtCore import QTimer
app = QApplication([])
e = QLineEdit(); e.setWindowTitle("nianbao-im-probe"); e.resize(400, 40); e.show(); e.activateWindow(); e.setFocus()
print("QT_IM_MODULE", os.environ.get("QT_IM_MODULE"), "chosen by prepare():", chosen, flush=True)
print("problem():", inputmethod.problem(), flush=True)
QTimer.singleShot(int(sys.argv[2]) * 1000, app.quit)
app.exec()
print("TEXT", repr(e.text()), flush=True)
"""


def _start_session_bus(env: dict) -> int | None:
    """dbus-launch a session bus; its address goes into env; returns its pid."""
    pid = None
    out = subprocess.run(["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True).stdout
    for line in out.splitlines():
        if "=" in line and line.startswith("DBUS_SESSION_BUS"):
            k, v = line.split("=", 1)
            env[k] = v.rstrip(";").strip("'")
        if line.startswith("DBUS_SESSION_BUS_PID"):
            pid = int(line.split("=", 1)[1].rstrip(";"))
    return pid


def _check_program(exe: str, env: dict, no_frontend: bool) -> int:
    """The frozen program warns (stderr) exactly when no input method can attach."""
    prog = subprocess.Popen([exe], env=dict(env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(10)
    prog.terminate()
    _out, err = prog.communicate(timeout=30)
    warned = "无法输入中文" in err
    print("stderr of the program:", err.strip() or "(empty)")
    print("input-method warning shown:", warned)
    return 0 if warned == no_frontend else 1


def _type_nihao(env: dict) -> None:
    """Focus the probe window, switch fcitx5 on, type 「nihao」 and commit with space."""
    def run(*args):
        return subprocess.run(["xdotool", *args], env=env, capture_output=True)

    win = subprocess.run(["xdotool", "search", "--name", "nianbao-im-probe"], env=env, capture_output=True,
                         text=True).stdout.split()
    if win:
        run("windowfocus", "--sync", win[0])
    run("key", "ctrl+space")
    time.sleep(0.5)
    state = subprocess.run(["fcitx5-remote"], env=env, capture_output=True, text=True).stdout.strip()
    if state != "2":  # 2: active; switch on for the focused window if ctrl+space did not
        subprocess.run(["fcitx5-remote", "-o"], env=env, capture_output=True)
        time.sleep(0.5)
    print("fcitx5-remote state:", subprocess.run(["fcitx5-remote"], env=env, capture_output=True,
                                                  text=True).stdout.strip())
    for k in "nihao":
        run("key", k)
        time.sleep(0.15)
    run("key", "space")


def main() -> int:
    no_frontend = "--no-ibus-frontend" in sys.argv
    for tool in ("Xvfb", "fcitx5", "dbus-daemon", "xdotool"):
        if not shutil.which(tool):
            print(f"missing {tool}")
            return 2
    tmp = Path(tempfile.mkdtemp(prefix="nianbao-im-"))
    home = tmp / "home"
    (home / ".config" / "fcitx5").mkdir(parents=True)
    (home / ".config" / "fcitx5" / "profile").write_text(PROFILE)
    if no_frontend:  # fcitx5 without its ibus frontend: the program must say it cannot attach
        (home / ".config" / "fcitx5" / "conf").mkdir()
        (home / ".config" / "fcitx5" / "config").write_text("")
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "DISPLAY": ":57", "LANG": "C.UTF-8",
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_RUNTIME_DIR": str(tmp),
           "XMODIFIERS": "@im=fcitx", "QT_IM_MODULE": "fcitx", "GTK_IM_MODULE": "fcitx"}
    dbus_pid = None
    procs = [subprocess.Popen(["Xvfb", ":57", "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
                              stderr=subprocess.DEVNULL)]
    try:
        time.sleep(1.5)
        dbus_pid = _start_session_bus(env)
        fcitx_args = ["fcitx5", "-r"] + (["--disable=ibusfrontend"] if no_frontend else [])
        procs.append(subprocess.Popen(fcitx_args + os.environ.get("FCITX_ARGS", "").split(), env=env, stdout=open(tmp.parent / "fcitx5-probe.log", "w"), stderr=subprocess.STDOUT))
        time.sleep(3)
        if "--exe" in sys.argv:
            return _check_program(sys.argv[sys.argv.index("--exe") + 1], env, no_frontend)
        child_env = dict(env)
        child_env.pop("QT_QPA_PLATFORM", None)
        if os.environ.get("QT_LOGGING_RULES"):
            child_env["QT_LOGGING_RULES"] = os.environ["QT_LOGGING_RULES"]
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), "9"], env=child_env,
                                 stdout=subprocess.PIPE, text=True)
        time.sleep(3)
        _type_nihao(env)
        out, _ = child.communicate(timeout=30)
        print(out.strip())
        text = next((line for line in out.splitlines() if line.startswith("TEXT")), "")
        problem = next((line for line in out.splitlines() if line.startswith("problem():")), "")
        if no_frontend:
            return 0 if "None" not in problem else 1
        return 0 if "你好" in text else 1
    finally:
        for p in reversed(procs):
            p.terminate()
        if dbus_pid:
            try:
                os.kill(dbus_pid, 15)
            except OSError:
                pass
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
