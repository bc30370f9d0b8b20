"""gui.inputmethod: which input context the program asks Qt for, and when it tells the clerk typing Chinese
cannot work.  (Typing 你好 through a real fcitx5 is packaging/verify_fcitx.py, run by hand.)"""
import sys
from pathlib import Path

import pytest

from gui import inputmethod

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktops only")
BUNDLED = {"ibus": Path("libibusplatforminputcontextplugin.so"), "compose": Path("libcompose.so")}


def test_fcitx_desktop_goes_through_the_ibus_portal():
    env = {"QT_IM_MODULE": "fcitx", "XMODIFIERS": "@im=fcitx"}
    assert inputmethod.prepare(env, daemons=["fcitx5"], contexts=BUNDLED) == "ibus"
    assert env["QT_IM_MODULE"] == "ibus" and env["IBUS_USE_PORTAL"] == "1"


def test_fcitx_running_without_any_variable_set():
    env = {}
    assert inputmethod.prepare(env, daemons=["fcitx5"], contexts=BUNDLED) == "ibus"


def test_qt67_module_list_rewritten():
    env = {"QT_IM_MODULES": "fcitx;ibus"}
    inputmethod.prepare(env, daemons=["fcitx5"], contexts=BUNDLED)
    assert env["QT_IM_MODULES"] == "ibus;compose"


def test_real_ibus_needs_no_portal():
    env = {"QT_IM_MODULE": "ibus"}
    assert inputmethod.prepare(env, daemons=["ibus-daemon"], contexts=BUNDLED) is None  # already right
    env = {}
    assert inputmethod.prepare(env, daemons=["ibus-daemon"], contexts=BUNDLED) == "ibus"
    assert "IBUS_USE_PORTAL" not in env


def test_a_loadable_fcitx_plugin_is_left_alone():
    env = {"QT_IM_MODULE": "fcitx5"}
    contexts = dict(BUNDLED, fcitx5=Path("libfcitx5platforminputcontextplugin.so"))
    assert inputmethod.prepare(env, daemons=["fcitx5"], contexts=contexts) is None
    assert env == {"QT_IM_MODULE": "fcitx5"}


def test_nothing_running_nothing_changed():
    env = {"LANG": "zh_CN.UTF-8"}
    assert inputmethod.prepare(env, daemons=[], contexts=BUNDLED) is None
    assert env == {"LANG": "zh_CN.UTF-8"}


def test_opt_out():
    env = {"QT_IM_MODULE": "fcitx", inputmethod.ENV_OFF: "1"}
    assert inputmethod.prepare(env, daemons=["fcitx5"], contexts=BUNDLED) is None


def test_no_daemon_no_problem():
    assert inputmethod.problem({"DISPLAY": ":0"}, daemons=[]) is None


def test_daemon_but_compose_is_reported():
    msg = inputmethod.problem({"DISPLAY": ":0", "QT_IM_MODULE": "compose"}, daemons=["fcitx5"])
    assert msg and "fcitx5" in msg and "无法输入中文" in msg


def test_fcitx_without_its_ibus_frontend_is_reported(monkeypatch):
    monkeypatch.setattr(inputmethod, "_session_bus_has", lambda name: False)
    msg = inputmethod.problem({"DISPLAY": ":0", "QT_IM_MODULE": "ibus", "IBUS_USE_PORTAL": "1"}, daemons=["fcitx5"])
    assert msg and "ibusfrontend" in msg


def test_fcitx_with_its_ibus_frontend_is_fine(monkeypatch):
    monkeypatch.setattr(inputmethod, "_session_bus_has", lambda name: name == "org.freedesktop.portal.IBus")
    assert inputmethod.problem({"DISPLAY": ":0", "QT_IM_MODULE": "ibus", "IBUS_USE_PORTAL": "1"},
                               daemons=["fcitx5"]) is None


def test_bundled_qt_has_the_ibus_context():
    assert "ibus" in inputmethod.available_contexts()


def test_running_daemons_reads_proc(tmp_path):
    import os
    for pid, comm in (("10", "fcitx5"), ("11", "bash"), ("12", "ibus-daemon")):
        (tmp_path / pid).mkdir()
        (tmp_path / pid / "comm").write_text(comm + "\n")
    (tmp_path / "self").mkdir()
    assert inputmethod.running_daemons(tmp_path) == ["fcitx5", "ibus-daemon"]
    assert os.getuid() == (tmp_path / "10").stat().st_uid
