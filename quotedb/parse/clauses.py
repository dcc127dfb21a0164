"""Where contents start and end: token-level tests the sieve's rules share.

Pure functions over a paragraph's tokens: the clause a cue governs, the
adjuncts that add nothing ("in a statement on Tuesday"), the quote marks that
name a work rather than report speech.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from quotedb.parse.drafts import Paragraph
from quotedb.parse.lexicon import (
    ADJUNCT_WORDS,
    ADVERBS_OF_A_NEXT_ACT,
    CLAUSE_BOUNDARIES,
    CUES,
    DATE_WORDS,
    DETERMINERS,
    FINITE_VERBS,
    FUNCTION_WORDS,
    GROUPS,
    IRREGULAR_PASTS,
    MEDIA,
    MESSAGE_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    SUMMARY_NOUNS,
    TIME_NOUNS,
    is_participle,
)
from quotedb.parse.mentions import (
    ALL_SUBJECT_PRONOUNS,
    NounPhrase,
    is_capitalised,
    names_what_follows,
)
from quotedb.parse.quotemarks import Quotation
from quotedb.parse.text import DASHES, LONG_DASHES, Token, trim

RELATIVES = frozenset({"who", "which"})
QUESTION_WORDS = frozenset({"what", "how", "why", "where", "whether", "who", "which", "when"})
# Punctuation skip_conjunction passes over after an opening conjunction ("But, — …").
_ASIDE_MARKS = LONG_DASHES | {",", "(", ")"}
# Auxiliaries besides FINITE_VERBS that show a clause: "Smith, who left, could …".
MODALS = frozenset({"can", "could", "should", "may", "might", "must", "does", "did", "do"})
SUBJECT_STARTS = frozenset({"he", "she", "they", "i", "we", "it", "the", "his", "her", "their"})


CLOSING_MARKS = frozenset({'"', "”", "»", "''", "’", "'", "“"})
OPENING_MARKS = frozenset({'"', "“", "«", "„", "''", "``"})
QUOTE_MARKS = CLOSING_MARKS | OPENING_MARKS

TITLE_LEAD_INS = frozenset(
    {"on", "in", "of", "from", "at", "called", "titled", "entitled", "named", "dubbed", "the"}
)

TITLED_WORKS = frozenset(
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


def quoted_content(text: str, quotation: Quotation) -> tuple[int, int]:
    return trim(text, quotation.start, quotation.end, " \t,")


def skip_to_that(toks: list[Token], start: int, end: int, inside: list[bool]) -> int:
    """ "writes in The Atlantic that …": the content starts at "that" after an adjunct."""
    if start > end:
        return start  # the cue ends its paragraph: nothing follows it
    prepositional = toks[start].lower in (
        "in",
        "on",
        "at",
        "during",
        "to",
        "for",
        "with",
        "after",
        "before",
        # "explained through a spokesman that", "claiming without any evidence that"
        "through",
        "without",
        "via",
        "from",
        "by",
        "over",
        "under",
        "of",  # "stated of the email scandal that …"
        "about",
    )
    for k in range(start, min(end, start + 12) + 1):
        if (
            toks[k].lower == "that"
            and k > start
            and not (k + 1 <= end and toks[k + 1].lower in TIME_NOUNS)
        ):  # "plans to meet with Reid that day": a demonstrative, not "that …"
            if (
                toks[start].lower in ("of", "about")
                and k + 1 <= end
                and not (
                    toks[k + 1].lower in DETERMINERS
                    or toks[k + 1].lower in SUBJECT_PRONOUNS
                    or is_capitalised(toks[k + 1])
                )
            ):
                return start  # "boasted of his appeal to the demographics that comprise …"
            return k if prepositional or is_adjunct(toks[start:k]) else start
        quoted = inside[k] or (
            toks[k].text in ('"', "“", "”", "''")
            and ((k + 1 <= end and inside[k + 1]) or (k > start and inside[k - 1]))
        )
        if quoted and prepositional:
            continue  # `said on ABC's "This Week" that …`: a title inside the phrase
        if toks[k].text in (":", '"', "“") or (toks[k].text == "," and not prepositional):
            break
        if k > start and toks[k].lower in CUES and toks[k - 1].lower not in DETERMINERS:
            break  # "pledged to work with both parties, Sanders insisted that": not ours
            # (but "said in a written statement that": an adjective)
    return start


def names_a_title(toks: list[Token], before: int | None) -> bool:
    """Whether the quote after token `before` names a work, not speech: on Fox's
    "Hannity", her book "Hard Choices", a culture called "The HP Way"."""
    if before is None or before < 0:
        return False
    k = before
    if toks[k].text == "," and k >= 1:
        k -= 1
    return (
        toks[k].lower in TITLE_LEAD_INS
        or toks[k].lower in TITLED_WORKS
        or names_what_follows(toks, k + 1)  # "known as "Guccifer"", "nicknamed "…""
        or toks[k].text in ("'s", "’s")
        # television's "Scandal" (not "It's "this new journalism"": "it is")
        or (toks[k].lower.endswith(("'s", "’s")) and toks[k].lower[:-2] not in _CONTRACTED)
    )


# Words whose "'s" is "is" or "has", not a possessive.
_CONTRACTED = frozenset({"it", "that", "he", "she", "there", "what", "who", "here", "where"})


def is_past_tense(token: Token) -> bool:
    """ "quashed", "sent": a lower-case past tense ("Ted", "Ned" are names; "succeed",
    "need", "hundred" only end like one)."""
    lower = token.lower
    return token.text.islower() and (
        (
            lower.endswith("ed")
            and lower not in _ENDS_LIKE_A_PAST
            and not (lower.endswith("eed") and not lower.endswith(("reed", "teed")))
        )
        or lower in IRREGULAR_PASTS
    )


# Words ending in "ed" that are no past tense.
_ENDS_LIKE_A_PAST = frozenset({"hundred", "red", "bed", "sacred", "naked", "wicked", "kindred"})


def token_at(toks: list[Token], offset: int) -> int:
    """Index of the token that starts at or after `offset` (the last one if none)."""
    found = first_token_at(toks, offset)
    return len(toks) - 1 if found is None else found


def first_token_at(toks: list[Token], offset: int) -> int | None:
    """Index of the first token starting at or after `offset` (binary search)."""
    k = bisect_left(toks, offset, key=lambda token: token.start)
    return k if k < len(toks) else None


def last_token_before(toks: list[Token], offset: int) -> int | None:
    """Index of the last token ending at or before `offset` (binary search)."""
    k = bisect_right(toks, offset, key=lambda token: token.end) - 1
    return k if k >= 0 else None


def is_adjunct(words: list[Token]) -> bool:
    """Whether the words between a cue and a quote/sentence end add no clause:
    "told CBS News", "said in a statement on Tuesday"."""
    if sum(token.text not in QUOTE_MARKS for token in words) > 8:
        return False
    in_title = False
    for k, token in enumerate(words):
        if token.text in (".", ",", "!", "?", ";", ")", "(", ":"):
            continue
        if token.text in CLOSING_MARKS and in_title:
            in_title = False
            continue
        if token.text in OPENING_MARKS and k > 0 and _names_a_show(words[k - 1]):
            in_title = True  # "said Wednesday on MSNBC's "Morning Joe."": a show's title
            continue
        if is_capitalised(token) or token.lower in ADJUNCT_WORDS or token.lower in GROUPS:
            continue
        if token.text[:1].isdigit():
            continue
        return False
    return True


def _names_a_show(token: Token) -> bool:
    """ "on", "to", "MSNBC's": what may stand before a quoted show or paper title."""
    return token.lower in ("on", "to", "in", "with") or token.lower.endswith(("'s", "’s"))


def is_headline(initials: list[str]) -> bool:
    """Whether a paragraph, given the first character of each of its tokens, is a
    title-case headline, where capitals mark no names."""
    # Run for every paragraph: the counts are C loops.
    words = sum(map(str.isalpha, initials))
    return words >= 4 and sum(map(str.isupper, initials)) >= 0.7 * words


def colon_ends_paragraph(toks: list[Token], after_cue: int) -> bool:
    """Whether the cue is followed by a colon that ends its paragraph ("he said:"), the
    first colon after it, at most four words on."""
    last = len(toks) - 1
    # The paragraph's last word first: in most paragraphs it is no colon.
    if not after_cue <= last <= after_cue + 4 or toks[last].text != ":":
        return False
    return all(token.text != ":" for token in toks[after_cue:last])


def introduces_the_next_paragraph(toks: list[Token], cue_last: int, s_last: int, inside) -> bool:
    """Whether the cue's sentence ends its paragraph on a colon, with no quotation or other
    cue on the way ("the committee said about its platform:"): what follows the colon is
    the next paragraph. colon_ends_paragraph is the close case ("he said:")."""
    if s_last != len(toks) - 1 or toks[s_last].text != ":" or s_last - cue_last > 25:
        return False
    return not any(
        inside[k]
        or (toks[k].lower in CUES and not is_capitalised(toks[k]))
        or toks[k].text in OPENING_MARKS
        for k in range(cue_last + 1, s_last)
    )


# What a statement was made in or at, after "…, X said in a video message to …".
_OCCASIONS = MESSAGE_NOUNS | {"video", "convention", "hearing", "debate", "meeting", "forum"}


def ends_without_content(tail: list[Token], inverted: bool) -> bool:
    """Whether what follows "…, X said" adds no content of its own: nothing, an
    adjunct ("in a statement"), an inverted speaker's appositive ("said Jake
    Horowitz, editor in chief of Mic.com"), a participle ("…, adding that …") or
    the writer's next clause ("…, KING-TV reported, while in Chicago …")."""
    if is_adjunct(tail):
        return True
    if (
        tail
        and tail[0].lower in ("in", "on", "during", "via")
        and is_adjunct([t for t in tail if not (t.lower in MEDIA or t.lower in _OCCASIONS)])
    ):
        return True  # "…, she said in a video message to the convention."
    comma = next((k for k, t in enumerate(tail) if t.text == ","), None)
    if (
        comma
        and not inverted
        and comma + 1 < len(tail)
        and tail[comma + 1].lower.endswith("ing")
        and tail[comma + 1].lower in CUES
        and (tail[0].lower in DATE_WORDS or tail[0].lower in PREPOSITIONS)
        and is_adjunct(tail[:comma])
    ):
        # "…, Hollande said Tuesday in Paris, noting …": when and where, then a new act
        # (not an object, "…, Trump attacked John McCain, saying …")
        return True
    if inverted and tail and tail[0].lower in ("who", "whose"):
        return True  # "said an American official who was briefed on …"
    if (
        len(tail) > 2
        and tail[0].lower in ("as", "when", "while", "after", "before")
        and tail[1].lower in SUBJECT_PRONOUNS
    ):
        return True  # "…, President Obama told his advisers as he left": when it was said
    if tail and tail[0].text == ",":
        following = tail[1] if len(tail) > 1 else None
        if inverted:
            return True
        if following is not None and following.lower.endswith("ing") and following.lower in CUES:
            return True
        if following is not None and following.lower in ("while", "whereas", "but", "and"):
            return True
    return False


