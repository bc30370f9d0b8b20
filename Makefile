# One command each on a fresh Debian machine with Python 3.11: make run, make test, make lint, make bench.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LINT_STAMP := $(VENV)/.installed-lint

.PHONY: run test test-fast lint bench clean

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

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache
