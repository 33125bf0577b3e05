"""`newsdump studio start|stop|status|install`: the embedded Label Studio server."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit.annotate.studio import DEFAULT_PORT, HOME_ENV, Status, Studio, install

_HOME = click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Folder for the server's config, database and log [default: ${HOME_ENV} or "
    "./.newsdump/studio].",
)


@click.group("studio")
def studio_group() -> None:
    """Run a local Label Studio (127.0.0.1 only, SQLite) for `newsdump annotate`."""


def _echo(message: str) -> None:
    click.echo(message, err=True)


def _show(status: Status) -> None:
    state = "running" if status.running else "stopped"
    click.echo(f"Label Studio: {state}")
    if status.url:
        click.echo(f"  url:      {status.url}")
    if status.running:
        click.echo(f"  pid:      {status.pid}")
    if status.username:
        click.echo(
            f"  login:    {status.username} (password and token in {status.home}/config.json)"
        )
        click.echo(f"  token:    {status.token}")
    click.echo(f"  log:      {status.log}")


@studio_group.command("start")
@_HOME
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--timeout", default=300, show_default=True, type=click.IntRange(1), help="Seconds to wait."
)
def start_command(home: Path | None, port: int, timeout: int) -> int:
    """Start the server (installs Label Studio into its own venv on first use).

    With gunicorn beside Label Studio (`studio install` puts it there) the server answers
    from one worker process per core (three or four); otherwise `label-studio start` serves
    it from one process.
    """
    status = Studio.locate(home).start(port=port, timeout=timeout, log=_echo)
    _show(status)
    return 0


@studio_group.command("stop")
@_HOME
def stop_command(home: Path | None) -> int:
    """Stop the server started by `studio start`."""
    stopped = Studio.locate(home).stop()
    click.echo("Label Studio stopped" if stopped else "Label Studio was not running")
    return 0


@studio_group.command("status")
@_HOME
def status_command(home: Path | None) -> int:
    """Say whether the server runs, where, and as whom (the token is never shown in full).

    Exit status 0 when it runs, 1 when it does not.
    """
    status = Studio.locate(home).status()
    _show(status)
    return 0 if status.running else 1


@studio_group.command("install")
def install_command() -> int:
    """Install Label Studio and gunicorn into newsdump's own venv now, not on first start."""
    path = install(log=_echo)
    click.echo(f"Label Studio: {path}")
    return 0
