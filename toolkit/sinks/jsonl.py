"""JSON Lines output (optionally gzip-compressed)."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import IO, Any

import orjson


def dumps(record: Any) -> bytes:
    return orjson.dumps(record) + b"\n"


def open_jsonl(path: Path, *, compress: bool) -> IO[bytes]:
    if compress:
        return gzip.open(path, "wb", compresslevel=6)  # type: ignore[return-value]
    return path.open("wb")
