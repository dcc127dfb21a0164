"""Normalised keys: how the store decides that two strings mean the same thing.

One definition, used by everything that writes or looks up rows (ingest,
queries, curation), so "Kim Jong-un", "kim jong un" and "KIM JONG UN" meet.
"""

import hashlib
import re
import unicodedata

# Characters of a stored quote key kept whole: 4 bytes a character at most stays well
# under PostgreSQL's 2704-byte limit on a btree index row.
MAX_QUOTE_KEY_CHARS = 600

_NOT_WORD = re.compile(r"[^\w]+")
_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _fold(text: str) -> str:
    """Case- and accent-insensitive form: NFKD, combining marks dropped, casefolded."""
    if text.isascii():
        return text.lower()  # the same result, without a pass over each character
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(name: str) -> str:
    """Lookup key of an entity name or alias: "Kim Jong-un" -> "kim jong un"."""
    return " ".join(_NOT_WORD.sub(" ", _fold(name)).split())


def quote_key(text: str) -> str:
    """Dedupe key of a quote's text: the same words, whatever the marks, case or spacing."""
    return " ".join(_NOT_WORD.sub(" ", _fold(text.translate(_QUOTE_MARKS))).split())


def stored_quote_key(text: str) -> str:
    """quote_key, with a long key cut and completed by its digest: PostgreSQL refuses
    index rows over 2704 bytes (uq_quotes_key_speaker_id), and whole-paragraph indirect
    quotes exceed it. The same words still give the same key."""
    key = quote_key(text)
    if len(key) <= MAX_QUOTE_KEY_CHARS:
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return f"{key[: MAX_QUOTE_KEY_CHARS - 72]} sha256 {digest}"


def normalise_document_text(text: str) -> str:
    """The text a document is stored and parsed as: NFC, Unix newlines, no outer blank space."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: equal hashes mean re-ingesting changes nothing."""
    return hashlib.sha256(normalise_document_text(text).encode("utf-8")).hexdigest()
