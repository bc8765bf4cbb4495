# One command sets everything up and runs the sample job (`make demo`);
# one sets everything up and runs the tests (`make test`).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.voc-installed

.PHONY: setup demo test test-fast lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# torch first and pinned: unpinned, pip would pull a multi-GB CUDA build.
	$(BIN)/pip install --disable-pip-version-check -q torch==2.13.0
	$(BIN)/pip install --disable-pip-version-check -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/voc run pipelines/all-sources.yaml

test: setup
	$(BIN)/ruff check voc tests bench
	$(BIN)/pytest -q

test-fast: setup
	$(BIN)/pytest -q -m "not slow"

lint: setup
	$(BIN)/ruff check voc tests bench
	$(BIN)/ruff format --check voc tests bench

clean:
	rm -rf out .pytest_cache .ruff_cache
