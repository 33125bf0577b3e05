"""Validate a records file (JSONL, JSONL.gz or Parquet) against the schema."""

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
from toolkit.records.validate import iter_errors


@dataclass(frozen=True)
class Problem:
    """One invalid value: `where` is `line N` (JSONL) or `row N` (Parquet), 1-based."""

    where: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.path}: {self.message}"


def _rows(path: Path) -> Iterator[tuple[str, Any]]:
    name = path.name.lower()
    if name.endswith(".parquet"):
        try:
            parquet = pq.ParquetFile(path)
        except (pa.ArrowInvalid, OSError) as exc:
            raise InputError(f"{str(path)!r} is not a readable Parquet file ({exc}).") from exc
        row = 0
        for batch in parquet.iter_batches(batch_size=1024):
            for record in batch.to_pylist():
                row += 1
                yield f"row {row}", record
        return
    if not name.endswith((".jsonl", ".jsonl.gz", ".json", ".ndjson")):
        raise InputError(
            f"cannot tell the format of {str(path)!r}: name it .jsonl, .jsonl.gz or .parquet."
        )
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rb") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield f"line {number}", orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                yield f"line {number}", _BadJSON(str(exc))


@dataclass(frozen=True)
class _BadJSON:
    reason: str


def check_file(path: Path) -> Iterator[Problem]:
    """Every schema violation in the file, in file order."""
    if not path.is_file():
        raise InputError(f"{str(path)!r} is not a file. Pass a records .jsonl or .parquet file.")
    for where, record in _rows(path):
        if isinstance(record, _BadJSON):
            yield Problem(where, "$", f"not valid JSON: {record.reason}")
            continue
        for error in iter_errors(record):
            message = error.message if len(error.message) <= 200 else error.message[:197] + "..."
            yield Problem(where, error.path, message)
