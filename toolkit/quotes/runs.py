"""Capitalised runs read character by character: where `names.ORG_RUN` matches start and
end, where the run holding a word begins, and whether a word has capitalised neighbours.

These are asked at arbitrary offsets many times per article. The regex engine tests each
character against a large Unicode set of capitals; plain code reading code points (which
the compiled build turns into direct reads of the string's data) does the same work in a
fraction of the steps. `tests/test_runs.py` holds them to the regex at every offset.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from toolkit.quotes.chars import space_at, upper_at, word_at, word_start

if TYPE_CHECKING:
    # Offsets in the scanning loops are machine integers in the compiled build (no tag
    # checks per step); only annotations name the type, so plain Python never imports it.
    from mypy_extensions import i64

# The capitals a run word may open with: those of Latin scripts (to Latin Extended-B).
UPPER: Final = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
_UPPER_CODES: Final = frozenset(map(ord, UPPER))
PARTICLE: Final = r"(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|al|el|dos|das)"
PARTICLES: Final = frozenset(PARTICLE[3:-1].split("|"))
CONNECTORS: Final = frozenset({"of", "for", "and", "on", "the", "&"})
# The words ORG_RUN lets stand between the words of a run, each followed by a space.
_RUN_CONNECTORS: Final = PARTICLES | CONNECTORS
# No connector is longer (tests check): a longer word needs no slice to look it up. A
# literal, so the compiled build compares with a constant, not a module attribute.
_LONGEST: Final = 5


def _capital(c: i64) -> bool:
    """Whether code point `c` is in ORG_RUN's set of capitals."""
    if c < 128:
        return 65 <= c <= 90
    return c in _UPPER_CODES


def _word_end(text: str, at: i64, n: i64) -> i64:
    """Where the run word at `at` ends, or -1 for none: ORG_RUN's word, an initial form
    `[U](?:\\.[U])*\\.` (tried first) or `[U][\\w’'\\-]*\\.?`."""
    if at >= n:
        return -1
    c: i64 = ord(text[at])
    if not (65 <= c <= 90 or (c >= 128 and c in _UPPER_CODES)):
        return -1
    j = at + 1
    if j < n and ord(text[j]) == 46:
        # `U.S.`: as many `.X` pairs as there are, then a full stop; without one after the
        # last pair the engine gives that pair back, ending on its full stop.
        while j + 1 < n and ord(text[j]) == 46 and _capital(ord(text[j + 1])):
            j += 2
        return j + 1 if j < n and ord(text[j]) == 46 else j - 1
    while j < n:
        c = ord(text[j])
        if c < 128:
            if not (
                97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57 or c == 95 or c == 39 or c == 45
            ):
                break
        elif c != 0x2019 and not text[j].isalnum():
            break
        j += 1
    if j < n and ord(text[j]) == 46:
        j += 1
    return j


def _connector_end(text: str, at: i64, n: i64) -> i64:
    """Past a connector and its space at `at` (`of `, `van `, `& `), or -1 for none."""
    j: i64 = at
    while j < n and j - at <= _LONGEST and 97 <= ord(text[j]) <= 122:
        j += 1
    if j == at:
        return at + 2 if at + 1 < n and ord(text[at]) == 38 and ord(text[at + 1]) == 32 else -1
    if j < n and ord(text[j]) == 32 and j - at <= _LONGEST and text[at:j] in _RUN_CONNECTORS:
        return j + 1
    return -1


def run_end(text: str, start: int) -> int:
    """Where `ORG_RUN.match(text, start)` ends, or -1 where it does not match."""
    n: i64 = len(text)
    first: i64 = max(start, 0)  # as `match` reads a negative position
    if first > 0 and first < n and word_at(text, first - 1):
        return -1  # `\b` before the first capital
    end = _word_end(text, first, n)
    if end < 0:
        return -1
    # Each further word after a space and at most two connectors; the engine never gives
    # back a word it has taken, as nothing after the run can fail.
    while end < n and ord(text[end]) == 32:
        at = end + 1
        c: i64 = ord(text[at]) if at < n else 0
        if 97 <= c <= 122 or c == 38:  # a connector, or a word that ends the run
            at = _connector_end(text, at, n)
            if at < 0:
                break
            past = _connector_end(text, at, n)
            if past >= 0:
                at = past
        word = _word_end(text, at, n)
        if word < 0:
            break
        end = word
    return end


