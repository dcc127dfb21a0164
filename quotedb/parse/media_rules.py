"""Linking attributions to media: which letter, book or statement, to whom.

A medium named near a cue ("In one note", "said in a statement") becomes the
quote's source; a letter the text introduced ("Kim sent letters to Trump")
gives its addressee to the quotes written in it.
"""

from __future__ import annotations

import re

from quotedb.parse.clauses import name_part
from quotedb.parse.drafts import Draft, Paragraph
from quotedb.parse.lexicon import DETERMINERS, TITLES
from quotedb.parse.media import book_title
from quotedb.parse.mentions import is_capitalised, recipient_after
from quotedb.parse.text import Token

_ADDRESSES_A_READER = re.compile(r"\bYour (?:Excellency|Majesty|Holiness|Honou?r)\b|^Dear\b")


class MediaRules:
    """Give each attribution its medium, addressee and reporting chain.

    A mixin of the sieve's reader: it uses the reader's registry and resolver.
    """

    # -------------------------------------------------------------- media
    def attach_medium(self, p: Paragraph, draft: Draft) -> None:
        toks = p.toks
        if draft.cue_index is not None:
            s_first, s_last = p.bounds[p.sentence_of[draft.cue_index[0]]]
        else:
            s_first, s_last = 0, len(toks) - 1
        found = None
        for k in range(s_first, s_last + 1):
            kind = p.media[k]  # first: most words name no medium
            if not kind or p.inside[k]:
                continue
            if any(s <= toks[k].start < e for s, e in draft.spans):
                continue
            if _names_the_medium_of(toks, k, s_first, draft.cue_index):
                found = (kind, k)
                break
        if found is not None:
            kind, k = found
            medium = (
                self.media.by_author(kind, draft.speaker) if kind in ("letter", "book") else None
            )
            if kind == "book" and medium is None:
                medium = self.media.by_author("book", None)
                if medium is not None and medium.author is None:
                    medium.author = draft.speaker  # "In her new book, …, Clinton wrote"
            if kind == "letter" and k + 2 <= s_last and toks[k + 1].lower == "to":
                # "In a letter to Trump, Kim wrote …"
                target = recipient_after(toks, k + 2)
                if target is not None:
                    name = self.resolve(toks, name_part(toks, target), speaks=False)
                    if name and name not in draft.recipients:
                        draft.recipients.append(name)
            draft.source_kind = kind
            draft.source_evidence = self.span_of(toks, k, k)
            draft.medium = medium
        elif (
            self.last_draft is not None
            and self.last_draft.speaker == draft.speaker
            and draft.speaker
            and self.last_draft.source_kind
            and p.index - self.last_draft.paragraph <= 1
            and draft.source_kind is None
        ):
            draft.source_kind = self.last_draft.source_kind
            draft.medium = self.last_draft.medium
            for name in self.last_draft.recipients:
                if name not in draft.recipients:
                    draft.recipients.append(name)
        elif (
            draft.source_kind is None
            and draft.speaker
            # The letter first: most documents know none, and spare the spans' search.
            and (medium := self.media.by_author("letter", draft.speaker)) is not None
            and any(_ADDRESSES_A_READER.search(self.text, s, e) for s, e in draft.spans)
        ):
            # "… Your Excellency": the speaker is writing one of the letters we know of.
            draft.source_kind = "letter"
            draft.medium = medium
        if (
            draft.medium is not None
            and draft.medium.recipient
            and draft.medium.recipient not in draft.recipients
            and draft.medium.recipient != draft.speaker
        ):
            draft.recipients.append(draft.medium.recipient)

    def learn_media(self, p: Paragraph) -> None:
        """Letters and books the paragraph introduces: "Kim sent letters to Trump"."""
        # Most paragraphs: no need to walk their words in Python. any() first: most
        # name no medium at all, and it reads a list of None quicker than `in` does.
        if not any(p.media) or ("letter" not in p.media and "book" not in p.media):
            return
        toks = p.toks
        for s_first, s_last in p.bounds:
            letters = None
            book = None
            for k in range(s_first, s_last + 1):
                if p.inside[k]:
                    continue
                kind = p.media[k]
                if kind == "letter":
                    author = self._sentence_subject(toks, s_first, k)
                    recipient = self._sent_to(toks, s_first, k)
                    if k + 1 <= s_last and toks[k + 1].lower == "to":
                        target = recipient_after(toks, k + 2)
                        if (
                            target is not None
                            and not any(
                                toks[j].lower in TITLES
                                for j in range(target.first, target.first + 1)
                            )
                            or target is not None
                        ):
                            recipient = self.resolve(toks, name_part(toks, target), speaks=False)
                    if author or recipient:
                        letters = self.media.introduce(
                            "letter", toks[k].text, author, recipient, None
                        )
                    elif letters is None:
                        letters = self.media.by_author("letter", None)
                elif kind == "book":
                    title = book_title(toks, k)
                    if title:
                        author = self._possessor(toks, s_first, k)
                        book = self.media.introduce("book", toks[k].text, author, None, title)
            if letters is not None and book is not None:
                self.media.link_book("letter", book)

    def _sent_to(self, toks: list[Token], s_first: int, medium: int) -> str | None:
        """ "Lopez sent Reed a note": the person between the verb and the letter."""
        for k in range(medium - 1, max(s_first, medium - 7) - 1, -1):
            if toks[k].lower in ("sent", "sends", "send", "wrote", "writes", "handed", "mailed"):
                target = recipient_after(toks, k + 1)
                if target is not None and target.last < medium:
                    return self.resolve(toks, name_part(toks, target), speaks=False)
                return None
        return None

    def _sentence_subject(self, toks: list[Token], s_first: int, before: int) -> str | None:
        """The named subject that opens a sentence ("Kim Jong-un has sent letters")."""
        k = s_first
        while k < before and toks[k].lower in DETERMINERS:
            k += 1
        if k >= before or not is_capitalised(toks[k]):
            return None
        last = k
        while last + 1 < before and is_capitalised(toks[last + 1]):
            last += 1
        name = self.text[toks[k].start : toks[last].end]
        entity = self.registry.entity_named(name) or self.registry.entity_named(
            " ".join(w for w in name.split() if w.lower() not in TITLES)
        )
        return entity.name if entity and entity.kind in ("person", "unknown") else None

    def _possessor(self, toks: list[Token], s_first: int, at: int) -> str | None:
        """ "Bob Woodward … for his new book": the last named person before "his"."""
        for k in range(at - 1, s_first - 1, -1):
            if toks[k].lower in ("his", "her"):
                for j in range(k - 1, s_first - 1, -1):
                    if is_capitalised(toks[j]) and j > s_first:
                        first = j
                        while first - 1 >= s_first and is_capitalised(toks[first - 1]):
                            first -= 1
                        name = self.text[toks[first].start : toks[j].end]
                        words = name.split()
                        while words and words[0].lower() in TITLES:
                            words.pop(0)
                        entity = self.registry.entity_named(" ".join(words))
                        if entity is not None:
                            return entity.name
                return None
        return None


_MEDIUM_PREPOSITIONS = frozenset({"in", "on", "via", "through", "during", "at", "into"})


def _names_the_medium_of(
    toks: list[Token], k: int, s_first: int, cue: tuple[int, int] | None
) -> bool:
    """Whether the medium word at k is where this cue's words were uttered: "In one
    note, …", "said in a statement", "Another letter saw …", "tweeted" — not the
    letters someone else shared earlier in the sentence."""
    j = k - 1
    # "in her new book", "In one note": past determiners and a couple of adjectives.
    while j >= s_first and k - j <= 4 and toks[j].text[:1].isalnum():
        if toks[j].lower in _MEDIUM_PREPOSITIONS:
            return True
        if is_capitalised(toks[j]):
            break
        j -= 1
    if j < s_first:
        return True  # the medium opens the sentence: "Another letter saw Kim …"
    if cue is None:
        return False
    if cue[0] - 2 <= k <= cue[1] + 3:
        # the cue's subject ("a note saying"), the cue itself ("tweeted") or its
        # object ("wrote a letter")
        return True
    return toks[j].text == "," and j - 1 >= s_first and toks[j - 1].lower in _MEDIUM_PREPOSITIONS
