# One command sets everything up and runs the sample job (`make demo`);
# one sets everything up and runs the tests (`make test`).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.voc-installed

CHROMIUM ?= /usr/bin/chromium

.PHONY: setup demo test test-fast lint clean chromium screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# torch first and pinned: unpinned, pip would pull a multi-GB CUDA build.
	$(BIN)/pip install --disable-pip-version-check -q torch==2.13.0
	$(BIN)/pip install --disable-pip-version-check -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/voc run pipelines/all-sources.yaml

# Browser tests use the distribution's Chromium (never a browser downloaded by Playwright).
# Installed when running as root; otherwise tests/test_browser.py skips with a message.
chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium could not be installed: the browser tests will be skipped"; \
	else echo "$(CHROMIUM) missing and not root: the browser tests will be skipped"; fi

test: setup chromium
	$(BIN)/ruff check voc tests bench
	$(BIN)/pytest -q

test-fast: setup
	$(BIN)/pytest -q -m "not slow"

lint: setup
	$(BIN)/ruff check voc tests bench
	$(BIN)/ruff format --check voc tests bench

# Re-take docs/ screenshots of the sample report (after `make demo`).
screenshots: setup chromium
	$(BIN)/python docs/make_screenshots.py out/report.html docs

clean:
	rm -rf out .pytest_cache .ruff_cache
