"""`annotate push`: one task per record, pre-annotated, without duplicates.

Tasks are keyed by article id (kept in the task data). A push first lists what the project
already holds, so running it again, or after it was killed half-way, only adds what is
missing; a record whose source text changed updates its task in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from toolkit._version import __version__
from toolkit.annotate import project as P
from toolkit.annotate.client import Client
from toolkit.annotate.reconcile import Dropped, reconcile
from toolkit.annotate.tasks import prediction, task_data

Record = dict[str, Any]
Progress = Callable[[int], None]
BATCH = 500


@dataclass
class PushReport:
    project_id: int
    project_created: bool
    records: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    predictions_refreshed: int = 0
    duplicate_records: int = 0
    duplicate_tasks: list[int] = field(default_factory=list)
    annotations_kept: int = 0
    regions_moved: int = 0
    regions_dropped: list[Dropped] = field(default_factory=list)


def push(
    client: Client,
    records: Iterable[Record],
    project_title: str,
    *,
    batch_size: int = BATCH,
    progress: Progress | None = None,
) -> PushReport:
    unique: dict[str, Record] = {}
    total = 0
    for record in records:
        total += 1
        unique.setdefault(record["id"], record)
    proj, created = P.ensure(client, project_title)
    report = PushReport(proj.id, created, total, duplicate_records=total - len(unique))
    refs, report.duplicate_tasks = P.task_refs(client, proj) if not created else ({}, [])
    fresh = [r for r in unique.values() if r["id"] not in refs]
    for record in unique.values():
        ref = refs.get(record["id"])
        if ref is None:
            continue
        _update_existing(client, record, ref, report)
        if progress:
            progress(1)
    for start in range(0, len(fresh), batch_size):
        batch = fresh[start : start + batch_size]
        tasks = [
            {"data": task_data(r, __version__), "predictions": [prediction(r, __version__)]}
            for r in batch
        ]
        client.call(
            "import tasks",
            lambda tasks=tasks: client.sdk.projects.import_tasks(id=proj.id, request=tasks),  # type: ignore[misc]
        )
        report.created += len(batch)
        if progress:
            progress(len(batch))
    return report


def _update_existing(client: Client, record: Record, ref: P.TaskRef, report: PushReport) -> None:
    data = task_data(record, __version__)
    if ref.text_sha256 == data["text_sha256"]:
        if ref.model_version == __version__:
            report.unchanged += 1
            return
        _replace_prediction(client, record, ref.id)
        client.call("update task", lambda: client.sdk.tasks.update(id=str(ref.id), data=data))
        report.predictions_refreshed += 1
        return
    old = client.call("read task", lambda: client.sdk.tasks.get(id=str(ref.id)))
    old_text = str((old.data or {}).get("text", ""))
    client.call("update task", lambda: client.sdk.tasks.update(id=str(ref.id), data=data))
    _replace_prediction(client, record, ref.id)
    annotations = client.call("list annotations", lambda: client.sdk.annotations.list(id=ref.id))
    for annotation in annotations:
        if annotation.id is None:
            continue
        outcome = reconcile(
            list(annotation.result or []), old_text, data["text"], record["id"], annotation.id
        )
        client.call(
            "update annotation",
            lambda a=annotation, o=outcome: client.sdk.annotations.update(id=a.id, result=o.result),  # type: ignore[misc]
        )
        report.annotations_kept += 1
        report.regions_moved += outcome.moved
        report.regions_dropped.extend(outcome.dropped)
    report.updated += 1


def _replace_prediction(client: Client, record: Record, task_id: int) -> None:
    old = client.call("list predictions", lambda: client.sdk.predictions.list(task=task_id))
    for item in old:
        if item.id is not None:
            client.call("delete prediction", lambda i=item.id: client.sdk.predictions.delete(id=i))  # type: ignore[misc]
    new = prediction(record, __version__)
    client.call(
        "create prediction",
        lambda: client.sdk.predictions.create(
            task=task_id, result=new["result"], model_version=new["model_version"], score=1.0
        ),
    )
