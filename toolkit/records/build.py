"""Assemble a schema record from a parsed page and where it came from."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from typing import Any

from toolkit.parse import Extraction, parse_page
from toolkit.quotes import extract_quotes, quote_spans
from toolkit.schema import load_schema, schema_version


@dataclass(frozen=True)
class Origin:
    """Where a document sits: its input, the input's checksum, and its byte range."""

    path: str
    sha256: str
    offset: int
    length: int
    format: str
    encoding: str

    def as_source(self) -> dict[str, Any]:
        """The record's `source` object."""
        return {
            "path": self.path,
            "sha256": self.sha256,
            "offset": self.offset,
            "length": self.length,
            "format": self.format,
            "encoding": self.encoding,
        }


def record_id(normalized: str) -> str:
    """Content-derived id from the page's stripped lines: the same page gives the same id
    from any file, encoding, line-ending convention or trailing whitespace."""
    return "nb-" + hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:20]


@functools.cache
def _field_order() -> tuple[str, ...]:
    """Record keys in schema order, so records read the way the schema documents them."""
    return tuple(load_schema()["properties"])


def quotes_of(ext: Extraction) -> list[dict[str, Any]]:
    """The quotes of a parsed page, with their spans added to `ext.spans`. A fault in the
    rules on one article must not stop a run of millions: the record keeps no quotes and a
    `quotes_failed` warning says why."""
    try:
        quotes = extract_quotes(ext.paragraphs, ext.paragraph_starts)
    except Exception as exc:
        ext.warn(
            "quotes_failed",
            f"quote extraction failed on this article ({type(exc).__name__}: {exc}); the "
            "record has no quotes. Please report it with the article",
        )
        return []
    ext.spans.extend(quote_spans(quotes, ext.paragraph_starts))
    return quotes


def parse_document(doc: str, origin: Origin) -> Extraction:
    """Parse `doc` (raises ParseReject when it cannot be a record)."""
    ext = parse_page(doc)
    if origin.encoding != "utf-8":
        ext.warn(
            f"decoded_{origin.encoding.replace('-', '')}",
            f"the document is not valid UTF-8; bytes were read as {origin.encoding} "
            "(Windows smart quotes and accents come out as the right characters)",
        )
    return ext


def assemble(
    doc: str, ext: Extraction, origin: Origin, quotes: list[dict[str, Any]]
) -> dict[str, Any]:
    """The record of a parsed page, keys in schema order."""
    values: dict[str, Any] = {
        **ext.fields,
        "id": record_id(ext.normalized),
        "schema_version": schema_version(),
        "source": origin.as_source(),
        "quotes": quotes,
        "spans": ext.spans,
        "warnings": ext.warnings,
        "review": None,
        "source_text": doc,
    }
    return {name: values[name] for name in _field_order()}


def build_record(doc: str, origin: Origin, *, quotes: bool = True) -> dict[str, Any]:
    """Parse `doc` and return the record (raises ParseReject when it cannot be one).
    `quotes=False` leaves `quotes` empty (the extractor is skipped). The converter runs the
    same three steps, each over a batch of documents."""
    ext = parse_document(doc, origin)
    return assemble(doc, ext, origin, quotes_of(ext) if quotes else [])
