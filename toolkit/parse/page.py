"""One page, stage by stage in page order: header → body → footer."""

from __future__ import annotations

from toolkit.parse.body import find_body_end, parse_body
from toolkit.parse.footer import parse_footer
from toolkit.parse.header import parse_header
from toolkit.parse.lines import Cursor, Extraction, ParseReject, split_lines

__all__ = ["Extraction", "ParseReject", "parse_page"]


def parse_page(doc: str) -> Extraction:
    lines = split_lines(doc)
    ext = Extraction(normalized="\n".join(line.text for line in lines).strip())
    cur = Cursor(lines)
    cur.skip_blank()
    parse_header(cur, ext)
    end, has_comments = find_body_end(lines, cur.i)
    if end == len(lines):
        ext.warn(
            "no_footer",
            "no `Comments / N` or `Related` line after the body: the page "
            "looks truncated, so everything after the header is taken as body",
        )
    parse_body(lines, cur.i, end, ext)
    if not ext.fields["sections"]:
        raise ParseReject("empty_body", "the page has a title but no body paragraphs")
    parse_footer(lines, end, has_comments, ext)
    return ext
