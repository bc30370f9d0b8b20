"""Test set-up shared by every test: headless Qt before anything imports it, and paths to the samples."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples"
EXPECTED = SAMPLES / "expected"
SEEDS = SAMPLES / "seeds"
REAL_PDF = SAMPLES / "real-pdf"
