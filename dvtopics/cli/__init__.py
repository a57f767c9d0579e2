"""The `dvtopics` command line: one click group, one small function per verb.

Commands live in `dvtopics/cli/`, one module per family; each only parses
its arguments, calls a job of `dvtopics.jobs` and prints what it returns. Library errors
(`DvtopicsError`) become one line on stderr and exit code 2.

Exit codes: 0 all went well; 1 the job finished but some articles could not be
read or processed (each is listed in the output with its error); 2 the job
could not run (bad arguments, missing or broken model, unreadable input).
"""
from __future__ import annotations

import logging
import os
import sys
import warnings
from pathlib import Path

import click

from .. import __version__
from ..arguments import command_line_wording
from ..errors import DvtopicsError
from .options import terminal_text

EXIT_SOME_FAILED = 1
EXIT_ERROR = 2
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a tool SIGPIPE ended, as `cat big | head` does
# in ctx.meta: the running command's --out, whose interrupted run --resume can finish (`unfinished_run`)
RESUMABLE = "dvtopics.resumable"


class Terminated(KeyboardInterrupt):
    """SIGTERM (a scheduler's or systemd's stop, `timeout`, `kill`), read as Ctrl-C is: it stopped a run without a
    word, its journal and lock left behind (hunt 38 G)."""


def _terminated(signum, frame):
    raise Terminated()


class DvtopicsGroup(click.Group):
    """Turns library errors into one line and exit code 2, instead of a traceback."""

    def invoke(self, ctx):
        import signal
        import threading

        # (only the main thread may set it; given back after the command, as a program calling the group had it)
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _terminated) if main else None
        try:
            with command_line_wording():  # its messages name the flags typed, not Python's arguments
                return super().invoke(ctx)
        except DvtopicsError as exc:
            click.echo(f"Error: {terminal_text(exc)}", err=True)  # it may name an id or a title
            ctx.exit(EXIT_ERROR)
        except BrokenPipeError:  # `dvtopics label x | head`: the reader has what it wanted; stop quietly
            try:  # and let nothing more reach the closed pipe when Python flushes stdout on its way out
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError):
                pass
            ctx.exit(EXIT_BROKEN_PIPE)
        except OSError as exc:  # a folder that cannot be written, a full disk: the system's reason, in one line
            where = f"{terminal_text(exc.filename)}: " if exc.filename else ""
            click.echo(f"Error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(EXIT_ERROR)
        except KeyboardInterrupt as exc:
            # (nothing half-written: each output is whole or as it was; "finished output is kept" was said where a
            # run had written nothing at all)
            said = ("what was done is kept; rerun with --resume to go on" if unfinished_run(ctx.meta.get(RESUMABLE))
                    else "no output is left half-written")
            click.echo(f"{'Stopped' if isinstance(exc, Terminated) else 'Interrupted'}: {said}.", err=True)
            ctx.exit(128 + 15 if isinstance(exc, Terminated) else 130)  # as a shell reports SIGTERM, SIGINT
        finally:
            if main:
                signal.signal(signal.SIGTERM, previous)


def unfinished_run(out) -> bool:
    """Whether an interrupted run into `out` left something a --resume finishes: the local engine's journal, Dask's
    parts (in FOLDER/ itself, or beside the file). Ctrl-C before the first labels were written (the model loading), or
    in a run to standard output, which --resume refuses, was told to rerun with --resume all the same."""
    if not out:
        return False
    from ..run.batch import journal_path, parts_path

    if os.fspath(out).endswith(("/", os.sep)) or os.path.isdir(out):
        return os.path.isdir(out) and any(os.scandir(out))
    return journal_path(Path(out)).exists() or parts_path(Path(out)).exists()


@click.group(cls=DvtopicsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dvtopics")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True,
              help="Only errors and each command's closing summary: no warnings, notes or progress bars.")
def cli(verbose: int, quiet: bool):
    """Sort and explore Vietnamese news about công tác dân vận.

    Read articles (folders of .txt, .docx or .odt files, or one such file, .txt.gz too; JSONL (.jsonl, .jsonl.gz,
    .ndjson, .jl) or JSON; CSV, TSV or .xlsx; RSS, Atom, WordPress or Blogger exports; .zip, .tar, .tar.gz or .tgz
    archives), label their type, find their themes, and write reports.
    """
    set_verbosity(verbose, quiet)


def set_verbosity(verbose: int, quiet: bool) -> None:
    """Log at the level -v/-q ask for; given after the command too (`dvtopics label x -q`), it is set again. Both
    given, before the command or after it, are refused: -q won without a word, and a user asking for more log got
    less."""
    if verbose and quiet:
        raise click.UsageError("-q (--quiet) asks for less log and -v (--verbose) for more: give one of them",
                               click.get_current_context(silent=True))  # (its usage line: the command's, when after it)
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, handlers=[_log_lines()])
    logging.getLogger().setLevel(level)
    # the libraries' warnings (scikit-learn's ConvergenceWarning) obey -q as ours do, one line each; worker
    # processes start with the environment, so -q silences theirs too
    warnings.showwarning = _warning_as_a_line
    if quiet:
        os.environ["PYTHONWARNINGS"] = "ignore"
    for handler in logging.getLogger().handlers:  # libraries that set their own loggers' levels (Dask's INFO) too
        handler.setLevel(level)


