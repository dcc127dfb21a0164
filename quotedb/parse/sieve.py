"""Assembles attributions: quotations and cues in, typed `Quote` records out.

The reader goes through a document paragraph by paragraph: it registers the
names it meets (coref.py), finds the cues (lexicon/cues.tsv), then applies the
rules from the most certain to the least, the way CoreNLP's quote attributor
and BBC Citron do; each rule leaves its name in `Quote.rule`:

- quote_rules.py: quotation marks and the cue before or after them;
- cue_rules.py: cues without quote marks (reported speech, claims, beliefs);
- media_rules.py: the letter, book or statement, its addressee and chain.

A claim whose content is itself an attribution ("Trump claimed the dictator
branded Obama …") keeps both, the inner one with `claimed_by` set.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from quotedb.parse.clauses import SENTENCE_CONJUNCTIONS, is_headline
from quotedb.parse.coref import EntityRegistry
from quotedb.parse.cue_rules import CueRules, called_out_quote, owner_after_the_noun, speech_owner
from quotedb.parse.drafts import Cue, Draft, Paragraph
from quotedb.parse.implicit_subjects import ImplicitSubjects
from quotedb.parse.lexicon import (
    ADJECTIVES_OF_SPEECH,
    CUES,
    DETERMINERS,
    FIRST_NAME_GENDER,
    FUNCTION_WORDS,
    GROUPS,
    IRREGULAR_PASTS,
    MEDIA,
    MULTIWORD_CUES,
    NAME_PARTICLES,
    NO_CUE_BEFORE,
    NOMINAL_CUES,
    ORGANISATION_HEADS,
    ORGANISATION_WORDS,
    PARTY_MEMBERS,
    PASSIVE_AUXILIARIES,
    PLURAL_PRESENT_CUES,
    POSSESSIVES,
    PRONOUNS,
    QUANTITY_HEADS,
    RELATIVE_PRONOUNS,
    RELEASE_VERBS,
    ROLES,
    SUBJECT_PRONOUNS,
    TITLES,
    US_STATES,
    CueVerb,
    is_opening_adverb,
)
from quotedb.parse.media import DocumentMedia, media_kinds, medium_at
from quotedb.parse.media_rules import MediaRules
from quotedb.parse.mentions import (
    NounPhrase,
    in_a_poll,
    in_someone_s_words,
    is_capitalised,
    owner_name_end,
    past_a_capitalised_office,
    past_the_office,
    pronoun_of,
    subject_after,
    subject_before,
)
from quotedb.parse.quote_rules import QuoteRules
from quotedb.parse.quotemarks import Quotation, find_quotations
from quotedb.parse.records import ParsedDocument, Quote, Span
from quotedb.parse.text import DASHES, LONG_DASHES, Token, paragraphs, sentence_ends, tokens, trim

# Cue words a title-case headline uses after its speaker's name.
_HEADLINE_VERBS = frozenset({"says", "tells", "claims", "warns", "argues", "insists", "admits"})
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


# Words ending in "s" that are not plural nouns before a verb ("his previous claim").
_SINGULAR_S = frozenset({"previous", "various", "famous", "serious", "obvious", "this", "his"})
# "the report", "his claim": after these a cue word is a noun.
_NOUN_BLOCKERS = (
    frozenset(
        {
            "a",
            "an",
            "the",
            "this",
            "these",
            "those",
            "another",
            "every",
            "each",
            "no",
            "same",  # "struck many of the same notes"
            "'s",
            "’s",
        }
    )
    | POSSESSIVES
)

# Words that open what a bare verb reports: "note that …", "view the media …".
_OBJECT_OR_CLAUSE_STARTS = DETERMINERS | SUBJECT_PRONOUNS | {"it"}
# "did post", "does support": an emphatic "do" before a verb's bare form.
_EMPHATIC_DO = frozenset({"did", "does", "do"})
# Adverbs between a passive's auxiliary and its participle: "was first reported".
_PASSIVE_ADVERBS = frozenset({"first", "also", "widely", "previously", "originally", "later"})
# "not authorized to discuss", "not permitted to speak": leave to speak, not speech.
_LEAVE_TO_SPEAK = frozenset({"authorized", "permitted", "cleared"})
_COMPOUND_NOUNS = frozenset(
    {"conference", "phone", "press", "roll", "wake-up", "curtain"}
    | {"tv", "television", "talk", "reality", "radio"}  # "the reality TV show"
)
# Words that open a reported clause right after a bare "say".
_CLAUSE_OPENERS_AFTER_SAY = frozenset({"each", "the", "all", "most", "many", "some", "both"})
# Words that strengthen the adjective before a noun: "a very public rant".
_INTENSIFIERS = frozenset({"very", "most", "more", "so", "too", "rather", "quite", "highly"})
# Adjectives that make the cue word after them a noun: "a strong showing".
_NOUN_ADJECTIVES = frozenset({"strong", "weak", "poor", "solid", "dismal", "disappointing"})
_SENTENCE_OPENERS = frozenset({".", "!", "?", '"', "“", "”", ":", "(", "''"}) | LONG_DASHES
# What closes a speaker's head before its appositive: "An Israeli official, speaking …".
_COMMA_OR_DASH = DASHES | {","}

_THAT_VERB = CueVerb("(verb) that", "claim", frozenset())

# Every word find_cues can start a cue at, and "that", after which a past tense can:
# the other words are passed over without trying each rule.
_CUE_STARTS = frozenset(
    {"according", "as", "in", "that", "states", *MULTIWORD_CUES, *CUES, *NOMINAL_CUES}
    | PLURAL_PRESENT_CUES.keys()
)

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


# Verbs that, right after a speech word, show the word was a noun: "his claims were".
_VERBS_AFTER_A_NOUN = frozenset({"is", "are", "was", "were", "will", "would", "have", "has"})

# Words that may lead a sentence before its subject pronoun: "Recently she announced".
_SENTENCE_LEADS = (SENTENCE_CONJUNCTIONS - {"or", "also"}) | {"later", "recently", "now"}

# The pronouns by which a sentence speaks of someone as its subject: "He has declared
# Cruz to be …", "counts himself as a Trump supporter".
_SAME_PERSON = {
    "m": frozenset({"he", "himself"}),
    "f": frozenset({"she", "herself"}),
    "p": frozenset({"they", "themselves"}),
}


class _Reader(QuoteRules, CueRules, ImplicitSubjects, MediaRules):
    """Reads one document; holds what carries from paragraph to paragraph."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.registry = EntityRegistry()
        self.media = DocumentMedia()
        self.drafts: list[Draft] = []
        self.last_draft: Draft | None = None
        self._paragraph: Paragraph | None = None
        self.pending_colon: Draft | None = None  # "X said:" ending the previous paragraph

    # ------------------------------------------------------------------ utils
    def span_of(self, toks: list[Token], first: int, last: int) -> tuple[int, int]:
        return toks[first].start, toks[last].end

    def resolve(self, toks: list[Token], np: NounPhrase, speaks: bool) -> str | None:
        """The canonical entity a speaker/recipient phrase refers to, or None."""
        name = self._resolve(toks, np, speaks)
        return None if speaks and name in US_STATES else name  # a place does not speak

    def _resolve(self, toks: list[Token], np: NounPhrase, speaks: bool) -> str | None:
        words = toks[np.first : np.last + 1]
        head = toks[np.head]
        start, end = self.span_of(toks, np.first, np.last)
        lower = pronoun_of(head) or head.lower
        if np.first == np.last and (
            lower in PRONOUNS or lower in RELATIVE_PRONOUNS or lower == "one"
        ):
            if lower in RELATIVE_PRONOUNS:
                return self._relative_antecedent(toks, np.first, speaks)
            if lower == "one":
                return None
            sentence_start = previous_sentence_start = -1
            if self._paragraph is not None and toks is self._paragraph.toks:
                sentence = self._paragraph.sentence_of[np.first]
                first, _ = self._paragraph.bounds[sentence]
                sentence_start = toks[first].start
                previous_sentence_start = self._sentence_before(toks, np, lower)
            return self.registry.pronoun(
                head.text, start, end, speaks, sentence_start, previous_sentence_start
            )
        conjunction = next((k for k in range(np.first + 1, np.head) if toks[k].lower == "and"), -1)
        if conjunction > 0 and toks[conjunction - 1].lower in ROLES:
            if is_capitalised(toks[np.head]):
                # "lobbyist and GOP strategist Charlie Black": two roles, one name.
                return self.resolve(toks, NounPhrase(conjunction + 1, np.last, np.head), speaks)
            # "the Florida senator and Republican presidential candidate": one person,
            # named by the first description.
            first = NounPhrase(np.first, conjunction - 1, conjunction - 1)
            return self.resolve(toks, first, speaks)
        if conjunction > 0 and toks[conjunction - 1].lower in TITLES:
            # "former Pennsylvania Gov. and DNC Chairman Ed Rendell": two titles, one name.
            return self.resolve(toks, NounPhrase(conjunction + 1, np.last, np.head), speaks)
        if conjunction > 0 and toks[conjunction - 1].lower in SUBJECT_PRONOUNS:
            return None  # "He and Chairman Bob Goodlatte both condemned": two speakers
        if (
            conjunction > 0
            and is_capitalised(toks[conjunction - 1])
            and toks[np.head].lower not in GROUPS
        ):
            return None  # "Trump and Clinton said": two speakers, neither one alone
        kind = medium_at(toks, np.head)
        owner_end = (
            next((k for k in range(np.first, np.head) if owner_name_end(toks, k)), None)
            if kind
            else None
        )
        if owner_end is not None:
            # "Sanders' fundraising email notes …": the owner wrote it
            if toks[owner_end].text in ("'", "’"):
                owner_end -= 1
            return self.resolve(toks, NounPhrase(np.first, owner_end, owner_end), speaks)
        if kind and words[0].lower in DETERMINERS and speaks:
            releaser = self._releaser(toks, np)
            if releaser is not None:
                return releaser
        if kind and words[0].lower in DETERMINERS:
            # "a note saying …", "the letter said": its known author speaks.
            medium = self.media.by_author(kind, None)
            if medium is not None and medium.author:
                return medium.author
            if kind == "statement" and words[0].lower == "the":
                return self._statement_author()
        # The name inside the phrase: the capitalised run that holds the head.
        if (
            is_capitalised(head)
            and lower not in GROUPS
            and lower not in QUANTITY_HEADS  # "Half of Vermont Democrats say"
            # "a New Hampshire Republican": an unnamed party member, not New Hampshire.
            and not (words[0].lower in _INDEFINITE and lower in PARTY_MEMBERS)
        ):
            first = np.head
            while first - 1 >= np.first and (
                is_capitalised(toks[first - 1])
                or toks[first - 1].lower in TITLES
                # "Pierre de Vos", "Ludwig van Beethoven": a particle inside the name.
                or (
                    toks[first - 1].lower in NAME_PARTICLES
                    and first - 2 >= np.first
                    and is_capitalised(toks[first - 2])
                )
                # "the University of Chicago", "the Joint Committee on Taxation", "the
                # Center for American Progress"
                or (
                    toks[first - 1].lower in ("of", "on", "for")
                    and first - 2 >= np.first
                    and is_capitalised(toks[first - 2])
                    and toks[first - 2].lower in ORGANISATION_WORDS
                )
            ):
                first -= 1
            # "But Crawford", "If Donald Trump": a capitalised sentence opener is no name.
            while first < np.head and (
                toks[first].lower in FUNCTION_WORDS or is_opening_adverb(toks[first].lower)
            ):
                first += 1
            first = past_the_office(toks, first, np.head)
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
        if np.first <= np.head < np.last and toks[np.head + 1].text in _COMMA_OR_DASH:
            # "An Israeli official, speaking on condition of anonymity": named by the
            # phrase up to its head; the appositive stays in the mention only.
            end = toks[np.head].end
            words = toks[np.first : np.head + 1]
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
        if lower in ORGANISATION_HEADS and any(t.lower.endswith(("'s", "’s")) for t in words):
            # "Huckabee's campaign", "the senator's office": an organisation, as written.
            return self.registry.group(phrase, start, end, speaks, kind="organisation")
        return None

    def _sentence_before(self, toks: list[Token], np: NounPhrase, lower: str) -> int:
        """Where the sentence before starts, when a he/she/they opens its own (after a
        "But", "Recently" at most): "Just look at Paul D. Ryan. He's said …" may mean
        the one man that sentence named, or the one it opens with. Not when that
        sentence already spoke of a "he" ("He has declared Cruz to be "anointed." He
        has also called …"), and -1 when there is none."""
        sentence = self._paragraph.sentence_of[np.first]
        first, _ = self._paragraph.bounds[sentence]
        gender = PRONOUNS.get(lower)
        opens = np.first == first or (
            np.first == first + 1 and toks[first].lower in _SENTENCE_LEADS
        )
        if not opens or sentence == 0 or gender not in _SAME_PERSON:
            return -1
        previous_first, _ = self._paragraph.bounds[sentence - 1]
        if any(
            t.lower in _SAME_PERSON[gender] or pronoun_of(t) in _SAME_PERSON[gender]
            for t in toks[previous_first:first]
        ):
            return -1
        return toks[previous_first].start

    def _releaser(self, toks: list[Token], np: NounPhrase) -> str | None:
        """ "Trump released a marketing video that said …", "Manafort helped draft a report
        defending …": a work someone put out says what its maker says; the maker is the
        speaker (the work stays the quote's source medium)."""
        verb = np.first - 1
        if verb >= 1 and toks[verb].lower in ("up", "out"):
            verb -= 1  # "drew up a memo", "put out a statement"
        if verb < 1 or toks[verb].lower not in RELEASE_VERBS:
            return None
        floor = 0
        if self._paragraph is not None and toks is self._paragraph.toks:
            floor, _ = self._paragraph.bounds[self._paragraph.sentence_of[verb]]
        while verb - 1 > floor and toks[verb - 1].lower in ("help", "helped", "helps", "to"):
            verb -= 1  # "helped (to) draft"
        maker = subject_before(toks, verb, floor=floor)
        return None if maker is None else self.resolve(toks, maker, speaks=True)

    def _relative_antecedent(self, toks: list[Token], at: int, speaks: bool) -> str | None:
        """ "Weber, who advises Kasich, said", "Sanders - who digested …": the name before
        ", who" (or a dash and "who")."""
        if at >= 2 and toks[at - 1].text in _COMMA_OR_DASH and is_capitalised(toks[at - 2]):
            first = at - 2
            while first - 1 >= 0 and is_capitalised(toks[first - 1]):
                first -= 1
            # "a professor at the University of Cape Town in South Africa, who": a place
            # after a preposition ends the appositive; who is the one it describes.
            if first == 0 or toks[first - 1].lower not in ("in", "at", "of", "from", "for"):
                return self.resolve(toks, NounPhrase(first, at - 2, at - 2), speaks)
            # "Sen. Amy Klobuchar of Minnesota, who", "Matt Duss, president of the
            # Foundation for Middle East Peace, who": the person the place follows.
            for antecedent in (subject_before(toks, at - 1), subject_before(toks, at)):
                if (
                    antecedent is not None
                    and antecedent.head < first
                    and is_capitalised(toks[antecedent.head])
                ):
                    return self.resolve(toks, antecedent, speaks)
            return None
        # "a marketing video that said", "officials who spoke": the phrase just before.
        antecedent = subject_before(toks, at) if at >= 1 else None
        if antecedent is None or toks[antecedent.head].lower in RELATIVE_PRONOUNS:
            return None
        while (
            toks[at].lower == "who"
            and antecedent.first >= 1
            and toks[antecedent.first - 1].lower == "at"
            and is_capitalised(toks[antecedent.head])
        ):
            # "a historian at American University who predicted", "a professor at the
            # University of California at Berkeley who": who is the historian.
            antecedent = subject_before(toks, antecedent.first - 1)
            if antecedent is None:
                return None
        return self.resolve(toks, antecedent, speaks)

    # -------------------------------------------------------------- reading
    def read(self) -> ParsedDocument:
        text = self.text
        paras = paragraphs(text)
        quotations = find_quotations(text, paras)
        by_paragraph: dict[int, list[Quotation]] = {}
        for quotation in quotations:
            by_paragraph.setdefault(quotation.paragraph, []).append(quotation)
        for index, (lo, hi) in enumerate(paras):
            if text[lo] in DASHES:
                self.sign_previous_quote(index, lo, hi)
            if text.startswith(_FURNITURE_STARTS, lo):
                continue
            self.read_paragraph(index, lo, hi, by_paragraph.get(index, []))
        return self.finish()

    def _statement_author(self) -> str | None:
        """ "Fox News said in a statement. … "…," the statement said": the speaker of the
        statement quoted in the paragraph before, else nobody we can name."""
        here = self._paragraph.index if self._paragraph is not None else 0
        for draft in reversed(self.drafts):
            if draft.paragraph < here - 1:
                break
            if draft.source_kind == "statement" and draft.speaker:
                return draft.speaker
        return None

    def sign_previous_quote(self, index: int, lo: int, hi: int) -> None:
        """A quote paragraph signed on the next line: "…" / "- Clinton." / "-President
        Obama, tweeting after the speech." The name is its speaker."""
        last = self.last_draft
        # A signature outweighs the voice a quote paragraph was read to go on in.
        if (
            last is None
            or last.rule not in ("quote-unattributed", "quote-continued")
            or last.paragraph != index - 1
        ):
            return
        toks = tokens(self.text, lo, hi)
        start = 1
        while start < len(toks) and toks[start].text in DASHES:
            start += 1
        subject = subject_after(toks, start) if start < len(toks) else None
        if subject is None or not is_capitalised(toks[subject.head]):
            return
        name = self.resolve(toks, subject, speaks=True)
        if name:
            last.speaker = name
            last.mention = self.span_of(toks, subject.first, subject.head)
            last.rule = "quote-signed"
            last.confidence = 0.6

    def read_paragraph(self, index: int, lo: int, hi: int, quotes: list[Quotation]) -> None:
        text = self.text
        toks = tokens(text, lo, hi)
        if not toks:
            return
        ends = sentence_ends(text, lo, hi)
        # Which tokens lie inside quotations, and the token ranges of sentences;
        # a sentence never ends inside a quotation ("They weren't fun. There was
        # no joy," Gingrich said: one sentence for the attribution's purposes).
        starts = [token.start for token in toks]
        inside = [False] * len(toks)
        for quotation in quotes:
            first = bisect.bisect_left(starts, quotation.start)
            last = bisect.bisect_left(starts, quotation.end)
            inside[first:last] = [True] * (last - first)
        bounds: list[tuple[int, int]] = []
        t = 0
        for sentence_end in ends:
            first = t
            t = bisect.bisect_left(starts, sentence_end, first)
            if t > first:
                if bounds and inside[first] and inside[first - 1]:
                    bounds[-1] = (bounds[-1][0], t - 1)
                else:
                    bounds.append((first, t - 1))
        sentence_of = [0] * len(toks)
        for number, (first, last) in enumerate(bounds):
            sentence_of[first : last + 1] = [number] * (last + 1 - first)
        # Each token's lower case and first character, listed once for the word-by-word
        # passes below: each listing is a Python loop over the whole paragraph.
        lowers = [token.lower for token in toks]
        initials = [token.text[0] for token in toks]
        headline = is_headline(initials)
        self.register_names(toks, lowers, initials, inside, sentence_of, headline)
        cues = self.find_cues(toks, lowers, inside, headline)
        media = media_kinds(toks, lowers)
        paragraph = Paragraph(
            index, lo, hi, toks, bounds, sentence_of, inside, quotes, cues, media, headline
        )
        self._paragraph = paragraph
        self.learn_media(paragraph)
        used_cues: dict[int, Draft] = {}
        used_quotes: set[int] = set()
        drafts: list[Draft] = []
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
        # "Bill Clinton: Hillary thinks feds require too many tests": the name before
        # the colon says the rest, a claim of its own included.
        headline = self.headline_colon(paragraph)
        if headline is not None and (
            not drafts
            or (
                headline.speaker is not None
                and headline.mention[1] == headline.cue[0]  # "Name:", not "Focus on security:"
                and all(
                    d.kind == "indirect" and d.cue is not None and d.cue[0] > headline.cue[0]
                    for d in drafts
                )
            )
        ):
            drafts.append(headline)
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
    def register_names(
        self,
        toks: list[Token],
        lowers: list[str],
        initials: list[str],
        inside: list[bool],
        sentence_of: list[int],
        headline: bool,
    ) -> None:
        """Open entities for full names as they appear, so later surnames and
        descriptions have something to resolve to."""
        if headline:
            # A Title Case headline ("More Hillary Clinton Emails Released"): its
            # capitalised runs are not names; the article will name the people.
            return
        n = len(toks)

        def speaks_next(first: int, last: int) -> bool:
            """ "Michael Seaman said he …", "Rachel Berg, a philanthropist from Monsey, New
            York, said": a name right before a cue verb, or opening a clause before an
            appositive and a cue, speaks, so a later "he" finds a speaker there before
            the sieve reaches that cue."""
            if (
                last + 2 < n
                and toks[last + 1].text == ","
                and (
                    first == 0
                    or not toks[first - 1].text[:1].isalnum()
                    or is_opening_adverb(toks[first - 1].lower)
                )
                and _opens_an_appositive(toks[last + 2])
            ):
                for k in range(last + 2, min(last + 16, n - 1)):
                    if inside[k] or toks[k].text in _SENTENCE_OPENERS:
                        return False
                    if (
                        toks[k].text == ","
                        and (
                            toks[k + 1].lower in CUES
                            # "Rihanna, who was honored …, spoke about"
                            or any(
                                _multiword_end(lowers, k + 1, words) is not None
                                for words in MULTIWORD_CUES.get(toks[k + 1].lower, ())
                                if words[0] not in PASSIVE_AUXILIARIES
                            )
                        )
                        and not inside[k + 1]
                    ):
                        return toks[k + 1].text.islower()
                return False
            return last + 1 < n and toks[last + 1].lower in CUES and not inside[last + 1]

        # is_capitalised of each token, computed once: this loop visits every word.
        capitalised = list(map(str.isupper, initials))
        k = 0
        # Only a capitalised word outside quotations opens a name: start at those alone.
        for opening in [j for j in range(n) if capitalised[j] and not inside[j]]:
            if opening < k:
                continue  # inside the name just read
            k = first = opening
            while (
                k < n
                and not inside[k]
                and (
                    capitalised[k]
                    or toks[k].text in ("-",)
                    # "Bill de Blasio", "Osama bin Laden": a particle inside the name.
                    or (toks[k].lower in NAME_PARTICLES and k + 1 < n and capitalised[k + 1])
                )
                # "in Washington D.C. He recalled", "from the U.S. While Clinton …": a
                # name ends with its sentence.
                and not (k > opening and sentence_of[k] != sentence_of[k - 1])
            ):
                k += 1
            last = k - 1
            while first <= last and (
                toks[first].lower in DETERMINERS
                or toks[first].lower in FUNCTION_WORDS
                or (first < last and is_opening_adverb(toks[first].lower))  # "Meanwhile Rihanna"
                # "Said Comey", "Stated Stone:": an inverted cue opens the sentence
                or (toks[first].lower in CUES and toks[first].lower.endswith(("ed", "id", "s")))
            ):
                first += 1
            if last > first:  # most runs are one word: nothing to look past
                # "The Post's Dana Milbank", "Breitbart's Joel Pollak": the person after the
                # owner's possessive.
                for j in range(last - 1, first - 1, -1):
                    if toks[j].text.endswith(("'s", "’s")):
                        first = j + 1
                        break
                first = past_the_office(toks, first, last)
            titled = first  # "Ms. Maria Lopez": the title tells the registry her gender
            # "Mr. Singer", "Dr. Judge": after a title, the last word is the name even if
            # it is a title too
            while (
                first <= last
                and toks[first].lower in TITLES
                and not (first == last and first > titled)
            ):
                first += 1
            if last > first and (named := past_a_capitalised_office(toks, first, last)) != first:
                first = titled = named
            while last >= first and toks[last].text in ("'s", "’s", "-"):
                last -= 1
            if first > last:
                continue
            words = [t.text for t in toks[first : last + 1]]
            end = toks[last].end
            owner = len(words[-1]) > 3 and words[-1].endswith(("'s", "’s"))
            if owner:
                # "Since Clinton's op-ed …, she": the owner is a mention of the name
                words[-1] = words[-1][:-2]
                end -= 2
                if _a_person_owned(toks, last):
                    self.registry.owner_of_a_person_at(toks[first].start)
            speaks = speaks_next(first, last)  # once a name: the look-ahead is not free
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                title_start = toks[titled].start
                name = self.registry.name(
                    self.text[title_start:end],
                    title_start,
                    end,
                    speaks and not owner,
                )
                if name and opening > 0 and toks[opening - 1].text == "the":
                    # "on the Trump Train": a capitalised thing after "the" is
                    # nobody, unless a title or a first name says otherwise.
                    self.registry.not_a_person(name)
                roles = []
                j = first - 1
                while (
                    j >= 0
                    and (
                        toks[j].lower in TITLES or toks[j].lower in ROLES or is_capitalised(toks[j])
                    )
                    and first - j < 4
                ):
                    roles.append(toks[j].lower)
                    j -= 1
                if name and roles:
                    self.registry.add_roles(name, roles)
                if name:
                    self._learn_appositive(toks, inside, last, name)
                if name and len(words) == 2 and _given_name_before(toks, first):
                    # "the parents, Khizr and Ghazala Khan": Khizr Khan too
                    given = toks[first - 2]
                    self.registry.given_name_of(given.text, words[1], given.start, given.end)
            elif (len(words) >= 2 or self.registry.entity_named(words[0]) is None) and (
                self.registry.knows(words[0])
                # "Meanwhile Rihanna, who was honored …, spoke": a lone name that speaks
                # in an appositive's frame, opened now for the "she" of the next quote
                or (
                    first > 0
                    and is_opening_adverb(toks[first - 1].lower)
                    and speaks
                    and words[0].lower() not in GROUPS
                )
            ):
                self.registry.name(words[0], toks[first].start, end, speaks and not owner)
            else:
                # "Sanders has made clear that he expects …", "Trump said …" then "what
                # kind of candidate Trump will become. He …": the lone name is a mention
                # for the "he" after it, and its titles ("President Obama") are roles
                # the text gives.
                self.registry.person_again(
                    words[0],
                    toks[first].start,
                    end,
                    speaks and not owner,
                    [toks[j].lower for j in range(titled, first)],
                )
        # "The president shared the letters …": definite descriptions of people
        # already named are mentions too, so that a later "he" can find them.
        for k in [k for k, lower in enumerate(lowers[:-1]) if lower in ("the", "this")]:
            if self.registry.knows_role(toks[k + 1].lower) and not inside[k]:
                last = k + 1
                while last + 1 < n and self.registry.knows_role(toks[last + 1].lower):
                    last += 1
                if last + 1 < n and is_capitalised(toks[last + 1]):
                    continue  # "the Democratic National Committee": a name, not a person
                start, end = toks[k].start, toks[last].end
                self.registry.description(self.text[start:end], start, end)

    def _learn_appositive(
        self, toks: list[Token], inside: list[bool], last: int, name: str
    ) -> None:
        """ "Ana Ruiz, a former teacher, said": remember "former teacher" for her."""
        k = last + 1
        if k + 2 >= len(toks) or toks[k].text != "," or toks[k + 1].lower not in ("a", "an", "the"):
            return
        words = []
        for j in range(k + 2, min(k + 8, len(toks))):
            token = toks[j]
            if token.text == "," or inside[j]:
                break
            if not token.text[:1].isalpha() or is_capitalised(token):
                return
            words.append(token.text)
        else:
            return
        self.registry.learn_description(name, words)

    # ----------------------------------------------------------------- cues
    def find_cues(
        self, toks: list[Token], lowers: list[str], inside: list[bool], headline: bool
    ) -> list[Cue]:
        found: list[Cue] = []
        n = len(toks)
        # The words that may open a cue, and the past tenses before "that", found in one
        # pass over the words: most can do neither.
        starts = [k for k, lower in enumerate(lowers) if lower in _CUE_STARTS]
        openings = {
            k - 1 if lowers[k] == "that" else k
            for k in starts
            if lowers[k] != "that" or (k and lowers[k - 1].endswith("ed"))
        }
        free = 0  # the first token past the last cue found
        for k in sorted(openings):
            if k < free or inside[k]:
                continue
            lower = toks[k].lower
            if lower == "according" and k + 1 < n and toks[k + 1].lower == "to":
                found.append(Cue(k, k + 1, None))
                free = k + 2
                continue
            if lower == "in":
                words = in_someone_s_words(toks, k)
                if words is not None:
                    found.append(Cue(k, words[0], None))  # "in Forbes' words", "in the words of"
                    free = words[0] + 1
                elif toks[k].text == "In" and in_a_poll(toks, k):
                    found.append(Cue(k, k, None))  # "In a CNN poll, 50 percent …"
                    free = k + 1
                continue
            if (
                lower == "as"
                and k + 2 < n
                and toks[k + 1].lower in ("reported", "quoted", "first reported", "noted")
                and toks[k + 2].lower == "by"
            ):
                found.append(Cue(k, k + 2, None))  # "As reported by Western Journalism, …"
                free = k + 3
                continue
            matched = None
            for words in MULTIWORD_CUES.get(lower, ()):
                last = _multiword_end(lowers, k, words)
                if last is not None:
                    matched = Cue(k, last, CUES[" ".join(words)])
                    break
            if matched is None and lower in NOMINAL_CUES and called_out_quote(toks, k) is not None:
                matched = Cue(k, k, NOMINAL_CUES[lower])  # "responded with chants of "…""
            elif matched is None and lower in CUES:
                matched = Cue(k, k, CUES[lower])
            if (
                matched is None
                and k + 1 < n
                and toks[k + 1].lower == "that"
                and lower.endswith("ed")
                and lower not in _NOT_THAT_VERBS
                and lower not in MEDIA  # "a scathing op-ed that targeted …": a noun
                and not is_capitalised(toks[k])
                # "The rise of Trump propelled that increase.": a demonstrative
                and not (k + 3 >= n or toks[k + 3].text in (".", "!", "?", ";"))
            ):
                # "Mr. Ackman is convinced that …", "she learned that …": any verb that
                # takes a that-clause reports what its subject holds.
                matched = Cue(k, k, _THAT_VERB)
            if (
                matched is not None
                and matched.verb is not None
                and matched.verb.cls != "nominal"  # "the slogan "…"": a noun, read as one
                and not self._is_verb_use(toks, matched, headline)
            ):
                matched = None
            if (
                matched is None
                and lower in PLURAL_PRESENT_CUES
                and toks[k].text.islower()
                and k > 0
                and k + 1 < n
                and (
                    toks[k - 1].lower in _EMPHATIC_DO
                    or (
                        _plural_subject(toks[k - 1])
                        and (
                            toks[k + 1].lower in _OBJECT_OR_CLAUSE_STARTS
                            or is_capitalised(toks[k + 1])
                        )
                    )
                    or (
                        toks[k - 1].lower == "to"
                        and toks[k + 1].lower == "that"
                        and k + 2 < n
                        # a clause, not "going to find that good job"
                        and (
                            toks[k + 2].lower in _OBJECT_OR_CLAUSE_STARTS
                            or is_capitalised(toks[k + 2])
                            or not toks[k + 2].text[:1].isalnum()
                        )
                    )
                )
            ):
                # "Experts note that …", "Trump did post on Twitter that …", "led Sperling
                # to counter that …": an act, where "could offer", "might question" are
                # only what someone may do.
                matched = Cue(k, k, PLURAL_PRESENT_CUES[lower])
            if matched is None and lower == "states" and _states_as_a_verb(toks, k):
                matched = Cue(k, k, CUES["stated"])  # "It states that …", "," the memo states"
            if (
                matched is None
                and lower in NOMINAL_CUES
                and (
                    speech_owner(toks, k) is not None
                    # not "disputing accusations by Exxon that …": the object of a cue
                    or (not (found and found[-1].last == k - 1) and owner_after_the_noun(toks, k))
                )
            ):
                matched = Cue(k, k, NOMINAL_CUES[lower])  # "Mr. Obama's calls for …"
            if matched is None:
                continue
            # "admit thinking", "said, adding": a cue right after a cue extends it; but a
            # bare form before a past one is the subject noun: "his show made the point".
            if found and found[-1].last == k - 1 and found[-1].verb is not None:
                if _a_noun_before_its_past(toks, found[-1], k):
                    found[-1] = matched
                else:
                    found[-1] = Cue(found[-1].first, matched.last, matched.verb)
            else:
                found.append(matched)
            free = matched.last + 1
        return found

    def _is_verb_use(self, toks: list[Token], cue: Cue, headline: bool) -> bool:
        """ "the report", "his claim", "was called": the word is not a speech act here."""
        if (
            is_capitalised(toks[cue.first])
            and cue.first > 0
            and toks[cue.first - 1].text not in _SENTENCE_OPENERS
            and not (headline and _headline_says(toks, cue))
        ):
            return False  # "United States", "Says Who" mid-sentence: a name, not a verb
        following = toks[cue.last + 1].lower if cue.last + 1 < len(toks) else ""
        form = toks[cue.last].lower
        if following in ("tank", "tanks") or following in NO_CUE_BEFORE.get(form, ()):
            return False  # "a think tank", "270 pledged delegates", "found itself in a jam"
        if form == "found" and cue.first > 0 and toks[cue.first - 1].lower == "helped":
            return False  # "helped found Fox News": to found, not to find
        if (
            form == "said"
            and following == ","
            and cue.first > 0
            and toks[cue.first - 1].lower == "that"
            and (cue.first == 1 or toks[cue.first - 2].text in _SENTENCE_OPENERS)
        ):
            return False  # "That said, Cruz cannot …": nevertheless, not a speech
        if (
            cue.verb is not None
            and cue.verb.cls == "thought"
            and toks[cue.last].lower.endswith("s")
            and cue.last + 1 < len(toks)
            and toks[cue.last + 1].text in (",", ".", ";")
        ):
            return False  # "to calm Russian fears, reassuring …": a plural noun
        if (
            toks[cue.last].lower.endswith("s")
            and cue.last + 3 < len(toks)
            and toks[cue.last + 1].text == ","
            and toks[cue.last + 2].lower in SUBJECT_PRONOUNS
            and toks[cue.last + 3].lower in CUES
        ):
            return False  # "Cost estimates, he added, were …": a noun, then the real cue
        if cue.first == 0:
            return cue.verb is not None and cue.verb.cls != "naming"
        previous = toks[cue.first - 1].lower
        past = toks[cue.last].lower.endswith("ed") or toks[cue.last].lower in IRREGULAR_PASTS
        if previous == "another" and (past or toks[cue.last].lower.endswith("s")):
            return True  # "Another tweeted, …", "another says …": a verb after "another"
        if (
            (previous in _COMPOUND_NOUNS or previous in _NOUN_ADJECTIVES)
            and not past
            # "The Associated Press warns": the end of a name, then a verb (not "TV show",
            # nor "Talk show" opening a sentence)
            and not (
                toks[cue.first].text.islower()
                and cue.first >= 2
                and is_capitalised(toks[cue.first - 2])
                and is_capitalised(toks[cue.first - 1])
                and not toks[cue.first - 1].text.isupper()
            )
        ):
            return False  # "a conference call", "a phone call", "a strong showing"
        if (
            cue.last + 1 < len(toks)
            and toks[cue.last + 1].lower in _VERBS_AFTER_A_NOUN
            and not past
            # "a move that the kingdom hopes will …", "Kelly, who he claims has been
            # unfair": a verb whose content lost its subject
            and not any(
                t.lower in RELATIVE_PRONOUNS for t in toks[max(0, cue.first - 4) : cue.first]
            )
        ):
            return False  # "The tax cut plans are …", "his cost estimates have been …": a noun
        if (
            cue.verb is not None
            and toks[cue.first].lower == cue.verb.lemma.split()[0]
            and cue.first >= 2
            and (
                toks[cue.first - 2].lower in _NOUN_BLOCKERS
                # "a very public rant": det + intensifier + adjective + noun
                or (
                    cue.first >= 3
                    and toks[cue.first - 2].lower in _INTENSIFIERS
                    and toks[cue.first - 3].lower in _NOUN_BLOCKERS
                    and previous not in PRONOUNS  # not "the more they appear to"
                )
            )
            # "his advisers say", "the experts say", "those surveyed say": a plural
            # subject, then the verb
            and not (previous.endswith("s") and previous.isalpha() and previous not in _SINGULAR_S)
            and previous not in ("surveyed", "polled", "questioned", "interviewed", "asked")
            and previous not in ROLES  # "her husband cut in": a role is the subject
            # "Sources close to her campaign say she …": a clause's subject follows
            and following not in SUBJECT_PRONOUNS
            and not (following == "that" and form == "say")
            # "half of voters in each state say each of the candidates …": "say" with a
            # clause after it agrees with a plural further back
            and not (form == "say" and following in _CLAUSE_OPENERS_AFTER_SAY)
        ):
            return False  # "a snappy retort", "his latest claim": det + adjective + noun
        if (
            previous in ADJECTIVES_OF_SPEECH
            and previous not in ("first", "last", "many", "own")
            and cue.first >= 2
            and toks[cue.first - 2].lower in _NOUN_BLOCKERS
        ):
            return False  # "The new plans", "the latest reports": det + adjective + noun
        each_did = (
            past
            and previous in ("each", "all", "both")
            and cue.first >= 2
            and toks[cue.first - 2].lower not in PASSIVE_AUXILIARIES
        )  # "the Times and the Post each called", not "are each viewed"
        if (previous in _NOUN_BLOCKERS and not each_did) or (
            previous.endswith(("'s", "’s")) and not pronoun_of(toks[cue.first - 1])
        ):
            return False  # "his claim", "Trump's call" (but "he's telling", "each called")
        if (
            cue.first >= 2
            and toks[cue.first - 2].lower.endswith(("'s", "’s"))
            and not pronoun_of(toks[cue.first - 2])
            and (previous.endswith("ed") or previous in ADJECTIVES_OF_SPEECH)
            and not past
        ):
            return False  # "Trump's repeated calls": possessive, adjective, noun
        if (
            (
                previous in PASSIVE_AUXILIARIES
                # "which was first reported last week by The Post" (but "is widely
                # expected to" reports an expectation, as "is expected to" does)
                or (
                    previous in _PASSIVE_ADVERBS
                    and toks[cue.last].lower != "expected"
                    and cue.first >= 2
                    and toks[cue.first - 2].lower in PASSIVE_AUXILIARIES
                )
            )
            and toks[cue.last].lower.endswith(("ed", "en", "d", "t"))
            and toks[cue.last].lower != "asked"  # "Trump was asked about …": the asked rule
        ):
            return False
        # "to think", "to report": an infinitive names the act, it does not report one;
        # so does any after "not authorized" ("… because they were not authorized to
        # discuss the investigation"): why a source is anonymous.
        return not (
            previous == "to"
            and (
                (cue.verb is not None and cue.verb.cls in ("thought", "report"))
                or (cue.first >= 2 and toks[cue.first - 2].lower in _LEAVE_TO_SPEAK)
            )
        )

    # ------------------------------------------------------------- claims
    def nest_claims(self, drafts: list[Draft]) -> list[Draft]:
        """Attributions inside another's content.

        "Trump claimed the dictator branded Obama …": both stay, the inner one
        claimed by Trump. "Karimi said she hopes …": the inner "she hopes" is
        Karimi again, so it is folded into the outer one and dropped. "Reed said
        Lopez wanted a bridge": a belief (indirect, or around a partial quote) is the
        outer speaker's account, not words of Lopez's; it is dropped too.
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
            if outer is not None and inner.kind in ("indirect", "mixed") and self._thinks(inner):
                continue  # "said Trump wanted …": a belief reported inside another's words
            if outer is not None:
                mention = self.text[inner.mention[0] : inner.mention[1]].lower()
                # "Tester said he voted against …": a pronoun opening the reported clause
                # is the reporter again (the textbook reading), so the inner act is
                # part of the outer attribution, not another speaker's.
                if mention in ("he", "she") and outer.speaker is not None:
                    if inner.cue is None or outer.spans[0][0] <= inner.cue[0] < outer.spans[0][1]:
                        continue
                    # "Lazar said he welcomed extradition and added, "…"": the verb past
                    # the reported clause goes on in the reporter's voice.
                    inner.speaker = outer.speaker
                    kept.append(inner)
                    continue
                if mention in ("that", "which"):
                    continue  # "highlighted polls that show …": part of the outer words
                if inner.speaker == outer.speaker and (
                    mention in PRONOUNS or inner.speaker is None
                ):
                    continue
                lead_in = self.text[outer.spans[0][0] : inner.mention[0]].strip().lower()
                if inner.speaker != outer.speaker and lead_in in ("", "that"):
                    inner.claimed_by = outer.speaker
            kept.append(inner)
        return kept

    def _thinks(self, draft: Draft) -> bool:
        """Whether a draft's cue is a verb of thought ("wanted", "believes", "plans")."""
        if draft.cue_index is None or self._paragraph is None:
            return False
        cue = next(c for c in self._paragraph.cues if (c.first, c.last) == draft.cue_index)
        return cue.verb is not None and cue.verb.cls == "thought"

    # -------------------------------------------------------------- output
    def join_multi_paragraph_quotes(self) -> None:
        """A quote left open at a paragraph's end and reopened in the next is one
        quotation: its unattributed opening paragraphs join the attribution that
        the last paragraph's cue gives ("…," she said at the end)."""
        joined: list[Draft] = []
        pending: list[Draft] = []
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

    def drop_repeated_spans(self) -> None:
        """ "His team expects "a fair deal," he said": two rules read the same words, the
        thought verb's with nobody sure to say them and the signed quote's; one
        attribution a span stays, the surer one (the earlier one on a tie)."""
        best: dict[tuple, Draft] = {}
        for draft in self.drafts:
            key = tuple(draft.spans)
            kept = best.get(key)
            if kept is None or draft.confidence > kept.confidence:
                best[key] = draft
        self.drafts = [draft for draft in self.drafts if best[tuple(draft.spans)] is draft]

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
        self.drop_repeated_spans()
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


