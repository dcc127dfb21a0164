"""Read commands: quotes, who-said, people, person, show, export and graph.

Each command parses its options, calls one function of quotedb.queries and
hands the rows to a writer of quotedb.formats. Every read command takes the
same output options (`output_options`); quotes, export and graph take the same
filters (`filter_options`).
"""

import functools
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click
import sqlalchemy as sa

from quotedb import formats, queries
from quotedb.cli.app import main
from quotedb.cli.db import open_engine
from quotedb.store.models import QUOTE_KINDS

# At the terminal: who said what to whom, through whom, where; the rest is in --json.
QUOTE_TABLE_COLUMNS = (
    "id",
    "date",
    "speaker",
    "recipients",
    "text",
    "claimed_by",
    "source_kind",
    "document_title",
)
PEOPLE_COLUMNS = ("id", "name", "kind", "qid", "said", "received", "about", "description")
WHO_SAID_COLUMNS = (
    "id",
    "quote_id",
    "speaker",
    "speaker_qid",
    "claimed_by",
    "text",
    "kind",
    "match",
    "score",
    "first_date",
    "first_document",
    "documents",
)
WHO_SAID_TABLE_COLUMNS = ("id", "speaker", "text", "match", "first_date", "documents")
EXPORT_FORMATS = ("csv", "jsonl", "parquet", "quotebank", "claimreview")
# The quotation-centric exports: a record per quote, not per occurrence.
QUOTE_EXPORTS = {"quotebank": formats.write_quotebank, "claimreview": formats.write_claimreview}


class AmbiguousNameError(click.ClickException):
    """A name that fits several entities: the user must choose, so exit 2 as for bad usage."""

    exit_code = 2


@contextmanager
def answering() -> Iterator[None]:
    """Turns query and database errors into one-line CLI errors."""
    try:
        yield
    except queries.AmbiguousName as error:
        raise AmbiguousNameError(str(error)) from None
    except queries.QueryError as error:
        raise click.ClickException(str(error)) from None
    except sa.exc.DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise click.ClickException(f"the database failed to answer: {reason}") from None


def output_options(command: Callable) -> Callable:
    """Adds --table (default), --json, --nl, --csv and --tsv, passed on as `fmt`."""
    choices = [
        ("--table", "table", "A readable table (the default)."),
        ("--json", "json", "A JSON array of objects."),
        ("--nl", "nl", "JSON Lines: one object per line."),
        ("--csv", "csv", "CSV with a header row."),
        ("--tsv", "tsv", "Tab-separated values with a header row."),
    ]
    for flag, value, help_text in reversed(choices):
        defaults = {"default": True} if value == "table" else {}
        command = click.option(flag, "fmt", flag_value=value, help=help_text, **defaults)(command)
    return command


def _day(_ctx: click.Context, _param: click.Parameter, value: Any):
    return value.date() if value is not None else None


def filter_options(command: Callable) -> Callable:
    """Adds the quote filters and passes them on as one `where: QuoteFilter`."""
    options = [
        click.option("--speaker", metavar="NAME", help="Said by NAME (a name, alias or QID)."),
        click.option("--to", metavar="NAME", help="Addressed to NAME."),
        click.option("--about", metavar="NAME", help="About NAME."),
        click.option("--claimed-by", metavar="NAME", help="Second-hand: NAME claims it was said."),
        click.option("--source-kind", metavar="KIND", help="First uttered in a letter, tweet, ..."),
        click.option("--search", metavar="TEXT", help="Quote text holds all these words."),
        click.option("--kind", type=click.Choice(QUOTE_KINDS), help="Direct, partial, ..."),
        click.option(
            "--since",
            type=click.DateTime(["%Y-%m-%d"]),
            callback=_day,
            help="Reported on or after this date (YYYY-MM-DD).",
        ),
        click.option(
            "--until",
            type=click.DateTime(["%Y-%m-%d"]),
            callback=_day,
            help="Reported on or before this date (YYYY-MM-DD).",
        ),
        click.option("--document", metavar="ID|URL", help="Reported by this document."),
        click.option(
            "--min-confidence",
            type=click.FloatRange(0, 1),
            metavar="X",
            help="Attribution confidence at least X (0 to 1).",
        ),
        click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N rows."),
    ]
    names = ("speaker", "to", "about", "claimed_by", "source_kind", "search", "kind")
    names += ("since", "until", "document", "min_confidence", "limit")

    @functools.wraps(command)
    def with_filter(*args, **kwargs):
        where = queries.QuoteFilter(**{name: kwargs.pop(name) for name in names})
        return command(*args, where=where, **kwargs)

    for option in reversed(options):
        with_filter = option(with_filter)
    return with_filter


