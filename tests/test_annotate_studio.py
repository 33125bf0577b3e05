"""The Label Studio round trip against a real server started by the test suite."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.annotate_helpers import edited, quote_regions
from tests.conftest import DUMPS, THIRD, StudioServer, read_jsonl
from toolkit._version import __version__
from toolkit.annotate import export
from toolkit.annotate import labels as L
from toolkit.annotate.client import Client, Connection
from toolkit.annotate.studio import server_workers
from toolkit.annotate.tasks import prediction, prediction_result, relation, task_data
from toolkit.cli import main
from toolkit.records.build import Origin, build_record

Record = dict[str, Any]


@pytest.fixture
def client(studio: StudioServer) -> Client:
    return Client(Connection(studio.url, studio.token))


@pytest.fixture
def records(tmp_path: Path) -> Path:
    out = tmp_path / "converted"
    assert main(["convert", str(DUMPS), "-o", str(out), "-q"]) == 0
    return out


def _run(studio: StudioServer, *argv: str) -> int:
    return main([*argv, "--home", str(studio.home)])


def _project(name: str) -> str:
    return f"{name}-{time.monotonic_ns()}"  # one project per test: tests stay independent


def _tasks(client: Client, title: str) -> dict[str, Any]:
    project = next(p for p in client.sdk.projects.list(title=title) if p.title == title)
    tasks = list(client.sdk.tasks.list(project=project.id, fields="all"))
    return {t.data["article_id"]: t for t in tasks}


def test_status_shows_server_and_masks_token(studio: StudioServer, capsys: Any) -> None:
    assert main(["studio", "status", "--home", str(studio.home)]) == 0
    shown = capsys.readouterr().out
    assert "running" in shown and studio.url in shown
    assert studio.token not in shown and f"{studio.token[:4]}…" in shown


def test_config_file_is_readable_by_the_user_alone(studio: StudioServer) -> None:
    mode = stat.S_IMODE((studio.home / "config.json").stat().st_mode)
    assert mode == 0o600


def test_server_listens_on_loopback_only(studio: StudioServer) -> None:
    port = studio.url.rsplit(":", 1)[1]
    listening = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout
    lines = [ln for ln in listening.splitlines() if f":{port} " in ln]
    assert lines and all("127.0.0.1:" in ln for ln in lines)


def test_push_creates_one_pre_annotated_task_per_record(
    studio: StudioServer, client: Client, records: Path
) -> None:
    title = _project("push")
    assert _run(studio, "annotate", "push", str(records), "--project", title) == 0
    tasks = _tasks(client, title)
    converted = read_jsonl(records / "articles.jsonl")
    assert set(tasks) == {r["id"] for r in converted}
    task = next(iter(tasks.values()))
    assert task.total_predictions == 1
    project = client.sdk.projects.get(id=task.project)
    assert project.model_version == task.data["model_version"]
    assert project.show_collab_predictions is True


def test_push_again_creates_no_duplicates(
    studio: StudioServer, client: Client, records: Path, capsys: Any
) -> None:
    title = _project("again")
    assert _run(studio, "annotate", "push", str(records), "--project", title) == 0
    assert _run(studio, "annotate", "push", str(records), "--project", title) == 0
    assert "0 created" in capsys.readouterr().out
    tasks = list(client.sdk.tasks.list(project=_tasks(client, title).popitem()[1].project))
    assert len(tasks) == len(read_jsonl(records / "articles.jsonl"))


def test_push_killed_half_way_completes_on_rerun(
    studio: StudioServer, client: Client, tmp_path: Path
) -> None:
    out = tmp_path / "many"
    assert main(["convert", str(DUMPS), str(THIRD / "dumps"), "-o", str(out), "-q"]) == 0
    expected = {r["id"] for r in read_jsonl(out / "articles.jsonl")}
    title = _project("killed")
    argv = [sys.executable, "-m", "toolkit", "annotate", "push", str(out), "--project", title,
            "--batch-size", "2", "--home", str(studio.home)]  # fmt: skip
    process = subprocess.Popen(argv, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        found = [p for p in client.sdk.projects.list(title=title) if p.title == title]
        if found and list(client.sdk.tasks.list(project=found[0].id)):
            break
        time.sleep(0.05)
    process.kill()
    process.wait()
    partial = _tasks(client, title)
    assert 0 < len(partial) < len(expected), "the push was not interrupted half-way"
    assert _run(studio, "annotate", "push", str(out), "--project", title) == 0
    project_id = next(iter(partial.values())).project
    tasks = list(client.sdk.tasks.list(project=project_id))
    assert sorted(t.data["article_id"] for t in tasks) == sorted(expected)


def _record_with_quotes(folder: Path, minimum: int = 3) -> Record:
    return next(r for r in read_jsonl(folder / "articles.jsonl") if len(r["quotes"]) >= minimum)


def _annotate(client: Client, task: Any, result: list[Record], **extra: Any) -> None:
    client.sdk.annotations.create(id=task.id, result=result, lead_time=12.5, **extra)


def _edits(record: Record) -> tuple[list[Record], dict[str, Any]]:
    """Move a span, add a quote, change a speaker: what a reviewer typically does."""
    result = edited(record)
    quotes = quote_regions(result)
    quotes[0]["value"]["end"] -= 1
    quotes[0]["value"]["text"] = quotes[0]["value"]["text"][:-1]
    said = next(r for r in result if r.get("type") == "relation" and r["labels"] == [L.SAID_BY])
    for item in result:
        if item.get("id") == said["to_id"] and item["type"] == "textarea":
            item["value"]["text"] = ["Reviewer Corrected Name"]
    # A new quote: the first body paragraph's last three words, said by the same speaker.
    source = record["source_text"]
    paragraph = record["sections"][0]["paragraphs"][0]
    at = source.index(paragraph)
    words = " ".join(paragraph.split()[-3:])
    start = at + paragraph.rindex(words)
    result.append({"id": "added", "from_name": L.QUOTE_TAG, "to_name": L.TEXT, "type": "labels",
                   "value": {"start": start, "end": start + len(words), "text": words,
                             "labels": [L.QUOTE]}})  # fmt: skip
    result.append(relation("added", said["to_id"], L.SAID_BY))
    facts = {
        "trimmed": record["quotes"][0]["text"][:-1],
        "renamed_quote": int(said["from_id"][1:]),
        "added": words,
    }
    return result, facts


def test_round_trip_merges_exactly_the_edits(
    studio: StudioServer, client: Client, records: Path, tmp_path: Path
) -> None:
    title = _project("roundtrip")
    assert _run(studio, "annotate", "push", str(records), "--project", title) == 0
    record = _record_with_quotes(records)
    tasks = _tasks(client, title)
    result, facts = _edits(record)
    _annotate(client, tasks[record["id"]], result)
    other = next(r for r in read_jsonl(records / "articles.jsonl") if r["id"] != record["id"])
    _annotate(client, tasks[other["id"]], [], was_cancelled=True)
    pulled = tmp_path / "pulled"
    assert _run(studio, "annotate", "pull", "--project", title, "-o", str(pulled)) == 0
    annotations = read_jsonl(pulled / "annotations.jsonl")
    assert sorted(a["cancelled"] for a in annotations) == [False, True]
    merged_dir = tmp_path / "merged"
    assert main(["annotate", "merge", str(records), str(pulled), "-o", str(merged_dir)]) == 0
    merged = {r["id"]: r for r in read_jsonl(merged_dir / "articles.jsonl")}
    after = merged[record["id"]]
    texts = [q["text"] for q in after["quotes"]]
    assert facts["trimmed"] in texts and facts["added"] in texts
    assert len(after["quotes"]) == len(record["quotes"]) + 1
    renamed = [q for q in after["quotes"] if q["speaker"] == "Reviewer Corrected Name"]
    assert renamed and after["sections"] == record["sections"]
    assert after["review"]["parts"] == ["sections", "quotes"]
    assert after["review"]["annotators"] == [studio.username]
    assert merged[other["id"]]["review"] is None  # cancelled: not merged
    untouched = [r for k, r in merged.items() if k not in (record["id"], other["id"])]
    assert all(r["review"] is None for r in untouched)
    assert main(["validate", str(merged_dir / "articles.parquet")]) == 0


def test_changed_text_updates_task_and_keeps_annotation(
    studio: StudioServer, client: Client, records: Path, tmp_path: Path
) -> None:
    title = _project("changed")
    assert _run(studio, "annotate", "push", str(records), "--project", title) == 0
    record = _record_with_quotes(records)
    task = _tasks(client, title)[record["id"]]
    _annotate(client, task, edited(record))
    # Re-indented page: same article id (ids ignore indentation), every offset moves.
    text = "\n".join("  " + line for line in record["source_text"].split("\n"))
    origin = Origin("x.txt", "0" * 64, 0, len(text), "txt", "utf-8")
    changed = build_record(text, origin)
    assert changed["id"] == record["id"]
    (tmp_path / "changed.jsonl").write_bytes(orjson.dumps(changed) + b"\n")
    assert (
        _run(studio, "annotate", "push", str(tmp_path / "changed.jsonl"), "--project", title) == 0
    )
    fresh = client.sdk.tasks.get(id=str(task.id))
    assert fresh.data["text"] == text
    annotation = next(iter(client.sdk.annotations.list(id=task.id)))
    regions = [item for item in annotation.result or [] if item["type"] == "labels"]
    assert len(regions) == len([r for r in edited(record) if r["type"] == "labels"])
    for item in regions:
        value = item["value"]
        assert text[value["start"] : value["end"]] == value["text"]


def test_stopped_server_gives_one_clear_line(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, records: Path
) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "x" * 40)
    code = main(["annotate", "push", str(records), "--project", "p",
                 "--url", f"http://127.0.0.1:{port}"])  # fmt: skip
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert "not answering" in err[-1] and "newsdump studio start" in err[-1]


def test_wrong_token_says_how_to_set_it(
    studio: StudioServer, capsys: Any, monkeypatch: pytest.MonkeyPatch, records: Path
) -> None:
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "0" * 40)
    code = main(["annotate", "push", str(records), "--project", "p", "--url", studio.url])
    err = capsys.readouterr().err
    assert code == 2 and "refused the API token" in err and "LABEL_STUDIO_API_KEY" in err
    assert "0" * 40 not in err


def test_pull_of_unknown_project_names_the_fix(
    studio: StudioServer, capsys: Any, tmp_path: Path
) -> None:
    code = _run(studio, "annotate", "pull", "--project", "never-pushed", "-o", str(tmp_path / "o"))
    assert code == 2 and "annotate push" in capsys.readouterr().err


def test_project_with_another_config_is_refused(
    studio: StudioServer, client: Client, records: Path, capsys: Any
) -> None:
    title = _project("foreign")
    client.sdk.projects.create(title=title, label_config='<View><Text name="t" value="$t"/></View>')
    assert _run(studio, "annotate", "push", str(records), "--project", title) == 2
    assert "different labeling config" in capsys.readouterr().err


def test_pull_in_many_pieces_writes_what_one_piece_does(
    studio: StudioServer, client: Client, records: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    title = _project("pieces")
    assert _run(studio, "annotate", "push", str(records), "--project", title) == 0
    tasks = _tasks(client, title)
    for k, task in enumerate(sorted(tasks.values(), key=lambda t: t.id)[:5]):
        _annotate(client, task, [], was_cancelled=k == 2)
    # An annotation imported with its task carries no prediction: the pull lists them.
    record = dict(read_jsonl(records / "articles.jsonl")[0], id="nb-" + "5eed" * 5)
    project = next(p for p in client.sdk.projects.list(title=title) if p.title == title)
    client.sdk.projects.import_tasks(
        id=project.id,
        request=[
            {
                "data": task_data(record, __version__),
                "predictions": [prediction(record, __version__)],
                "annotations": [{"result": prediction_result(record), "lead_time": 3.0}],
            }
        ],
    )
    whole = tmp_path / "whole"
    assert _run(studio, "annotate", "pull", "--project", title, "-o", str(whole)) == 0
    # Two task ids per request: many pieces fetched side by side, most of them empty.
    monkeypatch.setattr(export, "QUERY_BUDGET", 2 * len("ids%5B%5D=1000&"))
    split = tmp_path / "split"
    assert _run(studio, "annotate", "pull", "--project", title, "-o", str(split)) == 0
    for name in ("annotations.jsonl", "predictions.jsonl", "problems.jsonl"):
        assert (split / name).read_bytes() == (whole / name).read_bytes()
    assert len(read_jsonl(split / "annotations.jsonl")) == 6
    assert len(read_jsonl(split / "predictions.jsonl")) == 6


def test_server_answers_from_several_processes(studio: StudioServer) -> None:
    """Under gunicorn (installed beside Label Studio by `studio install`) the export pieces
    of a pull are served side by side."""
    config = orjson.loads((studio.home / "config.json").read_bytes())
    group = subprocess.run(
        ["pgrep", "-g", str(os.getpgid(config["pid"]))], capture_output=True, text=True
    ).stdout.split()
    assert len(group) >= 1 + server_workers()
