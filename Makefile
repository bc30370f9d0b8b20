# One command each on a fresh Debian machine with Python 3.11: make run, make test, make lint, make bench.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LINT_STAMP := $(VENV)/.installed-lint

.PHONY: run test test-fast lint bench bundle clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# the linters on top of the test set-up (their own stamp, so make test never installs them)
$(LINT_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,lint]'
	touch $(LINT_STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(PY) -m pytest

# everything but the tests marked slow (LibreOffice, long PDFs, long random runs): for quick iteration
test-fast: $(STAMP)
	$(PY) -m pytest -m "not slow"

lint: $(LINT_STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy

bench: $(STAMP)
	for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# the offline bundle (tar.xz) and the UOS/Kylin .deb in dist/; root on Debian, builds in a bullseye chroot
# cached in /var/cache/nianbao-build (first run ~30-40 min, then ~10).  Windows: packaging/build-windows.ps1
bundle:
	packaging/build-linux.sh

# the bundle build's chroot cache (/var/cache/nianbao-build) is kept; delete it by hand to start over
clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache
