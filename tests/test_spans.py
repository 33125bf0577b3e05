"""Every extracted value can be traced back: its span in `source_text` holds that value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import fixture_pairs
from tests.test_gold import records_of

DUMPS = [dump for dump, _ in fixture_pairs()]


def _value_at(record: dict[str, Any], pointer: str) -> Any:
    value: Any = record
    for part in pointer.strip("/").split("/"):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


@pytest.mark.parametrize("dump", DUMPS, ids=[d.stem for d in DUMPS])
def test_scalar_spans_hold_their_values(dump: Path) -> None:
    for record in records_of(dump):
        text = record["source_text"]
        checked = 0
        for span in record["spans"]:
            value = _value_at(record, span["path"])
            if isinstance(value, str):
                assert text[span["start"] : span["end"]] == value, span["path"]
                checked += 1
            elif isinstance(value, int):
                assert str(value) in text[span["start"] : span["end"]], span["path"]
        assert checked > 10


@pytest.mark.parametrize("dump", DUMPS, ids=[d.stem for d in DUMPS])
def test_every_paragraph_and_image_has_a_span(dump: Path) -> None:
    for record in records_of(dump):
        paths = {span["path"] for span in record["spans"]}
        for s, section in enumerate(record["sections"]):
            for p in range(len(section["paragraphs"])):
                assert f"/sections/{s}/paragraphs/{p}" in paths
        for i, image in enumerate(record["images"]):
            assert f"/images/{i}/url" in paths
            if image["credit"] is not None:
                assert f"/images/{i}/credit" in paths
