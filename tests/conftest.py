"""Shared paths and helpers. Fixture files live in tests/data and are found from this file."""

from __future__ import annotations

import atexit
import importlib
import json
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

# `datasets` and `huggingface_hub` read these once, at import: set before any test imports
# them, so nothing touches the network or the user's cache.
os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HOME"] = tempfile.mkdtemp(prefix="newsdump-test-hf-")
atexit.register(shutil.rmtree, os.environ["HF_HOME"], True)
os.environ.pop("HF_TOKEN", None)

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
DUMPS = DATA / "dumps"
GOLD = DATA / "gold"
BAD = DATA / "bad"
HELDOUT = DATA / "heldout"  # a second gold set, written apart from the first
THIRD = DATA / "third"  # a third, in other styles of news
REFERENCE = HERE.parent.parent / "shared" / "reference"
NOTEBOOKS = HERE.parent / "notebooks"
QUICKSTART = NOTEBOOKS / "quickstart.ipynb"


def reference_available() -> bool:
    return (REFERENCE / "dumps").is_dir()


def require_reference() -> None:
    """The reference set sits beside the checkout (as in CI). Outside CI a missing set is a
    visible skip; in CI it is a failure, so nothing is skipped silently there."""
    if reference_available():
        return
    if os.environ.get("CI"):
        pytest.fail(f"reference set missing at {REFERENCE}")
    pytest.skip(f"reference set not found at {REFERENCE}")


def load_gold(path: Path) -> list[dict[str, Any]]:
    gold = json.loads(path.read_text("utf-8"))
    return gold if isinstance(gold, list) else [gold]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def fixture_pairs() -> list[tuple[Path, Path]]:
    pairs = [(d, GOLD / f"{d.stem}.json") for d in sorted(DUMPS.glob("*.txt"))]
    for extra in (HELDOUT, THIRD, DATA / "fourth"):
        pairs += [
            (d, extra / "gold" / f"{d.stem}.json") for d in sorted((extra / "dumps").glob("*.txt"))
        ]
    if reference_available():
        pairs += [
            (d, REFERENCE / "gold" / f"{d.stem}.json")
            for d in sorted((REFERENCE / "dumps").glob("*.txt"))
        ]
    return pairs


@dataclass(frozen=True)
class StudioServer:
    home: Path
    url: str
    token: str
    username: str
    password: str


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StudioServer]:
    """A real Label Studio, started once per session the way `newsdump studio start` does.
    If it cannot start the tests that need it fail: nothing is skipped."""
    from toolkit.annotate.studio import Studio
    from toolkit.errors import StudioError

    home = tmp_path_factory.mktemp("studio")
    server = Studio(home)
    try:
        server.start(port=_free_port(), timeout=900, log=lambda _: None)
    except StudioError as exc:
        pytest.fail(f"Label Studio did not start: {exc}")
    config = server.read_config()
    try:
        yield StudioServer(
            home, config["url"], config["token"], config["username"], config["password"]
        )
    finally:
        server.stop()


SAMPLE_NAME = "newsdump-sample"
SMALL_SHARD_BYTES = 150_000  # several shards per split even for the small fixture set


@pytest.fixture(scope="session")
def sample_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture dumps converted once: a `convert` output folder."""
    from toolkit.pipeline.run import convert

    out = tmp_path_factory.mktemp("records")
    convert([str(DUMPS)], out)
    return out


@pytest.fixture(scope="session")
def release(sample_records: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Version 1.0.0 of the sample published to a local dataset repository."""
    from toolkit.publish.build import ReleaseOptions
    from toolkit.publish.release import publish_local

    target = tmp_path_factory.mktemp("published") / "dataset"
    options = ReleaseOptions(SAMPLE_NAME, "1.0.0", max_shard_bytes=SMALL_SHARD_BYTES)
    publish_local(sample_records, target, options)
    return target


def fixture_paragraphs(*, every_set: bool = False) -> list[str]:
    """The body paragraphs of every page of the fixture dumps and the reference dumps (and,
    with `every_set`, of the other hand-made sets too), in order: what the equivalence
    tests of the extractor's hand-written scans run over."""
    from toolkit.parse.lines import ParseReject
    from toolkit.parse.page import parse_page
    from toolkit.sources.documents import decode, split_documents

    paths = sorted(DUMPS.glob("*.txt"))
    if every_set:
        paths += sorted(DATA.glob("*/dumps/*.txt"))
    paths += sorted((REFERENCE / "dumps").glob("*.txt"))
    found = []
    for path in paths:
        with path.open("rb") as fh:
            for raw in split_documents(fh):
                try:
                    found.extend(parse_page(decode(raw.data).text).paragraphs)
                except ParseReject:
                    continue
    return found


def quotes_build(kind: str) -> ModuleType:
    """`toolkit.quotes` ("python") or its compiled build ("compiled"). A missing or stale
    build fails under CI (`make setup` builds it there: no silent skips) and skips elsewhere."""
    from toolkit.quotes import ACCELERATED

    if kind == "python":
        return importlib.import_module("toolkit.quotes")
    try:
        compiled = importlib.import_module("toolkit.quotes._accel")
        problem = None if ACCELERATED.source_hash() == compiled.SOURCE_HASH else "is stale"
    except ImportError:
        problem = "was not built"
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f"the compiled toolkit.quotes {problem} (make setup builds it)")
        pytest.skip(f"the compiled toolkit.quotes {problem}: run `make setup`")
    return compiled
