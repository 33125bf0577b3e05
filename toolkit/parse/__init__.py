"""Parse one decoded NewsBreak page into record fields, spans and warnings.

Stages, in page order (`page.parse_page`): header → body → footer. Each fills an
`Extraction`; a page that cannot become a record raises `ParseReject` with a stable code.
Like the quote extractor, the parser runs compiled (`scripts/build_accel.py`) when a current
build is present; `IMPLEMENTATION` says which. `Extraction` and `ParseReject` come from the
same build as `parse_page`, so `except ParseReject` catches what it raises.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.compiled import Accelerated

ACCELERATED = Accelerated(
    "toolkit.parse", ("lines", "dates", "bylines", "images", "body", "footer", "header", "page")
)

if TYPE_CHECKING:
    from toolkit.parse.page import Extraction, ParseReject, parse_page

    IMPLEMENTATION: str
else:
    _page, IMPLEMENTATION = ACCELERATED.load("page")
    Extraction, ParseReject, parse_page = _page.Extraction, _page.ParseReject, _page.parse_page

__all__ = ["ACCELERATED", "IMPLEMENTATION", "Extraction", "ParseReject", "parse_page"]
