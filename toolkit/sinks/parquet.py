"""Parquet output with the Arrow schema derived from the JSON Schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from toolkit.schema import arrow_schema

BATCH = 512


class ParquetSink:
    """Buffers records and writes them as row groups of one Parquet file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.schema = arrow_schema()
        self._writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self._buffer: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        self._buffer.append(record)
        if len(self._buffer) >= BATCH:
            self.flush()

    def write_table(self, table: pa.Table) -> None:
        self.flush()
        self._writer.write_table(table)

    def flush(self) -> None:
        if self._buffer:
            self._writer.write_table(pa.Table.from_pylist(self._buffer, schema=self.schema))
            self._buffer.clear()

    def close(self) -> None:
        self.flush()
        self._writer.close()
