"""Records on disk: the files `newsdump convert` (and `annotate merge`) write, and the one
reader every command uses to read them back, streamed in batches."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from toolkit.errors import InputError

RECORDS_JSONL = "articles.jsonl"
RECORDS_JSONL_GZ = "articles.jsonl.gz"
RECORDS_PARQUET = "articles.parquet"
REJECTS = "rejects.jsonl"
MANIFEST = "manifest.json"

BATCH = 1024  # records held at a time
_JSON_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".ndjson")
_HINT = "pass a `newsdump convert` output folder or its records file"

Record = dict[str, Any]


@dataclass(frozen=True)
class RecordsFile:
    """A records file and, when present, the convert manifest beside it."""

    path: Path
    manifest: dict[str, Any] | None

    @property
    def is_parquet(self) -> bool:
        return self.path.name.lower().endswith(".parquet")


@dataclass(frozen=True)
class BadLine:
    """A JSONL line that is not JSON, in place of its record."""

    reason: str


def locate(given: Path) -> RecordsFile:
    """A folder gives its Parquet file (the fastest to read), else its JSONL; a file is
    taken as it is, if its name says its format."""
    if given.is_dir():
        for name in (RECORDS_PARQUET, RECORDS_JSONL, RECORDS_JSONL_GZ):
            if (given / name).is_file():
                return RecordsFile(given / name, _manifest(given / MANIFEST))
        raise InputError(f"{str(given)!r} holds no {RECORDS_PARQUET} or {RECORDS_JSONL}: {_HINT}.")
    if not given.is_file():
        raise InputError(f"{str(given)!r} does not exist. Check the path: {_HINT}.")
    if not given.name.lower().endswith((".parquet", *_JSON_SUFFIXES)):
        raise InputError(
            f"cannot tell the format of {str(given)!r}: name it .jsonl, .jsonl.gz or .parquet."
        )
    return RecordsFile(given, _manifest(given.parent / MANIFEST))


def _manifest(path: Path) -> dict[str, Any] | None:
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def rows(file: RecordsFile) -> Iterator[tuple[str, Record | BadLine]]:
    """Every record with where it is (`line N` in JSONL, `row N` in Parquet; 1-based). A JSONL
    line that is not JSON comes as a BadLine, so a checker can report it and go on."""
    if file.is_parquet:
        number = 0
        for records, _ in _parquet_batches(file, None):
            for record in records:
                number += 1
                yield f"row {number}", record
        return
    with _open_text(file.path) as fh:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    yield f"line {number}", orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    yield f"line {number}", BadLine(str(exc))


def batches(
    file: RecordsFile, schema: pa.Schema | None = None
) -> Iterator[tuple[list[Record], pa.Table | None]]:
    """Records BATCH at a time, with the Arrow table read from Parquet (None from JSONL)
    cast to `schema` when one is given. A line that is not JSON stops the read."""
    if file.is_parquet:
        yield from _parquet_batches(file, schema)
        return
    batch: list[Record] = []
    for where, record in rows(file):
        if isinstance(record, BadLine):
            raise InputError(
                f"{file.path}: {where} is not valid JSON ({record.reason}); check the file "
                "with `newsdump validate`."
            )
        batch.append(record)
        if len(batch) == BATCH:
            yield batch, None
            batch = []
    if batch:
        yield batch, None


def read_records(path: Path) -> list[Record]:
    """Every record of a convert output folder or records file, in file order."""
    return [record for batch, _ in batches(locate(path)) for record in batch]


def _open_text(path: Path) -> Any:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _parquet_batches(
    file: RecordsFile, schema: pa.Schema | None
) -> Iterator[tuple[list[Record], pa.Table | None]]:
    try:
        parquet = pq.ParquetFile(file.path)
        for batch in parquet.iter_batches(batch_size=BATCH):
            table = pa.Table.from_batches([batch])
            yield table.to_pylist(), _conform(table, schema, file) if schema else table
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"{str(file.path)!r} is not a readable Parquet file ({exc}).") from exc


def _conform(table: pa.Table, schema: pa.Schema, file: RecordsFile) -> pa.Table:
    if table.schema.equals(schema):
        return table
    try:
        return table.select(schema.names).cast(schema)
    except (KeyError, pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise InputError(
            f"{file.path} does not have the record schema ({exc}); run `newsdump validate` "
            "on it. Nothing was written."
        ) from exc
