"""Direct quotations and their speakers, by rules (RULES §6): find the quoted spans, find the
attribution in each one's sentence, carry speakers over split and multi-paragraph quotes, and
drop quoted spans nobody says (titles, names, labels, scare quotes)."""

from __future__ import annotations

import re
from typing import Any, Final

from toolkit.quotes.attribute import (
    _PASSIVE_CUES,
    PARTICIPLES,
    Mention,
    Speaker,
    mention_after,
    mention_before,
    resolve,
    sentence_subject,
)
from toolkit.quotes.cast import Cast, build_cast
from toolkit.quotes.chars import fold, space_at, word_at
from toolkit.quotes.cues import Cue, cues
from toolkit.quotes.found import Found, as_record
from toolkit.quotes.names import CAP_RUN, WHO
from toolkit.quotes.spans import (
    Span,
    _offsets,
    find_spans,
    mask,
    sentence_bounds,
    sentence_of,
)
from toolkit.quotes.speech import is_partial, not_speech, sounds_spoken

_SENTENCE_START: Final = re.compile(r"[.!?][”\"’']?\s+(?=[A-Z“\"])")

_VERDICT_NOUNS: Final = "assessment|view|verdict|words|take|conclusion|prediction|warning|advice"
_VERDICT_OF: Final = re.compile(rf"\b(?:{_VERDICT_NOUNS}) of\b")
# what _VERDICT_OF needs in the text: `noun of` for one of these nouns (looked for at each
# ` of`, as one substring test for each noun cost more) spares most paragraphs its search
_VERDICT_NEEDS: Final = tuple(_VERDICT_NOUNS.split("|"))

_BY: Final = re.compile(r"\bby\s")  # a passive cue's agent: `deemed "…" by forecasters`
_NEAR: Final = 60  # characters: how far from a quotation its cue may sit in the same sentence


_FAST_CUES: Final = (
    "said|says|added|adds|told reporters|told|tells|wrote|writes|asked|explained|continued|"
    "recalled|warned|noted|insisted|replied|yelled|tweeted"
)
_FAST_NAME: Final = r"[A-Z][\w’'\-]*(?: [A-Z][\w’'\-]*){0,2}"
# The commonest attributions, matched in one step right after or before the quotation;
# anything else goes through the general search below. _fast_after and _fast_before find
# what these find, by hand (tests/test_quotes_scans.py holds them to it; its reference
# reads the groups by number: pron, name, cue, cue2, name2).
_FAST_AFTER: Final = re.compile(
    rf"[,!?]?[ ]+(?:(?P<pron>[Hh]e|[Ss]he)|(?P<name>{_FAST_NAME})) (?P<cue>{_FAST_CUES})\b"
    rf"|[,!?]?[ ]+(?P<cue2>{_FAST_CUES}) (?P<name2>{_FAST_NAME})(?=[,.;]|$)"
)
_FAST_BEFORE: Final = re.compile(
    rf"(?:^|[.!?] |\x00 )(?:(?P<pron>[Hh]e|[Ss]he)|(?P<name>{_FAST_NAME})) "
    rf"(?P<cue>{_FAST_CUES})[,:] ?$"
)


def _fast(span: Span, masked: str, begin: int) -> tuple[str, Mention] | None:
    if span.closed:
        after = _fast_after(masked, span.outer_end)
        if after is not None:
            return after
    return _fast_before(masked, max(begin, span.open - 80), span.open)


_CUE_WORDS: Final = frozenset(_FAST_CUES.split("|"))


