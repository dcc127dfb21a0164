"""Gold attributions to score the parser against, read from either format we have.

Both readers return the same plain records, so the metrics never ask which
format the gold came in except to choose text matching (JSON Lines has no
offsets) or span matching (PolNeAR brat standoff has them).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from quotedb.parse.records import QUOTE_KINDS, QuoteKind, Span

GoldFormat = Literal["jsonl", "brat"]
SPLITS: tuple[str, ...] = ("train", "dev")
DOUBLE_QUOTES = frozenset('"“”„‟«»')
_OPENING = frozenset("“„‟«")


class GoldError(ValueError):
    """Gold that cannot be read; the message is one sentence naming the file and line."""


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One attribution a human marked: what was said and, where known, by whom, to whom, where.

    `spans` are the content's offsets (empty for JSON Lines gold, which only has
    the text); `speaker_spans` are the Source mention's offsets (PolNeAR).
    `quoted` is true when the content was written inside double quotation marks.
    """

    doc: str
    kind: QuoteKind
    text: str
    quoted: bool
    spans: tuple[Span, ...] = ()
    speaker: str | None = None
    speaker_spans: tuple[Span, ...] = ()
    recipients: tuple[str, ...] = ()
    source: str | None = None
    claimed_by: str | None = None
    required: bool = True


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A text and the attributions marked in it."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True, slots=True)
class GoldSet:
    """Every gold document of one evaluation, and the format they came in."""

    format: GoldFormat
    documents: tuple[GoldDocument, ...]


def load_gold(path: Path, *, split: str = "dev", texts_dir: Path | None = None) -> GoldSet:
    """Read a JSON Lines gold file, a folder of them, or a PolNeAR folder (holding train/, dev/)."""
    path = Path(path)
    if path.is_dir() and any((path / name).is_dir() for name in SPLITS):
        return read_polnear(path, split)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise GoldError(f"{path}: holds neither *.jsonl gold files nor PolNeAR train/ and dev/")
        return read_jsonl_gold(files, texts_dir=texts_dir)
    return read_jsonl_gold([path], texts_dir=texts_dir)


# --- the project's JSON Lines gold --------------------------------------------------------


def read_jsonl_gold(files: list[Path], *, texts_dir: Path | None = None) -> GoldSet:
    """Read gold rows; each row's `doc` is found under `texts_dir`, else beside its gold file."""
    rows: dict[str, list[GoldAttribution]] = {}
    texts: dict[str, str] = {}
    for file in files:
        for number, record in _json_lines(file):
            attribution = _jsonl_attribution(record, f"{file}: line {number}")
            if attribution.doc not in texts:
                texts[attribution.doc] = _document_text(
                    attribution.doc, file, texts_dir, f"{file}: line {number}"
                )
            rows.setdefault(attribution.doc, []).append(attribution)
    if not rows:
        raise GoldError(f"{', '.join(str(file) for file in files)}: holds no gold rows")
    documents = tuple(
        GoldDocument(name=doc, text=texts[doc], attributions=tuple(found))
        for doc, found in rows.items()
    )
    return GoldSet(format="jsonl", documents=documents)


def _json_lines(file: Path):
    lines = _read_text(file).splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise GoldError(f"{file}: line {number} is not valid JSON") from None
        if not isinstance(record, dict):
            raise GoldError(f"{file}: line {number} is not a JSON object")
        yield number, record


