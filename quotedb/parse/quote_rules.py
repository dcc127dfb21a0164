"""Rules for quotations: whose words are between these quote marks?

1. `quote-cue-after`  "…," Kim wrote / "…," said Lionel Sosa
   `quote-name-after` "…," an angry Hollande retaliated (a verb the lexicon lacks)
2. `quote-cue-before` Kim wrote: "…" / described Trump as "…" (`quote-naming`)
3. `quote-colon`      Jeffrey M. Jones: "…" / Clinton has since apologized: "…"
4. `quote-dash`       "…" - Name, and `quote-signed`: "- Name" on the next line
5. `quote-continued`, `quote-after-colon`: a further quoted sentence or
   paragraph by the same speaker; `quote-unattributed`: no speaker in sight.
6. `quote-title`      Robby Mook released a memo titled "…" (the title is his words)

A mixin of the sieve's reader: it uses the reader's registry and resolver.
"""

from __future__ import annotations

from itertools import takewhile

from quotedb.parse.clauses import (
    MODALS,
    RELATIVES,
    TITLED_WORKS,
    clause_end,
    ends_sentence,
    first_token_at,
    is_adjunct,
    is_past_tense,
    last_mark,
    last_token_before,
    names_a_title,
    quote_kind,
    quoted_content,
    skip_conjunction,
    token_at,
)
from quotedb.parse.cue_rules import subject_of
from quotedb.parse.drafts import Cue, Draft, Paragraph, is_nested
from quotedb.parse.lexicon import (
    CUES,
    DETERMINERS,
    FINITE_VERBS,
    FUNCTION_WORDS,
    MESSAGE_NOUNS,
    ORGANISATION_WORDS,
    PASSIVE_AUXILIARIES,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    RELEASE_VERBS,
    ROLES,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TITLE_PARTICIPLES,
    TITLES,
)
from quotedb.parse.mentions import (
    NounPhrase,
    is_capitalised,
    recipient_after,
    subject_after,
    subject_before,
)
from quotedb.parse.quotemarks import Quotation
from quotedb.parse.text import CONTENT_EDGES, DASHES, LONG_DASHES, Token, trim

# Marks between a quote and the cue or name that signs it: `"…," —`.
_COMMA_OR_DASH = DASHES | {","}
# A colon or a long dash before a quote introduces it: `Clinton said: "…"`.
_COLON_OR_LONG_DASH = LONG_DASHES | {":"}
# Lowercase pronouns that open a clause of their own: "there is …", "we felt …".
_CLAUSE_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "it", "there"})
# Nouns that name the words quoted after them: `used the words, "…"`.
_WORDS_NAMED = frozenset({"words", "phrase", "term", "line", "slogan", "title", "name"})
# Marks passed over between a cue's phrase and the quote it introduces.
_LEAD_IN_MARKS = _COLON_OR_LONG_DASH | {","}
# Adverbs that open the writer's words after a cue: ", just prior to …".
_WRITER_ADVERBS = frozenset(["just", "shortly", "moments", "even", "again", "also", "then", "soon"])
# Words that open a clause of when something was said.
_WHEN_WORDS = frozenset(["as", "when", "while", "after", "before"])
# Objects fronted before a naming cue: "what critics called …", "whom he described as …".
_FRONTED = frozenset(["what", "whom", "which"])
_CLAUSE_STOPPERS = frozenset(
    [
        "when",
        "as",
        "because",
        "if",
        "since",
        "after",
        "before",
        "while",
        "and",
        "but",
        "or",
        "so",
        "though",
        "although",
        "until",
        "said",
        "says",
        "told",
        "added",
    ]
)


# Verbs that show a phrase after an inverted cue is the subject of what was said.
_CONTENT_VERBS = (FINITE_VERBS | MODALS) - {"said"}


def _named_after_description(toks: list[Token], subject: NounPhrase) -> NounPhrase:
    """`said Rubio's deputy campaign manager, Rich Beeson, who …`, `said the White House
    spokesman, Josh Earnest.`, `exhorted Clinton's introducer, actress Jamie Lee Curtis`:
    a described speaker named by the appositive after it."""
    if is_capitalised(toks[subject.last]) and toks[subject.last].lower not in ROLES:
        return subject  # a name already ("said Sen. Ted Cruz, R-Texas")
    comma = subject.last + 1
    if comma + 1 >= len(toks) or toks[comma].text != ",":
        return subject
    name = subject_after(toks, comma + 1)
    if (
        name is None
        or not is_capitalised(toks[name.head])
        or not is_capitalised(toks[name.last])
        or name.first == name.last  # one word: "said the spokesman, Wednesday"
        or (name.last + 1 < len(toks) and toks[name.last + 1].text not in (",", ".", ";"))
    ):
        return subject
    return NounPhrase(subject.first, name.last, name.head)


def _object_of_a_preposition(toks: list[Token], subject: NounPhrase) -> bool:
    """ "sent a text message to supporters saying: "…"", "at one point calling": a
    preposition's object does not say what the participle after it says, the sentence's
    speaker does (but "footage of Trump saying", "with one of her ads asking": it does)."""
    before = toks[subject.first - 1].lower if subject.first > 0 else ""
    return before in PREPOSITIONS and before not in ("of", "about", "with")


