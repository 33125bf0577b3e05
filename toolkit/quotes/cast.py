"""Who is in the article: people, organisations and unnamed sources, and how a mention
(`Rojanksy`, `he`, `the official`, `the weather service`) resolves to its canonical form
(RULES §6.6: the fullest name the article gives, the first description of an unnamed source,
an organisation's fullest name). Everything is looked up on demand and cached per article.
"""

from __future__ import annotations

import re
from typing import Any, Final

from toolkit.quotes.lexicon import words
from toolkit.quotes.names import (
    LEADING_STOP,
    ORG_RUN,
    PRONOUN,
    PRONOUN_GENDER,
    TITLE_FORMS,
    WHO_CLAUSE,
    confirmed_single,
    contains,
    drop_leading_stop,
    first_names,
    initials,
    name_at,
    org_names,
    org_start,
    pick,
    sentence_part,
    unnamed_intros,
    without_owner,
)
from toolkit.quotes.people import Person
from toolkit.quotes.runs import in_run, run_end, run_start, run_starts
from toolkit.quotes.textsearch import (
    ascii_folded_find,
    bounded,
    close_spelling,
    compiled,
    find_by_mark,
    folded_find,
    intro_search,
    lower_holds_ignore_case,
    mark_of,
    paragraph_of,
    plural_pattern,
    rare_letter,
    unfolded_at,
)

# Patterns used per lookup are compiled once here, not looked up in re's cache per call.
_LEADING_THE: Final = re.compile(r"^(?:the|The)\s+")