def _fast_after(text: str, at: int) -> tuple[str, Mention] | None:
    """What `_FAST_AFTER.match(text, at)` finds, as (cue, mention), read by code point: the
    regex call, and the groups and spans read from its match, cost several times more. Its
    name words are whole runs, the cue after them lower-case: only the longest name can
    be followed by a cue (or by `[,.;]` or the end), so no other is tried."""
    n = len(text)
    if at < n and (text[at] == "," or text[at] == "!" or text[at] == "?"):
        at += 1
    start = at
    while at < n and ord(text[at]) == 32:
        at += 1
    if at in (start, n):
        return None
    pronoun = _pronoun_end(text, at, n)
    if pronoun > 0:
        cue = _cue_at(text, pronoun + 1, n)
        if cue:
            return cue, Mention(text[at:pronoun], at, pronoun, "pronoun")
    end = _name_end(text, at, n)
    if end > 0 and end < n and ord(text[end]) == 32:
        cue = _cue_at(text, end + 1, n)
        if cue:
            return cue, Mention(text[at:end], at, end, "name")
    # `," said Charap.`: the cue, a space, then a name ending at `,.;` or at the end
    cue = _cue_at(text, at, n)
    after = at + len(cue)
    if not cue or after >= n or ord(text[after]) != 32:
        return None
    end = _name_end(text, after + 1, n)
    if end < 0:
        return None
    if end == n or (end == n - 1 and text[end] == "\n") or text[end] in ",.;":
        return cue, Mention(text[after + 1 : end], after + 1, end, "name")
    return None


def _fast_before(text: str, lead: int, end: int) -> tuple[str, Mention] | None:
    """What `_FAST_BEFORE.search(text, lead, end)` finds, as (cue, mention), if the text
    ends in `[,:]` or `[,:] ` (the search is not worth it otherwise: None). Read back from
    the end, where the match must end: its name reaches back to the one anchor (`^`, `[.!?] `
    or `\\x00 `) that can precede it, as no name word holds a space or `.!?\\x00`."""
    if end >= 1 and (text[end - 1] == "," or text[end - 1] == ":"):
        cue_end = end - 1
    elif end >= 2 and ord(text[end - 1]) == 32 and (text[end - 2] == "," or text[end - 2] == ":"):
        cue_end = end - 2
    else:
        return None
    at = cue_end
    while at > 0 and 97 <= ord(text[at - 1]) <= 122:
        at -= 1
    cue = text[at:cue_end]
    if cue == "reporters" and at >= 5 and text[at - 5 : at] == "told ":
        cue, at = "told reporters", at - 5
    elif cue not in _CUE_WORDS:
        return None
    stop = at - 1  # the space before the cue, where the name or pronoun ends
    name_end = stop
    words = 0
    while stop > 0 and ord(text[stop]) == 32:
        first = _name_word_start(text, stop)
        capital = first < stop and 65 <= ord(text[first]) <= 90
        if not capital and not (words == 0 and _is_pronoun(text, first, stop)):
            return None
        words += 1
        if first == 0 or (
            first >= 2 and ord(text[first - 1]) == 32 and _anchor_at(text, first - 2)
        ):
            if first - 2 < lead and (first > 0 or lead > 0):
                return None  # the anchor lies before where the search starts
            pronoun = words == 1 and _is_pronoun(text, first, stop)
            kind = "pronoun" if pronoun else "name"
            return cue, Mention(text[first:name_end], first, name_end, kind)
        if not capital or words == 3:
            return None
        stop = first - 1
    return None


def _anchor_at(text: str, at: int) -> bool:
    char = ord(text[at])
    return char == ord(".") or char == ord("!") or char == ord("?") or char == 0


