"""Record validation against the JSON Schema.

Pure-Python `jsonschema` costs about 1.5 ms per record, which would make validation the
converter's bottleneck. So a schema is turned into one Python function of plain `if`
statements that answers "valid or not" in microseconds; only a value that fails that check
goes through `jsonschema`, which stays the reference for what is wrong and where. The
generator refuses any keyword it does not implement, so a schema edit can never be silently
ignored. For the article schema the function is written to `toolkit/records/checker.py`
(scripts/gen_checker.py) and compiled with the rest of the hot code; it is used only while
made from the schema on disk.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import jsonschema

from toolkit.compiled import Accelerated
from toolkit.schema import JSONSchema, load_schema

Check = Callable[[Any], bool]

# Keywords that only annotate: they never change whether a value is valid.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "title", "description", "schema_version", "format", "examples"}
)
_HANDLED = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "enum",
        "const",
        "pattern",
        "minLength",
        "minimum",
        "$ref",
    }
)


_HASHABLE = frozenset({"string", "integer", "number", "boolean", "null"})
_SELF_EQUAL = frozenset({"string", "null"})
_SCALARS = (str, int, float, bool)
_TYPE_TEST = {
    "string": "type({v}) is str",
    "integer": "type({v}) is int",
    "number": "type({v}) in (int, float)",
    "boolean": "type({v}) is bool",
    "null": "{v} is None",
    "array": "type({v}) is list",
    "object": "type({v}) is dict",
}


class _Generator:
    """Writes the schema as one Python function of plain `if` statements: several times
    faster than interpreting the schema, which matters at thousands of records a second."""

    def __init__(self, root: JSONSchema) -> None:
        self.root = root
        self.lines: list[str] = []
        self.constants: dict[str, Any] = {}
        self.counter = 0

    def name(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def const(self, value: Any) -> str:
        key = self.name("_c")
        self.constants[key] = value
        return key

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    def node(self, node: JSONSchema, v: str, depth: int) -> None:
        unknown = set(node) - _ANNOTATIONS - _HANDLED
        if unknown:
            raise ValueError(f"the fast validator does not implement {sorted(unknown)}")
        if "$ref" in node:
            target: Any = self.root
            for part in node["$ref"][2:].split("/"):
                target = target[part]
            self.node(target, v, depth)
        kinds = node.get("type")
        kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
        if kinds:
            test = " or ".join(_TYPE_TEST[k].format(v=v) for k in kinds)
            self.emit(depth, f"if not ({test}): return False")
        if "enum" in node:
            values = node["enum"]
            if (
                kinds
                and set(kinds) <= _SELF_EQUAL
                and all(type(a) in (str, type(None)) for a in values)
            ):
                # Strings and None equal only values of their own type: plain membership
                # says the same as the (type, value) pairs below, without building a tuple.
                self.emit(depth, f"if {v} not in {self.const(frozenset(values))}: return False")
            elif (
                kinds
                and set(kinds) <= _HASHABLE
                and all(a is None or type(a) in _SCALARS for a in values)
            ):
                # The type test above leaves only hashable values: one set lookup of (type,
                # value) pairs says the same as the loop below, without a generator per value.
                pairs = self.const(frozenset((type(a), a) for a in values))
                self.emit(depth, f"if (type({v}), {v}) not in {pairs}: return False")
            else:
                allowed = self.const(tuple(node["enum"]))
                self.emit(
                    depth,
                    f"if not any({v} == a and type({v}) is type(a) for a in {allowed}): "
                    "return False",
                )
        if "const" in node:
            self.emit(depth, f"if {v} != {self.const(node['const'])}: return False")
        rest = [k for k in kinds if k != "null"]
        if "null" in kinds:
            self.emit(depth, f"if {v} is not None:")
            depth += 1
            self.emit(depth, "pass")
        self._constraints(node, v, depth, rest)

    def _constraints(self, node: JSONSchema, v: str, depth: int, kinds: list[str]) -> None:
        def guard(kind: str) -> int:
            if kinds == [kind]:
                return depth
            self.emit(depth, f"if {_TYPE_TEST[kind].format(v=v)}:")
            return depth + 1

        if "pattern" in node:
            self._pattern(node["pattern"], v, guard("string"))
        if "minLength" in node:
            self.emit(guard("string"), f"if len({v}) < {int(node['minLength'])}: return False")
        if "minimum" in node:
            d = guard("integer") if "integer" in kinds else guard("number")
            self.emit(d, f"if {v} < {node['minimum']!r}: return False")
        if "items" in node:
            d = guard("array")
            item = self.name("i")
            self.emit(d, f"for {item} in {v}:")
            self.emit(d + 1, "pass")
            self.node(node["items"], item, d + 1)
        if {"properties", "required", "additionalProperties"} & set(node):
            self._object(node, v, guard("object"))

    def _pattern(self, pattern: str, v: str, depth: int) -> None:
        pieces = _fixed_pattern(pattern)
        if pieces is None:
            self.emit(
                depth, f"if {self.const(re.compile(pattern).search)}({v}) is None: return False"
            )
            return
        # A fixed-length pattern is cheaper as a length test and one test per character
        # (mypyc reads `ord(s[i])` in place) than as a regex call that builds a match object.
        # `$` also matches before a final newline, so one trailing "\n" is allowed too.
        size = sum(count for _, count in pieces)
        self.emit(
            depth,
            f"if not (len({v}) == {size} or len({v}) == {size + 1} and ord({v}[{size}]) == 10): "
            "return False",
        )
        char = self.name("c")
        start = 0
        for ranges, count in pieces:
            test = " or ".join(
                f"{char} == {lo}" if lo == hi else f"{lo} <= {char} <= {hi}" for lo, hi in ranges
            )
            if count == 1:
                self.emit(depth, f"{char} = ord({v}[{start}])")
                self.emit(depth, f"if not ({test}): return False")
            elif count > 1:
                index = self.name("k")
                self.emit(depth, f"for {index} in range({start}, {start + count}):")
                self.emit(depth + 1, f"{char} = ord({v}[{index}])")
                self.emit(depth + 1, f"if not ({test}): return False")
            start += count

    def _object(self, node: JSONSchema, v: str, depth: int) -> None:
        extra = node.get("additionalProperties", True)
        if not isinstance(extra, bool):
            raise ValueError("the fast validator supports additionalProperties: true/false")
        required = list(dict.fromkeys(node.get("required", [])))
        props = node.get("properties", {})
        for key in required:
            if key not in props:
                self.emit(depth, f"if {key!r} not in {v}: return False")
        # A closed object is proved by counting instead of comparing key sets (which hashes
        # and looks up every key once more): its keys are exactly its properties present
        # when their number is len(v). Each property is fetched once, with a sentinel so a
        # missing key is one pointer test rather than a second lookup.
        count = sum(key in props for key in required)
        counter = None
        if extra is False:
            if len(props) == count:
                self.emit(depth, f"if len({v}) != {count}: return False")
            else:
                counter = self.name("n")
                self.emit(depth, f"{counter} = {count}")
        for key, child in props.items():
            child_var = self.name("p")
            self.emit(depth, f"{child_var} = {v}.get({key!r}, _ABSENT)")
            if key in required:
                self.emit(depth, f"if {child_var} is _ABSENT: return False")
                self.node(child, child_var, depth)
            else:
                self.emit(depth, f"if {child_var} is not _ABSENT:")
                if counter:
                    self.emit(depth + 1, f"{counter} += 1")
                else:
                    self.emit(depth + 1, "pass")
                self.node(child, child_var, depth + 1)
        if counter:
            self.emit(depth, f"if len({v}) != {counter}: return False")


# One piece of a fixed-length pattern: a character class of ASCII letters and digits
# (`[0-9a-f]`), such a character, or an escaped `.`/`-`, with an optional `{n}`.
_PIECE = re.compile(
    r"(?:\[((?:[0-9A-Za-z](?:-[0-9A-Za-z])?)+)\]|([0-9A-Za-z-])|\\([.-]))(?:\{([0-9]{1,3})\})?"
)
_CLASS_RANGE = re.compile(r"([0-9A-Za-z])(?:-([0-9A-Za-z]))?")
Pieces = list[tuple[list[tuple[int, int]], int]]


def _fixed_pattern(pattern: str) -> Pieces | None:
    """`^...$` patterns made only of `_PIECE`s, as (character ranges, count) pairs; None for
    any other pattern (it stays a regex)."""
    if not (pattern.startswith("^") and pattern.endswith("$")) or pattern.endswith("\\$"):
        return None
    body, pos, pieces = pattern[1:-1], 0, []
    while pos < len(body):
        piece = _PIECE.match(body, pos)
        if piece is None:
            return None
        klass, char, escaped, count = piece.groups()
        if klass is not None:
            ranges = [(ord(lo), ord(hi or lo)) for lo, hi in _CLASS_RANGE.findall(klass)]
            if any(lo > hi for lo, hi in ranges):
                return None
        else:
            ranges = [(ord(char or escaped),) * 2]
        pieces.append((ranges, int(count or 1)))
        pos = piece.end()
    return pieces


_TYPE_NAMES = {str: "str", int: "int", float: "float", bool: "bool", type(None): "type(None)"}


def _literal(value: Any) -> str:
    """Python source for one of the generator's constants."""
    if isinstance(getattr(value, "__self__", None), re.Pattern):
        return f"re.compile({value.__self__.pattern!r}).search"
    if isinstance(value, frozenset):
        items = sorted(
            (f"({_TYPE_NAMES[v[0]]}, {v[1]!r})" if isinstance(v, tuple) else repr(v)) for v in value
        )
        return "frozenset({" + ", ".join(items) + "})"
    return repr(value)


