"""Noun phrases around a cue: the speaker before or after it, the recipient after it.

Without a part-of-speech tagger, a speaker is found by scanning outwards from
the cue over the words a name or a description is made of (capitalised words,
titles, determiners, group and role nouns) and stopping at the words a clause
is made of. The scan keeps an appositive ("Graham, a former candidate,") with
its name, since that is what a reader sees as the speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotedb.parse.lexicon import (
    CUE_MODIFIERS,
    CUES,
    DATE_WORDS,
    DETERMINERS,
    FINITE_VERBS,
    FIRST_NAME_GENDER,
    FUNCTION_WORDS,
    GROUPS,
    IRREGULAR_PASTS,
    MEDIA,
    NAME_PARTICLES,
    NAMING_PARTICIPLES,
    ORGANISATION_WORDS,
    OWNER_POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    QUANTITY_HEADS,
    RELATIVE_PRONOUNS,
    ROLES,
    SUBJECT_PRONOUNS,
    TIME_NOUNS,
    TITLES,
)
from quotedb.parse.text import DASHES, PARTY_LABEL, Token

# Punctuation that ends an inverted speaker's phrase after the cue.
_PHRASE_ENDS = frozenset({",", ".", ";", ":", "(", ")", '"', "“", "”", "''"}) | DASHES
STANDALONE_QUANTIFIERS = frozenset({"another", "some", "many", "few", "both", "most", "several"})
TIME_PREPOSITIONS = frozenset({"in", "on", "at", "during", "over", "for", "last", "this", "after"})
# Verb forms that end a speaker phrase read rightwards ("Weaver told", "Kim wrote").
CUES_LOWER = frozenset(CUES)
_TIME_AMOUNTS = frozenset(
    [
        "less",
        "more",
        "than",
        "about",
        "a",
        "an",
        "few",
        "two",
        "three",
        "four",
        "five",
        "six",
        "several",
        "some",
        "nearly",
        "just",
        "only",
        "one",
    ]
)
# Modifiers paired by "and" before one head: "current and former officials".
_PAIRED_MODIFIERS = frozenset(
    {"current", "former", "past", "present", "future", "senior", "junior", "local"}
    | {"state", "federal", "national", "foreign", "domestic", "public", "private"}
)
# Two-word parentheticals set off by commas: "The judges, for instance, said".
_PARENTHETICAL_PAIRS = frozenset(
    {("for", "instance"), ("for", "example"), ("of", "course"), ("by", "contrast")}
    | {("in", "turn"), ("at", "least"), ("in", "particular"), ("in", "short")}
)
PARENTHETICAL = frozenset(
    {
        "however",
        "meanwhile",
        "though",
        "too",
        "moreover",
        "furthermore",
        "instead",
        "indeed",
        "nonetheless",
        "nevertheless",
        "also",
        "separately",
        "similarly",
        "likewise",
        "still",
        "again",
        "later",
        "then",
        "once",
        "now",
        "in",
        "fact",
    }
)
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you"})
# Every subject pronoun, "it" and "you" too (lexicon.SUBJECT_PRONOUNS holds those
# that name a speaker).
ALL_SUBJECT_PRONOUNS = SUBJECT_PRONOUNS | {"it", "you"}
_MAX_NP = 12
# Prepositions that open a comma-closed aside between a speaker and the cue.
_ASIDE_STARTS = frozenset(
    {"in", "for", "at", "on", "after", "despite", "unlike", "like", "during", "when", "while"}
)
_MAX_APPOSITIVE = 20  # "Ivanka Trump, who is executive vice president of development and …,"
_MAX_RELATIVE_CLAUSE = 45  # "Trump, who previously questioned whether … border, said"


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """Tokens first..last (inclusive) of a speaker or recipient phrase, and its head."""

    first: int
    last: int
    head: int  # the token that names it: the name's last word, the pronoun, the noun


def pronoun_of(token: Token) -> str | None:
    """ "He's", "they're": the pronoun inside a contraction, else None."""
    head, mark, _ = token.lower.replace("’", "'").partition("'")
    return head if mark and head in PRONOUNS else None


def _is_acronym(token: Token) -> bool:
    """ "US", "IT": capitals that spell a name, not the pronouns "us", "it"."""
    return len(token.text) > 1 and token.text.isupper()


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def past_the_office(tokens: list[Token], first: int, last: int) -> int:
    """Where the person's name starts in a capitalised run after "<title> of":
    "Secretary of State Madeleine Albright", "Director of National Intelligence James
    Clapper". The office runs up to a known first name; without one ("CEO of
    Washington Restaurant Association") the run is left whole."""
    if first < 2 or tokens[first - 1].lower != "of" or tokens[first - 2].lower not in TITLES:
        return first
    for k in range(first + 1, last):
        if tokens[k].lower in FIRST_NAME_GENDER:
            return k
    return first


def past_a_capitalised_office(tokens: list[Token], first: int, last: int) -> int:
    """Where the person's name starts in a run that spells its office in capitals,
    "White House Chief Of Staff Rahm Emanuel": at the known first name after a title."""
    for k in range(first + 1, last):
        if tokens[k].lower in FIRST_NAME_GENDER:
            if any(tokens[j].lower in TITLES for j in range(first, k)):
                return k
            break
    return first


def _is_np_word(token: Token) -> bool:
    """Whether a word can sit inside a speaker phrase (scanning leftwards)."""
    lower = token.lower
    if lower == "that" or (lower in FUNCTION_WORDS and lower not in DETERMINERS):
        return False  # "argued that democracies must": "that" opens the content
    if is_capitalised(token) or lower in DETERMINERS or lower in TITLES:
        return True
    if token.text in ("'s", "’s", "-", "&") or token.text.endswith(("'s", "’s")):
        return True
    return token.text[:1].isalnum() and lower not in CUE_MODIFIERS


