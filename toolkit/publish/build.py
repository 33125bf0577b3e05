"""Build one release into an empty staging folder: data, card, changelog, Croissant metadata,
the article index and the manifest. Nothing here touches the target."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson

from toolkit._version import __version__
from toolkit.publish.card import CARD, CardInfo, render_card
from toolkit.publish.changelog import (
    CHANGELOG,
    Changes,
    diff_records,
    diff_schemas,
    entry,
    render_changelog,
)
from toolkit.publish.configs import ARTICLES, CONFIGS
from toolkit.publish.croissant import CROISSANT, croissant
from toolkit.publish.data import ArticleEntry, DataSummary, write_data
from toolkit.publish.manifest import write_manifest
from toolkit.publish.shards import DEFAULT_SHARD_BYTES
from toolkit.publish.splits import SplitRatios
from toolkit.records.files import RecordsFile
from toolkit.schema import JSONSchema, load_schema, schema_path, schema_version
from toolkit.sources.inputs import file_sha256

META = "meta"
INDEX = f"{META}/index.tsv"  # id, split and content digest of every article
SCHEMA_COPY = f"{META}/article.schema.json"
CHANGES = f"{META}/changes.json"


@dataclass(frozen=True)
class ReleaseOptions:
    name: str
    version: str
    ratios: SplitRatios = field(default_factory=SplitRatios)
    license: str = "other"
    max_shard_bytes: int = DEFAULT_SHARD_BYTES
    annotation_report: dict[str, Any] | None = None


@dataclass
class Previous:
    """The latest release before this one, as far as a new release depends on it."""

    version: str
    index: dict[str, ArticleEntry]
    schema: JSONSchema
    changelog: str | None


@dataclass
class BuiltRelease:
    folder: Path
    data: DataSummary
    changes: Changes
    manifest: dict[str, Any]


def read_previous(folder: Path, version: str) -> Previous:
    index: dict[str, ArticleEntry] = {}
    for line in (folder / INDEX).read_text("utf-8").splitlines()[1:]:
        article_id, split, digest = line.split("\t")
        index[article_id] = ArticleEntry(split, digest)
    changelog = folder / CHANGELOG
    return Previous(
        version=version,
        index=index,
        schema=orjson.loads((folder / SCHEMA_COPY).read_bytes()),
        changelog=changelog.read_text("utf-8") if changelog.is_file() else None,
    )


def build_release(
    source: RecordsFile,
    staging: Path,
    options: ReleaseOptions,
    previous: Previous | None,
    hub_id: str | None = None,
) -> BuiltRelease:
    # A local release has no address of its own: its files are named relative to it.
    url = f"https://huggingface.co/datasets/{hub_id}" if hub_id else "./"
    earlier = {i: e.split for i, e in previous.index.items()} if previous else {}
    data = write_data(source, staging, options.ratios, earlier, options.max_shard_bytes)
    created = datetime.now(timezone.utc).isoformat(timespec="seconds")
    changes = _changes(data.index, previous)
    _write_meta(staging, data, changes, source)
    info = _card_info(source, options, created, hub_id)
    (staging / CARD).write_text(render_card(info, data), "utf-8")
    articles = sum(data.rows[ARTICLES].values())
    before = previous.version if previous else None
    new_entry = entry(options.version, created[:10], before, changes, articles)
    changelog = render_changelog(new_entry, previous.changelog if previous else None)
    (staging / CHANGELOG).write_text(changelog, "utf-8")
    metadata = croissant(
        options.name,
        options.version,
        options.license,
        _description(data),
        url,
        created[:10],
        data.configs(),
    )
    (staging / CROISSANT).write_bytes(orjson.dumps(metadata, option=orjson.OPT_INDENT_2))
    header = {
        "dataset": options.name,
        "version": options.version,
        "created": created,
        "toolkit_version": __version__,
        "schema_version": schema_version(),
        "split_ratios": options.ratios.as_dict(),
        "rows": data.rows,
        "previous_version": previous.version if previous else None,
    }
    return BuiltRelease(staging, data, changes, write_manifest(staging, header))


def _changes(index: Mapping[str, ArticleEntry], previous: Previous | None) -> Changes:
    if previous is None:
        return Changes(added=sorted(index))
    changes = diff_records(previous.index, index)
    changes.schema = diff_schemas(previous.schema, load_schema())
    return changes


def _write_meta(staging: Path, data: DataSummary, changes: Changes, source: RecordsFile) -> None:
    (staging / META).mkdir()
    lines = ["id\tsplit\tdigest"]
    lines += [f"{i}\t{e.split}\t{e.digest}" for i, e in sorted(data.index.items())]
    (staging / INDEX).write_text("\n".join(lines) + "\n", "utf-8")
    shutil.copyfile(schema_path(), staging / SCHEMA_COPY)
    (staging / CHANGES).write_bytes(orjson.dumps(changes.as_dict(), option=orjson.OPT_INDENT_2))


def _card_info(
    source: RecordsFile, options: ReleaseOptions, created: str, hub_id: str | None
) -> CardInfo:
    inputs = (source.manifest or {}).get("inputs", [])
    return CardInfo(
        name=options.name,
        version=options.version,
        license=options.license,
        ratios=options.ratios,
        toolkit_version=__version__,
        schema_version=schema_version(),
        created=created,
        inputs=inputs if isinstance(inputs, list) else [],
        records_file={"path": source.path.name, "sha256": file_sha256(source.path)},
        annotation_report=options.annotation_report,
        hub_id=hub_id,
    )


def _description(data: DataSummary) -> str:
    counts = ", ".join(f"{c} {sum(data.rows[c].values()):,} rows" for c in CONFIGS)
    return f"News articles from NewsBreak page dumps with quotes and speakers ({counts})."
