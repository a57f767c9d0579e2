"""Label files, the one reader: a CSV (id or file, label) or JSONL ({"id", "label"}) -> {id: label}."""
from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

from ..errors import InputError
from .read import csv_delimiter, field_names, read_side_file


def _read_csv_labels(path: str | os.PathLike) -> dict[str, str]:
    """A CSV of article id (or file name) and label -> {id: label}.

    The id column may be called `id` (taken as it is: VNTC's ids end in .txt) or
    `file` (a file name, whose .txt is dropped to match the ids `read_articles`
    gives to .txt files).
    """
    text = read_side_file(path)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text, "label"))
    reader.fieldnames = field_names(reader.fieldnames or [], ("id", "file", "label"))  # " ID ", "Label"
    rows = list(reader)
    if not rows or "label" not in rows[0] or not ({"id", "file"} & set(rows[0])):
        found = ", ".join(repr(name) for name in reader.fieldnames) or "none"
        raise InputError(f"{path}: a labels CSV needs a header with 'id' (or 'file') and 'label'; "
                         f"its header has {found}")
    if "id" in rows[0]:
        return _unique(path, ((row["id"], row["label"]) for row in rows))
    return _unique(path, ((re.sub(r"\.txt$", "", row["file"]), row["label"]) for row in rows))


def _unique(path, pairs) -> dict[str, str]:
    """{id: label}, each label without the spaces around it ("other " is "other"); an id given two
    different labels is refused, as no one can tell which is meant."""
    labels = {}
    for id_, label in pairs:
        label = label.strip() if isinstance(label, str) else label
        if labels.get(id_, label) != label:
            raise InputError(f"{path}: id {id_!r} has two labels, {labels[id_]!r} and {label!r}: keep one")
        labels[id_] = label
    return labels


def read_labels(path: str | os.PathLike) -> dict[str, str]:
    """Labels by article id from a CSV (id or file, label; see `_read_csv_labels`) or the JSONL
    `dvtopics label --out` writes ({"id", "label"} per line)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such labels file")
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        return _read_csv_labels(path)
    pairs = []
    for number, line in enumerate(read_side_file(path).splitlines(), start=1):  # UTF-16 or a BOM too
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            pairs.append((str(record["id"]), record["label"]))
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{path}:{number}: a labels line needs {{\"id\": ..., \"label\": ...}}") from None
    return _unique(path, pairs)
