"""The typed records `parse` returns: plain, immutable, JSON-ready.

Everything downstream (store, eval, CLI) consumes these and nothing else, so
the parser can change its insides without touching the rest of quotedb.
Offsets are Python string indices into the text that was parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "partial", "indirect", "mixed"]
EntityKind = Literal["person", "organisation", "group", "place", "unknown"]
SourceKind = Literal[
    "letter",
    "note",
    "book",
    "interview",
    "speech",
    "statement",
    "tweet",
    "article",
    "broadcast",
    "press conference",
    "report",
    "ad",
    "video",
    "unknown",
]

QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "indirect", "mixed")
SOURCE_KINDS: tuple[str, ...] = SourceKind.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the document: where it is and what it says there."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or group the document talks about.

    `name` is the canonical name the document resolves mentions to
    ("Kim Jong-un"); `aliases` are the other ways the document refers to it
    ("Kim", "the dictator"); `mentions` are every place it is referred to.
    """

    name: str
    kind: EntityKind = "unknown"
    description: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "description": self.description,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Source:
    """The medium a quote was uttered in (a letter, the book *Rage*).

    `reported_by` is the next link of the reporting chain: the letter was
    printed in a book, the book was reported by an outlet ("Mirror Online").
    `evidence` is the text that named the medium ("In one note").
    """

    kind: SourceKind = "unknown"
    title: str | None = None
    author: str | None = None
    recipient: str | None = None
    reported_by: tuple[str, ...] = ()
    evidence: Span | None = None

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "title": self.title,
            "author": self.author,
            "recipient": self.recipient,
            "reported_by": list(self.reported_by),
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """One attribution: content spans, who said it, to whom, where, via whom.

    `speaker` is the canonical entity name, `speaker_mention` the words the cue
    attaches to ("he", "the dictator") so a reader can check the link.
    `claimed_by` is set for second-hand quotes (Trump claims Kim said ...).
    `rule` names the sieve rule that produced the attribution.
    """

    kind: QuoteKind
    spans: tuple[Span, ...]
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    recipients: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    source: Source | None = None
    claimed_by: str | None = None
    confidence: float = 0.5
    rule: str = ""

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end

    @property
    def text(self) -> str:
        """The content without outer quote marks; split spans joined by a space."""
        return " ".join(s.text for s in self.spans)

    def to_dict(self, doc: str | None = None) -> dict:
        """The `quotedb parse --format jsonl` record (field order is the contract)."""
        return {
            "doc": doc,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "spans": [[s.start, s.end] for s in self.spans],
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "recipients": list(self.recipients),
            "about": list(self.about),
            "source": (
                {"kind": self.source.kind, "title": self.source.title, "author": self.source.author}
                if self.source
                else {"kind": None, "title": None, "author": None}
            ),
            "claimed_by": self.claimed_by,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "reported_by": list(self.source.reported_by) if self.source else [],
        }


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """What `parse` returns for one text: its attributions and the entities they link."""

    text: str
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()
    metadata: dict = field(default_factory=dict)

    def entity(self, name: str) -> Entity | None:
        """The entity with this canonical name, if the document has one."""
        for entity in self.entities:
            if entity.name == name:
                return entity
        return None
