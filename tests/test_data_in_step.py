"""tests/data is the project's own copy of the samples and spec: complete, unchanged, and in step with
../shared when that folder is beside the checkout (a fresh clone without it still runs every other test)."""
import hashlib

import pytest

from tests.conftest import DATA, ROOT

MANIFEST = DATA / "MANIFEST.sha256"
SHARED = ROOT.parent / "shared"


def _manifest() -> dict[str, str]:
    rows = (line.split(None, 1) for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip())
    return {name.strip().removeprefix("./"): digest for digest, name in rows}


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_listed_file_is_present_and_unchanged():
    listed = _manifest()
    assert len(listed) >= 18  # 5 seeds, 7 expected, 2 PDFs and their texts, 2 spec files
    for name, digest in listed.items():
        path = DATA / name
        assert path.is_file(), f"tests/data/{name} is missing"
        assert _digest(path) == digest, f"tests/data/{name} differs from the manifest"


def test_no_unlisted_file_in_data():
    listed = set(_manifest())
    present = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file() and p != MANIFEST}
    assert present == listed


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside this checkout")
def test_copy_matches_shared():
    for name, digest in _manifest().items():
        theirs = SHARED / name
        assert theirs.is_file(), f"../shared/{name} is gone: remove it from tests/data and the manifest"
        assert _digest(theirs) == digest, f"../shared/{name} changed: copy it into tests/data and update the manifest"
    for folder in ("samples/seeds", "samples/expected", "samples/real-pdf"):
        for path in (SHARED / folder).glob("*"):
            name = path.relative_to(SHARED).as_posix()
            assert name in _manifest(), f"../shared/{name} is new: copy it into tests/data"
