"""The attribution parser: text in, attributions out. Pure: no database, no I/O.

>>> from quotedb.parse import parse
>>> doc = parse('"We will win," she said.')
"""

from quotedb.parse.records import Entity, ParsedDocument, Quote, Source, Span
from quotedb.parse.sieve import parse

__all__ = ["Entity", "ParsedDocument", "Quote", "Source", "Span", "parse"]
