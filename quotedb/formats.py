"""Output formats: one streaming writer per format, all taking dict rows.

Read commands share the row formats (table, json, nl, csv, tsv); exports add
parquet, Quotebank JSON Lines, schema.org ClaimReview / Claim JSON-LD and the
who-to-whom graph. Every writer consumes its rows one at a time (parquet a
batch at a time), so memory does not grow with the number of rows.
"""

import csv
import functools
import itertools
import json
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import IO, Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

Row = Mapping[str, Any]

ROW_FORMATS = ("table", "json", "nl", "csv", "tsv")
# Rows rendered per rich table: a long listing prints block by block instead of
# being held in memory (column widths may differ a little between blocks).
TABLE_BLOCK = 200
# In a table, long texts keep at least 20 characters; other columns at most this many.
LONG_TEXT_COLUMNS = ("text", "marked", "paragraph")
SHORT_COLUMN_WIDTH = 24
PIPED_TABLE_WIDTH = 160
TRUNCATED_COLUMNS = ("document_title", "documents", "title", "url", "document_url")
PARQUET_BATCH = 50_000
# Between the names of a list in a CSV / TSV cell ("Donald Trump; Moon Jae-in").
LIST_SEPARATOR = "; "
WIKIDATA = "http://www.wikidata.org/entity/"


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


# What json.dumps(value, ensure_ascii=False, default=...) would build on every call.
_JSON_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_json_default)


def to_json(value: Any) -> str:
    """Compact JSON with ISO dates and unescaped non-ASCII text."""
    return _JSON_ENCODER.encode(value)


def cell(value: Any) -> str:
    """A value as CSV / TSV / table text: lists of names joined, nested data as JSON."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        try:
            return LIST_SEPARATOR.join(value)
        except TypeError:  # not all text: keep the structure
            return to_json(value)
    if isinstance(value, dict):
        return to_json(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def write_json(rows: Iterable[Row], out: IO[str]) -> int:
    """A JSON array, one row per line, written as the rows come."""
    count = 0
    out.write("[")
    for count, row in enumerate(rows, 1):
        out.write(("\n" if count == 1 else ",\n") + to_json(row))
    out.write("\n]\n" if count else "]\n")
    return count


def write_nl(rows: Iterable[Row], out: IO[str]) -> int:
    """JSON Lines: one object per line."""
    count = 0
    for count, row in enumerate(rows, 1):
        out.write(to_json(row) + "\n")
    return count


def _write_delimited(
    rows: Iterable[Row | Sequence], out: IO[str], columns: Sequence[str] | None, dialect: str
) -> int:
    rows = iter(rows)
    first = next(rows, None)
    writer = csv.writer(out, dialect=dialect)
    if first is None:
        if columns:
            writer.writerow(columns)
        return 0
    if isinstance(first, Mapping):
        columns = list(columns or first.keys())
        rows = (
            tuple(row.get(column) for column in columns) for row in itertools.chain([first], rows)
        )
    else:
        rows = itertools.chain([first], rows)
        first = dict(zip(columns, first, strict=True))
    writer.writerow(columns)
    # The csv module writes None, text, numbers and dates (str() is ISO) itself;
    # only list and dict columns, known from the first row, need cell().
    nested = [n for n, column in enumerate(columns) if isinstance(first[column], list | dict)]
    if nested:
        rows = map(functools.partial(_cells, nested), rows)
    # Counted in C as they stream past, not by a Python call per row: zip draws a
    # number per row, so the next number is the count.
    counter = itertools.count()
    writer.writerows(map(operator.itemgetter(0), zip(rows, counter)))
    return next(counter)


def _cells(nested: list[int], row: Sequence) -> list:
    """The row with its list and dict columns (at `nested`) as cell text."""
    row = list(row)
    for position in nested:
        row[position] = cell(row[position])
    return row


def write_csv(
    rows: Iterable[Row | Sequence], out: IO[str], columns: Sequence[str] | None = None
) -> int:
    """CSV with a header row (Excel dialect: what the csv module and spreadsheets read).

    Rows are dicts, or tuples in the order of `columns` (the faster path)."""
    return _write_delimited(rows, out, columns, "excel")


def write_tsv(
    rows: Iterable[Row | Sequence], out: IO[str], columns: Sequence[str] | None = None
) -> int:
    """Tab-separated values with a header row."""
    return _write_delimited(rows, out, columns, "excel-tab")


def write_table(
    rows: Iterable[Row],
    out: IO[str],
    columns: Sequence[str] | None = None,
    *,
    title: str | None = None,
) -> int:
    """A readable table (rich), rendered in blocks so a long listing streams."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, soft_wrap=False, highlight=False)
    if not console.is_terminal:
        # Piped to a file or a pager: lines as wide as a table needs to stay readable
        # (the 80 columns rich assumes would fold every name in two).
        console = Console(file=out, soft_wrap=False, highlight=False, width=PIPED_TABLE_WIDTH)
    rows = iter(rows)
    count = 0
    while block := list(itertools.islice(rows, TABLE_BLOCK)):
        shown = list(columns or block[0].keys())
        table = Table(
            title=title if count == 0 else None,
            show_header=count == 0,
            show_edge=False,
        )
        for column in shown:
            if column in LONG_TEXT_COLUMNS:
                table.add_column(column, min_width=20, overflow="fold")
            elif column in TRUNCATED_COLUMNS:
                # A document title is a pointer, not reading matter: one line, cut short.
                table.add_column(
                    column, max_width=SHORT_COLUMN_WIDTH, overflow="ellipsis", no_wrap=True
                )
            else:
                table.add_column(
                    column,
                    min_width=min(len(column), 12),
                    max_width=SHORT_COLUMN_WIDTH,
                    overflow="fold",
                )
        for row in block:
            table.add_row(*(cell(row.get(column)) for column in shown))
        console.print(table)
        count += len(block)
    if count == 0:
        console.print("(no rows)")
    return count


