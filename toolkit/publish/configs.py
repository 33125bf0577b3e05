"""The two configs of a release: `articles` (the records as they are) and `quotes` (one row per
quote, ready for quote-attribution training).

Both are projections of the article schema: every column names the schema node it comes
from, and its Arrow type, `datasets` feature and card description are derived from that node.
The few columns that exist only in `quotes` are described here as schema nodes too, so they go
through the same derivation.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from toolkit.schema import (
    JSONSchema,
    arrow_field,
    arrow_schema,
    field_docs,
    hf_feature,
    load_schema,
    node_at,
)

ARTICLES = "articles"
QUOTES = "quotes"
CONFIGS = (ARTICLES, QUOTES)


@dataclass(frozen=True)
class Column:
    """One column of the `quotes` config: its name, its schema node and whether it is required
    (a required, non-nullable node gives a non-nullable Arrow field)."""

    name: str
    node: JSONSchema
    required: bool


_QUOTE_INDEX: JSONSchema = {
    "description": "Position of the quote in its article's `quotes` (0-based).",
    "type": "integer",
}
_PARAGRAPH_TEXT: JSONSchema = {
    "description": "The body paragraph holding the quote (`start`/`end` index into it); null "
    "when `paragraph` is out of range.",
    "type": ["string", "null"],
}
_HUMAN_CHECKED: JSONSchema = {
    "description": "True when people checked this article's quotes and speakers "
    "(`review.parts` holds `quotes`); false for the extractor's output as is.",
    "type": "boolean",
}

# (column name, field path in the article schema) of the article context each quote carries.
_ARTICLE_CONTEXT = (
    ("article_id", "id"),
    ("publisher", "publisher"),
    ("published_date", "published_date"),
    ("crawl_date", "crawl_date"),
)


@functools.cache
def quote_columns() -> tuple[Column, ...]:
    root = load_schema()
    required = set(root["required"])
    columns = [
        Column(name, node_at(path, root), path in required) for name, path in _ARTICLE_CONTEXT
    ]
    columns.append(Column("quote_index", _QUOTE_INDEX, True))
    item = node_at("quotes", root)["items"]
    item_required = set(item.get("required", []))
    columns += [
        Column(name, node, name in item_required) for name, node in item["properties"].items()
    ]
    columns.append(Column("paragraph_text", _PARAGRAPH_TEXT, True))
    columns.append(Column("human_checked", _HUMAN_CHECKED, True))
    return tuple(columns)


@functools.cache
def quotes_arrow_schema() -> pa.Schema:
    root = load_schema()
    fields = [arrow_field(c.name, c.node, root, required=c.required) for c in quote_columns()]
    return pa.schema(fields, metadata={"schema_version": str(root["schema_version"])})


def config_arrow_schema(config: str) -> pa.Schema:
    return arrow_schema() if config == ARTICLES else quotes_arrow_schema()


def config_features(config: str) -> Any:
    """`datasets.Features` of a config (imports `datasets`)."""
    from datasets import Features

    from toolkit.schema import hf_features

    if config == ARTICLES:
        return hf_features()
    root = load_schema()
    return Features({c.name: hf_feature(c.node, root) for c in quote_columns()})


def config_docs(config: str) -> Iterator[tuple[str, str, str]]:
    """(column path, type, description) rows of a config's field table."""
    if config == ARTICLES:
        yield from field_docs()
        return
    root = load_schema()
    for column in quote_columns():
        wrapper = {"type": "object", "properties": {column.name: column.node}}
        yield from field_docs({**root, **wrapper})


def quote_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The `quotes` rows of one article record."""
    quotes = record["quotes"]
    if not quotes:
        return
    paragraphs = [p for section in record["sections"] for p in section["paragraphs"]]
    review = record.get("review")
    checked = review is not None and "quotes" in review["parts"]
    context = {name: record[path] for name, path in _ARTICLE_CONTEXT}
    for index, quote in enumerate(quotes):
        at = quote["paragraph"]
        yield {
            **context,
            "quote_index": index,
            **quote,
            "paragraph_text": paragraphs[at] if 0 <= at < len(paragraphs) else None,
            "human_checked": checked,
        }