class QuoteRules:
    """Attribute quotations to the cue before or after them."""

    # -------------------------------------------------------- rules 1 and 2
    def quote_with_cue(
        self, p: Paragraph, quotation: Quotation, used: dict[int, Draft]
    ) -> Draft | None:
        toks = p.toks
        after = first_token_at(toks, quotation.close_at)
        before = last_token_before(toks, quotation.open_at)
        if names_a_title(toks, before) and not self._signed_after_the(p, quotation, before, after):
            return None
        # `Clinton famously responded: "What difference does it make?" Her critics
        # cited …`, `Clinton responds to Mills with, "Why now?" Mills writes …`: a cue
        # that introduces the quote with a colon (or a comma, when the quote ends its
        # sentence) comes first.
        if before is not None and (
            toks[before].text == ":"
            or (toks[before].text == "," and last_mark(self.text, quotation) in ".?!")
        ):
            cue = next((c for c in p.cues if c.last < before and before - c.last <= 6), None)
            if cue is not None and cue.verb is not None and cue.verb.cls == "speech":
                draft = self._cue_before_quote(p, quotation, before, used)
                if draft is not None:
                    return draft
        # Rule 1: the cue follows the closing mark.
        if (
            after is not None
            and p.sentence_of[after] == p.sentence_of[max(after - 1, 0)]
            or (
                after is not None
                and quotation.end > quotation.start
                and last_mark(self.text, quotation) in ",?!—–―-"
            )
            or (
                after is not None
                and last_mark(self.text, quotation) == "."
                and self._signs_alone(p, after)
            )
        ):
            draft = self._cue_after_quote(p, quotation, after, used)
            if draft is not None:
                return draft
        # Rule 2: the cue precedes the opening mark.
        if before is not None:
            draft = self._cue_before_quote(p, quotation, before, used)
            if draft is None and toks[before].text == ":":
                draft = self._colon_speaker(p, quotation, before)
            return draft
        return None

    @staticmethod
    def _signs_alone(p: Paragraph, first: int) -> bool:
        """`"…are missing." Trump said.`: a sentence of just a speaker and a cue signs the
        quote before it, though the quote closed on a period."""
        toks = p.toks
        s_first, s_last = p.bounds[p.sentence_of[first]]
        if s_first != first:
            return False
        cue = next((c for c in p.cues if first < c.first <= first + 6), None)
        if cue is None or cue.verb is None or cue.verb.cls == "naming":
            return False
        subject = subject_before(toks, cue.first, floor=first)
        return (
            subject is not None
            and subject.first == first
            and subject.last + 1 == cue.first
            and is_adjunct(toks[cue.last + 1 : s_last + 1])
        )

    def _said_opening(
        self, p: Paragraph, quotation: Quotation, lead: int, used: dict[int, Draft]
    ) -> Draft | None:
        """ "Said Dorothy Poynter, who grew up with Ali, "…"": a sentence that opens with
        its cue, then the speaker and an appositive, then the quote."""
        toks = p.toks
        s_first, _ = p.bounds[p.sentence_of[lead]]
        first = skip_conjunction(toks, s_first, lead)
        cue_index = next((ci for ci, c in enumerate(p.cues) if c.first == first), None)
        if cue_index is None or cue_index in used or lead - first > 20:
            return None
        cue = p.cues[cue_index]
        if cue.verb is None or "inv" not in cue.verb.frames or toks[cue.last].lower.endswith("ing"):
            return None
        subject = subject_after(toks, cue.last + 1)
        if subject is None or subject.last >= lead or toks[subject.last + 1].text != ",":
            return None
        draft = self._draft(p, quotation, cue, subject, "quote-cue-before", 0.8)
        used[cue_index] = draft
        return draft

    def _names_someone(self, toks: list, subject, named: bool) -> bool:
        """Whether a phrase names a known person or organisation (or stands alone before
        a colon, "Name: …"), without registering anything new."""
        first = subject.head
        while first - 1 >= subject.first and is_capitalised(toks[first - 1]):
            first -= 1
        words = " ".join(t.text for t in toks[first : subject.head + 1])
        entity = self.registry.find(words)
        if named:
            return True
        if entity is not None and entity.kind in ("person", "organisation"):
            return True
        # "The Clinton campaign, in a Q&A …, worded it more carefully: "…"": a body
        # named by its capitalised words.
        if toks[subject.head].lower in ORGANISATION_WORDS and first < subject.head:
            return True
        return any(t.lower in TITLES for t in toks[subject.first : subject.head])

    def _colon_speaker(self, p: Paragraph, quotation: Quotation, colon: int) -> Draft | None:
        """`Jeffrey M. Jones: "…"`, `Clinton has since apologized: "…"`: a colon hands
        the quote to the name that opens its sentence (a known name only)."""
        toks = p.toks
        s_first, _ = p.bounds[p.sentence_of[colon]]
        opening = skip_conjunction(toks, s_first, colon)
        # "Media shares blame in Iowa poll overhype - HuffPollster: …": after a dash.
        for k in range(colon - 1, opening - 1, -1):
            if toks[k].text in DASHES:
                opening = k + 1
                break
        here = _after_here_is(toks, opening, colon)
        if here is not None:
            # "Here's Clinton in December 1992: "…"": the name presented speaks.
            name = self.resolve(toks, here, speaks=True)
            mention = self.span_of(toks, here.first, here.last)
            return self._signed_draft(p, quotation, "quote-colon", 0.6, name, mention)
        source = subject_before(toks, colon, floor=opening)
        lead_in = [t.lower for t in toks[opening : source.first]] if source else []
        if lead_in in (["from"], ["more", "from"]):
            # "From the report: "…"", "More from Jones: "…"": the quote comes from the source.
            name = self.resolve(toks, source, speaks=True)
            mention = self.span_of(toks, source.first, source.last)
            return self._signed_draft(p, quotation, "quote-colon", 0.6, name, mention)
        # The sentence's opening name, or ("Asked whether …, Mr. Smith shot back: "…"")
        # the one after its last comma.
        comma = max((k for k in range(opening, colon) if toks[k].text == ","), default=None)
        starts = [opening] + (
            [skip_conjunction(toks, comma + 1, colon)] if comma is not None else []
        )
        for start in starts:
            subject = subject_after(toks, start)
            if subject is None or subject.last >= colon:
                continue
            named = subject.last + 1 == colon  # "Name: …"
            pronoun = subject.first == subject.head and toks[subject.head].lower in ("he", "she")
            body = (
                toks[subject.head].lower in ORGANISATION_WORDS
                and subject.head > subject.first
                and is_capitalised(toks[subject.head - 1])
            )  # "The Clinton campaign"
            if not pronoun and not body and not is_capitalised(toks[subject.head]):
                # "One early supporter, Representative Lee Zeldin, …, gave it a whirl: "…"":
                # the description's appositive names the speaker.
                appositive = (
                    subject_after(toks, subject.last + 2)
                    if subject.last + 2 < colon and toks[subject.last + 1].text == ","
                    else None
                )
                if appositive is None or not is_capitalised(toks[appositive.head]):
                    continue
                subject = NounPhrase(subject.first, appositive.last, appositive.head)
            if pronoun or self._names_someone(toks, subject, named):
                break
        else:
            return None
        name = self.resolve(toks, subject, speaks=True)
        mention = self.span_of(toks, subject.first, subject.last if named else subject.head)
        return self._signed_draft(p, quotation, "quote-colon", 0.6, name, mention)

    def _cue_after_quote(
        self, p: Paragraph, quotation: Quotation, k: int, used: dict[int, Draft]
    ) -> Draft | None:
        toks = p.toks
        if (
            toks[k].lower in ROLES
            and last_mark(self.text, quotation) not in (",", ".", "!", "?")
            and not p.inside[k]
        ):
            return None  # `"Good Morning America" host Megyn Kelly said …`: a show's name
        dash = self._quote_dash_name(p, quotation, k)
        if dash is not None:
            return dash
        while k < len(toks) and toks[k].text in _COMMA_OR_DASH:
            k += 1
        if k >= len(toks) or p.inside[k]:
            return None
        reads = self._document_reads(p, quotation, k)
        if reads is not None:
            return reads
        limit = min(len(toks), k + 25)
        for ci, cue in enumerate(p.cues):
            if cue.first < k or cue.first >= limit:
                continue
            if cue.verb is None or cue.verb.cls == "naming" or "as" in cue.verb.frames:
                return None  # `"…?" Others saw the same thing … as …`: no signature
            if cue.first == k:
                if toks[cue.last].lower.endswith("ing"):
                    return None  # `"…," promising the Friends of Abe will …`: no inversion
                if "inv" not in cue.verb.frames:
                    return None  # `summed up Clinton as "terrible," denounced her record`
                subject = subject_after(toks, cue.last + 1)
                if subject is None and ci in used:
                    return None
                if subject is not None:
                    subject = _named_after_description(toks, subject)
                if (
                    subject is not None
                    and subject.first == subject.last
                    and toks[subject.first].lower in SUBJECT_PRONOUNS
                    and subject.last + 1 < len(toks)
                    and toks[subject.last + 1].text[:1].islower()
                    and toks[subject.last + 1].lower not in PREPOSITIONS
                ):
                    # `who calls Trump a "sociopath," said he doesn't believe …`: the
                    # pronoun opens the cue's content; the quote is not what it says.
                    return None
                if (
                    subject is not None
                    and subject.last + 1 < len(toks)
                    and toks[subject.last + 1].lower in _CONTENT_VERBS
                ):
                    # `Mr. Manafort, citing "…," said the candidate could be …`: a
                    # finite verb after the phrase makes it the subject of the content.
                    return None
            else:
                aside = self._name_before_an_aside(p, k, cue)
                if aside is None and any(
                    t.lower in RELATIVES for t in toks[max(k, cue.first - 3) : cue.first]
                ):
                    continue  # `"…," Cruz, who has proposed repealing …, said`: not this cue
                if cue.last + 1 < len(toks) and toks[cue.last + 1].lower == "that":
                    # `Acknowledging that Trump "says stupid stuff," Allen suggested that
                    # …`: the cue has content of its own; the quote is not it.
                    return None
                own = subject_after(toks, cue.last + 1) if cue.last + 1 < len(toks) else None
                if (
                    own is not None
                    and own.last + 1 < len(toks)
                    and (
                        toks[own.last + 1].lower in FINITE_VERBS
                        or toks[own.last + 1].lower in MODALS
                    )
                ):
                    return None  # `"…," one of the engineers said the date was early`: its own
                subject = subject_before(toks, cue.first, floor=k)
                if subject is not None and subject.last == k and toks[k].lower in ("that", "which"):
                    # `"… to search them for records" that would respond to requests …,
                    # Wolverton wrote`: a relative clause about the quote's last words.
                    return None
                if subject is not None and subject.first != k:
                    # `"…," Sanders campaign manager Jeff Weaver said`: the words before
                    # the name belong to the speaker's description.
                    gap = toks[k : subject.first]
                    if (
                        len(gap) <= 8
                        and not _opens_a_participle(gap)
                        and all(
                            (t.text[:1].isalnum() and t.lower not in FUNCTION_WORDS)
                            or t.text in ("'s", "’s", "$", "-")
                            # "CBS This Morning co-anchor": a capitalised show title
                            or (j > 0 and is_capitalised(t) and is_capitalised(gap[j - 1]))
                            # "Fight for $15 organizing director", "Secretary of State": inside
                            # a capitalised name
                            or (t.lower in ("of", "for") and j > 0 and is_capitalised(gap[j - 1]))
                            for j, t in enumerate(gap)
                        )
                    ):
                        subject = NounPhrase(k, subject.last, subject.head)
                    elif [t.lower for t in gap] == ["as"] and last_mark(
                        self.text, quotation
                    ) == ",":
                        pass  # `the race "is a dead heat right now," as Cruz said on Monday`
                    else:
                        subject = None  # `"…" as Kim Jong-un wrote`: not a description
                subject = subject or aside
                if subject is None:
                    return None
            if ci in used:
                draft = used[ci]
                draft.spans.append(quoted_content(self.text, quotation))
                return draft
            draft = self._draft(p, quotation, cue, subject, "quote-cue-after", 0.9)
            used[ci] = draft
            self._recipient(p, cue, draft)
            self._take_the_lead_in(p, quotation, draft)
            self._take_the_rest(p, quotation, cue, subject, draft)
            return draft
        return self._name_then_verb(p, quotation, k)

    def _signed_after_the(
        self, p: Paragraph, quotation: Quotation, before: int | None, after: int | None
    ) -> bool:
        """`The "question of how one writes a brief … remains a great one," said Richard
        Hasen`: a clause-long quote after "The", closed on a comma and signed by a cue,
        is speech, not a title (not `on "Morning Joe," co-host Mika Brzezinski asked`)."""
        toks = p.toks
        if (
            before is None
            or after is None
            or toks[before].lower != "the"
            or last_mark(self.text, quotation) != ","
            or len(self.text[quotation.start : quotation.end].split()) < 4
        ):
            return False
        k = after + 1 if toks[after].text == "," else after
        # `," said Richard Hasen, …`, `," Hasen, a law professor, wrote last week.`: the
        # cue signs the quote and says no more of its own
        return any(
            toks[j].lower in CUES
            and toks[j].text.islower()
            and not p.inside[j]
            and (
                j + 1 >= len(toks)
                or toks[j + 1].text in (",", ".")
                or is_capitalised(toks[j + 1])
                or toks[j + 1].lower in _WRITER_ADVERBS
                or toks[j + 1].lower in ("last", "this", "on", "in", "at", "during")
            )
            for j in range(k, min(len(toks), k + 25))
        )

    def _take_the_rest(
        self,
        p: Paragraph,
        quotation: Quotation,
        cue: Cue,
        subject: NounPhrase | None,
        draft: Draft,
    ) -> None:
        """`"Only you, Dinesh," she said, would use the occasion …`: a quote closed on a
        comma leaves its sentence open, and the words after the cue's commas finish
        it; they are a second span of what was said."""
        toks = p.toks
        if last_mark(self.text, quotation) != "," or subject is None or subject.last > cue.first:
            return  # `"…," said Ari Fleischer, former press secretary`: an appositive follows
        comma = cue.last + 1
        _, s_last = p.bounds[p.sentence_of[cue.last]]
        if comma >= s_last or toks[comma].text != "," or p.inside[comma]:
            return
        rest = toks[comma + 1 : s_last + 1]
        first = rest[0]
        if (
            not first.text[:1].isalpha()
            or first.lower.endswith("ing")
            or first.lower in RELATIVES
            or first.lower in _CLAUSE_STOPPERS
            or first.lower in PREPOSITIONS
            or first.lower in ("according", "adding")
            # `, another reference to …`, `, just prior to …`: the writer's again; but
            # `"It's our bad luck," he said, that both men …` goes on with the quote.
            or (first.lower in DETERMINERS and first.lower != "that")
            or first.lower in _WRITER_ADVERBS
            or first.lower.endswith("ly")
            or is_adjunct(rest)
            or any(p.inside[comma + 1 : s_last + 1])
            or any(comma < c.first <= s_last for c in p.cues)
        ):
            return
        draft.spans.append(trim(self.text, first.start, toks[s_last].end, CONTENT_EDGES))
        draft.kind = "mixed"  # the second span is in the writer's words

    @staticmethod
    def _name_before_an_aside(p: Paragraph, k: int, cue: Cue) -> NounPhrase | None:
        """`"…," Harry Bond, 30, of Raleigh, N.C., who was among those polled, said`: the
        name right after the quote speaks when an aside between commas stands between
        it and the cue."""
        toks = p.toks
        lead = subject_after(toks, k)
        if (
            lead is None
            or toks[lead.last + 1].text != ","
            or cue.first - lead.last < 4
            or not (is_capitalised(toks[lead.head]) or toks[lead.head].lower in ROLES)
            or any(p.inside[lead.last + 1 : cue.first])
        ):
            return None
        aside = toks[lead.last + 2 : cue.first]
        # Closed by a comma, or ("Nate Silver, the guru who founded the site tweeted") a
        # relative clause that runs up to the cue with a verb of its own.
        if aside[-1].text == "," or any(t.lower == "who" for t in aside[:-2]):
            return lead
        return None

    def _document_reads(self, p: Paragraph, quotation: Quotation, k: int) -> Draft | None:
        """`"…," the statement read.` / `"…," read the email.`: the words of a written text. Its
        author speaks when the document named one; otherwise the speaker stays unknown
        and the text ("the editorial") is the mention."""
        toks = p.toks
        if last_mark(self.text, quotation) != ",":
            return None
        if toks[k].lower in ("read", "reads") and k + 1 < len(toks):
            # `"…," read the email.`: the text after its verb.
            verb_at = k
            subject = subject_after(toks, k + 1)
            if subject is None or subject.first != k + 1 or p.inside[k]:
                return None
        else:
            verb_at = next(
                (
                    j
                    for j in range(k + 1, min(len(toks), k + 4))
                    if toks[j].lower in ("read", "reads")
                ),
                None,
            )
            if verb_at is None or p.inside[verb_at]:
                return None
            subject = subject_before(toks, verb_at, floor=k)
            if subject is None or subject.first != k or subject.last + 1 != verb_at:
                return None
        head = toks[subject.head].lower
        if head == "statement":
            speaker = self._statement_author()
        elif head == "it" or p.media[subject.head]:
            speaker = self._medium_speaker(p, subject)
        else:
            return None
        mention = self.span_of(toks, subject.first, subject.last)
        draft = self._signed_draft(p, quotation, "quote-cue-after", 0.6, speaker, mention)
        draft.cue = self.span_of(toks, verb_at, verb_at)
        draft.cue_index = (verb_at, verb_at)
        return draft

    def _take_the_lead_in(self, p: Paragraph, quotation: Quotation, draft: Draft) -> None:
        """`Trump's misinformation may be "strategic," he said`: the words that open the
        sentence before the quote are part of what was said (mixed)."""
        toks = p.toks
        before = last_token_before(toks, quotation.open_at)
        if before is None or p.inside[before] or toks[before].text in _COLON_OR_LONG_DASH:
            return
        s_first, _ = p.bounds[p.sentence_of[before]]
        first = skip_conjunction(toks, s_first, before)
        if first > before or before - first > 60:
            return
        # `With voters split among a half-dozen rivals, "Donald Trump's 22% …"`: a
        # fronted phrase, then the quote as the sentence's own clause.
        fronted = (
            toks[before].text == ","
            and first < before
            and (toks[first].lower in PREPOSITIONS or toks[first].lower in SUBORDINATORS)
            # not `When someone in the audience shouted, "Cruz,"`: an act of its own; nor
            # `When Trump used the words, "I'm not quite there yet,"`: words named
            and not any(first <= c.first <= before for c in p.cues)
            and toks[before - 1].lower not in _WORDS_NAMED
            and not any(p.inside[first:before])
        )
        if not self.text[quotation.start : quotation.start + 1].islower():
            if not fronted:
                return  # a quote that opens with a capital stands as its own sentence
        elif toks[before].text == "," and not (
            self._opens_with_a_verb(quotation) or self._opens_with_a_clause(quotation)
        ):
            return  # `To him, "a disgrace," he said`: the comma closes an aside
        signer = self.text[draft.mention[0] : draft.mention[1]].lower() if draft.mention else ""
        if any(
            first <= c.first <= before
            and (signer in SUBJECT_PRONOUNS or self._owns_the_lead_in(p, c))
            for c in p.cues
        ):
            return  # another cue owns the lead-in; `… said he …, "…," he said`: the same voice
        if any(p.inside[first : before + 1]) and not all(
            q.closed and self.text[q.start : q.start + 1].islower()
            for q in p.quotes
            if toks[first].start <= q.open_at < quotation.open_at
        ):
            return  # another quote opens the sentence: its own
        draft.spans[0] = (toks[first].start, quotation.close_at)
        draft.kind = "mixed"

    @staticmethod
    def _owns_the_lead_in(p: Paragraph, cue: Cue) -> bool:
        """Whether a cue before a quote signed after it keeps the quote as its own words:
        a label (`calling Trump "an orange buffoon," she said`), a participle or a relative
        clause's cue. A finite cue with a clause (`Polling shows that "…," said Tempel`)
        is what the signer says: the whole sentence is theirs, the cue's claim inside."""
        toks = p.toks
        return (
            cue.verb is None
            or cue.verb.cls == "naming"
            or toks[cue.last].lower.endswith("ing")
            or (cue.first > 0 and toks[cue.first - 1].lower in RELATIVES)
        )

    def _opens_with_a_verb(self, quotation: Quotation) -> bool:
        """`The party, attended by hundreds, "allows us to …," he said`: a quote that opens
        with a finite verb goes on from the subject before its comma."""
        first = self.text[quotation.start : quotation.start + 20].split(maxsplit=1)
        word = first[0].lower().strip(",.") if first else ""
        return (
            word in FINITE_VERBS
            or word.endswith(("ed", "n't", "n’t"))
            or (word.endswith("s") and not word.endswith("ss"))
        )

    def _opens_with_a_clause(self, quotation: Quotation) -> bool:
        """`After the 2014 victories, "there is a sense of urgency …," Law said`: a quote
        that opens with a pronoun subject finishes the sentence its lead-in began."""
        first = self.text[quotation.start : quotation.start + 20].split(maxsplit=1)
        return bool(first) and first[0] in _CLAUSE_SUBJECTS

    def _name_then_verb(self, p: Paragraph, quotation: Quotation, k: int) -> Draft | None:
        """`"…," an angry Hollande retaliated.`: a name and a verb our lexicon lacks right
        after a quote that ends on a comma still sign it (rule quote-name-after)."""
        toks = p.toks
        if last_mark(self.text, quotation) not in (",", "?", "!"):
            return None
        subject = None
        for verb_at in range(k + 1, min(len(toks), k + 10)):
            word = toks[verb_at]
            if p.inside[verb_at] or not word.text[:1].isalpha():
                if word.text != ",":
                    break
                continue
            if not is_capitalised(word) and word.lower.endswith(("ed", "s")):
                subject = subject_before(toks, verb_at, floor=k)
                break
        if subject is None:
            return None
        if subject.first != k:
            gap = toks[k : subject.first]
            if len(gap) > 4 or any(
                t.lower in FUNCTION_WORDS and t.lower not in ("a", "an", "the") for t in gap
            ):
                return None
            subject = NounPhrase(k, subject.last, subject.head)  # "an angry Hollande"
        verb = toks[subject.last + 1] if subject.last + 1 < len(toks) else None
        if verb is None or is_capitalised(verb) or not verb.lower.endswith(("ed", "s")):
            return None
        if verb.lower in FINITE_VERBS:
            return None  # `"Is Dalton Brody off Conn?" Dalton Brody is a store`: no act
        if verb.lower in TITLED_WORKS:
            return None  # `"Tales From the Crypt," an HBO series that …`: a title
        if not (is_capitalised(toks[subject.head]) or toks[subject.head].lower in ROLES):
            return None
        name = self.resolve(toks, subject, speaks=True)
        if name is None:
            return None
        mention = self.span_of(toks, subject.first, subject.last)
        draft = self._signed_draft(p, quotation, "quote-name-after", 0.6, name, mention)
        draft.cue = (verb.start, verb.end)
        return draft

    def _quote_dash_name(self, p: Paragraph, quotation: Quotation, k: int) -> Draft | None:
        """`"…" - Name` / `"…" — Name, title`: a name after a dash signs the quote."""
        toks = p.toks
        if k >= len(toks) or toks[k].text not in DASHES or k + 1 >= len(toks):
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
        mention = self.span_of(toks, subject.first, subject.last)
        return self._signed_draft(p, quotation, "quote-dash", 0.75, name, mention)

    def _signed_draft(
        self,
        p: Paragraph,
        quotation: Quotation,
        rule: str,
        confidence: float,
        speaker: str | None,
        mention: tuple[int, int],
    ) -> Draft:
        """The draft of a quotation a name signs without a cue word (colon, dash, unlisted verb)."""
        return Draft(
            quote_kind(self.text, quotation, p),
            [quoted_content(self.text, quotation)],
            rule,
            confidence,
            speaker=speaker,
            mention=mention,
            paragraph=p.index,
            opens_paragraph_quote=not quotation.closed,
        )

    def _cue_before_quote(
        self, p: Paragraph, quotation: Quotation, k: int, used: dict[int, Draft]
    ) -> Draft | None:
        toks = p.toks
        lead = k
        while lead >= 0 and toks[lead].text in _LEAD_IN_MARKS:
            lead -= 1
        if lead < 0:
            return None
        opening = self._said_opening(p, quotation, lead, used)
        if opening is not None:
            return opening
        for ci in range(len(p.cues) - 1, -1, -1):
            cue = p.cues[ci]
            # "Clinton said in the spring, when the story broke, "…"": a comma-closed
            # aside may stand between a speech cue and its quote; a clause of its own
            # ("As Earnest explained, three taxes were postponed, "…"") may not.
            aside = (
                toks[k].text == ","
                and cue.verb is not None
                and cue.verb.cls == "speech"
                and lead - cue.last <= 15
                and (lead - cue.last <= 5 or _an_aside(toks[cue.last + 1 : lead + 1]))
            )
            occasion = toks[k].text != ":" and _an_occasion(toks[cue.last + 1 : lead + 1])
            if cue.last > lead or (lead - cue.last > 5 and not aside and not occasion):
                continue
            if p.sentence_of[cue.last] != p.sentence_of[lead]:
                return None
            between = toks[cue.last + 1 : lead + 1]
            if toks[lead].text in (".", "!", "?") and _in_a_subordinate_clause(toks, cue):
                continue  # `"…," Hooton said after Rubio spoke. "…"`: Rubio's cue ends there
            if (
                toks[lead].text in (".", "!", "?")
                and cue.verb is not None
                and "seem" in cue.verb.frames
            ):
                continue  # "… won't appear at the convention. "…"": no words of its own
            if toks[lead].text in (".", "!", "?") and self._says_its_own_sentence(p, cue):
                return None  # `Trump isn't a conservative, he said. "…"`: the cue's own words
            if cue.verb is not None and cue.verb.cls == "naming":
                if toks[lead].text in (".", "!", "?"):
                    continue  # `praised the donor. "…"`: a quote of its own sentence
                draft = self._naming_quote(p, quotation, ci, used)
                if draft is not None:
                    return draft
                continue
            if any(t.text in ('"', "“", "”") for t in between) or any(
                cue.last < other.first <= lead for other in p.cues
            ):
                return None  # another quote or another cue ("said in a written statement"
                # has none: "written" is no cue there) stands between
            if between and between[-1].lower == "that":
                between = between[:-1]
            how = _how_it_was_said(between)
            # "reacted skeptically to the deal, "…"": how it was said, then where or when
            between = [t for t in between if not _an_adverb_of_manner(t)]
            if toks[k].text == ":" and between and between[0].text in DASHES:
                return None  # "Pollsters agree - Carl Bialik: "…"": the name signs it
            # "Sembler responded in a text message: "…"", "said of the senator, "…"": the
            # cue's own phrase, then a colon or comma that introduces what it says.
            introduced = len(between) <= 12 and (
                toks[k].text == ":"
                or (toks[k].text == "," and between and between[0].lower in PREPOSITIONS)
                # "acknowledged in an MSNBC forum Monday night "…"": where it was said
                or occasion
            )
            # "Clinton said as he introduced his wife, "…"": a clause of when it was said.
            when = aside and between and between[0].lower in _WHEN_WORDS
            if (
                between
                and not is_adjunct(between)
                and not (aside and "," in (t.text for t in between))
                and not introduced
                and not when
                and not how
            ):
                return None
            if ci in used:
                draft = used[ci]
                if draft.kind in ("direct", "partial", "mixed"):
                    draft.spans.append(quoted_content(self.text, quotation))
                    return draft
                return None
            s_first, _ = p.bounds[p.sentence_of[cue.first]]
            subject = subject_of(toks, cue, 0) if cue.verb is not None else None
            if cue.verb is None:
                subject = subject_before(toks, cue.first)
                if subject is None and toks[k].text == ":":
                    # "According to HuffPo: "…"": the source follows the cue (with a
                    # comma, the according-to rule reads the clause the quote opens).
                    subject = subject_after(toks, cue.last + 1)
                    if subject is None or subject.last != lead:
                        return None
            participle = cue.verb is not None and toks[cue.last].lower.endswith("ing")
            if (
                subject is not None
                and participle
                and (
                    (subject.first > s_first and _object_of_a_preposition(toks, subject))
                    or toks[subject.head].lower in MESSAGE_NOUNS  # "sent an email saying"
                )
            ):
                subject = None
            if (
                subject is None
                and cue.verb is not None
                and not participle  # "…, saying Mr. Trump "…"": his, the quote's subject
                and "inv" in cue.verb.frames
                and "rcpt" not in cue.verb.frames
                and (
                    skip_conjunction(toks, s_first, cue.first) == cue.first
                    or toks[cue.first - 1].text == ","  # "…, explained Rosenberg, "…""
                )
            ):
                # "Said Comey, "…"": opening the sentence, the speaker follows the cue.
                after = subject_after(toks, cue.last + 1)
                if after is not None and after.last == lead:
                    subject = after
            if subject is None and cue.verb is None:
                return None
            if (
                subject is not None
                and toks[cue.first].lower == "asked"
                and toks[cue.first - 1].lower in PASSIVE_AUXILIARIES
            ):
                # "Trump was asked, "…"": the question is put to him by someone unnamed.
                draft = self._draft(p, quotation, cue, None, "quote-cue-before", 0.6)
                asked = self.resolve(toks, subject, speaks=False)
                if asked:
                    draft.recipients.append(asked)
                used[ci] = draft
                return draft
            draft = self._draft(p, quotation, cue, subject, "quote-cue-before", 0.85)
            if subject is None:
                draft.speaker, draft.mention = self.implicit_subject(p, cue, list(used.values()))
                draft.confidence = 0.6
            self._extend_over_the_clause(p, quotation, cue, draft)
            self._take_the_subject(p, quotation, cue, draft)
            used[ci] = draft
            self._recipient(p, cue, draft)
            return draft
        return None

    @staticmethod
    def _says_its_own_sentence(p: Paragraph, cue: Cue) -> bool:
        """Whether a cue closes a sentence of its own words (`Trump isn't a conservative,
        he said.`): a quote after it goes on in that voice, it does not own the cue."""
        toks = p.toks
        s_first, _ = p.bounds[p.sentence_of[cue.first]]
        subject = subject_before(toks, cue.first)
        return (
            subject is not None
            and subject.first - 1 - s_first >= 3
            and toks[subject.first - 1].text == ","
            and not any(p.inside[s_first : subject.first])
        )

    def _take_the_subject(self, p: Paragraph, quotation: Quotation, cue: Cue, draft: Draft) -> None:
        """`said Hillary Clinton "caused death."`: a quote that opens with a verb goes on from
        the subject between the cue and it; the clause from the subject on was said (mixed)."""
        toks = p.toks
        if not self.text[quotation.start : quotation.start + 1].islower():
            return
        if not self._opens_with_a_verb(quotation):
            return
        start = cue.last + 1
        if start < len(toks) and toks[start].lower == "that":
            start += 1
        opening = first_token_at(toks, quotation.open_at)
        if opening is None or not 0 < opening - start <= 12:
            return
        if any(p.inside[start:opening]) or any(start <= c.first < opening for c in p.cues):
            return
        end = max(draft.spans[0][1], quotation.close_at)  # the closing mark with the opening
        draft.spans[0] = (toks[start].start, end)
        draft.kind = "mixed"

    def _extend_over_the_clause(
        self, p: Paragraph, quotation: Quotation, cue: Cue, draft: Draft
    ) -> None:
        """`said that "liberals" allowed terrorism to flourish`: the quoted words open
        a clause that goes on, and the whole clause is what was said (mixed)."""
        toks = p.toks
        clause = self._clause_after_the_quote(p, quotation, cue)
        if clause is None:
            return
        after, end = clause
        _, s_last = p.bounds[p.sentence_of[cue.last]]
        if last_mark(self.text, quotation) in ("!", "?"):
            return  # `shouted "You lie!" at the president`: the words end with their mark
        if last_mark(self.text, quotation) == "," and (
            toks[after].lower.endswith("ing")
            or toks[after].lower in ("which", "who")
            or is_adjunct(toks[after : s_last + 1])
            or any(after <= c.first <= end for c in p.cues)
        ):
            # `"…," referencing the …`, `"…," in an interview`, `"…," which is …`, `"…,"
            # one of the prosecutors said …`: the writer's words, or another's claim
            return
        start = first_token_at(toks, quotation.open_at)
        if start is None:
            return
        if start > cue.last + 1 and toks[start - 1].lower == "that":
            start -= 1
        draft.spans[0] = trim(self.text, toks[start].start, toks[end].end, CONTENT_EDGES)
        draft.kind = "mixed"

    def _clause_after_the_quote(
        self, p: Paragraph, quotation: Quotation, cue: Cue
    ) -> tuple[int, int] | None:
        """The first and last token of the clause a quote goes on into, in its cue's
        sentence (`"a mistake" that will cost billions`), or None."""
        toks = p.toks
        after = first_token_at(toks, quotation.close_at)
        if after is None or p.inside[after] or p.sentence_of[after] != p.sentence_of[cue.last]:
            return None
        _, s_last = p.bounds[p.sentence_of[cue.last]]
        if toks[after].text in DASHES:
            # `"every candidate on the stage" - including Cruz - favored …`: the clause
            # goes on after the writer's dashed aside.
            after = next(
                (
                    k + 1
                    for k in range(after + 1, min(s_last, after + 12))
                    if toks[k].text == toks[after].text and toks[k - 1].text not in DASHES
                ),
                None,
            )
            if after is None or p.inside[after]:
                return None
        following = toks[after]
        # `"…" and that he had seen support`: a second that-clause of the same cue.
        second_that = (
            following.lower in ("and", "but") and after < s_last and toks[after + 1].lower == "that"
        )
        if not following.text[:1].isalpha() or (
            following.lower in _CLAUSE_STOPPERS and not second_that and following.lower != "because"
        ):
            return None
        if following.lower in CUES:
            return None  # `"…" told the paper`
        if is_capitalised(following):
            # `said "of course" Clinton has the qualifications`: a name with a verb of
            # its own after a fragment goes on with the clause; `"…" Kim wrote`, or a
            # new sentence, does not.
            subject = subject_after(toks, after)
            verb = subject.last + 1 if subject is not None else s_last + 1
            if not (
                self.text[quotation.start : quotation.start + 1].islower()
                and last_mark(self.text, quotation) not in ".?!,"
                and verb <= s_last
                and toks[verb].lower in _CONTENT_VERBS
            ):
                return None
        end = clause_end(toks, after, s_last, p.inside)
        return (after, end) if end >= after else None

    def _take_the_named(self, p: Paragraph, quotation: Quotation, cue: Cue, draft: Draft) -> None:
        """`called him a "loser"`: what was said is the label with whom it names, as
        PolNeAR marks it (mixed), and goes on over a clause the label opens (`it a
        "no-brainer" to prosecute`), not over the writer's aside or adjunct."""
        toks = p.toks
        first = cue.last + 1
        opening = first_token_at(toks, quotation.open_at)
        if opening is None or any(p.inside[first:opening]):
            return
        fronted = _fronted_relative(toks, cue.first)
        if fronted is not None:
            # `what critics have called a "fraudulent scheme" took a turn`: the label
            # names the fronted object, and the clause after it is the writer's.
            label = (toks[first].start, max(draft.spans[0][1], quotation.close_at))
            draft.spans[:1] = [(toks[fronted].start, toks[fronted].end), label]
            draft.kind = "mixed"
            return
        if not first < opening:
            return
        draft.spans[0] = (toks[first].start, max(draft.spans[0][1], quotation.close_at))
        draft.kind = "mixed"
        clause = self._clause_after_the_quote(p, quotation, cue)
        if clause is None:
            return
        after, end = clause
        _, s_last = p.bounds[p.sentence_of[cue.last]]
        if (
            last_mark(self.text, quotation) == ","
            or toks[after].lower == "and"
            or is_adjunct(toks[after : s_last + 1])
        ):
            return  # `him a "moderate," a subtle dig`, `"abhorrent" in a tweet`
        # `it a "witch hunt" - a label that stuck`: the dash opens the writer's aside.
        end = next((j - 1 for j in range(after, end + 1) if toks[j].text in DASHES), end)
        draft.spans[0] = trim(self.text, draft.spans[0][0], toks[end].end, CONTENT_EDGES)

    def _naming_quote(
        self, p: Paragraph, quotation: Quotation, ci: int, used: dict[int, Draft]
    ) -> Draft | None:
        """described Donald Trump as "powerful and preeminent": about Trump."""
        if ci in used:
            return None
        cue = p.cues[ci]
        toks = p.toks
        if toks[cue.last + 1].start >= quotation.open_at - 1 and toks[cue.last].lower != "as":
            return None  # "executives were calling "every 15 minutes"": no one is named
        # "…, calling it "absurd"": a participle names through the sentence's speaker,
        # not through whatever noun stands before its comma; without the comma the
        # noun is its subject ("and Trump calling it a "great meeting"").
        participle = toks[cue.last].lower.endswith("ing")
        after_comma = participle and toks[cue.first - 1].text in _COMMA_OR_DASH
        s_first, _ = p.bounds[p.sentence_of[cue.first]]
        # "took to Twitter to call Fields "totally delusional"": subject_of looks past
        # "to" to the verb that governs it.
        subject = None if after_comma else subject_of(toks, cue, s_first)
        if (
            participle
            and subject is not None
            and (
                _object_of_a_preposition(toks, subject)
                or toks[subject.head].lower in MESSAGE_NOUNS  # "released a new ad calling it"
            )
        ):
            subject = None
        draft = self._draft(p, quotation, cue, subject, "quote-naming", 0.8)
        if subject is None:
            draft.speaker, draft.mention = self.implicit_subject(p, cue, list(used.values()))
        # Whom the words describe is also `about`.
        draft.kind = "partial"
        self._take_the_named(p, quotation, cue, draft)
        target = recipient_after(toks, cue.last + 1)
        if target is not None:
            about = self.resolve(toks, target, speaks=False)
            if about:
                draft.about.append(about)
        used[ci] = draft
        return draft

    def _draft(
        self,
        p: Paragraph,
        quotation: Quotation,
        cue: Cue,
        subject: NounPhrase | None,
        rule: str,
        confidence: float,
    ) -> Draft:
        toks = p.toks
        draft = Draft(
            kind=quote_kind(self.text, quotation, p),
            spans=[quoted_content(self.text, quotation)],
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
            if draft.speaker is None:
                draft.confidence -= 0.3
                draft.speaker = self._medium_speaker(p, subject)
        return draft

    # ------------------------------------------------------------ rule 6, 7
    @staticmethod
    def _hands_over(
        p: Paragraph, cue: Cue, previous: Draft, quotation: Quotation, drafts: list[Draft]
    ) -> bool:
        """Whether a cue between an attributed quote and a later one gives the voice to
        someone else: it has a subject of its own, and is neither a participle ("…,
        asking for anonymity"), a relative or subordinate clause ("who supports …",
        "after Smith stated …", "a crowd that the campaign estimated"), part of what was
        said, nor the same speaker's."""
        toks = p.toks
        own_cue = previous.cue_index[1] if previous.cue_index else -1
        at = toks[cue.first].start
        if cue.first <= own_cue or not previous.spans[-1][1] <= at < quotation.open_at:
            return False
        if toks[cue.last].lower.endswith("ing") or toks[cue.first - 1].lower in ("to", "that"):
            return False
        if any(t.lower in RELATIVES for t in toks[max(0, cue.first - 3) : cue.first]):
            return False
        subject = subject_before(toks, cue.first)
        if subject is None:
            return False
        if subject.first and (
            toks[subject.first - 1].lower in SUBORDINATORS
            or toks[subject.first - 1].lower == "that"
        ):
            return False  # "told a crowd that the campaign estimated at 3,000"
        for draft in drafts:
            if any(s <= at < e for s, e in draft.spans):
                return False  # "explaining why the senator won't appear": said, not saying
            if draft.cue_index == (cue.first, cue.last):
                return not (previous.speaker and draft.speaker == previous.speaker)
        return True

    def _someone_else_acts_between(
        self, p: Paragraph, previous: Draft, quotation: Quotation
    ) -> bool:
        """`Trump continued to portray "illegal" immigrants as criminals. Journalist Jorge
        Ramos corrected him with a study proving "…"`: a sentence after the previous
        attribution whose subject is someone else, named, doing something of their own,
        takes the later quote from the previous voice, cue or no cue."""
        toks = p.toks
        sentence = p.sentence_of[token_at(toks, quotation.open_at)]
        while sentence >= 0:
            first, last = p.bounds[sentence]
            if toks[first].start < previous.spans[-1][1]:
                return False
            sentence -= 1
            subject = subject_after(toks, skip_conjunction(toks, first, last))
            if (
                subject is None
                or subject.last + 1 > last
                or not is_capitalised(toks[subject.head])
                or p.inside[subject.first]
                or not is_past_tense(toks[subject.last + 1])
            ):
                continue
            words = self.text[toks[subject.first].start : toks[subject.last].end]
            named = self.registry.find(words)
            if named is not None and named.name != previous.speaker:
                return True
        return False

    @staticmethod
    def _same_sentence(p: Paragraph, a: Draft, b: Draft) -> bool:
        """Whether two drafts of this paragraph have their cues in one sentence."""
        return (
            a.cue_index is not None
            and b.cue_index is not None
            and a.paragraph == b.paragraph == p.index
            and p.sentence_of[a.cue_index[0]] == p.sentence_of[b.cue_index[0]]
        )

    def unattached_quote(self, p: Paragraph, quotation: Quotation, drafts: list[Draft]) -> None:
        span = quoted_content(self.text, quotation)
        before = last_token_before(p.toks, quotation.open_at)
        titled = self._title_of_a_release(p, quotation, before)
        if titled is not None:
            drafts.append(titled)
            return
        if names_a_title(p.toks, before) or self._a_work_in_apposition(p, quotation):
            return
        colon = self.pending_colon
        if colon is not None and colon.paragraph == p.index - 1 and quotation.open_at == p.lo:
            colon.spans.append(span)
            colon.paragraph = p.index
            colon.opens_paragraph_quote = not quotation.closed
            drafts.append(colon)
            self.pending_colon = None
            return
        # The attribution closest before the quote (drafts are not in text order yet).
        # A claim inside another's content ("Greene added that the Fed wants …") is
        # not the voice a later quote continues.
        before = [
            d for d in drafts if d.spans[-1][1] <= quotation.open_at and not is_nested(d, drafts)
        ]
        previous = max(before, key=lambda d: d.spans[-1][1], default=None)
        if previous is not None and previous.rule == "according-to":
            # `"…," Carson noted, as reported by BuzzFeed News. "…"`: the voice goes on
            # in the quote the outlet reports, not in the outlet's.
            quoted = [
                d
                for d in drafts
                if d is not previous
                and d.kind in ("direct", "mixed", "partial")
                and d.cue is not None
                and any(s <= d.cue[0] < e for s, e in previous.spans)
            ]
            previous = max(quoted, key=lambda d: d.spans[-1][1], default=previous)
        claim_between = previous if previous is not None and previous.kind == "indirect" else None
        if previous is not None and previous.kind == "indirect":
            # `"…," said Udall, who supports … . "…"`, `"…," he said when asked about
            # …. "…"`: a claim nested in a quote's own sentence does not take the voice.
            voiced = [
                d
                for d in before
                if d.kind in ("direct", "mixed", "partial") and self._same_sentence(p, d, previous)
            ]
            previous = max(voiced, key=lambda d: d.spans[-1][1], default=previous)
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
                == p.sentence_of[token_at(p.toks, quotation.open_at)]
            )
            # Later quotes in the paragraph continue the speaker unless another cue
            # (someone else's) stands between.
            handed_over = any(self._hands_over(p, c, previous, quotation, drafts) for c in p.cues)
            same_paragraph = previous.paragraph == p.index and not handed_over
            if (
                claim_between is not None
                and claim_between is not previous
                and not same_sentence
                and ends_sentence(self.text, quotation)
                and not handed_over
            ):
                # `"…," he said, adding that he hasn't spoken to them. "…"`: the claim
                # between ends the first quote; the next is the same voice anew, on
                # the same evidence.
                again = _voice_again(previous, span, p.index, 0.55)
                again.cue = previous.cue
                drafts.append(again)
                return
            # `"…?" asked the boy, who was wearing a 'Make America Great Again' hat`: a
            # quote in a relative clause about the speaker is the clause's, not theirs.
            relative = max(gap.rfind(", who "), gap.rfind(", which "))
            in_a_relative = relative >= 0 and not any(c in gap[relative:] for c in ".!?")
            if (
                (len(gap) < 40 or quotation.continued or same_sentence or same_paragraph)
                and not in_a_relative
                and not self._someone_else_acts_between(p, previous, quotation)
            ):
                previous.spans.append(span)
                return
        words = self.text[span[0] : span[1]].split()
        full_paragraph = quotation.open_at == p.lo
        if len(words) < 4 or quotation.single:
            return
        if (
            previous is not None
            and previous.kind == "indirect"
            and previous.paragraph == p.index
            and previous.speaker
            and ends_sentence(self.text, quotation)
            and previous.cue_index is not None
            and not any(self._hands_over(p, c, previous, quotation, drafts) for c in p.cues)
        ):
            # "She says people should use the bathroom they prefer. "It is their life,
            # …"": the quote that follows a paraphrase in its paragraph is the same voice.
            drafts.append(_voice_again(previous, span, p.index, 0.55))
            return
        last = self._voice_before(p.index - 1)
        # `"…," a voice over says as …`: someone new (an indefinite noun phrase) signs
        # the quote, though no rule read how; not the voice of the paragraph before.
        after = first_token_at(p.toks, quotation.close_at)
        if after is not None and p.toks[after].text == "," and after + 1 < len(p.toks):
            after += 1
        signed_by_someone_new = (
            after is not None
            and "," in (last_mark(self.text, quotation), p.toks[after - 1].text)
            and p.toks[after].lower in ("a", "an", "another", "one")
        )
        if full_paragraph and last is not None and last.speaker and not signed_by_someone_new:
            # The evidence: where the previous paragraph named them.
            drafts.append(_voice_again(last, span, p.index, 0.6))
            return
        if full_paragraph or ends_sentence(self.text, quotation) or not quotation.closed:
            drafts.append(
                Draft(
                    "direct",
                    [span],
                    "quote-unattributed",
                    0.3,
                    paragraph=p.index,
                    opens_paragraph_quote=not quotation.closed,
                    continues_quote=quotation.continued,
                )
            )

    def _a_work_in_apposition(self, p: Paragraph, quotation: Quotation) -> bool:
        """`"Tales From the Crypt," an HBO series that first aired in 1989`: the phrase
        after the quote says what kind of work it is the title of."""
        toks = p.toks
        after = first_token_at(toks, quotation.close_at)
        if after is not None and toks[after].text == "," and not p.inside[after]:
            after += 1
        elif last_mark(self.text, quotation) != ",":
            return False
        if after is None or after >= len(toks) or toks[after].lower not in ("a", "an", "the"):
            return False
        return any(t.lower in TITLED_WORKS for t in toks[after + 1 : after + 5])

    def _title_of_a_release(
        self, p: Paragraph, quotation: Quotation, before: int | None
    ) -> Draft | None:
        """ "Robby Mook released a memo titled "…"", "launched an ad … titled, "Scam."": the
        title of a work someone put out is that someone's words (PolNeAR marks it so),
        and the work's noun, when it names a medium, is the source."""
        toks = p.toks
        if before is None:
            return None
        titled = before - 1 if toks[before].text == "," else before
        if titled < 1 or toks[titled].lower not in TITLE_PARTICIPLES:
            return None
        s_first, _ = p.bounds[p.sentence_of[titled]]
        for verb in range(titled - 1, max(s_first, titled - 15), -1):
            if p.inside[verb] or toks[verb].text in (".", ";", ":"):
                return None
            if toks[verb].lower not in RELEASE_VERBS:
                continue
            subject = subject_before(toks, verb, floor=s_first)
            if subject is None or not is_capitalised(toks[subject.head]):
                return None
            draft = self._draft(p, quotation, Cue(verb, verb, None), None, "quote-title", 0.6)
            # Putting out a work is not speaking: a later "he" still goes to who spoke.
            draft.speaker = self.resolve(toks, subject, speaks=False)
            draft.mention = self.span_of(toks, subject.first, subject.last)
            work = titled - 1 if toks[titled - 1].text != "," else titled - 2
            if p.media[work]:
                draft.source_kind = p.media[work]
                draft.source_evidence = self.span_of(toks, work, work)
            return draft if draft.speaker else None
        return None

    def _voice_before(self, paragraph: int) -> Draft | None:
        """The attribution of `paragraph` a quote paragraph after it goes on in: its last
        one, passing over claims told by a relative clause ("lawmakers who thought …",
        "the emails, which included …") and claims inside another's words ("Carter said
        that some critics had been predicting …"), which are not the paragraph's voice."""
        # The paragraph's drafts are the last ones made: this one's are not in yet.
        drafts = list(takewhile(lambda draft: draft.paragraph == paragraph, reversed(self.drafts)))
        for draft in drafts:
            mention = self.text[draft.mention[0] : draft.mention[1]] if draft.mention else ""
            if mention.lower() in RELATIVE_PRONOUNS:
                continue
            if draft.speaker is None and draft.rule == "asked":
                continue  # `"…," Le Pen told CNN when asked which candidate she'd back.`
            if draft.kind == "direct" or not is_nested(draft, drafts):
                return draft
        return None


