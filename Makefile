# One task runner for people and CI. `make test` is what .ci/run calls.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ACCEL  := toolkit/quotes/_accel/__init__.py

.PHONY: setup demo test check lint types docs bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The compiled quote extractor: rebuilt whenever its Python sources change. A failed build
# leaves the pure-Python extractor in use (same results, slower).
$(ACCEL): $(STAMP) $(wildcard toolkit/quotes/*.py)
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

test: setup  ## lint, type-check and run the whole test suite
	PATH="$(CURDIR)/$(BIN):$$PATH" scripts/check

docs: setup  ## regenerate the README sections made from the schema and --help
	$(BIN)/python scripts/gen_readme.py

bench: setup  ## converter throughput and memory, publishing cost (100,000 articles)
	$(BIN)/python benchmarks/bench_convert.py
	$(BIN)/python benchmarks/bench_publish.py

clean:
	rm -rf $(VENV) out .mypy_cache .ruff_cache .pytest_cache .hypothesis
