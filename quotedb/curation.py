"""People correct the machine: corrections, merges, splits, aliases, QIDs, verdicts, undo.

Every command is one transaction that records one `actions` row (who, when,
why) and the decisions it made in the human-decision tables. The machine's
tables are not rewritten (quotedb.queries applies the decisions over them), so
re-ingesting a document never undoes a decision and `undo` only has to take an
action out of force. Three write through, and undo restores what they wrote:
`entity set` and `entities import` (a QID or description on `entities`, which
ingest never rewrites, so the ingest resolver can use the QID; the entities an
import creates) and `split` (its new entity). Undo deletes a created entity
only while nothing else names it.

The acting user is $QUOTEDB_USER, else the system user (quotedb.config).
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from quotedb.config import acting_user
from quotedb.parse.records import SOURCE_KINDS
from quotedb.queries import (
    Decisions,
    EntityRef,
    NotFound,
    QueryError,
    UnknownName,
    attached_corrections,
    load_decisions,
    resolve_name,
)
from quotedb.store import keys
from quotedb.store.models import ENTITY_KINDS, utcnow
from quotedb.store.tables import (
    ABOUT,
    ACTIONS,
    ALIAS_DECISIONS,
    ALIASES,
    CORRECTIONS,
    ENTITIES,
    ENTITY_EDITS,
    MERGES,
    OCCURRENCES,
    QUOTES,
    RECIPIENTS,
    REVIEWS,
    SOURCES,
)

QID = re.compile(r"^Q[1-9]\d*$")
URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
# pg_advisory_xact_lock key serialising curators on PostgreSQL ("curate"): two merges
# at once must not each see the other's entity as still separate.
LOCK_KEY = 0x637572617465


class CurationError(QueryError):
    """A decision that cannot be made as asked; str() is one plain sentence."""


class BadRequest(CurationError):
    """The request itself is malformed (a bad QID, URL or source kind): a usage error."""


@contextmanager
def _transaction(engine: Engine) -> Iterator[Connection]:
    """One command, one transaction; SQLite takes its write lock at BEGIN so two
    curators never interleave."""
    with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
        yield connection


def _record(
    connection: Connection, command: str, summary: str, note: str | None, **arguments: Any
) -> int:
    """Writes the action row every decision hangs off; returns its id."""
    return connection.execute(
        ACTIONS.insert().returning(ACTIONS.c.id),
        {
            "user": acting_user(),
            "at": utcnow(),
            "command": command,
            "arguments": {"summary": summary, **arguments},
            "note": note or None,
        },
    ).scalar_one()


def _entity_json(ref: EntityRef | None) -> dict[str, Any] | None:
    return {"id": ref.id, "name": ref.name} if ref else None


def _entity(connection: Connection, entity_id: int | None) -> EntityRef | None:
    if entity_id is None:
        return None
    row = connection.execute(
        sa.select(
            ENTITIES.c.id, ENTITIES.c.name, ENTITIES.c.kind, ENTITIES.c.qid, ENTITIES.c.description
        ).where(ENTITIES.c.id == entity_id)
    ).one()
    return EntityRef(*row)


# --- corrections ------------------------------------------------------------------


def _occurrence(connection: Connection, occurrence_id: int) -> sa.Row:
    row = connection.execute(
        sa.select(
            OCCURRENCES.c.id,
            OCCURRENCES.c.document_id,
            OCCURRENCES.c.source_id,
            OCCURRENCES.c.superseded,
            QUOTES.c.key,
            QUOTES.c.speaker_id,
        )
        .join(QUOTES, QUOTES.c.id == OCCURRENCES.c.quote_id)
        .where(OCCURRENCES.c.id == occurrence_id)
    ).first()
    if row is None:
        raise NotFound(f"no quote occurrence has id {occurrence_id}")
    if row.superseded:
        raise CurationError(
            f"quote {occurrence_id} belongs to an old version of its document: "
            "correct the current one (quotedb quotes lists it)"
        )
    return row


def _machine_recipients(connection: Connection, occurrence_id: int) -> list[dict[str, Any]]:
    query = (
        sa.select(ENTITIES.c.id, ENTITIES.c.name)
        .join(RECIPIENTS, RECIPIENTS.c.entity_id == ENTITIES.c.id)
        .where(RECIPIENTS.c.occurrence_id == occurrence_id)
        .order_by(ENTITIES.c.name)
    )
    return [{"id": entity_id, "name": name} for entity_id, name in connection.execute(query)]


def _source_kind(kind: str) -> str:
    cleaned = kind.strip().lower()
    if cleaned not in SOURCE_KINDS:
        raise BadRequest(f"{kind!r} is not a source kind; use one of {', '.join(SOURCE_KINDS)}")
    return cleaned


def correct(
    engine: Engine,
    occurrence_id: int,
    *,
    note: str,
    speaker: str | None = None,
    recipients: list[str] | None = None,
    source_kind: str | None = None,
    not_a_quote: bool = False,
) -> dict[str, Any]:
    """Records a person's speaker, recipients, source kind or "not a quote" for one
    quote occurrence (the `id` that `quotedb quotes` prints); returns the action."""
    if not note or not note.strip():
        raise BadRequest("say why with a note: a correction without a reason cannot be checked")
    if speaker is None and recipients is None and source_kind is None and not not_a_quote:
        raise BadRequest(
            "nothing to correct: give a speaker, recipients, a source kind or not a quote"
        )
    with _transaction(engine) as connection:
        occurrence = _occurrence(connection, occurrence_id)
        decisions = load_decisions(connection)
        changes: list[tuple[str, Any, Any]] = []
        summary = []
        if speaker is not None:
            new = resolve_name(connection, speaker, decisions)
            original = _entity_json(_entity(connection, occurrence.speaker_id))
            changes.append(("speaker", _entity_json(new), original))
            summary.append(f"speaker -> {new.name}")
        if recipients is not None:
            named = {}
            for name in recipients:
                ref = resolve_name(connection, name, decisions)
                named[ref.id] = _entity_json(ref)
            value = sorted(named.values(), key=lambda entity: entity["name"])
            original = _machine_recipients(connection, occurrence_id)
            changes.append(("recipients", value, original))
            shown = ", ".join(entity["name"] for entity in value) or "nobody"
            summary.append(f"recipients -> {shown}")
        if source_kind is not None:
            kind = _source_kind(source_kind)
            original = connection.execute(
                sa.select(SOURCES.c.kind).where(SOURCES.c.id == occurrence.source_id)
            ).scalar()
            changes.append(("source_kind", kind, original))
            summary.append(f"source kind -> {kind}")
        if not_a_quote:
            changes.append(("not_a_quote", True, False))
            summary.append("not a quote")
        action_id = _record(
            connection,
            "correct",
            f"quote {occurrence_id}: " + "; ".join(summary),
            note,
            occurrence_id=occurrence_id,
        )
        connection.execute(
            CORRECTIONS.insert(),
            [
                {
                    "action_id": action_id,
                    "occurrence_id": occurrence_id,
                    "document_id": occurrence.document_id,
                    "quote_key": occurrence.key,
                    "field": field,
                    "value": value,
                    "original": original,
                }
                for field, value, original in changes
            ],
        )
    return {"action_id": action_id, "summary": f"quote {occurrence_id}: " + "; ".join(summary)}


def stale_corrections(engine: Engine) -> list[dict[str, Any]]:
    """Corrections in force that no longer apply: their quote is gone from the current
    version of its document (a changed text, a better parser). Kept, not dropped, so a
    person can see and redo them."""
    with engine.connect() as connection:
        stale = [c for c in attached_corrections(connection) if not c.targets]
        if not stale:
            return []
        actions = {
            row.id: row
            for row in connection.execute(
                sa.select(ACTIONS).where(ACTIONS.c.id.in_([c.action_id for c in stale]))
            )
        }
    return [
        {
            "action_id": c.action_id,
            "occurrence_id": c.occurrence_id,
            "document_id": c.document_id,
            "quote_key": c.quote_key,
            "field": c.field,
            "value": c.value,
            "user": actions[c.action_id].user,
            "at": actions[c.action_id].at,
            "note": actions[c.action_id].note,
        }
        for c in stale
    ]


# --- entities ------------------------------------------------------------------------


def merge(engine: Engine, name_a: str, name_b: str, *, note: str | None = None) -> dict[str, Any]:
    """NAME_A and NAME_B are one: NAME_A's quotes, links and aliases count as NAME_B's,
    and either name finds them. NAME_B keeps its name and QID."""
    with _transaction(engine) as connection:
        decisions = load_decisions(connection)
        merged = resolve_name(connection, name_a, decisions)
        kept = resolve_name(connection, name_b, decisions)
        if merged.id == kept.id:
            raise CurationError(f"{name_a!r} and {name_b!r} are already one entity ({kept.name})")
        if merged.qid and kept.qid and merged.qid != kept.qid:
            raise CurationError(
                f"{merged.name} ({merged.qid}) and {kept.name} ({kept.qid}) are different "
                "Wikidata items: correct a QID with `quotedb entity set` first"
            )
        summary = f"merge {merged.name} (entity {merged.id}) into {kept.name} (entity {kept.id})"
        action_id = _record(
            connection, "merge", summary, note, from_entity=merged.id, into_entity=kept.id
        )
        connection.execute(
            MERGES.insert(),
            {"action_id": action_id, "from_entity_id": merged.id, "into_entity_id": kept.id},
        )
    return {"action_id": action_id, "summary": summary}


def _aliases_of(connection: Connection, decisions: Decisions, entity_id: int) -> dict[str, str]:
    """{key: text} of the aliases in force for one entity (not counting merged ones)."""
    found = {}
    query = sa.select(ALIASES.c.key, ALIASES.c.text).where(ALIASES.c.entity_id == entity_id)
    for key, text in connection.execute(query):
        if entity_id not in decisions.aliases_removed.get(key, ()):
            found.setdefault(key, text)
    added = sa.select(ALIAS_DECISIONS.c.key, ALIAS_DECISIONS.c.text).where(
        ALIAS_DECISIONS.c.entity_id == entity_id, ALIAS_DECISIONS.c.change == "add"
    )
    for key, text in connection.execute(added):
        if entity_id in decisions.aliases_added.get(key, ()):
            found.setdefault(key, text)
    return found


def _alias_key(alias: str) -> str:
    key = keys.name_key(alias)
    if not key:
        raise BadRequest(f"{alias!r} is not a name: it has no letters or digits")
    return key


def _decide_alias(
    connection: Connection, action_id: int, entity_id: int, text: str, key: str, change: str
) -> None:
    """Records that TEXT (name key KEY) is ("add") or is not ("remove") a name of the entity."""
    connection.execute(
        ALIAS_DECISIONS.insert(),
        {
            "action_id": action_id,
            "entity_id": entity_id,
            "text": text,
            "key": key,
            "change": change,
        },
    )


def alias(
    engine: Engine, change: str, name: str, alias_text: str, *, note: str | None = None
) -> dict[str, Any]:
    """Adds ALIAS as a name of NAME's entity, or removes it (`change` "add" / "remove")."""
    key = _alias_key(alias_text)
    with _transaction(engine) as connection:
        decisions = load_decisions(connection)
        entity = resolve_name(connection, name, decisions)
        present = key in _aliases_of(connection, decisions, entity.id)
        if change == "add" and (present or key == keys.name_key(entity.name)):
            raise CurationError(f"{alias_text!r} is already a name of {entity.name}")
        if change == "remove" and not present:
            raise CurationError(f"{alias_text!r} is not an alias of {entity.name}")
        verb = "add alias" if change == "add" else "remove alias"
        summary = f"{verb} {alias_text!r} {'to' if change == 'add' else 'from'} {entity.name}"
        action_id = _record(connection, "alias", summary, note, entity=entity.id, change=change)
        _decide_alias(connection, action_id, entity.id, alias_text.strip(), key, change)
    return {"action_id": action_id, "summary": summary}


