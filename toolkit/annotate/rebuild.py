"""Rebuild a record's sections and quotes from one human annotation.

Sections follow the converter's conventions (a Sub-heading opens a section, Body regions are
its paragraphs, one paragraph per line, `text` joins them with blank lines); quotes get the
same fields the extractor fills, with offsets into the rebuilt paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from toolkit.annotate import labels as L
from toolkit.quotes.lexicon import words
from toolkit.quotes.names import ORG_WORDS

Record = dict[str, Any]
Span = dict[str, Any]
_MARKS = '"“”„‟«»'
_ORG_HEADS = words("org_heads")  # the extractor's own word lists decide what an organisation is
_UNNAMED_STARTS = ("a ", "an ", "the ", "one ", "two ", "several ", "some ")


@dataclass
class Paragraph:
    text: str
    start: int  # offset in source_text
    section: int


@dataclass
class Built:
    sections: list[dict[str, Any]] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def trimmed(text: str, start: int, end: int, strip: str = "") -> tuple[int, int]:
    """Narrow [start, end) past surrounding whitespace (and `strip` characters)."""
    chars = " \t\r\n\u00a0" + strip
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def sections(source: str, spans: list[Span]) -> Built:
    built = Built()
    heading: tuple[int, int] | None = None
    lines: list[tuple[int, int]] = []

    def close() -> None:
        if heading is None and not lines:
            return
        s = len(built.sections)
        if heading is not None:
            built.spans.append(
                {"path": f"/sections/{s}/heading", "start": heading[0], "end": heading[1]}
            )
        for p, (a, b) in enumerate(lines):
            built.spans.append({"path": f"/sections/{s}/paragraphs/{p}", "start": a, "end": b})
            built.paragraphs.append(Paragraph(source[a:b], a, s))
        built.sections.append(
            {
                "heading": source[heading[0] : heading[1]] if heading else None,
                "paragraphs": [source[a:b] for a, b in lines],
            }
        )

    for span in spans:
        if span["label"] == L.HEADING:
            close()
            heading, lines = trimmed(source, span["start"], span["end"]), []
        elif span["label"] == L.BODY:
            lines.extend(_lines(source, span["start"], span["end"]))
    close()
    return built


def _lines(source: str, start: int, end: int) -> list[tuple[int, int]]:
    found = []
    at = start
    for piece in source[start:end].split("\n"):
        a, b = trimmed(source, at, at + len(piece))
        if b > a:
            found.append((a, b))
        at += len(piece) + 1
    return found


def body_text(built_sections: list[dict[str, Any]]) -> str:
    parts: list[str] = []
    for section in built_sections:
        if section["heading"] is not None:
            parts.append(section["heading"])
        parts.extend(section["paragraphs"])
    return "\n\n".join(parts)


def quotes(
    source: str, spans: list[Span], relations: list[Span], paragraphs: list[Paragraph],
    predicted: list[Record],
) -> tuple[list[Record], list[Span], list[str]]:  # fmt: skip
    """(quotes, their record spans, problems) from Quote/Speaker regions and relations."""
    by_id = {s["id"]: s for s in spans}
    group_of = _groups([s for s in spans if s["label"] == L.QUOTE], relations)
    direct, by_group = _speakers(relations, by_id, group_of)
    old = {(q["span"]["start"], q["span"]["end"]): q for q in predicted}
    out: list[Record] = []
    out_spans: list[Span] = []
    problems: list[str] = []
    for span in (s for s in spans if s["label"] == L.QUOTE):
        pieces = _pieces(source, paragraphs, span["start"], span["end"])
        if not pieces:
            problems.append(f"quote {span['text'][:40]!r} is not inside a Body paragraph")
            continue
        mention, speaker = _speaker(source, direct.get(span["id"]), paragraphs)
        if speaker is None:
            # No Speaker region of its own: the name typed on the quote, else its group's.
            mention, speaker = None, span["speaker_name"]
            shared = by_group.get(group_of[span["id"]])
            if speaker is None and shared is not None:
                speaker = _speaker(source, shared, paragraphs)[1]
        # A quotation over several paragraphs names its speaker once: at the piece in the
        # mention's paragraph, else at the first.
        home = next(
            (
                i
                for i, piece in enumerate(pieces)
                if mention and piece[0] == mention[0]["paragraph"]
            ),
            0,
        )
        for n, (p, start, end) in enumerate(pieces):
            k = len(out)
            named = mention if n == home else None
            before = old.get((start, end), {})
            offset = paragraphs[p].start
            out.append(
                {
                    "text": source[start:end],
                    "paragraph": p,
                    "start": start - offset,
                    "end": end - offset,
                    "speaker": speaker,
                    "speaker_kind": _kind(speaker, before),
                    "speaker_mention": named[0] if named else None,
                    "cue": before.get("cue") if before.get("speaker") == speaker else None,
                    "group": group_of[span["id"]],
                    "partial": bool(span["partial"]),
                    "span": {"start": start, "end": end},
                }
            )
            out_spans.append({"path": f"/quotes/{k}/text", "start": start, "end": end})
            if named:
                m_start, m_end = named[1]
                out_spans.append(
                    {"path": f"/quotes/{k}/speaker_mention/text", "start": m_start, "end": m_end}
                )
    return out, out_spans, problems


def _pieces(
    source: str, paragraphs: list[Paragraph], start: int, end: int
) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of each piece of a Quote region: one region drawn over several
    paragraphs becomes one piece per paragraph, as the rules want (marks trimmed)."""
    found = []
    for index, para in enumerate(paragraphs):
        a, b = max(start, para.start), min(end, para.start + len(para.text))
        if a < b:
            a, b = trimmed(source, a, b, _MARKS)
            if a < b:
                found.append((index, a, b))
    return found