def subject_before(tokens: list[Token], cue: int, floor: int = 0) -> NounPhrase | None:
    """The speaker phrase that ends right before tokens[cue] (skipping "also", "has")."""
    if (
        cue - 3 >= floor
        and tokens[cue - 1].text in ("”", '"', "''")
        and tokens[cue - 2].text == ","
        and _opening_of_a_title(tokens, cue - 1, floor) is not None
    ):
        # "Marcel Lehel, the hacker known as "Guccifer," stated": the appositive's comma
        # stands inside the title's closing mark
        apposed = _appositive_subject(tokens, cue - 2, floor)
        if apposed is not None:
            return NounPhrase(apposed.first, cue - 1, apposed.head)
    if cue - 2 >= floor and tokens[cue - 1].text == "," and tokens[cue - 2].text == ")":
        # "Filippo Grandi, the U.N. High Commissioner for Refugees (UNHCR), said": an
        # appositive that ends in a bracket (not "Gov. John Kasich (R-OH), said": no name
        # stands before it)
        apposed = _appositive_subject(tokens, cue - 1, floor)
        if apposed is not None:
            return apposed
    i = _end_of_the_subject(tokens, cue, floor)
    if i < floor:
        return None
    if tokens[i].text in DASHES and i > floor:
        return _subject_across_a_dashed_aside(tokens, i, floor)
    # "Trump did, however, admit", "The judges, for instance, said": step over a
    # parenthetical adverb.
    while i - 2 >= floor and tokens[i].text == ",":
        if tokens[i - 1].lower in PARENTHETICAL and tokens[i - 2].text == ",":
            i -= 3
        elif (
            i - 3 >= floor
            and (tokens[i - 2].lower, tokens[i - 1].lower) in _PARENTHETICAL_PAIRS
            and tokens[i - 3].text == ","
        ):
            # "Brian Murphy, the county chairman, for example, said": an appositive may
            # end at the parenthetical's first comma
            apposed = _appositive_subject(tokens, i - 3, floor)
            if apposed is not None:
                return apposed
            i -= 4
        else:
            break
        while i >= floor and tokens[i].lower in CUE_MODIFIERS:
            i -= 1
        if i < floor:
            return None
    # "Graham, a former candidate, told": step over a trailing appositive.
    if tokens[i].text == ",":
        return _appositive_subject(tokens, i, floor)
    head_token = tokens[i]
    lower = pronoun_of(head_token) or head_token.lower
    if lower == "one" and (i == floor or tokens[i - 1].text == ","):
        return NounPhrase(i, i, i)  # "In the letters, one described": the sieve resolves it
    if lower in STANDALONE_QUANTIFIERS and (
        i == floor or not tokens[i - 1].text[:1].isalnum() or tokens[i - 1].lower in ("and", "but")
    ):
        return NounPhrase(i, i, i)  # "Another tweeted", "Some argue": unnamed speakers
    if (
        lower in PRONOUNS and lower not in OBJECT_PRONOUNS or lower in RELATIVE_PRONOUNS
    ) and not _is_acronym(head_token):
        return NounPhrase(i, i, i)
    if (
        lower in QUANTITY_HEADS
        or lower.endswith("%")
        or (lower[:1].isdigit() and lower.rstrip("%").isdigit())
    ):
        # Poll shares speak: "26% say", "one in five say", "nearly a third said".
        first = i
        while (
            first - 1 >= floor
            and cue - first < 6
            and (
                tokens[first - 1].lower in QUANTITY_HEADS
                or tokens[first - 1].lower in DETERMINERS
                or tokens[first - 1].lower in ("in", "of", "nearly", "about", "almost", "roughly")
                or tokens[first - 1].text[:1].isdigit()
            )
        ):
            first -= 1
        return NounPhrase(first, i, i)
    if lower in MEDIA and head_token.text.islower():
        owned = owned_medium(tokens, i, floor)
        if owned is not None:
            return owned  # "Sanders' fundraising email notes": its owner wrote it
    if not _is_np_word(head_token) or lower in DETERMINERS:
        return None
    # "Beck, who has in the past described": a time phrase is not the speaker (but "Day
    # said" with a capital and nothing before it is Kristen Day).
    if lower in TIME_NOUNS and not (is_capitalised(head_token) and i == floor):
        return _subject_around_a_time_noun(tokens, i, cue, floor)
    named = is_capitalised(head_token) and lower not in GROUPS
    # past a bracket ("Sen. Chris Murphy (a Democrat so boyish …) says"), the phrase's
    # length counts from the bracket, not the cue
    reach = i + 1 if i + 1 < cue and tokens[i + 1].text == "(" else cue
    first = _start_of_the_phrase(tokens, i, reach, floor, named)
    return _widened_subject(tokens, first, i, cue, floor, named)


def _medium_phrase_start(tokens: list[Token], i: int, floor: int) -> int | None:
    """Where "in a Medium post", "on his Facebook page" starts when it ends at tokens[i]
    right after a name or a pronoun: the medium someone spoke in, not the speaker."""
    if tokens[i].lower not in MEDIA or not tokens[i].text.islower():
        return None
    for k in range(i - 1, max(floor, i - 5), -1):
        if tokens[k].lower in ("in", "on", "via"):
            before = tokens[k - 1] if k - 1 >= floor else None
            speaker_before = before is not None and (
                is_capitalised(before) or before.lower in SUBJECT_PRONOUNS
            )
            return k if speaker_before else None
        if not tokens[k].text[:1].isalnum():
            return None
    return None


def _subject_around_a_time_noun(
    tokens: list[Token], i: int, cue: int, floor: int
) -> NounPhrase | None:
    """The subject when the word before the cue is a time or event noun: the one before
    the time phrase ("Beck, who has in the past described"), the statement that is
    signed later (`"…," the statement read`), or the one the event describes ("the
    organizer of a pro-Trump rally said"); else no one."""
    j = i - 1
    while j >= floor and tokens[j].lower in DETERMINERS:
        j -= 1
    if j >= floor and tokens[j].lower in TIME_PREPOSITIONS:
        return subject_before(tokens, j, floor)
    if (
        tokens[i].lower == "statement"
        and j < i - 1
        and (j < floor or not tokens[j].text[:1].isalnum())
    ):
        return NounPhrase(j + 1, i, i)  # the sieve finds its author
    first = _start_of_the_phrase(tokens, i, cue, floor, False)
    if first - 1 >= floor and tokens[first - 1].lower in ("of", "at"):
        widened = _widened_subject(tokens, first, i, cue, floor, False)
        if widened is not None and widened.head != i:
            return widened
    return None


def owner_name_end(tokens: list[Token], k: int) -> bool:
    """ "Trump's", "Sanders'": tokens[k] ends a capitalised possessive, an owner's name
    (the apostrophe after a plural-like name is a token of its own)."""
    token = tokens[k]
    if token.text in ("'", "’"):
        return (
            k > 0
            and is_capitalised(tokens[k - 1])
            and tokens[k - 1].text.endswith("s")
            and tokens[k - 1].end == token.start
        )
    return is_capitalised(token) and token.text.endswith(("'s", "’s"))


def in_someone_s_words(tokens: list[Token], k: int) -> tuple[int, NounPhrase | None] | None:
    """ "in Forbes' words", "in his own words", "in the words of": where the phrase that
    tokens[k] ("in") opens ends, and whose words they are when it names them before
    "words" (None for "in the words of X", whose X follows)."""
    n = len(tokens)
    if k + 3 < n and [t.lower for t in tokens[k + 1 : k + 4]] == ["the", "words", "of"]:
        return k + 3, None
    words = next((j for j in range(k + 2, min(n, k + 6)) if tokens[j].lower == "words"), None)
    if words is None:
        return None
    last = words - 1
    if tokens[last].lower == "own":
        last -= 1
    if last == k + 1 and tokens[last].lower in OWNER_POSSESSIVES:
        return words, NounPhrase(last, last, last)  # "in her words"
    if last < k + 1 or not owner_name_end(tokens, last):
        return None
    name_last = last - 1 if tokens[last].text in ("'", "’") else last
    if not all(is_capitalised(t) for t in tokens[k + 1 : name_last + 1]):
        return None
    return words, NounPhrase(k + 1, name_last, name_last)


