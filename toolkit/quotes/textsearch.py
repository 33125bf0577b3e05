"""Searches of an article's text that `toolkit.quotes.cast` makes per lookup: which paragraph
an offset of the joined text falls in, the patterns built per head noun, and how close two
spellings are.

Each replaces a plainer form that did more work for the same answer; `tests/test_cast.py`
holds them to those forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, TypeVar

from toolkit.quotes.chars import space_at

if TYPE_CHECKING:
    # Machine integers in the compiled build's loops; only annotations name the type.
    from mypy_extensions import i64

# Patterns built per head noun or role: the same few (`official`, `residents`, `governor`)
# come up in article after article, and re's own cache is shared with every other pattern and evicts
# them; compiling one costs far more than looking it up here.
_PATTERNS: Final[dict[str, re.Pattern[str]]] = {}
_BOUND: Final = 4096  # entries a cache holds before it starts over: a long run's memory

V = TypeVar("V")


def bounded(cache: dict[str, V], key: str, make: Callable[[str], V]) -> V:
    """`cache[key]`, made by `make(key)` when missing, in a per-process cache that starts
    over when full (patterns and searches built per head noun or role)."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= _BOUND:
            cache.clear()
        found = cache[key] = make(key)
    return found


def compiled(source: str) -> re.Pattern[str]:
    """`re.compile(source)`, from a cache of this module's own."""
    return bounded(_PATTERNS, source, re.compile)


def intro_pattern(head: str) -> re.Pattern[str]:
    """`a 38-year-old mechanic`: a source introduced with an indefinite article."""
    return compiled(rf"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w’'\-]+\s+){{0,5}}?{head}\b")


def intro_search(head: str, text: str) -> re.Match[str] | None:
    """`intro_pattern(head).search(text)`, started where a match can first begin.

    A match ends with the first printing of `head` its start can reach: the determiner and
    up to five words before it, each a whole whitespace-separated chunk but the
    determiner's (which may follow punctuation in its chunk). So a match that starts before
    the first printing spans it, and starts at most six chunks back from it; the search
    from seven chunks back finds the match a search of the whole text finds (a start
    there still sees the character before it for `\\b`)."""
    first = text.find(head)
    if first < 0:
        return None
    at = first
    for _ in range(7):
        while at > 0 and space_at(text, at - 1):
            at -= 1
        while at > 0 and not space_at(text, at - 1):
            at -= 1
    return intro_pattern(head).search(text, at)


# The only characters outside ASCII that an ignore-case ASCII letter matches (`İ`, `ı`, `ſ`
# and the Kelvin sign: a test checks every code point).
_CASE_TWINS: Final = ("\u0130", "\u0131", "\u017f", "\u212a")


def lower_holds_ignore_case(text: str) -> bool:
    """Whether every ignore-case match of an ASCII phrase in `text` shows in `text.lower()`
    as the phrase lower-cased: true unless the text holds a character that matches an ASCII
    letter without being one (İ also lower-cases to two characters)."""
    return text.isascii() or all(twin not in text for twin in _CASE_TWINS)


def _fold_moves(c: i64) -> bool:
    """Whether code point `c` (not ASCII) may casefold to something other than one
    character outside ASCII (`ß` → `ss`, `ſ` → `s`, the Kelvin sign → `k`, ligatures,
    Greek with iota): a superset of those, which a test finds among every code point."""
    if c < 0x1E96:
        return (
            c == 0xDF
            or c == 0x130
            or c == 0x149
            or c == 0x17F
            or c == 0x1F0
            or (c == 0x390 or c == 0x3B0 or c == 0x587)
        )
    return c <= 0x1E9E or 0x1F50 <= c <= 0x1FFC or c == 0x212A or 0xFB00 <= c <= 0xFB17


def folded_find(text: str, low: str) -> int:
    """`text.casefold().find(low)` for a casefolded `low` opening with an ASCII character,
    read off `text` itself; -2 when a character before the first match (or anywhere, if
    none) could fold to more than one character or to ASCII, so that only folding tells.

    Casefolding a paragraph that is not all ASCII costs tens of steps a character; up to
    such a character, each folds to one character (ASCII to its lower case, anything else
    to one outside ASCII), so offsets and matches are the text's own."""
    n: i64 = len(text)
    first = ord(low[0])
    i: i64 = 0
    while i < n:
        c = ord(text[i])
        if c >= 128:
            if _fold_moves(c):
                return -2
        elif (c == first or (65 <= c <= 90 and c + 32 == first)) and _folds_at(text, i, low):
            return i
        i += 1
    return -1


def _folds_at(text: str, at: i64, low: str) -> bool:
    """Whether `text[at:]` opens with `low` once each character is casefolded. One that
    folds to more never matches: `folded_find` answers -2 before a match could need it, and
    `ascii_folded_find` is given no text holding one."""
    m: i64 = len(low)
    if at + m > len(text):
        return False
    k: i64 = 0
    while k < m:
        d = ord(text[at + k])
        if d >= 128:
            if text[at + k].casefold() != low[k]:
                return False
        else:
            if 65 <= d <= 90:
                d += 32
            if d != ord(low[k]):
                return False
        k += 1
    return True


# How common each ASCII character is in English text, by code point: letters from the
# rarest (`z`, 1) to the most common (`e`, 26); anything else 27 (never chosen over one)
_RANKS: Final = [
    "zqxjkvbpygfwmucldrhsnioate".find(chr(c)) + 1 if 97 <= c <= 122 else 27 for c in range(128)
]


