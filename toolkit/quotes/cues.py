"""Reporting verbs (cues): the words that attribute a quotation (`said`, `told reporters`,
`according to`)."""

from __future__ import annotations

import re
from typing import Final

from toolkit.quotes.chars import Wordlist, Words
from toolkit.quotes.lexicon import trie_pattern

_VERBS: Final = (
    "said|says|say|saying|told|tells|tell|added|adds|warned|warns|wrote|writes|tweeted|tweets|"
    "posted|asked|asks|explained|explains|noted|notes|continued|continues|recalled|recalls|"
    "yelled|shouted|screamed|insisted|insists|claimed|claims|stated|states|announced|"
    "announces|argued|argues|acknowledged|acknowledges|admitted|admits|cautioned|cautions|"
    "urged|urges|declared|declares|replied|replies|responded|responds|remarked|observed|"
    "predicted|predicts|promised|promises|vowed|vows|conceded|concedes|countered|concluded|"
    "emphasized|emphasizes|stressed|stresses|joked|jokes|laughed|sighed|whispered|testified|"
    "testifies|described|describes|called|calls|deemed|dubbed|labeled|labelled|"
    "shot back|pointed out|points out|put it|puts it|according to|told reporters|"
    "wrote in|said in|texted|emailed|messaged|boasted|complained|complains|lamented|"
    "laments|mused|quipped|pleaded|begged|demanded|demands|suggested|suggests|believes|"
    "cheered|exclaimed|repeated|reiterated|confirmed|confirms|agreed|agrees|added that|"
    "accused|accuses|telling|adding|noting|calling|describing|warning|arguing|insisting|"
    "explaining|writing|accusing|insisted|answered|answers"
)
# Case-insensitive: `Says a longtime resident: "…"` opens a sentence with its cue.
CUE: Final = re.compile(rf"(?i)\b(?:{trie_pattern(_VERBS.split('|'))})\b")


class Cue:
    """One reporting verb found in a text: its words as printed and where they are."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end


_SHORTEST: Final = min(len(verb) for verb in _VERBS.split("|"))
_NO_SECOND: Final[frozenset[str]] = frozenset()


class _Word:
    """What a word can start: a cue on its own, and the words that make a two-word cue
    with it (`told` → `reporters`, `according` → `to`), which win over the one word."""

    def __init__(self, alone: bool, seconds: frozenset[str]) -> None:
        self.alone = alone
        self.seconds = seconds


_WORDS: Final[dict[str, _Word]] = {}
for _verb in _VERBS.split("|"):
    _first, _, _second = _verb.partition(" ")
    _known = _WORDS.get(_first, _Word(False, _NO_SECOND))
    _WORDS[_first] = _Word(
        _known.alone or not _second, _known.seconds | ({_second} if _second else set())
    )


def cues(text: str, begin: int = 0, end: int = -1) -> list[Cue]:
    """The matches of CUE in text[begin:end] (all of it by default), in order.

    They are looked for in the lower-cased range: that finds the same spans wherever
    lower-casing keeps every character at its offset and does what the ignore-case match
    does: everywhere but with `ı` and `ſ` (which an ignore-case `i` and `s` match and lower()
    keeps) or a character that lower-cases to two (`İ`). Such text gets the ignore-case scan
    itself. Only the range is lower-cased (callers ask for a few words of a paragraph, many
    times over), with the character before it, which `\\b` looks at.
    """
    stop = len(text) if end < 0 else end
    if stop - begin < _SHORTEST:
        return []
    lead = begin - 1 if begin > 0 else 0
    piece = text[lead:stop]
    low = piece.lower()
    found: list[Cue] = []
    if len(low) != len(piece) or "ı" in piece or "ſ" in piece:
        for m in CUE.finditer(text, begin, stop):
            found.append(Cue(m.group(), m.start(), m.end()))
        return found
    _scan(low, begin - lead, piece, lead, found)
    return found


def _scan(low: str, pos: int, piece: str, lead: int, found: list[Cue]) -> None:
    """The lower-case verbs in `low` from `pos`. Every verb is lower-case ASCII letters, so a
    match of CUE is a whole word (a run of `\\w` characters between `\\b`s), or two words one
    space apart: words looked up in a table find the same matches as the pattern, which
    costs a regex step per character. The words are read by code point, and only those that
    could be a verb (ASCII letters, the right length) are cut out and looked up."""
    scan = _Scanner(low, pos, piece, lead, found)
    words = Words(low)
    while words.next():
        scan.word(words.start, words.end, words.plain)
    scan.flush()


# The verbs' first words: only a word that fits them is cut out and looked up
_FIRST_WORDS: Final = Wordlist(_WORDS)


class _Scanner:
    """The words of a text in order, turned into cues (a class: the compiled build calls
    its methods directly, with no closure or lists built per word)."""

    def __init__(self, low: str, pos: int, piece: str, lead: int, found: list[Cue]) -> None:
        self.low = low
        self.pos = pos
        self.piece = piece
        self.lead = lead
        self.found = found
        self.pending: _Word | None = None  # a word that may start a two-word cue
        self.pending_start = 0
        self.pending_end = 0

    def word(self, start: int, end: int, plain: bool) -> None:
        """The word low[start:end]; `plain` when it is made of a-z only."""
        pending = self.pending
        if pending is not None:
            self.pending = None
            last = self.pending_end
            if (
                plain
                and start == last + 1
                and self.low[last] == " "
                and self.low[start:end] in pending.seconds
            ):
                self.cue(self.pending_start, end)
                return
            if pending.alone:
                self.cue(self.pending_start, last)
        if not plain or start < self.pos:
            return  # a word running into the range from before it is no match
        if not _FIRST_WORDS.may_hold(self.low, start, end):
            return  # no verb opens with these two letters and has this length: most words
        known = _WORDS.get(self.low[start:end])
        if known is None:
            return
        if known.seconds:
            self.pending, self.pending_start, self.pending_end = known, start, end
        elif known.alone:
            self.cue(start, end)

    def flush(self) -> None:
        if self.pending is not None and self.pending.alone:
            self.cue(self.pending_start, self.pending_end)
        self.pending = None

    def cue(self, start: int, end: int) -> None:
        self.found.append(Cue(self.piece[start:end], self.lead + start, self.lead + end))
