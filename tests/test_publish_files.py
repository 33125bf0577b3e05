"""The release's own files: manifest and `verify`, Croissant metadata, and the CLI's one-line
answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import mlcroissant
import orjson
import pytest

from tests.conftest import SAMPLE_NAME
from toolkit.cli import main
from toolkit.publish.manifest import MANIFEST, release_files, verify


@pytest.fixture
def copy(release: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(release, target)
    return target


def test_manifest_lists_every_file(release: Path) -> None:
    listed = orjson.loads((release / MANIFEST).read_bytes())["files"]
    assert sorted(listed) == release_files(release)


def test_fresh_release_verifies(release: Path) -> None:
    assert list(verify(release)) == []


def test_changed_file_is_found(copy: Path) -> None:
    shard = next((copy / "data" / "quotes").glob("train-*.parquet"))
    shard.write_bytes(shard.read_bytes()[:-1] + b"\0")
    assert [(m.path, "sha256" in m.problem) for m in verify(copy)] == [
        (shard.relative_to(copy).as_posix(), True)
    ]


def test_missing_and_added_files_are_found(copy: Path) -> None:
    (copy / "CHANGELOG.md").unlink()
    (copy / "extra.txt").write_text("x")
    assert sorted(m.path for m in verify(copy)) == ["CHANGELOG.md", "extra.txt"]


def test_verify_cli_exit_status(release: Path, copy: Path) -> None:
    assert main(["verify", str(release)]) == 0
    (copy / "README.md").write_text("changed")
    assert main(["verify", str(copy)]) == 1


def test_verify_of_a_plain_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "newsdump publish" in err[0]


def test_croissant_is_valid_for_mlcroissant(release: Path) -> None:
    dataset = mlcroissant.Dataset(jsonld=release / "croissant.json")
    names = {record_set.name for record_set in dataset.metadata.record_sets}
    assert {"articles", "quotes"} <= names


def test_croissant_fields_are_the_columns(release: Path) -> None:
    metadata = orjson.loads((release / "croissant.json").read_bytes())
    quotes = next(r for r in metadata["recordSet"] if r["@id"] == "quotes")
    names = [f["@id"].split("/")[-1] for f in quotes["field"]]
    assert names[0] == "split" and "speaker" in names and "human_checked" in names


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--version", "one"], "semantic version"),
        (["--version", "1.0.0", "--splits", "1/2"], "--splits"),
    ],
)
def test_cli_refusals_are_one_line_and_write_nothing(
    sample_records: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    target = tmp_path / "dataset"
    code = main(["publish", str(sample_records), "--name", SAMPLE_NAME, "--to", str(target), *args])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and message in err[0]
    assert not target.exists()


def test_cli_needs_exactly_one_target(
    sample_records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["publish", str(sample_records), "--name", "x", "--version", "1.0.0"]) == 2
    assert "--to" in capsys.readouterr().err


def test_cli_missing_records_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["publish", str(tmp_path / "nope"), "--name", "x", "--version", "1.0.0"]
    assert main([*args, "--to", str(tmp_path / "ds")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "does not exist" in err[0]


def test_cli_publish_then_load_says_where_and_how(
    sample_records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "dataset"
    args = ["publish", str(sample_records), "--name", SAMPLE_NAME, "--version", "0.1.0"]
    assert main([*args, "--to", str(target)]) == 0
    assert main(["load", str(target), "--records", str(sample_records)]) == 0
    out = capsys.readouterr().out
    assert "published v0.1.0" in out and "rows equal the records" in out
    assert f'load_dataset("{target.resolve()}", "quotes")' in out