class _ReadableLine(logging.Formatter):
    """A log line naming a file read under an ASCII locale with Python's UTF-8 mode off (`LC_ALL=C PYTHONUTF8=0`) by
    its letters, not the surrogate escapes of its bytes ("h\\udce1\\udcbb\\udc8fng"): an ASCII stderr escapes each
    letter it lacks ("h\\u1ecfng"), a UTF-8 one shows it."""

    def format(self, record) -> str:
        from ..io.write import writable_text

        return writable_text(super().format(record))


def _log_lines() -> logging.Handler:
    """Where the log goes: stderr, in its own encoding. (Made UTF-8 where Python took the locale for ASCII, click's
    own messages then showed a name's surrogate escapes, "\\udcc3", where they showed "?".)"""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_ReadableLine("%(levelname)s: %(message)s"))
    return handler


def _warning_as_a_line(message, category, filename, lineno, file=None, line=None) -> None:
    """A library's warning as one log line ("WARNING: Maximum number of iterations 400 reached. …
    (ConvergenceWarning)"), not its file, line and source."""
    logging.getLogger("dvtopics").warning("%s (%s)", str(message).splitlines()[0] if str(message) else "",
                                          category.__name__)


def _register() -> None:
    from . import articles, classify, report, topics

    for module in (articles, classify, topics, report):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def utf8_stdout(stream=None) -> None:
    """Make standard output able to write Vietnamese. On Windows, output redirected to a file or a pipe
    (`dvtopics label x > labels.jsonl`) is in the ANSI code page (cp1252), as it is under a Latin-1 locale:
    the first "ơ" was a UnicodeEncodeError traceback. Redirected, it is data (JSON lines, tables) and is
    written as UTF-8; a terminal keeps its encoding and shows a letter it lacks as an escape ("\\u01a1")."""
    stream = sys.stdout if stream is None else stream
    try:
        "ơệ".encode(stream.encoding or "ascii")
        return
    except (UnicodeEncodeError, LookupError):
        pass
    reconfigure = getattr(stream, "reconfigure", None)  # not on a stream a caller swapped in
    if reconfigure is None:
        return
    try:
        tty = stream.isatty()
    except (OSError, ValueError):
        tty = False
    if tty:
        reconfigure(errors="backslashreplace")
    else:
        reconfigure(encoding="utf-8")


def main() -> None:
    utf8_stdout()
    cli(prog_name="dvtopics")
