"""The annotate commands as library calls: paths and options in, reports out."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson

from toolkit.annotate import report as R
from toolkit.annotate.client import Client, resolve
from toolkit.annotate.merge import MergeReport, merge
from toolkit.annotate.pull import ANNOTATIONS, PREDICTIONS, PullReport, pull
from toolkit.annotate.push import Progress, PushReport, push
from toolkit.errors import InputError, OutputError
from toolkit.records.files import RECORDS_JSONL, RECORDS_PARQUET, read_records
from toolkit.sinks.jsonl import write_atomic, write_jsonl
from toolkit.sinks.parquet import ParquetSink

Record = dict[str, Any]
format_report = R.format_report
REPORT = "annotation_report.json"


def load_records(path: Path) -> list[Record]:
    return read_records(path)


def connect(url: str | None, home: str | Path | None) -> Client:
    return Client(resolve(url, str(home) if home else None))


def push_records(
    records: list[Record], project: str, *, url: str | None = None, home: Path | None = None,
    batch_size: int = 500, progress: Progress | None = None,
) -> PushReport:  # fmt: skip
    return push(connect(url, home), records, project, batch_size=batch_size, progress=progress)


def pull_annotations(
    project: str, out: Path, *, url: str | None = None, home: Path | None = None
) -> PullReport:
    return pull(connect(url, home), project, out)


def read_annotations(path: Path, name: str = ANNOTATIONS) -> list[Record]:
    file = path / name if path.is_dir() else path
    if not file.is_file():
        raise InputError(f"no {name} at {str(path)!r}; pass a folder written by `annotate pull`")
    try:
        return [orjson.loads(line) for line in file.read_bytes().splitlines() if line.strip()]
    except orjson.JSONDecodeError as exc:
        raise InputError(f"{str(file)!r} is not JSON Lines ({exc}); pull it again") from None


def report_files(path: Path) -> dict[str, Any]:
    annotations = read_annotations(path)
    folder = path if path.is_dir() else path.parent
    predictions = read_annotations(folder, PREDICTIONS) if (folder / PREDICTIONS).is_file() else []
    return R.summarize(annotations, predictions)


def merge_files(records: Path, annotations: Path, out: Path) -> MergeReport:
    loaded = read_records(records)
    pulled = read_annotations(annotations)
    merged, report = merge(loaded, pulled)
    folder = annotations if annotations.is_dir() else annotations.parent
    predictions = read_annotations(folder, PREDICTIONS) if (folder / PREDICTIONS).is_file() else []
    figures = R.summarize(pulled, predictions)
    _write_merged(out, merged, report, figures)
    return report


def _write_merged(
    out: Path, merged: list[Record], report: MergeReport, figures: dict[str, Any]
) -> None:
    summary = {
        "records": report.records,
        "merged": report.merged,
        "unchecked": report.unchecked,
        "not_article": report.not_article,
        "problems": [p.as_dict() for p in report.problems],
    }
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_jsonl(out / RECORDS_JSONL, merged)
        tmp = out / f".{RECORDS_PARQUET}.tmp"
        sink = ParquetSink(tmp)
        for record in merged:
            sink.write(record)
        sink.close()
        os.replace(tmp, out / RECORDS_PARQUET)
        write_atomic(out / "merge.json", orjson.dumps(summary, option=orjson.OPT_INDENT_2))
        write_atomic(out / REPORT, orjson.dumps(figures, option=orjson.OPT_INDENT_2))
    except OSError as exc:
        raise OutputError(f"cannot write to {out} ({exc.strerror}); choose another -o") from None
