"""Regenerate the README parts that are derived: the record field table (from the schema) and
the command reference (from `--help`). `--check` fails when the README is out of date."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import click

from toolkit.cli import cli
from toolkit.schema import field_docs

README = Path(__file__).resolve().parent.parent / "README.md"


def fields_table() -> str:
    rows = ["| field | type | description |", "|---|---|---|"]
    for path, kind, description in field_docs():
        text = description.replace("|", "\\|").replace("\n", " ")
        rows.append(f"| `{path}` | {kind} | {text} |")
    return "\n".join(rows)


def cli_reference() -> str:
    parts = []
    # A fixed width, so the text does not depend on the terminal that ran this.
    ctx = click.Context(cli, info_name="newsdump", terminal_width=88, max_content_width=88)
    parts.append("```\n" + cli.get_help(ctx) + "\n```")
    group: click.Group = cli
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        sub = click.Context(command, info_name=name, parent=ctx)
        parts.append(f"### `newsdump {name}`\n\n```\n{command.get_help(sub)}\n```")
    return "\n\n".join(parts)


def render(text: str) -> str:
    for marker, body in (("fields", fields_table()), ("cli", cli_reference())):
        pattern = re.compile(rf"(<!-- {marker}:start -->\n).*?(<!-- {marker}:end -->)", re.DOTALL)
        if not pattern.search(text):
            raise SystemExit(f"README.md has no <!-- {marker}:start/end --> markers")
        replacement = body + "\n"
        text = pattern.sub(lambda m: m.group(1) + replacement + m.group(2), text)  # noqa: B023
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if README.md is stale")
    args = parser.parse_args()
    current = README.read_text("utf-8")
    fresh = render(current)
    if args.check:
        if fresh != current:
            print("README.md is out of date: run `make docs`", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
