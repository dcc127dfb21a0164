"""Rules for cues without quote marks: reported speech, claims and beliefs.

- `cue-content-after`  Kim demanded swift sanctions relief (indirect, or mixed
  when the clause holds quoted words)
- `cue-content-before` Letters were shared …, reports Mirror Online
- `according-to`       According to X, … / …, according to X
- `seeming`            Cruz seemed lost (the clause around the verb; nobody's words)
- `asked`              Asked if he was ever bullied, Trump said … (the question; the
  asker when named, the one who answers as recipient)
- `headline-colon`     Lewandowski: FBI director acted as 'judge and jury'

A mixin of the sieve's reader: it uses the reader's registry and resolver.
"""

from __future__ import annotations

from quotedb.parse.clauses import (
    CLOSING_MARKS,
    MODALS,
    OPENING_MARKS,
    QUESTION_WORDS,
    SUBJECT_STARTS,
    clause_end,
    close_bracket_after,
    colon_ends_paragraph,
    covers,
    embedded_clause_end,
    ends_without_content,
    introduces_the_next_paragraph,
    is_adjunct,
    is_past_tense,
    open_bracket_before,
    quoted_content,
    skip_conjunction,
    skip_to_that,
)
from quotedb.parse.drafts import Cue, Draft, Paragraph
from quotedb.parse.lexicon import (
    ADJECTIVES_OF_SPEECH,
    ADVERBS_OF_A_NEXT_ACT,
    CUES,
    DATE_WORDS,
    DETERMINERS,
    FINITE_VERBS,
    FUNCTION_WORDS,
    GROUPS,
    HEADLINE_NON_SPEAKERS,
    MEDIA,
    MESSAGE_NOUNS,
    NAMING_PARTICIPLES,
    OWNER_POSSESSIVES,
    PASSIVE_AUXILIARIES,
    PREPOSITIONS,
    PRONOUNS,
    QUANTITY_HEADS,
    ROLES,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TIME_NOUNS,
    TITLES,
    is_participle,
)
from quotedb.parse.media import medium_at
from quotedb.parse.mentions import (
    PARENTHETICAL,
    STANDALONE_QUANTIFIERS,
    NounPhrase,
    in_someone_s_words,
    is_capitalised,
    owned_medium,
    owner_name_end,
    recipient_after,
    subject_after,
    subject_before,
)
from quotedb.parse.text import CONTENT_EDGES, DASHES, Token, trim

