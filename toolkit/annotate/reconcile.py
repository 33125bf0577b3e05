"""Carry existing annotations over to a task whose text changed.

Tasks are keyed by article id, and the id hashes the page's lines stripped of surrounding
whitespace, so the same id with another text almost always means only indentation, trailing
spaces or line endings changed: then every offset maps exactly, line by line. Otherwise a
region whose words are still at its offsets stays, one whose words now occur exactly once
elsewhere moves there, and any other region is dropped (with the relations that use it) and
reported, because guessing would put a person's judgement on words they never saw.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from toolkit.annotate.offsets import OffsetMap

Result = dict[str, Any]


@dataclass(frozen=True)
class Dropped:
    article_id: str
    annotation_id: int
    label: str
    text: str


@dataclass
class Outcome:
    result: list[Result]
    moved: int
    dropped: list[Dropped]


def reconcile(
    result: list[Result], old_text: str, new_text: str, article_id: str, annotation_id: int
) -> Outcome:
    old_map, new_map = OffsetMap(old_text), OffsetMap(new_text)
    by_line = _line_mapping(old_text, new_text)
    places: dict[str, tuple[int, int] | None] = {}
    dropped: list[Dropped] = []
    moved = 0
    for item in result:
        value = item.get("value", {})
        if item.get("type") != "labels" or "start" not in value:
            continue
        start, end = old_map.to_py(value["start"]), old_map.to_py(value["end"])
        words = old_text[start:end]
        place = _by_line(by_line, start, end, words, new_text) or _place(words, start, new_text)
        places[item["id"]] = place
        if place is None:
            label = (value.get("labels") or ["?"])[0]
            dropped.append(Dropped(article_id, annotation_id, label, words))
        elif place[0] != start:
            moved += 1
    kept: list[Result] = []
    for item in result:
        if item.get("type") == "relation":
            if places.get(item["from_id"], (0, 0)) and places.get(item["to_id"], (0, 0)):
                kept.append(item)
            continue
        value = item.get("value", {})
        if "start" not in value:
            kept.append(item)  # task-level choices such as the verdict
            continue
        place = places.get(item.get("id", ""))
        if place is None:
            continue
        moved_value = {**value, "start": new_map.to_js(place[0]), "end": new_map.to_js(place[1])}
        if item.get("type") == "labels":
            moved_value["text"] = new_text[place[0] : place[1]]
        kept.append({**item, "value": moved_value})
    return Outcome(kept, moved, dropped)


def _place(words: str, start: int, new_text: str) -> tuple[int, int] | None:
    if not words:
        return None
    if new_text[start : start + len(words)] == words:
        return start, start + len(words)
    first = new_text.find(words)
    if first < 0 or new_text.find(words, first + 1) >= 0:
        return None
    return first, first + len(words)


def _line_mapping(old: str, new: str) -> Callable[[int], int] | None:
    """Offset map when both texts have the same lines up to surrounding whitespace."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    if len(old_lines) != len(new_lines):
        return None
    if any(a.strip() != b.strip() for a, b in zip(old_lines, new_lines, strict=True)):
        return None
    old_starts = _starts(old_lines)
    new_starts = _starts(new_lines)

    def move(offset: int) -> int:
        i = bisect.bisect_right(old_starts, offset) - 1
        line = old_lines[i]
        lead = len(line) - len(line.lstrip())
        column = min(max(offset - old_starts[i] - lead, 0), len(line.strip()))
        target = new_lines[i]
        return new_starts[i] + len(target) - len(target.lstrip()) + column

    return move


def _starts(lines: list[str]) -> list[int]:
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    return starts


def _by_line(
    move: Callable[[int], int] | None, start: int, end: int, words: str, new_text: str
) -> tuple[int, int] | None:
    if move is None:
        return None
    place = move(start), move(end)
    # Same words, whatever whitespace now sits between them.
    return place if new_text[place[0] : place[1]].split() == words.split() else None
