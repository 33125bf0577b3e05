"""Convert one unit of work (an input file or archive member) into one shard.

A shard is four files named after the unit's index: records as JSONL and Arrow IPC, rejects as
JSONL, and a partial manifest written last (its presence marks the shard complete). The
function needs nothing but its arguments, so it runs the same in-process, in a worker process
or on a distributed engine.
"""

from __future__ import annotations

import gc
import gzip
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import orjson

from toolkit.parse import ParseReject
from toolkit.pipeline.options import ConvertOptions
from toolkit.records.build import Origin, build_record
from toolkit.records.validate import is_valid, iter_errors
from toolkit.sinks.jsonl import dumps
from toolkit.sinks.parquet import ParquetSink
from toolkit.sources.documents import (
    Prepended,
    RawDocument,
    decode,
    looks_binary,
    read_head,
    split_documents,
)
from toolkit.sources.inputs import Unit, open_text_bytes, sha256_of

Progress = Callable[[int, int], None]  # (documents, rejects) since the last call
_PROGRESS_EVERY = 64  # documents between progress reports
_COLLECT_EVERY = 4096  # documents between cyclic garbage collections
_SNIFF_BYTES = 8192  # how much of an input is looked at to tell text from binary


@dataclass
class ShardPaths:
    records: Path
    arrow: Path
    rejects: Path
    manifest: Path

    @classmethod
    def for_index(cls, folder: Path, index: int) -> ShardPaths:
        stem = folder / f"{index:06d}"
        return cls(
            Path(f"{stem}.jsonl"),
            Path(f"{stem}.arrow"),
            Path(f"{stem}.rejects.jsonl"),
            Path(f"{stem}.manifest.json"),
        )


def _reject(
    origin: Origin, code: str, message: str, raw: bytes | str, options: ConvertOptions
) -> dict[str, Any]:
    text = raw if isinstance(raw, str) else raw.decode("utf-8", errors="replace")
    truncated = len(text) > options.max_reject_chars
    return {
        "source": origin.as_source(),
        "code": code,
        "message": message,
        "raw": text[: options.max_reject_chars],
        "raw_truncated": truncated,
    }


class _ShardWriter:
    def __init__(self, paths: ShardPaths) -> None:
        self.records = paths.records.open("wb")
        self.rejects = paths.rejects.open("wb")
        self.parquet = ParquetSink(paths.arrow, ipc=True)
        self.seen: set[str] = set()
        self.counts: Counter[str] = Counter()
        self.reject_codes: Counter[str] = Counter()
        self.warning_codes: Counter[str] = Counter()

    def record(self, record: dict[str, Any]) -> None:
        self.counts["documents"] += 1
        if record["id"] in self.seen:
            self.counts["duplicates"] += 1
            return
        self.seen.add(record["id"])
        self.counts["records"] += 1
        for warning in record["warnings"]:
            self.warning_codes[warning["code"]] += 1
        self.records.write(dumps(record))
        self.parquet.write(record)

    def reject(self, entry: dict[str, Any]) -> None:
        self.counts["documents"] += 1
        self.counts["rejects"] += 1
        self.reject_codes[entry["code"]] += 1
        self.rejects.write(dumps(entry))

    def close(self) -> None:
        self.records.close()
        self.rejects.close()
        self.parquet.close()