# Words after `…," ` that carry the reported clause on: `was "futile," because …`.
_CLAUSE_GOES_ON = frozenset(
    {"and", "or", "in", "because", "where", "compared", "even", "with", "too", "by"}
    | {"given", "specifically", "''", "as", "since", "so", "if", "when", "than", "to"}
)


# Adverbs after "but" that go on with the same clause: "…, but also hungry for …".
_BUT_ADVERBS = frozenset({"also", "not", "only", "rather", "instead"})

# Pronouns that follow an inverted auxiliary: "…, but should it fail, …".
_INVERTED_SUBJECTS = SUBJECT_PRONOUNS | {"it"}

# The words (lower-cased) at which clause_end may stop, besides participles in -ing: it
# passes over any other at once.
_CLAUSE_END_WORDS = (
    frozenset({";", "who", "which", "and", "but", "according", "said", "says", "adding"})
    | {"before", "after", "while", "a", "an", "as", "when"}
    | CLAUSE_BOUNDARIES
    | CLOSING_MARKS
    | {word for word in CUES if word.endswith("ing")}
    | DASHES
)


def _ends_a_list_of_names(toks: list[Token], start: int, k: int) -> bool:
    """ "he expects Obama, Abe, and Park to …": ", and" closes a list of names (each
    set off by commas), not a clause."""
    comma = k - 1
    names = 0
    while comma - 1 >= start and toks[comma].text == ",":
        j = comma - 1
        while j >= start and is_capitalised(toks[j]) and comma - j <= 3:
            j -= 1
        if j == comma - 1:
            break  # no name before this comma
        names += 1
        comma = j
    return names >= 2


