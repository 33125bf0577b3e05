"""Bylines into author names."""

from __future__ import annotations

import re

_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+|\s+&\s+")
_DASH = re.compile(r"\s+[–—-]\s+")
_BY = re.compile(r"^by\s+", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"\b(?:writer|reporter|editor|correspondent|contributor|columnist|producer|staff|"
    r"photographer|intern|fellow|anchor|meteorologist|critic|director|chief|senior|"
    r"special to|for the|bureau|desk)\b",
    re.IGNORECASE,
)
_OUTLET_WORDS = re.compile(
    r"\b(?:press|news|times|post|herald|journal|tribune|gazette|citizen-times|chronicle|"
    r"dispatch|daily|weekly|magazine|media|network|radio|tv|television|wire|report|"
    r"examiner|observer|courier|star|sun|globe|inquirer|register|bulletin|review|today|"
    r"reuters|bloomberg|cnn|nbc|abc|cbs|fox|npr|pbs|bbc|afp|upi|agence|france-presse|"
    r"associated|insider|wfla|newsday|mirror)\b",
    re.IGNORECASE,
)
_TRAILING_CAPS = re.compile(r"^(.+?\s+\S+)\s+([A-Z]{2,6})$")


def _is_role_or_outlet(segment: str, publisher: str | None) -> bool:
    if publisher and segment.casefold() == publisher.casefold():
        return True
    return bool(_ROLE_WORDS.search(segment) or _OUTLET_WORDS.search(segment))


def parse_byline(line: str, publisher: str | None = None) -> list[str]:
    """`By A, B and C, Staff Writer` → [A, B, C]. An organisation-only byline stays whole."""
    body = _BY.sub("", line.strip()).strip()
    if not body:
        return []
    whole = body
    dash = _DASH.split(body, maxsplit=1)
    if len(dash) == 2 and _is_role_or_outlet(dash[1], publisher):
        body = dash[0]
    segments = [_drop_glued_outlet(s.strip()) for s in _SPLIT.split(body) if s.strip()]
    names = [s for s in segments if not _is_role_or_outlet(s, publisher)]
    if not names:
        # Nothing but an organisation or a staff label: that is the author.
        return [dash[0].strip() if len(dash) == 2 else whole]
    return names


def _drop_glued_outlet(name: str) -> str:
    """`Tori B. Powell CNN`: a short all-caps outlet glued to a mixed-case name."""
    caps = _TRAILING_CAPS.match(name)
    return caps.group(1) if caps and not caps.group(1).isupper() else name
