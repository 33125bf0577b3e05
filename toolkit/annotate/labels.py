"""The labeling vocabulary shared by `annotations/label_config.xml`, push, pull and merge.

The names here must match the config's tag names and label values; a test parses the config
and checks that they do.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path

TEXT = "text"  # the <Text> tag every region points at
SECTION = "section"  # <Labels> for page parts
QUOTE_TAG = "quote"  # <Labels> for Quote and Speaker
SPEAKER_NAME = "speaker_name"  # per-region <TextArea>: canonical speaker
QUOTE_KIND = "quote_kind"  # per-region <Choices>: partial
VERDICT = "verdict"  # task-level <Choices>

TITLE = "Title"
BYLINE = "Byline"
DATELINE = "Dateline/time"
CAPTION = "Image caption"
CREDIT = "Photo credit"
HEADING = "Sub-heading"
BODY = "Body"
BOILERPLATE = "Boilerplate"
SECTION_LABELS = (TITLE, BYLINE, DATELINE, CAPTION, CREDIT, HEADING, BODY, BOILERPLATE)
QUOTE = "Quote"
SPEAKER = "Speaker"
QUOTE_LABELS = (QUOTE, SPEAKER)
ALL_LABELS = SECTION_LABELS + QUOTE_LABELS
SAID_BY = "said_by"
CONTINUES = "continues"
RELATIONS = (SAID_BY, CONTINUES)
PARTIAL = "partial"

# Choice values as shown to annotators -> the codes stored in records.
VERDICTS = {"ok": "ok", "parser failed here": "parser_failed", "not an article": "not_article"}

# Record span paths (JSON Pointers, indexes replaced by N) -> the label of that page part.
# Parts with children (related cards, the profile, related people) are labelled as a whole.
_PATH_LABELS = {
    "/title": TITLE,
    "/authors": BYLINE,
    "/publisher": BYLINE,
    "/published_raw": DATELINE,
    "/images/N/caption": CAPTION,
    "/images/N/credit": CREDIT,
    "/sections/N/heading": HEADING,
    "/sections/N/paragraphs/N": BODY,
    "/crawl_date": BOILERPLATE,
    "/category": BOILERPLATE,
    "/comments_count": BOILERPLATE,
    "/entities": BOILERPLATE,
    "/topics": BOILERPLATE,
    "/tags/N": BOILERPLATE,
    "/related_articles/N": BOILERPLATE,
    "/publisher_profile": BOILERPLATE,
}
_INDEX = re.compile(r"/\d+(?=/|$)")


def label_for_path(path: str) -> str | None:
    """The section label of a record span path, or None for parts not shown as sections."""
    return _PATH_LABELS.get(_INDEX.sub("/N", path))


_REPO_CONFIG = Path(__file__).resolve().parents[2] / "annotations" / "label_config.xml"


@functools.cache
def label_config() -> str:
    """The labeling config: packaged in a wheel, or `annotations/` in a checkout."""
    packaged = resources.files("toolkit").joinpath("_annotations", "label_config.xml")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return _REPO_CONFIG.read_text(encoding="utf-8")


def same_config(a: str, b: str) -> bool:
    """Configs equal up to whitespace between tags (Label Studio may reformat them)."""

    def norm(xml: str) -> str:
        return re.sub(r">\s+<", "><", re.sub(r"<!--.*?-->", "", xml, flags=re.S)).strip()

    return norm(a) == norm(b)
