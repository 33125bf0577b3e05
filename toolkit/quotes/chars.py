"""Character tests and short scans for the compiled build, each equal to the string method
or regex search it stands for (`tests/test_quotes_scans.py` holds them to it).

`ord(text[at])` compiles to a read of the string's data, where `text[at].isupper()` makes a
one-character string and calls a Python method; and a regex search tries every offset of a
text for what can only sit at its end, where these scans start from that end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    # machine integers for offsets in the compiled build; plain Python never imports it
    from mypy_extensions import i64

# What words_back, relative_end and preposition_end find.
TOKEN_DOT: Final = re.compile(r"[\w’'\-\.]+")
RELATIVE_END: Final = re.compile(r",?\s*\b(?:who|which)$")
PREPOSITION_END: Final = re.compile(r"\s(?:in|of|at)\s+$")


def space_at(text: str, at: i64) -> bool:
    """`text[at].isspace()`."""
    char: i64 = ord(text[at])
    if char < 128:
        return char == 32 or 9 <= char <= 13 or 28 <= char <= 31
    return text[at].isspace()


def upper_at(text: str, at: i64) -> bool:
    """`text[at].isupper()`."""
    char: i64 = ord(text[at])
    if char < 128:
        return 65 <= char <= 90
    return text[at].isupper()


def word_at(text: str, at: i64) -> bool:
    """Whether `\\w` matches text[at] (in a str pattern: a letter, digit or `_`)."""
    char: i64 = ord(text[at])
    if char < 128:
        return (
            ord("a") <= char <= ord("z")
            or ord("A") <= char <= ord("Z")
            or ord("0") <= char <= ord("9")
            or char == ord("_")
        )
    return text[at].isalnum()


def fold(word: str) -> str:
    """`word.casefold()`: for ASCII text that is lower(), which the compiled build runs
    itself rather than through a Python method call."""
    n: i64 = len(word)
    at: i64 = 0
    while at < n:
        if ord(word[at]) >= 128:
            return word.casefold()
        at += 1
    return word.lower()


def last_word(text: str) -> tuple[int, str] | None:
    r"""What `(\S+)$` would find in `text`, as (start, word), without a regex search: that
    search tries every offset of the text before it reaches the last word."""
    end = len(text) - 1 if text.endswith("\n") else len(text)  # `$` also matches before it
    start = word_start(text, end)
    return (start, text[start:end]) if start < end else None


def word_start(text: str, end: i64) -> i64:
    """Where the run of non-whitespace characters that ends at `end` begins (`end` itself
    after whitespace): `space_at` read back, inlined for the loop."""
    start: i64 = end
    while start > 0:
        char: i64 = ord(text[start - 1])
        if char < 128:
            if char == 32 or 9 <= char <= 13 or 28 <= char <= 31:
                break
        elif text[start - 1].isspace():
            break
        start -= 1
    return start


def words_back(region: str, offset: int) -> list[tuple[str, int]]:
    """The last seven matches of TOKEN_DOT in `region` (runs of word characters and
    `’'-.`), in order, as (word, offset + start): all a description looks at. Found from
    the end, as the runs are the same read either way, not by a scan of all the region."""
    words: list[tuple[str, int]] = []
    end: i64 = len(region)
    while end > 0 and len(words) < 7:
        while end > 0 and not _token_at(region, end - 1):
            end -= 1
        start = end
        while start > 0:  # `_token_at`, inlined for the loop over the word
            char: i64 = ord(region[start - 1])
            if char < 128:
                if not (
                    97 <= char <= 122
                    or 65 <= char <= 90
                    or 48 <= char <= 57
                    or char == 95
                    or char == 39
                    or char == 45
                    or char == 46
                ):
                    break
            elif char != 0x2019 and not region[start - 1].isalnum():
                break
            start -= 1
        if start < end:
            words.append((region[start:end], offset + start))
        end = start
    words.reverse()
    return words


def _token_at(text: str, at: int) -> bool:
    """Whether TOKEN_DOT's class `[\\w’'\\-\\.]` holds text[at]."""
    char = ord(text[at])
    return (
        char == ord("’")
        or char == ord("'")
        or char == ord("-")
        or char == ord(".")
        or (word_at(text, at))
    )


def relative_end(text: str) -> int:
    """Where RELATIVE_END's match in text starts, or -1: the `who` or `which` that ends it
    (before a last newline, as `$` allows) must be a word, and the match reaches back over
    the whitespace before it and one comma. Found from the end, not by a search from every
    offset of the text."""
    end = len(text) - 1 if text.endswith("\n") else len(text)
    if end >= 3 and text[end - 3 : end] == "who":
        start = end - 3
    elif end >= 5 and text[end - 5 : end] == "which":
        start = end - 5
    else:
        return -1
    if start > 0 and word_at(text, start - 1):
        return -1
    while start > 0 and space_at(text, start - 1):
        start -= 1
    return start - 1 if start > 0 and text[start - 1] == "," else start


def preposition_end(text: str, end: int) -> int:
    """Where PREPOSITION_END's match in text[:end] starts, or -1: it can only be the
    whitespace before an `in`, `of` or `at` that only whitespace follows, found from the end
    rather than by a search from every offset of the text."""
    at = end
    while at > 0 and space_at(text, at - 1):
        at -= 1
    if at == end or at < 3 or not space_at(text, at - 3):
        return -1
    word = text[at - 2 : at]
    return at - 3 if word == "in" or word == "of" or word == "at" else -1


class Words:
    """The runs of `\\w` characters of a text, the words `\\b` bounds, read by code point:
    each `next()` moves `start` and `end` to the next one and says whether there was one;
    `plain` is whether it is made of a-z only (the only words a `Wordlist` can hold)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start: i64 = 0
        self.end: i64 = 0
        self.plain = False

    def next(self) -> bool:
        text = self.text
        n: i64 = len(text)
        i: i64 = self.end
        while i < n:
            c: i64 = ord(text[i])
            if c < 128:
                # `\w` in ASCII: comparisons, where a lookup in a tuple unboxes its item
                if 97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57 or c == 95:
                    break
            elif text[i].isalnum():
                break
            i += 1
        if i >= n:
            return False
        self.start = i
        plain = True
        while i < n:
            c = ord(text[i])
            if 97 <= c <= 122:
                i += 1
            elif (65 <= c <= 90 or 48 <= c <= 57 or c == 95) if c < 128 else text[i].isalnum():
                plain = False
                i += 1
            else:
                break
        self.end = i
        self.plain = plain
        return True


class Wordlist:
    """Lower-case ASCII words, with a bit for each length of those that open with each pair
    of letters: most words of a text are ruled out by it, without being cut out and hashed."""

    def __init__(self, words: Iterable[str]) -> None:
        lengths = [0] * (26 * 26)
        shortest, longest = 99, 0
        for word in words:
            # a run of a-z is a whole word between `\\b`s: what the scans rely on
            assert re.fullmatch("[a-z]{2,}", word), word
            lengths[(ord(word[0]) - 97) * 26 + ord(word[1]) - 97] |= 1 << len(word)
            shortest, longest = min(shortest, len(word)), max(longest, len(word))
        # Masks as the code points of a str: read with `ord`, they are machine integers in
        # the compiled build, where a tuple's items are boxed ints. Lengths past 20 would
        # not fit in a code point.
        assert longest <= 20, longest
        self.openings = "".join(map(chr, lengths))
        self.shortest: i64 = shortest
        self.longest: i64 = longest

    def may_hold(self, text: str, start: i64, end: i64) -> bool:
        """Whether text[start:end], a plain word, can be in the list."""
        length = end - start
        if length < self.shortest or length > self.longest:
            return False
        # machine-integer arithmetic: from a plain `ord` the sum would be a tagged int
        first: i64 = ord(text[start])
        second: i64 = ord(text[start + 1])
        mask: i64 = ord(self.openings[(first - 97) * 26 + second - 97])
        return (mask >> length) & 1 != 0