def in_a_poll(tokens: list[Token], k: int) -> bool:
    """ "In an NBC News/Wall Street Journal poll released Monday, 50 percent …": tokens[k]
    ("In", opening the sentence) opens a poll's name, which ends at a comma; what the
    poll found follows."""
    named = False  # a poll heads the phrase before what describes it ("… released Monday")
    for j in range(k + 1, min(len(tokens), k + 14)):
        token = tokens[j]
        if token.text == ",":
            return named
        a_verb = token.lower in FINITE_VERBS or token.lower in CUES
        if a_verb or (not token.text[:1].isalnum() and token.text not in ("/", "-")):
            return False
        if not named and (token.lower in PREPOSITIONS or token.lower.endswith("ed")):
            return False  # "In a memo released as polls closed", "In a request for …"
        named = named or token.lower in _POLLS
    return False


# The heads of a poll's name.
_POLLS = frozenset({"poll", "polls", "survey", "surveys", "polling"})


def owned_medium(tokens: list[Token], head: int, floor: int) -> NounPhrase | None:
    """ "Sanders' fundraising email", "Trump's statement": a medium after its owner's
    name, the phrase from the name to the medium."""
    k = head - 1
    while k >= floor and head - k <= 3 and tokens[k].text.isalpha() and tokens[k].text.islower():
        k -= 1  # "fundraising", "latest"
    if k < floor or not owner_name_end(tokens, k):
        return None
    start = k - 1 if tokens[k].text in ("'", "’") else k
    while (
        start - 1 >= floor
        and is_capitalised(tokens[start - 1])
        and (tokens[start - 1].lower not in FUNCTION_WORDS)
    ):
        start -= 1
    return NounPhrase(start, head, head)


def _end_of_the_subject(tokens: list[Token], cue: int, floor: int) -> int:
    """The last word of the subject before tokens[cue], past what may stand between:
    "also", "has", dates ("on Monday", "last week", "two weeks ago"), -ly adverbs,
    "all"/"both", negations, a closing parenthetical ("Sen. Chuck Schumer (D-N.Y.)
    said"); below floor when nothing is left."""
    i = cue - 1
    while i >= floor:
        lower = tokens[i].lower
        if lower in CUE_MODIFIERS or lower in DATE_WORDS:
            i -= 1
        elif lower.endswith(("n't", "n’t")):
            i -= 1  # "The mayor doesn't want", as "does not want"
        elif (
            lower in ("here", "there")
            and i - 1 >= floor
            and _is_np_word(tokens[i - 1])
            and not (tokens[cue].lower in CUES and CUES[tokens[cue].lower].cls == "thought")
        ):
            i -= 1  # "Her campaign workers here said" (not "people here know him")
        elif (
            lower.endswith("ly")
            and not is_capitalised(tokens[i])
            and len(lower) > 4
            # "the rally said", "his family says": a noun, not an adverb
            and lower not in _NOUNS_IN_LY
        ):
            i -= 1  # "he barely discussed", "Trump repeatedly claimed"
        elif (
            lower in ("most", "more", "very", "so")
            and i + 1 < cue
            and tokens[i + 1].lower.endswith("ly")
        ):
            i -= 1  # "and most recently defended"
        elif (
            lower in ("on", "last", "this", "next")
            and i + 1 < cue
            and tokens[i + 1].lower in DATE_WORDS
        ):
            i -= 1  # "Two House Committees on Monday asked"
        elif (
            lower in TIME_NOUNS
            and i - 1 >= floor
            and (tokens[i - 1].lower in DATE_WORDS or tokens[i - 1].lower in ("this", "last"))
        ):
            i -= 1  # "Sean Spicer on Thursday evening said", "Trump last week said"
        elif (
            lower in ("all", "both", "each")
            and i - 1 >= floor
            and (
                is_capitalised(tokens[i - 1])
                or tokens[i - 1].lower in CUE_MODIFIERS
                or tokens[i - 1].text == ")"  # "Bob Goodlatte (R-Va.) both condemned"
            )
        ):
            i -= 1  # "Trump, Huckabee and Christie all called", "have both argued"
        elif lower == "ago":
            # "The State Department less than two weeks ago said"
            i -= 1
            while i >= floor and (
                tokens[i].lower in TIME_NOUNS
                or tokens[i].text[:1].isdigit()
                or tokens[i].lower in _TIME_AMOUNTS
            ):
                i -= 1
        elif tokens[i].text == "," and i - 1 >= floor and tokens[i - 1].text == ")":
            i -= 1  # "Gov. John Kasich (R-OH), said": the comma closes the parenthetical
        elif (medium := _medium_phrase_start(tokens, i, floor)) is not None:
            i = medium - 1  # "Jeb Bush in a Medium post said": where, not who
        elif tokens[i].text == ")":
            # "Ed Rendell (D), a Clinton supporter," / "Sen. Chuck Schumer (D-N.Y.) said"
            j = i
            while j > floor and tokens[j].text != "(" and i - j < 25:
                j -= 1
            if tokens[j].text != "(":
                break
            i = j - 1
        else:
            break
    return i


def _subject_across_a_dashed_aside(tokens: list[Token], i: int, floor: int) -> NounPhrase | None:
    """ "Jason Sims — a teacher from Mount Pleasant — says", "Democrats -- including
    Clinton -- said": step over a dashed aside (closing at tokens[i]) to the name before
    it (a dash typed as "-" or "--" is one or two hyphen tokens)."""
    mark = tokens[i].text
    close = i - 1 if mark == "-" and tokens[i - 1].text == "-" else i
    j = close - 1
    while j > floor and tokens[j].text != mark and close - j < 20:
        if tokens[j].text in (".", ";", ":", '"', "“", "”"):
            return None
        j -= 1
    if j <= floor or tokens[j].text != mark:
        return None
    if mark == "-" and tokens[j - 1].text == "-":
        j -= 1
    name = subject_before(tokens, j, floor)
    if (
        name is None
        or name.last != j - 1
        # "The three constitutional scholars -- Mr. Tribe, … --": a description too.
        or not (is_capitalised(tokens[name.head]) or tokens[name.first].lower in DETERMINERS)
    ):
        return None
    if (
        name.first - 2 > floor
        and tokens[name.first - 1].lower == "or"
        and tokens[name.first - 2].text == ","
    ):
        # "Neil Sroka, director of Democracy for America, or DFA - which Dean founded -
        # said": the short name ends the appositive of the one who speaks.
        speaker = _appositive_subject(tokens, name.first - 2, floor)
        if speaker is not None and is_capitalised(tokens[speaker.head]):
            return NounPhrase(speaker.first, close - 1, speaker.head)
    return NounPhrase(name.first, close - 1, name.head)


