"""Quotation spans in a paragraph, and the sentence around each one.

Only double marks delimit quotations (RULES §6.1): `"`, `“`, `”`, direction ignored, paired in
order; with an odd count the last span runs to the end of the paragraph. The paragraph is then
masked (quote contents blanked out, offsets kept) so that sentence boundaries and reporting
verbs are looked for in the writer's words only.
"""

from __future__ import annotations

import re
from typing import Final

from toolkit.quotes.chars import space_at, upper_at
from toolkit.quotes.lexicon import words

MASK: Final = "\x00"
_ABBREVIATIONS: Final = words("abbreviations")
_LONGEST_ABBREVIATION: Final = max(map(len, _ABBREVIATIONS))
# A sentence stop (what `sentence_stops` finds without it).
BOUNDARY: Final = re.compile(r"[.!?][)\]’']*\s+(?=[A-Z0-9“\"‘(\[\x00])")


class Span:
    """One quoted span: `open`/`close` are the mark positions (close None when unclosed);
    `start`/`end` delimit the text without marks and outer whitespace. A plain class, not a
    dataclass: the compiled build would run a dataclass's __init__ as interpreted Python."""

    def __init__(self, open: int, close: int | None, start: int, end: int) -> None:
        self.open = open
        self.close = close
        self.start = start
        self.end = end

    def _key(self) -> tuple[int, int | None, int, int]:
        return (self.open, self.close, self.start, self.end)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Span({self.open}, {self.close}, {self.start}, {self.end})"

    @property
    def closed(self) -> bool:
        return self.close is not None

    @property
    def outer_end(self) -> int:
        """Just past the closing mark (or the paragraph end)."""
        return self.close + 1 if self.close is not None else self.end


def find_spans(paragraph: str) -> list[Span]:
    marks = _marks(paragraph)
    spans = []
    for k in range(0, len(marks), 2):
        opening = marks[k]
        closing = marks[k + 1] if k + 1 < len(marks) else None
        inner_end = closing if closing is not None else len(paragraph)
        start, end = opening + 1, inner_end
        while start < end and space_at(paragraph, start):
            start += 1
        while end > start and space_at(paragraph, end - 1):
            end -= 1
        if end > start:
            spans.append(Span(opening, closing, start, end))
    return spans


def _marks(paragraph: str) -> list[int]:
    """Offsets of the marks, in order; str.find is about three times faster here than a
    regex scan for the three characters in text with curly quotes."""
    return _offsets(paragraph, '"', "“", "”")


def _offsets(text: str, a: str, b: str, c: str) -> list[int]:
    """Offsets of the characters a, b and c in text, in order: a str.find for each, the
    three merged as they go (no sort)."""
    size = len(text)
    at_a, at_b, at_c = _find(text, a, 0), _find(text, b, 0), _find(text, c, 0)
    found = []
    while True:
        if at_a < at_b and at_a < at_c:
            found.append(at_a)
            at_a = _find(text, a, at_a + 1)
        elif at_b < at_c:
            found.append(at_b)
            at_b = _find(text, b, at_b + 1)
        elif at_c < size:
            found.append(at_c)
            at_c = _find(text, c, at_c + 1)
        else:
            return found


def _find(text: str, char: str, start: int) -> int:
    """text.find(char, start), with len(text) for none (the merge takes the least)."""
    at = text.find(char, start)
    return at if at >= 0 else len(text)


def mask(paragraph: str, spans: list[Span]) -> str:
    """The paragraph with each quotation (marks included) replaced by MASK characters."""
    if len(spans) == 1:
        # the commonest case, without a list of pieces to join
        span = spans[0]
        if span.close is None:
            return paragraph[: span.open] + _masks(len(paragraph) - span.open)
        stop = span.close + 1
        return paragraph[: span.open] + _masks(stop - span.open) + paragraph[stop:]
    pieces = []
    at = 0
    for span in spans:
        stop = span.outer_end if span.closed else len(paragraph)
        pieces.append(paragraph[at : span.open])
        pieces.append(_masks(stop - span.open))
        at = stop
    pieces.append(paragraph[at:])
    return "".join(pieces)


# MASK * n for the lengths most quotations have, made once
_MASK_RUNS: Final = tuple(MASK * n for n in range(400))


def _masks(count: int) -> str:
    return _MASK_RUNS[count] if count < 400 else MASK * count


