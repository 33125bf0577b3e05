"""`toolkit.quotes.cast` answers the same questions with fewer steps than it used to: each
faster form is held here to the plain form it replaced, over every paragraph of the fixture
dumps and strings made to trip it."""

from __future__ import annotations

import importlib
import itertools
import random
import re
import sys
from bisect import bisect_right
from types import ModuleType

import pytest

from tests.test_runs import PARAGRAPHS, TRICKY
from toolkit import quotes
from toolkit.quotes import cast, names, textsearch

# The pure modules and, when they are the ones in use, their compiled builds
BUILDS = [cast]
SEARCHES = [textsearch]
if quotes.IMPLEMENTATION == "compiled":
    BUILDS.append(importlib.import_module("toolkit.quotes._accel.cast"))
    SEARCHES.append(importlib.import_module("toolkit.quotes._accel.textsearch"))

TEXTS = PARAGRAPHS + TRICKY
WORD = re.compile(r"[\w’'\-]+")


def _plain_close_spelling(a: str, b: str) -> bool:
    # close_spelling as it was written: the whole table, a new list per row
    if abs(len(a) - len(b)) > 2:
        return False
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = prev[j - 1] if ca == cb else prev[j - 1] + 1
            cost = min(cost, prev[j] + 1, cur[j - 1] + 1)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            cur[j] = cost
        prev2, prev = prev, cur
    return prev[-1] <= 2


def _word_pairs() -> list[tuple[str, str]]:
    words = sorted({w for text in TEXTS for w in WORD.findall(text)})
    by_start: dict[str, list[str]] = {}
    for word in words:
        by_start.setdefault(word[:2], []).append(word)
    # words that share a start, as the fuzzy surname search compares them
    pairs = [(a, b) for group in by_start.values() for a in group[:40] for b in group[:40]]
    rng = random.Random(7)
    pairs += [(rng.choice(words), rng.choice(words)) for _ in range(20000)]
    # every pair of short strings over a small alphabet: each kind of edit, near the bound
    small = ["".join(p) for n in range(5) for p in itertools.product("abſ", repeat=n)]
    pairs += [(a, b) for a in small for b in small]
    for word in ("Rojansky", "Karaağaç", "Straße", "İstanbul", "ΣΑΣ", "O’Brien", "😀ab"):
        for i in range(len(word)):
            pairs.append((word, word[:i] + word[i + 1 :]))
            pairs.append((word, word[:i] + word[i + 1 : i + 2] + word[i : i + 1] + word[i + 2 :]))
            pairs.append((word, word[:i] + "x" + word[i + 1 :]))
            pairs.append((word[:i] + "yz" + word[i:], word))
    return pairs


PAIRS = _word_pairs()


@pytest.mark.parametrize("build", SEARCHES, ids=lambda m: m.__name__)
def test_close_spelling_answers_as_the_whole_table(build: ModuleType) -> None:
    assert len(PAIRS) > 30000
    for a, b in PAIRS:
        assert build.close_spelling(a, b) == _plain_close_spelling(a, b), (a, b)


def _plain_places(paragraphs: list[str], word: str) -> list[tuple[int, int]]:
    # places as it was written: each hit's paragraph found with bisect
    joined = "\n".join(paragraphs)
    offsets = []
    at = 0
    for text in paragraphs:
        offsets.append(at)
        at += len(text) + 1
    found = []
    at = joined.find(word)
    while at >= 0:
        pi = bisect_right(offsets, at) - 1
        found.append((pi, at - offsets[pi]))
        at = joined.find(word, at + len(word))
    return found


ARTICLES = [PARAGRAPHS[i : i + 12] for i in range(0, len(PARAGRAPHS), 12)] + [
    TRICKY,
    ["", "", "a"],
    ["a", "", "", "a"],
    [""],
]


@pytest.mark.parametrize("build", BUILDS, ids=lambda m: m.__name__)
def test_places_are_where_the_plain_search_finds_the_word(build: ModuleType) -> None:
    for paragraphs in ARTICLES:
        found = build.Cast(paragraphs)
        words = {w for text in paragraphs for w in WORD.findall(text)[:8]}
        for word in [*sorted(words), "a", "e", " ", ".", "’", "aa"]:
            assert found.places(word) == _plain_places(paragraphs, word), word


