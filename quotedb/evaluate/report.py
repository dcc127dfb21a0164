"""An evaluation as a table (a Markdown pipe table: aligned in a terminal, pasteable in the
README), as JSON with the same numbers, and as a listing of the worst errors to fix next."""

from __future__ import annotations

import re

from quotedb.evaluate.agreement import Agreement
from quotedb.evaluate.metrics import ErrorCase, Evaluation, Row, Tally

COLUMNS: tuple[str, ...] = (
    "rows",
    "n_gold",
    "n_pred",
    "P",
    "R",
    "F1",
    "exact F1",
    "speaker acc",
    "e2e P",
    "e2e R",
    "e2e F1",
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n")
# A stop after one of these, or after a single capital ("U.S."), does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "Rev",
        "Rep",
        "Sen",
        "Gov",
        "Gen",
        "Col",
        "Lt",
        "Sgt",
        "St",
        "Jr",
        "Sr",
        "Inc",
        "Co",
        "Corp",
        "Ltd",
        "No",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Aug",
        "Sept",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    ]
)
_WORD_BEFORE = re.compile(r"(\w+)$")
_MAX_SENTENCE = 400


def row_figures(row: Row) -> dict:
    """The numbers of one row, as the JSON output gives them (None: nothing to divide by)."""
    return {
        "n_gold": row.n_gold,
        "n_pred": row.n_pred,
        "matched": row.matched,
        "content": {"precision": row.precision, "recall": row.recall, "f1": row.f1},
        "exact_f1": row.exact_f1,
        "speaker": tally_figures(row.speaker),
        "end_to_end": {
            "right": row.end_to_end,
            "precision": row.e2e_precision,
            "recall": row.e2e_recall,
            "f1": row.e2e_f1,
        },
    }


def tally_figures(tally: Tally) -> dict:
    return {"accuracy": tally.accuracy, "right": tally.right, "total": tally.total}


def as_json(evaluation: Evaluation, errors: int = 0) -> dict:
    """Every figure of the table, plus the counts behind it and `errors` cases of each category."""
    figures = {
        "gold_format": evaluation.gold_format,
        "documents": len(evaluation.texts),
        "rows": {name: row_figures(row) for name, row in evaluation.rows.items()},
        "recipients": tally_figures(evaluation.recipients),
        "source_kind": tally_figures(evaluation.sources),
        "claimed_by": tally_figures(evaluation.claimed_by),
        "speaker_names": tally_figures(evaluation.speaker_names),
        "optional_skipped": evaluation.optional_skipped,
        "wrong_speakers_on_optional": evaluation.wrong_speakers_on_optional,
    }
    if errors:
        figures["errors"] = {
            name: [_case_json(case, evaluation) for case in cases[:errors]]
            for name, cases in _error_lists(evaluation)
        }
    return figures


def render_table(evaluation: Evaluation) -> str:
    """The table, then one line each for the figures that are not per row."""
    cells = [list(COLUMNS)]
    for name, row in evaluation.rows.items():
        cells.append(
            [
                name,
                str(row.n_gold),
                str(row.n_pred),
                *(_number(value) for value in (row.precision, row.recall, row.f1, row.exact_f1)),
                _tally(row.speaker),
                *(_number(value) for value in (row.e2e_precision, row.e2e_recall, row.e2e_f1)),
            ]
        )
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = [_table_line(cells[0], widths)]
    lines.append(
        "|"
        + "|".join("-" * (w + 1) + ":" if i else "-" * (w + 2) for i, w in enumerate(widths))
        + "|"
    )
    lines.extend(_table_line(line, widths) for line in cells[1:])
    lines.append("")
    lines.append(f"documents: {len(evaluation.texts)} ({evaluation.gold_format} gold)")
    for label, tally in (
        ("recipient accuracy", evaluation.recipients),
        ("source-kind accuracy", evaluation.sources),
        ("claimed_by accuracy", evaluation.claimed_by),
        ("speaker name check", evaluation.speaker_names),
    ):
        if tally.total:
            lines.append(f"{label}: {_tally(tally)}")
    if evaluation.gold_format == "jsonl":
        lines.append(f"optional gold skipped: {evaluation.optional_skipped}")
        lines.append(f"wrong speakers on optional gold: {evaluation.wrong_speakers_on_optional}")
    return "\n".join(lines)


