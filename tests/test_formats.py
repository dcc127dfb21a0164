"""The writers of quotedb.formats, fed rows read from a real store and read back
with the csv module, json and pyarrow."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date

import pyarrow.parquet as pq
import pytest
from query_corpus import corpus_url, open_engine
from sqlalchemy.engine import Engine

from quotedb import formats, queries


@pytest.fixture(scope="module")
def store(request, tmp_path_factory) -> Iterator[Engine]:
    for url in corpus_url(request, tmp_path_factory, engine="sqlite", articles=True):
        yield from open_engine(url)


@pytest.fixture(scope="module")
def quote_rows(store) -> list[dict]:
    return list(queries.quotes(store))


def one_shot(rows: list[dict]) -> Iterator[dict]:
    """Rows as an iterator that can be read once, as the queries stream them."""
    yield from rows


def written(writer, rows, *args, **kwargs) -> tuple[str, int]:
    out = io.StringIO()
    count = writer(one_shot(rows), out, *args, **kwargs)
    return out.getvalue(), count


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_delimited_rows_round_trip_through_the_csv_module(quote_rows, fmt):
    writer = formats.write_csv if fmt == "csv" else formats.write_tsv
    text, count = written(writer, quote_rows, queries.QUOTE_COLUMNS)
    back = list(csv.DictReader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
    assert count == len(back) == len(quote_rows)
    for row, original in zip(back, quote_rows, strict=True):
        assert list(row) == list(queries.QUOTE_COLUMNS)
        assert row["text"] == original["text"]
        assert row["recipients"].split("; ") == (original["recipients"] or [""])
        assert row["date"] == original["date"].isoformat()
        assert int(row["content_end"]) == original["content_end"]


def test_cells_hold_quote_marks_commas_tabs_and_newlines(quote_rows):
    awkward = {**quote_rows[0], "text": 'He said "no",\tthen\nleft; 100% _sure_'}
    for writer, delimiter in ((formats.write_csv, ","), (formats.write_tsv, "\t")):
        text, _count = written(writer, [awkward], queries.QUOTE_COLUMNS)
        (row,) = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        assert row["text"] == awkward["text"]


def test_json_and_json_lines_round_trip(quote_rows):
    as_json, count = written(formats.write_json, quote_rows)
    as_lines, line_count = written(formats.write_nl, quote_rows)
    decoded = json.loads(as_json)
    assert count == line_count == len(decoded) == len(quote_rows)
    assert decoded == [json.loads(line) for line in as_lines.splitlines()]
    assert decoded[0]["date"] == quote_rows[0]["date"].isoformat()
    assert decoded[0]["recipients"] == quote_rows[0]["recipients"]
    assert json.loads(written(formats.write_json, [])[0]) == []


def test_the_table_prints_every_row_in_blocks(quote_rows):
    many = [{**quote_rows[0], "id": number} for number in range(formats.TABLE_BLOCK * 2 + 7)]
    text, count = written(formats.write_table, many, ["id", "speaker"])
    assert count == len(many)
    printed_ids = [line.split()[0] for line in text.splitlines() if line.split()[:1] != []]
    assert [int(value) for value in printed_ids if value.isdigit()] == list(range(len(many)))
    assert "(no rows)" in written(formats.write_table, [])[0]


def test_parquet_keeps_types_and_values(quote_rows, tmp_path):
    path = tmp_path / "rows.parquet"
    assert formats.write_parquet(one_shot(quote_rows), str(path)) == len(quote_rows)
    back = pq.read_table(path).to_pylist()
    assert back == quote_rows
    empty = tmp_path / "empty.parquet"
    assert formats.write_parquet(iter([]), str(empty)) == 0
    assert pq.read_table(empty).num_rows == 0


def test_quote_tuples_write_the_same_csv_and_parquet_as_quote_dicts(store, quote_rows, tmp_path):
    """The export's fast path (tuples; for CSV, names joined as they stream) writes the
    same bytes as the dict rows `quotes` lists."""
    joined = queries.quote_tuples(store, list_separator=formats.LIST_SEPARATOR)
    assert written(formats.write_csv, list(joined), queries.QUOTE_COLUMNS) == written(
        formats.write_csv, quote_rows, queries.QUOTE_COLUMNS
    )
    assert any(row["recipients"] for row in quote_rows)
    from_dicts, from_tuples = tmp_path / "dicts.parquet", tmp_path / "tuples.parquet"
    formats.write_parquet(one_shot(quote_rows), str(from_dicts))
    formats.write_parquet(queries.quote_tuples(store), str(from_tuples), queries.QUOTE_COLUMNS)
    assert from_tuples.read_bytes() == from_dicts.read_bytes()


def test_quotebank_records(store):
    groups = list(queries.quote_groups(store))
    text, count = written(formats.write_quotebank, groups)
    records = [json.loads(line) for line in text.splitlines()]
    assert count == len(records) == len(groups)
    for record, group in zip(records, groups, strict=True):
        assert record["quoteID"] == str(group["quote_id"])
        assert record["quotation"] == group["text"]
        assert record["numOccurrences"] == len(group["occurrences"])
        assert sum(proba for _name, proba in record["probas"]) == pytest.approx(1)
        first = min(row["date"] for row in group["occurrences"])
        assert record["date"] == f"{first.isoformat()} 00:00:00"


def test_claims_are_json_ld(store):
    groups = list(queries.quote_groups(store, queries.QuoteFilter(speaker="José Ramírez")))
    text, count = written(formats.write_claimreview, groups)
    (claim,) = json.loads(text)
    assert count == 1
    assert claim["text"] == "We will build more schools in every district"
    assert claim["author"]["name"] == "José Ramírez" and "sameAs" not in claim["author"]
    assert claim["datePublished"] == date(2021, 3, 1).isoformat()
    assert claim["firstAppearance"]["publisher"] == {
        "@type": "Organization",
        "name": "Diario Ejemplo",
    }


def test_graphml_escapes_names(tmp_path):
    edges = [
        {
            "source_id": 1,
            "source": 'A & "B" <C>',
            "source_qid": None,
            "target_id": 2,
            "target": "D",
            "target_qid": "Q1",
            "weight": 3,
        }
    ]
    text, count = written(formats.write_graphml, edges)
    assert count == 1
    root = ET.fromstring(text)
    labels = [data.text for data in root.iter("{http://graphml.graphdrawing.org/xmlns}data")]
    assert 'A & "B" <C>' in labels and "3" in labels
