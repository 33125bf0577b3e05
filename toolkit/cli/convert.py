"""`newsdump convert`."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import orjson

from toolkit.pipeline.options import MIB, ConvertOptions
from toolkit.pipeline.progress import ProgressLine
from toolkit.pipeline.run import convert


@click.command("convert")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="Output folder: articles.jsonl, articles.parquet, rejects.jsonl, manifest.json.",
)
@click.option(
    "--workers",
    "-w",
    default=1,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Worker processes (one input file or archive member per task).",
)
@click.option(
    "--gzip", "compress", is_flag=True, help="Write articles.jsonl.gz instead of articles.jsonl."
)
@click.option(
    "--strict",
    is_flag=True,
    help="Any reject fails the run: exit 1 and write no records (rejects.jsonl and "
    "manifest.json still say why).",
)
@click.option(
    "--max-document-mb",
    default=256,
    show_default=True,
    type=click.IntRange(1),
    help="Reject single documents larger than this as `too_large`.",
)
@click.option(
    "--quotes/--no-quotes",
    default=True,
    show_default=True,
    help="Extract quotes and their speakers into each record's `quotes`.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON on stdout.")
def convert_command(
    inputs: tuple[str, ...],
    out: Path,
    workers: int,
    compress: bool,
    strict: bool,
    max_document_mb: int,
    quotes: bool,
    quiet: bool,
    as_json: bool,
) -> int:
    """Convert NewsBreak dumps into schema-validated records.

    INPUT is a dump file (.txt or .txt.gz, one or many articles), a directory (searched
    recursively) or a .tar / .tar.gz archive. Every document becomes a record in
    OUT/articles.jsonl and OUT/articles.parquet, or an explained reject in OUT/rejects.jsonl;
    OUT/manifest.json balances the counts.

    Exit status: 0 all converted; 1 some documents rejected (records still written, except
    with --strict); 2 could not run (bad path, unwritable output).
    """
    options = ConvertOptions(
        workers=workers,
        compress_jsonl=compress,
        strict=strict,
        max_document_bytes=max_document_mb * MIB,
        quotes=quotes,
    )
    progress = ProgressLine(0, enabled=None if not quiet and not as_json else False)
    report = convert(list(inputs), out, options, progress)
    if as_json:
        sys.stdout.write(orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2).decode() + "\n")
    elif not quiet:
        click.echo(report.summary(), err=True)
    return 1 if report.rejects else 0
