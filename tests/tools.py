"""The one way a test asks for an outside program (pdftoppm, LibreOffice): a developer without it gets a skip
that names what to install; CI (which sets CI=true and installs them in .ci/run) fails instead, so a missing
tool never hides a test there."""
import os
import shutil

import pytest


def need(*names: str, package: str) -> str:
    """The path of the first of names on PATH; skip (locally) or fail (under CI) when none is there."""
    for name in names:
        exe = shutil.which(name)
        if exe:
            return exe
    message = f"{names[0]} ({package}) is not installed"
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"{message}; .ci/run must install it")
    pytest.skip(message)
