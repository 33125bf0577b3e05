"""The annotate and studio commands' refusals and reports, without a server."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.annotate_helpers import edited, human, quote_regions, records_of
from tests.conftest import DUMPS
from toolkit.cli import main


def test_push_without_a_server_says_how_to_get_one(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps(records_of(sorted(DUMPS.glob("*.txt"))[0])[0]) + "\n")
    code = main(["annotate", "push", str(records), "-p", "x", "--home", str(tmp_path / "h")])
    assert code == 2 and "newsdump studio start" in capsys.readouterr().err


def test_url_without_token_names_the_variable(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    code = main(["annotate", "pull", "-p", "x", "-o", str(tmp_path / "o"),
                 "--url", "http://127.0.0.1:9", "--home", str(tmp_path / "h")])  # fmt: skip
    assert code == 2 and "LABEL_STUDIO_API_KEY" in capsys.readouterr().err


def test_push_of_missing_records_is_one_line(tmp_path: Path, capsys: Any) -> None:
    code = main(["annotate", "push", str(tmp_path / "nope"), "-p", "x"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "does not exist" in err[0]


def test_studio_refuses_a_busy_port(tmp_path: Path, capsys: Any) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["studio", "start", "--home", str(tmp_path), "--port", str(port)])
    assert code == 2 and f"port {port}" in capsys.readouterr().err


def test_status_of_a_stopped_studio_exits_1(tmp_path: Path, capsys: Any) -> None:
    assert main(["studio", "status", "--home", str(tmp_path)]) == 1
    assert "stopped" in capsys.readouterr().out


def test_report_prints_agreement_and_parser_table(tmp_path: Path, capsys: Any) -> None:
    record = next(r for r in records_of(sorted(DUMPS.glob("*.txt"))[1]) if r["quotes"])
    result = edited(record)
    result.remove(quote_regions(result)[0])
    one = human(record, annotation_id=1, annotator="a@x.org")
    two = human(record, result, annotation_id=2, annotator="b@x.org")
    guess = human(record, kind="prediction", annotator="model:t", annotation_id=3)
    (tmp_path / "annotations.jsonl").write_text(json.dumps(one) + "\n" + json.dumps(two) + "\n")
    (tmp_path / "predictions.jsonl").write_text(json.dumps(guess) + "\n")
    assert main(["annotate", "report", str(tmp_path)]) == 0
    shown = capsys.readouterr().out
    assert "2 annotation(s) on 1 task(s) by 2 annotator(s)" in shown
    assert "agreement over 1 task(s)" in shown and "Quote" in shown
    assert main(["annotate", "report", str(tmp_path), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["agreement"]["pairs"] == 1 and figures["parser"]["tasks"] == 1


def test_merge_reports_unusable_annotations_with_exit_1(tmp_path: Path, capsys: Any) -> None:
    records = records_of(sorted(DUMPS.glob("*.txt"))[1])
    (tmp_path / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    stale = {**human(records[0]), "text_sha256": "f" * 64}
    (tmp_path / "annotations.jsonl").write_text(json.dumps(stale) + "\n")
    pulled, out = tmp_path / "annotations.jsonl", tmp_path / "out"
    code = main(["annotate", "merge", str(tmp_path / "r.jsonl"), str(pulled), "-o", str(out)])
    assert code == 1 and "stale_annotation" in capsys.readouterr().err
    summary = json.loads((tmp_path / "out" / "merge.json").read_text())
    assert summary["unchecked"] == len(records) and summary["merged"] == 0


class _Failing(BaseHTTPRequestHandler):
    """A server in trouble: every request gets 503. Counts what it was sent."""

    hits = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        self.send_response(503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_: Any) -> None:
        pass


def test_server_answering_5xx_is_retried_then_one_line(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Failing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "t" * 40)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        code = main(["annotate", "pull", "-p", "x", "-o", str(tmp_path / "o"), "--url", url])
    finally:
        server.shutdown()
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "HTTP 503" in err[0] and "after retries" in err[0]
    assert _Failing.hits > 2
    assert not (tmp_path / "o").exists()
