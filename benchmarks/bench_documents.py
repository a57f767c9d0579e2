"""Reading Word documents: dvtopics' own reader (zipfile + expat) against python-docx, and against the same
articles saved as .txt.

    .venv/bin/python benchmarks/bench_documents.py [--articles 1000] [--repeats 3] [--site DIR]

Builds, in a temporary folder, one .docx per article from the first --articles baomoi 2017 articles, as an article
pasted from a page would be: the title a "Heading 1" paragraph, then a paragraph per line of the text after it (lead,
body); every third document's paragraphs cut into several runs of other formatting (bold, italic, and cuts inside a
word, as Word's revision marks leave them), every tenth one's last line laid out as a table, a sentence a cell. The
same articles are written as .txt files, a line per paragraph or cell (what a user saved as Plain Text before dvtopics
read documents). No corpus text is kept: the folder is removed at the end.

Then, in fresh processes taking turns, --repeats times (medians printed):
  dvtopics .docx   the library's `read_articles(FOLDER)` over the .docx folder (import, walk, read, titles, dates,
                   furniture: every Article), in a loop that keeps title + text;
  peer .docx       a plain loop with python-docx: `Document(path)` for each file, its paragraphs' text joined;
  dvtopics .txt    `read_articles` over the .txt folder;
  inspect .docx    the command `dvtopics inspect FOLDER --format jsonl --no-cache` (start-up and output included).
For each: wall seconds of the process, of its reading loop alone, articles/s, peak RSS (its own, from wait4).

Agreement: for every document, the words (dvtopics' `normalize`, case-folded, `\\w+`) of dvtopics' title + text
against the peer's paragraphs, and against the paragraphs and tables' cells (python-docx, read after the timing); and
dvtopics' article from the .docx against its article from the .txt (title, date, source, text). How many differ, and
the first difference, a few words around it.

python-docx is not a dependency of dvtopics: give it with --site (a folder made by `pip install --target DIR
python-docx`, appended to sys.path) or install it in a throwaway environment. Without it the documents are written by
a small writer here (the same paragraphs, runs, tables and a "heading 1" style) and the peer is skipped, said so.
"""
from __future__ import annotations

import argparse
import collections
import difflib
import gzip
import itertools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
BAOMOI = ROOT.parent / "shared" / "corpora" / "baomoi_2017.jsonl.gz"
sys.path.insert(0, str(ROOT))

from dvtopics.text.normalise import normalize  # noqa: E402

# Every run prints its peak resident memory (VmHWM: of its own image, which wait4's ru_maxrss is not: that counts the
# parent's image the child was forked from, before its exec) to stderr as it exits
PEAK = r"""
import atexit, sys
def _peak():
    with open("/proc/self/status") as status:
        print(next(line for line in status if line.startswith("VmHWM")), file=sys.stderr)
atexit.register(_peak)
"""

INSPECT = r"""
import runpy, sys
sys.argv = ["dvtopics", *sys.argv[1:]]
runpy.run_module("dvtopics", run_name="__main__", alter_sys=True)
"""

DVTOPICS = r"""
import json, sys, time
sys.path.insert(0, sys.argv[3])
started = time.perf_counter()
from dvtopics.io.read import read_articles
kept = [(a.id, a.title, a.text, a.date, a.source, a.error) for a in read_articles(sys.argv[1])]
seconds = time.perf_counter() - started
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for id, title, text, date, source, error in kept:
        out.write(json.dumps({"id": id, "title": title, "text": text, "date": date, "source": source,
                              "error": error}, ensure_ascii=False) + "\n")
print(json.dumps({"seconds": seconds, "articles": len(kept)}))
"""

PEER = r"""
import json, sys, time
from pathlib import Path
sys.path.append(sys.argv[3])
started = time.perf_counter()
import docx
kept = []
for path in sorted(Path(sys.argv[1]).glob("*.docx")):
    document = docx.Document(path)
    kept.append((path.stem, "\n".join(paragraph.text for paragraph in document.paragraphs)))
seconds = time.perf_counter() - started
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for id, text in kept:
        out.write(json.dumps({"id": id, "text": text}, ensure_ascii=False) + "\n")
print(json.dumps({"seconds": seconds, "articles": len(kept)}))
"""


