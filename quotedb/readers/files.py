"""From paths to documents: walk folders, choose each file's format, hand it to its reader."""

from __future__ import annotations

import dataclasses
import datetime
import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from quotedb.readers.html import extract_html
from quotedb.readers.jsonl import read_jsonl
from quotedb.readers.records import (
    STDIN,
    BadInput,
    Origin,
    RawDocument,
    ReadError,
    ReadResult,
    Skipped,
    parse_date,
)
from quotedb.readers.text import read_text
from quotedb.readers.warc import read_warc

FORMATS = ("auto", "txt", "md", "html", "jsonl", "warc")

_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".warc": "warc",
    ".arc": "warc",
}

# Enough to recognise a format, and to see a first JSON line's opening brace.
_HEAD_BYTES = 8192
_GZIP_MAGIC = b"\x1f\x8b"
# One txt or html document is read whole; a file larger than this is not one article.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

_HTML_START = re.compile(
    rb"<(!doctype\s+html|html|head|body|meta|title|article|div|p)[\s>/]", re.IGNORECASE
)


def read_documents(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    format: str = "auto",
    publisher: str | None = None,
    url: str | None = None,
    date: datetime.date | str | None = None,
) -> Iterator[ReadResult]:
    """Yield a `RawDocument` for each article in `paths` and a `ReadError` for each bad input.

    A path is a file, a folder (walked recursively in sorted order; names
    starting with "." are passed over) or "-" for standard input. With
    format="auto" a file's extension decides (.txt .md .html .htm .jsonl
    .ndjson .warc, each optionally .gz) and the content decides for a file
    without one, or named on its own; in a folder, a file whose extension
    names another format (.csv, .ann, .png) yields a `Skipped`. Any other
    `format` reads every file as that format.
    `publisher`, `url` and `date` (a date or "YYYY-MM-DD"), when given,
    replace what the files say for every document. Nothing is raised for bad
    input; a bad `format` or `date` argument raises ValueError at once.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    published = None
    if date is not None:
        published = parse_date(date)
        if published is None:
            raise ValueError(f"date {date!r} is not a date like 2020-09-10")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    results = _read_paths(list(paths), format)
    if publisher is None and url is None and published is None:
        return results
    return _override(results, publisher=publisher, url=url, published=published)


def format_for_name(name: str) -> str | None:
    """The format a file name's extension names ("a.warc.gz" -> "warc"), or None."""
    stem, extension = os.path.splitext(name.lower())
    if extension == ".gz":
        extension = os.path.splitext(stem)[1]
    return _EXTENSIONS.get(extension)


def _is_other_format(path: str) -> bool:
    """A name with an extension no reader knows (.ann, .csv, .png), which a folder may hold."""
    name = os.path.basename(path).lower().removesuffix(".gz")
    return format_for_name(name) is None and os.path.splitext(name)[1] != ""


def sniff_format(head: bytes) -> str:
    """The format the first bytes of an (uncompressed) input look like: warc, jsonl, html or txt."""
    if head.startswith((b"WARC/", b"filedesc://")):  # WARC, or the older ARC
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<") and _HTML_START.search(start[:2048]):
        return "html"
    return "txt"


def _read_paths(paths: list, format: str) -> Iterator[ReadResult]:
    for path in paths:
        path = os.fspath(path)
        if path == "-":
            yield from _read_stream(sys.stdin.buffer, STDIN, "", format)
        elif os.path.isdir(path):
            for entry in _walk(path):
                if isinstance(entry, ReadError):
                    yield entry
                elif format == "auto" and _is_other_format(entry):
                    yield Skipped(Origin(entry), "not an article format, by its extension")
                else:
                    yield from _read_file(entry, format)
        else:
            yield from _read_file(path, format)


def _walk(directory: str) -> Iterator[str | ReadError]:
    """Every file under `directory`, depth first in name order, so runs are repeatable."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield ReadError(Origin(directory), f"cannot list the folder ({_os_reason(error)})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        # Symbolic links to folders are not followed: they can loop.
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        else:
            yield entry.path


def _read_file(path: str, format: str) -> Iterator[ReadResult]:
    # _read_stream reports read errors itself, so an OSError here comes from open().
    try:
        with open(path, "rb") as stream:
            yield from _read_stream(stream, path, os.path.basename(path), format)
    except OSError as error:
        yield ReadError(Origin(path), f"cannot be opened ({_os_reason(error)})")


def _read_stream(stream: BinaryIO, path: str, name: str, format: str) -> Iterator[ReadResult]:
    origin = Origin(path)
    try:
        head = stream.read(_HEAD_BYTES)
        stream = _rewound(head, stream)
        if format == "auto":
            format = format_for_name(name) or _sniff_maybe_gzipped(head)
        if head.startswith(_GZIP_MAGIC) and format != "warc":
            # warcio reads gzipped archives itself; anything else is unzipped here.
            stream = gzip.GzipFile(fileobj=stream, mode="rb")
        if format == "warc":
            if _sniff_maybe_gzipped(head) != "warc":
                raise BadInput("not a web archive (it does not start with a WARC record)")
            yield from read_warc(stream, path)
        elif format == "jsonl":
            yield from read_jsonl(stream, path)
        else:
            data = stream.read(MAX_DOCUMENT_BYTES + 1)
            if len(data) > MAX_DOCUMENT_BYTES:
                limit = MAX_DOCUMENT_BYTES // (1024 * 1024)
                raise BadInput(f"too large for one {format} document (over {limit} MB)")
            if format == "html":
                yield extract_html(data, origin)
            else:
                yield read_text(data, origin, format)
    except BadInput as error:
        yield ReadError(origin, error.reason)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        yield ReadError(origin, f"broken gzip compression ({error})")
    except OSError as error:
        yield ReadError(origin, f"cannot be read ({_os_reason(error)})")


def _sniff_maybe_gzipped(head: bytes) -> str:
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, _HEAD_BYTES)
        except zlib.error:
            return "txt"  # the reader reports the broken compression
    return sniff_format(head)


class _Rewound(io.RawIOBase):
    """A stream whose first bytes were read to choose its format, served again first.

    Standard input cannot seek back, so the head is replayed instead.
    """

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        return self._rest.readinto(buffer)


def _rewound(head: bytes, rest: BinaryIO) -> BinaryIO:
    return io.BufferedReader(_Rewound(head, rest), buffer_size=1 << 16)


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _override(
    results: Iterator[ReadResult], *, publisher: str | None, url: str | None, published
) -> Iterator[ReadResult]:
    for result in results:
        if isinstance(result, RawDocument):
            result = dataclasses.replace(
                result,
                publisher=publisher or result.publisher,
                url=url or result.url,
                published=published or result.published,
            )
        yield result
