"""Merge shards into the final files, writing each record once across all shards."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from toolkit.pipeline.unit import ShardPaths
from toolkit.sinks.jsonl import open_jsonl
from toolkit.sinks.parquet import ParquetSink

RECORDS_JSONL = "articles.jsonl"
RECORDS_JSONL_GZ = "articles.jsonl.gz"
RECORDS_PARQUET = "articles.parquet"
REJECTS = "rejects.jsonl"
MANIFEST = "manifest.json"


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
            with paths.records.open("rb") as lines, pa.memory_map(str(paths.arrow)) as mm:
                reader = pa.ipc.open_file(mm)
                for b in range(reader.num_record_batches):
                    batch = reader.get_batch(b)
                    keep = []
                    for record_id in batch.column("id").to_pylist():
                        first = record_id not in seen
                        seen.add(record_id)
                        keep.append(first)
                        line = lines.readline()
                        if first:
                            jsonl.write(line)
                    kept = sum(keep)
                    records += kept
                    duplicates += len(keep) - kept
                    parquet.write_batch(
                        batch if kept == len(keep) else batch.filter(pa.array(keep))
                    )
    parquet.close()
    return MergeResult(records, duplicates, [jsonl_name, RECORDS_PARQUET, REJECTS])