def split(engine: Engine, name: str, alias_text: str, *, note: str | None = None) -> dict[str, Any]:
    """Takes a wrongly merged alias back out of NAME's entity into an entity of its own:
    the alias is removed from NAME, and the quotes whose speaker the text named by that
    alias now have the new entity as speaker."""
    key = _alias_key(alias_text)
    with _transaction(engine) as connection:
        decisions = load_decisions(connection)
        entity = resolve_name(connection, name, decisions)
        aliases = _aliases_of(connection, decisions, entity.id)
        if key not in aliases:
            raise CurationError(f"{alias_text!r} is not an alias of {entity.name}")
        text = aliases[key]
        action_id = _record(
            connection, "split", f"split {text!r} out of {entity.name}", note, entity=entity.id
        )
        new_id = connection.execute(
            ENTITIES.insert().returning(ENTITIES.c.id),
            {
                "name": text,
                "key": key,
                "kind": entity.kind,
                "extra": {"split_from": entity.id, "created_by_action": action_id},
                "created_at": utcnow(),
            },
        ).scalar_one()
        _decide_alias(connection, action_id, entity.id, text, key, "remove")
        candidates = connection.execute(
            sa.select(
                OCCURRENCES.c.id,
                OCCURRENCES.c.document_id,
                OCCURRENCES.c.speaker_mention,
                QUOTES.c.key,
                QUOTES.c.speaker_id,
            )
            .join(QUOTES, QUOTES.c.id == OCCURRENCES.c.quote_id)
            .where(
                OCCURRENCES.c.superseded.is_(sa.false()),
                OCCURRENCES.c.speaker_mention.is_not(None),
                QUOTES.c.speaker_id.in_(decisions.members(entity.id)),
            )
        ).all()
        moved = [
            row
            for row in candidates
            if keys.name_key(row.speaker_mention) == key
            and decisions.speaker.get(row.id, row.speaker_id) in decisions.members(entity.id)
        ]
        new = {"id": new_id, "name": text}
        if moved:
            connection.execute(
                CORRECTIONS.insert(),
                [
                    {
                        "action_id": action_id,
                        "occurrence_id": row.id,
                        "document_id": row.document_id,
                        "quote_key": row.key,
                        "field": "speaker",
                        "value": new,
                        "original": _entity_json(_entity(connection, row.speaker_id)),
                    }
                    for row in moved
                ],
            )
        summary = f"split {text!r} out of {entity.name}: new entity {new_id}, {len(moved)} quotes"
        connection.execute(
            ACTIONS.update()
            .where(ACTIONS.c.id == action_id)
            .values(
                arguments={
                    "summary": summary,
                    "entity": entity.id,
                    "new_entity": new_id,
                    "moved": [row.id for row in moved],
                }
            )
        )
    return {"action_id": action_id, "summary": summary, "entity_id": new_id, "moved": len(moved)}