def articles(limit: int) -> list[tuple[str, str, list[str]]]:
    """(title, the lines after it) of the first `limit` baomoi articles (their text opens with the title)."""
    found = []
    with gzip.open(BAOMOI, "rt", encoding="utf-8") as handle:
        for line in itertools.islice(handle, limit):
            record = json.loads(line)
            lines = [line for line in record["text"].splitlines() if line.strip()]
            if lines and lines[0].strip() == record["title"].strip():
                lines = lines[1:]
            found.append((record["title"].strip(), lines))
    return found


def pieces(line: str, n: int) -> list[str]:
    """A line cut into runs: at spaces, and every fifth cut inside a word, as revision marks cut Word's runs."""
    words, runs, current = line.split(" "), [], []
    for i, word in enumerate(words):
        current.append(word)
        if len(current) >= 7 or i == len(words) - 1:
            run = " ".join(current) + (" " if i < len(words) - 1 else "")
            if (len(runs) + n) % 5 == 4 and len(run) > 6:
                runs += [run[:3], run[3:]]
            else:
                runs.append(run)
            current = []
    return runs


def layout(n: int, lines: list[str]) -> tuple[list[str], list[list[str]] | None]:
    """The paragraphs of document `n` and its table (rows of two cells: the sentences of its last line), if any."""
    if n % 10 == 9 and len(lines) > 1:
        sentences = [s for s in re.split(r"(?<=\.)\s+", lines[-1]) if s]
        rows = [sentences[i:i + 2] + [""] * (2 - len(sentences[i:i + 2])) for i in range(0, len(sentences), 2)]
        return lines[:-1], rows
    return lines, None


def write_with_python_docx(path: Path, n: int, title: str, lines: list[str]) -> None:
    import docx
    document = docx.Document()
    document.add_heading(title, level=1)
    paragraphs, table = layout(n, lines)
    for line in paragraphs:
        if n % 3 == 0:
            paragraph = document.add_paragraph()
            for k, run in enumerate(pieces(line, n)):
                piece = paragraph.add_run(run)
                piece.bold, piece.italic = k % 3 == 1, k % 3 == 2
        else:
            document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=2)
        for row, cells in zip(grid.rows, table):
            for cell, text in zip(row.cells, cells):
                cell.text = text
    document.save(path)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{_W}"><w:style w:type='
           '"paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>')
_PACKAGE = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
    'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/styles.xml": _STYLES,
}