def write_rows(
    rows: Iterable[Row],
    fmt: str,
    out: IO[str],
    *,
    columns: Sequence[str] | None = None,
    table_columns: Sequence[str] | None = None,
    title: str | None = None,
) -> int:
    """Writes `rows` in one of ROW_FORMATS; returns how many were written.

    `columns` fixes the CSV/TSV header (and order); the table shows
    `table_columns`, a readable subset, when given. JSON keeps every field.
    """
    if fmt == "table":
        return write_table(rows, out, table_columns or columns, title=title)
    if fmt == "json":
        return write_json(rows, out)
    if fmt == "nl":
        return write_nl(rows, out)
    if fmt == "csv":
        return write_csv(rows, out, columns)
    if fmt == "tsv":
        return write_tsv(rows, out, columns)
    raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(ROW_FORMATS)}")


# --- parquet -----------------------------------------------------------------------


class MissingDependency(Exception):
    """An optional library an export needs is not installed; str() says how to get it."""


def _parquet_schema(pa):
    text, whole, real = pa.string(), pa.int64(), pa.float64()
    names = pa.list_(pa.string())
    return pa.schema(
        [
            ("id", whole),
            ("quote_id", whole),
            ("date", pa.date32()),
            ("speaker", text),
            ("speaker_qid", text),
            ("recipients", names),
            ("about", names),
            ("claimed_by", text),
            ("text", text),
            ("kind", text),
            ("cue", text),
            ("speaker_mention", text),
            ("source_kind", text),
            ("source_title", text),
            ("source_author", text),
            ("document_id", whole),
            ("document_title", text),
            ("document_url", text),
            ("publisher", text),
            ("content_start", whole),
            ("content_end", whole),
            ("confidence", real),
            ("rule", text),
        ]
    )


def write_parquet(
    rows: Iterable[Row | Sequence], path: str, columns: Sequence[str] | None = None
) -> int:
    """The quote rows as a typed Parquet table (dates, integers, lists of names).

    Rows are dicts, or tuples in the order of `columns` (the faster path: a batch
    goes to pyarrow a column at a time)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependency(
            "the parquet export needs pyarrow; install it with: pip install 'quotedb[parquet]'"
        ) from None
    schema = _parquet_schema(pa)
    count = 0
    rows = iter(rows)
    with pq.ParquetWriter(path, schema) as writer:
        while batch := list(itertools.islice(rows, PARQUET_BATCH)):
            if isinstance(batch[0], Mapping):
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            else:
                by_column = dict(zip(columns, zip(*batch), strict=True))
                arrays = [pa.array(by_column[field.name], field.type) for field in schema]
                writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=schema))
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


# --- quotation-centric exports --------------------------------------------------


def _quotebank_date(value: date | None) -> str | None:
    # Quotebank's own date format (the earliest occurrence's time).
    return f"{value.isoformat()} 00:00:00" if value else None


def quotebank_record(group: Row) -> dict[str, Any]:
    """One quote in Quotebank's quotation-centric JSON Lines shape.

    `probas` pairs the speaker with the best confidence of its occurrences and
    "None" with the rest, as Quotebank pairs candidate speakers with probabilities.
    """
    occurrences = group["occurrences"]
    best = max(occurrence["confidence"] for occurrence in occurrences)
    speaker = group["speaker"] or "None"
    probas = [[speaker, round(best, 4)]]
    if speaker != "None" and best < 1:
        probas.append(["None", round(1 - best, 4)])
    dates = [occurrence["date"] for occurrence in occurrences if occurrence["date"]]
    return {
        "quoteID": str(group["quote_id"]),
        "quotation": group["text"],
        "speaker": speaker,
        "qids": [group["speaker_qid"]] if group["speaker_qid"] else [],
        "date": _quotebank_date(min(dates) if dates else None),
        "numOccurrences": len(occurrences),
        "probas": probas,
        "urls": [
            occurrence["document_url"] for occurrence in occurrences if occurrence["document_url"]
        ],
    }


def write_quotebank(groups: Iterable[Row], out: IO[str]) -> int:
    """Quotebank JSON Lines: quoteID, quotation, speaker, qids, date, numOccurrences,
    probas, urls — so Quotebank analysis code runs on quotedb data."""
    return write_nl(map(quotebank_record, groups), out)


def _creative_work(occurrence: Row) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    optional = {
        "url": occurrence["document_url"],
        "headline": occurrence["document_title"],
        "datePublished": occurrence["date"].isoformat() if occurrence["date"] else None,
        "publisher": (
            {"@type": "Organization", "name": occurrence["publisher"]}
            if occurrence["publisher"]
            else None
        ),
    }
    work.update({key: value for key, value in optional.items() if value is not None})
    return work


def claim_record(group: Row) -> dict[str, Any]:
    """One quote as a schema.org `Claim` (JSON-LD), ready for a ClaimReview's itemReviewed."""
    occurrences = group["occurrences"]
    appearances = [_creative_work(occurrence) for occurrence in occurrences]
    claim: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Claim",
        "identifier": str(group["quote_id"]),
        "text": group["text"],
        "appearance": appearances,
        "firstAppearance": appearances[0],
    }
    if group["speaker"]:
        author: dict[str, Any] = {"@type": "Person", "name": group["speaker"]}
        if group["speaker_qid"]:
            author["sameAs"] = WIKIDATA + group["speaker_qid"]
        claim["author"] = author
    if occurrences[0]["date"]:
        claim["datePublished"] = occurrences[0]["date"].isoformat()
    return claim


