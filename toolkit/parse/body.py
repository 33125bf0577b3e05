"""The article body: paragraphs, sub-headings and in-body images, up to the footer."""

from __future__ import annotations

import re

from toolkit.parse.images import is_image_url, split_caption
from toolkit.parse.lines import Extraction, Line

COMMENTS_RE = re.compile(r"^Comments\s*/\s*(\d+)$")
FOOTER_KEYWORDS = frozenset({"RELATED PEOPLE", "IN THIS ARTICLE", "YOU MAY ALSO LIKE"})
_PROMO = re.compile(r"^(?:MORE|More)\s*:")
# Short lines that are article text, not section titles: credit and reporting lines.
_CREDIT_LINE = re.compile(
    r"^(?:From|By|With|Reporting|Contributing|Additional|Editor['’]s|Photos?|Video|Watch|"
    r"Read|Source|Sources|Copyright|©|Follow|Subscribe|Sign up|Click)\b",
    re.IGNORECASE,
)
_NOT_HEADING_END = '.,;"”)…]'
_MAX_HEADING_CHARS = 80
_MAX_HEADING_WORDS = 12
_MAX_COLON_HEADING_WORDS = 5
_MAX_QA_HEADING_WORDS = 9


def find_body_end(lines: list[Line], start: int) -> tuple[int, bool]:
    """Index where the body stops, and whether a `Comments / N` line stops it."""
    for i in range(start, len(lines)):
        text = lines[i].text
        if COMMENTS_RE.match(text):
            return i, True
        if text == "Related" and _footer_follows(lines, i + 1):
            return i, False
    return len(lines), False


def _footer_follows(lines: list[Line], i: int) -> bool:
    while i < len(lines) and not lines[i].text:
        i += 1
    if i >= len(lines):
        return True
    if lines[i].text in FOOTER_KEYWORDS:
        return True
    # A card: source, blank, title.
    return i + 2 < len(lines) and not lines[i + 1].text and bool(lines[i + 2].text)


def _heading_like(text: str) -> bool:
    if len(text) > _MAX_HEADING_CHARS or text[-1] in _NOT_HEADING_END:
        return False
    words = text.split()
    if len(words) > _MAX_HEADING_WORDS:
        return False
    # `Opening statement:` titles a section; `The results broke down this way:` leads into a
    # list. Q&A topics (`On the status of Marcus Whitley:`) may run longer.
    colon_limit = (
        _MAX_QA_HEADING_WORDS if words[0] in ("On", "About") else (_MAX_COLON_HEADING_WORDS)
    )
    if text.endswith(":") and len(words) > colon_limit:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in '"“‘'):
        return False
    return not _CREDIT_LINE.match(text)


def parse_body(lines: list[Line], start: int, end: int, ext: Extraction) -> None:
    """Fill images, sections and text from lines[start:end]."""
    images: list[dict[str, str | None]] = []
    blocks: list[Line] = []  # paragraphs and heading candidates, in order
    i = start
    while i < end:
        line = lines[i]
        if not line.text:
            i += 1
        elif is_image_url(line.text):
            caption = lines[i + 1] if i + 1 < end else None
            has_caption = (
                caption is not None and bool(caption.text) and not is_image_url(caption.text)
            )
            _image(line, caption if has_caption else None, len(images), images, ext)
            i += 2 if has_caption else 1
        elif _PROMO.match(line.text):
            i += 1  # aggregator promo links, not article text
        else:
            blocks.append(line)
            i += 1
    ext.fields["images"] = images
    _sections(blocks, ext)


def _image(
    url: Line, caption: Line | None, k: int, images: list[dict[str, str | None]], ext: Extraction
) -> None:
    entry: dict[str, str | None] = {"url": url.text, "caption": None, "credit": None}
    ext.line_span(f"/images/{k}/url", url)
    if caption is not None:
        text, credit, credit_at = split_caption(caption.text)
        entry["caption"], entry["credit"] = text, credit
        if text is not None:
            at = caption.text.find(text)
            ext.span(f"/images/{k}/caption", caption.start + at, caption.start + at + len(text))
        if credit is not None:
            at = caption.text.find(credit, credit_at if credit_at < len(caption.text) else 0)
            ext.span(f"/images/{k}/credit", caption.start + at, caption.start + at + len(credit))
    images.append(entry)


def _sections(blocks: list[Line], ext: Extraction) -> None:
    sections: list[dict[str, object]] = []
    heading: Line | None = None
    paragraphs: list[Line] = []

    def close() -> None:
        if heading is None and not paragraphs:
            return
        s = len(sections)
        if heading is not None:
            ext.line_span(f"/sections/{s}/heading", heading)
        for p, line in enumerate(paragraphs):
            ext.line_span(f"/sections/{s}/paragraphs/{p}", line)
            ext.paragraphs.append(line.text)
            ext.paragraph_starts.append(line.start)
        sections.append(
            {
                "heading": heading.text if heading else None,
                "paragraphs": [line.text for line in paragraphs],
            }
        )

    for n, line in enumerate(blocks):
        follower = blocks[n + 1] if n + 1 < len(blocks) else None
        if follower is not None and _heading_like(line.text) and not _heading_like(follower.text):
            close()
            heading, paragraphs = line, []
        else:
            paragraphs.append(line)
    close()
    ext.fields["sections"] = sections
    parts: list[str] = []
    for section in sections:
        if section["heading"] is not None:
            parts.append(str(section["heading"]))
        parts.extend(section["paragraphs"])  # type: ignore[arg-type]
    ext.fields["text"] = "\n\n".join(parts)
