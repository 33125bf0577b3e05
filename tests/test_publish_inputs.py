"""RECORDS in every form gives the same release data; broken input is one line."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import SAMPLE_NAME
from toolkit.errors import InputError
from toolkit.publish import ReleaseOptions, publish_local


def _data_digests(release: Path) -> dict[str, str]:
    """The shards and the index (whose content digests tell changed records apart later)."""
    files = [*sorted((release / "data").rglob("*.parquet")), release / "meta" / "index.tsv"]
    return {
        p.relative_to(release).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files
    }


@pytest.fixture(scope="module")
def from_folder(sample_records: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("from-folder") / "dataset"
    publish_local(sample_records, target, ReleaseOptions(SAMPLE_NAME, "1.0.0"))
    return target


@pytest.mark.parametrize("form", ["articles.jsonl", "articles.parquet", "articles.jsonl.gz"])
def test_every_records_form_gives_the_same_data(
    sample_records: Path, from_folder: Path, tmp_path: Path, form: str
) -> None:
    if form.endswith(".gz"):
        records = tmp_path / form
        with gzip.open(records, "wb") as out:
            out.write((sample_records / "articles.jsonl").read_bytes())
    else:
        records = tmp_path / form
        shutil.copyfile(sample_records / form, records)
    target = tmp_path / "dataset"
    publish_local(records, target, ReleaseOptions(SAMPLE_NAME, "1.0.0"))
    assert _data_digests(target) == _data_digests(from_folder)


def test_parquet_without_the_record_schema_is_one_line(tmp_path: Path) -> None:
    records = tmp_path / "other.parquet"
    pq.write_table(pa.table({"id": ["nb-0"], "title": ["x"]}), records)
    with pytest.raises(InputError, match="does not have the record schema") as caught:
        publish_local(records, tmp_path / "dataset", ReleaseOptions(SAMPLE_NAME, "1.0.0"))
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "dataset").exists()


def test_folder_without_records_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="holds no articles"):
        publish_local(tmp_path, tmp_path / "dataset", ReleaseOptions(SAMPLE_NAME, "1.0.0"))


def test_bad_json_line_is_one_line(tmp_path: Path) -> None:
    records = tmp_path / "articles.jsonl"
    records.write_text("{not json\n")
    with pytest.raises(InputError, match="line 1 is not valid JSON"):
        publish_local(records, tmp_path / "dataset", ReleaseOptions(SAMPLE_NAME, "1.0.0"))
