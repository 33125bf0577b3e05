"""Splits from the article id alone, stable across versions."""

from __future__ import annotations

from collections import Counter

import pytest

from toolkit.errors import InputError
from toolkit.publish.splits import SPLITS, SplitRatios, assign, parse_ratios, split_of

IDS = [f"nb-{i:020x}" for i in range(20_000)]


def test_same_id_same_split() -> None:
    ratios = SplitRatios()
    assert [split_of(i, ratios) for i in IDS[:500]] == [split_of(i, ratios) for i in IDS[:500]]


def test_ratios_are_respected_on_many_ids() -> None:
    counts = Counter(split_of(i, SplitRatios(0.7, 0.2, 0.1)) for i in IDS)
    assert abs(counts["train"] / len(IDS) - 0.7) < 0.02
    assert abs(counts["validation"] / len(IDS) - 0.2) < 0.02
    assert abs(counts["test"] / len(IDS) - 0.1) < 0.02


def test_earlier_split_wins_over_new_ratios() -> None:
    earlier = {IDS[0]: "test"}
    assert assign(IDS[0], SplitRatios(1.0, 0.0, 0.0), earlier) == "test"
    assert assign(IDS[1], SplitRatios(1.0, 0.0, 0.0), earlier) == "train"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("80/10/10", (0.8, 0.1, 0.1)), ("0.6,0.2,0.2", (0.6, 0.2, 0.2)), ("8:1:1", (0.8, 0.1, 0.1))],
)
def test_ratio_forms(text: str, expected: tuple[float, float, float]) -> None:
    ratios = parse_ratios(text)
    assert tuple(round(v, 6) for v in ratios.as_dict().values()) == expected


@pytest.mark.parametrize("text", ["80/20", "a/b/c", "-1/1/1", "0/0/0"])
def test_bad_ratios_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="--splits"):
        parse_ratios(text)


def test_every_split_is_one_of_three() -> None:
    assert {split_of(i, SplitRatios()) for i in IDS} == set(SPLITS)
