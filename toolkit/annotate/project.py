"""Find or create the labeling project, and list its tasks by article id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from toolkit._version import __version__
from toolkit.annotate import labels as L
from toolkit.annotate.client import Client
from toolkit.errors import StudioError

PAGE = 1000


@dataclass(frozen=True)
class Project:
    id: int
    title: str


@dataclass(frozen=True)
class TaskRef:
    id: int
    text_sha256: str | None
    model_version: str | None


def find(client: Client, title: str) -> Project | None:
    pager: Any = client.call("list projects", lambda: client.sdk.projects.list(title=title))
    for project in pager:
        if project.title == title and project.id is not None:
            return Project(project.id, title)
    return None


def require(client: Client, title: str) -> Project:
    found = find(client, title)
    if found is None:
        raise StudioError(
            f"no project {title!r} on {client.connection.url}; push records to it first with "
            f"`newsdump annotate push RECORDS --project {title!r}`"
        )
    return found


def ensure(client: Client, title: str) -> tuple[Project, bool]:
    """The project named `title`, created with our config if missing. (project, created)"""
    found = find(client, title)
    if found is None:
        created = client.call(
            "create project",
            lambda: client.sdk.projects.create(
                title=title,
                description="News articles converted by newsdump: check sections, quotes and "
                "speakers (annotations/GUIDELINES.md).",
                label_config=L.label_config(),
                **_prediction_settings(),
            ),
        )
        if created.id is None:
            raise StudioError(f"Label Studio created project {title!r} but returned no id")
        return Project(created.id, title), True
    details = client.call("read project", lambda: client.sdk.projects.get(id=found.id))
    if not L.same_config(details.label_config or "", L.label_config()):
        raise StudioError(
            f"project {title!r} exists with a different labeling config; push to a new "
            "--project name, or paste annotations/label_config.xml into its Labeling Interface"
        )
    if details.model_version != __version__:
        client.call(
            "select model version",
            lambda: client.sdk.projects.update(id=found.id, **_prediction_settings()),
        )
    return found, False


def _prediction_settings() -> dict[str, Any]:
    # Label Studio shows annotators only the predictions of the project's selected model
    # version, and hides them altogether unless collaborator predictions are on.
    return {
        "model_version": __version__,
        "show_collab_predictions": True,
        "reveal_preannotations_interactively": False,
    }


def task_refs(client: Client, project: Project) -> tuple[dict[str, TaskRef], list[int]]:
    """Tasks by article id, and ids of extra tasks for an article already seen."""
    refs: dict[str, TaskRef] = {}
    extra: list[int] = []
    page = 1
    while True:
        # Raw JSON: the SDK's models for thousands of tasks cost more than the download.
        answer = client.get_json(
            "list tasks",
            "/api/tasks",
            {"project": project.id, "fields": "task_only", "page": page, "page_size": PAGE},
        )
        tasks = answer.get("tasks") or []
        for task in tasks:
            data = task.get("data") or {}
            article = data.get("article_id")
            if article is None:
                continue
            if article in refs:
                extra.append(task["id"])
                continue
            refs[article] = TaskRef(task["id"], data.get("text_sha256"), data.get("model_version"))
        seen = (page - 1) * PAGE + len(tasks)
        if not tasks or seen >= int(answer.get("total", 0)):
            return refs, extra
        page += 1
