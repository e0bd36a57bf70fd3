# evaltools — the two commands a newcomer needs:
#   make reports   render every sample report into reports/
#   make test      run the tests
# Both create the virtual environment in .venv on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: test reports lab sample-data benchmark clean-reports help a11y

help:
	@echo "make reports     render every project in params/ into reports/"
	@echo "make test        run the tests"
	@echo "make lab         open JupyterLab with evaltools installed"
	@echo "make sample-data regenerate the synthetic sample data in data/"
	@echo "make benchmark   run the speed and memory benchmarks"
	@echo "make a11y        check the sample reports' HTML with axe-core in headless Chromium"

# one line per step: the first install downloads the scientific libraries and takes a few minutes.
# setuptools' notice that an editable install reads the package from this folder is expected here
# and is silenced (the package folder *is* the working copy).
EDITABLE_QUIET := PYTHONWARNINGS="ignore:Editable installation"
# The [dev] extra includes [robust] (honestdid, which imports torch). On Linux the package index's
# default torch is a CUDA build of several GB: the CPU build is installed first, and pip keeps it.
# Here pip's configured wheel folder holds torch 2.13.0+cpu; elsewhere name PyTorch's CPU index:
#   make test TORCH_INDEX="--extra-index-url https://download.pytorch.org/whl/cpu"
TORCH_VERSION := 2.13.0
TORCH_INDEX ?=
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || { echo "Creating the virtual environment in $(VENV) ..."; $(PYTHON) -m venv $(VENV); }
	@echo "Installing evaltools and its dependencies into $(VENV) (a few minutes the first time) ..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@if [ "$$(uname -s)" = Linux ] && ! $(BIN)/python -c "import torch" 2>/dev/null; then \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check $(TORCH_INDEX) torch==$(TORCH_VERSION); fi
	@$(EDITABLE_QUIET) $(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@# the toolkit's own modules compiled once, as pip does for an installed package (an editable install
	@# is not compiled, and with PYTHONDONTWRITEBYTECODE set every process compiled them anew); a module
	@# edited later is compiled again by Python itself
	@$(BIN)/python -m compileall -q evaltools
	@touch $(STAMP)
	@echo "Installed: $$($(BIN)/evaltools --version)"

# lint (ruff) and types (mypy) first, then the tests; tests draw charts without a screen
# (JupyterLab keeps its own inline backend). The tests run in parallel, one process per core
# (pytest-xdist), each test file in one process, so that a file's fixtures are made once, and the
# files that read the samples' report objects together in one process, so that each sample's
# analyses are computed once (tests/conftest.py); the sample reports are rendered once per run for
# all of them. Files are handed out longest first, in the order tests/conftest.py collects them
# (--no-loadscope-reorder). pytest keeps the test files it rewrites for its assertion messages as
# bytecode in tests/__pycache__ (ignored by git) and reads them from there in the next run: where
# PYTHONDONTWRITEBYTECODE is set, every worker rewrote and compiled all the test files again in every
# run (about 7 CPU-s of its 14 CPU-s of collection), so it is unset for the tests.
# The run ends with its 30 slowest tests and setups (--durations), where the suite's time goes
# (docs/benchmarks.md). Without the end-to-end tests (rendered reports, kernels, notebooks):
# $(BIN)/python -m pytest -m "not slow"
test: $(STAMP)
	$(BIN)/ruff check evaltools tests
	$(BIN)/mypy
	MPLBACKEND=Agg PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder --durations=30

reports: $(STAMP)
	$(BIN)/evaltools render --all

# JupyterLab is the optional extra [lab] (the renderer does not need it)
lab: $(STAMP)
	@$(EDITABLE_QUIET) $(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[lab]'
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

sample-data: $(STAMP)
	$(BIN)/python scripts/make_sample_data.py

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench_analysis.py
	$(BIN)/python benchmarks/bench_reports.py
	$(BIN)/python benchmarks/bench_kernel_ready.py
	$(BIN)/python benchmarks/bench_cells.py
	$(BIN)/python benchmarks/bench_watch.py
	$(BIN)/python benchmarks/bench_validate.py --only wide,tall,excel

clean-reports:
	rm -rf reports/*/ reports/index.html

# Accessibility check of the HTML reports (docs/accessibility.md). Not part of `make test`: it
# needs Chromium and its WebDriver from the system (Debian: apt-get install chromium
# chromium-driver) and axe-core from npm, installed here into .a11y/.
A11Y_DIR := .a11y
AXE      := $(A11Y_DIR)/node_modules/axe-core/axe.min.js
A11Y_OUT := $(A11Y_DIR)/reports

$(AXE):
	mkdir -p $(A11Y_DIR)
	cd $(A11Y_DIR) && npm install --no-audit --no-fund --silent axe-core@4

A11Y_SAMPLES := timra-vagen-ut eskilstuna-specialistteamet eskilstuna-ansokan kompassen-demo nasta-steg \
                samverkan-i-praktiken sprangbradan-demo

a11y: $(STAMP) $(AXE)
	$(BIN)/evaltools render $(A11Y_SAMPLES) --formats html --reports-dir $(A11Y_OUT) --quiet
	$(BIN)/evaltools render $(A11Y_SAMPLES) --lang en --formats html --reports-dir $(A11Y_OUT) --quiet
	$(BIN)/python scripts/a11y_check.py $(AXE) $(A11Y_OUT)/*/*.html $(A11Y_OUT)/*/en/*.html
