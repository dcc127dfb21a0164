"""`quotedb parse`: run the parser over text files and print its attributions; no database."""

from __future__ import annotations

import json
import os

import click

from quotedb.cli.app import main
from quotedb.parse import Quote, parse
from quotedb.readers import RawDocument, read_documents

# Long enough to recognise a quote in a terminal table, short enough to keep its row on a line.
TABLE_TEXT_CHARS = 60


@main.command("parse")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="One JSON attribution a line, or a readable table.",
)
@click.pass_context
def parse_command(ctx: click.Context, files: tuple[str, ...], output_format: str) -> None:
    """Print the attributions the parser finds in each text FILE ("-" reads stdin).

    Each FILE is read as UTF-8 text; offsets are string indices into that
    text, so text[start:end] is the quote's content. Nothing is stored.

    \b
    Example:
        quotedb parse seeds/000_e82945906d6fb749.txt
        quotedb parse --format table article.txt
        echo '"We will win," she said.' | quotedb parse -
    """
    failed = False
    for result in read_documents(files, format="txt"):
        if not isinstance(result, RawDocument):
            # One bad file is reported on its line; the other files are still parsed.
            click.echo(f"Error: {result}", err=True)
            failed = True
            continue
        doc = os.path.basename(result.origin.path)
        try:
            quotes = parse(result.text).quotes
        # A parser bug: name the file and the cause on one line, not a traceback.
        except Exception as error:  # noqa: BLE001
            click.echo(
                f"Error: {result.origin}: the parser failed ({type(error).__name__}: {error})",
                err=True,
            )
            failed = True
            continue
        if output_format == "jsonl":
            for quote in quotes:
                click.echo(json.dumps(quote.to_dict(doc=doc), ensure_ascii=False))
        else:
            print_table(doc, quotes)
    if failed:
        ctx.exit(1)


def print_table(doc: str, quotes: tuple[Quote, ...]) -> None:
    """One rich table for a document: who said what to whom, how and via whom."""
    # Imported here: rich costs ~50 ms of every command's start-up, and only tables use it.
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=f"{doc}: {len(quotes)} attributions",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1, 0, 0),
    )
    # Fixed widths for the short columns leave the rest of the terminal to the quote's text.
    table.add_column("speaker -> recipients", width=16)
    table.add_column("kind", width=8)
    table.add_column("text")
    table.add_column("cue", width=9)
    table.add_column("source", width=11)
    table.add_column("claimed_by", width=12)
    for quote in quotes:
        cells = (
            who_to_whom(quote),
            quote.kind,
            shorten(quote.text),
            quote.cue.text if quote.cue else "",
            describe_source(quote),
            quote.claimed_by or "",
        )
        # Text cells, not strings: a quote holding "[b]" is not rich markup.
        table.add_row(*(Text(cell) for cell in cells))
    Console(soft_wrap=False).print(table)


def who_to_whom(quote: Quote) -> str:
    speaker = quote.speaker or "(unknown)"
    if not quote.recipients:
        return speaker
    return f"{speaker} -> {', '.join(quote.recipients)}"


def shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TABLE_TEXT_CHARS:
        return text
    return text[: TABLE_TEXT_CHARS - 1].rstrip() + "…"


def describe_source(quote: Quote) -> str:
    source = quote.source
    if source is None or source.kind == "unknown":
        return ""
    described = source.kind
    if source.title:
        described += f" {source.title}"
    if source.author:
        described += f" by {source.author}"
    return described
