"""The README sends readers to docs/ for the details: every link between the project's Markdown pages must
lead somewhere, to a file that is there and, where it names one, to a heading that page has."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", ROOT / "ARCHITECTURE.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]+\]\(([^)\s]+)\)")


def anchors(page: Path) -> set[str]:
    """GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens."""
    found = set()
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            heading = line.lstrip("#").strip().lower()
            found.add(re.sub(r"[^\w\- ]", "", heading).replace(" ", "-"))
    return found


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_local_link_leads_to_a_file_and_heading(page):
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # a web address: not ours to check offline
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        if not linked.exists():
            broken.append(target)
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(target)
    assert not broken, f"{page.name}: links to nothing: {broken}"


def test_the_notebooks_send_their_readers_to_readme_sections_it_has():
    """Hunt 27 D, 11: notebook 01 sent its reader to the README's *How the date is chosen*, a section it does not
    have (it is *How the date, title and source are found*)."""
    headings = {line.lstrip("#").strip() for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
                if line.startswith("#")}
    named = [(notebook.name, section) for notebook in sorted((ROOT / "notebooks").glob("*.ipynb"))
             for section in re.findall(r"README: \*([^*]+)\*", notebook.read_text(encoding="utf-8"))]
    assert named and not [(notebook, section) for notebook, section in named if section not in headings]


def test_the_readme_links_to_each_page_of_details():
    readme = ROOT / "README.md"
    linked = {target.partition("#")[0] for target in LINK.findall(readme.read_text(encoding="utf-8"))}
    pages = {f"docs/{page.name}" for page in (ROOT / "docs").glob("*.md")}
    assert pages and pages <= linked, f"pages no link leads to: {sorted(pages - linked)}"


def test_the_readmes_python_example_runs_on_the_seeds(monkeypatch, capsys):
    """The README's "From Python" block is what a notebook user copies first: it must run as written, from the
    clone's root, and label the five seeds."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### From Python"):]
    example = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(ROOT)
    exec(compile(example, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    labelled = [line.split()[1] for line in printed if line.split()[0].startswith(("00", "01"))]
    assert len(labelled) == 5 and set(labelled) <= {"semi_annual_review", "quarterly_briefing", "steering_committee",
                                                    "annual_review", "other"}


# a command's name opening a code span of the text: `label -j 2`, `topics sweep --measures ""`
VERB = r"(inspect|segment|label|rules|train|evaluate|report|topics (fit|show|assign|html|sweep)) "


def documented_commands() -> list[tuple[str, str]]:
    """(page, command) for every `dvtopics …` command of the README and docs/: each line of their bash blocks that
    runs one, and each code span of their text that opens with one (`dvtopics inspect shipped`) or with a command's
    name and more (`label --min-confidence 0.6 --abstain uncertain`)."""
    found = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        lines = [line.split(" #")[0] for block in re.findall(r"```bash\n(.*?)```", text, re.S)
                 for line in block.replace("\\\n", " ").splitlines()]
        spans = re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S))
        for line in lines + spans:
            if re.match(VERB, line):
                line = f"dvtopics {line}"
            command = re.search(r"(?:^|[\s/])(dvtopics .*)", line.split("; echo")[0])
            if command and "<" not in command[1]:  # `train <the shipped command's inputs …>` names no option
                found.append((page.name, command[1].strip()))
    return found


# a value the docs leave to the reader: `--out OUT`, `--model MODEL_DIR`, `--k …` (a number is no placeholder)
PLACEHOLDER = re.compile(r"[A-Z_…][A-Z0-9_.…]*")


def unknown_options(command: str) -> list[str]:
    """What the CLI would refuse in `command`: a command or an option it does not have, or an option's value its
    type refuses (a choice, a range). Paths are not looked for (they are the reader's), nor placeholders (PATHS)."""
    import click

    from dvtopics.cli import cli

    words = shlex.split(command)[1:]
    refused, current = [], cli
    params = {opt: param for param in cli.params for opt in param.opts + param.secondary_opts}
    while words:
        word = words.pop(0)
        if word == "--help":  # (click gives every command its help, among no command's params)
            continue
        if word.startswith("-") and word != "-" and not re.fullmatch(r"-\d[\d.]*", word):
            name, _, value = word.partition("=")
            param = params.get(name)
            if param is None:
                refused.append(f"{word} (no such option of {current.name})")
                continue
            if not (param.is_flag or param.count) and not value and words and not words[0].startswith("--"):
                value = words.pop(0)
            if value and not isinstance(param.type, click.Path) and not PLACEHOLDER.fullmatch(value):
                try:  # its type's conversion and its callback, as the CLI runs them (`--views text,foo`)
                    param.process_value(click.Context(current), (value,) if param.multiple else value)
                except click.ClickException as refusal:
                    refused.append(f"{word} {value}: {refusal.format_message()}")
        elif isinstance(current, click.Group) and not (word.isupper() or word == "…"):
            if word not in current.commands:
                refused.append(f"{word} (no such command)")
                break
            current = current.commands[word]
            params |= {opt: param for param in current.params for opt in param.opts + param.secondary_opts}
    return refused


