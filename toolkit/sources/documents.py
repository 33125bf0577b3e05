"""Split a stream of dump bytes into documents and decode each one.

Documents are found on the bytes (every article starts with its ` date YYYY-MM-DD` header
line), so a file may hold one article or millions, in mixed encodings, and memory stays bounded
by the largest single document, not the file.
"""

from __future__ import annotations

import codecs
import itertools
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

_BLOCK = 1 << 20
_BOM = b"\xef\xbb\xbf"
# A header line: optional BOM and indentation, then `date YYYY-MM-DD`.
HEADER_RE = re.compile(rb"(?m)^(?:\xef\xbb\xbf)?[ \t\xa0]*date \d{4}-\d{2}-\d{2}\b")
# Its date part alone: a literal start the regex engine finds fast. Trying HEADER_RE at every
# line of a large buffer costs several times more than this search plus one check per hit.
_DATE_RE = re.compile(rb"date \d{4}-\d{2}-\d{2}\b")
_TEXT_BYTES = bytes([9, 10, 12, 13, *range(32, 256)])


@dataclass(frozen=True)
class RawDocument:
    offset: int  # byte offset in the decompressed stream
    data: bytes


def split_documents(stream: BinaryIO, block_size: int = _BLOCK) -> Iterator[RawDocument]:
    """Yield the documents of a stream in order; text before the first header is yielded too
    (as a document that will be rejected for having no header) unless it is only whitespace.

    A stream that breaks (a damaged gzip) still yields every document read before the
    damage, the cut one included, and then raises the read error.
    """
    read = getattr(stream, "read1", stream.read)  # read1: hand over data before a failure
    buf = bytearray()  # appends and front deletions are amortised O(1)
    base = 0  # offset of buf[0] in the stream
    failure: BaseException | None = None
    scanned = 0  # buf[:scanned] holds whole lines already searched for headers
    while True:
        try:
            block = read(block_size)
        except (OSError, EOFError, zlib.error) as exc:
            failure, block = exc, b""
        if block:
            buf += block
        # A header cut by the block end is found on the next round: only scan complete lines.
        limit = len(buf) if not block else buf.rfind(b"\n") + 1
        starts = [at for at in _header_starts(buf, scanned, max(limit, scanned)) if at > 0]
        scanned = max(limit, scanned)
        pieces = [0, *starts]
        for begin, end in itertools.pairwise(pieces):
            yield from _emit(base + begin, bytes(buf[begin:end]))
        if starts:
            base += starts[-1]
            del buf[: starts[-1]]
            scanned -= starts[-1]
        if not block:
            break
    yield from _emit(base, bytes(buf))
    if failure is not None:
        raise failure


def _header_starts(buf: bytearray, begin: int, end: int) -> list[int]:
    """Where HEADER_RE matches in buf[begin:end] (`begin` is a line start)."""
    starts = []
    for m in _DATE_RE.finditer(buf, begin, end):
        line = buf.rfind(b"\n", begin, m.start()) + 1 or begin
        header = HEADER_RE.match(buf, line, end)
        if header is not None and header.end() == m.end():
            starts.append(line)
    return starts


def _emit(offset: int, data: bytes) -> Iterator[RawDocument]:
    if data.strip(b" \t\r\n") or b"\x00" in data:
        yield RawDocument(offset, data)


_fallback_counts = [0, 0]  # bytes read as cp1252, bytes cp1252 leaves unassigned


def _mixed_decode(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as Windows-1252 (latin-1 for its 5 unassigned bytes)."""
    assert isinstance(error, UnicodeDecodeError)
    chars = []
    for byte in error.object[error.start : error.end]:
        _fallback_counts[0] += 1
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            _fallback_counts[1] += 1
            chars.append(chr(byte))
    return "".join(chars), error.end


codecs.register_error("newsdump-cp1252", _mixed_decode)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # utf-8 | cp1252 | latin-1
    fallback_bytes: int  # how many bytes were not valid UTF-8


def decode(data: bytes) -> Decoded:
    """UTF-8 first; bytes that are not UTF-8 are read as Windows-1252, one by one, so a
    legacy file's smart quotes come out right and a mostly-UTF-8 file is never mangled."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        pass
    _fallback_counts[:] = [0, 0]
    text = data.decode("utf-8", errors="newsdump-cp1252")
    fallback, unassigned = _fallback_counts
    return Decoded(text, "latin-1" if unassigned else "cp1252", fallback)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or mostly control characters: not a text dump."""
    if b"\x00" in data:
        return True
    sample = data[:4096]
    controls = len(sample.translate(None, _TEXT_BYTES))
    return bool(sample) and controls / len(sample) > 0.1


def read_head(stream: BinaryIO, n: int) -> bytes:
    """Up to `n` first bytes; a stream that breaks early gives what it had (the error comes
    again on the next read, where it is reported)."""
    read = getattr(stream, "read1", stream.read)
    head = b""
    try:
        while len(head) < n:
            block = read(n - len(head))
            if not block:
                break
            head += block
    except (OSError, EOFError, zlib.error):
        pass
    return head


class Prepended:
    """A stream with bytes already read from it put back in front (read and read1 only)."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def read(self, n: int = -1) -> bytes:
        if not self._head:
            return self._stream.read(n)
        if n < 0:
            data, self._head = self._head + self._stream.read(), b""
            return data
        data, self._head = self._head[:n], self._head[n:]
        return data

    def read1(self, n: int = -1) -> bytes:
        if self._head:
            return self.read(n)
        return getattr(self._stream, "read1", self._stream.read)(n)
