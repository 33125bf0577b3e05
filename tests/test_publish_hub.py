"""`--hub`: everything up to the upload runs here; the Hub API object is injected and records
what it is asked to do."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.conftest import SAMPLE_NAME, SMALL_SHARD_BYTES
from toolkit.cli import main
from toolkit.errors import OutputError
from toolkit.publish.build import ReleaseOptions
from toolkit.publish.hub import publish_hub
from toolkit.publish.manifest import MANIFEST, release_files

REPO = "newsdump/sample"
SECRET = "hf_not_a_real_token_0123456789"


class FakeHub:
    """Answers like the Hub for a repository holding `published` at the tags `versions`."""

    def __init__(self, published: Path | None = None, versions: tuple[str, ...] = ()) -> None:
        self.published = published
        self.versions = versions
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.uploaded: dict[str, str] = {}  # path in repo → sha256 of the bytes sent

    def list_repo_refs(self, repo_id: str, *, repo_type: str | None = None) -> Any:
        tags = [SimpleNamespace(name=f"v{v}") for v in self.versions]
        return SimpleNamespace(tags=tags, branches=[])

    def list_repo_files(self, repo_id: str, *, repo_type: str | None = None) -> list[str]:
        if self.published is None:
            return []
        return [*release_files(self.published), MANIFEST, ".gitattributes"]

    def snapshot_download(self, repo_id: str, **kwargs: Any) -> str:
        self.calls.append(("snapshot_download", kwargs))
        assert self.published is not None
        local = Path(kwargs["local_dir"])
        for pattern in kwargs["allow_patterns"]:
            (local / pattern).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.published / pattern, local / pattern)
        return str(local)

    def create_repo(self, repo_id: str, **kwargs: Any) -> Any:
        self.calls.append(("create_repo", {"repo_id": repo_id, **kwargs}))

    def create_commit(self, repo_id: str, operations: Any, **kwargs: Any) -> Any:
        self.calls.append(("create_commit", {"repo_id": repo_id, **kwargs}))
        for op in operations:
            if hasattr(op, "path_or_fileobj"):
                data = Path(op.path_or_fileobj).read_bytes()
                self.uploaded[op.path_in_repo] = hashlib.sha256(data).hexdigest()
            else:
                self.uploaded[op.path_in_repo] = "deleted"
        return SimpleNamespace(oid="c0ffee")

    def create_tag(self, repo_id: str, *, tag: str, **kwargs: Any) -> Any:
        self.calls.append(("create_tag", {"repo_id": repo_id, "tag": tag, **kwargs}))

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


def _options(version: str = "1.0.0") -> ReleaseOptions:
    return ReleaseOptions(SAMPLE_NAME, version, max_shard_bytes=SMALL_SHARD_BYTES)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_first_upload_is_one_commit_then_the_tag(sample_records: Path) -> None:
    hub = FakeHub()
    publish_hub(sample_records, REPO, _options(), hub)
    assert hub.names() == ["create_repo", "create_commit", "create_tag"]
    assert hub.calls[0][1]["repo_type"] == "dataset"
    tag = hub.calls[2][1]
    assert (tag["tag"], tag["revision"], tag["repo_type"]) == ("v1.0.0", "c0ffee", "dataset")


def test_upload_sends_the_same_folder_as_a_local_publish(
    sample_records: Path, release: Path
) -> None:
    hub = FakeHub()
    publish_hub(sample_records, REPO, _options(), hub)
    assert sorted(hub.uploaded) == sorted([*release_files(release), MANIFEST])
    data = [name for name in hub.uploaded if name.startswith("data/")]
    assert data and all(hub.uploaded[name] == _sha(release / name) for name in data)


def test_next_version_builds_on_the_latest_tag(sample_records: Path, release: Path) -> None:
    hub = FakeHub(published=release, versions=("1.0.0",))
    result = publish_hub(sample_records, REPO, _options("1.0.1"), hub)
    download = hub.calls[0][1]
    assert (download["revision"], download["repo_type"]) == ("v1.0.0", "dataset")
    assert (result.previous_version, result.added, result.removed) == ("1.0.0", 0, 0)
    assert ".gitattributes" not in hub.uploaded


def test_existing_version_is_refused_before_any_upload(sample_records: Path, release: Path) -> None:
    hub = FakeHub(published=release, versions=("1.0.0",))
    with pytest.raises(OutputError, match="already published"):
        publish_hub(sample_records, REPO, _options("1.0.0"), hub)
    assert hub.calls == []


def test_dry_run_lists_every_file_and_uploads_nothing(sample_records: Path, release: Path) -> None:
    hub = FakeHub()
    lines: list[str] = []
    publish_hub(sample_records, REPO, _options(), hub, dry_run=True, echo=lines.append)
    listing = "\n".join(lines)
    assert hub.calls == []
    assert all(name in listing for name in [*release_files(release), MANIFEST])
    assert "tag v1.0.0" in listing


def test_hub_without_token_is_one_line(
    sample_records: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["publish", str(sample_records), "--name", "x", "--version", "1.0.0", "--hub", REPO]
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "HF_TOKEN" in err[0]


def test_token_is_never_printed(
    sample_records: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_TOKEN", SECRET)
    args = ["publish", str(sample_records), "--name", "x", "--version", "1.0.0", "--hub", REPO]
    code = main([*args, "--dry-run"])
    captured = capsys.readouterr()
    assert code == 2  # offline here: the Hub cannot be reached
    assert SECRET not in captured.out + captured.err


@pytest.mark.parametrize("repo_id", ["no-slash", "a/b/c", "/name"])
def test_bad_repo_id_is_refused(
    sample_records: Path, repo_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["publish", str(sample_records), "--name", "x", "--version", "1.0.0"]
    assert main([*args, "--hub", repo_id, "--dry-run"]) == 2
    assert "ORG/NAME" in capsys.readouterr().err
