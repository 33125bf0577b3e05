"""Which double-quoted spans are speech, and which are fragments of the writer's sentence
(RULES §6.2): titles, names, ratings and terms are not quotes; partial quotes are flagged."""

from __future__ import annotations

import re
from typing import Final

from toolkit.quotes.lexicon import words
from toolkit.quotes.spans import Span, sentence_of

RATINGS: Final = words("ratings")
_LONGEST_RATING: Final = max(map(len, RATINGS))
# Words right before a quotation that make it a title, a name or a term, not speech.
_WORK_WORDS: Final = frozenset(
    "film movie book song album show series play novel documentary podcast episode poem "
    "titled entitled so-called nicknamed named dubbed slogan motto hashtag term phrase word "
    "label sign signs banner headline called".split()
)
_WORK_PAIRS: Final = frozenset(
    {"known as", "referred to as", "what’s called", "what's called", "is called"}
)
_TERM_BEFORE: Final = re.compile(
    r"\bwhat\b[^.\x00]{0,40}\bcall(?:s|ed)?\s+(?:(?:a|an|the|it)\s+)?$"
)
_WORK_IN_SENTENCE: Final = re.compile(
    r"\b(?:song|songs|film|movie|book|album|single|show|series|play|novel|documentary|podcast|"
    r"episode|poem|painting|track|record|hit)\b[^.!?\x00]*$",
    re.IGNORECASE,
)
_SMALL_WORDS: Final = frozenset("a an the of to in on at for and or but by with from".split())


def _title_case(text: str) -> bool:
    bare = text.strip(" ,.;:!?")
    # a second word that is neither capitalised nor small settles it (most quotations)
    head = bare.split(None, 2)
    if len(head) > 1 and not (head[1][:1].isupper() or head[1] in _SMALL_WORDS):
        return False
    # at most nine words split off: a ninth means too many, and quotations can be long
    words = bare.split(None, 8)
    return (
        0 < len(words) <= 8
        and all(w[:1].isupper() or w in _SMALL_WORDS for w in words)
        and words[0][:1].isupper()
    )


_FIRST_PERSON: Final = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|we're|we’re|we've|we’ve|us|"
    r"our)\b",
    re.IGNORECASE,
)


def sounds_spoken(text: str) -> bool:
    """A fragment with no attribution of its own continues someone's speech only if it
    sounds like speech: first person, or a clause long enough to be one."""
    return bool(_FIRST_PERSON.search(text)) or len(text.split()) >= 8


def is_partial(paragraph: str, masked: str, span: Span, bounds: list[int]) -> bool:
    begin, _ = sentence_of(bounds, span.open, len(paragraph))
    before = masked[begin : span.open].rstrip()
    first = paragraph[span.start]
    if not before:
        return False
    if before[-1] in ":," and (first.isupper() or first.isdigit() or first in "[…‘'("):
        return False
    return not (before.endswith(("—", "–", "-")) and first.isupper())


def not_speech(paragraph: str, masked: str, span: Span, partial: bool) -> bool:
    text = paragraph[span.start : span.end].strip(" ,.;:!?")
    # casefold never shortens a text: one longer than every rating is none (and a long
    # quotation is not case-folded for nothing)
    if len(text) <= _LONGEST_RATING and text.casefold() in RATINGS:
        return True
    before = masked[max(0, span.open - 60) : span.open]
    if "what" in before and _TERM_BEFORE.search(before):
        return True  # `what the state calls an "alternative calendar."`
    if text[:1].isupper() and _title_case(text) and _WORK_IN_SENTENCE.search(before):
        return True  # `The song they cut that afternoon, "Walking Back to Georgia," …`
    if not partial:
        return False
    words = masked[max(0, span.open - 40) : span.open].rstrip(" ,:").split()
    last = words[-1].casefold() if words else ""
    pair = " ".join(words[-2:]).casefold()
    # `called` alone is a cue (`called the damage "devastating"`); after `what's`, a term
    if (last in _WORK_WORDS and last != "called") or pair in _WORK_PAIRS:
        return True
    words = text.split(None, 4)  # a fifth piece means more than four words
    # A name or title in quotation marks: `Walter "Walt" Pruitt`, `"Pruitt Diamond"`.
    return (
        len(words) <= 4 and all(w[:1].isupper() for w in words) and not (text.endswith(("!", "?")))
    )
