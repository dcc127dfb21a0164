"""Assembles attributions: quotations and cues in, typed `Quote` records out.

The sieve reads a document paragraph by paragraph and applies its rules from
the most certain to the least (the way CoreNLP's quote attributor and BBC
Citron do), each rule leaving its name in `Quote.rule`:

1. `quote-cue-after`  "…," Kim wrote / "…," said Lionel Sosa
2. `quote-cue-before` Kim wrote: "…" / described Trump as "…"
3. `cue-content-after`  Kim demanded swift sanctions relief (indirect, or mixed
   when the clause holds quoted words)
4. `cue-content-before` Letters were shared …, reports Mirror Online
5. `according-to`     According to X, … / …, according to X
6. `quote-continued`  a further quoted sentence or paragraph by the same speaker
7. `quote-unattributed` a full quoted sentence with no speaker in sight (speaker null)

A claim whose content is itself an attribution ("Trump claimed the dictator
branded Obama …") yields the inner one, with `claimed_by` set.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from quotedb.parse.coref import EntityRegistry
from quotedb.parse.lexicon import (
    CLAUSE_BOUNDARIES,
    CUES,
    DETERMINERS,
    FUNCTION_WORDS,
    GROUPS,
    MULTIWORD_CUES,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLES,
    TITLES,
    CueVerb,
)
from quotedb.parse.media import DocumentMedia, KnownMedium, book_title, medium_at
from quotedb.parse.mentions import (
    NounPhrase,
    is_capitalised,
    recipient_after,
    subject_after,
    subject_before,
)
from quotedb.parse.quotemarks import Quotation, find_quotations
from quotedb.parse.records import ParsedDocument, Quote, Span
from quotedb.parse.text import Token, paragraphs, sentences, tokens, trim

_FURNITURE_STARTS = (
    "•",
    "·",
    "▪",
    "►",
    "*",
    "–",
    "- ",
    "Source:",
    "Read more",
    "Read the rest",
    "READ MORE",
    "Related:",
    "RELATED",
    "Click here",
    "Sign up",
    "Follow ",
    "Advertisement",
    "Image:",
    "Photo:",
    "Watch:",
    "WATCH:",
    "Share this",
)
# A cue followed by these is not followed by its content ("said on Tuesday",
# "wrote about their meeting", "responded by leading").
_CONTENT_MUST_NOT_START = frozenset(
    [
        "about",
        "by",
        "with",
        "on",
        "of",
        "in",
        "at",
        "for",
        "from",
        "into",
        "onto",
        "up",
        "out",
        "off",
        "back",
        "down",
        "over",
        "through",
        "after",
        "before",
        "during",
        "when",
        "then",
        "so",
        "and",
        "or",
        "but",
        "yet",
        "as",
        "than",
        "because",
        "since",
        "until",
        "while",
        "yes",
        "no",
        "goodbye",
        "hello",
        "sorry",
        "thanks",
        "hi",
        "okay",
        "ok",
    ]
)
_ADJUNCT_WORDS = frozenset(
    {
        "in",
        "on",
        "at",
        "during",
        "to",
        "via",
        "through",
        "a",
        "an",
        "the",
        "his",
        "her",
        "their",
        "its",
        "this",
        "last",
        "recent",
        "new",
        "late",
        "early",
        "statement",
        "interview",
        "reporters",
        "for",
        "first",
        "time",
        "publicly",
        "privately",
        "repeatedly",
        "again",
        "him",
        "them",
        "us",
        "me",
        "audience",
        "crowd",
        "supporters",
        "voters",
        "conference",
        "news",
        "press",
        "told",
        "recently",
        "also",
        "later",
        "earlier",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "week",
        "month",
        "year",
        "night",
        "morning",
        "afternoon",
        "evening",
        "day",
        "today",
        "yesterday",
        "tonight",
        "email",
        "e-mail",
        "phone",
        "telephone",
        "speech",
        "rally",
        "tweet",
        "post",
        "when",
        "asked",
        "of",
        "with",
        "twitter",
        "facebook",
        "radio",
        "tv",
        "television",
        "show",
        "program",
        "programme",
        "episode",
        "and",
        "adding",
        "then",
    }
)
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "be", "been", "being", "get", "got"})
_OPENING_MARKS = frozenset({'"', "“", "„", "«", "''", "``", "‘", "'"})
_CLOSING_MARKS = frozenset({'"', "”", "»", "''", "’", "'", "“"})
# "the report", "his claim": after these a cue word is a noun.
_NOUN_BLOCKERS = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "these",
        "those",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "its",
        "another",
        "every",
        "each",
        "no",
        "'s",
        "’s",
    }
)
_TITLE_LEAD_INS = frozenset(
    {"on", "in", "of", "from", "at", "called", "titled", "entitled", "named", "dubbed", "the"}
)
_ADDRESSES_A_READER = re.compile(r"\bYour (?:Excellency|Majesty|Holiness|Honou?r)\b|^Dear\b")
_PREPOSITIONS = frozenset(
    {"to", "in", "at", "on", "with", "for", "by", "from", "of", "into", "about", "against"}
)
_THAT_VERB = CueVerb("(verb) that", "claim", frozenset())
_NOT_THAT_VERBS = frozenset(
    [
        "so",
        "such",
        "given",
        "provided",
        "assuming",
        "ensured",
        "means",
        "comes",
        "goes",
        "does",
        "times",
        "yes",
        "lines",
        "rules",
        "cases",
        "types",
        "ones",
        "kinds",
        "series",
        "news",
        "odds",
        "states",
    ]
)
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three", "many"})
_TITLED_WORKS = frozenset(
    [
        "book",
        "memoir",
        "novel",
        "column",
        "op-ed",
        "show",
        "program",
        "programme",
        "film",
        "movie",
        "documentary",
        "song",
        "album",
        "series",
        "podcast",
        "headline",
        "slogan",
        "motto",
        "hashtag",
    ]
)
_SENTENCE_OPENERS = frozenset({".", "!", "?", '"', "“", "”", ":", "—", "–", "(", "''"})


@dataclass(frozen=True, slots=True)
class _Cue:
    first: int  # token indices, inclusive
    last: int
    verb: CueVerb | None  # None for "according to"


@dataclass
class _Draft:
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
    subject_first: int | None = None
    opens_paragraph_quote: bool = False  # its quote runs on into the next paragraph
    continues_quote: bool = False  # its first quote goes on from the previous paragraph


class _Reader:
    """Reads one document; holds what carries from paragraph to paragraph."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.registry = EntityRegistry()
        self.media = DocumentMedia()
        self.drafts: list[_Draft] = []
        self.last_draft: _Draft | None = None
        self._paragraph: _Paragraph | None = None
        self.pending_colon: _Draft | None = None  # "X said:" ending the previous paragraph

    # ------------------------------------------------------------------ utils
    def span_of(self, toks: list[Token], first: int, last: int) -> tuple[int, int]:
        return toks[first].start, toks[last].end

    def resolve(self, toks: list[Token], np: NounPhrase, speaks: bool) -> str | None:
        """The canonical entity a speaker/recipient phrase refers to, or None."""
        words = toks[np.first : np.last + 1]
        head = toks[np.head]
        start, end = self.span_of(toks, np.first, np.last)
        lower = head.lower
        if np.first == np.last and (
            lower in PRONOUNS or lower in RELATIVE_PRONOUNS or lower == "one"
        ):
            if lower in RELATIVE_PRONOUNS:
                return self._relative_antecedent(toks, np.first, speaks)
            if lower == "one":
                return None
            sentence_start = -1
            if self._paragraph is not None and toks is self._paragraph.toks:
                first, _ = self._paragraph.bounds[self._paragraph.sentence_of[np.first]]
                sentence_start = toks[first].start
            return self.registry.pronoun(head.text, start, end, speaks, sentence_start)
        # The name inside the phrase: the capitalised run that holds the head.
        if is_capitalised(head) and lower not in GROUPS:
            first = np.head
            while first - 1 >= np.first and (
                is_capitalised(toks[first - 1]) or toks[first - 1].lower in TITLES
            ):
                first -= 1
            last = np.head
            if first == last and toks[first].lower in DETERMINERS:
                return None
            roles = [
                t.text for t in words[: first - np.first] if t.lower in TITLES or t.lower in ROLES
            ]
            name_start, name_end = toks[first].start, toks[last].end
            name = self.registry.name(self.text[name_start:name_end], name_start, name_end, speaks)
            if name and roles:
                self.registry.add_roles(name, roles)
            return name
        phrase = self.text[start:end]
        described = self.registry.description(phrase, start, end, speaks)
        if described:
            return described
        if lower in GROUPS or any(t.lower in GROUPS for t in words):
            if words[0].lower in ("the", "this", "that") and lower not in GROUPS:
                return None
            return self.registry.group(phrase, start, end, speaks)
        if words[0].lower in _INDEFINITE and len(words) > 1:
            # "a senior official", "one longtime adviser": unnamed, kept as written.
            return self.registry.unnamed(phrase, start, end, speaks)
        return None

    def _relative_antecedent(self, toks: list[Token], at: int, speaks: bool) -> str | None:
        """ "Weber, who advises Kasich, said": the name before ", who"."""
        if at >= 2 and toks[at - 1].text == ",":
            np = subject_before(toks, at - 1 + 0, 0) if False else None
            j = at - 2
            if is_capitalised(toks[j]):
                first = j
                while first - 1 >= 0 and is_capitalised(toks[first - 1]):
                    first -= 1
                return self.resolve(toks, NounPhrase(first, j, j), speaks)
            return np
        return None

    # -------------------------------------------------------------- reading
    def read(self) -> ParsedDocument:
        text = self.text
        paras = paragraphs(text)
        quotations = find_quotations(text, paras)
        by_paragraph: dict[int, list[Quotation]] = {}
        for quotation in quotations:
            by_paragraph.setdefault(quotation.paragraph, []).append(quotation)
        for index, (lo, hi) in enumerate(paras):
            if text.startswith(_FURNITURE_STARTS, lo):
                continue
            self.read_paragraph(index, lo, hi, by_paragraph.get(index, []))
        return self.finish()

    def read_paragraph(self, index: int, lo: int, hi: int, quotes: list[Quotation]) -> None:
        text = self.text
        toks = tokens(text, lo, hi)
        if not toks:
            return
        sents = sentences(text, lo, hi, index)
        # Which tokens lie inside quotations, and the token ranges of sentences;
        # a sentence never ends inside a quotation ("They weren't fun. There was
        # no joy," Gingrich said: one sentence for the attribution's purposes).
        inside = [False] * len(toks)
        q = 0
        for k, token in enumerate(toks):
            while q < len(quotes) and quotes[q].end <= token.start:
                q += 1
            if q < len(quotes) and quotes[q].start <= token.start < quotes[q].end:
                inside[k] = True
        bounds: list[tuple[int, int]] = []
        t = 0
        for sentence in sents:
            first = t
            while t < len(toks) and toks[t].start < sentence.end:
                t += 1
            if t > first:
                if bounds and inside[first] and inside[first - 1]:
                    bounds[-1] = (bounds[-1][0], t - 1)
                else:
                    bounds.append((first, t - 1))
        sentence_of = [0] * len(toks)
        for number, (first, last) in enumerate(bounds):
            for k in range(first, last + 1):
                sentence_of[k] = number
        self.register_names(toks, inside)
        cues = self.find_cues(toks, inside)
        paragraph = _Paragraph(index, lo, hi, toks, bounds, sentence_of, inside, quotes, cues)
        self._paragraph = paragraph
        self.learn_media(paragraph)
        used_cues: dict[int, _Draft] = {}
        used_quotes: set[int] = set()
        drafts: list[_Draft] = []
        for qi, quotation in enumerate(quotes):
            draft = self.quote_with_cue(paragraph, quotation, used_cues)
            if draft is not None:
                used_quotes.add(qi)
                if draft not in drafts:
                    drafts.append(draft)
        for ci, cue in enumerate(cues):
            if ci in used_cues:
                continue
            draft = self.cue_attribution(paragraph, ci, used_cues, drafts)
            if draft is None:
                continue
            for qi, quotation in enumerate(quotes):
                if any(s <= quotation.start and quotation.end <= e for s, e in draft.spans):
                    used_quotes.add(qi)
            used_cues[ci] = draft
            drafts.append(draft)
        drafts = self.nest_claims(drafts)
        for qi, quotation in enumerate(quotes):
            if qi in used_quotes or any(
                s <= quotation.start < e for d in drafts for s, e in d.spans
            ):
                continue
            self.unattached_quote(paragraph, quotation, drafts)
        drafts.sort(key=lambda d: d.spans[0][0])
        for draft in drafts:
            self.attach_medium(paragraph, draft)
            self.drafts.append(draft)
            self.last_draft = draft

    # ---------------------------------------------------------------- names
    def register_names(self, toks: list[Token], inside: list[bool]) -> None:
        """Open entities for full names as they appear, so later surnames and
        descriptions have something to resolve to."""
        k = 0
        n = len(toks)
        while k < n:
            if inside[k] or not is_capitalised(toks[k]):
                k += 1
                continue
            first = k
            while k < n and not inside[k] and (is_capitalised(toks[k]) or toks[k].text in ("-",)):
                k += 1
            last = k - 1
            while first <= last and (
                toks[first].lower in DETERMINERS or toks[first].lower in FUNCTION_WORDS
            ):
                first += 1
            titled = first  # "Ms. Maria Lopez": the title tells the registry her gender
            while first <= last and toks[first].lower in TITLES:
                first += 1
            while last >= first and toks[last].text in ("'s", "’s", "-"):
                last -= 1
            if first > last:
                continue
            words = [t.text for t in toks[first : last + 1]]
            if len(words) >= 2 or self.registry.entity_named(words[0]) is None:
                start, end = toks[first].start, toks[last].end
                if len(words) >= 2 and all(w[:1].isupper() for w in words):
                    title_start = toks[titled].start
                    name = self.registry.name(self.text[title_start:end], title_start, end)
                    roles = []
                    j = first - 1
                    while (
                        j >= 0
                        and (
                            toks[j].lower in TITLES
                            or toks[j].lower in ROLES
                            or is_capitalised(toks[j])
                        )
                        and first - j < 4
                    ):
                        roles.append(toks[j].lower)
                        j -= 1
                    if name and roles:
                        self.registry.add_roles(name, roles)
                elif self.registry.knows(words[0]):
                    self.registry.name(words[0], toks[first].start, toks[first].end)
        # "The president shared the letters …": definite descriptions of people
        # already named are mentions too, so that a later "he" can find them.
        for k in range(n - 1):
            if toks[k].lower in ("the", "this") and toks[k + 1].lower in ROLES and not inside[k]:
                last = k + 1
                while last + 1 < n and toks[last + 1].lower in ROLES:
                    last += 1
                start, end = toks[k].start, toks[last].end
                self.registry.description(self.text[start:end], start, end)

    # ----------------------------------------------------------------- cues
    def find_cues(self, toks: list[Token], inside: list[bool]) -> list[_Cue]:
        found: list[_Cue] = []
        n = len(toks)
        k = 0
        while k < n:
            if inside[k]:
                k += 1
                continue
            lower = toks[k].lower
            if lower == "according" and k + 1 < n and toks[k + 1].lower == "to":
                found.append(_Cue(k, k + 1, None))
                k += 2
                continue
            if (
                lower == "as"
                and k + 2 < n
                and toks[k + 1].lower in ("reported", "quoted", "first reported", "noted")
                and toks[k + 2].lower == "by"
            ):
                found.append(_Cue(k, k + 2, None))  # "As reported by Western Journalism, …"
                k += 3
                continue
            matched = None
            for words in MULTIWORD_CUES.get(lower, ()):
                if k + len(words) <= n and all(toks[k + j].lower == w for j, w in enumerate(words)):
                    matched = _Cue(k, k + len(words) - 1, CUES[" ".join(words)])
                    break
            if matched is None and lower in CUES:
                matched = _Cue(k, k, CUES[lower])
            if (
                matched is None
                and k + 1 < n
                and toks[k + 1].lower == "that"
                and lower.endswith(("ed", "es", "ws", "ns"))
                and lower not in _NOT_THAT_VERBS
                and not is_capitalised(toks[k])
            ):
                # "Mr. Ackman is convinced that …", "she learned that …": any verb that
                # takes a that-clause reports what its subject holds.
                matched = _Cue(k, k, _THAT_VERB)
            if matched is None or not self._is_verb_use(toks, matched):
                k += 1
                continue
            # "admit thinking", "said, adding": a cue right after a cue extends it.
            if found and found[-1].last == k - 1 and found[-1].verb is not None:
                found[-1] = _Cue(found[-1].first, matched.last, matched.verb)
            else:
                found.append(matched)
            k = matched.last + 1
        return found

    def _is_verb_use(self, toks: list[Token], cue: _Cue) -> bool:
        """ "the report", "his claim", "was called": the word is not a speech act here."""
        if (
            is_capitalised(toks[cue.first])
            and cue.first > 0
            and toks[cue.first - 1].text not in _SENTENCE_OPENERS
        ):
            return False  # "United States", "Says Who" mid-sentence: a name, not a verb
        if cue.first == 0:
            return cue.verb is not None and cue.verb.cls != "naming"
        previous = toks[cue.first - 1].lower
        if previous in _NOUN_BLOCKERS or previous.endswith(("'s", "’s")):
            return False
        if previous in _PASSIVE_AUX and toks[cue.last].lower.endswith(("ed", "en", "d", "t")):
            return False
        # "to think", "to report": an infinitive names the act, it does not report one.
        return not (
            previous == "to" and cue.verb is not None and cue.verb.cls in ("thought", "report")
        )

    # -------------------------------------------------------- rules 1 and 2
    def quote_with_cue(
        self, p: _Paragraph, quotation: Quotation, used: dict[int, _Draft]
    ) -> _Draft | None:
        toks = p.toks
        after = _first_token_at(toks, quotation.close_at)
        before = _last_token_before(toks, quotation.open_at)
        if _names_a_title(toks, before):
            return None
        # Rule 1: the cue follows the closing mark.
        if (
            after is not None
            and p.sentence_of[after] == p.sentence_of[max(after - 1, 0)]
            or (
                after is not None
                and quotation.end > quotation.start
                and self.text[quotation.end - 1 : quotation.end] in ",?!—–-"
            )
        ):
            draft = self._cue_after_quote(p, quotation, after, used)
            if draft is not None:
                return draft
        # Rule 2: the cue precedes the opening mark.
        if before is not None:
            return self._cue_before_quote(p, quotation, before, used)
        return None

    def _cue_after_quote(
        self, p: _Paragraph, quotation: Quotation, k: int, used: dict[int, _Draft]
    ) -> _Draft | None:
        toks = p.toks
        dash = self._quote_dash_name(p, quotation, k)
        if dash is not None:
            return dash
        while k < len(toks) and toks[k].text in (",", "—", "–", "-"):
            k += 1
        if k >= len(toks) or p.inside[k]:
            return None
        limit = min(len(toks), k + 25)
        for ci, cue in enumerate(p.cues):
            if cue.first < k or cue.first >= limit:
                continue
            if cue.verb is None or cue.verb.cls == "naming":
                return None
            if cue.first == k:
                subject = subject_after(toks, cue.last + 1)
                if subject is None and ci in used:
                    return None
            else:
                subject = subject_before(toks, cue.first, floor=k)
                if subject is None or subject.first != k:
                    return None
            if ci in used:
                draft = used[ci]
                draft.spans.append(_content(self.text, quotation))
                return draft
            draft = self._draft(p, quotation, cue, subject, "quote-cue-after", 0.9)
            used[ci] = draft
            self._recipient(p, cue, draft)
            return draft
        return None

    def _quote_dash_name(self, p: _Paragraph, quotation: Quotation, k: int) -> _Draft | None:
        """`"…" - Name` / `"…" — Name, title`: a name after a dash signs the quote."""
        toks = p.toks
        if k >= len(toks) or toks[k].text not in ("-", "—", "–") or k + 1 >= len(toks):
            return None
        subject = subject_after(toks, k + 1)
        if subject is None or not is_capitalised(toks[subject.head]):
            return None
        rest = subject.last + 1
        if rest < len(toks) and toks[rest].text not in (",", ".", "(") and not p.inside[rest]:
            return None
        name = self.resolve(toks, subject, speaks=True)
        if name is None:
            return None
        return _Draft(
            _quote_kind(self.text, quotation, p),
            [_content(self.text, quotation)],
            "quote-dash",
            0.75,
            speaker=name,
            mention=self.span_of(toks, subject.first, subject.last),
            paragraph=p.index,
            opens_paragraph_quote=not quotation.closed,
        )

    def _cue_before_quote(
        self, p: _Paragraph, quotation: Quotation, k: int, used: dict[int, _Draft]
    ) -> _Draft | None:
        toks = p.toks
        lead = k
        while lead >= 0 and toks[lead].text in (",", ":", "—", "–"):
            lead -= 1
        if lead < 0:
            return None
        for ci in range(len(p.cues) - 1, -1, -1):
            cue = p.cues[ci]
            if cue.last > lead or lead - cue.last > 5:
                continue
            if p.sentence_of[cue.last] != p.sentence_of[lead]:
                return None
            between = toks[cue.last + 1 : lead + 1]
            if cue.verb is not None and cue.verb.cls == "naming":
                draft = self._naming_quote(p, quotation, ci, used)
                if draft is not None:
                    return draft
                continue
            if any(
                (t.lower in CUES and not is_capitalised(t)) or t.text in ('"', "“", "”")
                for t in between
            ):
                return None
            if between and between[-1].lower == "that":
                between = between[:-1]
            if between and not _is_adjunct(between):
                return None
            if ci in used:
                draft = used[ci]
                if draft.kind in ("direct", "partial", "mixed"):
                    draft.spans.append(_content(self.text, quotation))
                    return draft
                return None
            subject = subject_before(toks, cue.first)
            if subject is None:
                # "Said Comey, "…"": the speaker follows the cue, before the quote.
                after = subject_after(toks, cue.last + 1)
                if after is not None and after.last == lead:
                    subject = after
            if subject is None and cue.verb is None:
                return None
            draft = self._draft(p, quotation, cue, subject, "quote-cue-before", 0.85)
            if subject is None:
                draft.speaker, draft.mention = self._implicit_subject(p, cue)
                draft.confidence = 0.6
            used[ci] = draft
            self._recipient(p, cue, draft)
            return draft
        return None

    def _naming_quote(
        self, p: _Paragraph, quotation: Quotation, ci: int, used: dict[int, _Draft]
    ) -> _Draft | None:
        """described Donald Trump as "powerful and preeminent": partial, about Trump."""
        if ci in used:
            return None
        cue = p.cues[ci]
        toks = p.toks
        if toks[cue.last + 1].start >= quotation.open_at - 1 and toks[cue.last].lower != "as":
            return None  # "executives were calling "every 15 minutes"": no one is named
        subject = subject_before(toks, cue.first)
        draft = self._draft(p, quotation, cue, subject, "quote-naming", 0.8)
        if subject is None:
            draft.speaker, draft.mention = self._implicit_subject(p, cue)
        # The speaker's words are the quoted ones; whom they describe is `about`.
        draft.kind = "partial"
        target = recipient_after(toks, cue.last + 1)
        if target is not None:
            about = self.resolve(toks, target, speaks=False)
            if about:
                draft.about.append(about)
        used[ci] = draft
        return draft

    def _draft(
        self,
        p: _Paragraph,
        quotation: Quotation,
        cue: _Cue,
        subject: NounPhrase | None,
        rule: str,
        confidence: float,
    ) -> _Draft:
        toks = p.toks
        draft = _Draft(
            kind=_quote_kind(self.text, quotation, p),
            spans=[_content(self.text, quotation)],
            rule=rule,
            confidence=confidence,
            cue=self.span_of(toks, cue.first, cue.last),
            paragraph=p.index,
            cue_index=(cue.first, cue.last),
            opens_paragraph_quote=not quotation.closed,
            continues_quote=quotation.continued,
        )
        if subject is not None:
            draft.mention = self.span_of(toks, subject.first, subject.last)
            draft.speaker = self.resolve(toks, subject, speaks=True)
            draft.subject_first = subject.first
            if draft.speaker is None:
                draft.confidence -= 0.3
                draft.speaker = self._medium_speaker(p, subject)
        return draft

    # ------------------------------------------------------- rules 3, 4, 5
    def cue_attribution(
        self, p: _Paragraph, ci: int, used: dict[int, _Draft], drafts: list[_Draft]
    ) -> _Draft | None:
        cue = p.cues[ci]
        toks = p.toks
        s_first, s_last = p.bounds[p.sentence_of[cue.first]]
        if cue.verb is None:
            return self._according_to(p, cue, s_first, s_last)
        subject = subject_before(toks, cue.first, floor=s_first)
        if subject is None and cue.first - 2 >= s_first and toks[cue.first - 1].lower == "to":
            # "He went on to say …", "Trump declined to say …"
            governing = cue.first - 2
            if toks[governing].lower in ("on", "up") and governing - 1 >= s_first:
                governing -= 1
            if not is_capitalised(toks[governing]) and toks[governing].lower not in FUNCTION_WORDS:
                subject = subject_before(toks, governing, floor=s_first)
        if (
            subject is not None
            and toks[cue.first].lower.endswith("ing")
            and subject.first - 1 >= s_first
            and toks[subject.first - 1].lower in _PREPOSITIONS
        ):
            subject = None  # "a statement to Wired explaining why": Wired is not explaining
        colon = _colon_ending_paragraph(toks, cue.last + 1)
        if colon:
            # "In a speech last July, he said:" and the quote is the next paragraph.
            if subject is not None:
                self.pending_colon = self._draft_for_next_paragraph(p, cue, subject)
            return None
        inverted = False
        if (
            subject is None
            and cue.first > s_first
            and toks[cue.first - 1].text == ","
            and "inv" in cue.verb.frames
        ):
            subject = subject_after(toks, cue.last + 1)
            inverted = subject is not None
        end = _clause_end(toks, cue.last + 1, s_last, p.inside)
        # Rule 4: content before "…, SUBJECT said." / "…, said SUBJECT."
        comma = None
        if inverted:
            comma = cue.first - 1
            tail_from = subject.last + 1
        elif (
            subject is not None
            and subject.first - 1 >= s_first
            and toks[subject.first - 1].text == ","
        ):
            comma = subject.first - 1
            tail_from = cue.last + 1
        if comma is not None and _ends_without_content(toks[tail_from : s_last + 1], inverted):
            lo = _skip_conjunction(toks, s_first, comma)
            if comma - lo < 3:
                return None
            span = trim(self.text, toks[lo].start, toks[comma - 1].end)
            return self._indirect(p, cue, subject, [span], "cue-content-before", 0.7)
        if (
            inverted
            or subject is None
            and not cue.verb.lemma.endswith("ing")
            and not toks[cue.first].lower.endswith("ing")
        ):
            if subject is None and toks[cue.first - 1 if cue.first else 0].lower in (
                "and",
                "but",
                "or",
            ):
                pass
            elif subject is None:
                return None
        # Rule 3: content after the cue.
        start = cue.last + 1
        recipient = None
        if "rcpt" in cue.verb.frames:
            recipient = recipient_after(toks, start)
            if recipient is not None:
                start = recipient.last + 1
        elif cue.verb.cls == "request":
            # "called for North Korea to give up …": North Korea is asked, and the
            # content keeps it as its subject.
            target = recipient_after(toks, start)
            if (
                target is not None
                and target.last + 1 < len(toks)
                and toks[target.last + 1].lower == "to"
            ):
                recipient = target
        if cue.verb.cls == "naming":
            target = recipient_after(toks, start)
        else:
            target = None
        start = _skip_to_that(toks, start, end)
        while start <= end and toks[start].text in (",", ":"):
            start += 1
        if start > end:
            return None
        first_word = toks[start].lower
        if first_word in _CONTENT_MUST_NOT_START:
            return None
        if first_word == "to" and (
            "to" in cue.verb.frames
            or start + 1 > end
            or is_capitalised(toks[start + 1])
            or toks[start + 1].lower in DETERMINERS
            or toks[start + 1].lower in PRONOUNS
        ):
            return None  # "said to reporters", "spoke to him": an addressee, not content
        if end - start < 1:
            return None
        span = trim(self.text, toks[start].start, toks[end].end, " \t,;:—–-.")
        if span[1] - span[0] < 3:
            return None
        if subject is None:
            draft = self._indirect(p, cue, None, [span], "cue-content-after", 0.55)
            draft.speaker, draft.mention = self._implicit_subject(p, cue, drafts)
            if draft.speaker is None:
                return None
        else:
            draft = self._indirect(p, cue, subject, [span], "cue-content-after", 0.75)
        if cue.verb.cls == "thought":
            draft.confidence -= 0.15
        if recipient is not None:
            name = self.resolve(toks, recipient, speaks=False)
            if name:
                draft.recipients.append(name)
        if target is not None:
            name = self.resolve(toks, target, speaks=False)
            if name:
                draft.about.append(name)
        return draft

    def _draft_for_next_paragraph(self, p: _Paragraph, cue: _Cue, subject: NounPhrase) -> _Draft:
        toks = p.toks
        draft = _Draft(
            kind="direct",
            spans=[],
            rule="quote-after-colon",
            confidence=0.8,
            cue=self.span_of(toks, cue.first, cue.last),
            paragraph=p.index,
            mention=self.span_of(toks, subject.first, subject.last),
            speaker=self.resolve(toks, subject, speaks=True),
        )
        self._recipient(p, cue, draft)
        self.attach_medium(p, draft)
        return draft

    def _according_to(self, p: _Paragraph, cue: _Cue, s_first: int, s_last: int) -> _Draft | None:
        toks = p.toks
        subject = subject_after(toks, cue.last + 1)
        if subject is None:
            return None
        if cue.first == _skip_conjunction(toks, s_first, cue.first):
            # According to X, CONTENT.
            k = subject.last + 1
            while k <= s_last and toks[k].text != ",":
                k += 1
            if k >= s_last:
                return None
            span = trim(self.text, toks[k + 1].start, toks[s_last].end, " \t,;:—–-.")
        else:
            lo = _skip_conjunction(toks, s_first, cue.first)
            if cue.first - lo < 3:
                return None
            span = trim(self.text, toks[lo].start, toks[cue.first - 1].end)
        if span[1] - span[0] < 3:
            return None
        return self._indirect(p, cue, subject, [span], "according-to", 0.7)

    def _indirect(
        self,
        p: _Paragraph,
        cue: _Cue,
        subject: NounPhrase | None,
        spans: list[tuple[int, int]],
        rule: str,
        confidence: float,
    ) -> _Draft:
        toks = p.toks
        quoted = [q for q in p.quotes if spans[0][0] <= q.start and q.end <= spans[-1][1]]
        if quoted and len(spans) == 1 and _covers(self.text, spans[0], quoted[0]):
            kind = "direct"
            spans = [_content(self.text, quoted[0])]
        else:
            kind = "mixed" if quoted else "indirect"
        draft = _Draft(
            kind=kind,
            spans=spans,
            rule=rule,
            confidence=confidence,
            cue=self.span_of(toks, cue.first, cue.last),
            paragraph=p.index,
            cue_index=(cue.first, cue.last),
        )
        if subject is not None:
            draft.mention = self.span_of(toks, subject.first, subject.last)
            draft.subject_first = subject.first
            draft.speaker = self.resolve(toks, subject, speaks=True)
            if draft.speaker is None:
                draft.speaker = self._medium_speaker(p, subject)
        return draft

    def _implicit_subject(
        self, p: _Paragraph, cue: _Cue, drafts: list[_Draft] | None = None
    ) -> tuple[str | None, tuple[int, int] | None]:
        """ "…, adding that", "before claiming", "and realised": the sentence's speaker."""
        sentence = p.sentence_of[cue.first]
        for draft in reversed(drafts or []):
            if (
                draft.cue_index
                and p.sentence_of[draft.cue_index[0]] == sentence
                and draft.cue_index[0] < cue.first
            ):
                return draft.speaker, None
        # "Nefzi said, adding, "…"": the speaker of the sentence's earlier cue.
        s_first, _ = p.bounds[sentence]
        toks = p.toks
        for earlier in reversed(p.cues):
            if earlier.last >= cue.first or earlier.first < s_first or earlier.verb is None:
                continue
            subject = subject_before(toks, earlier.first, floor=s_first)
            if subject is None and earlier.first > s_first and toks[earlier.first - 1].text == ",":
                subject = subject_after(toks, earlier.last + 1)
            if subject is not None:
                name = self.resolve(toks, subject, speaks=True)
                if name:
                    return name, self.span_of(toks, subject.first, subject.last)
            break
        # "When he returned he began by saying, …": the nearest subject pronoun or,
        # failing that, the name that opens the sentence.
        toks = p.toks
        s_first, _ = p.bounds[sentence]
        for k in range(cue.first - 1, s_first - 1, -1):
            if p.inside[k]:
                continue
            if toks[k].lower in ("he", "she", "they"):
                name = self.registry.pronoun(toks[k].text, toks[k].start, toks[k].end, True)
                return (name, (toks[k].start, toks[k].end)) if name else (None, None)
        opening = _skip_conjunction(toks, s_first, cue.first)
        if toks[opening].lower in FUNCTION_WORDS:
            # "At the time, Sanders didn't come out and say": past the opening phrase.
            while opening < cue.first and toks[opening].text != ",":
                opening += 1
            opening += 1
        if opening >= cue.first:
            return None, None
        subject = subject_after(toks, opening)
        if subject is not None and is_capitalised(toks[subject.head]) and subject.last < cue.first:
            first = subject.first
            last = subject.head
            while first < last and not is_capitalised(toks[first]):
                first += 1
            words = self.text[toks[first].start : toks[last].end]
            if (
                self.registry.entity_named(words) is None
                and not self.registry.knows(words)
                and (first == last)
            ):
                return None, None  # "Absent a strong defense, …": not a name we know
            name = self.resolve(toks, NounPhrase(first, last, last), speaks=True)
            if name:
                return name, self.span_of(toks, first, last)
        return None, None

    def _medium_speaker(self, p: _Paragraph, subject: NounPhrase) -> str | None:
        """ "In the letters, one described …": the letter's author speaks."""
        toks = p.toks
        word = toks[subject.head].lower
        if (
            word not in ("one", "it", "letter", "note", "another")
            and medium_at(toks, subject.head) is None
        ):
            return None
        s_first, _ = p.bounds[p.sentence_of[subject.first]]
        for k in range(s_first, subject.last + 1):
            kind = medium_at(toks, k)
            if kind:
                medium = self.media.by_author(kind, None)
                if medium and medium.author:
                    return medium.author
        return None

    def _recipient(self, p: _Paragraph, cue: _Cue, draft: _Draft) -> None:
        if cue.verb is None:
            return
        toks = p.toks
        start = cue.last + 1
        target = None
        if "rcpt" in cue.verb.frames:
            target = recipient_after(toks, start)
        elif "to" in cue.verb.frames and start < len(toks) and toks[start].lower == "to":
            target = recipient_after(toks, start + 1)
        if target is not None:
            name = self.resolve(toks, target, speaks=False)
            if name:
                draft.recipients.append(name)

    # ------------------------------------------------------------ rule 6, 7
    def unattached_quote(self, p: _Paragraph, quotation: Quotation, drafts: list[_Draft]) -> None:
        span = _content(self.text, quotation)
        if _names_a_title(p.toks, _last_token_before(p.toks, quotation.open_at)):
            return
        colon = self.pending_colon
        if colon is not None and colon.paragraph == p.index - 1 and quotation.open_at == p.lo:
            colon.spans.append(span)
            colon.paragraph = p.index
            colon.opens_paragraph_quote = not quotation.closed
            drafts.append(colon)
            self.pending_colon = None
            return
        previous = drafts[-1] if drafts else None
        if previous is None and quotation.continued and self.last_draft is not None:
            previous = self.last_draft
        if (
            previous is not None
            and previous.kind in ("direct", "mixed", "partial")
            and previous.spans[-1][1] <= quotation.open_at
        ):
            gap = self.text[previous.spans[-1][1] : quotation.open_at]
            same_sentence = (
                previous.cue_index is not None
                and previous.paragraph == p.index
                and p.sentence_of[previous.cue_index[0]]
                == p.sentence_of[_token_at(p.toks, quotation.open_at)]
            )
            # Later quotes in the paragraph continue the speaker unless another cue
            # (someone else's) stands between.
            own_cue = previous.cue_index[1] if previous.cue_index else -1
            same_paragraph = previous.paragraph == p.index and not any(
                c.first > own_cue
                and previous.spans[-1][1] <= p.toks[c.first].start < quotation.open_at
                for c in p.cues
            )
            if len(gap) < 40 or quotation.continued or same_sentence or same_paragraph:
                previous.spans.append(span)
                return
        words = self.text[span[0] : span[1]].split()
        full_paragraph = quotation.open_at == p.lo
        if len(words) < 4 or quotation.single:
            return
        last = self.last_draft
        if (
            full_paragraph
            and last is not None
            and last.paragraph == p.index - 1
            and last.speaker
            and last.kind != "indirect"
        ):
            drafts.append(
                _Draft(
                    "direct",
                    [span],
                    "quote-continued",
                    0.6,
                    speaker=last.speaker,
                    paragraph=p.index,
                    recipients=list(last.recipients),
                    source_kind=last.source_kind,
                    medium=last.medium,
                )
            )
            return
        if full_paragraph or _ends_sentence(self.text, quotation) or not quotation.closed:
            drafts.append(
                _Draft(
                    "direct",
                    [span],
                    "quote-unattributed",
                    0.3,
                    paragraph=p.index,
                    opens_paragraph_quote=not quotation.closed,
                    continues_quote=quotation.continued,
                )
            )

    # ------------------------------------------------------------- claims
    def nest_claims(self, drafts: list[_Draft]) -> list[_Draft]:
        """Attributions inside another's content.

        "Trump claimed the dictator branded Obama …": both stay, the inner one
        claimed by Trump. "Karimi said she hopes …": the inner "she hopes" is
        Karimi again, so it is folded into the outer one and dropped.
        """
        kept = []
        for inner in drafts:
            outer = next(
                (
                    d
                    for d in drafts
                    if d is not inner
                    and inner.mention is not None
                    and len(d.spans) == 1
                    and d.kind in ("indirect", "mixed")
                    and d.spans[0][0] <= inner.mention[0] < inner.mention[1] <= d.spans[0][1]
                ),
                None,
            )
            if outer is not None:
                mention = self.text[inner.mention[0] : inner.mention[1]].lower()
                if inner.speaker == outer.speaker and (
                    mention in PRONOUNS or inner.speaker is None
                ):
                    continue
                if inner.speaker != outer.speaker and outer.spans[0][0] == inner.mention[0]:
                    inner.claimed_by = outer.speaker
            kept.append(inner)
        return kept

    # -------------------------------------------------------------- media
    def attach_medium(self, p: _Paragraph, draft: _Draft) -> None:
        toks = p.toks
        if draft.cue_index is not None:
            s_first, s_last = p.bounds[p.sentence_of[draft.cue_index[0]]]
        else:
            s_first, s_last = 0, len(toks) - 1
        found = None
        for k in range(s_first, s_last + 1):
            if p.inside[k]:
                continue
            if any(s <= toks[k].start < e for s, e in draft.spans):
                continue
            kind = medium_at(toks, k)
            if kind:
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
                    name = self.resolve(toks, _name_part(toks, target), speaks=False)
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
            and any(_ADDRESSES_A_READER.search(self.text, s, e) for s, e in draft.spans)
        ):
            # "… Your Excellency": the speaker is writing one of the letters we know of.
            medium = self.media.by_author("letter", draft.speaker)
            if medium is not None:
                draft.source_kind = "letter"
                draft.medium = medium
        if (
            draft.medium is not None
            and draft.medium.recipient
            and draft.medium.recipient not in draft.recipients
            and draft.medium.recipient != draft.speaker
        ):
            draft.recipients.append(draft.medium.recipient)

    def learn_media(self, p: _Paragraph) -> None:
        """Letters and books the paragraph introduces: "Kim sent letters to Trump"."""
        toks = p.toks
        for s_first, s_last in p.bounds:
            letters = None
            book = None
            for k in range(s_first, s_last + 1):
                if p.inside[k]:
                    continue
                kind = medium_at(toks, k)
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
                            recipient = self.resolve(toks, _name_part(toks, target), speaks=False)
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
                    return self.resolve(toks, _name_part(toks, target), speaks=False)
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

    # -------------------------------------------------------------- output
    def join_multi_paragraph_quotes(self) -> None:
        """A quote left open at a paragraph's end and reopened in the next is one
        quotation: its unattributed opening paragraphs join the attribution that
        the last paragraph's cue gives ("…," she said at the end)."""
        joined: list[_Draft] = []
        pending: list[_Draft] = []
        for draft in self.drafts:
            if draft.rule == "quote-unattributed" and draft.opens_paragraph_quote:
                pending.append(draft)
                continue
            if pending and draft.continues_quote:
                draft.spans[:0] = [span for part in pending for span in part.spans]
                draft.kind = "direct"
            else:
                joined.extend(pending)
            pending = []
            joined.append(draft)
        joined.extend(pending)
        self.drafts = joined

    def merge_surnames(self) -> None:
        """ "Obama says …" in a headline, "Barack Obama" later: one person."""
        renamed = self.registry.merge_lone_surnames()
        if not renamed:
            return
        for draft in self.drafts:
            draft.speaker = renamed.get(draft.speaker, draft.speaker)
            draft.claimed_by = renamed.get(draft.claimed_by, draft.claimed_by)
            draft.recipients = [renamed.get(r, r) for r in draft.recipients]
            draft.about = [renamed.get(a, a) for a in draft.about]

    def finish(self) -> ParsedDocument:
        self.join_multi_paragraph_quotes()
        self.merge_surnames()
        text = self.text
        quotes = []
        for draft in self.drafts:
            spans = tuple(
                Span(s, e, text[s:e])
                for s, e in (trim(text, s, e, " \t,") for s, e in draft.spans)
                if e > s
            )
            if not spans:
                continue
            source = None
            if draft.source_kind:
                evidence = (
                    Span(
                        draft.source_evidence[0],
                        draft.source_evidence[1],
                        text[draft.source_evidence[0] : draft.source_evidence[1]],
                    )
                    if draft.source_evidence
                    else None
                )
                source = self.media.source(draft.source_kind, evidence, draft.medium)
            quotes.append(
                Quote(
                    kind=draft.kind,  # type: ignore[arg-type]
                    spans=spans,
                    speaker=draft.speaker,
                    speaker_mention=Span(
                        draft.mention[0],
                        draft.mention[1],
                        text[draft.mention[0] : draft.mention[1]],
                    )
                    if draft.mention
                    else None,
                    cue=Span(draft.cue[0], draft.cue[1], text[draft.cue[0] : draft.cue[1]])
                    if draft.cue
                    else None,
                    recipients=tuple(
                        dict.fromkeys(r for r in draft.recipients if r != draft.speaker)
                    ),
                    about=tuple(dict.fromkeys(draft.about)),
                    source=source,
                    claimed_by=draft.claimed_by,
                    confidence=max(0.05, min(1.0, draft.confidence)),
                    rule=draft.rule,
                )
            )
        media_sources = tuple(self.media.source(m.kind, None, m) for m in self.media.known)
        return ParsedDocument(
            text=text,
            quotes=tuple(quotes),
            entities=self.registry.entities(),
            sources=media_sources,
        )


