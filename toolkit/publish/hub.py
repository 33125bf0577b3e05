"""`publish --hub ORG/NAME`: build the same release folder as a local publish, then upload it
to a Hugging Face dataset repository in one commit and tag it `vX.Y.Z`.

The API object is a parameter, so everything up to the upload runs (and is tested) without a
network; the token is handed to the API only, never printed."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from toolkit.errors import OutputError
from toolkit.publish.build import (
    INDEX,
    SCHEMA_COPY,
    Previous,
    ReleaseOptions,
    build_release,
    read_previous,
)
from toolkit.publish.changelog import CHANGELOG
from toolkit.publish.manifest import MANIFEST, release_files
from toolkit.publish.release import PublishResult, result_of
from toolkit.publish.repo import check_new_version, parse_version, tag_of
from toolkit.records.files import locate

REPO_TYPE = "dataset"
_REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$")
_KEPT = (".gitattributes",)  # the Hub's own file: never deleted by a release


class HubApi(Protocol):
    """The part of `huggingface_hub.HfApi` a release uses."""

    def list_repo_refs(self, repo_id: str, *, repo_type: str | None = None) -> Any: ...
    def list_repo_files(self, repo_id: str, *, repo_type: str | None = None) -> list[str]: ...
    def snapshot_download(self, repo_id: str, **kwargs: Any) -> str: ...
    def create_repo(self, repo_id: str, **kwargs: Any) -> Any: ...
    def create_commit(self, repo_id: str, operations: Any, **kwargs: Any) -> Any: ...
    def create_tag(self, repo_id: str, *, tag: str, **kwargs: Any) -> Any: ...


@dataclass(frozen=True)
class HubPlan:
    """What an upload sends: the files of the release, the remote files it deletes, the tag."""

    repo_id: str
    tag: str
    files: list[tuple[str, int]]  # path in the repo, bytes
    deletes: list[str]

    def describe(self) -> str:
        total = sum(size for _, size in self.files)
        lines = [f"would upload {len(self.files)} files ({total:,} bytes) to {self.repo_id}:"]
        lines += [f"  {path}  {size:,}" for path, size in self.files]
        lines += [f"  delete {path}" for path in self.deletes]
        lines.append(f"in one commit, then tag {self.tag}")
        return "\n".join(lines)


def check_repo_id(repo_id: str) -> None:
    if not _REPO_ID.match(repo_id):
        raise OutputError(f"--hub {repo_id!r} is not a repository id: give ORG/NAME.")


def default_api(token: str | None) -> HubApi:
    from huggingface_hub import HfApi

    # HfApi's methods take many more keywords than the protocol names: the cast says only
    # that it has the ones used here.
    return cast(HubApi, HfApi(token=token))


def publish_hub(
    records: Path,
    repo_id: str,
    options: ReleaseOptions,
    api: HubApi,
    *,
    dry_run: bool = False,
    echo: Callable[[str], None] = print,
) -> PublishResult:
    check_repo_id(repo_id)
    source = locate(records)
    versions, remote_files = _remote_state(api, repo_id)
    check_new_version(options.version, versions)
    with tempfile.TemporaryDirectory(prefix="newsdump-hub-") as tmp:
        previous = _previous(api, repo_id, versions, Path(tmp) / "previous")
        staging = Path(tmp) / "release"
        staging.mkdir()
        built = build_release(source, staging, options, previous, hub_id=repo_id)
        plan = plan_upload(staging, repo_id, options.version, remote_files)
        if dry_run:
            echo(plan.describe())
        else:
            upload(api, staging, plan, f"{options.name} {plan.tag}")
    where = f"https://huggingface.co/datasets/{repo_id}"
    return result_of(built, f"{where} (dry run: nothing uploaded)" if dry_run else where, options)


def plan_upload(staging: Path, repo_id: str, version: str, remote: list[str]) -> HubPlan:
    names = [*release_files(staging), MANIFEST]
    files = [(name, (staging / name).stat().st_size) for name in sorted(names)]
    deletes = sorted(set(remote) - set(names) - set(_KEPT))
    return HubPlan(repo_id, tag_of(version), files, deletes)


def upload(api: HubApi, staging: Path, plan: HubPlan, message: str) -> None:
    """One commit with every file (and the deletion of files the release no longer has),
    then the version tag on that commit."""
    from huggingface_hub import CommitOperationAdd, CommitOperationDelete

    operations: list[Any] = [CommitOperationDelete(path_in_repo=p) for p in plan.deletes]
    operations += [
        CommitOperationAdd(path_in_repo=p, path_or_fileobj=str(staging / p)) for p, _ in plan.files
    ]
    try:
        api.create_repo(plan.repo_id, repo_type=REPO_TYPE, exist_ok=True)
        commit = api.create_commit(
            plan.repo_id, operations, commit_message=message, repo_type=REPO_TYPE
        )
    except Exception as exc:  # see _remote_state: any client error stops the run
        raise OutputError(f"upload to {plan.repo_id} failed ({_short(exc)}).") from exc
    try:
        api.create_tag(
            plan.repo_id,
            tag=plan.tag,
            tag_message=message,
            revision=getattr(commit, "oid", None),
            repo_type=REPO_TYPE,
        )
    except Exception as exc:
        raise OutputError(
            f"uploaded to {plan.repo_id} but could not create tag {plan.tag} ({_short(exc)}); "
            "create it on the Hub by hand."
        ) from exc


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    return first if len(first) <= 200 else first[:197] + "..."


def _remote_state(api: HubApi, repo_id: str) -> tuple[list[str], list[str]]:
    """Published versions and files of the repository; none for a repository not made yet."""
    from huggingface_hub.errors import RepositoryNotFoundError

    try:
        refs = api.list_repo_refs(repo_id, repo_type=REPO_TYPE)
        files = api.list_repo_files(repo_id, repo_type=REPO_TYPE)
    except RepositoryNotFoundError:
        return [], []
    # The HTTP client's errors have no common base we could name here (offline mode, DNS,
    # refused, timed out, 401): any of them means this run cannot go on.
    except Exception as exc:
        raise OutputError(f"cannot read {repo_id} on the Hub ({_short(exc)}).") from exc
    tags = [ref.name[1:] for ref in refs.tags if ref.name.startswith("v")]
    return tags, list(files)


def _previous(api: HubApi, repo_id: str, versions: list[str], folder: Path) -> Previous | None:
    known = sorted((v for v in versions if _is_version(v)), key=parse_version)
    if not known:
        return None
    latest = known[-1]
    api.snapshot_download(
        repo_id,
        repo_type=REPO_TYPE,
        revision=tag_of(latest),
        allow_patterns=[INDEX, SCHEMA_COPY, CHANGELOG],
        local_dir=str(folder),
    )
    return read_previous(folder, latest)


def _is_version(text: str) -> bool:
    try:
        parse_version(text)
    except OutputError:
        return False
    return True
