"""One reader for records on disk: a convert output folder, its JSONL (.gz) or Parquet."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from tests.conftest import DUMPS
from toolkit.errors import InputError
from toolkit.pipeline.run import convert
from toolkit.records.files import BadLine, batches, locate, read_records, rows


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("converted")
    convert([str(DUMPS)], out)
    with (out / "articles.jsonl").open("rb") as src, gzip.open(out / "copy.jsonl.gz", "wb") as dst:
        shutil.copyfileobj(src, dst)
    return out


@pytest.mark.parametrize("name", ["", "articles.jsonl", "copy.jsonl.gz", "articles.parquet"])
def test_every_form_reads_the_same_records(converted: Path, name: str) -> None:
    expected = read_records(converted / "articles.jsonl")
    assert len(expected) > 10
    assert read_records(converted / name if name else converted) == expected


def test_a_folder_gives_its_parquet_and_manifest(converted: Path) -> None:
    found = locate(converted)
    assert found.is_parquet and found.manifest is not None
    assert found.manifest["counts"]["records"] == len(read_records(converted))


def test_a_line_that_is_not_json_is_reported_in_place(tmp_path: Path) -> None:
    path = tmp_path / "some.jsonl"
    path.write_bytes(b'{"id": 1}\n{not json\n\n{"id": 2}\n')
    found = list(rows(locate(path)))
    assert [where for where, _ in found] == ["line 1", "line 2", "line 4"]
    assert isinstance(found[1][1], BadLine)
    with pytest.raises(InputError, match="line 2 is not valid JSON"):
        list(batches(locate(path)))


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.jsonl", "does not exist"), ("records.csv", "cannot tell the format")],
)
def test_wrong_paths_name_the_fix(tmp_path: Path, name: str, message: str) -> None:
    if name.endswith(".csv"):
        (tmp_path / name).write_text("a,b\n")
    with pytest.raises(InputError, match=message):
        locate(tmp_path / name)


def test_a_folder_without_records_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"holds no articles\.parquet"):
        locate(tmp_path)
