"""Options shared by several commands, declared once."""
from __future__ import annotations

import click

from ..corpus import MAX_ARTICLE_BYTES, FieldNames

paths_argument = click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))


def input_options(func):
    """--text-field/--id-field/--label-field/--max-bytes for reading JSONL and CSV."""
    for option in reversed([
        click.option("--text-field", default="text", show_default=True, help="JSONL/CSV field with the text."),
        click.option("--id-field", default="id", show_default=True, help="JSONL/CSV field with the id."),
        click.option("--label-field", default="label", show_default=True, help="JSONL/CSV field with a label."),
        click.option("--max-bytes", default=MAX_ARTICLE_BYTES, show_default=True, type=int,
                     help="Articles larger than this are reported as errors."),
    ]):
        func = option(func)
    return func


def field_names(text_field: str, id_field: str, label_field: str) -> FieldNames:
    return FieldNames(text=text_field, id=id_field, label=label_field)


def n_jobs_option(func):
    return click.option("-j", "--n-jobs", default=1, show_default=True, type=int,
                        help="Processes to work in (-1: all cores).")(func)


def cache_options(func):
    func = click.option("--cache-dir", type=click.Path(), default=None,
                        help="Segmentation cache folder [default: ~/.cache/dvtopics or $DVTOPICS_CACHE].")(func)
    return click.option("--no-cache", is_flag=True, help="Do not read or write the segmentation cache.")(func)


def engine_options(func):
    """--engine/--scheduler/--part-size: run locally, or on a Dask cluster (dvtopics.distributed)."""
    for option in reversed([
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="local: stream on this machine. dask: parts of the input on a Dask cluster "
                          "(pip install 'dvtopics[dask]'; needs --out)."),
        click.option("--scheduler", default=None, metavar="ADDRESS",
                     help="Dask scheduler (tcp://host:8786) [default: a local cluster of this machine's cores]."),
        click.option("--part-size", default=10_000, show_default=True, type=click.IntRange(min=1),
                     help="Dask: articles (JSONL lines, .txt files) per task."),
    ]):
        func = option(func)
    return func
