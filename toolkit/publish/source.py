"""The records a release is made from: a `convert` (or `annotate merge`) output folder, or its
JSONL or Parquet file, read in batches with every record checked against the schema."""

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
from toolkit.pipeline.merge import MANIFEST, RECORDS_JSONL, RECORDS_JSONL_GZ, RECORDS_PARQUET
from toolkit.records.validate import is_valid, iter_errors
from toolkit.schema import arrow_schema

BATCH = 1024  # records held at a time


@dataclass(frozen=True)
class RecordsSource:
    """The resolved input: the records file and, when present, the convert manifest beside it."""

    path: Path
    manifest: dict[str, Any] | None

    @property
    def is_parquet(self) -> bool:
        return self.path.name.lower().endswith(".parquet")


def resolve_source(given: Path) -> RecordsSource:
    """A folder gives its Parquet file (the fastest to read), else its JSONL."""
    if given.is_dir():
        for name in (RECORDS_PARQUET, RECORDS_JSONL, RECORDS_JSONL_GZ):
            if (given / name).is_file():
                return RecordsSource(given / name, _manifest(given / MANIFEST))
        raise InputError(
            f"{str(given)!r} holds no {RECORDS_PARQUET} or {RECORDS_JSONL}: pass a "
            "`newsdump convert` output folder or its records file."
        )
    if not given.is_file():
        raise InputError(f"{str(given)!r} does not exist: pass a `newsdump convert` output folder.")
    name = given.name.lower()
    if not name.endswith((".parquet", ".jsonl", ".jsonl.gz")):
        raise InputError(f"cannot tell the format of {str(given)!r}: name it .jsonl or .parquet.")
    return RecordsSource(given, _manifest(given.parent / MANIFEST))


def _manifest(path: Path) -> dict[str, Any] | None:
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


@dataclass
class Batch:
    """Records as dicts and as an Arrow table with the record schema, row for row."""

    records: list[dict[str, Any]]
    table: pa.Table


def read_batches(source: RecordsSource) -> Iterator[Batch]:
    """Every record in file order. A record that breaks the schema stops the read with one
    line naming where it is and what is wrong: a release holds valid records only."""
    schema = arrow_schema()
    where = 0
    for records, table in _raw_batches(source, schema):
        for offset, record in enumerate(records):
            if not is_valid(record):
                _refuse(source, where + offset + 1, record)
        where += len(records)
        # JSON records become Arrow only once valid: a wrong type would fail the conversion.
        yield Batch(records, table if table is not None else _table(records, schema))


def _raw_batches(
    source: RecordsSource, schema: pa.Schema
) -> Iterator[tuple[list[dict[str, Any]], pa.Table | None]]:
    if source.is_parquet:
        try:
            parquet = pq.ParquetFile(source.path)
            for batch in parquet.iter_batches(batch_size=BATCH):
                table = pa.Table.from_batches([batch])
                yield table.to_pylist(), _conform(table, schema, source)
        except (pa.ArrowInvalid, OSError) as exc:
            raise InputError(
                f"{str(source.path)!r} is not a readable Parquet file ({exc})."
            ) from exc
        return
    opener = gzip.open if source.path.name.lower().endswith(".gz") else open
    records: list[dict[str, Any]] = []
    with opener(source.path, "rb") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                records.append(orjson.loads(line))
            except orjson.JSONDecodeError as exc:
                raise InputError(
                    f"{source.path}: line {number} is not valid JSON ({exc}); nothing was written."
                ) from exc
            if len(records) == BATCH:
                yield records, None
                records = []
    if records:
        yield records, None


def _table(records: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(records, schema=schema)


def _conform(table: pa.Table, schema: pa.Schema, source: RecordsSource) -> pa.Table:
    if table.schema.equals(schema):
        return table
    try:
        return table.select(schema.names).cast(schema)
    except (KeyError, pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise InputError(
            f"{source.path} does not have the record schema ({exc}); run `newsdump validate` "
            "on it. Nothing was written."
        ) from exc


def _refuse(source: RecordsSource, number: int, record: Any) -> None:
    where = "row" if source.is_parquet else "record"
    first = next(iter(iter_errors(record)), None)
    what = f"{first.path}: {first.message}" if first else "invalid record"
    if len(what) > 160:
        what = what[:157] + "..."
    raise InputError(
        f"{source.path}: {where} {number} breaks the schema ({what}); fix it or run "
        f"`newsdump validate {source.path}` for the full list. Nothing was written."
    )
