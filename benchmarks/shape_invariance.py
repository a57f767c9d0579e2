"""Does the shipped model give an article the same type whatever shape it comes in?

    .venv/bin/python benchmarks/shape_invariance.py [FILE.jsonl ...]
    PYTHONPATH=/path/to/another/checkout .venv/bin/python benchmarks/shape_invariance.py   # its code and model

Reads title + lead items (default: the written training set, data/train/*.jsonl), labels them as written,
then again in other shapes real inputs have: the title in capitals, the title put into the text, the lead
alone (no title), a source tag before the lead ("(TTXVN) - ", "NDO - ", "(Dân trí) - "), "[Video]" before the
title, title and lead in capitals. Prints, for each shape, how many items changed label and a few of their ids.
A check of invariance, not of accuracy: the default items are training data, so their labels as written are learnt.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SHAPES = {
    "title in capitals": lambda item: {**item, "title": item["title"].upper()},
    "title put into the text": lambda item: {"id": item["id"], "text": f"{item['title']}\n{item['text']}"},
    "no title (the lead alone)": lambda item: {"id": item["id"], "text": item["text"]},
    "a source tag before the lead": lambda item: {**item, "text": f"(TTXVN) - {item['text']}"},
    "a paper's tag before the lead": lambda item: {**item, "text": f"NDO - {item['text']}"},
    "a paper's name in brackets": lambda item: {**item, "text": f"(Dân trí) - {item['text']}"},
    "a tag before the title": lambda item: {**item, "title": f"[Video] {item['title']}"},
    "title and lead in capitals": lambda item: {**item, "title": item["title"].upper(), "text": item["text"].upper()},
}


def labels_of(items: list[dict], classifier) -> list[str]:
    from dvtopics.io.read import read_articles

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "items.jsonl"
        path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
        return [str(result["label"]) for result in classifier.predict(list(read_articles(path)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="JSONL of id, title, text (default: data/train/*.jsonl)")
    args = parser.parse_args()
    import dvtopics
    from dvtopics.types.model import load_classifier

    print(f"code of {Path(dvtopics.__file__).parent}", file=sys.stderr)
    files = args.files or sorted((ROOT / "data" / "train").glob("*.jsonl"))
    items = [{key: record[key] for key in ("id", "title", "text") if key in record}
             for path in files for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())]
    classifier = load_classifier()
    as_written = labels_of(items, classifier)
    print(f"{len(items)} items")
    for shape, reshape in SHAPES.items():
        labels = labels_of([reshape(item) for item in items], classifier)
        changed = [item["id"] for item, before, after in zip(items, as_written, labels) if before != after]
        print(f"  {shape:<32} {len(changed):>4} changed   {' '.join(changed[:6])}")


if __name__ == "__main__":
    main()