@dataclass
class _Paragraph:
    index: int
    lo: int
    hi: int
    toks: list[Token]
    bounds: list[tuple[int, int]]
    sentence_of: list[int]
    inside: list[bool]
    quotes: list[Quotation]
    cues: list[_Cue]


# ------------------------------------------------------------------ helpers
def _content(text: str, quotation: Quotation) -> tuple[int, int]:
    return trim(text, quotation.start, quotation.end, " \t,")


def _skip_to_that(toks: list[Token], start: int, end: int) -> int:
    """ "writes in The Atlantic that …": the content starts at "that" after an adjunct."""
    prepositional = toks[start].lower in ("in", "on", "at", "during", "to", "for", "with")
    for k in range(start, min(end, start + 12) + 1):
        if toks[k].lower == "that" and k > start:
            return k if prepositional or _is_adjunct(toks[start:k]) else start
        if toks[k].text in (":", '"', "“") or (toks[k].text == "," and not prepositional):
            break
    return start


def _names_a_title(toks: list[Token], before: int | None) -> bool:
    """Whether the quote after token `before` names a work, not speech: on Fox's
    "Hannity", her book "Hard Choices", a culture called "The HP Way"."""
    if before is None or before < 0:
        return False
    k = before
    if toks[k].text == "," and k >= 1:
        k -= 1
    return (
        toks[k].lower in _TITLE_LEAD_INS
        or toks[k].lower in _TITLED_WORKS
        or toks[k].text in ("'s", "’s")
    )