def rare_letter(low: str) -> int:
    """Where `low` has its rarest ASCII letter (0 if it has none), for
    `ascii_folded_find`."""
    best: i64 = 0
    rank: i64 = 27
    n: i64 = len(low)
    j: i64 = 0
    while j < n:
        c = ord(low[j])
        if c < 128 and _RANKS[c] < rank:
            best = j
            rank = _RANKS[c]
        j += 1
    return best


def ascii_folded_find(text: str, low: str, rare: int, start: int = 0) -> int:
    """`text.casefold().find(low, start)` for an ASCII `text` and a casefolded `low` whose
    letter at `rare` is a rare one: str.find looks for that letter in both cases (each a
    memchr) and each printing is read for `low`, instead of a folded copy of the text.
    Also `text.lower().find(low, start)` for an ASCII `low` and a text that
    `lower_holds_ignore_case` vouches for (no other character lowers to ASCII or to more
    than one character)."""
    if not low.isascii():
        return -1  # an ASCII text folds to ASCII: nothing else is found in it
    lower = low[rare]
    upper = lower.upper()
    a = text.find(lower, start + rare)
    b = text.find(upper, start + rare) if upper != lower else -1
    while a >= 0 or b >= 0:
        hit = a if b < 0 or (a >= 0 and a < b) else b
        if _folds_at(text, hit - rare, low):
            return hit - rare
        if hit == a:
            a = text.find(lower, hit + 1)
        else:
            b = text.find(upper, hit + 1)
    return -1


def mark_of(word: str) -> int:
    """Where `word` has a capital or a character outside ASCII (the first), or -1: a
    character rarer in running text than lower-case letters, for `find_by_mark`."""
    n: i64 = len(word)
    j: i64 = 0
    while j < n:
        c = ord(word[j])
        if 65 <= c <= 90 or c >= 128:
            return j
        j += 1
    return -1


def find_by_mark(text: str, word: str, start: int, mark: int) -> int:
    """`text.find(word, start)` for a `word` with a rare character at `mark` (`mark_of`;
    -1, none, is a plain find): str.find looks for one character with memchr, many times
    faster a character than its search for a longer string; each printing of that
    character is then read for the word."""
    if mark < 0:
        return text.find(word, start)
    c = word[mark]
    hit = text.find(c, start + mark)
    while hit >= 0:
        if _printed_at(text, hit - mark, word):
            return hit - mark
        hit = text.find(c, hit + 1)
    return -1


def _printed_at(text: str, at: i64, word: str) -> bool:
    """`text.startswith(word, at)` for `at` >= 0, by code points."""
    m: i64 = len(word)
    if at + m > len(text):
        return False
    k: i64 = 0
    while k < m:
        if ord(text[at + k]) != ord(word[k]):
            return False
        k += 1
    return True


def plural_pattern(head: str) -> re.Pattern[str]:
    """`Researchers at the University of Minnesota`: a bare plural source."""
    return compiled(
        rf"(?:^|[.!?]\s+)({head.capitalize()}|{head})(?:\s+(?:at|from|with|of)\s+"
        rf"(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:of\s+)?[A-Z][\w’'\-]*)*)?"
    )


def paragraph_of(offsets: list[int], at: int, first: int) -> int:
    """The paragraph holding offset `at` of the joined text, given where each starts and
    one at or before it: a search over machine integers, not a call to bisect."""
    lo: i64 = first
    hi: i64 = len(offsets) - 1
    while lo < hi:
        mid = (lo + hi + 1) >> 1
        if offsets[mid] <= at:
            lo = mid
        else:
            hi = mid - 1
    return lo


def close_spelling(a: str, b: str) -> bool:
    """Edit distance of at most 2 (transpositions count once)."""
    la: i64 = len(a)
    lb: i64 = len(b)
    if la - lb > 2 or lb - la > 2:
        return False
    # The table row by row, over code points and indexes (no iterators, no 1-character
    # strings); three rows reused in turn, no list built per row.
    prev2 = [0] * (lb + 1)
    prev = list(range(lb + 1))
    cur = [0] * (lb + 1)
    low_before = False  # the previous row's least value is above 2
    for i in range(1, la + 1):
        ca = ord(a[i - 1])
        cur[0] = i
        least = i
        for j in range(1, lb + 1):
            cb = ord(b[j - 1])
            # comparisons, not min(): the compiled build calls a generic builtin for min()
            cost = prev[j - 1] if ca == cb else prev[j - 1] + 1
            if prev[j] + 1 < cost:
                cost = prev[j] + 1
            if cur[j - 1] + 1 < cost:
                cost = cur[j - 1] + 1
            if (
                i > 1
                and j > 1
                and ca == ord(b[j - 2])
                and ord(a[i - 2]) == cb
                and prev2[j - 2] + 1 < cost
            ):
                cost = prev2[j - 2] + 1
            cur[j] = cost
            if cost < least:
                least = cost
        # Every value of a row is at least the least of the row before, or one more than
        # the least of the one before that: two rows above 2 settle the answer.
        if least > 2 and low_before:
            return False
        low_before = least > 2
        prev2, prev, cur = prev, cur, prev2
    return prev[lb] <= 2


def unfolded_at(text: str, folded_at: int) -> int:
    """The offset in `text` of the character whose casefold holds offset `folded_at` of
    `text.casefold()` (casefolding works character by character, so the offsets part only
    after a character that folds to more than one: `İ`, `ß`, `ﬁ`)."""
    seen = 0
    for i in range(len(text)):
        seen += len(text[i].casefold())
        if seen > folded_at:
            return i
    return len(text)
