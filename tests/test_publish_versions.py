"""Versions: one commit and tag per version, a changelog by id, splits that never move, old
versions that still load from their tag, and refusals that leave the target untouched."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.conftest import SAMPLE_NAME, THIRD, read_jsonl
from tests.publish_helpers import expected_rows, index_of, load_all
from toolkit.errors import NewsdumpError, OutputError
from toolkit.pipeline.run import convert
from toolkit.publish.build import ReleaseOptions
from toolkit.publish.configs import CONFIGS
from toolkit.publish.release import PublishResult, publish_local
from toolkit.publish.splits import SplitRatios

REVIEW = {
    "parts": ["quotes"],
    "verdict": "ok",
    "annotators": ["ann@example.org"],
    "annotation_ids": [7],
    "task_id": 3,
    "reviewed_at": "2026-11-01T10:00:00Z",
}


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    ).stdout


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


@pytest.fixture(scope="module")
def v1_records(sample_records: Path) -> list[dict[str, Any]]:
    return read_jsonl(sample_records / "articles.jsonl")


@pytest.fixture(scope="module")
def v2_records(
    v1_records: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> list[dict[str, Any]]:
    """v1 less its first article, its second one reviewed, plus the third fixture set."""
    extra = tmp_path_factory.mktemp("third")
    convert([str(THIRD / "dumps")], extra)
    reviewed = {**v1_records[1], "review": REVIEW}
    return [reviewed, *v1_records[2:], *read_jsonl(extra / "articles.jsonl")]


@pytest.fixture(scope="module")
def two_versions(
    release: Path, v2_records: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, PublishResult]:
    work = tmp_path_factory.mktemp("versions")
    target = work / "dataset"
    shutil.copytree(release, target)
    records = _write_jsonl(work / "v2.jsonl", v2_records)
    # Other ratios on purpose: articles of v1 must keep their split all the same.
    options = ReleaseOptions(SAMPLE_NAME, "1.1.0", ratios=SplitRatios(0.4, 0.3, 0.3))
    return target, publish_local(records, target, options)


def test_one_commit_and_tag_per_version(two_versions: tuple[Path, PublishResult]) -> None:
    target, _ = two_versions
    assert len(_git(target, "log", "--oneline").splitlines()) == 2
    assert _git(target, "tag", "--list").split() == ["v1.0.0", "v1.1.0"]
    assert _git(target, "status", "--porcelain") == ""


def test_no_article_changes_split(release: Path, two_versions: tuple[Path, PublishResult]) -> None:
    before, after = index_of(release), index_of(two_versions[0])
    assert {i: after[i] for i in before if i in after} == {
        i: s for i, s in before.items() if i in after
    }


def test_result_counts_added_removed_changed(
    two_versions: tuple[Path, PublishResult], v1_records: list[dict[str, Any]]
) -> None:
    result = two_versions[1]
    assert (result.removed, result.changed) == (1, 1)
    assert result.added == result.articles - (len(v1_records) - 1)


def test_changelog_names_the_changed_ids(
    two_versions: tuple[Path, PublishResult], v1_records: list[dict[str, Any]]
) -> None:
    text = (two_versions[0] / "CHANGELOG.md").read_text("utf-8")
    newest, older = text.split("## v1.0.0")
    assert "## v1.1.0" in newest and "1 removed, 1 changed" in newest
    assert f"Removed (1): `{v1_records[0]['id']}`" in newest
    assert f"Changed (1): `{v1_records[1]['id']}`" in newest
    assert "Schema: unchanged." in newest
    assert "First release: 22 articles." in older


def test_reviewed_quotes_are_marked_human_checked(
    two_versions: tuple[Path, PublishResult], v2_records: list[dict[str, Any]], tmp_path: Path
) -> None:
    rows = load_all(two_versions[0], "quotes", tmp_path)
    checked = {r["article_id"] for split in rows.values() for r in split if r["human_checked"]}
    assert checked == {v2_records[0]["id"]}


@pytest.mark.parametrize("config", CONFIGS)
def test_newest_version_loads_exactly(
    two_versions: tuple[Path, PublishResult],
    v2_records: list[dict[str, Any]],
    config: str,
    tmp_path: Path,
) -> None:
    target = two_versions[0]
    assert load_all(target, config, tmp_path) == expected_rows(v2_records, target)[config]


@pytest.mark.parametrize("config", CONFIGS)
def test_older_version_loads_exactly_from_its_tag(
    two_versions: tuple[Path, PublishResult],
    v1_records: list[dict[str, Any]],
    config: str,
    tmp_path: Path,
) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(two_versions[0]), str(clone)], check=True)
    _git(clone, "checkout", "-q", "v1.0.0")
    loaded = load_all(clone, config, tmp_path / "cache")
    assert loaded == expected_rows(v1_records, clone)[config]


def test_card_reports_the_review(two_versions: tuple[Path, PublishResult]) -> None:
    card = (two_versions[0] / "README.md").read_text("utf-8")
    assert "1 of " in card and "1 annotator(s)" in card and "Checked parts: quotes 1" in card


# Refusals: each leaves the target exactly as it was.


def _head(target: Path) -> str:
    return _git(target, "rev-parse", "HEAD")


@pytest.mark.parametrize(
    ("version", "message"),
    [("1.0.0", "already published"), ("0.9.0", "lower than the latest"), ("1.0", "semantic")],
)
def test_bad_versions_are_refused(
    release: Path, sample_records: Path, version: str, message: str
) -> None:
    head = _head(release)
    with pytest.raises(OutputError, match=message):
        publish_local(sample_records, release, ReleaseOptions(SAMPLE_NAME, version))
    assert _head(release) == head and _git(release, "status", "--porcelain") == ""


def test_foreign_folder_is_refused(sample_records: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="not a dataset repository"):
        publish_local(sample_records, tmp_path, ReleaseOptions(SAMPLE_NAME, "1.0.0"))
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_uncommitted_changes_are_refused(
    release: Path, sample_records: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copy"
    shutil.copytree(release, target)
    (target / "README.md").write_text("edited by hand")
    with pytest.raises(OutputError, match="uncommitted changes"):
        publish_local(sample_records, target, ReleaseOptions(SAMPLE_NAME, "2.0.0"))


def test_invalid_records_write_nothing(v1_records: list[dict[str, Any]], tmp_path: Path) -> None:
    broken = [*v1_records[:3], {**v1_records[3], "title": ""}]
    records = _write_jsonl(tmp_path / "broken.jsonl", broken)
    target = tmp_path / "dataset"
    with pytest.raises(NewsdumpError, match="record 4 breaks the schema"):
        publish_local(records, target, ReleaseOptions(SAMPLE_NAME, "1.0.0"))
    assert not target.exists()


def test_duplicate_ids_write_nothing(v1_records: list[dict[str, Any]], tmp_path: Path) -> None:
    records = _write_jsonl(tmp_path / "twice.jsonl", [v1_records[0], v1_records[0]])
    with pytest.raises(NewsdumpError, match="appears twice"):
        publish_local(records, tmp_path / "dataset", ReleaseOptions(SAMPLE_NAME, "1.0.0"))
    assert not (tmp_path / "dataset").exists()


def test_checked_out_old_version_is_refused(
    release: Path, sample_records: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copy"
    shutil.copytree(release, target)
    _git(target, "checkout", "-q", "v1.0.0")
    with pytest.raises(OutputError, match="older version checked out"):
        publish_local(sample_records, target, ReleaseOptions(SAMPLE_NAME, "2.0.0"))


def test_card_shows_the_annotation_report_figures(
    v2_records: list[dict[str, Any]], tmp_path: Path
) -> None:
    report = {"agreement": {"Quote": {"f1": 0.912}}, "parser_accuracy": {"Speaker": 0.75}}
    records = _write_jsonl(tmp_path / "reviewed.jsonl", v2_records[:3])
    options = ReleaseOptions(SAMPLE_NAME, "1.0.0", annotation_report=report)
    publish_local(records, tmp_path / "dataset", options)
    card = (tmp_path / "dataset" / "README.md").read_text("utf-8")
    assert "| `agreement.Quote.f1` | 0.912 |" in card
    assert "| `parser_accuracy.Speaker` | 0.750 |" in card
