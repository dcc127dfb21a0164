"""Scoring predicted attributions against gold: matching, speaker checks, counts.

Matching rules, so a number in the table means one thing:
- Spans are compared after trimming whitespace, quotation marks and , . ; : at
  their edges: PolNeAR keeps the marks inside its contents, the parser does not,
  and neither difference is an attribution error.
- With offsets (PolNeAR), a prediction matches a gold content when the sets of
  characters they cover (split spans: their union) have Jaccard >= 0.5.
  Without offsets (JSON Lines), it matches when one normalised text contains
  the other; the similarity is then the shorter length over the longer.
- Matching is one-to-one and greedy: all candidate pairs by similarity
  descending (ties in gold, then prediction order), each pair taken if both
  sides are still free.
- Exact: a matched pair whose trimmed character sets (normalised texts) are equal.
- Speaker names (PolNeAR): the speaker check above is right when the predicted
  mention overlaps the gold Source, whoever the parser resolved it to. Where the
  Source holds a name ("President Obama", "Trump spokesman Ron Lieberman") and
  the parser named a speaker, the name check also asks that the speaker (or an
  alias of it) share a word with that name: "the Clinton campaign" resolved to the Associated Press passes
  the first check and fails this one. It cannot see a wrong person who shares a
  word with the Source ("Trump" for "Trump spokesman Ron Lieberman").
- Gold marked `required: false` may be skipped: unmatched, it counts nowhere;
  matched, it counts like any other, and a wrong speaker on it is an error.
- Per-kind rows: a matched pair counts under the gold's kind; a false alarm
  under the kind the parser gave it. The "quoted" row holds gold whose content
  has a double quotation mark (JSON Lines: whose kind is not indirect) and
  false alarms the parser did not call indirect.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from quotedb.evaluate.gold import GoldAttribution, GoldFormat, GoldSet
from quotedb.parse.lexicon import (
    DETERMINERS,
    FUNCTION_WORDS,
    GROUPS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLES,
    TITLES,
    US_STATES,
)
from quotedb.parse.records import ParsedDocument, Quote, Span

# Capitalised words that are no name: a sentence's first word, a title, a role, a group,
# a state ("the New Jersey governor" names Chris Christie by none of his words).
_NAMES_NOBODY = (
    DETERMINERS
    | FUNCTION_WORDS
    | GROUPS
    | ROLES
    | TITLES
    | frozenset(PRONOUNS)
    | RELATIVE_PRONOUNS
    | frozenset(word.lower() for state in US_STATES for word in state.split())
)
ROWS: tuple[str, ...] = ("overall", "direct", "partial", "mixed", "indirect", "quoted")
JACCARD_THRESHOLD = 0.5
_EDGE = " \t\r\n\u00a0\"'“”„‟«»‘’‚‛,.;:"
_PLAIN_MARKS = str.maketrans({**dict.fromkeys("“”„‟«»", '"'), **dict.fromkeys("‘’‚‛", "'")})

Intervals = tuple[tuple[int, int], ...]
_MISS_RANK = {"direct": 3, "mixed": 2, "partial": 1, "indirect": 0}


@dataclass
class Tally:
    """How many checks were made and how many were right."""

    right: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.total += 1
        self.right += right

    @property
    def accuracy(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class Row:
    """Counts for one row of the table (all gold, one kind, or the quoted subset)."""

    n_gold: int = 0
    n_pred: int = 0
    matched: int = 0
    exact: int = 0
    speaker: Tally = field(default_factory=Tally)
    end_to_end: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.matched, self.n_pred)

    @property
    def recall(self) -> float | None:
        return _ratio(self.matched, self.n_gold)

    @property
    def f1(self) -> float | None:
        return f1_score(self.matched, self.n_gold, self.n_pred)

    @property
    def exact_f1(self) -> float | None:
        return f1_score(self.exact, self.n_gold, self.n_pred)

    @property
    def e2e_precision(self) -> float | None:
        return _ratio(self.end_to_end, self.n_pred)

    @property
    def e2e_recall(self) -> float | None:
        return _ratio(self.end_to_end, self.n_gold)

    @property
    def e2e_f1(self) -> float | None:
        return f1_score(self.end_to_end, self.n_gold, self.n_pred)


@dataclass(frozen=True, slots=True)
class ErrorCase:
    """One thing the parser got wrong, with where to look; `severity` orders them, worst first."""

    category: Literal["miss", "false alarm", "wrong speaker", "wrong name"]
    doc: str
    kind: str
    content: str
    start: int | None
    end: int | None
    gold_speaker: str | None
    predicted_speaker: str | None
    severity: tuple[float, ...]


@dataclass
class Evaluation:
    """Every figure of one evaluation, and the errors behind them."""

    gold_format: GoldFormat
    texts: dict[str, str]
    rows: dict[str, Row] = field(default_factory=lambda: {name: Row() for name in ROWS})
    recipients: Tally = field(default_factory=Tally)
    sources: Tally = field(default_factory=Tally)
    claimed_by: Tally = field(default_factory=Tally)
    speaker_names: Tally = field(default_factory=Tally)
    optional_skipped: int = 0
    wrong_speakers_on_optional: int = 0
    misses: list[ErrorCase] = field(default_factory=list)
    false_alarms: list[ErrorCase] = field(default_factory=list)
    wrong_speakers: list[ErrorCase] = field(default_factory=list)
    wrong_names: list[ErrorCase] = field(default_factory=list)


def score(gold: GoldSet, predictions: Mapping[str, ParsedDocument]) -> Evaluation:
    """Score `predictions` (by gold document name; a missing name predicted nothing) against `gold`."""
    by_text = gold.format == "jsonl"
    evaluation = Evaluation(
        gold_format=gold.format, texts={doc.name: doc.text for doc in gold.documents}
    )
    for document in gold.documents:
        parsed = predictions.get(document.name) or ParsedDocument(text=document.text)
        pairs, missed, extra = match(document.attributions, parsed.quotes, by_text=by_text)
        for gold_attribution, quote in pairs:
            _count_pair(evaluation, gold_attribution, quote, parsed, by_text)
        for gold_attribution in missed:
            if not gold_attribution.required:
                evaluation.optional_skipped += 1
                continue
            for row in _rows(evaluation, gold_attribution.kind, gold_attribution.quoted):
                row.n_gold += 1
            evaluation.misses.append(_miss(gold_attribution, document.text))
        for quote in extra:
            for row in _rows(evaluation, quote.kind, quote.kind != "indirect"):
                row.n_pred += 1
            evaluation.false_alarms.append(_false_alarm(quote, document.name))
    for cases in (
        evaluation.misses,
        evaluation.false_alarms,
        evaluation.wrong_speakers,
        evaluation.wrong_names,
    ):
        cases.sort(key=lambda case: case.severity, reverse=True)
    return evaluation


def match(
    gold: Sequence[GoldAttribution],
    quotes: Sequence[Quote] | Sequence[GoldAttribution],
    *,
    by_text: bool,
) -> tuple[list[tuple], list[GoldAttribution], list]:
    """Pair gold with predictions (or another annotator's gold) one-to-one, most similar
    first; return pairs, misses, extras."""
    gold_forms = [_gold_form(g, by_text) for g in gold]
    quote_forms = [_quote_form(q, by_text) for q in quotes]
    candidates = []
    for gi, gold_form in enumerate(gold_forms):
        for qi, quote_form in enumerate(quote_forms):
            similarity = (_text_similarity if by_text else _span_similarity)(gold_form, quote_form)
            if similarity is not None:
                candidates.append((-similarity, gi, qi))
    candidates.sort()
    gold_taken: set[int] = set()
    quote_taken: set[int] = set()
    pairs = []
    for _, gi, qi in candidates:
        if gi not in gold_taken and qi not in quote_taken:
            gold_taken.add(gi)
            quote_taken.add(qi)
            pairs.append((gi, qi))
    pairs.sort()
    return (
        [(gold[gi], quotes[qi]) for gi, qi in pairs],
        [g for gi, g in enumerate(gold) if gi not in gold_taken],
        [q for qi, q in enumerate(quotes) if qi not in quote_taken],
    )


def _count_pair(
    evaluation: Evaluation,
    gold: GoldAttribution,
    quote: Quote,
    parsed: ParsedDocument,
    by_text: bool,
) -> None:
    exact = _gold_form(gold, by_text) == _quote_form(quote, by_text)
    speaker_right = _speaker_right(gold, quote, parsed)
    for row in _rows(evaluation, gold.kind, gold.quoted):
        row.n_gold += 1
        row.n_pred += 1
        row.matched += 1
        row.exact += exact
        row.end_to_end += speaker_right
        if gold.speaker is not None:
            row.speaker.add(speaker_right)
    _check_name(evaluation, gold, quote, parsed)
    if gold.recipients:
        evaluation.recipients.add(_same_people(gold.recipients, quote.recipients, parsed))
    if gold.source is not None:
        predicted_kind = quote.source.kind if quote.source else None
        evaluation.sources.add(predicted_kind is not None and _same(gold.source, predicted_kind))
    if evaluation.gold_format == "jsonl" and (gold.claimed_by or quote.claimed_by):
        # Checked where either side names a claimant: a missed claim and an invented one
        # both count, while the many first-hand quotes do not drown them.
        evaluation.claimed_by.add(
            gold.claimed_by is not None
            and quote.claimed_by is not None
            and _same_person(gold.claimed_by, quote.claimed_by, parsed)
        )
    if not speaker_right:
        evaluation.wrong_speakers_on_optional += not gold.required
        evaluation.wrong_speakers.append(
            # A wrong name misleads; a missing one only loses: wrong names first.
            _speaker_case(
                "wrong speaker", gold, quote, (quote.speaker is not None, quote.confidence)
            )
        )


def _check_name(
    evaluation: Evaluation, gold: GoldAttribution, quote: Quote, parsed: ParsedDocument
) -> None:
    """The speaker name check (module docstring), on PolNeAR gold whose Source names someone."""
    if not gold.speaker_spans or gold.speaker is None or not quote.speaker:
        return
    if not quote.speaker[0].isupper() or quote.speaker.split()[0].lower() in DETERMINERS:
        return  # "a longtime adviser", "The top Republicans": described, not named
    wanted = source_names(gold.speaker)
    if not wanted:
        return
    offered = {word for name in _names_of(quote.speaker, parsed) for word in name.split()}
    right = not wanted.isdisjoint(offered)
    evaluation.speaker_names.add(right)
    if not right:
        evaluation.wrong_names.append(_speaker_case("wrong name", gold, quote, (quote.confidence,)))


def _speaker_case(
    category: Literal["wrong speaker", "wrong name"],
    gold: GoldAttribution,
    quote: Quote,
    severity: tuple[float, ...],
) -> ErrorCase:
    """A matched pair whose speaker is wrong, as an error to list."""
    return ErrorCase(
        category=category,
        doc=gold.doc,
        kind=gold.kind,
        content=gold.text,
        start=quote.start,
        end=quote.end,
        gold_speaker=gold.speaker,
        predicted_speaker=quote.speaker,
        severity=severity,
    )


def source_names(source: str) -> set[str]:
    """The normalised words of a gold Source that name someone: capitalised, and not a
    pronoun, determiner, title, role or group noun ("He", "The", "Sen.", "Critics")."""
    return {
        part
        for word in re.findall(r"[^\W\d_][\w'’.-]*", source)
        if word[0].isupper() and _NAMES_NOBODY.isdisjoint({word.lower(), word.lower().rstrip(".")})
        for part in normalise_name(word).split()
    }


def _speaker_right(gold: GoldAttribution, quote: Quote, parsed: ParsedDocument) -> bool:
    """Right when the mention overlaps the gold Source, or the names agree (aliases count)."""
    if gold.speaker is None:
        return quote.speaker is None
    if quote.speaker_mention is not None and gold.speaker_spans:
        mention = ((quote.speaker_mention.start, quote.speaker_mention.end),)
        if _overlap(mention, _merge((s.start, s.end) for s in gold.speaker_spans)):
            return True
    return quote.speaker is not None and _same_person(gold.speaker, quote.speaker, parsed)


def _same_person(gold_name: str, predicted_name: str, parsed: ParsedDocument) -> bool:
    """Normalised equality with the predicted name or another name the parser resolved it to."""
    return normalise_name(gold_name) in _names_of(predicted_name, parsed)


def _same_people(
    gold_names: Iterable[str], predicted: Iterable[str], parsed: ParsedDocument
) -> bool:
    """Set equality of names, each predicted name standing for its canonical name and aliases."""
    wanted = {normalise_name(name) for name in gold_names}
    offered = [_names_of(name, parsed) for name in set(predicted)]
    return (
        len(offered) == len(wanted)
        and all(any(name in names for names in offered) for name in wanted)
        and all(names & wanted for names in offered)
    )


def _names_of(name: str, parsed: ParsedDocument) -> set[str]:
    """The name, and every name of each entity the parser knows by it (canonical or alias)."""
    wanted = normalise_name(name)
    names = {wanted}
    for entity in parsed.entities:
        known = {normalise_name(n) for n in (entity.name, *entity.aliases)}
        if wanted in known:
            names |= known
    return names


def _same(a: str, b: str) -> bool:
    return normalise_name(a) == normalise_name(b)


def normalise_name(name: str) -> str:
    """Case, punctuation and diacritics removed: 'Kim Jong-Un' == 'kim jong un'."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", plain.casefold()))