def _stdout() -> IO[str]:
    return sys.stdout


@main.command("quotes")
@filter_options
@output_options
@click.pass_context
def quotes_command(ctx: click.Context, where: queries.QuoteFilter, fmt: str) -> None:
    """List the quotes that match, newest first: who said what to whom, where.

    Names resolve through aliases, ignoring case and accents. Each row's `id`
    is what `quotedb show` takes.

    \b
    Example:
        quotedb quotes --speaker "Kim Jong-un" --to "Donald Trump"
        quotedb quotes --about obama --since 2020-01-01 --csv > obama.csv
    """
    engine = open_engine(ctx)
    with answering():
        rows = queries.quotes(engine, where)
        formats.write_rows(
            rows,
            fmt,
            _stdout(),
            columns=queries.QUOTE_COLUMNS,
            table_columns=QUOTE_TABLE_COLUMNS,
        )


@main.command("who-said")
@click.argument("text")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="At most this many quotes.",
)
@output_options
@click.pass_context
def who_said_command(ctx: click.Context, text: str, limit: int, fmt: str) -> None:
    """Who said TEXT: full-text search, with fuzzy matching for misremembered wording.

    Each hit shows the speaker, the first appearance and every document that
    reported it; `match` says whether the phrase, all its words, or only a
    fuzzy likeness was found.

    \b
    Example:
        quotedb who-said "far beyond smart"
        quotedb who-said "held his hand" --json
    """
    engine = open_engine(ctx)
    with answering():
        hits = queries.who_said(engine, text, limit=limit)
    if fmt == "table":
        for hit in hits:
            hit["documents"] = [doc["title"] or doc["url"] or doc["id"] for doc in hit["documents"]]
    formats.write_rows(
        hits, fmt, _stdout(), columns=WHO_SAID_COLUMNS, table_columns=WHO_SAID_TABLE_COLUMNS
    )
    if not hits:
        click.echo(f"no quote matches {text!r}", err=True)


@main.command("people")
@click.option("--search", metavar="NAME", help="Only names or aliases holding NAME.")
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N people.")
@output_options
@click.pass_context
def people_command(ctx: click.Context, search: str | None, limit: int | None, fmt: str) -> None:
    """List people and other entities with how many quotes they said, received
    and were the subject of, most quoted first.

    \b
    Example:
        quotedb people --search trump
        quotedb people --limit 20 --csv
    """
    engine = open_engine(ctx)
    with answering():
        rows = queries.people(engine, search, limit=limit)
    formats.write_rows(
        rows, fmt, _stdout(), columns=PEOPLE_COLUMNS, table_columns=PEOPLE_COLUMNS[:-1]
    )


def _profile_rows(profile: dict) -> Iterator[dict]:
    """A profile as quote rows with a `relation` column, for CSV / TSV."""
    seen_said: set[int] = set()
    for rows in profile["said"].values():
        for row in rows:
            if row["id"] not in seen_said:
                seen_said.add(row["id"])
                yield {"relation": "said", **row}
    for relation in ("said_to", "said_about", "claimed_by_others"):
        for row in profile[relation]:
            yield {"relation": relation, **row}


def _print_profile(profile: dict, out: IO[str]) -> None:
    aliases = ", ".join(alias["text"] for alias in profile["aliases"]) or "(none)"
    heading = f"{profile['name']} ({profile['kind']}"
    heading += f", {profile['qid']})" if profile["qid"] else ")"
    out.write(f"{heading}\n")
    if profile["description"]:
        out.write(f"{profile['description']}\n")
    out.write(f"aliases: {aliases}\n")
    sections = [(f"said to {recipient}", rows) for recipient, rows in profile["said"].items()] + [
        ("said to them", profile["said_to"]),
        ("said about them", profile["said_about"]),
        ("others claim they said", profile["claimed_by_others"]),
    ]
    for title, rows in sections:
        out.write("\n")
        formats.write_table(rows, out, QUOTE_TABLE_COLUMNS, title=f"{title} ({len(rows)})")


