"""`newsdump eval`: scores that move the right way when predictions are wrong."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.conftest import DUMPS, GOLD, read_jsonl
from toolkit.cli import main
from toolkit.pipeline.run import convert

NAMES = ("no_byline", "multi_author")


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("eval")
    convert([str(DUMPS / f"{name}.txt") for name in NAMES], out)
    return out


@pytest.fixture(scope="module")
def gold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gold")
    for name in NAMES:
        shutil.copy(GOLD / f"{name}.json", folder)
    return folder


def _scores(pred: Path, gold: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["eval", str(pred), str(gold), "--json"]) == 0
    scores: dict[str, Any] = json.loads(capsys.readouterr().out)
    return scores


def _write(records: list[dict[str, Any]], path: Path) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def test_perfect_predictions_score_one(
    converted: Path, gold: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scores = _scores(converted / "articles.jsonl", gold, capsys)
    assert scores["quotes"]["exact"]["f1"] == 1.0
    assert scores["speakers"]["accuracy"]["accuracy"] == 1.0
    assert scores["sections"]["paragraphs"]["f1"] == 1.0
    assert scores["missing_articles"] == []


def test_a_missing_article_counts_against_recall(
    converted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scores = _scores(converted / "articles.jsonl", GOLD, capsys)
    assert len(scores["missing_articles"]) == scores["articles"] - 2
    assert scores["quotes"]["exact"]["recall"] < 1.0


def test_a_dropped_quote_lowers_recall_only(
    converted: Path, gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = read_jsonl(converted / "articles.jsonl")
    total = sum(len(r["quotes"]) for r in records)
    records[0]["quotes"].pop()
    quotes = _scores(_write(records, tmp_path / "p.jsonl"), gold, capsys)["quotes"]["exact"]
    assert quotes["precision"] == 1.0
    assert quotes["tp"] == total - 1


def test_a_wrong_speaker_lowers_speaker_accuracy(
    converted: Path, gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = read_jsonl(converted / "articles.jsonl")
    records[1]["quotes"][0]["speaker"] = "Somebody Else"
    scores = _scores(_write(records, tmp_path / "p.jsonl"), gold, capsys)
    accuracy = scores["speakers"]["accuracy"]
    assert accuracy["correct"] == accuracy["total"] - 1
    assert [e["pred"] for e in scores["errors"] if e["kind"] == "speaker"] == ["Somebody Else"]


def test_table_output_names_the_metrics(
    converted: Path, gold: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", str(converted), str(gold)]) == 0
    table = capsys.readouterr().out
    for label in (
        "quotes, exact span",
        "quotes, ≥80% overlap",
        "speaker (full name)",
        "body paragraphs",
        "headings",
    ):
        assert label in table


def test_missing_gold_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(DUMPS), str(tmp_path / "nope")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