NAMES_BUILDS = [names]
if quotes.IMPLEMENTATION == "compiled":
    NAMES_BUILDS.append(importlib.import_module("toolkit.quotes._accel.names"))


@pytest.mark.parametrize("build", NAMES_BUILDS, ids=lambda m: m.__name__)
def test_contains_and_pick_answer_as_their_plain_forms(build: ModuleType) -> None:
    # contains with a slice per place, pick comparing tuples: as they were written
    tokens = ["A", "B", "A", "B", "C", "", "Á"]
    lists = [tokens[i:j] for i in range(len(tokens) + 1) for j in range(i, len(tokens) + 1)]
    lists += [["A", "A"], ["B", "A"], ["C", "B"], ["a"], ["A "], ["Smith"], ["Jo", "Smith"]]
    for full in lists:
        for part in lists:
            n = len(part)
            plain = any(full[i : i + n] == part for i in range(len(full) - n + 1))
            assert build.contains(full, part) == plain, (full, part)
    places = [(0, 5), (0, 9), (1, 0), (1, 0), (1, 7), (3, 2)]
    for k in range(len(places) + 1):
        found = [(pi, at, ["x"]) for pi, at in places[:k]]
        for para in range(5):
            for offset in range(-1, 11):
                before = 0
                while before < len(found) and (found[before][0], found[before][1]) < (
                    para,
                    offset,
                ):
                    before += 1
                want = max(before - 1, 0) if found else -1
                assert build.pick(found, para, offset) == want


INTRO_TEXTS = [
    *TEXTS,
    "a mechanic, an old mechanic and one two three four five six mechanic: (a mechanic",
    "An\u00a0angry\u2003tired\nold\tlocal\x1cretired\u2028mechanic said; a  b  c  d  e  mechanic",
    "xmechanic(a mechanic, another’s mechanic's own-mechanic a-b c_d mechanic mechanics",
    "one 1 2 3 4 5 6 mechanic; One 1 2 3 4 5 mechanic; ANOTHER mechanic; Another mechanic_",
    "ſ ß İ ı Σ a ſtraße mechanic “a mechanic” ‘an official’ a 33-year-old Cuban economist",
]


@pytest.mark.parametrize("build", SEARCHES, ids=lambda m: m.__name__)
def test_intro_search_finds_what_a_search_of_the_whole_text_finds(build: ModuleType) -> None:
    heads = sorted(names.SOURCE_NOUNS | {"mechanic", "economist", "official", "Mechanic"})
    heads = [h for h in heads if len(h) > 2 and h.isalpha()]
    for text in INTRO_TEXTS:
        own = [w for w in WORD.findall(text) if len(w) > 2 and w.isalpha()][:6]
        for head in heads + own:
            pattern = textsearch.intro_pattern(head)
            want = pattern.search(text) if head in text else None
            got = build.intro_search(head, text)
            assert (got and got.span()) == (want and want.span()), (text, head)


def test_case_twins_are_every_non_ascii_match_of_an_ascii_letter() -> None:
    letter = re.compile(r"(?i)[a-z]")
    twins = [chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))]
    assert tuple(twins) == textsearch._CASE_TWINS


@pytest.mark.parametrize("search", SEARCHES, ids=lambda m: m.__name__)
def test_lower_case_holds_every_ignore_case_match_it_vouches_for(search: ModuleType) -> None:
    # with_role skips a paragraph whose lower case lacks every form: that must never skip
    # one the ignore-case search would match
    forms = ["gov.", "governor", "sen.", "foreign minister", "coach", "dr", "ki", "is"]
    texts = [*TEXTS, "GOV. Ann ſen. Ann", "Foreign MINISTER Ann", "\u212aI Ann", "İS Ann ıs Ann"]
    vouched = 0
    for text in texts:
        if not search.lower_holds_ignore_case(text):
            continue
        vouched += 1
        low = text.lower()
        for form in forms:
            if re.search(rf"(?i){re.escape(form)}", text):
                assert form in low, (form, text)
    assert vouched > 100
    for text in ("ſenator", "İstanbul", "\u212aelvin", "ıt"):
        assert not search.lower_holds_ignore_case(text)