def _jsonl_attribution(record: dict, where: str) -> GoldAttribution:
    for key in ("doc", "text", "kind"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            raise GoldError(f"{where}: field {key!r} must be a non-empty string")
    if record["kind"] not in QUOTE_KINDS:
        raise GoldError(f"{where}: kind must be one of {', '.join(QUOTE_KINDS)}")
    recipients = record.get("recipients") or []
    if not isinstance(recipients, list) or not all(isinstance(r, str) for r in recipients):
        raise GoldError(f"{where}: field 'recipients' must be a list of names")
    for key in ("speaker", "source", "claimed_by"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise GoldError(f"{where}: field {key!r} must be a string or null")
    return GoldAttribution(
        doc=record["doc"],
        kind=record["kind"],
        text=record["text"],
        # The file keeps contents without their marks; its kind says whether they were quoted.
        quoted=record["kind"] != "indirect",
        speaker=record.get("speaker"),
        recipients=tuple(recipients),
        source=record.get("source"),
        claimed_by=record.get("claimed_by"),
        required=record.get("required", True) is not False,
    )


def _document_text(doc: str, gold_file: Path, texts_dir: Path | None, where: str) -> str:
    folders = [texts_dir] if texts_dir else []
    folders.append(gold_file.parent)
    for folder in folders:
        candidate = folder / doc
        if candidate.is_file():
            return _read_text(candidate)
    searched = " or ".join(str(folder) for folder in folders)
    raise GoldError(f"{where}: document {doc!r} is not in {searched} (pass --texts DIR)")


def _read_text(file: Path) -> str:
    """A document as stored: newline="" keeps "\r\n", so offsets into it stay valid."""
    try:
        with open(file, encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{file}: cannot be read as UTF-8 text ({error})") from None


# --- PolNeAR brat standoff ----------------------------------------------------------------


def read_polnear(folder: Path, split: str) -> GoldSet:
    """Read one PolNeAR split, scoring each article against its first annotator by name."""
    documents = [
        _brat_document(folder, split, stem, annotations[0])
        for stem, annotations in _annotations(folder, split).items()
    ]
    return GoldSet(format="brat", documents=tuple(documents))


def read_polnear_twice_marked(folder: Path, split: str) -> tuple[tuple[GoldDocument, ...], ...]:
    """The articles of a split that several annotators marked, as the first two (by name)
    marked them: what `quotedb eval --agreement` compares."""
    return tuple(
        (
            _brat_document(folder, split, stem, annotations[0]),
            _brat_document(folder, split, stem, annotations[1]),
        )
        for stem, annotations in _annotations(folder, split).items()
        if len(annotations) > 1
    )


def _annotations(folder: Path, split: str) -> dict[str, list[Path]]:
    """Each article's .ann files, its annotators in name order."""
    if split not in SPLITS:
        raise GoldError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    text_dir, ann_dir = folder / split / "text", folder / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise GoldError(f"{folder / split}: expected the folders text/ and attributions/")
    annotations: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem, separator, _annotator = ann.stem.rpartition("_")
        if not separator:
            raise GoldError(f"{ann}: name is not <article>_<annotator>.ann")
        annotations.setdefault(stem, []).append(ann)
    if not annotations:
        raise GoldError(f"{ann_dir}: holds no .ann files")
    return annotations


def _brat_document(folder: Path, split: str, stem: str, ann: Path) -> GoldDocument:
    text_file = folder / split / "text" / f"{stem}.txt"
    if not text_file.is_file():
        raise GoldError(f"{ann}: its article {text_file} is missing")
    text = _read_text(text_file)
    return GoldDocument(name=stem, text=text, attributions=_brat_attributions(ann, stem, text))


_TEXT_BOUND = re.compile(r"^(T\d+)\t([\w-]+) (\d+ \d+(?:;\d+ \d+)*)\t")
_ROLE = re.compile(r"^([A-Za-z-]+?)\d*:(T\d+)$")


def _brat_attributions(ann: Path, doc: str, text: str) -> tuple[GoldAttribution, ...]:
    """One attribution per relation (E line); split Contents and Sources stay one attribution."""
    bounds: dict[str, list[Span]] = {}
    relations: list[tuple[int, list[tuple[str, str]]]] = []
    for number, line in enumerate(_read_text(ann).splitlines(), start=1):
        # Other lines are notes (#), or the rest of a text field that held a newline.
        if match := _TEXT_BOUND.match(line):
            spans = []
            for pair in match.group(3).split(";"):
                start, end = (int(n) for n in pair.split())
                if not 0 <= start <= end <= len(text):
                    raise GoldError(
                        f"{ann}: line {number}: offsets {start} {end} are outside the text"
                    )
                spans.append(Span(start, end, text[start:end]))
            bounds[match.group(1)] = spans
        elif line.startswith("E") and "\t" in line:
            roles = []
            for argument in line.split("\t", 1)[1].split():
                role = _ROLE.match(argument)
                if not role:
                    raise GoldError(f"{ann}: line {number}: cannot read {argument!r}")
                roles.append((role.group(1), role.group(2)))
            relations.append((number, roles))
    attributions = []
    for number, roles in relations:
        content: list[Span] = []
        source: list[Span] = []
        for role, bound in roles:
            if role in ("Content", "Source") and bound not in bounds:
                raise GoldError(f"{ann}: line {number}: {bound} is not defined")
            if role == "Content":
                content.extend(bounds[bound])
            elif role == "Source":
                source.extend(bounds[bound])
        if not content:
            continue  # a relation with no content has nothing to find
        content.sort(key=lambda span: span.start)
        source.sort(key=lambda span: span.start)
        content_text = " ".join(span.text for span in content)
        attributions.append(
            GoldAttribution(
                doc=doc,
                kind=kind_of_content(content_text),
                text=content_text,
                quoted=any(mark in DOUBLE_QUOTES for mark in content_text),
                spans=tuple(content),
                speaker=" ".join(span.text for span in source) or None,
                speaker_spans=tuple(source),
            )
        )
    return tuple(attributions)


_WORD_OR_MARK = re.compile(r'[“”„‟«»"]|\w+')


def kind_of_content(content: str) -> QuoteKind:
    """The kind of a content as written, from its double quotation marks.

    direct: every word is inside quotation marks; indirect: there are no marks;
    otherwise quoted and unquoted words mix: partial when the quoted words are
    fewer than half of all words (a quoted fragment inside a paraphrase, `he
    was "honored and humbled" to announce the sale`), mixed when they are at
    least half (a quotation with an unquoted lead-in, `that the government
    must "reevaluate our performance and strategy"`).
    """
    inside = has_marks = False
    quoted_words = unquoted_words = 0
    for token in _WORD_OR_MARK.findall(content):
        if token in DOUBLE_QUOTES:
            has_marks = True
            # Straight marks toggle; curly ones say which way they face.
            inside = (not inside) if token == '"' else token in _OPENING
        elif inside:
            quoted_words += 1
        else:
            unquoted_words += 1
    if not has_marks:
        return "indirect"
    if unquoted_words == 0:
        return "direct"
    return "partial" if quoted_words * 2 < quoted_words + unquoted_words else "mixed"