def _token_at(toks: list[Token], offset: int) -> int:
    """Index of the token that starts at or after `offset` (the last one if none)."""
    found = _first_token_at(toks, offset)
    return len(toks) - 1 if found is None else found


def _first_token_at(toks: list[Token], offset: int) -> int | None:
    """Index of the first token starting at or after `offset` (binary search)."""
    k = bisect_left(toks, offset, key=lambda token: token.start)
    return k if k < len(toks) else None


def _last_token_before(toks: list[Token], offset: int) -> int | None:
    """Index of the last token ending at or before `offset` (binary search)."""
    k = bisect_right(toks, offset, key=lambda token: token.end) - 1
    return k if k >= 0 else None


def _is_adjunct(words: list[Token]) -> bool:
    """Whether the words between a cue and a quote/sentence end add no clause:
    "told CBS News", "said in a statement on Tuesday"."""
    if len(words) > 8:
        return False
    for token in words:
        if token.text in (".", ",", "!", "?", ";", ")", "(", ":"):
            continue
        if is_capitalised(token) or token.lower in _ADJUNCT_WORDS or token.lower in GROUPS:
            continue
        if token.text[:1].isdigit():
            continue
        return False
    return True


def _colon_ending_paragraph(toks: list[Token], after_cue: int) -> bool:
    """Whether the cue is followed by a colon that ends its paragraph ("he said:")."""
    k = after_cue
    while k < len(toks) and toks[k].text not in (":",) and k - after_cue < 4:
        k += 1
    return k < len(toks) and toks[k].text == ":" and k == len(toks) - 1


