"""`annotate report`: how far people agree, and how far the converter agrees with people.

Spans are compared exactly (label, start, end) after the whitespace around them is trimmed,
per label. Agreement is pooled over every pair of non-cancelled annotations of a task done
twice or more; parser accuracy compares each task's prediction with the annotation `merge`
would use.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

from toolkit.annotate import labels as L
from toolkit.annotate.merge import choose

Record = dict[str, Any]
Key = tuple[int, int]


def _span_sets(annotation: Record) -> dict[str, set[Key]]:
    found: dict[str, set[Key]] = defaultdict(set)
    for span in annotation["spans"]:
        text = span["text"]
        lead = len(text) - len(text.lstrip())
        tail = len(text) - len(text.rstrip())
        found[span["label"]].add((span["start"] + lead, span["end"] - tail))
    return found


def _speakers(annotation: Record) -> dict[Key, str | None]:
    """Speaker name of each Quote region, by its offsets."""
    by_id = {s["id"]: s for s in annotation["spans"]}
    said: dict[str, str] = {}
    for rel in annotation["relations"]:
        target = by_id.get(rel["to_id"])
        if rel["label"] == L.SAID_BY and target is not None:
            said.setdefault(rel["from_id"], (target["speaker_name"] or target["text"]).strip())
    return {
        (s["start"], s["end"]): said.get(s["id"], s["speaker_name"])
        for s in annotation["spans"]
        if s["label"] == L.QUOTE
    }


def _tally(
    counts: dict[str, list[int]], one: dict[str, set[Key]], two: dict[str, set[Key]]
) -> None:
    """Add (shared, spans in one, spans in two) per label."""
    for label in set(one) | set(two):
        c = counts[label]
        c[0] += len(one[label] & two[label])
        c[1] += len(one[label])
        c[2] += len(two[label])


def _f1(tp: int, a: int, b: int) -> float:
    return round(2 * tp / (a + b), 4) if a + b else 1.0


def agreement(annotations: list[Record]) -> dict[str, Any]:
    by_task: dict[int, list[Record]] = defaultdict(list)
    for a in annotations:
        if a["kind"] == "annotation" and not a["cancelled"]:
            by_task[a["task_id"]].append(a)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    tasks = pairs = 0
    for group in by_task.values():
        if len(group) < 2:
            continue
        tasks += 1
        for first, second in combinations(group, 2):
            pairs += 1
            _tally(counts, _span_sets(first), _span_sets(second))
    labels = {
        label: {"f1": _f1(*counts[label]), "spans": counts[label][1] + counts[label][2]}
        for label in L.ALL_LABELS
        if label in counts
    }
    return {"tasks": tasks, "pairs": pairs, "labels": labels}


def parser_accuracy(annotations: list[Record], predictions: list[Record]) -> dict[str, Any]:
    human_by_task: dict[int, list[Record]] = defaultdict(list)
    for a in annotations:
        human_by_task[a["task_id"]].append(a)
    predicted = {p["task_id"]: p for p in sorted(predictions, key=lambda p: p["annotation_id"])}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, predicted, human
    speakers = [0, 0]
    tasks = 0
    for task_id, group in human_by_task.items():
        human = choose(group)
        guess = predicted.get(task_id)
        if human is None or guess is None or guess["text_sha256"] != human["text_sha256"]:
            continue
        if human["verdict"] == "not_article":
            continue
        tasks += 1
        _tally(counts, _span_sets(guess), _span_sets(human))
        hs, gs = _speakers(human), _speakers(guess)
        for key in hs.keys() & gs.keys():
            speakers[1] += 1
            speakers[0] += hs[key] == gs[key]
    labels = {}
    for label in L.ALL_LABELS:
        if label in counts:
            tp, npred, nhuman = counts[label]
            labels[label] = {
                "precision": round(tp / npred, 4) if npred else 1.0,
                "recall": round(tp / nhuman, 4) if nhuman else 1.0,
                "f1": _f1(tp, npred, nhuman),
                "human": nhuman,
                "predicted": npred,
            }
    accuracy = round(speakers[0] / speakers[1], 4) if speakers[1] else None
    return {
        "tasks": tasks,
        "labels": labels,
        "speaker_accuracy": accuracy,
        "quotes_matched": speakers[1],
    }


def summarize(annotations: list[Record], predictions: list[Record]) -> dict[str, Any]:
    people = [a for a in annotations if a["kind"] == "annotation"]
    leads = [a["lead_time"] for a in people if a["lead_time"] is not None]
    verdicts = Counter(a["verdict"] or "none" for a in people if not a["cancelled"])
    return {
        "annotations": len(people),
        "cancelled": sum(a["cancelled"] for a in people),
        "tasks": len({a["task_id"] for a in people}),
        "annotators": sorted({a["annotator"] for a in people}),
        "mean_lead_time": round(sum(leads) / len(leads), 2) if leads else None,
        "verdicts": dict(sorted(verdicts.items())),
        "agreement": agreement(people),
        "parser": parser_accuracy(people, predictions),
    }


def format_report(figures: dict[str, Any]) -> str:
    lines = [
        f"{figures['annotations']} annotation(s) on {figures['tasks']} task(s) by "
        f"{len(figures['annotators'])} annotator(s); {figures['cancelled']} cancelled; "
        f"verdicts {figures['verdicts']}",
        "",
        f"{'label':<16}{'agreement F1':>14}{'parser P':>10}{'parser R':>10}{'parser F1':>11}",
    ]
    agree = figures["agreement"]["labels"]
    parser = figures["parser"]["labels"]
    for label in L.ALL_LABELS:
        if label not in agree and label not in parser:
            continue
        a = f"{agree[label]['f1']:.3f}" if label in agree else "-"
        p = parser.get(label)
        scores = (
            f"{p['precision']:>10.3f}{p['recall']:>10.3f}{p['f1']:>11.3f}"
            if p
            else f"{'-':>10}{'-':>10}{'-':>11}"
        )
        lines.append(f"{label:<16}{a:>14}{scores}")
    acc = figures["parser"]["speaker_accuracy"]
    agree_on, parser_on = figures["agreement"], figures["parser"]
    lines += [
        "",
        f"agreement over {agree_on['tasks']} task(s) done twice or more "
        f"({agree_on['pairs']} pair(s)); parser scored on {parser_on['tasks']} task(s)",
        f"speaker accuracy on matched quotes: {acc:.3f} ({parser_on['quotes_matched']} quotes)"
        if acc is not None
        else "speaker accuracy: no matched quotes",
    ]
    return "\n".join(lines)
