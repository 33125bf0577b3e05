"""The page's publication time (`3 days ago`, `Dec 3, 2021`) resolved against the crawl date."""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for name in names
}
_RELATIVE = re.compile(
    r"^(?:(an?|one|\d+)\s+)?(second|minute|min|hour|hr|day|week|month|year)s?\s+ago$",
    re.IGNORECASE,
)
_ABSOLUTE = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_DAYS_PER = {"day": 1, "week": 7}


def looks_like_time(text: str) -> bool:
    low = text.casefold()
    return bool(
        _RELATIVE.match(text)
        or _ABSOLUTE.match(text)
        or _ISO.match(text)
        or low in ("yesterday", "today", "just now", "now")
    )


def resolve_published(raw: str | None, crawl: date) -> date | None:
    """The calendar date a relative or absolute time points to; None when unknown or vague."""
    if not raw:
        return None
    text = raw.strip()
    low = text.casefold()
    if low in ("today", "just now", "now"):
        return crawl
    if low == "yesterday":
        return crawl - timedelta(days=1)
    rel = _RELATIVE.match(text)
    if rel:
        count_word, unit = rel.group(1), rel.group(2).lower()
        count = 1 if count_word is None or not count_word.isdigit() else int(count_word)
        if unit in ("second", "minute", "min", "hour", "hr"):
            return crawl  # the page gives no time of day: the crawl date is the best answer
        if unit in _DAYS_PER:
            return crawl - timedelta(days=count * _DAYS_PER[unit])
        return None  # months and years are too vague to name a day
    iso = _ISO.match(text)
    if iso:
        return _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    absolute = _ABSOLUTE.match(text)
    if absolute:
        month = _MONTHS.get(absolute.group(1).casefold())
        if month is None:
            return None
        day = int(absolute.group(2))
        if absolute.group(3):
            return _safe_date(int(absolute.group(3)), month, day)
        # No year: the latest such day not after the crawl.
        guess = _safe_date(crawl.year, month, day)
        if guess is not None and guess > crawl:
            guess = _safe_date(crawl.year - 1, month, day)
        return guess
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
