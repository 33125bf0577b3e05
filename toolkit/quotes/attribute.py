"""Attribution: the reporting verb (cue) near a quotation and the speaker mention it governs,
resolved to a canonical speaker with the article's cast."""

from __future__ import annotations

import re
from typing import Final

from toolkit.quotes.cast import Cast
from toolkit.quotes.chars import (
    fold,
    last_word,
    preposition_end,
    relative_end,
    upper_at,
    words_back,
)
from toolkit.quotes.lexicon import words
from toolkit.quotes.names import (
    CAP_RUN,
    LEADING_STOP,
    ORG_WORDS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    TITLE_FORMS,
    TITLES,
    WHO,
    is_org_name,
    strip_titles,
    without_owner,
)
from toolkit.quotes.runs import run_end, run_start
from toolkit.quotes.spans import MASK

_PASSIVE_CUES: Final = frozenset({"deemed", "dubbed", "labeled", "labelled"})
_PRONOUNS: Final = {"he": "M", "she": "F", "they": None, "i": None, "we": None, "it": None}
_SKIP_BEFORE: Final = words("skip_before_cue")
_DETERMINERS: Final = words("determiners")
ORG_HEADS: Final = words("org_heads")
_NAME_HEADS: Final = frozenset(["county", "city", "district", "state"])
_RUN_CONNECTORS: Final = frozenset({"of", "for", "and", "on", "the", "&"})
_TOKEN: Final = re.compile(r"[\w’'\-]+")
_OPENING_PHRASE: Final = re.compile(
    r"(?:(?:On|In|At|After|For|With|But|And|Still|Later|Earlier) [^,]*,\s*)"
)
_COMMA: Final = re.compile(r",\s*")
_MODIFIERS: Final = re.compile(r"(?:[a-z][\w’'\-]*\s+){0,4}")
_ROLE_THEN_NAME: Final = re.compile(r"\s+((?:[a-z][\w’'\-]*\s+){1,3})")
_PLACE_TAIL: Final = re.compile(r"\s+(?:in|of|at)\s+(?=[A-Z])")
TITLE_WORDS: Final = frozenset(TITLE_FORMS)
_CLAUSE_WORDS: Final = frozenset(
    "though although but and or while as because since when after before that which who "
    "if unless until whereas so yet".split()
)
_DESCRIBED_WHO: Final = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'\-]+\s+){0,4}?[\w’'\-]+\s+who\s+[^,.;:\x00]+$"
)
_CLAUSE_END: Final = re.compile(r"[,.;:!?()\x00]|\s(?=(?:said|says|told|tells|added|adds|wrote)\b)")
_STOP_AT: Final = re.compile(r"[,.;:!?()\x00]|\bwho\b|\bwhich\b|\bthat\b")


# A plain class, not a dataclass: the compiled build would run a dataclass's generated
# __init__ as interpreted Python on every instance.
class Mention:
    def __init__(self, text: str, start: int, end: int, kind: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind  # pronoun | name | description

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mention):
            return NotImplemented
        return (self.text, self.start, self.end, self.kind) == (
            other.text,
            other.start,
            other.end,
            other.kind,
        )

    def __repr__(self) -> str:
        return f"Mention({self.text!r}, {self.start}, {self.end}, {self.kind!r})"


class Speaker:
    def __init__(self, name: str, kind: str) -> None:
        self.name = name
        self.kind = kind  # person | organization | unnamed

    def __eq__(self, other: object) -> bool:
        # `in cast.unnamed_speakers` compares by value
        if not isinstance(other, Speaker):
            return NotImplemented
        return self.name == other.name and self.kind == other.kind

    def __repr__(self) -> str:
        return f"Speaker({self.name!r}, {self.kind!r})"


PARTICIPLES: Final = words("participle_cues")


