"""`publish` to a local folder: check the target and the version, build the release in a
private staging folder, then commit and tag it. A refused or failed run leaves the target as
it was."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from toolkit.publish.build import (
    BuiltRelease,
    Previous,
    ReleaseOptions,
    build_release,
    read_previous,
)
from toolkit.publish.configs import ARTICLES, QUOTES
from toolkit.publish.manifest import read_manifest
from toolkit.publish.repo import check_new_version, commit_release, inspect_target, tag_of
from toolkit.records.files import locate


@dataclass(frozen=True)
class PublishResult:
    location: str  # the local folder or the Hub address
    version: str
    tag: str
    articles: int
    quotes: int
    added: int
    removed: int
    changed: int
    previous_version: str | None

    def summary(self) -> str:
        since = (
            f"; since v{self.previous_version}: {self.added:,} added, {self.removed:,} removed, "
            f"{self.changed:,} changed"
            if self.previous_version
            else ""
        )
        return (
            f"published {self.tag}: {self.articles:,} articles, {self.quotes:,} quotes"
            f"{since} → {self.location}"
        )


def result_of(built: BuiltRelease, location: str, options: ReleaseOptions) -> PublishResult:
    rows = built.data.rows
    return PublishResult(
        location=location,
        version=options.version,
        tag=tag_of(options.version),
        articles=sum(rows[ARTICLES].values()),
        quotes=sum(rows[QUOTES].values()),
        added=len(built.changes.added),
        removed=len(built.changes.removed),
        changed=len(built.changes.changed),
        previous_version=built.manifest.get("previous_version"),
    )


def publish_local(records: Path, target: Path, options: ReleaseOptions) -> PublishResult:
    """Publish the records under `records` as version `options.version` of the dataset
    repository `target` (created when new or empty)."""
    source = locate(records)
    state = inspect_target(target)
    check_new_version(options.version, state.versions)
    previous = _previous(target) if not state.fresh else None
    with tempfile.TemporaryDirectory(prefix="newsdump-publish-") as tmp:
        staging = Path(tmp) / "release"
        staging.mkdir()
        built = build_release(source, staging, options, previous)
        message = f"{options.name} {tag_of(options.version)}"
        commit_release(state, staging, options.version, message)
    return result_of(built, str(target), options)


def _previous(target: Path) -> Previous:
    manifest = read_manifest(target)
    return read_previous(target, str(manifest["version"]))
