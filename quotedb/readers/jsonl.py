"""JSON Lines: one article a line, read one line at a time so a dump of any size fits in memory."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from quotedb.readers.records import BadInput, Origin, RawDocument, ReadError, ReadResult, parse_date

_STRING_FIELDS = ("title", "url", "publisher", "author")
_KNOWN_FIELDS = frozenset(("text", "date", *_STRING_FIELDS))


def read_jsonl(stream: BinaryIO, path: str) -> Iterator[ReadResult]:
    """Yield a document for each article line and a `ReadError` for each broken one.

    Each line is an object with `text` and optionally `title`, `url`, `date`,
    `publisher`, `author` (a string, or a list of names); every other field
    (`id`, ...) goes to `extra` unchanged, as does a `date` that is not ISO 8601.
    Blank lines are skipped.
    """
    for number, line in enumerate(stream, start=1):
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        origin = Origin(path, line=number)
        try:
            yield _parse_article(json.loads(line), origin)
        except UnicodeDecodeError:
            yield ReadError(origin, "line is not UTF-8 text")
        except RecursionError:
            yield ReadError(origin, "line is JSON nested too deeply to read")
        except json.JSONDecodeError as error:
            problem = error.msg.removesuffix(" at").lower()
            yield ReadError(origin, f"line is not valid JSON ({problem} at column {error.colno})")
        except BadInput as error:
            yield ReadError(origin, error.reason)


def _parse_article(article: object, origin: Origin) -> RawDocument:
    """Turn one decoded JSON line into a document; raise `BadInput` saying what is wrong."""
    if not isinstance(article, dict):
        raise BadInput(f"line is a JSON {_json_type(article)}, not an object")
    text = article.get("text")
    if text is None:
        raise BadInput('line has no "text" field')
    if not isinstance(text, str):
        raise BadInput(f'"text" is a {_json_type(text)}, not a string')
    if not text.strip():
        raise BadInput('"text" is empty')
    fields = {}
    for name in _STRING_FIELDS:
        value = article.get(name)
        if name == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "; ".join(value)
        if value is not None and not isinstance(value, str):
            raise BadInput(f'"{name}" is a {_json_type(value)}, not a string')
        fields[name] = value or None
    extra = {key: value for key, value in article.items() if key not in _KNOWN_FIELDS}
    published = parse_date(article.get("date"))
    if published is None and article.get("date") not in (None, ""):
        extra["date"] = article["date"]
    return RawDocument(
        text=text, origin=origin, format="jsonl", published=published, extra=extra, **fields
    )


def _json_type(value: object) -> str:
    return {
        dict: "object",
        list: "array",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
        type(None): "null",
    }[type(value)]