def _start_of_the_phrase(tokens: list[Token], head: int, cue: int, floor: int, named: bool) -> int:
    """The first word of the noun phrase whose head is tokens[head]: back over its
    modifiers to a determiner, across "and" ("teachers and union officials"); a name
    extends over names and titles only."""
    first = head
    while first - 1 >= floor and cue - first < _MAX_NP:
        previous = tokens[first - 1]
        # not "said that officials …" (but "That person said", opening the sentence)
        if previous.lower in DETERMINERS and (
            previous.lower != "that" or (first - 1 == floor and previous.text == "That")
        ):
            first -= 1
            break
        if (
            previous.lower == "and"
            and first - 2 >= floor
            and tokens[first - 2].lower in ALL_SUBJECT_PRONOUNS
        ):
            first -= 2  # "He and House Judiciary Chairman Bob Goodlatte both condemned"
            break
        if (
            previous.lower == "and"
            and first - 2 >= floor
            and (
                tokens[first - 2].lower in GROUPS
                or tokens[first - 2].lower in ROLES
                or is_capitalised(tokens[first - 2])
            )
        ):
            # "teachers and union officials", "Donald Trump and Paul Ryan", "the Florida
            # senator and Republican presidential candidate"
            first -= 1
            continue
        if (
            previous.lower == "and"
            and first < head
            and first - 2 >= floor
            and tokens[first - 2].lower in _PAIRED_MODIFIERS
            and tokens[first].lower in _PAIRED_MODIFIERS
        ):
            first -= 1  # "current and former officials"
            continue
        if (
            named
            and previous.lower in ("on", "for", "of")
            and first - 2 >= floor
            and tokens[first - 2].lower in ORGANISATION_WORDS
            and is_capitalised(tokens[first - 2])
        ):
            first -= 1  # "the Joint Committee on Taxation", "the Center for American Progress"
            continue
        if not _is_np_word(previous):
            break
        if (
            previous.lower.endswith("ed")
            and previous.text.islower()
            and first - 2 >= floor
            and tokens[first - 2].lower in RELATIVE_PRONOUNS
        ):
            break  # "the emails, which included staff members suggesting": a verb
        # A name extends only over names and titles ("US president Donald Trump"),
        # never over the verb before it ("Another letter saw Kim").
        if named and not (
            is_capitalised(previous)
            or previous.lower in TITLES
            or previous.lower in ROLES
            or previous.text in ("'s", "’s", "-", "&", ".")
            or previous.lower in NAME_PARTICLES  # "Bill de Blasio"
        ):
            break
        first -= 1
    return first


def _widened_subject(
    tokens: list[Token], first: int, head: int, cue: int, floor: int, named: bool
) -> NounPhrase | None:
    """The phrase tokens[first..head] widened to the one who speaks: the person before
    "of Vermont", the source before "close to the campaign", the group before a place,
    the institution named with "of", the office before a name, the role before "for"."""
    head_token = tokens[head]
    # "Senator Bernie Sanders of Vermont endorsed": the person, not the place.
    if (
        named
        and first - 2 >= floor
        and tokens[first - 1].lower == "of"
        and is_capitalised(tokens[first - 2])
        and tokens[first - 2].lower not in TITLES
    ):
        person = subject_before(tokens, first - 1, floor)
        if (
            person is not None
            and person.last == first - 2
            and is_capitalised(tokens[person.head])
            and any(
                t.lower in FIRST_NAME_GENDER or t.lower in TITLES
                for t in tokens[person.first : person.head]
            )
        ):
            return NounPhrase(person.first, head, person.head)
    # "A source close to the campaign said", "Two people briefed on the talks said": the
    # people an anonymous source is described by, not what they know.
    source = _source_known_by(tokens, first, floor)
    if source is not None:
        return NounPhrase(source.first, head, source.head)
    # "Some delegates at the convention in Philadelphia said", "Officials in each state
    # said": the place ends a chain of prepositional phrases after the group that speaks.
    if (
        (named or tokens[first].lower in ("each", "every"))
        and first - 1 >= floor
        and tokens[first - 1].lower in _PLACE_PREPOSITIONS
    ):
        group = _group_before_the_places(tokens, first - 1, floor)
        if group is not None:
            return NounPhrase(group.first, head, group.head)
        thing = _thing_before_a_place(tokens, first - 1, floor)
        if thing is not None:
            return NounPhrase(thing, head, first - 2)
    # "A woman at the rally said", "A woman at one of Trump's rallies said": a person
    # described by where they were, not the place.
    if not named and (person := _person_before_a_place(tokens, first, floor)) is not None:
        return NounPhrase(person.first, head, person.head)
    # "The University of Chicago said": an institution named with "of".
    while (
        named
        and first - 2 >= floor
        and tokens[first - 1].lower == "of"
        and is_capitalised(tokens[first - 2])
        and tokens[first - 2].lower in ORGANISATION_WORDS
    ):
        first -= 2
        while first - 1 >= floor and (
            is_capitalised(tokens[first - 1]) or tokens[first - 1].lower == "the"
        ):
            first -= 1
    # "Former Secretary of State Madeleine Albright said": the office is in the phrase.
    if (
        named
        and first - 2 >= floor
        and is_capitalised(tokens[first - 2])
        and past_the_office(tokens, first, head) > first
    ):
        first -= 2
        while first - 1 >= floor and (
            tokens[first - 1].lower in TITLES
            or (is_capitalised(tokens[first - 1]) and tokens[first - 1].lower not in FUNCTION_WORDS)
        ):
            first -= 1
    # A lowercase word directly before the cue must be a noun we know ("officials"),
    # or the phrase must contain a name: "the network said" but not "then said".
    # "a spokesman for Bernie Sanders said": the spokesman speaks, not Sanders.
    speaker_noun = first - 2
    if (
        first - 3 >= floor
        and tokens[first - 1].lower in ("to", "with")
        and tokens[first - 2].lower in ("close", "familiar", "loyal", "allied", "connected")
    ):
        speaker_noun = first - 3  # "people close to Clinton", "sources familiar with the plan"
    if (
        speaker_noun >= floor
        and tokens[first - 1].lower in ("for", "to", "of", "with")
        and (
            tokens[speaker_noun].lower in ROLES
            or tokens[speaker_noun].lower in GROUPS
            # "A majority of her backers say", "Thirty-one percent of those surveyed say"
            or (tokens[first - 1].lower == "of" and tokens[speaker_noun].lower in QUANTITY_HEADS)
        )
    ):
        role = speaker_noun
        start = role
        while (
            start - 1 >= floor
            and cue - start < _MAX_NP
            and (
                tokens[start - 1].lower in DETERMINERS
                or tokens[start - 1].text[:1].isdigit()  # "54 percent of voters"
                or (
                    tokens[start - 1].text[:1].isalpha()
                    and tokens[start - 1].lower not in FUNCTION_WORDS
                )
            )
        ):
            start -= 1
            if tokens[start].lower in DETERMINERS:
                break
        person = _person_before_a_place(tokens, start, floor)
        if person is not None and tokens[role].lower in QUANTITY_HEADS:
            return NounPhrase(person.first, head, person.head)  # "a woman at one of …"
        return NounPhrase(start, head, role)
    # "Another source speaking to Fox News said": Fox News is spoken to; the speaker
    # is the phrase before the participle.
    if (
        first - 2 >= floor
        and tokens[first - 1].lower in ("to", "with")
        and tokens[first - 2].lower.endswith("ing")
    ):
        return subject_before(tokens, first - 2, floor)
    words = tokens[first : head + 1]
    if (
        not any(is_capitalised(t) or t.lower in GROUPS or t.lower in ROLES for t in words)
        and words[0].lower not in DETERMINERS
        and not _looks_like_noun(head_token)
    ):
        return None
    return NounPhrase(first, head, head)


