"""Paragraphs that once stopped the extractor with an exception (which stops a whole
conversion), found by feeding it mutated fixture articles: typos, stray marks and commas
moved about. Each now gives the quotations its words attribute (`s’aid` is no cue), pointing
at their own text."""

from __future__ import annotations

import importlib

import pytest

from tests.conftest import quotes_build

# `…," s’aid WhitakerMr. , who scored 21`: nothing but a space before `, who`
STOPPED = [
    '"I told the guys in the huddle, just get me the ball and get out of the way," s’aid '
    'WhitakerMr. , who scored 21 and added eight rebounds. "I wasn\'t leaving here with a loss."',
    "CoMets t’hat fragmenT are not unusual, but catching one early enough to , who studies "
    "cometfollow each piece is, according to Yusuf Demir, who studies comets at Lowell "
    "Observatory in Flagstaff. He called the Kitt Peak images “about as good as it gets from "
    "the ground.”",
]


@pytest.mark.parametrize("kind", ["python", "compiled"])
@pytest.mark.parametrize(
    ("paragraph", "speakers"),
    list(zip(STOPPED, [[], ["Yusuf Demir"]], strict=True)),
    ids=["who-after-space", "according-to-who"],
)
def test_a_mutated_paragraph_gives_its_attributed_quotes(
    kind: str, paragraph: str, speakers: list[str]
) -> None:
    extract = importlib.import_module(f"{quotes_build(kind).__name__}.extract").extract
    quotes = extract([paragraph], None)
    assert [q["speaker"] for q in quotes] == speakers
    assert all(paragraph[q["start"] : q["end"]] == q["text"] for q in quotes)
