"""Read-only questions over the store: who said what, to whom, where and through whom.

Every function takes an engine and returns plain dicts (or streams them), so the
CLI only chooses options and a format. User input reaches the database as bound
parameters only; full-text queries are rebuilt from the input's words, each one
quoted, so FTS5 and tsquery operators in the input are searched as words.

Rows are quote *occurrences* (one quote as one document reports it) and carry
the occurrence's stable `id`, which `show` takes.
"""

import difflib
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import chain, groupby, repeat
from operator import itemgetter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from quotedb.store import keys
from quotedb.store.models import QUOTE_FTS_TABLE, QUOTE_SEARCH_CONFIG
from quotedb.store.tables import (
    ABOUT,
    ACTIONS,
    ALIAS_DECISIONS,
    ALIASES,
    CORRECTIONS,
    DOCUMENTS,
    ENTITIES,
    MERGES,
    OCCURRENCES,
    QUOTES,
    RECIPIENTS,
    REVIEWS,
    SOURCE_LINKS,
    SOURCES,
)

SPEAKER = ENTITIES.alias("speaker")
CLAIMANT = ENTITIES.alias("claimant")

# Rows are fetched, and their people, sources and documents looked up, this
# many at a time: memory stays flat however many rows a query streams. Small
# batches stream faster (fewer objects alive at once, for the caches and the
# garbage collector to keep up with); below a few hundred the lookups cost more.
BATCH_SIZE = 500
# who-said: full-text candidates the fuzzy fallback compares, and the least
# share of the searched words' letters a candidate must contain, in order.
FUZZY_CANDIDATES = 300
FUZZY_MIN_SCORE = 0.6
FUZZY_WORDS = 3
QID = re.compile(r"^Q\d+$", re.IGNORECASE)
# Letters and digits only: what a token may hold once it is spliced into an
# FTS5 or tsquery expression (quoted there as well).
_SEARCH_WORD = re.compile(r"[^\W_]+")

# The columns of a quote row, in output order (the same in every format).
QUOTE_COLUMNS = (
    "id",
    "quote_id",
    "date",
    "speaker",
    "speaker_qid",
    "recipients",
    "about",
    "claimed_by",
    "text",
    "kind",
    "cue",
    "speaker_mention",
    "source_kind",
    "source_title",
    "source_author",
    "document_id",
    "document_title",
    "document_url",
    "publisher",
    "content_start",
    "content_end",
    "confidence",
    "rule",
)


class QueryError(Exception):
    """A question the store cannot answer as asked; str() is one plain sentence."""


class UnknownName(QueryError):
    """No entity has this name or alias."""


class AmbiguousName(QueryError):
    """Several entities answer to this name; `candidates` lists them."""

    def __init__(self, name: str, candidates: list["EntityRef"]) -> None:
        self.name = name
        self.candidates = candidates
        listed = "; ".join(candidate.label for candidate in candidates)
        super().__init__(
            f"{name!r} could mean {len(candidates)} entities: {listed} "
            "(give a fuller name or a QID)"
        )


class NotFound(QueryError):
    """No row has the requested id."""


@dataclass(frozen=True)
class EntityRef:
    """An entity a name resolved to."""

    id: int
    name: str
    kind: str
    qid: str | None
    description: str | None

    @property
    def label(self) -> str:
        """How a candidate is shown when a name is ambiguous."""
        extras = [part for part in (self.qid, self.description) if part]
        return f"{self.name} ({', '.join(extras)})" if extras else self.name


@dataclass(frozen=True)
class QuoteFilter:
    """What `quotes` and `export` select; names resolve through aliases."""

    speaker: str | EntityRef | None = None
    to: str | EntityRef | None = None
    about: str | EntityRef | None = None
    claimed_by: str | EntityRef | None = None
    source_kind: str | None = None
    search: str | None = None
    kind: str | None = None
    since: date | None = None
    until: date | None = None
    document: str | None = None
    min_confidence: float | None = None
    limit: int | None = None


# --- human decisions ------------------------------------------------------------
#
# People's decisions (quotedb.curation writes them) are applied here, over the
# machine's rows, every time a question is asked: nothing in the machine's tables
# changes, so re-ingesting never undoes a decision and undoing one is exact.
# They are few (people make them), so they are loaded whole for each question.


def _in_force(table: sa.Table) -> sa.ColumnElement:
    """Rows of a decision table whose action has not been undone."""
    undone = sa.select(ACTIONS.c.id).where(ACTIONS.c.undone_at.is_not(None))
    return table.c.action_id.not_in(undone)


@dataclass(frozen=True)
class AttachedCorrection:
    """A correction in force and the current occurrences it applies to (none: the quote
    is gone from the document's current version, so the correction no longer applies)."""

    id: int
    action_id: int
    field: str
    value: Any
    original: Any
    occurrence_id: int | None
    document_id: int | None
    quote_key: str
    targets: tuple[int, ...]


def _current_version(connection: Connection, document_id: int) -> int:
    """The newest version of a document (documents.superseded_by_id followed to its end)."""
    seen = {document_id}
    while True:
        newer = connection.execute(
            sa.select(DOCUMENTS.c.superseded_by_id).where(DOCUMENTS.c.id == document_id)
        ).scalar()
        if newer is None or newer in seen:
            return document_id
        seen.add(newer)
        document_id = newer


def attached_corrections(
    connection: Connection, *, originals: bool = True
) -> list[AttachedCorrection]:
    """Every correction in force, oldest first, with the occurrences it now applies to:
    the occurrence a person corrected while it is current, else the occurrences of the
    same words (quote key) in the current version of the same document. Without
    `originals` the machine's values are left out (None): applying needs only the new."""
    query = (
        sa.select(
            CORRECTIONS.c.id,
            CORRECTIONS.c.action_id,
            CORRECTIONS.c.field,
            CORRECTIONS.c.value,
            CORRECTIONS.c.original if originals else sa.null(),
            CORRECTIONS.c.occurrence_id,
            CORRECTIONS.c.document_id,
            CORRECTIONS.c.quote_key,
            OCCURRENCES.c.superseded,
        )
        .select_from(
            CORRECTIONS.outerjoin(OCCURRENCES, OCCURRENCES.c.id == CORRECTIONS.c.occurrence_id)
        )
        .where(_in_force(CORRECTIONS))
        .order_by(CORRECTIONS.c.id)
    )
    attached = []
    for row in connection.execute(query).all():
        if row.occurrence_id is not None and row.superseded is False:
            targets: tuple[int, ...] = (row.occurrence_id,)
        elif row.document_id is None:
            targets = ()
        else:
            current = _current_version(connection, row.document_id)
            found = connection.execute(
                sa.select(OCCURRENCES.c.id)
                .join(QUOTES, QUOTES.c.id == OCCURRENCES.c.quote_id)
                .where(
                    OCCURRENCES.c.document_id == current,
                    OCCURRENCES.c.superseded.is_(sa.false()),
                    QUOTES.c.key == row.quote_key,
                )
                .order_by(OCCURRENCES.c.id)
            )
            targets = tuple(found.scalars())
        attached.append(AttachedCorrection(*row[:8], targets=targets))
    return attached