# Verdict words on schema.org's usual 1 (false) .. 5 (true) scale; other wordings
# keep only their text (alternateName), which is what ClaimReview readers show.
RATING_SCALE = {
    "false": 1,
    "pants on fire": 1,
    "mostly false": 2,
    "misleading": 2,
    "half true": 3,
    "mixed": 3,
    "mostly true": 4,
    "true": 5,
}


def claim_review_record(group: Row, review: Row) -> dict[str, Any]:
    """One verdict on a quote as a schema.org `ClaimReview` (JSON-LD), the reviewed
    quote as its `itemReviewed` Claim."""
    claim = claim_record(group)
    del claim["@context"]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": review["rating"]}
    value = RATING_SCALE.get(" ".join(review["rating"].lower().replace("-", " ").split()))
    if value is not None:
        rating.update(ratingValue=value, bestRating=5, worstRating=1)
    reviewed_at = review["reviewed_at"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review["url"],
        "claimReviewed": group["text"],
        "itemReviewed": claim,
        "author": {"@type": "Organization", "name": review["reviewer"]},
        "reviewRating": rating,
        "datePublished": (
            reviewed_at.date() if isinstance(reviewed_at, datetime) else reviewed_at
        ).isoformat(),
    }


def claimreview_records(group: Row) -> list[dict[str, Any]]:
    """A reviewed quote as one ClaimReview per verdict; an unreviewed one as its Claim."""
    reviews = group.get("reviews") or []
    if not reviews:
        return [claim_record(group)]
    return [claim_review_record(group, review) for review in reviews]


def write_claimreview(groups: Iterable[Row], out: IO[str]) -> int:
    """A JSON-LD document: an array with a schema.org `ClaimReview` per verdict on a
    reviewed quote and a `Claim` per unreviewed quote."""
    return write_json(itertools.chain.from_iterable(map(claimreview_records, groups)), out)


# --- graph --------------------------------------------------------------------------


def write_graph_csv(edges: Iterable[Row], out: IO[str]) -> int:
    """Gephi's edge-list CSV: Source, Target, Weight (plus QIDs)."""
    columns = ("source", "target", "weight", "source_qid", "target_qid")
    writer = csv.writer(out)
    writer.writerow(["Source", "Target", "Weight", "Source QID", "Target QID"])
    count = 0
    for count, edge in enumerate(edges, 1):
        writer.writerow([cell(edge[column]) for column in columns])
    return count


def write_graphml(edges: Iterable[Row], out: IO[str]) -> int:
    """GraphML (Gephi, networkx, yEd): entities as nodes, speaker -> recipient edges
    with a `weight` (quotes) attribute."""
    edges = list(edges)  # nodes must precede edges; an edge list is small (pairs, not quotes)
    nodes: dict[int, tuple[str, str | None]] = {}
    for edge in edges:
        nodes[edge["source_id"]] = (edge["source"], edge["source_qid"])
        nodes[edge["target_id"]] = (edge["target"], edge["target_qid"])
    out.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n'
        '  <key id="qid" for="node" attr.name="qid" attr.type="string"/>\n'
        '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n'
        '  <graph id="quotedb" edgedefault="directed">\n'
    )
    for node_id, (name, qid) in nodes.items():
        out.write(f'    <node id="e{node_id}"><data key="label">{xml_escape(name)}</data>')
        if qid:
            out.write(f'<data key="qid">{xml_escape(qid)}</data>')
        out.write("</node>\n")
    for number, edge in enumerate(edges):
        out.write(
            f'    <edge id={quoteattr(f"r{number}")} source="e{edge["source_id"]}" '
            f'target="e{edge["target_id"]}"><data key="weight">{edge["weight"]}</data></edge>\n'
        )
    out.write("  </graph>\n</graphml>\n")
    return len(edges)


GRAPH_WRITERS: dict[str, Callable[[Iterable[Row], IO[str]], int]] = {
    "graphml": write_graphml,
    "csv": write_graph_csv,
}