def sentence_subject(masked: str, begin: int, end: int) -> Mention | None:
    """The mention that opens a sentence: the speaker of `X did Y, saying "…"`."""
    region = masked[begin:end]
    lead = len(region) - len(region.lstrip())
    text = region.lstrip()
    first = _TOKEN.match(text)
    if first and fold(first.group()) in _PRONOUNS:
        return Mention(first.group(), begin + lead, begin + lead + len(first.group()), "pronoun")
    skip = _OPENING_PHRASE.match(text)
    offset = skip.end() if skip else 0
    run = CAP_RUN.match(text, offset)
    if run is None:
        return None
    # `Marlow State coach Ray Delmonico`: a team or place, a role, then the person
    role = _ROLE_THEN_NAME.match(text, run.end())
    if role is not None and fold(role.group(1).split()[-1]) in ROLE_NOUNS:
        later = CAP_RUN.match(text, role.end())
        if later is not None:
            run = later
    value = run.group().rstrip(".")
    offset = run.start()
    return Mention(value, begin + lead + offset, begin + lead + offset + len(value), "name")


def mention_before(masked: str, begin: int, cue_start: int) -> Mention | None:
    """The subject right before a cue: `Jen Psaki said`, `he said`, `the official said`."""
    region = masked[begin:cue_start]
    text = region.rstrip()
    # Drop auxiliaries and adverbs: `has described`, `also said`.
    while True:
        last = last_word(text)
        if last and fold(last[1]) in _SKIP_BEFORE:
            text = text[: last[0]].rstrip()
        else:
            break
    # the plain `in` tests skip regex searches that cannot match
    described = None
    if "who" in text:
        # a match holds none of `,.;:` or the mask: it starts after the last of them, and
        # a search from there (`\b` still sees the character before) skips the rest
        after = len(text)
        while after > 0 and text[after - 1] not in ",.;:\x00":
            after -= 1
        described = _DESCRIBED_WHO.search(text, after)
    if described is not None:
        # `a woman who declined to give her name said`: the clause belongs to the source
        start = begin + described.start()
        return Mention(
            described.group().strip(), start, start + len(described.group().strip()), "description"
        )
    if text.endswith(","):
        who = text.rfind(", who ")
        if who > 0 and MASK not in text[who:]:
            # `Susan Kettering, who voted no along with Bredesen, Lena Paulsen …, said`
            found = _mention_at_end(text[:who], begin)
            if found is not None:
                return found
        # Appositive or age: `Pruitt, 71, told`, `Arce, one of the two no votes, described`;
        # but `Ukraine's deputy foreign minister, Iryna Zhuravska, said`: the name is it.
        inner = text[:-1].rfind(",")
        if inner > 0 and MASK not in text[inner:]:
            appositive = text[inner + 1 : -1].strip()
            name = CAP_RUN.fullmatch(appositive)
            if name is not None and " " in appositive and not is_org_name(appositive.split()):
                at = begin + text.index(appositive, inner)
                return Mention(appositive, at, at + len(appositive), "name")
            text = text[:inner].rstrip()
    relative = relative_end(text)
    if relative >= 0:
        text = text[:relative].rstrip()
    if not text or text.endswith(MASK):
        return None
    found = _mention_at_end(text, begin)
    if found is None:
        # `Jesse Smith, who has been in the business for 15 years said …`
        comma = text.rfind(", who ")
        if comma > 0:
            found = _mention_at_end(text[:comma], begin)
    return found


