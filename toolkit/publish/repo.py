"""The local target: a git repository with one commit and one `vX.Y.Z` tag per version, the
way the Hub keeps dataset versions. The working tree holds the latest release."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import OutputError
from toolkit.publish.manifest import MANIFEST

_VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
_IDENTITY = {  # used only when git has no identity configured, so a commit never fails on it
    "GIT_AUTHOR_NAME": "newsdump",
    "GIT_AUTHOR_EMAIL": "newsdump@localhost",
    "GIT_COMMITTER_NAME": "newsdump",
    "GIT_COMMITTER_EMAIL": "newsdump@localhost",
}


def parse_version(text: str) -> tuple[int, int, int]:
    match = _VERSION.match(text)
    if not match:
        raise OutputError(
            f"--version {text!r} is not a semantic version: give MAJOR.MINOR.PATCH, "
            "for example 1.0.0."
        )
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def tag_of(version: str) -> str:
    return f"v{version}"


def check_new_version(version: str, existing: list[str]) -> None:
    """Refuse a version that exists or is not above the latest (releases only move forward)."""
    parse_version(version)
    if version in existing:
        raise OutputError(
            f"version {version} is already published ({tag_of(version)}); a release is never "
            "replaced: publish a higher version."
        )
    known = sorted((v for v in existing if _VERSION.match(v)), key=parse_version)
    if known and parse_version(version) < parse_version(known[-1]):
        raise OutputError(
            f"version {version} is lower than the latest published {known[-1]}: "
            "publish a higher version."
        )


def _git(folder: Path, *args: str) -> str:
    env = dict(os.environ)
    if not _has_identity(folder):
        env.update(_IDENTITY)
    proc = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, env=env, check=False
    )
    if proc.returncode != 0:
        raise OutputError(f"git {args[0]} failed in {folder}: {proc.stderr.strip()}")
    return proc.stdout


def _has_identity(folder: Path) -> bool:
    proc = subprocess.run(
        ["git", "-C", str(folder), "config", "user.email"], capture_output=True, check=False
    )
    return proc.returncode == 0


@dataclass(frozen=True)
class RepoState:
    """What the target holds: nothing yet (`fresh`), or a dataset repo and its versions."""

    folder: Path
    fresh: bool
    versions: list[str]


def inspect_target(folder: Path) -> RepoState:
    """Check the target can take a release, without changing it."""
    if shutil.which("git") is None:
        raise OutputError("git is not installed: install git to publish to a local folder.")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{str(folder)!r} is a file: --to needs a folder.")
    if not folder.exists() or not any(folder.iterdir()):
        return RepoState(folder, True, [])
    if not (folder / ".git").exists() or not (folder / MANIFEST).is_file():
        raise OutputError(
            f"{str(folder)!r} is not empty and is not a dataset repository made by "
            "`newsdump publish`: choose a new or empty folder."
        )
    if _git(folder, "status", "--porcelain").strip():
        raise OutputError(
            f"{str(folder)!r} has uncommitted changes: commit or discard them "
            f"(git -C {folder} status) before publishing."
        )
    on_branch = subprocess.run(
        ["git", "-C", str(folder), "symbolic-ref", "-q", "HEAD"], capture_output=True, check=False
    )
    if on_branch.returncode != 0:
        raise OutputError(
            f"{str(folder)!r} has an older version checked out: run "
            f"`git -C {folder} checkout main` first."
        )
    tags = _git(folder, "tag", "--list", "v*").split()
    return RepoState(folder, False, [t[1:] for t in tags])


def commit_release(state: RepoState, staging: Path, version: str, message: str) -> None:
    """Replace the working tree by the staged release, commit it and tag it. On failure the
    repository is put back as it was (a fresh target is removed)."""
    folder = state.folder
    created = not folder.exists()
    try:
        if state.fresh:
            folder.mkdir(parents=True, exist_ok=True)
            _git(folder, "init", "-q", "-b", "main")
        else:
            _git(folder, "rm", "-r", "-q", "--ignore-unmatch", ".")
        for item in staging.iterdir():
            shutil.move(str(item), folder / item.name)
        _git(folder, "add", "-A")
        _git(folder, "commit", "-q", "-m", message)
        _git(folder, "tag", "-a", tag_of(version), "-m", message)
    except (OSError, OutputError):
        _roll_back(folder, fresh=state.fresh, created=created)
        raise


def _roll_back(folder: Path, *, fresh: bool, created: bool) -> None:
    if fresh:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            for item in folder.iterdir():
                shutil.rmtree(item) if item.is_dir() else item.unlink()
        return
    subprocess.run(["git", "-C", str(folder), "reset", "-q", "--hard", "HEAD"], check=False)
    subprocess.run(["git", "-C", str(folder), "clean", "-q", "-fd"], check=False)
