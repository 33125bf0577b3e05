"""The word lists behind the attribution rules, shipped as `data/lexicon.txt` so they can be
read and extended without touching code."""

from __future__ import annotations

import functools
import re
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


def trie_pattern(words: list[str]) -> str:
    """An alternation of `words` as a regex trie (`said|says` → `sa(?:id|ys)`): the engine
    tries a shared start once, not once per word."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)
