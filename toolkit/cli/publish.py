"""`newsdump publish`, `newsdump verify` and `newsdump load`."""

from __future__ import annotations

import os
from pathlib import Path

import click
import orjson

from toolkit.errors import InputError
from toolkit.publish.build import ReleaseOptions
from toolkit.publish.shards import DEFAULT_SHARD_BYTES
from toolkit.publish.splits import parse_ratios

MIB = 1024 * 1024


@click.command("publish")
@click.argument("records", type=click.Path(path_type=Path))
@click.option("--name", required=True, help="Dataset name (the card's pretty_name).")
@click.option("--version", "version", required=True, help="Semantic version: X.Y.Z.")
@click.option(
    "--to",
    "target",
    type=click.Path(path_type=Path),
    help="Local dataset repository (git, one tag per version); made when new or empty.",
)
@click.option("--hub", "hub", metavar="ORG/NAME", help="Hugging Face dataset repository.")
@click.option(
    "--dry-run", is_flag=True, help="With --hub: list what would be uploaded, upload nothing."
)
@click.option(
    "--splits",
    "splits",
    default="80/10/10",
    show_default=True,
    help="train/validation/test ratios (articles of earlier versions keep their split).",
)
@click.option("--license", "license_", default="other", show_default=True, help="License id.")
@click.option(
    "--shard-mb",
    default=DEFAULT_SHARD_BYTES // MIB,
    show_default=True,
    type=click.IntRange(1),
    help="Largest Parquet shard, in MiB.",
)
@click.option(
    "--annotation-report",
    type=click.Path(path_type=Path, dir_okay=False),
    help="JSON figures of `newsdump annotate report --json` (agreement, parser accuracy) for "
    "the card [default: annotation_report.json beside RECORDS, as `annotate merge` writes].",
)
def publish_command(
    records: Path,
    name: str,
    version: str,
    target: Path | None,
    hub: str | None,
    dry_run: bool,
    splits: str,
    license_: str,
    shard_mb: int,
    annotation_report: Path | None,
) -> int:
    """Publish records as a versioned Hugging Face dataset.

    RECORDS is a `newsdump convert` (or `annotate merge`) output folder, or its JSONL or
    Parquet file. The release has two configs, `articles` and `quotes`, split into train,
    validation and test by article id, with a dataset card, CHANGELOG.md, croissant.json and
    a manifest of sha256 checksums.

    --to DIR commits the release to a local git repository and tags it vX.Y.Z. --hub ORG/NAME
    uploads it in one commit and tags it; the token comes from HF_TOKEN.

    Exit status: 0 published; 2 refused (bad version, target or records): nothing written.
    """
    if (target is None) == (hub is None):
        raise click.UsageError("give exactly one of --to DIR and --hub ORG/NAME.")
    if dry_run and hub is None:
        raise click.UsageError("--dry-run goes with --hub.")
    options = ReleaseOptions(
        name=name,
        version=version,
        ratios=parse_ratios(splits),
        license=license_,
        max_shard_bytes=shard_mb * MIB,
        annotation_report=_report(annotation_report or _merged_report(records)),
    )
    if target is not None:
        from toolkit.publish.release import publish_local

        result = publish_local(records, target, options)
    else:
        assert hub is not None
        from toolkit.publish.hub import default_api, publish_hub

        token = os.environ.get("HF_TOKEN")
        if not token and not dry_run:
            raise InputError("set HF_TOKEN to a Hugging Face write token to publish to the Hub.")
        result = publish_hub(
            records, hub, options, default_api(token), dry_run=dry_run, echo=click.echo
        )
    click.echo(result.summary())
    return 0


def _merged_report(records: Path) -> Path | None:
    """The figures `annotate merge` leaves beside merged records, used unless given."""
    from toolkit.annotate.api import REPORT

    found = records / REPORT if records.is_dir() else records.parent / REPORT
    return found if found.is_file() else None


def _report(path: Path | None) -> dict[str, object] | None:
    if path is None:
        return None
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        raise InputError(f"--annotation-report {str(path)!r} is not a readable JSON file.") from exc
    if not isinstance(data, dict):
        raise InputError(f"--annotation-report {str(path)!r} must hold a JSON object.")
    return data


@click.command("verify")
@click.argument("folder", type=click.Path(path_type=Path))
def verify_command(folder: Path) -> int:
    """Check a published dataset folder against its manifest.json.

    Prints one line per missing, changed or unlisted file; exit status 1 when any.
    """
    from toolkit.publish.manifest import verify

    problems = [str(problem) for problem in verify(folder)]
    for line in problems:
        click.echo(line)
    if problems:
        click.echo(f"{len(problems)} problem(s) in {folder}", err=True)
        return 1
    click.echo(f"{folder}: every file matches manifest.json", err=True)
    return 0


@click.command("load")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--records",
    type=click.Path(path_type=Path),
    help="Compare every row, field by field, with these records (a convert output or file).",
)
def load_command(folder: Path, records: Path | None) -> int:
    """Load a published folder with `datasets.load_dataset`, offline, and say how to load it.

    With --records, every row of every config and split must equal its record; exit status 1
    when any differs.
    """
    from toolkit.publish.load import load_release

    report = load_release(folder, records)
    for config, rows in report.rows.items():
        counts = ", ".join(f"{split} {n:,}" for split, n in rows.items())
        click.echo(f"{config}: {counts}")
    for problem in report.problems:
        click.echo(problem)
    if records is not None and not report.problems:
        click.echo(f"all {report.compared:,} rows equal the records in {records}")
    click.echo(f"\nThe dataset is in {folder.resolve()}. Load it with:\n\n{report.how_to_load()}")
    return 1 if report.problems else 0
