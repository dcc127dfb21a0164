"""What a reader yields: a document ready for `parse`, or the reason a file could not be read.

Readers never raise for bad input: a bad file or line becomes a `ReadError`
that the ingest loop reports on one line while the other inputs go on; a
file in a folder that is no article format at all becomes a `Skipped`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

STDIN = "<stdin>"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document came from, precisely enough for a person to open it again.

    `line` is set for JSON Lines (1-based), `record` (the WARC-Record-ID) for
    web archives; a plain file has neither. `path` is "<stdin>" for standard input.
    """

    path: str
    line: int | None = None
    record: str | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.record is not None:
            return f"{self.path}[{self.record}]"
        return self.path


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article's text and what is known about it, before parsing.

    `text` is what `parse` gets and what every offset refers to: a txt file's
    whole text as read (title line included), or the article text extracted
    from an HTML page. `format` is the reader that produced it ("txt", "md",
    "html", "jsonl", "warc"). `author` is one name, or several joined by
    "; " as trafilatura does. `published` is the day of publication. `extra`
    holds any other metadata, JSON-ready (unknown JSON Lines fields, an HTML
    page's description and tags, the number of invalid bytes replaced, ...).
    """

    text: str
    origin: Origin
    format: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Notice:
    """An input passed over, with the reason in one plain sentence."""

    origin: Origin
    reason: str

    @property
    def path(self) -> str:
        return self.origin.path

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ReadError(_Notice):
    """An input that could not be read, with the reason in one plain sentence."""


@dataclass(frozen=True, slots=True)
class Skipped(_Notice):
    """A file in a folder passed over because its extension names no article format (.csv, .png)."""


ReadResult = RawDocument | ReadError | Skipped


class BadInput(Exception):
    """Raised inside a reader when a whole input is unusable; becomes a `ReadError`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T \s])")


def parse_date(value: object) -> date | None:
    """The calendar date of an ISO 8601 date or timestamp ("2020-09-10", "2020-09-10T08:00Z").

    Anything else gives None: the time of day and zone are not kept, because a
    fact-checker asks on which day something was published, not at which second.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value)
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
