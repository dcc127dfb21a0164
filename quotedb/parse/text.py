"""Paragraphs, sentences and tokens, all as offsets into the original text.

Everything here is regex-driven and linear in the length of the text: the
parser has to read news at hundreds of thousands of words a second.
"""

from __future__ import annotations

import re
from itertools import accumulate, repeat
from operator import add
from typing import NamedTuple

from quotedb.parse.lexicon import ABBREVIATIONS

# A paragraph is a run of text between blank lines (or single newlines: news
# dumps often use one newline per paragraph).
_PARAGRAPH = re.compile(r"[^\n]+")

# The endings of a web address's name ("Factcheck.org").
WEB_DOMAINS = "(?:com|org|net|gov|edu)"

# Words keep inner apostrophes and hyphens ("Kim Jong-un", "don't"); a period stays
# on a dotted acronym ("U.S."), a single letter ("J.") and a known abbreviation
# ("Sen."), tried only on a short word before a period; a web address's name is one
# word ("Factcheck.org", "Infowars.com"); every other non-space
# character is its own token. The regex alone decides: `tokens` tests nothing.
# For speed, a whole word before a space or the end, the commonest token, is tried
# first (no other branch can match it), and words never backtrack (possessive `+`).
_ABBREVIATED = sorted((a[:-1] for a in ABBREVIATIONS if re.fullmatch(r"\w+\.", a)), key=len)[::-1]
# A word's letters, and the second byte of a UTF-8 letter read as Latin-1 or cp1252
# ("SarukhÃÂ¡n", "GuantÃ¡namo"): mojibake keeps a name one word.
_WORD = r"\w++(?:(?<=[ÃÂ])[\u0080-\u00bf]++\w*+)*+"
_TOKEN = (
    r"\w++(?!\S)|\d+(?:[.,]\d+)+|[A-Za-z]\.(?:[A-Za-z]\.)+|[RDI]-(?:[A-Z]\.){2,3}(?!\w)"
    rf"|\w++(?:[-.]\w++)*?\.{WEB_DOMAINS}(?:['’]s)?(?!\w)"
    rf"|(?=\w{{1,{len(_ABBREVIATED[0])}}}+\.)(?:\w|(?i:{'|'.join(map(re.escape, _ABBREVIATED))}))\."
    rf"|{_WORD}(?:[-'’]\w++)*+|''|``|[^\w\s]"
)
# A token and the spaces after it, as findall() strings: no match object per token.
_TOKEN_AND_SPACE = re.compile(rf"(?:{_TOKEN})\s*+")

# Candidate sentence ends: terminal punctuation, optional closing quotes and
# brackets, then space. Whether it really ends a sentence is decided below.
# One branch opening on a [class] (not a repeat of it), so that the regex engine
# skips ahead to the next [.!?] at C speed.
_SENTENCE_END = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?:(?=\s)|$)")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9]")
# Words that follow an abbreviation only when it ends a sentence ("in the U.S. He
# says"): never a name, a number or a noun an abbreviation modifies.
_OPENS_A_SENTENCE = re.compile(
    r"\s+(?:He|She|It|They|We|I|The|But|And|So|Yet|Still|This|That|These|Those|There|His"
    r"|Her|Their|Its|If|When|While|Although|Though|After|Before|Since|As|In|What|Why|How"
    r"|However|Meanwhile|Instead|Now|Then)\b"
)
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
# The dashes that are never a hyphen: en and em dash, and the quotation dash U+2015.
LONG_DASHES = frozenset("—–―")
# The dashes of news text: those, and the hyphen-minus typed for them (" - ", " -- ").
DASHES = LONG_DASHES | {"-"}
# What a content span loses at its edges: spaces, clause punctuation, dashes, a period.
CONTENT_EDGES = " \t,;:" + "".join(sorted(DASHES)) + "."
# A party and a state, "R-Ky", "D-R" in "(D-R.I.)", "R-S.C" (a token of its own, with
# its periods): its period ends no sentence, and "Sen. Rand Paul, R-Ky., said" is an
# appositive (mentions).
PARTY_LABEL = re.compile(r"[RDI]-(?:[A-Z][A-Za-z]{0,4}|(?:[A-Z]\.){1,2}[A-Z])")


class Token(NamedTuple):
    """A word or punctuation mark: a tuple, since a document makes thousands of them."""

    text: str
    start: int
    end: int
    lower: str  # text.lower(), computed once: the sieve compares it constantly


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of non-blank lines; a news paragraph is one line in every input we read."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the period ending at `end` closes an abbreviation (Mr., Sen., U.S., J.)."""
    start = end - 1
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '"“(':
        start -= 1
    word = text[start:end]
    if word.lower() in ABBREVIATIONS or PARTY_LABEL.fullmatch(word[:-1]):
        return True
    # A single initial ("J. Trump"), or dotted initials ("G.K. Butterfield", "U.S.").
    return (len(word) == 2 and word[0].isupper()) or _DOTTED_INITIALS.fullmatch(word) is not None


def sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Where the sentences of one paragraph end, keeping abbreviations and initials
    intact: offsets, since the sieve reads nothing else of a sentence."""
    ends = []
    segment = text[start:end]
    for match in _SENTENCE_END.finditer(segment):
        stop = start + match.end()
        if (
            text[start + match.start()] == "."
            and _is_abbreviation(text, start + match.start() + 1)
            and not _OPENS_A_SENTENCE.match(text, stop, end)
        ):
            # "U.S. officials" goes on; "in the U.S. He says" ends: a word that only
            # opens sentences follows.
            continue
        if stop < end and not _NEXT_STARTS_SENTENCE.match(text, stop, end):
            continue
        ends.append(stop)
    if text[ends[-1] if ends else start : end].strip():
        ends.append(end)  # the last sentence lacks its final punctuation
    return ends


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Word and punctuation tokens of text[start:end], with document offsets."""
    # Every non-space character is in a token, so the chunks (a token and the spaces
    # after it) tile the text from its first token: their running lengths are the
    # starts. tuple.__new__ makes each Token without the Python-level __new__ of a
    # NamedTuple: the parser makes close to a million tokens for a thousand articles.
    while start < end and text[start].isspace():
        start += 1
    chunks = _TOKEN_AND_SPACE.findall(text, start, end)
    words = list(map(str.rstrip, chunks))
    starts = list(accumulate(map(len, chunks), initial=start))
    ends = map(add, starts, map(len, words))
    return list(map(tuple.__new__, repeat(Token), zip(words, starts, ends, map(str.lower, words))))


def trim(text: str, start: int, end: int, chars: str = " \t,;:—–―-") -> tuple[int, int]:
    """Shrink [start, end) past surrounding spaces and the given punctuation, but not
    past the period of an abbreviation ("attacks in the U.S.")."""
    while start < end and (text[start].isspace() or text[start] in chars):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in chars):
        if text[end - 1] == "." and _is_abbreviation(text, end):
            break
        end -= 1
    return start, end
