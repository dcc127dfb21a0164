"""Web archives (WARC, gzipped or not): each HTML page the crawler fetched, extracted like html.

Only successful HTML responses are articles; requests, redirects, images and
crawl metadata are passed over without a word, as a crawl is full of them.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from quotedb.readers.html import extract_html
from quotedb.readers.records import BadInput, Origin, ReadError, ReadResult, parse_date

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, path: str) -> Iterator[ReadResult]:
    """Yield a document for each HTML page (status 200) in the archive.

    The URL is the record's WARC-Target-URI and WARC-Date stands in for a page
    that states no date. A page without article text, or cut short, is a
    `ReadError` naming its record; a corrupt archive ends with a `ReadError`
    for the file.
    """
    records = _QuietArchiveIterator(stream)
    try:
        for record in records:
            if not _is_html_page(record):
                continue
            headers = record.rec_headers
            origin = Origin(path, record=headers.get_header("WARC-Record-ID"))
            page = record.content_stream().read()
            if getattr(record.raw_stream, "limit", 0) > 0:
                # warcio stops quietly at the end of a cut-off file; half a page is no page.
                yield ReadError(origin, "the record is cut short (the archive is truncated)")
                continue
            try:
                yield extract_html(
                    page,
                    origin,
                    fetched_url=headers.get_header("WARC-Target-URI"),
                    fetched_on=parse_date(headers.get_header("WARC-Date")),
                    format="warc",
                )
            except BadInput as error:
                yield ReadError(origin, error.reason)
    except (ArchiveLoadFailed, EOFError, zlib.error) as error:
        yield ReadError(Origin(path), f"not a readable web archive ({error})")
    else:
        if records.err_count:
            count = records.err_count
            records_are = "1 record is" if count == 1 else f"{count} records are"
            yield ReadError(
                Origin(path), f"damaged web archive ({records_are} of the wrong length)"
            )


class _QuietArchiveIterator(ArchiveIterator):
    """warcio prints a warning on stderr for a record of the wrong length; we report it instead."""

    INC_RECORD = ""


def _is_html_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES
