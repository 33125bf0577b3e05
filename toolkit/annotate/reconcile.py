"""Carry existing annotations over to a task whose text changed.

A region whose words are still at its offsets stays; one whose words now occur exactly once
elsewhere moves there; any other region is dropped (with the relations that use it) and
reported, because guessing would put a person's judgement on words they never saw.
"""

from __future__ import annotations

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
    places: dict[str, tuple[int, int] | None] = {}
    dropped: list[Dropped] = []
    moved = 0
    for item in result:
        value = item.get("value", {})
        if item.get("type") != "labels" or "start" not in value:
            continue
        start, end = old_map.to_py(value["start"]), old_map.to_py(value["end"])
        words = old_text[start:end]
        place = _place(words, start, new_text)
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
        kept.append(
            {
                **item,
                "value": {
                    **value,
                    "start": new_map.to_js(place[0]),
                    "end": new_map.to_js(place[1]),
                },
            }
        )
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