def clause_end(toks: list[Token], start: int, s_last: int, inside: list[bool]) -> int:
    """Last token of the clause that starts at `start`: the sentence end, or a
    boundary like ", while", "; ", ", but", ", adding", or a quote closed on a comma.
    A boundary inside parentheses ends the clause before them: "killed 81 percent
    (the actual number is closer to 15 percent, according to …)"."""
    end = _boundary(toks, start, s_last, inside)
    bracket = open_bracket_before(toks, start, end)
    return end if bracket is None else max(start, bracket - 1)


def open_bracket_before(toks: list[Token], first: int, last: int) -> int | None:
    """The "(" among toks[first..last] that nothing after it in the range closes."""
    return _unmatched(toks, range(last, first - 1, -1), "(", ")")


def close_bracket_after(toks: list[Token], first: int, last: int) -> int | None:
    """The ")" among toks[first..last] that nothing before it in the range opens."""
    return _unmatched(toks, range(first, last + 1), ")", "(")


def _unmatched(toks: list[Token], order: range, bracket: str, partner: str) -> int | None:
    """The first `bracket` met in `order` that no `partner` met before it pairs off."""
    depth = 0
    for k in order:
        text = toks[k].text
        if text == partner:
            depth += 1
        elif text == bracket:
            depth -= 1
            if depth < 0:
                return k
    return None


