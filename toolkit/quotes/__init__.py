"""Quotes and speakers (RULES §6), by rules and word lists that ship in the package.

`extract_quotes` is the compiled build of these modules (`scripts/build_accel.py`) when one
is present and was made from exactly these sources, and the pure-Python code otherwise;
`IMPLEMENTATION` says which.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from toolkit.compiled import Accelerated

ACCELERATED = Accelerated(
    "toolkit.quotes",
    (
        "chars",
        "spans",
        "lexicon",
        "people",
        "runs",
        "intros",
        "names",
        "textsearch",
        "cast",
        "cues",
        "attribute",
        "speech",
        "found",
        "extract",
    ),
)

Extractor = Callable[[list[str], list[int] | None], list[dict[str, Any]]]

_extract, IMPLEMENTATION = ACCELERATED.load("extract")
_found, _ = ACCELERATED.load("found")
extract_quotes: Extractor = _extract.extract
quote_spans: Callable[[list[dict[str, Any]], list[int]], list[dict[str, Any]]] = _found.source_spans

__all__ = ["ACCELERATED", "IMPLEMENTATION", "extract_quotes", "quote_spans"]