def run_starts(text: str) -> list[int]:
    """Where ORG_RUN's matches start, as `finditer` finds them: a run opens at a capital
    with no word character before it, and the next is looked for after its end."""
    starts = []
    n: i64 = len(text)
    i: i64 = 0
    while i < n:
        c: i64 = ord(text[i])
        if (65 <= c <= 90 or (c >= 128 and c in _UPPER_CODES)) and (
            i == 0 or not word_at(text, i - 1)
        ):
            starts.append(i)
            i = run_end(text, i)
        else:
            i += 1
    return starts


def run_start(text: str, at: i64) -> int:
    """Where the capitalised run holding offset `at` begins."""
    start = word_start(text, at)  # back to the start of the word
    while start > 1 and ord(text[start - 1]) == 32:
        # `text.rfind(" ", 0, start - 1) + 1`, read back by code point: a word is a few
        # characters, far fewer steps than the call to the search.
        last = start - 2  # the word before is text[prev : start - 1]
        prev: i64 = last
        while prev >= 0 and ord(text[prev]) != 32:
            prev -= 1
        prev += 1
        if prev > last:
            break
        c = ord(text[last])
        if (
            upper_at(text, prev)
            and (c == 39 or c == 45 or c == 46 or c == 0x2019 or text[last].isalnum())
        ) or (start - 1 - prev <= _LONGEST and text[prev : start - 1] in _RUN_CONNECTORS):
            start = prev
        else:
            break
    n: i64 = len(text)
    while True:  # a run never starts with a connector: `and Republican Derek Holloway`
        c = ord(text[start]) if start < n else 0
        if not (97 <= c <= 122 or c == 38):
            return start  # every connector is lower-case or `&`
        space: i64 = text.find(" ", start, at)
        if space < 0 or space - start > _LONGEST or text[start:space] not in _RUN_CONNECTORS:
            return start
        start = space + 1


def in_run(text: str, at: int, length: int) -> bool:
    """Whether the word at `at` has a capitalised neighbour (so it may be part of a longer
    name); a surname standing alone (`… Charap said`) needs no further look."""
    n = len(text)
    end = at + length
    if end < n:
        c = ord(text[end])
        if c != 32 and not space_at(text, end) and c not in (44, 46, 59, 58, 33, 63):
            return True  # glued to more: a possessive, a hyphen, a longer word
        if c == 32 and end + 1 < n:
            after = ord(text[end + 1])
            if after == 34 or after == 0x201C:
                return True  # `Jalen "Bones" Whitaker`
            if (
                end + 5 < n
                and after == 97
                and text[end + 2] == "n"
                and text[end + 3] == "d"
                and text[end + 4] == " "
                and upper_at(text, end + 5)
            ):
                return True  # `Lucía and Graciela Treviño`
    if at >= 2 and text[at - 1] == " ":
        c = ord(text[at - 2])
        if c == 34 or c == 0x201D:
            return True  # `Jalen "Bones" Whitaker`
        if c == 46 or (65 <= c <= 90 or 97 <= c <= 122) or (c >= 128 and text[at - 2].isalpha()):
            space = text.rfind(" ", 0, at - 1)
            if upper_at(text, space + 1):
                return True
    return end + 1 < n and text[end] == " " and upper_at(text, end + 1)


def nickname_may_close_at(text: str, start: int) -> bool:
    """Whether `names._NICKNAMED` (a word, a space, a mark, 1 to 24 characters without a mark, a
    closing mark, a space and `$`) can match up to `start`: it needs a closing mark and a
    space right before it (or before a newline there, where `$` also matches), and the
    mark before that one, within reach, must open the nickname after a space."""
    close = start - 2
    if start >= 3 and text[start - 1] == "\n":
        close = start - 3
    if close < 0 or text[close + 1] != " " or (text[close] != '"' and text[close] != "”"):
        return False
    k = close - 1
    while k >= max(close - 25, 0):
        c = ord(text[k])
        if c == 34 or c == 0x201C or c == 0x201D:  # `"`, `“`, `”`
            return c != 0x201D and k < close - 1 and k >= 1 and text[k - 1] == " "
        k -= 1
    return False
