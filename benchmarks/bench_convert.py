"""Converter throughput and memory: `python benchmarks/bench_convert.py [--articles N]`.

Generates a corpus from the dumps in tests/data and ../shared (each copy made unique), then
runs `newsdump convert` in a fresh process with 1 and 2 workers, without and with quotes, and
prints articles/s, MB/s, the peak RSS of the converting processes and the seconds of each
stage (from the manifest). Then the cost of quotes two ways: the quote stage's share of the
one-worker run, and the share of that run's time that `--no-quotes` saves. Figures, not
assertions: goals live here (2,000 articles/s per core with quotes; quotes at most a
quarter of the time per article), not in timed tests.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Every hand-made fixture set and the reference set: the more distinct articles, the less
# a run gains from caches and predictors that have seen the same text before.
TEMPLATES = [
    *sorted((ROOT / "tests" / "data" / "dumps").glob("*.txt")),
    *sorted((ROOT / "tests" / "data").glob("*/dumps/*.txt")),
    *sorted((ROOT.parent / "shared" / "reference" / "dumps").glob("*.txt")),
]


def _templates() -> list[list[str]]:
    pages = []
    for path in TEMPLATES:
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        for page in text.split("\n date ")[0:1] + [
            " date " + p for p in text.split("\n date ")[1:]
        ]:
            if page.lstrip().startswith("date "):
                pages.append(page.rstrip("\n").split("\n"))
    if not pages:
        sys.exit("no template dumps found: run from a checkout with tests/data")
    return pages


def make_corpus(folder: Path, articles: int, files: int) -> int:
    """Write `articles` unique pages over `files` files; return the corpus size in bytes."""
    pages = _templates()
    folder.mkdir(parents=True, exist_ok=True)
    per_file = -(-articles // files)
    total = 0
    n = 0
    for f in range(files):
        chunk = []
        for _ in range(min(per_file, articles - n)):
            lines = list(pages[n % len(pages)])
            lines[3] = f"{lines[3]} ({n})"  # a unique title makes a unique id
            chunk.append("\n".join(lines) + "\n")
            n += 1
        data = "".join(chunk).encode("utf-8")
        (folder / f"part-{f:04d}.txt").write_bytes(data)
        total += len(data)
    return total


# Runs one conversion in a fresh interpreter and prints its peak RSS (its own and its
# workers'), so each run is measured alone.
_MEASURED = """
import resource, sys
from toolkit.cli import main
code = main(sys.argv[1:])
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(peak)
sys.exit(code)
"""


def run(
    corpus: Path, out: Path, workers: int, articles: int, size: int, quotes: bool
) -> dict[str, Any]:
    """Convert the corpus once; print and return the figures."""
    started = time.perf_counter()
    args = [
        "convert",
        str(corpus),
        "-o",
        str(out),
        "--workers",
        str(workers),
        "--quiet",
        "--quotes" if quotes else "--no-quotes",
    ]
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"convert failed: {proc.stderr.strip()}")
    peak_kib = int(proc.stdout.split()[-1])
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    timings = ", ".join(f"{name} {value:.1f}s" for name, value in manifest["timings"].items())
    stages = ", ".join(f"{name} {value:.1f}s" for name, value in manifest["stage_seconds"].items())
    print(
        f"workers={workers} {'with' if quotes else 'without'} quotes: "
        f"{articles:,} articles in {seconds:.1f}s: "
        f"{articles / seconds:,.0f} articles/s, {size / seconds / 1e6:.1f} MB/s, "
        f"peak RSS {peak_kib / 1024:.0f} MiB ({timings}; stages: {stages})"
    )
    return {"seconds": seconds, "stages": manifest["stage_seconds"]}


def _quote_share(without: dict[str, Any], with_quotes: dict[str, Any], articles: int) -> None:
    """The cost of quotes per article, two ways, from the one-worker runs."""
    per_article = with_quotes["seconds"] / articles * 1e6
    stage = with_quotes["stages"]["quotes"] / with_quotes["seconds"]
    extra = (with_quotes["seconds"] - without["seconds"]) / with_quotes["seconds"]
    from toolkit.quotes import IMPLEMENTATION

    print(f"quote extractor: {IMPLEMENTATION}; one worker, {per_article:.0f} µs per article")
    print(
        f"quote extraction stage: {stage:.0%} of the converter's time per article; "
        f"the run with quotes spends {extra:.0%} of its time on what --no-quotes skips "
        "(extraction, and validating and writing the quotes)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=16)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs of each configuration; the fastest counts (a busy machine only slows runs)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdump-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        size = make_corpus(corpus, args.articles, args.files)
        print(f"corpus: {args.articles:,} articles, {size / 1e6:.1f} MB in {args.files} files")
        runs = {}
        for quotes in (False, True):
            for workers in args.workers:
                out = Path(tmp) / f"out-{workers}-{quotes}"
                tries = []
                for _ in range(max(1, args.repeat)):
                    tries.append(run(corpus, out, workers, args.articles, size, quotes))
                    shutil.rmtree(out)
                runs[workers, quotes] = min(tries, key=lambda r: r["seconds"])
        if 1 in args.workers:
            _quote_share(runs[1, False], runs[1, True], args.articles)


if __name__ == "__main__":
    main()