def test_fold_moves_every_code_point_that_folds_to_more_or_to_ascii() -> None:
    for c in range(128, sys.maxunicode + 1):
        folded = chr(c).casefold()
        if len(folded) != 1 or ord(folded) < 128:
            assert textsearch._fold_moves(c), hex(c)


FOLD_TEXTS = [
    *TEXTS,
    "The Weather Service said; the WEATHER service; tHe weather SERVICE",
    "Straße strasse STRASSE ſtrasse ﬁnance finance \u212aelvin kelvin İstanbul istanbul",
    "ΐ Weather Service",
    "x \u1f80 the weather service",
    "a ß b",
    "weather servic",
    "wweather service",
    "the weather\u00a0service the weather service",
    "Crane County Sheriff’s Office; the county SHERIFF’S office",
    "Mikkel FRØSLEV, Karaağaç",
    "S ΣΑΣ s σας",
    "Iı iI",
    "X\u0307 x\u0307",
]


@pytest.mark.parametrize("search", SEARCHES, ids=lambda m: m.__name__)
def test_folded_find_finds_what_a_search_of_the_folded_text_finds(search: ModuleType) -> None:
    lows = ["the weather service", "weather service", "strasse", "finance", "kelvin", "i", "s"]
    lows += ["istanbul", "ss", "k", "a b", "ce", "co.", "department", "the company"]
    lows += [
        "sheriff’s office",
        "county sheriff’s",
        "frøslev",
        "karaağaç",
        "s σας",
        "iı",
        "x\u0307",
    ]
    read = 0
    for text in FOLD_TEXTS:
        folded = text.casefold()
        own = [w.casefold() for w in WORD.findall(text)[:10]]
        for low in lows + [w for w in own if ord(w[0]) < 128]:
            got = search.folded_find(text, low)
            if got != -2:
                read += 1
                assert got == folded.find(low), (text, low)
    assert read > 1000
    assert search.folded_find("Straße", "strasse") == -2
    assert search.folded_find("a \u212a", "k") == -2
    assert search.folded_find("k \u212a", "k") == 0


ROLE_TEXTS = [
    *TEXTS,
    "GOV. Ann Lee said; Gov. ann; the governor Bob Ray; Governor\u00a0Kim Ode, gov. Rick Scott",
    "ſen. Ann Lee and Sen. Bob Ray; Senator Kim Ode; xsen. Al Gore; sen.Al Gore",
    "İS Ann Lee; \u212aing Bob; Foreign MINISTER Hakan Karaağaç; foreign minister",
    "Coach Denise Albright; coach of the Year; coach  Bob Ray; COACH JIM",
]


@pytest.mark.parametrize("build", BUILDS, ids=lambda m: m.__name__)
def test_titled_name_is_what_a_search_of_the_whole_paragraph_finds(build: ModuleType) -> None:
    roles = [*sorted(names.TITLE_FORMS), "coach", "foreign minister", "official", "ſen"]
    for role in roles:
        search = build._role_search(role)
        forms = {role, *names.TITLE_FORMS.get(role, ())}
        pattern = re.compile(
            r"(?i)\b(?:"
            + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            + r")\s+"
        )
        for text in ROLE_TEXTS:
            want: list[str] = []
            for m in pattern.finditer(text):
                if text[m.end() : m.end() + 1].isupper():
                    name = names.name_at(text, m.end())
                    if name and name[-1].casefold() not in forms:
                        want = name
                        break
            assert build._titled_name(text, search) == want, (role, text)


def _plain_org_word(token: str) -> bool:
    # _org_word as it was written: every token looked up
    if not token or token[-1] != ".":
        return token in names._ORG_WORDS_OR_STEMS
    return token in names.ORG_WORDS or token.rstrip(".") in names._ORG_STEMS


def _plain_is_org_name(tokens: list[str]) -> bool:
    if len(tokens) == 1:
        return names._acronym(tokens[0]) or _plain_org_word(tokens[0])
    if _plain_org_word(tokens[-1]):
        return True
    return any(
        _plain_org_word(tokens[i]) and tokens[i + 1] in ("of", "for", "on")
        for i in range(len(tokens) - 1)
    )