def sentence_bounds(paragraph: str, masked: str, spans: list[Span]) -> list[int]:
    """Offsets where a sentence starts (0 included), found outside quotations only."""
    # Increasing already: each stop's end lies before the next stop (a match holds no
    # `.!?` after its first character), and comes after 0.
    bounds = [0]
    for stop in _offsets(masked, ".", "!", "?"):
        end = _boundary_end(masked, stop)
        if end > 0 and not _abbreviation_before(masked, stop):
            bounds.append(end)
    quoted = []
    size = len(paragraph)
    for span in spans:
        # A quotation that ends a sentence: `… crisis." U.S. officials say`.
        if span.close is None or not _stop_char(ord(paragraph[span.end - 1])):
            continue
        at = span.close + 1
        if at < size and space_at(paragraph, at):
            while at < size and space_at(paragraph, at):
                at += 1
            if at < size and (upper_at(paragraph, at) or _opening_quote(ord(paragraph[at]))):
                quoted.append(at)
    return sorted(set(bounds + quoted)) if quoted else bounds


def _stop_char(char: int) -> bool:
    return char == ord(".") or char == ord("!") or char == ord("?")


def _opening_quote(char: int) -> bool:
    return char == ord("“") or char == ord('"') or char == ord("‘")


def sentence_stops(masked: str) -> list[tuple[int, int]]:
    """The spans of BOUNDARY's matches in `masked`, in order: their first characters found
    with str.find, several times faster than the regex scan, the rest checked by hand."""
    stops = []
    for at in _offsets(masked, ".", "!", "?"):
        end = _boundary_end(masked, at)
        if end > 0:
            stops.append((at, end))
    return stops


def _boundary_end(masked: str, stop: int) -> int:
    """Where a BOUNDARY match opening at `stop` ends; 0 when there is none. (The pattern
    never backtracks into a match: closers and spaces are taken greedily, and neither is a
    character its lookahead allows.) Characters are read as code points, not looked up in
    sets as one-character strings."""
    size = len(masked)
    at = stop + 1
    while at < size and _closer(ord(masked[at])):
        at += 1
    spaces = at
    while at < size and space_at(masked, at):
        at += 1
    if at in (spaces, size) or not _starter(ord(masked[at])):
        return 0
    return at


def _closer(char: int) -> bool:
    """Whether `[)\\]’']` holds the character."""
    return char == ord(")") or char == ord("]") or char == ord("’") or char == ord("'")


def _starter(char: int) -> bool:
    """Whether BOUNDARY's lookahead `[A-Z0-9“\"‘(\\[\\x00]` holds the character."""
    return (
        ord("A") <= char <= ord("Z")
        or ord("0") <= char <= ord("9")
        or char == ord("“")
        or char == ord('"')
        or char == ord("‘")
        or char == ord("(")
        or char == ord("[")
        or char == 0
    )


def _abbreviation_before(masked: str, stop: int) -> bool:
    r"""Whether the letters and dots right before the sentence stop at `stop`, at most 12 of
    them (what `([A-Za-z.]+)[.!?][)\]’']*\s+$` finds in the 12 characters before a boundary
    and the boundary), make an abbreviation: without its last dots, one letter, a word of
    the list, or dotted (U.S., a.m.). Read in place: only a listed word needs a copy."""
    start = stop
    limit = max(0, stop - 12)
    while start > limit and _word_char(ord(masked[start - 1])):
        start -= 1
    if start == stop:
        return False
    end = stop
    while end > start and ord(masked[end - 1]) == ord("."):
        end -= 1
    if end - start == 1:
        return True
    for at in range(start, end):
        if ord(masked[at]) == ord("."):
            return True
    # ASCII letters only: casefold() is lower(), and keeps the length
    return end - start <= _LONGEST_ABBREVIATION and masked[start:end].lower() in _ABBREVIATIONS


def _word_char(char: int) -> bool:
    """Whether `[A-Za-z.]` holds the character."""
    return ord("a") <= char <= ord("z") or ord("A") <= char <= ord("Z") or char == ord(".")


def sentence_of(bounds: list[int], start: int, length: int) -> tuple[int, int]:
    """(start, end) of the sentence holding offset `start`."""
    begin = 0
    end = length
    for b in bounds:
        if b <= start:
            begin = b
        else:
            end = b
            break
    return begin, end
