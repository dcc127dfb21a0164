"""Curation commands: correct, merge, split, alias, entity set, review, history, undo.

Each command parses its options and calls one function of quotedb.curation (one
transaction each), then prints the action it recorded: `quotedb undo ID` takes
that id. Names resolve as in `quotes`: an unknown name exits 1, a name that fits
several entities exits 2 and lists them.
"""

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from quotedb import curation, formats
from quotedb.cli.app import main
from quotedb.cli.db import open_engine
from quotedb.cli.query import answering, output_options
from quotedb.store.reparse import reparse

NOTE_HELP = "Why: kept in the history beside your name."


class BadRequestError(click.ClickException):
    """A malformed request (bad QID, URL, source kind): a usage error, on one line."""

    exit_code = 2


@contextmanager
def deciding() -> Iterator[None]:
    """Turns curation errors into one-line CLI errors (bad requests exit 2)."""
    with answering():
        try:
            yield
        except curation.BadRequest as error:
            raise BadRequestError(str(error)) from None


def _done(result: dict) -> None:
    click.echo(f"action {result['action_id']}: {result['summary']}")


@main.command("correct")
@click.argument("occurrence_id", metavar="ID", type=int)
@click.option("--speaker", metavar="NAME", help="Who really said it (a name, alias or QID).")
@click.option(
    "--recipient",
    "recipients",
    metavar="NAME",
    multiple=True,
    help="Whom it was really addressed to; repeat for several.",
)
@click.option("--no-recipients", is_flag=True, help="It was addressed to nobody in particular.")
@click.option("--source-kind", metavar="KIND", help="The medium it was first uttered in.")
@click.option("--not-a-quote", is_flag=True, help="The parser was wrong: nobody said this.")
@click.option("--note", required=True, help="Why (required): what the evidence shows.")
@click.pass_context
def correct_command(
    ctx: click.Context,
    occurrence_id: int,
    speaker: str | None,
    recipients: tuple[str, ...],
    no_recipients: bool,
    source_kind: str | None,
    not_a_quote: bool,
    note: str,
) -> None:
    """Correct quote row ID (the `id` that `quotedb quotes` prints): its speaker,
    recipients, source kind, or that it is not a quote at all.

    The correction is applied over the parser's output, survives re-ingesting,
    and `quotedb show ID` shows it beside the machine's original.

    \b
    Example:
        quotedb correct 12 --speaker "Kim Yo-jong" --note "statement was hers (KCNA)"
        quotedb correct 7 --recipient "Moon Jae-in" --source-kind letter --note "see para 3"
        quotedb correct 9 --not-a-quote --note "a headline, not speech"
    """
    if recipients and no_recipients:
        raise click.UsageError("give --recipient or --no-recipients, not both")
    engine = open_engine(ctx)
    with deciding():
        result = curation.correct(
            engine,
            occurrence_id,
            note=note,
            speaker=speaker,
            recipients=[] if no_recipients else list(recipients) or None,
            source_kind=source_kind,
            not_a_quote=not_a_quote,
        )
    _done(result)


@main.command("merge")
@click.argument("name_a")
@click.argument("name_b")
@click.option("--note", help=NOTE_HELP)
@click.pass_context
def merge_command(ctx: click.Context, name_a: str, name_b: str, note: str | None) -> None:
    """NAME_A and NAME_B are one entity: NAME_A's quotes, links and aliases count as
    NAME_B's (which keeps its name and QID), and either name finds them all.

    \b
    Example:
        quotedb merge "Kim Jong Un" "Kim Jong-un"
        quotedb merge "the Donald" Q22686 --note "nickname in op-eds"
    """
    engine = open_engine(ctx)
    with deciding():
        _done(curation.merge(engine, name_a, name_b, note=note))


@main.command("split")
@click.argument("name")
@click.argument("alias")
@click.option("--note", help=NOTE_HELP)
@click.pass_context
def split_command(ctx: click.Context, name: str, alias: str, note: str | None) -> None:
    """Take ALIAS, wrongly merged into NAME, back out into an entity of its own; the
    quotes whose text named the speaker ALIAS move to it.

    \b
    Example:
        quotedb split "Kim Jong-un" "Kim"
    """
    engine = open_engine(ctx)
    with deciding():
        result = curation.split(engine, name, alias, note=note)
    _done(result)