def _after_here_is(toks: list[Token], opening: int, colon: int) -> NounPhrase | None:
    """The name after "Here's" / "Here is" that opens a sentence ending in a colon, when
    only an adjunct ("in December 1992") stands between it and the colon."""
    if toks[opening].lower in ("here's", "here’s"):
        first = opening + 1
    elif toks[opening].lower == "here" and opening + 1 < colon and toks[opening + 1].lower == "is":
        first = opening + 2
    else:
        return None
    name = subject_after(toks, first) if first < colon else None
    if name is None or name.last >= colon or not is_capitalised(toks[name.head]):
        return None
    if not is_adjunct(toks[name.last + 1 : colon]):
        return None
    return name


def _voice_again(
    previous: Draft, span: tuple[int, int], paragraph: int, confidence: float
) -> Draft:
    """A quote that goes on in the voice of an earlier attribution: its speaker, with the
    mention that named them as evidence, its recipients and medium."""
    return Draft(
        "direct",
        [span],
        "quote-continued",
        confidence,
        speaker=previous.speaker,
        mention=previous.mention,
        paragraph=paragraph,
        recipients=list(previous.recipients),
        source_kind=previous.source_kind,
        medium=previous.medium,
    )


def _how_it_was_said(words: list[Token]) -> bool:
    """ "He concluded so eloquently and timelessly, "…"": only adverbs of manner stand
    between a cue and its quote."""
    return all(
        t.text == "," or t.lower in ("so", "very", "and", "most", "more") or _an_adverb_of_manner(t)
        for t in words
    ) and any(t.lower.endswith("ly") for t in words)


