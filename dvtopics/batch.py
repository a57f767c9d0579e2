"""Labelling many articles: streaming, bounded memory, resumable.

Predictions are appended, batch by batch, to a journal next to the output
(`OUT.part.jsonl`), each batch flushed and fsynced. A killed run leaves the
journal with whole lines plus at most one torn line; `resume=True` drops the
torn line, skips the articles already in the journal (by their position in the
input stream) and goes on. When the input is exhausted the journal becomes the
requested output (JSONL, CSV or XLSX) in one atomic rename, so the output file
is either absent or complete.
"""
from __future__ import annotations

import itertools
import json
import os
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .corpus import Article
from .errors import DvtopicsError

OUTPUT_SUFFIXES = (".jsonl", ".csv", ".xlsx")
POSITION = "_n"  # position of the article in the input stream: the resume key


def journal_path(out: Path) -> Path:
    return out.with_name(out.name + ".part.jsonl")


def read_journal(journal: Path) -> set[int]:
    """Positions already labelled; a torn last line (killed mid-write) is cut off."""
    if not journal.exists():
        return set()
    done, good_bytes = set(), 0
    with open(journal, "rb") as handle:
        for line in handle:
            try:
                done.add(json.loads(line)[POSITION])
            except (ValueError, KeyError):
                break
            if not line.endswith(b"\n"):
                break
            good_bytes += len(line)
    with open(journal, "r+b") as handle:
        handle.truncate(good_bytes)
    return done


def outcome(record: dict) -> str:
    """What a labelled record counts as in a run's summary: its label, or "error"."""
    return "error" if record.get("error") else record["label"]


def batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def label_stream(
    articles: Iterable[Article],
    predict: Callable[[list[Article]], list[dict]],
    out: str | os.PathLike,
    resume: bool = False,
    batch_size: int = 256,
    on_batch: Callable[[int], None] | None = None,
) -> Counter:
    """Label `articles` with `predict` (a batch of articles -> records) into `out`.

    Returns the count of each label ("error" for articles that failed).
    """
    out = Path(out)
    if out.suffix.lower() not in OUTPUT_SUFFIXES:
        raise DvtopicsError(f"{out}: output must end in {', '.join(OUTPUT_SUFFIXES)}")
    journal = journal_path(out)
    if journal.exists() and not resume:
        raise DvtopicsError(f"{journal} holds an unfinished run: add --resume to finish it, or delete the file")
    out.parent.mkdir(parents=True, exist_ok=True)
    done = read_journal(journal) if resume else set()
    positioned = ((n, a) for n, a in enumerate(articles) if n not in done)
    with open(journal, "a", encoding="utf-8") as handle:
        for batch in batches(positioned, batch_size):
            records = predict([article for _, article in batch])
            for (n, _), record in zip(batch, records):
                handle.write(json.dumps({POSITION: n, **record}, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
            if on_batch:
                on_batch(len(batch))
    return finish(journal, out)


def journal_records(journal: Path) -> Iterator[dict]:
    """The journal's records, without the position key. They are in input order:
    batches are written in order and a resumed run only appends later ones."""
    with open(journal, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            record.pop(POSITION)
            yield record


def finish(journal: Path, out: Path) -> Counter:
    """Turn the journal into the output file atomically; return the label counts."""
    counts = write_output(journal_records(journal), out)
    journal.unlink()
    return counts


def write_output(records: Iterable[dict], out: Path) -> Counter:
    """Write records to `out` (.jsonl/.csv/.xlsx) through a temporary file renamed
    into place; return the label counts. JSONL and CSV stream in bounded memory."""
    from .tables import write_rows

    counts = Counter()
    records = iter(records)
    first = next(records, None)
    # every record has the same keys: the first one's are the CSV header, so rows need not be held
    columns = list(first) if first is not None else None

    def counted(records):
        for record in records:
            counts[outcome(record)] += 1
            yield record

    tmp = out.with_name(out.name + ".tmp" + out.suffix)
    write_rows(counted(itertools.chain([first] if first is not None else [], records)), tmp, columns)
    os.replace(tmp, out)
    return counts
