"""Releases of unusual records: no quotes, empty splits, no records at all."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import DUMPS, SAMPLE_NAME
from toolkit.errors import InputError
from toolkit.pipeline.options import ConvertOptions
from toolkit.pipeline.run import convert
from toolkit.publish import ReleaseOptions, SplitRatios, load_release, publish_local


@pytest.fixture(scope="module")
def without_quotes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("no-quotes")
    convert([str(DUMPS)], out, ConvertOptions(quotes=False))
    return out


@pytest.fixture(scope="module")
def train_only(without_quotes: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("train-only") / "dataset"
    options = ReleaseOptions(SAMPLE_NAME, "1.0.0", ratios=SplitRatios(1.0, 0.0, 0.0))
    publish_local(without_quotes, target, options)
    return target


def _configs(release: Path) -> dict[str, list[str]]:
    header = yaml.safe_load((release / "README.md").read_text("utf-8").split("---\n")[1])
    return {c["config_name"]: [f["split"] for f in c["data_files"]] for c in header["configs"]}


def test_empty_splits_and_configs_are_not_listed(train_only: Path) -> None:
    assert _configs(train_only) == {"articles": ["train"]}
    assert not (train_only / "data" / "quotes").exists()


def test_release_with_empty_splits_loads_exactly(train_only: Path, without_quotes: Path) -> None:
    report = load_release(train_only, without_quotes)
    assert report.rows == {"articles": {"train": 22}}
    assert report.problems == []


def test_no_records_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "articles.jsonl"
    empty.write_text("")
    with pytest.raises(InputError, match="nothing to publish"):
        publish_local(empty, tmp_path / "dataset", ReleaseOptions(SAMPLE_NAME, "1.0.0"))
    assert not (tmp_path / "dataset").exists()
