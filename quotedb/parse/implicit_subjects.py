"""Who speaks for a cue with no subject of its own: "…, adding that", "before
claiming", "and realised", "by tweeting that".

The searches run in turn, nearest evidence first: whom an earlier cue blames for the
act, the subject of the verb the participle hangs on, an earlier cue's speaker in the
same clause, the nearest pronoun, the name that opens the sentence. The first that
settles it wins: a name, or a described speaker nobody names (a None name with its
span), or nobody at all (None, None).

A mixin of the sieve's reader: it uses the reader's registry and resolver.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotedb.parse.clauses import (
    CLOSING_MARKS,
    OPENING_MARKS,
    QUESTION_WORDS,
    SUBJECT_STARTS,
    clause_opening,
    is_past_tense,
    skip_conjunction,
)
from quotedb.parse.drafts import Cue, Draft, Paragraph, is_nested
from quotedb.parse.lexicon import (
    CUES,
    DATE_WORDS,
    DETERMINERS,
    FINITE_VERBS,
    FUNCTION_WORDS,
    GROUPS,
    IRREGULAR_PASTS,
    NAME_PARTICLES,
    ORGANISATION_HEADS,
    ORGANISATION_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTITY_HEADS,
    ROLES,
    SUBORDINATORS,
    is_participle,
)
from quotedb.parse.mentions import (
    NounPhrase,
    is_capitalised,
    pronoun_of,
    recipient_after,
    subject_after,
    subject_before,
)
from quotedb.parse.text import DASHES, Token

# A speaker found: the resolved name (None when nobody is named) and the evidence span.
Found = tuple[str | None, tuple[int, int] | None]

# Heads of a described speaker that opens a sentence: "The senator paused and recalled".
_SPEAKING_NOUNS = ROLES | GROUPS | ORGANISATION_HEADS
# Words that open a clause inside the sentence ("no details about how he planned"):
# a pronoun after them is that clause's subject, not the sentence's speaker.
_CLAUSE_OPENERS = QUESTION_WORDS | {"that"}
# Words that open a clause whose subject follows them: "where about 50 protesters had".
_CLAUSE_STARTS = SUBORDINATORS | {"where"}
# Perfect auxiliaries between a subject and its past verb: "protesters had gathered".
_AUXILIARIES = frozenset({"had", "has", "have"})
# Words before a number in a subject: "about 50 protesters".
_APPROXIMATIONS = frozenset({"about", "nearly", "roughly", "almost", "around", "some"})
# Plural amounts before "of" that head a group speaker: "Hundreds of demonstrators".
_AMOUNTS = QUANTITY_HEADS | {"hundreds", "thousands", "dozens", "millions", "scores"}


@dataclass(frozen=True, slots=True)
class _Hanging:
    """A cue without a subject, and what of its sentence every search reads."""

    p: Paragraph
    cue: Cue
    s_first: int
    dashes: list[int]  # the sentence's dashes before the cue: asides open and close on them
    own_clause: int | None  # the comma where the cue's own clause starts, if any
    drafts: list[Draft]


class ImplicitSubjects:
    """Find the speaker of a participle or coordinated cue from the rest of its sentence."""

    def implicit_subject(self, p: Paragraph, cue: Cue, drafts: list[Draft] | None = None) -> Found:
        """ "…, adding that", "before claiming", "and realised": the sentence's speaker."""
        toks = p.toks
        s_first, _ = p.bounds[p.sentence_of[cue.first]]
        hanging = _Hanging(
            p,
            cue,
            s_first,
            [k for k in range(s_first, cue.first) if toks[k].text in DASHES],
            _start_of_the_last_clause(toks, s_first, cue.first, p.inside),
            drafts or [],
        )
        for search in (
            self._blamed_for,
            self._subject_before_its_preposition,
            self._subject_of_a_clause_between,
            self._speaker_of_the_nearest_draft,
            self._subject_before_and,
            self._subject_of_an_earlier_cue,
            self._subject_tied_by_by,
            self._nearest_pronoun,
            self._subject_of_the_verb_before,
            self._subject_of_a_relative_clause,
            self._subject_opening_the_sentence,
        ):
            found = search(hanging)
            if found is not None:
                return found
        return None, None

    def _speaker_from(
        self, toks: list[Token], phrase: NounPhrase
    ) -> tuple[str | None, tuple[int, int]]:
        """The phrase as a speaker: whom it resolves to (None if no one), and its span."""
        return self.resolve(toks, phrase, speaks=True), self.span_of(
            toks, phrase.first, phrase.last
        )

    def _named_speaker(self, toks: list[Token], phrase: NounPhrase) -> Found | None:
        """The phrase as a speaker when it names someone; None lets the next search try."""
        found = self._speaker_from(toks, phrase)
        return found if found[0] else None

    def _blamed_for(self, at: _Hanging) -> Found | None:
        """ "Clinton slammed Barack Obama as elitist for suggesting …": the object of a
        blaming cue ("slammed X …", "criticized X …", "praised X …") that a participle
        after "for" in the same clause belongs to, when it names someone; (None, None)
        when it only describes someone ("the U.S. presidential candidate"), so the act
        goes to no one."""
        p, cue, s_first = at.p, at.cue, at.s_first
        toks = p.toks
        if cue.first - 1 <= s_first or toks[cue.first - 1].lower != "for":
            return None
        for earlier in reversed(p.cues):
            if earlier.last >= cue.first - 1 or earlier.first < s_first:
                continue
            if earlier.verb is None or earlier.verb.cls != "naming":
                return None
            if any(
                toks[k].text in (",", ";") and not p.inside[k]
                for k in range(earlier.last + 1, cue.first)
            ):
                return None
            target = recipient_after(toks, earlier.last + 1)
            if target is None or toks[target.head].lower in DATE_WORDS:  # "called Wednesday for"
                return None
            if not is_capitalised(toks[target.head]):
                # "criticized her surrogates for chastising …", "him for saying …": those
                # blamed act, though no name says who they are; a group is named by its
                # word ("critics").
                if toks[target.head].lower in GROUPS:
                    name = self.resolve(toks, target, speaks=True)
                    return name, self.span_of(toks, target.first, target.last)
                return None, self.span_of(toks, target.first, target.last)
            if (
                target.last + 1 < cue.first
                and toks[target.last + 1].text.isalpha()
                and toks[target.last + 1].text.islower()
                and toks[target.last + 1].lower not in FUNCTION_WORDS
            ):
                # "cast the U.S. presidential candidate as … for proposing": the one
                # blamed is described, not named; the act is nobody's we can name.
                return None, None
            name = self.resolve(toks, target, speaks=True)
            return (name, self.span_of(toks, target.first, target.last)) if name else None
        return None

    def _subject_before_its_preposition(self, at: _Hanging) -> Found | None:
        """ "now that the FBI has decided against recommending charges": the participle
        after a verb and its preposition is that verb's subject's act."""
        toks, cue = at.p.toks, at.cue
        verb = cue.first - 2
        if (
            verb > at.s_first
            and toks[cue.first - 1].lower in PREPOSITIONS
            and toks[cue.first - 1].lower != "for"
            and is_past_tense(toks[verb])
        ):
            subject = subject_before(toks, verb, floor=at.s_first)
            if subject is not None and is_capitalised(toks[subject.head]):
                return self._named_speaker(toks, subject)
        return None

    def _subject_of_a_clause_between(self, at: _Hanging) -> Found | None:
        """ "Clinton asks as a maintenance guy walks in front of her, saying …": an
        as/while clause with a subject (not a pronoun) and a verb of its own between the
        sentence's cue and the participle; the participle is that subject's act."""
        p, cue, s_first = at.p, at.cue, at.s_first
        toks = p.toks
        before = [c for c in p.cues if s_first <= c.first and c.last < cue.first]
        if not before or toks[cue.first - 1].text != ",":
            return None
        for k in range(before[-1].last + 1, cue.first - 2):
            if toks[k].lower not in ("as", "while") or p.inside[k]:
                continue
            subject = subject_after(toks, k + 1)
            if (
                subject is not None
                and subject.head == subject.last > subject.first
                and toks[subject.last].text.islower()
                and toks[subject.last].lower.endswith("s")
                and toks[subject.last - 1].text.isalpha()
            ):
                # "a maintenance guy walks": the phrase took the verb for a plural noun
                subject = NounPhrase(subject.first, subject.last - 1, subject.last - 1)
            if (
                subject is not None
                and subject.last + 1 < cue.first
                and toks[subject.last + 1].text.islower()
                and toks[subject.last + 1].lower.endswith(("s", "ed"))
                and toks[subject.head].lower not in PRONOUNS
            ):
                return self._speaker_from(toks, subject)
        return None

    def _speaker_of_the_nearest_draft(self, at: _Hanging) -> Found | None:
        """`Comey cannot say that "…," Lewandowski added, saying …` is Lewandowski's: the
        speaker of the nearest earlier cue in the cue's own clause (drafts are not in
        text order). "Years after Bill Clinton claimed that …, Obama won … by promising",
        "Trump pivoted to talking about trade, but Wallace brought him back …, asking": a
        cue before the start of the participle's own clause does not speak for it."""
        p, cue, dashes = at.p, at.cue, at.dashes
        sentence = p.sentence_of[cue.first]
        earlier = [
            draft
            for draft in at.drafts
            if draft.cue_index
            and p.sentence_of[draft.cue_index[0]] == sentence
            and draft.cue_index[0] < cue.first
            and not is_nested(draft, at.drafts)
            # "- "…," one Clinton ad declared - or denouncing": not a dashed aside's cue
            and not (
                any(k < draft.cue_index[0] for k in dashes)
                and any(draft.cue_index[1] < k for k in dashes)
            )
            and (at.own_clause is None or draft.cue_index[0] > at.own_clause)
            # "he seemed to paper over …, promising": an impression is nobody's voice
            and draft.rule != "seeming"
            # "Sanders's supporters question whether she opposes the deal and worry …":
            # "worry" does not agree with "she opposes"
            and _agree(p.toks[draft.cue_index[0]], p.toks[cue.first])
        ]
        if not earlier:
            return None
        nearest = max(earlier, key=lambda draft: draft.cue_index[0])
        between = self._named_subject_between(at, nearest.cue_index[1])
        return between or (nearest.speaker, nearest.mention)

    def _named_subject_between(self, at: _Hanging, earlier_cue_last: int) -> Found | None:
        """ "In what he acknowledged as a "rant," President Obama took a whack at …,
        painting …", "Clinton spoke down the street, where about 50 protesters had
        gathered, chanting …": a subject (a name or a group) opening a clause of its own
        with a past verb stands between an earlier cue and the participle, and the
        participle is that subject's act."""
        p, cue = at.p, at.cue
        toks = p.toks
        if toks[cue.first - 1].lower == "for":
            return None  # "railed against Republicans for refusing": the one blamed acts
        asides = list(zip(at.dashes[::2], at.dashes[1::2]))
        for k in range(cue.first - 2, earlier_cue_last + 1, -1):
            if any(open_ < k < close for open_, close in asides):
                continue  # "which — as columnist Tom Reed noted — promises": an aside
            if is_past_tense(toks[k]) and not p.inside[k]:
                subject = subject_before(toks, k, floor=earlier_cue_last + 1)
                if subject is None:
                    return None
                before = subject.first - 1
                while toks[before].lower in _APPROXIMATIONS:
                    before -= 1  # "where about 50 protesters had gathered"
                if (
                    all(t.lower in _AUXILIARIES for t in toks[subject.last + 1 : k])
                    and (is_capitalised(toks[subject.head]) or toks[subject.head].lower in GROUPS)
                    and (
                        toks[before].text == ","
                        or toks[before].text in CLOSING_MARKS
                        or toks[before].lower in _CLAUSE_STARTS
                        or p.inside[before]
                        # "prosecutors charged the officer and Emanuel fired his chief, …"
                        or (
                            toks[before].lower in ("and", "but")
                            and is_capitalised(toks[subject.head])
                        )
                    )
                ):
                    return self._speaker_from(toks, subject)
                return None
        return None

    def _subject_before_and(self, at: _Hanging) -> Found | None:
        """ "Ms. Sherry smiled and said": the subject of the verb before "and"."""
        toks, cue = at.p.toks, at.cue
        if (
            cue.first - 2 >= at.s_first
            and toks[cue.first - 1].lower in ("and", "but", "then")
            and toks[cue.first - 2].lower.endswith("ed")
        ):
            subject = subject_before(toks, cue.first - 2, floor=at.s_first)
            if subject is not None:
                return self._named_speaker(toks, subject)
        return None

    def _subject_of_an_earlier_cue(self, at: _Hanging) -> Found | None:
        """ "Nefzi said, adding, "…"": the speaker of the sentence's earlier cue."""
        p, cue, s_first, dashes = at.p, at.cue, at.s_first, at.dashes
        toks = p.toks
        for earlier in reversed(p.cues):
            if earlier.last >= cue.first or earlier.first < s_first or earlier.verb is None:
                continue
            if at.own_clause is not None and earlier.first < at.own_clause:
                return None
            if any(k < earlier.first for k in dashes) and any(earlier.last < k for k in dashes):
                continue  # "which — as Jonathan Chait noted — promises": an aside's cue
            between = self._named_subject_between(at, earlier.last)
            if between is not None:
                return between
            subject = subject_before(toks, earlier.first, floor=s_first)
            if subject is None and earlier.first > s_first and toks[earlier.first - 1].text == ",":
                if toks[earlier.last].lower.endswith("ing"):
                    # "…, saying he has been a pioneer … and calling him …": what follows
                    # a participle is its content's subject; its own speaker is ours.
                    continue
                subject = subject_after(toks, earlier.last + 1)
            return None if subject is None else self._named_speaker(toks, subject)
        return None

    def _subject_tied_by_by(self, at: _Hanging) -> Found | None:
        """ "Lewandowski earlier quashed rumors he was planning a book by tweeting that":
        "by" ties the participle to the subject that opens the sentence."""
        toks, cue = at.p.toks, at.cue
        if toks[cue.first - 1].lower != "by":
            return None
        opening = skip_conjunction(toks, at.s_first, cue.first)
        for k in range(opening + 1, cue.first - 1):
            if is_past_tense(toks[k]):
                subject = subject_before(toks, k, floor=at.s_first)
                if (
                    subject is not None
                    and subject.first == opening
                    and not toks[subject.last].lower.endswith(("'s", "’s"))
                ):
                    return self._named_speaker(toks, subject)
                return None
        return None

    def _nearest_pronoun(self, at: _Hanging) -> Found | None:
        """ "When he returned he began by saying, …": the nearest subject pronoun, outside
        asides ("― much like he did last year ―": the aside's "he" is not ours) and not
        opening a clause of its own ("Bradley apologized after they came out, saying")."""
        p, cue, s_first = at.p, at.cue, at.s_first
        toks = p.toks
        asides = list(zip(at.dashes[::2], at.dashes[1::2]))
        for k in range(cue.first - 1, s_first - 1, -1):
            if p.inside[k] or any(open_ < k < close for open_, close in asides):
                continue
            if (pronoun_of(toks[k]) or toks[k].lower) in ("he", "she", "they") and not (
                k > s_first
                and (toks[k - 1].lower in SUBORDINATORS or toks[k - 1].lower in _CLAUSE_OPENERS)
            ):
                name = self.resolve(toks, NounPhrase(k, k, k), speaks=True)
                return (name, (toks[k].start, toks[k].end)) if name else (None, None)
        return None

    def _subject_of_the_verb_before(self, at: _Hanging) -> Found | None:
        """ "At an event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on her
        statement, saying …", "Ruiz toured the site on Monday, and warned …", "his
        campaign sent a text message to supporters saying": the subject of the past-tense
        verb of the clause the participle hangs on."""
        p, cue, s_first = at.p, at.cue, at.s_first
        toks = p.toks
        before = cue.first - 1
        if toks[before].lower in _AUXILIARIES and before - 1 > s_first:
            before -= 1  # "have discounted the claims, but have speculated that"
        coordinated = toks[before].lower in ("and", "but", "then")
        if not (toks[before].text == "," or coordinated or toks[cue.first].lower.endswith("ing")):
            return None
        for k in range(before - 1, s_first, -1):
            if p.inside[k] or toks[k].text in CLOSING_MARKS or toks[k].text in OPENING_MARKS:
                continue  # "thanked its members "for their support" and called"
            if toks[k].text == "," and not (coordinated and k == before - 1):
                participles = is_participle(toks[cue.first].text) and is_participle(
                    toks[k + 1].text
                )
                if not (coordinated and participles):
                    return None
                continue  # "congregated in three clusters, holding signs and chanting"
            past = is_past_tense(toks[k]) or (
                toks[k].lower in ("was", "were", "been", "is", "are") and toks[k].text.islower()
            )  # "Trump was blunt, claiming", "has been outspoken, arguing"
            if not (past and toks[k].text.isalpha()):
                continue  # "Ted", "Ned": names, not past tenses
            subject = subject_before(toks, k, floor=s_first)
            if subject is not None:
                subject = _with_its_quantity(toks, subject, s_first)
            if (
                subject is not None
                # "FBI officials briefed the panel, saying": a group speaks too, and
                # so do a body and a role ("Her campaign blasted out an email stating")
                and (
                    is_capitalised(toks[subject.head])
                    or toks[subject.head].lower in GROUPS
                    or toks[subject.head].lower in ORGANISATION_WORDS
                    or toks[subject.head].lower in ROLES
                )
                # "Republicans on Capitol Hill pounced": a preposition's object (not
                # "about 200 protesters congregated": a number's approximation)
                and (
                    toks[subject.first - 1].lower not in PREPOSITIONS
                    or (
                        toks[subject.first - 1].lower in _APPROXIMATIONS
                        and toks[subject.first].text[:1].isdigit()
                    )
                )
            ):
                # "his campaign sent out a text message saying": kept, if unnamed
                return self._speaker_from(toks, subject)
            if (
                subject is not None
                and subject.first == s_first
                and toks[subject.first].lower in ("the", "a", "an")
                and toks[subject.head].text.isalpha()
                and toks[subject.head].lower not in FUNCTION_WORDS
            ):
                # "The town released a statement Wednesday saying …": a described
                # speaker, kept as the evidence, named by no one.
                return None, self.span_of(toks, subject.first, subject.last)
            return None
        return None

    def _subject_of_a_relative_clause(self, at: _Hanging) -> Found | None:
        """ "… the party's platform planks that support conversion therapy and oppose
        federal intervention": a verb coordinated inside a relative clause is the
        antecedent's act, not the sentence subject's; named or not, it is the
        relative's."""
        toks, cue = at.p.toks, at.cue
        if toks[cue.first - 1].lower != "and":
            return None
        for k in range(cue.first - 2, max(at.s_first, cue.first - 25), -1):
            word = toks[k]
            if word.text in (",", ";", ":") or word.text in DASHES:
                return None
            if word.lower in ("that", "which", "who") and k + 1 < cue.first:
                verb = toks[k + 1]
                if (
                    verb.text.isalpha()
                    and verb.text.islower()
                    and verb.lower not in FUNCTION_WORDS
                    and verb.lower not in DETERMINERS
                    and verb.lower not in PRONOUNS
                ):
                    return self._speaker_from(toks, NounPhrase(k, k, k))
                return None
        return None

    def _subject_opening_the_sentence(self, at: _Hanging) -> Found | None:
        """ "Cruz attacks Rubio and says", "The senator paused and recalled …": the name,
        or the described speaker, that opens the sentence (past a dateline and an opening
        phrase)."""
        toks, cue = at.p.toks, at.cue
        opening = skip_conjunction(toks, at.s_first, cue.first)
        # "Washington (AFP) – Democrat Hillary Clinton has …", "WASHINGTON — Sen. Chuck
        # Grassley …": past a dateline.
        for k in range(opening, min(opening + 8, cue.first)):
            if (
                toks[k].text in DASHES
                and k > opening
                and (
                    toks[k - 1].text == ")"
                    or all(not t.text.isalpha() or t.text.isupper() for t in toks[opening:k])
                )
            ):
                opening = k + 1
                break
        if toks[opening].lower in FUNCTION_WORDS and toks[opening].lower not in DETERMINERS:
            # "At the time, Sanders didn't come out and say": past the opening phrase.
            while opening < cue.first and toks[opening].text != ",":
                opening += 1
            opening += 1
        if opening >= cue.first:
            return None, None
        subject = subject_after(toks, opening)
        if subject is not None and toks[subject.head].lower.endswith(("'s", "’s")):
            # "Donald Trump's wife is … talking up": a described speaker, not Trump.
            if subject.last == subject.head or subject.last >= cue.first:
                return None, None
            return None, self.span_of(toks, subject.first, subject.last)
        if subject is not None and toks[subject.head].lower in DATE_WORDS:
            return None, None  # "His fact-check Wednesday was retweeted": a day, no one
        if subject is not None and is_capitalised(toks[subject.head]) and subject.last < cue.first:
            first = subject.first
            last = subject.head
            while first < last and not is_capitalised(toks[first]):
                first += 1
            # "Cruz attacks Rubio and says": a present tense between names ends the first.
            last = next(
                (
                    k - 1
                    for k in range(first + 1, last)
                    if toks[k].text.isalpha()
                    and toks[k].text.islower()
                    and toks[k].lower.endswith("s")
                    and toks[k].lower not in ROLES
                    and toks[k].lower not in GROUPS
                    and toks[k].lower not in NAME_PARTICLES
                    and is_capitalised(toks[k + 1])
                ),
                last,
            )
            words = self.text[toks[first].start : toks[last].end]
            if (
                self.registry.find(words) is None
                and not self.registry.knows(words)
                and (first == last)
            ):
                return None, None  # "Absent a strong defense, …": not a name we know
            name = self.resolve(toks, NounPhrase(first, last, last), speaks=True)
            if name:
                return name, self.span_of(toks, first, last)
        if (
            subject is not None
            and subject.last < cue.first
            and toks[subject.first].lower in ("the", "a", "an")
            and toks[subject.last].lower in _SPEAKING_NOUNS
        ):
            # "The senator paused and recalled …": a described speaker opens the sentence.
            phrase = NounPhrase(subject.first, subject.last, subject.last)
            return self.resolve(toks, phrase, speaks=True), self.span_of(
                toks, subject.first, subject.last
            )
        return self._name_in_apposition(at, opening) or (None, None)

    def _name_in_apposition(self, at: _Hanging, opening: int) -> Found | None:
        """ "One of Grayson's former supporters who still backs Randolph, former Rep. Pat
        Schroeder, lives in his district and wrote …": the name set off by commas right
        before the sentence's first verb."""
        toks, cue = at.p.toks, at.cue
        verb = next(
            (
                k
                for k in range(opening + 2, min(cue.first, opening + 40))
                if toks[k - 1].text == ","
                and toks[k].text.isalpha()
                and toks[k].text.islower()
                and (toks[k].lower in FINITE_VERBS or toks[k].lower.endswith(("s", "ed")))
                and not at.p.inside[k]
            ),
            None,
        )
        if verb is None:
            return None
        comma = next((k for k in range(verb - 2, opening, -1) if toks[k].text == ","), None)
        if comma is None or not is_capitalised(toks[verb - 2]):
            return None
        name = subject_after(toks, comma + 1)
        if name is None or name.last != verb - 2:
            return None
        return self._named_speaker(toks, name)


