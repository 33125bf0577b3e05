"""Push/pull/merge logic that needs no server: predictions, annotation records, merge, report."""

from __future__ import annotations

import json
import os
import socket
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.annotate_helpers import edited, human, quote_regions, records_of
from tests.conftest import fixture_pairs
from toolkit.annotate import labels as L
from toolkit.annotate.convert import Meta, Problem, to_record
from toolkit.annotate.export import MAX_IDS, QUERY_BUDGET, IdRange, pieces
from toolkit.annotate.merge import merge
from toolkit.annotate.offsets import OffsetMap
from toolkit.annotate.reconcile import reconcile
from toolkit.annotate.report import summarize
from toolkit.annotate.studio import Studio
from toolkit.annotate.tasks import prediction_result, task_data
from toolkit.records.validate import is_valid

DUMPS = [dump for dump, _ in fixture_pairs()]
CONFIG = Path(__file__).resolve().parent.parent / "annotations" / "label_config.xml"


def _tags(kind: str) -> dict[str, ET.Element]:
    root = ET.parse(CONFIG).getroot()
    return {el.attrib["name"]: el for el in root.iter(kind)}


def test_config_labels_are_the_toolkit_vocabulary() -> None:
    labels = _tags("Labels")
    assert [c.attrib["value"] for c in labels[L.SECTION]] == list(L.SECTION_LABELS)
    assert [c.attrib["value"] for c in labels[L.QUOTE_TAG]] == list(L.QUOTE_LABELS)


def test_config_relations_and_controls_match() -> None:
    root = ET.parse(CONFIG).getroot()
    assert [r.attrib["value"] for r in root.iter("Relation")] == list(L.RELATIONS)
    assert set(_tags("Choices")) == {L.VERDICT, L.QUOTE_KIND}
    assert set(_tags("TextArea")) == {L.SPEAKER_NAME}
    verdicts = [c.attrib["value"] for c in _tags("Choices")[L.VERDICT]]
    assert verdicts == list(L.VERDICTS)


def test_config_shows_source_text_with_preserved_whitespace() -> None:
    text = CONFIG.read_text()
    assert 'value="$text"' in text and "white-space: pre-wrap" in text


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_merging_the_prediction_unchanged_reproduces_the_record(dump: Path) -> None:
    records = records_of(dump)
    annotations = [human(r, task_id=k, annotation_id=k) for k, r in enumerate(records)]
    merged, report = merge(records, annotations)
    assert report.problems == [] and report.merged == len(records)
    for before, after in zip(records, merged, strict=True):
        for field in ("sections", "text", "quotes"):
            assert after[field] == before[field], field
        assert sorted(map(str, after["spans"])) == sorted(map(str, before["spans"]))
        assert after["review"]["parts"] == ["sections", "quotes"]
        assert is_valid(after)


@pytest.mark.parametrize("dump", DUMPS[:6], ids=lambda p: p.stem)
def test_prediction_regions_quote_the_source_text(dump: Path) -> None:
    for record in records_of(dump):
        for item in prediction_result(record):
            value = item.get("value", {})
            if item.get("type") == "labels":
                assert record["source_text"][value["start"] : value["end"]] == value["text"]


def test_offsets_cross_to_utf16_and_back() -> None:
    text = "Fans 🎉 cheered “🏆 at last,” she said."
    offsets = OffsetMap(text)
    units = text.encode("utf-16-le")
    for index in range(len(text) + 1):
        js = offsets.to_js(index)
        assert units[: 2 * js].decode("utf-16-le") == text[:index]
        assert offsets.to_py(js) == index


def _first_record_with_quotes() -> dict[str, Any]:
    for dump in DUMPS:
        for record in records_of(dump):
            if len(record["quotes"]) >= 3:
                return record
    raise AssertionError("no fixture article with three quotes")


def test_moved_span_becomes_the_new_paragraph_bounds() -> None:
    record = _first_record_with_quotes()
    result = edited(record)
    quote = quote_regions(result)[0]
    quote["value"]["end"] -= 1  # the annotator trims the last character
    quote["value"]["text"] = quote["value"]["text"][:-1]
    merged, _ = merge([record], [human(record, result)])
    assert merged[0]["quotes"][0]["text"] == record["quotes"][0]["text"][:-1]
    assert merged[0]["quotes"][0]["end"] == record["quotes"][0]["end"] - 1


def test_region_not_matching_task_text_is_a_problem() -> None:
    record = _first_record_with_quotes()
    result = edited(record)
    quote_regions(result)[0]["value"]["text"] = "words nobody wrote"
    task = {"id": 9, "data": task_data(record, "test")}
    made = to_record(task, result, Meta(5, "annotation", "ann@x.org"))
    assert isinstance(made, Problem) and made.code == "span_mismatch"


