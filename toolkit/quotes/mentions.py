"""Who is in the article: people, organisations and unnamed sources, and how a mention
(`Rojanksy`, `he`, `the official`, `the weather service`) resolves to its canonical form
(RULES §6.6: the fullest name the article gives, the first description of an unnamed source,
an organisation's fullest name).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

from toolkit.quotes.lexicon import words

_UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
_WORD = rf"[{_UPPER}][\w’'\-]*\.?"  # a period for `Gov.`, `Jr.`; dropped at a run's end
_INITIAL = rf"[{_UPPER}]\."
_PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|al|el|dos|das)"
CAP_RUN = re.compile(
    rf"(?<![\w’'\-])(?:{_WORD}|{_INITIAL})(?: (?:{_PARTICLE} )?(?:{_WORD}|{_INITIAL}))*"
)
_LEADING_STOP = words("leading_stop")
TITLES = words("titles")
ORG_WORDS = words("org_words")
_PLACE_WORDS = words("place_words")
_MONTHS = words("months")
ROLE_NOUNS = words("role_nouns")
SOURCE_NOUNS = words("source_nouns")
_PRONOUN_GENDER = {"he": "M", "him": "M", "his": "M", "she": "F", "her": "F", "hers": "F"}
_HONORIFIC_GENDER = {
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


_AFFILIATIONS = words("affiliations")


def _strip_run(tokens: list[str]) -> tuple[list[str], bool, str | None]:
    """Drop sentence-initial words and titles before a name. Returns the name tokens, whether
    a title or honorific preceded them, and the gender an honorific gives."""
    titled = False
    gender = None
    # `NPR's Charles Maynes`, `Northvale's Frøslev`: the owner is not part of the name.
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i - 1].endswith(("’s", "'s", "s’", "s'")):
            tokens = tokens[i:]
            break
    # `Outfielder Jamal Cooper`, `Republican Derek Holloway`: a capitalised role or party.
    if (
        len(tokens) >= 3
        and (
            tokens[0] in _AFFILIATIONS
            or tokens[0].casefold() in ROLE_NOUNS
            or tokens[1] in first_names()
        )
        and tokens[0] not in first_names()
    ):
        tokens = tokens[1:]
        titled = True
    while tokens and tokens[0] in _LEADING_STOP:
        gender = _HONORIFIC_GENDER.get(tokens[0], gender)
        titled = titled or tokens[0] in ("Mr", "Mrs", "Ms")
        tokens = tokens[1:]
    last_title = -1
    for i, token in enumerate(tokens[:-1]):
        if token in TITLES or token.rstrip(".") in TITLES:
            last_title = i
            gender = _HONORIFIC_GENDER.get(token, gender)
    if last_title >= 0:
        tokens = tokens[last_title + 1 :]
        titled = True
    return tokens, titled, gender


def _org_word(token: str) -> bool:
    return token in ORG_WORDS or token.rstrip(".") + "." in ORG_WORDS


def is_org_name(tokens: list[str]) -> bool:
    """An organisation word heads the name (`National Weather Service`, `Water Co.`) or is
    completed by `of`/`for` (`Federal Bureau of Investigation`); an acronym (`ERCOT`).
    `Council President Denise Harrow` is a person."""
    if len(tokens) == 1:
        return (tokens[0].isupper() and len(tokens[0]) >= 2) or _org_word(tokens[0])
    if _org_word(tokens[-1]):
        return True
    return any(
        _org_word(t) and tokens[i + 1] in ("of", "for", "on") for i, t in enumerate(tokens[:-1])
    )


@dataclass
class Person:
    name: str
    tokens: list[str]
    gender: str | None = None
    confirmed: bool = False  # seen with a title, role, age, first name or reporting verb
    roles: set[str] = field(default_factory=set)  # titles and roles seen before the name


@dataclass
class Cast:
    """The people, organisations and unnamed sources of one article."""

    people: list[Person] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    # (paragraph, offset, person) for every person mention, in reading order
    timeline: list[tuple[int, int, Person]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_name: dict[str, Person] = {}
        self._by_token: dict[str, list[Person]] = {}
        self._unnamed: list[str] | None = None

    @property
    def unnamed(self) -> list[str]:
        """First descriptions of unnamed sources, in order (found when first asked for)."""
        if self._unnamed is None:
            self._unnamed = unnamed_intros(self.paragraphs)
        return self._unnamed

    def person(self, tokens: list[str]) -> Person:
        """The fullest known person these tokens name (registering them if new)."""
        known = self._by_name.get(" ".join(tokens)) or self._fullest(tokens)
        if known is not None:
            return known
        person = Person(" ".join(tokens), tokens)
        self.people.append(person)
        self._by_name[person.name] = person
        for token in set(tokens):
            self._by_token.setdefault(token, []).append(person)
        return person

    def _fullest(self, tokens: list[str]) -> Person | None:
        best = None
        for p in self._by_token.get(tokens[0], ()):
            if len(p.tokens) > len(tokens) and _contains(p.tokens, tokens) and (
                    best is None or len(p.tokens) > len(best.tokens)):
                best = p
        return best

    def resolve_name(self, tokens: list[str], para: int, offset: int,
                     fuzzy: bool = True) -> Person | None:
        """A name mention (`Psaki`, `Rojanksy`, `Diana`) to the person it refers to."""
        if not tokens:
            return None
        exact = self._fullest(tokens) or self._by_name.get(" ".join(tokens))
        if exact is not None:
            return exact
        if fuzzy and len(tokens) == 1:
            return self._fuzzy_surname(tokens[0], para, offset)
        return None

    def _fuzzy_surname(self, word: str, para: int, offset: int) -> Person | None:
        # A misspelt later reference (`Rojanksy` for Rojansky): close in spelling, same start.
        if len(word) < 4:
            return None
        matches = [
            p
            for p in self.people
            if len(p.tokens) > 1 and p.tokens[-1][0] == word[0] and _close(p.tokens[-1], word)
        ]
        return matches[0] if len(matches) == 1 else None

    def mention(self, person: Person, para: int, offset: int) -> None:
        self.timeline.append((para, offset, person))

    def recent(self, para: int, offset: int, gender: str | None) -> Person | None:
        """The most recently mentioned person before (para, offset) of a compatible gender."""
        fallback = None
        for p_para, p_offset, person in reversed(self.timeline):
            if (p_para, p_offset) >= (para, offset):
                continue
            if para - p_para > 3:
                break
            if not person.confirmed:
                continue
            if gender is None or person.gender in (gender, None):
                return person
        return fallback

    def org(self, phrase: str) -> str | None:
        """`ERCOT`, `the weather service`, `the company` → an organisation's fullest name."""
        bare = re.sub(r"^(?:the|The)\s+", "", phrase).strip()
        if bare in self.acronyms:
            return self.acronyms[bare]
        if bare.isupper() and len(bare) >= 2:
            for org in self.orgs:
                initials = "".join(w[0] for w in org.split() if w[0].isupper())
                if initials == bare:
                    return org
        low = bare.casefold()
        for org in self.orgs:
            if org.casefold() == low or (len(low) > 3 and low in org.casefold()):
                return self._longest_with(org)
        words = low.split()
        if len(words) > 3 or any(w[:1].isupper() for w in bare.split()):
            return None  # a proper name that no known organisation contains
        head = words[-1] if words else ""
        generic = {
            "company": (
                "Inc.",
                "Inc",
                "Co.",
                "Corp.",
                "Company",
                "LLC",
                "Corporation",
                "Foods",
                "Industries",
            )
        }
        for org in reversed(self.orgs):
            if head in generic and any(w in org.split() for w in generic[head]):
                return self._longest_with(org)
            if head and head in org.casefold().split():
                return self._longest_with(org)
        return None

    def _longest_with(self, org: str) -> str:
        longer = [o for o in self.orgs if org in o and o != org]
        return max(longer, key=len) if longer else org


