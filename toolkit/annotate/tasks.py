"""Records -> Label Studio tasks pre-annotated with the converter's sections and quotes.

The task text is the record's `source_text`, so the converter's spans (offsets into it) become
regions as they are. Quote pieces of one quotation are chained with `continues`; each quote
points at its speaker mention with `said_by`, and the mention carries the canonical speaker in
its per-region text box.
"""

from __future__ import annotations

import hashlib
from typing import Any

from toolkit.annotate import labels as L
from toolkit.annotate.offsets import OffsetMap

Record = dict[str, Any]
Result = dict[str, Any]


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def task_data(record: Record, model_version: str) -> dict[str, Any]:
    text = record["source_text"]
    return {
        "text": text,
        "title": record.get("title") or "",
        "article_id": record["id"],
        "publisher": record.get("publisher"),
        "text_sha256": text_digest(text),
        "model_version": model_version,
    }


def prediction(record: Record, model_version: str) -> dict[str, Any]:
    return {"model_version": model_version, "score": 1.0, "result": prediction_result(record)}


def prediction_result(record: Record) -> list[Result]:
    text = record["source_text"]
    offsets = OffsetMap(text)
    results: list[Result] = []
    for k, span in enumerate(record.get("spans", [])):
        label = L.label_for_path(span["path"])
        if label is not None and span["end"] > span["start"]:
            results.append(
                region(f"p{k}", L.SECTION, label, span["start"], span["end"], text, offsets)
            )
    results.extend(_leftover_lines(text, results, offsets))
    results.extend(_quote_results(record, text, offsets))
    return results


def _leftover_lines(text: str, regions: list[Result], offsets: OffsetMap) -> list[Result]:
    """Boilerplate regions for the lines no field took (image URLs, promo lines, footer), so
    every line of the page carries a prediction and a person's correction of it is counted."""
    covered = sorted(
        (offsets.to_py(r["value"]["start"]), offsets.to_py(r["value"]["end"])) for r in regions
    )
    found: list[Result] = []
    at = 0
    k = 0
    for line in text.split("\n"):
        start, end = at + len(line) - len(line.lstrip()), at + len(line.rstrip())
        at += len(line) + 1
        while k < len(covered) and covered[k][1] <= start:
            k += 1
        if end > start and not (k < len(covered) and covered[k][0] < end):
            found.append(
                region(f"b{len(found)}", L.SECTION, L.BOILERPLATE, start, end, text, offsets)
            )
    return found


def region(
    rid: str, tag: str, label: str, start: int, end: int, text: str, offsets: OffsetMap
) -> Result:
    return {
        "id": rid,
        "from_name": tag,
        "to_name": L.TEXT,
        "type": "labels",
        "value": {
            "start": offsets.to_js(start),
            "end": offsets.to_js(end),
            "text": text[start:end],
            "labels": [label],
        },
    }


def _mention_spans(record: Record) -> dict[int, tuple[int, int]]:
    found: dict[int, tuple[int, int]] = {}
    for span in record.get("spans", []):
        parts = span["path"].split("/")
        if len(parts) == 5 and parts[1] == "quotes" and parts[3] == "speaker_mention":
            found[int(parts[2])] = (span["start"], span["end"])
    return found


def _quote_results(record: Record, text: str, offsets: OffsetMap) -> list[Result]:
    results: list[Result] = []
    mentions = _mention_spans(record)
    speaker_ids: dict[tuple[int, int], str] = {}
    last_in_group: dict[int, str] = {}
    for k, quote in enumerate(record.get("quotes", [])):
        start, end = quote["span"]["start"], quote["span"]["end"]
        qid = f"q{k}"
        results.append(region(qid, L.QUOTE_TAG, L.QUOTE, start, end, text, offsets))
        if quote.get("partial"):
            results.append(
                _per_region(qid, L.QUOTE_KIND, "choices", start, end, offsets, [L.PARTIAL])
            )
        if quote["group"] in last_in_group:
            results.append(relation(last_in_group[quote["group"]], qid, L.CONTINUES))
        last_in_group[quote["group"]] = qid
        mention = mentions.get(k)
        if mention is None:
            if quote.get("speaker") and not _group_has_mention(record, quote["group"], mentions):
                results.append(
                    _per_region(
                        qid, L.SPEAKER_NAME, "textarea", start, end, offsets, [quote["speaker"]]
                    )
                )
            continue
        sid = speaker_ids.get(mention)
        if sid is None:
            sid = speaker_ids[mention] = f"s{len(speaker_ids)}"
            results.append(region(sid, L.QUOTE_TAG, L.SPEAKER, *mention, text, offsets))
            if quote.get("speaker"):
                results.append(
                    _per_region(
                        sid, L.SPEAKER_NAME, "textarea", *mention, offsets, [quote["speaker"]]
                    )
                )
        results.append(relation(qid, sid, L.SAID_BY))
    return results


def _group_has_mention(record: Record, group: int, mentions: dict[int, tuple[int, int]]) -> bool:
    return any(q["group"] == group and k in mentions for k, q in enumerate(record["quotes"]))


def _per_region(
    rid: str, tag: str, kind: str, start: int, end: int, offsets: OffsetMap, values: list[str]
) -> Result:
    key = "text" if kind == "textarea" else "choices"
    return {
        "id": rid,
        "from_name": tag,
        "to_name": L.TEXT,
        "type": kind,
        "value": {"start": offsets.to_js(start), "end": offsets.to_js(end), key: values},
    }


def relation(from_id: str, to_id: str, label: str) -> Result:
    return {
        "type": "relation",
        "from_id": from_id,
        "to_id": to_id,
        "direction": "right",
        "labels": [label],
    }
