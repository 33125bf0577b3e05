"""Lines of a document with their character spans, and the collector parse stages fill."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NBSP = "\u00a0"


@dataclass(slots=True)
class Line:
    """One line: its text with outer whitespace (NBSP included) removed, and where that text
    sits in the document (end exclusive). A blank line has empty text."""

    text: str
    start: int
    end: int
    nbsp: bool  # the raw line began with a non-breaking space (relative time, profile URL)


_BLANK = Line("", 0, 0, False)  # shared: blank lines never carry a span


def split_lines(doc: str) -> list[Line]:
    raws = doc.split("\n")
    lines = []
    pos = 0
    for raw in raws:
        text = raw.strip()
        if not text:
            lines.append(_BLANK)
        elif raw[0] == text[0]:
            lines.append(Line(text, pos, pos + len(text), False))
        else:
            lead = pos + len(raw) - len(raw.lstrip())
            lines.append(Line(text, lead, lead + len(text), raw[0] == NBSP))
        pos += len(raw) + 1
    return lines


class ParseReject(Exception):
    """The document cannot become a record; `code` is stable, `message` explains."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Extraction:
    """What the parse stages found: field values, their spans, and warnings."""

    fields: dict[str, Any] = field(default_factory=dict)
    normalized: str = ""  # the page's lines, stripped, joined by newlines: hashed for the id
    paragraphs: list[str] = field(default_factory=list)  # body paragraphs, across sections
    paragraph_starts: list[int] = field(default_factory=list)  # where each one starts
    spans: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)

    def span(self, path: str, start: int, end: int) -> None:
        self.spans.append({"path": path, "start": start, "end": end})

    def line_span(self, path: str, line: Line) -> None:
        self.spans.append({"path": path, "start": line.start, "end": line.end})

    def warn(self, code: str, message: str) -> None:
        self.warnings.append({"code": code, "message": message})


class Cursor:
    """Walks the lines of one document."""

    __slots__ = ("i", "lines")

    def __init__(self, lines: list[Line], i: int = 0) -> None:
        self.lines = lines
        self.i = i

    def done(self) -> bool:
        return self.i >= len(self.lines)

    def peek(self, ahead: int = 0) -> Line | None:
        j = self.i + ahead
        return self.lines[j] if j < len(self.lines) else None

    def skip_blank(self) -> None:
        while self.i < len(self.lines) and not self.lines[self.i].text:
            self.i += 1

    def take(self) -> Line:
        line = self.lines[self.i]
        self.i += 1
        return line