def _contains(full: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(full[i : i + n] == part for i in range(len(full) - n + 1))


def _close(a: str, b: str) -> bool:
    """Edit distance of at most 2 (transpositions count once)."""
    if abs(len(a) - len(b)) > 2:
        return False
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1] <= 2


def gender_of_first(token: str) -> str | None:
    return first_names().get(token)


_POSSESSIVE = re.compile(r"[’']s?$")
_AFTER_NAME_CONFIRMS = re.compile(
    r"^(?:,\s*(?:\d{1,3},|who\b|a\b|an\b|the\b|one of\b)|"
    r"\s+(?:said|says|told|added|wrote|warned|explained))"
)
_SAYS_AFTER = re.compile(r"^\s+(?:said|says|told|added|wrote|warned|explained)\b")
_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,9})\)")
_WORD_RE = re.compile(r"[\w’'\-]+")
_UNNAMED_DETERMINERS = frozenset({"a", "an", "another", "one"})
_WHO_CLAUSE = re.compile(r"\s+who\s+[^,.;:\x00]+")
_PRONOUN = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "&"})
# One pass finds every capitalised run, organisation connectors included (`Federal Bureau of
# Investigation`, `Jesse and Diana Smith`); people are the connector-free pieces.
ORG_RUN = re.compile(
    rf"\b(?:{_WORD}|{_INITIAL})(?: (?:(?:{_PARTICLE}|of|for|and|on|the|&) )?(?:{_WORD}|{_INITIAL}))*"
)


