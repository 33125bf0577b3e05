"""`newsdump validate`."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit.records.check_file import check_file


@click.command("validate")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--max-errors",
    default=100,
    show_default=True,
    type=click.IntRange(0),
    help="Stop listing after this many problems (0: list all).",
)
def validate_command(file: Path, max_errors: int) -> int:
    """Check every record of a JSONL (.jsonl, .jsonl.gz) or Parquet file against the schema.

    Prints one line per problem (line or row, JSON path, message); exit status 1 when any.
    """
    count = 0
    for problem in check_file(file):
        count += 1
        if not max_errors or count <= max_errors:
            click.echo(str(problem))
    if count:
        click.echo(f"{count:,} problem(s) in {file}", err=True)
        return 1
    click.echo(f"{file}: all records valid", err=True)
    return 0