def _an_adverb_of_manner(token: Token) -> bool:
    """ "skeptically", "eloquently": a lowercase word in -ly."""
    return token.text.islower() and token.lower.endswith("ly") and len(token.lower) > 4


def _an_occasion(words: list[Token]) -> bool:
    """Whether the words between a cue and its quote say where or when it was said: a
    preposition of place or time, then at most seven words that are no verb ("in an
    MSNBC forum Monday night")."""
    return (
        1 < len(words) <= 8
        and words[0].lower in ("in", "at", "on", "during")
        and all(
            t.text.isalnum()
            and t.lower not in CUES
            and t.lower not in FINITE_VERBS
            and t.lower not in RELATIVES
            and t.lower not in ("that", "if", "whether")
            and t.lower not in SUBJECT_PRONOUNS
            and not (t.text.islower() and t.lower.endswith(("ed", "ing")))
            for t in words[1:]
        )
    )


def _fronted_relative(toks: list[Token], cue: int) -> int | None:
    """Where "what" / "whom" / "which" stands before a naming cue's subject, within its
    clause: "what critics have called …", "what the New York Times and Los Angeles
    Times each called …"."""
    for j in range(cue - 1, max(-1, cue - 13), -1):
        if toks[j].lower in _FRONTED:
            return j
        if not toks[j].text[:1].isalnum():
            return None
    return None


