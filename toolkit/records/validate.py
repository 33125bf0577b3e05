"""Record validation against the JSON Schema.

Pure-Python `jsonschema` costs about 1.5 ms per record, which would make validation the
converter's bottleneck. So the schema is compiled once into nested Python closures that answer
"valid or not" in a few microseconds; only a record that fails that check goes through
`jsonschema`, which stays the reference for what is wrong and where. The compiler refuses any
keyword it does not implement, so a schema edit can never be silently ignored.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import jsonschema

from toolkit.schema import JSONSchema, load_schema

Check = Callable[[Any], bool]

# Keywords that only annotate: they never change whether a value is valid.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "title", "description", "schema_version", "format", "examples"}
)
_HANDLED = frozenset(
    {"type", "properties", "required", "additionalProperties", "items", "enum", "const",
     "pattern", "minLength", "minimum", "$ref"}
)


def _is_type(kind: str) -> Check:
    if kind == "string":
        return lambda v: type(v) is str
    if kind == "integer":
        return lambda v: type(v) is int
    if kind == "number":
        return lambda v: type(v) in (int, float)
    if kind == "boolean":
        return lambda v: type(v) is bool
    if kind == "null":
        return lambda v: v is None
    if kind == "array":
        return lambda v: type(v) is list
    if kind == "object":
        return lambda v: type(v) is dict
    raise ValueError(f"unknown JSON type {kind!r}")


def _compile(node: JSONSchema, root: JSONSchema) -> Check:  # noqa: C901 - one branch per keyword
    unknown = set(node) - _ANNOTATIONS - _HANDLED
    if unknown:
        raise ValueError(f"the fast validator does not implement {sorted(unknown)}")
    checks: list[Check] = []
    if "$ref" in node:
        ref = node["$ref"]
        target: Any = root
        for part in ref[2:].split("/"):
            target = target[part]
        checks.append(_compile(target, root))
    if "type" in node:
        kinds = [node["type"]] if isinstance(node["type"], str) else node["type"]
        tests = [_is_type(k) for k in kinds]
        checks.append(lambda v: any(t(v) for t in tests))
    if "enum" in node:
        allowed = node["enum"]
        checks.append(lambda v: any(v == a and type(v) is type(a) for a in allowed))
    if "const" in node:
        const = node["const"]
        checks.append(lambda v: v == const)
    if "pattern" in node:
        search = re.compile(node["pattern"]).search
        checks.append(lambda v: type(v) is not str or search(v) is not None)
    if "minLength" in node:
        low = node["minLength"]
        checks.append(lambda v: type(v) is not str or len(v) >= low)
    if "minimum" in node:
        floor = node["minimum"]
        checks.append(lambda v: type(v) not in (int, float) or type(v) is bool or v >= floor)
    if "items" in node:
        item = _compile(node["items"], root)
        checks.append(lambda v: type(v) is not list or all(item(x) for x in v))
    if "properties" in node or "required" in node or "additionalProperties" in node:
        checks.append(_compile_object(node, root))
    if len(checks) == 1:
        return checks[0]
    return lambda v: all(c(v) for c in checks)


def _compile_object(node: JSONSchema, root: JSONSchema) -> Check:
    props = {name: _compile(child, root) for name, child in node.get("properties", {}).items()}
    required = tuple(node.get("required", ()))
    closed = node.get("additionalProperties", True) is False
    if not isinstance(node.get("additionalProperties", True), bool):
        raise ValueError("the fast validator supports additionalProperties: true/false only")
    known = frozenset(props)

    def check(v: Any) -> bool:
        if type(v) is not dict:
            return True
        for name in required:
            if name not in v:
                return False
        if closed and not known.issuperset(v):
            return False
        for name, value in v.items():
            sub = props.get(name)
            if sub is not None and not sub(value):
                return False
        return True

    return check


@functools.cache
def fast_check() -> Check:
    """A compiled predicate: True when a record is valid against the schema."""
    root = load_schema()
    return _compile(root, root)


@functools.cache
def _reference_validator() -> jsonschema.protocols.Validator:
    schema = load_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class SchemaError:
    """One way a record breaks the schema."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def iter_errors(record: Any) -> Iterator[SchemaError]:
    """Every schema violation of `record`, with its JSON path (`$.images[0].url`)."""
    if fast_check()(record):
        return
    errors = sorted(_reference_validator().iter_errors(record), key=lambda e: list(e.path))
    for error in errors:
        yield SchemaError(error.json_path, error.message)


def is_valid(record: Any) -> bool:
    return fast_check()(record)
