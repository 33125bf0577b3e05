"""Reporting verbs (cues): the words that attribute a quotation (`said`, `told reporters`,
`according to`)."""

from __future__ import annotations

import re
from typing import Final

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
    """The lower-case verbs in `low` from `pos`. Every verb is lower-case letters, so a
    match of CUE is a whole word (`\\w` characters between `\\b`s), or two words one space
    apart: words looked up in a table find the same matches as the pattern, which costs a
    regex step per character. The words come from splitting at spaces (offsets follow from
    the lengths); a piece with other characters in it is cut into words by hand."""
    scan = _Scanner(low, pos, piece, lead, found)
    at = 0
    for token in low.split(" "):
        token_start = at
        at += len(token) + 1
        if token.isalnum():
            scan.word(token_start, token)
        elif token:
            _words_in(token, token_start, scan)
    scan.flush()


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

    def word(self, start: int, word: str) -> None:
        pending = self.pending
        if pending is not None:
            self.pending = None
            end = self.pending_end
            if start == end + 1 and self.low[end] == " " and word in pending.seconds:
                self.cue(self.pending_start, start + len(word))
                return
            if pending.alone:
                self.cue(self.pending_start, end)
        if start < self.pos or len(word) < _SHORTEST:
            return  # a word running into the range from before it is no match
        known = _WORDS.get(word)
        if known is None:
            return
        if known.seconds:
            self.pending, self.pending_start, self.pending_end = known, start, start + len(word)
        elif known.alone:
            self.cue(start, start + len(word))

    def flush(self) -> None:
        if self.pending is not None and self.pending.alone:
            self.cue(self.pending_start, self.pending_end)
        self.pending = None

    def cue(self, start: int, end: int) -> None:
        self.found.append(Cue(self.piece[start:end], self.lead + start, self.lead + end))


def _words_in(token: str, offset: int, scan: _Scanner) -> None:
    """The runs of `\\w` characters (what `\\b` bounds) in a piece of text, with offsets."""
    start = -1
    for i in range(len(token)):
        char = token[i]
        if char.isalnum() or char == "_":
            if start < 0:
                start = i
        elif start >= 0:
            scan.word(offset + start, token[start:i])
            start = -1
    if start >= 0:
        scan.word(offset + start, token[start:])