def _opens_a_participle(words: list[Token]) -> bool:
    """`"…," including provisions he said …`: words after a quote that open the
    writer's participle phrase, not a speaker's description."""
    return words[0].lower.endswith("ing") and not is_capitalised(words[0])


def _an_aside(between: list[Token]) -> bool:
    """Whether the words between a cue and its quote's comma open as a time, place or
    manner aside ("in the spring, when the story broke"), not a clause of their own."""
    words = between[1:] if between and between[0].text == "," else between
    return bool(words) and (
        words[0].lower in PREPOSITIONS
        or words[0].lower in _WHEN_WORDS
        or is_adjunct(list(takewhile(lambda t: t.text != ",", words)))
    )


def _in_a_subordinate_clause(toks: list[Token], cue: Cue) -> bool:
    """Whether the cue's subject follows a subordinator or a relative after a noun:
    "after Rubio spoke", "bruises that Fields showed to the police"."""
    subject = subject_before(toks, cue.first)
    if subject is None or subject.first == 0:
        return False
    before = toks[subject.first - 1].lower
    return before in SUBORDINATORS or (
        before in ("that", "which", "whom")
        and subject.first >= 2
        and toks[subject.first - 2].text[:1].isalpha()
        and toks[subject.first - 2].lower not in CUES  # "said that Fields showed": content
    )