def schema_digest(schema: JSONSchema) -> str:
    """SHA-256 of a schema's content (key order and layout do not count)."""
    return hashlib.sha256(json.dumps(schema, sort_keys=True).encode("utf-8")).hexdigest()


def checker_source(schema: JSONSchema, origin: str = "a JSON Schema") -> str:
    """A Python module whose `check(value)` says whether `value` is valid against `schema`
    (the subset of JSON Schema this project uses)."""
    gen = _Generator(schema)
    gen.emit(0, "def check(v0: Any) -> bool:")
    gen.node(schema, "v0", 1)
    gen.emit(1, "return True")
    constants = [f"{name}: Final = {_literal(value)}" for name, value in gen.constants.items()]
    return "\n".join(
        [
            f'"""Generated from {origin} by scripts/gen_checker.py: do not edit."""',
            "",
            "import re",
            "from typing import Any, Final",
            "",
            f'SCHEMA_SHA256 = "{schema_digest(schema)}"',
            "_ABSENT: Final = object()",
            *constants,
            "",
            "",
            *gen.lines,
            "",
        ]
    )


def compile_schema(schema: JSONSchema) -> Check:
    """Compile a JSON Schema (the subset this project uses) into a fast predicate."""
    namespace: dict[str, Any] = {}
    exec(compile(checker_source(schema), "<schema-validator>", "exec"), namespace)
    check: Check = namespace["check"]
    return check


