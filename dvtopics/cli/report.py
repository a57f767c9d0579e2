"""`dvtopics report`: one self-contained HTML report, and its tables as a spreadsheet."""
from __future__ import annotations

import shlex
import sys
import time

import click

from ..arguments import MAX_REPORT_TOPICS, MIN_TOPICS
from ..wording import plural
from .options import (ARTICLES, MODEL_DIR, TOPICS_DIR, Command, InputPath, OutputPath, WholeNumber, paths_argument,
                      reading_options, terminal_text)


def _command_line(ctx: click.Context) -> str:
    """The command as a user would retype it: arguments, and options not left at their default."""
    words = ctx.command_path.split()
    for param in ctx.command.params:
        value = ctx.params.get(param.name)
        if isinstance(param, click.Argument):
            words += [str(v) for v in (value or ())]
        elif value not in (None, False, ()) and value != param.default:
            words += [param.opts[-1]] + ([] if param.is_flag else [str(value)])
    return shlex.join(words)


@click.command(cls=Command)
@paths_argument
@click.option("--out", type=OutputPath(), required=True, help="The HTML report to write.")
@click.option("--xlsx", type=OutputPath(), default=None,
              help="Also write the report's tables (every article, counts per month, types, topics and the shares "
                   "behind the topic charts) as an .xlsx workbook.")
@click.option("--model", "model_dir", type=MODEL_DIR, default=None,
              help="Article-type model directory, or `shipped` [default: the shipped model].")
@click.option("--topics", "topics_dir", type=TOPICS_DIR, default=None,
              help="Topic model directory (`dvtopics topics fit --out`) [default: fit topics on these articles].")
@click.option("--no-topics", is_flag=True, help="Leave the themes out (no topic model given or fitted).")
@click.option("--k", "n_topics", type=WholeNumber(MIN_TOPICS, MAX_REPORT_TOPICS), default=None,
              help="Topics to fit when no --topics is given [default: from the number of articles].")
@click.option("--max-rows-per-type", type=ARTICLES, default=500, show_default=True,
              help="Articles listed per type in the HTML (the most confident); the spreadsheet has all.")
@click.option("--labels", "labels_file", type=InputPath(exists=True, dir_okay=False),
              help="Article types by id (CSV, .xlsx, JSONL or JSON, such as `label --out` writes and a reader "
                   "corrected): each article it names shows that type.")
@click.option("--title", default="dvtopics report", show_default=True, help="The report's title.")
@click.option("--force", is_flag=True,
              help="Replace --xlsx even when it is not as dvtopics wrote it (labels corrected in it since, or a file "
                   "of your own); without it such a workbook is refused.")
@reading_options()
@click.pass_context
def report(ctx, paths, out, xlsx, model_dir, topics_dir, no_topics, n_topics, max_rows_per_type, labels_file, title,
           force, reading):
    """Write one HTML report of the articles in PATHS that opens anywhere, offline.

    It labels each article's type, finds its themes, and shows the corpus at a
    glance, types per month, a sortable and searchable article table, topics
    over time and by type, and how it was made.

    An article's own label (--label-field) is its type when it is one of the
    model's; the model labels the rest, and its label and confidence are kept
    beside each type.
    """
    from ..jobs import report as write_report

    if no_topics and topics_dir:  # (a wrong command line: after its usage, as click's own)
        raise click.UsageError("--no-topics leaves the themes out, --topics puts a model's in: give one of them")
    if n_topics is not None and (no_topics or topics_dir):  # --k is the number of themes the report fits
        why = "--no-topics fits none" if no_topics else "--topics DIR has its own"
        raise click.UsageError(f"--k fits that many themes: {why}; leave --k out")
    started = time.perf_counter()
    written = write_report(reading, out, xlsx, model_dir, topics_dir, fit_topics=not no_topics, n_topics=n_topics,
                           max_rows_per_type=max_rows_per_type, title=title, command=_command_line(ctx),
                           labels_file=labels_file, force=force)
    path, records = written.path, written.records
    if written.workbook:
        click.echo(f"Tables: {terminal_text(written.workbook)}", err=True)
    failed = sum(1 for r in records if r.get("error"))
    # (an empty folder's error is not an article: the report said "1 article, 1 could not be read", as label did)
    read = (f"no article read, {plural(failed, 'error')}" if failed == len(records)
            else f"{plural(len(records), 'article')}, {failed} could not be read")
    click.echo(f"Report: {terminal_text(path)} ({path.stat().st_size / 2**20:.1f} MB, {read}) "
               f"in {time.perf_counter() - started:.1f} s", err=True)
    sys.exit(1 if failed else 0)


COMMANDS = [report]
