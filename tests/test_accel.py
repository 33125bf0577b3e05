"""The compiled builds (quote extractor, page parser, record checker) give exactly the results
of the pure-Python modules, and are the ones in use."""

from __future__ import annotations

import copy
import importlib
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import DATA, REFERENCE, load_gold
from toolkit import parse, quotes
from toolkit.compiled import Accelerated
from toolkit.parse.page import parse_page
from toolkit.quotes.extract import extract
from toolkit.records.build import Origin, build_record
from toolkit.records.validate import (
    CHECKER,
    SchemaValidator,
    checker_source,
    fast_check,
    generated_check,
)
from toolkit.schema import load_schema
from toolkit.sources.documents import decode, split_documents

ARTICLES = [
    [p for s in article["sections"] for p in s["paragraphs"]]
    for folder in (
        DATA / "gold",
        DATA / "heldout" / "gold",
        DATA / "third" / "gold",
        DATA / "fourth" / "gold",
        REFERENCE / "gold",
    )
    for path in sorted(folder.glob("*.json"))
    for article in load_gold(path)
]
ORIGIN = Origin("t.txt", "0" * 64, 0, 0, "txt", "utf-8")
DUMPS = sorted(
    path
    for folder in (DATA / "dumps", DATA / "bad", REFERENCE / "dumps")
    for path in folder.glob("*.txt")
)


def _compiled(pkg: Accelerated, module: str) -> tuple[ModuleType, ModuleType]:
    try:
        build = importlib.import_module(f"{pkg.package}._accel")
        return importlib.import_module(f"{pkg.package}._accel.{module}"), build
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail(f"the compiled {pkg.package} was not built (make setup builds it)")
        pytest.skip(f"compiled {pkg.package} not built: run `make setup`")


@pytest.mark.parametrize("package", [quotes, parse], ids=["quotes", "parse"])
def test_compiled_build_is_current_and_in_use(package: Any) -> None:
    entry = "extract" if package is quotes else "page"
    _, build = _compiled(package.ACCELERATED, entry)
    assert package.ACCELERATED.source_hash() == build.SOURCE_HASH
    assert package.IMPLEMENTATION == "compiled"


def test_compiled_and_pure_extractors_agree_on_every_gold_article() -> None:
    compiled, _ = _compiled(quotes.ACCELERATED, "extract")
    assert len(ARTICLES) > 30
    for paragraphs in ARTICLES:
        assert compiled.extract(paragraphs) == extract(paragraphs)


def test_compiled_and_pure_agree_on_source_offsets_and_spans() -> None:
    compiled, _ = _compiled(quotes.ACCELERATED, "extract")
    placed, _ = _compiled(quotes.ACCELERATED, "found")
    pure = importlib.import_module("toolkit.quotes.found")
    spans = 0
    for paragraphs in ARTICLES:
        starts = [1000 * k + 7 for k in range(len(paragraphs))]
        ours = compiled.extract(paragraphs, starts)
        assert ours == extract(paragraphs, starts)
        assert placed.source_spans(ours, starts) == pure.source_spans(ours, starts)
        spans += len(ours)
    assert spans > 60


def _parsed(parse_fn: Any, reject: type[Exception], doc: str) -> tuple[Any, ...]:
    try:
        ext = parse_fn(doc)
    except reject as exc:
        return ("reject", exc.code, exc.message)  # type: ignore[attr-defined]
    return (
        ext.fields,
        ext.normalized,
        ext.paragraphs,
        ext.paragraph_starts,
        ext.spans,
        ext.warnings,
    )


@pytest.mark.parametrize("path", DUMPS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_compiled_and_pure_parsers_agree_on_every_document(path: Path) -> None:
    compiled, _ = _compiled(parse.ACCELERATED, "page")
    pure_reject = importlib.import_module("toolkit.parse.lines").ParseReject
    with path.open("rb") as fh:
        docs = [decode(raw.data).text for raw in split_documents(fh)]
    for doc in docs:
        assert _parsed(compiled.parse_page, compiled.ParseReject, doc) == _parsed(
            parse_page, pure_reject, doc
        )


def test_a_stale_build_is_not_used() -> None:
    # A package whose sources no longer match the build's hash falls back to pure Python.
    stale = Accelerated("toolkit.quotes", ("spans",))
    module, implementation = stale.load("extract")
    assert implementation.startswith("python (compiled build is stale")
    assert module is importlib.import_module("toolkit.quotes.extract")


def test_generated_checker_is_current_and_compiled() -> None:
    compiled, _ = _compiled(CHECKER, "checker")
    source = checker_source(load_schema(), "schema/article.schema.json")
    assert (CHECKER.folder / "checker.py").read_text("utf-8") == source
    assert generated_check(load_schema()) is compiled.check
    assert fast_check() is compiled.check


def test_checker_of_another_schema_is_not_used() -> None:
    schema = copy.deepcopy(load_schema())
    schema["properties"]["title"]["minLength"] = 5
    assert generated_check(schema) is None
    validator = SchemaValidator(schema)  # generated from this schema, not the article one
    record = build_record((DATA / "dumps" / "no_byline.txt").read_text("utf-8"), ORIGIN)
    assert validator.check({**record, "title": "Abcde"})
    assert not validator.check({**record, "title": "Abc"})
    assert fast_check()({**record, "title": "Abc"})
