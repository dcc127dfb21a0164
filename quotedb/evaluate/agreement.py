"""How far two human annotators agree: the ceiling the parser's figures are read against.

PolNeAR has articles that two annotators marked. Scoring one annotator's
attributions against the other's, with the very matching `quotedb eval` uses
for the parser, says what "as good as a second annotator" means for each
figure: content F1 and, for contents holding a double quotation mark, recall
in each direction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from quotedb.evaluate.gold import GoldDocument
from quotedb.evaluate.metrics import Tally, f1_score, match


@dataclass
class Agreement:
    """Counts over the articles both annotators marked."""

    articles: int = 0
    first: int = 0  # attributions the first annotator (by file name) marked
    second: int = 0
    matched: int = 0
    quoted_first: Tally = field(default_factory=Tally)  # the first's, found by the second
    quoted_second: Tally = field(default_factory=Tally)  # the second's, found by the first

    @property
    def f1(self) -> float | None:
        return f1_score(self.matched, self.first, self.second)


def agreement(pairs: Iterable[tuple[GoldDocument, GoldDocument]]) -> Agreement:
    """Match each article's two annotations one-to-one, as eval matches gold and parser."""
    result = Agreement()
    for first, second in pairs:
        matched, _, _ = match(first.attributions, second.attributions, by_text=False)
        result.articles += 1
        result.first += len(first.attributions)
        result.second += len(second.attributions)
        result.matched += len(matched)
        found_by_second = {id(a) for a, _ in matched}
        found_by_first = {id(b) for _, b in matched}
        for attribution in first.attributions:
            if attribution.quoted:
                result.quoted_first.add(id(attribution) in found_by_second)
        for attribution in second.attributions:
            if attribution.quoted:
                result.quoted_second.add(id(attribution) in found_by_first)
    return result