def _given_name_before(toks: list[Token], first: int) -> bool:
    """Whether "A and" before a two-word name gives A its surname: a known first name
    ("Bill and Hillary Clinton") or one after a family word ("the parents, Khizr and
    Ghazala Khan"), never a name or place of its own ("Iowa and New Hampshire")."""
    if first < 2 or toks[first - 1].lower != "and":
        return False
    given = toks[first - 2]
    if not (is_capitalised(given) and given.text.isalpha()):
        return False
    if first >= 3 and is_capitalised(toks[first - 3]):
        return False  # "Hillary Clinton and Bernie Sanders"
    return given.lower in FIRST_NAME_GENDER or any(
        t.lower in _FAMILY_WORDS for t in toks[max(0, first - 7) : first - 2]
    )


# Words that introduce a couple or siblings by their given names.
_FAMILY_WORDS = frozenset(
    {"parents", "couple", "husband", "wife", "brothers", "sisters", "siblings", "spouses"}
)


def _multiword_end(lowers: list[str], k: int, words: tuple[str, ...]) -> int | None:
    """Where the multiword cue `words` ends if it starts at k, else None. A passive may
    hold an adverb after its auxiliary: "is also expected to", "is widely expected to"
    are "is expected to", an expectation nobody voices."""
    if (
        words[0] in PASSIVE_AUXILIARIES
        and k + 1 < len(lowers)
        and lowers[k + 1] in _PASSIVE_ADVERBS
    ):
        words = (words[0], lowers[k + 1], *words[1:])
    last = k + len(words) - 1
    if last < len(lowers) and all(lowers[k + j] == w for j, w in enumerate(words)):
        return last
    return None