# A cue followed by these is not followed by its content ("said on Tuesday",
# "wrote about their meeting", "responded by leading").
_CONTENT_MUST_NOT_START = frozenset(
    [
        "about",
        "outside",
        "inside",
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

# Thought verbs whose content is a question: "wondered whether anyone would testify".
_WONDERING = frozenset({"wonder", "ponder"})

# Verbs whose -ing complement is their subject's act: "kept asking", "began saying".
_ASPECT_VERBS = frozenset(
    ["kept", "keeps", "keep", "began", "begins", "started", "starts", "stopped", "continued"]
)
# Prepositions whose object does not speak for a participle after it: "a statement to
# Wired explaining why", "published research during the convention showing that …".
_PARTICIPLE_PREPOSITIONS = PREPOSITIONS | {"during", "amid", "throughout"}
# Verbs whose object does the infinitive after it: "leading Sperling to counter that".
_CAUSATIVES = frozenset(
    {"leading", "led", "prompting", "prompted", "forcing", "forced", "causing", "caused"}
)
# Verbs that hand their subject to a following "to say" ("went on to say", "wants to
# tell"): a noun before "to" ("his acceptance speech to call for") does not.
_CONTROL_VERBS = frozenset(
    [
        "went",
        "go",
        "goes",
        "going",
        "want",
        "wants",
        "seem",
        "seems",
        "plan",
        "plans",
        "hope",
        "hopes",
        "try",
        "tries",
        "need",
        "needs",
        "has",
        "have",
        "had",
        "is",
        "was",
        "were",
        "are",
        "be",
        "used",
        "continue",
        "continues",
        "continued",
        "decline",
        "declines",
        "refuse",
        "refuses",
    ]
)


class CueRules:
    """Attribute the clause a cue governs to the cue's subject."""

    # ------------------------------------------------------- rules 3, 4, 5
    def cue_attribution(
        self, p: Paragraph, ci: int, used: dict[int, Draft], drafts: list[Draft]
    ) -> Draft | None:
        """The attribution a cue without quote marks makes: the special frames first
        (according to, quote signers, nominals, "as", "seem", "asked", an opening
        participle), then its subject, and the content before it (rule 4, "…, X said") or
        after it (rule 3, "X said that …")."""
        cue = p.cues[ci]
        toks = p.toks
        s_first, s_last = p.bounds[p.sentence_of[cue.first]]
        sentence = self.text[toks[s_first].start : toks[s_last].end]
        if "(" in sentence or ")" in sentence:
            s_first, s_last = _within_parentheses(toks, cue, s_first, s_last)
        if cue.verb is None:
            return self._according_to(p, cue, s_first, s_last)
        if "quote" in cue.verb.frames:
            # "he laughed": it signs a quotation, never reports a claim; "… released the
            # following statement:" ending its paragraph signs the next paragraph's.
            subject = subject_of(toks, cue, s_first)
            if subject is not None and colon_ends_paragraph(toks, cue.last + 1):
                draft = self._draft_for_next_paragraph(p, cue, subject)
                if p.media[cue.last] and draft.source_kind is None:
                    draft.source_kind = p.media[cue.last]  # "… the following statement:"
                    draft.source_evidence = self.span_of(toks, cue.last, cue.last)
                self.pending_colon = draft
            return None
        if cue.verb.cls == "nominal":
            return self._nominal(p, cue, s_first, s_last)
        if "as" in cue.verb.frames and not self._sees_as(toks, cue, s_first, s_last):
            return None  # "cast a ballot", "a follow-up saw further stalemate as …"
        if "seem" in cue.verb.frames:
            return self._seeming(p, cue, s_first, s_last, drafts)
        if toks[cue.first].lower == "asked" and _opens_an_aside(toks, s_first, cue.first):
            return self._asked(p, cue, s_last)
        if toks[cue.first].lower == "asked" and toks[cue.first - 1].lower in PASSIVE_AUXILIARIES:
            # "Clinton was asked whether she would …": she is asked, by whoever asks.
            asked = subject_before(toks, cue.first - 1, floor=s_first)
            return self._asked(p, cue, s_last, asked) if asked is not None else None
        if toks[cue.first].lower.endswith("ing") and _opens_the_sentence(toks, s_first, cue.first):
            return self._opening_participle(p, cue, s_last)
        subject = subject_of(toks, cue, s_first)
        if subject is not None and _after_a_fronted_quantifier(toks, subject, s_first):
            return None
        if (
            subject is not None
            and toks[cue.first].lower.endswith("ing")
            and subject.first - 2 >= s_first
            and toks[subject.first - 1].lower in ("after", "before")
            and is_past_tense(toks[subject.first - 2])
        ):
            subject = None  # "Bush went after Trump at the debate refusing …": an object
        if (
            subject is not None
            and toks[cue.first].lower.endswith("ing")
            and subject.first - 1 >= s_first
            and toks[subject.first - 1].lower in _PARTICIPLE_PREPOSITIONS
            # "…, with Senator John McCain telling reporters …", "interviewed about Pope
            # Francis calling Christmas a sham": with/about NP V-ing, NP speaks.
            and not (
                toks[subject.first - 1].lower in ("with", "about")
                and all(t.text != "," for t in toks[subject.first : subject.last + 1])
            )
            # "much of it from Bernie Sanders supporters seeking to defeat …", "heat from
            # a civil rights group demanding …": people, or a body of them, act
            and not (
                (toks[subject.head].lower in GROUPS or toks[subject.head].lower in _BODIES)
                and subject.last == cue.first - 1
                and toks[subject.first - 1].lower != "to"
            )
        ):
            subject = None  # "a statement to Wired explaining why": Wired is not explaining
        if (
            subject is not None
            and toks[cue.first].lower.endswith("ing")
            and subject.first > s_first
            and toks[subject.first - 1].lower in _SENDING_VERBS
        ):
            # "a letter the campaign sent the DNC on Monday alleging …": the sender says it.
            subject = subject_before(toks, subject.first - 1, floor=s_first)
            if subject is None:
                return None
        if (
            subject is not None
            and toks[cue.first].lower.endswith("ing")
            and toks[subject.head].lower in MESSAGE_NOUNS
        ):
            subject = None  # "Trump fired back a response saying …": Trump says it
        named_thing = _names_a_thing(toks, cue, subject, s_first)
        if (
            subject is not None
            and subject.last + 2 < cue.first
            and toks[cue.first - 1].text == ","
            and any(s_first <= c.first and c.last < subject.first for c in p.cues)
        ):
            # "Mr. Obama warned the Chinese leader, Xi Jinping, during their meeting not
            # to …, said an American official": a name stepped over an aside to reach the
            # cue, but an earlier cue governs it; the speaker follows the cue.
            subject = None
        colon = colon_ends_paragraph(toks, cue.last + 1)
        if colon:
            # "In a speech last July, he said:" and the quote is the next paragraph;
            # "Stated Stone:", the speaker after the cue.
            if subject is None and cue.first == s_first and "inv" in cue.verb.frames:
                subject = subject_after(toks, cue.last + 1)
            if subject is not None:
                self.pending_colon = self._draft_for_next_paragraph(p, cue, subject)
            return None
        if subject is not None and introduces_the_next_paragraph(toks, cue.last, s_last, p.inside):
            # "…, the committee said about its platform:" and the quote is the next
            # paragraph; the words up to the colon stay this cue's own content.
            self.pending_colon = self._draft_for_next_paragraph(p, cue, subject)
        inverted = False
        if (
            subject is None
            and cue.first > s_first
            and toks[cue.first - 1].text == ","
            and "inv" in cue.verb.frames
            and not toks[cue.last].lower.endswith("ing")  # "…, saying that X": no inversion
        ):
            subject = subject_after(toks, cue.last + 1)
            inverted = subject is not None
            if inverted and _opens_a_clause(toks, subject, s_last):
                # "Levin, a superdelegate supporting Clinton, said he has spoken …": the
                # phrase opens the content; the speaker is the name before the aside.
                subject, inverted = _opening_name(toks, s_first, cue.first - 1), False
        if subject is not None and not inverted:
            reported = self._as_reported(p, cue, subject, s_first, s_last)
            if reported is not None:
                return reported
        end = clause_end(toks, cue.last + 1, s_last, p.inside)
        end = embedded_clause_end(toks, s_first, cue.first, end, p.inside)
        end = _on_to_a_quote(p, end, s_last)
        if subject is not None and _modifies_its_subject(toks, cue, subject):
            end = _before_the_outer_verb(toks, cue.last + 1, end, p.inside)
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
        elif (
            subject is not None
            and subject.first - 2 >= s_first
            and toks[subject.first - 1].text in CLOSING_MARKS
            and toks[subject.first - 2].text == ","
        ):
            # `because of the "impact," Jacobs said, that he has had`: the comma is
            # inside the quote, and the content keeps the closing mark.
            comma = subject.first - 1
            tail_from = cue.last + 1
        elif subject is not None and is_capitalised(toks[subject.head]):
            comma = _comma_before_a_description(toks, subject.first, s_first, p.inside)
            tail_from = cue.last + 1
            if comma is not None:
                # The evidence is the whole description: "Justice Department senior
                # trial counsel Caroline Lewis Wolverton", not "counsel Caroline …".
                subject = NounPhrase(comma + 1, subject.last, subject.head)
        if comma is not None and "rcpt" in cue.verb.frames and tail_from <= s_last:
            addressee = recipient_after(toks, tail_from)  # "…, Carter told a Senate panel."
            if addressee is not None and addressee.last <= s_last:
                tail_from = addressee.last + 1
        if comma is not None and ends_without_content(toks[tail_from : s_last + 1], inverted):
            lo = skip_conjunction(toks, s_first, comma)
            if comma - lo < 3:
                return None
            span = trim(self.text, toks[lo].start, _before_the_comma(toks, comma))
            draft = self._indirect(p, cue, subject, [span], "cue-content-before", 0.7)
            if inverted and cue.verb.lemma == "report" and draft.speaker:
                # "Letters have been shared …, reports Mirror Online": the outlet that
                # relays the story, the last link of every medium's reporting chain.
                self.media.relayed_by(draft.speaker)
            return draft
        if comma is not None and not inverted:
            parenthetical = self._parenthetical(p, cue, comma, tail_from, s_first, s_last)
            if parenthetical is not None:
                return self._indirect(p, cue, subject, parenthetical, "cue-content-before", 0.65)
        if (
            inverted
            or subject is None
            and not cue.verb.lemma.endswith("ing")
            and not toks[cue.first].lower.endswith("ing")
        ):
            # "… and (then) tweeted that …": a verb coordinated with the one before.
            before = cue.first - 1
            while before > s_first and (
                toks[before].lower in _COORDINATED_ADVERBS
                or (
                    toks[before].text.islower()
                    and toks[before].lower.endswith("ly")
                    and toks[before].lower not in _ADJECTIVE_ADVERBS
                )
            ):
                before -= 1  # "… and generally agree that …"
            if subject is None and toks[max(before, 0)].lower in ("and", "but", "or"):
                pass
            elif subject is None:
                return None
        # Rule 3: content after the cue.
        return self._content_after_the_cue(p, cue, subject, named_thing, s_first, end, drafts)

    def _content_after_the_cue(
        self,
        p: Paragraph,
        cue: Cue,
        subject: NounPhrase | None,
        named_thing: bool,
        s_first: int,
        end: int,
        drafts: list[Draft],
    ) -> Draft | None:
        """Rule 3: "Kim demanded swift sanctions relief", "told Trump that …": the clause
        after the cue up to `end`, past its addressee, with the recipient and, for a
        naming cue, the one named."""
        toks = p.toks
        start = cue.last + 1
        if (
            start <= end
            and toks[start].text in DASHES
            and any(toks[k].text == toks[start].text for k in range(s_first, cue.first))
        ):
            return None  # "— as Democrats allege, but Moscow denies — …": the aside ends
        if start < end and toks[start].text in DASHES:
            signer = subject_after(toks, start + 1)
            if signer is not None and signer.last < end and toks[signer.last + 1].text == ":":
                return None  # "Pollsters agree - Carl Bialik: "…"": the name signs what follows
        recipient = None
        if "rcpt" in cue.verb.frames:
            recipient = recipient_after(toks, start)
            that = _that_after_the_addressee(toks, start, end, cue.verb.lemma == "ask")
            if that is not None:
                start = that  # "told The Post and Courier newspaper on Saturday that …"
            elif recipient is not None and not (
                recipient.last + 1 <= end
                and (
                    # "asked Trump about his statements": whom and what, the content
                    (cue.verb.lemma == "ask" and toks[recipient.last + 1].lower == "about")
                    # "urged the State Department to review …": whom, asked to do what
                    or toks[recipient.last + 1].lower == "to"
                    # "chided Trump for raising questions …": whom, and for what
                    or (
                        toks[recipient.last + 1].lower == "for"
                        and recipient.last + 2 <= end
                        and toks[recipient.last + 2].lower.endswith("ing")
                    )
                )
            ):
                start = recipient.last + 1
        elif "to" in cue.verb.frames and start < end and toks[start].lower == "to":
            # "wrote to Senator Reed that …" (not "responded to questions about complaints
            # by Jack Lew that …": the clause is what the addressee's phrase holds)
            addressee = recipient_after(toks, start + 1)
            that = addressee.last + 1 if addressee is not None else end
            if that < end and toks[that].lower in ("that", "how", "why", "whether"):
                recipient, start = addressee, that
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
        start = self._start_of_the_content(p, cue, start, end)
        if start is None:
            return None
        if end - start < 1:
            return None
        span = trim(self.text, toks[start].start, toks[end].end, CONTENT_EDGES)
        if span[1] - span[0] < 3:
            return None
        if subject is None:
            draft = self._indirect(p, cue, None, [span], "cue-content-after", 0.55)
            draft.speaker, draft.mention = self.implicit_subject(p, cue, drafts)
            if draft.mention is None:
                return None  # nobody in sight; a described one ("The senator") stays unnamed
        else:
            draft = self._indirect(p, cue, subject, [span], "cue-content-after", 0.75)
        if named_thing:
            draft.speaker = None
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

    @staticmethod
    def _start_of_the_content(p: Paragraph, cue: Cue, start: int, end: int) -> int | None:
        """Where the content after the cue starts: past "that", punctuation and a leading
        adjunct; None when what follows is no content ("said Monday in an interview",
        "spoke about the war", "said to reporters", "knows what he'll do next")."""
        toks = p.toks
        start = skip_to_that(toks, start, end, p.inside)
        while start <= end and toks[start].text in (",", ":"):
            start += 1
        if start > end:
            return None
        start = _past_a_leading_adjunct(toks, start, end)
        if is_adjunct(toks[start : end + 1]) and not p.headline:
            return None  # "said Monday in an interview": when and where, not what
        first_word = toks[start].lower
        # "boasting about "winning"", "joked about Clinton's "interesting friendship"":
        # a topic that holds the speaker's own words is what was said (not "reminds me
        # of", nor the noun in "chants of").
        if (
            first_word in ("about", "of")
            and start == cue.last + 1
            and cue.verb.cls in ("speech", "claim")
            and cue.verb.lemma != "remind"
            and toks[cue.last].lower != cue.verb.lemma
            and not toks[cue.last].lower.endswith("s")
            and start + 1 <= end
            and not toks[start + 1].text[:1].isdigit()
            and toks[start + 1].lower not in QUANTITY_HEADS
            and any(p.inside[start + 1 : end + 1])
        ):
            start += 1
            first_word = toks[start].lower
        following = toks[start + 1] if start + 1 <= end else None
        if (
            first_word in _CONTENT_MUST_NOT_START
            and not (
                following is not None
                and (
                    (first_word == "no" and following.lower == "matter")
                    # `said because Obama is popular, "he's a good surrogate"`: a reason
                    # clause fronted inside what was said, its main clause after the comma
                    or (
                        first_word == "because" and _a_main_clause_after(toks, start, end, p.inside)
                    )
                    or (
                        first_word == "about"
                        and (following.text[:1].isdigit() or following.lower in QUANTITY_HEADS)
                    )
                )
            )
        ):  # "said no to the war", "spoke about the war"; but "says no matter what …",
            # "said about half of the cuts …" are content
            return None
        if first_word == "to" and (
            "to" in cue.verb.frames
            or start + 1 > end
            or is_capitalised(toks[start + 1])
            or toks[start + 1].lower in DETERMINERS
            or toks[start + 1].lower in PRONOUNS
        ):
            return None  # "said to reporters", "spoke to him": an addressee, not content
        if first_word == "to" and "aspect" in cue.verb.frames:
            # "continued to lead the polls"; "continued to insist that …" is insist's
            return None
        if (
            first_word in QUESTION_WORDS
            and cue.verb.cls == "thought"
            and cue.verb.lemma not in _WONDERING
        ):
            return None  # "Rubio knows what he'll do next": a question, not a belief
        return start

    def headline_colon(self, p: Paragraph) -> Draft | None:
        """ "Lewandowski: FBI director acted as 'judge and jury'", "Q: How did it go?": a
        paragraph that opens with a short name and a colon gives that name the rest."""
        toks = p.toks
        colon = next((k for k in range(1, min(len(toks), 9)) if toks[k].text == ":"), None)
        if colon is None or colon + 3 >= len(toks) or p.inside[colon + 1]:
            return None  # nothing after the colon, or a quote (the quote rules' case)
        first = 1 if toks[0].lower == "the" and colon > 1 else 0  # "The Latest: …"
        if (
            toks[first].lower in HEADLINE_NON_SPEAKERS
            or toks[first].lower in DATE_WORDS  # "Today: …"
            or not is_capitalised(toks[0])
        ):
            return None
        if any(t.text[:1].isdigit() for t in toks[: colon + 2]):
            return None  # "10:30", "Jan. 5:", "Clinton: 547.": a time, a date, a count
        if colon > 1 and all(t.text.isupper() for t in toks[:colon] if t.text.isalpha()):
            return None  # "FIX IS IN: …", "BREAKING NEWS: …": a kicker, not a name
        # The speaker is the capitalised run before any "on …"/"at …" topic; any other
        # word before the colon makes it a sentence ("The challenge is steep: …").
        last = 0
        while last + 1 < colon and (
            is_capitalised(toks[last + 1]) or toks[last + 1].text in ("'s", "’s", ".")
        ):
            last += 1
        if last + 1 < colon and toks[last + 1].lower not in ("on", "at", "in", "to"):
            return None
        if any(
            t.lower in FUNCTION_WORDS or t.lower.endswith(("'s", "’s"))
            for t in toks[first : last + 1]
        ) and not (
            # "A: …" (an interview's answer), "Clinton's:" (a lone possessive name)
            first == last
            and (len(toks[first].text) == 1 or toks[first].lower.endswith(("'s", "’s")))
        ):
            return None  # "Editor's Note:", "Big Win For Bernie:": a headline, not a name
        speaker = NounPhrase(0, last, last)
        span = trim(self.text, toks[colon + 1].start, toks[-1].end, CONTENT_EDGES)
        items = self.text[span[0] : span[1]].split(",")
        if len(items) >= 3 and all(w[:1].isupper() for item in items for w in item.split()):
            return None  # "Iowa: Tim Albrecht, Brad Anderson, …": a list of names
        draft = Draft(
            kind="indirect",
            spans=[span],
            rule="headline-colon",
            confidence=0.5,
            cue=self.span_of(toks, colon, colon),
            paragraph=p.index,
            mention=self.span_of(toks, 0, last),
            # "Q: …", "A: …": an interview's turns; who asks or answers is not named.
            speaker=None if len(toks[0].text) == 1 else self.resolve(toks, speaker, speaks=True),
        )
        quoted = [q for q in p.quotes if span[0] <= q.start and q.end <= span[1]]
        if quoted:
            draft.kind = "direct" if covers(self.text, span, quoted[0]) else "mixed"
        return draft

    def _asked(
        self, p: Paragraph, cue: Cue, s_last: int, asked: NounPhrase | None = None
    ) -> Draft | None:
        """ "Asked if he was ever bullied, …", "When asked by a reporter whether …": the
        question is the content; its asker, when named, is the speaker."""
        toks = p.toks
        start = cue.last + 1
        asker = None
        if start <= s_last and toks[start].lower == "by":
            opener = next(
                (
                    k
                    for k in range(start + 2, min(start + 8, s_last) + 1)
                    if toks[k].lower in _ASKED_OPENERS
                ),
                None,
            )
            if opener is None:
                return None
            # "asked by Ingraham on Thursday about …": the asker, not the day.
            asker = subject_after(toks, start + 1)
            if asker is None or asker.last >= opener:
                asker = NounPhrase(start + 1, opener - 1, opener - 1)
            start = opener
        if start > s_last or toks[start].lower not in _ASKED_OPENERS:
            return None
        end = next(
            (
                k - 1
                for k in range(start + 1, s_last + 1)
                if toks[k].text == "," and not p.inside[k]
            ),
            s_last,
        )
        if end - start < 1:
            return None
        span = trim(self.text, toks[start].start, toks[end].end, CONTENT_EDGES)
        draft = self._indirect(p, cue, asker, [span], "asked", 0.6)
        if asker is not None and draft.speaker is None:
            return None
        # "…, Trump said no": the one asked answers in the main clause.
        if asked is None and end + 2 <= s_last:
            asked = subject_after(toks, end + 2)
        if asked is not None:
            name = self.resolve(toks, asked, speaks=False)
            if name:
                draft.recipients.append(name)
        return draft

    def _seeming(
        self, p: Paragraph, cue: Cue, s_first: int, s_last: int, drafts: list[Draft]
    ) -> Draft | None:
        """ "the Trump team appeared paralyzed": an impression, not anyone's words. The
        content is the subject and the complement around the verb; the speaker is null."""
        toks = p.toks
        subject = subject_of(toks, cue, s_first)
        if (
            subject is not None
            and subject.first == subject.head
            and toks[subject.head].lower == "it"
        ):
            return self._it_seems(p, cue, s_last)
        if (
            subject is None
            or any(p.inside[subject.first : cue.last + 1])
            or toks[subject.head].lower in ("it", "that", "which", "who", "what")
        ):
            return None  # "the issue that seemed": no clause of its own here
        if any(d.spans[0][0] <= toks[cue.first].start < d.spans[-1][1] for d in drafts):
            return None  # "polls show Kasich appears to lead": part of what the polls show
        end = clause_end(toks, cue.last + 1, s_last, p.inside)
        if end <= cue.last or any(p.inside[cue.last + 1 : end + 1]):
            return None
        if cue.verb.lemma == "appear" and toks[cue.last + 1].lower in _PLACES_TO_APPEAR:
            return None  # "Trump appeared at the debate anyway": he showed up
        if toks[cue.last + 1].lower == "to" and toks[min(cue.last + 2, end)].lower in CUES:
            return None  # "Trump seemed to suggest …": the suggestion is Trump's
        if any(t.lower == "that" for t in toks[cue.last + 1 : min(cue.last + 4, end + 1)]):
            return None  # "Rubio seemed hopeful that …": Rubio's hope
        spans = [
            trim(self.text, toks[subject.first].start, toks[cue.first - 1].end),
            trim(self.text, toks[cue.last + 1].start, toks[end].end, CONTENT_EDGES),
        ]
        return Draft(
            kind="indirect",
            spans=spans,
            rule="seeming",
            confidence=0.4,
            cue=self.span_of(toks, cue.first, cue.last),
            paragraph=p.index,
            cue_index=(cue.first, cue.last),
        )

    def _it_seems(self, p: Paragraph, cue: Cue, s_last: int) -> Draft | None:
        """ "It seems increasingly likely that Trump will be the nominee": the clause
        after "it seems (likely) (that)" is the impression; nobody voices it."""
        toks = p.toks
        start = cue.last + 1
        while start <= s_last and toks[start].lower in _IMPRESSION_WORDS:
            start += 1
        if start > s_last or toks[start].lower == "to" or not toks[start].text[:1].isalpha():
            return None  # "it seems to me", "it seems, …": no clause follows
        end = clause_end(toks, start, s_last, p.inside)
        if end - start < 2:
            return None
        span = trim(self.text, toks[start].start, toks[end].end, CONTENT_EDGES)
        return self._indirect(p, cue, None, [span], "seeming", 0.4)

    def _draft_for_next_paragraph(self, p: Paragraph, cue: Cue, subject: NounPhrase) -> Draft:
        toks = p.toks
        draft = Draft(
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

    def _nominal(self, p: Paragraph, cue: Cue, s_first: int, s_last: int) -> Draft | None:
        """ "Mr. Obama's calls for tighter gun control": the owner said the rest."""
        toks = p.toks
        subject = subject_of(toks, cue, s_first)  # the owner: "his", "Mr. Obama's"
        link = cue.last + 1
        if subject is None:
            # "the contention of Hillary Clinton that …", "the suggestion by a potential
            # president that …": the owner follows the noun
            subject = owner_after_the_noun(toks, cue.last)
            if subject is None or subject.last >= s_last:
                return None
            link = subject.last + 1
        if (
            toks[link].lower in ("was", "is")
            and link + 1 <= s_last
            and toks[link + 1].lower == "that"
        ):
            link += 1  # "Beck's contention was that …"
        if (
            toks[link].lower == "that"
            and link + 1 <= s_last
            and (
                toks[link + 1].lower in FINITE_VERBS
                or toks[link + 1].lower in MODALS
                or is_past_tense(toks[link + 1])
            )
        ):
            return None  # "his remarks that fired them up": a relative clause, no content
        start = link if toks[link].lower in ("for", "that", "to") else link + 1
        end = clause_end(toks, start, s_last, p.inside)
        quote = called_out_quote(toks, cue.first)
        if quote is not None:
            # "chants of “Ted! Ted!” were cut short": the quotation alone
            start = quote + 1
            end = next((k for k in range(start, s_last + 1) if not p.inside[k]), s_last + 1) - 1
        if (
            link == cue.last + 1  # not "Beck's contention was that …": a complement
            and toks[link].lower == "that"
            and skip_conjunction(toks, s_first, subject.first) == subject.first
        ):
            end = _before_the_main_verb(toks, link + 1, end, p.inside)
        if toks[link].lower == "to":
            # "Despite George Will's call to abandon Trump, he still …": an infinitive's
            # content ends at its comma.
            end = next(
                (k - 1 for k in range(start, end + 1) if toks[k].text == "," and not p.inside[k]),
                end,
            )
        if start > end:
            return None
        span = trim(self.text, toks[start].start, toks[end].end, CONTENT_EDGES)
        if span[1] - span[0] < 3:
            return None
        draft = self._indirect(p, cue, None, [span], "nominal", 0.5)
        draft.mention = self.span_of(toks, subject.first, subject.last)
        owner = toks[subject.head]
        if owner.lower in OWNER_POSSESSIVES:
            pronoun = {"his": "he", "her": "she"}.get(owner.lower, "they")
            draft.speaker = self.registry.pronoun(
                pronoun, owner.start, owner.end, True, toks[s_first].start
            )
        else:
            draft.speaker = self.resolve(toks, subject, speaks=True)
        if (
            draft.speaker is None
            and owner.lower.endswith(("'s", "’s"))
            and owner.lower[:-2] in ROLES  # not "the council's support": a body
        ):
            # "The Florida senator's answer was that …": the one the description names
            start, end = self.span_of(toks, subject.first, subject.last)
            draft.speaker = self.registry.description(self.text[start : end - 2], start, end - 2)
        return draft

    def _according_to(self, p: Paragraph, cue: Cue, s_first: int, s_last: int) -> Draft | None:
        """ "According to X, …", "…, according to X." and "…, according to X, …"; "in X's
        words, …" and "in the words of X, …" alike."""
        toks = p.toks
        words = in_someone_s_words(toks, cue.first)
        source = words[1] if words and words[1] else _source_after(toks, cue.last + 1, s_last)
        if source is None:
            return None
        spans = []
        lo = skip_conjunction(toks, s_first, cue.first)
        # not "… because, according to Forbes, they are …": "because" opens the words after
        opens = cue.first - 2 >= lo and toks[cue.first - 2].lower in SUBORDINATORS
        if cue.first - lo >= 2 and not opens:
            spans.append(trim(self.text, toks[lo].start, toks[cue.first - 1].end))
        after = max(source.last, cue.last) + 1
        if after <= s_last and toks[after].text == ",":
            end = clause_end(toks, after + 1, s_last, p.inside)
            if end > after + 1:
                spans.append(trim(self.text, toks[after + 1].start, toks[end].end, CONTENT_EDGES))
        spans = [span for span in spans if span[1] - span[0] >= 3]
        if not spans:
            return None
        return self._indirect(p, cue, source, spans, "according-to", 0.7)

    def _parenthetical(
        self, p: Paragraph, cue: Cue, comma: int, tail_from: int, s_first: int, s_last: int
    ) -> list[tuple[int, int]] | None:
        """ "So it makes sense, strategists said, for Democrats to …": a cue set off by
        commas inside its content; the content is both sides of it."""
        toks = p.toks
        closing = next(
            (k for k in range(tail_from, min(s_last, tail_from + 4) + 1) if toks[k].text == ","),
            None,
        )
        if closing is None or not is_adjunct(toks[tail_from:closing]):
            return None
        lo = skip_conjunction(toks, s_first, comma)
        if cue.verb is not None and cue.verb.cls == "naming":
            return None  # "Trump called Clinton, his rival, an ISIS "co-founder"": its object
        end = clause_end(toks, closing + 1, s_last, p.inside)
        if comma - lo < 2 or end - closing < 3 or toks[closing + 1].lower in CUES:
            return None
        return [
            trim(self.text, toks[lo].start, _before_the_comma(toks, comma)),
            trim(self.text, toks[closing + 1].start, toks[end].end, CONTENT_EDGES),
        ]

    def _opening_participle(self, p: Paragraph, cue: Cue, s_last: int) -> Draft | None:
        """ "Noting that the polls were close, Clinton said …": a sentence that opens
        with a participle cue; its content runs to the comma, and the subject of the
        main clause after it is the speaker."""
        toks = p.toks
        # The comma that closes the participle's clause, or (`Acknowledging that Trump
        # "says a lot," Allen …`) the quote mark that closes on one.
        closing = next(
            (
                k
                for k in range(cue.last + 1, s_last)
                if (toks[k].text == "," and not p.inside[k])
                or (toks[k].text == "," and p.inside[k] and not p.inside[k + 1])
            ),
            None,
        )
        if closing is None or closing - cue.last < 3:
            return None
        last = closing - 1 if not p.inside[closing] else closing + 1
        main = last + 1 if p.inside[closing] else closing + 1
        if main + 1 < s_last and toks[main].lower in PARENTHETICAL and toks[main + 1].text == ",":
            main += 2  # `Acknowledging that …, though, Allen did suggest`
        subject = subject_after(toks, main)
        if subject is None or subject.last >= s_last:
            return None
        span = trim(self.text, toks[cue.last + 1].start, toks[last].end, CONTENT_EDGES)
        draft = self._indirect(p, cue, subject, [span], "cue-content-after", 0.6)
        return draft if draft.speaker else None

    def _as_reported(
        self, p: Paragraph, cue: Cue, subject: NounPhrase, s_first: int, s_last: int
    ) -> Draft | None:
        """ "As The Hill reported, Donald Trump was also accused …", "But as Clyburn
        noted in an op-ed, …": the "as" clause names the source of the main clause."""
        toks = p.toks
        opening = skip_conjunction(toks, s_first, cue.first)
        if toks[opening].lower in ("although", "though") and opening + 1 < cue.first:
            opening += 1  # "(although as Tuesday's results show, Florida may …)"
        if toks[opening].lower != "as" or subject.first <= opening:
            return None
        if subject.first - opening > 5 or any(t.text == "," for t in toks[opening : subject.first]):
            return None  # "As White House press secretary Josh Earnest explained, …"
        comma = next(
            (k for k in range(cue.last + 1, min(s_last, cue.last + 10) + 1) if toks[k].text == ","),
            None,
        )
        if comma is None or comma >= s_last:
            return None
        said_where = [t for t in toks[cue.last + 1 : comma] if t.lower != "just"]  # "just today"
        if said_where and said_where[0].lower in ("in", "on", "via"):
            # "noted in an op-ed Thursday": where it was said may name the medium.
            said_where = [t for t in said_where if t.lower not in MEDIA]
        if not is_adjunct(said_where):
            return None
        end = clause_end(toks, comma + 1, s_last, p.inside)
        if end - comma < 3:
            return None
        span = trim(self.text, toks[comma + 1].start, toks[end].end, CONTENT_EDGES)
        return self._indirect(p, cue, subject, [span], "as-reported", 0.7)

    def _indirect(
        self,
        p: Paragraph,
        cue: Cue,
        subject: NounPhrase | None,
        spans: list[tuple[int, int]],
        rule: str,
        confidence: float,
    ) -> Draft:
        toks = p.toks
        quoted = [q for q in p.quotes if spans[0][0] <= q.start and q.end <= spans[-1][1]]
        if quoted and len(spans) == 1 and covers(self.text, spans[0], quoted[0]):
            kind = "direct"
            spans = [quoted_content(self.text, quoted[0])]
        else:
            kind = "mixed" if quoted else "indirect"
        draft = Draft(
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
            draft.speaker = self.resolve(toks, subject, speaks=True)
            if draft.speaker is None:
                draft.speaker = self._medium_speaker(p, subject)
        return draft

    @staticmethod
    def _sees_as(toks: list[Token], cue: Cue, s_first: int, s_last: int) -> bool:
        """Whether a cue that needs "as" has it ("cast himself as an outsider") and, for a
        view ("saw the vote as a betrayal"), someone to hold it: a name, a pronoun, a
        group, a role or "some", not "a follow-up in February saw further stalemate
        as …"."""
        if not any(t.lower == "as" for t in toks[cue.last + 1 : min(s_last, cue.last + 12) + 1]):
            return False
        if cue.verb.cls != "thought":
            return True
        subject = subject_of(toks, cue, s_first)
        if subject is None:
            return False
        head = toks[subject.head]
        return (
            is_capitalised(head)
            or head.lower in PRONOUNS
            or head.lower in GROUPS
            or head.lower in ROLES
            or head.lower in STANDALONE_QUANTIFIERS  # "Some saw his comments as …"
        )

    def _medium_speaker(self, p: Paragraph, subject: NounPhrase) -> str | None:
        """ "In the letters, one described …": the letter's author speaks."""
        toks = p.toks
        word = toks[subject.head].lower
        if word not in ("one", "it", "letter", "note", "another") and p.media[subject.head] is None:
            return None
        s_first, _ = p.bounds[p.sentence_of[subject.first]]
        for k in range(s_first, subject.last + 1):
            kind = p.media[k]
            if kind and not p.inside[k]:  # an "email" inside the quote is not its medium
                medium = self.media.by_author(kind, None)
                if medium and medium.author:
                    return medium.author
                owned = owned_medium(toks, k, s_first)
                if owned is not None:
                    # "Palin's posts about ISIS include one saying …": the owner's, as
                    # resolve reads a medium phrase
                    return self.resolve(toks, owned, speaks=True)
        return None

    def _recipient(self, p: Paragraph, cue: Cue, draft: Draft) -> None:
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


def _before_the_main_verb(toks: list[Token], first: int, end: int, inside: list[bool]) -> int:
    """ "Trump's claim that Clinton is playing the "woman's card" and would be a failed
    candidate if she were a man touched off a debate", "Sanders's claim that he still has
    a way to the nomination would depend on …": a speech noun opening the sentence is
    its subject, and the content ends before the sentence's own verb: once the content
    has a verb, a past tense (or an auxiliary) right after a noun."""
    seen_a_verb = False
    for k in range(first + 1, end + 1):
        if inside[k]:
            continue
        word, before = toks[k], toks[k - 1]
        past = is_past_tense(word)
        auxiliary = word.lower in _MAIN_AUXILIARIES and not before.lower.endswith("s")
        if (
            seen_a_verb
            and (past or auxiliary)
            and before.text.isalpha()
            and before.text.islower()
            and before.lower not in FUNCTION_WORDS
            and before.lower not in PRONOUNS
            and not before.lower.endswith(("ly", "ed"))
        ):
            return k - 1
        seen_a_verb = seen_a_verb or past or word.lower in FINITE_VERBS or word.lower in MODALS
    return end


# Auxiliaries that may take up a sentence after its long subject ("… would depend on").
_MAIN_AUXILIARIES = MODALS | {"had", "has", "was", "is", "would", "will"}


def owner_after_the_noun(toks: list[Token], k: int) -> NounPhrase | None:
    """The named or described owner of the speech noun at k when it follows the noun,
    right before the "that" of the content: "the contention of Hillary Clinton that …",
    "the suggestion by a potential president that …"."""
    by = k + 1
    if by + 2 >= len(toks) or toks[by].lower not in ("of", "by"):
        return None
    owner = subject_after(toks, by + 1)
    if (
        owner is None
        or owner.last + 1 >= len(toks)
        or toks[owner.last + 1].lower != "that"
        or not (is_capitalised(toks[owner.head]) or toks[owner.head].lower in ROLES)
    ):
        return None
    return owner


def _source_after(toks: list[Token], start: int, s_last: int) -> NounPhrase | None:
    """What "according to" names, up to its comma: "numerous sources", "early results of
    exit polls conducted by Edison Research", "election lawyer Charlie Spies"."""
    last = start
    while (
        last + 1 <= s_last
        and last - start < 20
        and toks[last + 1].text not in (",", ";", "(", ")", ".", ":")
    ):
        last += 1
    if start > s_last or not toks[start].text[:1].isalnum():
        return None
    # The speaker is the first noun group: "exit polls conducted by Edison Research"
    # are the polls' words, not Edison's; "election lawyer Charlie Spies" is Spies.
    head = start
    while (
        head + 1 <= last
        and toks[head + 1].lower not in PREPOSITIONS
        and toks[head + 1].lower
        not in ("conducted", "released", "published", "obtained", "provided", "and")
    ):
        head += 1
    return NounPhrase(start, last, head)


def _past_a_leading_adjunct(toks: list[Token], start: int, end: int) -> int:
    """ "said in a statement Thursday night they pulled the listing": the content
    starts after the adjunct, where a clause opens (a pronoun, "the", a name, or an
    infinitive: "promised on Tuesday to refrain from …")."""
    if (
        toks[start].lower in ("last", "this", "earlier")
        and start + 2 <= end
        and (toks[start + 1].lower in TIME_NOUNS or toks[start + 1].lower in DATE_WORDS)
        and toks[start + 2].lower in ("he", "she", "they", "it", "we", "i", "the", "that")
    ):
        return start + 2  # "told The Star-Ledger last week she would rather vote …"
    if toks[start].lower not in ("in", "on", "at", "during"):
        return start
    # "wrote in both listings he was …", "said in politics it takes time": a short
    # phrase of plain nouns, then a subject pronoun.
    k = start + 1
    if k <= end and toks[k].lower in ("both", "all", "each", "his", "her", "their", "its"):
        k += 1
    nouns = k
    while k <= end and k - nouns < 2 and _a_plain_noun(toks[k]):
        k += 1
    if nouns < k <= end and toks[k].lower in ("he", "she", "they", "it", "we", "i"):
        return k
    for k in range(start + 1, min(end, start + 8) + 1):
        token = toks[k]
        if token.lower in ("he", "she", "they", "it", "we", "i", "the", "there", "that"):
            return k if k > start + 1 else start
        if token.lower == "to" and k > start + 1 and k < end and _opens_an_infinitive(toks[k + 1]):
            return k
        if not (is_adjunct([token]) or token.text[:1].isdigit()):
            return start
    return start


def _a_main_clause_after(toks: list[Token], start: int, end: int, inside: list[bool]) -> bool:
    """Whether a clause opening at `start` ("because Obama is popular with voters") is
    followed, after a comma, by a main clause: a quote or a subject and a verb."""
    for k in range(start + 2, end):
        if toks[k].text == "," and not inside[k]:
            after = toks[k + 1]
            return (
                after.text in OPENING_MARKS
                or after.lower in SUBJECT_STARTS
                or (is_capitalised(after) and k + 2 <= end and toks[k + 2].lower in FINITE_VERBS)
            )
    return False


def _a_plain_noun(token: Token) -> bool:
    """A lower-case word that is no verb we know ("both listings"): it may stand in the
    adjunct before a reported clause ("wrote in both listings he was …")."""
    word = token.lower
    return (
        token.text.isalpha()
        and token.text.islower()
        and word not in CUES
        and word not in FUNCTION_WORDS
        and word not in PRONOUNS
        and word not in PREPOSITIONS
        and word not in SUBORDINATORS
        and word not in FINITE_VERBS
        and word not in MODALS
        and not word.endswith(("ed", "ing"))
    )


def _clause_before(toks: list[Token], s_first: int, comma: int) -> bool:
    """Whether the words before a participle's comma hold a lower-case past tense after
    their subject: a clause whose subject the participle shares, not an appositive."""
    if not is_capitalised(toks[s_first]):
        return False
    for k in range(s_first + 1, comma):
        if toks[k].lower in ("who", "which", "that", "whose"):
            return False  # "Perez, who is the most animated on stage, saying": an aside
        if (
            is_past_tense(toks[k])
            and toks[k].lower not in NAMING_PARTICIPLES  # "an academic named Eric Kingson"
        ):
            return True
    return False


def _opens_an_infinitive(token: Token) -> bool:
    """Whether the word after "to" may be a verb: lower-case, and no article or pronoun
    ("to refrain", not "to the press" or "to him")."""
    return (
        token.text[:1].islower()
        and token.text.isalpha()
        and token.lower not in DETERMINERS
        and token.lower not in PRONOUNS
    )


def subject_of(toks: list[Token], cue: Cue, s_first: int) -> NounPhrase | None:
    """The phrase before a cue, or before the verb that governs "to say": "He went on
    to say …", "Trump declined to say …"; or the owner of a speech noun ("Trump's
    recent assertion")."""
    if cue.verb is not None and cue.verb.cls == "nominal":
        owner = speech_owner(toks, cue.first)
        if owner is None and called_out_quote(toks, cue.first) is not None:
            return _who_called_them_out(toks, cue.first, s_first)
        if owner is None or owner < s_first:
            return None
        if toks[owner].lower in OWNER_POSSESSIVES:
            return NounPhrase(owner, owner, owner)
        return subject_before(toks, owner + 1, floor=s_first)
    if (
        toks[cue.first].lower.endswith("ing")
        and cue.first - 1 > s_first
        and toks[cue.first - 1].text == ","
        and _clause_before(toks, s_first, cue.first - 1)
    ):
        return None  # "Clinton's right-hand woman rallied supporters, saying": a clause
    if (
        cue.first - 2 >= s_first
        and toks[cue.first].lower.endswith("ing")
        and toks[cue.first - 1].lower in _ASPECT_VERBS
    ):
        # "Sen. Ron Johnson kept asking her why …": the subject of "kept".
        return subject_before(toks, cue.first - 1, floor=s_first)
    subject = subject_before(toks, cue.first, floor=s_first)
    if subject is not None and not toks[cue.first].lower.endswith("ing"):
        subject = _past_a_fronted_adjunct(toks, subject, s_first)
    if subject is not None:
        subject = (
            _before_a_relative_clause(toks, subject, s_first)
            or _before_a_participle_s_agent(toks, subject, s_first)
            or _before_its_addressee(toks, cue, subject, s_first)
            or subject
        )
    elif cue.first - 1 >= s_first and toks[cue.first - 1].text in CLOSING_MARKS:
        subject = _before_a_quoting_aside(toks, cue.first - 1, s_first)
    else:
        subject = _before_a_who_clause(toks, cue, s_first)
    if subject is None and cue.first - 2 >= s_first and toks[cue.first - 1].lower == "to":
        governing = cue.first - 2
        if toks[governing].lower in ("on", "up") and governing - 1 >= s_first:
            governing -= 1
        verb = toks[governing].lower
        causing = next(
            (
                k
                for k in range(governing - 1, max(s_first, governing - 8) - 1, -1)
                if toks[k].lower in _CAUSATIVES
            ),
            None,
        )
        if causing is not None:
            # "leading advisers like Gene Sperling to counter that …": the one led speaks
            subject = subject_before(toks, cue.first - 1, floor=causing + 1)
        elif verb.endswith("ed") or verb in CUES or verb in _CONTROL_VERBS:
            subject = subject_before(toks, governing, floor=s_first)
        else:
            # "stood at a Bush event here to say", "took to Twitter to say": a past verb
            # and the adjunct of where, then "to say".
            for k in range(governing, max(s_first, governing - 8), -1):
                if not toks[k].text[:1].isalnum():
                    break
                if is_past_tense(toks[k]):
                    between = toks[k + 1 : cue.first - 1]
                    if is_adjunct(between):
                        subject = subject_before(toks, k, floor=s_first)
                    elif _an_occasion_used(toks[k], between):
                        subject = subject_before(toks, k, floor=s_first)
                        # not "a woman at one of Trump's rallies used …": a place
                        if subject is not None and toks[subject.first - 1].lower in PREPOSITIONS:
                            subject = None
                    break
    return subject


def _an_occasion_used(verb: Token, between: list[Token]) -> bool:
    """ "Sanders used this question to demand", "took the opportunity to call for": an
    occasion taken, then the act it was taken for."""
    return (
        verb.lower in ("used", "took", "seized")
        and 2 <= len(between) <= 4
        and (between[0].lower in DETERMINERS or between[0].lower in OWNER_POSSESSIVES)
        and all(t.text.isalpha() and t.text.islower() for t in between)
    )


# Words that front the object of a relative clause: "Nothing the president said …".
_FRONTED_QUANTIFIERS = frozenset({"nothing", "everything", "something", "anything", "whatever"})


def _past_a_fronted_adjunct(
    toks: list[Token], subject: NounPhrase, s_first: int
) -> NounPhrase | None:
    """ "Her aides, who on a press call Friday criticized …": the phrase before a finite
    cue is a preposition's object, so the subject stands before the adjunct (a "who"
    right before it); none when nothing does."""
    preposition = subject.first - 1
    if preposition < s_first or toks[preposition].lower not in ("on", "in", "at", "during"):
        return subject
    before = preposition - 1
    if before >= s_first and toks[before].text == ",":
        before -= 1
    if before >= s_first and toks[before].lower in ("who", "which"):
        return NounPhrase(before, before, before)
    return subject


def _opens_the_sentence(toks: list[Token], s_first: int, cue: int) -> bool:
    """ "Noting that …, Clinton said", "And in explaining why …, Clinton described": the
    participle opens its sentence (past a conjunction, and "in", "by" or a subordinator
    that governs it)."""
    opening = skip_conjunction(toks, s_first, cue)
    if opening + 1 == cue and (
        toks[opening].lower in ("in", "by") or toks[opening].lower in SUBORDINATORS
    ):
        opening += 1
    return opening == cue


def _after_a_fronted_quantifier(toks: list[Token], subject: NounPhrase, s_first: int) -> bool:
    """ "Nothing the president said "will assuage …"", "Everything Trump said was
    false": the cue sits in a relative clause whose object opens it; what follows is
    the main clause's, not anything the subject said."""
    if toks[subject.head].lower in ("that", "which", "who"):
        return False  # "nothing that suggests …": the relative is the subject
    first = toks[subject.first].lower
    before = toks[subject.first - 1].lower if subject.first > s_first else ""
    return first in _FRONTED_QUANTIFIERS or before in _FRONTED_QUANTIFIERS


def _names_a_thing(toks: list[Token], cue: Cue, subject: NounPhrase | None, s_first: int) -> bool:
    """ "using a program called BleachBit", "referencing a super PAC called Future45": the
    cue names the object, and no one in sight names it. The article may stand two words
    before the phrase ("a super PAC"), but not before a titled name ("a campaign Mr. Khan
    has called")."""
    if subject is None or toks[subject.first].lower in TITLES:
        return False
    article = next(
        (
            k
            for k in range(subject.first, max(s_first, subject.first - 2) - 1, -1)
            if toks[k].lower in ("a", "an")
        ),
        None,
    )
    return (
        article is not None
        and "name" in cue.verb.frames
        and toks[cue.first].lower.endswith("ed")
        and article > s_first
        and (
            toks[article - 1].lower in PREPOSITIONS
            or toks[article - 1].lower.endswith(("ing", "ed"))
        )
    )


def _modifies_its_subject(toks: list[Token], cue: Cue, subject: NounPhrase) -> bool:
    """ "the super PAC supporting her will not …", "Voters backing Trump are angry": a
    participle that takes a noun phrase ("np"), right after a noun, describes that noun;
    the sentence's verb comes later."""
    return (
        "np" in cue.verb.frames
        and toks[cue.last].lower.endswith("ing")
        and subject.last == cue.first - 1
        and toks[subject.head].lower not in PRONOUNS
    )


def _before_the_outer_verb(toks: list[Token], start: int, end: int, inside: list[bool]) -> int:
    """The content of a participle that describes its subject ends before the verb of the
    clause the subject belongs to ("supporting her | will not be able to match"); not a
    clause of its own ("polls showing that he leads", "predicting he will win")."""
    if toks[start].lower == "that":
        return end
    for k in range(start + 1, end + 1):
        if not inside[k] and (toks[k].lower in FINITE_VERBS or toks[k].lower in MODALS):
            return end if toks[k - 1].lower in SUBJECT_PRONOUNS else k - 1
    return end


def _comma_before_a_description(
    toks: list[Token], first: int, s_first: int, inside: list[bool]
) -> int | None:
    """ "…, Justice Department senior trial counsel Caroline Lewis Wolverton wrote": the
    comma before the words that describe a named subject (nouns and names only, no
    verb or function word), which the subject phrase stopped short of."""
    k = first - 1
    while k > s_first and first - k <= 6:
        word = toks[k]
        if word.text == "," and not inside[k]:
            return k if k < first - 1 else None
        if (
            inside[k]
            or not word.text[:1].isalnum()
            or word.lower in FUNCTION_WORDS
            or word.lower in FINITE_VERBS
            or is_past_tense(word)
            or word.lower.endswith("ly")
        ):
            return None
        k -= 1
    return None


def _within_parentheses(toks: list[Token], cue: Cue, s_first: int, s_last: int) -> tuple[int, int]:
    """The bounds of a cue's sentence, narrowed to the parentheses the cue stands in:
    "Trump's claim (the actual number is closer to 15 percent, according to
    Factcheck.org)" gives Factcheck.org the words inside only."""
    opening = open_bracket_before(toks, s_first, cue.first - 1)
    closing = close_bracket_after(toks, cue.last + 1, s_last)
    return (
        s_first if opening is None else opening + 1,
        s_last if closing is None else closing - 1,
    )


def speech_owner(toks: list[Token], k: int) -> int | None:
    """Where the owner of the speech noun at k is, when it is someone's act of speech
    with its content after it: "Mr. Obama's calls for …", "his claim that …". Before a
    content clause any modifiers may stand between ("Trump's recent evidence-free
    assertion that …"); before "for", one adjective of speech ("Trump's repeated
    calls for …", but not "Nevada's strong support for Reagan")."""
    if k == 0 or k + 1 >= len(toks):
        return None
    following = toks[k + 1].lower
    if following in ("was", "is") and k + 2 < len(toks) and toks[k + 2].lower == "that":
        following = "that"  # "Rubio's response was that …"
    infinitive = following == "to" and toks[k].lower in _TO_NOUNS
    if following not in ("for", "that") and not infinitive and called_out_quote(toks, k) is None:
        return None
    clause = following in ("that", "to")
    for j in range(k - 1, max(-1, k - 4 if clause else k - 3), -1):
        owner = toks[j]
        if owner.lower in OWNER_POSSESSIVES:
            # "his promise to build a wall": too often someone else's than the nearest
            # "he" (a named owner, "Trump's pledge to …", is kept)
            return None if infinitive else j
        if owner.lower.endswith(("'s", "’s")):
            return j
        if owner.text in ("'s", "’s"):
            return j - 1 if j > 0 else None
        if not (_modifies_a_noun(owner) if clause else j == k - 1 and _of_speech(owner)):
            return None
    return None


def called_out_quote(toks: list[Token], k: int) -> int | None:
    """ "chants of “Lock her up!”", "the slogan "Experience Counts"", "campaign slogan is
    “I'm with her.”": a crowd's or a campaign's words, quoted right after their noun at
    k; where the quotation opens."""
    lower = toks[k].lower
    if lower in _CHANT_NOUNS and k + 1 < len(toks) and toks[k + 1].lower == "of":
        quote = k + 2
    elif lower in _SLOGAN_NOUNS:
        quote = k + 2 if k + 1 < len(toks) and toks[k + 1].lower in ("is", "was", ":") else k + 1
    else:
        return None
    return quote if quote < len(toks) and toks[quote].text in OPENING_MARKS else None


def _who_called_them_out(toks: list[Token], noun: int, s_first: int) -> NounPhrase | None:
    """ "Hillary Clinton's campaign slogan is …": the owner; "The crowd broke into chants
    of …", "Nixon ran on the slogan …": the subject of the verb the words are joined to
    (not "was met with chants of …": a passive)."""
    for k in range(noun - 1, max(s_first, noun - 4) - 1, -1):
        if owner_name_end(toks, k):
            end = k - 1 if toks[k].text in ("'", "’") else k
            return subject_before(toks, end + 1, floor=s_first)
        if toks[k].lower in ("with", "into", "in", "on"):
            verb = k - 1
            if verb <= s_first or toks[verb - 1].lower in PASSIVE_AUXILIARIES:
                return None
            return subject_before(toks, verb, floor=s_first)
        if not toks[k].text.isalpha():
            return None
    return None


# Nouns for words a crowd calls out, quoted after "of": "chants of “Lock her up!”".
_CHANT_NOUNS = frozenset({"chant", "chants", "cries", "shouts"})
# Nouns for a campaign's words, quoted right after them: "the slogan "Experience Counts"".
_SLOGAN_NOUNS = frozenset({"slogan", "motto", "catchphrase"})
# Speech nouns whose content may be an infinitive: "Trump's pledge to be "neutral"".
_TO_NOUNS = frozenset(
    {"pledge", "promise", "promises", "vow", "threat", "threats", "call", "calls"}
)


def _of_speech(token: Token) -> bool:
    return token.lower.endswith("ed") or token.lower in ADJECTIVES_OF_SPEECH


def _modifies_a_noun(token: Token) -> bool:
    """A lower-case word that may stand between an owner and its noun ("recent")."""
    return (
        token.text[:1].islower()
        and token.lower not in FUNCTION_WORDS
        and token.text.replace("-", "").isalpha()
    )


def _before_a_relative_clause(
    toks: list[Token], phrase: NounPhrase, s_first: int
) -> NounPhrase | None:
    """ "Officials who spoke with The Huffington Post said": the phrase before the cue
    is the object of a relative clause's verb; the subject is the phrase before "who"."""
    k = phrase.first - 1
    # "for Cruz or Rubio or Ben Carson": back over the names listed before the phrase.
    while k - 1 > s_first and toks[k].lower in ("or", "and") and is_capitalised(toks[k - 1]):
        k -= 1
        while k - 1 > s_first and is_capitalised(toks[k - 1]):
            k -= 1
        k -= 1
    if k - 2 < s_first or toks[k].lower not in _RELATIVE_PREPOSITIONS:
        return None
    # Back over the relative clause's words ("who'd rather be working now on a campaign
    # for Cruz or Rubio or Ben Carson said") to its "who", with no punctuation between.
    for who in range(k - 1, max(s_first, k - 16) - 1, -1):
        word = toks[who]
        if word.lower in _RELATIVE_WHO:
            break
        if not word.text[:1].isalpha():
            return None
    else:
        return None
    if who == k - 1 or not toks[who + 1].text.islower():
        return None  # "who" needs a verb of its own before the preposition
    return subject_before(toks, who, floor=s_first)


# Bodies of people, named by a common noun, that act as one: "a civil rights group".
_BODIES = frozenset({"group", "coalition", "organization", "organisation", "association"})


def _before_its_addressee(
    toks: list[Token], cue: Cue, phrase: NounPhrase, s_first: int
) -> NounPhrase | None:
    """ "The letter to Congress says", "Sanders' fundraising email to his supporters
    notes": the phrase before the cue is whom a message went to; the subject is the
    message (not for a participle: "a statement to Wired explaining" keeps its writer)."""
    to = phrase.first - 1
    if (
        to - 1 < s_first
        or toks[to].lower != "to"
        or medium_at(toks, to - 1) is None
        or toks[cue.first].lower.endswith("ing")
    ):
        return None
    return subject_before(toks, to, floor=s_first)


# "a report released by", "a poll conducted by": the agent wrote what the phrase says.
_AUTHORING_PARTICIPLES = frozenset(
    {"released", "published", "issued", "written", "authored", "produced", "compiled"}
    | {"conducted", "commissioned", "signed", "sent", "sponsored", "funded"}
)


def _before_a_participle_s_agent(
    toks: list[Token], phrase: NounPhrase, s_first: int
) -> NounPhrase | None:
    """ "A letter from the American Legion obtained by The Associated Press warns": the
    phrase before the cue is the agent of a participle that describes the subject; the
    subject is the phrase before the participle (not after "was", a passive of its own).
    An author stays the speaker: "a report released by the Brookings Institution"."""
    by = phrase.first - 1
    participle = by - 1
    if (
        participle - 1 < s_first
        or toks[by].lower != "by"
        or not is_past_tense(toks[participle])
        or toks[participle].lower in _AUTHORING_PARTICIPLES
        or toks[participle - 1].lower in PASSIVE_AUXILIARIES
        or not toks[participle - 1].text[:1].isalnum()
    ):
        return None
    return subject_before(toks, participle, floor=s_first)


def _before_a_who_clause(toks: list[Token], cue: Cue, s_first: int) -> NounPhrase | None:
    """ "Democrats in Iowa who watched the debate said": the words before the cue are no
    speaker ("the debate"), but a relative clause runs up to it; its antecedent speaks.
    Not when the cue is the clause's own verb ("a person who attended and described
    …", "who have committed the offense of supporting …")."""
    before = toks[cue.first - 1].lower if cue.first > s_first else ""
    if (
        toks[cue.first].lower.endswith("ing")
        or before in ("and", "or", "but")
        or before in PREPOSITIONS
        or before in MODALS
    ):
        return None
    for who in range(cue.first - 2, max(s_first, cue.first - 12) - 1, -1):
        word = toks[who]
        if word.lower in _RELATIVE_WHO or word.lower == "whose":
            if not toks[who + 1].text.islower() or who - 1 < s_first:
                return None  # "who" needs a verb of its own ("whose" a noun)
            antecedent = subject_before(toks, who, floor=s_first)
            if antecedent is not None and toks[antecedent.first - 1].lower == "of":
                return None  # "the ex-wife of Alan Grayson who filed …": not Grayson
            return antecedent
        if not word.text[:1].isalnum() or word.lower in ("and", "but"):
            return None  # "who aren't enamored of Clinton but don't want": its own verb
        if word.lower in CUES and toks[who - 1].lower not in _RELATIVE_WHO:
            return None  # a cue of the clause's own, not its first verb ("who wrote to her")
    return None


def _before_a_quoting_aside(toks: list[Token], closing: int, s_first: int) -> NounPhrase | None:
    """`Mr. Manafort, citing "the unique magic of Trump," said`: the name before a
    comma-set participle whose quote ends right before the cue."""
    for k in range(closing - 1, max(s_first, closing - 30), -1):
        if toks[k].text in OPENING_MARKS and toks[k - 1].lower.endswith("ing"):
            participle = k - 1
            if participle - 1 <= s_first or toks[participle - 1].text != ",":
                return None
            name = subject_before(toks, participle - 1, floor=s_first)
            if name is None or name.last != participle - 2 or not is_capitalised(toks[name.head]):
                return None
            return name
    return None


_RELATIVE_WHO = frozenset({"who", "who'd", "who’d", "who's", "who’s", "who've", "who’ve"})
_RELATIVE_PREPOSITIONS = frozenset(
    {"with", "to", "for", "at", "on", "in", "by", "about", "against", "from"}
)


def _that_after_the_addressee(toks: list[Token], start: int, end: int, asking: bool) -> int | None:
    """ "told the newspaper that …", "told members of the AFL-CIO council that …",
    "telling attendees at the gala how …", "asked the students if …": the "that" (or
    "how", "why", "whether"; "if" after "ask") after an addressee phrase (no comma,
    quote, verb or cue on the way), where the content starts."""
    for k in range(start + 1, min(end, start + 15) + 1):
        token = toks[k]
        if token.lower == "that" or (
            # not "the story of how", "chided Trump for raising questions about whether"
            (token.lower in ("how", "why", "whether") or (asking and token.lower == "if"))
            and toks[k - 1].lower not in PREPOSITIONS
            and not any(is_participle(t.text) for t in toks[start:k])
        ):
            return k
        if token.text == "," and k + 1 <= end and toks[k + 1].lower == "that":
            continue  # "told Bill O'Reilly of Fox News, that …"
        if token.text == "," and is_capitalised(toks[k - 1]):
            continue  # "told customers at a Manchester, New Hampshire, diner that …"
        if not token.text[:1].isalnum() and token.text not in ("'s", "’s", "-", "."):
            return None
        if token.lower in CUES or token.lower in FINITE_VERBS:
            return None
        if (
            token.lower == "to"
            and k + 1 <= end
            and toks[k + 1].text.isalpha()
            and toks[k + 1].text.islower()
            and toks[k + 1].lower not in DETERMINERS
            and toks[k + 1].lower not in PRONOUNS
        ):
            return None  # "called on the US to attack the oil that funds …": "to …" is it
    return None


def _opens_a_clause(toks: list[Token], subject: NounPhrase, s_last: int) -> bool:
    """Whether the phrase after "…, said" is the subject of the content ("said he has
    spoken", "said Obama failed to …"), not an inverted speaker ("…, said he.",
    "…, said Obama in a statement", "…, said Obama, adding …", "…, said an official
    who …")."""
    following = subject.last + 1
    if following + 1 <= s_last and toks[following].text in OPENING_MARKS:
        # "said Trump's remarks "have had …"", "added Latin hits including "La
        # Gozadera"": the quote goes on the clause
        return True
    if following <= s_last and toks[following].lower in ("who", "whose"):
        return False  # "…, said an American official who was briefed …"
    return (
        following <= s_last
        and toks[following].text[:1].isalnum()
        and not ends_without_content(toks[following : s_last + 1], True)
    )


def _opening_name(toks: list[Token], s_first: int, comma: int) -> NounPhrase | None:
    """`NAME, ANY ASIDE, said`: the name (or "the lawmaker", "one attendee") that opens
    the sentence, stretched over its aside to the comma before the cue."""
    first = skip_conjunction(toks, s_first, comma)
    name = subject_after(toks, first)
    if (
        name is None
        or not (is_capitalised(toks[name.head]) or toks[name.first].lower in DETERMINERS)
        or name.last + 1 >= comma
        or toks[name.last + 1].text not in (",", "(")
    ):
        return None
    return NounPhrase(name.first, comma - 1, name.head)


# What may follow a question-reporting "Asked …": "if", "whether", "about", "why", ….
# "it seems (increasingly) likely that …": words between "it seems" and its clause.
_IMPRESSION_WORDS = frozenset(
    {"that", "likely", "unlikely", "clear", "pretty", "increasingly", "obvious", "as", "if"}
    | {"more", "less", "quite", "very", "almost", "certain", "possible", "probable"}
)
# "appeared at the debate", "will appear together": showing up, not seeming.
_PLACES_TO_APPEAR = frozenset(
    {"at", "before", "in", "on", "with", "together", "alongside", "onstage", "during", "for"}
)
_ASKED_OPENERS = QUESTION_WORDS | {"if", "about", "to"}


def _opens_an_aside(toks: list[Token], s_first: int, cue: int) -> bool:
    """Whether "asked" opens its sentence or a "when" clause: "Asked if …, he said",
    "But when asked why …", not "he asked if …"."""
    first = skip_conjunction(toks, s_first, cue)
    return first == cue or (cue - 1 >= s_first and toks[cue - 1].lower in ("when", "once", "after"))


def _before_the_comma(toks: list[Token], comma: int) -> int:
    """Where content before a comma ends: at the comma, or past the closing mark after
    a comma inside a quote (`the "impact,"`)."""
    return toks[comma].end if toks[comma].text in CLOSING_MARKS else toks[comma - 1].end


# Verbs whose object receives a message: a participle after it is the sender's.
_SENDING_VERBS = frozenset(["sent", "gave", "handed", "mailed", "emailed", "texted", "wrote"])
# Words between "and"/"but" and a coordinated verb: "and then tweeted", "but have speculated".
_COORDINATED_ADVERBS = ADVERBS_OF_A_NEXT_ACT | {"have", "has", "had"}
# Adverbs that make a participle an adjective: "his rough and racially charged dismissal".
_ADJECTIVE_ADVERBS = frozenset(["racially", "politically", "emotionally", "highly", "heavily"])
_CONNECTIVES = frozenset(["and", "but", "while", "whereas", "although", "though", "yet"])
_BOUNDARY_OPENERS = frozenset(["which", "who", "because", "since", "as", "so", "where", "when"])
_RUNS_ON_AFTER = _CONNECTIVES | _BOUNDARY_OPENERS


def _on_to_a_quote(p: Paragraph, end: int, s_last: int) -> int:
    """`said he hoped for a large turnout, which "will help elect Kloppenburg."`: the
    speaker's words quoted after a clause boundary, with no cue of their own, are
    still the speaker's; the content runs on to the sentence's end."""
    toks = p.toks
    word = end + 1  # the first word after the boundary
    while word <= s_last and (toks[word].text in (",", ";") or toks[word].text in DASHES):
        word += 1
    if word > s_last or toks[word].lower not in _RUNS_ON_AFTER:
        # `whether the plan, which the Tax Foundation estimates would cost $170 billion,
        # would risk "…"`: a bare verb after the boundary goes on with an outer clause.
        return end
    if toks[word].lower in _CONNECTIVES:
        word += 1
    if word < s_last and toks[word].text in OPENING_MARKS:
        word += 1
    if word > s_last or is_capitalised(toks[word]) or toks[word].lower in SUBJECT_STARTS:
        return end  # ", but he gave the Texan …", "…, Clinton fixates on …": a new subject
    for k in range(end + 1, s_last + 1):
        if p.inside[k]:
            if any(end < cue.first <= k for cue in p.cues):
                return end
            return s_last
    return end
