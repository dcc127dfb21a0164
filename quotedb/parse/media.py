"""Where a quote was uttered: letters, books, interviews, statements, tweets.

A medium named near a cue ("In one note", "said in a statement") becomes the
quote's source. Letters and books the text introduces ("Kim sent letters to
Donald Trump", "his new book Rage") are remembered for the whole document,
so that a later "the dictator said" inside the same letter gets its
addressee, and the reporting chain (letter -> book -> outlet) is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quotedb.parse.lexicon import MEDIA
from quotedb.parse.mentions import is_capitalised
from quotedb.parse.records import Source, Span
from quotedb.parse.text import Token

_TITLE_WORDS_AFTER = frozenset({"book", "memoir"})
_TITLE_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "to", "for"})
_PAIR_STARTS = frozenset(word.split()[0] for word in MEDIA if " " in word)


@dataclass
class KnownMedium:
    """A letter or book the document introduced, with what it says about it."""

    kind: str
    word: str
    author: str | None = None
    recipient: str | None = None
    title: str | None = None
    reported_by: list[str] = field(default_factory=list)


def medium_at(tokens: list[Token], index: int) -> str | None:
    """The source kind a token names ("note" -> letter), also two-word ones."""
    if index + 1 < len(tokens) and tokens[index].lower in _PAIR_STARTS:
        pair = f"{tokens[index].lower} {tokens[index + 1].lower}"
        if pair in MEDIA:
            return MEDIA[pair]
    return MEDIA.get(tokens[index].lower)


def media_kinds(tokens: list[Token], lowers: list[str]) -> list[str | None]:
    """medium_at for every token of a paragraph (`lowers`: each token's lower case),
    computed once for all the rules."""
    kinds = list(map(MEDIA.get, lowers))
    if _PAIR_STARTS.isdisjoint(lowers):  # most paragraphs: spares a second loop in Python
        return kinds
    for index in [i for i, lower in enumerate(lowers[:-1]) if lower in _PAIR_STARTS]:
        kinds[index] = medium_at(tokens, index)
    return kinds


def book_title(tokens: list[Token], index: int) -> str | None:
    """ "his new book Rage", "her book, Hard Choices,", her book "Hard Choices": the
    capitalised words (or the quoted title) right after the word "book"."""
    if tokens[index].lower not in _TITLE_WORDS_AFTER:
        return None
    k = index + 1
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    if k < len(tokens) and tokens[k].text in ('"', "“", "''", "``", "‘"):
        k += 1
    words = []
    for token in tokens[k : k + 8]:
        if not (is_capitalised(token) or (words and token.lower in _TITLE_SMALL_WORDS)):
            break
        words.append(token.text)
    while words and words[-1].lower() in _TITLE_SMALL_WORDS:
        words.pop()
    return " ".join(words) or None


class DocumentMedia:
    """The media one document talks about, in reading order."""

    def __init__(self) -> None:
        self.known: list[KnownMedium] = []
        self.outlets: list[str] = []

    def introduce(
        self, kind: str, word: str, author: str | None, recipient: str | None, title: str | None
    ) -> KnownMedium:
        for medium in self.known:
            if medium.kind == kind and (
                (title and medium.title == title)
                or (not title and medium.author == author and author is not None)
            ):
                medium.recipient = medium.recipient or recipient
                return medium
        medium = KnownMedium(kind, word, author, recipient, title)
        self.known.append(medium)
        return medium

    def relayed_by(self, outlet: str) -> None:
        """ "…, reports Mirror Online": the outlet whose article this text relays, the
        last link of every medium's reporting chain."""
        if outlet not in self.outlets:
            self.outlets.append(outlet)
            self.introduce("article", outlet, None, None, outlet)

    def by_author(self, kind: str, author: str | None) -> KnownMedium | None:
        for medium in reversed(self.known):
            if medium.kind == kind and (author is None or medium.author == author):
                return medium
        return None

    def link_book(self, kind: str, book: KnownMedium) -> None:
        """A sentence that names both a letter and a book: the book printed the letters."""
        for medium in self.known:
            if (
                medium.kind == kind
                and medium is not book
                and book.title
                and book.title not in medium.reported_by
            ):
                medium.reported_by.append(book.title)

    def source(self, kind: str, evidence: Span | None, medium: KnownMedium | None) -> Source:
        chain = list(medium.reported_by) if medium else []
        own = medium.title if medium else None
        chain += [outlet for outlet in self.outlets if outlet not in chain and outlet != own]
        return Source(
            kind=kind,  # type: ignore[arg-type]
            title=medium.title if medium else None,
            author=medium.author if medium else None,
            recipient=medium.recipient if medium else None,
            reported_by=tuple(chain),
            evidence=evidence,
        )
