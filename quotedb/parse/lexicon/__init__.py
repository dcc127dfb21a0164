"""The parser's word lists, loaded once from the data files beside this module.

Edit the .tsv/.txt files, not the code: cues.tsv holds the speech, thought and
claim verbs with their frames; titles, roles, groups, media and a small
gazetteer of well-known entities sit beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    """Non-comment lines of a data file, split on tabs."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


def _words(name: str) -> frozenset[str]:
    return frozenset(row[0].strip().lower() for row in _rows(name))


@dataclass(frozen=True, slots=True)
class CueVerb:
    """One inflected form of a cue verb and what it allows around it."""

    lemma: str
    cls: str  # speech | thought | claim | report | naming | request
    frames: frozenset[str]


def _inflections(lemma: str) -> set[str]:
    """Regular forms of a (possibly multiword) verb: says, said-like -ed, -ing."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("e"):
        forms = {head + "s", head + "d", head[:-1] + "ing"}
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = {head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    else:
        forms = {head + "s", head + "ed", head + "ing"}
    return {head + tail} | {form + tail for form in forms}


def _load_cues(nominal: dict[str, CueVerb]) -> dict[str, CueVerb]:
    """Verb cues by form; nominal cues ("calls", "claim") go to `nominal` instead."""
    cues: dict[str, CueVerb] = {}
    for row in _rows("cues.tsv"):
        row += [""] * (4 - len(row))
        lemma, cls, frames, irregular = (cell.strip() for cell in row[:4])
        verb = CueVerb(lemma, cls, frozenset(f for f in frames.split(",") if f))
        listed = {f.strip() for f in irregular.split(",") if f.strip()}
        forms = listed if "only" in verb.frames else _inflections(lemma) | listed
        target = nominal if cls == "nominal" else cues
        for form in forms:
            target.setdefault(form, verb)
    return cues


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """A gazetteer row: a well-known person, place or organisation."""

    name: str
    kind: str
    qid: str | None
    gender: str | None
    description: str | None
    aliases: tuple[str, ...]
    roles: frozenset[str]


def _load_gazetteer() -> list[KnownEntity]:
    known = []
    for row in _rows("gazetteer.tsv"):
        row += [""] * (7 - len(row))
        name, kind, qid, gender, description, aliases, roles = (c.strip() for c in row[:7])
        known.append(
            KnownEntity(
                name=name,
                kind=kind,
                qid=qid or None,
                gender=gender or None,
                description=description or None,
                aliases=tuple(a for a in aliases.split("|") if a),
                roles=frozenset(r for r in roles.split("|") if r),
            )
        )
    return known


# Nouns that report speech after a possessor ("Mr. Obama's calls for ...").
NOMINAL_CUES: dict[str, CueVerb] = {}
CUES: dict[str, CueVerb] = _load_cues(NOMINAL_CUES)
# The bare lemma of a verb listed by its forms only ("note", "report", "charge"): mostly
# a noun, but a verb after a plural subject ("Experts note that …", "they charge").
PLURAL_PRESENT_CUES: dict[str, CueVerb] = {
    verb.lemma: verb
    for verb in CUES.values()
    if "only" in verb.frames and " " not in verb.lemma and verb.lemma not in CUES
}
# Multiword cue forms ("called for", "pointed out"), longest first, keyed by first word.
MULTIWORD_CUES: dict[str, list[tuple[str, ...]]] = {}
for _form in sorted((f for f in CUES if " " in f), key=len, reverse=True):
    _words_of = tuple(_form.split())
    MULTIWORD_CUES.setdefault(_words_of[0], []).append(_words_of)

TITLES: frozenset[str] = _words("titles.txt")
ROLES: frozenset[str] = _words("roles.txt")
GROUPS: frozenset[str] = _words("groups.txt")
MEDIA: dict[str, str] = {row[0].strip().lower(): row[1].strip() for row in _rows("media.tsv")}
GAZETTEER: list[KnownEntity] = _load_gazetteer()
FIRST_NAME_GENDER: dict[str, str] = {
    row[0].strip(): row[1].strip() for row in _rows("first_names.tsv")
}

ABBREVIATIONS: frozenset[str] = frozenset(
    [
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "sen.",
        "rep.",
        "gov.",
        "gen.",
        "lt.",
        "col.",
        "adm.",
        "sgt.",
        "st.",
        "jr.",
        "sr.",
        "prof.",
        "rev.",
        "vs.",
        "inc.",
        "co.",
        "corp.",
        "ltd.",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "aug.",
        "sept.",
        "sep.",
        "oct.",
        "nov.",
        "dec.",
        "no.",
        "mt.",
        "ft.",
        "u.s.",
        "u.k.",
        "d.c.",
        "a.m.",
        "p.m.",
        "e.g.",
        "i.e.",
        "etc.",
        "pres.",
        "supt.",
        "capt.",
        "cmdr.",
        "det.",
        "insp.",
    ]
)

PRONOUNS: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f",
    "they": "p", "them": "p", "i": "s", "we": "s", "it": "n", "you": "s",
}  # fmt: skip
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

# Party words that name a member ("a New Hampshire Republican") or stand before a
# full name as a label ("Democrat Zephyr Teachout").
PARTY_MEMBERS = frozenset({"republican", "democrat", "independent", "libertarian"})
# Words in -ing that are no participle: prepositions and pronouns.
_NOT_PARTICIPLES = frozenset({"including", "during", "according", "nothing", "something"})


def is_participle(word: str) -> bool:
    """A lowercase word in -ing that can open a participle clause ("leaving", "raising"),
    not "during" or "nothing"."""
    return (
        word.endswith("ing")
        and len(word) > 5
        and word.isalpha()
        and word.islower()
        and word not in _NOT_PARTICIPLES
    )


# Adverbs between "and" and the verb of a next act: "and then tweeted", "and even assured".
ADVERBS_OF_A_NEXT_ACT = frozenset({"then", "later", "also", "again", "even", "repeatedly"})

# Verbs that put out a work (a memo, an ad, a video): its maker speaks through it.
RELEASE_VERBS = frozenset(
    {"released", "published", "launched", "unveiled", "issued", "posted", "wrote", "penned"}
    | {"aired", "ran", "sent", "shared", "tweeted", "authored", "produced", "debuted"}
    | {"releasing", "publishing", "launching", "unveiling", "issuing", "airing", "running"}
    | {"releases", "publishes", "launches", "unveils", "issues", "airs", "runs", "drafted"}
    | {"draft", "drafting", "drew", "put"}  # "helped draft", "drew up", "put out"
)
# Participles that give a work its quoted title ("a memo titled "…""), and with them
# those that give a thing or a person its name ("an academic named Eric Kingson").
TITLE_PARTICIPLES = frozenset({"titled", "entitled", "headlined"})
NAMING_PARTICIPLES = TITLE_PARTICIPLES | {"named", "called", "dubbed", "nicknamed"}
# Adverbs that open a sentence capitalised and so run into the name after them:
# "Meanwhile Rihanna, who …, said", "Today Hillary Clinton said".
OPENING_ADVERBS = frozenset(
    {"meanwhile", "however", "instead", "now", "today", "yesterday", "tonight", "thus"}
    | {"indeed", "later", "still", "also", "then", "finally", "perhaps", "maybe", "like"}
    | {"unlike"}
)


def is_opening_adverb(lower: str) -> bool:
    """ "Meanwhile", "Interestingly", "Maybe": a sentence adverb, not the first word of
    the name after it (but "Carly", "Beverly": a first name)."""
    return lower in OPENING_ADVERBS or (
        lower.endswith("ly") and len(lower) > 5 and lower not in FIRST_NAME_GENDER
    )


# Words that end a noun phrase when scanning left from a cue: they belong to
# the clause around the speaker, never to the speaker's name.
FUNCTION_WORDS: frozenset[str] = frozenset(
    [
        "without",
        "within",
        "through",
        "toward",
        "towards",
        "despite",
        "besides",
        "during",
        "among",
        "between",
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "for",
        "of",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "to",
        "into",
        "onto",
        "about",
        "over",
        "under",
        "after",
        "before",
        "since",
        "until",
        "while",
        "when",
        "where",
        "whether",
        "if",
        "as",
        "because",
        "although",
        "though",
        "than",
        "then",
        "also",
        "too",
        "not",
        "never",
        "only",
        "just",
        "even",
        "still",
        "already",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "it",
        "its",
        "it's",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "how",
        "why",
        "said",
        "says",
        "told",
        "says",
        "saying",
    ]
)
# Number words and possessive determiners: parts of DETERMINERS and of the
# rule-specific sets built from it.
NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
)
POSSESSIVES = frozenset(["his", "her", "their", "our", "my", "your", "its"])
# Whose act a news sentence reports ("his claim", "their calls for"); "your" speaks to
# the reader, not of a speaker.
OWNER_POSSESSIVES = POSSESSIVES - {"your"}
# "Trump's repeated calls", "Obama's latest remarks": adjectives between a possessive
# and a cue word make it a noun.
ADJECTIVES_OF_SPEECH = frozenset(
    {"latest", "recent", "earlier", "own", "public", "private", "new", "first", "last", "many"}
)
# The personal pronouns that stand as the subject of a cue ("he said", "we believe").
SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "i", "we"])
DETERMINERS = (
    frozenset(
        [
            "a",
            "an",
            "the",
            "this",
            "that",
            "these",
            "those",
            "another",
            "some",
            "many",
            "most",
            "several",
            "few",
            "both",
            "each",
            "every",
            "any",
            "all",
            "no",
            "other",
        ]
    )
    | NUMBER_WORDS
    | POSSESSIVES
)
# Adverbs and auxiliaries that may stand between a speaker and the cue ("he also said",
# "Trump has repeatedly claimed").
CUE_MODIFIERS = frozenset(
    [
        "himself",  # "Sanders himself acknowledged"
        "herself",
        "themselves",
        "itself",
        "heard",
        "only",
        "merely",
        "simply",
        "also",
        "even",  # "Trump even claimed"
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "will",
        "would",
        "could",
        "did",
        "does",
        "do",
        "later",
        "then",
        "once",
        "further",
        "again",
        "repeatedly",
        "previously",
        "earlier",
        "recently",
        "often",
        "already",
        "publicly",
        "privately",
        "reportedly",
        "allegedly",
        "separately",
        "frequently",
        "initially",
        "quickly",
        "simply",
        "flatly",
        "bluntly",
        "angrily",
        "openly",
        "falsely",
        "wrongly",
        "correctly",
        "has've",
        "can",
        "cannot",
        "may",
        "might",
        "must",
        "should",
        "not",
        "never",
        "always",
        "still",
        "just",
        "even",
        "first",
        "last",
        "yesterday",
        "today",
        "now",
        "sometimes",
        "usually",
        "ever",
        "nevertheless",
        "nonetheless",
        "instead",
        "long",  # "Clinton's advisers have long insisted"
    ]
)
# Dates stand between a speaker and the cue ("Priebus later Thursday told"); never speakers.
DATE_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan.",
        "feb.",
        "aug.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
        "today",
        "yesterday",
        "tonight",
    ]
)
# Last words of the names of places and laws, which no "he" or "she" refers to
# ("Atlantic City", "Wall Street", "the Freedom of Information Act").
PLACE_AND_LAW_WORDS = frozenset(
    {"city", "county", "state", "street", "avenue", "river", "island", "valley", "belt"}
    | {"act", "amendment"}
)
# "the company", "the campaign": an organisation, resolved to the one that spoke last.
ORGANISATION_HEADS = frozenset(
    {
        "office",
        "team",
        "staff",
        "company",
        "firm",
        "campaign",
        "group",
        "organization",
        "organisation",
        "network",
        "newspaper",
        "paper",
        "agency",
        "department",
        "administration",
        "committee",
        "union",
    }
)

# Head words that make a multi-word name an organisation ("White House", "Trump
# Plaza Hotel", "University of Chicago"): nobody's "he".
ORGANISATION_WORDS = frozenset(
    [
        "hotel",
        "hotels",
        "university",
        "college",
        "school",
        "party",
        "campaign",
        "committee",
        "administration",
        "foundation",
        "institute",
        "center",
        "centre",
        "corporation",
        "company",
        "inc",
        "corp",
        "group",
        "organization",
        "organisation",
        "association",
        "council",
        "department",
        "agency",
        "office",
        "bank",
        "news",
        "times",
        "post",
        "journal",
        "review",
        "observer",
        "magazine",
        "tribune",
        "herald",
        "globe",
        "gazette",
        "chronicle",
        "examiner",
        "network",
        "media",
        "tower",
        "towers",
        "plaza",
        "casino",
        "church",
        "club",
        "union",
        "house",
        "senate",
        "court",
        "parliament",
        "congress",
        "assembly",
        "legislature",
    ]
)
# Irregular past tenses: a cue's ("said", "told") or the verb of the clause a
# participle or "and said" hangs on ("Clinton shook her head and said").
IRREGULAR_PASTS = frozenset(
    {"said", "told", "wrote", "thought", "felt", "knew", "saw", "spoke", "shook", "took"}
    | {"made", "gave", "went", "came", "stood", "held", "sent", "put", "got", "found"}
    | {"began", "ran", "left", "kept", "brought", "led", "met", "sat", "set", "struck"}
    | {"won", "lost", "fought", "paid", "sought", "spent", "became", "chose", "drew", "grew"}
)
# Auxiliaries of a passive ("was called", "got asked").
PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "be", "been", "being", "get", "got"})
# Finite verb forms that make a comma-closed segment a clause, not a phrase.
FINITE_VERBS = frozenset(
    {"is", "was", "are", "were", "has", "have", "had", "will", "would", "said"}
)
PREPOSITIONS = frozenset(
    {"to", "in", "at", "on", "with", "for", "by", "from", "of", "into", "about", "against"}
)
CLAUSE_BOUNDARIES = frozenset({"while", "whereas", "but", "although", "though", "before", "after"})

# Words that may stand between a cue and what it governs without adding a clause
# ("said in a statement on Tuesday", "told reporters").
ADJUNCT_WORDS = frozenset(
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
        "court",
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
        "back",
        # "in a written statement", "in prepared remarks"
        "written",
        "prepared",
        # "ten days ago", "a few weeks later", "this weekend at an event"
        "ago",
        "few",
        "days",
        "weeks",
        "months",
        "years",
        "weekend",
        "event",
    }
    | NUMBER_WORDS
)

# Heads of quantities that speak in polls ("26% say", "nearly a third said").
QUANTITY_HEADS = (
    frozenset(
        [
            "third",
            "thirds",
            "half",
            "quarter",
            "majority",
            "most",
            "many",
            "some",
            "few",
            "others",
            "all",
            "both",
            "percent",
        ]
    )
    | NUMBER_WORDS
)

# Nouns of time ("last week", "Thursday evening"): never a speaker.
TIME_NOUNS = frozenset(
    [
        "past",
        "weekend",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "morning",
        "evening",
        "night",
        "afternoon",
        "days",
        "day",
        "interview",
        "interviews",
        "statement",
        "speech",
        "debate",
        "rally",
        "appearance",
        "time",
    ]
)

# Words before a paragraph's opening colon that name page furniture, not a speaker.
HEADLINE_NON_SPEAKERS = frozenset(
    {"source", "sources", "related", "note", "update", "updated", "editor", "editors", "photo"}
    | {"photos", "image", "images", "video", "watch", "read", "click", "tags", "tag", "posted"}
    | {"by", "share", "follow", "sign", "subscribe", "advertisement", "caption", "credit"}
    | {"correction", "disclosure", "warning", "listen", "see", "more", "also", "contact"}
    | {"email", "phone", "twitter", "facebook", "name", "age", "city", "job", "pay", "date"}
    | {"contributing", "exclusive", "breaking", "live", "transcript", "here", "according"}
    | {"latest", "revealed", "wow", "look", "still", "paid", "delegate"}
)

# Lowercase particles inside personal names ("Pierre de Vos", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset({"de", "van", "von", "da", "di", "del", "der", "du", "dos", "bin"})

# Words that open a subordinate clause a sentence may start with ("When I asked …, he …").
SUBORDINATORS = frozenset(
    {"when", "since", "after", "as", "while", "although", "though", "because", "if", "before"}
    | {"until", "once", "whereas", "whenever", "unless"}
)

# What someone sends rather than who speaks: a participle after one belongs to its
# sender ("fired back a response saying", "issued a statement calling").
MESSAGE_NOUNS = frozenset(
    [
        "response",
        "statement",
        "message",
        "letter",
        "email",
        "e-mail",
        "tweet",
        "post",
        "ad",
        "video",
        "note",
        "memo",
        "release",
        "text",
        "remarks",
        "comments",
        "ads",
        "statements",
        "messages",
        "letters",
        "emails",
        "tweets",
        "posts",
        "videos",
    ]
)

# A cue form followed by one of these words reports nothing: "270 pledged delegates",
# "found itself at the center of …", "found ways to …".
NO_CUE_BEFORE: dict[str, frozenset[str]] = {
    "pledged": frozenset({"delegate", "delegates"}),
    # "some warning signs for Clinton": a noun's modifier, not a warning given
    "warning": frozenset({"sign", "signs", "shot", "shots", "label", "labels", "light", "lights"}),
    # "Fiorina pushed ahead": to carry on, not to urge
    **dict.fromkeys(
        ["push", "pushed", "pushes", "pushing", "press", "pressed", "presses", "pressing"],
        frozenset({"ahead", "forward"}),
    ),
    "found": frozenset({"itself", "himself", "herself", "themselves", "myself", "ourselves"})
    | {"ways"},
}

# Nouns by which the writer sums up what someone said: ", a swipe at Trump".
SUMMARY_NOUNS = frozenset(
    [
        "acknowledgment",
        "acknowledgement",
        "admission",
        "accusation",
        "allusion",
        "charge",
        "claim",
        "dig",
        "indication",
        "jab",
        "move",
        "nod",
        "reaction",
        "rebuke",
        "reference",
        "reversal",
        "shot",
        "sign",
        "signal",
        "swipe",
        # "— a modest boost for Obama", "— a break from …": what the words amount to
        "boost",
        "blow",
        "break",
        "departure",
        "contrast",
        "shift",
        "turnaround",
    ]
)


# The US states (not Washington, also a surname and the capital): places, which no "he"
# means and which do not speak. "Stacy Baker of Columbia, South Carolina says": a speaker
# phrase that resolves to one was cut from the name before it.
US_STATES = frozenset(
    [
        "Alabama",
        "Alaska",
        "Arizona",
        "Arkansas",
        "California",
        "Colorado",
        "Connecticut",
        "Delaware",
        "Florida",
        "Georgia",
        "Hawaii",
        "Idaho",
        "Illinois",
        "Indiana",
        "Iowa",
        "Kansas",
        "Kentucky",
        "Louisiana",
        "Maine",
        "Maryland",
        "Massachusetts",
        "Michigan",
        "Minnesota",
        "Mississippi",
        "Missouri",
        "Montana",
        "Nebraska",
        "Nevada",
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "New York",
        "North Carolina",
        "North Dakota",
        "Ohio",
        "Oklahoma",
        "Oregon",
        "Pennsylvania",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "Tennessee",
        "Texas",
        "Utah",
        "Vermont",
        "Virginia",
        "West Virginia",
        "Wisconsin",
        "Wyoming",
    ]
)
