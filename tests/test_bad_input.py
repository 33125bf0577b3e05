"""Bad input: each case gives a valid record or an explained reject, and a user's mistake gives
one clear line that names the fix — never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BAD, DUMPS, read_jsonl
from toolkit.pipeline.run import convert
from toolkit.records.validate import is_valid

# file -> (records, reject codes, warning codes)
CASES = {
    "empty.txt": (0, ["empty_input"], []),
    "whitespace_only.txt": (0, ["empty_input"], []),
    "binary.txt": (0, ["binary"], []),
    "cp1252.txt": (1, [], ["decoded_cp1252"]),
    "bom_crlf.txt": (1, [], []),
    "truncated.txt": (1, [], ["no_footer"]),
    "no_title.txt": (0, ["no_title"], []),
    "header_only.txt": (0, ["no_title"], []),
    "preamble.txt": (1, ["no_header"], []),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_gives_records_or_explained_rejects(name: str, tmp_path: Path) -> None:
    records_expected, codes, warnings = CASES[name]
    report = convert([str(BAD / name)], tmp_path)
    records = read_jsonl(tmp_path / "articles.jsonl")
    rejects = read_jsonl(tmp_path / "rejects.jsonl")
    assert len(records) == records_expected
    assert [r["code"] for r in rejects] == codes
    assert all(r["message"] and r["source"]["path"].endswith(name) for r in rejects)
    assert all(is_valid(r) for r in records)
    assert sorted({w["code"] for r in records for w in r["warnings"]}) == warnings
    assert report.documents == report.records + report.rejects + report.duplicates


def test_cp1252_decodes_smart_quotes_and_says_so(tmp_path: Path) -> None:
    convert([str(BAD / "cp1252.txt")], tmp_path)
    record = read_jsonl(tmp_path / "articles.jsonl")[0]
    assert record["title"] == "Café owners “stunned” by storm — again"
    assert record["source"]["encoding"] == "cp1252"
    assert "Ã" not in record["source_text"]


def test_bom_and_crlf_give_clean_values(tmp_path: Path) -> None:
    convert([str(BAD / "bom_crlf.txt")], tmp_path)
    record = read_jsonl(tmp_path / "articles.jsonl")[0]
    assert record["crawl_date"] == "2023-06-14"
    assert not any("\r" in p for s in record["sections"] for p in s["paragraphs"])
    assert "\ufeff" not in record["source_text"]


def test_truncated_page_keeps_its_body(tmp_path: Path) -> None:
    convert([str(BAD / "truncated.txt")], tmp_path)
    record = read_jsonl(tmp_path / "articles.jsonl")[0]
    assert record["sections"][0]["paragraphs"]
    assert record["comments_count"] is None
    assert record["publisher_profile"] is None


def test_fifty_megabyte_document_becomes_a_record(tmp_path: Path) -> None:
    page = (DUMPS / "no_byline.txt").read_text("utf-8")
    cut = page.index("Comments /")
    filler = "A long paragraph of flood coverage that keeps going and going. " * 40 + "\n\n"
    body = filler * (50_000_000 // len(filler) + 1)
    path = tmp_path / "huge.txt"
    path.write_text(page[:cut] + body + page[cut:], "utf-8")
    assert path.stat().st_size > 50_000_000
    report = convert([str(path)], tmp_path / "out")
    assert (report.records, report.rejects) == (1, 0)


def test_too_large_limit_rejects_with_the_fix(tmp_path: Path) -> None:
    from toolkit.pipeline.options import ConvertOptions

    report = convert(
        [str(DUMPS / "no_byline.txt")], tmp_path, ConvertOptions(max_document_bytes=1000)
    )
    assert report.reject_codes == {"too_large": 1}
    assert "--max-document-mb" in read_jsonl(tmp_path / "rejects.jsonl")[0]["message"]


# Root reads any file: drop the capabilities that let it, to see what a user sees.
NO_DAC = [
    "setpriv",
    "--bounding-set",
    "-dac_override,-dac_read_search",
    "--inh-caps",
    "-dac_override,-dac_read_search",
]


def _cli(*args: str, as_user: bool = False) -> subprocess.CompletedProcess[str]:
    prefix = NO_DAC if as_user and os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "toolkit", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def _one_clean_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_missing_input_is_one_line(tmp_path: Path) -> None:
    line = _one_clean_line(_cli("convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path)))
    assert "does not exist" in line and "Check the path" in line


def test_output_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    line = _one_clean_line(_cli("convert", str(DUMPS / "no_byline.txt"), "-o", str(target)))
    assert "Choose another -o folder" in line


def test_fifo_input_is_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    line = _one_clean_line(_cli("convert", str(fifo), "-o", str(tmp_path / "out")))
    assert "not a regular file" in line


def test_unreadable_input_is_one_line(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes((DUMPS / "no_byline.txt").read_bytes())
    secret.chmod(0)
    out = tmp_path / "out"
    out.mkdir()
    line = _one_clean_line(_cli("convert", str(secret), "-o", str(out), as_user=True))
    assert "permission denied" in line and "chmod" in line
    assert list(out.iterdir()) == []


def test_damaged_gzip_keeps_what_came_before(tmp_path: Path) -> None:
    import gzip

    data = gzip.compress((DUMPS / "multi_article.txt").read_bytes())
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    report = convert([str(path)], tmp_path / "out")
    assert report.reject_codes.get("corrupt_input") == 1
    assert report.records >= 1
