"""Helpers shared by the publishing tests: what a release must hold, computed from records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from toolkit.publish.configs import ARTICLES, CONFIGS, QUOTES, quote_rows
from toolkit.publish.splits import SPLITS

Rows = dict[str, dict[str, list[dict[str, Any]]]]


def index_of(release: Path) -> dict[str, str]:
    """article id → split, from the release's index."""
    lines = (release / "meta" / "index.tsv").read_text("utf-8").splitlines()[1:]
    return {line.split("\t")[0]: line.split("\t")[1] for line in lines}


def expected_rows(records: list[dict[str, Any]], release: Path) -> Rows:
    """Rows per config and split, in record order: what `load_dataset` must return."""
    splits = index_of(release)
    rows: Rows = {config: {split: [] for split in SPLITS} for config in CONFIGS}
    for record in records:
        split = splits[record["id"]]
        rows[ARTICLES][split].append(record)
        rows[QUOTES][split].extend(quote_rows(record))
    return rows


def load_all(release: Path, config: str, cache: Path) -> dict[str, list[dict[str, Any]]]:
    from datasets import load_dataset

    loaded = load_dataset(str(release), config, cache_dir=str(cache))
    return {split: list(loaded[split]) if split in loaded else [] for split in SPLITS}
