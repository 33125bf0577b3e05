"""The records a release is made from: a `convert` (or `annotate merge`) output folder, or its
JSONL or Parquet file, read in batches with every record checked against the schema."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from toolkit.errors import InputError
from toolkit.records.files import RecordsFile, batches
from toolkit.records.validate import is_valid, iter_errors
from toolkit.schema import arrow_schema


@dataclass
class Batch:
    """Records as dicts and as an Arrow table with the record schema, row for row."""

    records: list[dict[str, Any]]
    table: pa.Table


def read_batches(source: RecordsFile) -> Iterator[Batch]:
    """Every record in file order. A record that breaks the schema stops the read with one
    line naming where it is and what is wrong: a release holds valid records only."""
    schema = arrow_schema()
    where = 0
    for records, table in batches(source, schema):
        for offset, record in enumerate(records):
            if not is_valid(record):
                _refuse(source, where + offset + 1, record)
        where += len(records)
        # JSON records become Arrow only once valid: a wrong type would fail the conversion.
        yield Batch(records, table if table is not None else _table(records, schema))


def _table(records: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(records, schema=schema)


def _refuse(source: RecordsFile, number: int, record: Any) -> None:
    where = "row" if source.is_parquet else "record"
    first = next(iter(iter_errors(record)), None)
    what = f"{first.path}: {first.message}" if first else "invalid record"
    if len(what) > 160:
        what = what[:157] + "..."
    raise InputError(
        f"{source.path}: {where} {number} breaks the schema ({what}); fix it or run "
        f"`newsdump validate {source.path}` for the full list. Nothing was written."
    )
