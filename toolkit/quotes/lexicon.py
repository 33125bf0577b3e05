"""The word lists behind the attribution rules, shipped as `data/lexicon.txt` so they can be
read and extended without touching code."""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def _lists() -> dict[str, frozenset[str]]:
    text = resources.files("toolkit.quotes").joinpath("data/lexicon.txt").read_text("utf-8")
    lists: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = lists.setdefault(line[1:-1], set())
            continue
        if current is None:
            raise ValueError(f"lexicon.txt: words before the first [section]: {line!r}")
        current.update(word.replace("_", " ") for word in line.split())
    return {name: frozenset(words) for name, words in lists.items()}


def words(name: str) -> frozenset[str]:
    """One word list by its section name."""
    return _lists()[name]
