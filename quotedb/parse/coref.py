"""One canonical entity per person, organisation or group in a document.

Mentions are resolved in reading order: a full name opens an entity; a
surname, a title ("President Obama", "the president"), a description known
from the text or the gazetteer ("the North Korean despot") or a pronoun (to
the most recent compatible speaker) joins one that is already open. What
cannot be resolved stays unresolved: a wrong speaker is worse than none.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from quotedb.parse.lexicon import (
    DATE_WORDS,
    DETERMINERS,
    FIRST_NAME_GENDER,
    GAZETTEER,
    GROUPS,
    ORGANISATION_HEADS,
    ORGANISATION_WORDS,
    PARTY_MEMBERS,
    PLACE_AND_LAW_WORDS,
    PRONOUNS,
    ROLES,
    TITLES,
    US_STATES,
    KnownEntity,
)
from quotedb.parse.records import Entity, Span
from quotedb.parse.text import WEB_DOMAINS

# Descriptions of a government body, and the words in the names of such bodies.
_GOVERNMENT_HEADS = frozenset({"agency", "department", "administration"})
_GOVERNMENT_WORDS = frozenset(
    {"department", "agency", "bureau", "administration", "office", "service", "commission"}
    | {"house", "pentagon", "fbi", "cia", "nsa", "epa", "irs", "state", "justice", "defense"}
)
PRONOUN_WINDOW = 3000  # characters back that a pronoun may reach
# Characters back that a name or a description may reach: far beyond any news
# article, and a bound that keeps each look-up short in a book-length document.
RESOLUTION_WINDOW = 100_000
_NOT_ALIASES = frozenset(PRONOUNS) | {"who", "which", "that", "whom", "one"}
# Last words of names that "he" or "she" never refers to (see _names_no_one).
_NO_ONE_LAST_WORDS = ORGANISATION_WORDS | PLACE_AND_LAW_WORDS | DATE_WORDS
# "Factcheck.org", "Infowars.com": a web site, nobody's "he".
_WEB_NAME = re.compile(rf"\.{WEB_DOMAINS}$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
FEMALE_TITLES = frozenset(
    {
        "mrs.",
        "ms.",
        "miss",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "queen",
        "princess",
        "actress",
        "businesswoman",
    }
)
MALE_TITLES = frozenset(
    {"mr.", "spokesman", "chairman", "congressman", "king", "prince", "businessman"}
)


def _end_of_a_party_label(words: Sequence[str]) -> int | None:
    """Where a party word ends the description before a full name ("Senate Intelligence
    Ranking Democrat Dianne Feinstein"): at least two capitalised words follow it, and
    no organisation word ("Republican Party of Wyoming", "Republican Governors
    Association" are names)."""
    label = next(
        (k for k in range(len(words) - 3, -1, -1) if words[k].lower() in PARTY_MEMBERS), None
    )
    if label is None or not all(
        w[:1].isupper() and normalise(w) not in ORGANISATION_WORDS for w in words[label:]
    ):
        return None
    return label


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Lookup key for a name: no accents, no punctuation, lower case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", ascii_only.lower()).split())


def _gazetteer_index() -> dict[str, KnownEntity]:
    index: dict[str, KnownEntity] = {}
    for known in GAZETTEER:
        for alias in (known.name, *known.aliases):
            index.setdefault(normalise(alias), known)
    return index


_KNOWN = _gazetteer_index()


def _surname_genders() -> dict[str, str]:
    """The gender of each surname the gazetteer's people share with no one of the
    other gender ("Obama", not "Clinton"): a lone surname the text never expands is
    still a "he"."""
    genders: dict[str, set[str | None]] = {}
    for known in {id(k): k for k in _KNOWN.values()}.values():
        if known.kind == "person":
            genders.setdefault(normalise(known.name).split()[-1], set()).add(known.gender)
    return {
        name: g.pop()
        for name, g in genders.items()
        if len(g) == 1 and None not in g and len(name) > 2  # not "un" of "Kim Jong-un"
    }


_SURNAME_GENDER = _surname_genders()


# Offices with one holder at a time: "the president" is whoever the text calls so.
_ONE_HOLDER_OFFICES = frozenset({"president", "pope", "pontiff", "chancellor", "vice-president"})


@dataclass
class _OpenEntity:
    name: str
    kind: str
    gender: str | None = None
    description: str | None = None
    known: KnownEntity | None = None
    roles: set[str] = field(default_factory=set)
    stated_roles: set[str] = field(default_factory=set)  # the text's, not the gazetteer's
    aliases: dict[str, None] = field(default_factory=dict)
    mentions: list[Span] = field(default_factory=list)
    last_seen: int = -1
    first_seen: int = -1  # its earliest mention: the sieve notes mentions out of order
    # Where it spoke, in text order: the sieve reads cues out of order, so "the last
    # time it spoke before here" is looked up, not kept as one number.
    spoke_at: list[int] = field(default_factory=list)
    tokens: frozenset[str] = frozenset()  # the words of `name`, normalised
    unnamed: bool = False  # "a senior official": described, never named
    thing: bool = False  # "the Trump Train": a name the text gives no person

    def spoke_before(self, position: int) -> int:
        """Where it last spoke before `position`, or -1."""
        k = bisect.bisect_left(self.spoke_at, position)
        return self.spoke_at[k - 1] if k else -1


def strip_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading titles and determiners off a name: (titles, name words)."""
    titles = []
    while words and (words[0].lower() in TITLES or words[0].lower() in DETERMINERS):
        titles.append(words.pop(0))
    # "House Speaker Paul Ryan", "Senate Majority Leader Mitch McConnell": a title after
    # the body it heads, with a first and last name still to come.
    inner = (
        max(
            (i for i, w in enumerate(words[:-2]) if w.lower() in TITLES or w.lower() in ROLES),
            default=None,
        )
        if len(words) > 2  # most names are shorter: spares making the generator
        else None
    )
    if inner is not None:
        titles.append(words[inner])
        words = words[inner + 1 :]
    return titles, words


@lru_cache(maxsize=65536)
def _name_parts(text: str) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """A proper-name mention's titles, name words and the gender its titles give:
    "Mrs. Clinton's" -> (("Mrs.",), ("Clinton",), "f"). Cached: names recur."""
    titles, words = strip_titles(_POSSESSIVE.sub("", text).split())
    return tuple(titles), tuple(words), _gender_of_titles([title.lower() for title in titles])


def _gender_of_titles(lowered: Sequence[str]) -> str | None:
    """ "mrs.", "congressman": the gender a lower-cased title gives, if any."""
    if not FEMALE_TITLES.isdisjoint(lowered):
        return "f"
    return "m" if not MALE_TITLES.isdisjoint(lowered) else None


class EntityRegistry:
    """The entities of one document, built up mention by mention in reading order."""

    def __init__(self) -> None:
        self._entities: list[_OpenEntity] = []
        self._by_key: dict[str, _OpenEntity] = {}
        # Indexes that keep every lookup independent of the document's length.
        self._by_token: dict[str, list[_OpenEntity]] = {}
        self._by_role: dict[str, list[_OpenEntity]] = {}
        # Titles met on a lone surname before anyone of that name was opened
        # ("President Obama told …"): the roles of the entity that name opens later.
        self._titles_of_surname: dict[str, list[str]] = {}
        self._recent: list[tuple[int, _OpenEntity]] = []  # mentions in the order noted
        # Where a name owns a person ("Trump's attorney, Alan Garten, said"): a
        # pronoun's antecedent only when its sentence names no one else.
        self._owners_at: set[int] = set()
        self._next_pruning = RESOLUTION_WINDOW

    # -- building ---------------------------------------------------------
    def _open(self, name: str, kind: str, known: KnownEntity | None = None) -> _OpenEntity:
        key = normalise(name)
        entity = _OpenEntity(name=name, kind=kind, known=known, tokens=frozenset(key.split()))
        if known:
            entity.gender = known.gender
            entity.description = known.description
            self._add_roles(entity, known.roles, stated=False)
        if kind in ("person", "unknown") and key in self._titles_of_surname:
            # Only the lone surname itself ("Mr. Obama" opening "Obama"): "Michelle Obama"
            # does not inherit "President Obama".
            self._add_roles(entity, self._titles_of_surname.pop(key))
        self._entities.append(entity)
        self._by_key[key] = entity
        for token in entity.tokens:
            self._by_token.setdefault(token, []).append(entity)
        return entity

    def _add_roles(self, entity: _OpenEntity, roles, stated: bool = True) -> None:
        """Index the entity under each role, written as "the ROLE" would be ("Sen." is
        "sen"); `stated` when the text gives it, not only the gazetteer."""
        for written in roles:
            role = written.lower().rstrip(".")
            if stated:
                entity.stated_roles.add(role)
            if role not in entity.roles:
                entity.roles.add(role)
                self._by_role.setdefault(role, []).append(entity)

    def _note(self, entity: _OpenEntity, text: str, start: int, end: int, speaks: bool) -> str:
        if text and normalise(text) != normalise(entity.name):
            # "he", "He's", "they’re": a pronoun (with or without its contraction) is no
            # alias.
            bare = text.lower().replace("’", "'").partition("'")[0]
            if bare not in _NOT_ALIASES:
                entity.aliases.setdefault(text, None)
        entity.mentions.append(Span(start, end, text))
        entity.last_seen = start
        if entity.first_seen < 0 or start < entity.first_seen:
            entity.first_seen = start
        self._recent.append((start, entity))
        if speaks:
            bisect.insort(entity.spoke_at, start)
        if start >= self._next_pruning:
            self._forget_distant(start)
        return entity.name

    def _forget_distant(self, position: int) -> None:
        """Take entities not mentioned within RESOLUTION_WINDOW out of the name and role
        indexes: their lists then stay as short as a news article's, however long the
        document (their exact name still finds them)."""
        horizon = position - RESOLUTION_WINDOW
        for index in (self._by_token, self._by_role):
            for key in list(index):
                near = [e for e in index[key] if e.last_seen >= horizon]
                if near:
                    index[key] = near
                else:
                    del index[key]
        self._next_pruning = position + RESOLUTION_WINDOW // 4

    def _match_name(
        self, words: Sequence[str], gender: str | None = None, at: int | None = None
    ) -> _OpenEntity | None:
        """The entity a name refers to: itself, its gazetteer entry, or the person its
        parts point to ("Kim" -> Kim Jong-un); of the title's gender when a title says it
        ("Mrs. Clinton" is not Bill Clinton); by its parts, only a person named before
        the mention ends, `at` ("Ms. Khan said …" is not the son, Humayun Khan, named
        later)."""
        key = normalise(" ".join(words))
        exact = self._by_key.get(key)
        if exact is not None and (gender is None or exact.gender in (gender, None)):
            return exact
        known = _KNOWN.get(key)
        if known and normalise(known.name) in self._by_key:
            entry = self._by_key[normalise(known.name)]
            if gender is None or entry.gender in (gender, None):
                return entry
        parts = key.split()
        if len(parts) == 1:
            # The commonest case, a lone word ("Sanders"): its one list holds each entity once.
            candidates = self._by_token.get(parts[0], ())
        else:
            # Parts in their written order (not the set's): ties below go the same way in
            # every process.
            candidates = {
                id(e): e for part in dict.fromkeys(parts) for e in self._by_token.get(part, ())
            }.values()
        if not candidates:
            return None  # most lone capitalised words: no entity holds them
        wanted = set(parts)
        best = None
        best_rank = None
        for entity in candidates:
            if entity.kind not in ("person", "unknown"):
                continue
            if gender is not None and entity.gender not in (gender, None):
                continue
            tokens = entity.tokens
            if not (wanted <= tokens or (len(parts) > 1 and tokens <= wanted and len(tokens) > 1)):
                continue
            name_words = normalise(entity.name).split()
            if name_words[-1] in ORGANISATION_WORDS:
                continue  # "Trump" is not "Trump Plaza Hotel"
            if entity.thing and len(parts) == 1:
                continue  # "Trump" is not "the Trump Train"
            if at is not None and entity.first_seen >= at:
                continue
            # A person, named by their surname, mentioned lately, ranks first.
            rank = (entity.kind == "person", parts[-1] == name_words[-1], entity.last_seen)
            if best_rank is None or rank > best_rank:
                best, best_rank = entity, rank
        return best

    def name(self, text: str, start: int, end: int, speaks: bool = False) -> str | None:
        """Resolve a proper-name mention ("Sen. Ted Cruz", "Kim", "US") to its entity."""
        titles, words, title_gender = _name_parts(text)
        if not words:
            return None
        entity = self._match_name(words, title_gender, end)
        label = _end_of_a_party_label(words)
        if entity is None and len(words) >= 3 and normalise(" ".join(words[1:])) in _KNOWN:
            label = 0  # "Democrat Hillary Clinton": a label before a name the gazetteer knows
        if entity is None and label is not None:
            # "Republican Christine Todd Whitman", "House Intelligence Republican Mike
            # Pompeo": the name after the label
            words = words[label + 1 :]
            entity = self._match_name(words)
        if entity is None:
            known = _KNOWN.get(normalise(" ".join(words)))
            if known is not None:
                entity = self._open(known.name, known.kind, known)
            else:
                if len(words) > 1:
                    # "C. Rick Martin", "H. Ross Perot": the given name after an initial
                    given = next((w for w in words[:-1] if len(w.rstrip(".")) > 1), words[0])
                    gender = FIRST_NAME_GENDER.get(given.lower())
                else:
                    gender = _SURNAME_GENDER.get(normalise(words[0]))
                if " ".join(words) in US_STATES:
                    kind = "place"
                elif titles or gender:
                    kind = "person"
                elif len(words) > 1 and normalise(words[-1]) in GROUPS:
                    kind = "group"  # "Vermont Democrats", "Senate Republicans": nobody's "he"
                elif (
                    _WEB_NAME.search(words[-1])
                    or (len(words) > 1 and normalise(words[-1]) in ORGANISATION_WORDS)
                    or (len(words) > 1 and words[0].lower() == "team")  # "Team Clinton"
                    or any(
                        word.lower() == "of" and normalise(before) in ORGANISATION_WORDS
                        for before, word in itertools.pairwise(words)
                    )
                ):
                    # "White House", "Trump Plaza Hotel", "Reformation Church of Elizabeth":
                    # nobody's "he".
                    kind = "organisation"
                else:
                    kind = "unknown"
                entity = self._open(" ".join(words), kind)
                entity.gender = gender
        if title_gender is not None:
            entity.gender = title_gender  # "Ms. Maria Lopez": the title tells
        for title in titles:
            lowered = title.lower()
            if lowered not in DETERMINERS:
                self._add_roles(entity, [lowered])
                if entity.kind == "unknown":
                    entity.kind = "person"
        return self._note(entity, text, start, end, speaks)

    def not_a_person(self, name: str) -> None:
        """An entity of unknown kind that the text shows is a thing ("the Trump Train"): no
        lone surname ("Trump") and no he or she resolves to it."""
        entity = self._by_key.get(normalise(name))
        if entity is not None and entity.kind == "unknown" and entity.gender is None:
            entity.thing = True

    def add_roles(self, name: str, roles: list[str]) -> None:
        """Remember descriptions the text gives a named entity ("US president Donald Trump")."""
        entity = self._by_key.get(normalise(name))
        if entity is not None:
            self._add_roles(entity, roles)

    def description(self, text: str, start: int, end: int, speaks: bool = False) -> str | None:
        """Resolve "the dictator", "the North Korean despot" to a named entity, if one fits."""
        words = [w.lower() for w in text.split()]
        if not words or words[0] not in ("the", "this", "that"):
            return None
        words = words[1:]
        if not words:
            return None
        head = words[-1]
        if head in ORGANISATION_HEADS:
            # "the Democratic convention committee": a capitalised word narrows it down to
            # an organisation whose name holds that word.
            named = [normalise(w) for w in text.split()[1:-1] if w[:1].isupper()]
            return self._organisation_that_spoke(text, start, end, speaks, named, head)
        if head not in ROLES and head not in self._by_role:
            return None
        modifiers = " ".join(words[:-1])
        fitting = [
            entity
            for entity in self._by_role.get(head, ())
            if entity.kind in ("person", "unknown")
            and (
                not modifiers
                or modifiers in entity.roles
                or modifiers.replace(" ", "-") in entity.roles
                # "the Independent Vermont senator": each word one of his roles.
                or all(w in entity.roles for w in words[:-1])
            )
        ]
        # "President Obama … Donald J. Trump … The president": an office one person
        # holds at a time goes to whom the text gave it, before whom only the gazetteer
        # gives it (Trump's later presidency); other roles go to the last one seen.
        stated = [entity for entity in fitting if head in entity.stated_roles]
        pool = stated if head in _ONE_HOLDER_OFFICES and stated else fitting
        best = max(pool, key=lambda entity: entity.last_seen, default=None)
        if best is None:
            return None
        return self._note(best, text, start, end, speaks)

    def _organisation_that_spoke(
        self, text: str, start: int, end: int, speaks: bool, named: list[str], head: str
    ) -> str | None:
        """ "Apple said … The company said": the organisation that spoke last, if one
        did nearby and its name holds the `named` words; never a person or a place.
        "the agency", "the department" are a government body's ("the State Department
        … The agency declined", not Fox News that spoke last)."""
        for at, entity in reversed(self._recent):
            if at >= start:
                continue
            if at < start - PRONOUN_WINDOW:
                break
            if (
                entity.kind in ("organisation", "unknown")
                and entity.spoke_before(start) >= 0
                and len(entity.tokens) <= 3
                and entity.gender is None
                and all(word in entity.tokens for word in named)
                and (
                    head not in _GOVERNMENT_HEADS or not entity.tokens.isdisjoint(_GOVERNMENT_WORDS)
                )
            ):
                return self._note(entity, text, start, end, speaks)
        return None

    def learn_description(self, name: str, words: list[str]) -> None:
        """ "Ana Ruiz, a former teacher,": "the former teacher" will mean her."""
        entity = self._by_key.get(normalise(name))
        if entity is not None and words:
            self._add_roles(entity, [*words, " ".join(words[:-1])] if len(words) > 1 else words)

    def knows_role(self, word: str) -> bool:
        """Whether "the WORD" can name someone: a role noun, or one the text gave a person."""
        return word in ROLES or word in self._by_role

    def pronoun(
        self,
        text: str,
        start: int,
        end: int,
        speaks: bool = False,
        sentence_start: int = -1,
        previous_sentence_start: int = -1,
    ) -> str | None:
        """Resolve he/she/they: to the subject of its own sentence when one fits
        ("The president shared …, though he refused"), else to the one such person
        the sentence before named, or to the one it opens with (given
        `previous_sentence_start`: "Just look at Paul Ryan. He's said …", "Reed met
        Ruiz. He said …"), else to the most recent speaker of that gender, else to
        the most recent such person."""
        # "He's", "they're": the pronoun before the apostrophe.
        gender = PRONOUNS.get(text.lower().replace("’", "'").partition("'")[0])
        if gender not in ("m", "f", "p"):
            return None
        # Only mentions within the last few thousand characters are candidates:
        # nobody writes "he" for a person last named pages ago.
        window_start = start - PRONOUN_WINDOW
        last_before: dict[int, int] = {}
        first_in_sentence: dict[int, int] = {}
        owners_in_sentence: dict[int, int] = {}
        in_previous_sentence: set[int] = set()
        owner_opens_previous_sentence: int | None = None
        opens_previous_sentence: int | None = None
        by_id: dict[int, _OpenEntity] = {}
        for at, entity in reversed(self._recent):
            if at >= start:
                continue
            if at < window_start:
                break
            if gender == "p":
                fits = entity.kind in ("group", "organisation")
            else:
                fits = (
                    entity.kind in ("person", "unknown")
                    and entity.gender in (gender, None)
                    and not entity.thing
                    and not (entity.kind == "unknown" and _names_no_one(entity.name))
                )
            if not fits:
                continue
            key = id(entity)
            by_id[key] = entity
            last_before[key] = max(last_before.get(key, at), at)
            owner = at in self._owners_at
            if sentence_start >= 0 and at >= sentence_start:
                firsts = owners_in_sentence if owner else first_in_sentence
                firsts[key] = min(firsts.get(key, at), at)
            elif 0 <= previous_sentence_start <= at:
                if owner:
                    if at == previous_sentence_start:
                        owner_opens_previous_sentence = key
                    continue
                in_previous_sentence.add(key)
                if at == previous_sentence_start:
                    opens_previous_sentence = key
        if not by_id:
            return None
        # "Sanders's campaign manager, Jeff Weaver, … outlined how he thinks": the owner
        # only when no one else is named ("Trump's biggest applause came when he said"),
        # or when it opens a sentence before that names no one else ("Manafort's tone …
        # was defiant. He declined").
        first_in_sentence = first_in_sentence or owners_in_sentence
        if not in_previous_sentence:
            opens_previous_sentence = owner_opens_previous_sentence
        # "he" is a person we know is one (a title, a first name, a gazetteer entry, a
        # pronoun before) sooner than a capitalised word that may be a place.
        # A list, not a set: ties below go to the most recent mention, whatever the
        # ids (memory addresses) of the entities are, so a parse is reproducible.
        people = [
            k for k, e in by_id.items() if e.kind == "person" or (e.spoke_at and not e.unnamed)
        ]
        if people and gender in ("m", "f"):
            by_id = {k: by_id[k] for k in people}
            last_before = {k: last_before[k] for k in people}
            first_in_sentence = {k: v for k, v in first_in_sentence.items() if k in by_id}
        in_previous_sentence &= by_id.keys()
        if first_in_sentence:
            best = by_id[min(first_in_sentence, key=first_in_sentence.__getitem__)]
        elif len(in_previous_sentence) == 1:
            best = by_id[in_previous_sentence.pop()]
        elif opens_previous_sentence in by_id:
            best = by_id[opens_previous_sentence]
        else:
            spoke = {k: by_id[k].spoke_before(start) for k in by_id}
            speakers = [k for k in by_id if spoke[k] >= 0]
            if speakers:
                best = by_id[max(speakers, key=lambda k: (spoke[k], last_before[k]))]
            elif gender == "p":
                # "They pushed him …" after "Cruz and Rubio both locked on Trump": people
                # no entity stands for; not the last organisation named in passing.
                return None
            else:
                best = by_id[max(last_before, key=last_before.__getitem__)]
        if gender in ("m", "f") and best.gender is None:
            best.gender = gender
        return self._note(best, text, start, end, speaks)

    def group(
        self, text: str, start: int, end: int, speaks: bool = False, kind: str = "group"
    ) -> str:
        """An unnamed group speaker ("Critics", "Democratic Party officials"), named as written."""
        key = normalise(text)
        entity = self._by_key.get(key) or self._open(text, kind)
        return self._note(entity, text, start, end, speaks)

    def merge_lone_surnames(self) -> dict[str, str]:
        """Fold one-word person names into the one full name that ends with them.

        "Obama says …" (a headline, before the article names him) and "Barack
        Obama" later are one person; when two full names share the word, the
        lone one stays apart: a wrong merge is worse than none.
        """
        renamed: dict[str, str] = {}
        by_surname: dict[str, list[_OpenEntity]] = {}
        for entity in self._entities:
            words = normalise(entity.name).split()
            if entity.kind in ("person", "unknown") and len(words) > 1:
                by_surname.setdefault(words[-1], []).append(entity)
        for lone in list(self._entities):
            words = normalise(lone.name).split()
            if len(words) != 1 or lone.kind not in ("person", "unknown") or lone.known:
                continue
            if words[0] in ORGANISATION_WORDS:
                continue
            fuller = by_surname.get(words[0], [])
            if len(fuller) != 1:
                continue
            target = fuller[0]
            if lone.gender and target.gender and lone.gender != target.gender:
                continue  # "Mr. Obama" is not Michelle Obama
            target.mentions.extend(lone.mentions)
            target.mentions.sort(key=lambda m: m.start)
            target.aliases.setdefault(lone.name, None)
            for alias in lone.aliases:
                target.aliases.setdefault(alias, None)
            target.gender = target.gender or lone.gender
            target.spoke_at = sorted(target.spoke_at + lone.spoke_at)
            self._by_key[normalise(lone.name)] = target
            renamed[lone.name] = target.name
        if renamed:
            self._entities = [e for e in self._entities if e.name not in renamed]
        return renamed

    def find(self, text: str) -> _OpenEntity | None:
        """The entity a name would resolve to ("Clinton" -> Hillary Clinton), opening none."""
        _, words, _ = _name_parts(text)
        return self._match_name(words) if words else None

    def knows(self, word: str) -> bool:
        """Whether a lone capitalised word names something: a gazetteer alias ("US")."""
        return normalise(word) in _KNOWN

    def unnamed(self, text: str, start: int, end: int, speaks: bool = False) -> str:
        """An unnamed speaker described as written ("a senior official"): never
        merged with a named person, only with the same words."""
        key = normalise(text)
        entity = self._by_key.get(key)
        if entity is None or entity.kind != "unknown":
            entity = self._open(text, "unknown")
            entity.unnamed = True
        return self._note(entity, text, start, end, speaks)

    def owner_of_a_person_at(self, start: int) -> None:
        """The mention noted at `start` owns a person ("Trump's attorney")."""
        self._owners_at.add(start)

    def person_again(
        self, word: str, start: int, end: int, speaks: bool, titles: list[str] | None = None
    ) -> None:
        """Note a lone word that names a person already met ("Sanders"); open nothing.
        Its titles ("President Obama") are roles the text gives that person."""
        # "Mrs. Clinton's tenure": not Bill Clinton
        entity = self._match_name([word], _gender_of_titles(titles or ()))
        if entity is not None and (
            entity.kind == "person"
            # "Florent Groberg … Groberg, 33,": a full name of unknown kind, met again;
            # "Trump said …" then "candidate Trump will …": a lone name that has spoken
            or (
                entity.kind == "unknown"
                and (" " in entity.name or entity.spoke_at)
                and not entity.unnamed
            )
        ):
            self._note(entity, word, start, end, speaks)
            if titles and normalise(entity.name).split()[-1] == normalise(word):
                self._add_roles(entity, titles)
        elif entity is None and titles:
            self._titles_of_surname.setdefault(normalise(word), []).extend(titles)

    def given_name_of(self, given: str, surname: str, start: int, end: int) -> None:
        """ "Khizr and Ghazala Khan": the first given name shares the surname after the
        second; note it as a mention of that full name, opening it if need be."""
        full = f"{given} {surname}"
        entity = self._by_key.get(normalise(full))
        if entity is None:
            known = _KNOWN.get(normalise(full))
            if known is not None:
                entity = self._open(known.name, known.kind, known)
            else:
                entity = self._open(full, "person")
                entity.gender = FIRST_NAME_GENDER.get(given.lower())
        self._note(entity, given, start, end, False)

    def entity_named(self, name: str) -> _OpenEntity | None:
        return self._by_key.get(normalise(name))

    # -- reading out --------------------------------------------------------
    def entities(self) -> tuple[Entity, ...]:
        return tuple(
            Entity(
                name=e.name,
                kind=e.kind,  # type: ignore[arg-type]
                description=e.description,
                aliases=tuple(e.aliases),
                mentions=tuple(e.mentions),
            )
            for e in self._entities
        )

    def qid(self, name: str) -> str | None:
        entity = self._by_key.get(normalise(name))
        return entity.known.qid if entity and entity.known else None


def _names_no_one(name: str) -> bool:
    """Whether a name of unknown kind cannot be "he" or "she": an acronym ("GOP",
    "CNN"), a one-word people's plural ("Russians", "Republicans"), the name of a
    body, a place, a law or a day ("Journal", "Atlantic City", "Freedom of Information
    Act", "Super Tuesday")."""
    return (
        name.isupper()
        or (" " not in name and name.endswith("ans"))
        or name.rsplit(" ", 1)[-1].lower() in _NO_ONE_LAST_WORDS
    )