def _boundary(toks: list[Token], start: int, s_last: int, inside: list[bool]) -> int:
    """The first boundary that ends the clause, or the sentence's last word."""
    for k in range(start, s_last + 1):
        word = toks[k].lower
        if inside[k] or (word not in _CLAUSE_END_WORDS and not word.endswith("ing")):
            continue
        at = _Candidate(toks, start, k, s_last, inside)
        if any(ends(at) for ends in _ENDS_BEFORE):
            # "even though she found …": "even" goes with the clause it opens
            return k - 2 if toks[k - 1].lower == "even" and k - 2 >= start else k - 1
        if _a_quote_closed_on_a_comma(at):
            return k
    last = s_last
    while last > start and toks[last].text in (".", "!", "?") and not inside[last]:
        last -= 1
    return last if toks[s_last].text not in CLOSING_MARKS else s_last


@dataclass(frozen=True, slots=True)
class _Candidate:
    """toks[k], a word that may end the clause running from `start` to `s_last`."""

    toks: list[Token]
    start: int
    k: int
    s_last: int
    inside: list[bool]

    @property
    def word(self) -> Token:
        return self.toks[self.k]

    def next_lower(self, n: int = 1) -> str | None:
        """The lower-cased word n places on, if the sentence has it."""
        return self.toks[self.k + n].lower if self.k + n <= self.s_last else None

    @property
    def right_after_a_quote(self) -> bool:
        """The word before is a quote mark closing a quotation: `"…" - except`."""
        return (
            self.k - 2 >= self.start
            and self.toks[self.k - 1].text in CLOSING_MARKS
            and self.inside[self.k - 2]
        )

    @property
    def comma_before(self) -> bool:
        """A comma just before, or just inside a closing quote: `crazy," but`."""
        toks, k = self.toks, self.k
        if toks[k - 1].lower == "even" and k - 2 >= self.start:
            k -= 1  # ", even though"
        return k - 1 >= self.start and (
            toks[k - 1].text == ","
            or (
                toks[k - 1].text in CLOSING_MARKS
                and k - 2 >= self.start
                and toks[k - 2].text == ","
            )
        )


def _a_semicolon(at: _Candidate) -> bool:
    return at.word.text == ";"


def _a_dash_opening_the_writers_comment(at: _Candidate) -> bool:
    """`thought it "risks higher inflation" - except that inflation has fallen`, `"grabbing"
    at the candidate - although the photo …`, `workers - and he makes sure …`: a dash
    after the quote, or before a clause of the writer's, with no second dash closing an
    aside."""
    toks, k, s_last = at.toks, at.k, at.s_last
    if at.word.text not in DASHES or k - 2 <= at.start:
        return False
    following = at.next_lower()
    opens_a_clause = following is not None and (
        following in CLAUSE_BOUNDARIES
        or following == "except"
        or (following in ("and", "but") and at.next_lower(2) in _INVERTED_SUBJECTS)
    )
    return (
        (at.right_after_a_quote or opens_a_clause)
        and not any(at.inside[k + 1 : s_last + 1])
        and not any(t.text in DASHES for t in toks[k + 1 : s_last + 1])
    )


def _the_writer_sums_up(at: _Candidate) -> bool:
    """`would pay "slightly more" in taxes, an acknowledgment that …`, `"…" - a swipe at
    Trump`: the writer sums up what was said."""
    toks, k = at.toks, at.k
    return (
        k > at.start + 1
        and at.word.lower in ("a", "an")
        and (at.comma_before or toks[k - 1].text in DASHES)
        and any(t.lower in SUMMARY_NOUNS for t in toks[k + 1 : min(k + 4, at.s_last + 1)])
    )


def _a_relative_about_the_last_name(at: _Candidate) -> bool:
    """ "…helped Clinton, who does not need …": a relative clause about the last name is
    the writer's, not the speaker's."""
    return (
        at.comma_before
        and at.k > at.start + 2
        and at.word.lower in RELATIVES
        and not _embedded_relative(at.toks, at.k, at.s_last, at.inside)
    )


