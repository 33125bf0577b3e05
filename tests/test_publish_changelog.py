"""Changelog pieces: record and schema differences."""

from __future__ import annotations

import copy

from toolkit.publish.changelog import SHOWN_IDS, diff_records, diff_schemas, entry
from toolkit.publish.data import ArticleEntry
from toolkit.schema import load_schema


def test_records_are_compared_by_id_and_digest() -> None:
    before = {"a": ArticleEntry("train", "1"), "b": ArticleEntry("test", "2")}
    after = {"b": ArticleEntry("test", "3"), "c": ArticleEntry("train", "4")}
    changes = diff_records(before, after)
    assert (changes.added, changes.removed, changes.changed) == (["c"], ["a"], ["b"])


def test_schema_changes_are_named() -> None:
    before = load_schema()
    after = copy.deepcopy(before)
    after["schema_version"] = "9.0.0"
    after["properties"]["mood"] = {"description": "New.", "type": "string"}
    del after["properties"]["tags"]
    after["properties"]["comments_count"]["type"] = "string"
    lines = diff_schemas(before, after)
    assert lines[0] == f"schema {before['schema_version']} → 9.0.0"
    assert "field added: `mood` (string)" in lines
    assert "field removed: `tags`" in lines
    assert "field type changed: `comments_count`: integer or null → string" in lines


def test_long_id_lists_are_cut_and_point_to_the_full_list() -> None:
    changes = diff_records({}, {f"nb-{i:020x}": ArticleEntry("train", "x") for i in range(80)})
    text = entry("2.0.0", "2026-01-01", "1.0.0", changes, 80)
    assert f"and {80 - SHOWN_IDS} more (all in `meta/changes.json`)" in text