def normalise_content(text: str) -> str:
    """Quote marks made plain, whitespace collapsed, edge marks and punctuation trimmed."""
    return " ".join(text.translate(_PLAIN_MARKS).split()).strip(_EDGE)


# --- comparable forms of a content: trimmed intervals, or normalised text -------------------


def _gold_form(gold: GoldAttribution, by_text: bool):
    return normalise_content(gold.text) if by_text else _trimmed_intervals(gold.spans)


def _quote_form(quote: Quote, by_text: bool):
    return normalise_content(quote.text) if by_text else _trimmed_intervals(quote.spans)


def _trimmed_intervals(spans: Iterable[Span]) -> Intervals:
    intervals = []
    for span in spans:
        head = len(span.text) - len(span.text.lstrip(_EDGE))
        tail = len(span.text) - len(span.text.rstrip(_EDGE))
        if span.start + head < span.end - tail:
            intervals.append((span.start + head, span.end - tail))
    return _merge(intervals)


def _merge(intervals: Iterable[tuple[int, int]]) -> Intervals:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def _length(intervals: Intervals) -> int:
    return sum(end - start for start, end in intervals)


def _overlap(a: Intervals, b: Intervals) -> int:
    """Characters two merged interval lists share, in one pass over both."""
    shared, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        shared += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return shared


