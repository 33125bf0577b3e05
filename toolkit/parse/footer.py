"""Everything after the body: comment counter, related people, cards, tags, chips, profile."""

from __future__ import annotations

from typing import Any

from toolkit.parse.body import COMMENTS_RE, FOOTER_KEYWORDS
from toolkit.parse.lines import Extraction, Line

_COUNT_LABELS = {
    "Followers": "followers",
    "Follower": "followers",
    "Post": "posts",
    "Posts": "posts",
    "Views": "views",
    "View": "views",
}
_END = "Community Policy"


class _Lines:
    """Index helpers over the footer lines (blank lines have empty text). Lookups past the
    end give None; `next_filled` and the page-end flags are computed once, in one pass."""

    def __init__(self, lines: list[Line], start: int) -> None:
        self.lines = lines
        n = len(lines)
        self.n = n
        # Two None sentinels: callers look up to two lines past the end without a check.
        self.texts: list[str | None] = [line.text for line in lines]
        self.texts += [None, None]
        filled = [n] * (n + 2)
        ends = [False] * (n + 2)
        following = n
        for i in range(n - 1, start - 1, -1):
            text = lines[i].text
            if text == _END:
                ends[i] = True
            elif text.startswith("Comments") and COMMENTS_RE.match(text):
                after = self.texts[following] if following < n else None
                ends[i] = after in (None, _END)
            if text:
                following = i
            filled[i] = following
        self._filled = filled
        self._ends = ends

    def text(self, i: int) -> str | None:
        return self.texts[i] if i >= 0 else None

    def next_filled(self, i: int) -> int:
        return self._filled[i] if i < self.n else self.n

    def is_page_end(self, i: int) -> bool:
        return i < self.n and self._ends[i]

    def is_card(self, i: int) -> bool:
        """source, blank, title: the shape every card (and the profile) starts with."""
        return (
            bool(self.texts[i])
            and self.texts[i + 1] == ""
            and bool(self.texts[self.next_filled(i + 1)])
        )

    def is_profile(self, i: int) -> bool:
        j = self.next_filled(i + 1)
        return self.is_card(i) and self.texts[j] == self.texts[i] and not self.texts[j + 1]


def parse_footer(lines: list[Line], start: int, has_comments: bool, ext: Extraction) -> None:
    f = ext.fields
    f.update(
        comments_count=None,
        entities=[],
        topics=[],
        tags=[],
        related_articles=[],
        publisher_profile=None,
    )
    ls = _Lines(lines, start)
    i = start
    if has_comments:
        match = COMMENTS_RE.match(lines[i].text)
        assert match is not None
        f["comments_count"] = int(match.group(1))
        ext.line_span("/comments_count", lines[i])
        i += 1
    i = ls.next_filled(i)
    if ls.text(i) == "Related":
        i += 1
    while True:
        i = ls.next_filled(i)
        text = ls.text(i)
        if text is None or ls.is_page_end(i):
            break
        if text == "RELATED PEOPLE":
            i = _pairs(ls, i + 1, "entities", ext)
        elif text == "YOU MAY ALSO LIKE":
            i = _pairs(ls, i + 1, "topics", ext)
        elif text == "IN THIS ARTICLE":
            i = _tags(ls, ls.next_filled(i + 1), ext)
        elif ls.is_profile(i):
            i = _profile(ls, i, ext)
        elif ls.is_card(i):
            i = _card(ls, i, ext)
        else:
            ext.warn("unparsed_line", f"footer line {i + 1} not understood: {text[:80]!r}")
            i += 1


def _pairs(ls: _Lines, i: int, name: str, ext: Extraction) -> int:
    """Type/Name line pairs; a line followed by a blank starts a card instead."""
    out: list[dict[str, str]] = ext.fields[name]
    begin = i
    while (
        ls.text(i)
        and ls.text(i + 1)
        and ls.text(i) not in FOOTER_KEYWORDS
        and ls.text(i + 1) not in FOOTER_KEYWORDS
        and not ls.is_page_end(i)
    ):
        k = len(out)
        out.append({"type": ls.lines[i].text, "name": ls.lines[i + 1].text})
        ext.line_span(f"/{name}/{k}/type", ls.lines[i])
        ext.line_span(f"/{name}/{k}/name", ls.lines[i + 1])
        i += 2
    if i > begin:
        ext.span(f"/{name}", ls.lines[begin - 1].start, ls.lines[i - 1].end)
    return i


