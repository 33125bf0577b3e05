"""Label Studio results -> annotation records (`schema/annotation.schema.json`).

Offsets come back in the browser's UTF-16 units and are turned into code points; every region
is checked against the task text, and an annotation with a region that does not match is
returned as a problem instead of a record.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import Any

from toolkit.annotate import labels as L
from toolkit.annotate.offsets import OffsetMap
from toolkit.annotate.tasks import text_digest
from toolkit.records.validate import SchemaValidator
from toolkit.schema import load_annotation_schema

Result = dict[str, Any]
AnnotationRecord = dict[str, Any]


@dataclass(frozen=True)
class Problem:
    """An annotation that cannot be merged: stable `code`, where it is, and why."""

    code: str
    task_id: int
    annotation_id: int
    article_id: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Meta:
    """Who and when, for one annotation or prediction."""

    annotation_id: int
    kind: str
    annotator: str
    created_at: str | None = None
    updated_at: str | None = None
    lead_time: float | None = None
    cancelled: bool = False
    ground_truth: bool = False


@dataclass(frozen=True)
class TaskText:
    """What every record of one task needs from it, worked out once for all of them."""

    task_id: int
    article: str | None
    text: str
    offsets: OffsetMap
    digest: str

    @classmethod
    def of(cls, task: dict[str, Any]) -> TaskText:
        data = task.get("data") or {}
        text = str(data.get("text", ""))
        article = data.get("article_id")
        return cls(
            int(task["id"]),
            article if isinstance(article, str) else None,
            text,
            OffsetMap(text),
            text_digest(text),
        )


def to_record(
    task: dict[str, Any] | TaskText, result: list[Result], meta: Meta
) -> AnnotationRecord | Problem:
    known = task if isinstance(task, TaskText) else TaskText.of(task)
    task_id, article, text = known.task_id, known.article, known.text
    if article is None:
        return Problem("no_article_id", task_id, meta.annotation_id, None,
                       "task data has no article_id: it was not pushed by newsdump")  # fmt: skip
    spans, problem = _spans(result, text, known.offsets)
    if problem:
        return Problem("span_mismatch", task_id, meta.annotation_id, article, problem)
    record: AnnotationRecord = {
        "article_id": article,
        "task_id": task_id,
        "annotation_id": meta.annotation_id,
        "kind": meta.kind,
        "annotator": meta.annotator,
        "created_at": meta.created_at,
        "updated_at": meta.updated_at,
        "lead_time": meta.lead_time,
        "cancelled": meta.cancelled,
        "ground_truth": meta.ground_truth,
        "verdict": _verdict(result),
        "text_sha256": known.digest,
        "spans": spans,
        "relations": _relations(result, {s["id"] for s in spans}),
    }
    error = next(_validator().iter_errors(record), None)
    if error is not None:
        return Problem("invalid", task_id, meta.annotation_id, article, str(error))
    return record


@functools.cache
def _validator() -> SchemaValidator:
    return SchemaValidator(load_annotation_schema())


def _extras(result: list[Result]) -> dict[str, dict[str, Any]]:
    """Per-region extras by region id: the typed speaker name, the partial-quote flag."""
    extras: dict[str, dict[str, Any]] = {}
    for item in result:
        tag = item.get("from_name")
        if tag == L.SPEAKER_NAME:
            value = item.get("value") or {}
            if value.get("text"):
                typed = " ".join(str(t) for t in value["text"]).strip()
                extras.setdefault(item.get("id", ""), {})["speaker_name"] = typed or None
        elif tag == L.QUOTE_KIND:
            partial = L.PARTIAL in ((item.get("value") or {}).get("choices") or [])
            extras.setdefault(item.get("id", ""), {})["partial"] = partial
    return extras


def _spans(result: list[Result], text: str, offsets: OffsetMap) -> tuple[list[Result], str]:
    extras = _extras(result)
    to_py = offsets.to_py
    size = len(text)
    spans: list[Result] = []
    for item in result:
        if item.get("type") != "labels":
            continue
        value = item.get("value") or {}
        labels = value.get("labels")
        if not labels:
            continue
        start, end = to_py(int(value["start"])), to_py(int(value["end"]))
        label = str(labels[0])
        shown = value.get("text")
        there = text[start:end]
        if not 0 <= start < end <= size or (shown is not None and there != shown):
            return [], (
                f"{label} region {item.get('id')} at {start}-{end} says {str(shown)[:60]!r} but "
                f"the task text there is {there[:60]!r}"
            )
        rid = item.get("id", "")
        extra = extras.get(rid) if extras else None
        spans.append(
            {
                "id": str(rid),
                "label": label,
                "start": start,
                "end": end,
                "text": there,
                "speaker_name": extra.get("speaker_name")
                if extra and label in L.QUOTE_LABELS
                else None,
                "partial": bool(extra.get("partial")) if extra and label == L.QUOTE else False,
            }
        )
    spans.sort(key=_span_order)
    return spans, ""


def _span_order(span: Result) -> tuple[int, int, str]:
    return span["start"], span["end"], span["label"]


def _relations(result: list[Result], ids: set[str]) -> list[Result]:
    found = []
    for item in result:
        if item.get("type") != "relation":
            continue
        for label in item.get("labels") or []:
            if label in L.RELATIONS and item["from_id"] in ids and item["to_id"] in ids:
                found.append({"from_id": item["from_id"], "to_id": item["to_id"], "label": label})
    return found


def _verdict(result: list[Result]) -> str | None:
    for item in result:
        if item.get("from_name") == L.VERDICT and "start" not in (item.get("value") or {}):
            choices = (item.get("value") or {}).get("choices") or []
            if choices:
                choice = str(choices[0])
                return L.VERDICTS.get(choice, choice if choice in L.VERDICTS.values() else None)
    return None
