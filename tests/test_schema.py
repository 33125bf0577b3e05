"""One schema: the JSON Schema drives the Arrow/Parquet schema and the fast validator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import DUMPS
from tests.test_gold import records_of
from toolkit.records.validate import compile_schema, is_valid, iter_errors
from toolkit.schema import arrow_schema, load_schema, resolve, types_of

SCALARS = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
}


def _expected(node: dict[str, Any], root: dict[str, Any]) -> pa.DataType:
    node = resolve(node, root)
    kind, _ = types_of(node)
    if kind == "array":
        return pa.list_(_expected(node["items"], root))
    if kind == "object":
        return pa.struct(
            [(name, _expected(child, root)) for name, child in node["properties"].items()]
        )
    return SCALARS[kind]


def _same_shape(actual: pa.DataType, expected: pa.DataType) -> bool:
    if pa.types.is_list(expected):
        return pa.types.is_list(actual) and _same_shape(actual.value_type, expected.value_type)
    if pa.types.is_struct(expected):
        return (
            pa.types.is_struct(actual)
            and [f.name for f in actual] == [f.name for f in expected]
            and all(_same_shape(a.type, e.type) for a, e in zip(actual, expected, strict=True))
        )
    return bool(actual == expected)


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_field_has_a_description() -> None:
    root = load_schema()
    missing = []

    def walk(path: str, node: dict[str, Any]) -> None:
        node = resolve(node, root)
        if "description" not in node and not path.endswith("[]"):
            missing.append(path)
        for name, child in node.get("properties", {}).items():
            walk(f"{path}.{name}", child)
        if "items" in node:
            walk(f"{path}[]", node["items"])

    for name, node in root["properties"].items():
        walk(name, node)
    assert missing == []


def test_parquet_file_has_every_field_with_matching_type(tmp_path: Path) -> None:
    root = load_schema()
    records = records_of(DUMPS / "no_byline.txt")
    path = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist(records, schema=arrow_schema()), path)
    written = pq.read_schema(path)
    assert written.names == list(root["properties"])
    for name, node in root["properties"].items():
        assert _same_shape(written.field(name).type, _expected(node, root)), name


def test_nullability_follows_the_schema() -> None:
    schema = arrow_schema()
    assert schema.field("published_date").nullable
    assert not schema.field("title").nullable
    assert schema.field("publisher_profile").nullable


@pytest.mark.parametrize("dump", sorted(DUMPS.glob("*.txt")), ids=lambda p: p.stem)
def test_converted_records_pass_jsonschema(dump: Path) -> None:
    validator = jsonschema.Draft202012Validator(load_schema())
    for record in records_of(dump):
        assert list(validator.iter_errors(record)) == []
        assert is_valid(record)


def test_fast_validator_refuses_unknown_keywords() -> None:
    with pytest.raises(ValueError, match="does not implement"):
        compile_schema({"type": "string", "maxLength": 3})


def test_errors_name_the_path() -> None:
    record = dict(records_of(DUMPS / "no_byline.txt")[0])
    record["images"] = [{"url": 5, "caption": None, "credit": None}]
    errors = list(iter_errors(record))
    assert [e.path for e in errors] == ["$.images[0].url"]
