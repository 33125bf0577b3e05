"""The release manifest (the sha256 and size of every file) and `verify`, which checks a
release folder against it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from toolkit.errors import InputError
from toolkit.sources.inputs import file_sha256

MANIFEST = "manifest.json"
_IGNORED = (".git",)  # the repository's own bookkeeping is not part of a release


def release_files(release: Path) -> list[str]:
    """Every file of the release (POSIX paths relative to it), the manifest excepted."""
    names = []
    for path in sorted(release.rglob("*")):
        relative = path.relative_to(release)
        if relative.parts[0] in _IGNORED or not path.is_file():
            continue
        if relative.as_posix() != MANIFEST:
            names.append(relative.as_posix())
    return names


def write_manifest(release: Path, header: dict[str, Any]) -> dict[str, Any]:
    files = {
        name: {"sha256": file_sha256(release / name), "bytes": (release / name).stat().st_size}
        for name in release_files(release)
    }
    manifest = {**header, "files": files}
    (release / MANIFEST).write_bytes(orjson.dumps(manifest, option=orjson.OPT_INDENT_2) + b"\n")
    return manifest


def read_manifest(release: Path) -> dict[str, Any]:
    path = release / MANIFEST
    try:
        manifest = orjson.loads(path.read_bytes())
    except FileNotFoundError as exc:
        raise InputError(
            f"{str(release)!r} has no {MANIFEST}: pass a folder made by `newsdump publish`."
        ) from exc
    except orjson.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON ({exc}).") from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise InputError(f"{path} lists no files: it was not written by `newsdump publish`.")
    return manifest


@dataclass(frozen=True)
class Mismatch:
    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


def verify(release: Path) -> Iterator[Mismatch]:
    """Every difference between the release folder and its manifest: missing, changed and
    unlisted files."""
    if not release.is_dir():
        raise InputError(f"{str(release)!r} is not a folder: pass a published dataset folder.")
    listed: dict[str, dict[str, Any]] = read_manifest(release)["files"]
    present = set(release_files(release))
    for name, entry in sorted(listed.items()):
        path = release / name
        if name not in present:
            yield Mismatch(name, "missing")
        elif path.stat().st_size != entry.get("bytes"):
            yield Mismatch(name, f"size {path.stat().st_size} instead of {entry.get('bytes')}")
        elif file_sha256(path) != entry.get("sha256"):
            yield Mismatch(name, "sha256 differs from the manifest (the file was changed)")
    for name in sorted(present - set(listed)):
        yield Mismatch(name, "not in the manifest (added after publishing)")
