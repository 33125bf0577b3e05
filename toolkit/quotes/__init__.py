"""Quotes and speakers (RULES §6), by rules and word lists that ship in the package.

`extract_quotes` is the compiled build of these modules (`scripts/build_accel.py`) when one
is present and was made from exactly these sources, and the pure-Python code otherwise;
`IMPLEMENTATION` says which.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

MODULES = ("spans", "lexicon", "people", "names", "cast", "attribute", "speech", "extract")
_HERE = Path(__file__).resolve().parent

Extractor = Callable[[list[str]], list[dict[str, Any]]]


def source_hash() -> str:
    """SHA-256 over the modules the compiled build is made from."""
    digest = hashlib.sha256()
    for name in MODULES:
        digest.update((_HERE / f"{name}.py").read_bytes())
    return digest.hexdigest()


def _select() -> tuple[Extractor, str]:
    from toolkit.quotes.extract import extract

    try:
        accel = importlib.import_module("toolkit.quotes._accel")
    except ImportError:
        return extract, "python"
    if getattr(accel, "SOURCE_HASH", None) != source_hash():
        return extract, "python (compiled build is stale: run `make setup`)"
    try:
        compiled: Extractor = importlib.import_module("toolkit.quotes._accel.extract").extract
    except (ImportError, AttributeError):
        return extract, "python (compiled build does not load: run `make setup`)"
    return compiled, "compiled"


extract_quotes, IMPLEMENTATION = _select()

__all__ = ["IMPLEMENTATION", "extract_quotes", "source_hash"]
