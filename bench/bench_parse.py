"""How fast `parse` runs on one core, in how much memory, and whether its time grows linearly.

1. Words per second over the PolNeAR train texts (../shared/data/polnear from the
   repository root; issue 4's bar is 150,000 words/s), then the peak memory of a
   second pass over them: tracemalloc's peak (Python allocations) and the process's
   peak RSS (issue 4's bar: below 150 MB for the whole run).
2. One generated document of about 10 MB (real article paragraphs, shuffled and
   numbered so no two are equal), parsed whole at 1, 2, 4 and 8 MB and in full:
   seconds, MB/s and the ratio of each time to the one before (about 2 when linear).

    .venv/bin/python bench/bench_parse.py
    .venv/bin/python bench/bench_parse.py --mb 20 --polnear /path/to/polnear
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time
import tracemalloc
from pathlib import Path

from quotedb.parse import parse

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
SEEDS = ROOT / "seeds"
SIZES_MB = (1, 2, 4, 8)
MB = 1024 * 1024


def pin_to_one_core() -> str:
    """Run on a single CPU so that the figure is per core, whatever else the machine does."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def read_texts(folder: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def bench_corpus(texts: list[str]) -> None:
    """Words/s of parse over `texts`, then the memory of a second, traced pass."""
    words = sum(len(text.split()) for text in texts)
    characters = sum(len(text) for text in texts)
    started = time.perf_counter()
    quotes = sum(len(parse(text).quotes) for text in texts)
    seconds = time.perf_counter() - started
    print(
        f"speed:  {len(texts)} PolNeAR train texts, {words:,} words, {characters / MB:.1f} M "
        f"characters, {quotes:,} attributions in {seconds:.2f} s"
    )
    print(
        f"        {words / seconds:,.0f} words/s, {len(texts) / seconds:,.0f} documents/s, "
        f"{quotes / seconds:,.0f} attributions/s (bar: 150,000 words/s)"
    )

    tracemalloc.start()
    for text in texts:
        parse(text)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"memory: tracemalloc peak {traced_peak / MB:.1f} MB while parsing, peak RSS of the "
        f"whole run {peak_rss_mb():.1f} MB (texts held in memory included; bar: 150 MB)"
    )


def generated_document(texts: list[str], megabytes: int) -> str:
    """Real paragraphs, shuffled and numbered, until the document holds `megabytes` of UTF-8."""
    paragraphs = [p for text in texts for p in text.split("\n") if p.strip()]
    shuffle = random.Random(4)
    pieces: list[str] = []
    size = number = 0
    while size < megabytes * MB:
        shuffle.shuffle(paragraphs)
        for paragraph in paragraphs:
            piece = f"{paragraph} ({number})\n\n"
            pieces.append(piece)
            size += len(piece.encode("utf-8"))
            number += 1
            if size >= megabytes * MB:
                break
    return "".join(pieces)


def prefix(document: str, megabytes: float) -> str:
    """The document cut at the paragraph break nearest `megabytes` of UTF-8 (roughly)."""
    ratio = len(document) / len(document.encode("utf-8"))
    cut = document.rfind("\n\n", 0, int(megabytes * MB * ratio)) + 2
    return document[:cut]


def bench_linear(texts: list[str], megabytes: int, give_up_seconds: float) -> None:
    """Parse growing prefixes of one big document and compare each time with the last."""
    document = generated_document(texts, megabytes)
    print(f"linear: one generated document of {len(document.encode('utf-8')) / MB:.1f} MB")
    previous = None
    for size in (*(s for s in SIZES_MB if s < megabytes), megabytes):
        text = prefix(document, size) if size < megabytes else document
        started = time.perf_counter()
        quotes = len(parse(text).quotes)
        seconds = time.perf_counter() - started
        ratio = f", {seconds / previous[1]:.2f}x the time of {previous[0]} MB" if previous else ""
        print(
            f"        {size:>3} MB: {seconds:6.2f} s, {size / seconds:.2f} MB/s, "
            f"{quotes:,} attributions{ratio}",
            flush=True,
        )
        previous = (size, seconds)
        if seconds > give_up_seconds:
            print(f"        stopped: over {give_up_seconds:.0f} s for one document")
            break
    print(f"memory: peak RSS after the big document {peak_rss_mb():.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR, help="the PolNeAR data folder")
    parser.add_argument("--mb", type=int, default=10, help="size of the generated document")
    parser.add_argument(
        "--give-up", type=float, default=300, help="seconds one document may take before stopping"
    )
    options = parser.parse_args()

    print(f"cpu:    {pin_to_one_core()}")
    parse("Warm up: the lexicons load once, not per document.")
    train = options.polnear / "train" / "text"
    texts = read_texts(train)
    if texts:
        bench_corpus(texts)
    else:
        print(
            f"speed:  skipped: no PolNeAR train texts in {train} (the shared data is not on "
            f"this machine); the linear-time run below uses the seed article instead"
        )
        texts = read_texts(SEEDS)
    bench_linear(texts, options.mb, options.give_up)


if __name__ == "__main__":
    main()