def unnamed_intros(paragraphs: list[str]) -> list[str]:
    """`a senior Biden administration official`, `a 33-year-old Cuban economist who lives
    there`: indefinite descriptions of a source, first form of each head noun, in order."""
    intros: list[str] = []
    heads: set[str] = set()
    for text in paragraphs:
        if SOURCE_NOUNS.isdisjoint(_WORD_RE.findall(text.casefold())):
            continue  # the common case: nothing to look for in this paragraph
        found = list(_WORD_RE.finditer(text))
        for i, m in enumerate(found):
            head = m.group().casefold()
            if head not in SOURCE_NOUNS or head in heads:
                continue
            for j in range(i - 1, max(-1, i - 7), -1):
                if found[j].group().casefold() in _UNNAMED_DETERMINERS:
                    if any(c in text[found[j].end() : m.start()] for c in ",.;:\x00"):
                        break
                    who = _WHO_CLAUSE.match(text, m.end())
                    phrase = text[found[j].start() : who.end() if who else m.end()].strip()
                    intros.append(phrase[0].lower() + phrase[1:])
                    heads.add(head)
                    break
    return intros


def build_cast(paragraphs: list[str]) -> Cast:
    """Everyone the article's own words name, in reading order."""
    cast = Cast(paragraphs=paragraphs)
    for pi, text in enumerate(paragraphs):
        for m in ORG_RUN.finditer(text):
            tokens = m.group().split(" ")
            if len(tokens) == 1:
                _single(cast, text, pi, m.start(), m.end(), tokens[0])
            else:
                _run(cast, text, pi, m.start(), m.end(), tokens)
    _learn_genders(cast, paragraphs)
    return cast


_SAYS = (" said", " says", " told", " added", " wrote", " warned", " explained")


def _single(cast: Cast, text: str, pi: int, start: int, end: int, token: str) -> None:
    """A lone capitalised word: a known person again, or a new one named by a verb."""
    if token in _LEADING_STOP:
        return
    if token.endswith(("’s", "'s")):
        token = token[:-2]
    elif token.endswith("."):
        token = token[:-1]
    known = cast.resolve_name([token], pi, start, fuzzy=False)
    if known is None:
        if token.isupper():
            return
        space = text.rfind(" ", 0, max(0, start - 1))
        previous = text[space + 1 : start].strip().rstrip(",").casefold()
        role_before = previous in ROLE_NOUNS
        if not role_before and not text.startswith(_SAYS, end):
            return
        # `Rojanksy said`: a misspelling of someone already named, or someone new.
        known = cast.resolve_name([token], pi, start) or cast.person([token])
        if role_before:
            known.roles.add(previous)
    known.confirmed = True
    cast.mention(known, pi, start)