def _is_pronoun(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is `[Hh]e` or `[Ss]he`."""
    return _pronoun_end(text, start, end + 1) == end  # (text[end] is a space)


def _name_word_start(text: str, end: int) -> int:
    """The start of the run of `[\\w’'\\-]` characters that ends at `end`."""
    while end > 0:
        char = ord(text[end - 1])
        if not (char == 0x2019 or char == 39 or char == 45 or word_at(text, end - 1)):
            break
        end -= 1
    return end


def _pronoun_end(text: str, at: int, n: int) -> int:
    """The end of `[Hh]e|[Ss]he` at `at` when a space follows it, else -1."""
    char = ord(text[at])
    if (char == ord("S") or char == ord("s")) and at + 1 < n and text[at + 1] == "h":
        at += 1
    elif char != ord("H") and char != ord("h"):
        return -1
    if at + 2 < n and text[at + 1] == "e" and ord(text[at + 2]) == 32:
        return at + 2
    return -1


def _cue_at(text: str, at: int, n: int) -> str:
    """The one of _FAST_CUES that `(cue)\\b` matches at `at` (the longer of `told reporters`
    and `told` first, as the regex tries them), or "". A cue is a whole run of word
    characters, so that run is the one to look up."""
    end = at
    while end < n and word_at(text, end):
        end += 1
    if end - at < 4 or end - at > 9:
        return ""
    word = text[at:end]
    if word not in _CUE_WORDS:
        return ""
    if (
        word == "told"
        and text.startswith(" reporters", end)
        and (end + 10 == n or not word_at(text, end + 10))
    ):
        return "told reporters"
    return word


def _name_end(text: str, at: int, n: int) -> int:
    """The end of _FAST_NAME's longest match at `at` (up to three capitalised words, each a
    whole run of `[\\w’'\\-]`, one space apart), or -1 when no name starts there."""
    if at >= n or not 65 <= ord(text[at]) <= 90:
        return -1
    end = _name_word_end(text, at + 1, n)
    words = 1
    while words < 3 and end + 1 < n and ord(text[end]) == 32 and 65 <= ord(text[end + 1]) <= 90:
        end = _name_word_end(text, end + 2, n)
        words += 1
    return end


def _name_word_end(text: str, at: int, n: int) -> int:
    while at < n:
        char = ord(text[at])
        if not (char == 0x2019 or char == 39 or char == 45 or word_at(text, at)):
            break
        at += 1
    return at


def _attribute(
    found: Found, paragraph: str, masked: str, bounds: list[int], cast: Cast, last: Speaker | None
) -> None:
    span = found.span
    begin, end = sentence_of(bounds, span.open, len(paragraph))
    end = max(end, span.outer_end)
    fast = _fast(span, masked, begin)
    if fast is not None and _accept(found, fast[1], fast[0], paragraph, masked, begin, cast, last):
        return
    # stop the after-context at the next quotation: its words belong to the next span
    nxt = masked.find("\x00", span.outer_end)
    after_end = end if nxt < 0 else min(end, nxt)
    after: Cue | None = None
    for c in cues(masked, span.outer_end, after_end):
        if _verbal(c, masked):
            after = c
            break
    before = [c for c in cues(masked, begin, span.open) if _verbal(c, masked)]
    # The nearest cue first; `said … but warned that "…"` falls back to the one before, at
    # 1000 more (so after the one after); the one after goes first on a tie. In that order
    # by hand, not by a sort with a key lambda (whose closure is made on every call).
    rank = 0
    for k in range(len(before) - 1, max(-1, len(before) - 3), -1):
        c = before[k]
        if after is not None and after.start - span.outer_end <= span.open - c.end + rank:
            if _tried(found, after, "after", paragraph, masked, begin, end, cast, last):
                return
            after = None
        if _tried(found, c, "before", paragraph, masked, begin, end, cast, last):
            return
        rank += 1000
    if after is not None:
        _tried(found, after, "after", paragraph, masked, begin, end, cast, last)


def _tried(
    found: Found,
    cue: Cue,
    side: str,
    paragraph: str,
    masked: str,
    begin: int,
    end: int,
    cast: Cast,
    last: Speaker | None,
) -> bool:
    """Whether the cue's mention names a speaker, who is then the quotation's."""
    mention = _mention_for(cue, side, masked, begin, end, found.span)
    return mention is not None and _accept(
        found, mention, cue.text, paragraph, masked, begin, cast, last
    )


def _verbal(cue: Cue, masked: str) -> bool:
    """An -ing cue is a verb only after a comma: `…, warning that` but not `a flash flood
    warning` or `in writing`."""
    return fold(cue.text) not in PARTICIPLES or masked[cue.start - 2 : cue.start] == ", "


def _accept(
    found: Found,
    mention: Mention,
    cue: str,
    paragraph: str,
    masked: str,
    begin: int,
    cast: Cast,
    last: Speaker | None,
) -> bool:
    pronoun = fold(mention.text) if mention.kind == "pronoun" else ""
    speaker = None
    if pronoun == "it":
        # `The Iowa Department of Education said …, which it called "…"`
        earlier = _established(
            paragraph[: found.span.open], masked[: found.span.open], found.paragraph, cast, last
        )
        if earlier is not None and earlier.kind == "organization":
            speaker = earlier
    elif pronoun in ("he", "she"):
        # `A state health official said … "…," she said.`: the subject of an earlier
        # reporting verb in this paragraph, or a source described in it, comes before
        # people merely mentioned. Each is looked for only if the one before finds nobody;
        # the first found must fit the pronoun. (Plain calls, not a tuple of lambdas: the
        # compiled build would allocate their closure on every call.)
        earlier = _established(paragraph[:begin], masked[:begin], found.paragraph, cast, last)
        if earlier is None:
            earlier = _described_here(masked[: found.span.open], cast)
        if earlier is None:
            earlier = _indefinite_subject(masked[:begin], cast)
        if earlier is not None and _fits(earlier, pronoun, cast):
            speaker = earlier
    if speaker is None:
        speaker = resolve(mention, cast, found.paragraph, found.span.open, last)
    if speaker is None:
        return False
    if speaker.kind == "unnamed" and speaker not in cast.unnamed_speakers:
        cast.unnamed_speakers.append(speaker)
    found.speaker, found.mention, found.cue, found.own = speaker, mention, cue, True
    return True


_INDEFINITE_OPENING: Final = re.compile(
    r"(?:^|[.!?]\s+)((?:An?|One|Another)\s+(?:[\w’'\-]+\s+){0,5}?[\w’'\-]+"
    r"(?:\s+who\s+[^,.;:\x00]+?)?)(?=\s+(?:[a-z]+ed|is|was|has|had|left|said|says)\b)"
)


def _indefinite_subject(text: str, cast: Cast) -> Speaker | None:
    """`A retired teacher who was among the first customers … left with a stack of
    mysteries. "…," she said.`: a source introduced by description in this paragraph."""
    opening = _last_opening(text)
    if opening is None:
        return None
    phrase = opening.group(1)
    return Speaker(phrase[0].lower() + phrase[1:], "unnamed")


def _last_opening(text: str) -> re.Match[str] | None:
    """The last of `_INDEFINITE_OPENING.finditer(text)`. A match starts at 0 or at a `.!?`,
    with `A` or `O` at 0 or after the whitespace that follows: the pattern is tried only
    there, and from where the match before ends, as finditer goes on."""
    found = None
    at = 0
    for stop in [-1, *_offsets(text, ".", "!", "?")]:
        start = max(stop, 0)
        if start < at:
            continue
        first = stop + 1
        while stop >= 0 and first < len(text) and space_at(text, first):
            first += 1
        if first < len(text) and (text[first] == "A" or text[first] == "O"):
            match = _INDEFINITE_OPENING.match(text, start)
            if match is not None:
                found = match
                at = match.end()
    return found


def _described_here(text: str, cast: Cast) -> Speaker | None:
    """`Back in line, the mechanic checked his phone. "…," he said.`: an unnamed source
    quoted before, named again by its description earlier in this paragraph."""
    speakers: list[Speaker] = cast.unnamed_speakers
    for speaker in reversed(speakers):
        head = WHO.split(speaker.name)[0].split()[-1]
        if re.search(rf"\b[Tt]he {re.escape(head)}\b", text):
            return speaker
    return None


def _mention_for(
    cue: Cue, side: str, masked: str, begin: int, end: int, span: Span
) -> Mention | None:
    word = cue.text
    if word == "according to":
        return mention_after(masked, cue.end, end)
    if word in ("put it", "puts it"):
        return mention_before(masked, begin, cue.start)
    if word in _PASSIVE_CUES:
        by = _BY.search(masked[span.outer_end : end])
        if by:
            return mention_after(masked, span.outer_end + by.end(), end)
    if side == "after":
        lead = masked[span.outer_end : cue.start]
        if not lead.strip(" ,\x00—–-"):
            return mention_after(masked, cue.end, end)  # `," said Charap`
        return mention_before(masked, span.outer_end, cue.start)  # `," he said`
    if word in PARTICIPLES:
        return sentence_subject(masked, begin, cue.start)
    before = mention_before(masked, begin, cue.start)
    if before is None and not masked[begin : cue.start].strip():
        return mention_after(masked, cue.end, span.open)  # `Says a resident: "…"`
    return before


def _established(
    paragraph: str, masked: str, pi: int, cast: Cast, last: Speaker | None
) -> Speaker | None:
    """A speaker set up by a reporting verb outside quotations (`Steve Wills … said he`)."""
    verdict = _VERDICT_OF.search(masked) if _verdict_needed(masked) else None
    if verdict is not None:
        # `That was the assessment of Miriam Osterhout, a political scientist`
        found = mention_after(masked, verdict.end(), len(masked))
        speaker = resolve(found, cast, pi, found.start, last) if found else None
        if speaker is not None:
            return speaker
    for cue in cues(masked):
        mention = mention_before(masked, 0, cue.start)
        if mention is None:
            # `So said Tomasz Wróbel.` names the speaker after the verb
            mention = mention_after(masked, cue.end, len(masked))
        if mention is None:
            continue
        if mention.start > cue.start:
            mention_region = masked[cue.end : mention.start]
        else:
            mention_region = masked[masked.rfind(". ", 0, mention.start) + 1 : cue.start]
        if "\x00" in mention_region:
            continue
        speaker = resolve(mention, cast, pi, mention.start, last)
        if speaker is not None:
            return speaker
    return None


def _verdict_needed(text: str) -> bool:
    """Whether `noun of`, for a noun of _VERDICT_NEEDS, is in the text."""
    at = text.find(" of")
    while at >= 0:
        for noun in _VERDICT_NEEDS:
            if _ends_with(text, at, noun):
                return True
        at = text.find(" of", at + 1)
    return False


def _ends_with(text: str, end: int, word: str) -> bool:
    """Whether text[:end] ends with word, read from its last character, where most differ."""
    start = end - len(word)
    if start < 0:
        return False
    k = len(word) - 1
    while k >= 0 and ord(text[start + k]) == ord(word[k]):
        k -= 1
    return k < 0


def _fits(speaker: Speaker, pronoun: str, cast: Cast) -> bool:
    if speaker.kind == "organization":
        return False
    if speaker.kind == "unnamed":
        return True
    wanted = "M" if fold(pronoun) == "he" else "F"
    return cast.gender(speaker.name.split()) in (None, wanted)


def _introduced(paragraph: str, pi: int, cast: Cast) -> Speaker | None:
    """The person a passage opens with, when quotations follow on their own: `Marlow State
    coach Ray Delmonico met with reporters … Here is what he had to say.`"""
    bounds = [0, *(m.end() for m in _SENTENCE_START.finditer(paragraph))]
    last = bounds[-1] if len(bounds) > 1 and paragraph.endswith((". ", "! ", "? ")) else 0
    # `Asked about the chant, Mills grinned.`: the person nearest the quotation
    for run in reversed(list(CAP_RUN.finditer(paragraph, last))):
        near = resolve(
            Mention(run.group().rstrip("."), run.start(), run.end(), "name"),
            cast,
            pi,
            run.start(),
            None,
        )
        if near is not None and near.kind == "person" and " " in near.name:
            return near
    mention = sentence_subject(paragraph, 0, len(paragraph))
    if mention is None or mention.kind != "name":
        return None
    speaker = resolve(mention, cast, pi, mention.start, None)
    if speaker is None or speaker.kind != "person" or " " not in speaker.name:
        return None
    return speaker


class _State:
    def __init__(self) -> None:
        self.last: Speaker | None = None  # most recent quotation's speaker
        self.last_para = -2
        self.unclosed: Found | None = None  # previous paragraph ended inside a quotation
        self.quiet = -1  # the latest paragraph without quotations
        self.orphans: list[Found] = []  # runs-on openings, speaker unknown
        self.group = -1


def _paragraph(pi: int, paragraph: str, cast: Cast, state: _State) -> list[Found]:
    spans = find_spans(paragraph)
    if not spans:
        state.unclosed = None
        return []
    masked = mask(paragraph, spans)
    bounds = sentence_bounds(paragraph, masked, spans)
    found = []
    for span in spans:
        partial = is_partial(paragraph, masked, span, bounds)
        if not_speech(paragraph, masked, span, partial):
            continue
        item = Found(pi, span, partial)
        _attribute(item, paragraph, masked, bounds, cast, state.last)
        found.append(item)
    _fill_in(found, pi, paragraph, masked, bounds, cast, state)
    kept = [f for f in found if f.speaker is not None]
    last_span = spans[-1]
    last_item = found[-1] if found and found[-1].span is last_span else None
    state.unclosed = None
    if last_item is not None and not last_span.closed:
        state.unclosed = last_item
        if last_item.speaker is None and not last_item.partial:
            # The opening of a quotation that runs on into the next paragraph: its speaker
            # may only be named at its end. Meanwhile the likely speaker is the carried one.
            state.orphans.append(last_item)
            fallback = last_item.fallback
            if fallback is not None:
                state.last, state.last_para = fallback, pi
    if kept:
        state.last, state.last_para = kept[-1].speaker, pi
    return kept


def _fill_in(
    found: list[Found],
    pi: int,
    paragraph: str,
    masked: str,
    bounds: list[int],
    cast: Cast,
    state: _State,
) -> None:
    _continue_run(found, paragraph, state)
    own = [f for f in found if f.own]
    looked = False
    established: Speaker | None = None
    for k, item in enumerate(found):
        if item.own or item.speaker is not None:
            continue
        neighbour = next((f for f in reversed(found[:k]) if f.speaker is not None), None) or (
            next((f for f in found[k + 1 :] if f.own), None)
        )
        if (
            neighbour is not None
            and item.partial
            and sentence_of(bounds, item.span.open, len(paragraph))
            != sentence_of(bounds, neighbour.span.open, len(paragraph))
        ):
            neighbour = None  # a fragment borrows a speaker only within its sentence
        if neighbour is not None:
            item.speaker = neighbour.speaker
            if not item.partial and not neighbour.partial:
                item.split_of = neighbour
            continue
        if own:
            continue
        if not looked:
            # the same for every item of the paragraph: looked up once, when first needed
            established = _established(paragraph, masked, pi, cast, state.last)
            looked = True
        if established is not None and (
            not item.partial or sounds_spoken(paragraph[item.span.start : item.span.end])
        ):
            item.speaker = established
            continue
        if item.partial:
            continue
        begin, _ = sentence_of(bounds, item.span.open, len(paragraph))
        carried = _carried(masked[:begin], pi, cast, state)
        if item is found[-1] and not item.span.closed and k == 0:
            # A quotation running on into the next paragraph may name its speaker at its end:
            # that wins over a speaker carried over from before.
            item.fallback = carried
        else:
            item.speaker = carried


def _continue_run(found: list[Found], paragraph: str, state: _State) -> None:
    """A paragraph opening with a mark continues the quotation the last one left open."""
    continuing = state.unclosed if paragraph.lstrip()[:1] in '"“”' else None
    if not found or continuing is None:
        return
    if found[0].span.open != paragraph.find(paragraph.lstrip()[:1]):
        return
    found[0].continues = continuing
    if not found[0].own:
        inherited = continuing.speaker or continuing.fallback
        if found[0] is found[-1] and not found[0].span.closed:
            found[0].fallback = inherited  # it runs on further still
        else:
            found[0].speaker = inherited


def _carried(before: str, pi: int, cast: Cast, state: _State) -> Speaker | None:
    """The speaker a full quotation without attribution continues: the person the sentence
    before is about (`Mills grinned. "I heard it."`), the last speaker of the paragraph
    before, or the speaker that paragraph sets up (`Steve Wills … said Saturday he was …`)."""
    carried = _introduced(before, pi, cast) if before else None
    if carried is None and state.last_para == pi - 1:
        carried = state.last
    if carried is None and state.quiet == pi - 1 and state.quiet >= 0:
        previous = cast.paragraphs[pi - 1]
        carried = _established(previous, previous, pi - 1, cast, state.last) or (
            _introduced(previous, pi - 1, cast)
        )
    return carried


def extract(paragraphs: list[str], starts: list[int] | None = None) -> list[dict[str, Any]]:
    """Quotes of an article's body paragraphs (in order, across sections). `starts`, where
    each paragraph begins in the source document, places each quote's `span` there."""
    if not any(('"' in p or "“" in p or "”" in p) for p in paragraphs):
        return []
    cast = build_cast(paragraphs)
    state = _State()
    results: list[Found] = []
    for pi, paragraph in enumerate(paragraphs):
        waiting = state.orphans[-1] if state.orphans else None
        found = _paragraph(pi, paragraph, cast, state)
        if waiting is not None and found and found[0].continues is waiting:
            for orphan in state.orphans:
                orphan.speaker = found[0].speaker
            results.extend(state.orphans)
            state.orphans = []
        elif waiting is not None and state.unclosed is not (
            state.orphans[-1] if state.orphans else None
        ):
            results.extend(_settle(state.orphans))  # the quotation did not go on
            state.orphans = []
        results.extend(found)
        if not found:
            state.quiet = pi  # its speaker, if it sets one up, is looked for only when needed
    results.extend(_settle(state.orphans))
    if not _in_order(results):
        results.sort(key=_order)
    _groups(results)
    return [as_record(f, paragraphs, starts) for f in results]


def _order(found: Found) -> tuple[int, int]:
    return found.paragraph, found.span.open


def _in_order(results: list[Found]) -> bool:
    """Whether the quotations are in their order already, as they mostly are (run-on
    openings may come late): the sort, stable, would leave them as they are."""
    for k in range(1, len(results)):
        before, item = results[k - 1], results[k]
        if before.paragraph > item.paragraph or (
            before.paragraph == item.paragraph and before.span.open > item.span.open
        ):
            return False
    return True


def _settle(orphans: list[Found]) -> list[Found]:
    """Openings whose run-on quotation never named a speaker keep the one carried over to
    them, if any; the rest were nobody's speech."""
    kept = []
    for orphan in orphans:
        orphan.speaker = orphan.speaker or orphan.fallback
        if orphan.speaker is not None:
            kept.append(orphan)
    return kept


def _groups(results: list[Found]) -> None:
    """One group per quotation: split pieces and multi-paragraph pieces share theirs."""
    group = -1
    for item in results:
        joined = item.continues or item.split_of
        if joined is not None and joined.group >= 0:
            item.group = joined.group
        else:
            group += 1
            item.group = group