@main.command("person")
@click.argument("name")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    metavar="N",
    help="The newest N quotes they said, N said to them and N about them.",
)
@output_options
@click.pass_context
def person_command(ctx: click.Context, name: str, limit: int | None, fmt: str) -> None:
    """Profile of NAME: aliases, QID, description; what they said (by recipient),
    what was said to and about them, and what others claim they said.

    --json and --nl print the profile as one object; --csv and --tsv print its
    quotes with a `relation` column.

    \b
    Example:
        quotedb person Kim
        quotedb person "kim jong un" --limit 20 --json
    """
    engine = open_engine(ctx)
    with answering():
        profile = queries.person(engine, name, limit=limit)
    out = _stdout()
    if fmt in ("json", "nl"):
        out.write(formats.to_json(profile) + "\n")
    elif fmt == "table":
        _print_profile(profile, out)
    else:
        formats.write_rows(
            _profile_rows(profile), fmt, out, columns=("relation", *queries.QUOTE_COLUMNS)
        )


def _print_evidence(evidence: dict, out: IO[str]) -> None:
    recipients = ", ".join(evidence["recipients"]) or "(no recipient)"
    out.write(
        f"occurrence {evidence['id']} of quote {evidence['quote_id']}: "
        f"{evidence['speaker'] or '(unknown speaker)'} -> {recipients}\n"
    )
    if evidence["claimed_by"]:
        out.write(f"claimed by: {evidence['claimed_by']}\n")
    if evidence["not_a_quote"]:
        out.write("NOT A QUOTE (a person's correction: queries leave it out)\n")
    machine, corrected = evidence["machine"], {c["field"] for c in evidence["corrections"]}
    if machine["speaker"] != evidence["speaker"] and "speaker" not in corrected:
        out.write(f"merged: the machine's speaker {machine['speaker']} is {evidence['speaker']}\n")
    for correction in evidence["corrections"]:
        out.write(
            f"corrected {correction['field']}: machine said {_shown(correction['original'])}, "
            f"now {_shown(correction['value'])} (action {correction['action_id']}, "
            f"{correction['user']}: {correction['note'] or 'no note'})\n"
        )
    out.write(f"kind: {evidence['kind']}   rule: {evidence['rule']}   ")
    out.write(f"confidence: {evidence['confidence']}\n\n")
    out.write(f"{evidence['marked']}\n")
    out.write("  ([[content]]  {speaker mention}  <cue>)\n\n")
    steps = []
    for step in evidence["chain"]:
        label = step["kind"] or "source"
        if step.get("title"):
            label += f" {step['title']!r}"
        if step.get("author"):
            label += f" by {step['author']}"
        details = [str(part) for part in (step.get("publisher"), step.get("published")) if part]
        if details:
            label += f" ({', '.join(details)})"
        steps.append(label)
    out.write("reporting chain: " + " -> ".join(steps) + "\n")
    if evidence["document_url"]:
        out.write(f"document: {evidence['document_url']}\n")


def _shown(value: Any) -> str:
    """A corrected or original value as words: names, a kind, or yes / no."""
    if isinstance(value, dict):
        return value["name"]
    if isinstance(value, list):
        return ", ".join(entity["name"] for entity in value) or "nobody"
    if isinstance(value, bool):
        return "not a quote" if value else "a quote"
    return str(value) if value is not None else "nothing"


@main.command("show")
@click.argument("occurrence_id", metavar="ID", type=int)
@output_options
@click.pass_context
def show_command(ctx: click.Context, occurrence_id: int, fmt: str) -> None:
    """The evidence for quote row ID: the paragraph with the content, speaker
    mention and cue marked, the rule that linked them, the confidence, and the
    reporting chain from the first utterance to the document.

    --json and --nl print the evidence as one object.

    \b
    Example:
        quotedb show 4
        quotedb show 4 --json
    """
    engine = open_engine(ctx)
    with answering():
        evidence = queries.show(engine, occurrence_id)
    out = _stdout()
    if fmt in ("json", "nl"):
        out.write(formats.to_json(evidence) + "\n")
    elif fmt == "table":
        _print_evidence(evidence, out)
    else:
        formats.write_rows([evidence], fmt, out)


