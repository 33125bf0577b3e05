"""Which double-quoted spans are speech, and which are fragments of the writer's sentence
(RULES §6.2): titles, names, ratings and terms are not quotes; partial quotes are flagged."""

from __future__ import annotations

import re
from typing import Final

from toolkit.quotes.chars import fold, space_at, upper_at, word_at
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
_WORK_NOUNS: Final = (
    "song songs film movie book album single show series play novel documentary podcast "
    "episode poem painting track record hit"
).split()
_WORK_IN_SENTENCE: Final = re.compile(
    rf"\b(?:{'|'.join(_WORK_NOUNS)})\b[^.!?\x00]*$",
    re.IGNORECASE,
)
_WORK_NOUN_SET: Final = frozenset(_WORK_NOUNS)
_WORK_NOUN_LENGTHS: Final = (min(map(len, _WORK_NOUNS)), max(map(len, _WORK_NOUNS)))
_SMALL_WORDS: Final = frozenset("a an the of to in on at for and or but by with from".split())


def _past_spaces(text: str, at: int, end: int) -> int:
    """The first offset from `at` (up to `end`) that is not whitespace."""
    while at < end and space_at(text, at):
        at += 1
    return at


def _past_word(text: str, at: int, end: int) -> int:
    """The first offset from `at` (up to `end`) that is whitespace: the end of a word."""
    while at < end and not space_at(text, at):
        at += 1
    return at


def _title_case(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (trimmed as `not_speech` trims it) reads as a title: one to
    eight words, each capitalised or small, the first capitalised. Scanned in place: most
    quotations fail at their second word, and need no list of their words."""
    count = 0
    at = start
    while True:
        at = _past_spaces(text, at, end)
        if at == end:
            return count > 0
        first = at
        at = _past_word(text, at, end)
        count += 1
        if count > 8:
            return False
        if not upper_at(text, first) and (
            count == 1 or at - first > 4 or text[first:at] not in _SMALL_WORDS
        ):
            return False


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
    # the last character of the sentence before the mark, found without slicing it out
    end = span.open
    while end > begin and space_at(masked, end - 1):
        end -= 1
    if end == begin:
        return False
    # read as code points: most quotations follow neither `:,` nor a dash, and need no more
    last = ord(masked[end - 1])
    if last == ord(":") or last == ord(","):
        first = ord(paragraph[span.start])
        return not (
            upper_at(paragraph, span.start)
            or (ord("0") <= first <= ord("9") if first < 128 else paragraph[span.start].isdigit())
            or first == ord("[")
            or first == ord("…")
            or first == ord("‘")
            or first == ord("'")
            or first == ord("(")
        )
    if last == ord("—") or last == ord("–") or last == ord("-"):
        return not upper_at(paragraph, span.start)
    return True


def _trimmed(char: int) -> bool:
    """Whether `strip(" ,.;:!?")` takes the character off."""
    return (
        char == ord(" ")
        or char == ord(",")
        or char == ord(".")
        or char == ord(";")
        or char == ord(":")
        or char == ord("!")
        or char == ord("?")
    )


def not_speech(paragraph: str, masked: str, span: Span, partial: bool) -> bool:
    # the quotation without " ,.;:!?" at its ends is paragraph[start:end]: found by index,
    # as most tests below need no copy of it
    start, end = span.start, span.end
    while start < end and _trimmed(ord(paragraph[start])):
        start += 1
    while end > start and _trimmed(ord(paragraph[end - 1])):
        end -= 1
    # casefold never shortens a text: one longer than every rating is none (and a long
    # quotation is not case-folded for nothing)
    if end - start <= _LONGEST_RATING and fold(paragraph[start:end]) in RATINGS:
        return True
    near = max(0, span.open - 60)
    if masked.find("what", near, span.open) >= 0 and _TERM_BEFORE.search(masked[near : span.open]):
        return True  # `what the state calls an "alternative calendar."`
    if (
        start < end
        and upper_at(paragraph, start)
        and _title_case(paragraph, start, end)
        and _work_in_sentence(masked, near, span.open)
    ):
        return True  # `The song they cut that afternoon, "Walking Back to Georgia," …`
    if not partial:
        return False
    return _work_word_before(masked, span.open) or _a_name(paragraph, start, end)


def _work_in_sentence(text: str, begin: int, end: int) -> bool:
    """Whether _WORK_IN_SENTENCE finds a match in text[begin:end]: a work noun (`song`,
    `film`, …) as a word after the last `.!?` or mask. An ignore-case search tries every
    noun at every word start; where the words are ASCII the match is a run of word
    characters that lower-cases to a noun, and the runs are scanned by hand. A non-ASCII
    letter or digit (a word character, perhaps one that matches `s` or `k` ignoring case)
    leaves it to the regex; other non-ASCII characters (`’`, `—`) separate words."""
    start = end
    while start > begin:
        char = ord(text[start - 1])
        if char == ord(".") or char == ord("!") or char == ord("?") or char == 0:
            break
        if char >= 128 and text[start - 1].isalnum():
            return _WORK_IN_SENTENCE.search(text[begin:end]) is not None
        start -= 1
    shortest, longest = _WORK_NOUN_LENGTHS
    at = start
    while at < end:
        first = at
        while at < end and word_at(text, at):
            at += 1
        if first == at:
            at += 1
        elif shortest <= at - first <= longest and text[first:at].lower() in _WORK_NOUN_SET:
            return True
    return False


def _work_word_before(masked: str, mark: int) -> bool:
    """Whether the last word in the 40 characters before the mark (or the last two), past
    any ` ,:`, makes the quotation a title or a term: `the film "…"`, `known as "…"`."""
    near = max(0, mark - 40)
    end = mark
    while end > near and _separator(ord(masked[end - 1])):
        end -= 1
    end, start = _word_back(masked, near, end)
    if start == end:
        return False
    last = fold(masked[start:end])
    # `called` alone is a cue (`called the damage "devastating"`); after `what's`, a term
    if last in _WORK_WORDS and last != "called":
        return True
    # every pair (two words and a space) ends in `as` or `called`
    if last != "as" and last != "called":
        return False
    end, start = _word_back(masked, near, start)
    return start < end and fold(masked[start:end]) + " " + last in _WORK_PAIRS


def _separator(char: int) -> bool:
    """Whether ` ,:` holds the character."""
    return char == ord(" ") or char == ord(",") or char == ord(":")


def _word_back(text: str, near: int, end: int) -> tuple[int, int]:
    """(end, start) of the last whitespace-separated word in text[near:end]; start == end
    when there is none."""
    while end > near and space_at(text, end - 1):
        end -= 1
    start = end
    while start > near and not space_at(text, start - 1):
        start -= 1
    return end, start


def _a_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is at most four words, each capitalised: a name or title in
    quotation marks (`Walter "Walt" Pruitt`, `"Pruitt Diamond"`)."""
    count = 0
    at = start
    while True:
        at = _past_spaces(text, at, end)
        if at == end:
            return True
        if count == 4 or not upper_at(text, at):
            return False  # a fifth word, or one not capitalised
        count += 1
        at = _past_word(text, at, end)