def test_every_dvtopics_command_in_the_docs_is_one_the_cli_takes():
    """Hunt 30 R: the README and docs/ are followed to the letter by users who install the wheel. Each command they
    show must name commands and options the CLI has, with values it accepts, so a renamed option or command
    fails here rather than at a user's prompt."""
    commands = documented_commands()
    assert len(commands) > 90 and any("topics sweep" in command for _, command in commands)
    refused = {f"{page}: {command}": problem for page, command in commands if (problem := unknown_options(command))}
    assert not refused, refused


@pytest.mark.parametrize("command, refused", [
    ("dvtopics label seeds/ --min-confidance 0.6", "--min-confidance"),
    ("dvtopics topics fit x --engine lda --out t/", "--engine lda"),
    ("dvtopics topics fitt x", "fitt"),
    ("dvtopics topics fit seeds/ --k 1 --out t/", "--k 1"),  # review of hunt 30 R: numbers were never checked
    ("dvtopics label seeds/ --min-confidence 1.5", "--min-confidence 1.5"),
    ("dvtopics segment seeds/ -j 0", "-j 0"),
    ("dvtopics train seeds/ --views text,foo --out m/", "--views text,foo"),  # refused by its callback
])
def test_the_docs_command_check_sees_a_wrong_option(command, refused):
    assert refused in " ".join(unknown_options(command))


def test_each_model_folder_a_documented_command_reads_is_shipped_or_made_on_that_page():
    """Hunt 30 R: the README's report example read `--topics out/seeds-topics --model models/article-type`, folders
    of a clone after `make run`: a wheel user following the page had neither (exit 2). A model or topics folder a
    command reads must be `shipped` or one a command before it on the same page writes (`--out`)."""
    written, unmade = {}, []
    for page, command in documented_commands():
        words = shlex.split(command)[1:]
        made = written.setdefault(page, {"shipped"})
        given = [words[i + 1] for i, word in enumerate(words[:-1]) if word in ("--model", "--compare", "--topics")]
        positional = [word for word in words if not word.startswith("-")]
        if positional[:1] == ["evaluate"] or positional[:2] in (["topics", "show"], ["topics", "assign"],
                                                                 ["topics", "html"]):
            given += positional[2 if positional[0] == "topics" else 1:][:1]
        unmade += [f"{page}: {command}" for folder in given
                   if not folder.startswith("-") and not folder.isupper() and folder.rstrip("/") not in made]
        made |= {words[i + 1].rstrip("/") for i, word in enumerate(words[:-1]) if word == "--out"}
    assert not unmade, unmade


def test_the_commands_help_names_every_kind_of_file_the_readme_says_it_reads():
    """Hunt 30 R: `dvtopics --help` said it reads ".txt folders, JSONL, CSV or tab-separated, .xlsx", long after the
    README's table of what it reads gained JSON, feeds and site exports, and Word and OpenDocument files; then it left
    out archives and Blogger exports, which a fixed list here could not see (review of hunt 30 R). Each kind a row of
    the table names outside its parentheses (a suffix, an export's name) is in the help, a suffix or its kind's name
    (`.csv` as CSV)."""
    from click.testing import CliRunner

    from dvtopics.cli import cli

    shown = set(re.findall(r"\.?\w+(?:\.\w+)*", CliRunner().invoke(cli, ["--help"]).output))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = readme[readme.index("| you have |"):readme.index("- **Columns and fields**")].splitlines()[2:]
    given = [re.sub(r"\([^)]*\)", "", row.split("|")[2]) for row in rows if row.startswith("|")]
    kinds = [kind for cell in given for kind in re.findall(r"`(\.[.\w]+)`|\b([A-Z]\w+)", cell)]
    kinds = [suffix or name for suffix, name in kinds]
    assert len(given) == 6 and {".zip", ".tar.gz", "Blogger", ".docx", "RSS"} <= set(kinds)
    assert not [kind for kind in kinds if kind not in shown and kind.lstrip(".").upper() not in shown]


def test_make_run_replaces_the_outputs_its_last_run_wrote():
    """Review of hunt 30 O: the README's `make run` stopped at its report step (exit 2) when out/ held the workbook
    an older dvtopics wrote ("no record of writing it"): each of its steps whose output dvtopics refuses to replace
    once it is not as dvtopics wrote it (`label --out`'s table, `report --xlsx`'s workbook) says --force."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("\nrun: "):].split("\n\n")[0]
    steps = [line.split("dvtopics ", 1)[1].split() for line in recipe.splitlines() if "$(BIN)/dvtopics " in line]
    refusing = [step for step in steps if (step[0] == "label" and "--out" in step) or "--xlsx" in step]
    assert len(refusing) == 2 and not [" ".join(step) for step in refusing if "--force" not in step]
