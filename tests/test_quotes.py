"""Quote forms (RULES §6), one behaviour each: what is a quote, its exact text, its speaker."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from toolkit.quotes import names, runs, spans
from toolkit.quotes.cast import Cast
from toolkit.quotes.cues import CUE, cues
from toolkit.quotes.extract import extract

# (id, paragraphs, expected [(text, speaker, partial)])
CASES: list[tuple[str, list[str], list[tuple[str, str | None, bool]]]] = [
    (
        "quote then attribution",
        ['"We will rebuild," Mayor Ana Ruiz said.'],
        [("We will rebuild,", "Ana Ruiz", False)],
    ),
    (
        "curly marks",
        ["“We will rebuild,” said Ana Ruiz, the mayor."],
        [("We will rebuild,", "Ana Ruiz", False)],
    ),
    (
        "attribution then colon",
        ['Ana Ruiz said: "We will rebuild. All of it."'],
        [("We will rebuild. All of it.", "Ana Ruiz", False)],
    ),
    (
        "inverted colon with description",
        ['Says a longtime resident: "Nobody saw this coming."'],
        [("Nobody saw this coming.", "a longtime resident", False)],
    ),
    (
        "split quote",
        ['"The water came fast," said Tom Ekberg. "We had ten minutes."'],
        [
            ("The water came fast,", "Tom Ekberg", False),
            ("We had ten minutes.", "Tom Ekberg", False),
        ],
    ),
    (
        "title before name",
        ['"We are monitoring it," White House press secretary Jen Psaki said in a statement.'],
        [("We are monitoring it,", "Jen Psaki", False)],
    ),
    (
        "surname resolves to the full name",
        ["Dr. Bonnie Sorensen runs the clinic.", '"We are full," Sorensen said.'],
        [("We are full,", "Bonnie Sorensen", False)],
    ),
    (
        "misspelt surname resolves to the full name",
        ["Shane Phillips manages the shelter.", '"We need cots," Phillip said.'],
        [("We need cots,", "Shane Phillips", False)],
    ),
    (
        "governor by title",
        ["Gov. Rick Scott toured the coast on Monday.", '"Leave now," the governor said.'],
        [("Leave now,", "Rick Scott", False)],
    ),
    (
        "pronoun picks the right person",
        [
            "Maria Lopez and her neighbor, Paul Grant, stayed behind.",
            '"I was not going to leave my dogs," she said.',
        ],
        [("I was not going to leave my dogs,", "Maria Lopez", False)],
    ),
    (
        "according to an organisation",
        [
            'The fire grew "significantly" overnight, according to the Jefferson County '
            "sheriff’s department."
        ],
        [("significantly", "Jefferson County sheriff’s department", True)],
    ),
    (
        "told reporters",
        ['"It is contained," fire chief Dana Cole told reporters.'],
        [("It is contained,", "Dana Cole", False)],
    ),
    (
        "warned with partial quote",
        ['Forecasters warned that the storm was "extremely dangerous."'],
        [("extremely dangerous.", "forecasters", True)],
    ),
    (
        "partial quote described as",
        ['Council member Joan Whitley described the plan as "exactly what downtown needed."'],
        [("exactly what downtown needed.", "Joan Whitley", True)],
    ),
    (
        "unnamed source and later reference",
        [
            "The details were relayed by a senior administration official.",
            '"We are ready," the official said.',
        ],
        [("We are ready,", "a senior administration official", False)],
    ),
    (
        "unnamed source with a relative clause",
        ['"Prices doubled in a month," said a 33-year-old economist who lives there.'],
        [("Prices doubled in a month,", "a 33-year-old economist who lives there", False)],
    ),
    (
        "acronym expands to the organisation",
        [
            "The Electric Reliability Council of Texas (ERCOT) manages the grid.",
            '"Conserve power," ERCOT tweeted.',
        ],
        [("Conserve power,", "Electric Reliability Council of Texas", False)],
    ),
    (
        "appositive name after a description",
        ['"Things happened so fast," said the coordinator, Chad Wester.'],
        [("Things happened so fast,", "Chad Wester", False)],
    ),
    (
        "nested single quotes stay in the text",
        ["\"He told me, 'Go home,' and I did,\" Smith said."],
        [("He told me, 'Go home,' and I did,", "Smith", False)],
    ),
    (
        "multi-paragraph quote",
        [
            "Coach Ray Dunn spoke after the game.",
            '"We lost the first half.',
            '"We won the second," Dunn said.',
        ],
        [("We lost the first half.", "Ray Dunn", False), ("We won the second,", "Ray Dunn", False)],
    ),
    (
        "editorial insertion kept",
        ['"It [the plant] will close," said Ana Ruiz.'],
        [("It [the plant] will close,", "Ana Ruiz", False)],
    ),
    (
        "continuation paragraph without attribution",
        ['"We are tired," said Ana Ruiz.', '"But we are not done."'],
        [("We are tired,", "Ana Ruiz", False), ("But we are not done.", "Ana Ruiz", False)],
    ),
]

NOT_QUOTES: list[tuple[str, list[str]]] = [
    ("analyst ratings", ['Analysts rate the stock "buy," and two rate it "sell."']),
    ("title of a work", ['The theater will screen the 1996 film "Twister" on Friday.']),
    ("a term being named", ['The state pays what’s called "required local effort," she said.']),
    (
        "scare quotes with nobody speaking",
        [
            'Grid operators introduced rolling outages as "extreme winter weather" forced units '
            "offline."
        ],
    ),
    ("apostrophes only", ["Jones’ band played ’90s rock ’n’ roll all night."]),
    ("a nickname", ['Walter "Walt" Pruitt cut the grass for 40 years.']),
]


def _simple(quotes: list[dict[str, Any]]) -> list[tuple[str, str | None, bool]]:
    return [(q["text"], q["speaker"], q["partial"]) for q in quotes]


@pytest.mark.parametrize(
    ("paragraphs", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_quote_form(paragraphs: list[str], expected: list[tuple[str, str | None, bool]]) -> None:
    assert _simple(extract(paragraphs)) == expected


@pytest.mark.parametrize("paragraphs", [c[1] for c in NOT_QUOTES], ids=[c[0] for c in NOT_QUOTES])
def test_not_a_quote(paragraphs: list[str]) -> None:
    assert extract(paragraphs) == []


def test_offsets_point_at_the_text() -> None:
    paragraphs = ["Intro line.", 'She paused. "We stay," said Ana Ruiz. "All of us."']
    for q in extract(paragraphs):
        assert paragraphs[q["paragraph"]][q["start"] : q["end"]] == q["text"]
        mention = q["speaker_mention"]
        if mention is not None:
            para = paragraphs[mention["paragraph"]]
            assert para[mention["start"] : mention["end"]] == mention["text"]


def test_split_pieces_share_a_group() -> None:
    quotes = extract(['"The water came fast," said Tom Ekberg. "We had ten minutes."'])
    assert quotes[0]["group"] == quotes[1]["group"]


def test_multi_paragraph_pieces_share_a_group() -> None:
    quotes = extract(
        ["Coach Ray Dunn spoke.", '"We lost the first half.', '"We won the second," Dunn said.']
    )
    assert len({q["group"] for q in quotes}) == 1


def test_separate_quotations_get_separate_groups() -> None:
    quotes = extract(['"One," said Ana Ruiz.', "Then she left.", '"Two," said Tom Ekberg.'])
    assert quotes[0]["group"] != quotes[1]["group"]


def test_unbalanced_mark_does_not_derail_later_paragraphs() -> None:
    quotes = extract(['The sign read "closed for good.', '"We will reopen," said Ana Ruiz.'])
    assert ("We will reopen,", "Ana Ruiz", False) in _simple(quotes)


def test_cue_and_mention_are_recorded() -> None:
    quote = extract(['"We are full," Sorensen told reporters.'])[0]
    assert quote["cue"] == "told reporters"
    assert quote["speaker_mention"]["text"] == "Sorensen"


@pytest.mark.parametrize(
    "text",
    [
        'He said it. "Yes," SAID the mayor, who Told reporters she was According To plan.',
        "Officials sAiD so; the report, according to them, was co-written and re-said.",
        "İstanbul's mayor said, and the ſaid clerk warned: ıt was said.",  # ignore-case quirks
        "The KELVIN sign: \u212aelvin said nothing; \u00c9mile wrote, Σ said.",
        "She told reporters, saying it was said in a letter; he pointed out, adding that",
        "Resaid, unsaid_told, untold reporters, disappointed out; 2said x_noted Ωsays",
        "said  in, told\treporters, according to_x, put it2, puts it. Added That shot backs",
        "wrote in-house; said in’ and ‘said’ in, points out-of-date; according, to",
        "",
    ],
)
def test_cues_match_the_ignore_case_scan(text: str) -> None:
    # `cues` searches lower-cased text: it must find exactly what CUE finds, in any range
    # (a range may cut a word or a two-word cue short).
    for begin, end in itertools.combinations(range(len(text) + 1), 2):
        want = [(m.span(), m.group()) for m in CUE.finditer(text, begin, end)]
        assert [((c.start, c.end), c.text) for c in cues(text, begin, end)] == want


@pytest.mark.parametrize(
    "text",
    [
        "HE ſhe Hİm hıs SHE_ she2 ’her’ -hers- xhe heR HERS hersx İhe he, Her. sHe",
        "she said his; him-her, Theresa Hershey hes shed",
        "",
    ],
)
def test_pronoun_matches_its_ignore_case_form(text: str) -> None:
    # PRONOUN is written for a fast search; it must find what the ignore-case form finds.
    plain = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)
    for begin, end in itertools.combinations(range(len(text) + 1), 2):
        want, got = plain.search(text, begin, end), names.PRONOUN.search(text, begin, end)
        assert (got and (got.span(), got.group(1))) == (want and (want.span(), want.group(1)))


@pytest.mark.parametrize(
    "text",
    [
        "Gov. Rick Scott of Florida and the U.S. Department of State said, per NATO. He left.",
        "McDonald’s CEO Ann-Marie O'Neil, Élodie du Pont and D.C. Mayor A.B. Smith Jr. said",
        "xAbc _Def 9Ghi -Jkl ’Mno 'Pqr Stu.Vwx ÀÉÎ ŒUVRE on the Board of the Bank & Trust",
        "McDonald Trump met Donald Trump; AT&T Inc. and T Inc, _Abc Abc",
        "",
    ],
)
def test_org_run_matches_its_plain_form(text: str) -> None:
    # ORG_RUN is written for a fast search; it must match what `\b` + run words match.
    plain = re.compile(
        rf"\b{names._RUN_WORD}(?: (?:(?:{runs.PARTICLE}|of|for|and|on|the|&) ){{0,2}}"
        rf"{names._RUN_WORD})*"
    )
    for at in range(len(text) + 1):
        want, got = plain.match(text, at), names.ORG_RUN.match(text, at)
        assert (got and got.span()) == (want and want.span())
    assert [m.span() for m in names.ORG_RUN.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    # Cast finds where the runs start by reading the text, without the regex
    assert runs.run_starts(text) == [m.start() for m in names.ORG_RUN.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        'He left. She came! Why? "No." Then (yes.) Ok.) Fine.’ Next.\' 9 a.m. \x00\x00 x.\x00',
        "End.  \t Two.\u00a0Three.\u2003“Four.” [Five.] ‘Six. Seven.\nEight.. ...Nine!? Ten",
        "No stop here",
        ".",
        "",
    ],
)
def test_sentence_stops_are_the_boundary_matches(text: str) -> None:
    want = [m.span() for m in spans.BOUNDARY.finditer(text)]
    assert spans.sentence_stops(text) == want


def test_fast_patterns_number_their_groups_as_fast_reads_them() -> None:
    from toolkit.quotes import extract

    after = extract._FAST_AFTER.groupindex
    assert [after[g] for g in ("pron", "name", "cue", "cue2", "name2")] == [1, 2, 3, 4, 5]
    assert [extract._FAST_BEFORE.groupindex[g] for g in ("pron", "name", "cue")] == [1, 2, 3]


@pytest.mark.parametrize(
    ("paragraph", "role", "name"),
    [
        ("GOV. Rick Scott spoke.", "governor", "Rick Scott"),
        ("Earlier, gov. Rick Scott toured Zürich.", "governor", "Rick Scott"),
        ("GOVERNOR Rick Scott spoke.", "governor", "Rick Scott"),
        ("The ſenator Ana Ruiz spoke.", "senator", "Ana Ruiz"),  # an ignore-case `s`
        ("Mayor Ana Ruiz spoke.", "governor", None),
    ],
)
def test_a_role_finds_the_person_titled_so_in_any_case(
    paragraph: str, role: str, name: str | None
) -> None:
    person = Cast(["Nothing here.", paragraph]).with_role(role)
    assert (person.name if person else None) == name


def test_first_words_of_cues_fit_the_opening_table() -> None:
    # The scan reads words as a-z code points and indexes a table by their first two
    # letters: every first word of a verb must be made of those, at least _SHORTEST long.
    from toolkit.quotes import cues as cue_module

    assert cue_module._SHORTEST >= 2
    for word in cue_module._WORDS:
        assert re.fullmatch(r"[a-z]+", word) and len(word) >= cue_module._SHORTEST, word
        assert cue_module._FIRST_WORDS.may_hold(word, 0, len(word)), word
