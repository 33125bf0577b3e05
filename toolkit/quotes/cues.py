"""Reporting verbs (cues): the words that attribute a quotation (`said`, `told reporters`,
`according to`)."""

from __future__ import annotations

import re

from toolkit.quotes.names import trie_pattern

_VERBS = (
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
CUE = re.compile(rf"(?i)\b(?:{trie_pattern(_VERBS.split('|'))})\b")
# The same verbs matched case-sensitively in lower-cased text: several times faster than an
# ignore-case scan, which folds every character it tries.
_CUE_LOWER = re.compile(rf"\b(?:{trie_pattern(_VERBS.split('|'))})\b")


class Cue:
    """One reporting verb found in a text: its words as printed and where they are."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end


_SHORTEST = min(len(verb) for verb in _VERBS.split("|"))


def cues(text: str, begin: int = 0, end: int = -1) -> list[Cue]:
    """The matches of CUE in text[begin:end] (all of it by default), in order.

    They are looked for in the lower-cased range with a case-sensitive pattern: that finds
    the same spans wherever lower-casing keeps every character at its offset and does what
    the ignore-case match does: everywhere but with `ı` and `ſ` (which an ignore-case `i` and
    `s` match and lower() keeps) or a character that lower-cases to two (`İ`). Such text gets
    the ignore-case scan itself. Only the range is lower-cased (callers ask for a few words
    of a paragraph, many times over), with the character before it, which `\\b` looks at.
    """
    stop = len(text) if end < 0 else end
    if stop - begin < _SHORTEST:
        return []
    lead = begin - 1 if begin > 0 else 0
    piece = text[lead:stop]
    low = piece.lower()
    found = []
    if len(low) != len(piece) or "ı" in piece or "ſ" in piece:
        for m in CUE.finditer(text, begin, stop):
            found.append(Cue(m.group(), m.start(), m.end()))
        return found
    for m in _CUE_LOWER.finditer(low, begin - lead):
        at = lead + m.start()
        found.append(Cue(piece[m.start() : m.end()], at, lead + m.end()))
    return found