def _ends_without_content(tail: list[Token], inverted: bool) -> bool:
    """Whether what follows "…, X said" adds no content of its own: nothing, an
    adjunct ("in a statement"), an inverted speaker's appositive ("said Jake
    Horowitz, editor in chief of Mic.com") or a participle ("…, adding that …")."""
    if _is_adjunct(tail):
        return True
    if tail and tail[0].text == ",":
        following = tail[1] if len(tail) > 1 else None
        if inverted:
            return True
        if following is not None and following.lower.endswith("ing") and following.lower in CUES:
            return True
    return False


def _clause_end(toks: list[Token], start: int, s_last: int, inside: list[bool]) -> int:
    """Last token of the clause that starts at `start`: the sentence end, or a
    boundary like ", while", "; ", ", but", ", adding", or a quote closed on a comma."""
    k = start
    while k <= s_last:
        token = toks[k]
        if not inside[k]:
            # The comma before a boundary may sit inside the closing quote: `crazy," but`.
            comma_before = k - 1 >= start and (
                toks[k - 1].text == ","
                or (
                    toks[k - 1].text in _CLOSING_MARKS
                    and k - 2 >= start
                    and toks[k - 2].text == ","
                )
            )
            if token.text == ";":
                return k - 1
            if (
                token.lower in CLAUSE_BOUNDARIES
                and k > start + 2
                and (comma_before or token.lower in ("while", "whereas"))
            ):
                return k - 1
            if (
                comma_before
                and k > start + 1
                and (
                    token.lower in ("according", "said", "says", "adding")
                    # ", calling them …", ", pointing to …": a participle starts a new act.
                    or (token.lower.endswith("ing") and token.lower in CUES)
                )
            ):
                return k - 1
            # "called her son her hero before explaining": before/after + participle.
            if (
                token.lower in ("before", "after", "while")
                and k > start + 1
                and k + 1 <= s_last
                and toks[k + 1].lower.endswith("ing")
            ):
                return k - 1
            # "acknowledging that X but warning that Y", "called X crazy and said Y":
            # a coordinated cue ends X.
            if (
                token.lower in ("and", "but")
                and k > start + 2
                and k + 1 <= s_last
                and toks[k + 1].lower in CUES
            ):
                return k - 1
            # `says he's "losing the war on terrorism," part of …`: a quote closed on a
            # comma ends the words reported.
            if (
                token.text in _CLOSING_MARKS
                and k - 1 > start
                and toks[k - 1].text == ","
                and inside[k - 1]
                and k + 1 <= s_last
                and toks[k + 1].lower not in ("he", "she", "they", "said", "says", "i", "we")
            ):
                return k
        k += 1
    last = s_last
    while last > start and toks[last].text in (".", "!", "?") and not inside[last]:
        last -= 1
    return last if toks[s_last].text not in _CLOSING_MARKS else s_last