def _a_new_subject_after_and(at: _Candidate) -> bool:
    """ "charged Van Dyke with murder, and Emanuel released the video", "…, and now some
    close allies are hoping": a new subject after ", and" (and a time adverb) starts the
    writer's next clause."""
    subject = at.k + 1
    if at.next_lower() in _TIME_ADVERBS and at.next_lower(2) is not None:
        subject += 1
        if at.toks[subject].lower in ("some", "many", "most"):
            return at.comma_before and at.word.lower in ("and", "but")
    return (
        at.comma_before
        and at.word.lower in ("and", "but")
        and at.k > at.start + 1
        and subject <= at.s_last
        and (is_capitalised(at.toks[subject]) or at.toks[subject].lower in SUBJECT_STARTS)
        and not _ends_a_list_of_names(at.toks, at.start, at.k)
    )


# Adverbs that may stand between ", and" and the subject of the writer's next clause.
_TIME_ADVERBS = frozenset({"now", "then", "today", "later", "meanwhile", "yesterday"})


def _a_subordinate_clause(at: _Candidate) -> bool:
    """ ", while …", ", because …": the writer's clause. But a verb with no subject of its
    own after ", but" goes on with the reported clause ("he was once part of the
    establishment, but is now …"; not "…, but should he win": an inverted condition)."""
    word = at.word.lower
    following = at.next_lower()
    but_and_a_verb = (
        word == "but"
        and following is not None
        and (following in FINITE_VERBS or following in MODALS)
        and following != "said"
        and at.next_lower(2) not in _INVERTED_SUBJECTS
    )
    # "she will protect reproductive rights while her opponent wants to "take America
    # backward"": a contrast the speaker draws, quoted, goes on with the words reported.
    quoted_contrast = not at.comma_before and any(at.inside[at.k + 1 : at.s_last + 1])
    return (
        word in CLAUSE_BOUNDARIES
        and at.k > at.start + 2
        and (at.comma_before or (word in ("while", "whereas") and not quoted_contrast))
        and not but_and_a_verb
        and not _but_goes_on(at.toks, at.k, at.s_last)
        and not _quote_goes_on(at.toks, at.k, at.s_last, at.inside)
    )


def _the_writer_s_clause_after_a_quote(at: _Candidate) -> bool:
    """`he's "excited where we stand" as he faces a critically important test`: "as" or
    "though" right after a closing quote mark, then a subject pronoun, is the writer's
    clause; the words reported ended with the mark (not `"a third Obama term" as
    Commander-in-Chief`)."""
    return (
        at.word.lower in ("as", "though", "although")
        and at.right_after_a_quote
        and at.next_lower() in SUBJECT_PRONOUNS
    )


def _a_new_act(at: _Candidate) -> bool:
    """ ", according to …", ", adding …", ", calling them …": after a comma, another report
    or a participle cue starts a new act."""
    word = at.word.lower
    return (
        at.comma_before
        and at.k > at.start + 1
        and (
            word in ("according", "said", "says", "adding")
            or (word.endswith("ing") and word in CUES)
        )
    )


def _a_clause_with_a_cue_of_its_own(at: _Candidate) -> bool:
    """ "pointed to the polls, cracking a smile as he noted that …", "revealed this last
    fall when he boasted of …": a clause of when or how, whose own subject speaks with
    a cue of its own, is that speaker's act, not the words the first cue reports."""
    if at.word.lower not in SUBORDINATORS or at.k <= at.start + 1:
        return False
    toks, k = at.toks, at.k + 1
    if k > at.s_last or not (
        toks[k].lower in SUBJECT_PRONOUNS or (is_capitalised(toks[k]) and toks[k].text.isalpha())
    ):
        return False
    k += 1
    while k <= at.s_last and k - at.k <= 4 and is_capitalised(toks[k]):
        k += 1  # "as Donald Trump noted"
    while k <= at.s_last and toks[k].lower in ("also", "then", "later", "once", "again"):
        k += 1
    return (
        k <= at.s_last
        and toks[k].text.islower()
        and toks[k].lower in CUES
        and CUES[toks[k].lower].cls != "naming"  # "frustrated when he called the company"
        and not toks[k].lower.endswith("ing")
        and not at.inside[k]
    )


def _a_conjunction_before_an_aside(at: _Candidate) -> bool:
    """`said his claims were "sarcasm" but, boy, that sure took …`: "but" or "and" with a
    comma right after opens an aside, then a clause of the writer's own."""
    return at.word.lower in ("but", "and") and at.k > at.start + 1 and at.next_lower() == ","


def _a_participle_after_the_quote(at: _Candidate) -> bool:
    """`to create "a big spectacle" with a "showbiz" feel, leaving Cleveland excited`,
    `this the "expectations game" — setting expectations …`: once the words reported
    have closed a quote, a participle after a comma or dash is the writer's gloss; and
    ", meaning …" always is."""
    return (
        is_participle(at.word.text)
        and (at.comma_before or at.toks[at.k - 1].text in DASHES)
        and (any(at.inside[at.start : at.k]) or at.word.lower == "meaning")
    )


