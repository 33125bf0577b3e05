"""Train/validation/test assignment from the article id alone.

An article's split is a pure function of its id and the ratios, so the same article lands in
the same split in every version. Articles of an earlier version keep the split they had there
even if the ratios change (the caller passes those assignments), so a model evaluated on an
old test split never finds those articles in a newer train split.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from toolkit.errors import InputError

SPLITS = ("train", "validation", "test")
_SALT = b"newsdump-split\0"  # keeps the split independent of anything else derived from ids


@dataclass(frozen=True)
class SplitRatios:
    train: float = 0.8
    validation: float = 0.1
    test: float = 0.1

    def as_dict(self) -> dict[str, float]:
        return {"train": self.train, "validation": self.validation, "test": self.test}

    def __str__(self) -> str:
        return "/".join(f"{v:g}" for v in self.as_dict().values())


def parse_ratios(text: str) -> SplitRatios:
    """`80/10/10`, `0.8,0.1,0.1` or `8:1:1`: three non-negative parts, scaled to sum to 1."""
    parts = text.replace(",", "/").replace(":", "/").split("/")
    try:
        values = [float(p) for p in parts]
    except ValueError:
        values = []
    if len(values) != 3 or any(v < 0 for v in values) or sum(values) <= 0:
        raise InputError(
            f"--splits {text!r} is not three non-negative numbers: "
            "give train/validation/test, for example 80/10/10."
        )
    total = sum(values)
    return SplitRatios(*(v / total for v in values))


def split_of(article_id: str, ratios: SplitRatios) -> str:
    digest = hashlib.sha256(_SALT + article_id.encode("utf-8")).digest()
    point = int.from_bytes(digest[:8], "big") / 2**64
    if point < ratios.train:
        return "train"
    if point < ratios.train + ratios.validation:
        return "validation"
    return "test" if ratios.test > 0 else "validation"


def assign(article_id: str, ratios: SplitRatios, earlier: Mapping[str, str]) -> str:
    """The split of an article: where an earlier version put it, else from its id."""
    return earlier.get(article_id) or split_of(article_id, ratios)