def _agree(earlier: Token, later: Token) -> bool:
    """Whether two present-tense verbs can share a subject: not "opposes … and worry"
    (a past tense or a participle agrees with anything)."""
    forms = []
    for verb in (earlier, later):
        word = verb.lower
        if word.endswith(("ed", "ing")) or word in IRREGULAR_PASTS or word not in CUES:
            return True
        forms.append(word.endswith("s") and not word.endswith("ss"))
    return forms[0] == forms[1]


def _with_its_quantity(toks: list[Token], subject: NounPhrase, s_first: int) -> NounPhrase:
    """ "Hundreds of pro-Sanders demonstrators marched …": the group with its amount, so
    that "of" does not make it a preposition's object."""
    of = subject.first - 1
    if of - 1 >= s_first and toks[of].lower == "of" and toks[of - 1].lower in _AMOUNTS:
        return NounPhrase(of - 1, subject.last, subject.head)
    return subject


def _start_of_the_last_clause(
    toks: list[Token], s_first: int, cue: int, inside: list[bool]
) -> int | None:
    """The comma before `cue` where its own clause starts: the last one followed by
    "and"/"but"/"yet" and a new subject (", but Wallace brought …"), else the one that
    closes a subordinate clause opening the sentence ("When …,", "Years after …,")."""
    for k in range(cue - 3, s_first, -1):
        if (
            toks[k].text == ","
            and not inside[k]
            and toks[k + 1].lower in ("and", "but", "yet")
            and (is_capitalised(toks[k + 2]) or toks[k + 2].lower in SUBJECT_STARTS)
        ):
            return k
    opening = clause_opening(toks, s_first, cue)
    if toks[opening].lower not in SUBORDINATORS:
        return None
    return next((k for k in range(opening + 1, cue) if toks[k].text == "," and not inside[k]), None)
