"""The quote extractor's hand-written scans find exactly what the regexes and string methods
they replace find: on every paragraph of the fixture dumps (as written and as masked) and on
tricky synthetic text."""

from __future__ import annotations

import importlib
import random
import re
import sys
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import fixture_paragraphs, quotes_build
from toolkit.quotes import chars, names, speech
from toolkit.quotes.spans import Span, find_spans, mask, sentence_bounds, sentence_of

TRICKY = [
    'The song they cut, "Walking Back to Georgia," and the SONGS\n of İstanbul ſong',
    "a film; the FILM’s hit. Hit-maker\x00\x00 track_record track2 podcasts ķ\u212aBook",
    "Das Lied ſingle ıt’s a NOVEL?! what they call a “term,” what’s called “x”",
    "known as\t‘y’ so-called, referred to as: is called 42 “É” İİ ß ﬆrong underperform",
    "’song’ «film»—book…album ﬁlm Ｓong ｓｏｎｇ séries the song’s ½hit hit¹ ٣track",
    "\x00\x00\x00 episode\u00a0poem\u2003painting, record (hit) [show] play.series",
    "",
]


PARAGRAPHS = fixture_paragraphs()
TEXTS = PARAGRAPHS + [mask(p, find_spans(p)) for p in PARAGRAPHS] + TRICKY


def test_there_are_paragraphs_to_check() -> None:
    assert len(PARAGRAPHS) > 250


@pytest.fixture(params=["python", "compiled"])
def build(request: pytest.FixtureRequest) -> ModuleType:
    """The package whose `spans` and `speech` are checked: the pure modules, or the compiled
    build (whose string primitives are mypyc's own code, not CPython's methods)."""
    return quotes_build(request.param)


def _modules(build: ModuleType) -> tuple[ModuleType, ModuleType]:
    name = build.__name__
    return importlib.import_module(f"{name}.spans"), importlib.import_module(f"{name}.speech")


def test_character_tests_agree_with_str_methods(build: ModuleType) -> None:
    chars = _chars(build)
    space_at, upper_at, fold = chars.space_at, chars.upper_at, chars.fold
    text = "".join(map(chr, range(sys.maxunicode + 1)))
    for at in range(len(text)):
        char = text[at]
        assert space_at(text, at) == char.isspace(), hex(at)
        assert upper_at(text, at) == char.isupper(), hex(at)
        assert fold(char) == char.casefold(), hex(at)
        assert chars.word_at(text, at) == (re.match(r"\w", char) is not None), hex(at)
    for word in [*TRICKY, "", "Ab", "ſs", "ǅ", "MiXeD-case’s"]:
        assert fold(word) == word.casefold()


@pytest.mark.parametrize("width", [0, 1, 3, 12, 40, 60, 1000])
def test_work_in_sentence_is_the_regex_search(build: ModuleType, width: int) -> None:
    _, ours = _modules(build)
    for text in TEXTS:
        for end in range(len(text) + 1):
            begin = max(0, end - width)
            want = speech._WORK_IN_SENTENCE.search(text[begin:end]) is not None
            assert ours._work_in_sentence(text, begin, end) == want, (text, begin, end)


def _old_title_case(text: str) -> bool:
    bare = text.strip(" ,.;:!?")
    head = bare.split(None, 2)
    if len(head) > 1 and not (head[1][:1].isupper() or head[1] in speech._SMALL_WORDS):
        return False
    words = bare.split(None, 8)
    return (
        0 < len(words) <= 8
        and all(w[:1].isupper() or w in speech._SMALL_WORDS for w in words)
        and words[0][:1].isupper()
    )


def _old_not_speech(paragraph: str, masked: str, span: Span, partial: bool) -> bool:
    text = paragraph[span.start : span.end].strip(" ,.;:!?")
    if len(text) <= speech._LONGEST_RATING and text.casefold() in speech.RATINGS:
        return True
    before = masked[max(0, span.open - 60) : span.open]
    if "what" in before and speech._TERM_BEFORE.search(before):
        return True
    if text[:1].isupper() and _old_title_case(text) and speech._WORK_IN_SENTENCE.search(before):
        return True
    if not partial:
        return False
    words = masked[max(0, span.open - 40) : span.open].rstrip(" ,:").split()
    last = words[-1].casefold() if words else ""
    pair = " ".join(words[-2:]).casefold()
    if (last in speech._WORK_WORDS and last != "called") or pair in speech._WORK_PAIRS:
        return True
    words = text.split(None, 4)
    return (
        len(words) <= 4 and all(w[:1].isupper() for w in words) and not (text.endswith(("!", "?")))
    )


