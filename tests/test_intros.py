"""`toolkit.quotes.intros`' scans find exactly what the regexes they replace find: every
source noun of every paragraph of the fixture dumps and of tricky synthetic text, and the
determiner before every noun and every offset of those texts."""

from __future__ import annotations

import importlib
import re
import sys
from types import ModuleType

import pytest

from tests.conftest import fixture_paragraphs, quotes_build
from toolkit.quotes import intros

TRICKY = [
    "An  official said, and ANOTHER official, one-time official, officials_x official_",
    "a\tsenior\nofficial; an\u00a0expert, a 33-year-old Cuban economist who lives there",
    "ſ an official, İ a official ı an official \u212a one official: x’an official 'a spokesman",
    "a-b c’d e'f g_h 2 i j official; a b c d e f official; a b c d e official, a",
    "ANother  one’s   one  x-y  z official\n",
    "Xan official, _an official, 9a official, éan official, (an official “a official”",
    "a\u2003b\u3000official a\x1cofficial an \x85official a\x0bofficial one¹ official",
    "officials officialdom OFFICIAL Official 0fficial official2 of ofﬁcial оfficial",
    "an. official an, official a  analyst analysts economists experts spokeswoman",
    "a" + " w" * 40 + " official and " + "an " * 30 + "official",
    "",
    "a",
    " official",
]


PARAGRAPHS = fixture_paragraphs(every_set=True)
TEXTS = PARAGRAPHS + TRICKY


def test_there_are_paragraphs_to_check() -> None:
    assert len(PARAGRAPHS) > 250


@pytest.fixture(params=["python", "compiled"])
def build(request: pytest.FixtureRequest) -> ModuleType:
    """The `intros` module checked: the pure one, or the compiled build's."""
    return importlib.import_module(f"{quotes_build(request.param).__name__}.intros")


def _nouns(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in intros.SOURCE_NOUN.finditer(text)]


def _determiner(text: str, end: int) -> int:
    m = intros.DETERMINER_BEFORE.search(text, max(0, end - intros.WINDOW), end)
    return -1 if m is None else m.start(1)


def test_source_nouns_agree_with_the_regex(build: ModuleType) -> None:
    for text in TEXTS:
        low = text.lower()
        for searched in {text, low if len(low) == len(text) else text, text.upper()}:
            assert build.source_nouns(searched) == _nouns(searched), searched


def test_determiners_agree_with_the_regex_at_every_noun(build: ModuleType) -> None:
    hits = 0
    for text in TEXTS:
        low = text.lower()
        for start, _ in _nouns(low if len(low) == len(text) else text):
            expected = _determiner(text, start)
            hits += expected >= 0
            assert build.determiner_before(text, start) == expected, (text, start)
    assert hits > 50


def test_determiners_agree_with_the_regex_at_every_offset(build: ModuleType) -> None:
    for text in TEXTS:
        for end in range(len(text) + 1):
            assert build.determiner_before(text, end) == _determiner(text, end), (text, end)


def test_determiner_forms(build: ModuleType) -> None:
    words = ["a", "an", "another", "one", "A", "AN", "ANOTHER", "One", "aN", "anotheR"]
    others = ["ſ", "İ", "ı", "\u212a", "’", "'", "-", "_", "1", "é", "x", "(", "“", "\u00a0"]
    spaces = [" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\x1c", "\x85", "\r\n"]
    middles = ["", "one-time ", "senior ", "x’s ", "_ ", "1 2 3 4 ", "a b c d e ", "a.b ", "é "]
    for word in words:
        for before in ["", *others]:
            for space in spaces:
                for middle in middles:
                    text = f"{before}{word}{space}{middle}official"
                    end = text.index("official")
                    assert build.determiner_before(text, end) == _determiner(text, end), text


def test_no_other_character_matches_a_determiner_letter() -> None:
    """Under `(?i)` only the two ASCII cases match a, e, h, n, o, r, t (where `s`, `i`, `k`
    would also match `ſ`, `İ`/`ı`, Kelvin `K`): the scan compares ASCII only."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in "aehnort":
        found = set(re.findall(f"(?i){letter}", everything))
        assert found == {letter, letter.upper()}
