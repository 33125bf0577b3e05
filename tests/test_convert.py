"""`newsdump convert` end to end: outputs, manifest, duplicates, exit codes, atomicity."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from tests.conftest import BAD, DUMPS, GOLD, load_gold, read_jsonl
from toolkit.cli import main
from toolkit.pipeline import run as run_module
from toolkit.pipeline.options import ConvertOptions
from toolkit.pipeline.run import convert
from toolkit.schema import schema_version

FIXTURE_ARTICLES = sum(len(load_gold(g)) for g in GOLD.glob("*.json"))


def _manifest(out: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((out / "manifest.json").read_text("utf-8"))
    return manifest


def test_jsonl_and_parquet_hold_the_same_records(tmp_path: Path) -> None:
    assert main(["convert", str(DUMPS), "-o", str(tmp_path), "-q"]) == 0
    jsonl = read_jsonl(tmp_path / "articles.jsonl")
    parquet = pq.read_table(tmp_path / "articles.parquet").to_pylist()
    assert len(jsonl) == FIXTURE_ARTICLES
    assert jsonl == parquet


def test_manifest_balances_and_records_versions(tmp_path: Path) -> None:
    convert([str(DUMPS), str(BAD / "truncated.txt"), str(BAD / "no_title.txt")], tmp_path)
    manifest = _manifest(tmp_path)
    counts = manifest["counts"]
    assert counts["documents"] == counts["records"] + counts["rejects"] + counts["duplicates"]
    assert manifest["balanced"] is True
    assert manifest["schema_version"] == schema_version()
    assert manifest["toolkit_version"]
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"])
    assert set(manifest["timings"]) >= {"convert", "merge", "total"}
    assert manifest["reject_codes"] == {"no_title": 1}


def test_outputs_checksums_match_files(tmp_path: Path) -> None:
    import hashlib

    convert([str(DUMPS)], tmp_path)
    for name, entry in _manifest(tmp_path)["outputs"].items():
        assert hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() == entry["sha256"]


def test_exact_duplicates_are_written_once_and_counted(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(DUMPS / "no_byline.txt", src / "a.txt")
    shutil.copy(DUMPS / "no_byline.txt", src / "b.txt")
    # The same page again with a BOM and CRLF line endings is still the same article.
    shutil.copy(BAD / "bom_crlf.txt", src / "c.txt")
    out = tmp_path / "out"
    report = convert([str(src)], out)
    assert (report.records, report.duplicates) == (1, 2)
    assert len(read_jsonl(out / "articles.jsonl")) == 1
    assert pq.read_table(out / "articles.parquet").num_rows == 1


def test_id_is_stable_across_runs_and_files(tmp_path: Path) -> None:
    convert([str(DUMPS / "multi_author.txt")], tmp_path / "a")
    copy = tmp_path / "elsewhere.txt"
    shutil.copy(DUMPS / "multi_author.txt", copy)
    convert([str(copy)], tmp_path / "b")
    first = read_jsonl(tmp_path / "a" / "articles.jsonl")[0]
    second = read_jsonl(tmp_path / "b" / "articles.jsonl")[0]
    assert first["id"] == second["id"]
    assert first["source"]["path"] != second["source"]["path"]


def test_gzip_option_writes_compressed_jsonl(tmp_path: Path) -> None:
    assert main(["convert", str(DUMPS / "no_byline.txt"), "-o", str(tmp_path), "--gzip", "-q"]) == 0
    assert not (tmp_path / "articles.jsonl").exists()
    with gzip.open(tmp_path / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        assert json.loads(fh.readline())["title"].startswith("Flash flooding")


def test_json_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(DUMPS), "-o", str(tmp_path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["records"] == FIXTURE_ARTICLES
    assert summary["status"] == "ok"


def test_some_rejected_exits_1_and_keeps_records(tmp_path: Path) -> None:
    code = main(
        [
            "convert",
            str(DUMPS / "no_byline.txt"),
            str(BAD / "no_title.txt"),
            "-o",
            str(tmp_path),
            "-q",
        ]
    )
    assert code == 1
    assert len(read_jsonl(tmp_path / "articles.jsonl")) == 1
    reject = read_jsonl(tmp_path / "rejects.jsonl")[0]
    assert reject["code"] == "no_title"
    assert reject["source"]["path"].endswith("no_title.txt")
    assert "Millbrook" in reject["raw"]


def test_strict_writes_no_records(tmp_path: Path) -> None:
    code = main(
        [
            "convert",
            str(DUMPS / "no_byline.txt"),
            str(BAD / "no_title.txt"),
            "-o",
            str(tmp_path),
            "-q",
            "--strict",
        ]
    )
    assert code == 1
    assert not (tmp_path / "articles.jsonl").exists()
    assert not (tmp_path / "articles.parquet").exists()
    assert _manifest(tmp_path)["status"] == "strict_failed"
    assert read_jsonl(tmp_path / "rejects.jsonl")[0]["code"] == "no_title"


def test_strict_passes_clean_input(tmp_path: Path) -> None:
    assert main(["convert", str(DUMPS), "-o", str(tmp_path), "-q", "--strict"]) == 0


def test_two_workers_give_the_same_records(tmp_path: Path) -> None:
    convert([str(DUMPS)], tmp_path / "one")
    convert([str(DUMPS)], tmp_path / "two", ConvertOptions(workers=2))
    assert (tmp_path / "one" / "articles.jsonl").read_bytes() == (
        tmp_path / "two" / "articles.jsonl"
    ).read_bytes()


def test_crash_leaves_no_file_under_a_final_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(run_module, "merge_shards", boom)
    with pytest.raises(RuntimeError):
        convert([str(DUMPS)], tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_interrupted_process_leaves_no_final_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    page = (DUMPS / "no_byline.txt").read_text("utf-8")
    big.write_text(
        "".join(page.replace("Flash flooding", f"Flood {i}", 1) for i in range(3000)), "utf-8"
    )
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "convert", str(big), "-o", str(out), "-q"]
    )
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and any(out.iterdir())):
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    finals = {"articles.jsonl", "articles.parquet", "rejects.jsonl", "manifest.json"}
    assert not finals & {p.name for p in out.iterdir()}


def test_work_folder_of_a_killed_run_is_cleaned_up(tmp_path: Path) -> None:
    abandoned = tmp_path / ".newsdump-999999999-abc"
    abandoned.mkdir()
    convert([str(DUMPS / "no_byline.txt")], tmp_path)
    assert not abandoned.exists()


def _many_pages(tmp_path: Path, copies: int) -> Path:
    """A dump of `copies` distinct pages (more than one batch of the converter's stages),
    with a page that is rejected in the middle."""
    page = (DUMPS / "no_byline.txt").read_text("utf-8").strip("\n").split("\n")
    bad = (BAD / "no_title.txt").read_text("utf-8").strip("\n")
    pages = []
    for k in range(copies):
        lines = list(page)
        lines[3] = f"{lines[3]} ({k})"  # a distinct title: a distinct record id
        pages.append("\n".join(lines))
        if k == copies // 2:
            pages.append(bad)
    path = tmp_path / "many.txt"
    path.write_text("\n".join(pages) + "\n", "utf-8")
    return path


def test_records_keep_input_order_across_batches(tmp_path: Path) -> None:
    path = _many_pages(tmp_path, 150)
    report = convert([str(path)], tmp_path / "out")
    assert (report.records, report.rejects) == (150, 1)
    titles = [r["title"] for r in read_jsonl(tmp_path / "out" / "articles.jsonl")]
    assert [t.rsplit("(", 1)[1].rstrip(")") for t in titles] == [str(k) for k in range(150)]


def test_manifest_says_where_the_time_went(tmp_path: Path) -> None:
    path = _many_pages(tmp_path, 70)
    convert([str(path)], tmp_path / "with")
    convert([str(path)], tmp_path / "without", ConvertOptions(quotes=False))
    stages = _manifest(tmp_path / "with")["stage_seconds"]
    assert set(stages) == {"read", "parse", "quotes", "validate", "write"}
    assert all(seconds > 0 for seconds in stages.values())
    assert _manifest(tmp_path / "without")["stage_seconds"]["quotes"] == 0
