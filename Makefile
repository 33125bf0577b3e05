# One task runner for people and CI. `make test` is what .ci/run calls.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test check lint types docs bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)  ## create .venv with the toolkit and its dev tools

demo: setup  ## convert the bundled sample dumps into out/sample
	$(BIN)/newsdump convert tests/data/dumps -o out/sample
	$(BIN)/newsdump validate out/sample/articles.parquet

test: setup  ## lint, type-check and run the whole test suite
	PATH="$(CURDIR)/$(BIN):$$PATH" scripts/check

docs: setup  ## regenerate the README sections made from the schema and --help
	$(BIN)/python scripts/gen_readme.py

bench: setup  ## converter throughput and memory (100,000 articles)
	$(BIN)/python benchmarks/bench_convert.py

clean:
	rm -rf $(VENV) out .mypy_cache .ruff_cache .pytest_cache .hypothesis
