"""Normalised keys: how the store decides that two strings mean the same thing.

One definition, used by everything that writes or looks up rows (ingest,
queries, curation), so "Kim Jong-un", "kim jong un" and "KIM JONG UN" meet.
"""

import hashlib
import re
import unicodedata

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


def normalise_document_text(text: str) -> str:
    """The text a document is stored and parsed as: NFC, Unix newlines, no outer blank space."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: equal hashes mean re-ingesting changes nothing."""
    return hashlib.sha256(normalise_document_text(text).encode("utf-8")).hexdigest()
