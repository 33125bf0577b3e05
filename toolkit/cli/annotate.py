"""`newsdump annotate push|pull|merge|report`: the Label Studio round trip."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
import orjson

from toolkit.annotate import api
from toolkit.annotate.client import TOKEN_ENV

F = TypeVar("F", bound=Callable[..., Any])

_URL = click.option(
    "--url",
    default=None,
    help=f"Label Studio URL [default: the `newsdump studio` server]; the token comes from "
    f"${TOKEN_ENV}.",
)
_PROJECT = click.option("--project", "-p", required=True, help="Label Studio project title.")
_HOME = click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the `newsdump studio` server (as given to `studio start --home`).",
)


def _out(help_text: str) -> Callable[[F], F]:
    return click.option(
        "-o",
        "--out",
        required=True,
        type=click.Path(file_okay=False, path_type=Path),
        help=help_text,
    )


@click.group("annotate")
def annotate_group() -> None:
    """Check converter output by hand in Label Studio and merge the corrections back."""


@annotate_group.command("push")
@click.argument("records", type=click.Path(path_type=Path))
@_PROJECT
@_URL
@_HOME
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1, 10000))
def push_command(
    records: Path, project: str, url: str | None, home: Path | None, batch_size: int
) -> int:
    """Create or update one pre-annotated task per record of RECORDS.

    RECORDS is a `convert` output folder, or its JSONL or Parquet file. Pushing again adds
    only what is missing and updates tasks whose text changed.
    """
    loaded = api.load_records(records)
    stderr: Any = sys.stderr
    if not stderr.isatty():  # a bar is for people watching; logs get the summary line only
        report = api.push_records(loaded, project, url=url, home=home, batch_size=batch_size)
    else:
        with click.progressbar(length=len(loaded), label="pushing", file=stderr) as bar:
            report = api.push_records(
                loaded, project, url=url, home=home, batch_size=batch_size, progress=bar.update
            )
    click.echo(
        f"project {project!r} (id {report.project_id}): {report.created} created, "
        f"{report.updated} updated, {report.unchanged} unchanged, "
        f"{report.predictions_refreshed} predictions refreshed"
    )
    if report.duplicate_records:
        click.echo(
            f"{report.duplicate_records} duplicate record(s) in the input pushed once", err=True
        )
    if report.duplicate_tasks:
        click.echo(
            f"{len(report.duplicate_tasks)} extra task(s) for an article already on the "
            f"server (ids {report.duplicate_tasks[:10]}): delete them in Label Studio",
            err=True,
        )
    for dropped in report.regions_dropped:
        click.echo(
            f"dropped {dropped.label} region {dropped.text[:50]!r} of annotation "
            f"{dropped.annotation_id} ({dropped.article_id}): its words are gone from the new text",
            err=True,
        )
    return 0


@annotate_group.command("pull")
@_PROJECT
@_out("Folder for annotations.jsonl, predictions.jsonl, problems.jsonl and pull.json.")
@_URL
@_HOME
def pull_command(project: str, out: Path, url: str | None, home: Path | None) -> int:
    """Export every annotation of a project as validated annotation records.

    Exit status 1 when some annotation could not be used (listed in problems.jsonl).
    """
    report = api.pull_annotations(project, out, url=url, home=home)
    click.echo(
        f"{report.annotations} annotation(s) ({report.cancelled} cancelled) on {report.tasks} "
        f"task(s), {report.predictions} prediction(s) -> {out} in {report.seconds:.1f} s"
    )
    for problem in report.problems:
        click.echo(
            f"problem: task {problem.task_id} annotation {problem.annotation_id}: "
            f"{problem.code}: {problem.message}",
            err=True,
        )
    return 1 if report.problems else 0


@annotate_group.command("merge")
@click.argument("records", type=click.Path(path_type=Path))
@click.argument("annotations", type=click.Path(path_type=Path))
@_out("Folder for the merged articles.jsonl, articles.parquet and merge.json.")
def merge_command(records: Path, annotations: Path, out: Path) -> int:
    """Records with human-checked sections, quotes and speakers in place of predicted ones.

    ANNOTATIONS is a `pull` folder or its annotations.jsonl. Exit status 1 when some
    annotation could not be merged (listed in merge.json).
    """
    report = api.merge_files(records, annotations, out)
    click.echo(
        f"{report.merged} of {report.records} record(s) human-checked "
        f"({report.not_article} marked not an article), {report.unchecked} unchecked -> {out}"
    )
    for problem in report.problems:
        click.echo(f"problem: {problem.article_id}: {problem.code}: {problem.message}", err=True)
    return 1 if report.problems else 0


@annotate_group.command("report")
@click.argument("annotations", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def report_command(annotations: Path, as_json: bool) -> int:
    """Agreement between annotators and the converter's accuracy against people.

    ANNOTATIONS is a `pull` folder (annotations.jsonl and predictions.jsonl).
    """
    figures = api.report_files(annotations)
    if as_json:
        click.echo(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode())
    else:
        click.echo(api.format_report(figures))
    return 0
