"""Image lines and the split of a caption line into caption and photo credit."""

from __future__ import annotations

import re

_INITIAL_DOT = re.compile(r"\b([A-Z])\.")
_IMAGE_URL = re.compile(
    r"^https?://(?:img\.particlenews\.com/\S*|\S+\.(?:jpe?g|png|gif|webp|avif)(?:\?\S*)?)$",
    re.IGNORECASE,
)
# Labels printed before a credit; they are not part of it. At the start of a caption line
# only a label with a colon (or ©) counts: `Image shows …` is a caption.
_LABEL = re.compile(
    r"^(?:photo\s+credit|credit|photo|photograph|image|source)\s*:?\s+|^©\s*", re.IGNORECASE
)
_LINE_LABEL = re.compile(
    r"^(?:photo\s+credit|credit|photo|photograph|image|source)\s*:\s*|^©\s*", re.IGNORECASE
)
_TRAILING_PAREN = re.compile(r"^(.*?)\s*\(([^()]+)\)$")
_COPYRIGHT = re.compile(r"^(.*?)\s*©\s*(.+)$")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")
_CREDIT_WORD = re.compile(
    r"\b(?:AP|AFP|EPA|Getty|Reuters|REUTERS|Photo|Photos|Pool|Shutterstock|iStock|Courtesy|"
    r"Associated Press|via|Bloomberg|NurPhoto|SOPA|Zuma|ZUMA|Alamy|Credit|Staff)\b"
)
_CONNECTORS = frozenset(
    {
        "via",
        "of",
        "the",
        "and",
        "for",
        "de",
        "del",
        "la",
        "le",
        "von",
        "van",
        "der",
        "da",
        "y",
        "&",
        "/",
        "-",
        "–",
        "—",
        "at",
        "on",
        "in",
    }
)


def is_image_url(text: str) -> bool:
    return bool(_IMAGE_URL.match(text))


def _credit_like(text: str) -> bool:
    """Short, capitalised, unpunctuated: a name, an agency or `Name/Agency`."""
    if not text or len(text) > 100 or "," in text or text[-1] in '.,;:!?"”':
        return False
    words = text.replace("/", " / ").split()
    if len(words) > 14 or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    return all(
        w in _CONNECTORS or w[0].isupper() or w[0].isdigit() or any(c.isupper() for c in w)
        for w in words
    )


def _strip_label(credit: str) -> str:
    return _LABEL.sub("", credit, count=1).strip()


def split_caption(line: str) -> tuple[str | None, str | None, int]:
    """(caption, credit, where the credit starts in `line`, or len(line) when there is none).

    Rules from the reference set: a trailing parenthesised credit; a `©` or `Credit:` label;
    else a trailing photographer/agency segment after the last sentence; a line that is only a
    credit has no caption.
    """
    labelled = _LINE_LABEL.match(line)
    if labelled:
        return None, line[labelled.end() :].strip() or None, labelled.end()
    paren = _TRAILING_PAREN.match(line)
    if paren:
        inner = paren.group(2).strip()
        before = paren.group(1)
        if _CREDIT_WORD.search(inner) or "/" in inner or not before or before[-1] in '.!?"”':
            credit_at = line.rfind("(", 0, len(line)) + 1
            return before.strip() or None, _strip_label(inner) or None, credit_at
    copy = _COPYRIGHT.match(line)
    if copy:
        return copy.group(1).strip() or None, copy.group(2).strip() or None, copy.start(2)
    for end in _SENTENCE_END.finditer(line):
        rest = line[end.end() :]
        label = _LABEL.match(rest)
        if label:
            return line[: end.end()].strip(), rest[label.end() :].strip() or None, end.end()
        if _credit_like(_without_initials(rest)):
            return line[: end.end()].strip(), rest.strip(), end.end()
    if _credit_like(line) and ("/" in line or _CREDIT_WORD.search(line)):
        return None, line, 0
    return line, None, len(line)


def _without_initials(text: str) -> str:
    # `AP Photo/J. Scott Applewhite`: an initial's period is not a sentence end.
    return _INITIAL_DOT.sub(r"\1", text)
