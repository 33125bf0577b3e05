"""The compiled validator and `jsonschema` agree on valid and broken records (property test)."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DUMPS
from tests.test_gold import records_of
from toolkit.records.validate import fast_check
from toolkit.schema import load_schema

BASE = records_of(DUMPS / "three_authors_several_images.txt")[0]
REFERENCE = jsonschema.Draft202012Validator(load_schema())
ODD_VALUES = st.sampled_from([None, 0, -1, 1.5, True, "", "x", [], {}, ["x"], {"a": 1}])


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value[:3]):
            found += _paths(child, (*prefix, i))
    return found


PATHS = [p for p in _paths(BASE) if p]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATHS), ODD_VALUES, st.booleans())
def test_fast_and_reference_validators_agree(
    path: tuple[Any, ...], value: Any, delete: bool
) -> None:
    record = copy.deepcopy(BASE)
    parent: Any = record
    for part in path[:-1]:
        parent = parent[part]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    assert fast_check()(record) == REFERENCE.is_valid(record)


def test_extra_field_is_invalid() -> None:
    record = copy.deepcopy(BASE)
    record["surprise"] = 1
    assert not fast_check()(record)
    assert not REFERENCE.is_valid(record)
