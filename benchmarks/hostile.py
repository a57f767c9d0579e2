"""Every hostile kind of input, output and flag beside good articles, through the real command line.

Builds a folder of the inputs users have (a .jsonl.gz cut short, plain JSONL named .gz, gzip followed
by junk, a CSV field over the limit, a CSV quote never closed, lone surrogates, dates and titles that are
numbers, lists or objects, a file name that is not UTF-8, a pipe, an unreadable subfolder, a .json array,
TCVN3 and VNI documents, side files in UTF-16 and with a BOM; Word documents: one good, one cut short, a zip bomb,
a .doc renamed .docx) with good articles between them, runs inspect, rules, segment, label, topics fit/assign and
report on all of it, then the flags and artefacts users get wrong.
It checks: no traceback, every good article exactly once and in input order, the bad ones reported
where they stood, and the exit codes README.md documents (0 ok, 1 some articles unreadable, 2 could
not run). Prints its figures; exits 1 if any check fails.

    .venv/bin/python benchmarks/hostile.py [--keep DIR]

As root, the commands run under `unshare -U` (when it is there), where root-owned files with mode 000
are unreadable as for any user; without it the unreadable-folder case is left out and says so.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dvtopics.run.batch import input_fingerprint, label_stream, output_lock  # noqa: E402
from dvtopics.io.read import read_articles  # noqa: E402
from dvtopics.io.vnlegacy import encode  # noqa: E402

DVTOPICS = [sys.executable, "-m", "dvtopics"]
MAX_BYTES = 300_000  # the runs' --max-bytes: the big CSV field is over it (and over the csv module's 128 KB)
SEEDS = [a.raw for a in read_articles(ROOT / "seeds")]


def jsonl_line(article_id: str, text: str, **fields) -> bytes:
    return (json.dumps({"id": article_id, "text": text, **fields}, ensure_ascii=False) + "\n").encode()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_docx(path: Path, text: str = "", filler: int = 0) -> None:
    """A Word document of `text`, a paragraph a line; with `filler`, its text part that many bytes of spaces more
    (deflated about a thousand times: a zip bomb)."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
                   for line in text.split("\n"))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body}'.encode())
            for _ in range(filler // 2**20):
                part.write(b" " * 2**20)
            part.write(b"</w:body></w:document>")


class Inputs:
    """The hostile inputs, and what a run over them must give: the good ids in order, the errors."""

    def __init__(self, where: Path, unreadable_folders: bool):
        self.where, self.good, self.errors, self.warned = where, [], 0, []
        self.document_errors = {}  # a bad Word document's name -> what its error must say
        self.legacy = {}  # id of a TCVN3/VNI article -> index of the seed it encodes
        folder = where / "folder"
        folder.mkdir(parents=True)
        self.paths = [folder]
        self._folder(folder, unreadable_folders)
        for build in (self._cut_gzip, self._plain_named_gz, self._gzip_then_junk, self._csv_big_field,
                      self._csv_open_quote, self._odd_json_fields, self._json_array, self._utf16_jsonl,
                      self._semicolon_csv, self._cut_csv_gzip):
            self.paths.append(build())

    def _seed(self, n: int) -> str:
        return SEEDS[n % len(SEEDS)]

    def _folder(self, folder: Path, unreadable: bool) -> None:
        (folder / "a_good.txt").write_text(self._seed(0), encoding="utf-8")
        self.good.append("a_good")
        (folder / os.fsdecode(b"b_t\xean_c\xfc.txt")).write_text(self._seed(1), encoding="utf-8")  # Latin-1 name
        self.good.append("b_t\\xean_c\\xfc")
        os.mkfifo(folder / "c_pipe.txt")
        self.errors += 1
        locked = folder / "d_locked"
        locked.mkdir()
        (locked / "x.txt").write_text(self._seed(2), encoding="utf-8")
        if unreadable:
            locked.chmod(0)
            self.errors += 1
        else:
            self.good.append("d_locked/x")
        for encoding in ("TCVN3", "VNI"):
            for n in range(len(SEEDS)):
                name = f"e_{encoding.lower()}_{n}"
                (folder / f"{name}.txt").write_bytes(encode(SEEDS[n], encoding))
                self.good.append(name)
                self.legacy[name] = n
        (folder / "f_french.txt").write_bytes(("Ce texte n'est pas vietnamien: été, à côté, très, señor. " * 8)
                                              .encode("cp1252"))
        self.good.append("f_french")
        self.warned.append("f_french")
        # Word documents, read from the folder as its .txt files are: one good; one cut short by a download; a zip
        # bomb (its text part inflates to 200 MB, past the 64 MB a part may); a Word 97-2003 file renamed .docx
        write_docx(folder / "g_good.docx", self._seed(3))
        self.good.append("g_good")
        write_docx(folder / "g_cut.docx", self._seed(4))
        cut = (folder / "g_cut.docx").read_bytes()
        (folder / "g_cut.docx").write_bytes(cut[: len(cut) // 2])
        write_docx(folder / "g_zip_bomb.docx", "x", filler=200 * 2**20)
        (folder / "g_renamed.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
        self.errors += 3
        self.document_errors = {"g_cut.docx": "a damaged document", "g_zip_bomb.docx": "a zip bomb",
                                "g_renamed.docx": "a Word 97-2003 document"}

    def _cut_gzip(self) -> Path:
        """Three whole lines, flushed, then a line cut in the middle of its compressed bytes."""
        deflate = zlib.compressobj(wbits=31)
        head = deflate.compress(b"".join(jsonl_line(f"cut{i}", self._seed(i)) for i in range(3)))
        head += deflate.flush(zlib.Z_FULL_FLUSH)
        tail = deflate.compress(jsonl_line("lost", self._seed(3) * 3)) + deflate.flush()
        path = self.where / "01_cut.jsonl.gz"
        path.write_bytes(head + tail[: len(tail) // 2])
        self.good += ["cut0", "cut1", "cut2"]
        self.errors += 1
        return path

    def _plain_named_gz(self) -> Path:
        path = self.where / "02_plain.jsonl.gz"
        path.write_bytes(jsonl_line("plain0", self._seed(4)) + jsonl_line("plain1", self._seed(0)))
        self.good += ["plain0", "plain1"]
        return path

    def _gzip_then_junk(self) -> Path:
        path = self.where / "03_junk.jsonl.gz"
        path.write_bytes(gzip.compress(jsonl_line("junk0", self._seed(1)) + jsonl_line("junk1", self._seed(2)))
                         + b"\x00\x00 trailing bytes that are not gzip")
        self.good += ["junk0", "junk1"]
        self.errors += 1
        return path

    def _csv_big_field(self) -> Path:
        path = self.where / "04_big.csv"
        quoted = [self._seed(n).replace('"', '""') for n in range(3)]
        huge = "công tác dân vận " * (MAX_BYTES // 10)
        path.write_text(f'id,text\ncsv0,"{quoted[0]}"\ncsv_huge,"{huge}"\ncsv1,"{quoted[1]}"\n', encoding="utf-8")
        self.good += ["csv0", "csv1"]
        self.errors += 1
        return path

    def _csv_open_quote(self) -> Path:
        path = self.where / "05_quote.csv"
        title = self._seed(2).splitlines()[0]
        one_line = " ".join(self._seed(3).split())
        path.write_text(f'id,text\nq_broken,"{title}\nq0,{one_line}\nq1,{one_line}\n', encoding="utf-8")
        self.good += ["q0", "q1"]
        self.errors += 1
        return path

    def _odd_json_fields(self) -> Path:
        path = self.where / "06_odd.jsonl"
        lines = [
            '{"id": "surrogate", "text": "Tin \\ud800 c\\u1eaft \\udc80", "title": "emoji c\\u1eaft \\ud83d"}\n'.encode(),
            jsonl_line("date_number", self._seed(0), date=20220705),
            jsonl_line("date_list", self._seed(1), date=[2022, 7, 5]),
            jsonl_line("date_object", self._seed(2), date={"y": 2022}, title=["a", "list"]),
            jsonl_line("label_object", self._seed(3), label={"x": 1}, source=True),
            b'{"id": "text_list", "text": ["not", 1, "text"]}\n',
            json.dumps({"id": "paragraphs", "text": self._seed(4).splitlines()}, ensure_ascii=False).encode() + b"\n",
            b'{"id": "text_number", "text": 12}\n',
            b'["not", "an", "object"]\n',
            b'{"id": "deep", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
        ]
        path.write_bytes(b"".join(lines))
        self.good += ["surrogate", "date_number", "date_list", "date_object", "label_object", "paragraphs"]
        self.errors += 4
        return path

    def _json_array(self) -> Path:
        path = self.where / "07_array.json"
        path.write_text(json.dumps([{"id": f"array{i}", "text": self._seed(i)} for i in range(3)],
                                   ensure_ascii=False, indent=1), encoding="utf-8")
        self.good += ["array0", "array1", "array2"]
        return path

    def _utf16_jsonl(self) -> Path:
        path = self.where / "08_utf16.jsonl"  # Notepad's "Unicode"
        path.write_bytes((jsonl_line("utf16_0", self._seed(0)) + jsonl_line("utf16_1", self._seed(1)))
                         .decode().encode("utf-16"))
        self.good += ["utf16_0", "utf16_1"]
        return path

    def _semicolon_csv(self) -> Path:
        path = self.where / "09_semicolon.csv"  # Excel where the comma is the decimal sign
        quoted = [self._seed(n).replace('"', '""') for n in range(2)]
        path.write_text(f'id;text\nsemi0;"{quoted[0]}"\nsemi1;"{quoted[1]}"\n', encoding="utf-8-sig")
        self.good += ["semi0", "semi1"]
        return path

    def _cut_csv_gzip(self) -> Path:
        deflate = zlib.compressobj(wbits=31)
        rows = "".join(f'csvgz{i},"{self._seed(i)}"\n' for i in range(2))
        head = deflate.compress(f"id,text\n{rows}".encode()) + deflate.flush(zlib.Z_FULL_FLUSH)
        tail = deflate.compress(f'lost,"{self._seed(2) * 3}"\n'.encode()) + deflate.flush()
        path = self.where / "10_cut.csv.gz"
        path.write_bytes(head + tail[: len(tail) // 2])
        self.good += ["csvgz0", "csvgz1"]
        self.errors += 1
        return path

    def side_files(self) -> tuple[Path, Path]:
        labels = self.where / "labels_utf16.csv"
        labels.write_text("id,label\n" + "".join(f"{i},other\n" for i in self.good), encoding="utf-16")
        stopwords = self.where / "stopwords_bom.txt"
        stopwords.write_text("công_tác\ndân_vận\n", encoding="utf-8-sig")
        return labels, stopwords


class Checks:
    def __init__(self):
        self.rows = []

    def __call__(self, what: str, ok: bool, detail: str = "") -> bool:
        self.rows.append((what, ok, detail))
        return ok

    @property
    def failed(self) -> list:
        return [row for row in self.rows if not row[1]]


def cli(args: list, prefix: list, env: dict, timeout: int = 600) -> tuple[int, str, float]:
    """Run dvtopics; (exit code, stderr, seconds). A hang is a failure, not a wait."""
    started = time.perf_counter()
    try:
        done = subprocess.run(prefix + DVTOPICS + [str(a) for a in args], capture_output=True, text=True,
                              errors="replace", env=env, cwd=ROOT, timeout=timeout)
        return done.returncode, done.stderr, time.perf_counter() - started
    except subprocess.TimeoutExpired:
        return -1, f"hung for {timeout} s", time.perf_counter() - started


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="Build and keep the inputs and outputs in this folder.")
    options = parser.parse_args()
    where = options.keep or Path(tempfile.mkdtemp(prefix="dvtopics-hostile-"))
    if where.exists() and options.keep:
        shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True, exist_ok=True)
    prefix = ["unshare", "-U"] if os.geteuid() == 0 and shutil.which("unshare") else []
    unreadable = os.geteuid() != 0 or bool(prefix)
    env = {**os.environ, "DVTOPICS_CACHE": str(where / "cache"), "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    inputs = Inputs(where / "in", unreadable)
    labels16, stopwords_bom = inputs.side_files()
    out = where / "out"
    check, seconds = Checks(), {}
    expected_records = len(inputs.good) + inputs.errors

    def run(name: str, args: list, expect: int, needle: str = "") -> str:
        code, stderr, took = cli(args, prefix, env)
        seconds[name] = took
        lines = [line for line in stderr.splitlines() if line.startswith("Error:")]
        check(f"{name}: exit {expect}", code == expect, f"got {code}: {(lines or stderr.splitlines() or [''])[-1]}")
        check(f"{name}: no traceback", "Traceback" not in stderr, stderr[-300:] if "Traceback" in stderr else "")
        if needle:
            check(f"{name}: says '{needle}'", needle in stderr, (lines or [""])[-1])
        return stderr

    every = [*inputs.paths, "--max-bytes", MAX_BYTES]
    # ---- the whole hostile input through every command that reads articles
    run("inspect", ["inspect", *every, "--format", "jsonl"], 1)
    run("rules", ["rules", *every, "--all"], 1)
    run("segment", ["segment", *every, "--out", out / "segmented.jsonl"], 1)
    run("label -> .jsonl", ["label", *every, "--out", out / "labels.jsonl"], 1)
    labelled = records(out / "labels.jsonl") if (out / "labels.jsonl").exists() else []
    good = [r["id"] for r in labelled if not r.get("error")]
    bad = [r for r in labelled if r.get("error")]
    check("every good article exactly once, in input order", good == inputs.good,
          f"{len(good)} read of {len(inputs.good)} good")
    check("each bad input one error record, where it stood", len(bad) == inputs.errors and
          len(labelled) == expected_records, f"{len(bad)} error records for {inputs.errors} bad inputs")
    check("errors name the file (and line) and the cause", all(": " in r["error"] and "\n" not in r["error"]
                                                               for r in bad))
    said = [needle for name, needle in inputs.document_errors.items()
            if any(name in r["error"] and needle in r["error"] for r in bad)]
    check("a damaged .docx, a zip bomb, a .doc renamed .docx: each one error that says which",
          len(said) == len(inputs.document_errors), f"{len(said)}/{len(inputs.document_errors)}")
    run("label the seeds", ["label", ROOT / "seeds", "--out", out / "seeds.jsonl"], 0)
    seed_labels = [r["label"] for r in records(out / "seeds.jsonl")] if (out / "seeds.jsonl").exists() else []
    legacy = {r["id"]: r["label"] for r in labelled if r["id"] in inputs.legacy}
    same = sum(seed_labels[inputs.legacy[i]] == label for i, label in legacy.items() if seed_labels)
    check("TCVN3 and VNI seeds get their Unicode originals' labels", same == len(inputs.legacy),
          f"{same}/{len(inputs.legacy)}")
    warned = {r["id"] for r in labelled if r.get("warning")}
    check("text in no Vietnamese encoding is flagged in its record", set(inputs.warned) <= warned)
    run("label -> .xlsx", ["label", *every, "--out", out / "labels.xlsx"], 1)
    run("topics fit (UTF-16 labels, BOM stopwords)", ["topics", "fit", *every, "--k", "3", "--no-below", "1",
                                                      "--labels", labels16, "--stopwords", stopwords_bom,
                                                      "--out", out / "topics"], 1)
    run("topics assign", ["topics", "assign", out / "topics", *every, "--out", out / "assign.csv"], 1)
    run("report", ["report", *every, "--topics", out / "topics", "--out", out / "report.html",
                   "--xlsx", out / "report.xlsx"], 1)

    # ---- outputs, runs and flags
    one = inputs.paths[7]  # the JSON array
    before = one.read_bytes()
    run("--out that is an input", ["label", one, "--out", one], 2, "one of the inputs")
    check("... and the input is untouched", one.read_bytes() == before)
    run("--out in a folder that cannot be made", ["label", one, "--out", one / "x" / "out.jsonl"], 2,
        "cannot create its folder")
    run("-j 0", ["segment", one, "--out", out / "s.jsonl", "-j", "0"], 2, "Invalid value")
    run("--batch-size 0", ["label", one, "--batch-size", "0"], 2, "Invalid value")
    run("--batch-size -3", ["label", one, "--batch-size", "-3"], 2, "Invalid value")
    run("-j 10000 (capped)", ["segment", one, "--out", out / "s.jsonl", "-j", "10000"], 0, "using")
    changing = where / "in" / "changing.jsonl"
    changing.write_bytes(b"".join(jsonl_line(f"c{i}", inputs._seed(i)) for i in range(6)))

    def interrupted(batch, calls=[]):
        if calls:
            raise KeyboardInterrupt
        calls.append(1)
        return [{"id": a.id, "label": "x", "error": a.error} for a in batch]

    try:
        label_stream(read_articles(changing, on_error="record"), interrupted, out / "resumed.jsonl", batch_size=2,
                     inputs=input_fingerprint([changing]))
    except KeyboardInterrupt:
        pass
    with open(changing, "ab") as handle:
        handle.write(jsonl_line("c_added", inputs._seed(0)))
    run("--resume after the input changed", ["label", changing, "--out", out / "resumed.jsonl", "--resume"], 2,
        "the input changed")
    with output_lock(out / "locked.jsonl"):
        run("a second run on the same --out", ["label", one, "--out", out / "locked.jsonl"], 2, "another run")

    # ---- artefacts people edit or break
    card = where / "broken-model"
    card.mkdir()
    (card / "model_card.json").write_text("[1, 2, 3]", encoding="utf-8")
    run("a model card that is not an object", ["label", one, "--model", card], 2, "model_card.json")
    topics = where / "broken-topics"
    shutil.copytree(out / "topics", topics)
    (topics / "topics.json").write_text('{"cut short', encoding="utf-8")
    run("a broken topics.json", ["topics", "show", topics], 2, "topics.json")
    single = where / "in" / "single.jsonl"
    single.write_bytes(b"".join(jsonl_line(f"s{i}", inputs._seed(i), label="other") for i in range(4)))
    run("train on one label", ["train", single, "--out", where / "m1", "--folds", "2"], 2, "two labels")

    total = time.perf_counter() - started
    width = max(len(what) for what, _, _ in check.rows)
    print(f"hostile inputs: {len(inputs.paths) - 1} files and a folder of {len(os.listdir(inputs.paths[0]))} "
          f"entries; {len(inputs.good)} good articles, {inputs.errors} bad inputs"
          + ("" if unreadable else " (no unreadable folder: running as root without unshare)"))
    for what, ok, detail in check.rows:
        print(f"  {'ok  ' if ok else 'FAIL'} {what:<{width}}  {detail}")
    print(f"{len(check.rows) - len(check.failed)}/{len(check.rows)} checks passed in {total:.0f} s "
          f"(label of all {expected_records} records: {seconds.get('label -> .jsonl', 0):.1f} s)")
    if not options.keep:
        for path in where.rglob("*"):  # the locked folder must be opened again to be removed
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(where, ignore_errors=True)
    return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
