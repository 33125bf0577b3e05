"""Scans behind `names.unnamed_intros`, each equal to the regex it stands for
(`tests/test_intros.py` holds them to it): the source nouns of a paragraph (`official`,
`economist`) and the determiner that opens an indefinite description before one.

The regexes cost a step per character of every paragraph (SOURCE_NOUN) and a try at every
offset of a 60-character window per noun (DETERMINER_BEFORE); these read words by code point
and cut out only those that could be a source noun.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from toolkit.quotes.chars import Wordlist, Words, space_at, word_at
from toolkit.quotes.lexicon import trie_pattern, words

if TYPE_CHECKING:
    # machine integers for offsets in the compiled build; plain Python never imports it
    from mypy_extensions import i64

_NOUNS: Final = words("source_nouns")
# What source_nouns and determiner_before find.
SOURCE_NOUN: Final = re.compile(rf"\b(?:{trie_pattern(sorted(_NOUNS))})\b")
# `a`/`an`/`another`/`one` and up to five words, ending right before a source noun.
DETERMINER_BEFORE: Final = re.compile(r"(?i)\b(an?|another|one)\s+(?:[\w’'\-]+\s+){0,5}$")
WINDOW: Final = 60  # how far before a noun its determiner is looked for

# Only a word that fits the nouns is cut out and looked up
_WORDLIST: Final = Wordlist(_NOUNS)


def source_nouns(text: str) -> list[tuple[int, int]]:
    """(start, end) of each match of SOURCE_NOUN in `text`, in order. Every noun is lower-case
    ASCII letters, so a match is a whole word: a run of `\\w` characters between `\\b`s."""
    found: list[tuple[int, int]] = []
    words = Words(text)
    while words.next():
        start, end = words.start, words.end
        if words.plain and _WORDLIST.may_hold(text, start, end) and text[start:end] in _NOUNS:
            found.append((start, end))
    return found


def _token_at(text: str, at: int) -> bool:
    """Whether `[\\w’'\\-]` matches text[at]."""
    char = ord(text[at])
    return char == 0x2019 or char == 39 or char == 45 or word_at(text, at)


def _ends_with(text: str, start: int, end: int, word: str) -> bool:
    """Whether text[start:end] ends with the lower-case ASCII `word` in any case: no other
    character than the two ASCII cases matches a, e, h, n, o, r or t under `(?i)`."""
    length: i64 = len(word)
    if end - start < length:
        return False
    for k in range(length):
        char = ord(text[end - length + k])
        letter = ord(word[k])
        if char != letter and char != letter - 32:
            return False
    return True


_DETERMINERS: Final = ("another", "one", "an", "a")


def _determiner_start(text: str, start: int, end: int) -> int:
    """The start of `\b(?i:an?|another|one)` ending at `end` within text[start:end], or -1.
    (At most one can: a shorter one's `\b` would follow a letter of the longer.)"""
    for det in _DETERMINERS:
        if _ends_with(text, start, end, det):
            at = end - len(det)
            if at > 0 and word_at(text, at - 1):
                return -1  # `\b` sees the character before, even before the searched range
            return at
    return -1


def determiner_before(text: str, end: int) -> int:
    """The start of `DETERMINER_BEFORE.search(text, max(0, end - WINDOW), end)`, or -1.

    A match is the determiner at the end of a run of non-space characters, then whitespace,
    up to five runs of `[\\w’'\\-]` each followed by whitespace, and the end: read from
    `end` backwards, run by run; the furthest determiner back is the leftmost match."""
    lo: i64 = max(0, end - WINDOW)
    at: i64 = end
    found: i64 = -1
    for words_after in range(6):
        stop = at
        while at > lo and space_at(text, at - 1):
            at -= 1
        if at == stop:
            break  # every word and the determiner are followed by whitespace
        tail = at
        while at > lo and not space_at(text, at - 1):
            at -= 1
        start = _determiner_start(text, at, tail)
        if start >= 0:
            found = start
        if words_after == 5:
            break
        for k in range(at, tail):
            if not _token_at(text, k):
                return found  # not a word: no match opens further back
    return found
