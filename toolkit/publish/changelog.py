"""`CHANGELOG.md`: what changed since the previous version, newest first. Records are compared
by id and content digest; the schema by its field list and types."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from toolkit.publish.data import ArticleEntry
from toolkit.schema import JSONSchema, field_docs

CHANGELOG = "CHANGELOG.md"
_TITLE = "# Changelog\n"
SHOWN_IDS = 50  # ids listed per kind of change; the complete lists are in meta/changes.json


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    schema: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "removed": self.removed,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "schema": self.schema,
        }


def diff_records(before: Mapping[str, ArticleEntry], after: Mapping[str, ArticleEntry]) -> Changes:
    changes = Changes()
    changes.added = sorted(set(after) - set(before))
    changes.removed = sorted(set(before) - set(after))
    for article_id in sorted(set(after) & set(before)):
        if after[article_id].digest != before[article_id].digest:
            changes.changed.append(article_id)
        else:
            changes.unchanged += 1
    return changes


def diff_schemas(before: JSONSchema, after: JSONSchema) -> list[str]:
    """One line per field added, removed or retyped, and the version change."""
    old = {path: kind for path, kind, _ in field_docs(before)}
    new = {path: kind for path, kind, _ in field_docs(after)}
    lines = []
    if before.get("schema_version") != after.get("schema_version"):
        lines.append(f"schema {before.get('schema_version')} → {after.get('schema_version')}")
    lines += [f"field added: `{p}` ({new[p]})" for p in new if p not in old]
    lines += [f"field removed: `{p}`" for p in old if p not in new]
    lines += [
        f"field type changed: `{p}`: {old[p]} → {new[p]}"
        for p in new
        if p in old and old[p] != new[p]
    ]
    return lines


def entry(version: str, date: str, previous: str | None, changes: Changes, total: int) -> str:
    if previous is None:
        body = [f"- First release: {total:,} articles."]
    else:
        body = [
            f"- Since v{previous}: {len(changes.added):,} added, {len(changes.removed):,} "
            f"removed, {len(changes.changed):,} changed, {changes.unchanged:,} unchanged "
            f"({total:,} articles)."
        ]
        for kind in ("added", "removed", "changed"):
            ids: list[str] = getattr(changes, kind)
            if ids:
                body.append(f"- {kind.capitalize()} ({len(ids):,}): {_ids(ids)}")
    if changes.schema:
        body.append("- Schema: " + "; ".join(changes.schema) + ".")
    elif previous is not None:
        body.append("- Schema: unchanged.")
    return f"## v{version} ({date})\n\n" + "\n".join(body) + "\n"


def _ids(ids: list[str]) -> str:
    shown = ", ".join(f"`{i}`" for i in ids[:SHOWN_IDS])
    rest = len(ids) - SHOWN_IDS
    return shown + (f" and {rest:,} more (all in `meta/changes.json`)" if rest > 0 else "")


def render_changelog(new_entry: str, previous_text: str | None) -> str:
    """The new entry on top of the previous versions' entries."""
    older = ""
    if previous_text:
        older = previous_text.removeprefix(_TITLE).lstrip("\n")
    return _TITLE + "\n" + new_entry + ("\n" + older if older else "")
