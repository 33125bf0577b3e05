"""One options object for a conversion run, instead of many keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1 << 20


@dataclass(frozen=True)
class ConvertOptions:
    workers: int = 1
    compress_jsonl: bool = False  # write articles.jsonl.gz instead of articles.jsonl
    strict: bool = False  # any reject fails the run: no records are written under final names
    max_document_bytes: int = 256 * MIB  # larger documents are rejected as `too_large`
    max_reject_chars: int = 4 * MIB  # rejects keep at most this much of their raw text
    quotes: bool = True  # extract quotes and speakers into every record

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
