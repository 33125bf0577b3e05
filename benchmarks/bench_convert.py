"""Converter throughput and memory: `python benchmarks/bench_convert.py [--articles N]`.

Generates a corpus from the dumps in tests/data and ../shared (each copy made unique), then
runs `newsdump convert` in a fresh process with 1 and 2 workers and prints articles/s, MB/s
and the peak RSS of the converting processes. Figures, not assertions: goals live here, not
in timed tests.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = [
    *sorted((ROOT / "tests" / "data" / "dumps").glob("*.txt")),
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


def run(corpus: Path, out: Path, workers: int, articles: int, size: int, quotes: bool) -> None:
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
    timings = json.loads((out / "manifest.json").read_text("utf-8"))["timings"]
    stages = ", ".join(f"{name} {value:.1f}s" for name, value in timings.items())
    print(
        f"workers={workers} {'with' if quotes else 'without'} quotes: "
        f"{articles:,} articles in {seconds:.1f}s: "
        f"{articles / seconds:,.0f} articles/s, {size / seconds / 1e6:.1f} MB/s, "
        f"peak RSS {peak_kib / 1024:.0f} MiB ({stages})"
    )


def _quote_share(corpus: Path) -> None:
    """Per-article cost of quote extraction next to the whole conversion, in one process."""
    from toolkit.records.build import Origin, build_record
    from toolkit.sources.documents import decode, split_documents

    docs = []
    with (corpus / "part-0000.txt").open("rb") as fh:
        for raw in split_documents(fh):
            docs.append(decode(raw.data).text)
            if len(docs) == 2000:
                break
    origin = Origin("bench", "0" * 64, 0, 0, "txt", "utf-8")
    gc.freeze()  # as the converter does: records make no cycles worth collecting
    gc.disable()
    timings = {}
    for quotes in (False, True):
        started = time.perf_counter()
        for doc in docs:
            build_record(doc, origin, quotes=quotes)
        timings[quotes] = (time.perf_counter() - started) / len(docs) * 1e6
    from toolkit.quotes import IMPLEMENTATION

    print(f"quote extractor: {IMPLEMENTATION}")
    share = (timings[True] - timings[False]) / timings[True]
    print(
        f"record building per article: {timings[False]:.0f} µs without quotes, "
        f"{timings[True]:.0f} µs with quotes; quote extraction is {share:.0%} of it"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=16)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdump-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        size = make_corpus(corpus, args.articles, args.files)
        print(f"corpus: {args.articles:,} articles, {size / 1e6:.1f} MB in {args.files} files")
        for quotes in (False, True):
            for workers in args.workers:
                out = Path(tmp) / f"out-{workers}-{quotes}"
                run(corpus, out, workers, args.articles, size, quotes)
                shutil.rmtree(out)
        _quote_share(corpus)


if __name__ == "__main__":
    main()
