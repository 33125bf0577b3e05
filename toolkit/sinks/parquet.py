"""Arrow output with the schema derived from the JSON Schema: Parquet for the final file, Arrow
IPC for shards (cheap to write in a worker and to read back in the merge, so Parquet
encoding happens once)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from toolkit.schema import arrow_schema

BATCH = 512  # records converted to Arrow at a time
ROW_GROUP = 4096  # rows per Parquet row group (about 50 MB of records in memory)


class ParquetSink:
    """Buffers records and writes them as row groups of one Parquet file (or, with
    `ipc=True`, record batches of one Arrow IPC file), `batch` records at a time."""

    def __init__(self, path: Path, *, ipc: bool = False, batch: int = BATCH) -> None:
        self.path = path
        self.batch = batch
        self.schema = arrow_schema()
        self._writer: Any = (
            pa.ipc.new_file(path, self.schema)
            if ipc
            else pq.ParquetWriter(path, self.schema, compression="zstd")
        )
        self._buffer: list[dict[str, Any]] = []
        self._batches: list[pa.RecordBatch] = []
        self._batched = 0

    def write(self, record: dict[str, Any]) -> None:
        self._buffer.append(record)
        if len(self._buffer) >= self.batch:
            self.flush()

    def write_batch(self, batch: pa.RecordBatch) -> None:
        """Queue a batch; batches are written together as row groups of ROW_GROUP rows."""
        self.flush()
        self._batches.append(batch)
        self._batched += batch.num_rows
        if self._batched >= ROW_GROUP:
            self._flush_batches()

    def _flush_batches(self) -> None:
        if self._batches:
            self._writer.write_table(pa.Table.from_batches(self._batches, schema=self.schema))
            self._batches, self._batched = [], 0

    def flush(self) -> None:
        if self._buffer:
            self._writer.write_table(pa.Table.from_pylist(self._buffer, schema=self.schema))
            self._buffer.clear()

    def close(self) -> None:
        self.flush()
        self._flush_batches()
        self._writer.close()