def _old_is_partial(paragraph: str, masked: str, span: Span, bounds: list[int]) -> bool:
    begin, _ = sentence_of(bounds, span.open, len(paragraph))
    before = masked[begin : span.open].rstrip()
    first = paragraph[span.start]
    if not before:
        return False
    if before[-1] in ":," and (first.isupper() or first.isdigit() or first in "[…‘'("):
        return False
    return not (before.endswith(("—", "–", "-")) and first.isupper())


def _every_span(text: str) -> list[Span]:
    """The spans of the paragraph, and a span for every word-sized piece of it: each offset
    of the text is a quotation's opening mark in one of them."""
    spans = find_spans(text)
    for start in range(1, len(text)):
        for length in (1, 3, 9, 30):
            end = min(len(text), start + length)
            spans.append(Span(start - 1, None, start, end))
    return spans


def test_speech_tests_agree_with_their_first_forms(build: ModuleType) -> None:
    spans, ours = _modules(build)
    for paragraph in PARAGRAPHS + TRICKY:
        masked = mask(paragraph, find_spans(paragraph))
        bounds = sentence_bounds(paragraph, masked, find_spans(paragraph))
        for old in _every_span(paragraph):
            span = spans.Span(old.open, old.close, old.start, old.end)
            for partial in (False, True):
                want = _old_not_speech(paragraph, masked, old, partial)
                assert ours.not_speech(paragraph, masked, span, partial) == want, span
            want = _old_is_partial(paragraph, masked, old, bounds)
            assert ours.is_partial(paragraph, masked, span, bounds) == want, span


@pytest.mark.parametrize(
    "text",
    [
        "Walking Back to Georgia",
        "The Art of the Deal in the Age of War and Peace",
        "One Two Three Four Five Six Seven Eight",
        "One Two Three Four Five Six Seven Eight Nine",
        "the Thing",
        "A\u00a0b",
        "Über alles",
        "Ǆemal Ǆ",
        "X  \n  of\tY",
        "Hello",
        "",
    ],
)
def test_title_case_is_its_first_form(build: ModuleType, text: str) -> None:
    _, ours = _modules(build)
    assert ours._title_case(text, 0, len(text)) == _old_title_case(text)


def _attribute(build: ModuleType) -> ModuleType:
    return importlib.import_module(f"{build.__name__}.attribute")


def _chars(build: ModuleType) -> ModuleType:
    return importlib.import_module(f"{build.__name__}.chars")


@pytest.mark.parametrize("width", [1, 5, 30, 100, 100000])
def test_words_back_are_the_last_token_matches(build: ModuleType, width: int) -> None:
    ours = _chars(build)
    for text in TEXTS:
        for end in range(len(text) + 1):
            region = text[max(0, end - width) : end]
            want = [(m.group(), 7 + m.start()) for m in chars.TOKEN_DOT.finditer(region)]
            assert ours.words_back(region, 7) == want[-7:], region


def test_preposition_end_is_the_regex_search(build: ModuleType) -> None:
    ours = _chars(build)
    for text in [*TEXTS, "x in", " in ", " in\n", "\tof \u2003", "a at\n\n", " In ", "\u00a0in "]:
        for end in range(len(text) + 1):
            found = chars.PREPOSITION_END.search(text, 0, end)
            assert ours.preposition_end(text, end) == (found.start() if found else -1)


def test_marks_and_stops_are_in_order(build: ModuleType) -> None:
    spans, _ = _modules(build)
    for text in TEXTS:
        assert spans._marks(text) == [i for i, c in enumerate(text) if c in '"“”']
        assert spans.sentence_stops(text) == [m.span() for m in spans.BOUNDARY.finditer(text)]


RELATIVE = [
    "who",
    ",who",
    "x, \twho\n",
    "Xwho",
    "_which",
    "éwho",
    "a who\n\n",
    "a,, which",
    "\nwho",
]


def test_relative_end_is_the_regex_search(build: ModuleType) -> None:
    ours = _chars(build)
    for text in [*TEXTS, *RELATIVE]:
        for end in range(len(text) + 1):
            for region in (text[:end], text[:end] + " who", text[:end] + ", which\n"):
                found = chars.RELATIVE_END.search(region)
                assert ours.relative_end(region) == (found.start() if found else -1), region


