"""Helpers for the annotate tests: records from fixture dumps, and annotations as a person
would leave them (built from the converter's own prediction, then edited)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from tests.test_gold import convert_file
from toolkit.annotate import labels as L
from toolkit.annotate.convert import Meta, to_record
from toolkit.annotate.tasks import prediction_result, task_data

Record = dict[str, Any]


def records_of(dump: Path) -> list[Record]:
    return convert_file(dump)


def human(record: Record, result: list[Record] | None = None, **meta: Any) -> Record:
    """The annotation record a person makes by submitting `result` (default: the prediction)."""
    task = {"id": meta.pop("task_id", 1), "data": task_data(record, "test")}
    defaults: dict[str, Any] = {"annotation_id": 1, "kind": "annotation", "annotator": "ann@x.org"}
    made = to_record(
        task,
        result if result is not None else prediction_result(record),
        Meta(**{**defaults, **meta}),
    )
    assert isinstance(made, dict), made
    return made


def edited(record: Record) -> list[Record]:
    return copy.deepcopy(prediction_result(record))


def quote_regions(result: list[Record]) -> list[Record]:
    return [r for r in result if r.get("type") == "labels" and r["value"]["labels"] == [L.QUOTE]]
