"""The shortcuts of the generated checker (key counting instead of key-set compares, patterns
as character tests, plain enum membership) give `jsonschema`'s verdicts, also on the values
the old forms refused for other reasons: extra keys standing in for required ones, non-str
keys, trailing newlines, non-ASCII digits."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_validator_agrees import BASE, REFERENCE
from toolkit.records.validate import _fixed_pattern, compile_schema, fast_check
from toolkit.schema import load_schema

PURE = compile_schema(load_schema())
Edit = Callable[[dict[str, Any]], None]


def _swap(path: tuple[Any, ...], old: str, new: Any) -> Edit:
    """Replace key `old` of the object at `path` by `new`, keeping its value and the length."""

    def edit(record: dict[str, Any]) -> None:
        target: Any = record
        for part in path:
            target = target[part]
        target[new] = target.pop(old)

    return edit


def _set(path: tuple[Any, ...], value: Any) -> Edit:
    def edit(record: dict[str, Any]) -> None:
        target: Any = record
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return edit


QUOTE = ("quotes", 0)
BROKEN = {
    "top key renamed": _swap((), "title", "titel"),
    "top key made non-str": _swap((), "title", 1),
    "source key renamed": _swap(("source",), "sha256", "sha"),
    "span key renamed": _swap(("spans", 0), "end", "stop"),
    "quote key renamed": _swap(QUOTE, "cue", "cues"),
    "quote span key non-str": _swap((*QUOTE, "span"), "start", 0),
    "sha256 too short": _set(("source", "sha256"), "a" * 63),
    "sha256 upper case": _set(("source", "sha256"), "A" * 64),
    "sha256 two newlines": _set(("source", "sha256"), "a" * 64 + "\n\n"),
    "sha256 trailing space": _set(("source", "sha256"), "a" * 64 + " "),
    "sha256 newline in place of a digit": _set(("source", "sha256"), "a" * 63 + "\n"),
    "id with a g": _set(("id",), "nb-" + "g" * 20),
    "id leading newline": _set(("id",), "\nnb-" + "0" * 20),
    "date with Arabic digits": _set(("crawl_date",), "\u0662021-01-01"),
    "date with a slash": _set(("crawl_date",), "2021/01/01"),
    "speaker kind with newline": _set((*QUOTE, "speaker_kind"), "person\n"),
    "speaker kind capitalised": _set((*QUOTE, "speaker_kind"), "Person"),
    "format not a string": _set(("source", "format"), 1),
}
ALSO_VALID = {
    "sha256 with trailing newline": _set(("source", "sha256"), "a" * 64 + "\n"),
    "id with trailing newline": _set(("id",), "nb-" + "0" * 20 + "\n"),
    "published date with trailing newline": _set(("published_date",), "2021-12-03\n"),
    "no speaker kind": _set((*QUOTE, "speaker_kind"), None),
}


@pytest.mark.parametrize("check", [fast_check(), PURE], ids=["compiled", "pure"])
@pytest.mark.parametrize("name", [*BROKEN, *ALSO_VALID])
def test_edited_record_gets_the_reference_verdict(check: Callable[[Any], bool], name: str) -> None:
    record = copy.deepcopy(BASE)
    assert record["quotes"] and record["spans"]
    (BROKEN | ALSO_VALID)[name](record)
    assert check(record) == REFERENCE.is_valid(record) == (name in ALSO_VALID)


SCHEMAS: dict[str, dict[str, Any]] = {
    "optional properties": {
        "type": "object",
        "additionalProperties": False,
        "required": ["a"],
        "properties": {"a": {"type": "string"}, "b": {"type": ["integer", "null"]}},
    },
    "required key without a property": {
        "type": "object",
        "required": ["a", "c"],
        "properties": {"a": {"type": ["string", "null"]}, "b": {}},
    },
    "closed, required key without a property": {
        "type": "object",
        "additionalProperties": False,
        "required": ["a", "c"],
        "properties": {"a": {}, "b": {}},
    },
    "untyped properties": {
        "type": "object",
        "additionalProperties": False,
        "required": ["a", "b"],
        "properties": {"a": {}, "b": {"const": None}},
    },
    "patterns": {
        "type": "object",
        "properties": {
            "a": {"type": "string", "pattern": "^x[0-9a-c]{2}\\.-$"},
            "b": {"type": ["string", "null"], "pattern": "^$"},
            "c": {"type": "string", "pattern": "^[0-9]+$"},
        },
    },
}
KEYS = st.sampled_from(["a", "b", "c", 1, True])
VALUES: st.SearchStrategy[Any] = st.sampled_from(
    [None, 0, 1, True, "", "\n", "x", "x12.-", "x1c.-\n", "x1d.-", "X12.-", "12", "12\n", {}, []]
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(SCHEMAS)), st.dictionaries(KEYS, VALUES, max_size=4))
def test_small_schemas_agree_with_jsonschema(name: str, value: dict[Any, Any]) -> None:
    schema = SCHEMAS[name]
    reference = jsonschema.Draft202012Validator(schema)
    assert compile_schema(schema)(value) == reference.is_valid(value)


@pytest.mark.parametrize(
    "pattern", ["^[0-9]+$", "^a|b$", "^[a-]$", "^a\\$", "^[z-a]$", "a{2}$", "^a*$", "^\\d$"]
)
def test_patterns_outside_the_fixed_subset_stay_regexes(pattern: str) -> None:
    assert _fixed_pattern(pattern) is None