def _convert_document(
    raw: RawDocument, unit: Unit, sha: str, options: ConvertOptions
) -> tuple[str, dict[str, Any]]:
    origin = Origin(unit.path, sha, raw.offset, len(raw.data), unit.format, "utf-8")
    if looks_binary(raw.data):
        return "reject", _reject(
            origin,
            "binary",
            "binary data (NUL or control bytes), not a "
            "text dump; check that the right file was passed",
            raw.data,
            options,
        )
    if len(raw.data) > options.max_document_bytes:
        return "reject", _reject(
            origin,
            "too_large",
            f"document of {len(raw.data):,} bytes is over the "
            f"{options.max_document_bytes:,}-byte limit; raise --max-document-mb to keep it",
            raw.data,
            options,
        )
    decoded = decode(raw.data)
    origin = Origin(unit.path, sha, raw.offset, len(raw.data), unit.format, decoded.encoding)
    try:
        record = build_record(decoded.text, origin, quotes=options.quotes)
    except ParseReject as exc:
        return "reject", _reject(origin, exc.code, exc.message, decoded.text, options)
    if not is_valid(record):
        problems = "; ".join(str(e) for e in list(iter_errors(record))[:3])
        return "reject", _reject(
            origin, "invalid_record", f"record breaks the schema: {problems}", decoded.text, options
        )
    return "record", record


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Records hold no reference cycles, so the cyclic GC only costs time here (about 10%):
    pause it, and collect every few thousand documents in case a library makes cycles."""
    gc.freeze()  # the modules and schema loaded so far live for the whole run: skip them
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _convert_stream(
    unit: Unit, sha: str, writer: _ShardWriter, options: ConvertOptions, progress: Progress
) -> None:
    docs = rejects = 0
    with open_text_bytes(unit) as opened:
        try:
            head = read_head(opened, _SNIFF_BYTES)
            if looks_binary(head):
                # Not a dump at all (an image, an archive of another kind): one reject for the
                # whole input, without reading the rest of it into memory.
                origin = Origin(unit.path, sha, 0, len(head), unit.format, "utf-8")
                message = (
                    "binary data (NUL or control bytes), not a text dump; the whole input "
                    "was skipped. Check that the right file was passed"
                )
                writer.reject(_reject(origin, "binary", message, head, options))
                progress(1, 1)
                return
            for raw in split_documents(Prepended(head, opened)):  # type: ignore[arg-type]
                kind, value = _convert_document(raw, unit, sha, options)
                if kind == "record":
                    writer.record(value)
                else:
                    writer.reject(value)
                    rejects += 1
                docs += 1
                if docs % _COLLECT_EVERY == 0:
                    gc.collect()
                if docs >= _PROGRESS_EVERY:
                    progress(docs, rejects)
                    docs = rejects = 0
        except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            origin = Origin(unit.path, sha, 0, 0, unit.format, "utf-8")
            message = (
                f"the input could not be read to its end ({exc}); documents before the "
                "damage were kept. Re-fetch or re-compress the file"
            )
            writer.reject(_reject(origin, "corrupt_input", message, b"", options))
            docs, rejects = docs + 1, rejects + 1
    if writer.counts["documents"] == 0:
        origin = Origin(unit.path, sha, 0, 0, unit.format, "utf-8")
        message = (
            "the input holds no document (empty or whitespace only); check that the right "
            "file was passed"
        )
        writer.reject(_reject(origin, "empty_input", message, b"", options))
        docs, rejects = docs + 1, rejects + 1
    if docs:
        progress(docs, rejects)


def _no_progress(documents: int, rejects: int) -> None:
    pass


def convert_unit(
    unit: Unit, index: int, folder: Path, options: ConvertOptions, progress: Progress | None = None
) -> dict[str, Any]:
    """Convert `unit` into shard `index` under `folder`; return its partial manifest."""
    started = time.perf_counter()
    paths = ShardPaths.for_index(folder, index)
    sha = sha256_of(unit)
    writer = _ShardWriter(paths)
    try:
        with _collector_paused():
            _convert_stream(unit, sha, writer, options, progress or _no_progress)
    finally:
        writer.close()
    partial = {
        "index": index,
        "unit": asdict(unit),
        "sha256": sha,
        "documents": writer.counts["documents"],
        "records": writer.counts["records"],
        "rejects": writer.counts["rejects"],
        "duplicates": writer.counts["duplicates"],
        "reject_codes": dict(writer.reject_codes),
        "warning_codes": dict(writer.warning_codes),
        "seconds": round(time.perf_counter() - started, 6),
    }
    tmp = paths.manifest.with_suffix(".tmp")
    tmp.write_bytes(orjson.dumps(partial, option=orjson.OPT_INDENT_2))
    tmp.replace(paths.manifest)
    return partial