class SchemaValidator:
    """One schema's compiled predicate, with `jsonschema` (built on first need) to say what is
    wrong with a value the predicate refuses."""

    def __init__(self, schema: JSONSchema, check: Check | None = None) -> None:
        self.schema = schema
        self.check = check or compile_schema(schema)

    @functools.cached_property
    def reference(self) -> jsonschema.protocols.Validator:
        cls = jsonschema.validators.validator_for(self.schema)
        cls.check_schema(self.schema)
        return cls(self.schema)

    def iter_errors(self, value: Any) -> Iterator[SchemaError]:
        """Every violation, with its JSON path (`$.images[0].url`), in path order."""
        if self.check(value):
            return
        for error in sorted(self.reference.iter_errors(value), key=lambda e: list(e.path)):
            yield SchemaError(error.json_path, error.message)


CHECKER = Accelerated("toolkit.records", ("checker",))


def generated_check(schema: JSONSchema) -> Check | None:
    """The generated (and, when built, compiled) checker, if it was made from `schema`."""
    module, _ = CHECKER.load("checker")
    if getattr(module, "SCHEMA_SHA256", None) != schema_digest(schema):
        return None
    check: Check = module.check
    return check


@functools.cache
def article_validator() -> SchemaValidator:
    schema = load_schema()
    return SchemaValidator(schema, generated_check(schema))


def fast_check() -> Check:
    """A compiled predicate: True when a record is valid against the article schema."""
    return article_validator().check


@dataclass(frozen=True)
class SchemaError:
    """One way a record breaks the schema."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def iter_errors(record: Any) -> Iterator[SchemaError]:
    """Every schema violation of `record`, with its JSON path (`$.images[0].url`)."""
    return article_validator().iter_errors(record)


def is_valid(record: Any) -> bool:
    return article_validator().check(record)