def test_text_before_who_is_the_split(build: ModuleType) -> None:
    ours = _attribute(build)
    for text in [*TEXTS, *RELATIVE, "the man who\twho knew", "whom who"]:
        for end in range(len(text) + 1):
            assert ours._before_who(text[:end]) == names.WHO.split(text[:end])[0]


def test_last_word_is_the_regex_search(build: ModuleType) -> None:
    ours = _chars(build)
    for text in [*TEXTS, "a b\n", "a\n\n", " \n", "x\u00a0y"]:
        for end in range(len(text) + 1):
            found = re.search(r"(\S+)$", text[:end])
            assert ours.last_word(text[:end]) == (found and (found.start(), found.group(1)))


def _extract(build: ModuleType) -> ModuleType:
    return importlib.import_module(f"{build.__name__}.extract")


# fmt: off
FAST_LEADS = ["", ",", "!", "?", ".", ", ", " ", "  ", "\u00a0", "\x00"]
FAST_WHO = ["he", "He", "she", "She", "SHe", "hE", "Hector", "John", "John Smith", "A B C D",
            "O'Neil", "Jo’hn-Ray Ann", "İlker", "\u212aelvin", "Mc_Kay1", "x", "", "He Jiankui"]
FAST_CUES = ["said", "says", "told", "told reporters", "told Reporters", "reporters",
             "explained", "continued", "tweeted", "ſaid", "saidé", "said_", "Said", "sai"]
FAST_ENDS = ["", ".", ",", ";", ":", "\n", "\n\n", " ", "é", "’s", "-", "_", " x", "\x00"]
# fmt: on


def _fast_texts() -> list[str]:
    """The texts a quotation may be followed by: each fixture paragraph, masked or not, and
    random ones made like the fast pattern's matches, and like near misses."""
    rng = random.Random(7)
    made = []
    for _ in range(20000):
        who, cue = rng.choice(FAST_WHO), rng.choice(FAST_CUES)
        middle = f"{who} {cue}" if rng.random() < 0.5 else f"{cue} {who}"
        if rng.random() < 0.2:
            middle = middle.replace(" ", rng.choice(["  ", "", "\t"]), 1)
        made.append(rng.choice(FAST_LEADS) + " " + middle + rng.choice(FAST_ENDS))
    return TEXTS + made


def _old_fast_after(extract: ModuleType, text: str, at: int) -> tuple[str, tuple[Any, ...]] | None:
    m = extract._FAST_AFTER.match(text, at)
    if m is None:
        return None
    groups = m.groups()
    group = 1 if groups[0] else 2 if groups[1] else 5
    start, end = m.span(group)
    return groups[2] or groups[3], (
        text[start:end],
        start,
        end,
        "pronoun" if group == 1 else "name",
    )


def test_fast_after_is_the_regex_match(build: ModuleType) -> None:
    ours = _extract(build)
    for text in _fast_texts():
        for at in range(len(text) + 1):
            want = _old_fast_after(ours, text, at)
            got = ours._fast_after(text, at)
            if got is not None:
                cue, mention = got
                got = (cue, (mention.text, mention.start, mention.end, mention.kind))
            assert got == want, (text, at)


def _old_fast_before(
    extract: ModuleType, text: str, lead: int, end: int
) -> tuple[str, tuple[Any, ...]] | None:
    tail = text[max(0, end - 2) : end]
    if not (tail[-1:] in (",", ":") or (tail[-1:] == " " and tail[:1] in (",", ":"))):
        return None
    m = extract._FAST_BEFORE.search(text, lead, end)
    if m is None or text[m.end() : end].strip():
        return None
    groups = m.groups()
    group = 1 if groups[0] else 2
    start, stop = m.span(group)
    return groups[2], (text[start:stop], start, stop, "pronoun" if group == 1 else "name")


def test_fast_before_is_the_regex_search(build: ModuleType) -> None:
    ours = _extract(build)
    rng = random.Random(8)
    texts = _fast_texts()
    texts += [rng.choice(["", ".", "!", "\x00", "x"]) + " " + t + rng.choice(",:") for t in texts]
    texts += [t[:-1] + " " + t[-1] + " " for t in texts[-20000:]]
    for text in texts:
        for end in range(len(text) + 1):
            for lead in {0, 1, 2, 3, max(0, end - 80), max(0, end - 12)}:
                want = _old_fast_before(ours, text, lead, end)
                got = ours._fast_before(text, lead, end)
                if got is not None:
                    cue, mention = got
                    got = (cue, (mention.text, mention.start, mention.end, mention.kind))
                assert got == want, (text, lead, end)