def _mention_at_end(text: str, begin: int) -> Mention | None:
    end = begin + len(text)
    last = last_word(text)
    if last is None:
        return None  # only spaces before `, who`: `  , who has … said`
    at, word = last
    folded = fold(word)
    if folded in _PRONOUNS:
        return Mention(word, begin + at, end, "pronoun")
    if not upper_at(text, at):
        return _description_back(text, begin)
    if folded in SOURCE_NOUNS:  # `Forecasters said`: a description, capitalised
        return Mention(word, begin + at, end, "description")
    start = run_start(text, len(text) - 1)
    # the organisation must be ORG_RUN's match from `start` to the end, with a space in it
    run = text[start:] if run_end(text, start) == len(text) else ""
    if " " in run and is_org_name(run.split()):
        value = " ".join(without_owner(run.removeprefix("The ").removeprefix("the ").split(" ")))
        at = begin + len(text) - len(value)
        return Mention(value, at, at + len(value), "name")
    prep = preposition_end(text, start)
    if prep >= 0:
        # `Russia's embassy in Vilnius`: an organisation described, then where it is
        described = _description_back(text[:prep], begin)
        if described is not None and fold(described.text.split()[-1]) in ORG_HEADS:
            return Mention(text[described.start - begin :], described.start, end, "description")
    # The name itself stops at connectors: `Federal Bureau of Investigation` is an org above;
    # `Jesse and Diana Smith` names Diana Smith here.
    tokens = text[start:].split(" ")
    while len(tokens) > 1 and (
        tokens[0] in _RUN_CONNECTORS or tokens[0] == "" or not upper_at(tokens[0], 0)
    ):
        start += len(tokens[0]) + 1
        tokens = tokens[1:]
    for k in range(len(tokens) - 1, 0, -1):
        if tokens[k - 1] in _RUN_CONNECTORS:
            person, _, _ = strip_titles(tokens[: k - 1])
            if tokens[k - 1] == "of" and len(person) >= 2 and not is_org_name(person):
                # `House Minority Leader Terrence Boyd of St. Louis`: the person, not the place
                value = " ".join(person)
                at = begin + text.index(value, start)
                return Mention(value, at, at + len(value), "name")
            start += sum(len(t) + 1 for t in tokens[:k])
            tokens = tokens[k:]
            break
    value = " ".join(tokens).rstrip(".")
    if all(t in LEADING_STOP for t in tokens):
        return None  # `So said Tomasz Wróbel`: the name comes after the verb
    return Mention(value, begin + start, begin + start + len(value), "name")
    return _description_back(text, begin)


def _description_back(text: str, begin: int) -> Mention | None:
    words = words_back(text, begin)
    if not words:
        return None
    head = fold(words[-1][0]).rstrip(".")
    known = head in SOURCE_NOUNS or head in ROLE_NOUNS or head in ORG_HEADS
    # any `the/a … noun` names a source (`The mechanic said`); a bare noun only a known one
    close_det = any(
        fold(words[k][0]) in ("the", "a", "an")
        for k in range(max(0, len(words) - 3), len(words) - 1)
    )
    if not known and not (close_det and head.isalpha() and head.islower()):
        return None
    first = len(words) - 1
    for k in range(len(words) - 1, max(-1, len(words) - 8), -1):
        word = words[k][0]
        folded = fold(word)
        if folded in _DETERMINERS:
            first = k
            break
        if folded in _CLAUSE_WORDS:
            break  # `… without an agreement, though Türkiye's foreign minister said`
        if k < len(words) - 1 and word[-1:] in ",;:":
            break
        first = k
    start = words[first][1]
    end = words[-1][1] + len(words[-1][0])
    # a description needs a determiner, a capitalised modifier or a plural head
    phrase = text[start - begin : end - begin]
    lead = fold(words[first][0])
    if (
        lead not in _DETERMINERS
        and not head.endswith("s")
        and not any(upper_at(words[k][0], 0) for k in range(first, len(words) - 1))
    ):
        return None
    return Mention(phrase, start, end, "description")