def _looks_like_noun(token: Token) -> bool:
    """A lowercase head word that reads as a noun: plural or a known role ending."""
    lower = token.lower
    if lower in FUNCTION_WORDS or lower in CUE_MODIFIERS:
        return False
    if lower in _NOUNS_IN_LY or lower in MEDIA:
        return True  # "the rally", "Sanders' email"
    if lower.endswith(("ed", "ing", "ly")):
        return False
    return lower.endswith(
        (
            "s",
            "er",
            "or",
            "ist",
            "ian",
            "ent",
            "ant",
            "ee",
            "man",
            "woman",
            "ive",
            "office",
            "campaign",
            "group",
            "team",
            "poll",
            "survey",
            "study",
            "report",
            "data",
            "network",
            "paper",
            "post",
            "administration",
            "government",
            "department",
            "agency",
            "committee",
            "council",
            "court",
            "party",
            "statement",
            "spokesperson",
        )
    )


def _opening_of_a_title(tokens: list[Token], closing: int, floor: int) -> int | None:
    """The quote mark that opens the title `closing` ends, when a titling participle
    stands right before it; None for any other quotation."""
    for k in range(closing - 1, max(floor, closing - 16), -1):
        if tokens[k].text in ('"', "“", "''"):
            return k if names_what_follows(tokens, k) else None
    return None


def names_what_follows(tokens: list[Token], mark: int) -> bool:
    """Whether the words before a quote mark give a name or title: "titled", "called",
    "known as"."""
    before = tokens[mark - 1].lower if mark >= 1 else ""
    known_as = before == "as" and mark >= 2 and tokens[mark - 2].lower == "known"
    return before in NAMING_PARTICIPLES or known_as