def _opens_an_appositive(word: Token) -> bool:
    """ "a philanthropist", "the chairwoman", "director of", "35", "who": the start of
    what describes the name before it."""
    lower = word.lower
    return (
        lower in DETERMINERS
        or lower in ("who", "whose")
        or lower in ROLES
        or lower in TITLES
        or word.text[:1].isdigit()
    )


def _a_person_owned(toks: list[Token], owner: int) -> bool:
    """ "Trump's attorney, Alan Garten", "Sanders's campaign manager": the possessive
    owns a person, who is the one the sentence is about (not "Clinton's embrace")."""
    for k in range(owner + 1, min(owner + 4, len(toks))):
        if toks[k].lower in ROLES:
            return True
        if not toks[k].text.isalpha():
            return False
    return False


def _a_noun_before_its_past(toks: list[Token], earlier: Cue, k: int) -> bool:
    """ "his show made", "the report claimed": a bare form cannot take a past verb after
    it, so it is the noun the past verb has for subject."""
    word = toks[earlier.last].lower
    return (
        earlier.first == earlier.last
        and not word.endswith(("s", "ed", "ing"))
        and word not in IRREGULAR_PASTS
        and (toks[k].lower.endswith("ed") or toks[k].lower in IRREGULAR_PASTS)
    )