class Cast:
    """The people, organisations and unnamed sources of one article, looked up on demand:
    a paragraph's capitalised runs are classified the first time a question needs them, so
    an article pays only for the names its quotations point at."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.paragraphs = paragraphs
        self.joined = "\n".join(paragraphs)
        self._offsets: list[int] = []  # where each paragraph starts in `joined`
        at = 0
        for text in paragraphs:
            self._offsets.append(at)
            at += len(text) + 1
        self._intros: dict[str, str | None] = {}
        self._roles: dict[str, Person | None] = {}
        self.unnamed_speakers: list[Any] = []  # unnamed sources quoted so far, in order
        self.described: dict[str, Any] = {}  # descriptions resolved (attribute.py), by phrase
        # by paragraph << 32 | offset: an int to hash, not a tuple to build and hash
        self._name_at: dict[int, list[str]] = {}
        self._starts: dict[int, list[int]] = {}
        self._places: dict[str, list[tuple[int, int]]] = {}
        self._names: dict[tuple[str, ...], _Mention] = {}
        self._genders: dict[str, str | None] = {}
        self._recent: dict[tuple[int, int, str | None], Person | None] = {}
        self._orgs: list[str] | None = None
        self._unnamed: list[str] | None = None
        self._folded: dict[int, str] = {}

    def intro_for(self, head: str) -> str | None:
        """`the mechanic` → how the article first introduced that source: `a 38-year-old
        mechanic who lives near the station`."""
        if head in self._intros:
            return self._intros[head]
        found = None
        if len(head) > 2 and head.isalpha():
            for text in self.paragraphs:
                m = intro_search(head, text)
                if m is not None:
                    who = WHO_CLAUSE.match(text, m.end())
                    phrase = text[m.start() : who.end() if who else m.end()].strip()
                    found = phrase[0].lower() + phrase[1:]
                    break
        if found is None and head.endswith("s") and head.isalpha():
            # `Researchers at the University of Minnesota followed …`: a bare plural source
            plural = plural_pattern(head)
            for text in self.paragraphs:
                m = plural.search(text) if head in text or head.capitalize() in text else None
                if m is not None and m.end() > m.end(1):
                    phrase = text[m.start(1) : m.end()]
                    found = phrase[0].lower() + phrase[1:]
                    break
        self._intros[head] = found
        return found

    def used_once(self, word: str) -> bool:
        """Whether a word occurs at most once in the article (as a whole word)."""
        if self.joined.count(word) <= 1:
            return True  # a substring count bounds the word count from above
        return len(self._words_from(word, whole=True)) <= 1

    def _words_from(self, prefix: str, whole: bool = False) -> list[str]:
        """Words of the article starting with `prefix` (just `prefix` itself when `whole`),
        found with str.find: far faster here than a regex scan of the whole text."""
        text = self.joined
        found = []
        mark = mark_of(prefix)  # as in places
        at = find_by_mark(text, prefix, 0, mark)
        while at >= 0:
            if at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "’'-"):
                m = _WORD_AT.match(text, at)
                word = m.group() if m else prefix
                if not whole or word == prefix:
                    found.append(word)
            at = find_by_mark(text, prefix, at + 1, mark)
        return found

    @property
    def unnamed(self) -> list[str]:
        """First descriptions of unnamed sources, in order."""
        if self._unnamed is None:
            self._unnamed = unnamed_intros(self.paragraphs)
        return self._unnamed

    @property
    def orgs(self) -> list[str]:
        """Every organisation name in the article (reads every paragraph's capitalised runs:
        only for the rare lookups that need them all)."""
        if self._orgs is None:
            self._orgs = []
            for text in self.paragraphs:
                for tokens in org_names(text):
                    name = " ".join(tokens)
                    if name not in self._orgs:
                        self._orgs.append(name)
        return self._orgs

    def acronym(self, letters: str) -> str | None:
        """`ERCOT` → the name printed before `(ERCOT)`, or a name with those initials."""
        mark = f"({letters})"
        for text in self.paragraphs:
            at = text.find(mark)
            if at > 1:
                start = run_start(text, at - 2)
                end = run_end(text, start)
                if end >= 0:
                    name = " ".join(drop_leading_stop(text[start:end].split(" ")))
                    if letters in initials(name):
                        return name
        for org in self.orgs:
            if letters in initials(org):
                return org
        return None

    def _orgs_with(self, phrase: str) -> list[str]:
        """Organisation names longer than `phrase` that contain it (any case)."""
        low = phrase.casefold()
        readable = len(low) > 0 and ord(low[0]) < 128  # as folded_find needs
        rare = rare_letter(low)
        words: set[str] = set()
        for pi, text in enumerate(self.paragraphs):
            # Each paragraph is read as it is, not folded into a copy (unless only folding
            # tells: -2): with memchr for a rare letter when it is ASCII.
            if not readable:
                at = -2
            elif text.isascii():
                at = ascii_folded_find(text, low, rare)
            else:
                at = folded_find(text, low)
            end = at + len(phrase)
            if at == -2:
                folded = self._folded_at(pi)
                at = folded.find(low)
                end = at + len(phrase)
                if at >= 0 and len(folded) != len(text):
                    # `İ` or `ß` folds to two characters: the fold's offsets run ahead
                    at, end = unfolded_at(text, at), unfolded_at(text, at + len(low) - 1) + 1
            if at >= 0:
                word = text[at:end].split(" ")[-1]
                if word:
                    words.add(word)
        return [
            name
            for name in dict.fromkeys(self._orgs_holding(words))
            if low in name.casefold() and len(name.split()) > len(phrase.split())
        ]

    def _folded_at(self, para: int) -> str:
        """Paragraph `para` casefolded, once per article."""
        found = self._folded.get(para)
        if found is None:
            found = self._folded[para] = self.paragraphs[para].casefold()
        return found

    def resolve_name(
        self, tokens: list[str], para: int = 0, offset: int = 0, fuzzy: bool = True
    ) -> Person | None:
        """A name mention (`Psaki`, `Rojanksy`, `Diana`) to the fullest name the article
        gives that person."""
        if not tokens:
            return None
        key = tuple(tokens)
        mention = self._names.get(key)
        if mention is None:
            mention = self._names[key] = _Mention(self._fullest(tokens))
        found = mention.found
        slot = pick(found, para, offset)
        # The answer depends on the mention only through the name it picks: cached on that,
        # as the same few names are resolved for quotation after quotation.
        by_slot = mention.picked
        memo = slot * 2 + 1 if fuzzy else slot * 2
        if memo in by_slot:
            return by_slot[memo]
        picked = found[slot][2] if slot >= 0 else None
        person = Person(" ".join(picked), picked) if picked else None
        if fuzzy and len(tokens) == 1 and (person is None or len(person.tokens) == 1):
            # `Rojanksy said`: a misspelling, used once, of someone named in full elsewhere.
            word = tokens[0]
            if self.used_once(word):
                person = self._fuzzy_surname(word) or person
        by_slot[memo] = person
        return person

    def _fullest(self, tokens: list[str]) -> list[tuple[int, int, list[str]]]:
        """Every longest name holding `tokens`, with where it is printed."""
        best: list[tuple[int, int, list[str]]] = []
        word = tokens[-1]
        for pi, at in self.places(word):
            text = self.paragraphs[pi]
            key = pi << 32 | at
            name = self._name_at.get(key)
            if name is None:
                name = self._name_at[key] = (
                    name_at(text, at) if in_run(text, at, len(word)) else [word]
                )
            if contains(name, tokens):
                if not best or len(name) > len(best[0][2]):
                    best = [(pi, at, name)]
                elif len(name) == len(best[0][2]):
                    best.append((pi, at, name))
        return best

    def places(self, word: str) -> list[tuple[int, int]]:
        """Where `word` is printed, as (paragraph, offset) in reading order, each paragraph
        searched on from the end of its previous hit; cached, as names and organisation
        words are looked for again and again."""
        found = self._places.get(word)
        if found is not None:
            return found
        found = self._places[word] = []
        if not word:
            return found  # printed nowhere (a search for it would find it everywhere)
        if "\n" in word:  # could run across paragraphs in `joined`: each on its own
            for pi, text in enumerate(self.paragraphs):
                at = text.find(word)
                while at >= 0:
                    found.append((pi, at))
                    at = text.find(word, at + len(word))
            return found
        # One search of the whole article: most paragraphs do not hold the word at all. A
        # word without a newline has the hits of the paragraphs there, in the same order.
        joined = self.joined
        offsets = self._offsets
        para = 0
        mark = mark_of(word)
        at = find_by_mark(joined, word, 0, mark)
        while at >= 0:
            para = paragraph_of(offsets, at, para)  # hits come in reading order
            found.append((para, at - offsets[para]))
            at = find_by_mark(joined, word, at + len(word), mark)
        return found

    def _fuzzy_surname(self, word: str) -> Person | None:
        # A misspelt later reference (`Rojanksy` for Rojansky): close in spelling, same start.
        if len(word) < 4:
            return None
        # each distinct word once: a surname recurs, and its spelling is compared at length
        seen = dict.fromkeys(self._words_from(word[:2]))
        similar = {w for w in seen if w != word and close_spelling(w, word)}
        found: dict[str, list[str]] = {}
        for candidate in similar:
            for _, _, name in self._fullest([candidate]):
                if len(name) > 1 and name[-1] == candidate:
                    found[" ".join(name)] = name
        if len(found) != 1:
            return None
        tokens = next(iter(found.values()))
        return Person(" ".join(tokens), tokens)

    def gender(self, tokens: list[str]) -> str | None:
        """From the first name, an honorific, or the first he/she after a mention."""
        name = " ".join(tokens)
        if name in self._genders:
            return self._genders[name]
        gender = first_names().get(tokens[0]) if len(tokens) > 1 else None
        if gender is None:
            gender = self._gender_from_text(tokens)
        self._genders[name] = gender
        return gender

    def _gender_from_text(self, tokens: list[str]) -> str | None:
        """The first he/she after a mention of the name, before another name comes up."""
        word = tokens[-1]
        for pi, at in self.places(word):
            text = self.paragraphs[pi]
            end = at + len(word)
            following = ORG_RUN.search(text, end + 1)
            found = PRONOUN.search(text, end, following.start() if following else len(text))
            if found:
                return PRONOUN_GENDER[found.group(1).casefold()]
        return None

    def recent(self, para: int, offset: int, gender: str | None) -> Person | None:
        """The most recently named person before (para, offset) of a compatible gender.
        Runs are looked at from the quotation backwards, and only as far as needed."""
        key = (para, offset, gender)
        if key in self._recent:
            return self._recent[key]  # a pronoun is often resolved twice over
        found = self._recent[key] = self._recent_person(para, offset, gender)
        return found

    def _recent_person(self, para: int, offset: int, gender: str | None) -> Person | None:
        for pi in range(para, max(-1, para - 4), -1):
            text = self.paragraphs[pi]
            starts = self._starts.get(pi)
            if starts is None:
                starts = self._starts[pi] = run_starts(text)
            for start in reversed(starts):
                if pi == para and start >= offset:
                    continue
                key = pi << 32 | start
                name = self._name_at.get(key)
                if name is None:
                    name = self._name_at[key] = name_at(text, start)
                if not name:
                    continue
                person = self.resolve_name(name, pi, start, fuzzy=False)
                if person is None:
                    continue
                if len(person.tokens) < 2 and not confirmed_single(text, start, name[-1]):
                    continue
                if gender is None or self.gender(person.tokens) in (gender, None):
                    return person
        return None

    def with_role(self, role: str) -> Person | None:
        """`the governor`, `foreign minister` → the person the article titles so, in any
        case and abbreviation (`Gov. Rick Scott`, `Foreign Minister Hakan Karaağaç`,
        `coach Denise Albright`)."""
        if role in self._roles:
            return self._roles[role]
        search = _role_search(role)
        found = None
        for text in self.paragraphs:
            name = _titled_name(text, search)
            if name:
                found = self.resolve_name(name, fuzzy=False)
                if found is not None:
                    break
        self._roles[role] = found
        return found

    def org(self, phrase: str) -> str | None:
        """`ERCOT`, `the weather service`, `the company` → an organisation's fullest name."""
        bare = _LEADING_THE.sub("", phrase).strip()
        if bare.isupper() and len(bare) >= 2:
            return self.acronym(bare)
        if len(bare) > 3:
            found = self._orgs_with(bare)
            if found:
                return max(found, key=len)
        words = bare.casefold().split()
        if len(words) > 3 or any(w[:1].isupper() for w in bare.split()):
            return None  # a proper name that no known organisation contains
        head = words[-1] if words else ""
        if not head:
            return None
        # `the company` → a business named in the article; `the department` → a Department.
        clues = _FAMILIES.get(head, frozenset()) | {head.capitalize()}
        found = [org for org in self._orgs_holding(clues) if " " in org]
        if not found:
            return None
        last = found[-1]
        return max((o for o in found if last in o), key=len)

    def _orgs_holding(self, clues: frozenset[str] | set[str]) -> list[str]:
        """Organisation names holding any of these words, in reading order."""
        hits: list[tuple[int, int, str]] = []
        for clue in clues:
            for pi, at in self.places(clue):
                text = self.paragraphs[pi]
                end = at + len(clue)
                if (at and text[at - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                    continue  # `Co` inside `Commission`
                start = run_start(text, at)
                end = run_end(text, start)
                if end > at:
                    tokens = drop_leading_stop(sentence_part(text[start:end], at - start))
                    for i in range(1, len(tokens)):
                        if tokens[i - 1] in ("on", "in") and tokens[i] in LEADING_STOP:
                            tokens = tokens[: i - 1]  # `Crestline Motors Co. on Tuesday`
                            break
                    org_at = org_start(tokens)
                    if org_at is not None:
                        hits.append((pi, start, " ".join(without_owner(tokens[org_at:]))))
        return [name for _, _, name in sorted(hits)]


class _RoleSearch:
    """How a role is printed as a title: its forms, and an ignore-case pattern for them."""

    def __init__(self, role: str) -> None:
        self.forms = {role, *TITLE_FORMS.get(role, ())}
        self.pattern = compiled(
            r"(?i)\b(?:"
            + "|".join(re.escape(f) for f in sorted(self.forms, key=len, reverse=True))
            + r")\s+"
        )
        # An ignore-case search of every paragraph is costly; for ASCII forms it can only
        # match a paragraph whose lower case holds a form's (most paragraphs do not).
        ascii_forms = all(f.isascii() for f in self.forms)
        self.lowered = [f.lower() for f in self.forms] if ascii_forms else []
        self.rares = [rare_letter(f) for f in self.lowered]


# by role: the same few roles come up article after article
_ROLE_SEARCHES: Final[dict[str, _RoleSearch]] = {}


def _role_search(role: str) -> _RoleSearch:
    return bounded(_ROLE_SEARCHES, role, _RoleSearch)


def _titled_name(text: str, search: _RoleSearch) -> list[str]:
    """The first name titled with one of the role's forms in `text` (ignoring case). With
    ASCII forms the search jumps from one printing of a form to the next: in a text whose
    lower case keeps its offsets and holds every match, no match starts elsewhere."""
    lowered = len(search.lowered) > 0 and lower_holds_ignore_case(text)
    at = _first_form(text, search, 0) if lowered else 0
    while at >= 0:
        m = search.pattern.search(text, at)
        if m is None:
            break
        end = m.end()
        if text[end : end + 1].isupper():
            name = name_at(text, end)
            if name and name[-1].casefold() not in search.forms:
                return name
        at = _first_form(text, search, end) if lowered else end
    return []


def _first_form(text: str, search: _RoleSearch, start: int) -> int:
    """Where the first of the role's forms is printed in `text.lower()` from `start` on,
    or -1 (read off `text`, without the lower-case copy)."""
    first = -1
    for k in range(len(search.lowered)):
        at = ascii_folded_find(text, search.lowered[k], search.rares[k], start)
        if at >= 0 and (first < 0 or at < first):
            first = at
    return first


class _Mention:
    """A name mention's fullest names, with where each is printed, and the person it
    resolves to by the one picked: by slot * 2 + fuzzy (no tuple to build and hash)."""

    def __init__(self, found: list[tuple[int, int, list[str]]]) -> None:
        self.found = found
        self.picked: dict[int, Person | None] = {}


_WORD_AT: Final = re.compile(r"[\w’'\-]+")

# `the company`, `the utility`: the kind of organisation such a description points back to
_FAMILIES: Final = {
    "company": words("commercial_words"),
    "firm": words("commercial_words"),
    "automaker": words("commercial_words"),
    "utility": words("utility_words"),
    "operator": words("utility_words"),
    "hospital": frozenset({"Hospital", "Medical", "Health", "Clinic", "Healthcare", "Center"}),
    "school": frozenset({"School", "Schools", "Academy", "District"}),
    "district": frozenset({"District", "Schools"}),
    "university": frozenset({"University", "College", "Institute"}),
    "chamber": frozenset({"Chamber"}),
}


def build_cast(paragraphs: list[str]) -> Cast:
    return Cast(paragraphs)