@dataclass
class Decisions:
    """The human decisions in force, as the query layer applies them.

    `canonical` maps a merged entity to the entity it was merged into; the
    per-occurrence maps hold corrected values (the latest correction wins).
    """

    canonical: dict[int, int] = field(default_factory=dict)
    speaker: dict[int, int | None] = field(default_factory=dict)
    recipients: dict[int, list[int]] = field(default_factory=dict)
    source_kind: dict[int, str] = field(default_factory=dict)
    hidden: set[int] = field(default_factory=set)
    aliases_added: dict[str, set[int]] = field(default_factory=dict)
    aliases_removed: dict[str, set[int]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any((self.canonical, self.speaker, self.recipients, self.source_kind, self.hidden))

    def canon(self, entity_id: int | None) -> int | None:
        """The entity `entity_id` now counts as (itself unless merged into another)."""
        seen = set()
        while entity_id in self.canonical and entity_id not in seen:
            seen.add(entity_id)
            entity_id = self.canonical[entity_id]
        return entity_id

    def members(self, entity_id: int) -> list[int]:
        """The entity and every entity merged into it: whose rows count as its own."""
        return [entity_id] + [m for m in self.canonical if self.canon(m) == entity_id]

    def corrected(
        self, machine: sa.ColumnElement, values: dict[int, Any], matches: Callable[[Any], bool]
    ) -> sa.ColumnElement:
        """`machine` for occurrences nobody corrected, `matches(value)` for the others."""
        if not values:
            return machine
        chosen = [occurrence for occurrence, value in values.items() if matches(value)]
        condition = sa.and_(machine, OCCURRENCES.c.id.not_in(list(values)))
        return sa.or_(condition, OCCURRENCES.c.id.in_(chosen)) if chosen else condition


NO_DECISIONS = Decisions()


def _absorb_vouched_namesakes(connection: Connection, decisions: Decisions) -> None:
    """A name of two or more words that people gave one entity (alias add, entities
    import) also claims the machine's entities of exactly that name without a QID: a
    document ingested later that names "Pepe Ramírez" counts as José Ramírez. One-word
    names stay apart, as ingest keeps them (too ambiguous across documents)."""
    vouched = {
        key: next(iter(ids))
        for key, ids in decisions.aliases_added.items()
        if len(ids) == 1 and len(key.split()) >= 2
    }
    if not vouched:
        return
    targets = set(vouched.values())
    namesakes = sa.select(ENTITIES.c.id, ENTITIES.c.key).where(
        ENTITIES.c.key.in_(list(vouched)), ENTITIES.c.qid.is_(None)
    )
    for entity_id, key in connection.execute(namesakes):
        into = vouched[key]
        if entity_id != into and entity_id not in targets and entity_id not in decisions.canonical:
            decisions.canonical[entity_id] = into


def load_decisions(connection: Connection) -> Decisions:
    """The decisions in force now (merges, aliases, corrections re-attached)."""
    decisions = Decisions()
    merges = sa.select(MERGES.c.from_entity_id, MERGES.c.into_entity_id).where(_in_force(MERGES))
    decisions.canonical = {from_id: into_id for from_id, into_id in connection.execute(merges)}
    alias_query = (
        sa.select(ALIAS_DECISIONS.c.entity_id, ALIAS_DECISIONS.c.key, ALIAS_DECISIONS.c.change)
        .where(_in_force(ALIAS_DECISIONS))
        .order_by(ALIAS_DECISIONS.c.id)
    )
    for entity_id, key, change in connection.execute(alias_query):
        added = decisions.aliases_added.setdefault(key, set())
        removed = decisions.aliases_removed.setdefault(key, set())
        (added if change == "add" else removed).add(entity_id)
        (removed if change == "add" else added).discard(entity_id)
    _absorb_vouched_namesakes(connection, decisions)
    for correction in attached_corrections(connection, originals=False):
        for occurrence_id in correction.targets:
            value = correction.value
            if correction.field == "speaker":
                decisions.speaker[occurrence_id] = value["id"] if value else None
            elif correction.field == "recipients":
                decisions.recipients[occurrence_id] = [entity["id"] for entity in value]
            elif correction.field == "source_kind":
                decisions.source_kind[occurrence_id] = value
            elif value:
                decisions.hidden.add(occurrence_id)
            else:
                decisions.hidden.discard(occurrence_id)
    return decisions


# --- names -----------------------------------------------------------------


def _entity_refs(connection: Connection, condition: sa.ColumnElement) -> list[EntityRef]:
    columns = (ENTITIES.c.id, ENTITIES.c.name, ENTITIES.c.kind, ENTITIES.c.qid)
    query = (
        sa.select(*columns, ENTITIES.c.description)
        .where(condition)
        .order_by(ENTITIES.c.name, ENTITIES.c.id)
    )
    return [EntityRef(*row) for row in connection.execute(query)]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def resolve_name(
    connection: Connection, name: str | EntityRef, decisions: Decisions | None = None
) -> EntityRef:
    """The one entity `name` means: a QID, then a canonical name, then an alias, then
    a name holding all its words ("kim jong" -> "Kim Jong-un"), ignoring case and accents.
    People's decisions count: a merged entity answers as the one it was merged into,
    aliases they removed are not names, aliases they added are.

    Raises UnknownName, or AmbiguousName listing the candidates.
    """
    if isinstance(name, EntityRef):
        return name
    key = keys.name_key(name)
    if not key:
        raise UnknownName(f"{name!r} is not a name: it has no letters or digits")
    if decisions is None:
        decisions = load_decisions(connection)
    alias_of = sa.select(ALIASES.c.entity_id).where(ALIASES.c.key == key)
    removed = decisions.aliases_removed.get(key)
    if removed:
        alias_of = alias_of.where(ALIASES.c.entity_id.not_in(list(removed)))
    by_alias = ENTITIES.c.id.in_(alias_of)
    added = decisions.aliases_added.get(key)
    if added:
        by_alias = sa.or_(by_alias, ENTITIES.c.id.in_(list(added)))
    contains_words = sa.and_(
        *(
            (sa.literal(" ") + ENTITIES.c.key + " ").like(f"% {_escape_like(word)} %", escape="\\")
            for word in key.split()
        )
    )
    levels = [ENTITIES.c.key == key, by_alias, contains_words]
    if QID.match(name.strip()):
        levels.insert(0, ENTITIES.c.qid == name.strip().upper())
    for condition in levels:
        candidates = _canonical_refs(connection, decisions, _entity_refs(connection, condition))
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise AmbiguousName(name, candidates)
    raise UnknownName(f"no one called {name!r} is in the database")


def _canonical_refs(
    connection: Connection, decisions: Decisions, candidates: list[EntityRef]
) -> list[EntityRef]:
    """The candidates with merged entities replaced by the ones they were merged into."""
    if not decisions.canonical:
        return candidates
    wanted = list(dict.fromkeys(decisions.canon(candidate.id) for candidate in candidates))
    found = {ref.id: ref for ref in _entity_refs(connection, ENTITIES.c.id.in_(wanted))}
    return sorted((found[entity_id] for entity_id in wanted), key=lambda r: (r.name, r.id))


# --- full-text search --------------------------------------------------------


def search_words(text: str) -> list[str]:
    """The words of a search: letters and digits, accents folded, lower case."""
    return _SEARCH_WORD.findall(keys.name_key(text))


def _fts_expression(words: list[str], mode: str) -> str:
    """An FTS5 MATCH string whose every word is a quoted string, so no input is syntax."""
    if mode == "phrase":
        return '"' + " ".join(words) + '"'
    if mode == "all":
        return " AND ".join(f'"{word}"' for word in words)
    return " OR ".join(f'"{word}"*' for word in words)


def _tsquery(words: list[str], mode: str) -> sa.ColumnElement:
    """The PostgreSQL tsquery for `words`, built like the index ('english' stemming)."""
    config = sa.literal_column(f"'{QUOTE_SEARCH_CONFIG}'")
    if mode == "phrase":
        return sa.func.phraseto_tsquery(config, " ".join(words))
    if mode == "all":
        return sa.func.plainto_tsquery(config, " ".join(words))
    return sa.func.to_tsquery(config, " | ".join(f"{word}:*" for word in words))


def _text_matches(dialect: str, words: list[str], mode: str) -> sa.ColumnElement:
    """A condition on QUOTES: its text matches `words` through the full-text index."""
    if dialect == "sqlite":
        fts = sa.table(QUOTE_FTS_TABLE, sa.column("rowid"))
        match = sa.text(f"{QUOTE_FTS_TABLE} MATCH :fts_query").bindparams(
            fts_query=_fts_expression(words, mode)
        )
        return QUOTES.c.id.in_(sa.select(fts.c.rowid).where(match))
    config = sa.literal_column(f"'{QUOTE_SEARCH_CONFIG}'")
    return sa.func.to_tsvector(config, QUOTES.c.text).op("@@")(_tsquery(words, mode))


def _ranked_matches(connection: Connection, words: list[str], mode: str, limit: int) -> list[int]:
    """Quote ids matching `words`, best first (bm25 / ts_rank)."""
    if connection.dialect.name == "sqlite":
        query = sa.text(
            f"SELECT rowid FROM {QUOTE_FTS_TABLE} WHERE {QUOTE_FTS_TABLE} MATCH :fts_query "
            "ORDER BY rank LIMIT :limit"
        )
        params = {"fts_query": _fts_expression(words, mode), "limit": limit}
        return list(connection.execute(query, params).scalars())
    config = sa.literal_column(f"'{QUOTE_SEARCH_CONFIG}'")
    vector = sa.func.to_tsvector(config, QUOTES.c.text)
    tsquery = _tsquery(words, mode)
    query = (
        sa.select(QUOTES.c.id)
        .where(vector.op("@@")(tsquery))
        .order_by(sa.func.ts_rank(vector, tsquery).desc(), QUOTES.c.id)
        .limit(limit)
    )
    return list(connection.execute(query).scalars())


# --- quote rows ----------------------------------------------------------------


def _occurrence_query(order: str) -> sa.Select:
    """Occurrences with their quote; people, sources and documents are looked up per
    batch (see _decorate): a two-table join streams several times faster than seven."""
    joined = OCCURRENCES.join(QUOTES, QUOTES.c.id == OCCURRENCES.c.quote_id)
    if order == "newest":
        joined = joined.join(DOCUMENTS, DOCUMENTS.c.id == OCCURRENCES.c.document_id)
    return sa.select(
        OCCURRENCES.c.id,
        OCCURRENCES.c.quote_id,
        OCCURRENCES.c.document_id,
        QUOTES.c.speaker_id,
        QUOTES.c.claimed_by_id,
        OCCURRENCES.c.source_id,
        QUOTES.c.text,
        QUOTES.c.kind,
        OCCURRENCES.c.cue,
        OCCURRENCES.c.speaker_mention,
        OCCURRENCES.c.content_start,
        OCCURRENCES.c.content_end,
        OCCURRENCES.c.confidence,
        OCCURRENCES.c.rule,
    ).select_from(joined)


def _linked(table: sa.Table, entity_ids: list[int]) -> sa.ColumnElement:
    # IN, not EXISTS: the planner then starts from the entity_id index instead
    # of probing every occurrence.
    linked = sa.select(table.c.occurrence_id).where(_one_of_ids(table.c.entity_id, entity_ids))
    return OCCURRENCES.c.id.in_(linked)


def _one_of_ids(column: sa.ColumnElement, ids: list[int]) -> sa.ColumnElement:
    # `=` when there is one (no merge): the plan the benchmarks measured.
    return column == ids[0] if len(ids) == 1 else column.in_(ids)


def _in_documents(*conditions: sa.ColumnElement) -> sa.ColumnElement:
    return OCCURRENCES.c.document_id.in_(sa.select(DOCUMENTS.c.id).where(*conditions))


def _conditions(
    connection: Connection, where: QuoteFilter, decisions: Decisions = NO_DECISIONS
) -> list[sa.ColumnElement]:
    """The WHERE clauses for `where`, with people's decisions applied (corrected links,
    merged entities, occurrences marked not a quote); names are resolved first (and
    may raise)."""
    conditions: list[sa.ColumnElement] = [OCCURRENCES.c.superseded.is_(sa.false())]
    if decisions.hidden:
        conditions.append(OCCURRENCES.c.id.not_in(list(decisions.hidden)))

    def entity(name: str | EntityRef) -> tuple[int, list[int]]:
        found = resolve_name(connection, name, decisions).id
        return found, decisions.members(found)

    if where.speaker is not None:
        speaker, members = entity(where.speaker)
        conditions.append(
            decisions.corrected(
                _one_of_ids(QUOTES.c.speaker_id, members),
                decisions.speaker,
                lambda value: decisions.canon(value) == speaker,
            )
        )
    if where.claimed_by is not None:
        conditions.append(_one_of_ids(QUOTES.c.claimed_by_id, entity(where.claimed_by)[1]))
    if where.to is not None:
        recipient, members = entity(where.to)
        conditions.append(
            decisions.corrected(
                _linked(RECIPIENTS, members),
                decisions.recipients,
                lambda value: recipient in {decisions.canon(entity_id) for entity_id in value},
            )
        )
    if where.about is not None:
        conditions.append(_linked(ABOUT, entity(where.about)[1]))
    if where.source_kind is not None:
        kind = where.source_kind.strip().lower()
        conditions.append(
            decisions.corrected(
                OCCURRENCES.c.source_id.in_(sa.select(SOURCES.c.id).where(SOURCES.c.kind == kind)),
                decisions.source_kind,
                lambda value: value == kind,
            )
        )
    if where.kind is not None:
        conditions.append(QUOTES.c.kind == where.kind)
    if where.since is not None:
        conditions.append(_in_documents(DOCUMENTS.c.published >= where.since))
    if where.until is not None:
        conditions.append(_in_documents(DOCUMENTS.c.published <= where.until))
    if where.min_confidence is not None:
        conditions.append(OCCURRENCES.c.confidence >= where.min_confidence)
    if where.document is not None:
        document = where.document.strip()
        by_url = DOCUMENTS.c.url == document
        is_id = document.isdecimal() and len(document) < 19
        named = sa.or_(DOCUMENTS.c.id == int(document), by_url) if is_id else by_url
        conditions.append(_in_documents(named))
    if where.search is not None:
        words = search_words(where.search)
        if not words:
            conditions.append(sa.false())
        else:
            conditions.append(_text_matches(connection.dialect.name, words, "all"))
    return conditions


def _in_batch(column: sa.ColumnElement, ids: Collection[int]) -> sa.ColumnElement:
    """`column IN ids` for a batch's ids, as BETWEEN when they are a dense range (a
    batch in id order): cheaper than a long IN list; the few extra rows are ignored."""
    low, high = min(ids), max(ids)
    return column.between(low, high) if high - low < 2 * len(ids) else column.in_(ids)


def _names_by_occurrence(
    connection: Connection, table: sa.Table, occurrence_ids: Sequence[int], lookups: "_Lookups"
) -> dict[int, list[str] | str]:
    query = (
        sa.select(table.c.occurrence_id, table.c.entity_id)
        .where(_in_batch(table.c.occurrence_id, occurrence_ids))
        .order_by(table.c.occurrence_id)  # the primary key's order: no sort
    )
    linked = list(chain.from_iterable(_tuples(connection, query, stream=False)))
    if not linked:
        return {}
    occurrence_ids, entity_ids = zip(*linked)
    # Names come from the stream's entity cache: no join in the database.
    entities = lookups.fill(lookups.entities, _ENTITY_COLUMNS, set(entity_ids))
    names = map(itemgetter(0), map(entities.__getitem__, entity_ids))
    if len(set(occurrence_ids)) == len(occurrence_ids):
        # One name each, the usual case: nothing to group or sort.
        if lookups.list_separator is None:
            return {occurrence_id: [name] for occurrence_id, name in zip(occurrence_ids, names)}
        return dict(zip(occurrence_ids, names))
    return {
        occurrence_id: lookups.listed(sorted(name for _, name in group))
        for occurrence_id, group in groupby(zip(occurrence_ids, names), itemgetter(0))
    }


def _by_id(connection: Connection, columns: list, ids: Collection[int]) -> dict[int, tuple]:
    """{id: (other columns...)} for the rows of the first column's table with these ids
    (and, from a dense range, a few more)."""
    if not ids:
        return {}
    query = sa.select(*columns).where(_in_batch(columns[0], ids))
    return {row[0]: tuple(row[1:]) for row in connection.execute(query).all()}


_NO_ENTITY = (None, None)
_NO_SOURCE = (None, None, None)
_ENTITY_COLUMNS = [ENTITIES.c.id, ENTITIES.c.name, ENTITIES.c.qid]
_SOURCE_COLUMNS = [SOURCES.c.id, SOURCES.c.kind, SOURCES.c.title, SOURCES.c.author]
_DOCUMENT_COLUMNS = [
    DOCUMENTS.c.id,
    DOCUMENTS.c.published,
    DOCUMENTS.c.title,
    DOCUMENTS.c.url,
    DOCUMENTS.c.publisher,
]
# People and sources recur across batches (a few people say most quotes), so one
# stream keeps those it has looked up, up to this many before starting afresh.
LOOKUP_CACHE_SIZE = 100_000


class _Lookups:
    """Entity and source columns for one stream, fetched by id and kept (bounded)."""

    def __init__(
        self,
        connection: Connection,
        decisions: Decisions = NO_DECISIONS,
        list_separator: str | None = None,
    ) -> None:
        self.connection = connection
        self.decisions = decisions
        self.list_separator = list_separator
        self.entities: dict[int, tuple] = {}
        self.sources: dict[int, tuple] = {}
        # Every merged entity and who it now is, so a column maps through dict.get.
        self.merged = {entity: decisions.canon(entity) for entity in decisions.canonical}

    def fill(self, cache: dict[int, tuple], columns: list, ids: set) -> dict[int, tuple]:
        missing = ids.difference(cache, (None,))
        if len(cache) + len(missing) > LOOKUP_CACHE_SIZE:
            cache.clear()
            missing = ids - {None}
        cache.update(_by_id(self.connection, columns, missing))
        return cache

    def decorate(self, rows: Sequence[Sequence]) -> list[tuple]:
        """A batch of _occurrence_query rows as tuples in QUOTE_COLUMNS order.

        Built a column at a time with map and zip, which run in C, so neither the
        lookups nor people's decisions cost a Python call per row."""
        if not rows:
            return []
        (ids, quote_ids, document_ids, speaker_ids, claimed_by_ids, source_ids, texts, kinds,
         cues, mentions, starts, ends, confidences, rules) = zip(*rows)  # fmt: skip
        decisions = self.decisions
        if decisions.speaker:
            speaker_ids = tuple(map(decisions.speaker.get, ids, speaker_ids))
        if self.merged:
            speaker_ids = tuple(map(self.merged.get, speaker_ids, speaker_ids))
            claimed_by_ids = tuple(map(self.merged.get, claimed_by_ids, claimed_by_ids))
        if decisions.canonical or decisions.recipients:
            recipients = self._decided_names(RECIPIENTS, ids, decisions.recipients)
            about = self._decided_names(ABOUT, ids, {})
        else:
            recipients = _names_by_occurrence(self.connection, RECIPIENTS, ids, self)
            about = _names_by_occurrence(self.connection, ABOUT, ids, self)
        entities = self.fill(self.entities, _ENTITY_COLUMNS, {*speaker_ids, *claimed_by_ids})
        sources = self.fill(self.sources, _SOURCE_COLUMNS, set(source_ids))
        documents = _by_id(self.connection, _DOCUMENT_COLUMNS, set(document_ids))
        speakers, speaker_qids = zip(*map(entities.get, speaker_ids, repeat(_NO_ENTITY)))
        claimants = map(itemgetter(0), map(entities.get, claimed_by_ids, repeat(_NO_ENTITY)))
        source_kinds, source_titles, source_authors = zip(
            *map(sources.get, source_ids, repeat(_NO_SOURCE))
        )
        published, titles, urls, publishers = zip(*map(documents.__getitem__, document_ids))
        decorated = list(
            zip(ids, quote_ids, published, speakers, speaker_qids, self._names(recipients, ids),
                self._names(about, ids), claimants, texts, kinds, cues, mentions, source_kinds,
                source_titles, source_authors, document_ids, titles, urls, publishers, starts,
                ends, confidences, rules)
        )  # fmt: skip
        if decisions.source_kind:
            decorated = [self._decided_source(row) for row in decorated]
        return decorated

    def listed(self, names: list[str]) -> list[str] | str:
        """Recipients or about names as a row holds them: a list, or with a
        list_separator one text (what a CSV cell holds, joined once here)."""
        return names if self.list_separator is None else self.list_separator.join(names)

    def _names(self, names: dict[int, list[str] | str], ids: Sequence[int]) -> Iterable:
        """The recipients or about column of a batch (see listed)."""
        if self.list_separator is None:
            return [names.get(occurrence_id, []) for occurrence_id in ids]
        return map(names.get, ids, repeat(""))

    def _decided_names(
        self, table: sa.Table, occurrence_ids: Sequence[int], corrected: dict[int, list[int]]
    ) -> dict[int, list[str] | str]:
        """Recipient or about names per occurrence: corrected lists where a person gave
        one, merged people as who they now are."""
        linked: dict[int, list[int]] = {}
        query = sa.select(table.c.occurrence_id, table.c.entity_id).where(
            table.c.occurrence_id.in_(occurrence_ids)
        )
        for occurrence_id, entity_id in self.connection.execute(query):
            linked.setdefault(occurrence_id, []).append(entity_id)
        for occurrence_id in occurrence_ids:
            if occurrence_id in corrected:
                linked[occurrence_id] = corrected[occurrence_id]
        canon = self.decisions.canon
        linked = {occ: [canon(entity_id) for entity_id in ids] for occ, ids in linked.items()}
        wanted = {entity_id for ids in linked.values() for entity_id in ids}
        entities = self.fill(self.entities, _ENTITY_COLUMNS, wanted)
        return {
            occurrence_id: self.listed(sorted({entities[entity_id][0] for entity_id in ids}))
            for occurrence_id, ids in linked.items()
            if ids
        }

    def _decided_source(self, row: tuple) -> tuple:
        """A decorated row with the corrected source kind (the machine's source title and
        author described another medium, so they are left out)."""
        kind = self.decisions.source_kind.get(row[0])
        if kind is None:
            return row
        position = QUOTE_COLUMNS.index("source_kind")
        return (*row[:position], kind, None, None, *row[position + 3 :])


def _batches(
    connection: Connection,
    query: sa.Select,
    decisions: Decisions = NO_DECISIONS,
    list_separator: str | None = None,
) -> Iterator[list[tuple]]:
    lookups = _Lookups(connection, decisions, list_separator)
    for batch in _tuples(connection, query):
        yield lookups.decorate(batch)


def _tuples(
    connection: Connection, query: sa.Select, *, stream: bool = True
) -> Iterator[Sequence[Sequence]]:
    """The rows of `query`, BATCH_SIZE at a time (all at once unless `stream`), for
    columns that need no type conversion. SQLite's are the driver's tuples, read from
    its cursor (which steps through the result as it is read): SQLAlchemy's Row objects
    cost more than the fetch, and each one the garbage collector tracks makes its full
    passes come sooner. Elsewhere they are Rows from a server-side cursor, which
    SQLAlchemy sets up and reads ahead of."""
    if connection.dialect.name == "sqlite":
        cursor = connection.execute(query).cursor
        while batch := cursor.fetchmany(BATCH_SIZE):
            yield batch
    elif not stream:
        yield connection.execute(query).all()
    else:
        yield from connection.execution_options(yield_per=BATCH_SIZE).execute(query).partitions()


# How quote rows may be ordered: newest document first (what a reader wants),
# storage order (no sort: what exports stream), or one quote's occurrences together.
ORDERS = {
    "newest": (DOCUMENTS.c.published.desc().nulls_last(), OCCURRENCES.c.id),
    "id": (OCCURRENCES.c.id,),
    "quote": (OCCURRENCES.c.quote_id, OCCURRENCES.c.id),
}


def quote_tuples(
    engine: Engine,
    where: QuoteFilter = QuoteFilter(),
    *,
    order: str = "newest",
    list_separator: str | None = None,
) -> Iterator[tuple]:
    """Quote occurrences matching `where` as tuples in QUOTE_COLUMNS order, streamed
    in `order` (see ORDERS): the fast path exports take. With `list_separator`,
    recipients and about are one text each, the names joined by it, instead of lists.

    Names are resolved before this returns, so an unknown or ambiguous name
    raises here, not halfway through the output.
    """
    connection = engine.connect()
    try:
        decisions = load_decisions(connection)
        query = _occurrence_query(order).where(*_conditions(connection, where, decisions))
        query = query.order_by(*ORDERS[order])
        if where.limit is not None:
            query = query.limit(where.limit)
    except BaseException:
        connection.close()
        raise
    batches = _batches(connection, query, decisions, list_separator)
    # Flattened in C: a generator between batch and row would cost a Python step per row.
    return chain.from_iterable(_closing(connection, batches))


def _closing(connection: Connection, items: Iterator) -> Iterator:
    with connection:
        yield from items


def quotes(
    engine: Engine, where: QuoteFilter = QuoteFilter(), *, order: str = "newest"
) -> Iterator[dict[str, Any]]:
    """Quote occurrences matching `where` as dicts keyed by QUOTE_COLUMNS (see quote_tuples)."""
    rows = quote_tuples(engine, where, order=order)
    return (dict(zip(QUOTE_COLUMNS, row, strict=True)) for row in rows)


def quote_groups(engine: Engine, where: QuoteFilter = QuoteFilter()) -> Iterator[dict[str, Any]]:
    """Quotes (not occurrences) matching `where`, each with its matching occurrences
    oldest first: the quotation-centric shape of Quotebank and ClaimReview.
    `where.limit` counts quotes. Streams."""
    with engine.connect() as connection:
        verdicts = reviews_by_quote(connection)
    rows = quotes(engine, replace(where, limit=None), order="quote")
    for count, (quote_id, group) in enumerate(groupby(rows, key=itemgetter("quote_id"))):
        if where.limit is not None and count >= where.limit:
            return
        occurrences = sorted(group, key=lambda row: (row["date"] is None, row["date"], row["id"]))
        first = occurrences[0]
        yield {
            **{key: first[key] for key in ("quote_id", "text", "kind", "speaker", "speaker_qid")},
            "claimed_by": first["claimed_by"],
            "occurrences": occurrences,
            "reviews": verdicts.get(quote_id, []),
        }


def reviews_by_quote(connection: Connection) -> dict[int, list[dict[str, Any]]]:
    """The fact-check verdicts in force, oldest first, by quote id."""
    query = (
        sa.select(
            REVIEWS.c.quote_id,
            REVIEWS.c.rating,
            REVIEWS.c.url,
            REVIEWS.c.reviewer,
            ACTIONS.c.at.label("reviewed_at"),
            ACTIONS.c.id.label("action_id"),
        )
        .join(ACTIONS, ACTIONS.c.id == REVIEWS.c.action_id)
        .where(ACTIONS.c.undone_at.is_(None))
        .order_by(REVIEWS.c.id)
    )
    found: dict[int, list[dict[str, Any]]] = {}
    for row in connection.execute(query):
        values = row._asdict()
        found.setdefault(values.pop("quote_id"), []).append(values)
    return found


def edges(engine: Engine, where: QuoteFilter = QuoteFilter()) -> list[dict[str, Any]]:
    """Who-to-whom: speaker -> recipient pairs weighted by how many quotes link them."""
    recipient = ENTITIES.alias("recipient")
    with engine.connect() as connection:
        decisions = load_decisions(connection)
        conditions = _conditions(connection, replace(where, limit=None), decisions)
        if decisions:
            return _decided_edges(connection, conditions, decisions)
        matched = (
            sa.select(QUOTES.c.speaker_id, RECIPIENTS.c.entity_id, OCCURRENCES.c.quote_id)
            .select_from(
                OCCURRENCES.join(QUOTES, QUOTES.c.id == OCCURRENCES.c.quote_id).join(
                    RECIPIENTS, RECIPIENTS.c.occurrence_id == OCCURRENCES.c.id
                )
            )
            .where(QUOTES.c.speaker_id.is_not(None), *conditions)
            .distinct()
            .subquery()
        )
        query = (
            sa.select(
                SPEAKER.c.id.label("source_id"),
                SPEAKER.c.name.label("source"),
                SPEAKER.c.qid.label("source_qid"),
                recipient.c.id.label("target_id"),
                recipient.c.name.label("target"),
                recipient.c.qid.label("target_qid"),
                sa.func.count().label("weight"),
            )
            .select_from(
                matched.join(SPEAKER, SPEAKER.c.id == matched.c.speaker_id).join(
                    recipient, recipient.c.id == matched.c.entity_id
                )
            )
            .group_by(
                *(
                    table.c[column]
                    for table in (SPEAKER, recipient)
                    for column in ("id", "name", "qid")
                )
            )
            .order_by(sa.desc("weight"), SPEAKER.c.name, recipient.c.name)
        )
        return [row._asdict() for row in connection.execute(query)]


def _decided_edges(
    connection: Connection, conditions: list[sa.ColumnElement], decisions: Decisions
) -> list[dict[str, Any]]:
    """edges() with people's decisions applied: corrected speakers and recipients, merged
    people as one. Counted here rather than in SQL; only stores with decisions pay."""
    query = (
        sa.select(OCCURRENCES.c.id, OCCURRENCES.c.quote_id, QUOTES.c.speaker_id)
        .select_from(OCCURRENCES.join(QUOTES, QUOTES.c.id == OCCURRENCES.c.quote_id))
        .where(*conditions)
    )
    quotes_by_pair: dict[tuple[int, int], set[int]] = {}
    result = connection.execution_options(yield_per=BATCH_SIZE).execute(query)
    for batch in result.partitions():
        ids = [occurrence_id for occurrence_id, _quote, _speaker in batch]
        linked: dict[int, list[int]] = {}
        for occurrence_id, entity_id in connection.execute(
            sa.select(RECIPIENTS.c.occurrence_id, RECIPIENTS.c.entity_id).where(
                RECIPIENTS.c.occurrence_id.in_(ids)
            )
        ):
            linked.setdefault(occurrence_id, []).append(entity_id)
        for occurrence_id, quote_id, speaker_id in batch:
            speaker = decisions.canon(decisions.speaker.get(occurrence_id, speaker_id))
            if speaker is None:
                continue
            recipients = decisions.recipients.get(occurrence_id, linked.get(occurrence_id, []))
            for recipient in {decisions.canon(entity_id) for entity_id in recipients}:
                quotes_by_pair.setdefault((speaker, recipient), set()).add(quote_id)
    people = {entity_id for pair in quotes_by_pair for entity_id in pair}
    names = _by_id(connection, _ENTITY_COLUMNS, people)
    found = [
        {
            "source_id": speaker,
            "source": names[speaker][0],
            "source_qid": names[speaker][1],
            "target_id": recipient,
            "target": names[recipient][0],
            "target_qid": names[recipient][1],
            "weight": len(quote_ids),
        }
        for (speaker, recipient), quote_ids in quotes_by_pair.items()
    ]
    return sorted(found, key=lambda edge: (-edge["weight"], edge["source"], edge["target"]))


# --- who said it -----------------------------------------------------------------


def _occurrences_of(
    connection: Connection, quote_ids: list[int], hidden: set[int]
) -> dict[int, list[dict]]:
    """The current occurrences of each quote, oldest first, less those people marked
    not a quote."""
    query = (
        sa.select(
            OCCURRENCES.c.quote_id,
            OCCURRENCES.c.id,
            DOCUMENTS.c.id.label("document_id"),
            DOCUMENTS.c.title,
            DOCUMENTS.c.url,
            DOCUMENTS.c.publisher,
            DOCUMENTS.c.published,
        )
        .join(DOCUMENTS, DOCUMENTS.c.id == OCCURRENCES.c.document_id)
        .where(OCCURRENCES.c.quote_id.in_(quote_ids), OCCURRENCES.c.superseded.is_(sa.false()))
        .order_by(DOCUMENTS.c.published.asc().nulls_last(), OCCURRENCES.c.id)
    )
    found: dict[int, list[dict]] = {}
    for row in connection.execute(query):
        values = row._asdict()
        if values["id"] not in hidden:
            found.setdefault(values.pop("quote_id"), []).append(values)
    return found


def _telling_words(words: list[str]) -> list[str]:
    """The longest few words: rarer than short ones, so their prefixes pick few
    candidates, and a misremembered ending still matches as a prefix."""
    longest = sorted(set(words), key=lambda word: (-len(word), word))
    return [word for word in longest[:FUZZY_WORDS] if len(word) >= 3] or longest[:FUZZY_WORDS]


def _fuzzy_score(words: list[str], text: str) -> float:
    """Share of the searched letters found, in order, in the text (1.0 = all of them)."""
    wanted = " ".join(words)
    matcher = difflib.SequenceMatcher(None, wanted, " ".join(search_words(text)), autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(wanted)


def who_said(engine: Engine, text: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Who said `text`: quotes holding it as a phrase, else all its words, else
    (misremembered wording) the closest quotes by fuzzy matching. Each hit has
    the speaker, its first appearance and every document that reported it."""
    words = search_words(text)
    if not words:
        raise QueryError(f"{text!r} has no words to search for")
    with engine.connect() as connection:
        scores: dict[int, float] = {}
        match = "phrase"
        for match in ("phrase", "all"):
            scores = {
                quote_id: 1.0 for quote_id in _ranked_matches(connection, words, match, limit)
            }
            if scores:
                break
        if not scores:
            match = "fuzzy"
            candidates = _ranked_matches(connection, _telling_words(words), "any", FUZZY_CANDIDATES)
            texts = _quote_texts(connection, candidates)
            ranked = sorted(
                ((_fuzzy_score(words, texts[quote_id]), quote_id) for quote_id in candidates),
                key=lambda pair: -pair[0],
            )
            scores = {
                quote_id: score for score, quote_id in ranked[:limit] if score >= FUZZY_MIN_SCORE
            }
        if not scores:
            return []
        return _hits(connection, scores, match)


def _quote_texts(connection: Connection, quote_ids: list[int]) -> dict[int, str]:
    query = sa.select(QUOTES.c.id, QUOTES.c.text).where(QUOTES.c.id.in_(quote_ids))
    return dict(connection.execute(query).all())


def _hits(connection: Connection, scores: dict[int, float], match: str) -> list[dict[str, Any]]:
    quote_ids = list(scores)
    query = (
        sa.select(
            QUOTES.c.id,
            QUOTES.c.text,
            QUOTES.c.kind,
            SPEAKER.c.name.label("speaker"),
            SPEAKER.c.qid.label("speaker_qid"),
            CLAIMANT.c.name.label("claimed_by"),
            QUOTES.c.first_published,
            QUOTES.c.speaker_id,
            QUOTES.c.claimed_by_id,
        )
        .select_from(
            QUOTES.outerjoin(SPEAKER, SPEAKER.c.id == QUOTES.c.speaker_id).outerjoin(
                CLAIMANT, CLAIMANT.c.id == QUOTES.c.claimed_by_id
            )
        )
        .where(QUOTES.c.id.in_(quote_ids))
    )
    quotes_by_id = {row.id: row for row in connection.execute(query)}
    decisions = load_decisions(connection)
    occurrences = _occurrences_of(connection, quote_ids, decisions.hidden)
    people = _Lookups(connection, decisions)
    hits = []
    for quote_id in quote_ids:
        quote, reported = quotes_by_id[quote_id], occurrences.get(quote_id, [])
        if not reported:
            continue  # only superseded versions of a document still hold it
        first = reported[0]
        speaker, speaker_qid, claimed_by = quote.speaker, quote.speaker_qid, quote.claimed_by
        if decisions:
            # As people decided for the first report: its corrected speaker, merged names.
            speaker_id = decisions.canon(decisions.speaker.get(first["id"], quote.speaker_id))
            claimed_by_id = decisions.canon(quote.claimed_by_id)
            names = people.fill(people.entities, _ENTITY_COLUMNS, {speaker_id, claimed_by_id})
            speaker, speaker_qid = names.get(speaker_id, _NO_ENTITY)
            claimed_by = names.get(claimed_by_id, _NO_ENTITY)[0]
        hits.append(
            {
                "id": first["id"],
                "quote_id": quote_id,
                "speaker": speaker,
                "speaker_qid": speaker_qid,
                "claimed_by": claimed_by,
                "text": quote.text,
                "kind": quote.kind,
                "match": match,
                "score": round(scores[quote_id], 3),
                "first_date": quote.first_published or first["published"],
                "first_document": first["title"] or first["url"],
                "documents": [
                    {
                        "id": occurrence["id"],
                        "document_id": occurrence["document_id"],
                        "title": occurrence["title"],
                        "url": occurrence["url"],
                        "publisher": occurrence["publisher"],
                        "date": occurrence["published"],
                    }
                    for occurrence in reported
                ],
            }
        )
    return hits


# --- people ----------------------------------------------------------------------


def _per_entity_counts(table: sa.Table) -> sa.Subquery:
    return (
        sa.select(
            table.c.entity_id.label("entity_id"),
            sa.func.count(sa.distinct(OCCURRENCES.c.quote_id)).label("n"),
        )
        .join(OCCURRENCES, OCCURRENCES.c.id == table.c.occurrence_id)
        .where(OCCURRENCES.c.superseded.is_(sa.false()))
        .group_by(table.c.entity_id)
        .subquery()
    )


def people(engine: Engine, search: str | None = None, *, limit: int | None = None) -> list[dict]:
    """Entities with how many quotes they said, received and were the subject of,
    most quoted first; `search` keeps those whose name or an alias holds it. An entity
    people merged into another is counted as that one."""
    said = (
        sa.select(QUOTES.c.speaker_id.label("entity_id"), sa.func.count().label("n"))
        .where(QUOTES.c.speaker_id.is_not(None))
        .group_by(QUOTES.c.speaker_id)
        .subquery()
    )
    received, about = _per_entity_counts(RECIPIENTS), _per_entity_counts(ABOUT)
    counts = [sa.func.coalesce(sub.c.n, 0) for sub in (said, received, about)]
    everyone = (
        sa.select(
            ENTITIES.c.id,
            ENTITIES.c.name,
            ENTITIES.c.kind,
            ENTITIES.c.qid,
            counts[0].label("said"),
            counts[1].label("received"),
            counts[2].label("about"),
            ENTITIES.c.description,
        )
        .select_from(
            ENTITIES.outerjoin(said, said.c.entity_id == ENTITIES.c.id)
            .outerjoin(received, received.c.entity_id == ENTITIES.c.id)
            .outerjoin(about, about.c.entity_id == ENTITIES.c.id)
        )
        .order_by((counts[0] + counts[1] + counts[2]).desc(), ENTITIES.c.name, ENTITIES.c.id)
    )
    query = everyone
    if search is not None:
        if not keys.name_key(search):
            return []  # no letters or digits: no name can hold it
        pattern = f"%{_escape_like(keys.name_key(search))}%"
        alias_match = sa.select(ALIASES.c.entity_id).where(ALIASES.c.key.like(pattern, escape="\\"))
        query = query.where(
            sa.or_(ENTITIES.c.key.like(pattern, escape="\\"), ENTITIES.c.id.in_(alias_match))
        )
    with engine.connect() as connection:
        decisions = load_decisions(connection)
        if decisions:
            wanted = None
            if search is not None:
                wanted = {decisions.canon(row.id) for row in connection.execute(query)}
            return _decided_people(connection, everyone, decisions, wanted)[:limit]
        if limit is not None:
            query = query.limit(limit)
        return [row._asdict() for row in connection.execute(query)]


def _decided_people(
    connection: Connection, everyone: sa.Select, decisions: Decisions, wanted: set[int] | None
) -> list[dict]:
    """people() rows with people's decisions applied: each merged entity's counts added
    to the one it was merged into, which alone is listed, and the quotes a correction
    touched counted as corrected; `wanted` (a search's entities) keeps only those."""
    rows = {row.id: row._asdict() for row in connection.execute(everyone)}
    for merged in decisions.canonical:
        into = rows.get(decisions.canon(merged))
        counts = rows.pop(merged, None)
        if into is not None and counts is not None:
            for column in ("said", "received", "about"):
                into[column] += counts[column]
    for entity_id, column, change in _corrected_counts(connection, decisions):
        row = rows.get(decisions.canon(entity_id))
        if row is not None:
            row[column] += change
    found = [row for entity_id, row in rows.items() if wanted is None or entity_id in wanted]
    return sorted(
        found,
        key=lambda row: (-(row["said"] + row["received"] + row["about"]), row["name"], row["id"]),
    )


def _corrected_counts(connection: Connection, decisions: Decisions) -> Iterator[tuple]:
    """(entity id, column, +1 / -1): for each quote a correction touched, its machine
    speaker, recipients and about people taken out and the corrected ones put in."""
    touched = set(decisions.speaker) | set(decisions.recipients) | decisions.hidden
    if not touched:
        return
    quote_ids = sa.select(OCCURRENCES.c.quote_id).where(OCCURRENCES.c.id.in_(list(touched)))
    occurrences = connection.execute(
        sa.select(OCCURRENCES.c.id, OCCURRENCES.c.quote_id, QUOTES.c.speaker_id)
        .join(QUOTES, QUOTES.c.id == OCCURRENCES.c.quote_id)
        .where(OCCURRENCES.c.quote_id.in_(quote_ids), OCCURRENCES.c.superseded.is_(sa.false()))
    ).all()
    ids = [occurrence_id for occurrence_id, _quote, _speaker in occurrences]
    linked = {}
    for table in (RECIPIENTS, ABOUT):
        linked[table.name] = {}
        query = sa.select(table.c.occurrence_id, table.c.entity_id).where(
            table.c.occurrence_id.in_(ids)
        )
        for occurrence_id, entity_id in connection.execute(query):
            linked[table.name].setdefault(occurrence_id, []).append(entity_id)
    by_quote: dict[int, list[tuple[int, int | None]]] = {}
    for occurrence_id, quote_id, speaker_id in occurrences:
        by_quote.setdefault(quote_id, []).append((occurrence_id, speaker_id))
    canon = decisions.canon
    for reports in by_quote.values():
        shown = [
            occurrence for occurrence, _speaker in reports if occurrence not in decisions.hidden
        ]
        speaker_id = reports[0][1]
        if speaker_id is not None:
            yield speaker_id, "said", -1
        said = {
            canon(decisions.speaker.get(o, speaker_id)) for o, _speaker in reports if o in shown
        }
        for entity_id in said - {None}:
            yield entity_id, "said", 1
        for column, table, corrected in (
            ("received", RECIPIENTS, decisions.recipients),
            ("about", ABOUT, {}),
        ):
            machine = {e for o, _speaker in reports for e in linked[table.name].get(o, [])}
            for entity_id in machine:
                yield entity_id, column, -1
            applied = {
                canon(e) for o in shown for e in corrected.get(o, linked[table.name].get(o, []))
            }
            for entity_id in applied:
                yield entity_id, column, 1


def person(engine: Engine, name: str, *, limit: int | None = None) -> dict[str, Any]:
    """A profile: who the name resolves to, its aliases; what they said (grouped by
    recipient), what was said to them, about them, and what others claim they said.
    `limit` keeps the newest quotes of each list (said, said to, said about)."""
    with engine.connect() as connection:
        decisions = load_decisions(connection)
        entity = resolve_name(connection, name, decisions)
        aliases = _aliases_in_force(connection, decisions, entity)
    said = list(quotes(engine, QuoteFilter(speaker=entity, limit=limit)))
    by_recipient: dict[str, list[dict]] = {}
    for row in said:
        if row["claimed_by"] is None:
            for recipient in row["recipients"] or ["(no recipient)"]:
                by_recipient.setdefault(recipient, []).append(row)
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "qid": entity.qid,
        "description": entity.description,
        "aliases": aliases,
        "said": by_recipient,
        "said_to": list(quotes(engine, QuoteFilter(to=entity, limit=limit))),
        "said_about": list(quotes(engine, QuoteFilter(about=entity, limit=limit))),
        "claimed_by_others": [row for row in said if row["claimed_by"] is not None],
    }


def _aliases_in_force(
    connection: Connection, decisions: Decisions, entity: EntityRef
) -> list[dict[str, str]]:
    """An entity's aliases as people left them: the machine's, less those removed, plus
    those added, plus the names and aliases of the entities merged into it."""
    members = decisions.members(entity.id)
    found: dict[str, dict[str, str]] = {}
    machine = sa.select(ALIASES.c.entity_id, ALIASES.c.key, ALIASES.c.text, ALIASES.c.origin)
    for entity_id, key, text, origin in connection.execute(
        machine.where(ALIASES.c.entity_id.in_(members)).order_by(ALIASES.c.id)
    ):
        if entity_id not in decisions.aliases_removed.get(key, ()):
            found.setdefault(key, {"text": text, "origin": origin})
    merged = sa.select(ENTITIES.c.key, ENTITIES.c.name).where(
        ENTITIES.c.id.in_([member for member in members if member != entity.id])
    )
    for key, name in connection.execute(merged):
        found.setdefault(key, {"text": name, "origin": "merged"})
    added = (
        sa.select(ALIAS_DECISIONS.c.entity_id, ALIAS_DECISIONS.c.key, ALIAS_DECISIONS.c.text)
        .where(_in_force(ALIAS_DECISIONS), ALIAS_DECISIONS.c.entity_id.in_(members))
        .order_by(ALIAS_DECISIONS.c.id)
    )
    for entity_id, key, text in connection.execute(added):
        if entity_id in decisions.aliases_added.get(key, ()):
            found.setdefault(key, {"text": text, "origin": "human"})
    found.pop(keys.name_key(entity.name), None)
    return sorted(found.values(), key=lambda alias: alias["text"])


# --- evidence ---------------------------------------------------------------------


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The lines around [start, end): a paragraph in newline-separated text."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right == -1 else right


def mark_evidence(text: str, marks: Iterable[tuple[int, int, str, str]]) -> str:
    """`text` with each (start, end, open, close) mark inserted; offsets index `text`."""
    inserts = []
    for start, end, opening, closing in marks:
        inserts.append((start, 1, opening))
        inserts.append((end, 0, closing))
    pieces, cursor = [], 0
    for position, _order, marker in sorted(inserts, key=lambda item: (item[0], item[1])):
        pieces.append(text[cursor:position])
        pieces.append(marker)
        cursor = position
    pieces.append(text[cursor:])
    return "".join(pieces)


# Markers in the plain-text paragraph: [[content]], {speaker mention}, <cue>.
CONTENT_MARKS = ("[[", "]]")
MENTION_MARKS = ("{", "}")
CUE_MARKS = ("<", ">")


def _reporting_chain(
    connection: Connection, source_id: int | None, document: dict
) -> list[dict[str, Any]]:
    """From the first utterance's medium, through each medium that carried it, to the document."""
    chain: list[dict[str, Any]] = []
    seen: set[int] = set()
    while source_id is not None and source_id not in seen:
        seen.add(source_id)
        source = connection.execute(
            sa.select(SOURCES.c.kind, SOURCES.c.title, SOURCES.c.author, SOURCES.c.published).where(
                SOURCES.c.id == source_id
            )
        ).one()
        chain.append({"step": "source", **source._asdict()})
        link = connection.execute(
            sa.select(SOURCE_LINKS.c.to_source_id, SOURCE_LINKS.c.to_document_id)
            .where(SOURCE_LINKS.c.from_source_id == source_id)
            .order_by(
                (SOURCE_LINKS.c.document_id == document["id"]).desc(),
                SOURCE_LINKS.c.to_source_id.is_(None),
                SOURCE_LINKS.c.id,
            )
            .limit(1)
        ).first()
        source_id = link.to_source_id if link else None
    chain.append(
        {
            "step": "document",
            "kind": "document",
            "title": document["title"],
            "author": document["author"],
            "published": document["published"],
            "publisher": document["publisher"],
            "url": document["url"],
        }
    )
    return chain


def show(engine: Engine, occurrence_id: int) -> dict[str, Any]:
    """The evidence for one quote occurrence: its row, the paragraph with the content,
    speaker mention and cue marked, the linking rule, and the reporting chain."""
    with engine.connect() as connection:
        found = connection.execute(
            _occurrence_query("id").where(OCCURRENCES.c.id == occurrence_id)
        ).all()
        if not found:
            raise NotFound(f"no quote occurrence has id {occurrence_id}")
        decisions = load_decisions(connection)
        decorated = _Lookups(connection, decisions).decorate(found)[0]
        row = dict(zip(QUOTE_COLUMNS, decorated, strict=True))
        machine = dict(zip(QUOTE_COLUMNS, _Lookups(connection).decorate(found)[0], strict=True))
        corrections = _corrections_of(connection, occurrence_id)
        occurrence = connection.execute(
            sa.select(OCCURRENCES).where(OCCURRENCES.c.id == occurrence_id)
        ).one()
        document = (
            connection.execute(
                sa.select(
                    DOCUMENTS.c.id,
                    DOCUMENTS.c.text,
                    DOCUMENTS.c.title,
                    DOCUMENTS.c.author,
                    DOCUMENTS.c.publisher,
                    DOCUMENTS.c.published,
                    DOCUMENTS.c.url,
                ).where(DOCUMENTS.c.id == occurrence.document_id)
            )
            .one()
            ._asdict()
        )
        chain = _reporting_chain(connection, occurrence.source_id, document)
    spans = [tuple(span) for span in occurrence.spans] or [
        (occurrence.content_start, occurrence.content_end)
    ]
    marks = [(start, end, "content") for start, end in spans]
    if occurrence.speaker_mention_start is not None:
        marks.append((occurrence.speaker_mention_start, occurrence.speaker_mention_end, "mention"))
    if occurrence.cue_start is not None:
        marks.append((occurrence.cue_start, occurrence.cue_end, "cue"))
    first = min(start for start, _end, _what in marks)
    last = max(end for _start, end, _what in marks)
    begin, finish = _paragraph_bounds(document["text"], first, last)
    paragraph = document["text"][begin:finish]
    relative = [(start - begin, end - begin, what) for start, end, what in marks]
    symbols = {"content": CONTENT_MARKS, "mention": MENTION_MARKS, "cue": CUE_MARKS}
    return {
        **row,
        "paragraph": paragraph,
        "paragraph_start": begin,
        "marks": [{"start": s, "end": e, "what": what} for s, e, what in relative],
        "marked": mark_evidence(paragraph, [(s, e, *symbols[what]) for s, e, what in relative]),
        "chain": chain,
        "not_a_quote": occurrence_id in decisions.hidden,
        "machine": {column: machine[column] for column in MACHINE_COLUMNS},
        "corrections": corrections,
    }


# What `show` gives as the parser's own values beside the corrected ones.
MACHINE_COLUMNS = ("speaker", "speaker_qid", "recipients", "claimed_by", "source_kind")


def _corrections_of(connection: Connection, occurrence_id: int) -> list[dict[str, Any]]:
    """The corrections in force on an occurrence, oldest first, with who made them and why."""
    applying = [c for c in attached_corrections(connection) if occurrence_id in c.targets]
    if not applying:
        return []
    actions = {
        row.id: row
        for row in connection.execute(
            sa.select(ACTIONS.c.id, ACTIONS.c.user, ACTIONS.c.at, ACTIONS.c.note).where(
                ACTIONS.c.id.in_([c.action_id for c in applying])
            )
        )
    }
    return [
        {
            "action_id": correction.action_id,
            "field": correction.field,
            "value": correction.value,
            "original": correction.original,
            "user": actions[correction.action_id].user,
            "at": actions[correction.action_id].at,
            "note": actions[correction.action_id].note,
        }
        for correction in applying
    ]
