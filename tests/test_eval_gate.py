"""The evaluation gate: scores on the hand-made gold may not fall below the pinned baseline."""

from __future__ import annotations

import json

import pytest

from tests.conftest import require_reference
from tests.eval_gate import BASELINE, current

PINNED = json.loads(BASELINE.read_text())


@pytest.mark.parametrize("name", sorted(PINNED))
def test_scores_do_not_fall_below_the_baseline(name: str) -> None:
    if name == "reference":
        require_reference()
    fresh = current(name)
    for key, floor in PINNED[name].items():
        assert fresh[key] >= floor - 1e-9, f"{name}.{key}: {fresh[key]} < baseline {floor}"


def test_fixture_gold_is_large_enough() -> None:
    """At least 60 quotes over at least 15 articles, as the quote issue asks."""
    from tests.conftest import GOLD, load_gold

    articles = [a for path in GOLD.glob("*.json") for a in load_gold(path)]
    assert len(articles) >= 15
    assert sum(len(a["quotes"]) for a in articles) >= 60
