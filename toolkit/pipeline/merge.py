"""Merge shards into the final files, writing each record once across all shards."""

from __future__ import annotations

import gzip
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyarrow as pa

from toolkit.pipeline.unit import ShardPaths
from toolkit.records.files import (
    RECORDS_JSONL,
    RECORDS_JSONL_GZ,
    RECORDS_PARQUET,
    REJECTS,
)
from toolkit.sinks.jsonl import open_jsonl
from toolkit.sinks.parquet import ParquetSink


@dataclass
class MergeResult:
    records: int
    duplicates: int  # across shards; duplicates inside one shard are counted by the shard
    files: list[str]


def merge_shards(
    partials: list[dict[str, Any]], shards: Path, final: Path, compress: bool
) -> MergeResult:
    jsonl_name = RECORDS_JSONL_GZ if compress else RECORDS_JSONL
    seen: set[str] = set()
    records = duplicates = 0
    parquet = ParquetSink(final / RECORDS_PARQUET)
    with (
        open_jsonl(final / jsonl_name, compress=compress) as jsonl,
        (final / REJECTS).open("wb") as rejects,
    ):
        for partial in sorted(partials, key=lambda p: p["index"]):
            paths = ShardPaths.for_index(shards, partial["index"])
            with paths.rejects.open("rb") as src:
                shutil.copyfileobj(src, rejects)
            if not partial["records"]:
                continue
            with pa.memory_map(str(paths.arrow)) as mm:
                reader = pa.ipc.open_file(mm)
                batches = [reader.get_batch(b) for b in range(reader.num_record_batches)]
                masks = [_first_seen(batch, seen) for batch in batches]
                with paths.records.open("rb") as lines:
                    _copy_lines(lines, jsonl, masks)
                for batch, keep in zip(batches, masks, strict=True):
                    kept = sum(keep)
                    records += kept
                    duplicates += len(keep) - kept
                    parquet.write_batch(
                        batch if kept == len(keep) else batch.filter(pa.array(keep))
                    )
    parquet.close()
    return MergeResult(records, duplicates, [jsonl_name, RECORDS_PARQUET, REJECTS])


def _first_seen(batch: pa.RecordBatch, seen: set[str]) -> list[bool]:
    """True for each row whose id has not been written yet (and mark it written)."""
    keep = []
    for record_id in batch.column("id").to_pylist():
        keep.append(record_id not in seen)
        seen.add(record_id)
    return keep


def _copy_lines(src: IO[bytes], dst: IO[bytes], masks: list[list[bool]]) -> None:
    if all(all(mask) for mask in masks):
        _copy_all(src, dst)  # nothing to drop
        return
    for mask in masks:
        for keep in mask:
            line = src.readline()
            if keep:
                dst.write(line)


def _copy_all(src: IO[bytes], dst: IO[bytes]) -> None:
    """Copy a whole file; in the kernel when both ends are plain files (no gzip layer)."""
    copy_range = getattr(os, "copy_file_range", None)
    if copy_range is None or not hasattr(dst, "fileno") or isinstance(dst, gzip.GzipFile):
        shutil.copyfileobj(src, dst, 1 << 20)
        return
    dst.flush()
    in_fd, out_fd = src.fileno(), dst.fileno()
    try:
        while copy_range(in_fd, out_fd, 1 << 30):
            pass
    except OSError:  # a filesystem without it: the plain way
        shutil.copyfileobj(src, dst, 1 << 20)