def entity_set(
    engine: Engine,
    name: str,
    *,
    qid: str | None = None,
    description: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """Gives NAME's entity a Wikidata QID and / or a description."""
    if qid is None and description is None:
        raise BadRequest("nothing to set: give --qid and / or --description")
    if qid is not None:
        qid = qid.strip().upper()
        if not QID.match(qid):
            raise BadRequest(f"{qid!r} is not a Wikidata QID (Q followed by digits, e.g. Q56226)")
    with _transaction(engine) as connection:
        decisions = load_decisions(connection)
        entity = resolve_name(connection, name, decisions)
        if qid is not None:
            holder = connection.execute(
                sa.select(ENTITIES.c.id, ENTITIES.c.name).where(
                    ENTITIES.c.qid == qid, ENTITIES.c.id != entity.id
                )
            ).first()
            if holder is not None:
                raise CurationError(
                    f"{qid} already belongs to {holder.name} (entity {holder.id}): "
                    f"if they are one, run `quotedb merge` instead"
                )
        parts = [f"qid {qid}" if qid else None, "description" if description is not None else None]
        summary = f"set {' and '.join(p for p in parts if p)} of {entity.name}"
        action_id = _record(connection, "entity", summary, note, entity=entity.id)
        connection.execute(
            ENTITY_EDITS.insert(),
            {
                "action_id": action_id,
                "entity_id": entity.id,
                "qid": qid,
                "description": description,
                "previous_qid": entity.qid,
                "previous_description": entity.description,
            },
        )
        values = {"qid": qid} if qid is not None else {}
        if description is not None:
            values["description"] = description
        connection.execute(ENTITIES.update().where(ENTITIES.c.id == entity.id).values(**values))
    return {"action_id": action_id, "summary": summary}


def _listed_aliases(value: Any) -> list[str]:
    """Aliases as a list: JSON gives a list, a CSV cell separates them with | or ;."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in re.split(r"[|;]", value) if part.strip()]
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return [part.strip() for part in value if part.strip()]
    raise BadRequest(f"aliases must be text or a list of text, not {value!r}")


IMPORT_FIELDS = ("name", "aliases", "qid", "description", "kind")


def read_entity_list(path: str) -> list[dict[str, Any]]:
    """A newsroom's list of entities from CSV (a header with name, aliases, qid,
    description, kind) or JSON Lines (objects with those keys); `name` is required."""
    import csv
    import json
    from pathlib import Path

    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CurationError(f"cannot read {path}: {error}") from None
    records: list[dict[str, Any]] = []
    if source.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise BadRequest(f"{path} line {number} is not JSON: {error.msg}") from None
            if not isinstance(record, dict):
                raise BadRequest(f"{path} line {number} is not a JSON object")
            records.append(record)
    else:
        reader = csv.DictReader(text.splitlines())
        if not reader.fieldnames or "name" not in reader.fieldnames:
            raise BadRequest(f"{path} needs a CSV header with a `name` column")
        records = [dict(row) for row in reader]
    for number, record in enumerate(records, 1):
        name = record.get("name")
        if not isinstance(name, str) or not keys.name_key(name):
            raise BadRequest(f"{path} entry {number} has no name")
        unknown = set(record) - set(IMPORT_FIELDS)
        if unknown:
            raise BadRequest(
                f"{path} entry {number} has unknown fields: {', '.join(sorted(unknown))}"
            )
    return records


def import_entities(engine: Engine, path: str, *, note: str | None = None) -> dict[str, Any]:
    """Reads a newsroom's list of canonical names, aliases and QIDs (read_entity_list)
    in one action: each entry finds its entity (by QID, else by name) or creates it,
    gets its QID and description, and its names become aliases people vouched for."""
    records = read_entity_list(path)
    counts = {"entities": 0, "created": 0, "aliases": 0, "edited": 0}
    with _transaction(engine) as connection:
        action_id = _record(connection, "import", f"import {path}", note, path=path)
        created: list[int] = []
        for number, record in enumerate(records, 1):
            try:
                entity_id = _import_one(connection, action_id, record, created, counts)
            except QueryError as error:
                raise type(error)(f"{path} entry {number}: {error}") from None
            counts["entities"] += entity_id is not None
        summary = (
            f"import {path}: {counts['entities']} entities ({counts['created']} new), "
            f"{counts['aliases']} aliases, {counts['edited']} QIDs or descriptions"
        )
        connection.execute(
            ACTIONS.update()
            .where(ACTIONS.c.id == action_id)
            .values(arguments={"summary": summary, "path": path, "created_entities": created})
        )
    return {"action_id": action_id, "summary": summary, **counts}


def _import_one(
    connection: Connection,
    action_id: int,
    record: dict[str, Any],
    created: list[int],
    counts: dict[str, int],
) -> int:
    name = record["name"].strip()
    qid = (record.get("qid") or "").strip().upper() or None
    if qid is not None and not QID.match(qid):
        raise BadRequest(f"{qid!r} is not a Wikidata QID")
    description = (record.get("description") or "").strip() or None
    kind = (record.get("kind") or "unknown").strip().lower()
    if kind not in ENTITY_KINDS:
        raise BadRequest(f"{kind!r} is not an entity kind ({', '.join(ENTITY_KINDS)})")
    decisions = load_decisions(connection)
    entity = None
    if qid is not None:
        entity = _entity(
            connection,
            connection.execute(sa.select(ENTITIES.c.id).where(ENTITIES.c.qid == qid)).scalar(),
        )
    if entity is None:
        try:
            entity = resolve_name(connection, name, decisions)
        except UnknownName:
            entity = None
    if entity is not None and entity.qid and qid and entity.qid != qid:
        entity = None  # a namesake with another QID is someone else
    if entity is None:
        new_id = connection.execute(
            ENTITIES.insert().returning(ENTITIES.c.id),
            {
                "name": name,
                "key": keys.name_key(name),
                "kind": kind,
                "qid": qid,
                "description": description,
                "extra": {"created_by_action": action_id},
                "created_at": utcnow(),
            },
        ).scalar_one()
        created.append(new_id)
        counts["created"] += 1
        entity = _entity(connection, new_id)
    else:
        changes = {}
        if qid is not None and entity.qid != qid:
            changes["qid"] = qid
        if description is not None and entity.description != description:
            changes["description"] = description
        if changes:
            connection.execute(
                ENTITY_EDITS.insert(),
                {
                    "action_id": action_id,
                    "entity_id": entity.id,
                    "qid": changes.get("qid"),
                    "description": changes.get("description"),
                    "previous_qid": entity.qid,
                    "previous_description": entity.description,
                },
            )
            connection.execute(
                ENTITIES.update().where(ENTITIES.c.id == entity.id).values(**changes)
            )
            counts["edited"] += 1
    # The entry's own name is vouched for too (even when it is the entity's name): a
    # namesake the machine creates later then counts as this entity.
    in_force = _aliases_of(connection, decisions, entity.id)
    names = {keys.name_key(text): text for text in (name, *_listed_aliases(record.get("aliases")))}
    for key, text in names.items():
        if not key or key in in_force:
            continue
        _decide_alias(connection, action_id, entity.id, text, key, "add")
        counts["aliases"] += 1
    return entity.id


# --- verdicts ----------------------------------------------------------------------------


def review(
    engine: Engine,
    occurrence_id: int,
    *,
    rating: str,
    url: str,
    reviewer: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """A fact-check verdict on the quote that row `occurrence_id` reports (the verdict
    covers the quote wherever it is reported); `reviewer` defaults to the acting user."""
    rating = rating.strip()
    if not rating:
        raise BadRequest("give a rating: false, misleading, true, ...")
    if not URL.match(url.strip()):
        raise BadRequest(f"{url!r} is not an http(s) URL of the published review")
    reviewer = (reviewer or acting_user()).strip()
    with _transaction(engine) as connection:
        quote_id = connection.execute(
            sa.select(OCCURRENCES.c.quote_id).where(OCCURRENCES.c.id == occurrence_id)
        ).scalar()
        if quote_id is None:
            raise NotFound(f"no quote occurrence has id {occurrence_id}")
        summary = f"review quote {occurrence_id}: {rating}"
        action_id = _record(
            connection, "review", summary, note, occurrence_id=occurrence_id, quote_id=quote_id
        )
        connection.execute(
            REVIEWS.insert(),
            {
                "action_id": action_id,
                "quote_id": quote_id,
                "rating": rating,
                "url": url.strip(),
                "reviewer": reviewer,
            },
        )
    return {"action_id": action_id, "summary": summary}


# --- history and undo -----------------------------------------------------------------


def _touched(connection: Connection) -> dict[int, dict[str, set[int]]]:
    """For each action: the occurrences, quotes and entities its decisions concern."""
    touched: dict[int, dict[str, set[int]]] = {}

    def add(action_id: int, what: str, *ids: int | None) -> None:
        entry = touched.setdefault(
            action_id, {"occurrences": set(), "quotes": set(), "entities": set()}
        )
        entry[what].update(i for i in ids if i is not None)

    for row in connection.execute(
        sa.select(
            CORRECTIONS.c.action_id,
            CORRECTIONS.c.occurrence_id,
            CORRECTIONS.c.field,
            CORRECTIONS.c.value,
            CORRECTIONS.c.original,
        )
    ):
        add(row.action_id, "occurrences", row.occurrence_id)
        if row.field in ("speaker", "recipients"):
            for value in (row.value, row.original):
                listed = value if isinstance(value, list) else [value] if value else []
                add(row.action_id, "entities", *(entity["id"] for entity in listed))
    for row in connection.execute(sa.select(MERGES)):
        add(row.action_id, "entities", row.from_entity_id, row.into_entity_id)
    for row in connection.execute(sa.select(ALIAS_DECISIONS)):
        add(row.action_id, "entities", row.entity_id)
    for row in connection.execute(sa.select(ENTITY_EDITS)):
        add(row.action_id, "entities", row.entity_id)
    for row in connection.execute(sa.select(REVIEWS)):
        add(row.action_id, "quotes", row.quote_id)
    return touched


HISTORY_COLUMNS = ("id", "at", "user", "command", "summary", "note", "status")


def history(engine: Engine, subject: str | None = None) -> list[dict[str, Any]]:
    """The audit trail, newest first: every action, or those about one quote row id
    (its corrections and its quote's reviews) or one name (merges, aliases, edits,
    corrections naming the entity)."""
    with engine.connect() as connection:
        touched = _touched(connection)
        wanted: set[int] | None = None
        if subject is not None and subject.strip().isdecimal():
            occurrence_id = int(subject)
            quote_id = connection.execute(
                sa.select(OCCURRENCES.c.quote_id).where(OCCURRENCES.c.id == occurrence_id)
            ).scalar()
            if quote_id is None:
                raise NotFound(f"no quote occurrence has id {occurrence_id}")
            wanted = {
                action_id
                for action_id, entry in touched.items()
                if occurrence_id in entry["occurrences"] or quote_id in entry["quotes"]
            }
        elif subject is not None:
            decisions = load_decisions(connection)
            entity = resolve_name(connection, subject, decisions)
            members = set(decisions.members(entity.id))
            wanted = {
                action_id for action_id, entry in touched.items() if entry["entities"] & members
            }
        query = sa.select(ACTIONS).order_by(ACTIONS.c.id.desc())
        actions = connection.execute(query).all()
        undoes = {
            row.id: row.arguments.get("action_id") for row in actions if row.command == "undo"
        }
        if wanted is not None:
            wanted |= {undo for undo, target in undoes.items() if target in wanted}
        stale = {c.action_id for c in attached_corrections(connection) if not c.targets}
    rows = []
    for row in actions:
        if wanted is not None and row.id not in wanted:
            continue
        if row.undone_by_id is not None:
            status = f"undone by {row.undone_by_id}"
        elif row.command == "undo":
            status = f"undid {undoes[row.id]}"
        elif row.id in stale:
            status = "no longer applies: the quote is gone from its document"
        else:
            status = "in force"
        rows.append(
            {
                "id": row.id,
                "at": row.at,
                "user": row.user,
                "command": row.command,
                "summary": row.arguments.get("summary", ""),
                "note": row.note,
                "status": status,
            }
        )
    return rows


def _entity_referenced(connection: Connection, entity_id: int, action_id: int) -> bool:
    """Whether any machine row or any decision of another action names the entity."""
    references = [
        sa.select(QUOTES.c.id).where(
            sa.or_(QUOTES.c.speaker_id == entity_id, QUOTES.c.claimed_by_id == entity_id)
        ),
        sa.select(RECIPIENTS.c.entity_id).where(RECIPIENTS.c.entity_id == entity_id),
        sa.select(ALIASES.c.id).where(ALIASES.c.entity_id == entity_id),
        sa.select(MERGES.c.id).where(
            sa.or_(MERGES.c.from_entity_id == entity_id, MERGES.c.into_entity_id == entity_id)
        ),
        sa.select(ALIAS_DECISIONS.c.id).where(
            ALIAS_DECISIONS.c.entity_id == entity_id, ALIAS_DECISIONS.c.action_id != action_id
        ),
        sa.select(ENTITY_EDITS.c.id).where(ENTITY_EDITS.c.entity_id == entity_id),
        sa.select(ABOUT.c.entity_id).where(ABOUT.c.entity_id == entity_id),
    ]
    if any(connection.execute(query.limit(1)).first() for query in references):
        return True
    touched = _touched(connection)
    return any(
        entity_id in entry["entities"] for other, entry in touched.items() if other != action_id
    )


def undo(engine: Engine, action_id: int, *, note: str | None = None) -> dict[str, Any]:
    """Takes action `action_id` out of force, restoring exactly what it changed."""
    with _transaction(engine) as connection:
        action = connection.execute(sa.select(ACTIONS).where(ACTIONS.c.id == action_id)).first()
        if action is None:
            raise NotFound(f"no action has id {action_id} (quotedb history lists them)")
        if action.undone_by_id is not None:
            raise CurationError(f"action {action_id} was already undone by {action.undone_by_id}")
        if action.command == "undo":
            raise CurationError("an undo cannot be undone: run the command again instead")
        _undo_entity_edits(connection, action_id)
        kept = []
        created = action.arguments.get("created_entities", [])
        if action.command == "split":
            created = [action.arguments["new_entity"]]
        for new_id in created:
            if _entity_referenced(connection, new_id, action_id):
                kept.append(new_id)
            else:
                # The action's own aliases for an entity it created go with it.
                connection.execute(
                    ALIAS_DECISIONS.delete().where(
                        ALIAS_DECISIONS.c.entity_id == new_id,
                        ALIAS_DECISIONS.c.action_id == action_id,
                    )
                )
                connection.execute(ENTITIES.delete().where(ENTITIES.c.id == new_id))
        summary = f"undo {action_id} ({action.arguments.get('summary', action.command)})"
        undo_id = _record(connection, "undo", summary, note, action_id=action_id)
        connection.execute(
            ACTIONS.update()
            .where(ACTIONS.c.id == action_id)
            .values(undone_by_id=undo_id, undone_at=utcnow())
        )
    return {"action_id": undo_id, "summary": summary, "kept_entities": kept}


def _undo_entity_edits(connection: Connection, action_id: int) -> None:
    """Restores the QIDs and descriptions an action replaced, newest first; refused when
    a later edit of the same entity is in force (undo that one first)."""
    edits = connection.execute(
        sa.select(ENTITY_EDITS)
        .where(ENTITY_EDITS.c.action_id == action_id)
        .order_by(ENTITY_EDITS.c.id.desc())
    ).all()
    for edit in edits:
        later = connection.execute(
            sa.select(ENTITY_EDITS.c.action_id)
            .join(ACTIONS, ACTIONS.c.id == ENTITY_EDITS.c.action_id)
            .where(
                ENTITY_EDITS.c.entity_id == edit.entity_id,
                ENTITY_EDITS.c.action_id > action_id,
                ACTIONS.c.undone_at.is_(None),
            )
            .order_by(ENTITY_EDITS.c.action_id.desc())
        ).first()
        if later is not None:
            raise CurationError(
                f"action {later.action_id} edited the same entity later: undo it first"
            )
        values = {}
        if edit.qid is not None:
            values["qid"] = edit.previous_qid
        if edit.description is not None:
            values["description"] = edit.previous_description
        connection.execute(
            ENTITIES.update().where(ENTITIES.c.id == edit.entity_id).values(**values)
        )
