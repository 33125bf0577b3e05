"""`annotate pull`: every annotation of a project, as validated annotation records.

Label Studio's full JSON export keeps relations (JSON_MIN drops them); it is fetched in pieces
side by side (`export`) and each piece is converted while the next ones are on their way.
Predictions are pulled beside the annotations so `annotate report` can score the converter
against people offline.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from toolkit.annotate import export as E
from toolkit.annotate import project as P
from toolkit.annotate.client import Client
from toolkit.annotate.convert import AnnotationRecord, Meta, Problem, TaskText, to_record
from toolkit.collector import collector_paused
from toolkit.errors import OutputError
from toolkit.sinks.jsonl import write_atomic, write_jsonl

ANNOTATIONS = "annotations.jsonl"
PREDICTIONS = "predictions.jsonl"
PROBLEMS = "problems.jsonl"
SUMMARY = "pull.json"


@dataclass
class PullReport:
    project_id: int
    tasks: int = 0
    annotations: int = 0
    cancelled: int = 0
    predictions: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0


def pull(client: Client, project_title: str, out: Path) -> PullReport:
    started = time.perf_counter()
    proj = P.require(client, project_title)
    users = _users(client)
    report = PullReport(proj.id)
    annotations: list[AnnotationRecord] = []
    chosen = _Predictions()
    # The parsed export is millions of objects without cycles: with the collector on,
    # parsing it takes three times as long.
    with collector_paused():
        with ThreadPoolExecutor(E.PARALLEL + 1) as pool:
            listing: Future[Any] | None = None
            for task in E.export_tasks(client, proj.id, pool):
                known = TaskText.of(task)
                chosen.add(known, _convert_task(known, task, users, report, annotations))
                report.tasks += 1
                if listing is None and chosen.waiting:
                    # An annotation came without the prediction it started from (imported
                    # ones do): list the project's predictions now, beside the export.
                    listing = pool.submit(_list_predictions, client, proj.id)
                if listing is not None and listing.done() and not chosen.has_listing:
                    chosen.listed(listing.result())
            if listing is not None and not chosen.has_listing:
                chosen.listed(listing.result())
        predictions = chosen.records()
        report.predictions = len(predictions)
        report.problems.extend(chosen.problems())
    report.seconds = time.perf_counter() - started
    _write(out, annotations, predictions, report, client.connection.url, project_title)
    return report


class _Predictions:
    """The converter's prediction for every annotated task, converted as soon as it is known:
    the newest one embedded in the task's annotations, else the first one the project's
    listing gives for the task. The listing arrives while the export still does, so tasks
    seen before it wait for it."""

    def __init__(self) -> None:
        self._done: dict[int, AnnotationRecord | Problem] = {}
        self.waiting: dict[int, TaskText] = {}
        self._listed: dict[int, dict[str, Any]] | None = None

    @property
    def has_listing(self) -> bool:
        return self._listed is not None

    def add(self, task: TaskText, embedded: dict[str, Any] | None) -> None:
        found = embedded
        if found is None and self._listed is not None:
            found = self._listed.get(task.task_id)
        if found is not None:
            self._convert(task, found)
        elif self._listed is None:
            self.waiting[task.task_id] = task

    def listed(self, items: list[dict[str, Any]]) -> None:
        self._listed = {}
        for item in items:
            if item.get("id") is not None and isinstance(item.get("task"), int):
                self._listed.setdefault(item["task"], item)
        for task in self.waiting.values():
            found = self._listed.get(task.task_id)
            if found is not None:
                self._convert(task, found)
        self.waiting = {}

    def records(self) -> list[AnnotationRecord]:
        return [r for _, r in sorted(self._done.items()) if not isinstance(r, Problem)]

    def problems(self) -> list[Problem]:
        return [r for _, r in sorted(self._done.items()) if isinstance(r, Problem)]

    def _convert(self, task: TaskText, found: dict[str, Any]) -> None:
        meta = Meta(
            annotation_id=int(found["id"]),
            kind="prediction",
            annotator=f"model:{found.get('model_version') or 'unknown'}",
            created_at=found.get("created_at"),
            updated_at=found.get("updated_at"),
        )
        self._done[task.task_id] = to_record(task, list(found.get("result") or []), meta)


def _convert_task(
    known: TaskText,
    task: dict[str, Any],
    users: dict[int, str],
    report: PullReport,
    annotations: list[AnnotationRecord],
) -> dict[str, Any] | None:
    """Convert the task's annotations; return the newest prediction embedded in them."""
    embedded: dict[str, Any] | None = None
    for item in task.get("annotations") or []:
        converted = to_record(known, item.get("result") or [], _meta(item, users))
        if isinstance(converted, Problem):
            report.problems.append(converted)
        else:
            annotations.append(converted)
            report.annotations += 1
            report.cancelled += int(converted["cancelled"])
        found = item.get("prediction")
        if (
            isinstance(found, dict)
            and found.get("id") is not None
            and (embedded is None or found["id"] > embedded["id"])
        ):
            embedded = found
    return embedded


def _list_predictions(client: Client, project_id: int) -> Any:
    return client.get_json("list predictions", "/api/predictions/", {"project": project_id})


def _users(client: Client) -> dict[int, str]:
    found = client.call("list users", lambda: list(client.sdk.users.list()))
    return {u.id: u.email or f"user:{u.id}" for u in found if u.id is not None}


def _meta(item: dict[str, Any], users: dict[int, str]) -> Meta:
    who = item.get("completed_by")
    if isinstance(who, dict):  # some exports expand the user
        who = who.get("id")
    lead = item.get("lead_time")
    return Meta(
        annotation_id=int(item["id"]),
        kind="annotation",
        annotator=users.get(who, f"user:{who}") if isinstance(who, int) else "unknown",
        created_at=item.get("created_at"),
        updated_at=item.get("updated_at"),
        lead_time=float(lead) if isinstance(lead, int | float) else None,
        cancelled=bool(item.get("was_cancelled")),
        ground_truth=bool(item.get("ground_truth")),
    )


def _write(
    out: Path,
    annotations: list[AnnotationRecord],
    predictions: list[AnnotationRecord],
    report: PullReport,
    url: str,
    title: str,
) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_jsonl(out / ANNOTATIONS, annotations)
        write_jsonl(out / PREDICTIONS, predictions)
        write_jsonl(out / PROBLEMS, (p.as_dict() for p in report.problems))
        write_atomic(
            out / SUMMARY,
            orjson.dumps(
                {
                    "url": url,
                    "project": title,
                    "project_id": report.project_id,
                    "tasks": report.tasks,
                    "annotations": report.annotations,
                    "cancelled": report.cancelled,
                    "predictions": report.predictions,
                    "problems": len(report.problems),
                },
                option=orjson.OPT_INDENT_2,
            ),
        )
    except OSError as exc:
        raise OutputError(f"cannot write to {out} ({exc.strerror}); choose another -o") from None