def _run_tokens() -> list[list[str]]:
    runs = [m.group().split(" ") for text in TEXTS for m in names.ORG_RUN.finditer(text)]
    words = sorted(names.ORG_WORDS | names._ORG_STEMS | names.TITLES)
    runs += [[w] for w in words] + [[w + "."] for w in words] + [[w + ".."] for w in words]
    runs += [["", "of", "Co."], ["Co..", "for", "x"], ["Él", "of"], ["...", "on", "Inc"], ["."]]
    return runs


@pytest.mark.parametrize("build", NAMES_BUILDS, ids=lambda m: m.__name__)
def test_org_tests_answer_as_their_plain_forms(build: ModuleType) -> None:
    assert all("A" <= w[0] <= "Z" for w in names.ORG_WORDS)  # what _org_word relies on
    for tokens in _run_tokens():
        for token in tokens:
            assert build._org_word(token) == _plain_org_word(token), token
        assert build.is_org_name(tokens) == _plain_is_org_name(tokens), tokens


@pytest.mark.parametrize("search", SEARCHES, ids=lambda m: m.__name__)
def test_find_by_mark_finds_what_str_find_finds(search: ModuleType) -> None:
    texts = ["\n".join(PARAGRAPHS[i : i + 12]) for i in range(0, len(PARAGRAPHS), 12)] + [
        *TRICKY,
        "ABABAB aBA BA",
        "Frøslev Frøslevs frøslev",
        "xSmith Smith’s",
        "S",
        "",
    ]
    extra = ["ABAB", "BA", "aBA", "Frøslev", "øs", "Smith", "S", "Smith’s", "AB AB", "B"]
    found = 0
    for text in texts:
        words = WORD.findall(text)
        for word in [*words[:40], *words[-10:], *extra]:
            mark = search.mark_of(word)
            assert mark == next(
                (i for i, c in enumerate(word) if "A" <= c <= "Z" or ord(c) >= 128), -1
            )
            if mark < 0:
                continue
            for start in (0, 1, 7, len(text) // 2, len(text), len(text) + 3):
                want = text.find(word, start)
                assert search.find_by_mark(text, word, start, mark) == want, (word, start)
                found += want >= 0
    assert found > 1000


@pytest.mark.parametrize("search", SEARCHES, ids=lambda m: m.__name__)
def test_ascii_folded_find_finds_what_a_search_of_the_folded_text_finds(
    search: ModuleType,
) -> None:
    lows = ["the weather service", "weather service", "co.", "a", "aa", "1", " ", "-x", "zz"]
    lows += ["sheriff’s office", "straße", "strasse", "zqx", "q", "ab1"]
    texts = [t for t in [*FOLD_TEXTS, *PARAGRAPHS] if t.isascii()]
    texts += ["", "A", "aA", "AAa", "xX.Co. co.", "1a1", "QqZz zq ZQX"]
    read = 0
    for text in texts:
        own = [w.casefold() for w in WORD.findall(text)[:10]]
        for low in lows + own:
            rare = search.rare_letter(low)
            assert low[rare] == min(low, key=lambda c: _RARITY.find(c) % 27), low
            read += 1
            want = text.casefold().find(low)
            assert search.ascii_folded_find(text, low, rare) == want, (text, low)
    assert read > 1000


_RARITY = "zqxjkvbpygfwmucldrhsnioate"


@pytest.mark.parametrize("build", BUILDS, ids=lambda m: m.__name__)
def test_words_from_are_what_a_plain_search_finds(build: ModuleType) -> None:
    for paragraphs in ARTICLES:
        found = build.Cast(paragraphs)
        text = "\n".join(paragraphs)
        prefixes = {w[:2] for p in paragraphs for w in WORD.findall(p)[:8]}
        for prefix in [*sorted(prefixes), "Ro", "S", "ø", "’s"]:
            want = []
            at = text.find(prefix)
            while at >= 0:
                if at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "’'-"):
                    m = WORD.match(text, at)
                    want.append(m.group() if m else prefix)
                at = text.find(prefix, at + 1)
            assert found._words_from(prefix) == want, prefix
