"""Character offsets between Python and the browser.

Label Studio's labeling page measures offsets in JavaScript string units (UTF-16 code units),
Python in code points. They differ after any character outside the Basic Multilingual Plane
(emoji, some CJK), so every offset crossing the wire goes through one of these maps.
"""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Convert offsets in one text between code points and UTF-16 units."""

    def __init__(self, text: str) -> None:
        # Code-point positions of astral characters: empty for almost every article.
        astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if _has_astral(text) else []
        self._astral = astral
        # UTF-16 offset just past each astral character (it takes two units).
        self._ends = [p + k + 2 for k, p in enumerate(astral)]

    def to_js(self, index: int) -> int:
        return index + bisect.bisect_left(self._astral, index)

    def to_py(self, index: int) -> int:
        return index - bisect.bisect_right(self._ends, index) if self._astral else index


def _has_astral(text: str) -> bool:
    # isascii() answers at C speed for most pages; the pattern scan only for the others.
    return not text.isascii() and _ASTRAL.search(text) is not None
