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
_WORD_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
# A sentence stop (what `sentence_stops` finds without it), and the characters it is made of.
BOUNDARY: Final = re.compile(r"[.!?][)\]’']*\s+(?=[A-Z0-9“\"‘(\[\x00])")
_CLOSERS: Final = frozenset(")]’'")
_STARTERS: Final = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789“"‘([\x00')


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
    pieces = []
    at = 0
    for span in spans:
        stop = span.outer_end if span.closed else len(paragraph)
        pieces.append(paragraph[at : span.open])
        pieces.append(MASK * (stop - span.open))
        at = stop
    pieces.append(paragraph[at:])
    return "".join(pieces)


def sentence_bounds(paragraph: str, masked: str, spans: list[Span]) -> list[int]:
    """Offsets where a sentence starts (0 included), found outside quotations only."""
    # Increasing already: each stop's end lies before the next stop (a match holds no
    # `.!?` after its first character), and comes after 0.
    bounds = [0]
    for stop, end in sentence_stops(masked):
        word = _word_before(masked, stop)
        if word and _is_abbreviation(word):
            continue
        bounds.append(end)
    quoted = []
    for span in spans:
        # A quotation that ends a sentence: `… crisis." U.S. officials say`.
        if span.close is None or paragraph[span.end - 1] not in ".!?":
            continue
        at = span.close + 1
        if at < len(paragraph) and space_at(paragraph, at):
            while at < len(paragraph) and space_at(paragraph, at):
                at += 1
            if at < len(paragraph) and (upper_at(paragraph, at) or paragraph[at] in '“"‘'):
                quoted.append(at)
    return sorted(set(bounds + quoted)) if quoted else bounds


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
    character its lookahead allows.)"""
    at = stop + 1
    while at < len(masked) and masked[at] in _CLOSERS:
        at += 1
    spaces = at
    while at < len(masked) and space_at(masked, at):
        at += 1
    if at == spaces or at == len(masked) or masked[at] not in _STARTERS:
        return 0
    return at


def _word_before(masked: str, stop: int) -> str:
    r"""The letters and dots right before the sentence stop at `stop`, at most 12 of them:
    what `([A-Za-z.]+)[.!?][)\]’']*\s+$` finds in the 12 characters before a boundary and
    the boundary, without a regex search trying each of those offsets in turn."""
    start = stop
    limit = max(0, stop - 12)
    while start > limit and masked[start - 1] in _WORD_CHARS:
        start -= 1
    return masked[start:stop]


def _is_abbreviation(word: str) -> bool:
    bare = word.rstrip(".").casefold()
    return len(bare) == 1 or bare in _ABBREVIATIONS or "." in bare  # U.S., a.m.


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