def mention_after(masked: str, cue_end: int, end: int) -> Mention | None:
    """The speaker after a cue: `said Charap`, `said the coordinator, Chad Wester`,
    `according to the Jefferson County sheriff’s department`."""
    region = masked[cue_end:end]
    lead = len(region) - len(region.lstrip())
    text = region.lstrip()
    base = cue_end + lead
    first = _TOKEN.match(text)
    if not first:
        return None
    word = first.group()
    if fold(word) in _PRONOUNS:
        return Mention(word, base, base + len(word), "pronoun")
    if fold(word) in _DETERMINERS:
        stop = _STOP_AT.search(text, len(word))
        if stop is not None and stop.group() == "who":
            # `a 33-year-old Cuban economist who lives there`: the clause belongs to it
            stop = _CLAUSE_END.search(text, stop.end())
        phrase = text[: stop.start() if stop else len(text)].rstrip()
        appositive = _COMMA.match(text, len(phrase))
        if appositive:
            rest = text[appositive.end() :]
            name = CAP_RUN.match(rest)
            if name and len(name.group().split()) >= 2:
                at = base + appositive.end()
                return Mention(
                    name.group().rstrip("."), at, at + len(name.group().rstrip(".")), "name"
                )
        if fold(phrase.split()[-1]) in ("reporters", "us", "me", "him", "her", "them"):
            return None
        return Mention(phrase, base, base + len(phrase), "description")
    # Up to four lower-case modifiers before a name: `local Dennis Knight`,
    # `fair board treasurer Linda Harkness`.
    skipped = _MODIFIERS.match(text)
    offset = skipped.end() if skipped else 0
    name = CAP_RUN.match(text, offset)
    if name is not None:
        # `said MTA spokesperson Kevin O'Donnell`: an organisation, a role, then the person
        role = _ROLE_THEN_NAME.match(text, name.end())
        if role is not None and fold(role.group(1).split()[-1]) in ROLE_NOUNS:
            later = CAP_RUN.match(text, role.end())
            if later is not None:
                name = later
                offset = later.start()
    if name is None:
        # A bare plural source: `deemed "unsurvivable" by forecasters`.
        stop = _STOP_AT.search(text)
        phrase = text[: stop.start() if stop else len(text)].rstrip()
        if phrase and fold(phrase.split()[-1]) in SOURCE_NOUNS and len(phrase.split()) <= 4:
            return Mention(phrase, base, base + len(phrase), "description")
        return None
    value = name.group().rstrip(".")
    return Mention(value, base + offset, base + offset + len(value), "name")


def resolve(
    mention: Mention, cast: Cast, para: int, at: int, last_speaker: Speaker | None
) -> Speaker | None:
    if mention.kind == "pronoun":
        word = fold(mention.text)
        gender = _PRONOUNS[word]
        if word == "it":  # an organisation, named earlier in the sentence or before
            return last_speaker if last_speaker and last_speaker.kind == "organization" else None
        if word in ("they", "we", "i"):
            return last_speaker
        if (
            last_speaker is not None
            and last_speaker.kind == "person"
            and cast.gender(last_speaker.name.split()) == gender
        ):
            recent = cast.recent(para, at, gender)
            if recent is None or recent.name == last_speaker.name:
                return last_speaker
        person = cast.recent(para, at, gender)
        if person is not None:
            return Speaker(person.name, "person")
        if (
            last_speaker is not None
            and last_speaker.kind == "person"
            and cast.gender(last_speaker.name.split()) not in (gender, None)
        ):
            return None  # `she said` cannot be the man quoted last
        return last_speaker
    if mention.kind == "name":
        return _resolve_name(mention, cast, para, at)
    return _resolve_description(mention.text, cast)


def _resolve_name(mention: Mention, cast: Cast, para: int, at: int) -> Speaker | None:
    raw = mention.text.split()
    if raw and raw[-1].endswith(("’s", "'s")):
        return None
    if len(raw) > 1 and is_org_name(raw):
        name = " ".join(raw[1:] if raw[0] in ("The", "the") else raw)
        return Speaker(cast.org(name) or name, "organization")
    tokens, _, _ = strip_titles(raw)
    if not tokens:
        return None
    if len(tokens) == 1 and tokens[0] in TITLES:
        # `the Governor said`: the person the article gives that title
        titled = cast.with_role(fold(tokens[0].rstrip(".")))
        if titled is not None:
            return Speaker(titled.name, "person")
    if len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1:
        expanded = cast.acronym(tokens[0])
        if expanded is not None:
            return Speaker(expanded, "organization")
    if is_org_name(tokens):
        org = cast.org(" ".join(tokens))
        return Speaker(org or " ".join(tokens), "organization")
    person = cast.resolve_name(tokens, para, at)
    return Speaker(person.name if person else " ".join(tokens), "person")