def _tags(ls: _Lines, i: int, ext: Extraction) -> int:
    line = ls.lines[i] if i < len(ls.lines) else None
    if line is None or not line.text.startswith("#"):
        return i
    pos = 0
    for part in line.text.split("#"):
        if part.strip():
            at = line.text.find(part, pos)
            k = len(ext.fields["tags"])
            ext.fields["tags"].append(part.strip())
            lead = len(part) - len(part.lstrip())
            ext.span(
                f"/tags/{k}", line.start + at + lead, line.start + at + lead + len(part.strip())
            )
        pos += len(part) + 1
    return i + 1


def _card(ls: _Lines, i: int, ext: Extraction) -> int:
    k = len(ext.fields["related_articles"])
    card: dict[str, Any] = {
        "source": ls.lines[i].text,
        "title": None,
        "summary": None,
        "topic": None,
    }
    ext.line_span(f"/related_articles/{k}/source", ls.lines[i])
    first = i
    j = ls.next_filled(i + 1)
    card["title"] = ls.lines[j].text
    ext.line_span(f"/related_articles/{k}/title", ls.lines[j])
    last = j
    s = ls.next_filled(j + 1)
    if s < len(ls.lines) and ls.text(s + 1) != "" and not _starts_block(ls, s):
        card["summary"] = ls.lines[s].text
        ext.line_span(f"/related_articles/{k}/summary", ls.lines[s])
        last = s
        t = s + 1
        topic = ls.text(t)
        # The topic sits right under the summary; a line followed by a blank is the next
        # card's source instead, unless it is upper-case like every topic label.
        if topic and not _starts_block(ls, t) and (topic.isupper() or ls.text(t + 1) != ""):
            card["topic"] = topic
            ext.line_span(f"/related_articles/{k}/topic", ls.lines[t])
            last = t
    ext.fields["related_articles"].append(card)
    ext.span(f"/related_articles/{k}", ls.lines[first].start, ls.lines[last].end)
    return last + 1


def _starts_block(ls: _Lines, i: int) -> bool:
    text = ls.text(i)
    return text in FOOTER_KEYWORDS or ls.is_page_end(i)


def _profile(ls: _Lines, i: int, ext: Extraction) -> int:
    profile: dict[str, str | None] = {
        "name": ls.lines[i].text,
        "location": None,
        "followers": None,
        "posts": None,
        "views": None,
        "about": None,
        "url": None,
    }
    ext.line_span("/publisher_profile/name", ls.lines[i])
    first, last = i, ls.next_filled(i + 1)
    j = ls.next_filled(last + 1)
    counted = False
    while j < len(ls.lines) and not ls.is_page_end(j):
        line = ls.lines[j]
        label = _COUNT_LABELS.get(ls.text(ls.next_filled(j + 1)) or "")
        if label is not None:
            profile[label] = line.text
            ext.line_span(f"/publisher_profile/{label}", line)
            counted = True
            j = ls.next_filled(j + 1)
        elif line.text == "ABOUT":
            a = ls.next_filled(j + 1)
            if a < len(ls.lines) and not ls.is_page_end(a):
                profile["about"] = ls.lines[a].text
                ext.line_span("/publisher_profile/about", ls.lines[a])
                j = a
        elif line.nbsp or line.text.startswith(("http://", "https://", "www.")):
            profile["url"] = line.text
            ext.line_span("/publisher_profile/url", line)
        elif not counted and profile["location"] is None:
            profile["location"] = line.text
            ext.line_span("/publisher_profile/location", line)
        else:
            ext.warn("unparsed_line", f"profile line {j + 1} not understood: {line.text[:80]!r}")
        last = j
        j = ls.next_filled(j + 1)
    ext.fields["publisher_profile"] = profile
    ext.span("/publisher_profile", ls.lines[first].start, ls.lines[last].end)
    return j
