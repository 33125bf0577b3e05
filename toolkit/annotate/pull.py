"""`annotate pull`: every annotation of a project, as validated annotation records.

Label Studio's full JSON export keeps relations (JSON_MIN drops them). Predictions are pulled
beside the annotations so `annotate report` can score the converter against people offline.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from toolkit.annotate import project as P
from toolkit.annotate.client import Client
from toolkit.annotate.convert import AnnotationRecord, Meta, Problem, to_record
from toolkit.errors import OutputError

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
    tasks = _export(client, proj.id)
    users = _users(client)
    report = PullReport(proj.id, tasks=len(tasks))
    annotations: list[AnnotationRecord] = []
    for task in tasks:
        for item in task.get("annotations") or []:
            converted = to_record(task, item.get("result") or [], _meta(item, users))
            if isinstance(converted, Problem):
                report.problems.append(converted)
                continue
            annotations.append(converted)
            report.annotations += 1
            report.cancelled += int(converted["cancelled"])
    by_id = {int(t["id"]): t for t in tasks}
    predictions = _predictions(client, proj.id, by_id, report)
    report.seconds = time.perf_counter() - started
    _write(out, annotations, predictions, report, client.connection.url, project_title)
    return report


def _export(client: Client, project_id: int) -> list[dict[str, Any]]:
    def download() -> bytes:
        chunks = client.sdk.projects.exports.download_sync(
            id=project_id, export_type="JSON", download_all_tasks=False
        )
        return b"".join(chunks)

    tasks: list[dict[str, Any]] = orjson.loads(client.call("export annotations", download))
    return tasks


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


def _predictions(
    client: Client, project_id: int, tasks: dict[int, dict[str, Any]], report: PullReport
) -> list[AnnotationRecord]:
    found = client.call(
        "list predictions", lambda: list(client.sdk.predictions.list(project=project_id))
    )
    records: list[AnnotationRecord] = []
    for item in found:
        task = tasks.get(int(item.task)) if item.task is not None else None
        if task is None or item.id is None:
            continue  # only tasks somebody annotated are scored
        meta = Meta(
            annotation_id=item.id,
            kind="prediction",
            annotator=f"model:{item.model_version or 'unknown'}",
            created_at=_iso(item.created_at),
            updated_at=_iso(item.updated_at),
        )
        converted = to_record(task, [dict(r) for r in item.result or []], meta)
        if isinstance(converted, Problem):
            report.problems.append(converted)
        else:
            records.append(converted)
            report.predictions += 1
    return records


def _iso(value: Any) -> str | None:
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value) if value is not None else None


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
        files = {
            ANNOTATIONS: b"".join(orjson.dumps(a) + b"\n" for a in annotations),
            PREDICTIONS: b"".join(orjson.dumps(p) + b"\n" for p in predictions),
            PROBLEMS: b"".join(orjson.dumps(p.as_dict()) + b"\n" for p in report.problems),
            SUMMARY: orjson.dumps(
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
        }
        for name, payload in files.items():
            tmp = out / f".{name}.tmp"
            tmp.write_bytes(payload)
            os.replace(tmp, out / name)
    except OSError as exc:
        raise OutputError(f"cannot write to {out} ({exc.strerror}); choose another -o") from None