def _states_as_a_verb(toks: list[Token], k: int) -> bool:
    """ "It states that …", "Byrne — … — states that …", `"…," the document states.`:
    "states" is mostly the noun (the early states); a verb after a pronoun or an aside
    that a that-clause follows, or after a noun that signs the quote just before it."""
    if k == 0 or k + 1 >= len(toks):
        return False
    previous, following = toks[k - 1], toks[k + 1].lower
    if following == "that":
        # not "the early states that vote", "Rust Belt states that have suffered"
        return previous.lower in ("it", "he", "she") or previous.text in DASHES
    return (
        following in (",", ".")
        and previous.text.isalpha()
        and previous.text.islower()
        and not previous.lower.endswith("s")
        and any(t.text in ('"', "”", "''") for t in toks[max(0, k - 5) : k - 1])
    )


def _plural_subject(token: Token) -> bool:
    """ "they", "experts", "Democrats": people before a verb's bare present."""
    return token.lower in ("they", "we") or token.lower in GROUPS


def parse(text: str, **metadata) -> ParsedDocument:
    """Find every attribution in `text`; `metadata` (title, url, ...) is carried along."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    reader = _Reader(text)
    document = reader.read()
    return replace(document, metadata=dict(metadata))


def _headline_says(toks: list[Token], cue: Cue) -> bool:
    """ "Rubio Says Abandoning Immigration Reform Was A Sign Of Leadership": in a title-case
    headline (the caller knows it is one), a capitalised says/tells after a name is the
    verb."""
    if cue.verb is None or cue.verb.cls in ("nominal", "naming"):
        return False
    word = toks[cue.first].lower
    verb_form = word in _HEADLINE_VERBS or (
        cue.first > 0 and is_capitalised(toks[cue.first - 1]) and word.endswith(("s", "ed"))
    )  # "Mike Pence Calls For …", "Leaked Documents Reveal …" is not a verb form
    return verb_form
