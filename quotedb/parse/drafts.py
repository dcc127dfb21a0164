"""The working records the sieve assembles attributions in, before they become `Quote`s."""

from __future__ import annotations

from dataclasses import dataclass, field

from quotedb.parse.lexicon import CueVerb
from quotedb.parse.media import KnownMedium
from quotedb.parse.quotemarks import Quotation
from quotedb.parse.text import Token


@dataclass(frozen=True, slots=True)
class Cue:
    first: int  # token indices, inclusive
    last: int
    verb: CueVerb | None  # None for "according to"


@dataclass
class Draft:
    """An attribution being assembled; becomes a `Quote` at the end."""

    kind: str
    spans: list[tuple[int, int]]
    rule: str
    confidence: float
    speaker: str | None = None
    mention: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    recipients: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    source_kind: str | None = None
    source_evidence: tuple[int, int] | None = None
    medium: KnownMedium | None = None
    claimed_by: str | None = None
    paragraph: int = -1
    cue_index: tuple[int, int] | None = None  # paragraph-token indices of the cue
    opens_paragraph_quote: bool = False  # its quote runs on into the next paragraph
    continues_quote: bool = False  # its first quote goes on from the previous paragraph


@dataclass
class Paragraph:
    index: int
    lo: int
    hi: int
    toks: list[Token]
    bounds: list[tuple[int, int]]
    sentence_of: list[int]
    inside: list[bool]
    quotes: list[Quotation]
    cues: list[Cue]
    media: list[str | None]  # the source kind each token names ("note" -> letter), or None
    headline: bool  # a title-case headline (clauses.is_headline): capitals name no one


def is_nested(draft: Draft, drafts: list[Draft]) -> bool:
    """Whether the draft's cue lies inside another draft's content ("Greene added that
    the Fed wants …", "decried Trump's calls for …"): a claim reported, not the voice
    of the sentence."""
    return draft.cue is not None and any(
        other is not draft and any(s <= draft.cue[0] < e for s, e in other.spans)
        for other in drafts
    )
