"""Assembles attributions from quote marks, cues and mentions (work in progress)."""

from quotedb.parse.records import ParsedDocument


def parse(text: str, **metadata) -> ParsedDocument:
    """Find every attribution in `text`; `metadata` (title, url, ...) is carried along."""
    return ParsedDocument(text=text, metadata=dict(metadata))
