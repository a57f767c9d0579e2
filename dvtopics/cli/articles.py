"""`dvtopics inspect` and `dvtopics segment`: look at articles and their words."""
from __future__ import annotations

import json
import sys

import click

from .options import Command, OutputPath, paths_argument, plural, reading_options, terminal_text


@click.command(cls=Command)
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@reading_options(n_jobs=False)
def inspect(paths, fmt, reading):
    """Show each article's id, title, date, source, label (where articles have one), characters and words."""
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
        click.echo(f"{'id':<24} {'date':<10} {'chars':>7} {'words':>6}  {'source':<20}  "
                   + (f"{'label':<20}  " if labelled else "") + "title")
        for row in rows:
            title = terminal_text(row["title"] if not row["error"] else f"ERROR: {row['error']}")
            label = f"{terminal_text(row['label'] or '-')[:20]:<20}  " if labelled else ""
            click.echo(f"{terminal_text(row['id'])[:24]:<24} {row['date'] or '-':<10} {row['chars']:>7} "
                       f"{row['words']:>6}  {terminal_text(row['source'] or '-')[:20]:<20}  {label}{title[:70]}")
    sys.exit(1 if data.failed else 0)


@click.command(cls=Command)
@paths_argument
@click.option("--out", type=OutputPath(), required=True, help="Output JSON lines file, its name ending in .jsonl ({id, tokens}).")
@click.option("--lower", is_flag=True, help="Lower-case the tokens.")
@reading_options()
def segment(paths, out, lower, reading):
    """Segment articles into words ("công_tác dân_vận") and write {"id", "tokens"} lines."""
    from ..jobs import segment as segment_job

    data = segment_job(reading, out,
                       lower)
    click.echo(f"{plural(len(data.good), 'article')} segmented into {out}", err=True)
    sys.exit(1 if data.failed else 0)


COMMANDS = [inspect, segment]