def _a_participle_after_before(at: _Candidate) -> bool:
    """ "called her son her hero before explaining": before/after/while + participle."""
    following = at.next_lower()
    return (
        at.word.lower in ("before", "after", "while")
        and at.k > at.start + 1
        and following is not None
        and following.endswith("ing")
    )


def _a_coordinated_cue(at: _Candidate) -> bool:
    """ "acknowledging that X but warning that Y", "called X crazy and said Y": a
    coordinated cue ends X; so does another speaker's ("accused Obama of "leading from
    behind" and Donald Trump says …"), but not a compound subject ("Cruz and Trump are",
    "he and Rubio")."""
    toks, k = at.toks, at.k
    if at.word.lower not in ("and", "but") or k <= at.start + 1 or k + 1 > at.s_last:
        return False
    verb = k + 1
    if toks[verb].lower in ("has", "have") and verb + 1 <= at.s_last:
        verb += 1  # "has called for X, favors Y and has promised Z"
    if toks[verb].lower in ADVERBS_OF_A_NEXT_ACT and verb + 1 <= at.s_last:
        verb += 1  # "mocked his rivals and even assured the crowd that …"
    if toks[verb].lower in CUES and (
        _shares_a_modal(at, verb) or _a_present_after_a_past(at, verb)
    ):
        return False  # "said he'd sit Putin down and tell him …": the content's own verb
    return toks[verb].lower in CUES or (
        not is_capitalised(toks[k - 1])
        and toks[k - 1].lower not in ALL_SUBJECT_PRONOUNS
        and _a_new_speaker(toks, k + 1, at.s_last)
    )


def _a_next_act_after_an_object(at: _Candidate) -> bool:
    """`cast himself as a "law and order" candidate and made a direct appeal to …`: when
    the words reported are an object, with no verb of their own, a past tense after "and"
    is the speaker's next act."""
    toks, k = at.toks, at.k
    if at.word.lower != "and" or k + 1 > at.s_last or k <= at.start + 1:
        return False
    verb = toks[k + 1]
    first = toks[at.start].lower
    return (
        verb.text.islower()
        and is_past_tense(verb)
        and first != "that"
        and first not in ALL_SUBJECT_PRONOUNS
        and first not in QUESTION_WORDS
        and not any(
            not at.inside[j]
            and (is_past_tense(toks[j]) or toks[j].lower in FINITE_VERBS or toks[j].lower in MODALS)
            for j in range(at.start, k)
        )
    )


def _shares_a_modal(at: _Candidate, verb: int) -> bool:
    """ "he'd sit Putin down and tell him", "will meet them and ask": a bare verb after
    "and" that goes on a modal inside the words reported."""
    word = at.toks[verb].lower
    if word.endswith(("s", "ed", "ing")) or word in IRREGULAR_PASTS:
        return False
    return any(
        t.lower in _REPORTED_MODALS or t.lower.endswith(("'d", "’d", "'ll", "’ll"))
        for t in at.toks[at.start : at.k]
    )


def _a_present_after_a_past(at: _Candidate, verb: int) -> bool:
    """ "said he has reviewed the messages and disagrees with …": a present tense after
    "and" cannot be the past cue's next act; it goes on with the words reported."""
    word = at.toks[verb].lower
    if not (word.endswith("s") and not word.endswith("ss")) or at.toks[verb - 1].lower != "and":
        return False
    cue = next(
        (j for j in range(at.start - 1, max(-1, at.start - 4), -1) if at.toks[j].lower in CUES),
        None,
    )
    return (
        cue is not None
        and is_past_tense(at.toks[cue])
        # not "Trump has said he doesn't plan to … and thinks …": a perfect is the present
        and at.toks[cue - 1].lower not in ("has", "have")
    )


# Modals whose bare verbs a later "and" may go on with.
_REPORTED_MODALS = frozenset({"would", "will", "could", "can", "should", "must", "might"})


# The tests after which the clause ends just before the candidate word.
_ENDS_BEFORE = (
    _a_semicolon,
    _a_dash_opening_the_writers_comment,
    _the_writer_sums_up,
    _a_relative_about_the_last_name,
    _a_new_subject_after_and,
    _a_subordinate_clause,
    _the_writer_s_clause_after_a_quote,
    _a_new_act,
    _a_clause_with_a_cue_of_its_own,
    _a_conjunction_before_an_aside,
    _a_participle_after_before,
    _a_coordinated_cue,
    _a_participle_after_the_quote,
    _a_next_act_after_an_object,
)