def _run(cast: Cast, text: str, pi: int, start: int, end: int, tokens: list[str]) -> None:
    if tokens[-1].endswith(".") and tokens[-1] not in ORG_WORDS and tokens[-1] not in TITLES:
        tokens[-1] = tokens[-1][:-1]  # the sentence's full stop, not `Co.` or `Gov.`
    trimmed = tokens
    while trimmed and trimmed[0] in _LEADING_STOP:
        trimmed = trimmed[1:]
    while trimmed and trimmed[-1] in _CONNECTORS:
        trimmed = trimmed[:-1]
    after = text[end : end + 24]
    if len(trimmed) > 1 and is_org_name(trimmed):
        name = " ".join(trimmed)
        if name not in cast.orgs:
            cast.orgs.append(name)
        acronym = _ACRONYM.match(after.lstrip())
        if acronym:
            cast.acronyms[acronym.group(1)] = name
        return
    # People: the pieces between connectors. `Jesse and Diana Smith`: both are Smiths.
    pieces: list[list[str]] = [[]]
    for token in tokens:
        if token in _CONNECTORS:
            pieces.append([])
        else:
            pieces[-1].append(token)
    if len(pieces) == 2 and len(pieces[0]) == 1 and len(pieces[1]) == 2 and "and" in tokens:
        given, (second, surname) = pieces[0][0], pieces[1]
        if given not in _LEADING_STOP and gender_of_first(given) is not None:
            for first in (given, second):
                person = cast.person([first, surname])
                person.confirmed = True
                person.gender = person.gender or gender_of_first(first)
    offset = start
    for piece in pieces:
        if piece:
            piece_text = " ".join(piece)
            at = text.find(piece_text, offset)
            at = offset if at < 0 else at
            for sub in _split_run(piece_text):
                _register_run(cast, text, pi, at, at + len(sub), sub)
                at += len(sub) + 1
            offset = at


def _head_noun(phrase: str) -> str:
    words = re.split(r"\s+who\s+", phrase)[0].split()
    return words[-1].casefold() if words else ""


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


def _register_run(cast: Cast, text: str, pi: int, start: int, end: int, run: str) -> None:
    raw = run.split(" ")
    if raw[-1].endswith(".") and len(raw[-1]) > 2 and raw[-1] not in TITLES:
        raw[-1] = raw[-1][:-1]  # the sentence's full stop, not an abbreviation
    raw[-1] = _POSSESSIVE.sub("", raw[-1]) if raw[-1].endswith(("’s", "'s")) else raw[-1]
    after = text[end : end + 24]
    acronym = _ACRONYM.match(after.lstrip())
    if is_org_name(raw) or acronym:
        tokens = raw[1:] if raw[0] in _LEADING_STOP else raw
        if not tokens:
            return
        name = " ".join(tokens)
        if name not in cast.orgs and not (len(tokens) == 1 and tokens[0].isupper()):
            cast.orgs.append(name)
        if acronym and len(tokens) > 1:
            cast.acronyms[acronym.group(1)] = name
        return
    tokens, titled, gender = _strip_run(raw)
    if not tokens or any(t in _MONTHS for t in tokens):
        return
    if any(t in _PLACE_WORDS for t in tokens):
        return
    before = text[max(0, start - 30) : start].split()
    role_before = bool(before) and before[-1].casefold().rstrip(",") in ROLE_NOUNS
    confirmed = (
        titled
        or role_before
        or gender_of_first(tokens[0]) is not None
        or bool(_AFTER_NAME_CONFIRMS.match(after))
    )
    if len(tokens) == 1 and not (titled or role_before):
        known = cast.resolve_name(tokens, pi, start, fuzzy=False)
        if known is None:
            if not _SAYS_AFTER.match(after):
                return
            known = cast.person(tokens)
        known.confirmed = known.confirmed or confirmed
        cast.mention(known, pi, start)
        return
    person = cast.person(tokens)
    person.confirmed = person.confirmed or confirmed
    person.roles.update(
        t.rstrip(".").casefold()
        for t in raw[: len(raw) - len(tokens)]
        if t in TITLES or t.rstrip(".") in TITLES
    )
    if role_before:
        person.roles.add(before[-1].casefold().rstrip(","))
    person.gender = (
        person.gender
        or gender
        or (gender_of_first(person.tokens[0]) if len(person.tokens) > 1 else None)
    )
    cast.mention(person, pi, start)


def _learn_genders(cast: Cast, paragraphs: list[str]) -> None:
    """A person of unknown gender takes the first he/she that follows a mention of them
    before anyone else is mentioned."""
    timeline = cast.timeline
    for k, (pi, offset, person) in enumerate(timeline):
        if person.gender is not None:
            continue
        text = paragraphs[pi]
        limit = len(text)
        if k + 1 < len(timeline) and timeline[k + 1][0] == pi:
            limit = timeline[k + 1][1]
        found = _PRONOUN.search(text, offset, limit)
        if found:
            person.gender = _PRONOUN_GENDER[found.group(1).casefold()]
