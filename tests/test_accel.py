"""The compiled quote extractor gives exactly the results of the pure-Python one."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import DATA, REFERENCE, load_gold
from toolkit.quotes import IMPLEMENTATION, source_hash
from toolkit.quotes.extract import extract

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


def _compiled() -> tuple[Callable[[list[str]], list[dict[str, Any]]], ModuleType]:
    try:
        accel = importlib.import_module("toolkit.quotes._accel")
        return importlib.import_module("toolkit.quotes._accel.extract").extract, accel
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("the compiled quote extractor was not built (make setup builds it)")
        pytest.skip("compiled quote extractor not built: run `make setup`")


def test_compiled_build_is_current_and_in_use() -> None:
    _, accel = _compiled()
    assert source_hash() == accel.SOURCE_HASH
    assert IMPLEMENTATION == "compiled"


def test_compiled_and_pure_agree_on_every_gold_article() -> None:
    compiled, _ = _compiled()
    assert len(ARTICLES) > 30
    for paragraphs in ARTICLES:
        assert compiled(paragraphs) == extract(paragraphs)