def _appositive_subject(
    tokens: list[Token], comma: int, floor: int, depth: int = 0
) -> NounPhrase | None:
    """`NAME, APPOSITIVE, cue`: the phrase runs from NAME to the appositive's end.

    Up to three appositives stack: "Willie Minor, an actor in Dallas, who runs a
    theater company, recalled"; "Jimmy Ghazal, 39, a Lebanese man, told".
    """
    j = comma - 1
    while j >= floor and tokens[j].text != "," and comma - j < _MAX_RELATIVE_CLAUSE:
        # "Sen. Rand Paul, R-Ky., told": a party-state label's period ends the appositive
        # (a town's state, "of Huntsville, Ala.," does not).
        label = (
            j == comma - 1
            and j > floor
            and tokens[j - 1].end == tokens[j].start
            and PARTY_LABEL.fullmatch(tokens[j - 1].text) is not None
        )
        if tokens[j].text in ('"', "“", "”", "''") and j > floor:
            # "The ad, titled "Unifier?", concludes": a work's quoted title; or the mark
            # that opens one whose closing comma this appositive ends on ("the hacker known
            # as "Guccifer," stated")
            title = _opening_of_a_title(tokens, j, floor)
            if title is None and not names_what_follows(tokens, j):
                return None
            j = (title if title is not None else j) - 1
            continue
        if tokens[j].text in (".", ";", ":") and not (tokens[j].text == "." and label):
            return None
        j -= 1
    # "Clinton, during a town hall meeting in Columbus, Ohio, said": "City, State" is one
    # place inside the aside; walk on to the comma before it.
    while (
        j - 2 > floor
        and tokens[j].text == ","
        and comma - j - 1 in (1, 2)
        and all(is_capitalised(t) or t.text == "." for t in tokens[j + 1 : comma])
        and is_capitalised(tokens[j - 1])
        and tokens[j - 2].lower in ("in", "at", "from", "near", "of")
    ):
        k = j - 1
        while k >= floor and tokens[k].text != "," and comma - k < _MAX_RELATIVE_CLAUSE:
            k -= 1
        if k < floor or tokens[k].text != ",":
            break
        j = k
    if j < floor or tokens[j].text != ",":
        return None
    if comma - j > _MAX_APPOSITIVE and not (
        tokens[j + 1].lower in ("who", "which") or tokens[j + 1].lower in _ASIDE_STARTS
    ):
        return None  # only a relative clause or an aside ("in response to …") runs that long
    segment_first = tokens[j + 1]
    appositive_first = segment_first.lower
    if appositive_first in _ASIDE_STARTS and depth == 0:
        # "Gates, in contrast, told", "Priebus, in the wake of a new poll …, told": an
        # aside about the circumstances; the speaker is the phrase before it, alone.
        name = subject_before(tokens, j, floor) if tokens[j - 1].text != "," else None
        if name is not None and name.last == j - 1 and _can_speak(tokens[name.head]):
            if not _a_place_in_an_aside(tokens, name, floor):
                return name
            # "Sandy Phillips, who lost her daughter in Aurora, Colorado, in July 2012,
            # said": the name closes an earlier aside; the speaker stands before it, if
            # there is one.
            inner = _appositive_subject(tokens, j, floor, depth + 1)
            return name if inner is None else NounPhrase(inner.first, comma - 1, inner.head)
        return None
    if _has_own_verb(tokens[j + 1 : comma]):
        return None  # "…, Sen. Ted Cruz was also critical of it, telling": a clause
    if not (
        appositive_first in DETERMINERS
        or appositive_first in ("who", "which", "whose")
        or (appositive_first.endswith("ing") and not is_capitalised(segment_first))
        or segment_first.text[:1].isdigit()
        or appositive_first in TITLES
        or appositive_first in ROLES
        # "Amy Pope, deputy homeland security advisor, said": a role a few words in.
        or any(t.lower in TITLES or t.lower in ROLES for t in tokens[j + 2 : min(j + 6, comma)])
        # "Vikram Amar, dean of the University of Illinois College of Law, said"
        or (j + 2 < comma and tokens[j + 2].lower == "of" and segment_first.text[:1].isalpha())
        or appositive_first.endswith(("'s", "’s"))
        or is_capitalised(segment_first)
        or appositive_first in NAMING_PARTICIPLES
    ):
        return None
    # "Sanders, meanwhile, who …, said": the name stands before a parenthetical adverb.
    k = j
    if k - 2 >= floor and tokens[k - 1].lower in PARENTHETICAL and tokens[k - 2].text == ",":
        k -= 2
    # "Sen. Lindsey Graham, R-S.C., a long-shot candidate, said": before the party label.
    label = k - 2 if k - 2 >= floor and tokens[k - 1].text == "." else k - 1
    if (
        label - 1 >= floor
        and PARTY_LABEL.fullmatch(tokens[label].text.rstrip(".")) is not None
        and tokens[label - 1].text == ","
    ):
        k = label - 1
    name = subject_before(tokens, k, floor) if tokens[k - 1].text != "," else None
    # "Rep. Elijah Cummings (D-Md.), chair of …, said": the name ends before its bracket.
    name_end = k - 1
    if tokens[name_end].text == ")":
        opening = name_end
        while opening > floor and tokens[opening].text != "(" and name_end - opening < 6:
            opening -= 1
        if tokens[opening].text == "(":
            name_end = opening - 1
    if name is not None and name.last == name_end and is_capitalised(tokens[name.head]):
        if name.first - 1 >= floor and _governs_an_object(tokens[name.first - 1]):
            # The name is an object ("supporting Mr. Cruz", "a challenge in Iowa"): the
            # speaker is the appositive's own name, or the phrase before the aside the
            # name stands in ("Sen. Chuck Grassley, facing a challenge in Iowa, a swing
            # state, said").
            appositive = subject_after(tokens, j + 1)
            if (
                appositive is not None
                and appositive.first < appositive.head
                and all(is_capitalised(t) for t in tokens[appositive.first : appositive.head + 1])
                and all(
                    is_capitalised(t) or t.lower in ("of", "in", "from", "at", "the")
                    for t in tokens[appositive.head + 1 : comma]
                )
            ):
                return NounPhrase(j + 1, comma - 1, appositive.head)
            if (
                # "Making her way around Chez Vachon, Clinton and husband Bill, thanked":
                # names joined by "and", a role among them (not "Iran, Turkey and France")
                is_capitalised(tokens[j + 1])
                and any(t.lower == "and" for t in tokens[j + 2 : comma])
                and any(t.lower in ROLES for t in tokens[j + 2 : comma])
                and all(
                    is_capitalised(t) or t.lower == "and" or t.lower in ROLES
                    for t in tokens[j + 2 : comma]
                )
            ):
                return NounPhrase(j + 1, comma - 1, j + 1)
            if depth < 2 and j - 1 >= floor:
                inner = _appositive_subject(tokens, j, floor, depth + 1)
                if inner is not None:
                    return NounPhrase(inner.first, comma - 1, inner.head)
        return NounPhrase(name.first, comma - 1, name.head)
    if (
        j - floor >= 2
        and tokens[floor].text[:1].isupper()
        and 2 <= comma - j - 1 <= 4
        and is_capitalised(tokens[j + 1])
        # "Clay's biographers, David and Jeanne Heidler, wrote": names joined by "and".
        and all(is_capitalised(t) or t.lower == "and" for t in tokens[j + 2 : comma])
        and not _has_own_verb(tokens[floor:j])
        and not any(
            t.text in (",", ".", ";", ":", "(", '"', "“", "”") or t.lower.endswith("ed")
            for t in tokens[floor:j]
        )
    ):
        # "One of the authors of that report, Ari Fleischer, said": a description opens
        # the sentence and its appositive is the name.
        return NounPhrase(floor, comma - 1, comma - 1)
    if (
        name is not None
        and name.last == name_end
        and (
            tokens[name.head].lower in ROLES
            # "…," the assailant, John McGraw, told": a described subject, then its name.
            or (
                tokens[name.first].lower == "the"
                and (name.first == floor or not tokens[name.first - 1].text[:1].isalnum())
            )
        )
        and all(is_capitalised(t) or t.text in (".", "-") for t in tokens[j + 1 : comma])
    ):
        # "the White House spokesman, Josh Earnest, said": the appositive is the name.
        return NounPhrase(name.first, comma - 1, comma - 1)
    if (
        name is not None
        and name.last == name_end
        and (
            tokens[name.head].lower in ROLES
            or tokens[name.head].lower in GROUPS
            # "The complaint, which was filed in federal court, alleged", "The ad,
            # titled "Unifier?", concludes": a described subject that opens its clause.
            or (
                (appositive_first in ("who", "which") or appositive_first in NAMING_PARTICIPLES)
                and (name.first == floor or not tokens[name.first - 1].text[:1].isalnum())
            )
        )
        and tokens[name.first].lower in DETERMINERS
    ):
        # "An Israeli official, speaking on condition of anonymity, said": described only.
        return NounPhrase(name.first, comma - 1, name.head)
    if (
        name is not None
        and name.last == name_end
        and tokens[name.head].lower in GROUPS
        and appositive_first in ("including", "like", "among")
    ):
        # "numerous military veterans, including Mr. Jebens, said": the group speaks
        return NounPhrase(name.first, comma - 1, name.head)
    if depth < 2 and j - 1 >= floor:
        inner = _appositive_subject(tokens, j, floor, depth + 1)
        if inner is not None:
            return NounPhrase(inner.first, comma - 1, inner.head)
    return None


def _can_speak(head: Token) -> bool:
    """Whether a phrase with this head can be a speaker before an aside: a name or a
    group ("Democratic economists, like their Republican counterparts, say")."""
    return is_capitalised(head) or head.lower in GROUPS


def _has_own_verb(segment: list[Token]) -> bool:
    """Whether a comma-closed segment is a clause ("Cruz was critical of it") rather
    than an appositive ("a Republican who has endorsed Trump")."""
    for k, token in enumerate(segment):
        if token.lower in ("who", "which", "that", "whose", "whom"):
            return False
        if token.lower in FINITE_VERBS:
            return True
        if (
            k > 0
            and token.lower in CUES_LOWER
            and token.text.islower()
            and not token.lower.endswith("ing")
            # "Menendez also rejected": a subject and its verb ("a host considered one
            # of …" is a description)
            and (is_capitalised(segment[k - 1]) or segment[k - 1].lower in CUE_MODIFIERS)
        ):
            return True  # "Like Corker, Menendez also rejected …, arguing": a clause
    return False