def test_typed_speaker_overrides_the_mention() -> None:
    record = _first_record_with_quotes()
    result = edited(record)
    said = next(r for r in result if r.get("type") == "relation" and r["labels"] == [L.SAID_BY])
    speaker = next(r for r in result if r.get("id") == said["to_id"] and r["type"] == "labels")
    names = [r for r in result if r.get("id") == speaker["id"] and r["type"] == "textarea"]
    for item in names:
        item["value"]["text"] = ["Dr. Somebody Else"]
    merged, _ = merge([record], [human(record, result)])
    quote_index = int(said["from_id"][1:])
    assert merged[0]["quotes"][quote_index]["speaker"] == "Dr. Somebody Else"


def test_cancelled_annotation_is_not_merged() -> None:
    record = _first_record_with_quotes()
    merged, report = merge([record], [human(record, [], cancelled=True)])
    assert merged[0] is record and report.unchecked == 1


def test_not_an_article_keeps_values_and_records_verdict() -> None:
    record = _first_record_with_quotes()
    verdict = {"id": "v", "from_name": L.VERDICT, "to_name": L.TEXT, "type": "choices",
               "value": {"choices": ["not_article"]}}  # fmt: skip
    merged, report = merge([record], [human(record, [verdict])])
    assert merged[0]["review"]["verdict"] == "not_article"
    assert merged[0]["quotes"] == record["quotes"] and report.not_article == 1


def test_annotation_on_old_text_is_reported_stale() -> None:
    record = _first_record_with_quotes()
    annotation = {**human(record), "text_sha256": "0" * 64}
    merged, report = merge([record], [annotation])
    assert merged[0] is record
    assert [p.code for p in report.problems] == ["stale_annotation"]


def test_reconcile_moves_unique_words_and_drops_lost_ones() -> None:
    old = "Intro line.\nShe said “we will win” today.\nGone words here."
    new = "A new first line.\nIntro line.\nShe said “we will win” today."
    q, g = old.index("we will win"), old.index("Gone words")
    result: list[dict[str, Any]] = [
        {"id": "a", "type": "labels", "from_name": "quote", "to_name": "text",
         "value": {"start": q, "end": q + 11, "text": old[q : q + 11], "labels": ["Quote"]}},
        {"id": "b", "type": "labels", "from_name": "section", "to_name": "text",
         "value": {"start": g, "end": g + 11, "text": old[g : g + 11], "labels": ["Body"]}},
        {"type": "relation", "from_id": "a", "to_id": "b", "labels": ["said_by"]},
    ]  # fmt: skip
    outcome = reconcile(result, old, new, "nb-x", 1)
    kept = {r.get("id"): r for r in outcome.result}
    assert new[kept["a"]["value"]["start"] : kept["a"]["value"]["end"]] == "we will win"
    assert "b" not in kept and not any(r["type"] == "relation" for r in outcome.result)
    assert [d.text for d in outcome.dropped] == ["Gone words "]


def test_report_scores_parser_against_people() -> None:
    record = _first_record_with_quotes()
    prediction = human(record, kind="prediction", annotator="model:test", annotation_id=50)
    result = edited(record)
    result.remove(quote_regions(result)[0])
    person = human(record, result, annotation_id=51)
    figures = summarize([person], [prediction])
    quote = figures["parser"]["labels"][L.QUOTE]
    n = len(record["quotes"])
    assert quote["recall"] == 1.0 and quote["precision"] == round((n - 1) / n, 4)
    assert figures["parser"]["labels"][L.BODY]["f1"] == 1.0


def test_report_agreement_uses_tasks_done_twice() -> None:
    record = _first_record_with_quotes()
    one = human(record, annotation_id=1, annotator="a@x.org")
    result = edited(record)
    result.remove(quote_regions(result)[0])
    two = human(record, result, annotation_id=2, annotator="b@x.org")
    figures = summarize([one, two], [])
    n = len(record["quotes"])
    assert figures["agreement"]["tasks"] == 1 and figures["agreement"]["pairs"] == 1
    assert figures["agreement"]["labels"][L.QUOTE]["f1"] == round(2 * (n - 1) / (2 * n - 1), 4)


def test_reconcile_maps_reindented_text_line_by_line() -> None:
    old = "Title\nBrody said “go”.\nBrody left.\nRELATED\ncard one"
    new = "\n".join("   " + line + "  " for line in old.split("\n"))
    first, block = old.index("Brody"), old.index("RELATED")
    result: list[dict[str, Any]] = [
        {"id": "s", "type": "labels", "from_name": "quote", "to_name": "text",
         "value": {"start": first, "end": first + 5, "text": "Brody", "labels": ["Speaker"]}},
        {"id": "b", "type": "labels", "from_name": "section", "to_name": "text",
         "value": {"start": block, "end": len(old), "text": old[block:],
                   "labels": ["Boilerplate"]}},
    ]  # fmt: skip
    outcome = reconcile(result, old, new, "nb-x", 1)
    assert outcome.dropped == [] and len(outcome.result) == 2
    speaker, boilerplate = (r["value"] for r in outcome.result)
    assert speaker["start"] == new.index("Brody")  # the first Brody, though the name repeats
    assert new[boilerplate["start"] : boilerplate["end"]].split() == old[block:].split()
    assert boilerplate["text"] == new[boilerplate["start"] : boilerplate["end"]]