_DOCUMENTS: Final = frozenset(
    "filing statement report release letter memo post complaint lawsuit order ruling document "
    "email tweet notice announcement".split()
)
_OWNER_IN: Final = re.compile(
    r"\b(?:by|from)\s+(.+)$|\b((?:the|its)\s+\w+|[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-.]*)*)\s+"
    r"(?:made|filed|issued|released|sent|posted|published|submitted)\b"
)


def _resolve_description(phrase: str, cast: Cast) -> Speaker | None:
    # The answer depends on the phrase and the article only: the same description is often
    # resolved for several quotations. (Speakers are never changed once made.)
    if phrase in cast.described:
        found: Speaker | None = cast.described[phrase]
        return found
    found = cast.described[phrase] = _describe(phrase, cast)
    return found


def _before_who(text: str) -> str:
    """`WHO.split(text)[0]`: a WHO match holds `who`, and text without one is its own part."""
    return WHO.split(text)[0] if "who" in text else text


def _describe(phrase: str, cast: Cast) -> Speaker | None:
    document = phrase.split()[1:2]
    if document and fold(document[0]) in _DOCUMENTS:
        # `according to a filing the company made Tuesday`: the words are the company's
        owner = _OWNER_IN.search(phrase)
        if owner is not None:
            text = (owner.group(1) or owner.group(2)).strip()
            kind = "name" if text[:1].isupper() else "description"
            return resolve(Mention(text, 0, len(text), kind), cast, 0, 0, None)
    words = _before_who(phrase).split()  # `the official who briefed reporters`: official
    core = words
    # `Russia's embassy in Vilnius`; the words are joined by single spaces, so a match
    # holds ` in `, ` of ` or ` at `
    joined = " ".join(words)
    if " in " in joined or " of " in joined or " at " in joined:
        core = _PLACE_TAIL.split(joined)[0].split()
    head = fold(core[-1])
    det = fold(words[0])
    if (
        det == "the"
        and any(w in ORG_WORDS for w in words[1:])
        and any(upper_at(w, 0) for w in words[1:])
    ):
        bare = " ".join(words[1:])
        return Speaker(cast.org(bare) or bare, "organization")
    if head in ORG_HEADS and not (head in _NAME_HEADS and len(words) < 2):
        org = cast.org(phrase)
        if org is not None:
            return Speaker(org, "organization")
        if any(upper_at(w, 0) for w in words[1:]) or det != "the":
            bare = " ".join(words[1:]) if det == "the" else phrase
            return Speaker(bare, "organization")
    if head in ROLE_NOUNS or head in TITLE_WORDS:
        # `the judge`, `Türkiye's foreign minister`: the person the article titles so
        role = (
            " ".join(core[1:])
            if det in _DETERMINERS or det.endswith(("'s", "’s"))
            else (" ".join(core))
        )
        titled = cast.with_role(role) if role else None
        if titled is not None:
            return Speaker(titled.name, "person")
    if det in ("the", "this", "that"):
        intro_for = cast.intro_for(head)
        if intro_for is not None:
            return Speaker(intro_for, "unnamed")
        for intro in cast.unnamed:
            if fold(intro.split()[-1]) == head or fold(_before_who(intro).split()[-1]) == head:
                return Speaker(intro, "unnamed")
        titled = cast.with_role(head)
        if titled is not None:
            return Speaker(titled.name, "person")
    text = phrase[0].lower() + phrase[1:] if not phrase[:2].isupper() else phrase
    return Speaker(text, "unnamed")