def _a_place_in_an_aside(tokens: list[Token], name: NounPhrase, floor: int) -> bool:
    """Whether a name is the object of a preposition or participle, or the state of such
    a "City, State" ("in Aurora, Colorado")."""
    before = name.first - 1
    if before < floor:
        return False
    if _governs_an_object(tokens[before]):
        return True
    return (
        tokens[before].text == ","
        and before - 2 >= floor
        and is_capitalised(tokens[before - 1])
        and _governs_an_object(tokens[before - 2])
    )


_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "inside"})
# Prepositions of place that PREPOSITIONS leaves out: "Making her way around Chez Vachon,".
_PLACE_OBJECT_PREPOSITIONS = frozenset({"around", "across", "through", "near", "outside"})


# What ties an anonymous source to what it knows: "familiar with", "close to", …
_SOURCE_RELATIONS = {
    "with": {"familiar", "knowledge"},  # "familiar with", "(with direct) knowledge of"
    "of": {"knowledge", "aware"},
    "to": {"close"},
    "on": {"briefed"},
    "in": {"involved"},
    "about": {"knowledgeable"},
}
# Who is described so: "people", "a source", "officials", "a person".
_SOURCE_HEADS = frozenset({"person", "source", "individual", "individuals"})


def _source_known_by(tokens: list[Token], first: int, floor: int) -> NounPhrase | None:
    """ "People with direct knowledge of Gates' work": the phrase before the relation,
    when it names people ("A source", "Two people", "officials")."""
    link = first - 1
    if link - 1 < floor or tokens[link].lower not in _SOURCE_RELATIONS:
        return None
    k = link - 1
    if tokens[k].lower not in _SOURCE_RELATIONS[tokens[link].lower]:
        return None
    k -= 1
    while k >= floor and tokens[k].lower in ("with", "direct", "some", "intimate"):
        k -= 1  # "with direct knowledge of"
    if k < floor:
        return None
    head = tokens[k].lower
    if not (head in GROUPS or head in ROLES or head in _SOURCE_HEADS):
        return None
    start = k
    # "A U.S. law enforcement official", "Two senior administration officials"
    while start - 1 >= floor and k - start < 5:
        word = tokens[start - 1]
        if word.lower in DETERMINERS or word.text[:1].isdigit():
            start -= 1
            break
        if (
            not (
                is_capitalised(word)
                or (
                    word.text.isalpha() and word.text.islower() and word.lower not in FUNCTION_WORDS
                )
            )
            or word.lower in CUES_LOWER
        ):
            break
        start -= 1
    return NounPhrase(start, k, k)


def _person_before_a_place(tokens: list[Token], first: int, floor: int) -> NounPhrase | None:
    """ "A voter at the rally", "One woman outside the arena": the person noun (with its
    determiner) right before a place phrase that starts at tokens[first - 1]."""
    preposition = first - 1
    if preposition - 1 < floor or tokens[preposition].lower not in (
        _PLACE_PREPOSITIONS | _PLACE_OBJECT_PREPOSITIONS | {"on"}
    ):
        return None
    noun = preposition - 1
    singular = tokens[noun].lower
    plural = singular.endswith("s") and singular[:-1] in _PEOPLE_AT_A_PLACE
    if singular not in _PEOPLE_AT_A_PLACE and singular not in ROLES and not plural:
        return None
    start = noun
    # "a Democratic staffer in the room": modifiers between the determiner and the noun
    while (
        start - 1 >= floor
        and noun - start < 3
        and tokens[start - 1].text.isalpha()
        and tokens[start - 1].lower not in FUNCTION_WORDS
        and tokens[start - 1].lower not in DETERMINERS
        and tokens[start - 1].lower not in ("one", "another")
    ):
        start -= 1
    modifiers = start
    while start - 1 >= floor and (
        tokens[start - 1].lower in DETERMINERS or tokens[start - 1].lower in ("one", "another")
    ):
        start -= 1
    if start == modifiers and not plural:
        return None  # "a voter at the rally", but "voters at the rally" needs no determiner
    if start == modifiers:
        start = noun  # "voters at the rally": no modifiers taken without a determiner
    # The phrase opens its clause ("been a leader in his party in supporting" is no subject).
    if (
        start > floor
        and tokens[start - 1].text[:1].isalnum()
        and tokens[start - 1].lower
        not in (
            "and",
            "but",
            "when",
            "as",
            "after",
            "while",
            "because",
            "that",
        )
    ):
        return None
    return NounPhrase(start, noun, noun)


# Nouns that end like an adverb: "the rally said".
_NOUNS_IN_LY = frozenset({"rally", "family", "ally", "assembly"})
# One person described by where they were: "a woman at the rally".
_PEOPLE_AT_A_PLACE = frozenset(
    {"woman", "man", "voter", "supporter", "protester", "demonstrator", "resident"}
    | {"student", "worker", "attendee", "participant", "volunteer", "person", "veteran"}
    | {"guest", "caller", "panelist", "spectator", "marcher", "delegate"}
)


def _group_before_the_places(
    tokens: list[Token], preposition: int, floor: int
) -> NounPhrase | None:
    """The group noun (with its determiner) that a chain of place phrases follows:
    "Some delegates" in "Some delegates at the convention in Philadelphia"; or the role
    right before one place: "One operative inside Trump Tower" (but not the appositive
    of "Willie Minor, an actor in Dallas,", nor "the senator from Pennsylvania", whom
    the role names)."""
    k = preposition - 1
    while k >= floor and preposition - k < 10:
        word = tokens[k]
        role = k == preposition - 1 and word.lower in ROLES and tokens[preposition].lower != "from"
        if word.lower in GROUPS or role:
            first = k
            while first - 1 >= floor and (
                tokens[first - 1].lower in DETERMINERS or tokens[first - 1].text[:1].isupper()
            ):
                first -= 1
            if role and first > floor and tokens[first - 1].text == ",":
                return None
            return NounPhrase(first, k, k)
        if not (word.text[:1].isalnum() or word.text in ("'s", "’s")) or word.lower in CUES_LOWER:
            return None
        k -= 1
    return None


def _thing_before_a_place(tokens: list[Token], preposition: int, floor: int) -> int | None:
    """Where "the restrictive gun laws" starts in "the restrictive gun laws in France
    guaranteed": a described noun before a place is the subject, not the place; the
    sieve then names no one."""
    if tokens[preposition].lower == "from":
        return None  # "a tweet from Rikkie Wells", "a report from Bloomberg": the source
    noun = preposition - 1
    if noun < floor or not tokens[noun].text.isalpha() or not tokens[noun].text.islower():
        return None
    if tokens[noun].lower in FUNCTION_WORDS or tokens[noun].lower in CUES_LOWER:
        return None
    for k in range(noun - 1, max(floor, noun - 5) - 1, -1):
        if tokens[k].lower in _DEFINITE:
            return k
        if not tokens[k].text.isalpha() or tokens[k].lower in DETERMINERS:
            return None  # "a personal email server at …": an indefinite, named by no one
    return None


