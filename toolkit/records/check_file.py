"""Validate a records file (JSONL, JSONL.gz or Parquet) against the schema."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import InputError
from toolkit.records.files import BadLine, locate, rows
from toolkit.records.validate import iter_errors


@dataclass(frozen=True)
class Problem:
    """One invalid value: `where` is `line N` (JSONL) or `row N` (Parquet), 1-based."""

    where: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.path}: {self.message}"


def check_file(path: Path) -> Iterator[Problem]:
    """Every schema violation in the file, in file order."""
    if not path.is_file():
        raise InputError(f"{str(path)!r} is not a file. Pass a records .jsonl or .parquet file.")
    for where, record in rows(locate(path)):
        if isinstance(record, BadLine):
            yield Problem(where, "$", f"not valid JSON: {record.reason}")
            continue
        for error in iter_errors(record):
            message = error.message if len(error.message) <= 200 else error.message[:197] + "..."
            yield Problem(where, error.path, message)
