"""Test set-up shared by every test: headless Qt before anything imports it, and paths to the samples.

The samples and the parts of the spec the tests read live in tests/data (a copy of ../shared kept in step by
tests/test_data_in_step.py), so a fresh clone with nothing beside it runs every test."""
import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

# Tests never touch the user's own settings, recent files or recovery copies: Qt's settings and standard
# locations (and so QSettings, recovery and logs) point into a folder of this test run.
_HOME = Path(tempfile.mkdtemp(prefix="nianbao-test-home-"))
for _var, _sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                   ("XDG_STATE_HOME", "state")):
    os.environ[_var] = str(_HOME / _sub)
os.environ["NIANBAO_RECOVERY_DIR"] = str(_HOME / "recovery")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data"
SPEC = DATA / "spec"
SAMPLES = DATA / "samples"
EXPECTED = SAMPLES / "expected"
SEEDS = SAMPLES / "seeds"
REAL_PDF = SAMPLES / "real-pdf"


def sample_files(folder: Path, pattern: str) -> list[Path]:
    """The sample files matching pattern, sorted; a missing sample fails collection rather than turning a
    parametrised test into a silent skip."""
    found = sorted(folder.glob(pattern))
    if not found:
        raise FileNotFoundError(f"no sample {pattern!r} in {folder}: tests/data is incomplete")
    return found