def _a_quote_closed_on_a_comma(at: _Candidate) -> bool:
    """`says he's "losing the war on terrorism," part of …`, `doesn't want "that crap," in
    an interview`, `expects "a fair deal," he said`: a quote closed on a comma ends the
    words reported (the clause ends with the mark), unless the clause goes on past it."""
    toks, k, s_last = at.toks, at.k, at.s_last
    if not (
        at.word.text in CLOSING_MARKS
        and k - 1 > at.start
        and toks[k - 1].text == ","
        and at.inside[k - 1]
        and k + 1 <= s_last
    ):
        return False
    following = toks[k + 1].lower
    return (
        (following not in SUBJECT_PRONOUNS or at.next_lower(2) in CUES)
        and following not in ("said", "says")
        and (following not in _CLAUSE_GOES_ON or is_adjunct(toks[k + 1 : s_last + 1]))
        and not _but_goes_on(toks, k + 1, s_last)
        and not _a_list_goes_on(toks, k + 1, s_last, at.inside)
    )


def _a_list_goes_on(toks: list[Token], k: int, s_last: int, inside: list[bool]) -> bool:
    """`is ready to "take on the Washington cartel," secure the border, strengthen the
    military, and improve …`: the quote is one item of a list that ", and" closes."""
    word = toks[k]
    if not (word.text.isalpha() and word.text.islower()) or word.lower in _NOT_A_LIST_ITEM:
        return False
    for j in range(k, s_last - 1):
        if inside[j]:
            return False  # another quotation first: not this list's
        if (
            toks[j].text == ","
            and toks[j + 1].lower in ("and", "or")
            # "…, and improve health care", not "…, and Trump vowed": a last item
            and toks[j + 2].text.islower()
            and toks[j + 2].lower not in _NOT_A_LIST_ITEM
        ):
            return True
    return False


# Words after a quote closed on a comma that open the writer's phrase, not a list item.
_NOT_A_LIST_ITEM = (
    DETERMINERS | PRONOUNS.keys() | PREPOSITIONS | {"according", "as", "which", "who", "where"}
)


def _a_new_speaker(toks: list[Token], k: int, s_last: int) -> bool:
    """Whether a name (one to three capitalised words) starts at k and a cue follows it."""
    last = k
    while last <= s_last and last - k < 3 and is_capitalised(toks[last]):
        last += 1
    return k < last <= s_last and toks[last].lower in CUES and not toks[last].lower.endswith("ing")


def _but_goes_on(toks: list[Token], k: int, s_last: int) -> bool:
    """`says Americans are "right to be angry," but also hungry for …`: "but" and an
    adverb, then no subject, verb or clause of its own, goes on with the reported
    clause (not "praised the remarks, but also used them …": the speaker's next act)."""
    if toks[k].lower != "but" or k + 2 > s_last or toks[k + 1].lower not in _BUT_ADVERBS:
        return False
    word = toks[k + 2]
    return not (
        is_capitalised(word)
        or word.lower in SUBJECT_STARTS
        or word.lower in FINITE_VERBS
        or word.lower in ("that", "it")
        or word.lower.startswith(("it'", "it’"))
        or word.lower.endswith("ed")
    )


def _quote_goes_on(toks: list[Token], k: int, s_last: int, inside: list[bool]) -> bool:
    """`said he had received offers, but "the offers were to use the gun …"`: "but"
    opening a quotation that runs to the sentence's end goes on in the speaker's words."""
    return (
        toks[k].lower == "but"
        and k + 2 <= s_last
        and toks[k + 1].text in OPENING_MARKS
        and all(inside[k + 2 : s_last])
    )


def _embedded_relative(toks: list[Token], relative: int, s_last: int, inside: list[bool]) -> bool:
    """Whether ", who …," is set inside the clause: its closing comma is followed by the
    clause's verb ("said the bomber, who detonated in Istanbul, had …") or goes on with
    an infinitive ("called Sanders after the primaries, which secured her the
    nomination, to congratulate him")."""
    for k in range(relative + 1, min(s_last, relative + 25)):
        if toks[k].text == "," and not inside[k]:
            verb = toks[k + 1]
            goes_on = verb.lower in FINITE_VERBS or verb.lower in MODALS or verb.lower == "to"
            return goes_on and not inside[k + 1]
    return False


