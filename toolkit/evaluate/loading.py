"""Load predictions (records) and gold, and pair each record with its gold article.

Gold files are named after their dump (`seed.json` for `seed.txt`) and hold one gold object,
or a list for a dump with several articles; records are paired by their source file's stem
and their order in that file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import orjson

from toolkit.errors import InputError
from toolkit.records.files import read_records

__all__ = ["Pair", "pair_up", "read_gold", "read_records"]

Record = dict[str, Any]


@dataclass
class Pair:
    name: str  # gold file stem, plus `#k` for the k-th article of a multi-article dump
    record: Record | None  # None: the converter produced no record for this gold article
    gold: Record


def read_gold(path: Path) -> dict[str, list[Record]]:
    """Gold articles by dump name, from a folder of gold files or one gold file."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files or not all(f.is_file() for f in files):
        raise InputError(f"no gold .json files at {str(path)!r}. Pass a gold folder or file.")
    gold: dict[str, list[Record]] = {}
    for file in files:
        try:
            value = orjson.loads(file.read_bytes())
        except orjson.JSONDecodeError as exc:
            raise InputError(f"gold file {str(file)!r} is not valid JSON ({exc}).") from exc
        gold[file.stem] = value if isinstance(value, list) else [value]
    return gold


def _dump_name(record: Record) -> str:
    path = str(record.get("source", {}).get("path", ""))
    member = path.rsplit("!", 1)[-1]
    name = PurePosixPath(member.replace("\\", "/")).name
    for suffix in (".gz", ".txt"):
        name = name.removesuffix(suffix)
    return name


def pair_up(records: list[Record], gold: dict[str, list[Record]]) -> Iterator[Pair]:
    by_name: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_name[_dump_name(record)].append(record)
    for name, golds in sorted(gold.items()):
        found = sorted(by_name.get(name, []), key=lambda r: r["source"]["offset"])
        for k, gold_article in enumerate(golds):
            label = name if len(golds) == 1 else f"{name}#{k}"
            yield Pair(label, found[k] if k < len(found) else None, gold_article)
