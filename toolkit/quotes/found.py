"""A quotation as the extractor works on it, and the record and source spans it becomes.
Built here, inside the compiled build, because the converter does this for every quote."""

from __future__ import annotations

from typing import Any

from toolkit.quotes.attribute import Mention, Speaker
from toolkit.quotes.spans import Span


# A plain class, not a dataclass: the compiled build would run a dataclass's generated
# __init__ as interpreted Python on every instance. Compared by identity only.
class Found:
    def __init__(self, paragraph: int, span: Span, partial: bool) -> None:
        self.paragraph = paragraph
        self.span = span
        self.partial = partial
        self.speaker: Speaker | None = None
        self.mention: Mention | None = None
        self.cue: str | None = None
        self.own = False  # attributed in its own sentence
        self.group = -1
        # (attributes, not a dict of extras made for every quotation)
        self.continues: Found | None = None  # the run-on quotation this one goes on with
        self.split_of: Found | None = None  # the piece of a split quotation it follows
        self.fallback: Speaker | None = None  # the speaker carried to a run-on opening


def as_record(found: Found, paragraphs: list[str], starts: list[int] | None) -> dict[str, Any]:
    """The schema's quote object. `span` is the text's place in the source document when
    `starts` (each paragraph's offset there) is given, zeros otherwise."""
    span = found.span
    paragraph = paragraphs[found.paragraph]
    mention = None
    if found.mention is not None and found.own:
        mention = {
            "text": found.mention.text,
            "paragraph": found.paragraph,
            "start": found.mention.start,
            "end": found.mention.end,
        }
    speaker = found.speaker
    return {
        "text": paragraph[span.start : span.end],
        "paragraph": found.paragraph,
        "start": span.start,
        "end": span.end,
        "speaker": speaker.name if speaker else None,
        "speaker_kind": speaker.kind if speaker else None,
        "speaker_mention": mention,
        "cue": found.cue,
        "group": found.group,
        "partial": found.partial,
        "span": _placed(span, starts[found.paragraph]) if starts is not None else _unplaced(),
    }


def _placed(span: Span, base: int) -> dict[str, int]:
    return {"start": base + span.start, "end": base + span.end}


def _unplaced() -> dict[str, int]:
    return {"start": 0, "end": 0}


def source_spans(quotes: list[dict[str, Any]], starts: list[int]) -> list[dict[str, Any]]:
    """The record's `spans` entries of quotes placed by `extract(…, starts)`: each quote's
    text and its speaker mention, as offsets into the source document."""
    spans: list[dict[str, Any]] = []
    for k, quote in enumerate(quotes):
        where = quote["span"]
        spans.append({"path": f"/quotes/{k}/text", "start": where["start"], "end": where["end"]})
        mention = quote["speaker_mention"]
        if mention is not None:
            at = starts[mention["paragraph"]]
            spans.append(
                {
                    "path": f"/quotes/{k}/speaker_mention/text",
                    "start": at + mention["start"],
                    "end": at + mention["end"],
                }
            )
    return spans
