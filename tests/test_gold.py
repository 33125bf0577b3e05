"""The converter reproduces the hand-made gold of every fixture and reference dump, field by
field (quotes are the quote extractor's job and are scored by its own gate)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import fixture_pairs, load_gold, require_reference
from toolkit.records.build import Origin, build_record
from toolkit.sources.documents import decode, split_documents

# gold name -> record name (shared/reference/README.md)
FIELDS = {
    "date": "crawl_date",
    "category": "category",
    "title": "title",
    "authors": "authors",
    "publisher": "publisher",
    "published_relative": "published_raw",
    "images": "images",
    "sections": "sections",
    "comments_count": "comments_count",
    "related_people": "entities",
    "tags": "tags",
    "related_articles": "related_articles",
    "publisher_profile": "publisher_profile",
    "also_like_chips": "topics",
}
PAIRS = fixture_pairs()
CASES = [(dump, gold, field) for dump, gold in PAIRS for field in FIELDS]


def convert_file(path: Path) -> list[dict[str, Any]]:
    records = []
    with path.open("rb") as fh:
        for raw in split_documents(fh):
            decoded = decode(raw.data)
            origin = Origin(str(path), "0" * 64, raw.offset, len(raw.data), "txt", decoded.encoding)
            records.append(build_record(decoded.text, origin))
    return records


_cache: dict[Path, list[dict[str, Any]]] = {}


def records_of(path: Path) -> list[dict[str, Any]]:
    if path not in _cache:
        _cache[path] = convert_file(path)
    return _cache[path]


def test_reference_set_is_present() -> None:
    require_reference()
    assert any("shared" in str(d) for d, _ in PAIRS)


def test_every_fixture_has_gold() -> None:
    assert PAIRS, "no fixture dumps found"
    for dump, gold in PAIRS:
        assert gold.is_file(), f"{dump.name} has no gold file"


@pytest.mark.parametrize(
    ("dump", "gold", "field"),
    CASES,
    ids=[f"{d.parent.parent.name}/{d.stem}:{f}" for d, _, f in CASES],
)
def test_field_matches_gold(dump: Path, gold: Path, field: str) -> None:
    records = records_of(dump)
    golds = load_gold(gold)
    assert len(records) == len(golds), "document count differs from gold"
    for record, expected in zip(records, golds, strict=True):
        assert record[FIELDS[field]] == expected[field]
