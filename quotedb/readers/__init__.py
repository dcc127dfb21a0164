"""Readers: files and streams in, `RawDocument`s (text and metadata) out; no database.

    for result in read_documents(["articles/", "crawl.warc.gz"], publisher="Mirror"):
        if isinstance(result, RawDocument):
            parse(result.text)           # offsets refer to result.text
        elif isinstance(result, ReadError):
            report(str(result))          # "articles/x.bin: binary file (...), not text"
        else:                            # Skipped: a .csv or .png in a folder
            count_skipped(result)

One module a format: text (txt, md), html (trafilatura), jsonl, warc; files
walks folders and chooses the format. Readers are pure and streaming: they
hold one document at a time, whatever the size of the input.
"""

from quotedb.readers.files import FORMATS, format_for_name, read_documents, sniff_format
from quotedb.readers.records import (
    Origin,
    RawDocument,
    ReadError,
    ReadResult,
    Skipped,
    parse_date,
)

__all__ = [
    "FORMATS",
    "Origin",
    "RawDocument",
    "ReadError",
    "ReadResult",
    "Skipped",
    "format_for_name",
    "parse_date",
    "read_documents",
    "sniff_format",
]
