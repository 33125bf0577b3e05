"""The `newsdump` command line: a thin layer that parses options, calls the library and turns
its typed exceptions into one-line errors. One module per command group."""

from __future__ import annotations

import sys

import click

from toolkit._version import __version__
from toolkit.cli.annotate import annotate_group
from toolkit.cli.convert import convert_command
from toolkit.cli.eval import eval_command
from toolkit.cli.publish import load_command, publish_command, verify_command
from toolkit.cli.studio import studio_group
from toolkit.cli.validate import validate_command
from toolkit.errors import NewsdumpError

EXIT_OK = 0
EXIT_PROBLEMS = 1  # ran to the end, found problems (rejects under --strict, invalid records)
EXIT_COULD_NOT_RUN = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdump")
def cli() -> None:
    """Turn raw NewsBreak news-page dumps into research-grade datasets."""


cli.add_command(convert_command)
cli.add_command(validate_command)
cli.add_command(eval_command)
cli.add_command(studio_group)
cli.add_command(annotate_group)
cli.add_command(publish_command)
cli.add_command(verify_command)
cli.add_command(load_command)


def main(argv: list[str] | None = None) -> int:
    try:
        result = cli.main(args=argv, prog_name="newsdump", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("newsdump: interrupted; nothing was written under a final name.", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return EXIT_COULD_NOT_RUN
    except NewsdumpError as exc:
        click.echo(f"newsdump: error: {exc}", err=True)
        return EXIT_COULD_NOT_RUN
    except KeyboardInterrupt:
        click.echo("newsdump: interrupted; nothing was written under a final name.", err=True)
        return 130
    return result if isinstance(result, int) else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
