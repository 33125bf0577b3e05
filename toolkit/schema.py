"""The record schema: loaded once from `schema/article.schema.json`, the single source of truth.

Everything else that describes a record (the Arrow/Parquet schema, the Hugging Face
`Features`, the fast validator, the README and dataset-card field tables) is derived from this
file by code.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa

SCHEMA_FILENAME = "article.schema.json"
ANNOTATION_SCHEMA_FILENAME = "annotation.schema.json"
_REPO_SCHEMAS = Path(__file__).resolve().parent.parent / "schema"

JSONSchema = dict[str, Any]


def schema_path(name: str = SCHEMA_FILENAME) -> Path:
    """Where a schema file lives: inside an installed wheel, or at the top of a checkout."""
    packaged = resources.files("toolkit").joinpath("_schema", name)
    if packaged.is_file():
        return Path(str(packaged))
    return _REPO_SCHEMAS / name


@functools.cache
def load_schema() -> JSONSchema:
    schema: JSONSchema = orjson.loads(schema_path().read_bytes())
    return schema


@functools.cache
def load_annotation_schema() -> JSONSchema:
    """The schema of annotation records written by `annotate pull`."""
    schema: JSONSchema = orjson.loads(schema_path(ANNOTATION_SCHEMA_FILENAME).read_bytes())
    return schema


def schema_version() -> str:
    return str(load_schema()["schema_version"])


def resolve(node: JSONSchema, root: JSONSchema | None = None) -> JSONSchema:
    """Follow a local `$ref` (`#/$defs/name`), keeping the referring node's description."""
    root = root if root is not None else load_schema()
    ref = node.get("$ref")
    if ref is None:
        return node
    if not ref.startswith("#/"):
        raise ValueError(f"only local $ref is supported, got {ref!r}")
    target: Any = root
    for part in ref[2:].split("/"):
        target = target[part]
    merged = dict(target)
    if "description" in node:
        merged["description"] = node["description"]
    return merged


def types_of(node: JSONSchema) -> tuple[str, bool]:
    """The one non-null JSON type of a node, and whether null is allowed."""
    declared = node.get("type")
    if declared is None:
        raise ValueError(f"schema node has no type: {node}")
    kinds = [declared] if isinstance(declared, str) else list(declared)
    nullable = "null" in kinds
    rest = [k for k in kinds if k != "null"]
    if len(rest) != 1:
        raise ValueError(f"a field must have exactly one non-null type, got {kinds}")
    return rest[0], nullable


_SCALARS: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
}


def _arrow_type(node: JSONSchema, root: JSONSchema) -> pa.DataType:
    node = resolve(node, root)
    kind, _ = types_of(node)
    if kind in _SCALARS:
        return _SCALARS[kind]
    if kind == "array":
        return pa.list_(_arrow_field("item", node["items"], root, required=True))
    if kind == "object":
        required = set(node.get("required", []))
        return pa.struct(
            [
                _arrow_field(name, child, root, required=name in required)
                for name, child in node["properties"].items()
            ]
        )
    raise ValueError(f"no Arrow type for JSON type {kind!r}")


def arrow_field(
    name: str, node: JSONSchema, root: JSONSchema | None = None, *, required: bool
) -> pa.Field:
    """One Arrow field for a schema node: nullable when the node allows null or is optional."""
    return _arrow_field(name, node, root if root is not None else load_schema(), required=required)


def _arrow_field(name: str, node: JSONSchema, root: JSONSchema, *, required: bool) -> pa.Field:
    node = resolve(node, root)
    _, nullable = types_of(node)
    metadata = {"description": node["description"]} if "description" in node else None
    return pa.field(
        name, _arrow_type(node, root), nullable=nullable or not required, metadata=metadata
    )


@functools.cache
def arrow_schema() -> pa.Schema:
    """The Arrow (and Parquet) schema of a record, derived from the JSON Schema."""
    root = load_schema()
    required = set(root["required"])
    fields = [
        _arrow_field(name, node, root, required=name in required)
        for name, node in root["properties"].items()
    ]
    return pa.schema(fields, metadata={"schema_version": schema_version()})


def hf_feature(node: JSONSchema, root: JSONSchema | None = None) -> Any:
    """The Hugging Face `datasets` feature of a schema node, built the way `_arrow_type` builds
    the Arrow type, so the two agree by construction (`datasets` is imported here and only
    here: the converter never pays for it)."""
    from datasets import List, Value

    root = root if root is not None else load_schema()
    node = resolve(node, root)
    kind, _ = types_of(node)
    if kind in _SCALARS:
        return Value(str(_SCALARS[kind]))
    if kind == "array":
        return List(hf_feature(node["items"], root))
    if kind == "object":
        return {name: hf_feature(child, root) for name, child in node["properties"].items()}
    raise ValueError(f"no datasets feature for JSON type {kind!r}")


def hf_features() -> Any:
    """`datasets.Features` of a record, column for column the same as `arrow_schema()`.

    `datasets` has no non-nullable types, so nullability lives in the Parquet files only."""
    from datasets import Features

    root = load_schema()
    return Features({name: hf_feature(node, root) for name, node in root["properties"].items()})


def node_at(path: str, root: JSONSchema | None = None) -> JSONSchema:
    """The schema node of a dotted field path as `field_docs` prints it (`quotes[].speaker`)."""
    root = root if root is not None else load_schema()
    node: JSONSchema = root
    for part in path.split("."):
        node = resolve(node, root)
        if part.endswith("[]"):
            node = resolve(node["properties"][part[:-2]], root)["items"]
        else:
            node = node["properties"][part]
    return resolve(node, root)


def field_docs(root: JSONSchema | None = None) -> Iterator[tuple[str, str, str]]:
    """(dotted path, type, description) for every field, depth first: feeds the README table."""
    root = root if root is not None else load_schema()

    def walk(prefix: str, node: JSONSchema) -> Iterator[tuple[str, str, str]]:
        node = resolve(node, root)
        kind, nullable = types_of(node)
        shown = kind
        if kind == "array":
            item = resolve(node["items"], root)
            item_kind, _ = types_of(item)
            shown = f"array of {item_kind}"
        if nullable:
            shown += " or null"
        yield prefix, shown, node.get("description", "")
        if kind == "object":
            for name, child in node["properties"].items():
                yield from walk(f"{prefix}.{name}", child)
        elif kind == "array":
            item = resolve(node["items"], root)
            if types_of(item)[0] == "object":
                for name, child in item["properties"].items():
                    yield from walk(f"{prefix}[].{name}", child)

    for name, node in root["properties"].items():
        yield from walk(name, node)
