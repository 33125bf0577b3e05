"""JSON Lines output (optionally gzip-compressed)."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import orjson


def dumps(record: Any) -> bytes:
    return orjson.dumps(record) + b"\n"


def open_jsonl(path: Path, *, compress: bool) -> IO[bytes]:
    if compress:
        return gzip.open(path, "wb", compresslevel=6)  # type: ignore[return-value]
    return path.open("wb")


def write_atomic(path: Path, payload: bytes) -> None:
    """Write a whole file under a temporary name, then rename it: readers never see half."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(payload)
    os.replace(tmp, path)


def write_jsonl(path: Path, records: Iterable[Any]) -> None:
    write_atomic(path, b"".join(dumps(r) for r in records))
