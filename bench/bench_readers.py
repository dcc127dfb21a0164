"""How fast the readers stream a JSON Lines corpus, and in how much memory.

Generates a JSON Lines file (default 50 MB) by repeating and varying real
article texts (PolNeAR's when ../shared/data/polnear is there, else the
repository's seeds/), reads it with `read_documents`, and prints documents/s,
MB/s and the peak resident memory of the process. Then, for the ingest bars,
the rate of reading the PolNeAR text folders (the readers' share of ingest)
and of extracting HTML pages with trafilatura (the test fixture page).

    .venv/bin/python bench/bench_readers.py            # 50 MB
    .venv/bin/python bench/bench_readers.py --mb 1000  # the ingest bar's 1 GB
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from pathlib import Path

from quotedb.readers import RawDocument, read_documents

ROOT = Path(__file__).resolve().parent.parent
TEXT_FOLDERS = (
    ROOT.parent / "shared" / "data" / "polnear" / "train" / "text",
    ROOT / "seeds",
)


def real_texts() -> list[str]:
    for folder in TEXT_FOLDERS:
        texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
        if texts:
            return texts
    raise SystemExit("no article texts found in " + " or ".join(map(str, TEXT_FOLDERS)))


def write_corpus(path: Path, megabytes: int, texts: list[str]) -> int:
    """Write articles until the file reaches `megabytes`; vary them so no two lines are equal."""
    shuffle = random.Random(5)
    target = megabytes * 1024 * 1024
    written = count = 0
    with open(path, "w", encoding="utf-8") as output:
        while written < target:
            paragraphs = texts[count % len(texts)].split("\n")
            shuffle.shuffle(paragraphs)
            article = {
                "id": f"bench-{count}",
                "title": paragraphs[0][:80],
                "text": "\n".join(paragraphs) + f"\nEdition {count}.",
                "url": f"https://news.example.org/{count}",
                "date": f"2016-{count % 12 + 1:02d}-{count % 28 + 1:02d}",
                "publisher": "Example News",
                "section": "politics",
            }
            line = json.dumps(article, ensure_ascii=False) + "\n"
            written += len(line.encode("utf-8"))
            output.write(line)
            count += 1
    return count


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=50, help="size of the generated corpus")
    options = parser.parse_args()

    texts = real_texts()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        lines = write_corpus(corpus, options.mb, texts)
        size_mb = corpus.stat().st_size / (1024 * 1024)
        rss_before = peak_rss_mb()

        started = time.perf_counter()
        documents = errors = 0
        for result in read_documents(corpus):
            if isinstance(result, RawDocument):
                documents += 1
            else:
                errors += 1
        seconds = time.perf_counter() - started

    assert documents == lines and errors == 0, (documents, lines, errors)
    print(f"jsonl:  {size_mb:.1f} MB, {documents} documents ({len(texts)} real texts varied)")
    print(
        f"        {seconds:.2f} s: {documents / seconds:,.0f} documents/s, {size_mb / seconds:.1f} MB/s"
    )
    print(f"memory: peak RSS {peak_rss_mb():.1f} MB (before reading: {rss_before:.1f} MB)")

    polnear = TEXT_FOLDERS[0].parent.parent
    if polnear.is_dir():
        folders = [polnear / split / "text" for split in ("train", "dev")]
        documents, seconds = timed_count(folders)
        print(
            f"txt:    PolNeAR train+dev folders, {documents} documents in {seconds:.2f} s: "
            f"{documents / seconds:,.0f} documents/s"
        )

    with tempfile.TemporaryDirectory() as folder:
        page = (ROOT / "tests" / "fixtures" / "readers" / "news_page.html").read_bytes()
        for number in range(200):
            (Path(folder) / f"page{number:03d}.html").write_bytes(page)
        documents, seconds = timed_count([folder])
        print(
            f"html:   {documents} pages ({len(page) / 1024:.1f} KB each) in {seconds:.2f} s: "
            f"{documents / seconds:,.0f} documents/s"
        )


def timed_count(paths: list) -> tuple[int, float]:
    started = time.perf_counter()
    documents = sum(isinstance(r, RawDocument) for r in read_documents(paths))
    return documents, time.perf_counter() - started


if __name__ == "__main__":
    main()
