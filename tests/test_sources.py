"""Inputs: plain, gzip, tar and tar.gz files, directories, and how documents are split."""

from __future__ import annotations

import gzip
import io
import tarfile
from pathlib import Path

import pytest

from tests.conftest import DUMPS, read_jsonl
from toolkit.pipeline.run import convert
from toolkit.sources.documents import decode, split_documents

PAGE = (DUMPS / "no_byline.txt").read_bytes()
MULTI = (DUMPS / "multi_article.txt").read_bytes()


def _tar(path: Path, members: dict[str, bytes], mode: str = "w") -> None:
    with tarfile.open(path, mode) as archive:  # type: ignore[call-overload]
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


@pytest.mark.parametrize("block", [1, 7, 100, 4096, 1 << 20])
def test_split_is_independent_of_block_size(block: int) -> None:
    docs = list(split_documents(io.BytesIO(MULTI), block_size=block))
    assert [d.offset for d in docs] == [
        0,
        MULTI.index(b"\n date ", 10) + 1,
        MULTI.rindex(b"\n date ") + 1,
    ]
    assert b"".join(d.data for d in docs) == MULTI


def test_gzip_file(tmp_path: Path) -> None:
    path = tmp_path / "one.txt.gz"
    path.write_bytes(gzip.compress(MULTI))
    report = convert([str(path)], tmp_path / "out")
    assert report.records == 3
    record = read_jsonl(tmp_path / "out" / "articles.jsonl")[1]
    assert record["source"]["format"] == "txt.gz"
    assert record["source"]["offset"] == MULTI.index(b"\n date ", 10) + 1


def test_directory_is_walked_recursively_and_others_are_listed(tmp_path: Path) -> None:
    (tmp_path / "in" / "deep" / "er").mkdir(parents=True)
    (tmp_path / "in" / "deep" / "er" / "a.txt").write_bytes(PAGE)
    (tmp_path / "in" / "notes.md").write_text("not a dump")
    report = convert([str(tmp_path / "in")], tmp_path / "out")
    assert report.records == 1
    assert [s["path"].endswith("notes.md") for s in report.skipped] == [True]


@pytest.mark.parametrize(
    ("mode", "suffix", "fmt"), [("w", ".tar", "tar"), ("w:gz", ".tar.gz", "tar.gz")]
)
def test_tar_archives(tmp_path: Path, mode: str, suffix: str, fmt: str) -> None:
    archive = tmp_path / f"dumps{suffix}"
    _tar(archive, {"a/one.txt": PAGE, "b/three.txt.gz": gzip.compress(MULTI)}, mode)
    report = convert([str(archive)], tmp_path / "out")
    assert report.records == 4
    sources = [r["source"] for r in read_jsonl(tmp_path / "out" / "articles.jsonl")]
    assert sources[0]["path"] == f"{archive}!a/one.txt"
    assert sources[0]["format"] == fmt
    assert sources[1]["format"] == f"{fmt}+gz"


def test_tar_member_named_dot_dot_writes_nothing_outside_out(tmp_path: Path) -> None:
    archive = tmp_path / "evil.tar"
    _tar(archive, {"../x": PAGE, "/abs/y.txt": MULTI})
    out = tmp_path / "sandbox" / "out"
    before = set(tmp_path.rglob("*"))
    report = convert([str(archive)], out)
    assert report.records == 4
    created = set(tmp_path.rglob("*")) - before
    assert all(out in p.parents or p == out or p == out.parent for p in created)
    assert not (tmp_path / "sandbox" / "x").exists()
    assert not (tmp_path / "x").exists()


def test_tar_links_are_skipped_not_followed(tmp_path: Path) -> None:
    archive = tmp_path / "links.tar"
    with tarfile.open(archive, "w") as tar:
        info = tarfile.TarInfo("link.txt")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        tar.addfile(info)
        data = tarfile.TarInfo("ok.txt")
        data.size = len(PAGE)
        tar.addfile(data, io.BytesIO(PAGE))
    report = convert([str(archive)], tmp_path / "out")
    assert report.records == 1
    assert "link" in report.skipped[0]["reason"]


def test_decode_falls_back_to_cp1252_per_byte() -> None:
    decoded = decode("naïve “quote” — ok".encode() + b" \x93cp\x94")
    assert decoded.text == "naïve “quote” — ok “cp”"
    assert decoded.encoding == "cp1252"
    assert decoded.fallback_bytes == 2


def test_output_folder_inside_the_input_is_not_read_back(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_bytes(PAGE)
    out = tmp_path / "out"
    convert([str(tmp_path)], out)
    (out / "leftover.txt").write_bytes(MULTI)  # a dump-like file inside the output
    report = convert([str(tmp_path)], out)
    assert report.records == 1
