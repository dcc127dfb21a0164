"""Plain text and Markdown files: the file's text as read, the first non-empty line as title."""

from __future__ import annotations

import codecs

from quotedb.readers.records import BadInput, Origin, RawDocument

# A few stray bytes (a truncated character, one Latin-1 "é") are repaired
# with U+FFFD; beyond this share of the text the file is in another encoding
# and replacing would corrupt quotes and names, so it is refused instead.
MAX_REPLACED_SHARE = 0.01

_REPLACEMENT_UTF8 = "\ufffd".encode()


def decode_text(data: bytes) -> tuple[str, int]:
    """Decode a text file's bytes; return the text and how many invalid bytes were replaced.

    UTF-8 (a BOM is dropped) or UTF-16 with a BOM. Raises `BadInput` for a
    binary file, text in another encoding, or a file with no text in it.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, replaced = data.decode("utf-16"), 0
        except UnicodeDecodeError:
            raise BadInput("not UTF-16 text, although it starts with a UTF-16 byte order mark")
    elif b"\x00" in data:
        raise BadInput("binary file (it contains NUL bytes), not text")
    else:
        data = data.removeprefix(codecs.BOM_UTF8)
        try:
            text, replaced = data.decode("utf-8"), 0
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            replaced = text.count("\ufffd") - data.count(_REPLACEMENT_UTF8)
            if replaced > max(1, len(text) * MAX_REPLACED_SHARE):
                raise BadInput(f"not UTF-8 text ({replaced} invalid bytes)")
    if not text.strip():
        raise BadInput("empty file (no text in it)")
    return text, replaced


def first_line_title(text: str, markdown: bool = False) -> str | None:
    """The first non-empty line, stripped; for Markdown without its heading marks ("# ")."""
    for line in text.splitlines():
        title = line.strip()
        if markdown:
            title = title.strip("#").strip()
        if title:
            return title
    return None


def read_text(data: bytes, origin: Origin, format: str = "txt") -> RawDocument:
    """A txt or md file as one document; offsets into `text` are offsets into the file's text."""
    text, replaced = decode_text(data)
    extra = {"invalid_bytes_replaced": replaced} if replaced else {}
    return RawDocument(
        text=text,
        origin=origin,
        format=format,
        title=first_line_title(text, markdown=format == "md"),
        extra=extra,
    )