@contextmanager
def _output_file(path: str) -> Iterator[IO[str]]:
    """A text file written in full or not at all: a temporary file renamed at the end."""
    if path == "-":
        yield _stdout()
        return
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


@contextmanager
def _output_path(path: str) -> Iterator[str]:
    """Like _output_file, for writers that open the path themselves (parquet)."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def _check_folder(path: str) -> None:
    if path != "-" and not Path(path).resolve().parent.is_dir():
        raise click.BadParameter(f"no folder {Path(path).parent} to write into", param_hint="'-o'")


@main.command("export")
@click.option(
    "--format",
    "export_format",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="csv / jsonl / parquet: a row per quote occurrence; quotebank: Quotebank JSON "
    "Lines; claimreview: schema.org ClaimReview JSON-LD for reviewed quotes, Claim for the rest.",
)
@click.option("-o", "--output", required=True, metavar="FILE", help="File to write (- for stdout).")
@filter_options
@click.pass_context
def export_command(
    ctx: click.Context, export_format: str, output: str, where: queries.QuoteFilter
) -> None:
    """Export the quotes that match (same filters as `quotes`) to FILE.

    The file is written completely or not at all.

    \b
    Example:
        quotedb export --format csv -o quotes.csv
        quotedb export --format parquet --speaker "Donald Trump" -o trump.parquet
        quotedb export --format claimreview --about "Barack Obama" -o claims.jsonld
    """
    _check_folder(output)
    if export_format == "parquet" and output == "-":
        raise click.BadParameter("parquet needs a file, not stdout", param_hint="'-o'")
    engine = open_engine(ctx)
    with answering():
        if export_format in ("quotebank", "claimreview"):
            rows = queries.quote_groups(engine, where)
            write = QUOTE_EXPORTS[export_format]
            with _output_file(output) as out:
                count = write(rows, out)
            unit = "quotes"
        elif export_format == "parquet":
            tuples = queries.quote_tuples(engine, where, order="id")
            unit = "rows"
            try:
                with _output_path(output) as path:
                    count = formats.write_parquet(tuples, path, queries.QUOTE_COLUMNS)
            except formats.MissingDependency as error:
                raise click.ClickException(str(error)) from None
        elif export_format == "csv":
            tuples = queries.quote_tuples(
                engine, where, order="id", list_separator=formats.LIST_SEPARATOR
            )
            unit = "rows"
            with _output_file(output) as out:
                count = formats.write_csv(tuples, out, queries.QUOTE_COLUMNS)
        else:
            rows = queries.quotes(engine, where, order="id")
            unit = "rows"
            with _output_file(output) as out:
                count = formats.write_nl(rows, out)
    if output != "-":
        click.echo(f"wrote {count} {unit} to {output}", err=True)


@main.command("graph")
@click.option(
    "--format",
    "graph_format",
    type=click.Choice(tuple(formats.GRAPH_WRITERS)),
    default="graphml",
    show_default=True,
    help="graphml (Gephi, networkx, yEd) or csv (Gephi's Source,Target,Weight edge list).",
)
@click.option("-o", "--output", required=True, metavar="FILE", help="File to write (- for stdout).")
@filter_options
@click.pass_context
def graph_command(
    ctx: click.Context, graph_format: str, output: str, where: queries.QuoteFilter
) -> None:
    """Export the who-to-whom network: speaker -> recipient edges weighted by the
    number of quotes (same filters as `quotes`).

    \b
    Example:
        quotedb graph --format graphml -o network.graphml
        quotedb graph --format csv --since 2020-01-01 -o edges.csv
    """
    _check_folder(output)
    engine = open_engine(ctx)
    with answering():
        edges = queries.edges(engine, where)
    with _output_file(output) as out:
        count = formats.GRAPH_WRITERS[graph_format](edges, out)
    if output != "-":
        click.echo(f"wrote {count} edges to {output}", err=True)
