"""HTML news pages: the article's text and metadata, extracted with trafilatura.

Settings favour precision: navigation, scripts, related-link boxes and reader
comments are left out, because a stray sentence from a sidebar could be
attributed to the wrong speaker, which is worse than a missing one. Tables
stay in: older sites lay whole articles out in them.
"""

from __future__ import annotations

from datetime import date

from quotedb.readers.records import BadInput, Origin, RawDocument, parse_date

# Extra page metadata worth keeping; title, author, date, site name and URL have fields.
_EXTRA_FIELDS = ("hostname", "description", "language", "categories", "tags", "pagetype")

# Publication date only from the page's own metadata and URL, not guessed from
# dates mentioned in the article ("they met in June 2018").
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def extract_html(
    data: bytes,
    origin: Origin,
    *,
    fetched_url: str | None = None,
    fetched_on: date | None = None,
    format: str = "html",
) -> RawDocument:
    """Extract one HTML page's article text and metadata.

    `fetched_url` and `fetched_on` come from a web archive: the URL is the
    document's URL (the page's own canonical URL, when different, goes to
    `extra["canonical_url"]`) and the fetch date stands in when the page
    states no date. Raises `BadInput` when there is no article text.
    """
    if not data.strip():
        raise BadInput("empty file (no text in it)")
    if b"\x00" in data[:65536]:
        raise BadInput("binary file (it contains NUL bytes), not HTML")
    # Imported here: trafilatura costs ~65 ms of start-up, and most runs read no HTML.
    import trafilatura
    from lxml.etree import LxmlError

    try:
        page = trafilatura.bare_extraction(
            data,
            url=fetched_url,
            favor_precision=True,
            include_comments=False,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, LxmlError, RecursionError) as error:
        raise BadInput(f"the HTML could not be parsed ({error})") from error
    if page is None or not (page.text or "").strip():
        raise BadInput("no article text found in the HTML")
    extra = {name: getattr(page, name) for name in _EXTRA_FIELDS if getattr(page, name)}
    url = page.url
    if fetched_url:
        if page.url and page.url != fetched_url:
            extra["canonical_url"] = page.url
        url = fetched_url
    return RawDocument(
        text=page.text,
        origin=origin,
        format=format,
        title=page.title or None,
        url=url or None,
        publisher=page.sitename or None,
        author=page.author or None,
        published=parse_date(page.date) or fetched_on,
        extra=extra,
    )
