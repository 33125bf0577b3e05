"""The unit of work runs alone (as it will on a distributed engine) and reports progress."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from tests.conftest import BAD, DUMPS, read_jsonl
from toolkit.pipeline.options import ConvertOptions
from toolkit.pipeline.progress import ProgressLine
from toolkit.pipeline.unit import ShardPaths, convert_unit
from toolkit.records import build
from toolkit.sources.inputs import Unit


def test_one_unit_makes_one_complete_shard(tmp_path: Path) -> None:
    unit = Unit(str(DUMPS / "multi_article.txt"), str(DUMPS / "multi_article.txt"), "txt")
    calls: list[tuple[int, int]] = []
    partial = convert_unit(unit, 7, tmp_path, ConvertOptions(), lambda d, r: calls.append((d, r)))
    paths = ShardPaths.for_index(tmp_path, 7)
    assert json.loads(paths.manifest.read_text()) == partial
    assert (partial["documents"], partial["records"], partial["rejects"]) == (3, 3, 0)
    assert len(read_jsonl(paths.records)) == 3
    with pa.memory_map(str(paths.arrow)) as mm:
        assert pa.ipc.open_file(mm).read_all().num_rows == 3
    assert sum(d for d, _ in calls) == 3


def test_rejects_reach_the_progress_callback(tmp_path: Path) -> None:
    unit = Unit(str(BAD / "no_title.txt"), str(BAD / "no_title.txt"), "txt")
    calls: list[tuple[int, int]] = []
    convert_unit(unit, 0, tmp_path, ConvertOptions(), lambda d, r: calls.append((d, r)))
    assert calls == [(1, 1)]


def test_progress_line_shows_documents_rate_and_rejects() -> None:
    stream = io.StringIO()
    progress = ProgressLine(3, stream=stream, enabled=True)
    progress.add(1200, 4)
    progress.unit_done()
    progress.close()
    shown = stream.getvalue()
    assert "1,200 documents" in shown and "4 rejects" in shown and "/s" in shown
    assert "1/3 inputs" in shown


def test_progress_line_is_silent_when_disabled() -> None:
    stream = io.StringIO()
    progress = ProgressLine(1, stream=stream, enabled=False)
    progress.add(10, 0)
    progress.close()
    assert stream.getvalue() == ""


def test_a_fault_in_the_quote_rules_leaves_a_record_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(paragraphs: list[str], starts: list[int] | None) -> list[dict[str, Any]]:
        raise AssertionError("a rule's assumption did not hold")

    monkeypatch.setattr(build, "extract_quotes", broken)
    unit = Unit(str(DUMPS / "multi_article.txt"), str(DUMPS / "multi_article.txt"), "txt")
    partial = convert_unit(unit, 0, tmp_path, ConvertOptions(), None)
    records = read_jsonl(ShardPaths.for_index(tmp_path, 0).records)
    assert (partial["records"], partial["rejects"]) == (3, 0)
    assert all(r["quotes"] == [] for r in records)
    assert partial["warning_codes"]["quotes_failed"] == 3
    assert all(
        "AssertionError" in w["message"]
        for r in records
        for w in r["warnings"]
        if w["code"] == "quotes_failed"
    )