# Determiners of a thing the text already has in view ("the laws in France").
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their"})


def _governs_an_object(token: Token) -> bool:
    """Whether a word before a name makes it an object: a participle or a preposition
    ("supporting Mr. Cruz", "a friend of Mr. Cruz")."""
    lower = token.lower
    return token.text.islower() and (
        lower.endswith("ing") or lower in PREPOSITIONS or lower in _PLACE_OBJECT_PREPOSITIONS
    )


def subject_after(tokens: list[Token], start: int) -> NounPhrase | None:
    """An inverted speaker right after the cue: `..., said Lionel Sosa, a consultant`."""
    i = start
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.lower in ALL_SUBJECT_PRONOUNS:
        return NounPhrase(i, i, i)
    if token.lower in ("that", "this", "these", "those") or token.lower in DATE_WORDS:
        return None  # "…, saying that foreigners …", "said Wednesday that": not a speaker
    if not (
        is_capitalised(token)
        or token.lower in DETERMINERS
        or token.lower in GROUPS
        or _names_follow(tokens, i)
    ):
        return None
    last = i
    while last + 1 < len(tokens) and last - i < _MAX_NP:
        following = tokens[last + 1]
        if following.text in _PHRASE_ENDS:
            break
        if (
            following.lower == "and"
            and (tokens[last].lower in TITLES or tokens[last].lower in ROLES)
            and last + 2 < len(tokens)
            and is_capitalised(tokens[last + 2])
        ):
            # "said former Pennsylvania Gov. and DNC Chairman Ed Rendell", "said lobbyist
            # and GOP strategist Charlie Black": two titles or roles, one name.
            last += 1
            continue
        if following.lower in FUNCTION_WORDS and following.lower not in ("of",):
            break
        if following.lower in ALL_SUBJECT_PRONOUNS:
            break  # "The editor I was talking to": a relative clause's subject
        if not is_capitalised(following) and (
            following.lower.endswith(("ed", "n't", "n’t"))
            or following.lower in CUES_LOWER
            or following.lower in IRREGULAR_PASTS
            or following.lower in FINITE_VERBS
        ):
            # "The Republican candidate appeared to …", "Rep. Debbie Wasserman Schultz won
            # her primary": the verb ends the phrase.
            break
        last += 1
    head = last
    of = next((k for k in range(i + 1, last + 1) if tokens[k].lower == "of"), None)
    if of is not None and of - 1 > i - 1 and is_capitalised(tokens[of - 1]):
        head = of - 1  # "Scott Hawkins of Cheyenne": Hawkins, not Cheyenne
    while head > i and not is_capitalised(tokens[head]) and tokens[head].lower not in GROUPS:
        head -= 1
    if head == i and not is_capitalised(tokens[i]) and tokens[i].lower not in GROUPS:
        head = last  # "one longtime adviser": the noun names the speaker
    if token.lower in ("a", "an", "one", "another", "the") and not is_capitalised(tokens[last]):
        head = last  # "a prominent Republican National Committee member": a member
    return NounPhrase(i, last, head)


def _names_follow(tokens: list[Token], i: int) -> bool:
    """ "said former Massachusetts congressman Barney Frank", "said former secretary of
    state Hillary Clinton": lowercase titles and descriptions that lead into a name
    within a few words."""
    for k, token in enumerate(tokens[i : i + 5]):
        if is_capitalised(token):
            return True
        # "of" inside a title, "and" between two ("lobbyist and GOP strategist")
        inside = k > 0 and (
            token.lower == "of" or (token.lower == "and" and tokens[i + k - 1].lower in ROLES)
        )
        if (token.lower in FUNCTION_WORDS and not inside) or not token.text[:1].isalpha():
            return False
        if token.lower.endswith("ing"):
            return False  # "…, attacking Mr. Trump and visiting …": an act, not a title
    return False


# Bodies one speaks to: "told a Senate panel", "told the crowd".
_AUDIENCE_NOUNS = frozenset({"panel", "subcommittee", "audience", "crowd", "forum", "gathering"})
# Bodies that are told things with a plain noun: "he told the court in his filing".
_ADDRESSED_BODIES = frozenset({"court", "jury"})


def recipient_after(tokens: list[Token], start: int) -> NounPhrase | None:
    """The addressee of "told X", "urged X to", "assured X that"."""
    if start >= len(tokens):
        return None
    token = tokens[start]
    if token.lower in OBJECT_PRONOUNS and not _is_acronym(token):
        return NounPhrase(start, start, start)
    if is_capitalised(token) and (token.lower not in ALL_SUBJECT_PRONOUNS or _is_acronym(token)):
        last = start
        while last + 1 < len(tokens) and (
            is_capitalised(tokens[last + 1])
            or tokens[last + 1].text in ("'s", "’s", "-")
            # "US president Donald Trump": a lowercase title inside the name.
            or (
                tokens[last + 1].lower in TITLES
                and last + 2 < len(tokens)
                and is_capitalised(tokens[last + 2])
            )
        ):
            last += 1
        if (
            last + 2 < len(tokens)
            and tokens[last + 1].lower == "of"
            and is_capitalised(tokens[last + 2])
            and tokens[last + 2].lower not in FUNCTION_WORDS
        ):
            # "The Star-Ledger of Newark": the place the addressee is of
            head = last
            last += 2
            while last + 1 < len(tokens) and is_capitalised(tokens[last + 1]):
                last += 1
            return NounPhrase(start, last, head)
        return NounPhrase(start, last, last)
    if token.lower in GROUPS:
        return NounPhrase(start, start, start)
    if token.lower in DETERMINERS and start + 1 < len(tokens):
        for last in range(start + 1, min(start + 4, len(tokens))):
            word = tokens[last]
            if (
                word.lower in GROUPS
                or word.lower in ROLES
                or word.lower in _ADDRESSED_BODIES
                or is_capitalised(word)
            ):
                # "a Senate panel", "the House Armed Services Committee": to its noun
                while last + 1 < len(tokens) and (
                    is_capitalised(tokens[last + 1])
                    or tokens[last + 1].lower in ORGANISATION_WORDS
                    or tokens[last + 1].lower in _AUDIENCE_NOUNS
                ):
                    last += 1
                return NounPhrase(start, last, last)
            if word.lower in FUNCTION_WORDS or not word.text[:1].isalnum():
                return None
    return None