def test_verdict_needed_is_the_substring_tests(build: ModuleType) -> None:
    ours = _extract(build)
    nouns = ours._VERDICT_NOUNS.split("|")
    made = [
        f"{a}{n}{b}"
        for n in [*nouns, "iew", ""]
        for a in ("", " ", "re")
        for b in (" of", "of", " o", " of ")
    ]
    for text in [*TEXTS, *made, " of", "of", "words of", "take  of", "advice\x00of"]:
        want = any(f"{noun} of" in text for noun in nouns)
        assert ours._verdict_needed(text) == want, text


OPENINGS = [
    "A retired teacher who was among the first left. Another said so",
    "An official was there.  One man has gone! A\u00a0woman\tsays no?A man said",
    ". A man who x! y was here. One who is! A b c d e f g was",
    "One of them is. Another one who said it! is",
    "Ann was. Orla had. A1 x_y’s has. A\x00b was",
]


def test_last_opening_is_the_last_finditer_match(build: ModuleType) -> None:
    ours = _extract(build)
    for text in [*TEXTS, *OPENINGS]:
        for end in range(0, len(text) + 1, 7 if len(text) > 300 else 1):
            region = text[:end]
            matches = list(ours._INDEFINITE_OPENING.finditer(region))
            found = ours._last_opening(region)
            want = matches[-1] if matches else None
            assert (found and found.span(1)) == (want and want.span(1)), region


def _old_sentence_bounds(paragraph: str, masked: str, spans: list[Span]) -> list[int]:
    from toolkit.quotes.spans import _ABBREVIATIONS, BOUNDARY

    bounds = [0]
    for m in BOUNDARY.finditer(masked):
        word = re.search(r"[A-Za-z.]+$", masked[max(0, m.start() - 12) : m.start()])
        bare = word.group().rstrip(".").casefold() if word else None
        if bare is not None and (len(bare) == 1 or bare in _ABBREVIATIONS or "." in bare):
            continue
        bounds.append(m.end())
    for span in spans:
        if span.close is None or paragraph[span.end - 1] not in ".!?":
            continue
        rest = paragraph[span.close + 1 :]
        lead = len(rest) - len(rest.lstrip())
        if 0 < lead < len(rest) and (rest[lead].isupper() or rest[lead] in '“"‘'):
            bounds.append(span.close + 1 + lead)
    return sorted(set(bounds))


SENTENCES = [
    "Mr. Smith went. U.S. officials said. He left at 5 a.m. Then (he) came! Why? 'Because.'",
    'It was "over." Then "Again." and "x." \u00a0Éric said. Dr.  Who? e.g. [this] …',
    "Gen. Lee. A. B. c. St.\tLouis. etc.’ Next. ... So. Sen. Jr. x.\x00\x00 more. No.\n9 lives",
    "abbreviations.Are fine. Longerthantwelve. Next. A.B.C.D.E.F.G.H. Next",
]


def test_sentence_bounds_are_their_first_form(build: ModuleType) -> None:
    spans, _ = _modules(build)
    for paragraph in PARAGRAPHS + TRICKY + SENTENCES:
        found = find_spans(paragraph)
        masked = mask(paragraph, found)
        ours = [spans.Span(s.open, s.close, s.start, s.end) for s in found]
        want = _old_sentence_bounds(paragraph, masked, found)
        assert spans.sentence_bounds(paragraph, masked, ours) == want, paragraph
        # the paragraph as its own mask: stops inside what would be quotations too
        assert spans.sentence_bounds(paragraph, paragraph, []) == _old_sentence_bounds(
            paragraph, paragraph, []
        )


def _old_mask(paragraph: str, spans: list[Span]) -> str:
    pieces = []
    at = 0
    for span in spans:
        stop = span.outer_end if span.closed else len(paragraph)
        pieces.append(paragraph[at : span.open] + "\x00" * (stop - span.open))
        at = stop
    return "".join(pieces) + paragraph[at:]


def test_mask_is_its_first_form(build: ModuleType) -> None:
    spans, _ = _modules(build)
    long = "x" * 450
    made = [f'a "{long}" b', f'"{long}', f'"{long}" "c" d "e', '"a" b "c', '"', '""', 'x "y"']
    for paragraph in PARAGRAPHS + TRICKY + made:
        found = [spans.Span(s.open, s.close, s.start, s.end) for s in find_spans(paragraph)]
        assert spans.mask(paragraph, found) == _old_mask(paragraph, found), paragraph
        for one in found:
            assert spans.mask(paragraph, [one]) == _old_mask(paragraph, [one]), paragraph
