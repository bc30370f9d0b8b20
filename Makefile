# One command each on a fresh Debian machine with Python 3.11: make run, make test, make bench.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench bundle clean distclean

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

# the offline bundle (tar.xz) and the UOS/Kylin .deb in dist/; root on Debian, builds in a cached bullseye
# chroot under build/bullseye (first run ~20 min, then ~5 min).  Windows: packaging/build-windows.ps1
bundle:
	packaging/build-linux.sh

# keeps build/bullseye (the chroot and its Python, slow to make); distclean removes it too
clean:
	rm -rf $(VENV) dist *.egg-info
	find build -mindepth 1 -maxdepth 1 ! -name bullseye -exec rm -rf {} + 2>/dev/null || true

distclean: clean
	@! grep -q " $(CURDIR)/build/" /proc/mounts || { echo "build/ still has mounts (a build running?): not removing"; exit 1; }
	rm -rf build
