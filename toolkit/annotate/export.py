"""A project's annotated tasks out of Label Studio, in pieces fetched side by side.

Label Studio's JSON export costs it a few milliseconds of one core per annotated task (loading
and decoding the stored JSON, then serializing it), and one request is served by one process.
So the export is asked for in pieces: the project's task ids run from a first to a last one
(two one-task Data Manager look-ups), that range is cut into pieces of consecutive ids, and a
few pieces are fetched at once, which a multi-process server (`newsdump studio start` under
gunicorn) works on in parallel while the pieces already here are converted. The export endpoint
itself keeps only the project's tasks that have an annotation, so ids of other projects' tasks
or of tasks not annotated yet cost nothing but their place in the query string.

A project whose ids are scattered far apart (tasks of several projects interleaved) is
exported in one request instead, rather than as many nearly empty pieces.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import orjson

from toolkit.annotate.client import Client
from toolkit.errors import StudioError

Task = dict[str, Any]

# Pieces are cut by query-string length: proxies and servers commonly refuse request lines
# over 8 KiB, and Django takes at most 1,000 query fields.
QUERY_BUDGET = 6_000
MAX_IDS = 900
# Pieces in flight: one per core of a small machine, the server's other worker free for the
# predictions listing or the labeling page.
PARALLEL = 2
_KEY = "ids%5B%5D="  # `ids[]=` as it goes on the wire
RETRIES = 4


@dataclass(frozen=True)
class IdRange:
    first: int
    last: int
    tasks: int

    @property
    def dense(self) -> bool:
        """Worth cutting into pieces: the range is not mostly other projects' ids."""
        return self.last - self.first + 1 <= 4 * self.tasks + 2 * MAX_IDS


def id_range(client: Client, project_id: int) -> IdRange | None:
    """First and last task id of the project and its task count; None when it has none."""
    ends = []
    for order in ("tasks:id", "-tasks:id"):
        answer = client.get_json(
            "list tasks",
            "/api/tasks",
            {
                "project": project_id,
                "page_size": 1,
                "fields": "task_only",
                "resolve_uri": "false",
                "query": orjson.dumps({"ordering": [order]}).decode(),
            },
        )
        tasks = answer.get("tasks") or []
        if not tasks:
            return None
        ends.append(int(tasks[0]["id"]))
    first, last = min(ends), max(ends)
    return IdRange(first, last, int(answer.get("total") or 0))


def pieces(first: int, last: int) -> list[range]:
    """Consecutive id ranges covering first..last, each within the query budget."""
    found: list[range] = []
    start = first
    while start <= last:
        size = 0
        length = 0
        while start + size <= last and size < MAX_IDS:
            length += len(_KEY) + len(str(start + size)) + 1
            if length > QUERY_BUDGET:
                break
            size += 1
        found.append(range(start, start + size))
        start += size
    return found


def export_piece(client: Client, project_id: int, ids: range | None) -> list[Task]:
    """Annotated tasks of the project among `ids` (all of them when None), with their
    annotations, as Label Studio's JSON export gives them."""
    query = "exportType=JSON&download_all_tasks=false"
    if ids is not None:
        query += "&" + "&".join(f"{_KEY}{i}" for i in ids)
    for attempt in range(RETRIES + 1):
        body = client.get_bytes("export annotations", f"/api/projects/{project_id}/export?{query}")
        try:
            tasks: list[Task] = orjson.loads(body)
            return tasks
        except orjson.JSONDecodeError:
            # Label Studio names each export file by project, minute and content hash, so
            # two requests exporting the same thing at once (pieces with no annotated task)
            # write one file together and one of them may read it back cut short. Cut-short
            # JSON never parses; asked again a moment later, the piece comes back whole.
            time.sleep(0.1 * (attempt + 1))
    raise StudioError(
        f"Label Studio at {client.connection.url} sent an unreadable export {RETRIES + 1} "
        "times; try the pull again"
    )


def export_tasks(client: Client, project_id: int, pool: ThreadPoolExecutor) -> Iterator[Task]:
    """Every annotated task of the project, in id order, fetched `PARALLEL` pieces at a time
    on `pool` while the caller works on the tasks already yielded."""
    found = id_range(client, project_id)
    if found is None:
        return
    if not found.dense:
        yield from export_piece(client, project_id, None)
        return
    todo = pieces(found.first, found.last)
    running: list[Future[list[Task]]] = []
    while todo or running:
        while todo and len(running) < PARALLEL:
            running.append(pool.submit(export_piece, client, project_id, todo.pop(0)))
        done = running.pop(0).result()
        # The next piece goes out before this one is converted, so the server never waits.
        if todo:
            running.append(pool.submit(export_piece, client, project_id, todo.pop(0)))
        yield from done
