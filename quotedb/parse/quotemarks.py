"""Finding quotations: pairing quote marks, paragraph by paragraph.

News text mixes straight, curly, single, guillemet and „German" marks, uses
apostrophes in "don't" and "leaders'", and often leaves a mark unclosed. An
odd mark costs only the quotation it belongs to, never the document. A
paragraph that opens a quote and does not close it continues into the next
paragraph when that one reopens it (the typesetting rule for long quotes);
otherwise it runs to its paragraph's end, as if the closing mark were lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Double-quote marks. Straight marks and the typewriter '' and `` pairs can
# open or close; the rest say which they are. Literal alternatives only, not a
# [class]: then the regex engine skips to the next mark's first character at C speed.
_DOUBLE = re.compile("''|``|\"|“|”|„|«|»")
_OPENERS = {"“", "„", "«", "``"}
_CLOSERS = {"”", "»"}
# Single marks, used only outside double quotes (headlines, British style).
_SINGLE = re.compile(r"[‘’']")
_MAX_SINGLE_QUOTE = 300
# Space and the invisible marks pasted text brings along (bidi embeddings, joiners).
_INVISIBLE = " \t\u00a0\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"


@dataclass(frozen=True, slots=True)
class Quotation:
    """The content between a pair of quote marks (marks excluded).

    `open_at`/`close_at` are the offsets of the marks themselves so that the
    sieve can look at what stands right before and after them; `continued`
    says the quotation goes on from the previous paragraph's open quote.
    """

    start: int
    end: int
    open_at: int
    close_at: int  # offset just past the closing mark (== end for an open-ended one)
    paragraph: int
    single: bool = False
    continued: bool = False
    closed: bool = True


def _space_or_edge(text: str, i: int, lo: int, hi: int) -> bool:
    return i < lo or i >= hi or text[i].isspace()


def _can_open(text: str, mark: str, at: int, end: int, lo: int, hi: int) -> bool:
    if mark in _OPENERS:
        return True
    if mark == "”" and (
        not text[lo:at].strip(_INVISIBLE)
        or (_space_or_edge(text, at - 1, lo, hi) and end < hi and text[end].isalnum())
    ):
        # "” … in the case of Wyoming, …,” wrote Time", "let policy aides ”get close to
        # Ben …”": at a paragraph's start, or before a word, a typo'd opener
        return True
    if mark in _CLOSERS:
        return False
    before_ok = _space_or_edge(text, at - 1, lo, hi) or text[at - 1] in "([{—–―-/:;,"
    after_ok = not _space_or_edge(text, end, lo, hi)
    return before_ok and after_ok


def _can_close(text: str, mark: str, at: int, end: int, lo: int, hi: int, opener: str) -> bool:
    if mark in _CLOSERS:
        return True
    if mark == "“":
        # „German“ closes with “; a curly opener glued to a word is a typo'd closer.
        return opener == "„" or not _space_or_edge(text, at - 1, lo, hi)
    if mark in _OPENERS:
        return False
    # Glued to the word before ("win,"), or standing free before a space or the end
    # ("… the primary,' " she said).
    return (
        not _space_or_edge(text, at - 1, lo, hi)
        or _space_or_edge(text, end, lo, hi)
        or (text[end] in ".,;:!?)")
    )


def _double_quotes(
    text: str, lo: int, hi: int, paragraph: int
) -> tuple[list[Quotation], tuple[int, int] | None]:
    """Closed double quotations in text[lo:hi] and a dangling opener (mark, content start)."""
    found: list[Quotation] = []
    opener: tuple[str, int, int] | None = None  # mark, mark start, content start
    for match in _DOUBLE.finditer(text, lo, hi):
        mark, at, end = match.group(), match.start(), match.end()
        if opener is None:
            if _can_open(text, mark, at, end, lo, hi):
                opener = (mark, at, end)
            continue
        if mark in _OPENERS and not text[opener[2] : at].strip():
            opener = (mark, at, end)  # `"“You don't win …”`: a doubled opener, the first stray
            continue
        if _can_close(text, mark, at, end, lo, hi, opener[0]):
            if at > opener[2]:
                found.append(Quotation(opener[2], at, opener[1], end, paragraph))
            opener = None
        elif _can_open(text, mark, at, end, lo, hi):
            opener = (mark, at, end)  # the earlier opener was stray
    return found, ((opener[1], opener[2]) if opener else None)


def _single_quotes(
    text: str, lo: int, hi: int, paragraph: int, taken: list[Quotation]
) -> list[Quotation]:
    """‘Single’ quotations outside double ones; apostrophes never pair up."""
    found = []
    opener: tuple[str, int] | None = None
    for match in _SINGLE.finditer(text, lo, hi):
        at = match.start()
        before = text[at - 1] if at > lo else " "
        after = text[at + 1] if at + 1 < hi else " "
        if before.isalnum() and after.isalnum():
            continue  # apostrophe: don't, Kim’s (the commonest mark: tested first)
        if any(q.open_at <= at < q.close_at for q in taken):
            continue
        mark = match.group()
        if opener is None or at - opener[1] > _MAX_SINGLE_QUOTE:
            opener = None
            if mark in "‘'" and not before.isalnum() and after.isalnum():
                opener = (mark, at)
            continue
        closes = (mark == "’" and opener[0] == "‘") or (mark == "'" and opener[0] == "'")
        if closes and not before.isspace() and not after.isalnum():
            found.append(Quotation(opener[1] + 1, at, opener[1], at + 1, paragraph, single=True))
            opener = None
    return found


def find_quotations(text: str, paragraphs: list[tuple[int, int]]) -> list[Quotation]:
    """Every quotation in the text, in order, with multi-paragraph quotes chained."""
    quotations: list[Quotation] = []
    dangling: tuple[int, int, bool] | None = None  # previous paragraph's open quote
    for index, (lo, hi) in enumerate(paragraphs):
        found, opened = _double_quotes(text, lo, hi, index)
        reopens = bool(found) and found[0].open_at == lo
        reopens_open = opened is not None and opened[0] == lo and not found
        if dangling is not None:
            # The previous paragraph's open quote ends with it; if this one reopens, the
            # quote goes on (a long quote), else its closing mark was lost.
            quotations.append(_open_ended(dangling, paragraphs, index - 1))
            if reopens:
                first = found[0]
                found[0] = Quotation(
                    first.start, first.end, first.open_at, first.close_at, index, continued=True
                )
        quotations.extend(found)
        quotations.extend(_single_quotes(text, lo, hi, index, found))
        if opened is not None:
            dangling = (opened[0], opened[1], dangling is not None and reopens_open)
        else:
            dangling = None
    if dangling is not None:
        quotations.append(_open_ended(dangling, paragraphs, len(paragraphs) - 1))
    quotations.sort(key=lambda q: q.start)
    return quotations


def _open_ended(
    dangling: tuple[int, int, bool], paragraphs: list[tuple[int, int]], paragraph: int
) -> Quotation:
    """A quotation whose paragraph ends before its closing mark."""
    mark_at, content_at, continued = dangling
    end = paragraphs[paragraph][1]
    return Quotation(content_at, end, mark_at, end, paragraph, continued=continued, closed=False)
