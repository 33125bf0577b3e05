# One task runner for people and CI. `make test` is what .ci/run calls.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ACCEL  := $(foreach p,quotes parse records,toolkit/$(p)/_accel/__init__.py)

.PHONY: setup studio-env browser-env demo test check lint types docs bench bench-annotate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The compiled quote extractor, page parser and record checker: rebuilt whenever their
# Python sources change. A failed build leaves the pure-Python modules in use (same results,
# slower).
$(ACCEL) &: $(STAMP) $(wildcard toolkit/quotes/*.py toolkit/parse/*.py) toolkit/records/checker.py \
           toolkit/compiled.py
	-$(BIN)/python scripts/build_accel.py

setup: $(STAMP) $(ACCEL)  ## create .venv with the toolkit, its dev tools and compiled parts

# The whole path on the bundled sample: convert, publish to a local dataset repository (made
# anew each time, so the demo can run again), load it back and compare every row.
demo: setup  ## convert the sample dumps, publish them to out/dataset and load that back
	$(BIN)/newsdump convert tests/data/dumps -o out/sample
	$(BIN)/newsdump validate out/sample/articles.parquet
	rm -rf out/dataset
	$(BIN)/newsdump publish out/sample --name newsdump-sample --version 1.0.0 --to out/dataset
	$(BIN)/newsdump load out/dataset --records out/sample

# Label Studio in a venv of its own (its pins never meet ours); the test suite starts it.
# `studio install` returns at once when it is already there.
studio-env: $(STAMP)  ## install Label Studio for `newsdump studio` and the tests
	$(BIN)/newsdump studio install

# Debian's Chromium for the browser test (Playwright drives it; it never downloads a browser).
browser-env:  ## install Debian's chromium if missing (needs root or sudo)
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 || \
	  { $$SUDO apt-get update -q >/dev/null && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }; }

test: setup studio-env browser-env  ## lint, type-check and run the whole test suite
	PATH="$(CURDIR)/$(BIN):$$PATH" scripts/check

docs: setup  ## regenerate what is made from the schema and --help (README sections, checker)
	$(BIN)/python scripts/gen_checker.py
	$(BIN)/python scripts/gen_readme.py

bench: setup  ## converter throughput and memory, publishing cost (100,000 articles)
	$(BIN)/python benchmarks/bench_convert.py
	$(BIN)/python benchmarks/bench_publish.py

bench-annotate: setup studio-env  ## push 10,000 tasks and pull 10,000 annotations on a local server
	$(BIN)/python benchmarks/bench_annotate.py

clean:
	rm -rf $(VENV) out .mypy_cache .ruff_cache .pytest_cache .hypothesis