@main.group("alias")
def alias_group() -> None:
    """Add or remove another name of an entity.

    \b
    Example:
        quotedb alias add "Kim Jong-un" "Rocket Man"
        quotedb alias remove "Kim Jong-un" "the dictator"
    """


@alias_group.command("add")
@click.argument("name")
@click.argument("alias")
@click.option("--note", help=NOTE_HELP)
@click.pass_context
def alias_add_command(ctx: click.Context, name: str, alias: str, note: str | None) -> None:
    """ALIAS is another name of NAME: queries by ALIAS find NAME.

    \b
    Example:
        quotedb alias add "Kim Jong-un" "Rocket Man"
    """
    engine = open_engine(ctx)
    with deciding():
        _done(curation.alias(engine, "add", name, alias, note=note))


@alias_group.command("remove")
@click.argument("name")
@click.argument("alias")
@click.option("--note", help=NOTE_HELP)
@click.pass_context
def alias_remove_command(ctx: click.Context, name: str, alias: str, note: str | None) -> None:
    """ALIAS is not a name of NAME (the machine's alias stays removed after re-ingest).

    \b
    Example:
        quotedb alias remove "Kim Jong-un" "the dictator"
    """
    engine = open_engine(ctx)
    with deciding():
        _done(curation.alias(engine, "remove", name, alias, note=note))


@main.group("entity")
def entity_group() -> None:
    """Edit what is known of an entity.

    \b
    Example:
        quotedb entity set "Kim Jong-un" --qid Q56226 --description "leader of North Korea"
    """


@entity_group.command("set")
@click.argument("name")
@click.option("--qid", metavar="Q..", help="Its Wikidata QID.")
@click.option("--description", metavar="TEXT", help="A short description.")
@click.option("--note", help=NOTE_HELP)
@click.pass_context
def entity_set_command(
    ctx: click.Context,
    name: str,
    qid: str | None,
    description: str | None,
    note: str | None,
) -> None:
    """Set NAME's Wikidata QID and / or description.

    \b
    Example:
        quotedb entity set "Kim Yo-jong" --qid Q7150995 --description "sister of Kim Jong-un"
    """
    engine = open_engine(ctx)
    with deciding():
        _done(curation.entity_set(engine, name, qid=qid, description=description, note=note))


@main.command("review")
@click.argument("occurrence_id", metavar="ID", type=int)
@click.option(
    "--rating", required=True, metavar="TEXT", help="The verdict: false, misleading, true, ..."
)
@click.option("--url", required=True, metavar="URL", help="Where the fact-check is published.")
@click.option("--reviewer", metavar="NAME", help="Who reviewed it (default: you).")
@click.option("--note", help=NOTE_HELP)
@click.pass_context
def review_command(
    ctx: click.Context,
    occurrence_id: int,
    rating: str,
    url: str,
    reviewer: str | None,
    note: str | None,
) -> None:
    """Attach a fact-check verdict to the quote of row ID (the `id` that `quotedb quotes`
    prints; the verdict covers the quote wherever it is reported). `export --format
    claimreview` then writes it as a schema.org ClaimReview.

    \b
    Example:
        quotedb review 9 --rating false --url https://factcheck.example/kim-smart
    """
    engine = open_engine(ctx)
    with deciding():
        result = curation.review(
            engine, occurrence_id, rating=rating, url=url, reviewer=reviewer, note=note
        )
    _done(result)


