"""Helpers for the parser tests: find an attribution by its content, locate expected spans."""

from quotedb.parse import ParsedDocument, Quote, Span


def span_at(text: str, fragment: str, nth: int = 1) -> Span:
    """The span of the nth occurrence (1-based) of `fragment` in `text`."""
    start = -1
    for _ in range(nth):
        start = text.index(fragment, start + 1)
    return Span(start, start + len(fragment), fragment)


def quote_of(doc: ParsedDocument, content: str) -> Quote:
    """The one attribution whose content (joined, or one of its spans) is exactly `content`."""
    found = [
        quote
        for quote in doc.quotes
        if quote.text == content or any(span.text == content for span in quote.spans)
    ]
    assert len(found) == 1, (
        f"expected one attribution of {content!r}, found {len(found)}; the parser found: "
        + "; ".join(f"{q.text!r} ({q.speaker})" for q in doc.quotes)
    )
    return found[0]


def quote_holding(doc: ParsedDocument, fragment: str) -> Quote:
    """The one attribution whose content holds `fragment` (a partial quote, or the mixed
    attribution around it)."""
    found = [quote for quote in doc.quotes if fragment in quote.text]
    assert len(found) == 1, (
        f"expected one attribution holding {fragment!r}, found {len(found)}: "
        + "; ".join(f"{q.text!r} ({q.speaker})" for q in doc.quotes)
    )
    return found[0]


def speakers_of(doc: ParsedDocument, fragment: str) -> list[str | None]:
    """The speakers of every attribution whose content holds `fragment`."""
    return [quote.speaker for quote in doc.quotes if fragment in quote.text]
