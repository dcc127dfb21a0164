"""`quotedb eval`: score the parser against gold attributions (no database involved)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from quotedb.cli.app import main
from quotedb.evaluate import GoldError, ParseFailure, evaluate
from quotedb.evaluate.agreement import agreement
from quotedb.evaluate.gold import SPLITS, read_polnear_twice_marked
from quotedb.evaluate.report import (
    agreement_json,
    as_json,
    render_agreement,
    render_errors,
    render_table,
)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--split",
    type=click.Choice(SPLITS),
    default="dev",
    show_default=True,
    help="PolNeAR split to score (only for a PolNeAR folder).",
)
@click.option(
    "--texts",
    "texts_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder holding the documents a JSON Lines gold names (default: beside the gold file).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table, or the same numbers as JSON.",
)
@click.option(
    "--errors",
    "n_errors",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Also list the N worst misses, false alarms and wrong speakers, with their sentences.",
)
@click.option(
    "--agreement",
    "annotators",
    is_flag=True,
    help="Score PolNeAR's second annotator against the first instead of the parser: "
    "the human ceiling (articles marked twice only).",
)
@click.pass_context
def eval_command(
    ctx: click.Context,
    gold: Path,
    split: str,
    texts_dir: Path | None,
    output_format: str,
    n_errors: int,
    annotators: bool,
) -> None:
    """Score the parser against GOLD: content, speaker and end-to-end figures.

    GOLD is a gold JSON Lines file (or a folder of them), or the PolNeAR data
    folder, the one holding train/ and dev/. Contents match when their
    character sets have Jaccard >= 0.5 (JSON Lines: when one text contains
    the other), one-to-one, best match first.

    \b
    Example:
        quotedb eval ../shared/data/polnear --split dev
        quotedb eval ../shared/gold/000_e82945906d6fb749.jsonl --texts ../shared/seeds --errors 5
        quotedb eval ../shared/data/polnear --split train --agreement
    """
    polnear = gold.is_dir() and any((gold / name).is_dir() for name in SPLITS)
    explicit = click.core.ParameterSource.COMMANDLINE
    if not polnear and ctx.get_parameter_source("split") == explicit:
        raise click.UsageError(
            "--split applies only to a PolNeAR folder (holding train/ and dev/)."
        )
    if polnear and texts_dir is not None:
        raise click.UsageError("--texts applies only to JSON Lines gold; PolNeAR has its texts.")
    if annotators:
        if not polnear or n_errors:
            raise click.UsageError(
                "--agreement applies only to a PolNeAR folder, without --errors."
            )
        try:
            result = agreement(read_polnear_twice_marked(gold, split))
        except GoldError as error:
            raise click.ClickException(str(error)) from None
        if output_format == "json":
            click.echo(json.dumps(agreement_json(result), indent=2))
        else:
            click.echo(render_agreement(result))
        return
    try:
        evaluation = evaluate(gold, split=split, texts_dir=texts_dir)
    except (GoldError, ParseFailure) as error:
        raise click.ClickException(str(error)) from None
    if output_format == "json":
        click.echo(json.dumps(as_json(evaluation, n_errors), indent=2, ensure_ascii=False))
        return
    click.echo(render_table(evaluation))
    if n_errors:
        click.echo("")
        click.echo(render_errors(evaluation, n_errors))
