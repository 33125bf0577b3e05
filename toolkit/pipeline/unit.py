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
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import orjson

from toolkit.collector import collector_paused
from toolkit.parse import Extraction, ParseReject
from toolkit.pipeline.options import ConvertOptions
from toolkit.records.build import Origin, assemble, parse_document, quotes_of
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
_CHUNK = 64  # documents taken through each stage together (also: between progress reports)
_COLLECT_EVERY = 4096  # documents between cyclic garbage collections
_SNIFF_BYTES = 8192  # how much of an input is looked at to tell text from binary
STAGES = ("read", "parse", "quotes", "validate", "write")  # where a unit's time goes


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
        # Records become Arrow a batch of stages at a time, while they are still in the CPU's
        # caches: about a fifth cheaper than 512 at a time. The merge regroups the rows.
        self.parquet = ParquetSink(paths.arrow, ipc=True, batch=_CHUNK)
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


class _Parsed:
    """A document that parsed, on its way to becoming a record."""

    __slots__ = ("ext", "origin", "quotes", "text")

    def __init__(self, text: str, ext: Extraction, origin: Origin) -> None:
        self.text = text
        self.ext = ext
        self.origin = origin
        self.quotes: list[dict[str, Any]] = []


def _parse_document(
    raw: RawDocument, unit: Unit, sha: str, options: ConvertOptions
) -> _Parsed | dict[str, Any]:
    """The parsed document, or its reject entry."""
    origin = Origin(unit.path, sha, raw.offset, len(raw.data), unit.format, "utf-8")
    if looks_binary(raw.data):
        return _reject(
            origin,
            "binary",
            "binary data (NUL or control bytes), not a "
            "text dump; check that the right file was passed",
            raw.data,
            options,
        )
    if len(raw.data) > options.max_document_bytes:
        return _reject(
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
        return _Parsed(decoded.text, parse_document(decoded.text, origin), origin)
    except ParseReject as exc:
        return _reject(origin, exc.code, exc.message, decoded.text, options)


def _record_of(item: _Parsed, options: ConvertOptions) -> tuple[bool, dict[str, Any]]:
    """(True, record), or (False, reject entry) for a record that breaks the schema."""
    record = assemble(item.text, item.ext, item.origin, item.quotes)
    if is_valid(record):
        return True, record
    problems = "; ".join(str(e) for e in list(iter_errors(record))[:3])
    message = f"record breaks the schema: {problems}"
    return False, _reject(item.origin, "invalid_record", message, item.text, options)


def convert_document(
    raw: RawDocument, unit: Unit, sha: str, options: ConvertOptions
) -> tuple[bool, dict[str, Any]]:
    """One document through every stage: (True, record) or (False, its reject entry)."""
    item = _parse_document(raw, unit, sha, options)
    if not isinstance(item, _Parsed):
        return False, item
    if options.quotes:
        item.quotes = quotes_of(item.ext)
    return _record_of(item, options)


def _convert_chunk(
    raws: list[RawDocument],
    unit: Unit,
    sha: str,
    writer: _ShardWriter,
    options: ConvertOptions,
    clock: dict[str, float],
) -> int:
    """Take a few documents through the stages one stage at a time, so each stage's code and
    word lists stay in the CPU's caches across documents; write them in input order.
    Returns the number of rejects."""
    started = time.perf_counter()
    items = [_parse_document(raw, unit, sha, options) for raw in raws]
    parsed = time.perf_counter()
    quoted = parsed
    if options.quotes:
        for item in items:
            if isinstance(item, _Parsed):
                item.quotes = quotes_of(item.ext)
        quoted = time.perf_counter()
    outcomes = [
        _record_of(item, options) if isinstance(item, _Parsed) else (False, item) for item in items
    ]
    validated = time.perf_counter()
    rejects = 0
    for is_record, value in outcomes:
        if is_record:
            writer.record(value)
        else:
            writer.reject(value)
            rejects += 1
    written = time.perf_counter()
    for stage, seconds in zip(
        STAGES[1:],
        (parsed - started, quoted - parsed, validated - quoted, written - validated),
        strict=True,
    ):
        clock[stage] += seconds
    return rejects


_READ_ERRORS = (OSError, EOFError, zlib.error, gzip.BadGzipFile)


def _chunks(documents: Iterator[RawDocument]) -> Iterator[list[RawDocument]]:
    """Documents in lists of _CHUNK. When the input breaks off, the documents read before
    the damage come first, then the error."""
    chunk: list[RawDocument] = []
    try:
        for raw in documents:
            chunk.append(raw)
            if len(chunk) == _CHUNK:
                yield chunk
                chunk = []
    except _READ_ERRORS:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


def _convert_stream(
    unit: Unit,
    sha: str,
    writer: _ShardWriter,
    options: ConvertOptions,
    progress: Progress,
    clock: dict[str, float],
) -> None:
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
            chunks = _chunks(split_documents(Prepended(head, opened)))  # type: ignore[arg-type]
            while True:
                started = time.perf_counter()
                raws = next(chunks, None)
                clock["read"] += time.perf_counter() - started
                if raws is None:
                    break
                rejects = _convert_chunk(raws, unit, sha, writer, options, clock)
                if writer.counts["documents"] % _COLLECT_EVERY < len(raws):
                    gc.collect()
                progress(len(raws), rejects)
        except _READ_ERRORS as exc:
            origin = Origin(unit.path, sha, 0, 0, unit.format, "utf-8")
            message = (
                f"the input could not be read to its end ({exc}); documents before the "
                "damage were kept. Re-fetch or re-compress the file"
            )
            writer.reject(_reject(origin, "corrupt_input", message, b"", options))
            progress(1, 1)
    if writer.counts["documents"] == 0:
        origin = Origin(unit.path, sha, 0, 0, unit.format, "utf-8")
        message = (
            "the input holds no document (empty or whitespace only); check that the right "
            "file was passed"
        )
        writer.reject(_reject(origin, "empty_input", message, b"", options))
        progress(1, 1)


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
    clock = dict.fromkeys(STAGES, 0.0)
    try:
        # Records hold no reference cycles: the collector only costs time here (about 10%);
        # a collection every few thousand documents catches any a library makes.
        with collector_paused(freeze=True):
            _convert_stream(unit, sha, writer, options, progress or _no_progress, clock)
    finally:
        closing = time.perf_counter()
        writer.close()
        clock["write"] += time.perf_counter() - closing
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
        "stages": {stage: round(seconds, 6) for stage, seconds in clock.items()},
    }
    tmp = paths.manifest.with_suffix(".tmp")
    tmp.write_bytes(orjson.dumps(partial, option=orjson.OPT_INDENT_2))
    tmp.replace(paths.manifest)
    return partial