def write_plain(path: Path, n: int, title: str, lines: list[str]) -> None:
    """The same document without python-docx: its parts written here."""
    def run(text: str, k: int = 0) -> str:
        marks = "<w:rPr><w:b/></w:rPr>" if k % 3 == 1 else "<w:rPr><w:i/></w:rPr>" if k % 3 == 2 else ""
        return f'<w:r>{marks}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

    body = [f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>{run(title)}</w:p>']
    paragraphs, table = layout(n, lines)
    for line in paragraphs:
        runs = pieces(line, n) if n % 3 == 0 else [line]
        body.append("<w:p>" + "".join(run(text, k) for k, text in enumerate(runs)) + "</w:p>")
    if table:
        body.append("<w:tbl>" + "".join("<w:tr>" + "".join(f"<w:tc><w:p>{run(c)}</w:p></w:tc>" for c in cells)
                                         + "</w:tr>" for cells in table) + "</w:tbl>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
                + "".join(body) + "</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in {**_PACKAGE, "word/document.xml": document}.items():
            archive.writestr(name, part)


def build(where: Path, limit: int, with_docx: bool) -> int:
    docx_folder, txt_folder = where / "docx", where / "txt"
    docx_folder.mkdir()
    txt_folder.mkdir()
    write = write_with_python_docx if with_docx else write_plain
    found = articles(limit)
    for n, (title, lines) in enumerate(found):
        write(docx_folder / f"{n:05d}.docx", n, title, lines)
        paragraphs, table = layout(n, lines)
        cells = [cell for row in table or [] for cell in row]  # Word's Plain Text puts a table's cells a line each
        (txt_folder / f"{n:05d}.txt").write_text("\n".join([title, *paragraphs, *cells]) + "\n", encoding="utf-8")
    return len(found)


def timed(command: list[str], out: Path) -> dict:
    """Run `command`, a Python script and its arguments (stdout to `out`); its wall seconds, peak resident memory
    (MB) and what it printed last, if JSON."""
    command = [sys.executable, "-c", PEAK + command[0], *map(str, command[1:])]
    started = time.perf_counter()
    with open(out, "w") as stdout:
        process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT)
        _, status, _ = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    peak = re.findall(r"VmHWM:\s*(\d+) kB", stderr)
    result = {"wall": wall, "rss": int(peak[-1]) / 1024 if peak else float("nan"), "code": process.returncode,
              "stderr": stderr[-500:]}
    last = out.read_text(encoding="utf-8").strip().splitlines()[-1:] if out.stat().st_size < 10_000 else []
    try:
        result.update(json.loads(last[0]) if last else {})
    except json.JSONDecodeError:
        pass
    return result


def words(text: str) -> list[str]:
    return re.findall(r"\w+", normalize(text).casefold())


def first_difference(ours: list[str], theirs: list[str]) -> str:
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes():
        if tag != "equal":
            return (f"{tag} at word {i1}: dvtopics {' '.join(ours[i1:min(i2, i1 + 6)])!r}, peer "
                    f"{' '.join(theirs[j1:min(j2, j1 + 6)])!r} (after {' '.join(ours[max(0, i1 - 3):i1])!r})")
    return "same sequence"


def compare(name: str, ours: dict, theirs: dict) -> None:
    """Print how many documents' words differ between dvtopics' title + text and `theirs` (id -> text)."""
    as_set = in_order = missing = extra = 0
    first = None
    for key in sorted(ours):
        a, b = words(ours[key]), words(theirs.get(key, ""))
        if collections.Counter(a) != collections.Counter(b):
            as_set += 1
            missing += (collections.Counter(b) - collections.Counter(a)).total()
            extra += (collections.Counter(a) - collections.Counter(b)).total()
            first = first or f"{key}: {first_difference(a, b)}"
        elif a != b:
            in_order += 1
            first = first or f"{key}: {first_difference(a, b)}"
    total = sum(len(words(text)) for text in theirs.values())
    print(f"  {name}: {as_set} of {len(ours)} documents hold other words ({missing} of its {total} words missing in "
          f"dvtopics', {extra} more), {in_order} the same words in another order"
          + (f"; first: {first}" if first else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="documents to build (the first N of baomoi)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--site", type=Path, help="a folder holding python-docx (pip install --target DIR)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (it holds corpus text: not in "
                                                  "the repository)")
    options = parser.parse_args()
    site = str(options.site.resolve()) if options.site else ""
    if site:
        sys.path.append(site)
    try:
        import docx
        with_docx = True
    except ImportError:
        with_docx = False
        print("python-docx is not installed (give --site DIR): the documents are written by this script's own "
              "writer and the peer is skipped")
    where = Path(tempfile.mkdtemp(prefix="dvtopics-documents-")) if not options.keep else options.keep
    where.mkdir(parents=True, exist_ok=True)
    print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; python-docx "
          f"{docx.__version__ if with_docx else 'missing'}")
    try:
        started = time.perf_counter()
        count = build(where, options.articles, with_docx)
        size = sum(p.stat().st_size for p in (where / "docx").iterdir())
        print(f"built {count} .docx ({size / 2**20:.1f} MB, with {'python-docx' if with_docx else 'own writer'}) "
              f"and {count} .txt in {time.perf_counter() - started:.0f} s")
        variants = {
            "dvtopics .docx": lambda out: [DVTOPICS, where / "docx", out, ROOT],
            "peer .docx": (lambda out: [PEER, where / "docx", out, site]) if with_docx else None,
            "dvtopics .txt": lambda out: [DVTOPICS, where / "txt", out, ROOT],
            "inspect .docx": lambda out: [INSPECT, "inspect", where / "docx", "--format", "jsonl", "--no-cache"],
        }
        variants = {name: make for name, make in variants.items() if make}
        runs = collections.defaultdict(list)
        for repeat in range(options.repeats):
            for name, make in variants.items():
                slug = name.replace(" ", "_").replace(".", "")
                out = where / f"{slug}-{repeat}.jsonl"
                result = timed(make(out), where / f"{slug}-{repeat}.stdout" if "inspect" not in name else out)
                if result["code"] != 0 and "inspect" not in name:
                    print(f"{name} failed ({result['code']}): {result['stderr']}")
                    return 1
                runs[name].append(result)
        print(f"\n{count} documents, {options.repeats} runs each, taking turns; medians (each run's wall in "
              f"brackets); load average at the end: {os.getloadavg()[0]:.1f}")
        print(f"{'':16}{'wall s':>8}{'art/s':>8}{'loop s':>8}{'loop art/s':>11}{'peak RSS MB':>13}  walls")
        medians = {}
        for name, results in runs.items():
            wall = statistics.median(r["wall"] for r in results)
            loop = statistics.median(r.get("seconds", float("nan")) for r in results)
            rss = statistics.median(r["rss"] for r in results)
            medians[name] = wall, loop
            print(f"{name:16}{wall:8.2f}{count / wall:8.0f}{loop:8.2f}{count / loop:11.0f}{rss:13.0f}  "
                  + ", ".join(f"{r['wall']:.2f}" for r in results))
        if with_docx:
            ours, peer = medians["dvtopics .docx"], medians["peer .docx"]
            print(f"dvtopics / peer articles/s: {peer[0] / ours[0]:.2f}x whole process, {peer[1] / ours[1]:.2f}x "
                  "reading loop")
        txt = medians["dvtopics .txt"]
        print(f"dvtopics .docx / .txt articles/s: {txt[0] / medians['dvtopics .docx'][0]:.2f}x whole process, "
              f"{txt[1] / medians['dvtopics .docx'][1]:.2f}x reading loop")

        # ---- agreement
        def read(path: Path) -> dict:
            return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}

        from_docx, from_txt = read(where / "dvtopics_docx-0.jsonl"), read(where / "dvtopics_txt-0.jsonl")
        errors = [r for r in from_docx.values() if r["error"]]
        print(f"\nagreement ({len(from_docx)} articles read from .docx, {len(errors)} errors"
              + (f": {errors[0]['error']}" if errors else "") + ")")
        fields = ("title", "date", "source", "text")
        differ = [key for key in from_docx if any(from_docx[key][f] != from_txt.get(key, {}).get(f) for f in fields)]
        print(f"  dvtopics .docx against .txt (title, date, source, text): {len(differ)} of {len(from_docx)} differ"
              + (f"; first: {differ[0]}, " + ", ".join(f for f in fields if from_docx[differ[0]][f]
                                                      != from_txt.get(differ[0], {}).get(f)) if differ else ""))
        titles = sum(from_docx[key]["title"] == normalize(title) for key, (title, _) in
                     zip(sorted(from_docx), articles(count)))
        print(f"  titles: {titles} of {count} are the Heading 1 paragraph (normalised: quotes, dashes, tone marks)")
        # (an article's text holds its title line as read: title + text is the text, the title before it where not)
        ours = {key: r["text"] if r["text"].startswith(r["title"]) else r["title"] + "\n" + r["text"]
                for key, r in from_docx.items()}
        raw = {f"{n:05d}": "\n".join([title, *lines]) for n, (title, lines) in enumerate(articles(count))}
        compare("dvtopics title + text against the article's own lines", ours, raw)
        if with_docx:
            peer = {key: r["text"] for key, r in read(where / "peer_docx-0.jsonl").items()}
            compare("against the peer's paragraphs", ours, peer)
            whole = {}
            for path in sorted((where / "docx").glob("*.docx")):
                document = docx.Document(path)
                cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
                whole[path.stem] = "\n".join([p.text for p in document.paragraphs] + cells)
            compare("against python-docx's paragraphs and tables' cells", ours, whole)
        return 0
    finally:
        if not options.keep:
            shutil.rmtree(where, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
