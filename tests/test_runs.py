"""`toolkit.quotes.runs` reads capitalised runs character by character in place of a regex and
of slower string code: at every offset of every paragraph of the fixture dumps, and of strings
made to trip it, it must answer exactly as ORG_RUN and the code it replaced do."""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest

from tests.conftest import fixture_paragraphs
from toolkit import quotes
from toolkit.quotes import names, runs

# The pure module and, when it is the one in use, its compiled build
BUILDS = [runs]
if quotes.IMPLEMENTATION == "compiled":
    BUILDS.append(importlib.import_module("toolkit.quotes._accel.runs"))


PARAGRAPHS = fixture_paragraphs()
TRICKY = [
    "Gov. Rick Scott of Florida and the U.S. Department of State said, per NATO. He left.",
    "McDonald’s CEO Ann-Marie O'Neil, Élodie du Pont and D.C. Mayor A.B. Smith Jr. said",
    "xAbc _Def 9Ghi -Jkl ’Mno 'Pqr Stu.Vwx ÀÉÎ ŒUVRE on the Board of the Bank & Trust",
    "McDonald Trump met Donald Trump; AT&T Inc. and T Inc, _Abc Abc",
    "Łódź and Øresund, ſome Ǆ ǅ ǆ İstanbul Σigma ΣΑΣ Жуков, Ƀ Ȼ ȼ Ɂ ɐ, and Ÿ ÿ µ ß",
    "U.S.A. U.S.A U.S. A. B.C.d A.b. X.. X.Y..Z. Q.-R. A.B.C.D.E.F. Gov. Gov.. No.1 Z.",
    "Bank of the of America, Bank of & Trust, Bank & & Co, Bank of of the Ohio, Bank of",
    "della Robbia, Leonardo da Vinci, Ludwig van der Rohe, Bin bin Laden, Al al-Assad and",
    'Jesse and Diana Smith; Lucía and Graciela Treviño; Jalen “Bones” Whitaker; Jalen "Bones"',
    "Name\nNext Line, Tab\tSep, Nbsp\u00a0Sep, Em\u2003Sep, Line\u2028Sep, two  Spaces, end Of",
    "Smith’s Ann-Marie’s O’Brien l’Oréal D’Angelo d'Estaing -Dash- 'Quote' ’Curly’ Co. Inc.",
    "x²Abc ²Abc 3M Co 9A A9 Ab9 _A A_ A_b a_B Ⅻ Ⅻb ⅫB ½A A½ ٣A A٣ 😀Abc Abc😀 Ab😀c 😀",
    "the of and for on & de van von der den la le bin al el dos das della del di du da",
    "A",
    "a",
    " ",
    ".",
    "A.",
    "A.B",
    "A B",
    "A  B",
    "A of",
    "A of B",
    "&",
    "A & B",
    "A &B",
    "The President of the United States of America met the Secretary-General of the U.N.",
    "",
]
TEXTS = PARAGRAPHS + TRICKY


def test_the_fixture_paragraphs_are_read() -> None:
    assert len(PARAGRAPHS) > 100


@pytest.mark.parametrize("build", BUILDS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("text", TEXTS)
def test_run_end_is_where_org_run_matches(build: ModuleType, text: str) -> None:
    for at in range(len(text) + 2):
        m = names.ORG_RUN.match(text, at)
        assert build.run_end(text, at) == (m.end() if m else -1), (text, at)
    assert build.run_starts(text) == [m.start() for m in names.ORG_RUN.finditer(text)]


def _plain_run_start(text: str, at: int) -> int:
    # run_start as it was written with slices and str methods
    start = at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while start > 1 and text[start - 1] == " ":
        prev = text.rfind(" ", 0, start - 1) + 1
        word = text[prev : start - 1]
        if word and (
            (word[0].isupper() and (word[-1].isalnum() or word[-1] in "’'-."))
            or word in runs.CONNECTORS
            or word in runs.PARTICLES
        ):
            start = prev
        else:
            break
    while True:
        space = text.find(" ", start, at)
        if space < 0 or (
            text[start:space] not in runs.CONNECTORS and text[start:space] not in runs.PARTICLES
        ):
            return start
        start = space + 1


def _plain_in_run(text: str, at: int, length: int) -> bool:
    # in_run as it was written with slices and str methods
    end = at + length
    if end < len(text) and not text[end].isspace() and text[end] not in ",.;:!?":
        return True
    if text.startswith(" and ", end) and text[end + 5 : end + 6].isupper():
        return True
    if text[end : end + 2] in (' "', " “") or text[max(0, at - 2) : at] in ('" ', "” "):
        return True
    if at >= 2 and text[at - 1] == " " and (text[at - 2].isalpha() or text[at - 2] == "."):
        space = text.rfind(" ", 0, at - 1)
        if text[space + 1 : space + 2].isupper():
            return True
    return end + 1 < len(text) and text[end] == " " and text[end + 1].isupper()


@pytest.mark.parametrize("build", BUILDS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("text", TEXTS)
def test_run_start_and_in_run_answer_as_their_plain_forms(build: ModuleType, text: str) -> None:
    for at in range(len(text)):
        assert build.run_start(text, at) == _plain_run_start(text, at), (text, at)
        run = runs.run_end(text, at) - at  # a run's length, and short and long words
        for length in (1, 2, 5, run):
            if 0 < length <= len(text) - at:
                got = build.in_run(text, at, length)
                assert got == _plain_in_run(text, at, length), (text, at, length)


def test_no_connector_is_longer_than_the_longest() -> None:
    assert max(map(len, runs.CONNECTORS | runs.PARTICLES)) == runs._LONGEST


@pytest.mark.parametrize("text", TEXTS)
def test_nickname_search_is_skipped_only_where_it_cannot_match(text: str) -> None:
    for start in range(len(text) + 1):
        if not runs.nickname_may_close_at(text, start):
            assert names._NICKNAMED.search(text, max(0, start - 40), start) is None


TOKENS = ["", "s", "'s", "’s", "s'", "s’", "A's", "As’", "Jones'", "Inc..", "Bank.", ".", ".."]
TOKENS += [w + end for w in sorted(names.ORG_WORDS) for end in ("", ".", "..")]
TOKENS += [w.rstrip(".") for w in sorted(names.ORG_WORDS)]


def test_token_tests_answer_as_their_plain_forms() -> None:
    for token in TOKENS:
        assert names._possessive(token) == token.endswith(("’s", "'s", "s’", "s'"))
        assert names._owner_s(token) == token.endswith(("’s", "'s"))
        plain = token in names.ORG_WORDS or token.rstrip(".") in names._ORG_STEMS
        assert names._org_word(token) == plain, token
