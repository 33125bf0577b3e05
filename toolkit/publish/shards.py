"""Parquet shards of one config and split, each kept under a size bound, named the way the
Hub names them: `data/<config>/<split>-NNNNN-of-NNNNN.parquet`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

DEFAULT_SHARD_BYTES = 256 * 1024 * 1024
ROW_GROUP = 1024  # rows per row group at most
# A shard is checked against its bound after each row group; row groups of a quarter of the
# bound (before compression) keep the overshoot small.
_GROUP_SHARE = 4


class ShardWriter:
    """Writes tables into numbered shards, starting a new one once the current file reaches
    `max_bytes`. The total count is only known at the end, so shards get their final
    `-of-NNNNN` names in `close`."""

    def __init__(self, folder: Path, split: str, schema: pa.Schema, max_bytes: int) -> None:
        self.folder = folder
        self.split = split
        self.schema = schema
        self.max_bytes = max_bytes
        self.rows = 0
        self._paths: list[Path] = []
        self._writer: Any = None

    def write(self, table: pa.Table) -> None:
        if table.num_rows == 0:
            return
        row_bytes = max(1, table.nbytes // table.num_rows)
        step = max(1, min(ROW_GROUP, self.max_bytes // _GROUP_SHARE // row_bytes))
        for start in range(0, table.num_rows, step):
            if self._writer is None:
                self._open()
            self._writer.write_table(table.slice(start, step), row_group_size=step)
            self.rows += min(step, table.num_rows - start)
            if self._paths[-1].stat().st_size >= self.max_bytes:
                self._writer.close()
                self._writer = None

    def _open(self) -> None:
        path = self.folder / f".{self.split}-{len(self._paths):05d}.parquet"
        self._paths.append(path)
        self._writer = pq.ParquetWriter(path, self.schema, compression="zstd")

    def close(self) -> list[Path]:
        """Finish the shards and give them their final names; an empty split has none."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        total = len(self._paths)
        final = []
        for index, path in enumerate(self._paths):
            name = self.folder / f"{self.split}-{index:05d}-of-{total:05d}.parquet"
            os.replace(path, name)
            final.append(name)
        return final
