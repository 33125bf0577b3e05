"""Names in running text: capitalised runs, titles, organisation words, and the word lists
behind them. `toolkit.quotes.cast` builds on these to answer who a mention refers to.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Final

from toolkit.quotes.intros import determiner_before, source_nouns
from toolkit.quotes.lexicon import trie_pattern, words
from toolkit.quotes.runs import CONNECTORS as _CONNECTORS
from toolkit.quotes.runs import PARTICLE as _PARTICLE
from toolkit.quotes.runs import UPPER as _UPPER
from toolkit.quotes.runs import nickname_may_close_at, run_end, run_start, run_starts

_WORD: Final = rf"[{_UPPER}][\w’'\-]*\.?"  # a period for `Gov.`, `Jr.`; dropped at a run's end
# `U.S.`, `D.C.` before a single initial: abbreviations hold together inside a run
_INITIAL: Final = rf"[{_UPPER}](?:\.[{_UPPER}])*\."
CAP_RUN: Final = re.compile(
    rf"(?<![\w’'\-])(?:{_INITIAL}|{_WORD})(?: (?:{_PARTICLE} )?(?:{_INITIAL}|{_WORD}))*"
)
LEADING_STOP: Final = words("leading_stop")
_LEADING_STOP: Final = LEADING_STOP
TITLES: Final = words("titles")
ORG_WORDS: Final = words("org_words")
_PLACE_WORDS: Final = words("place_words")
_MONTHS: Final = words("months")
ROLE_NOUNS: Final = words("role_nouns")
SOURCE_NOUNS: Final = words("source_nouns")
CAPITALISED: Final = re.compile(rf"\b[{_UPPER}][\w’'\-]+")
PRONOUN_GENDER: Final = {"he": "M", "him": "M", "his": "M", "she": "F", "her": "F", "hers": "F"}
_HONORIFIC_GENDER: Final = {
    "Mr": "M",
    "Mr.": "M",
    "Mrs": "F",
    "Mrs.": "F",
    "Ms": "F",
    "Ms.": "F",
    "Miss": "F",
    "Sir": "M",
    "Dame": "F",
    "Lady": "F",
    "Lord": "M",
    "King": "M",
    "Queen": "F",
    "Father": "M",
    "Prince": "M",
    "Princess": "F",
}


@functools.cache
def first_names() -> dict[str, str]:
    table = resources.files("toolkit.quotes").joinpath("data/first_names.tsv")
    names = {}
    for line in table.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, sex = line.split("\t")
            names[name] = sex
    return names


_AFFILIATIONS: Final = words("affiliations")
_NO_NAMES: Final[dict[str, str]] = {}


def strip_titles(tokens: list[str]) -> tuple[list[str], bool, str | None]:
    """Drop sentence-initial words and titles before a name. Returns the name tokens, whether
    a title or honorific preceded them, and the gender an honorific gives."""
    titled = False
    gender = None
    # `NPR's Charles Maynes`, `Northvale's Frøslev`: the owner is not part of the name.
    for i in range(len(tokens) - 1, 0, -1):
        if _possessive(tokens[i - 1]):
            tokens = tokens[i:]
            break
    while tokens and tokens[0] in _LEADING_STOP:
        gender = _HONORIFIC_GENDER.get(tokens[0], gender)
        titled = titled or tokens[0] in ("Mr", "Mrs", "Ms")
        tokens = tokens[1:]
    last_title = -1
    for i in range(len(tokens) - 1):
        token = tokens[i]
        if token in TITLES or (token.endswith(".") and token.rstrip(".") in TITLES):
            last_title = i
            gender = _HONORIFIC_GENDER.get(token, gender)
    if last_title >= 0:
        tokens = tokens[last_title + 1 :]
        titled = True
    # `Outfielder Jamal Cooper`, `City Engineer Frank Delacroix`, `Republican Derek Holloway`:
    # capitalised roles, places and parties before a given name.
    given = first_names() if len(tokens) >= 3 else _NO_NAMES  # one call, not one a step
    while (
        len(tokens) >= 3
        and (tokens[0] in _AFFILIATIONS or tokens[0].casefold() in ROLE_NOUNS or tokens[1] in given)
        and tokens[0] not in given
    ):
        tokens = tokens[1:]
        titled = True
    return tokens, titled, gender


# `Co` for `Co.`: the words of ORG_WORDS that end in a full stop, without it
_ORG_STEMS: Final = frozenset(word[:-1] for word in ORG_WORDS if word.endswith("."))


_ORG_WORDS_OR_STEMS: Final = ORG_WORDS | _ORG_STEMS


def _org_word(token: str) -> bool:
    # token.rstrip(".") + "." in ORG_WORDS, without building that string for every token;
    # a token with no full stop to strip is looked up once, and one that does not open
    # with a capital as every organisation word does (a test checks) not at all
    if not token or not 65 <= ord(token[0]) <= 90:
        return False
    if token[-1] != ".":
        return token in _ORG_WORDS_OR_STEMS
    return token in ORG_WORDS or token.rstrip(".") in _ORG_STEMS


def _possessive(token: str) -> bool:
    """`token.endswith(("’s", "'s", "s’", "s'"))`, without a tuple to build and walk."""
    n = len(token)
    if n < 2:
        return False
    a, b = ord(token[n - 2]), ord(token[n - 1])
    return (b == 115 and (a == 0x2019 or a == 39)) or (a == 115 and (b == 0x2019 or b == 39))


def _owner_s(token: str) -> bool:
    """`token.endswith(("’s", "'s"))`."""
    n = len(token)
    return n >= 2 and token[n - 1] == "s" and (token[n - 2] == "’" or token[n - 2] == "'")


def is_org_name(tokens: list[str]) -> bool:
    """An organisation word heads the name (`National Weather Service`, `Water Co.`) or is
    completed by `of`/`for` (`Federal Bureau of Investigation`); an acronym (`ERCOT`).
    `Council President Denise Harrow` is a person."""
    if len(tokens) == 1:
        return _acronym(tokens[0]) or _org_word(tokens[0])
    if _org_word(tokens[-1]):
        return True
    for i in range(len(tokens) - 1):
        after = tokens[i + 1]  # the cheaper test first
        if (after == "of" or after == "for" or after == "on") and _org_word(tokens[i]):
            return True
    return False


def _acronym(token: str) -> bool:
    """`token.isupper() and len(token) >= 2`; a lower-case second letter answers at once."""
    return len(token) >= 2 and not 97 <= ord(token[1]) <= 122 and token.isupper()


def contains(full: list[str], part: list[str]) -> bool:
    """Whether `part` is a run of consecutive tokens of `full` (the empty run always is).
    Token by token, without a slice per place or a generator: asked for every place a
    name is printed."""
    n = len(part)
    for i in range(len(full) - n + 1):
        k = 0
        while k < n and full[i + k] == part[k]:
            k += 1
        if k == n:
            return True
    return False


WHO: Final = re.compile(r"\s+who\s+")  # splits a description from its relative clause
# A relative clause that is part of a description: up to punctuation or a reporting verb
# (`a woman who declined to give her name said …` stops before `said`).
WHO_CLAUSE: Final = re.compile(
    r"\s+who\s+(?:(?!\b(?:said|says|told|tells|added|adds|wrote)\b)[^,.;:\x00])+(?<!\s)"
)
# `\b(he|him|his|she|her|hers)\b` ignoring case, with the first letter taken out as the
# set of every letter an ignore-case `h` or `s` matches (`ſ` is an `s`) and `\b` checked
# behind it: a pattern opening with a character set lets a search skip to those letters
# instead of trying every offset, and a case-sensitive set is cheaper than folding.
PRONOUN: Final = re.compile(r"([HhSsſ](?<=\b.)(?i:(?<=[Hh])(?:e|im|is|ers|er)|(?<=[Ssſ])he))\b")


_CONNECTOR_WORDS: Final = [*_PARTICLE[3:-1].split("|"), "of", "for", "and", "on", "the"]
# One pass finds every capitalised run, organisation connectors included (`Federal Bureau of
# Investigation`, `Jesse and Diana Smith`); people are the connector-free pieces.
_RUN_WORD: Final = rf"(?:{_INITIAL}|{_WORD})"
# `\b{_RUN_WORD}…`, with the first capital taken out of the alternation and `\b` checked
# behind it: a pattern opening with a character set lets a search skip to the capitals
# instead of trying every offset (twice as fast over a paragraph).
# Every later word likewise, its capital shared by both forms, and the connectors as a trie
# (a connector is followed by a space, so at most one of them can match at a place: their
# order does not matter): fewer steps for the engine at each word.
_RUN_WORD_FAST: Final = rf"[{_UPPER}](?:(?:\.[{_UPPER}])*\.|[\w’'\-]*\.?)"
ORG_RUN: Final = re.compile(
    rf"[{_UPPER}](?<=\b.)(?:(?:\.[{_UPPER}])*\.|[\w’'\-]*\.?)"
    rf"(?: (?:(?:{trie_pattern(sorted(_CONNECTOR_WORDS))}|&) ){{0,2}}{_RUN_WORD_FAST})*"
)


def unnamed_intros(paragraphs: list[str]) -> list[str]:
    """`a senior Biden administration official`, `a 33-year-old Cuban economist who lives
    there`: indefinite descriptions of a source, first form of each head noun, in order."""
    intros: list[str] = []
    heads: set[str] = set()
    for text in paragraphs:
        # Case folding keeps offsets for this text (ASCII-cased nouns), and a case-sensitive
        # search is much faster than an ignore-case one.
        low = text.lower()
        searched = low if len(low) == len(text) else text
        # the matches of intros.SOURCE_NOUN and intros.DETERMINER_BEFORE, found by hand
        for start, end in source_nouns(searched):
            head = searched[start:end]  # lower-case ASCII: its own casefold()
            if head in heads:
                continue
            det = determiner_before(text, start)
            if det < 0:
                continue
            who = WHO_CLAUSE.match(text, end)
            phrase = text[det : who.end() if who else end].strip()
            intros.append(phrase[0].lower() + phrase[1:])
            heads.add(head)
    return intros


_SAYS: Final = (" said", " says", " told", " added", " wrote", " warned", " explained")


def org_names(text: str) -> list[list[str]]:
    """The organisation names among a paragraph's capitalised runs, in order: a whole run
    (`Federal Bureau of Investigation`) or the part after a person (`Superintendent Marisol
    Ortega of the Greece Central School District`)."""
    found: list[list[str]] = []
    for start in run_starts(text):  # ORG_RUN's matches, read by code point
        for piece in _split_run(text[start : run_end(text, start)]):
            tokens = piece.split(" ")
            if len(tokens) == 1 and tokens[0] in _LEADING_STOP:
                continue
            last = tokens[-1]
            if last.endswith(".") and last not in ORG_WORDS and last not in TITLES:
                tokens[-1] = last[:-1]  # the sentence's full stop, not `Co.` or `Gov.`
            if tokens[-1].endswith(("’s", "'s")):
                tokens[-1] = tokens[-1][:-2]
            trimmed = tokens
            while trimmed and trimmed[0] in _LEADING_STOP:
                trimmed = trimmed[1:]
            while trimmed and trimmed[-1] in _CONNECTORS:
                trimmed = trimmed[:-1]
            if not trimmed or (len(trimmed) == 1 and trimmed[0].isupper()):
                continue
            org_at = org_start(trimmed)
            if org_at == 0:
                found.append(without_owner(trimmed))
            elif org_at is not None:
                found.append(trimmed[org_at:])
    return found


def without_owner(tokens: list[str]) -> list[str]:
    """`Mexico's Secretariat of Agriculture`: the owner is no part of the organisation."""
    if len(tokens) > 2 and tokens[0].endswith(("’s", "'s")) and is_org_name(tokens[1:]):
        return tokens[1:]
    return tokens


def org_start(tokens: list[str]) -> int | None:
    """Where the organisation name starts in a capitalised run: 0 for the whole run
    (`Federal Bureau of Investigation`), after a connector when only the part after it is an
    organisation (`Shares of Harwell Motors`), None when there is none."""
    if not is_org_name(tokens):
        return None
    for i, token in enumerate(tokens):
        if token in _CONNECTORS:
            for k in range(i):
                if _org_word(tokens[k]):
                    return 0
            rest = tokens[i + 1 :]
            while rest and rest[0] in _CONNECTORS:
                rest = rest[1:]
            if rest and is_org_name(rest):
                return len(tokens) - len(rest)
            return 0
    return 0


# `the governor` is the person titled `Governor` or `Gov.`: the roles a definite
# description can point back to, and how the title is printed before a name.
TITLE_FORMS: Final[dict[str, tuple[str, ...]]] = {}
for _title in TITLES:
    TITLE_FORMS.setdefault(_title.rstrip(".").casefold(), ())
    TITLE_FORMS[_title.rstrip(".").casefold()] += (_title,)
for _short, _long in (
    ("gov", "governor"),
    ("sen", "senator"),
    ("rep", "representative"),
    ("supt", "superintendent"),
    ("gen", "general"),
    ("capt", "captain"),
    ("prof", "professor"),
    ("dr", "doctor"),
):
    TITLE_FORMS[_long] = TITLE_FORMS.get(_long, ()) + TITLE_FORMS.get(_short, ())


def confirmed_single(text: str, start: int, word: str) -> bool:
    """A one-word name counts as a person next to a title, a role or a reporting verb."""
    end = text.find(word, start) + len(word)
    space = text.rfind(" ", 0, max(0, start - 1))
    previous = text[space + 1 : start].strip().rstrip(",").casefold()
    return (
        previous in ROLE_NOUNS
        or previous.rstrip(".").capitalize() in TITLES
        or text.startswith(_SAYS, end)
    )


def drop_leading_stop(tokens: list[str]) -> list[str]:
    while len(tokens) > 1 and tokens[0] in _LEADING_STOP:
        tokens = tokens[1:]
    return tokens


def initials(name: str) -> tuple[str, str]:
    """`Electric Reliability Council of Texas` → (`ERCT`, `ERCOT`): acronyms skip or keep
    the little words."""
    words = name.split()
    return ("".join(w[0] for w in words if w[:1].isupper()), "".join(w[0].upper() for w in words))


def pick(found: list[tuple[int, int, list[str]]], para: int, offset: int) -> int:
    """Of equally full names (`Jesse Smith`, `Diana Smith` for `Smith`), the one printed
    last before the mention; the first one when none comes before it. `found` is in
    reading order; the answer is its index there (-1 when empty), so callers can cache by
    it: every mention between two printings picks the same name."""
    before = 0
    while before < len(found):
        # (pi, at) < (para, offset), compared as integers: no tuples to build per step
        pi, at, _ = found[before]
        if not (pi < para or (pi == para and at < offset)):
            break
        before += 1
    return max(before - 1, 0) if found else -1


def name_at(text: str, at: int) -> list[str]:
    """The person's name (titles dropped) in the capitalised run holding offset `at`; empty
    when that run is an organisation, a place or no name at all."""
    start = run_start(text, at)
    end = run_end(text, start)
    if end <= at:
        return []
    tokens = text[start:end].split(" ")
    if text[end - 1] == "." and tokens[-1] not in TITLES:
        tokens[-1] = tokens[-1][:-1]
    if _owner_s(tokens[-1]):
        tokens[-1] = tokens[-1][:-2]
    lead = 0
    while lead < len(tokens) - 1 and tokens[lead] in _LEADING_STOP:
        lead += 1
    org_at = org_start(tokens[lead:] if lead else tokens)
    if org_at is not None:  # tested first: `== 0` on an optional int is a generic compare
        if org_at == 0:
            return []
        org_offset = start
        for k in range(lead + org_at):
            org_offset += len(tokens[k]) + 1
        if at >= org_offset:
            return []
    # the piece between connectors that holds `at`
    offset = start
    piece: list[str] = []
    rest = len(tokens)  # where the tokens after that piece start
    for i, token in enumerate(tokens):
        if token in _CONNECTORS:
            if offset > at:
                rest = i
                break
            piece = []
        else:
            piece.append(token)
        offset += len(token) + 1
    if len(piece) == 1 and len(tokens) - rest == 3 and tokens[rest] == "and":
        # `Lucía and Graciela Treviño`: both sisters are Treviños
        piece = [piece[0], tokens[rest + 2]]
    names, _, _ = strip_titles(piece)
    if not names or any(t in _MONTHS_OR_PLACES for t in names):
        return []
    if len(names) == 1:
        return _with_nickname(text, start, end, names[0])
    return names


_MONTHS_OR_PLACES: Final = _MONTHS | _PLACE_WORDS


def _with_nickname(text: str, start: int, end: int, name: str) -> list[str]:
    """A one-word name with the nickname printed right before or after it, if any."""
    # Each search only where a mark sits where its pattern needs one: `" ` right before
    # the run (`$` may also match before a final newline), ` "` right after it.
    if nickname_may_close_at(text, start):
        nick = _NICKNAMED.search(text, max(0, start - 40), start)
        if nick is not None:
            return [nick.group(1), name]  # `Jalen "Bones" Whitaker`
    if end + 1 < len(text) and text[end] == " " and (text[end + 1] == '"' or text[end + 1] == "“"):
        nick = _NICKNAME_NEXT.match(text, end)
        if nick is not None:
            return [name, nick.group(1)]
    return [name]


# A nickname in quotation marks between a given name and a surname.
_NICKNAMED: Final = re.compile(rf"({_WORD}) [\"“][^\"“”]{{1,24}}[\"”] $")
_NICKNAME_NEXT: Final = re.compile(rf" [\"“][^\"“”]{{1,24}}[\"”] ({_WORD})")


def sentence_part(run: str, at: int) -> list[str]:
    """The tokens of the piece of `run` holding offset `at`, cut at full stops that end a
    sentence (`Chamber of Commerce. The`), not at those of titles or initials."""
    offset = 0
    for piece in _split_run(run):
        if offset <= at < offset + len(piece) + 1:
            tokens = piece.split(" ")
            if tokens[-1].endswith(".") and tokens[-1] not in ORG_WORDS:
                tokens[-1] = tokens[-1][:-1]
            return tokens
        offset += len(piece) + 1
    return run.split(" ")


def _split_run(run: str) -> list[str]:
    """Cut a run after a word's full stop (`NATO. He`); titles and initials keep theirs."""
    pieces, current = [], []
    for token in run.split(" "):
        current.append(token)
        if token.endswith(".") and len(token) > 3 and token not in TITLES:
            pieces.append(" ".join(current))
            current = []
    if current:
        pieces.append(" ".join(current))
    return pieces
