"""Label Studio round-trip speed: `python benchmarks/bench_annotate.py [--tasks N]`.

Starts a private Label Studio (as `newsdump studio start` does), pushes N pre-annotated tasks
made from the fixture dumps (copies given distinct article ids), then pulls N annotations from
a project whose tasks were imported with one annotation each. Prints seconds and tasks/s for
push and pull. Figures, not assertions: the goals (push 10,000 in < 60 s, pull 10,000 in
< 30 s) live here.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_gold import convert_file  # noqa: E402
from toolkit._version import __version__  # noqa: E402
from toolkit.annotate import project as P  # noqa: E402
from toolkit.annotate.client import Client, Connection  # noqa: E402
from toolkit.annotate.pull import pull  # noqa: E402
from toolkit.annotate.push import push  # noqa: E402
from toolkit.annotate.studio import Studio  # noqa: E402
from toolkit.annotate.tasks import prediction, prediction_result, task_data  # noqa: E402


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
            started = time.perf_counter()
            again = push(client, records, "bench")
            again_s = time.perf_counter() - started
            _annotated_project(client, records)
            started = time.perf_counter()
            pulled = pull(client, "bench-pull", Path(home) / "pulled")
            pull_s = time.perf_counter() - started
        finally:
            studio.stop()
    print(
        f"push: {report.created:,} tasks with predictions in {push_s:.1f} s "
        f"({report.created / push_s:,.0f} tasks/s)"
    )
    print(
        f"push again: {again.unchanged:,} tasks found unchanged, {again.created} created in "
        f"{again_s:.1f} s"
    )
    print(
        f"pull: {pulled.annotations:,} annotations (+{pulled.predictions:,} predictions) in "
        f"{pull_s:.1f} s ({pulled.annotations / pull_s:,.0f} annotations/s)"
    )


def _annotated_project(client: Client, records: list[dict[str, Any]]) -> None:
    """A second project whose N tasks each carry one annotation (imported with the tasks:
    this Label Studio edition has no bulk-annotation endpoint)."""
    proj, _ = P.ensure(client, "bench-pull")
    for start in range(0, len(records), 500):
        tasks = []
        for record in records[start : start + 500]:
            result = prediction_result(record)
            tasks.append(
                {
                    "data": task_data(record, __version__),
                    "predictions": [prediction(record, __version__)],
                    "annotations": [{"result": result, "lead_time": 30.0}],
                }
            )
        client.sdk.projects.import_tasks(id=proj.id, request=tasks)


if __name__ == "__main__":
    main()
