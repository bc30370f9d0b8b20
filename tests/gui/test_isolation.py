"""The test run never reads or writes the user's own settings, recent files or recovery copies."""
import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths


def test_settings_and_data_live_in_the_test_home():
    home = Path(os.environ["XDG_CONFIG_HOME"]).parent
    assert home.name.startswith("nianbao-test-home-")
    settings = QSettings("nianbao", "nianbao")
    assert Path(settings.fileName()).is_relative_to(home)
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    assert Path(data).is_relative_to(home)
    assert Path(os.environ["NIANBAO_RECOVERY_DIR"]).is_relative_to(home)
