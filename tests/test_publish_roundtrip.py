"""A published folder loads back with `datasets.load_dataset` exactly as the records were."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import SMALL_SHARD_BYTES, read_jsonl
from tests.publish_helpers import expected_rows, load_all
from toolkit.publish.configs import CONFIGS
from toolkit.publish.load import load_release
from toolkit.publish.splits import SPLITS

SHARD_NAME = re.compile(r"^(train|validation|test)-(\d{5})-of-(\d{5})\.parquet$")


@pytest.fixture(scope="module")
def loaded(
    release: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    cache = tmp_path_factory.mktemp("hf-cache")
    return {config: load_all(release, config, cache) for config in CONFIGS}


@pytest.fixture(scope="module")
def records(sample_records: Path) -> list[dict[str, Any]]:
    return read_jsonl(sample_records / "articles.jsonl")


def _card_header(release: Path) -> dict[str, Any]:
    text = (release / "README.md").read_text("utf-8")
    header: dict[str, Any] = yaml.safe_load(text.split("---\n")[1])
    return header


@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("config", CONFIGS)
def test_load_dataset_returns_exactly_the_records(
    loaded: dict[str, dict[str, list[dict[str, Any]]]],
    records: list[dict[str, Any]],
    release: Path,
    config: str,
    split: str,
) -> None:
    assert loaded[config][split] == expected_rows(records, release)[config][split]


def test_the_sample_has_what_the_round_trip_must_keep(records: list[dict[str, Any]]) -> None:
    text = repr(records)
    assert any(ord(c) > 127 for c in text)  # unicode
    assert any(r["comments_count"] is None for r in records)  # nulls
    assert any(len(r["sections"]) > 1 for r in records)  # nested lists of structs
    assert any(q["speaker_mention"] is None for r in records for q in r["quotes"])


def test_every_split_has_articles(loaded: dict[str, dict[str, list[dict[str, Any]]]]) -> None:
    assert all(loaded["articles"][split] for split in SPLITS)


def test_loaded_features_are_the_published_features(release: Path, tmp_path: Path) -> None:
    from datasets import load_dataset

    from toolkit.publish.configs import config_features

    for config in CONFIGS:
        dataset = load_dataset(str(release), config, split="train", cache_dir=str(tmp_path))
        assert dataset.features == config_features(config)


@pytest.mark.parametrize("config", CONFIGS)
def test_shards_are_named_like_the_hub(release: Path, config: str) -> None:
    names = sorted(p.name for p in (release / "data" / config).iterdir())
    for name in names:
        match = SHARD_NAME.match(name)
        assert match, name
        same_split = [n for n in names if n.startswith(match.group(1) + "-")]
        assert int(match.group(3)) == len(same_split)


def test_shard_size_is_bounded(release: Path) -> None:
    shards = list((release / "data" / "articles").glob("train-*.parquet"))
    assert len(shards) > 1
    assert all(p.stat().st_size < 2 * SMALL_SHARD_BYTES for p in shards)


def test_card_header_lists_configs_with_every_shard(release: Path) -> None:
    header = _card_header(release)
    for entry in header["configs"]:
        config = entry["config_name"]
        listed = sorted(p for f in entry["data_files"] for p in f["path"])
        on_disk = sorted(
            p.relative_to(release).as_posix() for p in (release / "data" / config).iterdir()
        )
        assert listed == on_disk


def test_card_header_counts_match_the_loaded_rows(
    release: Path, loaded: dict[str, dict[str, list[dict[str, Any]]]]
) -> None:
    for info in _card_header(release)["dataset_info"]:
        counts = {s["name"]: s["num_examples"] for s in info["splits"]}
        assert counts == {s: len(loaded[info["config_name"]][s]) for s in SPLITS}


@pytest.mark.parametrize(
    "key", ["pretty_name", "license", "language", "task_categories", "size_categories"]
)
def test_card_header_has_hub_metadata(release: Path, key: str) -> None:
    assert _card_header(release)[key]


@pytest.mark.parametrize(
    "heading",
    [
        "## How to load",
        "## Fields of `articles`",
        "## Fields of `quotes`",
        "## Provenance",
        "## Annotation process",
        "## Limitations",
    ],
)
def test_card_prose_sections(release: Path, heading: str) -> None:
    assert heading in (release / "README.md").read_text("utf-8")


def test_card_provenance_names_inputs_with_checksums(release: Path, sample_records: Path) -> None:
    import orjson

    card = (release / "README.md").read_text("utf-8")
    inputs = orjson.loads((sample_records / "manifest.json").read_bytes())["inputs"]
    assert all(entry["sha256"] in card for entry in inputs)


def test_load_release_compares_every_row(release: Path, sample_records: Path) -> None:
    report = load_release(release, sample_records)
    assert report.problems == []
    assert report.compared == sum(sum(r.values()) for r in report.rows.values())
