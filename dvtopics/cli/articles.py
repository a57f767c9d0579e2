"""`dvtopics inspect` and `dvtopics segment`: look at articles and their words."""
from __future__ import annotations

import functools
import json
import sys

import click

from .options import (Command, InspectPath, OutputPath, force_option, one_of, paths_argument, reading_options,
                      terminal_text)
from ..wording import plural


def _cards_apart(func):
    """Model folders among inspect's PATHS are shown as their card (what the model is, how it was trained and scored),
    the others read as articles: `inspect models/mine` was an error record that said to unzip its model file."""
    @functools.wraps(func)
    def command(*args, paths, fmt, **kwargs):
        from ..io.folders import is_model_folder

        models = [path for path in paths if is_model_folder(path)]
        broken = [folder for folder in models if not _show_card(folder, fmt)]
        articles = tuple(path for path in paths if path not in models)
        # 1, as for an article that could not be read, when a model shown would be refused where it is used
        try:
            shown = func(*args, paths=articles, fmt=fmt, **kwargs) if articles else None
        except SystemExit as done:
            if broken and not done.code:
                sys.exit(1)
            raise
        if broken:
            sys.exit(1)
        return shown
    return command


def _show_card(folder, fmt: str) -> bool:
    """Show the card of the model in `folder`; False, with an error line, when the model would be refused where it is
    used (a file replaced, a card edited by hand): the card alone read as a sound model that label then refused."""
    from ..errors import ModelError
    from ..jobs.checks import check_model
    from ..persist import read_card

    card = read_card(folder)
    try:
        check_model(folder, card)
        problem = None
    except ModelError as exc:
        problem = str(exc)
    if fmt == "jsonl":
        click.echo(json.dumps({"model": str(folder), **card, **({"error": problem} if problem else {})},
                              ensure_ascii=False))
    else:
        _show_card_table(folder, card)
    if problem:
        click.echo(f"Error: {terminal_text(problem)}", err=True)
    return problem is None


def _show_card_table(folder, card: dict) -> None:
    from ..persist import kind_of_model

    click.echo(f"{terminal_text(str(folder))}: {kind_of_model(card.get('task'))}")
    for key, value in card.items():
        if key == "metrics":
            click.echo(f"  {key:<15} {_scores(value)}")
        elif isinstance(value, dict):  # parameters, training data, versions: a line each
            click.echo(f"  {key}")
            for name, item in value.items():
                click.echo(f"    {name:<21} {terminal_text(_said(item))}")
        elif key != "task":
            click.echo(f"  {key:<15} {terminal_text(_said(value))}")


def _said(value) -> str:
    """A card's value on one line: a dict as its keys and values, a list as its items, a share to 4 places."""
    if isinstance(value, dict):
        return ", ".join(f"{key} ({_said(item)})" if isinstance(item, dict) else f"{key} {_said(item)}"
                         for key, item in value.items())
    if isinstance(value, (list, tuple)):  # items apart by "; " when one holds a comma (a topic's label, its words)
        items = list(map(_said, value))
        return ("; " if any(", " in item for item in items) else ", ").join(items)
    if isinstance(value, str):  # an older card's pipeline is scikit-learn's repr over many lines
        return " ".join(value.split())
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def _scores(metrics: dict) -> str:
    """A classifier's scores on one line: each one's macro-F1, accuracy and articles, not its tables."""
    said = []
    for name, result in metrics.items():
        if isinstance(result, dict) and "macro_f1" in result:
            n = f", n {result['n']}" if "n" in result else ""
            said.append(f"{name}: macro-F1 {result['macro_f1']:.4f}, accuracy {result.get('accuracy', 0):.4f}{n}")
        elif isinstance(result, dict):  # the candidates
            said.append(f"{name}: " + ", ".join(f"{kind} {_said(score.get('macro_f1'))}" for kind, score in
                                                result.items() if isinstance(score, dict)))
    return "; ".join(said) or _said(metrics)


@click.command(cls=Command)
# none given: the shipped model's card (`types.model.SHIPPED`, not imported here: `dvtopics --help` would load numpy)
@click.argument("paths", nargs=-1, type=InspectPath(exists=True, readable=False), default=("shipped",))
@click.option("--format", "fmt", type=one_of(["table", "jsonl"]), default="table", show_default=True)
@_cards_apart
@reading_options(n_jobs=False)
def inspect(paths, fmt, reading):
    """Show each article's id, title, date, source, label (where articles have one), characters and words; a model
    folder's card (`shipped`, or no PATHS: the model that comes with dvtopics)."""
    from ..jobs import read_segmented

    data = read_segmented(reading,
                          lower=False, progress=None)
    words = {id(a): len(s.split()) for a, s in zip(data.good, data.texts)}  # by article: ids may repeat
    # the label too: `inspect data.xlsx --label-field "Loại bài"`, run to check that train will find the labels,
    # showed none of them (the option was taken, and only a missing column made a difference)
    rows = [{"id": a.id, "title": a.title, "date": a.date, "source": a.source, "label": a.label, "chars": len(a.text),
             "words": words.get(id(a), 0), "error": a.error, "warning": a.meta.get("warning")} for a in data.articles]
    labelled = any(row["label"] for row in rows)  # a column of its own only where some article has one
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        # ids whole, the column as wide as the longest: a tree's ids (2023/05/hoi-nghi-…-a, -b) cut to 24 characters
        # looked alike, and an id is what a labels file names
        width = max([24, *(len(terminal_text(row["id"])) for row in rows)])
        click.echo(f"{'id':<{width}} {'date':<10} {'chars':>7} {'words':>6}  {'source':<20}  "
                   + (f"{'label':<20}  " if labelled else "") + "title")
        for row in rows:
            title = terminal_text(row["title"] if not row["error"] else f"ERROR: {row['error']}")
            label = f"{terminal_text(row['label'] or '-')[:20]:<20}  " if labelled else ""
            click.echo(f"{terminal_text(row['id']):<{width}} {row['date'] or '-':<10} {row['chars']:>7} "
                       f"{row['words']:>6}  {terminal_text(row['source'] or '-')[:20]:<20}  {label}{title[:70]}")
    sys.exit(1 if data.failed else 0)


@click.command(cls=Command)
@paths_argument
@click.option("--out", type=OutputPath(), required=True, help="Output JSON lines file, its name ending in .jsonl ({id, tokens}).")
@click.option("--lower", is_flag=True, help="Lower-case the tokens.")
@force_option()
@reading_options()
def segment(paths, out, lower, force, reading):
    """Segment articles into words ("công_tác dân_vận") and write {"id", "tokens"} lines."""
    from ..jobs import segment as segment_job

    written = segment_job(reading, out, lower, force)
    click.echo(f"{plural(written.segmented, 'article')} segmented into {terminal_text(out)}", err=True)
    sys.exit(1 if written.failed else 0)


COMMANDS = [inspect, segment]
