"""Readers turn real files (tests/fixtures/readers/) and stdin into documents or one-line errors."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotedb.readers import (
    Origin,
    RawDocument,
    ReadError,
    Skipped,
    format_for_name,
    read_documents,
    sniff_format,
)

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
NEWS_PAGE = (FIXTURES / "news_page.html").read_bytes()

# Reads the paths in argv (or "-" for stdin) and prints one JSON line per result.
READ_SCRIPT = """
import json, sys
from quotedb.readers import read_documents
for result in read_documents(sys.argv[1:]):
    print(json.dumps({
        "kind": type(result).__name__,
        "origin": str(result.origin),
        "format": getattr(result, "format", None),
        "title": getattr(result, "title", None),
        "text": getattr(result, "text", None),
        "reason": getattr(result, "reason", None),
    }))
"""


def read_all(*paths, **options) -> list:
    return list(read_documents([str(p) for p in paths], **options))


def only(results: list):
    assert len(results) == 1, results
    return results[0]


def run_reader(*args: str, stdin: bytes = b"") -> list[dict]:
    """Run the readers in a separate process, as the CLI will, and collect what they yield."""
    completed = subprocess.run(
        [sys.executable, "-c", READ_SCRIPT, *args],
        input=stdin,
        capture_output=True,
        check=True,
    )
    return [json.loads(line) for line in completed.stdout.splitlines()]


# --- txt and md -----------------------------------------------------------------------


def test_txt_title_is_first_non_empty_line_and_text_is_the_whole_file():
    document = only(read_all(FIXTURES / "article.txt"))
    raw_text = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    assert isinstance(document, RawDocument)
    assert document.title == "Royal Mail strike called off"
    assert document.text == raw_text
    # Offsets refer to the file's text: the title line is part of it.
    assert document.text.index("Royal Mail strike called off") == raw_text.index("Royal")
    assert document.format == "txt"
    assert document.origin == Origin(str(FIXTURES / "article.txt"))
    assert (document.url, document.publisher, document.author, document.published) == (
        None,
        None,
        None,
        None,
    )


def test_md_title_drops_heading_marks_but_text_keeps_them():
    document = only(read_all(FIXTURES / "briefing.md"))
    assert document.title == "Senate passes the budget"
    assert document.text.startswith("# Senate passes the budget\n")
    assert document.format == "md"


def test_utf8_bom_is_dropped():
    document = only(read_all(FIXTURES / "bom.txt"))
    assert document.title == "BOM headline"
    assert document.text == "BOM headline\nBody text after a byte order mark.\n"


def test_one_invalid_byte_is_repaired_and_counted():
    document = only(read_all(FIXTURES / "one_bad_byte.txt"))
    assert isinstance(document, RawDocument)
    assert "left at noon\ufffd without further comment" in document.text
    assert document.extra == {"invalid_bytes_replaced": 1}


def test_text_in_another_encoding_is_refused():
    error = only(read_all(FIXTURES / "latin1.txt"))
    assert isinstance(error, ReadError)
    assert error.path == str(FIXTURES / "latin1.txt")
    assert error.reason.startswith("not UTF-8 text (")


def test_utf16_with_bom_is_decoded(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Wide headline\nShe said \u201cyes\u201d.\n".encode("utf-16"))
    document = only(read_all(path))
    assert document.title == "Wide headline"
    assert document.text == "Wide headline\nShe said \u201cyes\u201d.\n"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("image.bin", "binary file (it contains NUL bytes), not text"),
        ("empty.txt", "empty file (no text in it)"),
        ("blank.txt", "empty file (no text in it)"),
    ],
)
def test_bad_text_files_become_one_line_errors(name, reason):
    error = only(read_all(FIXTURES / name))
    assert isinstance(error, ReadError)
    assert str(error) == f"{FIXTURES / name}: {reason}"


def test_missing_file_is_an_error_and_the_next_path_still_read(tmp_path):
    results = read_all(tmp_path / "nowhere.txt", FIXTURES / "article.txt")
    assert isinstance(results[0], ReadError)
    assert results[0].reason == "cannot be opened (no such file or directory)"
    assert results[1].title == "Royal Mail strike called off"


def read_without_privileges(path: Path) -> list[str]:
    """Read in a forked child that gives up root, since root may open any file."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            lines = "\n".join(str(result) for result in read_documents(str(path)))
            os.write(write_end, lines.encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        output = pipe.read().decode()
    os.waitpid(child, 0)
    return output.splitlines()


def test_unreadable_file_is_an_error(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret headline\n")
    secret.chmod(0)
    assert read_without_privileges(secret) == [f"{secret}: cannot be opened (permission denied)"]


# --- html ---------------------------------------------------------------------------------


def test_html_article_text_and_metadata():
    document = only(read_all(FIXTURES / "news_page.html"))
    assert document.format == "html"
    assert document.title == "Kim Jong-un sends gushing letters to Donald Trump"
    assert document.author == "Jane Reporter"
    assert document.publisher == "The Daily Ledger"
    assert document.published == date(2020, 9, 10)
    assert document.url == "https://ledger.example.com/world/kim-letters-trump"
    assert document.extra["description"] == (
        "Letters shared for a new book show the two leaders' warm ties."
    )
    for sentence in (
        (
            '"I feel pleased to have formed good ties with such a powerful and preeminent'
            ' statesman as Your Excellency," Kim wrote, before referring to the moment they met.'
        ),
        "The president shared the letters with the journalist Bob Woodward in February",
        'Trump later said he had thought "this is a great relationship"',
    ):
        assert sentence in document.text


@pytest.mark.parametrize(
    "boilerplate",
    [
        "World News Section",  # navigation
        "Subscribe to our newsletter",
        "Tracking script text must not be read",  # scripts
        "Injected advert text must not be read",
        "Party chief fired",  # related-links box
        "Ten things you never knew",
        "Share on Facebook",
        "Copyright 2020",  # footer
        ".nav { color",  # style
    ],
)
def test_html_boilerplate_is_not_text(boilerplate):
    document = only(read_all(FIXTURES / "news_page.html"))
    assert boilerplate not in document.text


def test_html_article_laid_out_in_a_table_is_kept(tmp_path):
    path = tmp_path / "old_site.htm"
    path.write_text(
        "<html><head><title>Mayor opens new library</title></head><body>"
        "<table><tr><td><a href='/'>Home</a></td><td><h1>Mayor opens new library</h1>"
        "<p>The mayor opened the new central library on Saturday in front of a large crowd.</p>"
        '<p>"Books are the memory of this town," the mayor said as she cut the ribbon.</p>'
        "<p>The library cost four million pounds and will open seven days a week.</p>"
        "</td></tr></table></body></html>"
    )
    document = only(read_all(path))
    assert document.title == "Mayor opens new library"
    assert '"Books are the memory of this town," the mayor said as she cut the ribbon.' in (
        document.text
    )


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "shell.html"
    path.write_text(
        "<html><head><title>App</title></head><body><div id='root'></div></body></html>"
    )
    error = only(read_all(path))
    assert isinstance(error, ReadError)
    assert error.reason == "no article text found in the HTML"


# --- jsonl --------------------------------------------------------------------------------


def test_jsonl_articles_broken_lines_and_unknown_fields():
    path = str(FIXTURES / "articles.jsonl")
    results = read_all(path)
    by_line = {result.origin.line: result for result in results}
    assert sorted(by_line) == [1, 2, 3, 5, 6, 7, 8]  # line 4 is blank

    first = by_line[1]
    assert (
        first.text
        == 'The minister resigned on Tuesday.\n"I take full responsibility," she said in a statement.'
    )
    assert first.title == "Minister resigns over leaked memo"
    assert first.url == "https://news.example.org/minister-resigns"
    assert first.publisher == "Example News"
    assert first.author == "Sam Writer"
    assert first.published == date(2021, 3, 2)
    assert first.extra == {"id": "a1", "section": "politics", "word_count": 12}
    assert str(first.origin) == f"{path}:1"

    assert by_line[3].text.startswith("A short wire item")
    assert by_line[3].title is None
    assert by_line[7].author == "Ann One; Bob Two"
    assert by_line[7].published is None
    assert by_line[7].extra == {"date": "last Tuesday"}

    errors = {line: str(r) for line, r in by_line.items() if isinstance(r, ReadError)}
    assert errors == {
        2: f"{path}:2: line is not valid JSON (invalid control character at column 64)",
        5: f"{path}:5: line is a JSON array, not an object",
        6: f'{path}:6: line has no "text" field',
        8: f'{path}:8: "title" is a number, not a string',
    }


def test_jsonl_lines_that_are_not_utf8_or_too_deep_are_errors(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_bytes(
        b'{"text": "caf\xe9 owner said \\"no\\""}\n'
        + b"[" * 100_000
        + b"\n"
        + b'{"text": "Still read after the bad lines."}\n'
    )
    results = read_all(path)
    assert [str(r) for r in results[:2]] == [
        f"{path}:1: line is not UTF-8 text",
        f"{path}:2: line is JSON nested too deeply to read",
    ]
    assert results[2].text == "Still read after the bad lines."


def test_gzipped_jsonl_is_read(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress((FIXTURES / "articles.jsonl").read_bytes()))
    plain = read_all(FIXTURES / "articles.jsonl")
    zipped = read_all(path)
    assert [getattr(r, "text", None) for r in zipped] == [getattr(r, "text", None) for r in plain]


# --- warc ---------------------------------------------------------------------------------


def write_record(writer, uri, body, *, status="200 OK", content_type="text/html", when):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": when},
    )
    writer.write_record(record)
    return record.rec_headers.get_header("WARC-Record-ID")


@pytest.fixture
def crawl(tmp_path):
    """A small gzipped crawl as a crawler writes it: pages, an image, a 404, a request."""
    path = tmp_path / "crawl.warc.gz"
    undated = (
        b"<html><head><title>Council approves new bridge</title></head><body><article>"
        b"<h1>Council approves new bridge</h1>"
        b"<p>The council voted on Wednesday to approve the new river bridge after a long debate.</p>"
        b'<p>"This bridge will join two halves of the town," the council leader said afterwards.</p>'
        b"<p>Construction is expected to begin next spring and to last for about two years.</p>"
        b"</article></body></html>"
    )
    ids = {}
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        request = writer.create_warc_record(
            "https://ledger.example.com/world/kim-letters-trump?utm=feed",
            "request",
            payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
        )
        writer.write_record(request)
        ids["news"] = write_record(
            writer,
            "https://ledger.example.com/world/kim-letters-trump?utm=feed",
            NEWS_PAGE,
            content_type="text/html; charset=utf-8",
            when="2020-09-12T10:00:00Z",
        )
        write_record(
            writer,
            "https://ledger.example.com/logo.png",
            b"\x89PNG\r\n\x1a\n\x00\x00",
            content_type="image/png",
            when="2020-09-12T10:00:01Z",
        )
        write_record(
            writer,
            "https://ledger.example.com/gone",
            b"<html><body><p>Not found</p></body></html>",
            status="404 Not Found",
            when="2020-09-12T10:00:02Z",
        )
        ids["undated"] = write_record(
            writer, "https://town.example.net/bridge", undated, when="2021-05-06T07:08:09Z"
        )
        ids["empty"] = write_record(
            writer,
            "https://town.example.net/app",
            b"<html><body><div id='root'></div></body></html>",
            when="2021-05-06T07:08:10Z",
        )
    return path, ids


def test_warc_html_responses_become_documents(crawl):
    path, ids = crawl
    results = read_all(path)
    assert [str(r.origin) for r in results] == [
        f"{path}[{ids['news']}]",
        f"{path}[{ids['undated']}]",
        f"{path}[{ids['empty']}]",
    ]
    news, undated, empty = results

    assert news.format == "warc"
    assert news.title == "Kim Jong-un sends gushing letters to Donald Trump"
    assert news.url == "https://ledger.example.com/world/kim-letters-trump?utm=feed"
    assert news.extra["canonical_url"] == "https://ledger.example.com/world/kim-letters-trump"
    assert news.published == date(2020, 9, 10)  # the page's own date, not the fetch date
    assert news.publisher == "The Daily Ledger"
    assert "Kim wrote, before referring to the moment they met." in news.text
    assert "World News Section" not in news.text

    assert undated.title == "Council approves new bridge"
    assert undated.url == "https://town.example.net/bridge"
    assert undated.published == date(2021, 5, 6)  # from WARC-Date
    assert '"This bridge will join two halves of the town," the council leader said' in (
        undated.text
    )

    assert isinstance(empty, ReadError)
    assert empty.reason == "no article text found in the HTML"


def test_truncated_warc_record_is_an_error(tmp_path):
    path = tmp_path / "cut.warc.gz"
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        record_id = write_record(
            writer, "https://ledger.example.com/a", NEWS_PAGE, when="2020-09-12T10:00:00Z"
        )
    path.write_bytes(path.read_bytes()[:-300])
    error = only(read_all(path))
    assert isinstance(error, ReadError)
    assert str(error) == (
        f"{path}[{record_id}]: the record is cut short (the archive is truncated)"
    )


def test_file_that_is_no_archive_is_an_error(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("This is a note, not a web archive.\n")
    error = only(read_all(path))
    assert isinstance(error, ReadError)
    assert str(error) == f"{path}: not a web archive (it does not start with a WARC record)"


def test_warc_record_of_wrong_length_is_reported_not_printed(tmp_path, capfd):
    path = tmp_path / "damaged.warc"
    path.write_bytes(
        b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"Content-Length: 3\r\n\r\nmore than three bytes\r\n\r\n"
    )
    error = only(read_all(path))
    assert str(error) == f"{path}: damaged web archive (1 record is of the wrong length)"
    assert capfd.readouterr().err == ""


def test_warc_without_extension_is_sniffed(crawl, tmp_path):
    path, _ = crawl
    renamed = tmp_path / "crawl-00001"
    renamed.write_bytes(path.read_bytes())
    titles = [getattr(r, "title", None) for r in read_all(renamed)]
    assert titles[:2] == [
        "Kim Jong-un sends gushing letters to Donald Trump",
        "Council approves new bridge",
    ]


# --- folders, format choice, stdin, overrides --------------------------------------------


def test_folders_are_walked_recursively_in_sorted_order():
    folder = FIXTURES / "folder"
    results = read_all(folder)
    assert [(type(r).__name__, str(r.origin)) for r in results] == [
        ("RawDocument", str(folder / "1-first" / "inner.txt")),
        ("RawDocument", str(folder / "2-second.txt")),
        ("RawDocument", str(folder / "notes")),  # no extension: content says text
        ("Skipped", str(folder / "table.csv")),  # .hidden.txt is passed over
    ]
    assert [r.title for r in results[:3]] == [
        "Inner title",
        "Second title",
        "Notes without an extension",
    ]
    assert results[3].reason == "not an article format, by its extension"


def test_explicit_format_reads_every_file_of_a_folder_as_that_format():
    results = read_all(FIXTURES / "folder", format="txt")
    assert [r.title for r in results] == [
        "Inner title",
        "Second title",
        "Notes without an extension",
        "name,score",
    ]


def test_fixture_folder_reads_each_kind_once():
    results = read_all(FIXTURES)
    kinds = {Path(r.origin.path).name: type(r) for r in results if r.origin.line is None}
    assert kinds["news_page.html"] is RawDocument
    assert kinds["image.bin"] is Skipped  # in a folder, an unknown extension is passed over
    assert kinds["latin1.txt"] is ReadError
    assert kinds["empty.txt"] is ReadError


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "txt"),
        ("a.MD", "md"),
        ("a.htm", "html"),
        ("dump.ndjson", "jsonl"),
        ("dump.jsonl.gz", "jsonl"),
        ("crawl.warc.gz", "warc"),
        ("table.csv", None),
        ("README", None),
    ],
)
def test_format_for_name(name, expected):
    assert format_for_name(name) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'\xef\xbb\xbf{"text": "x"}\n', "jsonl"),
        (b"  <!DOCTYPE html><html>", "html"),
        (b"<html lang='en'><head>", "html"),
        (b"<p>A fragment of a page</p>", "html"),
        (b"<Cue> is not a tag we know, so this is text", "txt"),
        (b"Headline\n\nBody", "txt"),
    ],
)
def test_sniff_format(head, expected):
    assert sniff_format(head) == expected


