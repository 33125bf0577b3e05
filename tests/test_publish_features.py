"""One source: the `datasets` Features of both configs come from the JSON Schema, and agree
with the Arrow schema of the Parquet files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from datasets import Features

from toolkit.publish.configs import (
    ARTICLES,
    CONFIGS,
    QUOTES,
    config_arrow_schema,
    config_docs,
    config_features,
    quote_columns,
)
from toolkit.schema import arrow_schema, field_docs, hf_features, load_schema


def _nullable(data_type: pa.DataType) -> pa.DataType:
    """The same type with every nested field nullable (`datasets` has no non-null types)."""
    if pa.types.is_list(data_type):
        return pa.list_(_nullable(data_type.value_type))
    if pa.types.is_struct(data_type):
        return pa.struct([pa.field(f.name, _nullable(f.type)) for f in data_type])
    return data_type


@pytest.mark.parametrize("config", CONFIGS)
def test_features_have_the_arrow_types(config: str) -> None:
    schema = config_arrow_schema(config)
    features = config_features(config)
    assert list(features) == schema.names
    assert features.type == _nullable(pa.struct(list(schema)))


@pytest.mark.parametrize("config", CONFIGS)
def test_features_equal_what_datasets_derives_from_the_arrow_schema(config: str) -> None:
    assert Features.from_arrow_schema(config_arrow_schema(config)) == config_features(config)


def test_article_features_cover_every_schema_property() -> None:
    assert list(hf_features()) == list(load_schema()["properties"])


def test_quote_columns_carry_every_quote_field() -> None:
    names = [c.name for c in quote_columns()]
    quote_fields = list(load_schema()["properties"]["quotes"]["items"]["properties"])
    assert [n for n in names if n in quote_fields] == quote_fields
    assert {"article_id", "publisher", "published_date", "human_checked"} <= set(names)


def test_nullability_of_the_quotes_config_follows_the_schema() -> None:
    schema = config_arrow_schema(QUOTES)
    assert not schema.field("article_id").nullable
    assert not schema.field("text").nullable
    assert schema.field("speaker").nullable
    assert schema.field("publisher").nullable


@pytest.mark.parametrize("config", CONFIGS)
def test_shards_keep_the_record_schema_with_its_nullability(release: Path, config: str) -> None:
    for shard in sorted((release / "data" / config).glob("*.parquet")):
        written = pq.read_schema(shard)
        assert written.remove_metadata().equals(config_arrow_schema(config).remove_metadata())
        assert written.field(written.names[0]).nullable is False


def test_card_field_table_of_articles_is_the_schema_docs() -> None:
    assert list(config_docs(ARTICLES)) == list(field_docs())


def test_quotes_field_table_describes_every_column() -> None:
    top = [path for path, _, _ in config_docs(QUOTES) if "." not in path]
    assert top == [c.name for c in quote_columns()]
    assert all(description for _, _, description in config_docs(QUOTES))


def test_converter_does_not_import_datasets() -> None:
    code = "import sys, toolkit.cli; print('datasets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_features_match_the_arrow_schema_of_convert() -> None:
    assert hf_features().type == _nullable(pa.struct(list(arrow_schema())))
