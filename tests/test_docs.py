"""The README sends readers to docs/ for the details: every link between the project's Markdown pages must
lead somewhere, to a file that is there and, where it names one, to a heading that page has."""
from __future__ import annotations

import re
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
