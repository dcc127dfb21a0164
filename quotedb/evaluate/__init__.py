"""`quotedb eval`'s library: score the parser against gold attributions, with no database.

>>> from quotedb.evaluate import evaluate
>>> evaluation = evaluate("../shared/data/polnear", split="dev")
"""

from __future__ import annotations

from pathlib import Path

from quotedb.evaluate.gold import GoldError, GoldSet, load_gold
from quotedb.evaluate.metrics import Evaluation, score
from quotedb.parse import parse

__all__ = [
    "Evaluation",
    "GoldError",
    "GoldSet",
    "ParseFailure",
    "evaluate",
    "load_gold",
    "predict",
    "score",
]


def evaluate(
    gold_path: str | Path, *, split: str = "dev", texts_dir: str | Path | None = None
) -> Evaluation:
    """Read the gold at `gold_path`, run the parser over its documents and score it."""
    gold = load_gold(Path(gold_path), split=split, texts_dir=Path(texts_dir) if texts_dir else None)
    return score(gold, predict(gold))


class ParseFailure(RuntimeError):
    """The parser raised on a gold document; the message names the document."""


def predict(gold: GoldSet) -> dict:
    """The parser's output for every gold document: the one place eval calls `parse`."""
    predictions = {}
    for document in gold.documents:
        try:
            predictions[document.name] = parse(document.text)
        except Exception as error:  # a parser bug: say on which document, keep the cause
            message = f"the parser failed on {document.name}: {type(error).__name__}: {error}"
            raise ParseFailure(message) from error
    return predictions
