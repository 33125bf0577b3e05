"""Label Studio round-trip speed: `python benchmarks/bench_annotate.py [--tasks N]`.

Starts a private Label Studio (as `newsdump studio start` does), pushes N pre-annotated tasks
made from the fixture dumps (copies given distinct article ids), creates one annotation per
task in bulk, then pulls them. Prints seconds and tasks/s for push and pull. Figures, not
assertions: the goals (push 10,000 in < 60 s, pull 10,000 in < 30 s) live here.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import socket
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_gold import convert_file  # noqa: E402
from toolkit.annotate.client import Client, Connection  # noqa: E402
from toolkit.annotate.pull import pull  # noqa: E402
from toolkit.annotate.push import push  # noqa: E402
from toolkit.annotate.studio import Studio  # noqa: E402
from toolkit.annotate.tasks import prediction_result  # noqa: E402


def corpus(n: int) -> list[dict[str, Any]]:
    templates = [
        r for dump in sorted((ROOT / "tests/data/dumps").glob("*.txt")) for r in convert_file(dump)
    ]
    records = []
    for k in range(n):
        record = copy.copy(templates[k % len(templates)])
        record["id"] = "nb-" + hashlib.sha256(str(k).encode()).hexdigest()[:20]
        records.append(record)
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    args = parser.parse_args()
    records = corpus(args.tasks)
    with tempfile.TemporaryDirectory() as home, socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        sock.close()
        studio = Studio(Path(home))
        studio.start(port=port, timeout=900, log=lambda m: print(m, file=sys.stderr))
        try:
            config = studio.read_config()
            client = Client(Connection(config["url"], config["token"]))
            started = time.perf_counter()
            report = push(client, records, "bench")
            push_s = time.perf_counter() - started
            _annotate_all(client, report.project_id, records)
            started = time.perf_counter()
            pulled = pull(client, "bench", Path(home) / "pulled")
            pull_s = time.perf_counter() - started
        finally:
            studio.stop()
    print(
        f"push: {report.created:,} tasks with predictions in {push_s:.1f} s "
        f"({report.created / push_s:,.0f} tasks/s)"
    )
    print(
        f"pull: {pulled.annotations:,} annotations (+{pulled.predictions:,} predictions) in "
        f"{pull_s:.1f} s ({pulled.annotations / pull_s:,.0f} annotations/s)"
    )


def _annotate_all(client: Client, project_id: int, records: list[dict[str, Any]]) -> None:
    """One annotation per task, made in bulk: tasks of one template share a result."""
    ids = {
        t.data["article_id"]: t.id
        for t in client.sdk.tasks.list(project=project_id, page_size=1000)
    }
    by_text: dict[str, list[int]] = defaultdict(list)
    results: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_text[record["source_text"]].append(ids[record["id"]])
        results.setdefault(record["source_text"], prediction_result(record))
    started = time.perf_counter()
    for text, task_ids in by_text.items():
        client.sdk.annotations.create_bulk(tasks=task_ids, result=results[text], project=project_id)
    print(
        f"(setup: {len(records):,} annotations created in bulk in "
        f"{time.perf_counter() - started:.1f} s)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
