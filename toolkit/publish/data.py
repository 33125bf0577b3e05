"""Write the data of a release: both configs, every split, in bounded Parquet shards, in one
pass over the records. Also collects what the card and the changelog need (counts, the split
and content digest of every article)."""

from __future__ import annotations

import gc
import hashlib
import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.compute as pc

from toolkit.errors import InputError
from toolkit.publish.configs import ARTICLES, CONFIGS, QUOTES, config_arrow_schema, quote_rows
from toolkit.publish.shards import DEFAULT_SHARD_BYTES, ShardWriter
from toolkit.publish.source import read_batches
from toolkit.publish.splits import SPLITS, SplitRatios, assign
from toolkit.records.files import RecordsFile

DATA = "data"


@dataclass
class ArticleEntry:
    split: str
    digest: str  # of the record's content, to tell changed records in the changelog


@dataclass
class DataSummary:
    """What was written: shard paths (relative to the release) and rows per config and split."""

    shards: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    bytes: dict[str, dict[str, int]] = field(default_factory=dict)
    index: dict[str, ArticleEntry] = field(default_factory=dict)
    publishers: Counter[str] = field(default_factory=Counter)
    reviewed_parts: Counter[str] = field(default_factory=Counter)
    verdicts: Counter[str] = field(default_factory=Counter)
    annotators: set[str] = field(default_factory=set)
    reviewed: int = 0

    def splits_of(self, config: str) -> list[str]:
        """The splits of a config that hold rows: `datasets` cannot load an empty split, so
        an empty one has no shard and is not listed."""
        return [split for split in SPLITS if self.rows[config][split]]

    def configs(self) -> list[str]:
        """The configs that hold rows (no `quotes` when the extractor did not run)."""
        return [config for config in CONFIGS if self.splits_of(config)]


def record_digest(record: Mapping[str, Any]) -> str:
    return hashlib.sha256(orjson.dumps(record, option=orjson.OPT_SORT_KEYS)).hexdigest()[:32]


def write_data(
    source: RecordsFile,
    release: Path,
    ratios: SplitRatios,
    earlier: Mapping[str, str],
    max_shard_bytes: int = DEFAULT_SHARD_BYTES,
) -> DataSummary:
    # Records make no reference cycles, and the collector would otherwise rescan the millions
    # of live objects of each batch again and again (as in the converter).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _write_data(source, release, ratios, earlier, max_shard_bytes)
    finally:
        if enabled:
            gc.enable()


def _write_data(
    source: RecordsFile,
    release: Path,
    ratios: SplitRatios,
    earlier: Mapping[str, str],
    max_shard_bytes: int,
) -> DataSummary:
    summary = DataSummary()
    writers: dict[str, dict[str, ShardWriter]] = {}
    for config in CONFIGS:
        folder = release / DATA / config
        folder.mkdir(parents=True)
        schema = _with_features(config_arrow_schema(config), config)
        writers[config] = {s: ShardWriter(folder, s, schema, max_shard_bytes) for s in SPLITS}
    quotes_schema = config_arrow_schema(QUOTES)
    for batch in read_batches(source):
        splits = [_account(summary, record, ratios, earlier) for record in batch.records]
        split_column = pa.array(splits, pa.string())
        quotes = [
            (s, row) for s, r in zip(splits, batch.records, strict=True) for row in quote_rows(r)
        ]
        quote_splits = pa.array([s for s, _ in quotes], pa.string())
        quote_table = pa.Table.from_pylist([row for _, row in quotes], schema=quotes_schema)
        for split in SPLITS:
            writers[ARTICLES][split].write(batch.table.filter(pc.equal(split_column, split)))
            if quote_table.num_rows:
                writers[QUOTES][split].write(quote_table.filter(pc.equal(quote_splits, split)))
    for config in CONFIGS:
        for split, writer in writers[config].items():
            paths = writer.close()
            names = [p.relative_to(release).as_posix() for p in paths]
            summary.shards.setdefault(config, {})[split] = names
            summary.rows.setdefault(config, {})[split] = writer.rows
            size = sum(p.stat().st_size for p in paths)
            summary.bytes.setdefault(config, {})[split] = size
        if not any(summary.shards[config].values()):
            (release / DATA / config).rmdir()  # git keeps no empty folder: neither do we
    if not summary.index:
        raise InputError(f"{source.path} holds no records: there is nothing to publish.")
    return summary


def _account(
    summary: DataSummary, record: dict[str, Any], ratios: SplitRatios, earlier: Mapping[str, str]
) -> str:
    article_id = record["id"]
    if article_id in summary.index:
        raise InputError(
            f"article {article_id} appears twice in the records; a release holds each article "
            "once. Nothing was written."
        )
    split = assign(article_id, ratios, earlier)
    summary.index[article_id] = ArticleEntry(split, record_digest(record))
    summary.publishers[record["publisher"] or "(none)"] += 1
    review = record.get("review")
    if review:
        summary.reviewed += 1
        summary.reviewed_parts.update(review["parts"])
        summary.verdicts[review["verdict"] or "(none)"] += 1
        summary.annotators.update(review["annotators"])
    return split


def _with_features(schema: pa.Schema, config: str) -> pa.Schema:
    """The shard schema keeps the record schema's nullability and descriptions, and also
    carries the `datasets` features, as files written by `datasets` itself do."""
    from toolkit.publish.configs import config_features

    features = config_features(config).to_dict()
    metadata = dict(schema.metadata or {})
    metadata[b"huggingface"] = json.dumps({"info": {"features": features}}).encode()
    return schema.with_metadata(metadata)