def _skip_conjunction(toks: list[Token], first: int, limit: int) -> int:
    while first < limit and toks[first].lower in ("but", "and", "so", "yet", "still", "or", "also"):
        first += 1
    while first < limit and toks[first].text in (",", "—", "–", "(", ")"):
        first += 1
    return first


def _quote_kind(text: str, quotation: Quotation, p: _Paragraph) -> str:
    """Direct when the quotation stands as a sentence of its own, partial when it is
    a fragment inside someone else's sentence."""
    content = text[quotation.start : quotation.end].rstrip()
    if content[-1:] in ",.?!:;—–-" or quotation.open_at == p.lo or not quotation.closed:
        return "direct"
    before = text[max(p.lo, quotation.open_at - 3) : quotation.open_at].rstrip()
    if before.endswith((":", ",")) and content[:1].isupper():
        return "direct"
    return "partial"


def _ends_sentence(text: str, quotation: Quotation) -> bool:
    content = text[quotation.start : quotation.end].rstrip()
    return content[-1:] in ".?!" and content[:1].isupper()


def _covers(text: str, span: tuple[int, int], quotation: Quotation) -> bool:
    """Whether a content clause is nothing but the quotation (marks and punctuation aside)."""
    outside = text[span[0] : quotation.open_at] + text[quotation.close_at : span[1]]
    return not any(c.isalnum() for c in outside)


def _name_part(toks: list[Token], np: NounPhrase) -> NounPhrase:
    """ "US president Donald Trump" -> "Donald Trump": the capitalised run at the head."""
    first = np.last
    while first - 1 >= np.first and is_capitalised(toks[first - 1]):
        first -= 1
    return NounPhrase(first, np.last, np.last)


def parse(text: str, **metadata) -> ParsedDocument:
    """Find every attribution in `text`; `metadata` (title, url, ...) is carried along."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    reader = _Reader(text)
    document = reader.read()
    return replace(document, metadata=dict(metadata))