def test_stdin_text_html_and_jsonl_are_recognised_by_content():
    text = run_reader("-", stdin=(FIXTURES / "article.txt").read_bytes())
    assert [(r["kind"], r["origin"], r["format"], r["title"]) for r in text] == [
        ("RawDocument", "<stdin>", "txt", "Royal Mail strike called off")
    ]
    page = run_reader("-", stdin=NEWS_PAGE)
    assert [(r["format"], r["title"]) for r in page] == [
        ("html", "Kim Jong-un sends gushing letters to Donald Trump")
    ]
    lines = run_reader("-", stdin=(FIXTURES / "articles.jsonl").read_bytes())
    assert [r["origin"] for r in lines if r["kind"] == "RawDocument"] == [
        "<stdin>:1",
        "<stdin>:3",
        "<stdin>:7",
    ]
    assert lines[0]["title"] == "Minister resigns over leaked memo"


def test_stdin_longer_than_the_sniffed_head_is_read_whole():
    body = "".join(f'Paragraph {n} says "quote {n}".\n' for n in range(2000))
    results = run_reader("-", stdin=("Long headline\n" + body).encode())
    assert len(results) == 1
    assert results[0]["text"] == "Long headline\n" + body


def test_user_metadata_overrides_and_fills():
    results = read_all(
        FIXTURES / "article.txt",
        FIXTURES / "news_page.html",
        publisher="Mirror Online",
        url="https://mirror.example/x",
        date="2020-09-11",
    )
    for document in results:
        assert document.publisher == "Mirror Online"
        assert document.url == "https://mirror.example/x"
        assert document.published == date(2020, 9, 11)
    assert results[0].title == "Royal Mail strike called off"


def test_bad_arguments_raise_at_once():
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        read_documents("x", format="pdf")
    with pytest.raises(ValueError, match="is not a date"):
        read_documents("x", date="10/09/2020")
