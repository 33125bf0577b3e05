"""The judgement rules of shared/reference/RULES.md, one example each: captions and credits,
bylines, publication dates, sub-headings."""

from __future__ import annotations

from datetime import date

import pytest

from toolkit.parse import parse_page
from toolkit.parse.bylines import parse_byline
from toolkit.parse.dates import resolve_published
from toolkit.parse.images import split_caption

CAPTIONS = [
    (
        "Ice covers the lake near the Great Lakes. (Richard Tsong-Taatarii/Star Tribune via AP)",
        "Ice covers the lake near the Great Lakes.",
        "Richard Tsong-Taatarii/Star Tribune via AP",
    ),
    (
        "Firefighters work on Friday. (AP Photo/Eric Gay)",
        "Firefighters work on Friday.",
        "AP Photo/Eric Gay",
    ),
    (
        "Migrants rest at a shelter. (AFP Photo/Eduardo Jaramillo Castro)",
        "Migrants rest at a shelter.",
        "AFP Photo/Eduardo Jaramillo Castro",
    ),
    ("A truck drives past debris. (AP Photo)", "A truck drives past debris.", "AP Photo"),
    (
        "Biden speaks on Thursday. Adam Schultz/The White House via AP",
        "Biden speaks on Thursday.",
        "Adam Schultz/The White House via AP",
    ),
    (
        "Traders work on the floor of the NYSE. REUTERS/Brendan McDermid",
        "Traders work on the floor of the NYSE.",
        "REUTERS/Brendan McDermid",
    ),
    ("Power lines in Austin, Texas. Getty Images", "Power lines in Austin, Texas.", "Getty Images"),
    (
        "Zelenskyy addresses parliament. Ukrainian Presidential Press Office via AP",
        "Zelenskyy addresses parliament.",
        "Ukrainian Presidential Press Office via AP",
    ),
    (
        "A nurse gives a flu vaccine. Volusia County Health Department",
        "A nurse gives a flu vaccine.",
        "Volusia County Health Department",
    ),
    (
        "Boats in the harbor. Credit Jesse Costa / WBUR",
        "Boats in the harbor.",
        "Jesse Costa / WBUR",
    ),
    ("Credit: AP", None, "AP"),
    (
        "Thomas Muller, Bayern v Barcelona, 2021-22 © ProShots",
        "Thomas Muller, Bayern v Barcelona, 2021-22",
        "ProShots",
    ),
    (
        "Migrants wait at the border in Tijuana, Mexico",
        "Migrants wait at the border in Tijuana, Mexico",
        None,
    ),
    ("Image shows the flooded street.", "Image shows the flooded street.", None),
    (
        "Senators leave the chamber. AP Photo/J. Scott Applewhite",
        "Senators leave the chamber.",
        "AP Photo/J. Scott Applewhite",
    ),
    (
        "Residents fill sandbags in the rain on Monday.",
        "Residents fill sandbags in the rain on Monday.",
        None,
    ),
]


@pytest.mark.parametrize(("line", "caption", "credit"), CAPTIONS, ids=[c[0][:30] for c in CAPTIONS])
def test_caption_and_credit(line: str, caption: str | None, credit: str | None) -> None:
    assert split_caption(line)[:2] == (caption, credit)


BYLINES = [
    ("By Franco Ordoñez", ["Franco Ordoñez"]),
    ("By Maria Delgado and Kevin Park", ["Maria Delgado", "Kevin Park"]),
    (
        "By Priya Raman, Tom Becker and Lucia Ferreira",
        ["Priya Raman", "Tom Becker", "Lucia Ferreira"],
    ),
    ("By Cathy Chen, Staff Writer", ["Cathy Chen"]),
    ("By CEDAR ATTANASIO, Associated Press", ["CEDAR ATTANASIO"]),
    ("By PATRICK ORSAGOS – Associated Press", ["PATRICK ORSAGOS"]),
    ("By Jane Doe, Asheville Citizen-Times", ["Jane Doe"]),
    ("By Ana Lee and Tori B. Powell CNN", ["Ana Lee", "Tori B. Powell"]),
    ("By Associated Press", ["Associated Press"]),
    ("By Agence France-Presse", ["Agence France-Presse"]),
    ("By Spectrum News Staff", ["Spectrum News Staff"]),
    ("By WFLA Staff", ["WFLA Staff"]),
    ("By Laura Gómez", ["Laura Gómez"]),
]


@pytest.mark.parametrize(("line", "authors"), BYLINES, ids=[b[0] for b in BYLINES])
def test_byline_to_authors(line: str, authors: list[str]) -> None:
    assert parse_byline(line) == authors


CRAWL = date(2021, 12, 31)
TIMES = [
    ("3 days ago", date(2021, 12, 28)),
    ("1 day ago", date(2021, 12, 30)),
    ("Yesterday", date(2021, 12, 30)),
    ("2 hours ago", CRAWL),
    ("45 minutes ago", CRAWL),
    ("1 week ago", date(2021, 12, 24)),
    ("2 weeks ago", date(2021, 12, 17)),
    ("Dec 9, 2021", date(2021, 12, 9)),
    ("Apr 30, 2011", date(2011, 4, 30)),
    ("September 3, 2020", date(2020, 9, 3)),
    ("Dec 9", date(2021, 12, 9)),
    ("2 months ago", None),
    ("Feb 30, 2021", None),
    ("sometime", None),
]


@pytest.mark.parametrize(("raw", "expected"), TIMES, ids=[t[0] for t in TIMES])
def test_published_date(raw: str, expected: date | None) -> None:
    assert resolve_published(raw, CRAWL) == expected


def test_month_without_year_is_not_in_the_future() -> None:
    assert resolve_published("Dec 30", date(2022, 1, 2)) == date(2021, 12, 30)


PAGE = """ date 2023-05-01 ContributorsPublishersAdvertisers
NEWS

A title

Paper
Paper
\u00a01 day ago

{body}

Comments / 2

Related
"""


def _sections(body: str) -> list[tuple[str | None, int]]:
    ext = parse_page(PAGE.format(body=body))
    return [(s["heading"], len(s["paragraphs"])) for s in ext.fields["sections"]]


def test_short_title_line_before_a_paragraph_is_a_heading() -> None:
    body = "First paragraph here.\n\nWhat's the outlook?\n\nNobody knows yet, officials said."
    assert _sections(body) == [(None, 1), ("What's the outlook?", 1)]


def test_credit_line_is_a_paragraph_not_a_heading() -> None:
    body = "From CNN's Sara Smart\n\nThe storm hit at dawn, officials said."
    assert _sections(body) == [(None, 2)]


def test_long_line_ending_with_colon_is_a_paragraph() -> None:
    body = (
        "The survivors spoke to reporters at length. Here are two of their stories:\n\n"
        "One woman hid in a bathtub."
    )
    assert _sections(body) == [(None, 2)]


def test_promo_lines_are_not_paragraphs() -> None:
    body = "First paragraph here.\n\nMORE: Read our full coverage\n\nSecond paragraph here."
    assert _sections(body) == [(None, 2)]


def test_last_line_is_never_a_heading() -> None:
    body = "First paragraph here.\n\nThe end of it"
    assert _sections(body) == [(None, 2)]