def agreement_json(agreement: Agreement) -> dict:
    """The annotator agreement's counts and figures, for `--format json`."""
    return {
        "articles": agreement.articles,
        "first": agreement.first,
        "second": agreement.second,
        "matched": agreement.matched,
        "content_f1": agreement.f1,
        "quoted_recall_first_by_second": tally_figures(agreement.quoted_first),
        "quoted_recall_second_by_first": tally_figures(agreement.quoted_second),
    }


def render_agreement(agreement: Agreement) -> str:
    """Two annotators against each other, in the words of the parser's table."""
    content = (
        f"content F1: {_number(agreement.f1)} ({agreement.matched} matched of "
        f"{agreement.first} and {agreement.second} attributions)"
    )
    return "\n".join(
        [
            f"articles marked by two annotators: {agreement.articles}",
            content,
            "quoted recall, the first annotator's found by the second: "
            + _tally(agreement.quoted_first),
            "quoted recall, the second annotator's found by the first: "
            + _tally(agreement.quoted_second),
        ]
    )


def render_errors(evaluation: Evaluation, limit: int) -> str:
    """The `limit` worst cases of each category, each with its document and sentence."""
    lines = []
    for name, cases in _error_lists(evaluation):
        lines.append(f"\n{name} ({min(limit, len(cases))} of {len(cases)}):")
        for case in cases[:limit]:
            who = f"gold speaker: {case.gold_speaker}; predicted: {case.predicted_speaker}"
            lines.append(f"- [{case.doc}] {case.kind}: {_quoted(case.content)}")
            lines.append(f"    {who}")
            lines.append(f"    sentence: {_sentence(case, evaluation)}")
    return "\n".join(lines).lstrip("\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) holding text[start:end], cut at sentence ends or line breaks."""
    left = 0
    for found in _SENTENCE_END.finditer(text, 0, start):
        if _ends_sentence(text, found.start()):
            left = found.end()
    right = len(text)
    for found in _SENTENCE_END.finditer(text, max(end - 1, left)):
        if _ends_sentence(text, found.start()):
            right = found.start() + 1
            break
    sentence = " ".join(text[left:right].split())
    return sentence if len(sentence) <= _MAX_SENTENCE else sentence[: _MAX_SENTENCE - 1] + "…"


def _ends_sentence(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
    if not word:
        return True
    word = word.group(1)
    return not (word in _ABBREVIATIONS or (len(word) == 1 and word.isupper()))


def _error_lists(evaluation: Evaluation) -> list[tuple[str, list[ErrorCase]]]:
    return [
        ("misses", evaluation.misses),
        ("false alarms", evaluation.false_alarms),
        ("wrong speakers", evaluation.wrong_speakers),
        ("wrong names", evaluation.wrong_names),
    ]


def _case_json(case: ErrorCase, evaluation: Evaluation) -> dict:
    return {
        "doc": case.doc,
        "kind": case.kind,
        "content": case.content,
        "start": case.start,
        "end": case.end,
        "gold_speaker": case.gold_speaker,
        "predicted_speaker": case.predicted_speaker,
        "sentence": _sentence(case, evaluation),
    }


def _sentence(case: ErrorCase, evaluation: Evaluation) -> str | None:
    if case.start is None or case.end is None:
        return None
    return sentence_around(evaluation.texts[case.doc], case.start, case.end)


def _quoted(text: str) -> str:
    flat = " ".join(text.split())
    return f'"{flat}"' if len(flat) <= 160 else f'"{flat[:159]}…"'


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _tally(tally: Tally) -> str:
    return "-" if tally.accuracy is None else f"{tally.accuracy:.3f} ({tally.right}/{tally.total})"


def _table_line(cells: list[str], widths: list[int]) -> str:
    padded = [
        cell.ljust(width) if i == 0 else cell.rjust(width)
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
    ]
    return "| " + " | ".join(padded) + " |"
