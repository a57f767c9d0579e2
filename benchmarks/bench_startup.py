"""Startup: wall time to first output of short commands, and which heavy libraries each imports.

    .venv/bin/python benchmarks/bench_startup.py --repeat 5

Commands (each run once untimed to warm the disk and segmentation caches, then `--repeat` times):
- `dvtopics --help`
- `dvtopics label seeds/004_88b669e4eeb873bb.txt` (the shipped model, models/article-type)
- `python -c "import dvtopics"`

"first output" is the time from starting the process to the first byte on stdout or stderr (for
`import dvtopics`, which prints nothing, the time to exit); "exit" is the time to the process' end. Both
are medians. Then each command runs once more with an import spy and `-X importtime`: which heavy
libraries end up in `sys.modules`, what each cost (cumulative import time, as `-X importtime` counts it),
and the dvtopics source line whose import pulled it in first.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import selectors
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
SCRIPT = ROOT / ".venv" / "bin" / "dvtopics"
HEAVY = ("gensim", "sklearn", "scipy", "numpy", "pandas", "matplotlib", "joblib", "pyvi", "sklearn_crfsuite",
         "pycrfsuite", "tqdm", "openpyxl", "pyLDAvis", "tomotopy", "jinja2", "PIL")

COMMANDS = {
    "dvtopics --help": [str(SCRIPT), "--help"],
    "dvtopics label seeds/004_88b669e4eeb873bb.txt": [str(SCRIPT), "label", "seeds/004_88b669e4eeb873bb.txt"],
    'python -c "import dvtopics"': [str(PYTHON), "-c", "import dvtopics"],
}

# Run a command's Python code with an import spy: for each heavy library, the first import's stack.
SPY = r"""
import json, os, runpy, sys, traceback
HEAVY = set(json.loads(os.environ["SPY_HEAVY"]))
first = {}
class Spy:
    def find_spec(self, name, path=None, target=None):
        root = name.partition(".")[0]
        if root in HEAVY and root not in first:
            stack = traceback.extract_stack()[:-1]
            mine = [f"{os.path.relpath(f.filename, os.environ['SPY_ROOT'])}:{f.lineno}" for f in stack
                    if "/dvtopics/" in f.filename and "/site-packages/" not in f.filename]
            first[root] = {"dvtopics_frames": mine,
                           "importer": next((f"{f.filename}:{f.lineno}" for f in reversed(stack)
                                             if "importlib" not in f.filename and "<frozen" not in f.filename), "")}
        return None
sys.meta_path.insert(0, Spy())
def dump():
    roots = sorted({m.partition(".")[0] for m in list(sys.modules)})
    with open(os.environ["SPY_OUT"], "w") as handle:
        json.dump({"first": first, "roots": roots, "n_modules": len(sys.modules)}, handle)
import atexit
atexit.register(dump)
mode, target, *rest = sys.argv[1:]
if mode == "script":
    sys.argv = [target, *rest]
    runpy.run_path(target, run_name="__main__")
else:
    exec(target)
"""


def timed_run(command: list[str]) -> tuple[float, float, int]:
    """(seconds to first byte on stdout or stderr, seconds to exit, exit code)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    selector.register(process.stderr, selectors.EVENT_READ)
    first, open_streams = None, 2
    while open_streams:
        for key, _ in selector.select():
            data = os.read(key.fileobj.fileno(), 65536)
            if data and first is None:
                first = time.perf_counter() - start
            if not data:
                selector.unregister(key.fileobj)
                open_streams -= 1
    code = process.wait()
    end = time.perf_counter() - start
    return (first if first is not None else end), end, code


def import_report(command: list[str]) -> dict:
    """Heavy libraries imported by `command`, their cumulative import time and who imported them first."""
    if command[0] == str(SCRIPT):
        spy_args = ["script", str(SCRIPT), *command[1:]]
    else:
        spy_args = ["code", command[-1]]
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        out = tmp.name
    env = {**os.environ, "SPY_OUT": out, "SPY_HEAVY": json.dumps(HEAVY), "SPY_ROOT": str(ROOT)}
    done = subprocess.run([str(PYTHON), "-X", "importtime", "-c", SPY, *spy_args], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    spy = json.loads(Path(out).read_text())
    os.unlink(out)
    cumulative = {}
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)$", line)
        if match and match.group(3) in HEAVY and match.group(3) not in cumulative:
            cumulative[match.group(3)] = int(match.group(1)) / 1e6
    heavy = [name for name in HEAVY if name in spy["roots"]]
    return {"heavy": heavy, "n_modules": spy["n_modules"],
            "import_s": {name: cumulative.get(name) for name in heavy},
            "first_import": {name: spy["first"].get(name, {}) for name in heavy}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="Also write the figures as JSON here.")
    args = parser.parse_args()
    if not (ROOT / "models" / "article-type" / "model_card.json").exists():
        sys.exit("models/article-type is not there yet (no model_card.json): train it first")

    results = {}
    for name, command in COMMANDS.items():
        timed_run(command)  # warm-up: disk cache, segmentation cache, .pyc files
        runs = [timed_run(command) for _ in range(args.repeat)]
        codes = {code for _, _, code in runs}
        results[name] = {"first_output_s": statistics.median(r[0] for r in runs),
                         "exit_s": statistics.median(r[1] for r in runs),
                         "runs_first_output_s": [round(r[0], 3) for r in runs], "exit_codes": sorted(codes),
                         **import_report(command)}
        print(f"{name}: first output {results[name]['first_output_s']:.2f} s", file=sys.stderr, flush=True)

    print(f"| command | first output, median of {args.repeat} (s) | exit (s) | modules | heavy libraries imported "
          "(cumulative import s) |")
    print("|---|---|---|---|---|")
    for name, r in results.items():
        heavy = ", ".join(f"{h} ({r['import_s'][h]:.2f})" if r["import_s"].get(h) else h for h in r["heavy"])
        print(f"| `{name}` | {r['first_output_s']:.2f} | {r['exit_s']:.2f} | {r['n_modules']} | {heavy or 'none'} |")
    print()
    for name, r in results.items():
        for heavy in r["heavy"]:
            frames = r["first_import"][heavy].get("dvtopics_frames") or []
            where = frames[-1] if frames else r["first_import"][heavy].get("importer", "?")
            print(f"- `{name}`: {heavy} first imported from {where}"
                  + (f" (via {' <- '.join(reversed(frames[:-1]))})" if len(frames) > 1 else ""))
    verdict = [f"{name}: gensim {'IMPORTED' if 'gensim' in results[name]['heavy'] else 'not imported'}"
               for name in list(COMMANDS)[:2]]
    print("\n" + "; ".join(verdict))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