def test_merged_records_publish_with_review_and_figures(tmp_path: Path) -> None:
    from tests.conftest import DUMPS, read_jsonl
    from toolkit.cli import main

    converted, pulled, merged, dataset = (tmp_path / n for n in ("c", "p", "m", "d"))
    assert main(["convert", str(DUMPS), "-o", str(converted), "-q"]) == 0
    record = next(r for r in read_jsonl(converted / "articles.jsonl") if len(r["quotes"]) >= 3)
    pulled.mkdir()
    prediction = human(record, kind="prediction", annotator="model:t", annotation_id=7)
    (pulled / "annotations.jsonl").write_text(json.dumps(human(record)) + "\n")
    (pulled / "predictions.jsonl").write_text(json.dumps(prediction) + "\n")
    assert main(["annotate", "merge", str(converted), str(pulled), "-o", str(merged)]) == 0
    assert main(["publish", str(merged), "--name", "t", "--version", "1.0.0",
                 "--to", str(dataset)]) == 0  # fmt: skip
    card = (dataset / "README.md").read_text()
    assert "1 of" in card and "checked by" in card
    assert "`parser.labels.Quote.f1` | 1.000" in card


@pytest.mark.parametrize("dump", DUMPS[:8], ids=lambda p: p.stem)
def test_every_line_of_the_page_gets_a_predicted_region(dump: Path) -> None:
    for record in records_of(dump):
        text = record["source_text"]
        regions = [r["value"] for r in prediction_result(record) if r["type"] == "labels"]
        at = 0
        for line in text.split("\n"):
            start, end = at + len(line) - len(line.lstrip()), at + len(line.rstrip())
            at += len(line) + 1
            if end > start:
                assert any(v["start"] < end and v["end"] > start for v in regions), line


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Maria Lopez", "person"),
        ("a senior administration official", "unnamed"),
        ("a person familiar with the talks", "unnamed"),
        ("Oregon Department of Forestry", "organization"),
        ("the county sheriff's department", "organization"),
    ],
)
def test_kind_of_a_speaker_people_typed(name: str, kind: str) -> None:
    from toolkit.annotate.rebuild import _kind

    assert _kind(name, {}) == kind


def test_one_quote_region_over_two_paragraphs_becomes_two_pieces() -> None:
    record = _first_record_with_quotes()
    paragraphs = record["sections"][0]["paragraphs"]
    source = record["source_text"]
    first, second = source.index(paragraphs[0]), source.index(paragraphs[1])
    end = second + len(paragraphs[1])
    result = [r for r in edited(record) if r.get("from_name") != L.QUOTE_TAG]
    result = [r for r in result if r.get("type") != "relation"]
    result.append({"id": "long", "from_name": L.QUOTE_TAG, "to_name": L.TEXT, "type": "labels",
                   "value": {"start": first, "end": end, "text": source[first:end],
                             "labels": [L.QUOTE]}})  # fmt: skip
    merged, report = merge([record], [human(record, result)])
    quotes = merged[0]["quotes"]
    assert report.problems == []
    assert [q["text"] for q in quotes] == [paragraphs[0], paragraphs[1]]
    assert [q["paragraph"] for q in quotes] == [0, 1] and quotes[0]["group"] == quotes[1]["group"]
    assert is_valid(merged[0])


def test_export_pieces_cover_the_id_range_within_the_query_budget() -> None:
    for first, last in [(1, 1), (7, 10_000), (999_000, 1_004_321)]:
        found = pieces(first, last)
        assert [i for piece in found for i in piece] == list(range(first, last + 1))
        for piece in found:
            query = "&".join(f"ids%5B%5D={i}" for i in piece)
            assert 0 < len(piece) <= MAX_IDS and len(query) <= QUERY_BUDGET


def test_scattered_ids_are_exported_in_one_request() -> None:
    assert IdRange(1, 10_000, 10_000).dense
    assert IdRange(1, 1_000, 3).dense  # a few pieces at most: still worth it
    assert not IdRange(1, 1_000_000, 10_000).dense  # other projects' ids in between


def test_a_busy_server_still_counts_as_running(tmp_path: Path) -> None:
    # It accepts connections but answers nothing within the health check's timeout, like a
    # server whose every worker is on a long export; its process (here: this one) lives.
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(8)
        port = busy.getsockname()[1]
        studio = Studio(tmp_path)
        studio._write_config({"pid": os.getpid(), "port": port, "url": f"http://127.0.0.1:{port}"})
        assert studio.status().running
    assert not studio.status().running  # the port closed: nothing serves there any more
