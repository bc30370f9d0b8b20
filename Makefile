# One command each on a fresh Debian machine with Python 3.11: make run, make test, make bench.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench bundle clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# the offline bundle (tar.xz) and the UOS/Kylin .deb in dist/; root on Debian, builds in a bullseye chroot
# cached in /var/cache/nianbao-build (first run ~30-40 min, then ~10).  Windows: packaging/build-windows.ps1
bundle:
	packaging/build-linux.sh

# the bundle build's chroot cache (/var/cache/nianbao-build) is kept; delete it by hand to start over
clean:
	rm -rf $(VENV) build dist *.egg-info