def _groups(quote_spans: list[Span], relations: list[Span]) -> dict[str, int]:
    parent = {s["id"]: s["id"] for s in quote_spans}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for rel in relations:
        if rel["label"] == L.CONTINUES and rel["from_id"] in parent and rel["to_id"] in parent:
            parent[root(rel["to_id"])] = root(rel["from_id"])
    numbers: dict[str, int] = {}
    groups = {}
    for span in quote_spans:  # in text order, so group ids rise through the article
        groups[span["id"]] = numbers.setdefault(root(span["id"]), len(numbers))
    return groups


def _speakers(
    relations: list[Span], by_id: dict[str, Span], group_of: dict[str, int]
) -> tuple[dict[str, Span], dict[int, Span]]:
    """Speaker regions said_by each quote directly, and the first one of each group."""
    direct: dict[str, Span] = {}
    for rel in relations:
        target = by_id.get(rel["to_id"])
        if rel["label"] == L.SAID_BY and target is not None and target["label"] == L.SPEAKER:
            direct.setdefault(rel["from_id"], target)
    by_group: dict[int, Span] = {}
    for qid, speaker in direct.items():
        if qid in group_of:
            by_group.setdefault(group_of[qid], speaker)
    return direct, by_group


def _locate(paragraphs: list[Paragraph], start: int, end: int) -> tuple[int, int] | None:
    for index, para in enumerate(paragraphs):
        if para.start <= start and end <= para.start + len(para.text) and end > start:
            return index, para.start
    return None


def _speaker(
    source: str, span: Span | None, paragraphs: list[Paragraph]
) -> tuple[tuple[Record, tuple[int, int]] | None, str | None]:
    """(speaker_mention with its source offsets, canonical speaker) of a Speaker region."""
    if span is None:
        return None, None
    start, end = trimmed(source, span["start"], span["end"])
    name = (span["speaker_name"] or source[start:end]).strip()
    where = _locate(paragraphs, start, end)
    if where is None:
        return None, name
    p, offset = where
    value = {
        "text": source[start:end],
        "paragraph": p,
        "start": start - offset,
        "end": end - offset,
    }
    return (value, (start, end)), name


def _kind(speaker: str | None, before: Record) -> str | None:
    """The converter's kind when it named the same speaker; else judged from the name."""
    if speaker is None:
        return None
    if before.get("speaker") == speaker and before.get("speaker_kind"):
        return str(before["speaker_kind"])
    tokens = speaker.split()
    if any(w in ORG_WORDS for w in tokens) or (tokens and tokens[-1].casefold() in _ORG_HEADS):
        return "organization"
    lowered = speaker.lower()
    return "unnamed" if speaker[:1].islower() or lowered.startswith(_UNNAMED_STARTS) else "person"
