"""The top of a page: header line, category, title, byline, publisher, publication time."""

from __future__ import annotations

import re
from datetime import date

from toolkit.parse.bylines import parse_byline
from toolkit.parse.dates import looks_like_time, resolve_published
from toolkit.parse.lines import Cursor, Extraction, ParseReject

HEADER_TEXT = re.compile(r"^date (\d{4}-\d{2}-\d{2})\b")
_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)


def parse_header(cur: Cursor, ext: Extraction) -> date:
    """Consume the page header; leave the cursor on the first line after the time line."""
    head = cur.take() if not cur.done() else None
    match = HEADER_TEXT.match(head.text) if head else None
    if head is None or match is None:
        raise ParseReject(
            "no_header",
            "the document does not start with a ` date YYYY-MM-DD` "
            "header line, so it is not a NewsBreak page",
        )
    try:
        crawl = date.fromisoformat(match.group(1))
    except ValueError as exc:
        raise ParseReject(
            "bad_header_date", f"header date {match.group(1)!r} is not a real calendar date"
        ) from exc
    ext.fields["crawl_date"] = crawl.isoformat()
    ext.span("/crawl_date", head.start + match.start(1), head.start + match.end(1))

    category = cur.peek()
    if category is not None and category.text:
        cur.take()
        ext.fields["category"] = category.text
        ext.line_span("/category", category)
    else:
        ext.fields["category"] = None
    cur.skip_blank()
    _title(cur, ext)
    cur.skip_blank()
    _byline_publisher_time(cur, ext, crawl)
    return crawl


def _title(cur: Cursor, ext: Extraction) -> None:
    title = cur.peek()
    after = cur.peek(1)
    if title is None or not title.text:
        raise ParseReject(
            "no_title",
            "the page ends before its title line; the dump is truncated after the header",
        )
    # A byline, or the publisher printed twice, where the title belongs: the title is missing.
    if _BYLINE.match(title.text) or (after is not None and after.text == title.text):
        raise ParseReject(
            "no_title", "no title line between the category and the byline or publisher"
        )
    cur.take()
    ext.fields["title"] = title.text
    ext.line_span("/title", title)


def _byline_publisher_time(cur: Cursor, ext: Extraction, crawl: date) -> None:
    ext.fields["authors"] = []
    ext.fields["publisher"] = None
    ext.fields["published_raw"] = None
    ext.fields["published_date"] = None
    line = cur.peek()
    byline = None
    if line is not None and _BYLINE.match(line.text):
        byline = cur.take()
        ext.line_span("/authors", byline)
    line, nxt = cur.peek(), cur.peek(1)
    if line is not None and line.text and nxt is not None:
        twice = nxt.text == line.text
        timed = nxt.nbsp or looks_like_time(nxt.text)
        if twice or timed:
            cur.take()
            if twice:
                cur.take()
            ext.fields["publisher"] = line.text
            ext.line_span("/publisher", line)
    if byline is not None:
        _authors(byline.text, byline.start, ext)
    line = cur.peek()
    if line is not None and line.text and (line.nbsp or looks_like_time(line.text)):
        cur.take()
        ext.fields["published_raw"] = line.text
        ext.line_span("/published_raw", line)
        published = resolve_published(line.text, crawl)
        ext.fields["published_date"] = published.isoformat() if published else None
        if published is None and not line.text.casefold().endswith(
            ("month ago", "months ago", "year ago", "years ago")
        ):
            ext.warn(
                "unknown_time", f"publication time {line.text!r} could not be resolved to a date"
            )


def _authors(text: str, offset: int, ext: Extraction) -> None:
    names = parse_byline(text, ext.fields.get("publisher"))
    ext.fields["authors"] = names
    pos = 0
    for k, name in enumerate(names):
        at = text.find(name, pos)
        if at >= 0:
            ext.span(f"/authors/{k}", offset + at, offset + at + len(name))
            pos = at + len(name)
