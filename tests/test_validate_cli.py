"""`newsdump validate`: every invalid record reported with its line or row and JSON path."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import DUMPS, read_jsonl
from toolkit.cli import main
from toolkit.pipeline.run import convert
from toolkit.schema import arrow_schema


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    convert([str(DUMPS)], out)
    return out


@pytest.mark.parametrize("name", ["articles.jsonl", "articles.parquet"])
def test_valid_files_exit_0(converted: Path, name: str) -> None:
    assert main(["validate", str(converted / name)]) == 0


def test_broken_jsonl_lines_are_reported(
    converted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = read_jsonl(converted / "articles.jsonl")[:3]
    records[1]["title"] = ""
    del records[2]["images"]
    path = tmp_path / "bad.jsonl"
    lines = [json.dumps(r) for r in records] + ["{not json"]
    path.write_text("\n".join(lines) + "\n")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("line 2: $.title:")
    assert out[1].startswith("line 3: $:") and "'images' is a required property" in out[1]
    assert out[2].startswith("line 4: $: not valid JSON")


def test_broken_parquet_rows_are_reported(
    converted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = read_jsonl(converted / "articles.jsonl")[:2]
    records[1]["id"] = "not-an-id"
    path = tmp_path / "bad.parquet"
    pq.write_table(pa.Table.from_pylist(records, schema=arrow_schema()), path)
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out.startswith("row 2: $.id:")


def test_unknown_format_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "records.csv"
    path.write_text("a,b\n")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and ".jsonl" in err[0]
