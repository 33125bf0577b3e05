"""`annotate merge`: records in which people's sections, quotes and speakers override the
converter's, each saying which parts were checked, by whom and when.

For each record the annotation used is the ground-truth one if any, else the most recently
updated one that was not cancelled, and only if it was made on the record's current text.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from toolkit.annotate import rebuild
from toolkit.annotate.tasks import text_digest
from toolkit.records.validate import iter_errors

Record = dict[str, Any]


@dataclass(frozen=True)
class MergeProblem:
    code: str
    article_id: str
    annotation_id: int | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class MergeReport:
    records: int = 0
    merged: int = 0
    unchecked: int = 0
    not_article: int = 0
    problems: list[MergeProblem] = field(default_factory=list)


def choose(annotations: list[Record]) -> Record | None:
    usable = [a for a in annotations if a["kind"] == "annotation" and not a["cancelled"]]
    if not usable:
        return None
    return max(usable, key=lambda a: (a["ground_truth"], a["updated_at"] or "", a["annotation_id"]))


def merge(
    records: Iterable[Record], annotations: Iterable[Record]
) -> tuple[list[Record], MergeReport]:
    by_article: dict[str, list[Record]] = defaultdict(list)
    for annotation in annotations:
        by_article[annotation["article_id"]].append(annotation)
    report = MergeReport()
    out: list[Record] = []
    for record in records:
        report.records += 1
        out.append(_merge_one(record, by_article.get(record["id"], []), report))
    return out, report


def _merge_one(record: Record, annotations: list[Record], report: MergeReport) -> Record:
    digest = text_digest(record["source_text"])
    current = [a for a in annotations if a["text_sha256"] == digest]
    for stale in (a for a in annotations if a["text_sha256"] != digest):
        report.problems.append(MergeProblem(
            "stale_annotation", record["id"], stale["annotation_id"],
            "annotation was made on another version of the text; push the records again",
        ))  # fmt: skip
    chosen = choose(current)
    if chosen is None:
        report.unchecked += 1
        return record
    merged, problems = apply(record, chosen)
    for message in problems:
        report.problems.append(
            MergeProblem("unmerged_region", record["id"], chosen["annotation_id"], message)
        )
    errors = list(iter_errors(merged))
    if errors:
        report.problems.append(MergeProblem(
            "invalid_merge", record["id"], chosen["annotation_id"],
            f"merged record fails the schema ({errors[0]}); the converter's record is kept",
        ))  # fmt: skip
        report.unchecked += 1
        return record
    report.merged += 1
    report.not_article += merged["review"]["verdict"] == "not_article"
    return merged


def apply(record: Record, annotation: Record) -> tuple[Record, list[str]]:
    """`record` with the parts `annotation` decides replaced, and the regions left out."""
    source = record["source_text"]
    review = {
        "parts": [],
        "verdict": annotation["verdict"],
        "annotators": [annotation["annotator"]],
        "annotation_ids": [annotation["annotation_id"]],
        "task_id": annotation["task_id"],
        "reviewed_at": annotation["updated_at"],
    }
    merged = {**record, "review": review}
    if annotation["verdict"] == "not_article":
        return merged, []
    spans = annotation["spans"]
    built = rebuild.sections(source, spans)
    kept = [s for s in record["spans"] if not s["path"].startswith(("/sections/", "/quotes/"))]
    if built.sections:
        merged["sections"] = built.sections
        merged["text"] = rebuild.body_text(built.sections)
        review["parts"].append("sections")
        paragraphs = built.paragraphs
        kept.extend(built.spans)
    else:  # no Body regions at all: the converter's sections stand
        paragraphs = _paragraphs(record)
        kept.extend(s for s in record["spans"] if s["path"].startswith("/sections/"))
    quotes, quote_spans, problems = rebuild.quotes(
        source, spans, annotation["relations"], paragraphs, record["quotes"]
    )
    merged["quotes"] = quotes
    review["parts"].append("quotes")
    merged["spans"] = kept + quote_spans
    return merged, problems


def _paragraphs(record: Record) -> list[rebuild.Paragraph]:
    starts = {s["path"]: s["start"] for s in record["spans"] if "/paragraphs/" in s["path"]}
    found = []
    for k, section in enumerate(record["sections"]):
        for p, text in enumerate(section["paragraphs"]):
            at = starts.get(f"/sections/{k}/paragraphs/{p}")
            if at is not None:
                found.append(rebuild.Paragraph(text, at, k))
    return found
