"""Packaging: the resources travel with the code (spec, wheel), the installer script compiles.

Building the bundle itself is `make bundle` (slow, not part of the tests)."""
from __future__ import annotations

import ast
import fnmatch
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import resources
from tests.tools import need

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "nianbao.spec"
NSI = ROOT / "packaging" / "nianbao.nsi"


def _resource_files() -> set[str]:
    """Every file under resources/ the program ships: all but the package's code and the scripts that made
    the font and the sample."""
    base = ROOT / "resources"
    return {p.relative_to(base).as_posix() for p in base.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}


def _spec_assignment(name: str) -> ast.expr:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == name for t in node.targets):
            return node.value
    raise AssertionError(f"packaging/nianbao.spec has no {name}")


def _spec_list(name: str = "RESOURCE_FILES") -> list[str]:
    return ast.literal_eval(_spec_assignment(name))


def test_spec_data_list_is_exactly_the_resources():
    listed = _spec_list()
    assert len(listed) == len(set(listed)), "a file is listed twice"
    assert set(listed) == _resource_files(), (
        "packaging/nianbao.spec RESOURCE_FILES and resources/ differ: "
        f"missing {sorted(_resource_files() - set(listed))}, stale {sorted(set(listed) - _resource_files())}")


def test_wheel_package_data_covers_the_resources():
    tomllib = pytest.importorskip("tomllib", reason="Python 3.11+")
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "resources" in conf["packages"]["find"]["include"]
    globs = conf["package-data"]["resources"]
    matched = {f for f in _resource_files() if any(fnmatch.fnmatch(f, g) for g in globs)}
    assert matched == _resource_files(), f"not in the wheel: {sorted(_resource_files() - matched)}"


def test_resources_found_through_the_package():
    for f in _spec_list():
        assert resources.path(*f.split("/")).is_file(), f
    from export import fonts
    from gui import app
    assert fonts.FONTS_DIR == resources.path("fonts")
    assert app.SAMPLE.is_file() and app.ICON.is_file()


def test_spec_leaves_out_what_the_ocr_engine_does_without():
    """The OCR engine runs rapidocr's models on numpy and onnxruntime: OpenCV (155 MB with its
    libraries), shapely, pyclipper and PyYAML stay out of the bundle, and so does the rapidocr package's code."""
    excludes = _spec_list("EXCLUDES")
    assert {"cv2", "shapely", "pyclipper", "yaml"} <= set(excludes)
    assert "numpy" not in excludes
    hidden = _spec_assignment("HIDDEN")
    assert not [n.value for n in ast.walk(hidden) if isinstance(n, ast.Constant) and "rapidocr" in str(n.value)]
    assert "collect_submodules(\"rapidocr" not in SPEC.read_text(encoding="utf-8")


def test_spec_carries_the_models_the_ocr_engine_reads():
    from ingest.readers import ocr_engine

    models = _spec_list("OCR_MODELS")
    assert sorted(models) == sorted([ocr_engine.DET_MODEL, ocr_engine.REC_MODEL])
    folder = ocr_engine.models_folder()
    assert folder is not None and all((folder / m).is_file() for m in models)


def test_nsis_installer_script_compiles(tmp_path):
    makensis = need("makensis", package="nsis")
    bundle = tmp_path / "nianbao"
    (bundle / "_internal").mkdir(parents=True)
    for exe in ("nianbao.exe", "nianbao-cli.exe"):  # placeholders: the script only packs them
        (bundle / exe).write_bytes(b"MZ placeholder")
    (bundle / "_internal" / "base_library.zip").write_bytes(b"placeholder")
    out = tmp_path / "nianbao-0.1.0-setup.exe"
    r = subprocess.run([makensis, "-V2", "-DVERSION=0.1.0", f"-DBUNDLE_DIR={bundle}", f"-DOUTFILE={out}", str(NSI)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert out.stat().st_size > 50_000
    assert out.read_bytes()[:2] == b"MZ"


def _embedded_fonts(pdf_path: Path) -> list[str]:
    """Base names of the fonts whose program is embedded (FontFile/FontFile2/FontFile3 in the descriptor)."""
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    names = []
    with pdfplumber.open(pdf_path) as pdf:
        doc = pdf.doc
        for xref in doc.xrefs:
            for objid in xref.get_objids():
                try:
                    obj = resolve1(doc.getobj(objid))
                except Exception:  # noqa: BLE001 - free or odd objects
                    continue
                if isinstance(obj, dict) and getattr(obj.get("Type"), "name", None) == "FontDescriptor":
                    if any(k in obj for k in ("FontFile", "FontFile2", "FontFile3")):
                        names.append(str(getattr(obj.get("FontName"), "name", obj.get("FontName"))))
    return names


@pytest.mark.slow
def test_built_wheel_carries_resources_and_exports_pdf(tmp_path):
    """A normal (non-editable) wheel, installed on its own, finds its fonts and sample and exports a PDF with
    embedded fonts from a folder outside the repository.  The dependencies come from the test environment
    (no network); README says how the full offline wheelhouse was checked by hand."""
    # build from a copy of what the project consists of: setuptools walks the whole source folder, and
    # build/ or dist/ may hold anything (bundles, a build chroot)
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "main.py"):
        shutil.copy2(ROOT / name, src / name)
    for pkg in ("model", "ingest", "export", "gui", "resources"):
        shutil.copytree(ROOT / pkg, src / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    wheels = tmp_path / "wheels"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                        "-w", str(wheels), str(src)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    (wheel,) = wheels.glob("nianbao-*.whl")
    site = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(site),
                        str(wheel)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (site / "resources" / "fonts" / "NianbaoSerif-Regular.ttf").is_file()

    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "XDG_CONFIG_HOME": str(home / "cfg"),
           "XDG_DATA_HOME": str(home / "data"), "QT_QPA_PLATFORM": "offscreen", "NIANBAO_BUNDLED_FONTS": "1",
           # the wheel first; the dependencies from this interpreter's site-packages, the repository never
           "PYTHONPATH": str(site), "PYTHONNOUSERSITE": "1"}
    code = ("import sys, resources, main; "
            "assert resources.__file__.startswith(sys.argv[1]), resources.__file__; "
            "sys.exit(main.main(['export', str(resources.path('samples', 'sample.nianbao')), '--pdf', 'out.pdf']))")
    r = subprocess.run([sys.executable, "-c", code, str(site)], cwd=work, env=env, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "缺少字体文件" not in r.stderr
    fonts = _embedded_fonts(work / "out.pdf")
    assert fonts and any("Nianbao" in f for f in fonts), fonts