@main.command("history")
@click.argument("subject", metavar="[ID|NAME]", required=False)
@click.option("--stale", is_flag=True, help="Only corrections that no longer apply.")
@output_options
@click.pass_context
def history_command(ctx: click.Context, subject: str | None, stale: bool, fmt: str) -> None:
    """The audit trail, newest first: who decided what, when and why, and whether it
    is in force, undone, or no longer applies. Give a quote row ID or a NAME to see
    only the actions about it.

    --stale lists the corrections whose quote is gone from the current version of
    its document (a changed article, a better parser): kept, for you to redo.

    \b
    Example:
        quotedb history
        quotedb history 12
        quotedb history "Kim Jong-un" --json
        quotedb history --stale
    """
    engine = open_engine(ctx)
    with deciding():
        if stale:
            rows = curation.stale_corrections(engine)
            columns = ("action_id", "field", "value", "quote_key", "document_id", "user", "note")
        else:
            rows = curation.history(engine, subject)
            columns = curation.HISTORY_COLUMNS
    formats.write_rows(rows, fmt, sys.stdout, columns=columns)


@main.command("undo")
@click.argument("action_id", metavar="ACTION_ID", type=int)
@click.option("--note", help=NOTE_HELP)
@click.pass_context
def undo_command(ctx: click.Context, action_id: int, note: str | None) -> None:
    """Undo action ACTION_ID (see `quotedb history`): the store answers exactly as
    before it. The undo itself is recorded in the history.

    \b
    Example:
        quotedb undo 3 --note "wrong Kim"
    """
    engine = open_engine(ctx)
    with deciding():
        result = curation.undo(engine, action_id, note=note)
    _done(result)
    for entity_id in result["kept_entities"]:
        click.echo(f"entity {entity_id} stays: other rows have named it since", err=True)


@main.group("entities")
def entities_group() -> None:
    """Work on many entities at once.

    \b
    Example:
        quotedb entities import newsroom-people.csv
    """


@entities_group.command("import")
@click.argument("path", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--note", help=NOTE_HELP)
@click.pass_context
def entities_import_command(ctx: click.Context, path: str, note: str | None) -> None:
    """Read a newsroom's list of people: canonical names, aliases and Wikidata QIDs.

    FILE is CSV (header: name, aliases, qid, description, kind; aliases separated
    by | or ;) or JSON Lines (.jsonl: objects with those keys, aliases a list).
    Each entry finds its entity (by QID, else by name) or creates it; its names
    become aliases people vouched for, so queries, and names of two or more words
    in documents ingested later, resolve to it. One action: `quotedb undo` takes
    the whole import back.

    \b
    Example:
        printf 'name,aliases,qid\\nKim Jong-un,Rocket Man|Kim Jong Un,Q56226\\n' > people.csv
        quotedb entities import people.csv
    """
    engine = open_engine(ctx)
    with deciding():
        _done(curation.import_entities(engine, path, note=note))


@main.command("reparse")
@click.option(
    "--document",
    "document_ids",
    metavar="ID",
    type=int,
    multiple=True,
    help="Only this document (repeat for several); default: every current document.",
)
@click.pass_context
def reparse_command(ctx: click.Context, document_ids: tuple[int, ...]) -> None:
    """Run the current parser again over stored documents and rewrite their
    attributions (quote row ids change). People's corrections follow their quotes;
    those whose quote the parser no longer finds are listed, not dropped.

    \b
    Example:
        quotedb reparse
        quotedb reparse --document 12 --document 14
    """
    engine = open_engine(ctx)
    totals = {"documents": 0, "failed": 0, "before": 0, "after": 0}
    with deciding():
        for outcome in reparse(engine, list(document_ids) or None):
            if outcome.reason:
                totals["failed"] += 1
                click.echo(f"document {outcome.document_id}: {outcome.reason}", err=True)
                continue
            totals["documents"] += 1
            totals["before"] += outcome.before
            totals["after"] += outcome.after
        stale = curation.stale_corrections(engine)
    click.echo(
        f"reparsed {totals['documents']} documents: {totals['before']} quote rows before, "
        f"{totals['after']} after; {totals['failed']} failed"
    )
    for correction in stale:
        click.echo(
            f"correction {correction['action_id']} ({correction['field']}) no longer applies: "
            f"its quote is gone from document {correction['document_id']}",
            err=True,
        )
    if totals["failed"]:
        ctx.exit(1)