def _span_similarity(gold: Intervals, predicted: Intervals) -> float | None:
    if (
        not gold
        or not predicted
        or gold[-1][1] <= predicted[0][0]
        or predicted[-1][1] <= gold[0][0]
    ):
        return None
    shared = _overlap(gold, predicted)
    jaccard = shared / (_length(gold) + _length(predicted) - shared)
    return jaccard if jaccard >= JACCARD_THRESHOLD else None


def _text_similarity(gold: str, predicted: str) -> float | None:
    if not gold or not predicted or (gold not in predicted and predicted not in gold):
        return None
    return min(len(gold), len(predicted)) / max(len(gold), len(predicted))


# --- rows and error cases -------------------------------------------------------------------


def _rows(evaluation: Evaluation, kind: str, quoted: bool) -> list[Row]:
    rows = [evaluation.rows["overall"], evaluation.rows[kind]]
    if quoted:
        rows.append(evaluation.rows["quoted"])
    return rows


def _miss(gold: GoldAttribution, text: str) -> ErrorCase:
    if gold.spans:
        start, end = gold.spans[0].start, gold.spans[-1].end
    else:
        found = text.find(gold.text)
        start, end = (found, found + len(gold.text)) if found >= 0 else (None, None)
    return ErrorCase(
        category="miss",
        doc=gold.doc,
        kind=gold.kind,
        content=gold.text,
        start=start,
        end=end,
        gold_speaker=gold.speaker,
        predicted_speaker=None,
        # A missed direct quotation is the plainest parser bug, indirect speech the hardest
        # to find; within a kind, the longest loses the most words.
        severity=(_MISS_RANK[gold.kind], len(gold.text)),
    )


def _false_alarm(quote: Quote, doc: str) -> ErrorCase:
    return ErrorCase(
        category="false alarm",
        doc=doc,
        kind=quote.kind,
        content=quote.text,
        start=quote.start,
        end=quote.end,
        gold_speaker=None,
        predicted_speaker=quote.speaker,
        severity=(quote.confidence, len(quote.text)),
    )


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def f1_score(hits: int, n_gold: int, n_pred: int) -> float | None:
    # 2PR/(P+R) written as 2*hits/(gold+pred): defined (0.0) even when nothing was predicted.
    return 2 * hits / (n_gold + n_pred) if n_gold + n_pred else None
