"""`newsdump eval`."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import orjson

from toolkit.evaluate.report import evaluate, render


@click.command("eval")
@click.argument("pred", type=click.Path(path_type=Path))
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", is_flag=True, help="List every missed, extra and mis-attributed quote.")
def eval_command(pred: Path, gold: Path, as_json: bool, errors: bool) -> int:
    """Score records against hand-made gold: quotes, speakers, sections and fields.

    PRED is a `newsdump convert` output folder or its records file (a folder or file of raw
    dumps is converted first). GOLD is a folder of gold files in the reference-set format
    (one NAME.json per dump NAME.txt) or one such file.

    Quotes: precision, recall and F1 with exact spans and with ≥80% overlap; speaker accuracy
    on matched quotes, split by how the speaker is mentioned (name, pronoun, description,
    context). Sections: paragraph and heading F1. Fields: exact-match accuracy.
    """
    scores = evaluate(pred, gold)
    if as_json:
        sys.stdout.write(orjson.dumps(scores.as_dict(), option=orjson.OPT_INDENT_2).decode())
        sys.stdout.write("\n")
    else:
        click.echo(render(scores, errors=errors))
    return 0