def embedded_clause_end(toks: list[Token], s_first: int, cue: int, end: int, inside) -> int:
    """A cue inside a clause that the sentence opens with ("When I asked if he would
    endorse her, he looked away") or a comma- or dash-led relative clause ("Uihlein, who
    backed Walker's campaign, has given …", "the alt-right — which Clinton denounced
    Thursday — and …"): the content ends at the comma (dash) closing that clause."""
    opening = clause_opening(toks, s_first, cue)
    relative = next(
        (k for k in range(cue - 1, max(s_first, cue - 4) - 1, -1) if toks[k].lower in RELATIVES),
        None,
    )
    delimiter = ","
    if relative is not None and relative > s_first and toks[relative - 1].text == ",":
        opening = relative
    elif relative is not None and relative > s_first and toks[relative - 1].text in DASHES:
        opening, delimiter = relative, toks[relative - 1].text
    elif toks[opening].lower not in SUBORDINATORS:
        return end
    if any(toks[k].text == delimiter and not inside[k] for k in range(opening + 1, cue)):
        return end  # the clause closed before the cue
    closing = next(
        (
            k
            for k in range(cue + 1, end + 1)
            if toks[k].text == delimiter
            and not inside[k]
            and not (opening == relative and _between_modifiers(toks, k))
        ),
        None,
    )
    return end if closing is None else closing - 1


def _between_modifiers(toks: list[Token], comma: int) -> bool:
    """ "a generous, magnanimous business executive": a comma between two modifiers of
    one noun, inside the clause (lower-case words, the second no verb nor function word)."""
    if comma + 1 >= len(toks):
        return False
    before, after = toks[comma - 1], toks[comma + 1]
    return (
        before.text.isalpha()
        and before.text.islower()
        and after.text.isalpha()
        and after.text.islower()
        and after.lower not in FUNCTION_WORDS
        and after.lower not in PRONOUNS
        and after.lower not in DETERMINERS
        and after.lower not in FINITE_VERBS
        and after.lower not in CUES
        and not (after.lower.endswith("s") and not after.lower.endswith(("ous", "ss")))
        and not after.lower.endswith(("ed", "ing", "ly"))  # "…, viciously attacked"
        and after.lower not in IRREGULAR_PASTS
    )


def clause_opening(toks: list[Token], s_first: int, limit: int) -> int:
    """The first word of the sentence's opening clause: past a conjunction, and past a
    time noun before a subordinator ("Years after Bill Clinton claimed …, Obama won")."""
    opening = skip_conjunction(toks, s_first, limit)
    if (
        opening + 1 < limit
        and toks[opening].lower in TIME_NOUNS
        and toks[opening + 1].lower in SUBORDINATORS
    ):
        opening += 1
    return opening


# Words that open a sentence before its own first word: "But", "And then", "Still".
SENTENCE_CONJUNCTIONS = frozenset({"but", "and", "so", "yet", "still", "or", "also", "then"})


def skip_conjunction(toks: list[Token], first: int, limit: int) -> int:
    while first < limit and toks[first].lower in SENTENCE_CONJUNCTIONS:
        first += 1
    while first < limit and toks[first].text in _ASIDE_MARKS:
        first += 1
    return first


def quote_kind(text: str, quotation: Quotation, p: Paragraph) -> str:
    """Direct when the quotation stands as a sentence of its own, partial when it is
    a fragment inside someone else's sentence."""
    content = text[quotation.start : quotation.end].rstrip()
    if content[-1:] in ",.?!:;—–―-" or quotation.open_at == p.lo or not quotation.closed:
        return "direct"
    before = text[max(p.lo, quotation.open_at - 3) : quotation.open_at].rstrip()
    if before.endswith((":", ",")) and content[:1].isupper():
        return "direct"
    return "partial"


def last_mark(text: str, quotation: Quotation) -> str:
    """The quote's last character, looking through a nested quote that closes with it
    (`…do you need?’"`): the comma or question mark that hands it to a cue."""
    end = quotation.end
    while end > quotation.start and text[end - 1] in "’'‘ ":
        end -= 1
    return text[end - 1 : end] if end > quotation.start else ""


def ends_sentence(text: str, quotation: Quotation) -> bool:
    content = text[quotation.start : quotation.end].rstrip()
    return content[-1:] in ".?!" and content[:1].isupper()


def covers(text: str, span: tuple[int, int], quotation: Quotation) -> bool:
    """Whether a content clause is nothing but the quotation (marks and punctuation aside)."""
    outside = text[span[0] : quotation.open_at] + text[quotation.close_at : span[1]]
    return not any(c.isalnum() for c in outside)


def name_part(toks: list[Token], np: NounPhrase) -> NounPhrase:
    """ "US president Donald Trump" -> "Donald Trump": the capitalised run at the head."""
    first = np.last
    while first - 1 >= np.first and is_capitalised(toks[first - 1]):
        first -= 1
    return NounPhrase(first, np.last, np.last)
